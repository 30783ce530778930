"""Side conditions of the kernel's structural checks that no corpus entry or registry proof reaches: each
is shown to reject, beside an accepted control that differs from it in that condition alone."""

import pytest
import sympy as sp

from modelcollapse.proofs import kernel
from modelcollapse.proofs.kernel import Domain, Draw, Law, Proof, Rand, StateVar, Step
from modelcollapse.proofs.kernel import rules as R

g = sp.Symbol("g", integer=True, nonnegative=True)
x = sp.Symbol("x", real=True)
k = sp.Symbol("k", integer=True, nonnegative=True)
GOAL = sp.Lt(x**2, x**2 + 1, evaluate=False)


def _verdict(proof):
    rep = kernel.check(proof, kernel.Library())
    return rep.ok, rep.summary()


def _algebra(goal, domains, law=None, local=()):
    return Proof("side", {"s": goal}, domains, [Step("s", goal, R.Algebra())], law, local)


def test_a_local_needs_a_domain_and_may_not_appear_in_a_goal():
    assert _verdict(_algebra(GOAL, {x: Domain.real(), k: Domain.integer(0)}, local=(k,)))[0]
    ok, why = _verdict(_algebra(GOAL, {x: Domain.real()}, local=(k,)))
    assert not ok and "the local k needs a domain" in why
    in_goal = sp.Lt(x**2 + k, x**2 + k + 1, evaluate=False)
    ok, why = _verdict(_algebra(in_goal, {x: Domain.real(), k: Domain.integer(0)}, local=(k,)))
    assert not ok and "the local k appears free in a goal" in why


def _walk(family="Normal", indices=()):
    return Law("walk", g, {}, (StateVar("y", 0, Rand("y", g) + Rand("D", g), Domain.real(), indices),),
               (Draw("D", family, (0, 1)),))


def test_a_random_quantity_needs_a_law_that_gives_it_its_indices():
    same = sp.Eq(Rand("y", g), Rand("y", g), evaluate=False)
    goal = sp.Eq(Rand("y", g + 1), Rand("y", g) + Rand("D", g), evaluate=False)
    law_step = [Step("s", goal, R.LawStep("y"))]
    assert _verdict(Proof("side", {"s": goal}, {g: Domain.integer(0)}, law_step, _walk()))[0]
    ok, why = _verdict(Proof("side", {"s": same}, {g: Domain.integer(0)}, [Step("s", same, R.Algebra())]))
    assert not ok and "needs a law" in why
    indexed = sp.Eq(Rand("y", g, 1), Rand("y", g, 1), evaluate=False)
    ok, why = _verdict(Proof("side", {"s": indexed}, {g: Domain.integer(0)}, [Step("s", indexed, R.Algebra())],
                             _walk()))
    assert not ok and "has 1 indices; the law gives it 0" in why


def test_a_law_draws_only_from_the_kernel_s_families():
    goal = sp.Eq(Rand("y", g + 1), Rand("y", g) + Rand("D", g), evaluate=False)
    ok, why = _verdict(Proof("side", {"s": goal}, {g: Domain.integer(0)}, [Step("s", goal, R.LawStep("y"))],
                             _walk("Cauchy")))
    assert not ok and "unknown family Cauchy" in why


def test_a_finite_domain_needs_values_and_a_domain_belongs_to_a_plain_symbol():
    b = sp.Symbol("b", integer=True)
    bounded = sp.Le(b**2, 4, evaluate=False)
    assert _verdict(_algebra(bounded, {b: Domain.finite([-2, 0, 2])}))[0]
    with pytest.raises(ValueError, match="a finite domain has at least one value"):
        Domain.finite([])
    emptied = Domain.finite([0])
    object.__setattr__(emptied, "values", ())  # the checker reads a copy built again, so it is checked again
    ok, why = _verdict(_algebra(bounded, {b: emptied}))
    assert not ok and "a finite domain has at least one value" in why
    labelled = sp.IndexedBase(x + 1)  # sympy takes any expression as a label
    ok, why = _verdict(_algebra(GOAL, {x: Domain.real(), labelled: Domain.vector(Domain.real(), length=3)}))
    assert not ok and "x + 1 must be a plain sympy Symbol (or IndexedBase)" in why
    assert _verdict(_algebra(GOAL, {x: Domain.real(), sp.IndexedBase("q"): Domain.vector(Domain.real(), length=3)}))[0]


def test_a_moment_fact_of_integer_order_takes_an_integer_order():
    """The cited factorial moments of a Poisson count hold for orders 0, 1, 2, ... only: cited at order 1/2 (where
    ff(D, 1/2) is no polynomial), the citation is refused whatever it is asked to show, here the true E[D] = 2."""
    counts = Law("counts", g, {}, (StateVar("y", 0, Rand("y", g) + Rand("D", g), Domain.real()),),
                 (Draw("D", "Poisson", (2,)),))
    mean = sp.Eq(kernel.CE(Rand("D", g), g), 2, evaluate=False)
    for order, accepted in ((1, True), (sp.Rational(1, 2), False)):
        ok, why = _verdict(Proof("side", {"s": mean}, {g: Domain.integer(0)},
                                 [Step("s", mean, R.DrawFact("poisson_factorial_moments", "D", order))], counts))
        assert ok == accepted, why
        assert accepted or "the order of poisson_factorial_moments must be an integer >= 0" in why


@pytest.mark.parametrize("step, integer", [(1, True), (sp.pi, False), (sp.sqrt(2), False), (sp.Rational(1, 2), False)])
def test_a_state_declared_integer_moves_by_integers_only(step, integer):
    """x_{g+1} = x_g + c with x declared integer: only an integer c keeps it one. (The check once read x + pi as a
    polynomial in x and pi, with integer coefficients, and then proved floor(pi g) = pi g.)"""
    law = Law("walk", g, {}, (StateVar("x", 0, Rand("x", g) + step, Domain.integer(0)),), ())
    closed = sp.Eq(Rand("x", g), step * g)
    ok, why = _verdict(Proof("side", {"s": closed}, {g: Domain.integer(0)}, [Step("s", closed, R.StateInduction("x"))],
                             law))
    assert ok == integer, why
    assert integer or "is not shown integer" in why


def test_a_vector_may_not_share_its_name_with_another_symbol():
    """A vector's label is a sympy symbol: a rewriting by p = 0, true of a scalar p, would reach into the vector p."""
    vector = sp.IndexedBase("p")
    goal = sp.Ge(vector[1] ** 2, 0)
    for scalar, accepted in ((sp.Symbol("q"), True), (sp.Symbol("p"), False), (sp.Symbol("p", integer=True), False)):
        rep = kernel.check(_algebra(goal, {vector: Domain.vector(Domain.real(), length=2),
                                           scalar: Domain.finite([0])}), kernel.Library())
        assert rep.ok == accepted, rep.summary()
        assert accepted or "the vector p shares its name with another of the proof's symbols" in rep.errors


def test_no_index_is_named_as_a_vector_s_label():
    """Sum(p[p], (p, 1, 2)) binds the label of the vector it sums: sympy puts the index into the label too, and made
    every such sum IndexedBase(1)[1] + IndexedBase(2)[2], so that two sums over different vectors were one."""
    p, q, j = sp.Symbol("p"), sp.Symbol("q"), sp.Symbol("j", integer=True, positive=True)
    P, Q = sp.IndexedBase(p), sp.IndexedBase(q)
    doms = {P: Domain.vector(Domain.real(0, 1), 2), Q: Domain.vector(Domain.real(3, 4), 2)}
    ok, why = _verdict(_algebra(sp.Eq(sp.Sum(P[j], (j, 1, 2)), P[1] + P[2]), doms))
    assert ok, why
    for same in (sp.Eq(sp.Sum(P[p], (p, 1, 2)), sp.Sum(Q[q], (q, 1, 2))),
                 sp.Eq(sp.Product(P[p], (p, 1, 2)), sp.Product(Q[q], (q, 1, 2)))):
        ok, why = _verdict(_algebra(same, doms))
        assert not ok and "is named as a vector's label" in why, why


def test_a_domain_s_bounds_get_the_binder_checks_a_relation_gets():
    p = sp.Symbol("p")
    P = sp.IndexedBase(p)
    # (A bound that holds a sum at all is refused when the points are drawn; the binder check comes first.)
    for total, accepted in ((sp.Integer(1), True), (sp.Sum(P[p], (p, 1, 2)), False)):
        rep = kernel.check(_algebra(GOAL, {P: Domain.vector(Domain.real(0, 1), 2), x: Domain.real(total, total + 1)}),
                           kernel.Library())
        assert rep.ok == accepted, rep.summary()
        assert accepted or any("the domain of x: the index p of Sum(p[p], (p, 1, 2)) is named as a vector's label" in e
                               for e in rep.errors)


def test_an_axiom_s_value_may_not_hold_the_schema_s_own_bound_variables():
    """euler_sine_product binds k and N; a value holding the schema's k would be captured by its product."""
    from modelcollapse.proofs.kernel.axioms import AXIOMS, instance
    from modelcollapse.proofs.kernel.terms import bound_symbols

    axiom = AXIOMS["euler_sine_product"]
    k = next(v for v in bound_symbols(axiom.schema) if str(v) == "k")
    x_pattern = next(v for v, kind in axiom.patterns if kind == "value")
    instance(axiom, {x_pattern: sp.Rational(1, 2)}, set())
    with pytest.raises(ValueError, match=r"would capture the bound variable\(s\) \['k'\]"):
        instance(axiom, {x_pattern: k / 7}, set())


def test_a_domain_reads_parameters_never_a_vector_s_entries():
    """A total 1 + e[1] over entries in [0, 1) leaves no vector at all (e[2] = 1), which only a fixed point shows;
    the refuter's points decided it by chance. A domain may read parameters, not entries."""
    e, c = sp.IndexedBase("e"), sp.Symbol("c", real=True)
    for total, accepted in ((1 + c, True), (1 + e[1], False)):
        rep = kernel.check(_algebra(GOAL, {x: Domain.real(), c: Domain.finite([0]),
                                           e: Domain.vector(Domain.real(0, 1, hi_open=True), 2, total)}),
                           kernel.Library())
        assert rep.ok == accepted, rep.summary()
        assert accepted or "the domain of e reads a vector's entries" in rep.errors


def test_a_vector_s_length_is_an_integer():
    """3/2 entries in [0, 1] summing to 3/2 is no vector at all: an empty domain, on which any claim would hold."""
    e, m = sp.IndexedBase("e"), sp.Symbol("m", integer=True, positive=True)
    for length, accepted in ((2, True), (m, True), (sp.Rational(3, 2), False), (m / 2, False)):
        rep = kernel.check(_algebra(GOAL, {x: Domain.real(), m: Domain.integer(1),
                                           e: Domain.vector(Domain.real(0, 1), length)}), kernel.Library())
        assert rep.ok == accepted, rep.summary()
        assert accepted or any("a vector's length must be an integer" in err for err in rep.errors)

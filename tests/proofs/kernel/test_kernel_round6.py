"""The principles that close the sixth round of attacks, each with an honest case the kernel
accepts and an attack it rejects: constant nodes carry the obligations symbolic ones do, a power
whose exponent may be negative needs a base that does not vanish, a draw's support is not read at
another generation, goals get the checks steps get, MaxNormalVariance lives on the integers >= 1,
Monotone needs an integrable side, and indices stay inside their ranges."""

import pytest
import sympy as sp

from modelcollapse.proofs.kernel import Domain, Draw, E, Law, Proof, Rand, StateVar, Step, check
from modelcollapse.proofs.kernel.decide import undefined
from modelcollapse.proofs.kernel.domains import Space
from modelcollapse.proofs.kernel.rules import Algebra, Monotone
from modelcollapse.proofs.kernel.terms import MaxNormalVariance

x = sp.Symbol("x", real=True)
z = sp.Symbol("z", real=True)
y = sp.Symbol("y", real=True)
n = sp.Symbol("n", integer=True)
k = sp.Symbol("k", integer=True, positive=True)
g = sp.Symbol("g", integer=True, nonnegative=True)
ZERO = sp.sin(sp.pi / 7) ** 2 + sp.cos(sp.pi / 7) ** 2 - 1   # exactly 0, left unevaluated by sympy
SPACE = Space({x: Domain.real(), z: Domain.real(), y: Domain.real(), n: Domain.integer(), k: Domain.integer(1)})


def one_step(goal, domains, rule=Algebra(), law=None, steps=None):
    return check(Proof("p", {"statement": goal}, domains, steps or [Step("s", goal, rule)], law, ()))


@pytest.mark.parametrize("expr", [
    1 / (ZERO + 1), sp.sqrt(2) - 1, sp.log(sp.pi), sp.gamma(sp.Rational(1, 2)), sp.tan(sp.Rational(1, 3)),
    (x * z) ** 2, x ** 2 / (x ** 2 + 1) ** k, 2 ** n, MaxNormalVariance(k), MaxNormalVariance(3),
    sp.Piecewise((1, x > 0), (0, True)),
])
def test_defined_nodes_pass(expr):
    assert undefined(expr, SPACE) == ""


@pytest.mark.parametrize("expr, why", [
    (1 / ZERO, "may vanish in a denominator"),                       # U: constant nodes
    (sp.sqrt(ZERO - 1), "negative under a root"),
    (sp.log(ZERO), "its argument may not be positive"),
    (sp.gamma(ZERO), "its argument may not be positive"),
    (sp.tan(sp.pi / 2 + ZERO), "poles are not tracked"),
    (sp.Piecewise((1, x > 0)), "not shown to cover the domain"),
    ((x * z) ** n, "may vanish in a denominator"),                    # P: exponents of unknown sign
    (sp.Pow(0, n), "may vanish in a denominator"),
    (sp.Pow(x ** 2, y), "may not be positive (its exponent may be negative)"),
    (MaxNormalVariance(sp.Rational(1, 2)), "an integer >= 1"),         # M
    (MaxNormalVariance(y), "an integer >= 1"),
])
def test_undefined_nodes_are_named(expr, why):
    assert why in undefined(expr, SPACE)


def _binomial_law():
    return Law("LB", g, {}, (StateVar("S", sp.Integer(0), Rand("B", g), Domain.real()),),
               (Draw("B", "Binomial", (g + 1, sp.Rational(1, 2))),))


def test_a_support_read_at_the_law_generation_is_not_lent_to_other_generations():
    assert not one_step(sp.Le(Rand("B", g + 1), g + 1), {g: Domain.integer(0)}, law=_binomial_law()).ok
    assert one_step(sp.Ge(Rand("B", g + 1), 0), {g: Domain.integer(0)}, law=_binomial_law()).ok


def test_a_goal_gets_the_checks_a_step_gets():
    step = sp.Eq(x ** 2 - 1, (x - 1) * (x + 1))
    honest = check(Proof("p", {"statement": sp.Eq(x ** 2 - 1, (x + 1) * (x - 1))}, {x: Domain.real()},
                         [Step("s", step, Algebra())], None, ()))
    pole = check(Proof("p", {"statement": sp.Eq(x ** 2 - 1, (x ** 3 - x) / x)}, {x: Domain.real()},
                       [Step("s", step, Algebra())], None, ()))
    assert honest.ok and not pole.ok and any("x may vanish in a denominator" in e for e in pole.errors)


def _cauchy_law():
    return Law("LC", g, {}, (StateVar("S", sp.Integer(0), Rand("N", g), Domain.real()),),
               (Draw("N", "Normal", (sp.Integer(0), sp.Integer(1))), Draw("C", "ChiSquare", (sp.Integer(1),))))


def test_monotone_needs_an_integrable_side():
    def proof(Y):
        q = (x - 1) ** 2
        return check(Proof("p", {"statement": sp.Le(E(Y), E(Y + q))}, {g: Domain.integer(0), x: Domain.real()},
                           [Step("p", sp.Le(Y, Y + q), Algebra()), Step("m", sp.Le(E(Y), E(Y + q)), Monotone(), ("p",))],
                           _cauchy_law(), ()))
    assert proof(Rand("C", 0)).ok
    rejected = proof(Rand("N", 0) / sp.sqrt(Rand("C", 0)))
    assert "is not shown integrable" in rejected.steps[1].verdict.message


def test_indices_stay_inside_their_ranges():
    ns = sp.IndexedBase("ns", real=True, positive=True)
    j = sp.Symbol("j", integer=True, positive=True)
    dom = Domain.vector(Domain.real(0, lo_open=True), length=3)
    entry = sp.Eq(ns[j] * (x + 1) ** 2, ns[j] * (x ** 2 + 2 * x + 1))
    inside = one_step(entry, {ns: dom, j: Domain.integer(1, 3), x: Domain.real()})
    outside = one_step(entry, {ns: dom, j: Domain.integer(1, 5), x: Domain.real()})
    assert inside.ok and "the index may lie outside 1..3" in outside.steps[0].verdict.message
    i = sp.Symbol("i", integer=True, positive=True)
    law = Law("LI", g, {}, (StateVar("S", sp.Integer(1), Rand("S", g, i), Domain.real(0, lo_open=True), (i,)),), (),
              {i: Domain.integer(1, 3)})
    domains = {g: Domain.integer(0), i: Domain.integer(1, 3)}
    assert one_step(sp.Gt(Rand("S", g, 2), 0), domains, law=law).ok
    assert "not shown inside the law's domain of i" in one_step(sp.Gt(Rand("S", g, 7), 0), domains, law=law).steps[0].verdict.message


def test_information_words_are_not_subtracted_as_written():
    from modelcollapse.proofs.kernel.rules import AxiomInstance, Rewrite
    from modelcollapse.proofs.kernel.terms import CondMutualInfo, Joint, MutualInfo
    law = Law("N0", g, {}, (StateVar("S", sp.Integer(0), Rand("D", g), Domain.real()),),
              (Draw("D", "Normal", (sp.Integer(0), sp.Integer(1))),))
    D0, S0 = Rand("D", 0), Rand("S", 0)
    X, Y, Z = sp.symbols("X Y Z")
    A, B, C = MutualInfo(D0, Joint(D0, S0)), MutualInfo(D0, D0), CondMutualInfo(D0, S0, D0)
    chain = Step("c", sp.Eq(A, B + C), AxiomInstance("mutual_information_chain_rule", {X: D0, Y: D0, Z: S0}))
    proof = lambda goal, steps: check(Proof("p", {"statement": goal}, {g: Domain.integer(0)}, steps, law, ()))
    assert proof(sp.Eq(A, B + C), [chain]).ok                                      # oo = oo + 0 is an identity
    cancelled = proof(sp.Eq(A - B - C, 0), [chain, Step("r", sp.Eq(A - B - C, 0), Rewrite(), ("c",))])
    assert "subtracts information words" in cancelled.steps[1].verdict.message    # oo - oo is no number

"""Side conditions of the kernel's structural checks that no corpus entry or registry proof reaches: each
is shown to reject, beside an accepted control that differs from it in that condition alone."""

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

"""Every rule of the table is exercised both ways: accepted on valid steps (the registry's proofs
and the small proofs below) and rejected on invalid ones (the soundness corpus)."""

import sympy as sp

from modelcollapse import proofs, theory
from modelcollapse.proofs import kernel
from modelcollapse.proofs.corpus import check as check_attack
from modelcollapse.proofs.corpus import entries
from modelcollapse.proofs.kernel import CE, Domain, Draw, E, Law, Proof, Rand, StateVar, Step
from modelcollapse.proofs.kernel import rules as R

g = sp.Symbol("g", integer=True, nonnegative=True)
x = sp.Symbol("x", real=True)
a = sp.Symbol("a", positive=True)


def _walk_law():
    """y_0 = 0, y_{g+1} = y_g + D_g with D ~ N(1, 1)."""
    return Law("walk", g, {}, (StateVar("y", 0, Rand("y", g) + Rand("D", g), Domain.real()),),
               (Draw("D", "Normal", (1, 1)),))


def small_proofs():
    """Valid proofs that use the rules the registry's proofs do not."""
    y, D = (lambda t: Rand("y", t)), (lambda t: Rand("D", t))
    law = _walk_law()
    dom = {g: Domain.integer(0)}
    yield Proof("algebra", {"s": sp.Lt(x**2, x**2 + 1, evaluate=False)}, {x: Domain.real()},
                [Step("s", sp.Lt(x**2, x**2 + 1, evaluate=False), R.Algebra())])
    yield Proof("specialize", {"s": sp.Eq(sp.Integer(3), sp.Integer(3), evaluate=False)}, {x: Domain.real()}, [
        Step("p", sp.Eq(x**2 + 2 * x, x * (x + 2), evaluate=False), R.Algebra()),
        Step("s", sp.Eq(sp.Integer(3), sp.Integer(3), evaluate=False), R.Specialize(x, 1), ("p",))])
    walk = sp.Eq(y(g + 1), y(g) + D(g), evaluate=False)
    yield Proof("monotone", {"s": sp.Le(E(y(g)), E(y(g) + D(g) ** 2))}, dict(dom), [
        Step("p", sp.Le(y(g), y(g) + D(g) ** 2), R.Algebra()),
        Step("s", sp.Le(E(y(g)), E(y(g) + D(g) ** 2)), R.Monotone(), ("p",))], law)
    yield Proof("walk_mean", {"s": sp.Eq(E(y(g)), g)}, dict(dom), [
        Step("law", walk, R.LawStep("y")),
        Step("m", sp.Eq(CE(D(g), g), 1, evaluate=False), R.DrawFact("normal_moments", "D", 1)),
        Step("c", sp.Eq(CE(y(g) + D(g), g), y(g) + 1, evaluate=False), R.CondExpect(), ("m",)),
        Step("one", sp.Eq(CE(y(g + 1), g), y(g) + 1, evaluate=False), R.Rewrite(source=True), ("law", "c")),
        Step("base", sp.Eq(y(0), 0, evaluate=False), R.LawInit("y")),
        Step("s", sp.Eq(E(y(g)), g, evaluate=False), R.Induction((y(g),), (g,), ((1,),), (1,)),
             ("one", "base", "law"))], law)


def small_rejections():
    """Invalid steps for the rules the corpus does not reach."""
    y = lambda t: Rand("y", t)  # noqa: E731
    law = _walk_law()
    dom = {g: Domain.integer(0)}
    yield Proof("wrong_init", {"s": sp.Eq(y(0), 1, evaluate=False)}, dict(dom),
                [Step("s", sp.Eq(y(0), 1, evaluate=False), R.LawInit("y"))], law)
    p, q = sp.Lt(x, x + 1, evaluate=False), sp.Lt(x, x + 2, evaluate=False)
    yield Proof("wrong_detach", {"s": q}, {x: Domain.real()}, [
        Step("a", p, R.Algebra()), Step("i", sp.Implies(q, p), R.Algebra()),
        Step("s", q, R.Detach(), ("i", "a"))])


def test_small_proofs_are_accepted():
    for proof in small_proofs():
        rep = kernel.check(proof)
        assert rep.ok, (proof.name, rep.summary())


def test_every_rule_is_accepted_somewhere_and_rejected_somewhere():
    accepted, rejected = set(), set()
    reports = [kernel.check(p) for p in small_proofs()]
    reports += [proofs.check(r.id) for r in theory.results() if proofs.has_proof(r.id)]
    for rep in reports:
        accepted |= {type(s.step.rule) for s in rep.steps if s.verdict.ok}
    for name, build, _ in entries():
        rep = check_attack(name, build)
        rejected |= {type(s.step.rule) for s in rep.steps if not s.verdict.ok}
    for proof in small_rejections():
        rep = kernel.check(proof)
        assert not rep.ok
        rejected |= {type(s.step.rule) for s in rep.steps if not s.verdict.ok}
    assert set(kernel.RULES) - accepted == set()
    assert set(kernel.RULES) - rejected == set()

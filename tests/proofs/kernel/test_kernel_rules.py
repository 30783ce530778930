"""Every rule of the table is exercised both ways: accepted on valid steps (the registry's proofs
and the small proofs below) and rejected on invalid ones (the soundness corpus)."""

import pytest
import sympy as sp

from modelcollapse.proofs import kernel
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
    # Monotone needs an integrable smaller side: an i.i.d. draw with cited moments.
    yield Proof("monotone", {"s": sp.Le(E(D(g)), E(D(g) + D(g) ** 2))}, dict(dom), [
        Step("p", sp.Le(D(g), D(g) + D(g) ** 2), R.Algebra()),
        Step("s", sp.Le(E(D(g)), E(D(g) + D(g) ** 2)), R.Monotone(), ("p",))], law)
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


# Reads every registry proof's kernel report: on the worker that checks them once (pyproject.toml).
@pytest.mark.xdist_group("registry_proofs")
def test_every_rule_is_accepted_somewhere(registry_reports):
    accepted = set()
    for rep in [kernel.check(p) for p in small_proofs()] + list(registry_reports.values()):
        accepted |= {type(s.step.rule) for s in rep.steps if s.verdict.ok}
    assert set(kernel.RULES) - accepted == set()


# Reads every corpus entry's report: on the worker that checks the corpus once (pyproject.toml).
@pytest.mark.xdist_group("corpus")
def test_every_rule_is_rejected_somewhere(corpus_reports):
    rejected = set()
    for rep in corpus_reports.values():
        rejected |= {type(s.step.rule) for s in rep.steps if not s.verdict.ok}
    for proof in small_rejections():
        rep = kernel.check(proof)
        assert not rep.ok
        rejected |= {type(s.step.rule) for s in rep.steps if not s.verdict.ok}
    assert set(kernel.RULES) - rejected == set()


# --- the hole classes of the fourth attack round, each accepted and rejected --------------------

def _ok(proof, library=None):
    return kernel.check(proof, library)


def test_specialize_refutes_the_premise_at_its_value():
    # A premise the algebra could not have shown (it is false at x = 0) cannot be specialised there.
    prem = sp.Eq(sp.Piecewise((1, x > 0), (0, True)), 1, evaluate=False)
    bad = sp.Eq(sp.Integer(0), sp.Integer(1), evaluate=False)
    verdict = R.Specialize(x, 0).check(bad, [prem], _context({x: Domain.real(0)}))
    assert not verdict.ok and "the premise is false at x = 0" in verdict.message
    good = R.Specialize(x, 2).check(sp.Eq(sp.Integer(4), sp.Integer(4), evaluate=False),
                                    [sp.Eq(x**2, x * x, evaluate=False)], _context({x: Domain.real(0)}))
    assert good.ok, good.message


def _context(domains, law=None, local=()):
    from modelcollapse.proofs.kernel.check import Context
    return Context(kernel.Space(domains, law.rand_domains() if law else {}), law, tuple(local))


def test_sums_need_integer_limits():
    i = sp.Symbol("i")
    dom = {i: Domain.integer(0, 3)}
    prem = sp.Eq(sp.floor(i), i, evaluate=False)
    half = sp.Rational(1, 2)
    bad = sp.Eq(sp.Sum(sp.floor(i), (i, half, half)), sp.Sum(i, (i, half, half)), evaluate=False)
    verdict = R.SumOver().check(bad, [prem], _context(dom, local=(i,)))
    assert not verdict.ok and "limits must be integers" in verdict.message
    good = sp.Eq(sp.Sum(sp.floor(i), (i, 0, 2)), sp.Sum(i, (i, 0, 2)), evaluate=False)
    assert R.SumOver().check(good, [prem], _context(dom, local=(i,))).ok
    law = Law("chi", g, {}, (), (Draw("D", "ChiSquare", (3,)),))
    j = sp.Symbol("j", integer=True)
    S = lambda lo, hi: sp.Sum(j * Rand("D", g), (j, lo, hi))  # noqa: E731
    ctx = _context({g: Domain.integer(0)}, law)
    assert R.ExpectSum().check(sp.Eq(E(S(1, 3)), sp.Sum(E(j * Rand("D", g)), (j, 1, 3))), [], ctx).ok
    verdict = R.ExpectSum().check(sp.Eq(E(S(half, 3)), sp.Sum(E(j * Rand("D", g)), (j, half, 3))), [], ctx)
    assert not verdict.ok and "limits must be integers" in verdict.message
    v, m = sp.IndexedBase("v"), sp.Symbol("m", positive=True)
    vec = {v: Domain.vector(Domain.real(0), length=m, total=1), m: Domain.real(1)}
    verdict = R.VectorTotal().check(sp.Eq(sp.Sum(v[j], (j, 1, m)), 1), [], _context(vec))
    assert not verdict.ok and "limits must be integers" in verdict.message
    n = sp.Symbol("n", integer=True, positive=True)
    vec = {v: Domain.vector(Domain.real(0), length=n, total=1), n: Domain.integer(1)}
    assert R.VectorTotal().check(sp.Eq(sp.Sum(v[j], (j, 1, n)), 1), [], _context(vec)).ok


class _LiarName(str):
    def __eq__(self, other):
        return str.__eq__(self, other) or other == "y"

    def __hash__(self):
        return hash(("liar", str(self)))


def test_names_and_fields_must_be_exact_types():
    # A label is an exact str whatever Rand is given; a symbol's name must be one too.
    assert type(Rand(_LiarName("x"), g).label) is str
    liar = sp.Symbol(_LiarName("x"), real=True)
    same = sp.Eq(liar, liar, evaluate=False)
    rep = _ok(Proof("liar", {"s": same}, {liar: Domain.real()}, [Step("s", same, R.Algebra())]))
    assert not rep.ok and "not a node the kernel reads" in rep.summary()
    # Domain flags are bools, law components exact kernel classes, step labels exact str.
    flagged = Domain("real", sp.Integer(0), None, "False", False)
    rep = _ok(Proof("flag", {"s": sp.Ge(x, 0)}, {x: flagged}, [Step("s", sp.Ge(x, 0), R.Algebra())]))
    assert not rep.ok and "Domain lo_open: must be a bool" in rep.summary()

    class Var(StateVar):
        pass
    law = Law("sub", g, {}, (Var("y", 0, Rand("y", g), Domain.real()),), ())
    goal = sp.Eq(Rand("y", 0), 0, evaluate=False)
    rep = _ok(Proof("sub", {"s": goal}, {g: Domain.integer(0)}, [Step("s", goal, R.LawInit("y"))], law))
    assert not rep.ok and "not a kernel StateVar" in rep.summary()
    honest = Law("sub", g, {}, (StateVar("y", 0, Rand("y", g), Domain.real()),), ())
    assert _ok(Proof("sub", {"s": goal}, {g: Domain.integer(0)}, [Step("s", goal, R.LawInit("y"))], honest)).ok
    rep = _ok(Proof("label", {"s": goal}, {g: Domain.integer(0)}, [Step(_LiarName("s"), goal, R.LawInit("y"))], honest))
    assert not rep.ok and "Step label: must be a str" in rep.summary()
    assert R.LawInit(_LiarName("y")) and kernel.check(Proof(
        "field", {"s": goal}, {g: Domain.integer(0)}, [Step("s", goal, R.LawInit(_LiarName("y")))], honest)).ok is False


def test_citations_read_private_exact_copies():
    dom = Domain.real(0, lo_open=True)
    lemma = Proof("pos", {"statement": sp.Gt(x, 0)}, {x: dom}, [Step("a", sp.Gt(x, 0), R.Algebra())])
    library = kernel.Library({"pos": lemma})
    assert library.report("pos").ok
    object.__setattr__(dom, "lo_open", False)  # the lemma's own object changes; what was checked does not
    cite = [Step("a", sp.Gt(x, 0), R.Rewrite(source=True), ("cite:pos",))]
    rep = kernel.check(Proof("weak", {"statement": sp.Gt(x, 0)}, {x: Domain.real(0)}, cite), library)
    assert not rep.ok and "which this proof does not assume" in rep.summary()
    assert kernel.check(Proof("strong", {"statement": sp.Gt(x, 0)}, {x: Domain.real(0, lo_open=True)}, cite),
                        library).ok


def test_order_cancels_no_expectation_that_may_be_infinite():
    law = Law("chi", g, {}, (), (Draw("D", "ChiSquare", (1,)),))
    Y, W = 1 / Rand("D", g), 1 / Rand("D", g) + 1
    ctx = _context({g: Domain.integer(0)}, law)
    verdict = R.Order().check(sp.Le(E(Y) - E(W), 0), [sp.Le(E(Y), E(W))], ctx)
    assert not verdict.ok and "it may be infinite" in verdict.message
    # With the expectations' finite values given, the same step stands.
    values = [sp.Eq(E(Y), 3, evaluate=False), sp.Eq(E(W), 4, evaluate=False)]
    assert R.Order().check(sp.Le(E(Y) - E(W), 0), [sp.Le(E(Y), E(W))] + values, ctx).ok


def test_domain_bounds_are_deterministic():
    assert "deterministic" in Domain.real(E(Rand("D", g))).problem()
    assert Domain.real(a).problem() == "" and Domain.integer(0, g).problem() == ""


def test_a_citation_reads_equal_symbols_alike_however_their_assumptions_were_stated():
    # sympy's srepr writes assumptions in the order they were stated, and its cache hands back whichever of
    # two equal symbols came first: the kernel's texts must not depend on that history.
    first, second = sp.Symbol("k", integer=True, positive=True), sp.Symbol("k", positive=True, integer=True)
    assert first == second and sp.srepr(first) != sp.srepr(second)

    def proof(name, k, steps):
        law = Law("scaled", g, {k: Domain.integer(1)}, (StateVar("y", 0, k * Rand("y", g), Domain.real()),), ())
        return Proof(name, {"statement": sp.Gt(k * x**2 + 1, x)}, {k: Domain.integer(1), x: Domain.real(),
                                                                   g: Domain.integer(0)}, steps, law)
    library = kernel.Library({"pos": proof("pos", first, [Step("a", sp.Gt(first * x**2 + 1, x), R.Algebra())])})
    cite = [Step("a", sp.Gt(second * x**2 + 1, x), R.Rewrite(source=True), ("cite:pos",))]
    rep = kernel.check(proof("cites", second, cite), library)
    assert rep.ok, rep.summary()

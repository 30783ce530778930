"""Adversarial corpus for the proof kernel: proofs that a sound kernel must reject.

``attacks()`` returns ``(name, proof, expected)`` tuples. ``proof`` is a callable returning a
:class:`~modelcollapse.proofs.kernel.Proof` (some attacks need set-up: a warmed cache, a library,
a mutated lemma). ``expected`` is a substring of the message a correct kernel should plausibly give
("" when unsure). Attacks that cite other proofs need their library: check an entry with
:func:`check_attack`, which passes ``library_for(name)`` (an empty Library for the others).

Every statement proved below is false, or is reached by invalid reasoning; the comment above each
entry says why. Only sympy and the kernel are used.
"""

from __future__ import annotations

import dataclasses

import sympy as sp

from modelcollapse.proofs.kernel import (CE, AlmostSurely, Domain, Draw, E, GaussEntropy, Law, Library, Proof, Rand,
                                         StateVar, Step, Var, Verdict, check)
from modelcollapse.proofs.kernel import rules as R
from modelcollapse.proofs.kernel.domains import Space
from modelcollapse.proofs.kernel.laws import fact_instance

# --- shared symbols and laws --------------------------------------------------------------

g = sp.Symbol("g", integer=True, nonnegative=True)
G0 = {g: Domain.integer(0)}
FALSE_EQ = sp.Eq(1, 2, evaluate=False)

# What the attacks on categorical laws share: the number of categories, two category indices, the probability
# vectors over them, and category idx's probability at generation t.
K = sp.Symbol("K", integer=True, positive=True)
i = sp.Symbol("i", integer=True, positive=True)
j = sp.Symbol("j", integer=True, positive=True)
SIMPLEX = Domain.vector(Domain.real(0, 1), length=K, total=1)


def P(t, idx=i):
    return Rand("p", t, idx)


def X(t, *idx):
    return Rand("x", t, *idx)


def D(t, *idx):
    return Rand("D", t, *idx)


def _normal_law(name="normal01"):
    """y_{g+1} = D_g with D ~ N(0, 1)."""
    return Law(name, g, {}, (StateVar("y", 0, D(g), Domain.real()),), (Draw("D", "Normal", (0, 1)),))


def _count_law():
    """x_0 = 0, x_{g+1} = x_g + 1 (so x_g = g)."""
    return Law("count", g, {}, (StateVar("x", 0, X(g) + 1, Domain.real()),), ())


def checker(libraries: dict):
    """``(library_for, check_attack)`` for a round whose citing attacks put their libraries in
    ``libraries`` (by attack name); an attack that cites nothing gets an empty Library."""
    def library_for(name):
        return libraries.get(name) or Library()

    def check_attack(name, proof):
        p = proof() if callable(proof) else proof
        return check(p, library_for(name))
    return library_for, check_attack


_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)


def algebra_claim(name, goal, domains):
    """A proof of ``goal`` in one step of algebra over ``domains``: how most attacks state a false claim."""
    return Proof(name, {"statement": goal}, domains, [Step("statement", goal, R.Algebra())])


def altered_domain(**fields):
    """A Domain whose fields were set after it was built (a caller may do so to a frozen dataclass), so that
    it escapes the checks of its constructor: the kernel's exact copy of a proof builds each domain again."""
    dom = object.__new__(Domain)
    for f in dataclasses.fields(Domain):
        object.__setattr__(dom, f.name, fields.get(f.name, f.default))
    return dom


def rejection_text(report) -> str:
    """Everything a report says against a proof: step messages and structural errors."""
    return " | ".join([r.verdict.message for r in report.steps if not r.verdict.ok] + list(report.errors))


# ==========================================================================================
# Attacks
# ==========================================================================================

def removable_singularity():
    # (x^2-1)/(x-1) = x+1 is "proved" for every real x although the left side is undefined at 1;
    # specialising at x = 1 then yields the relation False itself.
    x = sp.Symbol("x", real=True)
    prem = sp.Eq((x ** 2 - 1) / (x - 1), x + 1)
    return Proof("removable_singularity", {"statement": sp.false}, {x: Domain.real()},
                 [Step("a", prem, R.Algebra()), Step("b", sp.false, R.Specialize(x, 1), ("a",))])


def half_integer_lower_bound():
    # Domain.integer(1/2) is {1, 2, ...} but its case substitution is n = 1/2 + m (half-integers),
    # so cot(pi n) = 0 is "shown" (it is undefined at every integer); at n = 1 it gives False.
    n = sp.Symbol("n")
    rel = sp.Eq(sp.cos(sp.pi * n) / sp.sin(sp.pi * n), 0)
    return Proof("half_integer_lower_bound", {"statement": sp.false}, {n: altered_domain(kind="integer", lo=sp.Rational(1, 2))},
                 [Step("a", rel, R.Algebra()), Step("b", sp.false, R.Specialize(n, 1), ("a",))])


def half_integer_range():
    # Domain.integer(1/2, 5/2) is {1, 2}; its enumerated cases are 1/2, 3/2, 5/2. floor(n) - n = -1/2
    # holds at those, never at an integer (the sampled points should refute it).
    n = sp.Symbol("n")
    rel = sp.Eq(sp.floor(n) - n, -sp.Rational(1, 2))
    return Proof("half_integer_range", {"statement": rel},
                 {n: altered_domain(kind="integer", lo=sp.Rational(1, 2), hi=sp.Rational(5, 2))}, [Step("a", rel, R.Algebra())])


def integer_symbolic_lower_bound():
    # n integer >= s (s real) is substituted as n = s + m, m a natural number: then n - s is an
    # integer and sin(pi (n - s)) = 0 "for all n"; false at s = 1/2, n = 1. The polynomial factor
    # vanishes at the six points the refuter samples, so only the symbolic (unsound) part decides.
    s = sp.Symbol("s", real=True)
    n = sp.Symbol("n", integer=True)
    doms = {s: Domain.real(), n: Domain.integer(s)}
    P = sp.Mul(*[(n - s - (p[n] - p[s])) for p in Space(doms).points(6)])
    rel = sp.Eq(sp.sin(sp.pi * (n - s)) * P, 0)
    return Proof("integer_symbolic_lower_bound", {"statement": rel}, doms, [Step("a", rel, R.Algebra())])


def vector_total_specialize():
    # p's total is s; Specialize s = 1 ignores that p's domain depends on s (total is not checked),
    # concluding sum(p) = 1 for every p, including those summing to s = 2.
    s = sp.Symbol("s", real=True)
    K = sp.Symbol("K", integer=True, positive=True)
    j = sp.Symbol("j", integer=True)
    p = sp.IndexedBase("p")
    S = sp.Sum(p[j], (j, 1, K))
    doms = {s: Domain.real(), K: Domain.integer(1), p: Domain.vector(Domain.real(), K, s)}
    goal = sp.Eq(S, 1)
    return Proof("vector_total_specialize", {"statement": goal}, doms,
                 [Step("t", sp.Eq(S, s), R.VectorTotal()), Step("u", goal, R.Specialize(s, 1), ("t",))])


def vector_entry_specialize():
    # p's entries lie in [0, s]; Specialize s = 0 ignores that the entry domain depends on s and
    # concludes p[1] <= 0 for vectors whose entries may be up to s > 0.
    s = sp.Symbol("s", real=True)
    p = sp.IndexedBase("p")
    doms = {s: Domain.real(0), p: Domain.vector(Domain.real(0, s))}
    return Proof("vector_entry_specialize", {"statement": sp.Le(p[1], 0)}, doms,
                 [Step("a", sp.Le(p[1], s), R.Algebra()), Step("b", sp.Le(p[1], 0), R.Specialize(s, 0), ("a",))])


def vector_total_sumover():
    # q sums to the local index i; SumOver sums q's premise over i = 1..3 as if q were one vector
    # for every i, giving 6 sum(q) = 14, false for every q (q sums to 1, 2 or 3).
    j = sp.Symbol("j", integer=True)
    i = sp.Symbol("i", integer=True, positive=True)
    q = sp.IndexedBase("q")
    Sq = sp.Sum(q[j], (j, 1, 2))
    SL = sp.Sum(i * Sq, (i, 1, 3))
    goal = sp.Eq(14, 6 * Sq, evaluate=False)
    doms = {i: Domain.integer(1, 3), q: Domain.vector(Domain.real(), 2, i)}
    return Proof("vector_total_sumover", {"statement": goal}, doms, [
        Step("t", sp.Eq(Sq, i), R.VectorTotal()),
        Step("t2", sp.Eq(i * Sq, i ** 2), R.Rewrite(), ("t",)),
        Step("u", sp.Eq(SL, sp.Sum(i ** 2, (i, 1, 3))), R.SumOver(), ("t2",)),
        Step("w", sp.Eq(SL, 6 * Sq), R.Algebra()),
        Step("v", goal, R.Rewrite(source=True), ("u", "w")),
    ], local=(i,))


def sumover_dependent_domain():
    # n ranges over 1..i (its domain names the local i); |i - n| = i - n holds there, but SumOver
    # sums it over i = 1..N where i < n happens: false for n = 2, N = 2 (1 != -1).
    i = sp.Symbol("i", integer=True)
    n = sp.Symbol("n", integer=True)
    N = sp.Symbol("N", integer=True)
    doms = {i: Domain.integer(1), n: Domain.integer(1, i), N: Domain.integer(1)}
    goal = sp.Eq(sp.Sum(sp.Abs(i - n), (i, 1, N)), sp.Sum(i - n, (i, 1, N)))
    return Proof("sumover_dependent_domain", {"statement": goal}, doms, [
        Step("a", sp.Eq(sp.Abs(i - n), i - n), R.Algebra()),
        Step("b", goal, R.SumOver(), ("a",))], local=(i,))


def undeclared_law_param_flags():
    # The law declares a real, but the proof leaves a out of its domains and a's symbol claims
    # positive: LawStep accepts x_{g+1} = |a| x_g, false for a = -1 under the law.
    a = sp.Symbol("a", positive=True)
    L = Law("lin_pos", g, {a: Domain.real()}, (StateVar("x", 1, a * X(g), Domain.real()),), ())
    rel = sp.Eq(X(g + 1), sp.Abs(a) * X(g))
    return Proof("undeclared_law_param_flags", {"statement": rel}, dict(G0), [Step("s", rel, R.LawStep("x"))],
                 law=L)


def undeclared_lookalike_symbol():
    # The proof declares y real, but the goal's y is another symbol (same name, positive=True) that
    # no domain constrains: sqrt(y^2) = y is accepted and prints as a claim about every real y.
    yp = sp.Symbol("y", positive=True)
    y = sp.Symbol("y", real=True)
    rel = sp.Eq(sp.sqrt(yp ** 2), yp)
    return Proof("undeclared_lookalike_symbol", {"statement": rel}, {y: Domain.real()}, [Step("a", rel, R.Algebra())])


def negative_generation():
    # The generation is allowed down to -1; LawStep at g = -1 says x_0 = 2 although x_0 = 1.
    gg = sp.Symbol("g", integer=True)
    L = Law("const2", gg, {}, (StateVar("x", 1, sp.Integer(2), Domain.real()),), ())
    rel = sp.Eq(X(0), 2)
    return Proof("negative_generation", {"statement": rel}, {gg: Domain.integer(-1)}, [
        Step("s", sp.Eq(X(gg + 1), 2), R.LawStep("x")),
        Step("t", rel, R.Specialize(gg, -1), ("s",))], law=L)


def vector_state_domain():
    # A state variable with a vector domain escapes the "domain kept" check: x claims entries > 0
    # though x_1 = -1; Order then concludes -1 > 0.
    L = Law("vecstate", g, {}, (StateVar("x", 1, sp.Integer(-1), Domain.vector(Domain.real(0, lo_open=True))),), ())
    f = sp.Gt(-1, 0, evaluate=False)
    return Proof("vector_state_domain", {"statement": f}, dict(G0), [
        Step("pos", sp.Gt(X(1), 0), R.Algebra()),
        Step("st", sp.Eq(X(g + 1), -1), R.LawStep("x")),
        Step("st0", sp.Eq(X(1), -1), R.Specialize(g, 0), ("st",)),
        Step("f", f, R.Order(), ("pos", "st0"))], law=L)


def _lin_law():
    a = sp.Symbol("a", real=True)
    return a, Law("lin", g, {a: Domain.real()}, (StateVar("x", 1, a * X(g), Domain.real()),), ())


def _lin_moment_steps(a):
    return [
        Step("init", sp.Eq(X(0), 1), R.LawInit("x")),
        Step("st", sp.Eq(X(g + 1), a * X(g)), R.LawStep("x")),
        Step("ce0", sp.Eq(CE(a * X(g), g), a * X(g)), R.CondExpect()),
        Step("ce", sp.Eq(CE(X(g + 1), g), a * X(g)), R.Rewrite(), ("st", "ce0")),
        Step("ind", sp.Eq(E(X(g)), a ** g), R.Induction((X(g),), (a ** g,), ((a,),), (0,)), ("init", "ce")),
    ]


def cite_law_param_domain():
    # The lemma assumes the law parameter a >= 0 and proves E(x_g) >= 0; its goal does not mention a,
    # so the citing proof (a any real) imports it unchecked and derives a >= 0, then False at a = -1.
    a, L = _lin_law()
    lemma = Proof("lemma_nonneg", {"statement": sp.Ge(E(X(g)), 0)}, {**G0, a: Domain.real(0)},
                  _lin_moment_steps(a) + [Step("pos", sp.Ge(E(X(g)), 0), R.Rewrite(), ("ind",))], law=L)
    _LIBRARIES["cite_law_param_domain"] = Library({"lemma_nonneg": lemma})
    return Proof("cite_law_param_domain", {"statement": sp.false}, {**G0, a: Domain.real()},
                 [Step("c", sp.Ge(E(X(1)), 0), R.Specialize(g, 1), ("cite:lemma_nonneg",))] + _lin_moment_steps(a) + [
                     Step("ind1", sp.Eq(E(X(1)), a), R.Specialize(g, 1), ("ind",)),
                     Step("neg", sp.Ge(a, 0), R.Rewrite(), ("ind1", "c")),
                     Step("am", sp.false, R.Specialize(a, -1), ("neg",))], law=L)


def mutate_cited_lemma():
    # The library caches the lemma's report; the lemma's goal is then replaced by 1 = 2 and the cited
    # relation is read from the mutated proof, not from what was checked.
    x = sp.Symbol("x", real=True)
    rel = sp.Eq(x + x, 2 * x, evaluate=False)
    lemma = Proof("lemma_mut", {"statement": rel}, {x: Domain.real()}, [Step("a", rel, R.Algebra())])
    lib = Library({"lemma_mut": lemma})
    lib.report("lemma_mut")
    lemma.goals["statement"] = FALSE_EQ
    _LIBRARIES["mutate_cited_lemma"] = lib
    return Proof("mutate_cited_lemma", {"statement": FALSE_EQ}, {},
                 [Step("c", FALSE_EQ, R.Rewrite(source=True), ("cite:lemma_mut",))])


def law_cache_indices():
    # law.key() omits law.indices: a well-formed law (i >= 1) warms the cache, then the same law
    # with i any integer (5 i >= 0 fails) is taken as well formed; x_{1,-1} >= 0 and = -5 follow.
    i = sp.Symbol("i", integer=True)

    def mk(idom):
        return Law("cats", g, {}, (StateVar("x", 1, 5 * i, Domain.real(0), (i,)),), (), {i: idom})
    good, bad = mk(Domain.integer(1)), mk(Domain.integer())
    warm = sp.Eq(X(g + 1, i), 5 * i)
    check(Proof("warm", {"statement": warm}, {**G0, i: Domain.integer(1)}, [Step("a", warm, R.LawStep("x"))], law=good))
    fm = sp.Ge(-5, 0, evaluate=False)
    x1 = X(1, -1)
    return Proof("law_cache_indices", {"statement": fm}, {**G0, i: Domain.integer()}, [
        Step("a", sp.Eq(X(g + 1, i), 5 * i), R.LawStep("x")),
        Step("b", sp.Eq(X(g + 1, -1), -5), R.Specialize(i, -1), ("a",)),
        Step("c", sp.Eq(x1, -5), R.Specialize(g, 0), ("b",)),
        Step("d", sp.Ge(x1, 0), R.Algebra()),
        Step("e", fm, R.Order(), ("d", "c"))], law=bad)


def index_leak_init():
    # A state without indices has initial value i (a law index): y_0 = i for every i, so y_0 = 1
    # and y_0 = 2, hence 1 = 2.
    i = sp.Symbol("i", integer=True)
    L = Law("idx_init", g, {}, (StateVar("y", i, Rand("y", g), Domain.real()),), (), {i: Domain.integer(1)})
    y0 = Rand("y", 0)
    return Proof("index_leak_init", {"statement": FALSE_EQ}, {**G0, i: Domain.integer(1)}, [
        Step("a", sp.Eq(y0, i), R.LawInit("y")),
        Step("b", sp.Eq(y0, 1), R.Specialize(i, 1), ("a",)),
        Step("c", sp.Eq(y0, 2), R.Specialize(i, 2), ("a",)),
        Step("d", FALSE_EQ, R.Rewrite(source=True), ("b", "c"))], law=L)


def index_leak_draw():
    # A draw N(i, 1) whose arguments use the index i but no indexed state carries no index:
    # E[D_g | F_g] = i for every i, hence 1 = 2.
    i = sp.Symbol("i", integer=True)
    L = Law("idx_draw", g, {}, (StateVar("y", 0, D(g), Domain.real()),), (Draw("D", "Normal", (i, 1)),),
            {i: Domain.integer(1)})
    ce = CE(D(g), g)
    return Proof("index_leak_draw", {"statement": FALSE_EQ}, {**G0, i: Domain.integer(1)}, [
        Step("a", sp.Eq(ce, i), R.DrawFact("normal_moments", "D", 1)),
        Step("b", sp.Eq(ce, 1), R.Specialize(i, 1), ("a",)),
        Step("c", sp.Eq(ce, 2), R.Specialize(i, 2), ("a",)),
        Step("d", FALSE_EQ, R.Rewrite(source=True), ("b", "c"))], law=L)


def fact_bound_variable_capture():
    # The law's mean parameter is the symbol j, the summation variable of the normal-moment schema:
    # substituting captures it, so E[D_g | F_g] = 0 is "cited" for D ~ N(j, 1) (the mean is j).
    j = sp.Symbol("j")
    L = Law("capture", g, {j: Domain.real()}, (StateVar("y", 0, D(g), Domain.real()),), (Draw("D", "Normal", (j, 1)),))
    rel = sp.Eq(CE(D(g), g), 0)
    return Proof("fact_bound_variable_capture", {"statement": rel}, {**G0, j: Domain.real()},
                 [Step("a", rel, R.DrawFact("normal_moments", "D", 1))], law=L)


def rule_instance_override():
    # A genuine Algebra instance whose frozen-dataclass instance dict is given a 'check' returning
    # a pass: type(rule) is in the table, so the checker calls the attacker's function.
    r = R.Algebra()
    object.__setattr__(r, "check", lambda rel, prem, ctx: Verdict(True))
    return Proof("rule_instance_override", {"statement": FALSE_EQ}, {}, [Step("a", FALSE_EQ, r)])


class _LiarEq(sp.Equality):
    """An Equality whose __eq__ says yes to everything (goal matching trusts it)."""

    def __eq__(self, other):
        return True

    __hash__ = sp.Equality.__hash__


def liar_relation():
    # The step proves 0 = 0 with a relation subclass whose __eq__ always answers True; goal matching
    # (rel == goal) then establishes the genuine goal 1 = 2.
    return Proof("liar_relation", {"statement": FALSE_EQ}, {}, [Step("a", _LiarEq(0, 0, evaluate=False), R.Algebra())])


class _FickleStep:
    """Step look-alike: 'relation' is x = x when the rule reads it, 1 = 2 when it is recorded."""

    def __init__(self):
        self.label, self.rule, self.premises, self.text, self.reads = "a", R.Algebra(), (), "", 0

    @property
    def relation(self):
        self.reads += 1
        x = sp.Symbol("x", real=True)
        return sp.Eq(x, x, evaluate=False) if self.reads == 1 else FALSE_EQ


def fickle_step():
    # The checker reads step.relation twice (to check, then to record) and does not require a Step.
    x = sp.Symbol("x", real=True)
    return Proof("fickle_step", {"statement": FALSE_EQ}, {x: Domain.real()}, [_FickleStep()])


def subs_binder_rewrite():
    # sqrt(x^2) = x holds for x >= 0; Rewrite applies it inside Subs(., x, -3), which binds x (not
    # guarded as a binder), concluding sqrt(9) = -3.
    x = sp.Symbol("x")
    rel = sp.Eq(sp.Subs(sp.sqrt(x ** 2), x, -3), -3)
    return Proof("subs_binder_rewrite", {"statement": rel}, {x: Domain.real(0)}, [
        Step("a", sp.Eq(sp.sqrt(x ** 2), x), R.Algebra()), Step("b", rel, R.Rewrite(), ("a",))])


def specialize_into_subs():
    # Specialize substitutes x = 2 inside Subs(x^2, x, 3) (=9), producing Subs(4, 2, 3) (=4) = 9,
    # hence 4 = 9.
    x = sp.Symbol("x", real=True)
    f = sp.Eq(4, 9, evaluate=False)
    return Proof("specialize_into_subs", {"statement": f}, {x: Domain.real()}, [
        Step("a", sp.Eq(sp.Subs(x ** 2, x, 3), 9), R.Algebra()),
        Step("b", sp.Eq(sp.Subs(4, 2, 3), 9), R.Specialize(x, 2), ("a",)),
        Step("c", sp.Eq(sp.Subs(4, 2, 3), 4), R.Algebra()),
        Step("d", f, R.Rewrite(source=True), ("c", "b"))])


def induction_pole():
    # phi = g x_g with the coefficient (g+1)/g, singular at g = 0 (phi(0) = 0 so F(1) is not fixed):
    # F = g^2 + 5 g passes every check, giving E(x_1) = 6 while x_1 = 1.
    L = _count_law()
    phi = g * X(g)
    goal = sp.Eq(E(X(1)), 6)
    return Proof("induction_pole", {"statement": goal}, dict(G0), [
        Step("base", sp.Eq(0, 0, evaluate=False), R.Algebra()),
        Step("st", sp.Eq(X(g + 1), X(g) + 1), R.LawStep("x")),
        Step("ce0", sp.Eq(CE((g + 1) * (X(g) + 1), g), (g + 1) * X(g) + g + 1), R.CondExpect()),
        Step("ce", sp.Eq(CE((g + 1) * X(g + 1), g), (g + 1) * X(g) + g + 1), R.Rewrite(), ("st", "ce0")),
        Step("ind", sp.Eq(E(phi), g ** 2 + 5 * g),
             R.Induction((phi,), (g ** 2 + 5 * g,), (((g + 1) / g,),), (g + 1,)), ("base", "ce")),
        Step("at1", goal, R.Specialize(g, 1), ("ind",))], law=L)


def induction_pole_deterministic():
    # The deterministic functional phi = g with coefficient (g+1)/g: E(g) = 7 g passes, so E(1) = 7
    # (sympy turns Eq(E(1), 7) into False, which Specialize then accepts).
    L = _count_law()
    return Proof("induction_pole_deterministic", {"statement": sp.false}, dict(G0), [
        Step("base", sp.Eq(0, 0, evaluate=False), R.Algebra()),
        Step("ce", sp.Eq(CE(g + 1, g), g + 1), R.CondExpect()),
        Step("ind", sp.Eq(E(g), 7 * g), R.Induction((g,), (7 * g,), (((g + 1) / g,),), (0,)), ("base", "ce")),
        Step("one", sp.false, R.Specialize(g, 1), ("ind",))], law=L)


def induction_without_integrability():
    # y_{g+1} = w_g B_g with w_g = exp(A_{g-1}^2), A, B ~ N(0, 1): E|y_2| = E[e^{A^2}] E|B| = oo, so
    # E(y_2) does not exist; Induction (via the tower property) still concludes E(y_g) = 0.
    w = lambda t: Rand("w", t)
    y = lambda t: Rand("y", t)
    B = lambda t: Rand("B", t)
    L = Law("heavy", g, {}, (StateVar("w", 1, sp.exp(Rand("A", g) ** 2), Domain.real(0)),
                             StateVar("y", 0, w(g) * B(g), Domain.real())),
            (Draw("A", "Normal", (0, 1)), Draw("B", "Normal", (0, 1))))
    goal = sp.Eq(E(y(g)), 0)
    return Proof("induction_without_integrability", {"statement": goal}, dict(G0), [
        Step("base", sp.Eq(y(0), 0), R.LawInit("y")),
        Step("st", sp.Eq(y(g + 1), w(g) * B(g)), R.LawStep("y")),
        Step("mb", sp.Eq(CE(B(g), g), 0), R.DrawFact("normal_moments", "B", 1)),
        Step("ce0", sp.Eq(CE(w(g) * B(g), g), 0), R.CondExpect(), ("mb",)),
        Step("ce", sp.Eq(CE(y(g + 1), g), 0), R.Rewrite(), ("st", "ce0")),
        Step("ind", goal, R.Induction((y(g),), (0,), ((0,),), (0,)), ("base", "ce"))], law=L)


def infinite_expectation_is_real():
    # E[exp(D_0^2)] = +oo for D ~ N(0, 1), yet expectations are opaque *real* symbols, so
    # E < E + 1 is accepted (oo < oo is false).
    L = _normal_law()
    W = sp.exp(D(0) ** 2)
    rel = sp.Lt(E(W), E(W) + 1, evaluate=False)
    return Proof("infinite_expectation_is_real", {"statement": rel}, dict(G0), [Step("a", rel, R.Algebra())], law=L)


class _Natural(sp.Symbol):
    """A symbol whose class claims integer and non-negative (assumptions0 stays empty)."""

    is_integer = True
    is_nonnegative = True


def lying_symbol_class():
    # The order k is declared real, but its class claims integer >= 0 (flag_problems reads only
    # assumptions0): the normal moment schema is cited at k, then at k = 1/2: E[sqrt(D)] = 0 for
    # D ~ N(0, 1), which is false (it is E|D|^(1/2) (1 + i)/2).
    k = _Natural("k")
    L = Law("nm_k", g, {k: Domain.real()}, (StateVar("y", 0, D(g), Domain.real()),), (Draw("D", "Normal", (0, 1)),))
    inst, _ = fact_instance(L, "normal_moments", "D", g, k)
    half = inst.xreplace({k: sp.Rational(1, 2)})
    return Proof("lying_symbol_class", {"statement": half}, {**G0, k: Domain.real()}, [
        Step("a", inst, R.DrawFact("normal_moments", "D", k)),
        Step("b", half, R.Specialize(k, sp.Rational(1, 2)), ("a",))], law=L)


def undeclared_random_label():
    # z is neither a state variable nor a draw of the law, yet CondExpect treats z_g as known at g
    # and takes it out: E[z_g D_g | F_g] = 0 (false for z_g = D_g, which nothing excludes).
    L = _normal_law()
    goal = sp.Eq(CE(Rand("z", g) * D(g), g), 0)
    return Proof("undeclared_random_label", {"statement": goal}, dict(G0), [
        Step("m", sp.Eq(CE(D(g), g), 0), R.DrawFact("normal_moments", "D", 1)),
        Step("a", goal, R.CondExpect(), ("m",))], law=L)


def specialize_law_parameter():
    # x_0 = a (the law's initial value); Specialize a = 1 and a = 2 drop a from the relation but not
    # from the meaning of x_0, giving x_0 = 1 and x_0 = 2, hence 1 = 2.
    a = sp.Symbol("a", real=True)
    L = Law("init_a", g, {a: Domain.real()}, (StateVar("x", a, X(g), Domain.real()),), ())
    return Proof("specialize_law_parameter", {"statement": FALSE_EQ}, {**G0, a: Domain.real()}, [
        Step("i", sp.Eq(X(0), a), R.LawInit("x")),
        Step("b", sp.Eq(X(0), 1), R.Specialize(a, 1), ("i",)),
        Step("c", sp.Eq(X(0), 2), R.Specialize(a, 2), ("i",)),
        Step("d", FALSE_EQ, R.Rewrite(source=True), ("b", "c"))], law=L)


def sumover_law_parameter():
    # The law parameter N is made the local index: x_0 = N summed over N = 1..3 gives 3 x_0 = 6,
    # false under every N but 2.
    N = sp.Symbol("N", integer=True, positive=True)
    L = Law("init_N", g, {N: Domain.integer(1)}, (StateVar("x", N, X(g), Domain.real()),), ())
    x0 = X(0)
    goal = sp.Eq(3 * x0, 6)
    return Proof("sumover_law_parameter", {"statement": goal}, {**G0, N: Domain.integer(1)}, [
        Step("i", sp.Eq(x0, N), R.LawInit("x")),
        Step("s", sp.Eq(sp.Sum(x0, (N, 1, 3)), sp.Sum(N, (N, 1, 3))), R.SumOver(), ("i",)),
        Step("t", sp.Eq(sp.Sum(x0, (N, 1, 3)), 6), R.Rewrite(), ("s",)),
        Step("u", sp.Eq(sp.Sum(x0, (N, 1, 3)), 3 * x0), R.Algebra()),
        Step("v", goal, R.Rewrite(source=True), ("u", "t"))], law=L, local=(N,))


def float_specialize():
    # (y+1)^2 - y^2 = 2y + 1; Specialize at the Float 1e20 evaluates in 53-bit floats (lhs 0,
    # rhs 2e20) and yields False.
    y = sp.Symbol("y", real=True)
    prem = sp.Eq((y + 1) ** 2 - y ** 2, 2 * y + 1)
    return Proof("float_specialize", {"statement": sp.false}, {y: Domain.real()}, [
        Step("a", prem, R.Algebra()), Step("b", sp.false, R.Specialize(y, sp.Float(1e20)), ("a",))])


class _sine(sp.sin):
    """Prints as sin; its own simplify says 0 and it refuses numerical evaluation (so no point refutes)."""

    def _eval_simplify(self, **kwargs):
        return sp.S.Zero

    def _eval_evalf(self, prec):
        raise ValueError("no numerical value")

    def _sympystr(self, printer):
        return f"sin({printer.doprint(self.args[0])})"


def custom_class_simplify():
    # A user-defined subclass of sin whose _eval_simplify returns 0: the kernel trusts node methods
    # of arbitrary classes, so "sin(x) = 0 for every real x" is accepted.
    x = sp.Symbol("x", real=True)
    rel = sp.Eq(_sine(x), 0)
    return Proof("custom_class_simplify", {"statement": rel}, {x: Domain.real()}, [Step("a", rel, R.Algebra())])


def word_numeric_evaluation():
    # E(t) = t is true (E of a constant); at t = 1 sympy evaluates E(1) numerically (as mpmath's e
    # constant called with an argument), so the Specialize instance Eq(E(1), 1) becomes False, which is
    # accepted. No false premise is used.
    t = sp.Symbol("t", real=True)
    return Proof("word_numeric_evaluation", {"statement": sp.false}, {t: Domain.real()}, [
        Step("a", sp.Eq(E(t), t), R.ExpectLinear((), t)),
        Step("b", sp.false, R.Specialize(t, 1), ("a",))])


def divergent_series_difference():
    # sum 1/k - sum 1/(k+1) over k >= 1 is oo - oo, yet sympy's sum_simplify telescopes it to 1.
    k = sp.Symbol("k", integer=True)
    rel = sp.Eq(sp.Sum(1 / k, (k, 1, sp.oo)) - sp.Sum(1 / (k + 1), (k, 1, sp.oo)), 1, evaluate=False)
    return Proof("divergent_series_difference", {"statement": rel}, {}, [Step("a", rel, R.Algebra())])


def induction_vector_total_generation():
    # p's total is g (its domain depends on the generation, which Induction ignores for vectors), so
    # x_g + sum(p) - g + 1 = x_g + 1 is a "deterministic offset" in which sum(p) is frozen across
    # generations: E(x_g) = g sum(p) - g(g-1)/2 + g follows, i.e. (g^2 + 3g)/2, while x_g = g.
    L = _count_law()
    j = sp.Symbol("j", integer=True)
    p = sp.IndexedBase("p")
    S = sp.Sum(p[j], (j, 1, 2))
    F = g * S - g * (g - 1) / 2 + g
    return Proof("induction_vector_total_generation", {"statement": sp.Eq(E(X(g)), F)},
                 {**G0, p: Domain.vector(Domain.real(), 2, g)}, [
        Step("init", sp.Eq(X(0), 0), R.LawInit("x")),
        Step("st", sp.Eq(X(g + 1), X(g) + 1), R.LawStep("x")),
        Step("ce0", sp.Eq(CE(X(g) + 1, g), X(g) + 1), R.CondExpect()),
        Step("ce1", sp.Eq(CE(X(g + 1), g), X(g) + 1), R.Rewrite(), ("st", "ce0")),
        Step("vt", sp.Eq(S, g), R.VectorTotal()),
        Step("ce", sp.Eq(CE(X(g + 1), g), X(g) + S - g + 1), R.Rewrite(), ("vt", "ce1")),
        Step("ind", sp.Eq(E(X(g)), F), R.Induction((X(g),), (F,), ((1,),), (S - g + 1,)), ("init", "ce"))], law=L)


class _VoidDomain(Domain):
    """A Domain subclass with no cases (so every identity holds in all of them) and unusable points."""

    def cases(self, symbol, tag):
        return []

    def sample(self, rng, bounds):
        return sp.nan


def domain_subclass():
    # The checker accepts any Domain subclass: one with no cases makes x^2 = -1 "hold" for real x,
    # and x = 0 gives False.
    x = sp.Symbol("x")
    return Proof("domain_subclass", {"statement": sp.false}, {x: _VoidDomain("real")}, [
        Step("a", sp.Eq(x ** 2, -1), R.Algebra()), Step("b", sp.false, R.Specialize(x, 0), ("a",))])


class _WellFormedLaw(Law):
    """A Law subclass that declares itself well formed."""

    def problems(self):
        return []


def law_subclass():
    # The checker accepts a Law subclass whose problems() is empty: x declared >= 0 with update
    # -x_g - 1, so x_1 >= 0 is accepted while x_1 = -2.
    L = _WellFormedLaw("leaves_sub", g, {}, (StateVar("x", 1, -X(g) - 1, Domain.real(0)),), ())
    return Proof("law_subclass", {"statement": sp.Ge(X(1), 0)}, dict(G0), [Step("a", sp.Ge(X(1), 0), R.Algebra())],
                 law=L)


class _ForgedLibrary(Library):
    """A library whose report for any name says proved."""

    def report(self, name):
        from modelcollapse.proofs.kernel.check import ProofReport
        return ProofReport(name, ok=True, goals={"statement": True})


def forged_library():
    # check() trusts the library object it is given: a forged report makes a lemma stating 1 = 2 citable.
    lemma = Proof("lemma_forged", {"statement": FALSE_EQ}, {}, [])
    _LIBRARIES["forged_library"] = _ForgedLibrary({"lemma_forged": lemma})
    return Proof("forged_library", {"statement": FALSE_EQ}, {},
                 [Step("c", FALSE_EQ, R.Rewrite(source=True), ("cite:lemma_forged",))])


def draw_argument_uses_draw():
    # A draw whose argument is another draw of the same generation (draws must depend on the state only).
    L = Law("drawdraw", g, {}, (StateVar("y", 0, D(g), Domain.real()),),
            (Draw("A", "Normal", (0, 1)), Draw("D", "Normal", (Rand("A", g), 1))))
    rel = sp.Eq(CE(D(g), g), Rand("A", g))
    return Proof("draw_argument_uses_draw", {"statement": rel}, dict(G0),
                 [Step("a", rel, R.DrawFact("normal_moments", "D", 1))], law=L)


def law_update_future():
    # An update that reads the state at g + 1.
    L = Law("future", g, {}, (StateVar("x", 0, X(g + 1) + 1, Domain.real()),), ())
    rel = sp.Eq(X(g + 1), X(g + 1) + 1, evaluate=False)
    return Proof("law_update_future", {"statement": rel}, dict(G0), [Step("a", rel, R.LawStep("x"))], law=L)


def law_wrong_arity():
    # A Gamma draw given one argument.
    L = Law("arity", g, {}, (StateVar("y", 1, D(g), Domain.real(0, lo_open=True)),), (Draw("D", "Gamma", (1,)),))
    rel = sp.Eq(CE(D(g), g), 1)
    return Proof("law_wrong_arity", {"statement": rel}, dict(G0), [Step("a", rel, R.DrawFact("gamma_moments", "D", 1))],
                 law=L)


# --- attacks a correct kernel rejects (and this one should, for the stated reason) -----------------

def order_strict_from_weak():
    # From x >= 0 conclude x > 0 (false at x = 0).
    x = sp.Symbol("x", real=True)
    f = sp.Gt(x, 0)
    return Proof("order_strict_from_weak", {"statement": f}, {x: Domain.real(0)}, [
        Step("p", sp.Ge(x, 0), R.Algebra()), Step("q", f, R.Order(), ("p",))])


def binomial_pmf_beyond_n():
    # The binomial pmf cited at k = 3 for n = 2 draws (condition k <= n).
    L = Law("bin2", g, {}, (StateVar("y", 0, D(g), Domain.integer(0)),), (Draw("D", "Binomial", (2, sp.Rational(1, 2))),))
    inst, _ = fact_instance(L, "binomial_pmf", "D", g, 3)
    return Proof("binomial_pmf_beyond_n", {"statement": inst}, dict(G0),
                 [Step("a", inst, R.DrawFact("binomial_pmf", "D", 3))], law=L)


def gamma_moment_at_pole():
    # E[1/G] for G ~ Gamma(1, 1) is infinite (order -1 needs -1 > -1).
    L = Law("gam1", g, {}, (StateVar("y", 1, Rand("G", g), Domain.real(0, lo_open=True)),), (Draw("G", "Gamma", (1, 1)),))
    inst, _ = fact_instance(L, "gamma_moments", "G", g, -1)
    return Proof("gamma_moment_at_pole", {"statement": inst}, dict(G0),
                 [Step("a", inst, R.DrawFact("gamma_moments", "G", -1))], law=L)


def divergent_integral_value():
    # The integral of 1/(x-1) over [0, 2] diverges; its principal value 0 is not its value.
    x = sp.Symbol("x", real=True)
    rel = sp.Eq(sp.Integral(1 / (x - 1), (x, 0, 2)), 0, evaluate=False)
    return Proof("divergent_integral_value", {"statement": rel}, {}, [Step("a", rel, R.Algebra())])


def ce_premise_other_generation():
    # A premise conditioned at g used for a conditional expectation given g + 1.
    L = _normal_law()
    goal = sp.Eq(CE(D(g + 1), g + 1), 0)
    return Proof("ce_premise_other_generation", {"statement": goal}, dict(G0), [
        Step("m", sp.Eq(CE(D(g), g), 0), R.DrawFact("normal_moments", "D", 1)),
        Step("a", goal, R.CondExpect(), ("m",))], law=L)


def induction_functional_with_draw():
    # A functional that holds the draw D_g (not a function of the state): E(D_g y_g) = 0 by "induction".
    L = _normal_law()
    phi = D(g) * Rand("y", g)
    return Proof("induction_functional_with_draw", {"statement": sp.Eq(E(phi), 0)}, dict(G0), [
        Step("ind", sp.Eq(E(phi), 0), R.Induction((phi,), (0,), ((0,),), (0,)), ())], law=L)


def limit_infinite_coefficient():
    # oo * (1/2)^g is oo for every g, so its limit is oo; the Limit rule drops the term because its
    # base 1/2 < 1 without checking that the coefficient is finite, and accepts the limit 0.
    gq = sp.Symbol("g")
    rel = sp.Eq(sp.Limit(sp.oo * sp.Rational(1, 2) ** gq, gq, sp.oo), 0, evaluate=False)
    return Proof("limit_infinite_coefficient", {"statement": rel}, {gq: Domain.integer(0)}, [Step("a", rel, R.Limit())])


def limit_oscillating():
    # (-1)^g has no limit.
    gq = sp.Symbol("g", integer=True, nonnegative=True)
    rel = sp.Eq(sp.Limit((-1) ** gq, gq, sp.oo), 0, evaluate=False)
    return Proof("limit_oscillating", {"statement": rel}, {gq: Domain.integer(0)}, [Step("a", rel, R.Limit())])


def slln_state_dependent_increment():
    # The strong-law axiom with an increment whose law depends on the state (not i.i.d.).
    L = Law("walk_sd", g, {}, (StateVar("x", 0, X(g) + D(g), Domain.real()),),
            (Draw("D", "Normal", (-1, X(g) ** 2 + 1)),))
    Lg, W = sp.symbols("L W")
    inst = sp.Implies(sp.And(sp.Eq(X(g + 1), X(g) + D(g)), sp.Lt(E(D(g)), 0)),
                      AlmostSurely(sp.Eq(sp.Limit(X(g), g, sp.oo), -sp.oo)))
    return Proof("slln_state_dependent_increment", {"statement": inst}, dict(G0),
                 [Step("a", inst, R.AxiomInstance("slln_random_walk", {Lg: X(g), W: D(g)}))], law=L)


def rule_subclass():
    # A subclass of Algebra overriding check: the closed table compares exact types.
    class Sneaky(R.Algebra):
        def check(self, relation, premises, ctx):
            return Verdict(True)
    return Proof("rule_subclass", {"statement": FALSE_EQ}, {}, [Step("a", FALSE_EQ, Sneaky())])


def false_sqrt_identity():
    # sqrt(x^2) = x is false for x < 0.
    x = sp.Symbol("x", real=True)
    rel = sp.Eq(sp.sqrt(x ** 2), x)
    return Proof("false_sqrt_identity", {"statement": rel}, {x: Domain.real()}, [Step("a", rel, R.Algebra())])


def log_product_rule():
    # log(xy) = log x + log y fails for x, y < 0 (branch cut).
    x, y = sp.symbols("x y", real=True)
    rel = sp.Eq(sp.log(x * y), sp.log(x) + sp.log(y))
    return Proof("log_product_rule", {"statement": rel}, {x: Domain.real(), y: Domain.real()},
                 [Step("a", rel, R.Algebra())])


def power_of_power():
    # (x^2)^(1/2 * 3) = x^3 fails for x < 0.
    x = sp.Symbol("x", real=True)
    rel = sp.Eq((x ** 2) ** sp.Rational(3, 2), x ** 3)
    return Proof("power_of_power", {"statement": rel}, {x: Domain.real()}, [Step("a", rel, R.Algebra())])


def specialize_outside_domain():
    # From sqrt(x^2) = x for x >= 0 conclude it at x = -1 (1 = -1).
    x = sp.Symbol("x", nonnegative=True)
    return Proof("specialize_outside_domain", {"statement": sp.false}, {x: Domain.real(0)}, [
        Step("a", sp.Eq(sp.Abs(x), x, evaluate=False), R.Algebra()),
        Step("b", sp.false, R.Specialize(x, -1), ("a",))])


def specialize_bound_variable():
    # Specialize a symbol that is also the premise's summation variable (its value would be captured).
    k = sp.Symbol("k", integer=True)
    prem = sp.Eq(sp.Sum(k, (k, 1, 3)), 6)
    return Proof("specialize_bound_variable", {"statement": sp.Eq(sp.Sum(5, (k, 1, 3)), 6)}, {k: Domain.integer()}, [
        Step("a", prem, R.Algebra()),
        Step("b", sp.Eq(sp.Sum(5, (k, 1, 3)), 6), R.Specialize(k, 5), ("a",))])


def sumover_reversed_range():
    # Summing an identity over (i, 3, 1) under sympy's reversed-range convention is summing outside it.
    i = sp.Symbol("i", integer=True)
    x = sp.Symbol("x", real=True)
    goal = sp.Eq(sp.Sum(sp.Abs(i), (i, 3, 1)), sp.Sum(i, (i, 3, 1)), evaluate=False)
    return Proof("sumover_reversed_range", {"statement": goal}, {i: Domain.integer(1), x: Domain.real()}, [
        Step("a", sp.Eq(sp.Abs(i), i, evaluate=False), R.Algebra()),
        Step("b", goal, R.SumOver(), ("a",))], local=(i,))


def sumover_outside_index_domain():
    # |i| = i holds for i >= 1; summing it over i = -2..2 leaves the index's domain (6 != 0).
    i = sp.Symbol("i", integer=True)
    goal = sp.Eq(sp.Sum(sp.Abs(i), (i, -2, 2)), sp.Sum(i, (i, -2, 2)), evaluate=False)
    return Proof("sumover_outside_index_domain", {"statement": goal}, {i: Domain.integer(1)}, [
        Step("a", sp.Eq(sp.Abs(i), i, evaluate=False), R.Algebra()),
        Step("b", goal, R.SumOver(), ("a",))], local=(i,))


def expect_sum_signed():
    # E of a finite sum split into a sum of E's for a summand of unknown sign (D_g ~ N(0,1)).
    L = _normal_law()
    k = sp.Symbol("k", integer=True)
    S = sp.Sum(k * D(g), (k, 1, 3))
    rel = sp.Eq(E(S), sp.Sum(E(k * D(g)), (k, 1, 3)))
    return Proof("expect_sum_signed", {"statement": rel}, dict(G0), [Step("a", rel, R.ExpectSum())], law=L)


def expect_sum_infinite():
    # E(sum_{k>=1} D_g^2 / k) = sum E(.) over an infinite range is not a finite sum.
    L = _normal_law()
    k = sp.Symbol("k", integer=True, positive=True)
    S = sp.Sum(D(g) ** 2 / k, (k, 1, sp.oo))
    rel = sp.Eq(E(S), sp.Sum(E(D(g) ** 2 / k), (k, 1, sp.oo)))
    return Proof("expect_sum_infinite", {"statement": rel}, dict(G0), [Step("a", rel, R.ExpectSum())], law=L)


def fact_wrong_family():
    # gamma_moments cited for a Normal draw.
    L = _normal_law()
    rel = sp.Eq(CE(D(g), g), 0)
    return Proof("fact_wrong_family", {"statement": rel}, dict(G0), [Step("a", rel, R.DrawFact("gamma_moments", "D", 1))],
                 law=L)


def fact_negative_order():
    # normal_moments at order -1: E[1/D] does not exist for D ~ N(0, 1).
    L = _normal_law()
    rel = sp.Eq(CE(1 / D(g), g), 0)
    return Proof("fact_negative_order", {"statement": rel}, dict(G0), [Step("a", rel, R.DrawFact("normal_moments", "D", -1))],
                 law=L)


def chi_square_moment_condition():
    # E[1/C] for C ~ ChiSquare(1) is infinite (order -1 needs -1 > -1/2).
    L = Law("chi1", g, {}, (StateVar("y", 1, Rand("C", g), Domain.real(0, lo_open=True)),), (Draw("C", "ChiSquare", (1,)),))
    inst, _ = fact_instance(L, "chi_square_moments", "C", g, -1)
    return Proof("chi_square_moment_condition", {"statement": inst}, dict(G0),
                 [Step("a", inst, R.DrawFact("chi_square_moments", "C", -1))], law=L)


def ce_split_dependent():
    # E[D^2 | F] = E[D | F]^2 = 0 splits a draw from itself (the true value is 1).
    L = _normal_law()
    goal = sp.Eq(CE(D(g) ** 2, g), 0)
    return Proof("ce_split_dependent", {"statement": goal}, dict(G0), [
        Step("m", sp.Eq(CE(D(g), g), 0), R.DrawFact("normal_moments", "D", 1)),
        Step("a", goal, R.CondExpect(), ("m",))], law=L)


def ce_later_state_known():
    # Treat y_{g+1} (= D_g) as known at g: E[y_{g+1} D_g | F_g] = y_{g+1} * 0 (truly 1).
    L = _normal_law()
    goal = sp.Eq(CE(Rand("y", g + 1) * D(g), g), 0)
    return Proof("ce_later_state_known", {"statement": goal}, dict(G0), [
        Step("m", sp.Eq(CE(D(g), g), 0), R.DrawFact("normal_moments", "D", 1)),
        Step("a", goal, R.CondExpect(), ("m",))], law=L)


def ce_draw_same_generation_known():
    # Treat the draw D_g as known when conditioning on F_g: E[D_g | F_g] = D_g.
    L = _normal_law()
    goal = sp.Eq(CE(D(g), g), D(g))
    return Proof("ce_draw_same_generation_known", {"statement": goal}, dict(G0), [Step("a", goal, R.CondExpect())],
                 law=L)


def tower_wrong_conclusion():
    # From E[D_g^2 | F_g] = 1 conclude E(D_g^2) = E(2) (the tower property gives E(1)).
    L = _normal_law()
    inst, _ = fact_instance(L, "normal_moments", "D", g, 2)
    rel = sp.Eq(E(D(g) ** 2), E(2))
    return Proof("tower_wrong_conclusion", {"statement": rel}, dict(G0), [
        Step("m", inst, R.DrawFact("normal_moments", "D", 2)),
        Step("t", rel, R.Tower(), ("m",))], law=L)


def induction_wrong_base():
    # x_g = g for the counting law; claim E(x_g) = g + 1 (base case fails).
    L = _count_law()
    return Proof("induction_wrong_base", {"statement": sp.Eq(E(X(g)), g + 1)}, dict(G0), [
        Step("init", sp.Eq(X(0), 0), R.LawInit("x")),
        Step("st", sp.Eq(X(g + 1), X(g) + 1), R.LawStep("x")),
        Step("ce0", sp.Eq(CE(X(g) + 1, g), X(g) + 1), R.CondExpect()),
        Step("ce", sp.Eq(CE(X(g + 1), g), X(g) + 1), R.Rewrite(), ("st", "ce0")),
        Step("ind", sp.Eq(E(X(g)), g + 1), R.Induction((X(g),), (g + 1,), ((1,),), (1,)), ("init", "ce"))], law=L)


def induction_state_coefficient():
    # A coefficient depending on the state (x_g): E(x_{g+1}) = x_g E(x_g) is not linear in E.
    L = _count_law()
    return Proof("induction_state_coefficient", {"statement": sp.Eq(E(X(g)), 0)}, dict(G0), [
        Step("init", sp.Eq(X(0), 0), R.LawInit("x")),
        Step("ind", sp.Eq(E(X(g)), 0), R.Induction((X(g),), (0,), ((X(g),),), (0,)), ("init",))], law=L)


def induction_shifted_generation_domain():
    # Induction needs g >= 0 exactly; with g >= 1 the base case at 0 is outside the proof's space.
    L = _count_law()
    return Proof("induction_shifted_generation_domain", {"statement": sp.Eq(E(X(g)), 5)}, {g: Domain.integer(1)}, [
        Step("init", sp.Eq(X(0), 0), R.LawInit("x")),
        Step("ind", sp.Eq(E(X(g)), 5), R.Induction((X(g),), (5,), ((1,),), (0,)), ("init",))], law=L)


def axiom_binds_expectation():
    # The variance definition's Y bound to an expectation (a word), which no pattern allows.
    L = _normal_law()
    Y = E(D(g))
    rel = sp.Eq(Var(Y), E(Y ** 2) - E(Y) ** 2)
    return Proof("axiom_binds_expectation", {"statement": rel}, dict(G0),
                 [Step("a", rel, R.AxiomInstance("variance", {sp.Symbol("Y"): Y}))], law=L)


def axiom_capture():
    # An axiom pattern bound to the summation variable of the relation (capture).
    k = sp.Symbol("k", integer=True, positive=True)
    m, v = sp.symbols("m v")
    rel = sp.Eq(sp.Sum(GaussEntropy(0, k), (k, 1, 3)), sp.Sum(sp.log(2 * sp.pi * sp.E * k) / 2, (k, 1, 3)))
    return Proof("axiom_capture", {"statement": rel}, {},
                 [Step("a", rel, R.AxiomInstance("gaussian_entropy", {m: 0, v: k}))])


def axiom_side_condition():
    # Gaussian entropy log(2 pi e v)/2 at a v of unknown sign (the condition v > 0 must fail).
    m, v = sp.symbols("m v")
    t = sp.Symbol("t", real=True)
    rel = sp.Eq(GaussEntropy(0, t), sp.log(2 * sp.pi * sp.E * t) / 2)
    return Proof("axiom_side_condition", {"statement": rel}, {t: Domain.real()},
                 [Step("a", rel, R.AxiomInstance("gaussian_entropy", {m: 0, v: t}))])


def law_domain_not_kept():
    # A state declared >= 0 whose update -x_g - 1 leaves the domain; x_1 >= 0 must not follow.
    L = Law("leaves", g, {}, (StateVar("x", 1, -X(g) - 1, Domain.real(0)),), ())
    return Proof("law_domain_not_kept", {"statement": sp.Ge(X(1), 0)}, dict(G0), [Step("a", sp.Ge(X(1), 0), R.Algebra())],
                 law=L)


def law_bad_draw_argument():
    # A normal draw with variance -1.
    L = Law("badvar", g, {}, (StateVar("y", 0, D(g), Domain.real()),), (Draw("D", "Normal", (0, -1)),))
    rel = sp.Eq(CE(D(g) ** 2, g), -1)
    return Proof("law_bad_draw_argument", {"statement": rel}, dict(G0),
                 [Step("a", rel, R.DrawFact("normal_moments", "D", 2))], law=L)


def law_integer_state_not_integer():
    # A state declared integer whose update halves it; x_1 = 1/2 is not an integer.
    L = Law("halves", g, {}, (StateVar("x", 1, X(g) / 2, Domain.integer()),), ())
    rel = sp.Eq((-1) ** (2 * X(1)), 1)
    return Proof("law_integer_state_not_integer", {"statement": rel}, dict(G0), [Step("a", rel, R.Algebra())], law=L)


def law_param_domain_broader():
    # The law needs a >= 0; the proof allows a < 0.
    a = sp.Symbol("a", real=True)
    L = Law("sqrt_a", g, {a: Domain.real(0)}, (StateVar("x", 0, a, Domain.real(0)),), ())
    return Proof("law_param_domain_broader", {"statement": sp.Ge(X(1), 0)}, {**G0, a: Domain.real()},
                 [Step("a", sp.Ge(X(1), 0), R.Algebra())], law=L)


def generation_real_domain():
    # The generation declared real: g = 1/2 is no generation.
    gr = sp.Symbol("g", real=True)
    L = Law("realgen", gr, {}, (StateVar("x", 1, 2 * Rand("x", gr), Domain.real()),), ())
    rel = sp.Eq(Rand("x", gr + 1), 2 * Rand("x", gr))
    return Proof("generation_real_domain", {"statement": rel}, {gr: Domain.real()}, [Step("a", rel, R.LawStep("x"))],
                 law=L)


def flag_stronger_than_domain():
    # A symbol claiming positive with domain real.
    x = sp.Symbol("x", positive=True)
    rel = sp.Eq(sp.Abs(x), x)
    return Proof("flag_stronger_than_domain", {"statement": rel}, {x: Domain.real()}, [Step("a", rel, R.Algebra())])


def local_expression():
    # A local that is an expression rather than a symbol.
    x = sp.Symbol("x", real=True)
    return Proof("local_expression", {"statement": sp.Eq(x, x, evaluate=False)}, {x: Domain.real()},
                 [Step("a", sp.Eq(x, x, evaluate=False), R.Algebra())], local=(x + 1,))


def rewrite_under_sum_binder():
    # k^2 = k holds for k in {0, 1}; rewriting it inside sum_{k=1}^{3} k^2 captures k (14 != 6).
    k = sp.Symbol("k", integer=True)
    rel = sp.Eq(sp.Sum(k ** 2, (k, 1, 3)), 6, evaluate=False)
    return Proof("rewrite_under_sum_binder", {"statement": rel}, {k: Domain.finite([0, 1])}, [
        Step("a", sp.Eq(k ** 2, k), R.Algebra()), Step("b", rel, R.Rewrite(), ("a",))])


def rewrite_under_integral_binder():
    # t^2 = t on {0, 1}; rewriting inside the integral over t in [0, 1] gives 1/3 = 1/2.
    t = sp.Symbol("t", real=True)
    rel = sp.Eq(sp.Integral(t ** 2, (t, 0, 1)), sp.Rational(1, 2), evaluate=False)
    return Proof("rewrite_under_integral_binder", {"statement": rel}, {t: Domain.finite([0, 1])}, [
        Step("a", sp.Eq(t ** 2, t), R.Algebra()), Step("b", rel, R.Rewrite(), ("a",))])


def monotone_with_expectation_inside():
    # Monotonicity applied to a premise that is not pathwise (it holds expectations).
    L = _normal_law()
    prem = sp.Le(E(D(g)), E(D(g)) + 1, evaluate=False)
    rel = sp.Le(E(E(D(g))), E(E(D(g)) + 1), evaluate=False)
    return Proof("monotone_with_expectation_inside", {"statement": rel}, dict(G0), [
        Step("p", prem, R.Algebra()), Step("m", rel, R.Monotone(), ("p",))], law=L)


def order_negative_scale():
    # From 0 < 1 conclude 0 < -1 with scale -1.
    f = sp.Lt(0, -1, evaluate=False)
    return Proof("order_negative_scale", {"statement": f}, {}, [
        Step("p", sp.Lt(0, 1, evaluate=False), R.Algebra()), Step("q", f, R.Order(scale=-1), ("p",))])


def conjunction_missing_premise():
    # And(x >= 0, x <= 0) from only x >= 0.
    x = sp.Symbol("x", nonnegative=True)
    rel = sp.And(sp.Ge(x, 0, evaluate=False), sp.Le(x, 0))
    return Proof("conjunction_missing_premise", {"statement": rel}, {x: Domain.real(0)}, [
        Step("p", sp.Ge(x, 0, evaluate=False), R.Algebra()), Step("c", rel, R.Conjunction(), ("p", "p"))])


def vector_total_wrong():
    # A vector summing to 1 claimed to sum to 2.
    K = sp.Symbol("K", integer=True, positive=True)
    j = sp.Symbol("j", integer=True)
    p = sp.IndexedBase("p")
    rel = sp.Eq(sp.Sum(p[j], (j, 1, K)), 2)
    return Proof("vector_total_wrong", {"statement": rel}, {K: Domain.integer(1), p: Domain.vector(Domain.real(0), K, 1)},
                 [Step("a", rel, R.VectorTotal())])


def forward_premise():
    # A step citing a later step.
    x = sp.Symbol("x", real=True)
    rel = sp.Eq(sp.sqrt(x ** 2), x)
    return Proof("forward_premise", {"statement": rel}, {x: Domain.real()}, [
        Step("a", rel, R.Rewrite(source=True), ("b",)), Step("b", rel, R.Algebra())])


def duplicate_label():
    # A rejected step and an accepted step share a label; the goal is the rejected relation.
    x = sp.Symbol("x", real=True)
    bad = sp.Eq(sp.sqrt(x ** 2), x)
    return Proof("duplicate_label", {"statement": bad}, {x: Domain.real()}, [
        Step("a", sp.Eq(x, x, evaluate=False), R.Algebra()), Step("a", bad, R.Algebra())])


def circular_citation():
    # A proof that cites itself through another library name.
    x = sp.Symbol("x", real=True)
    bad = sp.Eq(sp.sqrt(x ** 2), x)
    p = Proof("circ", {"statement": bad}, {x: Domain.real()},
              [Step("a", bad, R.Rewrite(source=True), ("cite:other",))])
    _LIBRARIES["circular_citation"] = Library({"other": p})
    return p


def cite_broader_domain():
    # A lemma proved for x >= 0 cited in a proof allowing every real x.
    x = sp.Symbol("x")
    rel = sp.Eq(sp.sqrt(x ** 2), x)
    lemma = Proof("lemma_pos", {"statement": rel}, {x: Domain.real(0)}, [Step("a", rel, R.Algebra())])
    _LIBRARIES["cite_broader_domain"] = Library({"lemma_pos": lemma})
    return Proof("cite_broader_domain", {"statement": rel}, {x: Domain.real()},
                 [Step("c", rel, R.Rewrite(source=True), ("cite:lemma_pos",))])


def cite_other_law():
    # A lemma under one law cited under another (x_0 = 1 versus x_0 = 2).
    L1 = Law("one", g, {}, (StateVar("x", 1, X(g), Domain.real()),), ())
    L2 = Law("two", g, {}, (StateVar("x", 2, X(g), Domain.real()),), ())
    rel = sp.Eq(X(0), 1)
    lemma = Proof("lemma_one", {"statement": rel}, dict(G0), [Step("a", rel, R.LawInit("x"))], law=L1)
    _LIBRARIES["cite_other_law"] = Library({"lemma_one": lemma})
    return Proof("cite_other_law", {"statement": rel}, dict(G0),
                 [Step("c", rel, R.Rewrite(source=True), ("cite:lemma_one",))], law=L2)


def rule_raises():
    # A rule whose parameter makes it raise (an unhashable symbol): an exception must reject, never pass.
    x = sp.Symbol("x", real=True)
    rel = sp.Eq(sp.sqrt(x ** 2), x)
    return Proof("rule_raises", {"statement": rel}, {x: Domain.real()}, [
        Step("p", sp.Eq(x, x, evaluate=False), R.Algebra()),
        Step("a", rel, R.Specialize([], 0), ("p",))])


def expect_linear_random_coefficient():
    # Linearity with a random coefficient: E(D_g * D_g) = D_g * E(D_g) = 0.
    L = _normal_law()
    return Proof("expect_linear_random_coefficient", {"statement": sp.Eq(E(D(g) ** 2), 0)}, dict(G0), [
        Step("c", sp.Eq(CE(D(g), g), 0), R.DrawFact("normal_moments", "D", 1)),
        Step("t", sp.Eq(E(D(g)), E(0)), R.Tower(), ("c",)),
        Step("z", sp.Eq(E(0), 0, evaluate=False), R.ExpectLinear()),
        Step("m", sp.Eq(E(D(g)), 0), R.Rewrite(), ("z", "t")),
        Step("a", sp.Eq(E(D(g) ** 2), 0), R.ExpectLinear((D(g),)), ("m",))], law=L)


ATTACKS = [
    # (name, builder, expected message of a correct kernel)
    ("removable_singularity", removable_singularity, 'ValueError: a truth value is no statement (sympy evaluated the relatio'),
    ("half_integer_lower_bound", half_integer_lower_bound, 'sympy could not reduce lhs - rhs to 0 || may vanish in a denominator || an integer range\'s ends are integers as written'),
    ("half_integer_range", half_integer_range, 'sympy could not reduce lhs - rhs to 0 || an integer range\'s ends are integers as written'),
    ("integer_symbolic_lower_bound", integer_symbolic_lower_bound, 'sympy could not reduce lhs - rhs to 0'),
    ("vector_total_specialize", vector_total_specialize, 'another domain depends on s'),
    ("vector_entry_specialize", vector_entry_specialize, 'another domain depends on s'),
    ("vector_total_sumover", vector_total_sumover, 'another domain depends on i'),
    ("sumover_dependent_domain", sumover_dependent_domain, 'another domain depends on i'),
    ("undeclared_law_param_flags", undeclared_law_param_flags, "ValueError: ['a'] have no domain in the proof"),
    ("undeclared_lookalike_symbol", undeclared_lookalike_symbol, 'ValueError: a truth value is no statement (sympy evaluated the relatio'),
    ("negative_generation", negative_generation, 'the generation g must range over the integers >= 0'),
    ("vector_state_domain", vector_state_domain, 'law vecstate: the domain of x must be a range of numbers'),
    ("cite_law_param_domain", cite_law_param_domain, 'ValueError: cited lemma_nonneg#statement is not proved'),
    ("mutate_cited_lemma", mutate_cited_lemma, 'ValueError: cited lemma_mut needs x real, which this proof does not as'),
    ("law_cache_indices", law_cache_indices, 'law cats: the update of x: 5*i >= 0 is not shown'),
    ("index_leak_init", index_leak_init, "law idx_init: the initial value of y uses the index ['i'] it does not "),
    ("index_leak_draw", index_leak_draw, "law idx_draw: an argument of D uses the index ['i'] it does not carry"),
    ("fact_bound_variable_capture", fact_bound_variable_capture, 'not the instance of normal_moments'),
    ("rule_instance_override", rule_instance_override, 'ValueError: the rule carries attributes of its own'),
    ("liar_relation", liar_relation, 'ValueError: _LiarEq is not a node the kernel reads'),
    ("fickle_step", fickle_step, 'not a kernel Step: a _FickleStep'),
    ("subs_binder_rewrite", subs_binder_rewrite, 'ValueError: Subs is not a node the kernel reads'),
    ("specialize_into_subs", specialize_into_subs, 'ValueError: Subs is not a node the kernel reads'),
    ("induction_pole", induction_pole, '(g + 1)/g is not shown defined for every g >= 0: g may vanish'),
    ("induction_pole_deterministic", induction_pole_deterministic, '(g + 1)/g is not shown defined for every g >= 0: g may vanish'),
    ("induction_without_integrability", induction_without_integrability, 'y_g is not shown integrable: it is neither >= 0, nor dominated by the '),
    ("infinite_expectation_is_real", infinite_expectation_is_real, 'an expectation (or another word) is left in an algebraic claim; it may'),
    ("lying_symbol_class", lying_symbol_class, "Proof domains: not a kernel Symbol or Dummy or IndexedBase: a _Natural"),
    ("undeclared_random_label", undeclared_random_label, 'ValueError: z is not declared by the law'),
    ("specialize_law_parameter", specialize_law_parameter, 'a is a parameter of the law: the random quantities depend on it unseen'),
    ("sumover_law_parameter", sumover_law_parameter, 'N is a parameter of the law: the random quantities depend on it unseen'),
    ("float_specialize", float_specialize, "Specialize value: Float is not a node the kernel reads"),
    ("custom_class_simplify", custom_class_simplify, 'ValueError: _sine is not a node the kernel reads'),
    ("word_numeric_evaluation", word_numeric_evaluation, 'ValueError: a truth value is no statement (sympy evaluated the relatio'),
    ("divergent_series_difference", divergent_series_difference, 'an infinite sum or product is left in an algebraic claim; it may diver || Sum diverges'),
    ("limit_infinite_coefficient", limit_infinite_coefficient, "an infinity (oo) is no number here"),
    ("induction_vector_total_generation", induction_vector_total_generation, 'another domain depends on g'),
    ("domain_subclass", domain_subclass, 'ValueError: a truth value is no statement (sympy evaluated the relatio || not a kernel Domain: a _VoidDomain'),
    ("law_subclass", law_subclass, 'not a kernel Law'),
    ("forged_library", forged_library, 'ValueError: cited lemma_forged#statement is not proved'),
    ("draw_argument_uses_draw", draw_argument_uses_draw, "law drawdraw: an argument of D uses ['A_g'], which it may not"),
    ("law_update_future", law_update_future, "which it may not"),
    ("law_wrong_arity", law_wrong_arity, 'not the instance of gamma_moments'),
    ("rule_subclass", rule_subclass, 'ValueError: Sneaky is not a rule of the kernel'),
    ("false_sqrt_identity", false_sqrt_identity, 'sympy could not reduce lhs - rhs to 0'),
    ("log_product_rule", log_product_rule, 'sympy could not reduce lhs - rhs to 0 || its argument may not be positive'),
    ("power_of_power", power_of_power, 'sympy could not reduce lhs - rhs to 0'),
    ("specialize_outside_domain", specialize_outside_domain, 'ValueError: a truth value is no statement (sympy evaluated the relatio'),
    ("specialize_bound_variable", specialize_bound_variable, 'ValueError: a truth value is no statement (sympy evaluated the relatio'),
    ("sumover_reversed_range", sumover_reversed_range, "the range must not be reversed (sympy's convention would sum outside i || its range may be reversed"),
    ("sumover_outside_index_domain", sumover_outside_index_domain, "the range leaves the index's domain"),
    ("expect_sum_signed", expect_sum_signed, 'the summand must be shown >= 0'),
    ("expect_sum_infinite", expect_sum_infinite, 'only finite ranges'),
    ("fact_wrong_family", fact_wrong_family, 'ValueError: gamma_moments holds for Gamma draws; D is Normal'),
    ("fact_negative_order", fact_negative_order, 'ValueError: the order of normal_moments must be an integer >= 0 || may vanish in a denominator'),
    ("chi_square_moment_condition", chi_square_moment_condition, 'condition -1 > -1/2*1 of chi_square_moments not shown'),
    ("ce_split_dependent", ce_split_dependent, 'no premise gives CE(D_g**2, g)'),
    ("ce_later_state_known", ce_later_state_known, 'comes after generation g'),
    ("ce_draw_same_generation_known", ce_draw_same_generation_known, 'no premise gives CE(D_g, g)'),
    ("tower_wrong_conclusion", tower_wrong_conclusion, 'tower concludes Eq(E(Y), E(W))'),
    ("induction_wrong_base", induction_wrong_base, 'base case fails for x_g'),
    ("induction_state_coefficient", induction_state_coefficient, 'closed forms and coefficients must be finite and deterministic'),
    ("induction_shifted_generation_domain", induction_shifted_generation_domain, 'induction needs g an integer >= 0 in the assumptions'),
    ("axiom_binds_expectation", axiom_binds_expectation, 'ValueError: pattern Y of variance may hold random quantities but no ot'),
    ("axiom_capture", axiom_capture, "ValueError: pattern v would capture the bound variable(s) ['k']"),
    ("axiom_side_condition", axiom_side_condition, 'side condition t > 0 not shown || its argument may not be positive'),
    ("law_domain_not_kept", law_domain_not_kept, 'law leaves: the update of x: -x_g - 1 >= 0 is not shown'),
    ("law_bad_draw_argument", law_bad_draw_argument, 'law badvar: argument -1 of D: -1 >= 0 is not shown'),
    ("law_integer_state_not_integer", law_integer_state_not_integer, 'law halves: the update of x: x_g/2 is not shown integer'),
    ("law_param_domain_broader", law_param_domain_broader, 'the law needs a real >= 0; the proof allows real'),
    ("generation_real_domain", generation_real_domain, 'the generation g must range over the integers >= 0'),
    ("flag_stronger_than_domain", flag_stronger_than_domain, 'ValueError: a truth value is no statement (sympy evaluated the relatio'),
    ("local_expression", local_expression, 'the local x + 1 must be a plain symbol'),
    ("rewrite_under_sum_binder", rewrite_under_sum_binder, "ValueError: rewriting with Eq(k**2, k) under a binder of ['k'] is not "),
    ("rewrite_under_integral_binder", rewrite_under_integral_binder, "Integral is not a node the kernel reads"),
    ("monotone_with_expectation_inside", monotone_with_expectation_inside, 'an expectation (or another word) is left in an algebraic claim; it may'),
    ("order_negative_scale", order_negative_scale, 'the scale is not shown positive'),
    ("conjunction_missing_premise", conjunction_missing_premise, 'the conjuncts are not the premises'),
    ("vector_total_wrong", vector_total_wrong, "not the vector's total"),
    ("forward_premise", forward_premise, 'ValueError: premise b is not an earlier accepted step'),
    ("duplicate_label", duplicate_label, 'sympy could not reduce lhs - rhs to 0'),
    ("circular_citation", circular_citation, 'ValueError: cited other#statement is not proved'),
    ("cite_broader_domain", cite_broader_domain, 'ValueError: cited lemma_pos needs x real >= 0, which this proof does n'),
    ("cite_other_law", cite_other_law, 'ValueError: cited lemma_one holds under another law'),
    ("rule_raises", rule_raises, "Specialize symbol: list is not a node the kernel reads"),
    ("expect_linear_random_coefficient", expect_linear_random_coefficient, 'coefficients must be deterministic (and finite), and so must the value'),
    ("order_strict_from_weak", order_strict_from_weak, 'the conclusion does not follow from the premise'),
    ("binomial_pmf_beyond_n", binomial_pmf_beyond_n, 'condition 3 <= 2 of binomial_pmf not shown'),
    ("gamma_moment_at_pole", gamma_moment_at_pole, 'condition False of gamma_moments not shown || an imaginary unit, nan or complex infinity'),
    ("divergent_integral_value", divergent_integral_value, "Integral is not a node the kernel reads"),
    ("ce_premise_other_generation", ce_premise_other_generation, 'each premise must be Eq(CE(h, g), value) at the same g'),
    ("induction_functional_with_draw", induction_functional_with_draw, 'D_g*y_g must be a function of the state at g'),
    ("limit_oscillating", limit_oscillating, 'cannot place the base -1 against 1'),
    ("slln_state_dependent_increment", slln_state_dependent_increment, 'ValueError: pattern W of slln_random_walk: the law of D depends on the'),
]


def attacks():
    """(name, proof builder, expected rejection message) for every attack."""
    return list(ATTACKS)

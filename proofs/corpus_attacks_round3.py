"""Adversarial corpus for the proof kernel, round 3: proofs that a sound kernel must reject.

``attacks()`` returns ``(name, build, expected)`` tuples, as in :mod:`corpus_attacks` and
:mod:`corpus_attacks_round2`: ``build`` is a zero-argument callable returning a
:class:`~modelcollapse.proofs.kernel.Proof` (some set up a library or warm a cache first), ``expected``
a substring of the message a correct kernel should plausibly give ("" when unsure). Attacks that cite
other proofs need their library: check an entry with :func:`check_attack`, which passes
``library_for(name)``.

Every statement below is false, or is reached by invalid reasoning; the comment above each entry says
why. Only sympy and the kernel are used; no kernel file is modified.
"""

from __future__ import annotations

import sympy as sp

from modelcollapse.proofs.kernel import (CE, Domain, Draw, E, Law, Library, Proof, Rand, StateVar, Step, check)
from modelcollapse.proofs.corpus_attacks import altered_domain, checker
from modelcollapse.proofs.kernel import rules as R
from modelcollapse.proofs.kernel.domains import Space
from modelcollapse.proofs.corpus_attacks import rejection_text

# --- shared symbols, laws and helpers ------------------------------------------------------

g = sp.Symbol("g", integer=True, nonnegative=True)
G0 = {g: Domain.integer(0)}


def X(t, *idx):
    return Rand("x", t, *idx)


def D(t, *idx):
    return Rand("D", t, *idx)


_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)


def _mask(domains, symbol):
    """A polynomial in ``symbol`` vanishing at every value of it the refuter samples (its points are
    drawn from a fixed seed, so they can be read off in advance)."""
    values = sorted({pt[symbol] for pt in Space(domains).points(6)}, key=sp.default_sort_key)
    return sp.Mul(*[(symbol - v) for v in values]), values


def _count_law(name):
    return Law(name, g, {}, (StateVar("x", 0, X(g) + 1, Domain.real(0)),), ())


# ==========================================================================================
# Attacks
# ==========================================================================================

# --- sympy's assumptions trusted by the sign decision ----------------------------------------------

def binomial_odd_strict_negative():
    # sympy says binomial(n, 2m+1) is negative whenever n's sign is unknown (binomial._eval_is_nonnegative
    # answers False for an odd k), but binomial(n, 2m+1) = 0 for 0 <= n < 2m+1. The refuter's points
    # (n near 20, m >= 20) all give 0, which a strict claim does not count against. At n = 0, m = 20: 0 < 0.
    n = sp.Symbol("n", integer=True)
    m = sp.Symbol("m", integer=True, positive=True)
    rel = sp.Lt(sp.binomial(n, 2 * m + 1), 0, evaluate=False)
    at0 = sp.Lt(sp.binomial(0, 2 * m + 1), 0, evaluate=False)
    f = sp.Lt(0, 0, evaluate=False)
    return Proof("binomial_odd_strict_negative", {"statement": f}, {n: Domain.integer(hi=20), m: Domain.integer(20)}, [
        Step("a", rel, R.Algebra()), Step("b", at0, R.Specialize(n, 0), ("a",)),
        Step("c", f, R.Specialize(m, 20), ("b",))])


def binomial_odd_nonpositive_masked():
    # sympy also says binomial(2n+1, 2k+1) <= 0 (false: binomial(1, 1) = 1). A square of a polynomial
    # vanishing at the sampled n keeps every sampled value at 0; at an unsampled n = t >= 0, k = 0 the claim
    # reads P(t)^2 (2t + 1) <= 0.
    n = sp.Symbol("n", integer=True)
    k = sp.Symbol("k", integer=True, nonnegative=True)
    doms = {n: Domain.integer(), k: Domain.integer(0)}
    P, vals = _mask(doms, n)
    t = next(v for v in range(0, 40) if v not in vals)
    rel = sp.Le(P ** 2 * sp.binomial(2 * n + 1, 2 * k + 1), 0, evaluate=False)
    at0 = sp.Le(P.subs(n, t) ** 2 * sp.binomial(2 * t + 1, 2 * k + 1), 0, evaluate=False)
    f = sp.Le(P.subs(n, t) ** 2 * (2 * t + 1), 0, evaluate=False)
    return Proof("binomial_odd_nonpositive_masked", {"statement": f}, doms, [
        Step("a", rel, R.Algebra()), Step("b", at0, R.Specialize(n, t), ("a",)),
        Step("c", f, R.Specialize(k, 0), ("b",))])


def law_domain_binomial_sign():
    # The law declares x > 0 with update x_{g+1} = -binomial(n, 2k+1): Law.problems() accepts the update
    # as positive (the same binomial sign bug), though it is 0 for 0 <= n < 2k+1. With n = 0, k = 20 the
    # declared x_1 > 0 and the update x_1 = 0 give 0 > 0.
    n = sp.Symbol("n", integer=True)
    k = sp.Symbol("k", integer=True, positive=True)
    L = Law("binom_state_r3", g, {n: Domain.integer(hi=20), k: Domain.integer(20)},
            (StateVar("x", 1, -sp.binomial(n, 2 * k + 1), Domain.real(0, lo_open=True)),), ())
    f = sp.Gt(0, 0, evaluate=False)
    return Proof("law_domain_binomial_sign", {"statement": f},
                 {**G0, n: Domain.finite([0]), k: Domain.finite([20])}, [
        Step("p", sp.Gt(X(1), 0), R.Algebra()),
        Step("st", sp.Eq(X(g + 1), -sp.binomial(n, 2 * k + 1)), R.LawStep("x")),
        Step("s0", sp.Eq(X(1), -sp.binomial(n, 2 * k + 1)), R.Specialize(g, 0), ("st",)),
        Step("z", sp.Eq(sp.binomial(n, 2 * k + 1), 0, evaluate=False), R.Algebra()),
        Step("f", f, R.Order(), ("p", "s0", "z"))], law=L)


def trigamma_pole_positive():
    # sympy says polygamma(1, x) > 0 for every real x; at x = 0, -1, ... it is a pole (zoo), so the claim
    # "polygamma(1, x) > 0 for all x <= 0" is false (no value there). The sampled points are non-integers.
    x = sp.Symbol("x", real=True)
    rel = sp.Gt(sp.polygamma(1, x), 0, evaluate=False)
    return Proof("trigamma_pole_positive", {"statement": rel}, {x: Domain.real(hi=0)}, [Step("a", rel, R.Algebra())])


# --- poles the definedness checks do not know --------------------------------------------------------

def induction_factorial_hidden_pole():
    # As induction_pole / induction_gamma_hidden_pole, with the coefficient (g+1) (g-1)!/g! = (g+1)/g:
    # _nonvanishing checks powers, logs and the gamma family, not factorial, whose (-1)! is a pole at
    # g = 0. phi(0) = 0 leaves F(1) free: E(g x_g) = g^2 + 5 g, so E(x_1) = 6 while x_1 = 1.
    phi = g * X(g)
    coef = (g + 1) * sp.factorial(g - 1) / sp.factorial(g)
    F = g ** 2 + 5 * g
    goal = sp.Eq(E(X(1)), 6)
    return Proof("induction_factorial_hidden_pole", {"statement": goal}, dict(G0), [
        Step("base", sp.Eq(0, 0, evaluate=False), R.Algebra()),
        Step("st", sp.Eq(X(g + 1), X(g) + 1), R.LawStep("x")),
        Step("ce0", sp.Eq(CE((g + 1) * (X(g) + 1), g), (g + 1) * X(g) + g + 1), R.CondExpect()),
        Step("ce", sp.Eq(CE((g + 1) * X(g + 1), g), (g + 1) * X(g) + g + 1), R.Rewrite(), ("st", "ce0")),
        Step("ind", sp.Eq(E(phi), F), R.Induction((phi,), (F,), ((coef,),), (g + 1,)), ("base", "ce")),
        Step("at1", goal, R.Specialize(g, 1), ("ind",))], law=_count_law("count_fact_r3"))


def limit_coefficient_cot_pole():
    # lim_g cot(x) 2^-g = 0 "for every x in [0, 1]": at x = 0 every term is zoo. _nonvanishing checks
    # powers, logs and the gamma family, not cot/tan.
    x = sp.Symbol("x", real=True)
    rel = sp.Eq(sp.Limit(sp.cot(x) * sp.Rational(1, 2) ** g, g, sp.oo), 0, evaluate=False)
    return Proof("limit_coefficient_cot_pole", {"statement": rel}, {**G0, x: Domain.real(0, 1)},
                 [Step("a", rel, R.Limit())])


def limit_coefficient_factorial_pole():
    # lim_g (x-1)! 2^-g = 0 "for every x in [0, 1]": at x = 0 every term is (-1)! = zoo.
    x = sp.Symbol("x", real=True)
    rel = sp.Eq(sp.Limit(sp.factorial(x - 1) * sp.Rational(1, 2) ** g, g, sp.oo), 0, evaluate=False)
    return Proof("limit_coefficient_factorial_pole", {"statement": rel}, {**G0, x: Domain.real(0, 1)},
                 [Step("a", rel, R.Limit())])


# --- floats in domains -----------------------------------------------------------------------------

def float_finite_domain():
    # Domain values are not screened for Floats (only relations and rule fields are): z ranges over
    # {10^20} (exactly representable), and in 53-bit arithmetic (z + 1)^2 - z^2 rounds to 0. False: 2*10^20 + 1.
    z = sp.Symbol("z", real=True)
    rel = sp.Eq((z + 1) ** 2, z ** 2)
    return Proof("float_finite_domain", {"statement": rel}, {z: Domain.finite([sp.Float(1e20)])},
                 [Step("a", rel, R.Algebra())])


def float_interval_bounds():
    # The same through a real interval [10^20, 10^20] given by Float bounds: z (z + 2) = (z + 1)^2 (false by 1).
    z = sp.Symbol("z", real=True)
    rel = sp.Eq(z * (z + 2), (z + 1) ** 2)
    return Proof("float_interval_bounds", {"statement": rel}, {z: Domain.real(sp.Float(1e20), sp.Float(1e20))},
                 [Step("a", rel, R.Algebra())])


def float_integer_bound_within():
    # An integer range with a Float upper bound 2^53 + 4: 2^53 + 3 lies outside [0, 2^53 + 2]... the lemma is
    # proved for n <= 2^53 + 2 (as a Float, 9007199254740994.0); the citing proof allows n <= 2^53 + 3,
    # and within() compares 2^53 + 3 with the Float in 53-bit arithmetic (they round equal). At n = 2^53 + 3
    # the lemma's n <= 2^53 + 2 is false.
    big = 2 ** 53
    n = sp.Symbol("n", integer=True)
    rel = sp.Le(n, big + 2)
    lemma = Proof("lemma_float_within_r3", {"statement": rel}, {n: altered_domain(kind="integer", hi=sp.Float(big + 2))},
                  [Step("a", rel, R.Algebra())])
    _LIBRARIES["float_integer_bound_within"] = Library({"lemma_float_within_r3": lemma})
    f = sp.Le(big + 3, big + 2, evaluate=False)
    return Proof("float_integer_bound_within", {"statement": f}, {n: Domain.integer(hi=big + 3)}, [
        Step("c", rel, R.Rewrite(source=True), ("cite:lemma_float_within_r3",)),
        Step("d", f, R.Specialize(n, big + 3), ("c",))])


# --- sympy's closed forms, with the refuter's fixed points masked ----------------------------------------

def kronecker_sum_noninteger_masked():
    # sum_{i=1}^{n} delta(i, x) = [1 <= x <= n] holds for integer x only (sympy's summation assumes it);
    # for x = 3/2 the sum is 0. A polynomial vanishing at the refuter's (fixed-seed) points of x hides it.
    i = sp.Symbol("i", integer=True)
    n = sp.Symbol("n", integer=True, positive=True)
    x = sp.Symbol("x", real=True)
    doms = {x: Domain.real(1, 3), n: Domain.integer(1)}
    P, vals = _mask(doms, x)
    S = sp.Sum(sp.KroneckerDelta(i, x), (i, 1, n))
    pw = sp.Piecewise((1, sp.And(sp.Ge(x, 1), sp.Ge(n, x))), (0, True))
    rel = sp.Eq(P * S, P * pw)
    h = sp.Rational(3, 2)
    c = P.subs(x, h)
    S2 = sp.Sum(sp.KroneckerDelta(i, h), (i, 1, 2))
    f = sp.Eq(0, c, evaluate=False)
    return Proof("kronecker_sum_noninteger_masked", {"statement": f}, doms, [
        Step("a", rel, R.Algebra()),
        Step("b", sp.Eq(c * S.subs(x, h), c * pw.subs(x, h), evaluate=False), R.Specialize(x, h), ("a",)),
        Step("b2", sp.Eq(c * S2, c, evaluate=False), R.Specialize(n, 2), ("b",)),
        Step("z", sp.Eq(S2, 0, evaluate=False), R.Algebra()),
        Step("f", f, R.Rewrite(source=True), ("z", "b2"))])


def binomial_symmetry_masked():
    # binomial(n, k) = binomial(n, n - k) fails for negative n (n = -2, k = 0: 1 versus 0), yet simplify
    # reduces the difference to 0; round 2's junk term (now off the whitelist) is replaced by a polynomial
    # that vanishes at the refuter's points of n.
    n = sp.Symbol("n", integer=True)
    k = sp.Symbol("k", integer=True, nonnegative=True)
    doms = {n: Domain.integer(hi=-1), k: Domain.integer(0)}
    P, vals = _mask(doms, n)
    t = next(v for v in range(-2, -40, -1) if v not in vals)
    c = P.subs(n, t)
    rel = sp.Eq(P * sp.binomial(n, k), P * sp.binomial(n, n - k))
    at = sp.Eq(c * sp.binomial(t, k), c * sp.binomial(t, t - k))
    f = sp.Eq(c, 0, evaluate=False)
    return Proof("binomial_symmetry_masked", {"statement": f}, doms, [
        Step("a", rel, R.Algebra()), Step("b", at, R.Specialize(n, t), ("a",)),
        Step("c", f, R.Specialize(k, 0), ("b",))])


# --- snapshots and caches -------------------------------------------------------------------------

def snapshot_domain_mutation():
    # The report's snapshot copies the domains dict, not the (frozen, but object.__setattr__-able) Domain
    # objects: after the lemma (x >= 0: sqrt(x^2) = x) is checked and cached, its Domain is widened to all
    # reals, and the citing proof (x any real) imports sqrt(x^2) = x.
    x = sp.Symbol("x", real=True)
    rel = sp.Eq(sp.sqrt(x ** 2), x)
    dom = Domain.real(0)
    lemma = Proof("lemma_snapdom_r3", {"statement": rel}, {x: dom}, [Step("a", rel, R.Algebra())])
    lib = Library({"lemma_snapdom_r3": lemma})
    lib.report("lemma_snapdom_r3")
    object.__setattr__(dom, "lo", None)
    _LIBRARIES["snapshot_domain_mutation"] = lib
    return Proof("snapshot_domain_mutation", {"statement": rel}, {x: Domain.real()},
                 [Step("c", rel, R.Rewrite(source=True), ("cite:lemma_snapdom_r3",))])


def snapshot_relation_mutation():
    # The snapshot keeps the goal relation object; after the lemma (x = x) is checked and cached, the
    # object's _args are rewritten to (1, 2); the citing proof reads 1 = 2.
    x = sp.Symbol("x_snaprel_r3", real=True)
    tr = sp.Eq(x, x, evaluate=False)
    lemma = Proof("lemma_snaprel_r3", {"statement": tr}, {x: Domain.real()}, [Step("a", tr, R.Algebra())])
    lib = Library({"lemma_snaprel_r3": lemma})
    lib.report("lemma_snaprel_r3")
    tr._args = (sp.Integer(1), sp.Integer(2))
    f = sp.Eq(1, 2, evaluate=False)
    _LIBRARIES["snapshot_relation_mutation"] = lib
    return Proof("snapshot_relation_mutation", {"statement": f}, {x: Domain.real()},
                 [Step("c", f, R.Rewrite(source=True), ("cite:lemma_snaprel_r3",))])


def induction_cache_repr_collision():
    # _SYSTEMS keys the space by (srepr(symbol), repr(Domain)); repr of a Domain prints its values without
    # their assumptions, so c in [s_int, s_int] (s_int in {0}) and c in [s_real, s_real] (s_real any real) collide. The
    # system E(x_g) = g + c g (sound only for c = 0) is warmed with the first and reused for the second.
    s_int = sp.Symbol("s", integer=True)
    s_real = sp.Symbol("s", real=True)
    c = sp.Symbol("c")
    F = g + c * g
    L = _count_law("count_repr_r3")

    def mk(name, cdom):
        return Proof(name, {"statement": sp.Eq(E(X(g)), F)},
                     {**G0, s_int: Domain.finite([0]), s_real: Domain.real(), c: cdom}, [
            Step("init", sp.Eq(X(0), 0), R.LawInit("x")),
            Step("st", sp.Eq(X(g + 1), X(g) + 1), R.LawStep("x")),
            Step("ce0", sp.Eq(CE(X(g) + 1, g), X(g) + 1), R.CondExpect()),
            Step("ce", sp.Eq(CE(X(g + 1), g), X(g) + 1), R.Rewrite(), ("st", "ce0")),
            Step("ind", sp.Eq(E(X(g)), F), R.Induction((X(g),), (F,), ((1,),), (1,)), ("init", "ce"))], law=L)
    warm = check(mk("induction_cache_repr_warm_r3", Domain.real(s_int, s_int)))
    if not warm.ok:
        raise RuntimeError("warm-up failed: " + rejection_text(warm))
    return mk("induction_cache_repr_collision", Domain.real(s_real, s_real))


# --- vectors -------------------------------------------------------------------------------------

def vector_entry_out_of_range():
    # p has 2 entries, each >= 1; p[3] is no entry (the refuter samples it as 0), yet the cases give every
    # p[j] the entries' flags, so p[3] > 0 is accepted; with the total, sum_{j<=3} p[j] > 2 = total.
    p = sp.IndexedBase("p", positive=True)
    rel = sp.Gt(p[3], 0, evaluate=False)
    return Proof("vector_entry_out_of_range", {"statement": rel}, {p: Domain.vector(Domain.real(1), 2, 2)},
                 [Step("a", rel, R.Algebra())])


def vector_total_outside_entries():
    # A vector of two non-negative entries "summing to -1" is no vector at all (an empty domain, which the
    # kernel otherwise refuses); VectorTotal states the total, the entries' flags give p[1] + p[2] >= 0:
    # -1 >= 0.
    p = sp.IndexedBase("p", nonnegative=True)
    j = sp.Symbol("j", integer=True)
    S = sp.Sum(p[j], (j, 1, 2))
    f = sp.Ge(-1, 0, evaluate=False)
    return Proof("vector_total_outside_entries", {"statement": f},
                 {p: Domain.vector(Domain.real(0), 2, -1)}, [
        Step("t", sp.Eq(S, -1, evaluate=False), R.VectorTotal()),
        Step("nn", sp.Ge(S, 0, evaluate=False), R.Algebra()),
        Step("f", f, R.Order(), ("nn", "t"))])


def vector_negative_length():
    # A vector with -1 entries summing to 1: VectorTotal gives sum_{j=1}^{-1} p[j] = 1, which under sympy's
    # reversed-range convention is -p[0] = 1, while p[0] >= 0: -1 >= 0.
    p = sp.IndexedBase("p", nonnegative=True)
    j = sp.Symbol("j", integer=True)
    S = sp.Sum(p[j], (j, 1, -1))
    f = sp.Ge(-1, 0, evaluate=False)
    return Proof("vector_negative_length", {"statement": f}, {p: Domain.vector(Domain.real(0), -1, 1)}, [
        Step("t", sp.Eq(S, 1), R.VectorTotal()),
        Step("e", sp.Eq(S, -p[0]), R.Algebra()),
        Step("nn", sp.Ge(p[0], 0, evaluate=False), R.Algebra()),
        Step("f", f, R.Order(), ("nn", "t", "e"))])


# --- conditional expectations and laws ------------------------------------------------------------------

def ce_past_draw_next_generation():
    # CE(Y, g) is (per terms.py) the expectation given the *state* at g. With y_{g+1} = D_g^2 the state at
    # g + 1 does not determine D_g (its sign), so E[D_g | y_{g+1}] = 0, not D_g. (Sound only if CE means
    # conditioning on the whole history, which the docstring does not say.)
    L = Law("square_next_r3", g, {}, (StateVar("y", 0, D(g) ** 2, Domain.real(0)),), (Draw("D", "Normal", (0, 1)),))
    goal = sp.Eq(CE(D(g), g + 1), D(g))
    return Proof("ce_past_draw_next_generation", {"statement": goal}, dict(G0), [Step("a", goal, R.CondExpect())],
                 law=L)


def draw_support_names_state_at_law_generation():
    # D ~ Binomial(x_g, 1/2) with x_{g+1} = x_g + 1: rand_domains gives D at *every* generation the support
    # [0, x_g] with the law's own g; Specialize g = 0 (allowed: no proof domain names g) then bounds D_5 by
    # x_0 = 0, while D_5 ~ Binomial(5, 1/2).
    L = Law("binom_grow_r3", g, {}, (StateVar("x", 0, X(g) + 1, Domain.integer(0)),),
            (Draw("D", "Binomial", (X(g), sp.Rational(1, 2))),))
    f = sp.Le(D(5), 0)
    return Proof("draw_support_names_state_at_law_generation", {"statement": f}, dict(G0), [
        Step("a", sp.Le(D(5), X(g)), R.Algebra()),
        Step("b", sp.Le(D(5), X(0)), R.Specialize(g, 0), ("a",)),
        Step("i", sp.Eq(X(0), 0), R.LawInit("x")),
        Step("f", f, R.Rewrite(), ("i", "b"))], law=L)


def tower_binomial_sign_integrability():
    # Tower's Y >= 0 test trusts sympy's sign of binomial: Y = -binomial(n, 2k+1) w_g B_g... is not needed;
    # simpler: Y = w_g B_g^2 - binomial(n, 2k+1) * 0 ... sympy folds it; so the integrability of
    # Y = w_g * B_g with w_g = exp(A^2) (E|Y| = oo) is claimed through Y = (-binomial(n, 2k+1)) * w_g * B_g^2
    # "> 0" (binomial sign bug, value 0 for n = 0): E(0) = E(W) is then fine -- kept as a probe of the sign
    # test on a product whose value is 0.
    w, B = (lambda t: Rand("w", t)), (lambda t: Rand("B", t))
    n = sp.Symbol("n", integer=True)
    k = sp.Symbol("k", integer=True, positive=True)
    L = Law("heavy_tower_r3", g, {n: Domain.integer(hi=20), k: Domain.integer(20)},
            (StateVar("w", 1, sp.exp(Rand("A", g) ** 2), Domain.real(0)),),
            (Draw("A", "Normal", (0, 1)), Draw("B", "Normal", (0, 1))))
    c = -sp.binomial(n, 2 * k + 1)
    goal = sp.Eq(E(c * w(g) * B(g)), 0)
    return Proof("tower_binomial_sign_integrability", {"statement": goal},
                 {**G0, n: Domain.integer(hi=20), k: Domain.integer(20)}, [
        Step("mb", sp.Eq(CE(B(g), g), 0), R.DrawFact("normal_moments", "B", 1)),
        Step("ce", sp.Eq(CE(c * w(g) * B(g), g), 0), R.CondExpect(), ("mb",)),
        Step("t", goal, R.Tower(), ("ce",))], law=L)


def rand_fractional_generation():
    # A random quantity at generation 1/2 passes the "generation >= 0" test; x_{1/2} does not exist, yet the
    # state's declared domain gives x_{1/2} >= 0 and the update, specialised nowhere, is not needed:
    # the relation itself speaks of a generation the law does not have.
    L = _count_law("count_half_r3")
    rel = sp.Ge(X(sp.Rational(1, 2)), 0)
    return Proof("rand_fractional_generation", {"statement": rel}, dict(G0), [Step("a", rel, R.Algebra())], law=L)


# --- numbers on the whitelist ------------------------------------------------------------------------

def nan_equals_nan():
    # nan = nan is no true statement (nan is no number); NaN is on the whitelist.
    rel = sp.Eq(sp.nan, sp.nan, evaluate=False)
    return Proof("nan_equals_nan", {"statement": rel}, {}, [Step("a", rel, R.Algebra())])


def infinity_not_below_itself():
    # oo <= oo - 1 read as oo - (oo - 1) = oo - oo: no number; the whitelist admits oo in relations.
    rel = sp.Le(sp.oo, sp.Add(sp.oo, -1, evaluate=False), evaluate=False)
    return Proof("infinity_not_below_itself", {"statement": rel}, {}, [Step("a", rel, R.Algebra())])


def sign_zero_square():
    # sign(x)^2 = 1 fails at x = 0 (sign(0) = 0), which the domain x >= 0 contains.
    x = sp.Symbol("x", nonnegative=True)
    rel = sp.Eq(sp.sign(x) ** 2, 1)
    return Proof("sign_zero_square", {"statement": rel}, {x: Domain.real(0)}, [Step("a", rel, R.Algebra())])


ATTACKS = [
    # (name, builder, expected message of a correct kernel)
    ("binomial_odd_strict_negative", binomial_odd_strict_negative, "sympy could not show > 0"),
    ("binomial_odd_nonpositive_masked", binomial_odd_nonpositive_masked, "sympy could not show >= 0"),
    ("law_domain_binomial_sign", law_domain_binomial_sign, "law binom_state_r3"),
    ("trigamma_pole_positive", trigamma_pole_positive, "sympy could not show > 0 || its argument may not be positive"),
    ("induction_factorial_hidden_pole", induction_factorial_hidden_pole, "is not shown defined for every g >= 0"),
    ("limit_coefficient_cot_pole", limit_coefficient_cot_pole, "is not shown finite || poles are not tracked"),
    ("limit_coefficient_factorial_pole", limit_coefficient_factorial_pole, "is not shown finite || its argument may be a negative integer"),
    ("float_finite_domain", float_finite_domain, "Domain values: Float is not a node the kernel reads"),
    ("float_interval_bounds", float_interval_bounds, "Domain lo: Float is not a node the kernel reads"),
    ("float_integer_bound_within", float_integer_bound_within, "cited lemma_float_within_r3#statement is not proved"),
    ("kronecker_sum_noninteger_masked", kronecker_sum_noninteger_masked, "KroneckerDelta is not a node the kernel reads"),
    ("binomial_symmetry_masked", binomial_symmetry_masked, "sympy could not reduce lhs - rhs to 0 || its order may not be a natural number"),
    ("snapshot_domain_mutation", snapshot_domain_mutation, "cited lemma_snapdom_r3 changed after it was checked || cited lemma_snapdom_r3 needs x real >= 0"),
    # (since round 40 the citation reads the kernel's own copy: the mutation never reaches it)
    ("snapshot_relation_mutation", snapshot_relation_mutation, "cited lemma_snaprel_r3 changed after it was checked"
                                                                  " || the rewritten relation is not the premise"),
    ("induction_cache_repr_collision", induction_cache_repr_collision, "inductive step fails"),
    ("vector_entry_out_of_range", vector_entry_out_of_range, ""),
    ("vector_total_outside_entries", vector_total_outside_entries, ""),
    ("vector_negative_length", vector_negative_length, ""),
    # ce_past_draw_next_generation: true under the documented semantics (CE given the history), so not listed.
    ("draw_support_names_state_at_law_generation", draw_support_names_state_at_law_generation, "sympy could not show"),
    ("tower_binomial_sign_integrability", tower_binomial_sign_integrability, ""),
    ("rand_fractional_generation", rand_fractional_generation, ""),
    ("nan_equals_nan", nan_equals_nan, "sympy could not reduce lhs - rhs to 0 || an imaginary unit, nan or complex infinity"),
    ("infinity_not_below_itself", infinity_not_below_itself, "an infinity (oo) is no number here"),
    ("sign_zero_square", sign_zero_square, "sympy could not reduce lhs - rhs to 0"),
]


def attacks():
    """(name, proof builder, expected rejection message) for every attack."""
    return list(ATTACKS)

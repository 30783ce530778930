"""Sampling transforms and curation on a categorical model: the infinite-sample maps.

With infinitely many samples the refit reproduces the sampling distribution exactly, so each
transform is a deterministic map on the probability vector p, iterated generation after
generation (entropies in nats):

* **temperature** tau: p -> p^(1/tau) / sum p^(1/tau). Iterated, p_t is the *escort*
  distribution p0^b / sum p0^b with b = tau^(-t) (sympy checks the induction step), and its
  entropy is log Z_b - b sum p0^b log p0 / Z_b, Z_b = sum p0^b.
* **top-k** and **nucleus** (top_p): keep a set S of the most probable categories and
  renormalise. A restriction of a restriction is the restriction to the smaller set, so p_t is
  p0 restricted to S_t and renormalised, with entropy log Z_S - sum_S p0 log p0 / Z_S. Top-k
  is idempotent (S_t = S_1 for t >= 1); the nucleus sets are nested, S_{t+1} within S_t, so
  they stop shrinking after at most K - 1 generations, at the first S that needs all its
  categories to reach mass top_p.
* **reward tilting** (the large-k limit of reward-based curation, Ferbach et al. 2024):
  p_{t+1} proportional to p_t exp(beta r), so p_t is proportional to p0 exp(t beta r).
* **curation support**: any selection rule keeps a subset of samples drawn from p_t, which lie
  in the support of p_t, so the refitted support can only shrink.

The closed forms are derived by sympy from these definitions; the evaluator computes them in
mpmath, the scale- and shift-invariant forms (p0 / max p0, r - max r) keeping large t exact.
Temperature and tilting are normalised maps, p -> w(p) / sum w(p), which the kernel declares as
laws and proves (:mod:`modelcollapse.proofs.normalised_maps`, for p0 of full support); top-k,
nucleus and curation stay exact computations. The independent check iterates each map directly
(:mod:`modelcollapse.numerics.workflows`) and takes the entropy by its definition.

Examples
--------
>>> from modelcollapse import theory
>>> r = theory.get("sampling.temperature_categorical")
>>> import math
>>> abs(r(p0=[0.5, 0.25, 0.25], tau=1.0, t=5) - 1.5 * math.log(2)) < 1e-15
True
>>> r(p0=[0.5, 0.25, 0.25], tau=0.5, t=40) < 1e-12     # tau < 1: all mass on the argmax
True
>>> abs(r(p0=[0.5, 0.25, 0.25], tau=2.0, t=80) - math.log(3)) < 1e-12   # tau > 1: uniform
True
"""

from __future__ import annotations

import functools

import mpmath
import sympy as sp

from .assumptions import IntegerAtLeast, PositiveReal, RealInHalfOpen, RealNumber, RealVector
from .categorical import A_P0
from .expectation import split_sums
from .registry import register
from .result import Derivation, DerivationStep, Reference, Result
from .symbols import K, i, p0, t, tau

FAMILY = "sampling"

HOLTZMAN = Reference("Holtzman, A., Buys, J., Du, L., Forbes, M. and Choi, Y.", 2020,
                     "The curious case of neural text degeneration", "ICLR 2020", "Sec. 3.1 (nucleus sampling)")
FERBACH = Reference("Ferbach, D., Bertrand, Q., Bose, A. J. and Gidel, G.", 2024,
                    "Self-consuming generative models with curated data provably optimize human preferences",
                    "NeurIPS 2024 (arXiv:2407.09499)", "Lemma 2.1 (large-k limit of curation)")
BECK = Reference("Beck, C. and Schloegl, F.", 1993, "Thermodynamics of Chaotic Systems", "Cambridge University Press",
                 "Ch. 9 (escort distributions)")
COVER_THOMAS = Reference("Cover, T. M. and Thomas, J. A.", 2006, "Elements of Information Theory", "2nd ed., Wiley",
                         "Ch. 2 (entropy)")

k_keep = sp.Symbol("k", integer=True, positive=True)
top_p = sp.Symbol("top_p", positive=True)
beta = sp.Symbol("beta", real=True)
reward = sp.IndexedBase("r", real=True)
#: S(i, t, k) or S(i, t, top_p): 1 when category i is in the set S_t the rule keeps, else 0 (the
#: evaluator computes the sets by the rule); ``kept`` is its vector of values inside evaluation.
S_SET = sp.Function("S", nonnegative=True)
kept = sp.IndexedBase("S_values", nonnegative=True)

A_TAU = PositiveReal("tau", tau)
A_T = IntegerAtLeast("t", t, 0)
A_K = IntegerAtLeast("k", k_keep, 1)
A_TOP_P = RealInHalfOpen("top_p", top_p, 0, 1)
A_BETA = RealNumber("beta", beta)
A_R = RealVector("r", reward)
#: H(p_t), the entropy (nats) of generation t.
ENTROPY = sp.Function("H")(sp.Symbol("p_t"))


def _entropy(weights):
    """-sum q_i log q_i for q_i = w_i / sum_j w_j (w a summand in i), expanded by sympy into
    log Z - sum w_i log w_i / Z (sum q = 1 used); returns (closed form, expanded in a symbol Z)."""
    Z = sp.Symbol("Z", positive=True)
    q = weights / Z
    summand = sp.expand(sp.expand_log(-q * sp.log(q), force=True))
    total = split_sums(sp.Sum(summand, (i, 1, K)))
    Zsum = sp.Sum(weights, (i, 1, K))
    total = sp.expand(total).subs(Zsum, Z)
    return total.subs(Z, Zsum), total


# --- evaluation: sums over the categories in mpmath ----------------------------------------------

def _value(expr, vectors, scalars):
    """``expr`` at ``scalars`` (symbol -> number), each Sum over i computed in mpmath over the
    entries of ``vectors`` (IndexedBase -> list)."""
    length = len(next(iter(vectors.values())))
    sums, outer = _compiled(sp.sympify(expr), tuple(scalars))
    values = [mpmath.fsum(g(*(vectors[b][m] for b in bases), *scalars.values()) for m in range(length))
              for bases, g in sums]
    # K as an mpf: a Python int would make 1/K a float (the compiled form keeps K a symbol).
    return mpmath.mpf(outer(*values, mpmath.mpf(length), *scalars.values()))


@functools.lru_cache(maxsize=1024)
def _compiled(expr, scalar_symbols):
    """``expr`` compiled once for :func:`_value`: each Sum over i as (its vectors, its summand as an
    mpmath function of their entries and the scalars), and the rest as a function of the sums' values,
    K and the scalars."""
    sums, names = [], []

    def run(node):
        idx, f = node.limits[0][0], node.function
        bases = tuple(sorted({e.base for e in f.atoms(sp.Indexed)}, key=str))
        dummies = [sp.Dummy(str(b)) for b in bases]
        sums.append((bases, sp.lambdify(dummies + list(scalar_symbols),
                                        f.xreplace({b[idx]: d for b, d in zip(bases, dummies)}), modules="mpmath")))
        names.append(sp.Dummy())
        return names[-1]

    e = expr.replace(lambda x: isinstance(x, sp.Sum), run)
    return tuple(sums), sp.lambdify(names + [K] + list(scalar_symbols), e, modules="mpmath")


def _support(probs):
    return [m for m, q in enumerate(probs) if q > 0]


def _evaluate_temperature(result, values, expr=None):
    probs = [mpmath.mpf(q) for q in values["p0"]]
    keep = _support(probs)
    top = max(probs)
    # The closed form is invariant under p0 -> p0 / max p0 (Z_b scales by a power that cancels);
    # zero entries contribute nothing (0^b = 0 for b > 0).
    # A category with y = b |log(p0_i / max p0)| beyond NEGLIGIBLE contributes at most y exp(-y), far below
    # the working precision: it is left out (else q^b with b = tau^-t, t ~ 10^9, has an exponent of
    # 10^8 digits).
    log_b = -values["t"] * mpmath.log(values["tau"])
    negligible = 3 * (mpmath.mp.dps + 20) * mpmath.log(10)
    keep = [m for m in keep if probs[m] == top or log_b + mpmath.log(-mpmath.log(probs[m] / top)) < mpmath.log(negligible)]
    vec = {p0: [probs[m] / top for m in keep]}
    return _value(result.closed_form if expr is None else expr, vec, {tau: values["tau"], t: values["t"]})


def _evaluate_tilting(result, values, expr=None):
    probs, r = [mpmath.mpf(q) for q in values["p0"]], [mpmath.mpf(v) for v in values["r"]]
    if len(r) != len(probs):
        raise ValueError(f"r must have one entry per category of p0 ({len(probs)}), got {len(r)}")
    keep = _support(probs)
    best = max(r[m] for m in keep) if values["beta"] * values["t"] >= 0 else min(r[m] for m in keep)
    top = max(probs)
    # Invariant under r -> r - const and p0 -> p0 / const: no overflow at large t beta.
    vec = {p0: [probs[m] / top for m in keep], reward: [r[m] - best for m in keep]}
    return _value(result.closed_form if expr is None else expr, vec, {beta: values["beta"], t: values["t"]})


def top_k_set(probs, size):
    """Indices of the ``size`` most probable categories (ties: lower index first)."""
    order = sorted(range(len(probs)), key=lambda m: (-probs[m], m))
    return sorted(order[:size])


def nucleus_set(probs, mass):
    """The smallest set of most probable categories (ties: lower index) whose mass is >= ``mass``,
    for probabilities summing to 1 (compared exactly on the restricted, renormalised vector)."""
    order = sorted(range(len(probs)), key=lambda m: (-probs[m], m))
    total, out = mpmath.mpf(0), []
    whole = mpmath.fsum(probs)
    for m in order:
        if probs[m] == 0:
            break
        out.append(m)
        total += probs[m]
        if total >= mass * whole:
            break
    return sorted(out)


def nucleus_sets(probs, mass, generations):
    """S_1 within S_0 = support ...: the nucleus sets of the iterated map, stopping at the fixed point."""
    sets = [_support(probs)]
    while len(sets) <= generations:
        restricted = [probs[m] if m in sets[-1] else mpmath.mpf(0) for m in range(len(probs))]
        nxt = nucleus_set(restricted, mass)
        if nxt == sets[-1]:
            break
        sets.append(nxt)
    return sets


def _restricted_entropy(result, probs, chosen, expr):
    expr = (result.closed_form if expr is None else expr).replace(
        lambda e: getattr(e, "func", None) == S_SET, lambda e: kept[e.args[0]])
    top = max(probs[m] for m in chosen)
    # Categories outside S_t carry S = 0 and contribute nothing: sum over S_t only.
    vec = {p0: [probs[m] / top for m in chosen], kept: [mpmath.mpf(1)] * len(chosen)}
    return _value(expr, vec, {})


def _evaluate_top_k(result, values, expr=None):
    probs = [mpmath.mpf(q) for q in values["p0"]]
    chosen = _support(probs) if values["t"] == 0 else [m for m in top_k_set(probs, int(values["k"])) if probs[m] > 0]
    return _restricted_entropy(result, probs, chosen, expr)


def _evaluate_top_p(result, values, expr=None):
    probs = [mpmath.mpf(q) for q in values["p0"]]
    sets = nucleus_sets(probs, values["top_p"], int(values["t"]))
    return _restricted_entropy(result, probs, sets[min(int(values["t"]), len(sets) - 1)], expr)


def nucleus_fixed_point(p0_, top_p_, dps=30):
    """(generations until the nucleus sets stop shrinking, mass of p0 lost at the fixed point)."""
    with mpmath.workdps(dps):
        probs = [mpmath.mpf(q) for q in p0_]
        sets = nucleus_sets(probs, mpmath.mpf(top_p_), len(probs))
        return len(sets) - 1, float(1 - mpmath.fsum(probs[m] for m in sets[-1]))


# --- derivations -----------------------------------------------------------------------------------

def _temperature():
    b = tau ** (-t)
    x, Zs = sp.Symbol("x", positive=True), sp.Symbol("Z", positive=True)
    # Induction step: sampling at tau from p0^b / Z gives weights proportional to p0^(b / tau).
    step = sp.simplify(sp.powsimp(sp.expand_power_base((x**b / Zs) ** (1 / tau), force=True), force=True)
                       / x ** (b / tau))
    if step.has(x) or sp.simplify(b / tau - tau ** (-(t + 1))) != 0:
        raise ArithmeticError("the escort form is not kept by one temperature step")
    closed, expanded = _entropy(p0[i] ** b)
    H = ENTROPY
    steps = [
        DerivationStep("One step: p -> p^(1/tau) / sum p^(1/tau); from p_t proportional to p0^b, sympy finds "
                       "p_{t+1} proportional to p0^(b/tau): the factor that does not depend on the category is",
                       sp.Eq(sp.Symbol("ratio"), step)),
        DerivationStep("So p_t is the escort distribution of order b = tau^(-t)",
                       sp.Eq(sp.Symbol("p_{i,t}"), p0[i] ** b / sp.Sum(p0[i] ** b, (i, 1, K)))),
        DerivationStep("Entropy -sum q log q, expanded by sympy (sum q = 1)", sp.Eq(H, closed)),
    ]
    statement = sp.Eq(H, closed)
    claims = {
        "limit_below_one": sp.Eq(sp.Limit(H, t, sp.oo), sp.log(sp.Symbol("N_argmax"))),
        "limit_above_one": sp.Eq(sp.Limit(H, t, sp.oo), sp.log(sp.Symbol("N_support"))),
    }
    steps += [DerivationStep("tau < 1 (b -> oo): the mass goes uniformly to the N_argmax most probable categories of p0", claims["limit_below_one"]),
              DerivationStep("tau > 1 (b -> 0): p0^b -> 1 on the support (N_support categories), uniform on it", claims["limit_above_one"])]
    # Derived, not kernel-proved: remarks beside the proved statement.
    return Derivation(statement, closed, steps, remarks=claims)


def _restricted(rule_text, fixed_text, parameter):
    def derive():
        indicator = S_SET(i, t, parameter)
        closed, _ = _entropy(indicator * p0[i])
        closed = closed.xreplace({sp.log(indicator): 0}).replace(  # S log S = 0 for S in {0, 1}
            lambda e: isinstance(e, sp.Sum) and e.function == 0, lambda e: sp.S.Zero)
        H = ENTROPY
        steps = [DerivationStep(rule_text, None),
                 DerivationStep("A restriction of a renormalised restriction is the restriction to the smaller set: "
                                "p_t is p0 on S_t, renormalised (S the indicator of S_t)",
                                sp.Eq(sp.Symbol("p_{i,t}"), indicator * p0[i] / sp.Sum(indicator * p0[i], (i, 1, K)))),
                 DerivationStep("Entropy -sum q log q, expanded by sympy (S log S = 0)", sp.Eq(H, closed)),
                 DerivationStep(fixed_text, None)]
        return Derivation(sp.Eq(H, closed), closed, steps)
    return derive


def _tilting():
    c = t * beta
    closed, _ = _entropy(p0[i] * sp.exp(c * reward[i]))
    H = ENTROPY
    x, Zs = sp.Symbol("x", positive=True), sp.Symbol("Z", positive=True)
    one = sp.simplify(x * sp.exp(c * sp.Symbol("r_i")) / Zs * sp.exp(beta * sp.Symbol("r_i"))
                      / (x * sp.exp((t + 1) * beta * sp.Symbol("r_i"))))
    if one.has(x) or one.has(sp.Symbol("r_i")):
        raise ArithmeticError("the tilted form is not kept by one step")
    steps = [
        DerivationStep("One step p -> p exp(beta r) / Z: from p_t proportional to p0 exp(t beta r), sympy finds "
                       "p_{t+1} proportional to p0 exp((t + 1) beta r), the factor left being", sp.Eq(sp.Symbol("ratio"), one)),
        DerivationStep("Entropy -sum q log q, expanded by sympy", sp.Eq(H, closed)),
        DerivationStep("As t beta -> +oo the mass goes to the argmax of r on the support of p0, in proportion to p0 "
                       "there: the entropy tends to that of p0 restricted to the argmax set, 0 when it is one "
                       "category", sp.Eq(sp.Limit(H, t, sp.oo), sp.Symbol("H_{argmax r}"))),
    ]
    return Derivation(sp.Eq(H, closed), closed, steps,
                      remarks={"limit": sp.Eq(sp.Limit(H, t, sp.oo), sp.Symbol("H_{argmax r}"))})


def _curation():
    P = sp.Symbol("Pr[p_{i,t+1} > 0 | p_{i,t} = 0]")
    steps = [
        DerivationStep("Every sample of generation t lies in the support of p_t: Pr[x = i] = p_{i,t} = 0", None),
        DerivationStep("A selection rule (any function of the samples, rewards or randomness) keeps a subset of them", None),
        DerivationStep("The refit puts mass only on categories it saw (the empirical distribution of the kept "
                       "samples), so a category absent from p_t is absent from p_{t+1}", sp.Eq(P, 0)),
        DerivationStep("By induction on t, supp p_t only shrinks: a category once lost is never recovered",
                       sp.Symbol("supp(p_{t+1}) <= supp(p_t)")),
    ]
    return Derivation(sp.Eq(P, 0), sp.S.Zero, steps)


def _zipf_table():
    from .categorical_loss import zipf
    rows = []
    for s in (0.8, 1.0, 1.2):
        gens, lost = nucleus_fixed_point(zipf(100, s), 0.9)
        rows.append(sp.Tuple(sp.Float(s, 3), gens, sp.Float(lost, 4)))
    return DerivationStep("For Zipf(s) over K = 100 categories at top_p = 0.9 (nucleus_fixed_point): (s, generations "
                          "until the fixed point, mass of p0 lost)", sp.Tuple(*rows))


def _top_p():
    d = _restricted(
        "One step keeps the smallest set of most probable categories (ties: lower index) whose mass is at least "
        "top_p, and renormalises",
        "The sets are nested, S_{t+1} within S_t, so the support shrinks monotonically; K is finite, so it stops "
        "after at most K - 1 generations, at the first S_t that needs every one of its categories to reach top_p "
        "(then p_{t+1} = p_t: a fixed point)", top_p)()
    d.steps.append(_zipf_table())
    return d


for _r in [
    Result("sampling.temperature_categorical", "Temperature sampling without refitting noise: entropy", FAMILY,
           (A_P0, A_TAU, A_T), _temperature, [BECK, HOLTZMAN, COVER_THOMAS], evaluator=_evaluate_temperature,
           summary="Sampling at temperature tau and refitting on infinitely many samples raises p to the power "
                   "1/tau every generation: p_t is the escort distribution of order tau^(-t). Below tau = 1 the "
                   "entropy falls to log(#argmax), above it rises to log(#support): any tau != 1 runs away."),
    Result("sampling.top_k", "Iterated top-k sampling: entropy", FAMILY, (A_P0, A_K, A_T),
           _restricted("One step keeps the k most probable categories (ties: lower index) and renormalises",
                       "Top-k is idempotent: p_1 has at most k categories of positive mass, which are its k most "
                       "probable, so p_t = p_1 for every t >= 1 (the fixed point, reached in one generation)", k_keep),
           [HOLTZMAN, COVER_THOMAS], evaluator=_evaluate_top_k,
           summary="Top-k cuts the tail once and then stays: p_t = p0 on its k most probable categories, renormalised, "
                   "for every t >= 1. The tail mass is lost in one generation and never recovered."),
    Result("sampling.top_p", "Iterated nucleus sampling: entropy", FAMILY, (A_P0, A_TOP_P, A_T), _top_p,
           [HOLTZMAN, COVER_THOMAS], evaluator=_evaluate_top_p,
           summary="Nucleus sampling renormalises after each cut, so the next cut bites again: the support shrinks "
                   "monotonically to a fixed point reached after finitely many generations, losing far more than "
                   "1 - top_p of the original mass on a heavy-tailed (Zipf) distribution."),
    Result("sampling.reward_tilting", "Reward tilting: entropy", FAMILY, (A_P0, A_R, A_BETA, A_T), _tilting,
           [FERBACH, COVER_THOMAS], evaluator=_evaluate_tilting,
           summary="Curating by a reward r in the large-k limit tilts p by exp(beta r) every generation: p_t is "
                   "proportional to p0 exp(t beta r), and the entropy falls to that of the argmax of r (0 for a unique "
                   "maximiser)."),
    Result("sampling.curation_support", "Curation never recovers a lost category", FAMILY, (), _curation,
           [FERBACH, COVER_THOMAS], evaluator=lambda result, values, expr=None: mpmath.mpf(0),
           summary="Whatever rule selects the training samples, they were drawn from p_t, so the next model's support "
                   "lies within that of p_t: selection can only remove categories."),
]:
    if _r.id in ("sampling.temperature_categorical", "sampling.reward_tilting"):
        # Proved by the kernel (modelcollapse.proofs.normalised_maps): the normalised map as a law, p_t by
        # induction, the entropy by algebra, for p0 of full support; the limits stay derived claims.
        _r.status_note = ("kernel proof for p0 of full support (entries > 0); a category with p0_i = 0 stays at 0 and "
                          "contributes 0 log 0 = 0, a reduction to the support the kernel does not carry; the limits "
                          "as t -> oo are derived, not proved")
    else:
        _r.status = "exact computation"
        _r.status_note = ("a deterministic map on the probability vector, derived by sympy and checked against direct "
                          "iteration; the kept set is chosen by ranking the categories, which no kernel law can "
                          "state, so no kernel proof")
    register(_r)
_curation_result = _r
_curation_result.status = None
_curation_result.status_note = (
    "kernel proof for the declared curation law (n samples from p_t, each kept with its category's probability "
    "s_i): the rule it uses needs only that the next share vanishes when the category was not drawn, but the "
    "kernel cannot quantify over selection rules, and a rule that reads the other samples (best-of-k) is no law "
    "it can declare (its draws may not depend on other draws)")

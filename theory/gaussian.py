"""Iterated Gaussian refitting: derivations and results.

The model
---------
Generation 0 is N(mu0, sigma0^2). Generation t+1 is fitted to n independent samples of
generation t: mu_{t+1} is their mean and sigma_{t+1}^2 = sum (x - xbar)^2 / (n - ddof).
By Cochran's theorem the one-step law is, with independent innovations

* ``Z(t) ~ N(0, 1)``: ``mu_{t+1} = mu_t + sigma_t Z_t / sqrt(n)``,
* ``X(t) ~ chi-square(n - 1)``: ``sigma_{t+1} = sigma_t sqrt(X_t / (n - ddof))``,

both independent of everything up to generation t. Every closed form below is produced
from :data:`LAW` by :func:`~modelcollapse.theory.expectation.expect`, the moment lemmas of
:mod:`~modelcollapse.theory.lemmas` and ``sympy.rsolve``; nothing is typed in as an answer.

Examples
--------
>>> from modelcollapse import theory
>>> r = theory.get("gaussian.variance")
>>> r.statement
Eq(E[sigma_t**2], sigma0**2*((n - 1)/(-ddof + n))**t)

With maximum likelihood each refit keeps a fraction (n - 1)/n of the variance in mean:

>>> abs(r(n=10, t=5, ddof=0, sigma0=1.0) - (9 / 10) ** 5) < 1e-15
True
"""

from __future__ import annotations

import functools

import mpmath
import sympy as sp

from .assumptions import IntegerAtLeast, IntegerSequence, OneOf, PositiveReal, RealNumber
from .expectation import expect
from .lemmas import chi2_log_moment, chi2_moment, gaussian_entropy, gaussian_kl, gaussian_w2sq, normal_moment
from .limits import geometric_limit
from .recurrences import solve_recurrence, tidy_geometric
from .registry import get, register
from .result import Derivation, DerivationStep, Reference, Result
from .symbols import (HN, KLN, AlmostSurely, E, Var, W2sq, X, Z, ddof, delta, mu, mu0, n, ns, s,
                      sigma, sigma0, t)

FAMILY = "gaussian"

#: The one-step law of the refitting chain (Cochran's theorem), and its initial state.
LAW = {
    "sigma_step": sp.Eq(sigma(t + 1), sigma(t) * sp.sqrt(X(t)) / sp.sqrt(n - ddof)),
    "delta_step": sp.Eq(delta(t + 1), delta(t) + sigma(t) * Z(t) / sp.sqrt(n)),
    "sigma_init": sp.Eq(sigma(0), sigma0),
    "delta_init": sp.Eq(delta(0), 0),
    "mu_delta": sp.Eq(mu(t), mu0 + delta(t)),
}

#: The same law under a schedule: generation s+1 is fitted to ns[s] samples.
SCHEDULE_LAW = {
    "sigma_step": sp.Eq(sigma(t + 1), sigma(t) * sp.sqrt(X(t)) / sp.sqrt(ns[t] - ddof)),
    "sigma_init": sp.Eq(sigma(0), sigma0),
}

# --- references -----------------------------------------------------------------------
SHUMAILOV = Reference(
    "Shumailov, Shumaylov, Zhao, Papernot, Anderson, Gal", 2024,
    "AI models collapse when trained on recursively generated data",
    "Nature 631, 755-759 (preprint arXiv:2305.17493, 'The Curse of Recursion')", "Theorem 3.1")
COCHRAN = Reference("Cochran, W. G.", 1934,
                    "The distribution of quadratic forms in a normal system",
                    "Math. Proc. Cambridge Phil. Soc. 30(2), 178-191")
SURESH = Reference("Suresh, Thangaraj, Khandavally", 2025, "Rate of model collapse in recursive training",
                   "AISTATS 2025 (arXiv:2412.17646)")
DOWSON_LANDAU = Reference("Dowson, D. C. and Landau, B. V.", 1982,
                          "The Frechet distance between multivariate normal distributions",
                          "J. Multivariate Analysis 12(3), 450-455")
COVER_THOMAS = Reference("Cover, T. M. and Thomas, J. A.", 2006, "Elements of Information Theory",
                         "2nd ed., Wiley", "Ch. 8 (differential entropy of the normal)")
RUDIN = Reference("Rudin, W.", 1987, "Real and Complex Analysis", "3rd ed., McGraw-Hill",
                  "Ch. 15, infinite products (prod (1 - u_s) > 0 iff sum u_s < oo, 0 <= u_s < 1)")


# --- derivation machinery -------------------------------------------------------------
def next_generation(expr, law=LAW):
    """Write ``expr`` at generation t+1 in terms of generation t and the innovations at t."""
    stepped = sp.sympify(expr).subs(t, t + 1)
    return stepped.subs({law["sigma_step"].lhs: law["sigma_step"].rhs,
                         **({law["delta_step"].lhs: law["delta_step"].rhs} if "delta_step" in law else {})})


def innovation_moments(expr, k=n - 1):
    """Replace E[X_t^m], E[log X_t] and E[Z_t^m] by their lemma values (X_t ~ chi-square(k))."""
    def value(e):
        arg = e.args[0]
        base, m = arg.as_base_exp()
        if isinstance(base, X):
            return chi2_moment(k, m)
        if isinstance(base, Z) and m.is_Integer and m >= 0:
            return normal_moment(int(m))
        if isinstance(arg, sp.log) and isinstance(arg.args[0], X):
            return chi2_log_moment(k)
        return e
    return sp.sympify(expr).replace(lambda e: isinstance(e, E), value)


def _initial(quantity, law=LAW):
    """E[q_0]: the quantity at generation 0 under the initial state."""
    return E(sp.sympify(quantity).subs(t, 0).subs({law["sigma_init"].lhs: law["sigma_init"].rhs,
                                                   **({LAW["delta_init"].lhs: 0} if law is LAW else {})}))


@functools.lru_cache(maxsize=None)
def moment_recurrence(quantity):
    """(one-step recurrence, closed form) for E[quantity] with a multiplicative or additive law.

    The recurrence comes from :func:`next_generation`, :func:`expect` and the innovation
    moments; the closed form from :func:`solve_recurrence`.
    """
    nxt = next_generation(quantity)
    if isinstance(quantity, sp.log):
        # Additive law: the increment log(next) - log(now) involves the innovations only.
        increment = sp.expand_log(nxt - quantity, force=True)
        step_rhs = E(quantity) + innovation_moments(expect(increment))
        pathwise = sp.Eq(quantity.subs(t, t + 1), quantity + increment)
    else:
        step_rhs = innovation_moments(expect(nxt))
        pathwise = sp.Eq(quantity.subs(t, t + 1), nxt)
    step_rhs = sp.collect(sp.expand(step_rhs, log=False, power_base=False, power_exp=False), E(quantity),
                          func=sp.factor)
    closed = solve_recurrence(quantity, step_rhs, _initial(quantity))
    return pathwise, sp.Eq(E(quantity.subs(t, t + 1)), step_rhs), closed


def _moment_derivation(quantity, lhs=None, note=""):
    pathwise, rec, closed = moment_recurrence(quantity)
    lhs = E(quantity) if lhs is None else lhs
    steps = [
        DerivationStep("One-step law (Cochran's theorem), written for the quantity", pathwise),
        DerivationStep("Take expectations: linearity, independence of the innovations at t, "
                       "and the chi-square / normal moment lemmas", rec),
        DerivationStep("Initial value at t = 0", sp.Eq(E(quantity).subs(t, 0), _initial(quantity))),
        DerivationStep("Solve the recurrence (sympy.rsolve)" + note, sp.Eq(lhs, closed)),
    ]
    return steps, closed


# --- the nine results -----------------------------------------------------------------
A_N = IntegerAtLeast("n", n, 2)
A_N4 = IntegerAtLeast("n", n, 4)
A_T = IntegerAtLeast("t", t, 0)
A_DDOF = OneOf("ddof", ddof, (0, 1))
A_SIGMA0 = PositiveReal("sigma0", sigma0)
A_MU0 = RealNumber("mu0", mu0)
A_NS = IntegerSequence("ns", ns, 2)


def derive_variance():
    steps, closed = _moment_derivation(sigma(t) ** 2)
    ratio = sp.simplify(closed.subs(t, t + 1) / closed)
    return Derivation(sp.Eq(E(sigma(t) ** 2), closed), closed, steps,
                      facts={"ratio": ratio})


def derive_variance_of_variance():
    steps, fourth = _moment_derivation(sigma(t) ** 4)
    second = get_closed("gaussian.variance")
    closed = tidy_geometric(fourth - second**2)
    steps.append(DerivationStep("Var[sigma_t^2] = E[sigma_t^4] - E[sigma_t^2]^2, with E[sigma_t^2] "
                                "from gaussian.variance", sp.Eq(Var(sigma(t) ** 2), closed)))
    return Derivation(sp.Eq(Var(sigma(t) ** 2), closed), closed, steps,
                      facts={"fourth": sp.Eq(E(sigma(t) ** 4), fourth)})


def derive_std():
    steps, closed = _moment_derivation(sigma(t))
    ratio = sp.simplify(closed.subs(t, t + 1) / closed)
    return Derivation(sp.Eq(E(sigma(t)), closed), closed, steps,
                      claims={"ratio_below_one": sp.Lt(ratio, 1)}, facts={"ratio": ratio})


def derive_log_variance():
    q = sp.log(sigma(t) ** 2 / sigma0**2)
    steps, closed = _moment_derivation(q)
    drift = sp.simplify(closed.subs(t, t + 1) - closed)
    claims = {
        "drift_negative": sp.Lt(drift, 0),
        "sigma_to_zero": AlmostSurely(sp.Eq(sp.Limit(sigma(t), t, sp.oo), 0)),
    }
    steps.append(DerivationStep("Drift per generation; Jensen (log concave) gives E[log X] < log E[X] "
                                "= log(n - 1) <= log(n - ddof), so the drift is negative", claims["drift_negative"]))
    steps.append(DerivationStep("log sigma_t^2 is a random walk with i.i.d. increments of negative mean; "
                                "the strong law of large numbers sends it to -oo", claims["sigma_to_zero"]))
    return Derivation(sp.Eq(E(q), closed), closed, steps, claims=claims, facts={"drift": drift})


def derive_mean_drift():
    q = delta(t) ** 2
    pathwise = sp.Eq(q.subs(t, t + 1), next_generation(q))
    rec_rhs = innovation_moments(expect(pathwise.rhs))
    variance = get_closed("gaussian.variance")
    rec_rhs = rec_rhs.subs(E(sigma(t) ** 2), variance)
    # The inhomogeneous term is geometric with ratio (n-1)/(n-ddof): 1 when ddof = 1, so solve per case.
    branches = [(solve_recurrence(q, rec_rhs.subs(ddof, d), _initial(q)), sp.Eq(ddof, d)) for d in (0, 1)]
    closed = sp.Piecewise(*branches)
    steps = [
        DerivationStep("One-step law of the mean drift delta_t = mu_t - mu0", pathwise),
        DerivationStep("Expectation (E[Z_t] = 0, E[Z_t^2] = 1) with E[sigma_t^2] from gaussian.variance",
                       sp.Eq(E(q.subs(t, t + 1)), rec_rhs)),
        DerivationStep("Solve the recurrence for ddof = 0 and ddof = 1 (sympy.rsolve)", sp.Eq(E(q), closed)),
    ]
    return Derivation(sp.Eq(E(q), closed), closed, steps,
                      facts={"recurrence": sp.Eq(E(q.subs(t, t + 1)), rec_rhs)})


def _gaussian_pathwise(functional_value):
    """Substitute mu_t = mu0 + delta_t in a functional of (mu0, sigma0, mu_t, sigma_t)."""
    return sp.expand(functional_value.subs(LAW["mu_delta"].lhs, LAW["mu_delta"].rhs))


def derive_entropy():
    q_log = sp.log(sigma(t) ** 2 / sigma0**2)
    lhs = E(HN(mu(t), sigma(t))) - HN(mu0, sigma0)
    pathwise_value = gaussian_entropy(mu(t), sigma(t)) - gaussian_entropy(mu0, sigma0)
    coefficient = sp.simplify(sp.expand_log(pathwise_value, force=True) / sp.expand_log(q_log, force=True))
    closed = coefficient * get_closed("gaussian.log_variance")
    steps = [
        DerivationStep("Entropy of a normal by integration, h(N(m, s^2)) = log s + (1 + log 2 pi)/2",
                       sp.Eq(HN(mu(t), sigma(t)), gaussian_entropy(mu(t), sigma(t)))),
        DerivationStep("Pathwise difference", sp.Eq(HN(mu(t), sigma(t)) - HN(mu0, sigma0), coefficient * q_log)),
        DerivationStep("Expectation, with gaussian.log_variance", sp.Eq(lhs, closed)),
    ]
    return Derivation(sp.Eq(lhs, closed), closed, steps, facts={"coefficient": coefficient})


def derive_w2():
    lhs = E(W2sq(mu0, sigma0, mu(t), sigma(t)))
    pathwise = _gaussian_pathwise(gaussian_w2sq(mu0, sigma0, mu(t), sigma(t)))
    expectation = expect(pathwise)
    closed = expectation.subs({E(delta(t) ** 2): get_closed("gaussian.mean_drift"),
                               E(sigma(t) ** 2): get_closed("gaussian.variance"),
                               E(sigma(t)): get_closed("gaussian.std")})
    c = get("gaussian.variance").derivation.facts["ratio"]
    g = get("gaussian.std").derivation.facts["ratio"]
    # Classification of the geometric bases is the content of the claims proved for them.
    limits = {
        0: geometric_limit(closed.subs(ddof, 0), t, below_one=[c.subs(ddof, 0), g.subs(ddof, 0)]),
        1: geometric_limit(sp.piecewise_fold(closed.subs(ddof, 1)), t, below_one=[g.subs(ddof, 1)],
                           equal_one=[c.subs(ddof, 1)]),
    }
    claims = {f"limit_ddof{d}": sp.Implies(sp.Eq(ddof, d), sp.Eq(sp.Limit(lhs, t, sp.oo), v))
              for d, v in limits.items()}
    steps = [
        DerivationStep("W2 between normals (axiom gaussian_w2), with mu_t = mu0 + delta_t",
                       sp.Eq(W2sq(mu0, sigma0, mu(t), sigma(t)), pathwise)),
        DerivationStep("Expectation", sp.Eq(lhs, expectation)),
        DerivationStep("Substitute gaussian.mean_drift, gaussian.variance, gaussian.std", sp.Eq(lhs, closed)),
        DerivationStep("Limit t -> oo, ddof = 0 (every geometric base below 1)", claims["limit_ddof0"]),
        DerivationStep("Limit t -> oo, ddof = 1 (the mean drift grows like t sigma0^2 / n)", claims["limit_ddof1"]),
    ]
    return Derivation(sp.Eq(lhs, closed), closed, steps, claims=claims, facts={"expectation": expectation})


def derive_kl():
    lhs = E(KLN(mu0, sigma0, mu(t), sigma(t)))
    q_log = sp.log(sigma(t) ** 2 / sigma0**2)
    raw = _gaussian_pathwise(gaussian_kl(mu0, sigma0, mu(t), sigma(t)))
    # Write the log terms through the tracked quantity log(sigma_t^2 / sigma0^2).
    log_part = sum(term for term in sp.Add.make_args(raw) if term.has(sp.log))
    coefficient = sp.simplify(sp.expand_log(log_part, force=True) / sp.expand_log(q_log, force=True))
    pathwise = raw - log_part + coefficient * q_log
    expectation = expect(pathwise)
    inv_var = sigma(t) ** -2
    ratio = delta(t) ** 2 / sigma(t) ** 2
    steps = [DerivationStep("KL between normals by integration, with mu_t = mu0 + delta_t",
                            sp.Eq(KLN(mu0, sigma0, mu(t), sigma(t)), pathwise)),
             DerivationStep("Expectation", sp.Eq(lhs, expectation))]
    facts = {}
    for name, q in (("inverse_variance", inv_var), ("drift_ratio", ratio)):
        sub_steps, sub_closed = _moment_derivation(q, note=f" for E[{sp.sstr(q)}] (needs n >= 4)")
        steps += sub_steps
        facts[name] = sp.Eq(E(q), sub_closed)
    closed = expectation.subs({E(inv_var): facts["inverse_variance"].rhs, E(ratio): facts["drift_ratio"].rhs,
                               E(q_log): get_closed("gaussian.log_variance")})
    # Present as (geometric term) + (linear term) + constant.
    b = sp.Symbol("b")
    geometric = [p for p in closed.atoms(sp.Pow) if p.exp == t]
    closed = sp.expand(closed.subs(geometric[0], b), log=False)
    closed = sp.collect(closed, [b, t], func=sp.factor).subs(b, sp.together(geometric[0].base) ** t)
    steps.append(DerivationStep("Combine with gaussian.log_variance", sp.Eq(lhs, closed)))
    return Derivation(sp.Eq(lhs, closed), closed, steps, facts={**facts, "expectation": expectation})


def derive_schedule():
    q = sigma(t) ** 2
    nxt = next_generation(q, SCHEDULE_LAW)
    rec_rhs = innovation_moments(expect(nxt), k=ns[t] - 1)
    factor = sp.simplify(rec_rhs / E(q))
    if factor.has(E):
        raise ValueError("the schedule recurrence is not homogeneous")
    # A first-order homogeneous recurrence unrolls into a product of its factors.
    closed = _initial(q, SCHEDULE_LAW) * sp.Product(tidy_geometric(factor.subs(t, s) ** t).base, (s, 0, t - 1))
    lhs = E(q)
    loss = sp.simplify(1 - factor.subs({ddof: 0, t: s}))
    claim = sp.Implies(sp.Eq(ddof, 0), sp.Equivalent(sp.Gt(sp.Limit(lhs, t, sp.oo), 0),
                                                     sp.Lt(sp.Sum(loss, (s, 0, sp.oo)), sp.oo)))
    steps = [
        DerivationStep("One-step law with n_t samples at refit t", sp.Eq(q.subs(t, t + 1), nxt)),
        DerivationStep("Expectation and E[X_t] = n_t - 1", sp.Eq(E(q.subs(t, t + 1)), rec_rhs)),
        DerivationStep("Unroll the homogeneous recurrence", sp.Eq(lhs, closed)),
        DerivationStep("ddof = 0: the factors are 1 - 1/n_s; an infinite product of factors in (0, 1] "
                       "is positive iff the sum of 1 - factor converges", claim),
    ]
    return Derivation(sp.Eq(lhs, closed), closed, steps, claims={"positive_limit_ddof0": claim},
                      facts={"factor": factor, "recurrence": sp.Eq(E(q.subs(t, t + 1)), rec_rhs)})


def _schedule_evaluator(result, values, expr=None):
    seq, tt = values["ns"], int(values["t"])
    if tt > len(seq):
        raise ValueError(f"t must be <= len(ns) = {len(seq)}, got {tt}")
    factor = sp.lambdify((ns[t], ddof), result.derivation.facts["factor"], modules="mpmath")
    out = mpmath.mpf(values["sigma0"]) ** 2
    for size in seq[:tt]:
        out *= factor(mpmath.mpf(size), values["ddof"])
    return out


def get_closed(id_):
    return get(id_).closed_form


GAUSS = (A_N, A_T, A_DDOF, A_SIGMA0)

for _r in [
    Result("gaussian.variance", "Expected variance after t generations", FAMILY, GAUSS, derive_variance,
           [SHUMAILOV, COCHRAN],
           summary="Each refit multiplies the expected variance by (n-1)/(n-ddof): with maximum likelihood "
                   "(ddof = 0) it shrinks geometrically; with the unbiased estimator it is conserved in mean."),
    Result("gaussian.variance_of_variance", "Variance of the fitted variance", FAMILY, GAUSS,
           derive_variance_of_variance, [SHUMAILOV, COCHRAN],
           summary="The spread of sigma_t^2 across independent runs; for ddof = 1 it grows without bound "
                   "while the mean stays put, carried by ever rarer runs with large variance (almost every run "
                   "collapses, gaussian.log_variance)."),
    Result("gaussian.std", "Expected standard deviation after t generations", FAMILY, GAUSS, derive_std,
           [SHUMAILOV, COCHRAN],
           summary="E[sigma_t] shrinks geometrically for both estimators: unbiasedness of the variance does "
                   "not protect the scale."),
    Result("gaussian.log_variance", "Expected log-variance ratio; the variance vanishes almost surely", FAMILY,
           GAUSS, derive_log_variance, [SHUMAILOV, COCHRAN],
           summary="log sigma_t^2 is a random walk with negative drift for every n and both estimators, so "
                   "sigma_t -> 0 almost surely: the model collapses to a point."),
    Result("gaussian.mean_drift", "Mean squared drift of the fitted mean", FAMILY, GAUSS + (A_MU0,),
           derive_mean_drift, [SHUMAILOV, COCHRAN],
           summary="The fitted mean performs a random walk whose steps shrink with sigma_t."),
    Result("gaussian.entropy", "Expected change of differential entropy (nats)", FAMILY, GAUSS + (A_MU0,),
           derive_entropy, [SHUMAILOV, COVER_THOMAS],
           summary="The value is the change E[h_t] - h_0, half the expected log-variance ratio: negative and "
                   "linear in t, so the expected differential entropy falls by the same amount every "
                   "generation."),
    Result("gaussian.w2", "Expected squared 2-Wasserstein distance to the original", FAMILY, GAUSS + (A_MU0,),
           derive_w2, [SHUMAILOV, DOWSON_LANDAU],
           summary="A statement about the expectation E[W2^2]: with ddof = 0 it tends to 2 sigma0^2 (sigma_t "
                   "-> 0 almost surely, and E[(mu_t - mu0)^2] tends to sigma0^2); with ddof = 1 it diverges, "
                   "since E[(mu_t - mu0)^2] = t sigma0^2 / n grows without bound (Shumailov et al., Thm 3.1). "
                   "It is not proved here that W2 itself diverges along a run."),
    Result("gaussian.kl", "Expected KL divergence from the original", FAMILY, (A_N4, A_T, A_DDOF, A_SIGMA0, A_MU0),
           derive_kl, [SHUMAILOV, COVER_THOMAS],
           summary="The expected KL(original || generation t) grows exponentially in t: on average the "
                   "refitted model assigns the original's typical data ever smaller density. Needs n >= 4 "
                   "(E[1/X] finite)."),
    Result("gaussian.schedule", "Expected variance under a schedule of sample sizes", FAMILY,
           (A_NS, A_T, A_DDOF, A_SIGMA0), derive_schedule, [SHUMAILOV, RUDIN],
           evaluator=_schedule_evaluator,
           summary="Growing the sample each generation can keep the expected variance from vanishing: with "
                   "maximum likelihood (ddof = 0), lim E[sigma_t^2] > 0 exactly when sum 1/n_s converges. That is "
                   "all that is proved: it concerns E[sigma_t^2] with ddof = 0 only. With ddof = 1, "
                   "E[sigma_t^2] = sigma0^2 under every schedule, while sigma_t can still tend to 0 in "
                   "probability (e.g. n_s = s + 2)."),
]:
    register(_r)

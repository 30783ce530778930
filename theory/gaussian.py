"""Iterated Gaussian refitting, declared as a model; its results come from the engine.

The model
---------
Generation 0 is N(mu0, sigma0^2). Generation t+1 is fitted to n independent samples of
generation t: mu_{t+1} is their mean and sigma_{t+1}^2 = sum (x - xbar)^2 / (n - ddof).
By Cochran's theorem the one-step law is, with independent innovations

* ``Z(t) ~ N(0, 1)``: ``mu_{t+1} = mu_t + sigma_t Z_t / sqrt(n)``,
* ``X(t) ~ chi-square(n - 1)``: ``sigma_{t+1} = sigma_t sqrt(X_t / (n - ddof))``,

both independent of everything up to generation t. :data:`GAUSSIAN` declares this law (and
:data:`GAUSSIAN_SCHEDULE` the same law with n_t samples at refit t); every closed form below is
derived from the declaration by the engine (:mod:`~modelcollapse.theory.engine`) and proved by
the kernel from the engine's record; nothing is typed in as an answer. The literal workflow
(draw n samples, fit them) is simulated by :func:`modelcollapse.numerics.simulate_gaussian`
with ``method="samples"``, the independent check that the declared law is the workflow's.

Examples
--------
>>> from modelcollapse import theory
>>> r = theory.get("gaussian.variance")
>>> r.text()
'E[sigma_t**2] = sigma0**2*((n - 1)/(n - ddof))**t'
>>> from modelcollapse import proofs
>>> proofs.status("gaussian.variance")
'proved'

With maximum likelihood each refit keeps a fraction (n - 1)/n of the variance in mean:

>>> abs(r(n=10, t=5, ddof=0, sigma0=1.0) - (9 / 10) ** 5) < 1e-15
True
"""

from __future__ import annotations

import sympy as sp

from .assumptions import IntegerAtLeast, IntegerSequence, OneOf, PositiveReal, RealNumber
from .distributions import ChiSquare, Normal
from .model import Model
from .limits import product_criterion
from .recipes import Claim, ProofStep
from .result import DerivationStep, Reference
from .symbols import CE, HN, KLN, AlmostSurely, E, Var, W2sq, ddof, mu0, n, ns, sigma0, t

FAMILY = "gaussian"

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



# --- the declaration ---------------------------------------------------------------------
A_N = IntegerAtLeast("n", n, 2)
A_N4 = IntegerAtLeast("n", n, 4)
A_T = IntegerAtLeast("t", t, 0)
A_DDOF = OneOf("ddof", ddof, (0, 1))
A_SIGMA0 = PositiveReal("sigma0", sigma0)
A_MU0 = RealNumber("mu0", mu0)
A_NS = IntegerSequence("ns", ns, 2)

# The model's own symbols: the fitted mean and standard deviation, and the two innovations.
MU, SIGMA, X_DRAW, Z_DRAW = sp.symbols("mu sigma X Z")

GAUSSIAN = Model(
    "gaussian", params=[A_N, A_DDOF, A_SIGMA0, A_MU0],
    state={MU: mu0, SIGMA: sigma0},
    draws={Z_DRAW: Normal(0, 1), X_DRAW: ChiSquare(n - 1)},
    step={MU: MU + SIGMA * Z_DRAW / sp.sqrt(n), SIGMA: SIGMA * sp.sqrt(X_DRAW / (n - ddof))},
    references=(SHUMAILOV, COCHRAN),
    summary="Refit a normal to n samples of the previous generation: by Cochran's theorem the fitted mean "
            "moves by sigma_t Z / sqrt(n) and the fitted variance is scaled by X / (n - ddof), with Z ~ N(0, 1) "
            "and X ~ chi-square(n - 1) independent.")

GAUSSIAN_SCHEDULE = Model(
    "gaussian_schedule", family=FAMILY, params=[A_NS, A_DDOF, A_SIGMA0],
    state={SIGMA: sigma0},
    draws={X_DRAW: ChiSquare(ns[t] - 1)},
    step={SIGMA: SIGMA * sp.sqrt(X_DRAW / (ns[t] - ddof))},
    references=(SHUMAILOV, COCHRAN),
    summary="The same refit with n_t samples at generation t.")

GAUSS = (A_N, A_T, A_DDOF, A_SIGMA0)
#: Points of the generated Monte Carlo checks: both estimators at n = 10 and at a small n = 3, where
#: sigma_t^2 is a product of heavy-tailed factors whose sample mean is far from normal after a few
#: steps, so it is checked at t <= 2 only (measured by ``modelcollapse bench --rigor``). The
#: delta-method standard error of a variance needs light tails (n = 40, t <= 3); the KL needs n >= 4.
POINTS = [dict(n=10, ddof=d, sigma0=1.5, mu0=0.5) for d in (0, 1)] + [
    dict(n=3, ddof=d, sigma0=1.5, mu0=0.5, ts=(1, 2)) for d in (0, 1)]
CHECKS = dict(points=POINTS, ts=(1, 3, 8))
SPREAD_CHECKS = dict(points=[dict(n=40, ddof=d, sigma0=1.5) for d in (0, 1)], ts=(1, 2, 3))
KL_CHECKS = dict(points=[dict(n=12, ddof=d, sigma0=1.5, mu0=0.5) for d in (0, 1)], ts=(1, 3, 6))
SCHEDULE_CHECKS = dict(points=[dict(ns=tuple(2 ** (j + 2) for j in range(12)), ddof=d, sigma0=1.5) for d in (0, 1)]
                       + [dict(ns=(2, 3, 5, 8, 13, 21, 34, 55), ddof=0, sigma0=0.7)], ts=(2, 5, 8))
NOW, NEXT, DRAWN = GAUSSIAN.at(), GAUSSIAN.at(t + 1), GAUSSIAN.draw_at()
#: log sigma_t^2 / sigma0^2, the random walk of the fitted log-variance, and its increment.
LOG_RATIO = sp.log(SIGMA**2 / sigma0**2)
INCREMENT = sp.log(DRAWN[X_DRAW]) - sp.log(n - ddof)


def _ratio(d):
    """Per-generation factor of a geometric closed form, derived from it."""
    return sp.simplify(d.closed_form.subs(t, t + 1) / d.closed_form)


def _std_claims(d):
    x = (n - 1) / 2
    return {"ratio_below_one": Claim(sp.Lt(_ratio(d), 1), (
        ProofStep("wendel", sp.Lt(sp.gamma(x + sp.Rational(1, 2)) / sp.gamma(x), sp.sqrt(x)), "axiom",
                  {"name": "gamma_ratio_below_sqrt", "mapping": {"x": x}}, text="Wendel's inequality"),
        ProofStep("ratio", sp.Lt(_ratio(d), 1), "inequality", {"scale": sp.sqrt(2) / sp.sqrt(n - ddof)}, ("wendel",),
                  text="the factor is below sqrt((n - 1)/(n - ddof)) <= 1"),
    ), "The factor per generation is below 1 (Wendel's inequality for the gamma ratio)")}


def log_variance_collapse_claims(model, sigma, x_draw, closed_form, increment, drift_title, collapse_title):
    """The claims of a scale law sigma_{t+1} = sigma_t sqrt(c X), X ~ chi-square(k): the drift of
    E[log sigma_t^2] per generation is negative (psi(x) < log x), and log sigma_t^2, a random walk with
    that drift, tends to -oo almost surely (the strong law). ``increment`` is log sigma_{t+1}^2 -
    log sigma_t^2 in the draw ``x_draw``; the kernel checks it against the model's law."""
    now, drawn = model.at(), model.draw_at()
    log_ratio = sp.log(sigma**2 / model.state[sigma] ** 2)
    drift = sp.simplify(closed_form.subs(t, t + 1) - closed_form)
    half = model.draws[x_draw].args[0] / 2
    collapse = AlmostSurely(sp.Eq(sp.Limit(log_ratio.xreplace(now), t, sp.oo), -sp.oo))
    mean = E(increment)
    return {
        "drift_negative": Claim(sp.Lt(drift, 0), (
            ProofStep("digamma", sp.Lt(sp.polygamma(0, half), sp.log(half)), "axiom",
                      {"name": "digamma_below_log", "mapping": {"x": half}}, text="psi(x) < log x"),
            ProofStep("drift", sp.Lt(drift, 0), "inequality", {}, ("digamma",),
                      text="psi((n - 1)/2) + log 2 < log(n - 1), and the scale keeps it below zero"),
        ), drift_title),
        "log_variance_to_minus_infinity": Claim(collapse, (
            ProofStep("moment", sp.Eq(CE(sp.log(drawn[x_draw]), t), sp.polygamma(0, half) + sp.log(2)), "draw_fact",
                      {"fact": "chi_square_log_moment", "draw": str(x_draw)}),
            ProofStep("increment", sp.Eq(CE(increment, t), drift), "conditional_expectation", {}, ("moment",)),
            ProofStep("mean", sp.Eq(mean, drift), "tower", {}, ("increment",)),
            ProofStep("negative", sp.Lt(mean, 0), "inequality", {}, ("claim:drift_negative", "mean")),
            ProofStep("slln", sp.Implies(sp.Lt(mean, 0), collapse), "axiom",
                      {"name": "slln_random_walk", "mapping": {"L": log_ratio.xreplace(now), "W": increment}},
                      text="the law's update takes log sigma_t^2 to log sigma_t^2 + the increment (the axiom's side "
                           "condition, checked at every t): a random walk with i.i.d. increments"),
            ProofStep("collapse", collapse, "modus_ponens", {}, ("slln", "negative")),
        ), collapse_title),
    }


def _log_variance_claims(d):
    return log_variance_collapse_claims(
        GAUSSIAN, SIGMA, X_DRAW, d.closed_form, INCREMENT, "The drift per generation is negative (psi(x) < log x)",
        "The strong law of large numbers: log sigma_t^2 -> -oo, so sigma_t -> 0, almost surely "
        "(Shumailov et al. 2024, Thm 3.1), for both estimators")


def _w2_claims(d):
    lhs = d.statement.lhs
    limit = sp.Eq(sp.Limit(lhs, t, sp.oo), sp.Piecewise((2 * sigma0**2, sp.Eq(ddof, 0)), (sp.oo, True)))
    return {"limit": Claim(limit, (
        ProofStep("limit", limit, "limit", {}, ("statement", "cite:gaussian.std#ratio_below_one")),
    ), "As t -> oo: 2 sigma0^2 for ddof = 0 (every geometric term vanishes), oo for ddof = 1 (the mean drift "
       "grows like t sigma0^2 / n)")}


GAUSSIAN.expectation(
    SIGMA**2, "gaussian.variance", "Expected variance after t generations", assumptions=GAUSS, lazy=True, checks=CHECKS,
    summary="Each refit multiplies the expected variance by (n-1)/(n-ddof): with maximum likelihood "
            "(ddof = 0) it shrinks geometrically; with the unbiased estimator it is conserved in mean.")
GAUSSIAN.quantity(
    Var(SIGMA**2), "gaussian.variance_of_variance", "Variance of the fitted variance", assumptions=GAUSS, lazy=True,
    checks=SPREAD_CHECKS,
    summary="The spread of sigma_t^2 across independent runs; for ddof = 1 it grows without bound "
            "while the mean stays put, carried by ever rarer runs with large variance (almost every run "
            "collapses, gaussian.log_variance).")
GAUSSIAN.expectation(
    SIGMA, "gaussian.std", "Expected standard deviation after t generations", assumptions=GAUSS, lazy=True,
    checks=CHECKS,
    claims=_std_claims,
    summary="E[sigma_t] shrinks geometrically for both estimators: unbiasedness of the variance does "
            "not protect the scale.")
GAUSSIAN.expectation(
    LOG_RATIO, "gaussian.log_variance", "Expected log-variance ratio; the variance vanishes almost surely",
    assumptions=GAUSS, lazy=True, checks=CHECKS, claims=_log_variance_claims,
    summary="E[log(sigma_t^2 / sigma0^2)] falls linearly in t for every n and both estimators: log sigma_t^2 "
            "is a random walk whose i.i.d. increments have this negative mean, so by the strong law of large "
            "numbers log sigma_t^2 -> -oo and sigma_t -> 0 almost surely: the model collapses to a point.")
GAUSSIAN.expectation(
    (MU - mu0)**2, "gaussian.mean_drift", "Mean squared drift of the fitted mean", assumptions=GAUSS + (A_MU0,),
    lazy=True, checks=CHECKS, summary="The fitted mean performs a random walk whose steps shrink with sigma_t.")
GAUSSIAN.quantity(
    GAUSSIAN.E(HN(MU, SIGMA)) - HN(mu0, sigma0), "gaussian.entropy", "Expected change of differential entropy (nats)",
    assumptions=GAUSS + (A_MU0,), references=(SHUMAILOV, COVER_THOMAS), lazy=True, checks=CHECKS,
    summary="The value is the change E[h_t] - h_0, half the expected log-variance ratio: negative and "
            "linear in t, so the expected differential entropy falls by the same amount every generation.")
GAUSSIAN.quantity(
    GAUSSIAN.E(W2sq(mu0, sigma0, MU, SIGMA)), "gaussian.w2", "Expected squared 2-Wasserstein distance to the original",
    assumptions=GAUSS + (A_MU0,), references=(SHUMAILOV, DOWSON_LANDAU), lazy=True, checks=CHECKS, claims=_w2_claims,
    summary="A statement about the expectation E[W2^2]: with ddof = 0 it tends to 2 sigma0^2; with ddof = 1 it "
            "diverges, since E[(mu_t - mu0)^2] = t sigma0^2 / n grows without bound (Shumailov et al., Thm 3.1). "
            "It is not proved here that W2 itself diverges along a run.")
GAUSSIAN.quantity(
    GAUSSIAN.E(KLN(mu0, sigma0, MU, SIGMA)), "gaussian.kl", "Expected KL divergence from the original",
    assumptions=(A_N4, A_T, A_DDOF, A_SIGMA0, A_MU0), references=(SHUMAILOV, COVER_THOMAS), lazy=True, checks=KL_CHECKS,
    summary="The expected KL(original || generation t) grows exponentially in t: on average the refitted model "
            "assigns the original's typical data ever smaller density. Needs n >= 4 (E[1/X] finite).")


def _schedule_criterion(d):
    """With ddof = 0 the closed form is sigma0^2 prod (1 - 1/n_s): its limit is positive iff sum 1/n_s < oo, by
    the cited infinite-product criterion (0 <= 1/n_s < 1 since n_s >= 2)."""
    x = sp.Symbol("x")
    relation, step = product_criterion(sp.Lambda(x, 1 / ns[x]))
    d.steps.append(DerivationStep("With ddof = 0, E[sigma_t^2] = sigma0^2 prod_{s<t} (1 - 1/n_s): positive in the "
                                  "limit iff sum 1/n_s < oo (the infinite-product criterion)", relation))
    return {"ml_limit_positive_iff_series_converges": Claim(
        relation, (step,), "With maximum likelihood, the limit of E[sigma_t^2] / sigma0^2 = prod (1 - 1/n_s) is "
                           "positive iff sum 1/n_s < oo")}


GAUSSIAN_SCHEDULE.expectation(
    SIGMA**2, "gaussian.schedule", "Expected variance under a schedule of sample sizes", assumptions=(A_NS, A_T, A_DDOF,
                                                                                                       A_SIGMA0),
    references=(SHUMAILOV, RUDIN), lazy=True, checks=SCHEDULE_CHECKS, claims=_schedule_criterion,
    summary="Each refit with n_s samples multiplies the expected variance by (n_s - 1)/(n_s - ddof), so E[sigma_t^2] "
            "is the product of these factors. With ddof = 0 its limit is positive iff sum 1/n_s < oo (the "
            "infinite-product criterion, proved as a claim). With ddof = 1, E[sigma_t^2] = sigma0^2 under every "
            "schedule, while sigma_t can still tend to 0 in probability (e.g. n_s = s + 2).")

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
>>> r.statement
Eq(E[sigma_t**2], sigma0**2*((n - 1)/(-ddof + n))**t)
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
from .result import Reference
from .symbols import HN, KLN, Var, W2sq, X, Z, ddof, delta, mu, mu0, n, ns, sigma, sigma0, t

FAMILY = "gaussian"

#: The one-step law in the notation of the first proofs (kept for the categorical family's
#: legacy proofs, which cite it; the declaration below is what the results derive from).
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
MU_T, SIGMA_T = MU, SIGMA

GAUSSIAN.expectation(
    SIGMA**2, "gaussian.variance", "Expected variance after t generations", assumptions=GAUSS, lazy=True,
    summary="Each refit multiplies the expected variance by (n-1)/(n-ddof): with maximum likelihood "
            "(ddof = 0) it shrinks geometrically; with the unbiased estimator it is conserved in mean.")
GAUSSIAN.quantity(
    Var(SIGMA**2), "gaussian.variance_of_variance", "Variance of the fitted variance", assumptions=GAUSS, lazy=True,
    summary="The spread of sigma_t^2 across independent runs; for ddof = 1 it grows without bound "
            "while the mean stays put, carried by ever rarer runs with large variance (almost every run "
            "collapses, gaussian.log_variance).")
GAUSSIAN.expectation(
    SIGMA, "gaussian.std", "Expected standard deviation after t generations", assumptions=GAUSS, lazy=True,
    summary="E[sigma_t] shrinks geometrically for both estimators: unbiasedness of the variance does "
            "not protect the scale.")
GAUSSIAN.expectation(
    sp.log(SIGMA**2 / sigma0**2), "gaussian.log_variance", "Expected log-variance ratio", assumptions=GAUSS,
    lazy=True,
    summary="E[log(sigma_t^2 / sigma0^2)] falls linearly in t for every n and both estimators: log sigma_t^2 "
            "is a random walk whose increments have this negative mean.")
GAUSSIAN.expectation(
    (MU - mu0)**2, "gaussian.mean_drift", "Mean squared drift of the fitted mean", assumptions=GAUSS + (A_MU0,),
    lazy=True, summary="The fitted mean performs a random walk whose steps shrink with sigma_t.")
GAUSSIAN.quantity(
    GAUSSIAN.E(HN(MU, SIGMA)) - HN(mu0, sigma0), "gaussian.entropy", "Expected change of differential entropy (nats)",
    assumptions=GAUSS + (A_MU0,), references=(SHUMAILOV, COVER_THOMAS), lazy=True,
    summary="The value is the change E[h_t] - h_0, half the expected log-variance ratio: negative and "
            "linear in t, so the expected differential entropy falls by the same amount every generation.")
GAUSSIAN.quantity(
    GAUSSIAN.E(W2sq(mu0, sigma0, MU, SIGMA)), "gaussian.w2", "Expected squared 2-Wasserstein distance to the original",
    assumptions=GAUSS + (A_MU0,), references=(SHUMAILOV, DOWSON_LANDAU), lazy=True,
    summary="A statement about the expectation E[W2^2]: with ddof = 0 it tends to 2 sigma0^2; with ddof = 1 it "
            "diverges, since E[(mu_t - mu0)^2] = t sigma0^2 / n grows without bound (Shumailov et al., Thm 3.1). "
            "It is not proved here that W2 itself diverges along a run.")
GAUSSIAN.quantity(
    GAUSSIAN.E(KLN(mu0, sigma0, MU, SIGMA)), "gaussian.kl", "Expected KL divergence from the original",
    assumptions=(A_N4, A_T, A_DDOF, A_SIGMA0, A_MU0), references=(SHUMAILOV, COVER_THOMAS), lazy=True,
    summary="The expected KL(original || generation t) grows exponentially in t: on average the refitted model "
            "assigns the original's typical data ever smaller density. Needs n >= 4 (E[1/X] finite).")
GAUSSIAN_SCHEDULE.expectation(
    SIGMA**2, "gaussian.schedule", "Expected variance under a schedule of sample sizes", assumptions=(A_NS, A_T, A_DDOF,
                                                                                                       A_SIGMA0),
    references=(SHUMAILOV, RUDIN), lazy=True,
    summary="Each refit with n_s samples multiplies the expected variance by (n_s - 1)/(n_s - ddof), so E[sigma_t^2] "
            "is the product of these factors. With ddof = 1, E[sigma_t^2] = sigma0^2 under every schedule, while "
            "sigma_t can still tend to 0 in probability (e.g. n_s = s + 2).")

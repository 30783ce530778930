"""Growing the sample from one refit to the next: n_s = ceil(n0 (s + 1)^gamma), declared as a model.

Generation s + 1 is fitted to n_s samples of generation s (mean and sum (x - xbar)^2 / (n_s -
ddof)). The declared law is the Gaussian refit's with a schedule: d_{s+1} = d_s + sigma_s Z /
sqrt(n_s), sigma_{s+1} = sigma_s sqrt(X / (n_s - ddof)) with X ~ chi-square(n_s - 1). The engine
derives E[W2^2] between the original and generation t for every schedule (``mixing.schedule_w2``,
products and sums over the generations); ``mixing.growing_samples`` evaluates it at the growing
schedule. With ddof = 0, E[sigma_t^2] = sigma0^2 prod (1 - 1/n_s) has a positive limit iff
sum 1/n_s < oo, i.e. iff gamma > 1 (p-series); with ddof = 1, E[(mu_t - mu0)^2] = sigma0^2 sum_{s<t}
1/n_s, so E[W2^2] stays bounded iff gamma > 1 (Shumailov et al.'s superlinear growth).

Examples
--------
>>> from modelcollapse import theory
>>> r = theory.get("mixing.growing_samples")
>>> r(n0=4, gamma=0.0, t=1, ddof=1, sigma0=1.0) == theory.get("gaussian.w2")(n=4, t=1, ddof=1, sigma0=1.0, mu0=0.0)
True
"""

from __future__ import annotations

import mpmath
import sympy as sp

from .assumptions import IntegerAtLeast, IntegerSequence, NonnegativeReal, OneOf, PositiveReal, check_int, check_real
from .distributions import ChiSquare, Normal
from .model import Model
from .limits import p_series_criterion, product_criterion
from .recipes import Claim, ProofStep
from .result import DerivationStep, Reference
from .symbols import W2sq, ddof, ns, sigma0, t

FAMILY = "mixing"
n0 = sp.Symbol("n0", integer=True, positive=True)
gamma = sp.Symbol("gamma", nonnegative=True)

SHUMAILOV = Reference("Shumailov, Shumaylov, Zhao, Papernot, Anderson, Gal", 2024,
                      "AI models collapse when trained on recursively generated data",
                      "Nature 631, 755-759 (preprint arXiv:2305.17493)", "Sec. 3 (superlinear growth of the sample)")
RUDIN = Reference("Rudin, W.", 1987, "Real and Complex Analysis", "3rd ed., McGraw-Hill",
                  "Ch. 15, infinite products (prod (1 - u_s) > 0 iff sum u_s < oo, 0 <= u_s < 1)")
RUDIN_PMA = Reference("Rudin, W.", 1976, "Principles of Mathematical Analysis", "3rd ed., McGraw-Hill",
                      "Thm 3.25 (comparison test) and Thm 3.28 (sum 1/n^p converges iff p > 1)")

A_NS = IntegerSequence("ns", ns, 2)
A_T = IntegerAtLeast("t", t, 0)
A_DDOF = OneOf("ddof", ddof, (0, 1))
A_SIGMA0 = PositiveReal("sigma0", sigma0)

DRIFT, SIGMA, Z, X = sp.symbols("d sigma Z X")

SCHEDULED = Model(
    "scheduled_gaussian", family=FAMILY, params=[A_NS, A_DDOF, A_SIGMA0], state={DRIFT: 0, SIGMA: sigma0},
    draws={Z: Normal(0, 1), X: ChiSquare(ns[t] - 1)},
    step={DRIFT: DRIFT + SIGMA * Z / sp.sqrt(ns[t]), SIGMA: SIGMA * sp.sqrt(X / (ns[t] - ddof))},
    references=(SHUMAILOV,), domains={SIGMA: "positive", DRIFT: "real"},
    summary="The Gaussian refit with n_t samples at refit t, the fitted mean tracked as d = mu - mu0.")


def _moments(sizes, ddof_value, s0):
    """E[sigma_t^2], E[sigma_t], E[d_t^2] after refits with the given sample sizes, by the closed
    form's own recursion (each factor of the products, each term of the sums), in mpmath."""
    m2, m1, drift = s0**2, s0, mpmath.mpf(0)
    for size in sizes:
        size = mpmath.mpf(size)
        drift += m2 / size
        m1 *= mpmath.sqrt(2 / (size - ddof_value)) * mpmath.gamma(size / 2) / mpmath.gamma((size - 1) / 2)
        m2 *= (size - 1) / (size - ddof_value)
    return m2, m1, drift


def _w2_from_sizes(sizes, ddof_value, s0):
    m2, m1, drift = _moments(sizes, ddof_value, s0)
    return drift + m2 - 2 * s0 * m1 + s0**2


def _schedule_value(result, values, expr=None):
    tt = int(values["t"])
    if tt > len(values["ns"]):
        raise ValueError(f"t must be <= len(ns) = {len(values['ns'])}, got {tt}")
    return _w2_from_sizes(values["ns"][:tt], int(values["ddof"]), mpmath.mpf(values["sigma0"]))


SCHEDULED.quantity(
    SCHEDULED.E(W2sq(0, sigma0, DRIFT, SIGMA)), "mixing.schedule_w2",
    "Expected squared 2-Wasserstein distance under a schedule of sample sizes",
    assumptions=(A_NS, A_T, A_DDOF, A_SIGMA0), lazy=True, references=(SHUMAILOV, RUDIN),
    summary="E[W2^2] between the original and generation t when refit s uses n_s samples: products of the "
            "per-refit factors for E[sigma_t^2] and E[sigma_t], and the sum of E[sigma_s^2] / n_s for the drift.")
from .registry import get as _get  # noqa: E402
_get("mixing.schedule_w2")._evaluator = _schedule_value


A_N0 = IntegerAtLeast("n0", n0, 2)
A_GAMMA = NonnegativeReal("gamma", gamma)
#: Largest t evaluated (one term per refit).
MAX_T = 10**6


def growing_schedule(n0_value, gamma_value, t_value):
    """n_s = ceil(n0 (s + 1)^gamma) for s = 0 .. t - 1 (exact integer ceilings, in mpmath)."""
    n0_value = check_int("n0", n0_value, lower=2)
    gamma_value = check_real("gamma", gamma_value, nonnegative=True)
    t_value = check_int("t", t_value, lower=0, upper=MAX_T)
    with mpmath.workdps(40):
        return [int(mpmath.ceil(n0_value * mpmath.power(s + 1, mpmath.mpf(gamma_value)) - mpmath.mpf(10) ** -30))
                for s in range(t_value)]


def _growing_value(result, values, expr=None):
    sizes = growing_schedule(int(values["n0"]), values["gamma"], int(values["t"]))
    return _w2_from_sizes(sizes, int(values["ddof"]), mpmath.mpf(values["sigma0"]))


#: The sample size of refit t: the kernel shows it >= 2 (a ceiling is x + u with u in [0, 1), and
#: (t + 1)^gamma >= 1), so the chi-square law and the divisions are well defined at every generation.
GROWING_SIZE = sp.ceiling(n0 * (t + 1) ** gamma)

GROWING_MODEL = Model(
    "growing_gaussian", family=FAMILY, params=[A_N0, A_GAMMA, A_DDOF, A_SIGMA0], state={DRIFT: 0, SIGMA: sigma0},
    draws={Z: Normal(0, 1), X: ChiSquare(GROWING_SIZE - 1)},
    step={DRIFT: DRIFT + SIGMA * Z / sp.sqrt(GROWING_SIZE), SIGMA: SIGMA * sp.sqrt(X / (GROWING_SIZE - ddof))},
    references=(SHUMAILOV,), domains={SIGMA: "positive", DRIFT: "real"},
    summary="The Gaussian refit with n_t = ceil(n0 (t + 1)^gamma) samples at refit t, the fitted mean tracked as "
            "d = mu - mu0.")


def _criteria(d):
    """The growth criteria, proved from two cited axioms at u_j = 1/n_j: the infinite-product criterion
    (0 <= u_j < 1: prod (1 - u_j) > 0 iff sum u_j < oo) and the p-series comparison (u_j (j + 1)^gamma
    between 1/(n0 + 1) and 1/n0, since n0 (j + 1)^gamma <= n_j < n0 (j + 1)^gamma + 1 and (j + 1)^gamma >= 1)."""
    x = sp.Symbol("x")
    inverse_size = sp.Lambda(x, 1 / GROWING_SIZE.subs(t, x))
    product, product_step = product_criterion(inverse_size)
    series, series_step = p_series_criterion(inverse_size, gamma, 1 / (n0 + 1), 1 / n0)
    d.steps.append(DerivationStep(
        "With ddof = 0 the closed form is E[sigma_t^2] = sigma0^2 prod_{s<t} (1 - 1/n_s): its limit is positive iff "
        "sum 1/n_s < oo (the infinite-product criterion), and, n_s lying between n0 (s + 1)^gamma and "
        "(n0 + 1)(s + 1)^gamma, that holds iff gamma > 1 (comparison with the p-series)", sp.And(product, series)))
    d.steps.append(DerivationStep(
        "With ddof = 1, E[sigma_s^2] = sigma0^2, so E[(mu_t - mu0)^2] = sigma0^2 sum_{s<t} 1/n_s: the drift, and with it "
        "E[W2^2], stays bounded iff gamma > 1", series))
    return {
        "ml_limit_positive_iff_gamma_above_one": Claim(
            sp.And(product, series), (product_step, series_step, ProofStep(
                "both", sp.And(product, series), "conjunction", {}, ("product", "series"))),
            "With maximum likelihood, the limit of E[sigma_t^2] / sigma0^2 = prod (1 - 1/n_s) is positive iff "
            "sum 1/n_s < oo iff gamma > 1: superlinear growth is needed"),
        "series_converges_iff_gamma_above_one": Claim(
            series, (series_step,), "sum 1/n_s < oo iff gamma > 1: with ddof = 1 the drift sigma0^2 sum_{s<t} 1/n_s, "
                                    "and E[W2^2] with it, stays bounded iff gamma > 1"),
    }


GROWING_MODEL.quantity(
    GROWING_MODEL.E(W2sq(0, sigma0, DRIFT, SIGMA)), "mixing.growing_samples",
    "Expected squared W2 distance with a growing sample", assumptions=(A_N0, A_GAMMA, A_T, A_DDOF, A_SIGMA0),
    lazy=True, references=(SHUMAILOV, RUDIN, RUDIN_PMA), claims=_criteria,
    summary="E[W2^2] between the original and generation t when refit s uses n_s = ceil(n0 (s + 1)^gamma) samples. "
            "With ddof = 0, E[sigma_t^2] = sigma0^2 prod (1 - 1/n_s) has a positive limit iff sum 1/n_s < oo, i.e. "
            "iff gamma > 1; with ddof = 1, E[(mu_t - mu0)^2] = sigma0^2 sum 1/n_s (times E[sigma_s^2] = sigma0^2), "
            "so E[W2^2] stays bounded iff gamma > 1. Linear growth (gamma = 1) is not enough.")
GROWING = _get("mixing.growing_samples")
# Exact: the schedule's integer ceilings, then each factor and term of the closed form in mpmath.
GROWING._evaluator = _growing_value
GROWING.status_note = ("the closed form and both criteria are proved by the kernel; the criteria are stated of the "
                       "product and the series that the closed form holds (with ddof = 0 and ddof = 1), from two cited "
                       "axioms: the infinite-product criterion and the comparison with the p-series")

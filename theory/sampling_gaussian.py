"""Sampling transforms on the Gaussian refit: temperature, truncation, best-of-k.

Generation t is N(mu_t, sigma_t^2). Before refitting, the n training samples are drawn through a
transform that favours typical (or high) outputs:

* **temperature** tau: from the density proportional to p^(1/tau), which for a normal is
  N(mu_t, tau sigma_t^2);
* **truncation** at a: from the model conditioned on |x - mu_t| <= a sigma_t;
* **best-of-k**: each sample is the largest of k independent draws from the model.

Every transformed sample is mu_t + sigma_t Y with Y i.i.d. from a fixed standardised law, so the
refitted variance is sigma_{t+1}^2 = sigma_t^2 V / (n - ddof), V the sum of squared deviations of
n such Y. At temperature tau, V = tau X with X ~ chi-square(n - 1) (Cochran): the whole Gaussian
machinery applies and the kernel proves the results. For truncation and best-of-k, V is not a
scaled chi-square; only its mean is known, E[V] = (n - 1) Var(Y) (the sample variance is unbiased,
Casella and Berger Thm 5.2.6), with Var(Y) = c(a), derived here by sympy integration of the
truncated density, or v_k, the variance of the largest of k standard normals (derived by sympy
after an integration by parts for k <= 3, by quadrature beyond). The draw V is declared through
that cited moment alone (:class:`~modelcollapse.theory.distributions.CitedMoments`): the engine
derives E[sigma_t^2] from it and refuses anything needing more (E[log sigma_t^2], say), and the
kernel proves these results from the same cited mean (its families TruncatedNormalScatter and
MaxNormalScatter, which cite nothing else about V; v_k is there the integral that defines it).
The best-of-k mean's drift m_k sigma_t is a remark: the sample mean and V are dependent for a
skewed standardised law, so they are not two independent draws of one law.

The literal workflows (draw n samples through the transform, fit mean and variance) are
:func:`modelcollapse.numerics.workflows.temperature_workflow`,
:func:`~modelcollapse.numerics.workflows.truncation_workflow` and
:func:`~modelcollapse.numerics.workflows.best_of_k_workflow`.

Examples
--------
>>> from modelcollapse import theory
>>> r = theory.get("sampling.temperature_gaussian")
>>> r.statement.rhs.subs(ddof, 0)
sigma0**2*(tau*(n - 1)/n)**t
>>> abs(r(n=10, t=3, tau=0.5, ddof=1, sigma0=1.0) - 0.5 ** 3) < 1e-15
True

At tau* = (n - ddof)/(n - 1) the mean variance is kept, yet the log-variance drifts down:

>>> CRITICAL_TAU
(-ddof + n)/(n - 1)
>>> theory.get("sampling.temperature_critical_collapse")(n=10, t=1, ddof=0, sigma0=1.0) < 0
True

The truncation factor is the variance of a standard normal truncated to [-a, a]:

>>> import mpmath
>>> c = truncation_factor()
>>> a_ = mpmath.mpf(1)
>>> direct = mpmath.quad(lambda x: x**2 * mpmath.npdf(x), [-a_, a_]) / (2 * mpmath.ncdf(a_) - 1)
>>> abs(float(c.subs(a, 1)) - float(direct)) < 1e-14
True
"""

from __future__ import annotations

import functools

import mpmath
import numpy as np
import sympy as sp

from .assumptions import IntegerAtLeast, OneOf, PositiveReal
from .distributions import ChiSquare, CitedMoments
from .model import Model
from .recipes import Remark
from .result import Reference
from .symbols import CE, a, ddof, k, n, sigma0, t, tau

FAMILY = "sampling"

CASELLA = Reference("Casella, G. and Berger, R. L.", 2002, "Statistical Inference", "2nd ed., Duxbury",
                    "Thm 5.2.6 (the sample variance is unbiased for any i.i.d. law with finite variance)")
COCHRAN = Reference("Cochran, W. G.", 1934, "The distribution of quadratic forms in a normal system",
                    "Math. Proc. Cambridge Phil. Soc. 30(2), 178-191")
SHUMAILOV = Reference(
    "Shumailov, Shumaylov, Zhao, Papernot, Anderson, Gal", 2024,
    "AI models collapse when trained on recursively generated data",
    "Nature 631, 755-759 (preprint arXiv:2305.17493)", "Theorem 3.1")
JOHNSON = Reference("Johnson, N. L., Kotz, S. and Balakrishnan, N.", 1994, "Continuous Univariate Distributions",
                    "vol. 1, 2nd ed., Wiley", "Sec. 10.1 (truncated normal), Sec. 13.2 (order statistics)")
DAVID = Reference("David, H. A. and Nagaraja, H. N.", 2003, "Order Statistics", "3rd ed., Wiley",
                  "Sec. 3.2 and Table of normal order statistics (the largest of 2 and 3 normals)")

A_N = IntegerAtLeast("n", n, 2)
A_T = IntegerAtLeast("t", t, 0)
A_DDOF = OneOf("ddof", ddof, (0, 1))
A_SIGMA0 = PositiveReal("sigma0", sigma0)
A_TAU = PositiveReal("tau", tau)
A_A = PositiveReal("a", a)
A_K = IntegerAtLeast("k", k, 1)

SIGMA, X_DRAW, V_DRAW = sp.symbols("sigma X V")
_x = sp.Symbol("x", real=True)
_phi = sp.exp(-_x**2 / 2) / sp.sqrt(2 * sp.pi)
_Phi = (1 + sp.erf(_x / sp.sqrt(2))) / 2


# --- the standardised laws' variances, derived -------------------------------------------------

@functools.lru_cache(maxsize=None)
def truncation_factor():
    """c(a) = Var(Y), Y a standard normal conditioned on |Y| <= a: sympy integrates the truncated
    density (its mean is 0 by symmetry), and checks the result equals 1 - 2 a phi(a)/(2 Phi(a) - 1)."""
    mass = sp.integrate(_phi, (_x, -a, a))
    second = sp.integrate(_x**2 * _phi, (_x, -a, a))
    c = sp.simplify(second / mass)
    textbook = 1 - 2 * a * _phi.subs(_x, a) / (2 * _Phi.subs(_x, a) - 1)
    if sp.simplify(c - textbook) != 0:
        raise ArithmeticError("the truncated variance did not integrate to 1 - 2 a phi(a)/(2 Phi(a) - 1)")
    return c


@functools.lru_cache(maxsize=None)
def max_normal_moments(kk: int):
    """(m_k, E[M_k^2], v_k) for M_k the largest of k standard normals (density k phi Phi^(k-1)),
    derived by sympy for k <= 3.

    Integration by parts (x phi = -phi', checked by differentiation here) turns the moments into
    integrals sympy can do: E[M] = k(k-1) int phi^2 Phi^(k-2) and
    E[M^2] = 1 + k(k-1) int x phi^2 Phi^(k-2).
    """
    if not 1 <= kk <= 3:
        raise ValueError(f"k must be 1, 2 or 3 for the closed form, got {kk}")
    kk_ = sp.Integer(kk)
    density = kk_ * _phi * _Phi ** (kk_ - 1)
    # The two integrations by parts, checked by differentiation (boundary terms vanish at +-oo).
    first = sp.diff(-_phi * kk_ * _Phi ** (kk_ - 1), _x) - (_x * density - kk_ * (kk_ - 1) * _phi**2 * _Phi ** (kk_ - 2))
    second = sp.diff(-_x * _phi * kk_ * _Phi ** (kk_ - 1), _x) - (
        _x**2 * density - density - kk_ * (kk_ - 1) * _x * _phi**2 * _Phi ** (kk_ - 2))
    if sp.simplify(first) != 0 or sp.simplify(second) != 0:
        raise ArithmeticError("integration by parts for the largest of k normals does not check")
    if kk == 1:
        mean, square = sp.S.Zero, sp.S.One
    else:
        mean = sp.simplify(kk_ * (kk_ - 1) * sp.integrate(sp.expand(_phi**2 * _Phi ** (kk_ - 2)), (_x, -sp.oo, sp.oo)))
        square = sp.simplify(1 + kk_ * (kk_ - 1) * sp.integrate(sp.expand(_x * _phi**2 * _Phi ** (kk_ - 2)),
                                                                 (_x, -sp.oo, sp.oo)))
    return mean, square, sp.simplify(square - mean**2)


def _max_normal_quadrature(kk, power):
    """E[M_k^power] by mpmath quadrature of the defining integral (at the working precision).

    For large k the density is a narrow peak near sqrt(2 log k) that tanh-sinh on [0, oo) can miss
    at some precisions (k = 10^4 at 60 digits: 43 correct): when the quadrature's own error estimate
    is above the working precision, the range is split around the peak and integrated again."""
    kk = int(kk)

    def density(x):
        return x**power * kk * mpmath.npdf(x) * mpmath.ncdf(x) ** (kk - 1)

    value, error = mpmath.quad(density, [-mpmath.inf, 0, mpmath.inf], error=True)
    if error > 2**10 * mpmath.eps * (1 + abs(value)) and kk > 1:
        peak = mpmath.sqrt(2 * mpmath.log(kk))
        points = [peak + j * mpmath.mpf(1) / 4 for j in range(-8, 9)]
        value = mpmath.quad(density, [-mpmath.inf, 0] + [x for x in points if x > 0] + [mpmath.inf])
    return value


@functools.lru_cache(maxsize=64)
def _max_normal_variance_by_quadrature(kk, prec):
    """v_k = E[M_k^2] - E[M_k]^2 by quadrature at ``prec`` bits, for the reference route (which asks
    for it at every generation and point): each (k, precision) is integrated once, apart from
    the closed form's own values."""
    with mpmath.workprec(prec):
        return _max_normal_quadrature(kk, 2) - _max_normal_quadrature(kk, 1) ** 2


#: (k, which) -> (digits, value): each quadrature is run once at the highest precision asked so far.
_MAX_NORMAL_CACHE: dict = {}


def _max_normal_mp(kk, dps, which):
    """m_k (which 0) or v_k (which 2) to ``dps`` digits: closed form for k <= 3, quadrature beyond."""
    hit = _MAX_NORMAL_CACHE.get((kk, which))
    if hit is None or hit[0] < dps:
        # Precision tiers, so that a run of slowly rising working precisions costs one quadrature each.
        digits = 40 if dps <= 40 else (60 if dps <= 55 else (80 if dps <= 80 else dps + 20))
        with mpmath.workdps(digits):
            if kk <= 3:
                value = mpmath.mpf(sp.N(max_normal_moments(kk)[which], digits))
            else:
                m = _max_normal_quadrature(kk, 1)
                value = m if which == 0 else _max_normal_quadrature(kk, 2) - m**2
        hit = _MAX_NORMAL_CACHE[(kk, which)] = (digits, value)
    with mpmath.workdps(dps):
        return +hit[1]


def _max_normal_variance_mp(kk, dps):
    return _max_normal_mp(kk, dps, 2)


def _max_normal_mean_mp(kk, dps):
    return _max_normal_mp(kk, dps, 0)


def _integer_k(value):
    v = float(value)
    if v != int(v) or v < 1:
        raise ValueError(f"k must be an integer >= 1, got {value!r}")
    return int(v)


class MaxNormalVariance(sp.Function):
    """v_k, the variance of the largest of k independent standard normals: its sympy closed form
    for k <= 3 (:func:`max_normal_moments`), mpmath quadrature beyond.

    >>> MaxNormalVariance(2)
    (-1 + pi)/pi
    """

    nargs = 1

    @classmethod
    def eval(cls, kk):
        if kk.is_Integer and 1 <= int(kk) <= 3:
            return max_normal_moments(int(kk))[2]

    def _eval_evalf(self, prec):
        if self.args[0].is_Integer:
            return sp.Float(_max_normal_variance_mp(int(self.args[0]), mpmath.libmp.prec_to_dps(prec) + 5), prec)

    _imp_ = staticmethod(lambda kk: +_max_normal_variance_mp(_integer_k(kk), mpmath.mp.dps))

    def _latex(self, printer, exp=None):
        out = r"v_{%s}" % printer._print(self.args[0])
        return out if exp is None else r"%s^{%s}" % (out, exp)


class MaxNormalMean(sp.Function):
    """m_k, the mean of the largest of k independent standard normals (closed form for k <= 3).

    >>> MaxNormalMean(3)
    3/(2*sqrt(pi))
    """

    nargs = 1

    @classmethod
    def eval(cls, kk):
        if kk.is_Integer and 1 <= int(kk) <= 3:
            return max_normal_moments(int(kk))[0]

    def _eval_evalf(self, prec):
        if self.args[0].is_Integer:
            return sp.Float(_max_normal_mean_mp(int(self.args[0]), mpmath.libmp.prec_to_dps(prec) + 5), prec)

    _imp_ = staticmethod(lambda kk: +_max_normal_mean_mp(_integer_k(kk), mpmath.mp.dps))

    def _latex(self, printer, exp=None):
        out = r"m_{%s}" % printer._print(self.args[0])
        return out if exp is None else r"%s^{%s}" % (out, exp)


# --- samplers of the standardised scatter V (by its definition) ------------------------------------

def _constant(values, name):
    values = np.asarray(values)
    if not np.all(values == values.flat[0]):
        raise ValueError(f"{name} must be the same for every chain")
    return values.flat[0]


def _scatter(y):
    return ((y - y.mean(axis=-1, keepdims=True)) ** 2).sum(axis=-1)


def sample_truncated_scatter(generator, args, size):
    """V for n standard normals conditioned on |Y| <= a (inverse-CDF draws)."""
    from scipy.special import ndtr, ndtri
    size_n, half_width = int(_constant(args[0], "n")), float(_constant(args[1], "a"))
    lo = ndtr(-half_width)
    u = generator.random((size, size_n))
    return _scatter(ndtri(lo + u * (1 - 2 * lo)))


def sample_best_of_k_scatter(generator, args, size):
    """V for n samples, each the largest of k standard normals."""
    size_n, kk = int(_constant(args[0], "n")), int(_constant(args[1], "k"))
    return _scatter(generator.standard_normal((size, size_n, kk)).max(axis=-1))


# --- the declarations ------------------------------------------------------------------------------

TEMPERATURE = Model(
    "sampling_temperature", family=FAMILY, params=[A_N, A_DDOF, A_TAU, A_SIGMA0], state={SIGMA: sigma0},
    draws={X_DRAW: ChiSquare(n - 1)}, step={SIGMA: SIGMA * sp.sqrt(tau * X_DRAW / (n - ddof))},
    references=(COCHRAN, SHUMAILOV),
    summary="Sample at temperature tau, N(mu_t, tau sigma_t^2), then refit: sigma_{t+1}^2 = sigma_t^2 tau X/(n - ddof) "
            "with X ~ chi-square(n - 1).")

#: The temperature at which E[sigma_{t+1}^2 | sigma_t] = sigma_t^2: solved by sympy from the draw's mean.
CRITICAL_TAU = sp.solve(sp.Eq(tau * ChiSquare(n - 1).moment(1) / (n - ddof), 1), tau)[0]

TEMPERATURE_CRITICAL = Model(
    "sampling_temperature_critical", family=FAMILY, params=[A_N, A_DDOF, A_SIGMA0], state={SIGMA: sigma0},
    draws={X_DRAW: ChiSquare(n - 1)}, step={SIGMA: SIGMA * sp.sqrt(CRITICAL_TAU * X_DRAW / (n - ddof))},
    references=(COCHRAN, SHUMAILOV),
    summary="The temperature refit at tau* = (n - ddof)/(n - 1), the temperature that keeps E[sigma_t^2] constant.")

# The moments are module-level functions, not lambdas: a derivation that holds them can be pickled (cached).
def _truncated_scatter_mean(n_, a_):
    return (n_ - 1) * truncation_factor().subs(a, a_)


def _truncated_scatter_mean_numeric(n_, a_):
    return (n_ - 1) * mpmath.quad(lambda x: x**2 * mpmath.npdf(x), [-a_, 0, a_]) / (2 * mpmath.ncdf(a_) - 1)


def _best_of_k_scatter_mean(n_, k_):
    return (n_ - 1) * MaxNormalVariance(k_)


def _best_of_k_scatter_mean_numeric(n_, k_):
    return (n_ - 1) * _max_normal_variance_by_quadrature(int(k_), mpmath.mp.prec)


TRUNCATED_SCATTER = CitedMoments(
    "TruncatedScatter", (n, a), {1: _truncated_scatter_mean}, sample_truncated_scatter, "positive",
    "E[V] = (n - 1) c(a): the sample variance is unbiased (Casella and Berger Thm 5.2.6), c(a) by integration",
    numeric={1: _truncated_scatter_mean_numeric}, kernel_family="TruncatedNormalScatter")
TRUNCATION = Model(
    "sampling_truncation", family=FAMILY, params=[A_A, A_N, A_DDOF, A_SIGMA0], state={SIGMA: sigma0},
    draws={V_DRAW: TRUNCATED_SCATTER}, step={SIGMA: SIGMA * sp.sqrt(V_DRAW / (n - ddof))},
    references=(CASELLA, JOHNSON),
    summary="Sample from the model truncated to |x - mu_t| <= a sigma_t, then refit: sigma_{t+1}^2 = sigma_t^2 V/(n - ddof), "
            "V the sum of squared deviations of n standard normals truncated to [-a, a].")

BEST_OF_K_SCATTER = CitedMoments(
    "BestOfKScatter", (n, k), {1: _best_of_k_scatter_mean}, sample_best_of_k_scatter,
    "positive", "E[V] = (n - 1) v_k: the sample variance is unbiased (Casella and Berger Thm 5.2.6)",
    numeric={1: _best_of_k_scatter_mean_numeric}, kernel_family="MaxNormalScatter")
BEST_OF_K = Model(
    "sampling_best_of_k", family=FAMILY, params=[A_K, A_N, A_DDOF, A_SIGMA0], state={SIGMA: sigma0},
    draws={V_DRAW: BEST_OF_K_SCATTER}, step={SIGMA: SIGMA * sp.sqrt(V_DRAW / (n - ddof))},
    references=(CASELLA, DAVID),
    summary="Each training sample is the largest of k draws from the model, then refit: sigma_{t+1}^2 = "
            "sigma_t^2 V/(n - ddof), V the sum of squared deviations of n maxima of k standard normals.")


# --- claims --------------------------------------------------------------------------------------

def _critical_log_claims(d):
    from .gaussian import log_variance_collapse_claims
    model = TEMPERATURE_CRITICAL
    # the increment log sigma_{t+1}^2 - log sigma_t^2, read off the declared step
    increment = sp.expand_log(sp.log((model.step[SIGMA] / SIGMA) ** 2), force=True).xreplace(model.draw_at())
    return log_variance_collapse_claims(
        model, SIGMA, X_DRAW, d.closed_form, increment,
        "At tau* the drift of the log-variance per generation is negative (psi(x) < log x)",
        "At the temperature that keeps E[sigma_t^2] constant, log sigma_t^2 -> -oo, so sigma_t -> 0, almost "
        "surely (strong law of large numbers)")


def _truncation_remarks(d):
    c = truncation_factor()
    c_sym = sp.Function("c")(a)
    h_drop = sp.Symbol("h_t") - sp.Symbol("h_{t+1}")
    return {
        "variance_factor": Remark(sp.Eq(c_sym, c), "c(a) = Var of a standard normal truncated to [-a, a], by sympy "
                                 "integration; equal to 1 - 2 a phi(a)/(2 Phi(a) - 1) (checked by sympy)"),
        "infinite_sample_entropy_loss": Remark(
            sp.Eq(h_drop, -sp.log(c) / 2),
            "The infinite-sample map (refit on the truncated law itself) multiplies the variance by c(a) < 1: the "
            "differential entropy (1/2) log(2 pi e sigma^2) falls by -(1/2) log c(a) nats every generation"),
    }


def _best_of_k_remarks(d):
    mu_now, mu_next = sp.Symbol("mu_t"), sp.Symbol("mu_{t+1}")
    sig = sp.Symbol("sigma_t", positive=True)
    return {
        # In conditional mean given generation t (a plain E would read as a pathwise equality).
        "mean_drift": Remark(sp.Eq(CE(mu_next - mu_now, t), MaxNormalMean(k) * sig),
                            "The fitted mean moves up by m_k sigma_t in conditional mean (each sample is mu_t + "
                            "sigma_t M, E[M] = m_k): m_1 = 0, m_2 = 1/sqrt(pi), m_3 = 3/(2 sqrt(pi)), quadrature beyond"),
        "variance_closed_forms": Remark(sp.Eq(sp.Tuple(*(sp.Function("v")(j) for j in (1, 2, 3))),
                                              sp.Tuple(*(max_normal_moments(j)[2] for j in (1, 2, 3))), evaluate=False),
                                       "v_1, v_2, v_3 by sympy after an integration by parts"),
    }


# --- results ---------------------------------------------------------------------------------------

TEMPERATURE.expectation(
    SIGMA**2, "sampling.temperature_gaussian", "Temperature sampling, then refitting: expected variance",
    assumptions=(A_N, A_T, A_TAU, A_DDOF, A_SIGMA0), lazy=True,
    summary="Sampling at temperature tau scales each refit's expected variance by tau (n - 1)/(n - ddof): below "
            "tau* = (n - ddof)/(n - 1) the variance collapses geometrically in mean, above it it grows.")
TEMPERATURE.expectation(
    sp.log(SIGMA**2 / sigma0**2), "sampling.temperature_gaussian_log_variance",
    "Temperature sampling, then refitting: expected log-variance ratio",
    assumptions=(A_N, A_T, A_TAU, A_DDOF, A_SIGMA0), lazy=True,
    summary="E[log(sigma_t^2 / sigma0^2)] = t (log tau + psi((n - 1)/2) + log(2/(n - ddof))): linear in t, "
            "negative for every tau up to tau_c = (n - ddof) exp(-psi((n - 1)/2))/2, which exceeds tau*.")
TEMPERATURE_CRITICAL.expectation(
    SIGMA**2, "sampling.temperature_critical_variance", "At the critical temperature the mean variance is kept",
    assumptions=(A_N, A_T, A_DDOF, A_SIGMA0), lazy=True,
    summary="At tau* = (n - ddof)/(n - 1), E[sigma_t^2] = sigma0^2 for every t.")
TEMPERATURE_CRITICAL.expectation(
    sp.log(SIGMA**2 / sigma0**2), "sampling.temperature_critical_collapse",
    "At the critical temperature the variance still vanishes almost surely",
    assumptions=(A_N, A_T, A_DDOF, A_SIGMA0), lazy=True, claims=_critical_log_claims,
    summary="At tau*, where the mean variance is kept, log sigma_t^2 is a random walk with negative drift "
            "psi((n - 1)/2) + log(2/(n - 1)): sigma_t -> 0 almost surely all the same. Compensating the "
            "shrinkage in mean does not prevent collapse.")
_truncation = TRUNCATION.expectation(
    SIGMA**2, "sampling.truncation_gaussian", "Truncated sampling, then refitting: expected variance",
    assumptions=(A_A, A_N, A_T, A_DDOF, A_SIGMA0), lazy=True, claims=_truncation_remarks,
    summary="Truncating at a standard deviations scales each refit's expected variance by c(a)(n - 1)/(n - ddof), "
            "c(a) = 1 - 2 a phi(a)/(2 Phi(a) - 1) < 1: the variance collapses geometrically even with the unbiased "
            "estimator and infinitely many samples.")
_best_of_k = BEST_OF_K.expectation(
    SIGMA**2, "sampling.best_of_k", "Best-of-k sampling, then refitting: expected variance",
    assumptions=(A_K, A_N, A_T, A_DDOF, A_SIGMA0), lazy=True, claims=_best_of_k_remarks,
    summary="Training on the best of k draws scales each refit's expected variance by v_k (n - 1)/(n - ddof), v_k "
            "the variance of the largest of k standard normals (v_2 = 1 - 1/pi, v_3 = 1 + sqrt(3)/(2 pi) - "
            "9/(4 pi)), and moves the mean up by m_k sigma_t per generation.")

"""Probability lemmas, each derived by sympy from a density.

Every function here computes its answer by symbolic integration against the defining
density (chi-square for the scaled sample variance, normal for the sample mean and for the
entropy and KL functionals), so the formulas are results of sympy, not typed in. The
integrals take up to a few seconds, so each is computed once per process.

The proof kernel re-checks the same integrals (rule ``Integrate``); the definitions of the
integrands are exposed here (:func:`chi2_moment_integral`, ...) so that both see one text.

Examples
--------
The first two chi-square moments, E[X] = k and E[X^2] = k (k + 2):

>>> import sympy as sp
>>> k = sp.Symbol("k", positive=True)
>>> sp.simplify(chi2_moment(k, 1)), sp.factor(chi2_moment(k, 2))
(k, k*(k + 2))

The general moment against its defining integral, by mpmath quadrature (k = 5, m = 1/2):

>>> import mpmath
>>> density = lambda x: x**1.5 * mpmath.exp(-x / 2) / (2**2.5 * mpmath.gamma(2.5))
>>> quad = mpmath.quad(lambda x: mpmath.sqrt(x) * density(x), [0, mpmath.inf])
>>> bool(abs(quad - chi2_moment(5, sp.Rational(1, 2)).evalf(30)) < 1e-12)
True
"""

from __future__ import annotations

import functools

import sympy as sp

from .symbols import chi2_pdf, normal_pdf, x, z

#: Positive stand-in for m + k/2 (the integral converges exactly when it is positive).
_shape = sp.Symbol("shape", positive=True)
_k = sp.Symbol("k", positive=True)
_m = sp.Symbol("m", real=True)
_mean_a = sp.Symbol("a", real=True)
_mean_b = sp.Symbol("b", real=True)
_sd_s = sp.Symbol("s", positive=True)
_sd_r = sp.Symbol("r", positive=True)


def chi2_moment_integral(k, m):
    """E[X^m] for X ~ chi-square(k), as an unevaluated integral over the density."""
    return sp.Integral(x**m * chi2_pdf(x, k), (x, 0, sp.oo))


@functools.lru_cache(maxsize=None)
def _chi2_moment_general():
    # Integrate with shape = m + k/2 > 0 (the convergence condition), then map back.
    integrand = (x ** (_shape - 1) * sp.exp(-x / 2)) / (2 ** (_shape - _m) * sp.gamma(_shape - _m))
    value = sp.integrate(integrand, (x, 0, sp.oo), conds="none")
    return sp.simplify(value.subs(_shape, _m + _k / 2))


def chi2_moment(k, m):
    """E[X^m] for X ~ chi-square(k), valid for m > -k/2 (the caller checks that)."""
    value = _chi2_moment_general().subs({_k: k, _m: m})
    if sp.sympify(m).is_integer:
        # expand_func turns gamma(a + j)/gamma(a) into a rational function for integer j.
        return sp.factor(sp.expand_func(sp.gammasimp(value)))
    return value


def chi2_moment_condition(k, m):
    """The convergence condition of E[X^m], as a relation."""
    return sp.Gt(m + k / 2, 0)


def chi2_log_moment_integral(k):
    """E[log X] for X ~ chi-square(k), as an unevaluated integral."""
    return sp.Integral(sp.log(x) * chi2_pdf(x, k), (x, 0, sp.oo))


@functools.lru_cache(maxsize=None)
def _chi2_log_moment_general():
    return sp.simplify(chi2_log_moment_integral(_k).doit())


def chi2_log_moment(k):
    """E[log X] for X ~ chi-square(k): digamma(k/2) + log 2, by integration."""
    return _chi2_log_moment_general().subs(_k, k)


def normal_moment_integral(m):
    """E[Z^m] for Z ~ N(0, 1), as an unevaluated integral."""
    return sp.Integral(z**m * normal_pdf(z, 0, 1), (z, -sp.oo, sp.oo))


@functools.lru_cache(maxsize=None)
def normal_moment(m):
    """E[Z^m] for Z ~ N(0, 1), by integration (m a non-negative integer)."""
    return sp.simplify(normal_moment_integral(m).doit())


def gaussian_entropy_integral(m, sd):
    """Differential entropy of N(m, sd^2): -int f log f, with log f expanded."""
    logf = -(z - m) ** 2 / (2 * sd**2) - sp.log(2 * sp.pi) / 2 - sp.log(sd)
    return sp.Integral(-normal_pdf(z, m, sd) * logf, (z, -sp.oo, sp.oo))


@functools.lru_cache(maxsize=None)
def _gaussian_entropy_general():
    return sp.simplify(gaussian_entropy_integral(_mean_a, _sd_s).doit())


def gaussian_entropy(m, sd):
    """h(N(m, sd^2)) in nats, by integration: log(sd) + (1 + log(2 pi)) / 2."""
    return _gaussian_entropy_general().subs({_mean_a: m, _sd_s: sd})


def gaussian_kl_integral(a, s, b, r):
    """KL(N(a, s^2) || N(b, r^2)) = int f log(f/g), with log(f/g) expanded."""
    log_ratio = sp.log(r) - sp.log(s) - (z - a) ** 2 / (2 * s**2) + (z - b) ** 2 / (2 * r**2)
    return sp.Integral(normal_pdf(z, a, s) * sp.expand(log_ratio), (z, -sp.oo, sp.oo))


@functools.lru_cache(maxsize=None)
def _gaussian_kl_general():
    # The integral of gaussian_kl_integral after z = a + s u: the log-ratio is a polynomial in u, so
    # the integral is a sum of standard normal moments (sympy's Meijer-G route to the same value
    # takes seconds).
    u = sp.Dummy("u", real=True)
    log_ratio = gaussian_kl_integral(_mean_a, _sd_s, _mean_b, _sd_r).function / normal_pdf(z, _mean_a, _sd_s)
    poly = sp.Poly(sp.expand(log_ratio.xreplace({z: _mean_a + _sd_s * u})), u)
    value = sum(c * normal_moment(k) for (k,), c in poly.terms())
    return sp.expand(sp.simplify(value))


def gaussian_kl(a, s, b, r):
    """KL(N(a, s^2) || N(b, r^2)) in nats, by integration."""
    return _gaussian_kl_general().subs({_mean_a: a, _sd_s: s, _mean_b: b, _sd_r: r},
                                       simultaneous=True)


def gaussian_w2sq(a, s, b, r):
    """W2^2(N(a, s^2), N(b, r^2)) = (a - b)^2 + (s - r)^2.

    Not derived here: it is the axiom ``gaussian_w2`` (Dowson and Landau 1982; Olkin and
    Pukelsheim 1982), the optimal coupling of two Gaussians being the monotone map.
    """
    return (a - b) ** 2 + (s - r) ** 2

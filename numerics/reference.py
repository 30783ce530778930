"""An independent high-precision route to every Gaussian result.

In the spirit of scipy.stats' mpmath references: each quantity is computed *by
definition*, simply enough to trust, and with no symbolic algebra shared with the
derivations. The expectations of the innovations come from mpmath quadrature against the
chi-square and normal densities (not from the moment lemmas), and the generations are
iterated numerically through the one-step law (not through a solved recurrence).

Examples
--------
E[X] for X ~ chi-square(5), by quadrature:

>>> import mpmath
>>> mpmath.mp.dps = 30
>>> round(float(chi2_expect(lambda x: x, 5)), 12)
5.0
"""

from __future__ import annotations

import functools

import mpmath

from modelcollapse import theory


def chi2_expect(g, k):
    """E[g(X)] for X ~ chi-square(k), by tanh-sinh quadrature of g times the density."""
    k = mpmath.mpf(k)

    def density(x):
        return mpmath.exp((k / 2 - 1) * mpmath.log(x) - x / 2 - (k / 2) * mpmath.log(2) - mpmath.loggamma(k / 2))

    # Split at the mode region so the quadrature sees the bulk and both tails.
    return mpmath.quad(lambda x: g(x) * density(x), [0, k / 2, k, 2 * k + 10, mpmath.inf])


def normal_expect(g):
    """E[g(Z)] for Z ~ N(0, 1), by quadrature."""
    c = 1 / mpmath.sqrt(2 * mpmath.pi)
    return mpmath.quad(lambda z: g(z) * c * mpmath.exp(-z * z / 2), [-mpmath.inf, 0, mpmath.inf])


class _Step:
    """Expectations of the innovations at one refit with sample size n (quadrature, cached)."""

    def __init__(self, n, ddof):
        k, nd = n - 1, mpmath.mpf(n - ddof)
        self.n, self.nd = mpmath.mpf(n), nd
        self.x1 = chi2_expect(lambda x: x, k) / nd                 # E[sigma'^2 / sigma^2]
        self.x2 = chi2_expect(lambda x: x * x, k) / nd**2          # E[sigma'^4 / sigma^4]
        self.half = chi2_expect(mpmath.sqrt, k) / mpmath.sqrt(nd)  # E[sigma' / sigma]
        self.log = chi2_expect(mpmath.log, k) - mpmath.log(nd)     # E[log(sigma'^2 / sigma^2)]
        self.inv = chi2_expect(lambda x: 1 / x, k) * nd if k > 2 else mpmath.inf  # E[sigma^2 / sigma'^2]
        self.z2 = normal_expect(lambda z: z * z)


@functools.lru_cache(maxsize=256)
def _step(n, ddof, dps):
    with mpmath.workdps(dps):
        return _Step(n, ddof)


def _iterate(sizes, ddof, sigma0):
    """Run the one-step law forward through the given sample sizes; return every moment at the end."""
    s0 = mpmath.mpf(sigma0)
    m2, m4, m1, logv, drift = s0**2, s0**4, s0, mpmath.mpf(0), mpmath.mpf(0)
    inv, ratio = 1 / s0**2, mpmath.mpf(0)
    for size in sizes:
        st = _step(size, ddof, mpmath.mp.dps)
        # mean drift and the drift ratio use the generation-t moments, so update them first
        drift = drift + m2 * st.z2 / st.n
        ratio = st.inv * (ratio + st.z2 / st.n)
        m2, m4, m1 = m2 * st.x1, m4 * st.x2, m1 * st.half
        logv = logv + st.log
        inv = inv * st.inv
    return dict(m2=m2, m4=m4, m1=m1, logv=logv, drift=drift, inv=inv, ratio=ratio)


def reference_value(result_id, dps=30, **params):
    """The value of ``result_id`` at ``params``, by quadrature and iteration, at ``dps`` digits.

    The parameters are validated by the result itself (same names and ranges).
    """
    r = theory.get(result_id)
    p = r.validate(params)
    with mpmath.workdps(dps + 10):
        if result_id == "gaussian.schedule":
            if p["t"] > len(p["ns"]):
                raise ValueError(f"t must be <= len(ns) = {len(p['ns'])}, got {p['t']}")
            sizes = p["ns"][: p["t"]]
        else:
            sizes = [p["n"]] * p["t"]
        s0 = mpmath.mpf(p["sigma0"])
        m = _iterate(sizes, p["ddof"], s0)
        values = {
            "gaussian.variance": lambda: m["m2"],
            "gaussian.schedule": lambda: m["m2"],
            "gaussian.variance_of_variance": lambda: m["m4"] - m["m2"] ** 2,
            "gaussian.std": lambda: m["m1"],
            "gaussian.log_variance": lambda: m["logv"],
            "gaussian.mean_drift": lambda: m["drift"],
            "gaussian.entropy": lambda: m["logv"] / 2,
            "gaussian.w2": lambda: m["drift"] + m["m2"] - 2 * s0 * m["m1"] + s0**2,
            "gaussian.kl": lambda: m["logv"] / 2 + s0**2 * m["inv"] / 2 + m["ratio"] / 2 - mpmath.mpf(1) / 2,
        }
        if result_id not in values:
            raise ValueError(f"result_id {result_id!r} has no reference computation")
        out = values[result_id]()
    with mpmath.workdps(dps):
        return +out

"""The largest-of-k normal moments m_k and v_k at the precision asked, against the textbook tail
integrals E[M] = int_0^oo P(M > x) dx - int_-oo^0 P(M < x) dx and
E[M^2] = int_0^oo 2 x (P(M > x) + P(M < -x)) dx, split around the peak near sqrt(2 log k)."""

import mpmath
import pytest
import sympy as sp

from modelcollapse.theory import sampling_gaussian as SG


def _tail_moments(kk, dps):
    """(E[M_k], Var M_k) from P(M <= x) = Phi(x)^k alone (a route the module does not take)."""
    with mpmath.workdps(dps):
        peak = mpmath.sqrt(2 * mpmath.log(kk))
        points = [0] + [x for x in (peak + mpmath.mpf(j) / 2 for j in range(-6, 7)) if x > 0] + [mpmath.inf]
        above = lambda x: -mpmath.powm1(mpmath.ncdf(x), kk)  # noqa: E731  P(M > x), without cancellation
        below = lambda x: mpmath.ncdf(-x) ** kk  # noqa: E731  P(M < -x)
        mean = mpmath.quad(above, points) - mpmath.quad(below, [0, 2, mpmath.inf])
        square = mpmath.quad(lambda x: 2 * x * above(x), points) + mpmath.quad(lambda x: 2 * x * below(x),
                                                                                [0, 2, mpmath.inf])
        return mean, square - mean**2


def _through_lambdify(function, kk, dps):
    """The value the reference route sees: the function lambdified to mpmath, at ``dps`` digits."""
    with mpmath.workdps(dps):
        return sp.lambdify(SG.k, function(SG.k), "mpmath")(kk)


@pytest.mark.parametrize("kk, dps", [(7, 45), (10**4, 50)])
def test_max_normal_mean_to_the_digits_asked(monkeypatch, kk, dps):
    # k = 10^4 at 50 digits: the 60-digit quadrature on [-oo, 0, oo] had 43 correct digits.
    monkeypatch.setattr(SG, "_MAX_NORMAL_CACHE", {})
    mean, _ = _tail_moments(kk, dps + 10)
    got = _through_lambdify(SG.MaxNormalMean, kk, dps)
    with mpmath.workdps(dps + 10):
        assert abs(got - mean) < abs(mean) * mpmath.mpf(10) ** -(dps - 1)


@pytest.mark.parametrize("kk, dps", [(10**5, 30)])
def test_max_normal_variance_to_the_digits_asked(monkeypatch, kk, dps):
    # k = 10^5 at 30 digits: the quadrature on [-oo, 0, oo] had 25 correct digits at 40 and 60.
    monkeypatch.setattr(SG, "_MAX_NORMAL_CACHE", {})
    _, variance = _tail_moments(kk, dps + 10)
    got = _through_lambdify(SG.MaxNormalVariance, kk, dps)
    with mpmath.workdps(dps + 10):
        assert abs(got - variance) < variance * mpmath.mpf(10) ** -(dps - 1)

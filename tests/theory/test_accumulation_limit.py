"""Euler's product as the accumulation module derives it (the gamma ratio's limit taken through its
logarithm) against the product multiplied out and its textbook value sin(pi x) / (pi x)."""

import mpmath
import pytest
import sympy as sp

from modelcollapse.theory import accumulation as ACC
from modelcollapse.theory.symbols import t


@pytest.mark.parametrize("x", [sp.Rational(1, 1000), 1 / sp.sqrt(2), 1 / sp.sqrt(3), sp.Rational(999, 1000)])
def test_sine_limit_against_the_product(x):
    steps, finite, limit = ACC.sine_limit()
    ratio_step = next(s for s in steps if s.text == "The gamma ratio tends to 1")
    assert ratio_step.relation.rhs == 1
    ratio = ratio_step.relation.lhs.args[0]
    with mpmath.workdps(30):
        xm = mpmath.mpf(sp.N(x, 40))
        for g in (0, 1, 2, 7):  # the finite gamma form is the product itself (t = 0: the empty product)
            direct = mpmath.fprod(1 - xm**2 / kk**2 for kk in range(1, g + 1))
            assert abs(mpmath.mpf(sp.N(finite.subs({ACC._x: x, t: g}), 35)) - direct) < mpmath.mpf(10) ** -25
        # The ratio's distance from 1 falls like x^2 / t (Stirling); at t = 10^8 it is below 1e-8.
        big = mpmath.mpf(10) ** 8
        near_one = mpmath.exp(mpmath.loggamma(big + 1 - xm) + mpmath.loggamma(big + 1 + xm) - 2 * mpmath.loggamma(big + 1))
        assert abs(near_one - 1) < 2 * xm**2 / big
        assert sp.simplify(ratio.subs({ACC._x: x, t: 3}) - sp.gamma(4 - x) * sp.gamma(4 + x) / sp.gamma(4) ** 2) == 0
        product = mpmath.nprod(lambda kk: 1 - xm**2 / kk**2, [1, mpmath.inf])
        assert abs(mpmath.mpf(sp.N(limit.subs(ACC._x, x), 35)) - product) < mpmath.mpf(10) ** -20
        assert abs(product - mpmath.sin(mpmath.pi * xm) / (mpmath.pi * xm)) < mpmath.mpf(10) ** -20

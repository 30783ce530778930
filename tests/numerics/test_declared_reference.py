"""The reference route generated from a declaration against the engine's closed forms.

The two share only the choice of functionals: the route integrates the draws' laws numerically
(quadrature, enumeration) and iterates a fitted one-step matrix, the engine solves recurrences
symbolically. Agreement to 1e-12 over the registry, and refusals where the route cannot vouch
for a value.
"""

import mpmath
import pytest
import sympy as sp

from modelcollapse import theory
from modelcollapse.numerics import checks
from modelcollapse.numerics import declared_reference as route
from modelcollapse.numerics.reference import reference_value
from modelcollapse.theory.assumptions import IntegerAtLeast, PositiveReal
from modelcollapse.theory.distributions import Poisson
from modelcollapse.theory.model import Model

DECLARED = [r.id for r in theory.results()
            if checks.own_check(r.id) is None and checks.spec_for(r.id).simulator == "declared"
            and checks.spec_for(r.id).reference_ts]
RTOL = mpmath.mpf("1e-12")


def _agree(a, b):
    if a == 0 or b == 0:  # an exact zero is compared absolutely
        return abs(a - b) <= mpmath.mpf("1e-25")
    return abs(a - b) <= RTOL * abs(b)


def test_every_declared_family_is_covered():
    assert {theory.get(i).family for i in DECLARED} >= {"gaussian", "categorical", "poisson", "exponential"}


@pytest.mark.parametrize("rid", DECLARED)
def test_reference_route_agrees_with_the_closed_form(rid):
    r = theory.get(rid)
    spec = checks.spec_for(rid)
    point = spec.points[-1]
    horizon = max(spec.reference_ts)
    for t in sorted({0, 1, 7, horizon} & set(range(horizon + 1))):
        own = checks.result_params(r, point, t)
        a, b = r(dps=30, **own), reference_value(rid, dps=30, **own)
        assert _agree(a, b), (own, a, b)


def test_a_wrong_closed_form_fails_the_reference_check():
    r = theory.get("poisson.variance")
    wrong = lambda dps=None, **p: r(dps=dps, **dict(p, t=p["t"] + 1))  # noqa: E731
    assert checks.reference_check("poisson.variance").passed
    assert not checks.reference_check("poisson.variance", closed_form=wrong).passed


n, lam, theta, S = sp.symbols("n lam theta S")


@pytest.fixture(scope="module")
def poisson():
    m = Model("reftest_poisson", params=[IntegerAtLeast("n", n, 1), PositiveReal("lam", lam)],
              state={theta: lam}, draws={S: Poisson(n * theta)}, step={theta: S / n})
    yield m
    m.forget()


def test_functionals_that_do_not_close_are_refused(poisson):
    """E[theta'^2 | theta] = theta^2 + theta / n leaves span{1, theta^2}: the fit's residual says so."""
    values = route._mp_values(poisson, dict(n=4, lam=2.0))
    with mpmath.workdps(45):
        bad = route._Route(poisson, [theta**2], values, 45)
        with pytest.raises(ValueError, match="do not close"):
            bad.matrix(0)
        good = route._Route(poisson, [theta**2, theta], values, 45)
        m = good.moments(3, {}, values)
        assert abs(m[1] - (4 + 2 * 3 / mpmath.mpf(4))) < mpmath.mpf("1e-35")


@pytest.mark.parametrize("shape", ["0.5", "1", "4.5", "37"])
def test_gamma_rule_integrates_powers_and_logarithms(shape):
    """Against mpmath's gamma and digamma functions, not against any moment formula of the package."""
    with mpmath.workdps(45):
        a = mpmath.mpf(shape)
        rule = route.draw_rule("Gamma", (a, mpmath.mpf(2)), 45)
        expect = lambda g: mpmath.fsum(w * g(x) for x, w in rule)  # noqa: E731
        assert abs(expect(lambda x: 1) - 1) < mpmath.mpf("1e-33")
        assert abs(expect(mpmath.sqrt) - mpmath.sqrt(2) * mpmath.gamma(a + 0.5) / mpmath.gamma(a)) < 1e-30
        assert abs(expect(mpmath.log) - (mpmath.digamma(a) + mpmath.log(2))) < 1e-30


def test_enumerations_and_the_hermite_rule():
    with mpmath.workdps(40):
        normal = route.draw_rule("Normal", (mpmath.mpf(1), mpmath.mpf(4)), 40)
        assert abs(mpmath.fsum(w * x**4 for x, w in normal) - (1 + 6 * 4 + 3 * 16)) < 1e-30
        poisson_rule = route.draw_rule("Poisson", (mpmath.mpf(7),), 40)
        assert abs(mpmath.fsum(w * x * (x - 1) for x, w in poisson_rule) - 49) < 1e-30
        multinomial = route.draw_rule("Multinomial", (mpmath.mpf(5), (mpmath.mpf(0.2), mpmath.mpf(0.3),
                                                                       mpmath.mpf(0.5))), 40)
        assert abs(mpmath.fsum(w for _, w in multinomial) - 1) < 1e-30
        # the pairwise covariance of the counts, -N p_1 p_2
        cov = mpmath.fsum(w * x[0] * x[1] for x, w in multinomial) - 5 * 0.2 * 5 * 0.3
        assert abs(cov + 5 * mpmath.mpf(0.2) * mpmath.mpf(0.3)) < 1e-12
        with pytest.raises(ValueError, match="trials"):
            route.draw_rule("Binomial", (mpmath.mpf(2.5), mpmath.mpf(0.5)), 40)

"""Closed forms against independent computations, and the properties the theory proves.

The reference route (numerics.reference, generated from the declaration) computes each quantity
by quadrature against the chi-square and normal densities, iterated through the one-step law: no
symbolic algebra in common with the derivation. Its one-step matrices depend on n and ddof only,
so n is drawn from a few values and sigma0, mu0 and t vary freely.
"""

import mpmath
import pytest
from hypothesis import given, settings, strategies as st

from modelcollapse import theory
from modelcollapse.numerics.reference import reference_value

ALL = [r.id for r in theory.results("gaussian")]


def _params(rid, n, t, ddof, sigma0, mu0):
    r = theory.get(rid)
    p = dict(n=n, t=t, ddof=ddof, sigma0=sigma0, mu0=mu0)
    if rid == "gaussian.schedule":
        p["ns"] = [(4, 7, 60)[(n + j) % 3] for j in range(t)]
    return {k: p[k] for k in r.parameters}


# Ten examples per result: a wrong closed form differs from the reference at almost every point, and
# the route's matrices depend on (n, ddof) only, which ten draws from six pairs cover well.
@pytest.mark.parametrize("rid", ALL)
@settings(max_examples=10)
@given(n=st.sampled_from([4, 7, 60]), t=st.integers(0, 12), ddof=st.sampled_from([0, 1]),
       sigma0=st.floats(0.1, 10), mu0=st.floats(-5, 5))
def test_closed_form_matches_reference_route(rid, n, t, ddof, sigma0, mu0):
    p = _params(rid, n, t, ddof, sigma0, mu0)
    a = theory.get(rid)(dps=25, **p)
    b = reference_value(rid, dps=25, **p)
    assert abs(a - b) <= mpmath.mpf("1e-15") * max(abs(b), mpmath.mpf(1e-20))


@given(n=st.integers(2, 1000), t=st.integers(0, 200), sigma0=st.floats(0.01, 100))
def test_ml_variance_decreases_and_unbiased_is_conserved(n, t, sigma0):
    v = theory.get("gaussian.variance")
    assert v(n=n, t=t + 1, ddof=0, sigma0=sigma0) < v(n=n, t=t, ddof=0, sigma0=sigma0)
    assert v(n=n, t=t, ddof=1, sigma0=sigma0) == pytest.approx(sigma0**2, rel=1e-14)


@given(n=st.integers(2, 1000), t=st.integers(0, 200), ddof=st.sampled_from([0, 1]))
def test_log_variance_and_entropy_fall_every_generation(n, t, ddof):
    lv, h = theory.get("gaussian.log_variance"), theory.get("gaussian.entropy")
    assert lv(n=n, t=t + 1, ddof=ddof, sigma0=1.0) < lv(n=n, t=t, ddof=ddof, sigma0=1.0)
    assert h(n=n, t=t, ddof=ddof, sigma0=2.0, mu0=0.0) == pytest.approx(
        lv(n=n, t=t, ddof=ddof, sigma0=2.0) / 2, rel=1e-13, abs=1e-300)


@given(n=st.integers(2, 500), t=st.integers(1, 100), ddof=st.sampled_from([0, 1]))
def test_std_shrinks_for_both_estimators(n, t, ddof):
    s = theory.get("gaussian.std")
    assert s(n=n, t=t, ddof=ddof, sigma0=1.0) < s(n=n, t=t - 1, ddof=ddof, sigma0=1.0)


@pytest.mark.parametrize("n", [2, 5, 50])
def test_w2_limits(n):
    w = theory.get("gaussian.w2")
    far = 40 * n * n
    assert w(n=n, t=far, ddof=0, sigma0=1.5, mu0=0.3) == pytest.approx(2 * 1.5**2, rel=1e-6)
    assert w(n=n, t=far, ddof=1, sigma0=1.5, mu0=0.3) > 10 * w(n=n, t=far // 100, ddof=1, sigma0=1.5, mu0=0.3) / 2


def test_schedule_positive_limit_iff_sum_of_reciprocals_converges():
    s = theory.get("gaussian.schedule")
    T = 4000
    geometric = [2 ** min(j + 1, 1000) for j in range(T)]  # sum 1/n_s < oo
    linear = [j + 2 for j in range(T)]                        # harmonic: sum = oo
    v_geo = [s(ns=geometric, t=t, ddof=0, sigma0=1.0) for t in (1000, 4000)]
    v_lin = [s(ns=linear, t=t, ddof=0, sigma0=1.0) for t in (1000, 4000)]
    assert v_geo[1] == pytest.approx(v_geo[0], rel=1e-12) and v_geo[1] > 0.2
    assert v_lin[1] == pytest.approx(1 / 4001, rel=1e-12)  # telescoping prod (1 - 1/(s+2)) = 1/(t+1)


def test_kl_closed_form_matches_definition_by_quadrature_at_t1():
    """At t = 1 the KL expectation is an integral over (Z, X), independent (the sample mean and the
    scatter of a normal sample): inner over Z, then over X, each by quadrature."""
    n, ddof, s0 = 9, 0, 1.3
    k = n - 1

    def kl(z, x):
        st = s0 * mpmath.sqrt(x / (n - ddof))
        mt = s0 * z / mpmath.sqrt(n)
        return mpmath.log(st / s0) + (s0**2 + mt**2) / (2 * st**2) - mpmath.mpf(1) / 2

    chi = lambda x: x ** (k / 2 - 1) * mpmath.exp(-x / 2) / (2 ** (k / 2) * mpmath.gamma(k / 2))
    phi = lambda z: mpmath.exp(-z * z / 2) / mpmath.sqrt(2 * mpmath.pi)
    mpmath.mp.dps = 12
    # kl is a + b z^2 in z for fixed x: its mean over Z needs E[1] and E[Z^2] only, by quadrature.
    mass, second = (mpmath.quad(lambda z, j=j: z ** j * phi(z), [-mpmath.inf, 0, mpmath.inf]) for j in (0, 2))

    def over_z(x):
        a, b = kl(0, x), kl(1, x) - kl(0, x)
        return a * mass + b * second

    direct = mpmath.quad(lambda x: over_z(x) * chi(x), [0, k, mpmath.inf])
    closed = theory.get("gaussian.kl")(n=n, t=1, ddof=ddof, sigma0=s0, mu0=0.0, dps=20)
    assert abs(direct - closed) < mpmath.mpf("1e-9")

"""The remedies against independent computations: the engine's closed forms against exact moment
recursions iterated in rational arithmetic, Euler's product against mpmath, the critical fraction
and the optimal weight against brute-force searches, and the statuses the kernel gives them."""

from fractions import Fraction

import mpmath
import pytest
import sympy as sp

from modelcollapse import proofs, theory
from modelcollapse.theory import fresh_data, subsample, symbols


def _fresh_moments(n, m, ddof, t):
    """(E[sigma_t^2], E[d_t^2]) / sigma0^2 by the one-step moments written out by hand: within-group
    sums of squares (m - 1) and (b - 1) sigma^2, the between-group term m b (d^2 + sigma0^2/m + sigma^2/b) / n."""
    b = n - m
    v, d = Fraction(1), Fraction(0)
    for _ in range(t):
        between = (m * b * d + b + m * v) / Fraction(n)
        v, d = ((m - 1) + (b - 1) * v + between) / (n - ddof), (b * b * d + m + b * v) / Fraction(n * n)
    return v, d


@pytest.mark.parametrize("n,m,ddof,t", [(10, 3, 0, 4), (10, 3, 1, 4), (7, 2, 1, 9), (12, 10, 0, 3), (5, 2, 1, 0)])
def test_fresh_gaussian_against_the_moment_recursion(n, m, ddof, t):
    v, d = _fresh_moments(n, m, ddof, t)
    lam = m / n
    assert theory.get("mixing.fresh_gaussian")(n=n, lam=lam, t=t, ddof=ddof, sigma0=1.0) == pytest.approx(float(v),
                                                                                                          rel=1e-12)
    assert theory.get("mixing.fresh_gaussian_drift")(n=n, lam=lam, t=t, ddof=ddof, sigma0=2.0) == pytest.approx(
        4 * float(d), rel=1e-12, abs=1e-15)
    fixed_fit = "mixing.fresh_gaussian_ml" if ddof == 0 else "mixing.fresh_gaussian_unbiased"
    assert theory.get(fixed_fit)(n=n, m=m, t=t, sigma0=1.0) == pytest.approx(float(v), rel=1e-12)


def test_unbiased_fresh_gaussian_claims_match_the_long_run_of_the_recursion():
    """The proved stationary value against the exact recursion run for 400 generations, and above sigma0^2."""
    r = theory.get("mixing.fresh_gaussian_unbiased")
    assert set(r.claims) == {"stationary", "above_original"}
    from modelcollapse.theory.symbols import n as n_, sigma0
    from modelcollapse.theory.fresh_data import m as m_
    for n, m in ((10, 3), (6, 2), (40, 38)):
        v, _ = _fresh_moments(n, m, 1, 400)
        stationary = r.claims["stationary"].rhs.subs({n_: n, m_: m, sigma0: 1})
        assert float(stationary) == pytest.approx(float(v), rel=1e-9) and stationary > 1


def test_fresh_gaussian_stationary_values_and_the_critical_fraction():
    """The stationary ratio is the recursion's limit; the critical fraction is a brute-force search."""
    for n, m in ((10, 3), (20, 2), (6, 1)):
        v, _ = _fresh_moments(n, m, 0, 400)
        assert float(fresh_data.stationary_ratio(n, m)) == pytest.approx(float(v), rel=1e-9)
    ratios = [float(_fresh_moments(10, m, 0, 400)[0]) if m else 0.0 for m in range(11)]
    for level in (0.5, 0.8, 0.85, 0.9):
        expected = next(m for m in range(11) if ratios[m] >= level - 1e-12) / 10
        assert theory.get("mixing.critical_fraction")(n=10, level=level) == pytest.approx(expected)
    with pytest.raises(ValueError, match="level"):
        theory.get("mixing.critical_fraction")(n=10, level=0.95)


@pytest.mark.xdist_group("registry_proofs")  # reads registry proofs' reports: checked once on that worker
def test_proved_and_exact_statuses():
    assert proofs.status("mixing.fresh_categorical_mean") == "proved"
    for rid in ("mixing.accumulate_gaussian", "mixing.accumulate_gaussian_drift"):
        assert proofs.status(rid) == "proved" and "euler_sine_product" in proofs.check(rid).axioms
    for rid in ("mixing.golden_ratio", "mixing.golden_ratio_weight", "mixing.schedule_w2", "mixing.growing_samples"):
        assert proofs.status(rid) == "proved"
    # The growing schedule's criteria are proved from the cited product and series criteria.
    growing = proofs.check("mixing.growing_samples")
    assert growing.goals == {"statement": True, "ml_limit_positive_iff_gamma_above_one": True,
                             "series_converges_iff_gamma_above_one": True}
    assert {"infinite_product_criterion", "p_series_comparison"} <= growing.axioms
    assert proofs.check("gaussian.schedule").goals["ml_limit_positive_iff_series_converges"]
    assert {"stationary"} <= set(proofs.check("mixing.golden_ratio").goals)
    assert {"positive_factor", "inside", "golden_ratio_when_n_equals_m"} <= set(
        proofs.check("mixing.golden_ratio_weight").goals)
    for rid in ("mixing.accumulate_subsample", "mixing.critical_fraction"):
        assert proofs.status(rid) == "exact computation"
        assert theory.get(rid).status_note
    # The closed form of the coupled system is proved for both cases of ddof; its limit is a remark.
    for rid in ("mixing.fresh_gaussian", "mixing.fresh_gaussian_drift"):
        assert proofs.status(rid) == "proved" and "induction" in proofs.check(rid).axioms
        r = theory.get(rid)
        assert not r.claims and "stationary" in r.remarks and "not proved" in r.status_note


def test_fresh_gaussian_ml_claims_state_no_collapse():
    r = theory.get("mixing.fresh_gaussian_ml")
    assert set(r.claims) == {"rate_below_one", "rate_positive", "no_collapse"}
    from modelcollapse.theory.symbols import n, sigma0
    value = r.claims["no_collapse"].lhs
    assert sp.simplify(value.subs({n: 10, fresh_data.m: 3, sigma0: 1}) - fresh_data.stationary_ratio(10, 3)) == 0


def test_accumulation_product_conservation_and_euler_limit():
    r, drift = theory.get("mixing.accumulate_gaussian"), theory.get("mixing.accumulate_gaussian_drift")
    for n in (2, 5, 30):
        product = mpmath.fprod(1 - mpmath.mpf(1) / (n * k * k) for k in range(1, 9))
        assert r(n=n, t=8, sigma0=1.0) == pytest.approx(float(product), rel=1e-14)
        # conservation: E[sigma_t^2] + E[(mu_t - mu0)^2] = sigma0^2
        assert r(n=n, t=8, sigma0=1.5) + drift(n=n, t=8, sigma0=1.5) == pytest.approx(2.25, rel=1e-14)
        euler = mpmath.sin(mpmath.pi / mpmath.sqrt(n)) / (mpmath.pi / mpmath.sqrt(n))
        assert r(n=n, t=10**5, sigma0=1.0) == pytest.approx(float(euler), rel=1e-4)
        assert drift(n=n, t=10**5, sigma0=1.0) <= float(mpmath.pi**2 / (6 * n))
    limit = r.claims["limit"].rhs
    assert limit.has(sp.sin) and float(limit.subs({symbols.n: 4, symbols.sigma0: 1})) == pytest.approx(2 / float(mpmath.pi), rel=1e-12)
    assert set(drift.claims) == {"variance_euler_form", "euler_form", "conserved", "limit"}
    # Euler's form of the product and the drift by conservation, against the product computed here
    for claims, value in ((r.claims, lambda p: p), (drift.claims, lambda p: 1 - p)):
        product = mpmath.fprod(1 - mpmath.mpf(1) / (3 * k * k) for k in range(1, 7))
        form = claims["euler_form"].rhs.subs({symbols.n: 3, symbols.t: 6, symbols.sigma0: 1}).doit()
        assert float(form) == pytest.approx(float(value(product)), rel=1e-14)
    # The bound is derived, not proved: a derivation step says so, and no claim states it
    assert any("not proved" in st.text and isinstance(st.relation, sp.LessThan) for st in drift.derivation.steps)


def test_subsample_recursion_against_an_exact_two_fit_formula():
    """Fit 2 subsamples n of the 2n pooled samples: without replacement, E[s^2] of the subsample is the pool's
    variance with divisor 2n - 1, so E[sigma_2^2] = (n - 1)/n * 2n/(2n - 1) * E[sigma_2^2 of the whole pool]."""
    for n in (2, 4, 9):
        whole = Fraction(n - 1, n) * (1 - Fraction(1, 4 * n))
        assert subsample.subsample_variances(n, 2)[2] == Fraction(n - 1, n) * Fraction(2 * n, 2 * n - 1) * whole
    with pytest.raises(ValueError, match="t"):
        theory.get("mixing.accumulate_subsample")(n=4, t=subsample.MAX_T + 1, sigma0=1.0)


def test_growing_samples_criteria():
    """With ddof = 0 the variance keeps a positive limit for gamma > 1 and not for gamma = 1; with ddof = 1 the
    W2 distance levels off for gamma > 1 and keeps growing for gamma <= 1."""
    r = theory.get("mixing.growing_samples")
    grow = [r(n0=4, gamma=g, t=t, ddof=1, sigma0=1.0) for g in (0.5, 2.0) for t in (200, 400)]
    assert grow[1] - grow[0] > 0.01 and abs(grow[3] - grow[2]) < 1e-3
    from modelcollapse.theory.growing_samples import growing_schedule
    assert growing_schedule(3, 1.0, 4) == [3, 6, 9, 12] and growing_schedule(4, 0.5, 3) == [4, 6, 7]
    assert r(n0=5, gamma=0.0, t=3, ddof=0, sigma0=1.0) == pytest.approx(
        theory.get("gaussian.w2")(n=5, t=3, ddof=0, sigma0=1.0, mu0=0.0), rel=1e-12)
    for name, value in (("gamma", -0.5), ("n0", 1)):
        with pytest.raises(ValueError, match=name):
            r(**{**dict(n0=4, gamma=1.0, t=2, ddof=0, sigma0=1.0), name: value})


def test_golden_ratio_against_recursion_and_a_numerical_minimum():
    r, weight = theory.get("mixing.golden_ratio"), theory.get("mixing.golden_ratio_weight")
    w, n, m = 0.3, 5, 20
    e = 1 / n
    for _ in range(6):
        e = w * w / n + (1 - w) ** 2 * (e + 1 / m)
    assert r(w=w, n=n, m=m, t=6, sigma0=1.0) == pytest.approx(e, rel=1e-12)

    def stationary(x, n, m):
        return (x * x / n + (1 - x) ** 2 / m) / (1 - (1 - x) ** 2)
    for n, m in ((10, 10), (10, 30), (50, 7)):
        best = mpmath.findroot(lambda x: mpmath.diff(lambda y: stationary(y, n, m), x), 0.5)
        assert weight(n=n, m=m) == pytest.approx(float(best), rel=1e-10)
    assert weight(n=8, m=8) == pytest.approx((5**0.5 - 1) / 2, rel=1e-15)
    # The least stationary error, sigma0^2 w* / n, against the brute-force minimum over a grid of w
    grid = [k / 4000 for k in range(1, 4001)]
    for n, m in ((10, 10), (3, 40)):
        least = min(stationary(x, n, m) for x in grid)
        assert least == pytest.approx(float(weight(n=n, m=m)) / n, rel=1e-6)
    with pytest.raises(ValueError, match="w"):
        r(w=1.5, n=5, m=5, t=1, sigma0=1.0)


@pytest.mark.parametrize("lam,match", [(0.25, "integer"), (1.5, r"\[0, 1\]"), (-0.1, "lam"), (0.1, "at least 2")])
def test_lam_must_count_fresh_samples(lam, match):
    with pytest.raises(ValueError, match=match):
        theory.get("mixing.fresh_gaussian")(n=10, lam=lam, t=1, ddof=0, sigma0=1.0)


@pytest.mark.xdist_group("registry_proofs")  # reads registry proofs' reports: checked once on that worker
def test_critical_fraction_claims_the_ratio_increases():
    """The kernel proves the claim increasing; its ratio is the fixed point the scan reads, point by point."""
    report = proofs.check("mixing.critical_fraction")
    assert report.ok and "increasing" in report.goals
    r = theory.get("mixing.critical_fraction")
    assert set(r.claims) == {"increasing"} and proofs.status("mixing.critical_fraction") == "exact computation"
    from modelcollapse.theory.symbols import n
    ratio = r.claims["increasing"].rhs
    for nn in (5, 9, 16):
        for mm in range(2, nn - 1):
            assert ratio.subs({n: nn, fresh_data.m: mm}) == fresh_data.stationary_ratio(nn, mm)


def test_growing_samples_evaluator_is_the_derived_closed_form():
    """The evaluator runs the schedule's factors over exact integer ceilings; the engine's closed form, with
    sympy's exact ceilings at rational gamma, must give the same value."""
    r = theory.get("mixing.growing_samples")
    symbols = {str(s): s for s in r.closed_form.free_symbols}
    for n0_, gamma_, t_, ddof_ in ((2, sp.Rational(1, 2), 3, 0), (3, sp.Rational(3, 2), 4, 1), (5, 0, 2, 1)):
        values = {"n0": n0_, "gamma": gamma_, "t": t_, "ddof": ddof_, "sigma0": sp.Rational(3, 2)}
        exact = sp.N(r.closed_form.xreplace({symbols[k]: v for k, v in values.items() if k in symbols}).doit(), 30)
        assert r(n0=n0_, gamma=float(gamma_), t=t_, ddof=ddof_, sigma0=1.5) == pytest.approx(float(exact), rel=1e-12)

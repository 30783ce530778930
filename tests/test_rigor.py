"""Issue 5's measurements, in small: calibration, power, kernel corpus, reproducibility,
hostile input and extreme parameters. The long runs are ``modelcollapse bench --rigor``."""

import math

import mpmath
import numpy as np
import pytest

from modelcollapse import theory
from modelcollapse.numerics import checks, gaussian_sim, rigor, simulate_gaussian, verify

IDS = [r.id for r in theory.results()]


@pytest.mark.parametrize("rid", ["gaussian.variance", "gaussian.kl", "gaussian.w2", "categorical.survival",
                                 "categorical.loss_one_step"])
def test_monte_carlo_checks_are_calibrated(rid):
    """At a nominal alpha of 0.05 the true closed form is rejected at about that rate.

    Tests within one seed share a simulation, so the bound uses the number of seeds only
    (conservative): the observed rate must lie within 4 binomial standard errors.
    """
    c = rigor.calibration(rid, seeds=40, chains=2000, alpha=0.05, base_seed=5)
    half = 4 * math.sqrt(0.05 * 0.95 / c.seeds)
    assert 0.05 - half <= c.rate <= 0.05 + half, c


def test_calibration_detects_a_miscalibrated_check():
    """The same measurement fails for a check whose standard error is understated."""
    orig = checks.skew_corrected_z
    try:
        checks.skew_corrected_z = lambda v, e: 3 * orig(v, e)  # as if the standard error were a third
        c = rigor.calibration("gaussian.variance", seeds=20, chains=2000, alpha=0.05, base_seed=5)
    finally:
        checks.skew_corrected_z = orig
    assert c.rate > 0.05 + 4 * math.sqrt(0.05 * 0.95 / c.seeds)


# A theorem without parameters (sampling.curation_support: a constant 0) has no parameter to mutate;
# its check's power is tested with its workflow (tests/numerics/test_sampling_workflows.py).
@pytest.mark.parametrize("rid", [i for i in IDS if i in checks.SPECS and theory.get(i).parameters])
def test_every_wrong_formula_that_differs_is_rejected(rid):
    outcomes = rigor.mutant_power(rid, monte_carlo=False)
    counted = [m for m in outcomes if m.counts]
    assert len(counted) >= 2  # the categorical mean is a martingale: n + 1 and t + 1 leave it unchanged
    assert [m.mutant for m in counted if not m.detected] == []


def test_monte_carlo_alone_has_power_against_gross_errors():
    outcomes = rigor.mutant_power("gaussian.variance", chains=4000)
    by_name = {m.mutant: m for m in outcomes}
    for name in ("factor 2", "sign", "n -> n + 1"):
        assert by_name[name].detected_by_monte_carlo, name


def test_verify_is_order_independent_and_reproducible():
    a = verify(ids=["gaussian.std", "gaussian.entropy"], quick=True, seed=9, chains=500)
    b = verify(ids=["gaussian.entropy", "gaussian.std"], quick=True, seed=9, chains=500)
    da = {r.id: r.monte_carlo for r in a.results}
    db = {r.id: r.monte_carlo for r in b.results}
    assert da == db


def test_samples_path_does_not_depend_on_the_memory_batch(monkeypatch):
    a = simulate_gaussian(40, 3, 700, seed=3, method="samples")
    monkeypatch.setattr(gaussian_sim, "SAMPLES_BATCH_FLOATS", 40 * gaussian_sim.CHAIN_BLOCK)
    b = simulate_gaussian(40, 3, 700, seed=3, method="samples")
    assert np.array_equal(a.sigma, b.sigma) and np.array_equal(a.mu, b.mu)


@pytest.mark.parametrize("call,name", [
    (lambda: simulate_gaussian(10, 10**9, 10**3), "chains"),
    (lambda: simulate_gaussian(10, 5, 10**12), "chains"),
    (lambda: simulate_gaussian(10, 5, 10, sigma0=1e400), "sigma0"),
    (lambda: simulate_gaussian(10, 5, 10, sigma0="1"), "sigma0"),
    (lambda: simulate_gaussian([], 5, 10), "n"),
    (lambda: checks.monte_carlo_checks("gaussian.nope", 10, 0.1, 1), "gaussian.nope"),
    (lambda: verify(ids=["gaussian.variance"], seed=1.5), "seed"),
    (lambda: verify(ids=["gaussian.variance"], family_alpha=0.0), "family_alpha"),
    (lambda: verify(ids=["gaussian.variance"], family_alpha=float("nan")), "family_alpha"),
    (lambda: __import__("modelcollapse.numerics.reference", fromlist=["x"]).reference_value(
        "gaussian.variance", n=10, t=10**9, ddof=0, sigma0=1.0), "t"),
    (lambda: theory.get(None), "None"),
    (lambda: theory.get("gaussian.variance")(n=10**400, t=1, ddof=0, sigma0=1.0), None),
])
def test_hostile_input(call, name):
    if name is None:  # a huge but valid n: no error, a finite answer
        assert math.isfinite(call())
        return
    with pytest.raises(ValueError, match=name):
        call()


@pytest.mark.parametrize("rid", [r.id for r in theory.results("gaussian") if r.id != "gaussian.schedule"])
@pytest.mark.parametrize("n", [10**6, 10**9])
def test_extreme_n_float_matches_mpmath(rid, n):
    r = theory.get(rid)
    p = {k: v for k, v in dict(n=n, t=10**6, ddof=0, sigma0=1.0, mu0=0.0).items() if k in r.parameters}
    x, y = r(**p), r(dps=50, **p)
    assert not math.isnan(x)
    if mpmath.mpf("1e-300") < abs(y) < mpmath.mpf("1e300"):
        assert math.isclose(x, float(y), rel_tol=1e-12)


def _call(fn):
    return fn


HOSTILE = [
    ("theory.get", lambda: theory.get(3), "3"),
    ("proofs.check", lambda: __import__("modelcollapse.proofs", fromlist=["x"]).check("x.y"), "x.y"),
    ("proofs.axioms_of", lambda: __import__("modelcollapse.proofs", fromlist=["x"]).axioms_of(""), "''"),
    ("expect", lambda: __import__("modelcollapse.theory.expectation", fromlist=["x"]).expect("1/0 +"), None),
    ("z_critical nan", lambda: checks.z_critical(float("nan")), "alpha"),
    ("z_critical 0", lambda: checks.z_critical(0.0), "alpha"),
    ("z_critical 1", lambda: checks.z_critical(1.0), "alpha"),
    ("mean_and_se empty", lambda: checks.mean_and_se([]), "values"),
    ("mean_and_se nan", lambda: checks.mean_and_se([1.0, float("nan")]), "values"),
    ("mean_and_se 2d", lambda: checks.mean_and_se([[1.0, 2.0]]), "values"),
    ("monte_carlo chains", lambda: checks.monte_carlo_checks("gaussian.std", 0, 0.1, 1), "chains"),
    ("monte_carlo alpha", lambda: checks.monte_carlo_checks("gaussian.std", 100, -0.1, 1), "alpha"),
    ("stream seed", lambda: __import__("modelcollapse.numerics.streams", fromlist=["x"]).stream(-1, "a"), "seed"),
    ("stream seed type", lambda: __import__("modelcollapse.numerics.streams", fromlist=["x"]).stream("a"), "seed"),
    ("probabilities sum", lambda: __import__("modelcollapse.theory.assumptions", fromlist=["x"]).check_probabilities(
        "p0", [0.5, 0.6]), "p0"),
    ("probabilities negative", lambda: __import__("modelcollapse.theory.assumptions", fromlist=["x"])
     .check_probabilities("p0", [1.5, -0.5]), "p0"),
    ("probabilities empty", lambda: __import__("modelcollapse.theory.assumptions", fromlist=["x"])
     .check_probabilities("p0", []), "p0"),
    ("probabilities nan", lambda: __import__("modelcollapse.theory.assumptions", fromlist=["x"])
     .check_probabilities("p0", [float("nan"), 1.0]), "p0"),
    ("probabilities string", lambda: __import__("modelcollapse.theory.assumptions", fromlist=["x"])
     .check_probabilities("p0", "ab"), "p0"),
    ("reference unknown", lambda: __import__("modelcollapse.numerics.reference", fromlist=["x"]).reference_value(
        "gaussian.nope"), "gaussian.nope"),
    ("verify chains", lambda: verify(ids=["gaussian.std"], chains=10**12), "chains"),
    ("skew_corrected_z values", lambda: checks.skew_corrected_z([1.0], 0.0), "values"),
    ("skew_corrected_z expected", lambda: checks.skew_corrected_z([1.0, 2.0], float("nan")), "expected"),
    ("calibration seeds", lambda: rigor.calibration("gaussian.std", seeds=0), "seeds"),
    ("calibration alpha", lambda: rigor.calibration("gaussian.std", seeds=1, alpha=2.0), "alpha"),
    ("calibration id", lambda: rigor.calibration("gaussian.nope", seeds=1), "gaussian.nope"),
    ("mutant_power chains", lambda: rigor.mutant_power("gaussian.std", chains=1), "chains"),
    ("conditional_moment k", lambda: __import__("modelcollapse.theory.categorical", fromlist=["x"])
     .conditional_moment(-1), "k"),
    ("chain cells", lambda: simulate_gaussian(10, 10, 10**8, method="samples"), "chains"),
]


@pytest.mark.parametrize("name,call,needle", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_input_table(name, call, needle):
    if needle is None:
        with pytest.raises((ValueError, SyntaxError, TypeError)):
            call()
        return
    with pytest.raises(ValueError, match=needle):
        call()


@pytest.mark.parametrize("rid", ["categorical.collision", "categorical.gini_simpson"])
def test_extreme_categorical_probabilities(rid):
    """Entries down to 1e-300 and n, t up to 10^6: float64 against mpmath at 50 digits."""
    r = theory.get(rid)
    p0 = [1 - 2e-300, 1e-300, 1e-300]
    for n, t in ((10**6, 10**6), (2, 1000), (10**9, 10**6)):
        x, y = r(p0=p0, n=n, t=t), r(p0=p0, n=n, t=t, dps=50)
        assert not math.isnan(x)
        if mpmath.mpf("1e-300") < abs(y) < mpmath.mpf("1e300"):
            assert math.isclose(x, float(y), rel_tol=1e-12)


def test_binomial_check_of_a_rare_event():
    """A proportion near 1 (two misses expected in 2000) is tested exactly, not by a normal z."""
    hits = np.ones(2000)
    hits[:2] = 0
    assert checks.binomial_z(hits, 0.999) == 0.0
    hits[:12] = 0
    assert checks.binomial_z(hits, 0.999) < -4
    with pytest.raises(ValueError, match="indicators"):
        checks.binomial_z(np.array([0.5, 1.0]), 0.5)
    with pytest.raises(ValueError, match="expected"):
        checks.binomial_z(hits, 1.5)

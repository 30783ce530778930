"""The generic Monte Carlo check of results derived from a declared model: a correct closed form
passes, a wrong one fails, and ``monte_carlo_checks`` / ``verify`` reach it through ``result.model``.

The results here are built with :func:`~modelcollapse.theory.engine.expectation_result` (the
closed form is derived lazily, on first use) and are not left in the registry: a test that needs
an id registers its result with ``monkeypatch`` (undone after the test), so the documentation
build and the other suites see only the package's own results.
"""

import importlib
import types

import pytest
import sympy as sp

from modelcollapse.numerics import checks
from modelcollapse.numerics.verify import FAMILY_ALPHA
from modelcollapse.theory import registry
from modelcollapse.theory.assumptions import IntegerAtLeast, OneOf, PositiveReal, RealNumber
from modelcollapse.theory.distributions import ChiSquare, Normal, Poisson
from modelcollapse.theory.engine import expectation_result
from modelcollapse.theory.model import Model
from modelcollapse.theory.symbols import Var
from modelcollapse.theory.symbols import t as generation

verify_module = importlib.import_module("modelcollapse.numerics.verify")

#: Each z-test here at the per-test rate of a verify run (as tests/test_checks.py).
ALPHA = FAMILY_ALPHA / 200
CHAINS = 20_000
POINT = dict(n=5, lam=2.0, t=3)

n, lam, theta, S = sp.symbols("n lam theta S")


@pytest.fixture(scope="module")
def poisson_model():
    return Model("test_check_poisson", params=[IntegerAtLeast("n", n, 1), PositiveReal("lam", lam)],
                 state={theta: lam}, draws={S: Poisson(n * theta)}, step={theta: S / n})


@pytest.fixture(scope="module")
def second_moment(poisson_model):
    """E[theta_t^2] = lam^2 + lam t / n, derived lazily by the engine."""
    return expectation_result(poisson_model, theta**2, "test_check_poisson.second_moment")


@pytest.fixture(scope="module")
def variance(poisson_model):
    """Var[theta_t] = lam t / n: not an expectation, so the check uses the delta method."""
    return expectation_result(poisson_model, None, "test_check_poisson.variance", lhs=Var(theta))


def _scaled(result, factor):
    return lambda **p: factor * result(**p)


def test_the_results_are_what_the_checks_assume(second_moment, variance):
    t = second_moment.symbols[-1]
    assert sp.simplify(second_moment.closed_form - (lam**2 + lam * t / n)) == 0
    assert sp.simplify(variance.closed_form - lam * t / n) == 0


@pytest.mark.parametrize("fixture", ["second_moment", "variance"])
def test_a_correct_closed_form_passes(request, fixture):
    r = request.getfixturevalue(fixture)
    c = checks.model_monte_carlo_check(r, POINT, CHAINS, seed=11, alpha=ALPHA)
    assert c.passed, c
    assert c.result_id == r.id and c.t == 3 and c.params == dict(n=5, lam=2.0) and c.chains == CHAINS
    assert c.closed_form == pytest.approx(r(**POINT)) and c.se > 0 and c.alpha == ALPHA


@pytest.mark.parametrize("fixture", ["second_moment", "variance"])
def test_a_closed_form_ten_percent_off_fails(request, fixture):
    r = request.getfixturevalue(fixture)
    c = checks.model_monte_carlo_check(r, POINT, CHAINS, seed=11, alpha=ALPHA, closed_form=_scaled(r, 1.1))
    assert not c.passed and abs(c.z) > checks.z_critical(ALPHA), c


def test_default_points_follow_the_assumptions(second_moment):
    assert checks.model_points(second_moment) == [dict(n=5, lam=1.0), dict(n=10, lam=2.0)]
    mu, sigma, Z, X, mu0, sigma0, ddof = sp.symbols("mu sigma Z X mu0 sigma0 ddof")
    m = Model("test_check_gaussian", params=[IntegerAtLeast("n", n, 4), OneOf("ddof", ddof, (0, 1)),
                                             RealNumber("mu0", mu0), PositiveReal("sigma0", sigma0)],
              state={mu: mu0, sigma: sigma0}, draws={Z: Normal(0, 1), X: ChiSquare(n - 1)},
              step={mu: mu + sigma * Z / sp.sqrt(n), sigma: sigma * sp.sqrt(X / (n - ddof))})
    # A result that does not take mu0: the simulation still gets one (the model needs it).
    r = expectation_result(m, sigma**2, "test_check_gaussian.variance",
                           assumptions=(IntegerAtLeast("n", n, 6), IntegerAtLeast("t", generation, 0),
                                        OneOf("ddof", ddof, (0, 1)), PositiveReal("sigma0", sigma0)))
    points = checks.model_points(r)
    assert points == [dict(n=6, ddof=0, sigma0=1.0, mu0=0.5), dict(n=10, ddof=1, sigma0=2.0, mu0=-0.5)]
    results = checks.model_monte_carlo_checks(r, CHAINS, ALPHA, seed=11)
    assert len(results) == len(points) * len(checks.MODEL_TS) and all(c.passed for c in results), results
    assert all("mu0" not in c.params for c in results)  # reported with the result's own parameters


def test_monte_carlo_checks_and_verify_reach_a_declared_result(monkeypatch, second_moment):
    rid = second_moment.id
    assert rid not in checks.SPECS
    monkeypatch.setitem(registry._RESULTS, rid, second_moment)
    assert checks.monte_carlo_test_count(rid) == 2 * len(checks.MODEL_TS)
    results = checks.monte_carlo_checks(rid, CHAINS, ALPHA, seed=11)
    assert len(results) == 4 and all(c.passed for c in results), results
    wrong = checks.monte_carlo_checks(rid, CHAINS, ALPHA, seed=11, closed_form=_scaled(second_moment, 1.1))
    assert not all(c.passed for c in wrong)
    report = verify_module.verify(ids=[rid], quick=True)
    (rep,) = report.results
    # the reference route generated from the same declaration agrees with the closed form
    assert report.passed and rep.reference["passed"] and rep.reference["max_rel_error"] < 1e-12
    assert len(rep.monte_carlo) == 4
    assert f"PASS  {rid}" in verify_module.format_table(report)


def test_bad_input(second_moment):
    with pytest.raises(ValueError, match="t is required"):
        checks.model_monte_carlo_check(second_moment, dict(n=5, lam=2.0), CHAINS, seed=1, alpha=ALPHA)
    with pytest.raises(ValueError, match="chains"):
        checks.model_monte_carlo_check(second_moment, POINT, 1, seed=1, alpha=ALPHA)
    with pytest.raises(ValueError, match="alpha"):
        checks.model_monte_carlo_check(second_moment, POINT, CHAINS, seed=1, alpha=1.5)
    with pytest.raises(ValueError, match="lam"):
        checks.model_monte_carlo_check(second_moment, dict(POINT, lam=-1.0), CHAINS, seed=1, alpha=ALPHA)
    hand_written = types.SimpleNamespace(id="hand.written", parameters=("n", "lam", "t"))  # no .model
    with pytest.raises(ValueError, match="declared model"):
        checks.model_monte_carlo_check(hand_written, dict(POINT), CHAINS, seed=1, alpha=ALPHA)
    with pytest.raises(ValueError, match="declared model"):
        checks.model_monte_carlo_checks(hand_written, CHAINS, ALPHA, seed=1)

"""The numerical checks: every result has one, correct formulas pass, wrong ones fail."""

import pytest

from modelcollapse import theory
from modelcollapse.numerics import checks
from modelcollapse.numerics.verify import FAMILY_ALPHA

IDS = [r.id for r in theory.results()]
CHAINS = 20_000


def test_every_registered_result_has_a_check():
    """A hand-written spec, or (for a declared model) the check generated from its declared law."""
    generated = {r.id for r in theory.results() if getattr(r, "model", None) is not None}
    own = {i for i in IDS if checks.own_check(i) is not None}
    assert set(checks.SPECS) | generated | own >= set(IDS)


def test_mean_and_se():
    import numpy as np
    rng = np.random.default_rng(0)
    x = rng.normal(2.0, 3.0, 200_000)
    m, se = checks.mean_and_se(x)
    assert abs(m - 2.0) < 5 * se and se == pytest.approx(3.0 / np.sqrt(x.size), rel=0.01)
    v, se_v = checks.mean_and_se(x, "variance")
    # Var of the sample variance of a normal: 2 sigma^4 / (m - 1).
    assert abs(v - 9.0) < 5 * se_v and se_v == pytest.approx(np.sqrt(2 * 81 / x.size), rel=0.02)
    with pytest.raises(ValueError, match="kind"):
        checks.mean_and_se(x, "median")


#: Searches over closed forms (an optimal weight, a critical fraction): no Monte Carlo of their own;
#: they are checked through the results they search over (tests/theory/test_mixing.py).
SEARCHES = [i for i in IDS if i in checks.SPECS and not checks.SPECS[i].points]


@pytest.mark.parametrize("rid", [i for i in IDS if i not in SEARCHES])
def test_closed_form_passes_monte_carlo(rid):
    if checks.monte_carlo_test_count(rid) == 0:
        pytest.skip("a theorem without a value: checked on exact values (its reference route)")
    # Each test here at the per-test level a verify run would use: family-wise FAMILY_ALPHA.
    alpha = FAMILY_ALPHA / 200
    results = checks.monte_carlo_checks(rid, CHAINS, alpha, seed=11)
    assert results and all(c.passed for c in results), [(c.t, c.params, c.z) for c in results if not c.passed]


@pytest.mark.parametrize("rid", [i for i in IDS if i in checks.SPECS and checks.SPECS[i].reference_ts])
def test_closed_form_passes_the_reference_route(rid):
    rep = checks.reference_check(rid)
    assert rep.passed and rep.max_rel_error <= checks.REFERENCE_RTOL


def _shifted(rid, **shift):
    r = theory.get(rid)

    def wrong(**p):
        q = dict(p)
        for k, v in shift.items():
            if k in q:
                q[k] = q[k] + v if k != "ddof" else 1 - q[k]
        return r(**q)
    return wrong


@pytest.mark.parametrize("rid,shift", [
    ("gaussian.variance", dict(n=1)), ("gaussian.std", dict(t=1)), ("gaussian.log_variance", dict(n=1)),
    ("gaussian.mean_drift", dict(ddof=1)), ("gaussian.w2", dict(t=1)), ("gaussian.kl", dict(n=1)),
    ("gaussian.variance_of_variance", dict(t=1)), ("gaussian.entropy", dict(n=1)),
    # the remedies checked by their literal workflows (no reference route)
    ("mixing.fresh_categorical", dict(n=1)), ("mixing.accumulate_subsample", dict(t=1)),
    ("mixing.golden_ratio", dict(n=1)), ("mixing.growing_samples", dict(t=1)),
])
def test_monte_carlo_rejects_a_wrong_formula(rid, shift):
    alpha = FAMILY_ALPHA / 200
    results = checks.monte_carlo_checks(rid, CHAINS, alpha, seed=11, closed_form=_shifted(rid, **shift))
    assert not all(c.passed for c in results)


def test_reference_rejects_a_wrong_formula():
    r = theory.get("gaussian.variance")

    def wrong(dps=None, **p):
        return r(dps=dps, **dict(p, n=p["n"] + 1))

    assert not checks.reference_check("gaussian.variance", closed_form=wrong).passed

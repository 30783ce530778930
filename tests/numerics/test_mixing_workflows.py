"""The remedies' literal workflows (pools of actual samples) against the declared laws (two-sample
Kolmogorov-Smirnov tests at a false-alarm rate ALPHA each) and against the exact values (z-tests)."""

import numpy as np
import pytest
from scipy import stats

from modelcollapse import theory
from modelcollapse.numerics import mixing_workflows as wf
from modelcollapse.numerics.checks import mean_and_se, z_critical
from modelcollapse.theory.accumulation import ACCUMULATE
from modelcollapse.theory.fresh_data import FRESH_GAUSSIAN

ALPHA = 1e-4
CHAINS = 6000


@pytest.mark.parametrize("lam,ddof", [(0.2, 0), (0.5, 1)])
def test_fresh_gaussian_workflow_has_the_declared_law(lam, ddof):
    mu, sigma = wf.fresh_gaussian_workflow(10, lam, 3, ddof, 1.5, CHAINS, seed=1, mu0=0.7)
    declared = FRESH_GAUSSIAN.simulate(t=3, chains=CHAINS, seed=2, n=10, lam=lam, ddof=ddof, sigma0=1.5)
    assert stats.ks_2samp(sigma[3], declared["sigma"][3]).pvalue > ALPHA
    assert stats.ks_2samp(mu[3] - 0.7, declared["d"][3]).pvalue > ALPHA


def test_accumulate_workflow_has_the_declared_law():
    mu, sigma = wf.accumulate_gaussian_workflow(5, 4, 1.0, CHAINS, seed=3)
    declared = ACCUMULATE.simulate(t=4, chains=CHAINS, seed=4, n=5, sigma0=1.0)
    for g in (1, 2, 4):
        assert stats.ks_2samp(sigma[g], declared["sigma"][g]).pvalue > ALPHA
        assert stats.ks_2samp(mu[g], declared["d"][g]).pvalue > ALPHA


def test_subsample_differs_from_the_whole_pool():
    """Fitting n of the pool loses more variance than fitting all of it: the two workflows and the two
    exact values are told apart."""
    _, whole = wf.accumulate_gaussian_workflow(4, 4, 1.0, 20_000, seed=5)
    _, sub = wf.accumulate_subsample_workflow(4, 4, 1.0, 20_000, seed=6)
    crit = z_critical(ALPHA)
    for sample, rid in ((whole, "mixing.accumulate_gaussian"), (sub, "mixing.accumulate_subsample")):
        est, se = mean_and_se(sample[4] ** 2)
        assert abs(est - theory.get(rid)(n=4, t=4, sigma0=1.0)) <= crit * se
    assert theory.get("mixing.accumulate_subsample")(n=4, t=4, sigma0=1.0) < theory.get(
        "mixing.accumulate_gaussian")(n=4, t=4, sigma0=1.0)


def test_fresh_categorical_keeps_every_category():
    """For lam > 0 every path keeps p_{i,t} >= lam p0_i; without fresh data categories are lost."""
    p0 = np.array([0.9, 0.07, 0.03])
    mixed = wf.fresh_categorical_workflow(p0, 5, 0.1, 30, 2000, seed=7)
    assert np.all(mixed >= 0.1 * p0 - 1e-12)
    plain = wf.fresh_categorical_workflow(p0, 5, 0.0, 30, 2000, seed=7)
    assert np.any(plain[-1] == 0)


def test_workflow_shapes_and_bad_input():
    assert wf.golden_ratio_workflow(0.5, 3, 4, 2, 1.0, 7, seed=1).shape == (3, 7)
    assert wf.growing_samples_workflow([3, 5], 0, 1.0, 4, seed=1)[1].shape == (3, 4)
    with pytest.raises(ValueError, match="lam"):
        wf.fresh_gaussian_workflow(10, 0.25, 2, 0, 1.0, 5)
    with pytest.raises(ValueError, match="sizes"):
        wf.growing_samples_workflow([3, 1], 0, 1.0, 4)
    with pytest.raises(ValueError, match="chains"):
        wf.accumulate_gaussian_workflow(4, 2, 1.0, 0)

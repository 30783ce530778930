"""The literal sampling workflows (draw through the transform, refit) against the declared laws
and the closed forms (issue 12). Two-sided tests at 1e-4 false-alarm rate, seeded."""

import math

import numpy as np
import pytest
from scipy import stats

from modelcollapse import theory
from modelcollapse.numerics.declared import simulate_model
from modelcollapse.numerics.workflows import (best_of_k_workflow, curation_workflow, temperature_workflow,
                                              truncation_workflow)
from modelcollapse.theory import sampling_gaussian as SG

CHAINS = 20_000
Z = stats.norm.isf(1e-4 / 2)

CASES = [
    ("sampling.temperature_gaussian", SG.TEMPERATURE, temperature_workflow, dict(tau=0.7), "tau"),
    ("sampling.truncation_gaussian", SG.TRUNCATION, truncation_workflow, dict(a=1.2), "a"),
    ("sampling.best_of_k", SG.BEST_OF_K, best_of_k_workflow, dict(k=4), "k"),
]


@pytest.mark.parametrize("rid,model,workflow,extra,name", CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("ddof", [0, 1])
def test_workflow_mean_variance_matches_the_closed_form(rid, model, workflow, extra, name, ddof):
    n, t = 6, 3
    mu, sigma = workflow(n=n, t=t, chains=CHAINS, sigma0=1.5, mu0=0.3, ddof=ddof, seed=5, **extra)
    r = theory.get(rid)
    for g in (1, t):
        values = sigma[g] ** 2
        z = (values.mean() - r(n=n, t=g, ddof=ddof, sigma0=1.5, **extra)) / (values.std(ddof=1) / math.sqrt(CHAINS))
        assert abs(z) < Z, (g, z)


@pytest.mark.parametrize("rid,model,workflow,extra,name", CASES, ids=[c[0] for c in CASES])
def test_workflow_and_declared_law_agree_in_distribution(rid, model, workflow, extra, name):
    """The declared scale law sigma' = sigma sqrt(V / (n - ddof)) against fitting the samples."""
    n = 5
    _, sigma = workflow(n=n, t=2, chains=CHAINS, sigma0=2.0, ddof=0, seed=8, **extra)
    declared = simulate_model(model, t=2, chains=CHAINS, seed=9, n=n, ddof=0, sigma0=2.0, **extra)["sigma"]
    for g in (1, 2):
        assert stats.ks_2samp(sigma[g], declared[g]).pvalue > 1e-4


def test_the_agreement_test_tells_a_wrong_law_apart():
    _, sigma = truncation_workflow(n=5, a=1.2, t=1, chains=CHAINS, ddof=0, seed=8)
    declared = simulate_model(SG.TRUNCATION, t=1, chains=CHAINS, seed=9, n=5, ddof=0, sigma0=1.0, a=1.5)["sigma"]
    assert stats.ks_2samp(sigma[1], declared[1]).pvalue < 1e-4


def test_best_of_k_mean_drifts_up_by_m_k_sigma():
    mu, sigma = best_of_k_workflow(n=8, k=3, t=1, chains=CHAINS, sigma0=2.0, mu0=1.0, seed=4)
    drift = mu[1] - mu[0]
    expected = float(SG.MaxNormalMean(3)) * 2.0
    assert abs(drift.mean() - expected) < Z * drift.std(ddof=1) / math.sqrt(CHAINS)


def test_critical_temperature_mean_kept_yet_runs_collapse():
    n, ddof = 5, 0
    tau = (n - ddof) / (n - 1)
    _, sigma = temperature_workflow(n=n, tau=tau, t=60, chains=4000, sigma0=1.0, ddof=ddof, seed=2)
    log_mean = np.log(sigma[60] ** 2).mean()
    expected = theory.get("sampling.temperature_critical_collapse")(n=n, t=60, ddof=ddof, sigma0=1.0)
    assert abs(log_mean - expected) < Z * np.log(sigma[60] ** 2).std(ddof=1) / math.sqrt(4000)
    assert np.median(sigma[60] ** 2) < 0.01


def test_curation_never_revives_a_lost_category():
    p = curation_workflow((0.4, 0.3, 0.2, 0.1, 0.0), n=5, t=10, chains=2000, seed=1)
    assert p.shape == (11, 2000, 5)
    assert np.allclose(p.sum(axis=2), 1)
    lost = p[:-1] == 0
    assert lost.any() and not (lost & (p[1:] > 0)).any()


@pytest.mark.parametrize("call,name", [
    (lambda: temperature_workflow(n=5, tau=0.0, t=1, chains=2), "tau"),
    (lambda: truncation_workflow(n=5, a=-1.0, t=1, chains=2), "a"),
    (lambda: best_of_k_workflow(n=5, k=0, t=1, chains=2), "k"),
    (lambda: best_of_k_workflow(n=1, k=2, t=1, chains=2), "n"),
    (lambda: temperature_workflow(n=5, tau=1.0, t=1, chains=2, ddof=2), "ddof"),
    (lambda: curation_workflow((0.5, 0.6), n=5, t=1, chains=2), "p0"),
])
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()


def test_the_curation_check_rejects_a_revival():
    """The proportion test behind sampling.curation_support fails as soon as one chain revives a category."""
    from modelcollapse.numerics import checks
    p = curation_workflow((0.5, 0.5, 0.0), n=4, t=3, chains=500, seed=2)
    assert checks.binomial_z(checks._revived(p, 3), 0.0) == 0.0
    p[2, 7] = (0.4, 0.4, 0.2)  # a smoothed refit that puts mass back on the lost category
    assert checks.binomial_z(checks._revived(p, 3), 0.0) == np.inf

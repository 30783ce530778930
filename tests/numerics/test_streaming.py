"""Streaming Monte Carlo: merged moments equal the moments of all chains at once, estimates
agree with the closed forms, and peak memory does not grow with the number of chains."""

import tracemalloc

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from modelcollapse import theory
from modelcollapse.numerics import streaming as S
from modelcollapse.numerics.checks import skew_corrected_z, z_critical
from modelcollapse.theory.model import get_model

#: Each z-test here at a false-alarm rate of 1e-6.
CRIT = z_critical(1e-6)


@given(st.lists(st.floats(-1e3, 1e3), min_size=4, max_size=60), st.integers(2, 58))
def test_merged_moments_equal_the_moments_of_the_whole_sample(xs, cut):
    x = np.array(xs)
    cut = min(cut, x.size - 2)
    whole = S.Moments.of(x)
    merged = S.Moments.of(x[:cut]).merge(S.Moments.of(x[cut:]))
    d = x - x.mean()
    scale = 1 + np.abs(d).max()
    for got, want, power in ((merged.mean, x.mean(), 1), (merged.m2, (d**2).sum(), 2), (merged.m3, (d**3).sum(), 3),
                             (merged.m4, (d**4).sum(), 4)):
        assert abs(got - want) <= 1e-9 * x.size * scale**power, (power, got, want)
    assert abs(whole.m2 - merged.m2) <= 1e-9 * x.size * scale**2


def test_streamed_statistics_are_those_of_the_concatenated_batches():
    chains, batch = 2500, 1000  # batches of 1000, 1000 and 500
    s = S.stream_gaussian(n=5, t=3, chains=chains, ddof=1, seed=4, batch_chains=batch)
    seeds = S.batch_seeds(4, 3)
    parts = [S.gaussian_batch(size, sd, 5, 3, 1, 0.0, 1.0) for size, sd in zip((1000, 1000, 500), seeds)]
    variance = np.concatenate([p["variance"] for p in parts], axis=1)
    assert s.chains == chains and s.batches == 3
    for g in range(4):
        est, se = s.estimate("variance", g)
        assert est == pytest.approx(variance[g].mean(), rel=1e-12)
        if g:
            assert se == pytest.approx(variance[g].std(ddof=1) / np.sqrt(chains), rel=1e-9)
            assert s.z("variance", g, 1.0) == pytest.approx(skew_corrected_z(variance[g], 1.0), rel=1e-9, abs=1e-12)


def test_streamed_estimates_agree_with_the_closed_forms():
    r = theory.get("gaussian.variance")
    s = S.stream_gaussian(n=8, t=6, chains=30_000, ddof=0, sigma0=1.5, seed=12, batch_chains=4096)
    for g in (1, 3, 6):
        assert abs(s.z("variance", g, r(n=8, t=g, ddof=0, sigma0=1.5))) < CRIT
    gini = theory.get("categorical.gini_simpson")
    c = S.stream_categorical([0.5, 0.3, 0.2], n=10, t=5, chains=20_000, seed=5, batch_chains=4096)
    for g in (1, 5):
        assert abs(c.z("collision", g, 1 - gini(p0=[0.5, 0.3, 0.2], n=10, t=g))) < CRIT
    p, se = c.estimate("p", 5)
    assert np.all(np.abs(p - [0.5, 0.3, 0.2]) < CRIT * se)  # the distribution is a martingale


def test_a_declared_model_streams_too():
    s = S.stream_model(get_model("poisson"), t=3, chains=20_000, seed=8, batch_chains=4096, n=5, theta0=2.0,
                       functionals={"theta": "theta"})
    assert abs(s.z("theta", 3, 2.0)) < CRIT  # a Poisson refit is a martingale


def _peak_bytes(chains):
    tracemalloc.start()
    S.stream_gaussian(n=10, t=20, chains=chains, seed=1, batch_chains=2048)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def test_peak_memory_does_not_grow_with_the_number_of_chains():
    small, large = _peak_bytes(4 * 2048), _peak_bytes(32 * 2048)
    assert large < 1.25 * small, (small, large)


@pytest.mark.parametrize("call, needle", [
    (lambda: S.stream_gaussian(n=10, t=2, chains=1), "chains"),
    (lambda: S.stream_gaussian(n=10, t=2, chains=100, batch_chains=1), "batch_chains"),
    (lambda: S.stream_gaussian(n=1, t=2, chains=100), "n"),
    (lambda: S.stream_gaussian(n=10, t=2, chains=100, seed=-1), "seed"),
    (lambda: S.stream_gaussian(n=10, t=2, chains=100, workers=0), "workers"),
    (lambda: S.stream_categorical([0.5, 0.6], n=10, t=2, chains=100), "p0"),
    (lambda: S.stream_gaussian(n=10, t=2, chains=100, seed=1).estimate("nope", 1), "name"),
    (lambda: S.stream_gaussian(n=10, t=2, chains=100, seed=1).estimate("mu", 7), "g")])
def test_bad_input(call, needle):
    with pytest.raises(ValueError, match=needle):
        call()

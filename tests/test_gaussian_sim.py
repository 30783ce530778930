"""The simulator: shapes, bad input, reproducibility, and the two paths agreeing in distribution."""

import numpy as np
import pytest
from scipy import stats

from modelcollapse.numerics import simulate_gaussian
from modelcollapse.numerics.streams import stream

#: Level of each two-sample test below; with 8 tests the chance of a false alarm is < 1%.
KS_ALPHA = 1e-3


def test_shapes_and_initial_state():
    p = simulate_gaussian(n=7, t=4, chains=11, ddof=1, mu0=2.0, sigma0=3.0, seed=5)
    assert p.mu.shape == p.sigma.shape == (5, 11)
    assert np.all(p.mu[0] == 2.0) and np.all(p.sigma[0] == 3.0)
    assert p.t == 4 and p.chains == 11 and p.n == (7,) * 4


def test_same_seed_same_numbers_and_t0_is_trivial():
    a = simulate_gaussian(10, 3, 100, seed=42)
    b = simulate_gaussian(10, 3, 100, seed=42)
    assert np.array_equal(a.sigma, b.sigma) and np.array_equal(a.mu, b.mu)
    assert simulate_gaussian(10, 0, 3, seed=1).sigma.shape == (1, 3)


@pytest.mark.parametrize("kwargs,name", [
    (dict(n=1), "n"), (dict(n=2.5), "n"), (dict(t=-1), "t"), (dict(chains=0), "chains"),
    (dict(ddof=2), "ddof"), (dict(sigma0=0.0), "sigma0"), (dict(sigma0=float("nan")), "sigma0"),
    (dict(mu0=float("inf")), "mu0"), (dict(method="fast"), "method"), (dict(seed=-3), "seed"),
    (dict(n=[5, 1, 5]), "n"), (dict(n=[5, 5]), "n"),
])
def test_bad_input_names_the_parameter(kwargs, name):
    args = dict(n=5, t=3, chains=4)
    args.update(kwargs)
    with pytest.raises(ValueError, match=name):
        simulate_gaussian(**args)


@pytest.mark.parametrize("ddof", [0, 1])
@pytest.mark.parametrize("n", [2, 6])
def test_exact_and_samples_paths_agree_in_distribution(n, ddof):
    t, chains = 3, 4000
    a = simulate_gaussian(n, t, chains, ddof=ddof, sigma0=1.3, mu0=0.4, seed=stream(7, "exact", n, ddof))
    b = simulate_gaussian(n, t, chains, ddof=ddof, sigma0=1.3, mu0=0.4, seed=stream(7, "samples", n, ddof),
                          method="samples")
    for arr in ("sigma", "mu"):
        res = stats.ks_2samp(getattr(a, arr)[t], getattr(b, arr)[t])
        assert res.pvalue > KS_ALPHA, (arr, res)


def test_a_wrong_path_is_detected_by_the_same_test():
    """Power check for the test above: a path fitted with the other ddof is told apart."""
    t, chains = 3, 4000
    a = simulate_gaussian(6, t, chains, ddof=0, seed=1)
    b = simulate_gaussian(6, t, chains, ddof=1, seed=2, method="samples")
    assert stats.ks_2samp(a.sigma[t], b.sigma[t]).pvalue < KS_ALPHA


def test_schedule_uses_each_size_once():
    p = simulate_gaussian([3, 50, 50], 2, 5, seed=0)
    assert p.n == (3, 50)

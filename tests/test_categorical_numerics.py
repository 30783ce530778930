"""Groundwork for the categorical family: the simulator against the exact Wright-Fisher chain."""

import math

import mpmath
import numpy as np
import pytest
from scipy import stats

from modelcollapse.numerics.categorical_sim import simulate_categorical
from modelcollapse.numerics.streams import stream
from modelcollapse.numerics.wright_fisher import (absorption_times, count_distribution, survival,
                                                  transition_matrix)

#: Per-test level of the z-tests below.
ALPHA = 1e-4
Z = float(stats.norm.isf(ALPHA / 2))


def test_shapes_and_generation_zero():
    path = simulate_categorical([0.25, 0.25, 0.5, 0.0], n=8, t=3, chains=5, seed=0)
    assert path.counts.shape == (4, 5, 4) and path.t == 3 and path.chains == 5
    assert np.allclose(path.p[0], [0.25, 0.25, 0.5, 0.0])
    assert np.all(path.counts[1:].sum(axis=2) == 8)
    assert np.all(path.counts[1:, :, 3] == 0)  # a lost category never returns


@pytest.mark.parametrize("kwargs,name", [
    (dict(p0=[0.5, 0.6]), "p0"), (dict(p0=[1.2, -0.2]), "p0"), (dict(p0=[]), "p0"), (dict(p0="ab"), "p0"),
    (dict(p0=[float("nan"), 1.0]), "p0"), (dict(n=0), "n"), (dict(t=-1), "t"), (dict(chains=0), "chains"),
    (dict(method="fast"), "method"), (dict(t=10**6, chains=10**4), "chains"),
])
def test_bad_input(kwargs, name):
    args = dict(p0=[0.5, 0.5], n=5, t=2, chains=3)
    args.update(kwargs)
    with pytest.raises(ValueError, match=name):
        simulate_categorical(**args)


def test_exact_and_samples_paths_agree_in_distribution():
    p0 = [0.5, 0.3, 0.2]
    a = simulate_categorical(p0, 12, 3, 3000, seed=stream(1, "cat-exact"))
    b = simulate_categorical(p0, 12, 3, 3000, seed=stream(1, "cat-samples"), method="samples")
    for i in range(3):
        ca = np.bincount(a.counts[3, :, i], minlength=13)
        cb = np.bincount(b.counts[3, :, i], minlength=13)
        keep = (ca + cb) > 0
        assert stats.chi2_contingency(np.vstack([ca[keep], cb[keep]]))[1] > ALPHA


@pytest.mark.parametrize("n,p,t", [(10, 0.3, 1), (10, 0.3, 6), (20, 0.05, 4), (7, 1 / 7, 10)])
def test_survival_matches_simulation(n, p, t):
    """The fraction of chains where the category is present vs the exact chain."""
    chains = 20000
    path = simulate_categorical([p, 1 - p], n, t, chains, seed=stream(2, n, p, t))
    present = (path.counts[t, :, 0] > 0).mean()
    exact = survival(n, p, t)
    se = math.sqrt(exact * (1 - exact) / chains)
    assert abs(present - exact) <= Z * se + 1e-12


def test_mean_is_conserved_by_simulation_and_chain():
    p0 = np.array([0.6, 0.3, 0.1])
    path = simulate_categorical(p0, 10, 5, 20000, seed=4)
    p5 = path.p[5]
    se = p5.std(axis=0, ddof=1) / math.sqrt(p5.shape[0])
    assert np.all(np.abs(p5.mean(axis=0) - p0) <= Z * se)
    v = count_distribution(10, 6, 5)
    assert v @ np.arange(11) == pytest.approx(6, rel=1e-12)


@pytest.mark.parametrize("n", [1, 2, 9, 30])
def test_transition_matrix_and_absorption(n):
    P = transition_matrix(n)
    assert np.allclose(P.sum(axis=1), 1)
    assert P[0, 0] == 1 and P[n, n] == 1
    tau = absorption_times(n)
    assert tau[0] == 0 and tau[n] == 0
    assert np.allclose(tau[1:-1], 1 + P[1:-1] @ tau)


def test_float_and_mpmath_agree():
    tm = absorption_times(12, dps=40)
    tf = absorption_times(12)
    assert all(abs(float(tm[i]) - tf[i]) <= 1e-12 * max(1, abs(tf[i])) for i in range(13))
    assert abs(float(survival(12, 0.25, 9, dps=40)) - survival(12, 0.25, 9)) < 1e-13


def test_survival_decreases_in_t():
    s = [survival(15, 0.2, t) for t in range(30)]
    assert all(a >= b for a, b in zip(s, s[1:])) and s[0] == 1


@pytest.mark.parametrize("call,name", [
    (lambda: transition_matrix(0), "n"), (lambda: transition_matrix(10**5), "n"),
    (lambda: survival(10, 0.33, 2), "p"), (lambda: survival(10, 1.5, 2), "p"),
    (lambda: count_distribution(10, 11, 2), "c0"), (lambda: count_distribution(10, 3, -1), "t"),
    (lambda: transition_matrix(5, dps=0), "dps"),
])
def test_exact_chain_bad_input(call, name):
    with pytest.raises(ValueError, match=name):
        call()

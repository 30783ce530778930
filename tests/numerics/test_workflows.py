"""The literal workflows (draw the samples, fit them): shapes, seeding, bad input, and their
moments against the exact values (z-tests at a two-sided false-alarm rate Z_ALPHA = 1e-4 each)."""

import numpy as np
import pytest

from modelcollapse.numerics import workflows
from modelcollapse.numerics.checks import mean_and_se, z_critical
from modelcollapse.numerics.streams import CHAIN_BLOCK
from modelcollapse.numerics.workflows import exponential_workflow, poisson_workflow

Z_ALPHA = 1e-4
CHAINS = 20_000
WORKFLOWS = [poisson_workflow, exponential_workflow]


@pytest.mark.parametrize("workflow", WORKFLOWS)
def test_shapes_and_generation_zero(workflow):
    theta = workflow(n=4, theta0=1.5, t=3, chains=9, seed=1)
    assert theta.shape == (4, 9) and theta.dtype == np.float64
    assert np.all(theta[0] == 1.5)
    assert workflow(4, 1.5, 0, 2, seed=1).shape == (1, 2)


@pytest.mark.parametrize("workflow", WORKFLOWS)
def test_same_seed_same_numbers(workflow):
    a = workflow(5, 2.0, 3, 300, seed=7)
    assert np.array_equal(a, workflow(5, 2.0, 3, 300, seed=7))
    assert not np.array_equal(a, workflow(5, 2.0, 3, 300, seed=8))
    # Each block of chains has its own stream: the first block does not depend on how many follow.
    assert np.array_equal(a[:, :CHAIN_BLOCK], workflow(5, 2.0, 3, CHAIN_BLOCK, seed=7))


def test_poisson_fit_is_a_sample_mean():
    theta = poisson_workflow(6, 3.0, 2, 1000, seed=3)
    assert np.allclose(theta[1:] * 6, np.rint(theta[1:] * 6)) and np.all(theta >= 0)


@pytest.mark.parametrize("workflow,n_lower", [(poisson_workflow, 1), (exponential_workflow, 2)])
@pytest.mark.parametrize("kwargs,name", [
    (dict(n="low"), "n"), (dict(n=2.0), "n"), (dict(theta0=0.0), "theta0"), (dict(theta0=-1.0), "theta0"),
    (dict(theta0=float("inf")), "theta0"), (dict(t=-1), "t"), (dict(t=1.5), "t"), (dict(chains=0), "chains"),
    (dict(seed=-2), "seed"),
])
def test_bad_input_names_the_parameter(workflow, n_lower, kwargs, name):
    args = dict(n=5, theta0=1.0, t=2, chains=3, seed=1)
    args.update(kwargs)
    if args["n"] == "low":
        args["n"] = n_lower - 1
    with pytest.raises(ValueError, match=name):
        workflow(**args)


def _z(values, expected, kind="mean"):
    est, se = mean_and_se(values, kind)
    return (est - expected) / se


def test_poisson_moments_are_exact():
    """theta_t is a martingale with Var[theta_t] = theta0 t / n (Poisson sums are Poisson)."""
    n, theta0, t = 10, 2.0, 3
    theta = poisson_workflow(n, theta0, t, CHAINS, seed=21)[t]
    crit = z_critical(Z_ALPHA)
    assert abs(_z(theta, theta0)) <= crit
    assert abs(_z(theta, theta0 * t / n, "variance")) <= crit


def test_exponential_mean_is_exact():
    """E[theta_{t+1} | theta_t] = n theta_t E[1/G] = theta_t n / (n - 1), G ~ Gamma(n, 1)."""
    n, theta0, t = 10, 2.0, 3
    theta = exponential_workflow(n, theta0, t, CHAINS, seed=22)[t]
    assert abs(_z(theta, theta0 * (n / (n - 1)) ** t)) <= z_critical(Z_ALPHA)


def test_samples_drawn_in_column_chunks_keep_the_law(monkeypatch):
    """With a tiny memory budget each block draws its n samples in chunks of 3 columns: other
    numbers, the same law."""
    monkeypatch.setattr(workflows, "WORKFLOW_BATCH_FLOATS", 3 * CHAIN_BLOCK)
    n, theta0, t = 10, 2.0, 2
    theta = poisson_workflow(n, theta0, t, CHAINS, seed=23)
    assert np.allclose(theta[1:] * n, np.rint(theta[1:] * n))
    assert abs(_z(theta[t], theta0 * t / n, "variance")) <= z_critical(Z_ALPHA)
    rate = exponential_workflow(n, theta0, t, CHAINS, seed=24)[t]
    assert abs(_z(rate, theta0 * (n / (n - 1)) ** t)) <= z_critical(Z_ALPHA)

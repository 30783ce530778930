"""The simulator generated from a declaration: agreement in distribution with the literal
workflows, shapes, seeding, batch independence, schedules and bad input.

Two-sample z-tests compare the declared law (which draws a sufficient statistic) with the
literal workflow (which draws every sample and fits it): the mean and the variance of the
fitted parameter at generation t, each test at a two-sided false-alarm rate Z_ALPHA = 1e-4,
so the 10 agreement tests below raise a false alarm with probability below 1e-3 (and the
seeds are fixed).
"""

import numpy as np
import pytest
import sympy as sp

from modelcollapse.numerics.categorical_sim import simulate_categorical
from modelcollapse.numerics.checks import mean_and_se, z_critical
from modelcollapse.numerics.declared import CHAIN_BLOCK, simulate_model, simulate_model_params
from modelcollapse.numerics.gaussian_sim import simulate_gaussian
from modelcollapse.numerics.streams import stream
from modelcollapse.numerics.workflows import exponential_workflow, poisson_workflow
from modelcollapse.theory.assumptions import IntegerAtLeast, IntegerSequence, OneOf, PositiveReal, Probability
from modelcollapse.theory.distributions import Binomial, ChiSquare, Gamma, Multinomial, Normal, Poisson
from modelcollapse.theory.model import Model
from modelcollapse.theory.symbols import t as generation

Z_ALPHA = 1e-4
CHAINS = 20_000
N, THETA0, T = 10, 2.0, 3

n, lam, theta, S, G, theta0 = sp.symbols("n lam theta S G theta0")


@pytest.fixture(scope="module")
def poisson_model():
    return Model("test_poisson_sim", params=[IntegerAtLeast("n", n, 1), PositiveReal("lam", lam)],
                 state={theta: lam}, draws={S: Poisson(n * theta)}, step={theta: S / n})


@pytest.fixture(scope="module")
def exponential_model():
    # sum of n Exponential(rate theta) = G / theta with G ~ Gamma(n, 1): the MLE n / sum is n theta / G.
    return Model("test_exp_sim", params=[IntegerAtLeast("n", n, 2), PositiveReal("theta0", theta0)],
                 state={theta: theta0}, draws={G: Gamma(n, 1)}, step={theta: n * theta / G})


def two_sample_z(a, b, kind):
    """z-score of the difference of two independent estimates (mean or variance) with their SEs."""
    ea, sa = mean_and_se(a, kind)
    eb, sb = mean_and_se(b, kind)
    return (ea - eb) / np.hypot(sa, sb)


@pytest.mark.parametrize("kind", ["mean", "variance"])
def test_poisson_declaration_agrees_with_the_literal_workflow(poisson_model, kind):
    declared = simulate_model(poisson_model, t=T, chains=CHAINS, seed=stream(3, "declared-poisson"), n=N, lam=THETA0)
    literal = poisson_workflow(N, THETA0, T, CHAINS, seed=stream(3, "workflow-poisson"))
    z = two_sample_z(declared["theta"][T], literal[T], kind)
    assert abs(z) <= z_critical(Z_ALPHA), z


@pytest.mark.parametrize("kind", ["mean", "variance"])
def test_exponential_declaration_agrees_with_the_literal_workflow(exponential_model, kind):
    declared = simulate_model(exponential_model, t=T, chains=CHAINS, seed=stream(3, "declared-exp"), n=N,
                              theta0=THETA0)
    literal = exponential_workflow(N, THETA0, T, CHAINS, seed=stream(3, "workflow-exp"))
    z = two_sample_z(declared["theta"][T], literal[T], kind)
    assert abs(z) <= z_critical(Z_ALPHA), z


def test_the_agreement_test_tells_a_wrong_law_apart(poisson_model):
    """Power of the test above: the literal workflow with 8 samples instead of 10 is detected
    (the variance of theta_3 is lam t / n: 0.75 against 0.6)."""
    declared = simulate_model(poisson_model, t=T, chains=CHAINS, seed=stream(3, "declared-poisson"), n=N, lam=THETA0)
    literal = poisson_workflow(8, THETA0, T, CHAINS, seed=stream(3, "workflow-poisson"))
    assert abs(two_sample_z(declared["theta"][T], literal[T], "variance")) > z_critical(Z_ALPHA)


@pytest.mark.parametrize("ddof", [0, 1])
def test_normal_and_chisquare_draws_agree_with_the_gaussian_samples_path(ddof):
    mu, sigma, Z, X, mu0_, sigma0_, dd = sp.symbols("mu sigma Z X mu0 sigma0 ddof")
    m = Model(f"test_declared_gaussian_{ddof}", params=[IntegerAtLeast("n", n, 2), OneOf("ddof", dd, (0, 1)),
                                                        PositiveReal("mu0", mu0_), PositiveReal("sigma0", sigma0_)],
              state={mu: mu0_, sigma: sigma0_}, draws={Z: Normal(0, 1), X: ChiSquare(n - 1)},
              step={mu: mu + sigma * Z / sp.sqrt(n), sigma: sigma * sp.sqrt(X / (n - dd))})
    declared = simulate_model(m, t=T, chains=CHAINS, seed=stream(4, "declared-gauss", ddof), n=6, ddof=ddof, mu0=0.5,
                              sigma0=1.5)
    literal = simulate_gaussian(6, T, CHAINS, ddof=ddof, mu0=0.5, sigma0=1.5, seed=stream(4, "samples-gauss", ddof),
                                method="samples")
    for name, arr in (("mu", literal.mu), ("sigma", literal.sigma)):
        z = two_sample_z(declared[name][T], arr[T], "mean")
        assert abs(z) <= z_critical(Z_ALPHA), (name, z)


def test_binomial_draws_agree_with_the_categorical_samples_path():
    p, p0, C = sp.symbols("p p0 C")
    m = Model("test_declared_wright_fisher", params=[IntegerAtLeast("n", n, 1), Probability("p0", p0)],
              state={p: p0}, draws={C: Binomial(n, p)}, step={p: C / n})
    declared = simulate_model(m, t=T, chains=CHAINS, seed=stream(5, "declared-wf"), n=12, p0=0.3)["p"][T]
    literal = simulate_categorical([0.3, 0.7], 12, T, CHAINS, seed=stream(5, "samples-wf"),
                                   method="samples").at(T)[:, 0]
    z = two_sample_z(declared * (1 - declared), literal * (1 - literal), "mean")  # heterozygosity
    assert abs(z) <= z_critical(Z_ALPHA), z


def test_shapes_generation_zero_and_dtype(poisson_model, exponential_model):
    out = simulate_model(poisson_model, t=4, chains=7, seed=1, n=3, lam=1.5)
    assert set(out) == {"theta"}
    assert out["theta"].shape == (5, 7) and out["theta"].dtype == np.float64
    assert np.all(out["theta"][0] == 1.5)
    assert np.allclose(out["theta"][1:] * 3, np.rint(out["theta"][1:] * 3))  # a count over n
    assert simulate_model(exponential_model, t=0, chains=2, seed=1, n=2, theta0=0.5)["theta"].shape == (1, 2)
    assert poisson_model.simulate(t=2, chains=3, seed=1, n=3, lam=1.5)["theta"].shape == (3, 3)


def test_same_seed_same_numbers(poisson_model):
    a = simulate_model(poisson_model, t=3, chains=500, seed=42, n=5, lam=2.0)["theta"]
    b = simulate_model(poisson_model, t=3, chains=500, seed=42, n=5, lam=2.0)["theta"]
    c = simulate_model(poisson_model, t=3, chains=500, seed=43, n=5, lam=2.0)["theta"]
    assert np.array_equal(a, b) and not np.array_equal(a, c)
    g = simulate_model(poisson_model, t=3, chains=500, seed=np.random.Generator(np.random.PCG64(42)), n=5, lam=2.0)
    assert np.array_equal(g["theta"], a)  # an int seed and the Generator it names give the same numbers


@pytest.mark.parametrize("batch_chains", [1, CHAIN_BLOCK, 3 * CHAIN_BLOCK, 10**6])
def test_results_do_not_depend_on_the_batch_size(exponential_model, batch_chains):
    chains = 4 * CHAIN_BLOCK + 17  # a partial last block
    reference = simulate_model(exponential_model, t=4, chains=chains, seed=9, n=4, theta0=1.0)["theta"]
    batched = simulate_model_params(exponential_model, dict(n=4, theta0=1.0), 4, chains, seed=9,
                                    batch_chains=batch_chains)["theta"]
    assert np.array_equal(reference, batched)


def test_schedule_entries_are_read_at_the_generation():
    ns = sp.IndexedBase("ns")
    m = Model("test_declared_schedule", params=[IntegerSequence("ns", ns, 1), PositiveReal("lam", lam)],
              state={theta: lam}, draws={S: Poisson(ns[generation] * theta)}, step={theta: S / ns[generation]})
    out = simulate_model(m, t=2, chains=2000, seed=2, ns=(3, 7, 1000), lam=4.0)["theta"]
    assert np.allclose(out[1] * 3, np.rint(out[1] * 3))   # refit 0 used ns[0] = 3 samples
    assert np.allclose(out[2] * 7, np.rint(out[2] * 7))   # refit 1 used ns[1] = 7
    assert not np.allclose(out[2] * 3, np.rint(out[2] * 3))
    with pytest.raises(ValueError, match="ns"):
        simulate_model(m, t=3, chains=2, seed=2, ns=(3, 7), lam=4.0)
    with pytest.raises(ValueError, match="ns"):
        simulate_model(m, t=1, chains=2, seed=2, ns=(3, 0), lam=4.0)


@pytest.mark.parametrize("kwargs,name", [
    (dict(t=-1), "t"), (dict(t=1.5), "t"), (dict(chains=0), "chains"), (dict(chains=2.0), "chains"),
    (dict(n=0), "n"), (dict(n=2.5), "n"), (dict(lam=-1.0), "lam"), (dict(lam=float("nan")), "lam"),
    (dict(seed=-1), "seed"), (dict(lam=None), "lam"), (dict(foo=1), "foo"),
])
def test_bad_input_names_the_parameter(poisson_model, kwargs, name):
    args = dict(t=2, chains=3, seed=1, n=5, lam=1.0)
    args.update(kwargs)
    if args.get("lam", 0) is None:
        del args["lam"]  # missing
    with pytest.raises(ValueError, match=name):
        simulate_model(poisson_model, **args)


def test_a_draw_outside_its_family_names_the_draw():
    v, X = sp.symbols("v X")
    m = Model("test_declared_bad_variance", params=[PositiveReal("lam", lam)], state={v: lam},
              draws={X: Normal(0, v)}, step={v: v - 2 * lam})
    with pytest.raises(ValueError, match="X ~ Normal.*generation 1.*variance"):
        simulate_model(m, t=3, chains=4, seed=1, lam=1.0)


def test_a_multinomial_draw_names_its_counts():
    """One symbol for a Multinomial is refused with the reason; a tuple of counts is simulated (the
    counts of every chain sum to n)."""
    C, C1, C2 = sp.symbols("C C1 C2")
    with pytest.raises(ValueError, match="tuple of symbols"):
        Model("test_declared_multinomial_bad", params=[IntegerAtLeast("n", n, 1)], state={theta: 1},
              draws={C: Multinomial(n, (sp.Rational(1, 2), sp.Rational(1, 2)))}, step={theta: theta})
    m = Model("test_declared_multinomial", params=[IntegerAtLeast("n", n, 1)], state={theta: sp.Rational(1, 3)},
              draws={(C1, C2): Multinomial(n, (theta, 1 - theta))}, step={theta: C1 / n})
    try:
        path = simulate_model(m, t=3, chains=500, seed=1, n=3)
        assert set(np.unique(path["theta"][1:] * 3)) <= {0.0, 1.0, 2.0, 3.0}
    finally:
        m.forget()

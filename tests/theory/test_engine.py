"""The engine on declarations it has never seen: closed forms derived, proofs the kernel accepts,
simulation of the declared law, and a clear refusal outside its class."""

import numpy as np
import pytest
import sympy as sp

from modelcollapse import Gamma, Model, Normal, Poisson, proofs
from modelcollapse.numerics.checks import model_monte_carlo_check
from modelcollapse.theory.assumptions import IntegerAtLeast, PositiveReal, RealNumber
from modelcollapse.theory.symbols import t

n, lam, theta, S = sp.symbols("n lam theta S")
x0, s0, k = sp.symbols("x0 s0 k")
x, s, D, G = sp.symbols("x s D G")


@pytest.fixture(scope="module")
def poisson_example():
    """The issue's example, verbatim but for the model's name."""
    mine = Model("enginetest_poisson", params=[IntegerAtLeast("n", n, 1), PositiveReal("lam", lam)],
                 state={theta: lam}, draws={S: Poisson(n * theta)}, step={theta: S / n})
    yield mine
    mine.forget()


@pytest.fixture(scope="module")
def two_state():
    """A model nobody declared before: two state variables, a normal draw whose mean and variance are
    the state, and a gamma draw whose scale is the state (a researcher's hierarchical refit)."""
    m = Model("enginetest_twostate",
              params=[RealNumber("x0", x0), PositiveReal("s0", s0), IntegerAtLeast("k", k, 1)],
              state={x: x0, s: s0}, draws={D: Normal(x, s), G: Gamma(k, s / k)}, step={x: D, s: G})
    yield m
    m.forget()


def test_issue_example(poisson_example):
    r = poisson_example.expectation(theta**2, id="enginetest_poisson.second_moment")
    assert sp.simplify(r.closed_form - (lam**2 + lam * t / n)) == 0
    assert r(n=10, t=7, lam=2.0) == pytest.approx(5.4, rel=1e-14)
    assert proofs.check("enginetest_poisson.second_moment").ok
    out = poisson_example.simulate(t=7, chains=10_000, seed=1, n=10, lam=2.0)
    assert out["theta"].shape == (8, 10000)


def test_outside_the_class_is_refused_and_nothing_registered(poisson_example):
    from modelcollapse import theory
    with pytest.raises(ValueError, match="outside the class"):
        poisson_example.expectation(sp.exp(theta), id="enginetest_poisson.exp")
    with pytest.raises(ValueError):
        theory.get("enginetest_poisson.exp")


def test_new_two_state_model_closed_forms_proofs_and_monte_carlo(two_state):
    second = two_state.expectation(x**2, id="enginetest_twostate.x2")
    scale = two_state.expectation(s**2, id="enginetest_twostate.s2")
    # By hand: E[x_t^2] = x0^2 + t s0 (the variance adds s_t, whose mean stays s0);
    # E[s_t^2] = s0^2 (1 + 1/k)^t (a gamma's second moment is its squared mean times 1 + 1/shape).
    assert sp.simplify(second.closed_form - (x0**2 + t * s0)) == 0
    assert sp.simplify(scale.closed_form - s0**2 * ((k + 1) / k) ** t) == 0
    for r in (second, scale):
        assert proofs.check(r.id).ok, proofs.check(r.id).summary()
        for tt in (1, 4):
            c = model_monte_carlo_check(r, dict(x0=0.5, s0=1.5, k=3, t=tt), 20_000, seed=3, alpha=1e-4)
            assert c.passed, c


def test_a_wrong_closed_form_is_rejected_by_the_kernel(two_state):
    """The engine is untrusted: a wrong closed form in its record does not get through."""
    from modelcollapse.proofs import builder, kernel
    r = two_state.expectation(x, id="enginetest_twostate.x1")
    proof = builder.result_proof(r)
    bad = [kernel.Step(st.label, st.relation, type(st.rule)(**{**vars(st.rule), "closed": tuple(
        c + 1 for c in st.rule.closed)}), st.premises) if type(st.rule).__name__ == "Induction" else st
        for st in proof.steps]
    report = kernel.check(kernel.Proof(proof.name, proof.goals, proof.domains, bad, proof.law, proof.local))
    assert not report.ok


def test_simulate_validates_its_parameters(two_state):
    with pytest.raises(ValueError, match="s0"):
        two_state.simulate(t=2, chains=10, seed=0, x0=0.0, s0=-1.0, k=2)
    out = two_state.simulate(t=2, chains=10, seed=0, x0=0.0, s0=1.0, k=2)
    assert set(out) == {"x", "s"} and np.all(out["s"] > 0)


@pytest.mark.parametrize("kwargs, name", [
    (dict(params=[1]), "params"),
    (dict(state={theta + 1: lam}), "state"),
    (dict(step={theta: S / n, lam: 1}), "step"),
    (dict(draws={S: "Poisson"}), "draws"),
    (dict(state={theta: lam * x}), "state"),
])
def test_bad_declarations_raise_value_error_naming_the_argument(kwargs, name):
    spec = dict(params=[IntegerAtLeast("n", n, 1), PositiveReal("lam", lam)], state={theta: lam},
                draws={S: Poisson(n * theta)}, step={theta: S / n})
    spec.update(kwargs)
    with pytest.raises(ValueError, match=name):
        Model("enginetest_bad", **spec)


def test_new_two_state_model_reference_route(two_state):
    """The same model's reference route (quadrature of its declared draws, no symbolic algebra)."""
    from modelcollapse.numerics.reference import reference_value
    r = two_state.expectation(x**2 + s**2, id="enginetest_twostate.sum_of_squares")
    for tt in (0, 1, 5):
        p = dict(x0=0.5, s0=1.5, k=3, t=tt)
        assert abs(reference_value(r.id, dps=30, **p) - r(dps=30, **p)) < 1e-25 * abs(r(**p))


p1, p2, p3, C1, C2, C3, a, b = sp.symbols("p1 p2 p3 C1 C2 C3 a b")


@pytest.fixture(scope="module")
def three_shares():
    """Three shares refitted from one Multinomial draw of their counts (the Wright-Fisher law as a vector)."""
    from modelcollapse import Multinomial
    from modelcollapse.theory.assumptions import Probability
    m = Model("enginetest_multinomial", params=[IntegerAtLeast("n", n, 1), Probability("a", a), Probability("b", b)],
              state={p1: a * (1 - b), p2: (1 - a) * (1 - b), p3: b},
              draws={(C1, C2, C3): Multinomial(n, (p1, p2, p3))}, step={p1: C1 / n, p2: C2 / n, p3: C3 / n})
    yield m
    m.forget()


def test_multinomial_joint_moments_simulator_and_reference(three_shares):
    from modelcollapse.numerics.reference import reference_value
    cross = three_shares.expectation(p1 * p2, id="enginetest_multinomial.cross")
    cov = three_shares.quantity(three_shares.E(p1 * p2) - three_shares.E(p1) * three_shares.E(p2),
                                id="enginetest_multinomial.covariance")
    # By hand: E[C1 C2] = n (n - 1) p1 p2, so E[p1 p2] decays by (1 - 1/n) per refit from a (1 - a) (1 - b)^2,
    # and Cov(p1, p2) = -(1 - (1 - 1/n)^t) p1_0 p2_0 (the shares are martingales).
    start = a * (1 - a) * (1 - b) ** 2
    assert sp.simplify(cross.closed_form - start * ((n - 1) / n) ** t) == 0
    assert sp.simplify(cov.closed_form + start * (1 - ((n - 1) / n) ** t)) == 0
    assert proofs.status(cross.id) == "exact computation"  # no Multinomial facts in the kernel: not "proved"
    path = three_shares.simulate(t=4, chains=1000, seed=2, n=10, a=0.3, b=0.2)
    assert np.allclose(path["p1"] + path["p2"] + path["p3"], 1)
    for r in (cross, cov):
        c = model_monte_carlo_check(r, dict(n=10, a=0.3, b=0.2, t=3), 20_000, seed=3, alpha=1e-4)
        assert c.passed, c
        p = dict(n=10, a=0.3, b=0.2, t=6)
        assert abs(reference_value(r.id, dps=30, **p) - r(dps=30, **p)) < 1e-25

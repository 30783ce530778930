"""The engine's per-process caches are keyed on all that changes their answers and hand out copies."""

import sympy as sp

from modelcollapse import Model, Normal, Poisson
from modelcollapse.theory import engine
from modelcollapse.theory.assumptions import IntegerAtLeast, PositiveReal, RealNumber


def test_state_domains_per_model_object_and_a_copy_each_time():
    n, lam, m0 = sp.Symbol("n", positive=True, integer=True), sp.Symbol("lam", positive=True), sp.Symbol("m0")
    theta, S, Z = sp.symbols("theta S Z")
    positive = Model("enginecache_poisson", params=[IntegerAtLeast("n", n, 1), PositiveReal("lam", lam)],
                     state={theta: lam}, draws={S: Poisson(n * theta)}, step={theta: S / n})
    first = engine.state_domains(positive)
    assert first == {theta: "nonnegative"}
    first[theta] = "real"  # a caller's change stays its own
    assert engine.state_domains(positive) == {theta: "nonnegative"}
    positive.forget()
    # Same name, same state symbol, another law: inferred afresh, not read from the first model's entry.
    real = Model("enginecache_poisson", params=[RealNumber("m0", m0)], state={theta: m0},
                 draws={Z: Normal(0, 1)}, step={theta: theta + Z})
    assert engine.state_domains(real) == {theta: "real"}
    real.forget()


def test_simplify_cache_tells_symbols_apart_by_their_assumptions():
    plain, positive = sp.Symbol("y"), sp.Symbol("y", positive=True)
    assert engine._simplify(sp.sqrt(positive**2)) == positive
    assert engine._simplify(sp.sqrt(plain**2)) == sp.sqrt(plain**2)
    assert engine._simplify(sp.sqrt(positive**2)) == positive

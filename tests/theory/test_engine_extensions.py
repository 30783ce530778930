"""The engine's extensions for the remedies, on small declarations nobody declared before: coupled
blocks solved one case of a finite-set parameter at a time, recurrences whose coefficients depend
on the generation, and a fraction of a sample size as a parameter."""

import mpmath
import pytest
import sympy as sp

from modelcollapse import Model, Normal
from modelcollapse.theory.assumptions import OneOf, PositiveReal, SampleFraction
from modelcollapse.theory.symbols import t

c, k, s0, x, y, Z, W = sp.symbols("c k s0 x y Z W")


@pytest.fixture(scope="module")
def coupled():
    """x and y feed each other: x' = (x + y)/2 + Z, y' = x/(k + 1) + W; E[x^2], E[y^2] close on
    {x^2, y^2, x y} (a 3 x 3 block), and k in {1, 3} splits the cases."""
    m = Model("extensiontest_coupled", params=[OneOf("k", k, (1, 3)), PositiveReal("s0", s0)], state={x: s0, y: 0},
              draws={Z: Normal(0, 1), W: Normal(0, 1)}, step={x: (x + y) / 2 + Z, y: x / (k + 1) + W})
    yield m.expectation(x**2, id="extensiontest_coupled.x2", lazy=True)
    m.forget()


def _iterate(kk, s0v, T):
    """E[x^2], E[y^2], E[xy] by the one-step moments, numerically."""
    xx, yy, xy = mpmath.mpf(s0v) ** 2, mpmath.mpf(0), mpmath.mpf(0)
    for _ in range(T):
        xx, yy, xy = (xx + 2 * xy + yy) / 4 + 1, xx / (kk + 1) ** 2 + 1, (xx + xy) / (2 * (kk + 1))
    return xx, yy


@pytest.mark.parametrize("kk", [1, 3])
def test_coupled_block_against_iteration(coupled, kk):
    r = coupled
    for T in (0, 1, 5, 12):
        assert r(k=kk, s0=1.5, t=T) == pytest.approx(float(_iterate(kk, 1.5, T)[0]), rel=1e-10)


def test_two_by_two_block_by_cayley_hamilton():
    """A 2 x 2 coupled block, irrational eigenvalues in each case ((1 +- sqrt 5)/4, +-1/sqrt 2): one
    branch per case, each against the iterated recursion. (mixing.fresh_gaussian_ml is such a block
    the kernel proves.)"""
    a_, b_ = sp.symbols("a_ b_")
    m = Model("extensiontest_pair", params=[OneOf("k", k, (0, 1)), PositiveReal("s0", s0)], state={a_: s0, b_: 0},
              draws={Z: Normal(0, 1)}, step={a_: (a_ + b_) / 2, b_: (a_ - k * b_) / 2 + Z})
    try:
        r = m.expectation(a_, id="extensiontest_pair.a")
        assert isinstance(r.closed_form, sp.Piecewise) and r.closed_form.has(sp.sqrt(5))
        for kk in (0, 1):
            A, B = 1.0, 0.0
            for _ in range(6):
                A, B = (A + B) / 2, (A - kk * B) / 2
            assert r(k=kk, s0=1.0, t=6) == pytest.approx(A, rel=1e-12)
    finally:
        m.forget()


def test_generation_dependent_update_gives_products_and_sums():
    """x' = x + Z / (t + 1): E[x_t^2] = s0^2 + sum_{s<t} 1/(s + 1)^2, and v' = v (t + 1)/(t + 2) a product."""
    v = sp.Symbol("v")
    m = Model("extensiontest_varying", params=[PositiveReal("s0", s0)], state={x: s0, v: s0},
              draws={Z: Normal(0, 1)}, step={x: x + Z / (t + 1), v: v * (t + 1) / (t + 2)})
    try:
        second = m.expectation(x**2, id="extensiontest_varying.x2")
        assert second.closed_form.has(sp.Sum)
        value = second.closed_form.subs({s0: 2, t: 5}).doit()
        assert float(value) == pytest.approx(4 + sum(1 / (s + 1) ** 2 for s in range(5)), rel=1e-14)
        shrink = m.expectation(v, id="extensiontest_varying.v")
        assert sp.simplify(shrink.closed_form.subs(t, 7).doit() - s0 / 8) == 0
        path = m.simulate(t=4, chains=3, seed=1, s0=1.0)
        assert path["v"][4].tolist() == pytest.approx([1 / 5] * 3)
    finally:
        m.forget()


def test_sample_fraction_names_lam():
    from modelcollapse.theory.assumptions import validate_joint
    a = SampleFraction("lam", sp.Symbol("lam"), size=sp.Symbol("n"), size_name="n", lower=1)
    assert validate_joint([a], {"n": 10, "lam": 0.3}) == {"n": 10, "lam": 0.3}
    with pytest.raises(ValueError, match=r"lam \* n must be an integer"):
        validate_joint([a], {"n": 10, "lam": 0.35})
    with pytest.raises(ValueError, match="lam"):
        validate_joint([a], {"n": 10, "lam": 0.0})
    with pytest.raises(ValueError, match="lam"):
        a.validate(1.5)

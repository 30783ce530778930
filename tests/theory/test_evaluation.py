"""Array evaluation (issue 14): every result broadcasts over numpy arrays of its scalar
parameters; the float64 values agree with the 50-digit mpmath route to 1e-12 relative."""

import math

import mpmath
import numpy as np
import pytest

from modelcollapse import theory
from modelcollapse.theory import evaluation
from modelcollapse.theory.assumptions import IntegerAtLeast, OneOf, PositiveReal, RealAbove, RealNumber

RTOL = 1e-12
DBL_MAX = mpmath.mpf("1.7976931348623157e308")
#: Values of sequence parameters (not broadcast) used where a result needs one.
SEQUENCES = {"p0": ([0.5, 0.3, 0.2], [0.3, 0.7]), "ns": ([5, 6, 7],), "r": ([1.0, -0.5, 0.25],),
             # parameters that do not broadcast (a fraction or a count of n, a weight, an exponent, a level)
             "lam": (0.3,), "m": (3,), "w": (0.5,), "gamma": (1.5,), "level": (0.8,)}


def _scalar_only(r):
    return all(evaluation.is_scalar_assumption(a) for a in r.assumptions)


# A result without parameters (a theorem such as sampling.curation_support) has nothing to broadcast.
SCALAR_ONLY = [r for r in theory.results() if _scalar_only(r) and r.assumptions]


def _extreme_grid(a):
    """An extreme grid per parameter: n and t up to 10^9 (other than the route's own check grid)."""
    if isinstance(a, OneOf):
        return list(a.values)
    if isinstance(a, IntegerAtLeast):
        lo = a.lower
        if a.name in ("n", "t"):
            grid = sorted({lo, lo + 1, lo + 3, 10, 64, 999, 31623, 10**6 + 1, 123456789, 10**9})
            return [v for v in grid if not isinstance(a.upper, int) or v <= a.upper]
        return sorted({lo, lo + 1, lo + 2, 3, 7, 25})  # a degree or an index: small
    if isinstance(a, PositiveReal):
        return [0.25, 3.0]
    if isinstance(a, RealAbove):  # inside (bound, upper] when the range is closed above
        top = float(getattr(a, "upper", float("inf")))
        return [min(float(a.bound) + 0.25, top), min(float(a.bound) + 4.0, top)]
    return [-2.0, 0.5]


def _assert_close(x, y, where):
    """float64 x against mpmath y, with IEEE rules beyond the double range."""
    assert not math.isnan(x), where
    if abs(y) > DBL_MAX:
        assert x == math.copysign(math.inf, float(mpmath.sign(y))), where
    elif abs(y) < mpmath.mpf("1e-20"):
        # An exact zero (KL at t = 0) is reached through cancelling terms of order one (even
        # mpmath leaves a residue far below 1e-20): relative error is undefined there, so the
        # absolute error is held to 1e-12.
        assert abs(x) <= 1e-12, where
    else:
        err = abs((mpmath.mpf(x) - y) / y)
        assert err <= RTOL, f"{where}: relative error {float(err):.3g}"


def _good(r):
    out = {}
    for a in r.assumptions:
        if evaluation.is_scalar_assumption(a):
            out[a.name] = _extreme_grid(a)[1 if isinstance(a, IntegerAtLeast) else 0]
            if a.name == "n":
                out[a.name] = 10
            if a.name == "t":
                out[a.name] = 3
        else:
            for v in SEQUENCES[a.name]:
                try:
                    a.validate(v)
                except ValueError:
                    continue
                out[a.name] = v
                break
    return out


@pytest.mark.parametrize("r", SCALAR_ONLY, ids=lambda r: r.id)
def test_array_matches_mpmath_over_an_extreme_grid(r):
    grids = [np.array(_extreme_grid(a)) for a in r.assumptions]
    ndim = len(grids)
    # Each parameter along its own axis: the call broadcasts them to the full grid.
    arrays = {a.name: g.reshape([-1 if k == j else 1 for k in range(ndim)])
              for j, (a, g) in enumerate(zip(r.assumptions, grids))}
    x = r(**arrays)
    assert isinstance(x, np.ndarray) and x.dtype == np.float64
    assert x.shape == tuple(len(g) for g in grids)
    for idx in np.ndindex(x.shape):
        point = {a.name: g[i].item() for a, g, i in zip(r.assumptions, grids, idx)}
        _assert_close(float(x[idx]), r(dps=50, **point), f"{r.id} at {point}")


FLOAT_WITH_SEQUENCES = [r for r in theory.results()
                        if not _scalar_only(r) and evaluation.float_route(r).kind == "float64"]


@pytest.mark.parametrize("r", FLOAT_WITH_SEQUENCES, ids=lambda r: r.id)
@pytest.mark.parametrize("p0", [[1.0], [0.5, 0.5], [1 - 1e-7, 1e-7], [0.4, 0.3, 0.2, 0.1], [0.02] * 50])
def test_float_route_with_sums_over_p0_matches_mpmath(r, p0):
    n = np.array(_extreme_grid(IntegerAtLeast("n", None, 1)))[:, None]
    t = np.array(_extreme_grid(IntegerAtLeast("t", None, 0)))[None, :]
    x = r(p0=p0, n=n, t=t)
    assert x.shape == (n.size, t.size)
    for i, j in np.ndindex(x.shape):
        point = dict(p0=p0, n=int(n[i, 0]), t=int(t[0, j]))
        _assert_close(float(x[i, j]), r(dps=50, **point), f"{r.id} at {point}")


def test_elementary_closed_forms_take_the_derived_float64_route():
    for rid in ("gaussian.variance", "gaussian.mean_drift", "gaussian.log_variance", "gaussian.std",
                "categorical.gini_simpson"):
        route = evaluation.float_route(theory.get(rid))
        assert route.kind == "float64", (rid, route.reason)
        assert route.max_rel_error <= RTOL
        # derived, not typed: no power with a symbolic exponent is left for float64 to cancel in
        for expr in route.expressions.values():
            assert not [p for p in expr.atoms(evaluation.sp.Pow) if p.exp.free_symbols], (rid, expr)


def _bad_value(a):
    if isinstance(a, IntegerAtLeast):
        return a.lower - 1
    if isinstance(a, OneOf):
        return max(a.values) + 1
    if isinstance(a, PositiveReal):
        return 0.0
    if isinstance(a, RealAbove):
        return float(a.bound)
    assert isinstance(a, RealNumber)
    return float("nan")


def _bad_cases():
    for r in theory.results():
        for a in r.assumptions:
            if evaluation.is_scalar_assumption(a):
                yield pytest.param(r, a, id=f"{r.id}-{a.name}")


@pytest.mark.parametrize("r,a", list(_bad_cases()))
def test_a_bad_element_raises_the_scalar_error_with_its_index(r, a):
    good = _good(r)
    bad = _bad_value(a)
    with pytest.raises(ValueError) as scalar:
        r(**{**good, a.name: bad})
    with pytest.raises(ValueError, match=a.name) as array:
        r(**{**good, a.name: np.array([good[a.name], good[a.name], bad])})
    assert str(array.value).startswith(str(scalar.value))
    assert "element 2" in str(array.value)


def test_bad_element_in_a_list_and_in_two_dimensions():
    r = theory.get("gaussian.variance")
    with pytest.raises(ValueError, match=r"n must be an integer >= 2, got 1 \(element 1"):
        r(n=[10, 1, 5], t=3, ddof=0, sigma0=1.0)
    with pytest.raises(ValueError, match=r"t must be an integer >= 0, got -2 \(element \(1, 0\)"):
        r(n=10, t=np.array([[1, 2], [-2, 3]]), ddof=0, sigma0=1.0)
    with pytest.raises(ValueError, match="ddof must be one of 0, 1"):
        r(n=10, t=3, ddof=[0, 1, 2], sigma0=1.0)
    with pytest.raises(ValueError, match="n must be an integer"):  # floats are refused, as for scalars
        r(n=np.array([10.0, 20.0]), t=3, ddof=0, sigma0=1.0)
    with pytest.raises(ValueError, match="sigma0 must be a positive real number"):
        r(n=10, t=3, ddof=0, sigma0=[1.0, math.inf])


def test_dps_with_arrays_gives_an_object_array_of_mpf():
    for rid in ("gaussian.kl", "categorical.gini_simpson"):
        r = theory.get(rid)
        params = {**_good(r), "n": np.array([[5], [40]]), "t": [0, 7, 10**6]}
        y = r(dps=40, **params)
        assert y.dtype == object and y.shape == (2, 3)
        for (i, j), v in np.ndenumerate(y):
            assert isinstance(v, mpmath.mpf)
            scalar = r(dps=40, **{**params, "n": int(params["n"][i, 0]), "t": params["t"][j]})
            assert v == scalar


def test_scalars_keep_their_types():
    r = theory.get("gaussian.variance")
    assert type(r(n=10, t=5, ddof=0, sigma0=1.0)) is float
    assert isinstance(r(n=10, t=5, ddof=0, sigma0=1.0, dps=30), mpmath.mpf)
    zero_d = r(n=np.array(10), t=5, ddof=0, sigma0=1.0)  # 0-d array: a numpy scalar, as for ufuncs
    assert np.ndim(zero_d) == 0 and float(zero_d) == pytest.approx(0.9**5, rel=1e-15)


def test_broadcasting_shapes():
    r = theory.get("gaussian.mean_drift")
    x = r(n=np.array([[10], [20]]), t=[0, 1, 2], ddof=[0, 1, 0], sigma0=np.ones((1, 3)), mu0=0.0)
    assert x.shape == (2, 3)
    assert x[0, 0] == 0.0 and x[1, 1] == pytest.approx(1 / 20, rel=1e-15)  # ddof = 1: t sigma0^2 / n
    assert r(n=np.arange(2, 8).reshape(2, 3), t=4, ddof=0, sigma0=2.0, mu0=1.0).shape == (2, 3)
    assert r(n=[], t=4, ddof=0, sigma0=2.0, mu0=1.0).shape == (0,)
    with pytest.raises(ValueError, match="broadcast"):
        r(n=[10, 20], t=[1, 2, 3], ddof=0, sigma0=1.0, mu0=0.0)


def test_mixed_ddof_array_matches_scalar_values():
    r = theory.get("gaussian.w2")
    n, ddof = np.array([2, 5, 50, 10**7]), np.array([0, 1, 1, 0])
    x = r(n=n, t=40, ddof=ddof, sigma0=1.5, mu0=0.0)
    for k in range(4):
        assert x[k] == pytest.approx(r(n=int(n[k]), t=40, ddof=int(ddof[k]), sigma0=1.5, mu0=0.0), rel=1e-12)


def test_sequence_parameters_are_not_broadcast():
    s = theory.get("gaussian.schedule")
    x = s(ns=[5, 6, 7], t=[0, 1, 2, 3], ddof=0, sigma0=2.0)
    assert x.shape == (4,)
    assert list(x) == [s(ns=[5, 6, 7], t=t, ddof=0, sigma0=2.0) for t in range(4)]
    b = theory.get("categorical.entropy_bounds")
    lo, hi = b(p0=np.array([0.5, 0.3, 0.2]), n=[2, 10], t=3)
    assert lo.shape == hi.shape == (2,) and np.all(lo <= hi)
    assert (lo[1], hi[1]) == b(p0=[0.5, 0.3, 0.2], n=10, t=3)


def test_chain_results_evaluate_a_grid_of_t_like_the_scalar_route():
    r = theory.get("categorical.survival")
    ts = np.arange(1, 9)
    x = r(p0=[0.5, 0.3, 0.2], n=6, t=ts, i=3)
    assert list(x) == [r(p0=[0.5, 0.3, 0.2], n=6, t=int(t), i=3) for t in ts]
    y = theory.get("categorical.surviving")(p0=[0.5, 0.5], n=[4, 5], t=[[1], [6]], dps=30)
    assert y.shape == (2, 2) and y[1, 0] == theory.get("categorical.surviving")(p0=[0.5, 0.5], n=4, t=6, dps=30)
    with pytest.raises(ValueError, match="too large for the exact chain"):
        r(p0=[0.5, 0.5], n=200, t=[2, 10**6], i=1)


def test_approximations_broadcast_too():
    a = theory.get("categorical.absorption_time")
    x = a.approximate("kimura", p0=[0.5, 0.5], n=[10, 20])
    assert list(x) == [a.approximate("kimura", p0=[0.5, 0.5], n=n) for n in (10, 20)]

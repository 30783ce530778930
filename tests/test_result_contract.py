"""The Result contract of DESIGN.md and issue 2: ids, names, evaluation, bad input."""

import math

import mpmath
import pytest
import sympy as sp

from modelcollapse import theory

CATEGORICAL_IDS = ["categorical.mean", "categorical.collision", "categorical.gini_simpson",
                   "categorical.moment_eigenvalues", "categorical.fixation", "categorical.loss_one_step",
                   "categorical.survival", "categorical.surviving", "categorical.tail_loss",
                   "categorical.entropy_one_step", "categorical.entropy_bounds", "categorical.absorption_time"]
GAUSSIAN_IDS = ["gaussian.variance", "gaussian.variance_of_variance", "gaussian.std", "gaussian.log_variance",
                "gaussian.mean_drift", "gaussian.entropy", "gaussian.w2", "gaussian.kl", "gaussian.schedule"]
CANONICAL = {"n", "t", "ddof", "mu0", "sigma0", "p0", "K", "lam", "tau", "a", "R", "ns", "theta0", "top_p", "beta",
             "r", "s",
             # the remedies (issue 11): synthetic or fresh sample counts, a growing schedule, a weight, a level
             "m", "n0", "gamma", "w", "level"}
#: Parameters added beyond the contract: i, the (1-based) category a per-category result is about;
#: k, the degree of a polynomial (moment order); x, the standardised source value a conditional
#: information result is stated at.
EXTRA = {"i", "k", "x"}


def test_ids_are_registered_in_order():
    assert [r.id for r in theory.results("gaussian")] == GAUSSIAN_IDS
    assert [r.id for r in theory.results("categorical")] == CATEGORICAL_IDS


@pytest.mark.parametrize("r", theory.results(), ids=lambda r: r.id)
def test_result_attributes(r):
    assert r.title and r.references
    assert set(r.parameters) <= CANONICAL | EXTRA
    if r.closed_form is None:  # a theorem without a value (information.dpi)
        assert isinstance(r.statement, sp.core.relational.Relational)
        with pytest.raises(ValueError, match="without a numerical value"):
            r()
        return
    if r.is_bound:  # a pair of inequalities; the closed form is (lower, upper)
        assert isinstance(r.statement, sp.And)
        parts = {type(a): a for a in r.statement.args}
        assert r.closed_form == sp.Tuple(parts[sp.GreaterThan].rhs, parts[sp.LessThan].rhs)
    elif "minimiser_of" in r.derivation.facts:  # e(w) - e(w*) = gap: the value w* is where the gap vanishes
        assert isinstance(r.statement, sp.Eq)
        assert sp.simplify(r.statement.rhs.subs(r.derivation.facts["minimiser_of"], r.closed_form)) == 0
    else:
        assert isinstance(r.statement, sp.Eq)
        # The value is the right-hand side, or (for an operator identity such as the eigenvalues'
        # E[(n p)_k | F_t] = lambda_k (n p)^k) the coefficient the right-hand side carries.
        assert r.closed_form == r.statement.rhs or r.closed_form in sp.Mul.make_args(r.statement.rhs)
    # The closed form mentions only declared parameters (and bound dummies).
    names = {str(s) for s in r.closed_form.free_symbols if not isinstance(s, sp.Indexed)}
    assert names <= set(r.parameters) | {"n", "K"}  # ns is IndexedBase 'n'; K = len(p0)


def test_unknown_id_is_a_value_error_naming_it():
    with pytest.raises(ValueError, match="gaussian.nope"):
        theory.get("gaussian.nope")


def _good(r):
    p = dict(n=10, t=3, ddof=0, sigma0=1.0, mu0=0.0, ns=[5, 6, 7], p0=[0.5, 0.3, 0.2], i=2, k=3, theta0=1.0, tau=0.8,
             a=1.5, top_p=0.9, beta=1.0, r=[1.0, 0.0, 0.5], lam=0.3, m=3, n0=4, gamma=1.5, w=0.5, level=0.8,
             R=1.5, s=0.7, x=0.3)
    if r.id == "categorical.absorption_time":
        p["p0"] = [0.3, 0.7]  # two categories
    return {k: p[k] for k in r.parameters}


BAD = [
    ("n", 1), ("n", 2.0), ("n", "10"), ("n", True), ("t", -1), ("t", 1.5), ("ddof", 2), ("ddof", -1),
    ("sigma0", 0.0), ("sigma0", -1.0), ("sigma0", float("nan")), ("sigma0", float("inf")), ("mu0", float("nan")),
    ("ns", [5, 1, 7]), ("ns", "abc"), ("p0", [0.5, 0.6]), ("p0", []), ("p0", [1.5, -0.5]),
    ("p0", [float("nan"), 1.0]), ("i", 0), ("i", 4), ("k", -1), ("k", 1.5),
    ("tau", 0.0), ("tau", -1.0), ("a", 0.0), ("a", -0.5), ("top_p", 0.0), ("top_p", 1.5), ("beta", float("inf")),
    ("beta", float("nan")), ("r", [1.0, 0.0]), ("r", [1.0, float("nan"), 0.0]), ("R", 0.0), ("R", -1.0), ("s", 0.0),
    ("x", float("nan")), ("m", 2.5), ("m", -1),
]


def _bad_cases():
    for r in theory.results():
        for name, value in BAD:
            if name not in r.parameters:
                continue
            lowest = next(a.lower for a in r.assumptions if a.name == "n") if name == "n" else None
            if (name, value) == ("n", 1) and lowest <= 1:
                continue  # n = 1 is valid where the model allows one sample (categorical, Poisson)
            yield pytest.param(r, name, value, id=f"{r.id}-{name}={value!r}")


@pytest.mark.parametrize("r,name,value", list(_bad_cases()))
def test_bad_parameters_raise_value_error_naming_them(r, name, value):
    params = _good(r)
    params[name] = value
    with pytest.raises(ValueError, match=name):
        r(**params)


def test_missing_and_unknown_parameters():
    r = theory.get("gaussian.variance")
    with pytest.raises(ValueError, match="sigma0"):
        r(n=10, t=1, ddof=0)
    with pytest.raises(ValueError, match="lam"):
        r(n=10, t=1, ddof=0, sigma0=1.0, lam=0.5)
    with pytest.raises(ValueError, match="dps"):
        r(n=10, t=1, ddof=0, sigma0=1.0, dps=0)


@pytest.mark.parametrize("rid,params,name", [
    ("categorical.survival", dict(p0=[0.5, 0.5], n=4, t=0, i=1), "t must be an integer >= 1"),
    ("categorical.surviving", dict(p0=[0.5, 0.5], n=4, t=0), "t must be an integer >= 1"),
    ("categorical.absorption_time", dict(p0=[0.5, 0.3, 0.2], n=4), "p0 must have exactly 2 entries"),
    ("categorical.survival", dict(p0=[0.5, 0.5], n=200, t=10**6, i=1), "t"),
])
def test_categorical_ranges(rid, params, name):
    with pytest.raises(ValueError, match=name):
        theory.get(rid)(**params)


def test_approximation_names_are_checked():
    r = theory.get("categorical.absorption_time")
    with pytest.raises(ValueError, match="name must be one of"):
        r.approximate("diffusion", p0=[0.5, 0.5], n=10)
    with pytest.raises(ValueError, match="p0"):
        r.approximate("kimura", p0=[0.5, 0.6], n=10)


def test_kl_needs_n_at_least_4():
    r = theory.get("gaussian.kl")
    with pytest.raises(ValueError, match="n must be an integer >= 4"):
        r(n=3, t=1, ddof=0, sigma0=1.0, mu0=0.0)


def test_schedule_t_beyond_schedule():
    with pytest.raises(ValueError, match="t must be <= len"):
        theory.get("gaussian.schedule")(ns=[5, 6], t=3, ddof=0, sigma0=1.0)


@pytest.mark.parametrize("r", theory.results(), ids=lambda r: r.id)
def test_float_and_mpmath_agree(r):
    if r.closed_form is None:
        pytest.skip("a theorem without a value")
    params = _good(r)
    x = r(**params)
    y = r(dps=50, **params)
    if r.is_bound:
        assert isinstance(x, tuple) and len(x) == 2 and x[0] <= x[1]
        pairs = zip(x, y)
    else:
        pairs = [(x, y)]
    for a, b in pairs:
        assert isinstance(a, float) and isinstance(b, mpmath.mpf)
        assert math.isclose(a, float(b), rel_tol=1e-14, abs_tol=1e-300)


@pytest.mark.parametrize("r", [r for r in theory.results("gaussian") if r.id != "gaussian.schedule"],
                         ids=lambda r: r.id)
@pytest.mark.parametrize("t", [10**6, 10**9])
def test_huge_t_is_finite_and_matches_mpmath(r, t):
    params = dict(_good(r), t=t, ddof=0)
    x = r(**params)
    y = r(dps=50, **params)
    assert not math.isnan(x)
    if abs(y) > mpmath.mpf("1.7e308"):  # beyond double range: overflow to inf, as IEEE rounding says
        assert x == math.copysign(math.inf, float(mpmath.sign(y)))
    elif abs(y) > mpmath.mpf("1e-300"):
        assert math.isclose(x, float(y), rel_tol=1e-12)
    else:  # below double range: the float is 0.0 (correctly rounded), never NaN
        assert x == 0.0

"""Numerical checks of closed forms: Monte Carlo z-tests and the high-precision reference.

A Monte Carlo check simulates the model, computes the quantity *by its definition* on every
chain (``sigma_t^2``, ``(mu_t - mu0)^2 + (sigma_t - sigma0)^2``, ...), and compares the
sample mean with the closed form: estimate, standard error, z-score, and a verdict at a
stated two-sided false-alarm rate. A reference check compares the closed form with
:func:`~modelcollapse.numerics.reference.reference_value` at high precision.

How a result is checked is generated from its declaration (:func:`spec_for`): a result derived
from a declared :class:`~modelcollapse.theory.model.Model` (it has ``result.model`` and
``result.target``) is checked by :func:`model_monte_carlo_check`, which simulates the declared
law (:func:`~modelcollapse.numerics.declared.simulate_model`), evaluates the target functional on
every chain and z-tests its mean against the closed form at points chosen from the assumptions
(:func:`model_points`), and by the reference route generated from the same declaration
(:mod:`~modelcollapse.numerics.declared_reference`). Only a model's extensions (chain-level
exact computations the engine does not derive) have hand-written entries in :data:`SPECS`; a
test enforces that every registered result has one or the other.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Callable

import mpmath
import numpy as np
import sympy as sp
from scipy import stats

from modelcollapse import theory
from modelcollapse.theory.assumptions import check_int, check_real

from modelcollapse.theory.categorical_loss import zipf

from .categorical_sim import entropy_rows
from .declared import evaluate_functional, simulate_model_params
from .reference import reference_value
from .streams import stream

#: Relative agreement required between a closed form and the reference route.
REFERENCE_RTOL = 1e-9
#: Working precision of the reference comparison (digits).
REFERENCE_DPS = 20


@dataclass
class Spec:
    """How to check one result numerically."""

    #: Per-chain statistic whose mean (kind "mean") or variance (kind "variance") is the result,
    #: an indicator whose probability is the result (kind "proportion": exact binomial test, since
    #: a rare event's proportion is far from normal), or which the result bounds (kind "bounds");
    #: called as statistic(path, t) or, with ``with_params``, statistic(path, t, params).
    statistic: Callable
    kind: str = "mean"
    #: Parameter points (without t) for Monte Carlo and for the reference route. Keys that are
    #: not parameters of the result (a p0 to simulate an eigenvalue with) go to the simulator only.
    points: list = field(default_factory=list)
    #: Generations checked by Monte Carlo (for a result without t: the generations simulated).
    ts: tuple = (1, 3, 8)
    #: Generations checked against the reference (cheap: no sampling).
    reference_ts: tuple = (0, 1, 2, 7, 50, 1000)
    simulator: str = "categorical"
    #: Points for the reference route when it needs smaller ones (exact enumeration); default: points.
    reference_points: list | None = None
    with_params: bool = False
    #: What the documentation figure varies: ("t", ()) for generations, or a parameter and its values.
    figure: tuple = ("t", ())
    #: For simulator "map": params -> one step p -> p' of a deterministic map on a categorical p.
    transform: Callable | None = None

    def value(self, path, t, params):
        """The per-chain statistic at generation t."""
        return self.statistic(path, t, params) if self.with_params else self.statistic(path, t)

    def ts_for(self, params) -> tuple:
        """Generations checked at ``params`` (a declared point may name its own, ``ts``)."""
        return tuple(params.get("ts", self.ts))


#: Hand-written specifications of the model extensions (chain-level statistics the declared law's
#: simulator does not produce); every declared result's specification is generated (:func:`spec_for`).
SPECS: dict[str, Spec] = {}


def _plain(params: dict) -> dict:
    """Parameters as JSON-ready values (schedules as lists)."""
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in params.items()}

_CATEGORICAL_POINTS = [dict(p0=(0.5, 0.3, 0.2), n=10), dict(p0=(0.1,) * 10, n=20), dict(p0=(0.75, 0.25, 0.0), n=4)]
#: Small enough for the exact enumeration of the K-category chain (at most a few dozen states).
_ENUMERABLE = [dict(p0=(0.5, 0.3, 0.2), n=6), dict(p0=(0.75, 0.25, 0.0), n=4), dict(p0=(0.35, 0.65), n=12)]
_ZIPF = dict(p0=tuple(float(v) for v in zipf(30, 1.1)), n=25)
_N_LADDER = ("n", (1, 2, 4, 8, 16, 32, 64, 128))


def _falling(c, k):
    out = np.ones(c.shape, dtype=float)
    for j in range(k):
        out *= c - j
    return out


SPECS.update({
    # The factorial moment E[(C_1)_k] / (n p)^k of one category's first count is lambda_k.
    "categorical.moment_eigenvalues": Spec(
        lambda p, t, q: _falling(p.counts[1][:, 0], q["k"]) / (q["n"] * q["p0"][0]) ** q["k"],
        points=[dict(n=10, k=k, p0=(0.6, 0.4)) for k in (1, 2, 3, 5)] + [dict(n=4, k=k, p0=(0.7, 0.3))
                                                                           for k in (2, 4, 5)],
        ts=(1,), reference_ts=(None,), simulator="categorical", with_params=True, figure=("k", tuple(range(11)))),
    # Run long enough that unabsorbed chains are rarer than 1e-9 (lambda_2^t).
    "categorical.fixation": Spec(lambda p, t, q: p.at(t)[:, q["i"] - 1] == 1, kind="proportion",
                                 points=[dict(p0=(0.5, 0.3, 0.2), n=10, i=i) for i in (1, 3)]
                                 + [dict(p0=(0.75, 0.25, 0.0), n=4, i=2)],
                                 ts=(260,), reference_ts=(None,), simulator="categorical", with_params=True,
                                 figure=("i", (1, 2, 3)),
                                 reference_points=[dict(q, i=i) for q in _ENUMERABLE[:2] for i in (1, 2)]),
    "categorical.loss_one_step": Spec(lambda p, t: (p.counts[1] == 0).sum(axis=1),
                                      points=_CATEGORICAL_POINTS + [_ZIPF], ts=(1,), reference_ts=(None,),
                                      simulator="categorical", reference_points=_ENUMERABLE, figure=_N_LADDER),
    "categorical.tail_loss": Spec(lambda p, t: ((p.counts[1] == 0) * p.p0).sum(axis=1),
                                  points=[_ZIPF] + _CATEGORICAL_POINTS, ts=(1,), reference_ts=(None,),
                                  simulator="categorical", reference_points=_ENUMERABLE, figure=_N_LADDER),
    "categorical.survival": Spec(lambda p, t, q: p.at(t)[:, q["i"] - 1] > 0, kind="proportion",
                                 points=[dict(q, i=i) for q in _CATEGORICAL_POINTS[:1] for i in (1, 3)]
                                 + [dict(_CATEGORICAL_POINTS[1], i=4)],
                                 ts=(1, 3, 8), reference_ts=(1, 2, 5, 12), simulator="categorical",
                                 with_params=True,
                                 reference_points=[dict(q, i=i) for q in _ENUMERABLE for i in (1, 2)]),
    "categorical.surviving": Spec(lambda p, t: (p.at(t) > 0).sum(axis=1), points=_CATEGORICAL_POINTS,
                                  ts=(1, 3, 8), reference_ts=(1, 2, 5, 12), simulator="categorical",
                                  reference_points=_ENUMERABLE),
    "categorical.entropy_one_step": Spec(lambda p, t: entropy_rows(p.at(1)), points=_CATEGORICAL_POINTS + [_ZIPF],
                                         ts=(1,), reference_ts=(None,), simulator="categorical",
                                         reference_points=_ENUMERABLE, figure=_N_LADDER),
    "categorical.entropy_bounds": Spec(lambda p, t: entropy_rows(p.at(t)), kind="bounds", points=_CATEGORICAL_POINTS,
                                       ts=(1, 3, 8), reference_ts=(1, 2, 5, 12), simulator="categorical",
                                       reference_points=_ENUMERABLE),
    "categorical.absorption_time": Spec(lambda T, t: T, points=[dict(p0=(0.35, 0.65), n=12), dict(p0=(0.5, 0.5),
                                                                                                    n=30),
                                                                dict(p0=(0.1, 0.9), n=6)],
                                        ts=(None,), reference_ts=(None,), simulator="absorption",
                                        figure=("n", (2, 4, 8, 16, 32, 64)),
                                        reference_points=[dict(p0=(0.35, 0.65), n=12), dict(p0=(0.1, 0.9), n=6),
                                                          dict(p0=(1.0, 0.0), n=5)]),
})


def _mixing_specs():
    """Remedies whose results are not a declared model's (or whose model is indexed): their literal
    workflows (:mod:`~modelcollapse.numerics.mixing_workflows`) are the simulators. They have no
    separate reference route (their values are exact recursions already); the optimal weight and
    the critical fraction are searches over closed forms checked through the results they use."""
    from modelcollapse.theory.growing_samples import growing_schedule

    from . import mixing_workflows as wf

    def categorical(q, t, chains, rng):
        return wf.fresh_categorical_workflow(q["p0"], q["n"], q["lam"], t, chains, seed=rng)

    def subsample(q, t, chains, rng):
        return wf.accumulate_subsample_workflow(q["n"], t, q["sigma0"], chains, seed=rng)

    def growing(q, t, chains, rng):
        return wf.growing_samples_workflow(growing_schedule(q["n0"], q["gamma"], t), q["ddof"], q["sigma0"], chains,
                                           seed=rng)

    def golden(q, t, chains, rng):
        return wf.golden_ratio_workflow(q["w"], q["n"], q["m"], t, q["sigma0"], chains, seed=rng)

    points = [dict(p0=(0.5, 0.3, 0.2), n=10, lam=0.2), dict(p0=(0.1,) * 10, n=20, lam=0.5),
              dict(p0=(0.75, 0.25, 0.0), n=4, lam=0.0)]
    return {
        "mixing.fresh_categorical_mean": Spec(lambda p, t, q: p[t][:, q["i"] - 1], with_params=True,
                                              points=[dict(q, i=1) for q in points], simulator=categorical,
                                              reference_ts=()),
        "mixing.fresh_categorical": Spec(lambda p, t, q: ((p[t] - np.asarray(q["p0"])) ** 2).sum(axis=1),
                                         with_params=True, points=points, simulator=categorical, reference_ts=()),
        "mixing.accumulate_subsample": Spec(lambda p, t: p[1][t] ** 2, points=[dict(n=4, sigma0=1.5), dict(
            n=10, sigma0=0.7)], ts=(1, 2, 5), simulator=subsample, reference_ts=()),
        "mixing.growing_samples": Spec(lambda p, t, q: p[0][t] ** 2 + (p[1][t] - q["sigma0"]) ** 2, with_params=True,
                                       points=[dict(n0=5, gamma=g, ddof=d, sigma0=1.5) for g, d in
                                               ((0.5, 0), (1.5, 1), (1.0, 1))], ts=(1, 3, 6), simulator=growing,
                                       reference_ts=()),
        "mixing.golden_ratio": Spec(lambda p, t: p[t] ** 2, points=[dict(w=0.618, n=10, m=10, sigma0=1.5),
                                                                  dict(w=0.3, n=5, m=20, sigma0=1.0)],
                                    simulator=golden, reference_ts=()),
        # figure: (axis, values, the other parameters) of the searched value, drawn without Monte Carlo
        "mixing.golden_ratio_weight": Spec(lambda p, t: p, points=[], reference_ts=(),
                                           figure=("m", (1, 2, 3, 5, 10, 20, 50, 100), {"n": 10})),
        "mixing.critical_fraction": Spec(lambda p, t: p, points=[], reference_ts=(),
                                         figure=("level", (0.3, 0.5, 0.6, 0.7, 0.8, 0.85, 0.88, 0.9), {"n": 10})),
    }


SPECS.update(_mixing_specs())


@dataclass
class MonteCarloCheck:
    result_id: str
    params: dict
    t: int
    closed_form: float
    estimate: float
    se: float
    z: float
    alpha: float
    chains: int
    passed: bool

    def as_dict(self):
        return dict(asdict(self), params=_plain(self.params))


@dataclass
class ReferenceCheck:
    result_id: str
    points: int
    max_rel_error: float
    worst: dict
    tolerance: float
    passed: bool

    def as_dict(self):
        return dict(asdict(self), worst=_plain(self.worst))


def z_critical(alpha: float) -> float:
    """Two-sided critical value of the absolute z-score at false-alarm rate ``alpha``."""
    alpha = check_real("alpha", alpha, positive=True, upper=1, upper_strict=True)
    return float(stats.norm.isf(alpha / 2))


def mean_and_se(values: np.ndarray, kind: str = "mean"):
    """Estimate and standard error of the mean (or of the variance, by the delta method)."""
    values = _as_sample(values)
    m = values.size
    if kind in ("mean", "proportion"):
        return float(values.mean()), float(values.std(ddof=1) / np.sqrt(m))
    if kind == "variance":
        centred = values - values.mean()
        var = float(centred.var(ddof=1))
        m4 = float(np.mean(centred**4))
        return var, float(np.sqrt(max(m4 - var**2 * (m - 3) / (m - 1), 0.0) / m))
    raise ValueError(f"kind must be 'mean' or 'variance', got {kind!r}")


def _as_sample(values) -> np.ndarray:
    """A one-dimensional finite float sample of size >= 2, or ``ValueError`` naming ``values``."""
    try:
        values = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise ValueError("values must be an array of real numbers") from None
    if values.ndim != 1 or values.size < 2:
        raise ValueError(f"values must be a one-dimensional array of at least 2 numbers, got shape {values.shape}")
    if not np.all(np.isfinite(values)):
        raise ValueError("values must be finite (a NaN or inf would make the estimate meaningless)")
    return values


def skew_corrected_z(values, expected) -> float:
    """Johnson's (1978) modified t statistic for the mean of a skewed population.

    t = [d + m3 / (6 s^2 N) + m3 d^2 / (3 s^4)] / (s / sqrt(N)), with d = mean - expected and
    m3 the sample third central moment. It removes the first-order effect of skewness on
    the null distribution, which the plain z = d / (s / sqrt(N)) ignores (Johnson, N. J.,
    J. Amer. Statist. Assoc. 73 (1978) 536-544).
    """
    values = _as_sample(values)
    expected = float(check_real("expected", expected))
    N = values.size
    mean = values.mean()
    s2 = values.var(ddof=1)
    if s2 == 0:
        return 0.0 if mean == expected else float(np.inf)
    m3 = float(np.mean((values - mean) ** 3))
    d = mean - expected
    return float((d + m3 / (6 * s2 * N) + m3 * d * d / (3 * s2 * s2)) / np.sqrt(s2 / N))


def binomial_z(values, expected) -> float:
    """Exact two-sided binomial test of indicator ``values`` against probability ``expected``,
    reported as the normal quantile with the same p-value (signed like the deviation)."""
    values = _as_sample(values)
    if not np.all((values == 0) | (values == 1)):
        raise ValueError("values must be indicators (0 or 1) for a proportion check")
    expected = float(check_real("expected", expected, nonnegative=True, upper=1))
    k, m = int(values.sum()), values.size
    pvalue = float(stats.binomtest(k, m, expected).pvalue)
    if pvalue >= 1:
        return 0.0
    z = float(stats.norm.isf(pvalue / 2)) if pvalue > 0 else float("inf")
    return z if k / m >= expected else -z


def simulate_point(spec: Spec, params: dict, t_max: int, chains: int, rng, keep=None):
    """Simulate the model of ``spec`` at ``params`` for ``t_max`` refits (categorical: keeping the
    generations ``keep``, default the spec's)."""
    if callable(spec.simulator):
        return spec.simulator(params, t_max, chains, rng)
    if spec.simulator == "categorical":
        from .categorical_sim import simulate_categorical
        keep = spec.ts_for(params) if keep is None else keep
        return simulate_categorical(params["p0"], params["n"], t_max, chains, seed=rng, keep=keep)
    if spec.simulator == "map":
        return MapPath(spec.transform(params), params["p0"], t_max, chains, rng, keep)
    if spec.simulator == "curation":
        from .workflows import curation_workflow
        return curation_workflow(params["p0"], params["n"], t_max, chains, seed=rng)
    if spec.simulator == "absorption":
        from .categorical_sim import simulate_absorption
        return simulate_absorption(params["p0"], params["n"], chains, seed=rng)
    raise ValueError(f"spec: no simulator {spec.simulator!r} (a declared result is simulated from its law)")


def spec_for(result_id: str) -> Spec:
    """How ``result_id`` is checked: generated from the declaration for a result derived from a
    declared model (Monte Carlo of the declared law at :func:`model_points`, the reference route of
    :mod:`~modelcollapse.numerics.declared_reference`), else the model extension's entry in
    :data:`SPECS`."""
    r = theory.get(result_id)
    if r.id in SPECS:
        return SPECS[r.id]
    if getattr(r, "model", None) is None or getattr(r, "target", None) is None:
        raise ValueError(f"result_id: {r.id} has no numerical check specification")
    points = model_points(r)
    ts = tuple(getattr(r, "check_ts", None) or MODEL_TS)
    own_ts = getattr(r, "check_reference_ts", None)
    reference_ts = MODEL_REFERENCE_TS if own_ts is None else own_ts
    from modelcollapse.theory.assumptions import IntegerSequence
    schedules = {a.name for a in r.assumptions if isinstance(a, IntegerSequence)}
    lengths = [len(p[name]) for p in points for name in schedules]
    if lengths:  # a schedule: generations up to its length
        reference_ts = tuple(sorted({g for g in reference_ts if g <= min(lengths)} | {min(lengths)}))
    return Spec(None, kind="declared", points=points, ts=ts, reference_ts=reference_ts, simulator="declared")


def monte_carlo_checks(result_id: str, chains: int, alpha: float, seed, spec: Spec | None = None,
                       closed_form: Callable | None = None) -> list[MonteCarloCheck]:
    """z-test the closed form of ``result_id`` at every point and generation of its spec.

    A result derived from a declared model is checked by :func:`model_monte_carlo_checks` (its
    declared law, at :func:`model_points`). ``closed_form`` (default: the registered result) may
    be replaced, which is how the power of these checks against wrong formulas is measured.
    """
    r = theory.get(result_id)
    if spec is None and own_check(result_id) is not None:
        from . import information_checks
        return information_checks.monte_carlo_checks(result_id, chains, alpha, seed, closed_form)
    spec = spec or spec_for(result_id)
    if spec.simulator == "declared":
        return model_monte_carlo_checks(r, chains, alpha, seed, points=spec.points, ts=spec.ts,
                                        closed_form=closed_form)
    closed_form = closed_form or r
    chains = check_int("chains", chains, lower=2)
    crit = z_critical(alpha)
    out = []
    for i, params in enumerate(spec.points):
        ts = spec.ts_for(params)
        path = simulate_point(spec, params, max((t for t in ts if t is not None), default=0), chains,
                              stream(seed, result_id, i))
        for t in ts:
            values = np.asarray(spec.value(path, t, params), dtype=float)
            expected = _expected(r, closed_form, params, t)
            if spec.kind == "bounds":
                # One-sided at each end: the mean may sit anywhere in [lower, upper].
                est, se = mean_and_se(values)
                lo, hi = expected
                z = max((lo - est) / se, (est - hi) / se, 0.0) if se > 0 else (0.0 if lo <= est <= hi else np.inf)
                passed = z <= crit
                out.append(MonteCarloCheck(result_id, dict(params), t, expected, est, se, float(z), alpha, chains,
                                           bool(passed)))
                continue
            est, se = mean_and_se(values, spec.kind)
            if spec.kind == "proportion":
                z = binomial_z(values, expected)
                out.append(MonteCarloCheck(result_id, dict(params), t, expected, est, se, z, alpha, chains,
                                           bool(abs(z) <= crit)))
                continue
            z = skew_corrected_z(values, expected) if spec.kind == "mean" else (
                (est - expected) / se if se > 0 else (0.0 if est == expected else np.inf))
            out.append(MonteCarloCheck(result_id, dict(params), t, expected, est, se, float(z), alpha, chains,
                                       bool(abs(z) <= crit)))
    return out


def own_check(result_id: str):
    """The check a result's own module defines (the information results:
    :mod:`~modelcollapse.numerics.information_checks`), or None."""
    from .information_checks import CHECKS
    return CHECKS.get(result_id)


def monte_carlo_test_count(result_id: str) -> int:
    """How many z-tests :func:`monte_carlo_checks` runs for ``result_id`` (for Bonferroni)."""
    if own_check(result_id) is not None:
        return own_check(result_id).test_count()
    spec = spec_for(result_id)
    return sum(len(spec.ts_for(p)) for p in spec.points)


# --- results derived from a declared model ---------------------------------------------------

#: Generations at which a declared model's results are checked by default.
MODEL_TS = (1, 3)
#: Generations at which a declared model's results are compared with the reference route.
MODEL_REFERENCE_TS = (0, 1, 2, 7, 50, 1000)
#: Length of the default schedules (IntegerSequence parameters): enough for every t in MODEL_TS.
MODEL_SCHEDULE_LENGTH = 8


def _default_value(a, which, known):
    """Default Monte Carlo value of the parameter with assumption ``a`` at point ``which`` (0 or 1);
    ``known`` maps the symbols of parameters already chosen to their values (for symbolic bounds)."""
    from modelcollapse.theory.assumptions import (IntegerAtLeast, IntegerSequence, OneOf, PositiveReal,
                                                  Probability, RealAbove, RealNumber, SampleCount,
                                                  SampleFraction)
    if isinstance(a, IntegerAtLeast):
        value = max(a.lower, (5, 10)[which])
        upper = sp.sympify(a.upper).xreplace(known) if a.upper is not None else None
        return max(a.lower, min(value, int(upper))) if upper is not None and upper.is_number else value
    if isinstance(a, IntegerSequence):
        start, stride = max(a.lower, (5, 10)[which]), (1, 2)[which]
        return tuple(start + stride * s for s in range(MODEL_SCHEDULE_LENGTH))
    if isinstance(a, OneOf):
        return a.values[0] if which == 0 else a.values[-1]
    if isinstance(a, PositiveReal):
        return (1.0, 2.0)[which]
    if isinstance(a, Probability):
        return (0.3, 0.6)[which]
    if isinstance(a, SampleCount):
        size = int(known[a.size])
        return max(a.lower, min(size - a.lower, round((0.3, 0.6)[which] * size)))
    if isinstance(a, SampleFraction):
        size = int(known[a.size])
        return max(a.lower, min(size - a.lower, round((0.3, 0.6)[which] * size))) / size
    if isinstance(a, RealNumber):
        return (0.5, -0.5)[which]
    if isinstance(a, RealAbove):
        return float(sp.sympify(a.bound).xreplace(known)) + (1.0, 2.0)[which]
    raise ValueError(f"{a.name}: no default Monte Carlo point for the assumption {a.describe()} "
                     f"(give the declaration its check points)")


def _default_point(assumptions, which, given=None) -> dict:
    """Values for ``assumptions`` (t excluded) at default point ``which``, keeping those in ``given``."""
    point = dict(given or {})
    known = {}
    for a in assumptions:
        if a.name == "t":
            continue
        if a.name not in point:
            point[a.name] = _default_value(a, which, known)
        if not isinstance(point[a.name], tuple):
            known[a.symbol] = sp.sympify(point[a.name])
    return point


def model_points(result) -> list[dict]:
    """Two default parameter points (without t) for a result derived from a declared model.

    Chosen from the result's assumptions: integers ``max(lower, 5)`` and ``max(lower, 10)``,
    positive reals 1.0 and 2.0, the first and the last value of a finite set (ddof 0 and 1), reals
    0.5 and -0.5, probabilities 0.3 and 0.6, a real above a bound the bound + 1 and + 2, schedules
    ``max(lower, 5) + s`` and ``max(lower, 10) + 2 s`` for s = 0 .. MODEL_SCHEDULE_LENGTH - 1.
    Model parameters the result does not take (a ``mu0`` the target does not depend on) get the
    same defaults, so the point can be simulated. A declaration may name its own points
    (``checks=dict(points=[...])`` in :meth:`~modelcollapse.theory.model.Model.expectation`),
    completed by these defaults.
    """
    model = getattr(result, "model", None)
    if model is None:
        raise ValueError(f"result: {result.id} is not derived from a declared model")
    points = []
    declared = getattr(result, "check_points", None)
    for which, given in enumerate(declared) if declared else ((0, None), (1, None)):
        p = _default_point(model.params, min(which, 1), _default_point(result.assumptions, min(which, 1), given))
        if p not in points:
            points.append(p)
    return points


def target_functionals(result):
    """The result's target as (functionals, combination).

    ``result.target`` is E[f(state_t)] or an expression in such expectations, variances and named
    functionals (a plain functional of the state symbols is read as its expectation). Variances
    and named functionals are expanded by their definitions
    (:func:`~modelcollapse.theory.engine.expand_definitions`); each expectation E[f_k] becomes a
    symbol ``m_k``. Returns ([f_k in the model's state and parameter symbols], [m_k], the target
    in the m_k, the parameters and t).
    """
    from modelcollapse.theory.engine import expand_definitions
    from modelcollapse.theory.symbols import E, State

    model = result.model
    now = model.at()
    target = sp.sympify(result.target).xreplace(now)
    if not target.atoms(E) and target.atoms(State) and not any(type(a).__name__ == "Var" for a in
                                                                 sp.preorder_traversal(target)):
        target = E(target)
    expanded = expand_definitions(target)
    back = {v: k for k, v in now.items()}
    atoms = sorted(expanded.atoms(E), key=sp.default_sort_key)
    functionals = []
    for atom in atoms:
        f = atom.args[0].xreplace(back)
        if f.atoms(State):
            raise ValueError(f"target: {atom} mentions a random quantity at another generation")
        functionals.append(f)
    means = [sp.Dummy(f"m{k}") for k in range(len(atoms))]
    combination = expanded.xreplace(dict(zip(atoms, means)))
    if combination.atoms(State):
        raise ValueError(f"target: {result.target} has a random quantity outside every expectation")
    return functionals, means, combination


def _target_estimate(result, path, t, params):
    """(estimate, standard error, per-chain values or None) of the target at generation t.

    When the target is affine in the expectations (E[f], E[f] - h_0, ...) the per-chain values are
    the affine combination of the f_k and the estimate is their mean; otherwise (a variance) the
    estimate is the combination of the sample means and its standard error comes from the delta
    method with the sample covariance of the f_k (its O(1/chains) bias is negligible next to it).
    """
    from modelcollapse.theory.assumptions import IntegerSequence
    from modelcollapse.theory.symbols import t as generation

    model = result.model
    functionals, means, combination = target_functionals(result)
    values = np.array([evaluate_functional(model, f, path, t, params) for f in functionals]).reshape(
        len(functionals), -1)
    scalar = {}
    for a in tuple(model.params) + tuple(result.assumptions):
        if not isinstance(a, IntegerSequence) and a.name in params:
            scalar[a.symbol] = params[a.name]
    symbols = list(means) + list(scalar) + [generation]
    numbers = list(scalar.values()) + [t]
    combine = sp.lambdify(symbols, combination, modules="numpy")
    affine = all(not (sp.diff(combination, m).free_symbols & set(means)) for m in means)
    chains = values.shape[1]
    if affine:
        per_chain = np.broadcast_to(np.asarray(combine(*values, *numbers), dtype=float), (chains,))
        est, se = mean_and_se(per_chain)
        return est, se, per_chain
    centre = values.mean(axis=1)
    gradient = np.array([float(sp.lambdify(symbols, sp.diff(combination, m), modules="numpy")(*centre, *numbers))
                         for m in means])
    covariance = np.atleast_2d(np.cov(values))
    se = float(np.sqrt(max(gradient @ covariance @ gradient, 0.0) / chains))
    return float(combine(*centre, *numbers)), se, None


def _model_check_at(result, path, params, t, chains, alpha, closed_form) -> MonteCarloCheck:
    """z-test of the result's target at generation t at one point, on a simulated path."""
    params = {k: v for k, v in params.items() if k != "t"}
    est, se, per_chain = _target_estimate(result, path, t, params)
    expected = _expected(result, closed_form or result, params, t)
    if per_chain is not None:
        z = skew_corrected_z(per_chain, expected)
    else:
        z = (est - expected) / se if se > 0 else (0.0 if est == expected else np.inf)
    shown = {k: v for k, v in params.items() if k in result.parameters}
    return MonteCarloCheck(result.id, shown, t, expected, est, se, float(z), alpha, chains,
                           bool(abs(z) <= z_critical(alpha)))


def model_monte_carlo_check(result, params: dict, chains: int, seed, alpha: float,
                            closed_form: Callable | None = None) -> MonteCarloCheck:
    """z-test a result derived from a declared model at one parameter point.

    Simulates the declared law (:func:`~modelcollapse.numerics.declared.simulate_model`) at
    ``params`` for ``params["t"]`` generations, evaluates the result's target ``result.target``
    on every chain at generation t (each expectation's functional, lambdified over the state and
    the parameters), and compares the Monte Carlo estimate with the closed form
    ``result(**params)``: estimate, standard error, z-score (skew-corrected,
    :func:`skew_corrected_z`, for a target affine in expectations; delta method otherwise) and
    the verdict ``|z| <= z_critical(alpha)``, so a correct closed form fails with probability
    about ``alpha``.

    Parameters
    ----------
    result : Result
        With ``result.model`` and ``result.target`` (see :meth:`Model.expectation`).
    params : dict
        The result's parameters, t included; model parameters the result does not take get
        the defaults of :func:`model_points`.
    chains : int >= 2
    seed : None, int, SeedSequence or Generator
        An int (or None) is keyed by the result id and the point (:func:`~.streams.stream`).
    alpha : float in (0, 1)
        Two-sided false-alarm rate of the test.
    closed_form : callable, optional
        Replaces ``result`` as the value under test (to measure power against wrong formulas).
    """
    if getattr(result, "model", None) is None:
        raise ValueError(f"result: {getattr(result, 'id', result)!r} is not derived from a declared model")
    params = {k: v for k, v in params.items() if k != "ts"}
    if "t" not in params:
        raise ValueError(f"t is required by {result.id} (the generation to check)")
    t = check_int("t", params.pop("t"), lower=0)
    chains = check_int("chains", chains, lower=2)
    z_critical(alpha)  # ValueError naming alpha before any simulation
    if seed is None or isinstance(seed, (int, np.integer)) and not isinstance(seed, bool):
        seed = stream(seed, result.id, t, *sorted((k, str(v)) for k, v in _plain(params).items()))
    params = _default_point(result.model.params, 0, params)
    path = simulate_model_params(result.model, params, t, chains, seed)
    return _model_check_at(result, path, params, t, chains, alpha, closed_form)


def model_monte_carlo_checks(result, chains: int, alpha: float, seed, points: list | None = None,
                             ts: tuple = MODEL_TS, closed_form: Callable | None = None) -> list[MonteCarloCheck]:
    """:func:`model_monte_carlo_check` at every point (default :func:`model_points`) and every
    generation in ``ts``; one simulation per point, from the stream keyed by the result id and
    the point's index (as :func:`monte_carlo_checks`)."""
    if getattr(result, "model", None) is None:
        raise ValueError(f"result: {getattr(result, 'id', result)!r} is not derived from a declared model")
    chains = check_int("chains", chains, lower=2)
    z_critical(alpha)
    out = []
    for i, params in enumerate(model_points(result) if points is None else points):
        # A point may name its own generations (a heavy-tailed small-n point only at short horizons).
        own = tuple(check_int("ts", g, lower=0) for g in params.get("ts", ts))
        params = _default_point(result.model.params, 0, {k: v for k, v in params.items() if k not in ("t", "ts")})
        path = simulate_model_params(result.model, params, max(own, default=0), chains, stream(seed, result.id, i))
        out += [_model_check_at(result, path, params, g, chains, alpha, closed_form) for g in own]
    return out


def result_params(result, params, t=None, **extra):
    """The result's own parameters from a spec point (plus t where the result takes it)."""
    out = {k: v for k, v in params.items() if k in result.parameters}
    if "t" in result.parameters and t is not None:
        out["t"] = t
    out.update(extra)
    return out


def _expected(result, closed_form, params, t):
    value = closed_form(**result_params(result, params, t))
    return tuple(float(v) for v in value) if isinstance(value, tuple) else float(value)


def reference_check(result_id: str, spec: Spec | None = None, dps: int = REFERENCE_DPS,
                    rtol: float = REFERENCE_RTOL, closed_form: Callable | None = None) -> ReferenceCheck:
    """Compare the closed form with the independent quadrature-and-iteration route.

    ``closed_form`` (default: the registered result) may be replaced to measure power.
    """
    result = theory.get(result_id)
    r = closed_form or result
    spec = spec or spec_for(result_id)
    worst, worst_err, count = {}, 0.0, 0
    for params in (spec.reference_points if spec.reference_points is not None else spec.points):
        for t in spec.reference_ts:
            own = result_params(result, params, t)
            a = r(dps=dps, **own)
            b = reference_value(result_id, dps=dps, **own)
            with mpmath.workdps(dps):
                if isinstance(a, tuple):
                    # a bound: the exact value must lie in [lower, upper]; the error is the violation
                    lo, hi = a
                    err = float(max(lo - b, b - hi, 0) / max(abs(b), mpmath.mpf(10) ** -dps))
                else:
                    scale = max(abs(b), abs(a))
                    err = float(abs(a - b) / scale) if scale != 0 else 0.0
            count += 1
            if err >= worst_err:
                worst_err, worst = err, own
    return ReferenceCheck(result_id, count, worst_err, worst, rtol, bool(worst_err <= rtol))


class MapPath:
    """A deterministic map on a categorical p, iterated directly (mpmath), and ``chains`` categories
    drawn from p_g at each kept generation g: ``surprisal(g)`` is -log p_g(X) per draw, whose mean
    is the entropy H(p_g)."""

    def __init__(self, step, p0, t_max, chains, rng, keep=None):
        from .workflows import iterate_map
        self.p = [np.array([float(q) for q in row]) for row in iterate_map(step, p0, t_max)]
        rng = np.random.default_rng(rng) if not isinstance(rng, np.random.Generator) else rng
        gens = range(t_max + 1) if keep is None else [g for g in keep if g is not None and g <= t_max]
        self.draws = {g: rng.choice(self.p[g].size, size=chains, p=self.p[g] / self.p[g].sum()) for g in gens}

    def surprisal(self, g):
        return -np.log(self.p[g][self.draws[g]])


def _revived(p, t):
    """Per chain: whether some category with no mass at a generation <= t had mass at the next."""
    lost = p[:-1] == 0
    return (lost[:t] & (p[1:t + 1] > 0)).any(axis=(0, 2)) if t else np.zeros(p.shape[1], dtype=bool)


def _map_spec(transform, points, reference_points=None):
    return Spec(lambda path, t: path.surprisal(t), points=points, ts=(1, 3, 8), reference_ts=(0, 1, 2, 7, 25),
                simulator="map", transform=transform, reference_points=reference_points)


def _sampling_specs():
    from .workflows import nucleus_step, temperature_step, tilt_step, top_k_step
    zipf30 = tuple(float(v) for v in zipf(30, 1.1))
    base = (0.5, 0.3, 0.15, 0.05, 0.0)
    return {
        "sampling.temperature_categorical": _map_spec(
            lambda q: (lambda p: temperature_step(p, q["tau"])),
            [dict(p0=zipf30, tau=0.8), dict(p0=base, tau=1.3), dict(p0=(0.45, 0.35, 0.2), tau=0.85)]),
        "sampling.top_k": _map_spec(lambda q: (lambda p: top_k_step(p, q["k"])),
                                    [dict(p0=zipf30, k=5), dict(p0=base, k=2), dict(p0=(0.3, 0.3, 0.4), k=1)]),
        "sampling.top_p": _map_spec(lambda q: (lambda p: nucleus_step(p, q["top_p"])),
                                    [dict(p0=zipf30, top_p=0.9), dict(p0=base, top_p=0.8),
                                     dict(p0=(0.3, 0.3, 0.2, 0.2), top_p=1.0)]),
        "sampling.reward_tilting": _map_spec(
            lambda q: (lambda p: tilt_step(p, q["r"], q["beta"])),
            [dict(p0=zipf30, r=tuple(float(np.sin(m)) for m in range(30)), beta=0.5),
             dict(p0=base, r=(0.0, 1.0, 2.0, 0.5, 3.0), beta=1.0), dict(p0=(0.6, 0.4), r=(1.0, 0.0), beta=-0.3)]),
        "sampling.curation_support": Spec(_revived, kind="proportion",
                                          points=[dict(p0=(0.5, 0.3, 0.2, 0.0), n=6), dict(p0=(0.1,) * 10, n=4)],
                                          ts=(1, 3, 8), reference_ts=(None,), simulator="curation",
                                          reference_points=[{}]),
    }


SPECS.update(_sampling_specs())

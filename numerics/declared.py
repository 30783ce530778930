"""Simulate a declared model: the exact path generated from its one-step law.

A :class:`~modelcollapse.theory.model.Model` states its refitting loop as parameters, state
variables with their generation-0 values, draws from
:mod:`~modelcollapse.theory.distributions` families, and the update of the state. This module
turns that declaration into a simulator without any hand-written code per model: each draw's
arguments and each update are lambdified with numpy, and every generation draws each
distribution once per chain (vectorised over chains) and applies the update.

It simulates the declared *law* (for instance the sufficient statistic ``S ~ Poisson(n theta)``
of a Poisson refit), not the literal workflow of drawing n samples and fitting them; the
literal workflows in :mod:`~modelcollapse.numerics.workflows` are the independent
counterpart, and the tests check that the two agree in distribution.

Random numbers follow the package's conventions (:mod:`~modelcollapse.numerics.streams`):
chains are split into blocks of :data:`~modelcollapse.numerics.streams.CHAIN_BLOCK`, each with
its own stream spawned from the seed, so a seed gives the same numbers whatever the memory
batch size. Only the current generation's state is held per batch; the output arrays are the
only objects of size O(t * chains).

Examples
--------
A Poisson refit (theta' = S / n with S ~ Poisson(n theta)) is a martingale, E[theta_t] = lam,
with Var[theta_t] = lam t / n (the engine's E[theta_t^2] = lam^2 + lam t / n). With n = 10,
lam = 2, t = 5 and 10 000 chains the standard error of the mean of theta_5 is
sqrt(2 * 5 / 10 / 10 000) = 0.01, so the mean lies within 5 standard errors of lam except
with probability 6e-7 (and this seed is fixed):

>>> import sympy as sp
>>> from modelcollapse.theory.assumptions import IntegerAtLeast, PositiveReal
>>> from modelcollapse.theory.distributions import Poisson
>>> from modelcollapse.theory.model import Model
>>> n, lam, theta, S = sp.symbols("n lam theta S")
>>> m = Model("doctest_declared_poisson", params=[IntegerAtLeast("n", n, 1), PositiveReal("lam", lam)],
...           state={theta: lam}, draws={S: Poisson(n * theta)}, step={theta: S / n})
>>> path = simulate_model(m, t=5, chains=10_000, seed=1, n=10, lam=2.0)
>>> path["theta"].shape           # generations 0..t, one column per chain
(6, 10000)
>>> float(path["theta"][0, 0])    # generation 0 is the declared initial value
2.0
>>> se = (2.0 * 5 / 10 / 10_000) ** 0.5
>>> bool(abs(path["theta"][5].mean() - 2.0) < 5 * se)
True
>>> bool(abs(path["theta"][5].var() - 2.0 * 5 / 10) < 0.05)   # Var = lam t / n = 1
True
"""

from __future__ import annotations

import functools

import numpy as np
import sympy as sp

from modelcollapse.theory.assumptions import IntegerSequence, check_int, validate_joint
from modelcollapse.theory.symbols import t as generation_symbol

from .streams import CHAIN_BLOCK, as_generator, chain_blocks, check_cells

#: Chains advanced together in one memory batch (a whole number of CHAIN_BLOCK blocks).
BATCH_CHAINS = 64 * CHAIN_BLOCK


def _sampler(family):
    """The numpy draw for ``family``: (generator, numpy arguments, size) -> array."""
    samplers = {
        "Normal": lambda g, a, size: g.normal(a[0], np.sqrt(a[1]), size),
        "ChiSquare": lambda g, a, size: g.chisquare(a[0], size),
        "Gamma": lambda g, a, size: g.gamma(a[0], a[1], size),
        "Poisson": lambda g, a, size: g.poisson(a[0], size),
        "Binomial": lambda g, a, size: g.binomial(a[0], a[1], size),
        # a Multinomial's probabilities per chain: one row of counts per chain, one column per category
        "Multinomial": lambda g, a, size: g.multinomial(a[0], np.stack(a[1:], axis=-1)),
    }
    if family not in samplers:
        raise ValueError(f"draws: the {family} family is not simulated here; simulated families: "
                         f"{', '.join(samplers)}")
    return samplers[family]


def _argument_problem(family, args):
    """A description of the first argument outside the family's domain, or None."""
    def bad(values, ok):
        values = np.asarray(values)
        return not (np.all(np.isfinite(values)) and np.all(ok(values)))
    if family == "Normal" and bad(args[0], lambda v: True):
        return "mean is not finite"
    if family == "Normal" and bad(args[1], lambda v: v >= 0):
        return "variance is negative or not finite"
    if family == "ChiSquare" and bad(args[0], lambda v: v > 0):
        return "k is not positive"
    if family == "Gamma" and bad(args[0], lambda v: v > 0):
        return "shape is not positive"
    if family == "Gamma" and bad(args[1], lambda v: v > 0):
        return "scale is not positive"
    if family == "Poisson" and bad(args[0], lambda v: v >= 0):
        return "rate is negative or not finite"
    if family == "Binomial" and bad(args[0], lambda v: (v >= 0) & (v == np.rint(v))):
        return "trials is not a non-negative integer"
    if family == "Binomial" and bad(args[1], lambda v: (v >= 0) & (v <= 1)):
        return "p is outside [0, 1]"
    if family == "Multinomial" and bad(args[0], lambda v: (v >= 0) & (v == np.rint(v))):
        return "trials is not a non-negative integer"
    if family == "Multinomial" and (bad(np.stack(args[1:]), lambda v: (v >= 0) & (v <= 1)) or not np.allclose(
            np.sum(args[1:], axis=0), 1, atol=1e-9)):
        return "p is not a probability vector"
    return None


def validate_params(model, params: dict) -> dict:
    """Each parameter of ``model`` validated by its assumption; ``ValueError`` naming a missing,
    unknown or invalid parameter."""
    names = [a.name for a in model.params]
    unknown = sorted(set(params) - set(names))
    if unknown:
        raise ValueError(f"{unknown[0]} is not a parameter of the model {model.name} "
                         f"(parameters: {', '.join(names)})")
    out = {}
    for a in model.params:
        if a.name not in params:
            raise ValueError(f"{a.name} is required by the model {model.name} ({a.describe()})")
        out[a.name] = a.validate(params[a.name])
    return validate_joint(model.params, out)


@functools.lru_cache(maxsize=4096)
def _compile(expr, arg_symbols, schedule_bases):
    """(schedule entries, numpy function of the arguments then the entries): a model is simulated
    many times (chunks, checks, figures), its expressions compiled once."""
    entries = sorted((e for e in expr.atoms(sp.Indexed) if e.base in schedule_bases), key=sp.default_sort_key)
    entry_symbols = [sp.Dummy(f"entry{k}") for k in range(len(entries))]
    expr = expr.xreplace(dict(zip(entries, entry_symbols)))
    return entries, sp.lambdify(list(arg_symbols) + entry_symbols, expr, modules="numpy")


class _Compiled:
    """An expression lambdified over fixed argument symbols, with schedule entries (``ns[t]``)
    replaced by numbers generation by generation."""

    def __init__(self, expr, arg_symbols, schedules):
        self.entries, self.fn = _compile(sp.sympify(expr), tuple(arg_symbols), frozenset(schedules))
        self.schedules = schedules

    def __call__(self, values: list, scalars: dict):
        """Evaluate at ``values`` (one per argument symbol); ``scalars`` maps parameter symbols and
        the generation symbol to numbers, used for the schedule indices."""
        return self.fn(*values, *(self._entry(e, scalars) for e in self.entries))

    def _entry(self, entry, scalars):
        name, seq = self.schedules[entry.base]
        if len(entry.indices) != 1:
            raise ValueError(f"{name}: a schedule takes one index, got {entry}")
        index = sp.sympify(entry.indices[0]).xreplace(scalars)
        if not index.is_Integer:
            raise ValueError(f"{name}: the index of {entry} must be an integer, got {index}")
        index = int(index)
        if not 0 <= index < len(seq):
            raise ValueError(f"{name} must have an entry at index {index} (it has {len(seq)}: at least t entries "
                             "are needed)")
        return float(seq[index])


def simulate_model(model, t, chains, seed=None, **params) -> dict:
    """Simulate ``chains`` independent runs of ``t`` generations of a declared model.

    Parameters
    ----------
    model : Model
        The declaration (``name``, ``params``, ``state``, ``draws``, ``step``); any object with
        those attributes will do.
    t : int >= 0
        Number of refits; generation 0 is the declared initial state.
    chains : int >= 1
    seed : None, int, SeedSequence or Generator
        Root of the random streams (see :mod:`~modelcollapse.numerics.streams`).
    **params
        One value per declared parameter, validated by its assumption; a schedule
        (``IntegerSequence``) is a sequence whose entries the update may index, e.g. ``ns[t]``
        (t is the generation being refitted, 0 for the first refit).

    Returns
    -------
    dict
        Each state variable's name (str) -> float64 array of shape (t + 1, chains); row g is
        generation g.
    """
    return simulate_model_params(model, params, t, chains, seed)


def simulate_model_params(model, params: dict, t, chains, seed=None, batch_chains=None) -> dict:
    """:func:`simulate_model` with the parameters as a dict and an optional batch size
    (``batch_chains``, rounded up to whole blocks of CHAIN_BLOCK chains; it changes memory use,
    never the numbers)."""
    t = check_int("t", t, lower=0)
    chains = check_int("chains", chains, lower=1)
    batch_chains = BATCH_CHAINS if batch_chains is None else check_int("batch_chains", batch_chains, lower=1)
    if getattr(model, "indices", None):
        return _simulate_categories(model, params, t, chains, seed, batch_chains)
    values = validate_params(model, dict(params))
    states = list(model.state)
    draws = list(model.draws)  # keys: a symbol, or a tuple of symbols for a Multinomial's counts
    from modelcollapse.theory.model import draw_symbols
    drawn_symbols = draw_symbols(model)
    check_cells("chains * (t + 1) * state variables", chains * (t + 1) * max(len(states), 1))

    schedules = {a.symbol: (a.name, values[a.name]) for a in model.params if isinstance(a, IntegerSequence)}
    scalar_params = [a for a in model.params if not isinstance(a, IntegerSequence)]
    param_symbols = [a.symbol for a in scalar_params]
    param_values = [values[a.name] for a in scalar_params]
    # Numbers the schedule indices may depend on (the generation, integer parameters).
    scalars = {a.symbol: sp.sympify(values[a.name]) for a in scalar_params}

    initial = {s: _Compiled(model.state[s], param_symbols, schedules) for s in states}
    # A draw known by its cited moments carries its own sampler (by its definition).
    samplers = {d: getattr(model.draws[d], "sample", None) or _sampler(model.draws[d].family) for d in draws}
    flat_args = {d: [x for a in model.draws[d].args for x in (a if isinstance(a, tuple) else (a,))] for d in draws}
    draw_args = {d: [_Compiled(a, states + param_symbols + [generation_symbol], schedules) for a in flat_args[d]]
                 for d in draws}
    updates = {s: _Compiled(model.step[s], states + drawn_symbols + param_symbols + [generation_symbol], schedules)
               for s in states}

    out = {str(s): np.empty((t + 1, chains), dtype=np.float64) for s in states}
    generation_0 = {}
    for s in states:
        v = np.asarray(initial[s](param_values, scalars), dtype=np.float64)
        if v.ndim != 0 or not np.isfinite(v):
            raise ValueError(f"state: the initial value of {s} is not a finite number at these parameters ({v})")
        generation_0[s] = float(v)
        out[str(s)][0] = generation_0[s]

    blocks = chain_blocks(as_generator(seed), chains)
    per_batch = max(1, -(-batch_chains // CHAIN_BLOCK))
    for b0 in range(0, len(blocks), per_batch):
        group = blocks[b0:b0 + per_batch]
        lo, hi = group[0][0], group[-1][1]
        size = hi - lo
        current = [np.full(size, generation_0[s]) for s in states]
        for g in range(t):
            at_g = {**scalars, generation_symbol: sp.Integer(g)}
            drawn = []
            for d in draws:
                family = model.draws[d].family
                args = [np.broadcast_to(np.asarray(f(current + param_values + [g], at_g), dtype=np.float64), (size,))
                        for f in draw_args[d]]
                problem = _argument_problem(family, args)
                if problem:
                    raise ValueError(f"draws: {d} ~ {model.draws[d]!r} at generation {g}: the {problem} "
                                     f"(the declaration leaves the family's domain at these parameters)")
                if family in ("Binomial", "Multinomial"):
                    args[0] = np.rint(args[0]).astype(np.int64)
                width = len(d) if isinstance(d, tuple) else None
                values_d = np.empty((size, width) if width else size, dtype=np.float64)
                for b_lo, b_hi, gen in group:
                    part = slice(b_lo - lo, b_hi - lo)
                    values_d[part] = samplers[d](gen, [a[part] for a in args], b_hi - b_lo)
                drawn += [values_d[:, j] for j in range(width)] if width else [values_d]
            current = [np.broadcast_to(np.asarray(updates[s](current + drawn + param_values + [g], at_g),
                                                  dtype=np.float64), (size,)).copy() for s in states]
            for s, v in zip(states, current):
                out[str(s)][g + 1, lo:hi] = v
    return out


def _category_models(model, values):
    """For a model whose state is one category's (indexed by i over 1..K): one scalar model per
    category, its initial state that category's entry, its parameters the scalar ones."""
    from types import SimpleNamespace
    vectors = [a for a in model.params if isinstance(a.symbol, sp.IndexedBase) and not isinstance(a, IntegerSequence)]
    sizes = {a.size: len(values[a.name]) for a in vectors if hasattr(a, "size")}
    ((index, (lo, hi)),) = model.indices.items()
    lo, hi = (int(sp.sympify(b).xreplace(sizes)) for b in (lo, hi))
    scalar = [a for a in model.params if a not in vectors]
    out = []
    for v in range(lo, hi + 1):
        entries = {a.symbol[index]: sp.Float(values[a.name][v - lo]) for a in vectors}
        state = {s: sp.sympify(x).xreplace({index: v}).xreplace(entries).xreplace({index: v}) for s, x in
                 model.state.items()}
        state = {s: sp.sympify(x).xreplace({a.symbol[v]: sp.Float(values[a.name][v - lo]) for a in vectors})
                 for s, x in state.items()}
        out.append(SimpleNamespace(name=f"{model.name}[{index}={v}]", params=tuple(scalar), state=state,
                                   draws=model.draws, step=model.step, indices={}))
    return index, out


def _simulate_categories(model, params, t, chains, seed, batch_chains):
    """Each category's chain from its own declared (marginal) law, on its own stream: arrays of
    shape (t + 1, chains, K). The categories are simulated independently, which gives every
    category's law exactly, and so the expectation of any sum of one-category functionals (the
    results an indexed declaration states); it is not the joint law of the categories."""
    names = {str(i) for i in model.indices}
    values = validate_params(model, {k: v for k, v in params.items() if k not in names})
    index, models = _category_models(model, values)
    scalar = {a.name: values[a.name] for a in models[0].params}
    streams = as_generator(seed).spawn(len(models))
    paths = [simulate_model_params(m, scalar, t, chains, g, batch_chains) for m, g in zip(models, streams)]
    return {str(s): np.stack([p[str(s)] for p in paths], axis=-1) for s in model.state}


def evaluate_functional(model, expr, path: dict, g: int, params: dict) -> np.ndarray:
    """``expr`` (in the model's state variables and parameters) on every chain at generation ``g``
    of ``path`` (as returned by :func:`simulate_model`); a float64 array of shape (chains,)."""
    if getattr(model, "indices", None):
        return _evaluate_over_categories(model, expr, path, g, params)
    values = validate_params(model, dict(params))
    states = list(model.state)
    missing = [str(s) for s in states if str(s) not in path]
    if missing:
        raise ValueError(f"path: no simulated values of the state variable {missing[0]}")
    g = check_int("g", g, lower=0, upper=path[str(states[0])].shape[0] - 1)
    schedules = {a.symbol: (a.name, values[a.name]) for a in model.params if isinstance(a, IntegerSequence)}
    scalar_params = [a for a in model.params if not isinstance(a, IntegerSequence)]
    scalars = {a.symbol: sp.sympify(values[a.name]) for a in scalar_params}
    fn = _Compiled(expr, states + [a.symbol for a in scalar_params], schedules)
    chains = path[str(states[0])].shape[1]
    out = fn([path[str(s)][g] for s in states] + [values[a.name] for a in scalar_params], scalars)
    return np.broadcast_to(np.asarray(out, dtype=np.float64), (chains,)).copy()


def _evaluate_over_categories(model, expr, path, g, params):
    """``expr`` on every chain of an indexed model's path: a sum over the index adds the
    categories' columns; the bare index takes the column ``params[index]``."""
    from modelcollapse.theory.engine import split_over_index
    names = {str(i) for i in model.indices}
    values = validate_params(model, {k: v for k, v in params.items() if k not in names})
    index, models = _category_models(model, values)
    scalar = {a.name: values[a.name] for a in models[0].params}
    coefficient = {a.symbol: values[a.name] for a in models[0].params}
    sums, rest = split_over_index(model, sp.sympify(expr))

    def column(f, v):
        return evaluate_functional(models[v], f, {k: a[..., v] for k, a in path.items()}, g, scalar)
    total = 0.0
    for coeff, S in sums:
        c = float(sp.sympify(coeff).xreplace(coefficient))
        total = total + c * sum(column(S.function, v) for v in range(len(models)))
    if sp.sympify(rest) != 0:
        if str(index) not in params:
            raise ValueError(f"{index} is required to evaluate {rest} (one category's functional)")
        total = total + column(sp.sympify(rest).xreplace({index: params[str(index)]}), int(params[str(index)]) - 1)
    chains = path[str(next(iter(model.state)))].shape[1]
    return np.broadcast_to(np.asarray(total, dtype=np.float64), (chains,)).copy()


__all__ = ["simulate_model", "simulate_model_params", "validate_params", "evaluate_functional", "BATCH_CHAINS"]

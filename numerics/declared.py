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

import numpy as np
import sympy as sp

from modelcollapse.theory.assumptions import IntegerSequence, check_int
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
    }
    if family not in samplers:
        raise ValueError(f"draws: the {family} family is not simulated here (declare its Binomial marginals "
                         f"for a Multinomial); simulated families: {', '.join(samplers)}")
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
    return out


class _Compiled:
    """An expression lambdified over fixed argument symbols, with schedule entries (``ns[t]``)
    replaced by numbers generation by generation."""

    def __init__(self, expr, arg_symbols, schedules):
        expr = sp.sympify(expr)
        self.entries = sorted((e for e in expr.atoms(sp.Indexed) if e.base in schedules), key=sp.default_sort_key)
        self.entry_symbols = [sp.Dummy(f"entry{k}") for k in range(len(self.entries))]
        expr = expr.xreplace(dict(zip(self.entries, self.entry_symbols)))
        self.schedules = schedules
        self.fn = sp.lambdify(list(arg_symbols) + self.entry_symbols, expr, modules="numpy")

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
        raise ValueError(f"model: {model.name} has indexed state variables ({', '.join(map(str, model.indices))}); "
                         "the declared simulator handles scalar state variables only")
    values = validate_params(model, dict(params))
    states = list(model.state)
    draws = list(model.draws)
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
    draw_args = {d: [_Compiled(a, states + param_symbols + [generation_symbol], schedules)
                     for a in model.draws[d].args] for d in draws}
    updates = {s: _Compiled(model.step[s], states + draws + param_symbols + [generation_symbol], schedules)
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
                if family == "Binomial":
                    args[0] = np.rint(args[0]).astype(np.int64)
                values_d = np.empty(size, dtype=np.float64)
                for b_lo, b_hi, gen in group:
                    part = slice(b_lo - lo, b_hi - lo)
                    values_d[part] = samplers[d](gen, [a[part] for a in args], b_hi - b_lo)
                drawn.append(values_d)
            current = [np.broadcast_to(np.asarray(updates[s](current + drawn + param_values + [g], at_g),
                                                  dtype=np.float64), (size,)).copy() for s in states]
            for s, v in zip(states, current):
                out[str(s)][g + 1, lo:hi] = v
    return out


def evaluate_functional(model, expr, path: dict, g: int, params: dict) -> np.ndarray:
    """``expr`` (in the model's state variables and parameters) on every chain at generation ``g``
    of ``path`` (as returned by :func:`simulate_model`); a float64 array of shape (chains,)."""
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


__all__ = ["simulate_model", "simulate_model_params", "validate_params", "evaluate_functional", "BATCH_CHAINS"]

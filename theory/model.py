"""Declare a model, get its theorems.

A :class:`Model` is a refitting loop written as its one-step law: parameters with their
assumptions, state variables with their values at generation 0, draws (each from a
:mod:`~modelcollapse.theory.distributions` family whose arguments may depend on the state),
and the update that gives the state at generation t + 1. :meth:`Model.expectation` asks the
derivation engine (:mod:`~modelcollapse.theory.engine`) for E[f(state_t)] and registers the
result; the proof the engine's trace yields is checked by the kernel, and the simulator, the
Monte Carlo check and the reference route come from the same declaration.

Examples
--------
>>> import sympy as sp
>>> from modelcollapse import Model, Poisson
>>> from modelcollapse.theory.assumptions import IntegerAtLeast, PositiveReal
>>> n, lam, theta, S = sp.symbols("n lam theta S")
>>> m = Model("doctest_poisson", params=[IntegerAtLeast("n", n, 1), PositiveReal("lam", lam)],
...           state={theta: lam}, draws={S: Poisson(n * theta)}, step={theta: S / n})
>>> r = m.expectation(theta**2, id="doctest_poisson.second_moment")
>>> sp.expand(r.closed_form - (lam**2 + lam * r.symbols[-1] / n))
0
>>> r(n=10, t=7, lam=2.0)
5.4
>>> from modelcollapse import proofs
>>> proofs.check("doctest_poisson.second_moment").ok
True
>>> m.forget()  # an example's model is not part of the package
"""

from __future__ import annotations

import sys

import sympy as sp
from sympy.core.symbol import Str

from .assumptions import IntegerAtLeast
from .distributions import Distribution
from .registry import register
from .result import Result
from .symbols import State
from .symbols import t as generation

_MODELS: dict = {}


def state_at(symbol, g=generation, *idx):
    return State(Str(str(symbol)), g, *idx)


class Model:
    """A refitting loop declared by its one-step law.

    Parameters
    ----------
    name : str
        The model's name; the ids of its results start with ``name + "."``.
    params : sequence of Assumption
        One per parameter (e.g. ``IntegerAtLeast("n", n, 1)``). The generation index ``t`` is
        added by the model.
    state : dict
        Each state variable (a sympy symbol) and its value at generation 0 (in the parameters).
    draws : dict
        Each draw (a sympy symbol) and its distribution; drawn afresh every generation,
        independently of each other given the state.
    step : dict
        Each state variable and its value at generation t + 1, in the state and the draws (and the
        generation t itself, for a loop whose coefficients change with it; draws may use t too).
    start : dict, optional
        Start draws (a sympy symbol and its distribution, in the parameters): drawn once, before
        generation 0, independently of each other and of every draw; an initial value may use them
        (a random start, such as a prior on the first model).
    claims : callable, optional (for :meth:`expectation` and :meth:`quantity`)
        ``claims(derivation) -> {name: Claim}``: further theorems about the result, each with
        the recipe of its proof (:mod:`~modelcollapse.theory.recipes`).
    references : sequence of Reference, optional
    summary : str, optional
    """

    def __init__(self, name, params, state, draws, step, references=(), summary="", domains=None, family=None,
                 indices=None, start=None):
        if not isinstance(name, str) or not name.isidentifier():
            raise ValueError(f"name must be an identifier, got {name!r}")
        self.name = name
        #: Result ids start with ``family + "."`` (the model's name unless several models share a family).
        self.family = family or name
        self.params = tuple(params)
        self.state = {sp.sympify(k): sp.sympify(v) for k, v in dict(state).items()}
        self.draws = dict(draws)
        self.start = dict(start or {})
        self.step = {sp.sympify(k): sp.sympify(v) for k, v in dict(step).items()}
        self.references = tuple(references)
        self.summary = summary
        #: Optional declared state domains ("positive", "nonnegative", "unit", "real"); else inferred.
        self.declared_domains = dict(domains or {})
        self.generation = generation
        #: Index symbols and their ranges, {i: (1, K)}: the state is one category's, and a result
        #: may sum over the categories.
        self.indices = {sp.sympify(k): tuple(map(sp.sympify, v)) for k, v in dict(indices or {}).items()}
        self._check()
        #: Results attached by :meth:`extension` (what the engine does not derive), in order.
        self.extensions: list = []
        #: The file that declared the model (part of the key of its cached derivations).
        self.declared_in = sys._getframe(1).f_code.co_filename
        _MODELS[name] = self

    def _check(self):
        from .assumptions import Assumption
        for a in self.params:
            if not isinstance(a, Assumption):
                raise ValueError(f"params: each entry must be an assumption such as IntegerAtLeast('n', n, 2), "
                                 f"got {a!r}")
        for k in list(self.state) + list(self.draws):
            if isinstance(k, tuple) and k and all(isinstance(x, sp.Symbol) for x in k):
                law = self.draws.get(k)
                if getattr(law, "family", None) != "Multinomial" or len(k) != len(law.args[1]):
                    raise ValueError(f"draws: a tuple of symbols {k} names the counts of a Multinomial with as "
                                     "many categories")
            elif not isinstance(k, sp.Symbol):
                raise ValueError(f"state and draws: keys must be sympy symbols, got {k!r}")
            elif getattr(self.draws.get(k), "family", None) == "Multinomial":
                raise ValueError(f"draws: {k} ~ Multinomial: name its counts by a tuple of symbols, one per "
                                 "category, e.g. draws={(C1, C2): Multinomial(n, (p, 1 - p))}")
        if not self.state:
            raise ValueError("state: a model needs at least one state variable")
        param_syms = {a.symbol for a in self.params} | set(self.indices)
        param_syms |= {x for a in self.params if isinstance(a.symbol, sp.IndexedBase)
                       for x in (a.symbol.label,)}
        param_syms |= {a.symbol[idx] for a in self.params if isinstance(a.symbol, sp.IndexedBase) for idx in self.indices}
        names = [a.name for a in self.params]
        if "t" in names or generation in param_syms:
            raise ValueError("params: t is the generation index, added by the model")
        # A schedule (an IndexedBase parameter) is read at the current generation: ns[t].
        param_syms |= {x for a in self.params if isinstance(a.symbol, sp.IndexedBase)
                       for x in (a.symbol[generation], a.symbol.label)}
        param_syms |= {generation} if any(isinstance(a.symbol, sp.IndexedBase) for a in self.params) else set()
        if set(self.step) != set(self.state):
            raise ValueError("step must give the update of every state variable, and only those")
        for d, law in self.draws.items():
            if not isinstance(law, Distribution):
                raise ValueError(f"draws: {d} must be a Distribution (Normal, ChiSquare, Gamma, Poisson, Binomial)")
        # The update and the draws may depend on the generation being refitted (t = 0 for the first
        # refit): a loop whose coefficients change from one generation to the next.
        allowed_args = param_syms | set(self.state) | {generation}
        for d, law in self.draws.items():
            for a in law.args:
                a = sp.Tuple(*a) if isinstance(a, tuple) else a
                extra = sp.sympify(a).free_symbols - allowed_args
                if extra:
                    raise ValueError(f"draws: the law of {d} uses {sorted(map(str, extra))}, not a parameter or state")
        for d, law in self.start.items():
            if not isinstance(law, Distribution) or sp.Tuple(*law.args).free_symbols - param_syms:
                raise ValueError(f"start: {d} must be a Distribution in the parameters")
            if d in self.state or d in self.draws:
                raise ValueError(f"start: {d} is also a state variable or a draw")
        for k, v in self.state.items():
            extra = v.free_symbols - param_syms - set(self.start)
            if extra:
                raise ValueError(f"state: the initial value of {k} uses {sorted(map(str, extra))}")
        for k, v in self.step.items():
            extra = v.free_symbols - param_syms - set(self.state) - set(draw_symbols(self)) - {generation}
            if extra:
                raise ValueError(f"step: the update of {k} uses {sorted(map(str, extra))}")

    def __repr__(self):
        return f"<Model {self.name}: state {sorted(map(str, self.state))}>"

    @property
    def assumptions(self):
        return self.params + (IntegerAtLeast("t", generation, 0),)

    def expectation(self, expr, id, title=None, summary="", references=(), assumptions=None, lazy=False, claims=None,
                    checks=None):
        """Register and return the :class:`Result` E[expr(state_t)], derived by the engine.

        ``ValueError`` (and nothing registered) when the engine cannot close E[expr]; with
        ``lazy=True`` the derivation waits for first use. ``checks``, optional:
        ``dict(points=[{param: value, ...}, ...], ts=(1, 3))``, the parameter points (completed
        by defaults from the assumptions) and generations of the generated Monte Carlo check; a
        point may name its own generations (``ts``); ``reference_ts``, the generations of the
        reference route (each iterates the law that many times; empty: no generated route).
        """
        from .engine import expectation_result
        r = expectation_result(self, sp.sympify(expr), id, title, summary, references, assumptions, claims=claims)
        return self._register(r, lazy, checks)

    def quantity(self, lhs, id, title=None, summary="", references=(), assumptions=None, lazy=False, claims=None,
                 checks=None):
        """Register and return the :class:`Result` for ``lhs``: an expression in expectations
        ``model.E(f)``, variances ``Var(f)`` and named functionals (entropy, W2, KL of the fitted normal)
        of the state, written with the model's own symbols for the state at generation t."""
        from .engine import expectation_result
        r = expectation_result(self, None, id, title, summary, references, assumptions, lhs=lhs, claims=claims)
        return self._register(r, lazy, checks)

    def at(self, g=generation):
        """{state symbol: its random quantity at generation g} (with the model's indices)."""
        return {s: State(Str(str(s)), g, *self.indices) for s in self.state}

    def draw_at(self, g=generation):
        """{draw symbol: its random quantity at generation g} (indexed like the state it depends on)."""
        out = {}
        for d, law in self.draws.items():
            uses_state = any(sp.sympify(a).free_symbols & set(self.state) for a in law.args
                             if not isinstance(a, tuple))
            out[d] = State(Str(str(d)), g, *(self.indices if uses_state else ()))
        return out

    def theorem(self, id, title, derive, assumptions, references=(), summary="", evaluator=None, lazy=False):
        """Register a result whose statement a recipe proves under this model's law (see
        :func:`~modelcollapse.theory.engine.theorem_result`)."""
        from .engine import theorem_result
        return self._register(theorem_result(self, id, title, derive, assumptions, references, summary, evaluator),
                              lazy)

    def extension(self, result, status, note):
        """Attach ``result`` to this model as an extension and register it.

        An extension states what the engine does not derive from the one-step law: a chain-level
        exact computation (fixation, survival, absorption) or an approximation. It says so in its
        ``status`` ("exact computation" or "approximation") and ``note`` (why the kernel does not
        prove it), is listed in :attr:`extensions`, and is checked by its own specification
        (:data:`modelcollapse.numerics.checks.SPECS`) and reference route
        (:data:`modelcollapse.numerics.reference.EXTENSION_ROUTES`) rather than by those generated
        from the declaration.
        """
        if status not in ("exact computation", "approximation"):
            raise ValueError(f"status must be 'exact computation' or 'approximation', got {status!r}")
        if not isinstance(note, str) or not note:
            raise ValueError("note must say why the kernel does not prove the result")
        if not result.id.startswith(self.family + "."):
            raise ValueError(f"result: the id must start with {self.family + '.'!r}, got {result.id!r}")
        result.model, result.target, result.extension = self, None, True
        result.status, result.status_note = status, note
        self.extensions.append(result)
        return register(result)

    def forget(self):
        """Remove this model and its results from the registries (for examples and tests)."""
        from .registry import results, unregister
        for r in results():
            if getattr(r, "model", None) is self:
                unregister(r.id)
        _MODELS.pop(self.name, None)

    def E(self, expr):
        """The expectation of a functional of the state at generation t, for :meth:`quantity`
        (the plain ``E`` is the identity on the model's own, non-random symbols)."""
        from .symbols import E
        return E(sp.sympify(expr).xreplace(self.at()))

    def _register(self, result, lazy, checks=None):
        checks = dict(checks or {})
        unknown = set(checks) - {"points", "ts", "reference_ts"}
        if unknown:
            raise ValueError(f"checks: unknown keys {sorted(unknown)} (allowed: points, ts, reference_ts)")
        result.check_points = [dict(p) for p in checks.get("points", ())] or None
        result.check_ts = tuple(checks.get("ts", ())) or None
        # None: the default generations; an empty tuple: no generated reference route
        result.check_reference_ts = tuple(checks["reference_ts"]) if "reference_ts" in checks else None
        if any(law.family == "Multinomial" for law in self.draws.values()):
            # The engine derives the closed form from the joint moments; the kernel has no Multinomial
            # facts, so the result is an exact computation checked numerically, not a proved theorem.
            result.status = "exact computation"
            result.status_note = ("derived by the engine from the Multinomial's joint moments; the kernel carries "
                                  "no Multinomial facts, so it is checked by the reference route and Monte Carlo")
        if not lazy:
            result.derivation  # raises ValueError before anything is registered
        return register(result)

    def simulate(self, t, chains, seed=None, **params):
        """Simulate the declared law: a dict from each state variable's name to an array of
        shape (t + 1, chains) (generation 0 first)."""
        from modelcollapse.numerics.declared import simulate_model  # numerics serves the declaration
        return simulate_model(self, t=t, chains=chains, seed=seed, **params)


def draw_symbols(model) -> list:
    """Every draw's symbol, a Multinomial's counts (a tuple key) one by one, in declaration order."""
    out = []
    for d in model.draws:
        out += list(d) if isinstance(d, tuple) else [d]
    return out


def models() -> list:
    """Every declared model, in declaration order."""
    return list(_MODELS.values())


def get_model(name: str) -> Model:
    try:
        return _MODELS[name]
    except KeyError:
        raise ValueError(f"model {name!r} is not declared (known: {', '.join(_MODELS)})") from None


def model_of(result: Result):
    """The model a result was derived from, or None."""
    return getattr(result, "model", None)


__all__ = ["Model", "State", "state_at", "models", "get_model", "model_of", "draw_symbols"]
_ = Result

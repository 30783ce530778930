"""The :class:`Result`: one mathematical fact of recursive refitting, and everything about it.

A result carries its statement and closed form (derived lazily by sympy from the model's
one-step law, see :class:`Derivation`), its parameters and assumptions, its references,
and a numerical evaluator that works in float64 and at any mpmath precision. Proofs and
numerical checks live in :mod:`modelcollapse.proofs` and :mod:`modelcollapse.numerics`
and are looked up by the result's id.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence

import mpmath
import sympy as sp

from . import evaluation
from .assumptions import Assumption, validate_joint


@dataclass(frozen=True)
class Reference:
    """A citation: who, when, what, and where in it."""

    authors: str
    year: int
    title: str
    where: str = ""
    locator: str = ""

    def __str__(self) -> str:
        out = f"{self.authors} ({self.year}). {self.title}."
        if self.where:
            out += f" {self.where}."
        if self.locator:
            out += f" {self.locator}."
        return out


@dataclass
class DerivationStep:
    """One line of a derivation: what was done, and the relation it produced."""

    text: str
    relation: Any


@dataclass
class Derivation:
    """What sympy produced from the one-step law.

    ``statement`` is the result's main relation; ``closed_form`` its right-hand side;
    ``claims`` are further theorems about it (limits, signs), keyed by a short name;
    ``facts`` are named intermediate relations (recurrences, lemma instances) that the
    proofs re-verify step by step.
    """

    statement: Any
    closed_form: Any
    steps: list[DerivationStep] = field(default_factory=list)
    claims: dict[str, Any] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)
    #: Relations stated and derived by sympy that no kernel proof establishes, by name.
    remarks: dict[str, Any] = field(default_factory=dict)
    #: Approximations (diffusion limits, series), by name: reported with their measured
    #: error against the exact value, never proved and never passed off as exact.
    approximations: dict[str, "Approximation"] = field(default_factory=dict)


@dataclass
class Approximation:
    """An approximation to a result's exact value, in the result's parameters."""

    expression: Any
    text: str
    references: tuple = ()


#: Extra significant digits used inside evaluation, on top of the requested precision.
GUARD_DIGITS = 12
#: Working precision (digits) behind a float64 result.
FLOAT_DPS = 20


def working_dps(dps: int | None, vals: Mapping[str, Any]) -> int:
    """Digits used inside evaluation for a target ``dps`` (None: float64) at validated ``vals``."""
    # Large integers (t ~ 10^9) cost digits in expressions like c**t - 1.
    big = max([abs(v) for v in vals.values() if isinstance(v, int)] + [1])
    return (FLOAT_DPS if dps is None else dps) + GUARD_DIGITS + len(str(big))


class Result:
    """One registered fact. See DESIGN.md for the contract.

    Parameters
    ----------
    id, title, family : str
        ``id`` is ``family.name``; it is part of the public contract.
    assumptions : sequence of Assumption
        One per parameter, in the order of :attr:`parameters`.
    derive : callable returning :class:`Derivation`
        Run once, on first use (deriving can take a second of sympy time).
    references : sequence of Reference
    evaluator : callable, optional
        ``evaluator(result, values, expr) -> mpmath.mpf`` (or a (lower, upper) pair for a
        bound) for closed forms that lambdify cannot evaluate directly (products over a
        schedule, sums over p0, Markov-chain quantities). ``expr`` is None for the closed form
        or an approximation's expression. Runs inside the working precision.
    summary : str
        One paragraph for humans: what the result says and why it matters for collapse.
    """

    def __init__(self, id: str, title: str, family: str, assumptions: Sequence[Assumption],
                 derive: Callable[[], Derivation], references: Sequence[Reference] = (),
                 evaluator: Callable | None = None, summary: str = ""):
        self.id = id
        self.title = title
        self.family = family
        self.assumptions = tuple(assumptions)
        self.parameters = tuple(a.name for a in self.assumptions)
        self.references = tuple(references)
        self.summary = summary
        self._derive = derive
        self._evaluator = evaluator

    def __repr__(self) -> str:
        return f"<Result {self.id}: {self.title}>"

    # --- symbolic side ---------------------------------------------------------------
    @functools.cached_property
    def derivation(self) -> Derivation:
        """The :class:`Derivation` (computed by sympy on first access, then cached)."""
        return self._derive()

    @property
    def statement(self):
        """The main relation, a sympy ``Eq``."""
        return self.derivation.statement

    @property
    def closed_form(self):
        """Right-hand side of the statement (a sympy expression)."""
        return self.derivation.closed_form

    #: Set for results the kernel does not prove: "exact computation" (a value computed exactly) or
    #: "approximation"; None for a result whose proof the kernel checks.
    status = None
    #: Why the status is what it is (shown with it).
    status_note = ""
    #: For a result with a status: the names of its claims the kernel proves all the same (their recipes
    #: are in ``derivation.facts["recipes"]``, under the law of the model ``derivation.facts["law"]``).
    proved_claims: tuple = ()

    def _proved(self, name) -> bool:
        return not self.status or name in self.proved_claims

    @property
    def remarks(self) -> dict:
        """Relations the derivation states that no kernel proof establishes (its remarks, and the claims
        of a result with a declared status other than its ``proved_claims``); shown as remarks, never as
        proved claims."""
        return {**self.derivation.remarks, **{k: v for k, v in self.derivation.claims.items() if not self._proved(k)}}

    @property
    def claims(self) -> dict:
        """Further theorems proved about the result (limits, signs, identities), by name."""
        return {k: v for k, v in self.derivation.claims.items() if self._proved(k)}

    @property
    def approximations(self) -> dict:
        """Approximations to the exact value (:class:`Approximation`), by name."""
        return self.derivation.approximations

    @property
    def is_bound(self) -> bool:
        """True when the statement is a pair of inequalities and the value a (lower, upper) pair."""
        return isinstance(self.closed_form, sp.Tuple)

    @property
    def symbols(self) -> tuple:
        return tuple(a.symbol for a in self.assumptions)

    # --- numerical side --------------------------------------------------------------
    def validate(self, values: Mapping[str, Any]) -> dict:
        """Check names and ranges of ``values``; return the validated dict."""
        unknown = set(values) - set(self.parameters)
        if unknown:
            name = sorted(unknown)[0]
            raise ValueError(f"{name} is not a parameter of {self.id} "
                             f"(parameters: {', '.join(self.parameters)})")
        out = {}
        for a in self.assumptions:
            if a.name not in values:
                raise ValueError(f"{a.name} is required by {self.id} ({a.describe()})")
            out[a.name] = a.validate(values[a.name])
        return validate_joint(self.assumptions, out)

    @functools.cached_property
    def _lambdified(self):
        return sp.lambdify(self.symbols, self.closed_form, modules="mpmath")

    def __call__(self, dps: int | None = None, **values):
        """Evaluate the closed form (for a bound: the pair (lower, upper)).

        With ``dps=None`` the value is computed in mpmath at a working precision well
        above double and returned as a float (so cancellations and t up to 10^6 or more
        are safe); with ``dps`` an integer it is returned as an ``mpmath.mpf`` accurate to
        about ``dps`` significant digits.

        Scalar parameters may be numpy arrays (or lists of numbers): they broadcast, and
        the value is a float64 array (with ``dps``, an object array of ``mpmath.mpf``); see
        :mod:`~modelcollapse.theory.evaluation`.
        """
        if dps is not None and (isinstance(dps, bool) or not isinstance(dps, int) or dps < 1):
            raise ValueError(f"dps must be a positive integer, got {dps!r}")
        if evaluation.wants_arrays(self, values):
            return evaluation.evaluate(self, values, dps)
        return self._value(dps, values, None)

    def approximate(self, name: str, dps: int | None = None, **values):
        """Evaluate the approximation ``name`` (see :attr:`approximations`) at ``values``."""
        if name not in self.approximations:
            raise ValueError(f"name must be one of {sorted(self.approximations)} for {self.id}, got {name!r}")
        if dps is not None and (isinstance(dps, bool) or not isinstance(dps, int) or dps < 1):
            raise ValueError(f"dps must be a positive integer, got {dps!r}")
        if evaluation.wants_arrays(self, values):
            return evaluation.evaluate(self, values, dps, self.approximations[name].expression)
        return self._value(dps, values, self.approximations[name].expression)

    def _value(self, dps, values, expr):
        vals = self.validate(values)
        with mpmath.workdps(working_dps(dps, vals)):
            mp_vals = {k: (mpmath.mpf(v) if not isinstance(v, tuple) else v) for k, v in vals.items()}
            if self._evaluator is not None:
                value = self._evaluator(self, mp_vals, expr)
            elif expr is not None:
                value = sp.lambdify(self.symbols, expr, modules="mpmath")(*(mp_vals[p] for p in self.parameters))
            else:
                value = self._lambdified(*(mp_vals[p] for p in self.parameters))
            values_ = value if isinstance(value, tuple) else (value,)
            values_ = tuple(mpmath.mpf(v) if not isinstance(v, mpmath.mpf) else +v for v in values_)
        if dps is None:
            out = tuple(float(v) for v in values_)
        else:
            with mpmath.workdps(dps):
                out = tuple(+v for v in values_)
        return out if isinstance(value, tuple) else out[0]

    # --- display ---------------------------------------------------------------------
    def latex(self) -> str:
        """The statement in LaTeX, as a researcher writes it (:mod:`.printing`)."""
        from .printing import latex
        return latex(self.statement)

    def pretty(self) -> str:
        from .printing import pretty
        return pretty(self.statement)

    def text(self) -> str:
        """The statement on one line (positive terms first, digamma by name)."""
        from .printing import text
        return text(self.statement)

    def _repr_latex_(self) -> str:
        return f"$\\displaystyle {self.latex()}$"

    def _repr_html_(self) -> str:
        from .printing import result_html
        return result_html(self)

"""Assumptions on parameters: one object serves three readers.

An assumption (``n`` is an integer >= 2, ``ddof`` is 0 or 1, ``sigma0 > 0``)

- validates a user's value, raising ``ValueError`` that names the parameter and the
  allowed range (:meth:`Assumption.validate`);
- tells the proof kernel how to reason under it (:meth:`Assumption.substitutions`: a
  lower bound becomes a shift by a fresh non-negative symbol, a finite set becomes a
  case split);
- prints itself for the docs (:meth:`Assumption.relation`).

The plain validators (:func:`check_int`, :func:`check_real`, :func:`check_probabilities`)
are the one place where bad input is rejected; the simulators use them too.

Examples
--------
>>> from modelcollapse.theory.assumptions import check_int
>>> check_int("n", 10, lower=2)
10
>>> check_int("n", 1, lower=2)
Traceback (most recent call last):
...
ValueError: n must be an integer >= 2, got 1
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np
import sympy as sp

#: Sum-to-one tolerance for probability vectors (absolute, on the sum).
PROBABILITY_SUM_TOL = 1e-9


def _is_int(value) -> bool:
    return isinstance(value, (numbers.Integral, np.integer)) and not isinstance(value, (bool, np.bool_))


def check_int(name: str, value: Any, lower: int | None = None, upper: int | None = None) -> int:
    """Return ``value`` as an ``int`` or raise ``ValueError`` naming ``name``.

    Floats are refused even when integral (``2.0``): a size given as a float is more
    often a bug than an intention.
    """
    rng = _range_text(lower, upper)
    if not _is_int(value):
        raise ValueError(f"{name} must be an integer{rng}, got {value!r}")
    value = int(value)
    if (lower is not None and value < lower) or (upper is not None and value > upper):
        raise ValueError(f"{name} must be an integer{rng}, got {value}")
    return value


def check_real(name: str, value: Any, *, positive: bool = False, nonnegative: bool = False,
               upper: float | None = None, upper_strict: bool = False) -> Any:
    """Return ``value`` (a finite real number) or raise ``ValueError`` naming ``name``.

    mpmath numbers are returned unchanged so that high-precision input keeps its digits.
    """
    import mpmath

    what = "a positive real number" if positive else (
        "a non-negative real number" if nonnegative else "a finite real number")
    if upper is not None:
        what += f" {'<' if upper_strict else '<='} {upper}"
    ok_type = isinstance(value, (numbers.Real, np.floating, np.integer, mpmath.mpf)) and not isinstance(
        value, (bool, np.bool_))
    if not ok_type:
        raise ValueError(f"{name} must be {what}, got {value!r}")
    fv = float(value)
    if not math.isfinite(fv) and not (isinstance(value, mpmath.mpf) and mpmath.isfinite(value)):
        raise ValueError(f"{name} must be {what}, got {value!r}")
    if positive and not value > 0:
        raise ValueError(f"{name} must be {what}, got {value!r}")
    if nonnegative and not value >= 0:
        raise ValueError(f"{name} must be {what}, got {value!r}")
    if upper is not None and (value >= upper if upper_strict else value > upper):
        raise ValueError(f"{name} must be {what}, got {value!r}")
    return value


def check_choice(name: str, value: Any, choices: Sequence) -> Any:
    """Return ``value`` if it is one of ``choices`` (compared as integers) or raise."""
    if not _is_int(value) or int(value) not in choices:
        raise ValueError(f"{name} must be one of {', '.join(map(str, choices))}, got {value!r}")
    return int(value)


def check_int_sequence(name: str, value: Any, lower: int, min_length: int = 0) -> tuple[int, ...]:
    """Return a tuple of integers >= ``lower`` or raise ``ValueError`` naming ``name``."""
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__"):
        raise ValueError(f"{name} must be a sequence of integers >= {lower}, got {value!r}")
    if len(value) < min_length:
        raise ValueError(f"{name} must have at least {min_length} entries, got {len(value)}")
    out = []
    for i, v in enumerate(value):
        if not _is_int(v) or int(v) < lower:
            raise ValueError(f"{name}[{i}] must be an integer >= {lower}, got {v!r}")
        out.append(int(v))
    return tuple(out)


def check_probabilities(name: str, value: Any, tol: float = PROBABILITY_SUM_TOL) -> np.ndarray:
    """Return a float64 probability vector or raise ``ValueError`` naming ``name``.

    Entries must be finite and non-negative and sum to 1 within ``tol``; zeros are allowed.
    """
    if isinstance(value, (str, bytes)) or np.ndim(value) != 1:
        raise ValueError(f"{name} must be a one-dimensional sequence of probabilities, got {value!r}")
    try:
        p = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must contain real numbers, got {value!r}") from None
    if p.size == 0:
        raise ValueError(f"{name} must not be empty")
    if not np.all(np.isfinite(p)):
        raise ValueError(f"{name} must contain finite numbers, got {value!r}")
    if np.any(p < 0):
        raise ValueError(f"{name} must have non-negative entries, got min {p.min()!r}")
    total = float(p.sum())
    if abs(total - 1.0) > tol:
        raise ValueError(f"{name} must sum to 1 (within {tol:g}), sums to {total!r}")
    return p


def _range_text(lower, upper) -> str:
    if lower is not None and upper is not None:
        return f" in [{lower}, {upper}]"
    if lower is not None:
        return f" >= {lower}"
    if upper is not None:
        return f" <= {upper}"
    return ""


# --- assumption objects -------------------------------------------------------------


@dataclass(frozen=True)
class Assumption:
    """Base class: an assumption on one parameter (by canonical name)."""

    name: str
    symbol: Any

    def validate(self, value):  # pragma: no cover - abstract
        raise NotImplementedError

    def relation(self):
        """The assumption as a sympy relation (for display)."""
        raise NotImplementedError  # pragma: no cover

    def substitutions(self):
        """List of alternative substitutions the kernel must check (all of them).

        A lower bound ``n >= 2`` becomes ``[{n: m + 2}]`` with ``m`` a fresh non-negative
        integer; a finite set becomes one substitution per value; an unconstrained
        parameter returns ``[{}]``.
        """
        return [{}]

    def describe(self) -> str:
        return sp.sstr(self.relation())


@dataclass(frozen=True)
class IntegerAtLeast(Assumption):
    """An integer parameter with a lower bound (``n >= 2``, ``t >= 0``)."""

    lower: int = 0
    #: A symbolic upper bound (a category index i <= K), checked where its value is known.
    upper: Any = None

    def validate(self, value):
        upper = self.upper if isinstance(self.upper, int) else None
        return check_int(self.name, value, lower=self.lower, upper=upper)

    def relation(self):
        if self.upper is not None:
            return sp.And(sp.Ge(self.symbol, self.lower), sp.Le(self.symbol, self.upper))
        return sp.Ge(self.symbol, self.lower, evaluate=False)

    def describe(self):
        return f"{self.name} integer >= {self.lower}" + (f" and <= {self.upper}" if self.upper is not None else "")

    def substitutions(self):
        fresh = sp.Dummy(f"{self.name}_shift", integer=True, nonnegative=True)
        return [{self.symbol: fresh + self.lower}]


@dataclass(frozen=True)
class OneOf(Assumption):
    """A parameter restricted to a finite set of integers (``ddof`` in {0, 1})."""

    values: tuple = ()

    def validate(self, value):
        return check_choice(self.name, value, self.values)

    def relation(self):
        return sp.Contains(self.symbol, sp.FiniteSet(*self.values))

    def describe(self):
        return f"{self.name} in {{{', '.join(map(str, self.values))}}}"

    def substitutions(self):
        return [{self.symbol: sp.Integer(v)} for v in self.values]


@dataclass(frozen=True)
class PositiveReal(Assumption):
    """A real parameter > 0 (``sigma0``)."""

    def validate(self, value):
        return check_real(self.name, value, positive=True)

    def relation(self):
        return sp.Gt(self.symbol, 0, evaluate=False)

    def describe(self):
        return f"{self.name} > 0"


@dataclass(frozen=True)
class NonnegativeReal(Assumption):
    """A real parameter >= 0 (``gamma``, the exponent of a growing sample)."""

    def validate(self, value):
        return check_real(self.name, value, nonnegative=True)

    def relation(self):
        return sp.Ge(self.symbol, 0, evaluate=False)

    def describe(self):
        return f"{self.name} >= 0"


@dataclass(frozen=True)
class RealNumber(Assumption):
    """An unconstrained finite real parameter (``mu0``)."""

    def validate(self, value):
        return check_real(self.name, value)

    def relation(self):
        return sp.Contains(self.symbol, sp.S.Reals)

    def describe(self):
        return f"{self.name} real"


@dataclass(frozen=True)
class IntegerSequence(Assumption):
    """A schedule of integers, each at least ``lower`` (``ns``); ``symbol`` is an IndexedBase."""

    lower: int = 2

    def validate(self, value):
        return check_int_sequence(self.name, value, self.lower)

    def relation(self):
        return sp.Ge(self.symbol[sp.Symbol("s")], self.lower, evaluate=False)

    def describe(self):
        return f"{self.name}[s] integer >= {self.lower} for every s"

    def substitutions(self):
        # Indexed entries are shifted by the kernel one by one (it sees which appear).
        return [{}]


@dataclass(frozen=True)
class RealAbove(Assumption):
    """A real parameter strictly above a (possibly symbolic) bound: ``m > -k/2``."""

    bound: Any = 0

    def validate(self, value):
        v = check_real(self.name, value)
        if not v > float(self.bound):
            raise ValueError(f"{self.name} must be > {self.bound}, got {value!r}")
        return v

    def relation(self):
        return sp.Gt(self.symbol, self.bound, evaluate=False)

    def describe(self):
        return f"{self.name} > {sp.sstr(self.bound)}"

    def substitutions(self):
        fresh = sp.Dummy(f"{self.name}_gap", positive=True)
        return [{self.symbol: fresh + self.bound}]


@dataclass(frozen=True)
class Probability(Assumption):
    """A real number ``p`` with 0 <= p <= 1."""

    def validate(self, value):
        value = check_real(self.name, value, nonnegative=True)
        if value > 1:
            raise ValueError(f"{self.name} must be a real number in [0, 1], got {value!r}")
        return value

    def relation(self):
        return sp.And(sp.Ge(self.symbol, 0), sp.Le(self.symbol, 1))

    def describe(self):
        return f"{self.name} in [0, 1]"


@dataclass(frozen=True)
class SampleFraction(Assumption):
    """A fraction ``lam`` of a sample whose size is another parameter (``n``): lam in [0, 1] with
    lam * n an integer (a number of samples), and at least ``lower`` samples of each kind
    (lower <= lam * n <= n - lower) where a law needs them."""

    size: Any = None
    size_name: str = "n"
    lower: int = 0

    def validate(self, value):
        value = check_real(self.name, value, nonnegative=True)
        if value > 1:
            raise ValueError(f"{self.name} must be a real number in [0, 1], got {value!r}")
        return value

    def validate_joint(self, values):
        """The count lam * n: an integer, within [lower, n - lower]; ValueError naming lam."""
        size = values[self.size_name]
        count = float(values[self.name]) * int(size)
        if abs(count - round(count)) > 1e-9 * max(1, int(size)):
            raise ValueError(f"{self.name} * {self.size_name} must be an integer (the number of fresh samples), "
                             f"got {self.name} = {values[self.name]!r} with {self.size_name} = {size}")
        if not self.lower <= round(count) <= int(size) - self.lower:
            raise ValueError(f"{self.name} * {self.size_name} must lie in [{self.lower}, {self.size_name} - "
                             f"{self.lower}] (at least {self.lower} samples of each kind), got {round(count)}")

    def relation(self):
        low = sp.Integer(self.lower) / self.size
        return sp.And(sp.Ge(self.symbol, low), sp.Le(self.symbol, 1 - low))

    def describe(self):
        return (f"{self.name} in [0, 1] with {self.name} * {self.size_name} an integer"
                + (f" in [{self.lower}, {self.size_name} - {self.lower}]" if self.lower else ""))


@dataclass(frozen=True)
class SampleCount(Assumption):
    """A number of samples ``m`` out of a sample of size ``n`` (another parameter):
    lower <= m <= n - lower."""

    size: Any = None
    size_name: str = "n"
    lower: int = 0

    def validate(self, value):
        return check_int(self.name, value, lower=self.lower)

    def validate_joint(self, values):
        size = int(values[self.size_name])
        if values[self.name] > size - self.lower:
            raise ValueError(f"{self.name} must be an integer in [{self.lower}, {self.size_name} - {self.lower}], "
                             f"got {values[self.name]} with {self.size_name} = {size}")

    def relation(self):
        return sp.And(sp.Ge(self.symbol, self.lower), sp.Le(self.symbol, self.size - self.lower))

    def describe(self):
        return f"{self.name} integer in [{self.lower}, {self.size_name} - {self.lower}]"


def validate_joint(assumptions, values: dict) -> dict:
    """Checks that involve several validated parameters (a fraction of a sample size)."""
    for a in assumptions:
        if hasattr(a, "validate_joint") and a.name in values and a.size_name in values:
            a.validate_joint(values)
    return values


@dataclass(frozen=True)
class RealInHalfOpen(RealAbove):
    """A real parameter in (bound, upper] (``top_p`` in (0, 1])."""

    upper: Any = 1

    def validate(self, value):
        v = check_real(self.name, value)
        if not float(self.bound) < v <= float(self.upper):
            raise ValueError(f"{self.name} must be a real number in ({self.bound}, {self.upper}], got {value!r}")
        return v

    def relation(self):
        return sp.And(sp.Gt(self.symbol, self.bound), sp.Le(self.symbol, self.upper))

    def describe(self):
        return f"{self.name} in ({self.bound}, {self.upper}]"


@dataclass(frozen=True)
class RealVector(Assumption):
    """A sequence of finite reals (a reward ``r`` per category); ``symbol`` is an IndexedBase."""

    def validate(self, value):
        if isinstance(value, (str, bytes)) or np.ndim(value) != 1 or len(value) == 0:
            raise ValueError(f"{self.name} must be a non-empty one-dimensional sequence of real numbers, got {value!r}")
        return tuple(float(check_real(f"{self.name}[{j}]", v)) for j, v in enumerate(value))

    def relation(self):
        return sp.Contains(self.symbol[sp.Symbol("i")], sp.S.Reals)

    def describe(self):
        return f"{self.name}[i] real for every category i"

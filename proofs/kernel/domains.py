"""Parameter domains, and the space of admissible values a proof reasons over.

A :class:`Domain` is what an assumption says of one symbol: an integer range, a real interval,
a finite set, or a vector (an ``IndexedBase``) whose entries lie in a domain. The kernel uses it
three ways: the sympy flags a symbol may carry (no more than the domain implies); substitutions
that cover the domain (``n >= 2`` becomes ``n = m + 2`` with ``m`` a non-negative integer; a
bounded interval becomes ``lo + (hi - lo) u / (1 + u)``, ``u >= 0``, plus its closed end), each
valid on the whole domain; and random admissible points, at which a step may be refuted.
"""

import itertools
import random
from dataclasses import dataclass

import sympy as sp

from .terms import (Rand, VOCABULARY, bound_symbols, exact_text, fresh_binders, misread_numbers, require,
                    sign_certified, simplify, substitute)


@dataclass(frozen=True)
class Domain:
    kind: str                      # "integer", "real", "finite" or "vector"
    lo: object = None
    hi: object = None
    lo_open: bool = False
    hi_open: bool = False
    values: tuple = ()
    entry: "Domain | None" = None  # vector: the entries' Domain
    length: object = None          # vector: number of entries (a symbol or an int), None if unbounded
    total: object = None           # vector: the fixed sum of the entries, if any

    def __post_init__(self):
        # Bounds as sympy objects, however the domain was built.
        for name in ("lo", "hi", "length", "total"):
            if getattr(self, name) is not None:
                object.__setattr__(self, name, sp.sympify(getattr(self, name)))
        object.__setattr__(self, "values", tuple(sp.sympify(v) for v in self.values))
        # Every field is read by its kind alone, so a field the kind does not use must be unset: a finite set
        # with ends would be one set to its cases and another to a reader of ends. Integer ranges are closed.
        unused = {"integer": ("lo_open", "hi_open", "values", "entry", "length", "total"),
                  "real": ("values", "entry", "length", "total"), "finite": ("lo", "hi", "lo_open", "hi_open",
                  "entry", "length", "total"), "vector": ("lo", "hi", "lo_open", "hi_open", "values")}
        require(self.kind in unused, f"a domain's kind is integer, real, finite or vector, not {self.kind!r}")
        stray = [name for name in unused[self.kind] if getattr(self, name) not in (None, False, ())]
        require(not stray, f"a domain of kind {self.kind} sets no {', '.join(stray)}")
        require(self.kind != "finite" or self.values, "a finite domain has at least one value")
        require(self.kind != "integer" or all(b is None or not b.is_number or b.is_Integer for b in (self.lo, self.hi)),
                "an integer range's ends are integers as written (sympy reads ceiling(c) off a float)")
        require(not any(misread_numbers(b) for b in (self.lo, self.hi, self.total, *self.values) if b is not None),
                "a domain's numbers have signs sympy misreads (shown otherwise by interval arithmetic)")
        require(self.kind != "vector" or (isinstance(self.entry, Domain) and self.entry.kind != "vector"),
                "a vector's entries have a scalar domain")

    # --- constructors (None leaves a side open) ---------------------------------------
    integer = staticmethod(lambda lo=None, hi=None: Domain("integer", lo, hi))
    real = staticmethod(lambda lo=None, hi=None, lo_open=False, hi_open=False: Domain("real", lo, hi, lo_open, hi_open))
    finite = staticmethod(lambda values: Domain("finite", values=tuple(values)))
    vector = staticmethod(lambda entry, length=None, total=None: Domain("vector", entry=entry, length=length,
                                                                      total=total))

    def describe(self) -> str:
        if self.kind == "finite":
            return "in {" + ", ".join(map(str, self.values)) + "}"
        if self.kind == "vector":
            out = f"a vector with entries {self.entry.describe()}"
            return out + (f", {self.length} of them" if self.length is not None else "") + (
                f", summing to {self.total}" if self.total is not None else "")
        ends = ((">" if self.lo_open else ">=", self.lo), ("<" if self.hi_open else "<=", self.hi))
        parts = [f"{op} {bound}" for op, bound in ends if bound is not None]
        return f"{self.kind} " + " and ".join(parts) if parts else self.kind

    def key(self) -> tuple:
        """Every field as exact text and bools (for caches and citations)."""
        return (self.kind, *[exact_text(b) for b in (self.lo, self.hi, self.length, self.total)], self.lo_open,
                self.hi_open, tuple(map(exact_text, self.values)), None if self.entry is None else self.entry.key())

    # --- what a symbol may claim -----------------------------------------------------
    def flags(self) -> dict:
        """The sympy assumptions this domain implies for a scalar symbol."""
        if self.kind == "vector":
            return self.entry.flags()
        if self.kind == "finite":
            out = {"integer": True} if all(v.is_integer for v in self.values) else (
                {"real": True} if all(v.is_real for v in self.values) else {})
            for flag in ("nonnegative", "positive"):
                if all(getattr(v, "is_" + flag) for v in self.values):
                    out[flag] = True
            return out
        out = {"integer": True} if self.kind == "integer" else {"real": True}
        if self.lo is not None and self.lo.is_number:
            if sign_certified(self.lo, True) or (self.lo == 0 and self.lo_open) or (
                    self.kind == "integer" and sign_certified(self.lo - 1, False)):
                out["positive"] = True
            elif sign_certified(self.lo, False):
                out["nonnegative"] = True
        return out

    def contains(self, value) -> bool:
        """Whether the number ``value`` lies in the domain (False when it cannot be told)."""
        value = sp.sympify(value)
        if self.kind == "vector" or not value.is_number or value.has(sp.zoo, sp.oo, -sp.oo, sp.nan, sp.Float):
            return False  # exact numbers only: a float rounds an identity into a falsehood
        if self.kind == "finite":
            return any(simplify(value - v) == 0 for v in self.values)
        if not value.is_real or (self.kind == "integer" and not value.is_integer):
            return False
        for bound, is_lo, open_ in ((self.lo, True, self.lo_open), (self.hi, False, self.hi_open)):
            gap = None if bound is None else (value - bound) if is_lo else (bound - value)
            inside = gap is not None and gap.is_number and sign_certified(gap, open_)
            if bound is not None and (not bound.is_number or not inside):
                return False
        return True

    def within(self, other: "Domain") -> bool:
        """Whether every value of this domain lies in ``other``."""
        if other.kind == "vector" or self.kind == "vector":
            return (self.kind == other.kind and self.entry.within(other.entry)
                    and (other.length is None or other.length == self.length)
                    and (other.total is None or other.total == self.total))
        if self.kind == "finite":
            return all(other.contains(v) for v in self.values)
        if other.kind == "finite" or (other.kind == "integer" and self.kind != "integer"):
            return False
        for mine, theirs, is_lo in ((self.lo, other.lo, True), (self.hi, other.hi, False)):
            d = None if theirs is None or mine is None else (mine - theirs) if is_lo else (theirs - mine)
            if theirs is not None and (d is None or not (d.is_number and sign_certified(d, False))):
                return False
        # An open end of ``other`` excludes its bound, which a closed end here would include.
        return not (other.lo is not None and other.lo_open and self.lo == other.lo and not self.lo_open) and \
            not (other.hi is not None and other.hi_open and self.hi == other.hi and not self.hi_open)

    def problem(self) -> str:
        """What makes this domain unusable ('' if nothing): an infinite or random bound, no values at all. (The
        checker reads exact copies only, :func:`~.terms.exact`: no look-alike class, float or foreign node.)"""
        for b in (self.lo, self.hi, self.length, self.total, *self.values):
            if b is not None and (b.has(sp.oo, -sp.oo, sp.zoo, sp.nan, *VOCABULARY) or not isinstance(b, sp.Expr)):
                return "bounds must be finite deterministic expressions (leave a side open with None)"
        if self.kind not in ("integer", "real", "finite", "vector"):
            return f"unknown kind {self.kind!r}"
        if self.length is not None and self.length.is_integer is not True:  # (3/2 entries: no vector at all)
            return f"a vector's length must be an integer, not {self.length}"
        return self.entry.problem() if self.entry is not None else ""

    def mentions(self, symbol) -> bool:
        """Whether this domain depends on ``symbol`` (bounds, length, total, values, entries)."""
        parts = [self.lo, self.hi, self.length, self.total, *self.values]
        return any(p is not None and symbol in sp.sympify(p).free_symbols for p in parts) or (
            self.entry is not None and self.entry.mentions(symbol))

    # --- substitutions that cover the domain ----------------------------------------
    def cases(self, symbol, tag) -> list:
        """Substitutions for ``symbol``, one dict per case; together they cover the domain."""
        if self.kind == "finite":
            return [{symbol: v} for v in self.values]
        if self.kind == "vector":
            flags = self.entry.flags() if self.entry is not None else {}
            return [{symbol: sp.IndexedBase(sp.Dummy(f"{tag}", **flags))}]
        is_int = self.kind == "integer"
        lo, hi = self.lo, self.hi
        if is_int:
            # An integer range from a non-integer bound starts at its ceiling (ends at its floor);
            # a bound sympy cannot see to be an integer drops integrality (a real range covers it).
            lo = None if lo is None else (sp.ceiling(lo) if lo.is_number else lo)
            hi = None if hi is None else (sp.floor(hi) if hi.is_number else hi)
            if any(b is not None and b.is_integer is not True for b in (lo, hi)):
                return Domain("real", lo, hi).cases(symbol, tag)
        if lo is not None and hi is not None:
            if is_int and (hi - lo).is_Integer and 0 <= int(hi - lo) <= 6:
                return [{symbol: lo + j} for j in range(int(hi - lo) + 1)]
            # [lo, hi) as lo + (hi - lo) u / (1 + u), u >= 0 (u > 0 for an open lower end), and hi
            # itself; an integer range is covered by the real one (integrality is dropped, never added).
            u = sp.Dummy(f"{tag}_u", positive=True) if self.lo_open else sp.Dummy(f"{tag}_u", nonnegative=True)
            width = hi - lo
            if is_int and not (self.lo_open or self.hi_open) and width.is_nonnegative is not True and \
                    (width + 1).is_nonnegative is True:
                # At hi = lo - 1 the range is empty (a sum over no terms), and every claim holds on it: the width
                # may be read as max(hi - lo, 0). (Below lo - 1, a reversed sum's terms lie in (hi, lo]: kept.)
                width = sp.Max(width, 0)
            return [{symbol: lo + width * u / (1 + u)}] + ([] if self.hi_open else [{symbol: lo + width}])
        if lo is not None or hi is not None:  # one end: the bound plus (minus) a non-negative offset
            side, bound, open_ = (1, lo, self.lo_open) if lo is not None else (-1, hi, self.hi_open)
            flags = {"integer": True, "nonnegative": True} if is_int else (
                {"positive": True} if open_ else {"nonnegative": True})
            return [{symbol: bound + side * sp.Dummy(f"{tag}_m", **flags)}]
        return [{symbol: sp.Dummy(f"{tag}_r", integer=True) if is_int else sp.Dummy(f"{tag}_r", real=True)}]

    # --- random admissible points -----------------------------------------------------
    def sample(self, rng: random.Random, bounds: dict, corner=None):
        """A random value of the domain; ``bounds`` gives the values of symbolic bounds. ``corner`` 0,
        1 or 2 asks for the closed lower end, the closed upper end, an integer inside (when there is
        one): sympy's conventions at integers (binomial(-2, -2) = 0) and claims failing at an end only
        are refuted there. None when the domain is empty at ``bounds``."""
        if self.kind == "finite":
            return rng.choice(self.values)
        if self.kind == "vector":
            return None  # vectors are sampled by the space (they need their length)
        # Symbolic bounds at the point's values; a bound that stays symbolic counts as absent.
        lo, hi = [None if b is None or not b.xreplace(bounds).is_number else b.xreplace(bounds)
                  for b in (self.lo, self.hi)]
        first = None if lo is None else int(sp.floor(lo)) + 1 if self.lo_open else int(sp.ceiling(lo))
        last = None if hi is None else int(sp.ceiling(hi)) - 1 if self.hi_open else int(sp.floor(hi))
        if lo is not None and hi is not None and ((self.kind == "integer" and first > last) or lo > hi or (
                lo == hi and (self.lo_open or self.hi_open))):
            return None  # empty at this point (a sum over no terms): the point is not admissible
        first = first if first is not None else (last - 12 if last is not None else -6)
        last = last if last is not None else first + 12
        wanted = {0: None if self.lo_open else lo, 1: None if self.hi_open else hi,
                  2: sp.Integer(rng.randint(first, last)) if first <= last else None}.get(corner)
        if wanted is not None:
            return wanted
        if self.kind == "integer":
            return sp.Integer(rng.randint(first, max(first, last)))
        if lo is not None and hi is not None:
            return lo + (hi - lo) * sp.Rational(rng.randint(1, 96), 97)
        # Points near the bound as often as far from it (a claim may fail only close to it).
        offset = sp.Rational(rng.randint(1, 99), 100) if rng.random() < 0.5 else \
            sp.Rational(rng.randint(1, 400), rng.randint(7, 60))
        if lo is not None:
            return lo + offset
        if hi is not None:
            return hi - offset
        return offset * rng.choice((-1, 1))


class Space:
    """The symbols a proof quantifies over, with their domains, and the random quantities' domains."""

    def __init__(self, domains: dict, rand_domains: dict | None = None):
        self.domains = dict(domains)
        #: label -> Domain of the random quantity (state domain or draw support)
        self.rand_domains = dict(rand_domains or {})
        self._key = None

    def key(self) -> tuple:
        """Every domain as exact text (for verdicts remembered from one check to the next)."""
        if self._key is None:
            self._key = tuple(tuple(sorted((exact_text(k), d.key()) for k, d in domains.items()))
                              for domains in (self.domains, self.rand_domains))
        return self._key

    def depends_on(self, symbol) -> bool:
        """Whether another symbol's domain mentions ``symbol``."""
        return any(k != symbol and d.mentions(symbol) for k, d in self.domains.items())

    def without(self, symbol) -> "Space":
        return Space({k: v for k, v in self.domains.items() if k != symbol}, self.rand_domains)

    def with_index(self, symbol, lo, hi) -> "Space":
        return Space({**self.domains, symbol: Domain.integer(lo, hi)}, self.rand_domains)

    # --- opaque atoms -------------------------------------------------------------------
    def opaque(self, expr, record=None, shift_entries=False):
        """``expr`` with random quantities replaced by symbols of their domains, and every other
        word (E[...], CE, Var, ...) by an unconstrained real symbol (same atom, same symbol).
        ``record``, a dict, receives each new symbol (or IndexedBase) and its Domain."""
        # Bound variables renamed first: a case or a point never lands on a summation index.
        expr = fresh_binders(sp.sympify(expr))
        reps, bases = {}, {}
        record = {} if record is None else record
        binders = bound_symbols(expr)
        for a in sorted(_outermost_words(expr, VOCABULARY), key=sp.default_sort_key):
            if isinstance(a, Rand):
                dom = self.rand_domains.get(a.label, Domain.real())
                # At an index and a generation no binder owns, a quantity is one value of its domain;
                # under a binder (a sum over categories or over generations) it is a vector entry.
                owned = set().union(*[sp.sympify(x).free_symbols for x in (a.generation,) + a.indices]) & binders
                if owned:
                    if a.label not in bases:
                        bases[a.label] = sp.IndexedBase(sp.Dummy(f"{a.label}_all", **dom.flags()))
                        record[bases[a.label]] = Domain.vector(dom)
                    reps[a] = bases[a.label][(a.generation,) + a.indices]
                else:
                    reps[a] = sp.Dummy(f"{a.label}_{a.generation}", **dom.flags())
                    record[reps[a]] = dom
            else:
                reps[a] = sp.Dummy("w", real=True)
                record[reps[a]] = Domain.real()
        # For signs: an entry of a vector parameter at an index no binder owns (ns[t]) is one value
        # of the entries' domain, and a lower bound becomes a shift, as for a scalar. (Not for
        # identities, where a peeled product would bring the same entry back unshifted.)
        for a in sorted(expr.atoms(sp.Indexed), key=sp.default_sort_key):
            dom = self.domains.get(a.base)
            if not shift_entries or dom is None or dom.kind != "vector" or a.free_symbols & binders or a in reps:
                continue
            reps[a] = sp.Dummy(f"{a.base}_entry", **dom.entry.flags())
            record[reps[a]] = dom.entry
        return expr.xreplace(reps) if reps else expr

    def extended(self, record) -> "Space":
        """This space with the scalar symbols of an :meth:`opaque` record as further domains."""
        extra = {k: v for k, v in record.items() if v.kind != "vector" and not isinstance(k, sp.IndexedBase)}
        return Space({**self.domains, **extra}, self.rand_domains) if extra else self

    def cases(self):
        """Every combination of case substitutions (a list of dicts). A substitution may name
        other symbols of the space (a range up to n); apply it twice (:meth:`substitute`)."""
        options = [dom.cases(sym, str(sym)) for sym, dom in self.domains.items()]
        return [{k: v for d in combo for k, v in d.items()} for combo in itertools.product(*options)]

    @staticmethod
    def substitute(expr, case):
        """``expr`` under a case: twice, so that bounds naming other parameters are substituted too; its
        binders renamed fresh first, so that no case's value (a bound may name a sum's index) is captured."""
        expr = sp.sympify(expr)
        expr = fresh_binders(expr) if expr.has(sp.Sum, sp.Product) else expr  # (Integrals are no kernel node)
        once = substitute(expr, case)
        return once if once is sp.nan else substitute(once, case)

    def points(self, count: int, seed: int = 0):
        """``count`` random admissible points: dicts from symbol to value; vectors map to a
        function from an integer index to a value. The first three are corners (:meth:`Domain.sample`).
        A point at which a domain is empty (an index of a sum over no terms) is skipped, up to 4 ``count`` tries."""
        rng = random.Random(seed)
        order = sorted(self.domains, key=lambda s: (self._depends(s), sp.default_sort_key(s)))
        found = 0
        for k in range(4 * count):
            point = {}
            for sym in order:
                dom = self.domains[sym]
                point[sym] = _vector_sample(dom, rng, point) if dom.kind == "vector" else \
                    dom.sample(rng, point, corner=k)
                if point[sym] is None:
                    break
            else:
                yield point
                found += 1
                if found == count:
                    return

    def _depends(self, sym):
        dom = self.domains[sym]
        return len(set().union(*[sp.sympify(b).free_symbols for b in (dom.lo, dom.hi, dom.length) if b is not None]))


def _vector_sample(dom, rng, point):
    length = None if dom.length is None else int(dom.length.xreplace(point))
    values = {}
    if dom.total is not None and length is not None:
        raw = [sp.Rational(rng.randint(1, 30), 1) for _ in range(length)]
        if rng.random() < 0.3 and length > 1 and dom.entry.contains(0):
            raw[rng.randrange(length)] = sp.Integer(0)  # a category with no mass
        values = {j: r / sum(raw) * dom.total for j, r in enumerate(raw, start=1)}

    def value(j):
        # An entry indexed by (generation, category) gets one sample each; outside 1..length, 0.
        key = tuple(int(x) for x in j) if isinstance(j, tuple) else int(j)
        if key not in values:
            outside = not isinstance(key, tuple) and length is not None and not 1 <= key <= length
            values[key] = sp.Integer(0) if outside else dom.entry.sample(rng, point)
        return values[key]

    value.length = length
    return value


def _outermost_words(expr, classes):
    """Outermost occurrences of vocabulary words (a word inside another word is part of it)."""
    if isinstance(expr, classes):
        return {expr}
    return set().union(*[_outermost_words(a, classes) for a in expr.args if isinstance(a, sp.Basic)])

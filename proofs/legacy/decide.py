"""Deciding identities and signs under assumptions, with sympy and nothing else.

Two questions: is ``expr`` identically zero, and is it positive (or non-negative), for every
parameter value the assumptions allow. The answer is ``True`` only when sympy proves it;
"don't know" counts as no. A numerical evaluation at random admissible points may *refute*
an identity quickly (a counterexample is a proof of falsity) but never confirms one.

Assumptions reach sympy as substitutions (see
:meth:`modelcollapse.theory.assumptions.Assumption.substitutions`): ``n >= 2`` becomes
``n = m + 2`` with ``m`` a non-negative integer, ``ddof in {0, 1}`` becomes two cases.
"""

from __future__ import annotations

import itertools
import random

import sympy as sp

from modelcollapse.theory.symbols import E, RandomSequence


class Assumed:
    """The parameter space a proof works in: a list of cases, each a substitution dict."""

    def __init__(self, assumptions=(), fixed=None, lower_bounds_for_indexed=None):
        self.assumptions = tuple(assumptions)
        self.fixed = dict(fixed or {})
        # IndexedBase -> lower bound (schedules: ns[s] >= 2 for every s).
        self.indexed_bounds = dict(lower_bounds_for_indexed or {})
        for a in self.assumptions:
            if isinstance(a.symbol, sp.IndexedBase) and hasattr(a, "lower"):
                self.indexed_bounds[a.symbol] = a.lower

    def restricted(self, fixed):
        """The same space with some finite-set parameters fixed (``{ddof: 0}``)."""
        return Assumed(self.assumptions, {**self.fixed, **fixed}, self.indexed_bounds)

    def cases(self):
        """Every substitution the kernel must check, as a list of dicts."""
        options = []
        for a in self.assumptions:
            if a.symbol in self.fixed:
                continue
            options.append(a.substitutions())
        out = []
        for combo in itertools.product(*options) if options else [()]:
            sub = dict(self.fixed)
            for d in combo:
                sub.update(d)
            out.append(sub)
        return out

    def apply(self, expr, case):
        expr = sp.sympify(expr).subs(case)
        # Shift schedule entries: ns[i] -> fresh + lower, each entry its own fresh symbol.
        reps = {}
        # An entry indexed by a bound variable (inside a Sum or Product) is not one value: leave it.
        bound = set()
        for c in expr.atoms(sp.Sum, sp.Product, sp.Integral):
            bound |= set(c.variables)
        for idx in expr.atoms(sp.Indexed):
            if idx.base in self.indexed_bounds and not (idx.free_symbols & bound):
                reps[idx] = sp.Dummy(f"{idx.base}_shift", integer=True, nonnegative=True) + self.indexed_bounds[idx.base]
        return expr.xreplace(reps) if reps else expr


# --- identities -------------------------------------------------------------------------

def _peel_products(expr):
    """Product(f, (s, a, b)) with b = c + k (k a positive integer, c symbolic) -> Product to c times k terms."""
    def peel(p):
        f, (var, lo, hi) = p.function, p.limits[0]
        const = sp.S.Zero
        rest = hi
        if isinstance(hi, sp.Add):
            const = sum((a for a in hi.args if a.is_Integer), sp.S.Zero)
            rest = hi - const
        # Normalise every upper limit to (symbolic part - 1) + k.
        k = const + 1
        if k.is_Integer and k > 0 and rest.free_symbols:
            base = sp.Product(f, (var, lo, rest - 1))
            return base * sp.Mul(*[f.subs(var, rest - 1 + j) for j in range(1, int(k) + 1)])
        return p
    return expr.replace(lambda e: isinstance(e, sp.Product), peel)


def _split_sums(e):
    from modelcollapse.theory.expectation import split_sums
    return sp.expand(split_sums(e))


_TRANSFORMS = (
    lambda e: sp.expand(e),
    _split_sums,
    lambda e: sp.cancel(sp.together(e)),
    lambda e: sp.expand(sp.expand_log(e)),
    lambda e: sp.simplify(sp.expand_func(sp.gammasimp(e))),
    lambda e: sp.simplify(_peel_products(e)),
    lambda e: sp.simplify(e),
    lambda e: sp.simplify(sp.combsimp(e)),  # falling/rising factorials against factorial ratios
    # rising factorial of -x as (-1)^k times the falling factorial of x (products evaluated first)
    lambda e: sp.simplify(e.doit().replace(sp.RisingFactorial, lambda x, kk: (-1) ** kk * sp.ff(-x, kk))),
)


def _opaque_atoms(expr):
    """Sub-expressions an identity must hold for whatever their values (E[...], random sequences)."""
    return {a for a in expr.atoms(sp.Function) if isinstance(a, (E, RandomSequence))} | set()


def numerically_refuted(expr, trials=3, seed=0):
    """True when ``expr`` is clearly non-zero at a random point (a counterexample).

    Opaque atoms (expectations, random sequences) and free symbols get random positive values;
    every case substitution has already been applied by the caller.
    """
    expr = sp.sympify(expr)
    if expr.has(sp.Integral, sp.Sum, sp.Product, sp.Limit, sp.Piecewise):
        return False
    rng = random.Random(seed)
    atoms = sorted(_opaque_atoms(expr), key=sp.default_sort_key)
    syms = sorted(expr.free_symbols - set().union(*[a.free_symbols for a in atoms]) if atoms else expr.free_symbols,
                  key=sp.default_sort_key)
    for _ in range(trials):
        vals = {}
        for sym in syms:
            v = rng.randint(3, 40) if sym.is_integer else sp.Rational(rng.randint(11, 97), rng.randint(3, 17))
            vals[sym] = v
        reps = {a: sp.Rational(rng.randint(11, 97), rng.randint(3, 17)) for a in atoms}
        try:
            val = complex(expr.xreplace(reps).subs(vals).evalf(30))
        except (TypeError, ValueError, ZeroDivisionError):
            return False
        if val != val:  # NaN: no verdict
            return False
        if abs(val) > 1e-12:
            return True
    return False


def is_zero(expr, space: Assumed) -> tuple[bool, object]:
    """(True, 0) if ``expr`` is identically zero in every case of ``space``; else (False, residual)."""
    expr = _peel_products(sp.sympify(expr))
    for case in space.cases():
        e = space.apply(expr, case)
        if e == 0:
            continue
        if numerically_refuted(e):
            return False, e
        transforms = _TRANSFORMS[:3] if sp.count_ops(e) > MAX_OPS else _TRANSFORMS
        for transform in transforms:
            try:
                r = transform(e)
            except Exception:  # a transform that fails just does not help
                continue
            if r == 0:
                break
        else:
            return False, sp.simplify(e)
    return True, sp.S.Zero


# --- signs ------------------------------------------------------------------------------

#: Expressions larger than this (sympy count_ops) skip the expensive normal forms: a step
#: that needs them on such an expression is rejected as undecided rather than left to hang
#: in big-integer arithmetic (which no signal interrupts).
MAX_OPS = 400


def _positive(e, strict, depth=0, squared=False):
    if depth > 4:
        return False
    query = (lambda x: x.is_positive) if strict else (lambda x: x.is_nonnegative)
    candidates = [e]
    heavy = sp.count_ops(e) > MAX_OPS
    for f in ((sp.together, sp.expand) if heavy else (sp.together, sp.factor, sp.simplify, sp.expand)):
        try:
            candidates.append(f(e))
        except Exception:
            continue
    for c in candidates:
        if query(c):
            return True
    for c in candidates:
        # log A >= 0 (> 0) exactly when A >= 1 (> 1), for A > 0.
        if isinstance(c, sp.log) and c.args[0].is_positive:
            return _positive(c.args[0] - 1, strict, depth + 1, squared)
        if isinstance(c, sp.Add):
            # A difference of logs of positive quantities: combine.
            combined = sp.logcombine(c)
            if combined != c and isinstance(combined, sp.log) and combined.args[0].is_positive:
                return _positive(combined.args[0] - 1, strict, depth + 1)
            pos = [a for a in c.args if not a.could_extract_minus_sign()]
            neg = [-a for a in c.args if a.could_extract_minus_sign()]
            if pos and neg:
                A, B = sp.Add(*pos), sp.Add(*neg)
                if A.is_positive and B.is_positive and not squared:
                    # A - B > 0 iff A^2 - B^2 > 0 when both are positive (once: squaring compounds).
                    sq = sp.expand(A**2 - B**2)
                    if sq != sp.expand(c) and _positive(sq, strict, depth + 1, squared=True):
                        return True
                    lg = sp.expand_log(sp.log(A) - sp.log(B))
                    if _positive_log_difference(lg, strict, depth):
                        return True
        if isinstance(c, sp.Mul):
            pos_factors = [f for f in c.args if f.is_positive]
            rest = sp.Mul(*[f for f in c.args if not f.is_positive])
            if pos_factors and rest != c and _positive(rest, strict, depth + 1, squared):
                return True
    return False


def _positive_log_difference(expr, strict, depth):
    combined = sp.logcombine(expr)
    if isinstance(combined, sp.log) and combined.args[0].is_positive:
        return _positive(sp.together(combined.args[0] - 1), strict, depth + 1)
    return False


def is_positive(expr, space: Assumed, strict=True) -> tuple[bool, object]:
    """(True, None) if ``expr > 0`` (``>= 0`` when not strict) in every case; else (False, the case's expr)."""
    for case in space.cases():
        e = space.apply(expr, case)
        if not _positive(e, strict):
            return False, e
    return True, None

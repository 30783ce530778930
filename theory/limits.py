"""Limits as t -> oo of expressions with geometric terms ``base**t``.

sympy cannot decide ``lim ((n - 1)/n)**t`` for a symbolic ``n`` (it does not know the sign
of ``log((n - 1)/n)``). Here the caller states which bases lie in (0, 1) and which exceed
1 (facts proved elsewhere); each ``base**t`` becomes ``exp(-L t)`` or ``exp(L t)`` with a
positive symbol ``L``, a base equal to 1 becomes 1, and sympy takes the limit of the rest.

Examples
--------
>>> import sympy as sp
>>> n = sp.Symbol("n", positive=True); t = sp.Symbol("t", positive=True)
>>> geometric_limit(2 - ((n - 1)/n)**t, t, below_one=[(n - 1)/n])
2
"""

from __future__ import annotations

import sympy as sp

from .recipes import ProofStep


def geometric_limit(expr, t, below_one=(), above_one=(), equal_one=()):
    """Limit of ``expr`` as ``t -> oo`` given the classification of geometric bases.

    Raises ``ValueError`` naming ``expr`` if a ``base**t`` term is left unclassified.
    """
    if not isinstance(t, sp.Symbol):
        raise ValueError(f"t must be a sympy Symbol, got {t!r}")
    below = [sp.simplify(b) for b in below_one]
    above = [sp.simplify(b) for b in above_one]
    ones = [sp.simplify(b) for b in equal_one]
    reps = {}
    for p in sp.sympify(expr).atoms(sp.Pow):
        if not p.exp.has(t) or p.base.has(t):
            continue
        base = sp.simplify(p.base)
        rate = sp.Dummy("L", positive=True)
        coeff = sp.simplify(p.exp / t)
        if coeff.has(t) or not coeff.is_positive:
            raise ValueError(f"expr: exponent {p.exp} is not a positive multiple of {t}")
        if any(sp.simplify(base - b) == 0 for b in below):
            reps[p] = sp.exp(-rate * coeff * t)
        elif any(sp.simplify(base - b) == 0 for b in above):
            reps[p] = sp.exp(rate * coeff * t)
        elif any(sp.simplify(base - b) == 0 for b in ones):
            reps[p] = sp.S.One
        else:
            raise ValueError(f"expr: the geometric base {base} is not classified")
    return sp.limit(sp.sympify(expr).xreplace(reps), t, sp.oo)


#: The index and the limit variable of the cited series and product criteria (the kernel's axioms
#: ``infinite_product_criterion`` and ``p_series_comparison`` are written in them).
SERIES_INDEX = sp.Symbol("j", integer=True, nonnegative=True)
PRODUCT_LENGTH = sp.Symbol("N", integer=True, positive=True)


def series_converges(u):
    """sum_{j >= 0} u(j) < oo, for a ``sympy.Lambda`` u of one variable."""
    # (unevaluated: sympy would try to sum a numeric series, and raise for a divergent one)
    return sp.Lt(sp.Sum(u(SERIES_INDEX), (SERIES_INDEX, 0, sp.oo)), sp.oo, evaluate=False)


def product_criterion(u, label="product"):
    """The relation lim_{N -> oo} prod_{j < N} (1 - u(j)) > 0 iff sum u(j) < oo, and the recipe step that
    cites it (the kernel decides its side condition 0 <= u(j) < 1; Rudin 1987, Thm 15.5)."""
    j, N = SERIES_INDEX, PRODUCT_LENGTH
    relation = sp.Equivalent(sp.Gt(sp.Limit(sp.Product(1 - u(j), (j, 0, N - 1)), N, sp.oo), 0), series_converges(u))
    return relation, ProofStep(label, relation, "axiom", {"name": "infinite_product_criterion", "mapping": {"U": u}},
                               text="the infinite-product criterion, 0 <= u_j < 1 (Rudin 1987, Thm 15.5)")


def p_series_criterion(u, exponent, lower, upper, label="series"):
    """The relation sum u(j) < oo iff exponent > 1, and the recipe step that cites it (the kernel decides
    lower <= u(j) (j + 1)^exponent <= upper, lower > 0; Rudin 1976, Thms 3.25 and 3.28)."""
    relation = sp.Equivalent(series_converges(u), sp.Gt(exponent, 1))
    return relation, ProofStep(label, relation, "axiom", {"name": "p_series_comparison", "mapping": {
        "U": u, "a": exponent, "c": lower, "C": upper}},
        text="comparison with the p-series (Rudin 1976, Thms 3.25 and 3.28)")

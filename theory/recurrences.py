"""Solving and presenting the recurrences of the model families (shared by all of them).

>>> import sympy as sp
>>> from modelcollapse.theory.symbols import E, sigma, t
>>> solve_recurrence(sigma(t), 2 * E(sigma(t)), 3)
3*2**t
"""

from __future__ import annotations

import sympy as sp

from .symbols import E, t


def solve_recurrence(quantity, step_rhs, initial):
    """Solve E[q_{t+1}] = step_rhs(E[q_t], t) with E[q_0] = initial, by ``sympy.rsolve``."""
    v = sp.Function("v")
    rec = v(t + 1) - step_rhs.subs(E(quantity), v(t))
    if rec.has(E):
        raise ValueError(f"quantity: the recurrence for {quantity} still has unknown expectations: {rec}")
    sol = sp.rsolve(rec, v(t), {v(0): initial})
    if sol is None:
        raise ValueError(f"quantity: rsolve found no solution for {rec}")
    return tidy_geometric(sol)


def _negative_symbolic_terms(e):
    return sum(1 for a in sp.Add.make_args(sp.expand(e)) if a.free_symbols and a.could_extract_minus_sign())


def tidy_geometric(expr):
    """Present a closed form: bases like (n - 1)/(n - ddof) rather than (1 - n)/(ddof - n), and
    each geometric term ``base**t`` collected with a factored coefficient."""
    def fix(p):
        num, den = sp.fraction(sp.together(p.base))
        if _negative_symbolic_terms(-num) + _negative_symbolic_terms(-den) < (
                _negative_symbolic_terms(num) + _negative_symbolic_terms(den)):
            return sp.Pow(sp.Mul(-num, sp.Pow(-den, -1), evaluate=False), p.exp)
        return sp.Pow(num / den, p.exp)
    expr = sp.sympify(expr).replace(lambda e: isinstance(e, sp.Pow) and e.exp.has(t), fix)
    for g in sorted({p for p in expr.atoms(sp.Pow) if p.exp.has(t)}, key=sp.default_sort_key):
        expr = sp.collect(expr, g, func=sp.factor)
    return expr

"""The expectation operator on expressions in the model's random sequences.

:func:`expect` applies two facts and nothing else:

1. linearity: E[c1 A + c2 B] = c1 E[A] + c2 E[B] for deterministic c1, c2;
2. independence of the innovations: at refit ``tau`` the draws ``X(tau)`` (scaled sample
   variance) and ``Z(tau)`` (standardised sample mean) are independent of each other and of
   everything that generation ``tau`` and earlier determine (Cochran's theorem plus fresh
   sampling), so E[A X(tau)^a Z(tau)^b] = E[A] E[X(tau)^a] E[Z(tau)^b].

A product it cannot split under (2) stays whole, as E[product]: that is always true, so
the operator never claims a factorisation it cannot justify. The proof kernel's
expectation rule checks each step against this operator.

Examples
--------
>>> from modelcollapse.theory.symbols import E, X, sigma, t, n, ddof
>>> expect(sigma(t)**2 * X(t) / (n - ddof))
E[X_t]*E[sigma_t**2]/(-ddof + n)
>>> expect(sigma(t + 1) * X(t))  # sigma_{t+1} depends on X_t: no split
E[X_t*sigma_{t + 1}]
"""

from __future__ import annotations

import sympy as sp

from .symbols import E, RandomSequence, X, Z, is_random

#: Classes whose value at index tau is a fresh draw at refit tau.
INNOVATIONS = (X, Z)


def split_sums(expr):
    """Linearity of finite sums: Sum(a f + b g) -> a Sum(f) + b Sum(g), constants pulled out.

    >>> import sympy as sp
    >>> i, K, c = sp.symbols("i K c", integer=True, positive=True)
    >>> x = sp.IndexedBase("x")
    >>> split_sums(sp.Sum(c * x[i] ** 2 + x[i], (i, 1, K)))
    c*Sum(x[i]**2, (i, 1, K)) + Sum(x[i], (i, 1, K))
    """
    def split(S):
        f, limits = S.function, S.limits
        var = limits[0][0]
        out = sp.S.Zero
        for term in sp.Add.make_args(sp.expand(f)):
            const, rest = term.as_independent(var, as_Add=False)
            out += const * sp.Sum(rest, *limits)
        return out
    return sp.sympify(expr).replace(lambda e: isinstance(e, sp.Sum) and len(e.limits) == 1, split)


def _offset(a, b):
    """``a - b`` as an int when it is an integer constant, else None."""
    d = sp.expand(a - b)
    return int(d) if d.is_Integer else None


def expect(expr):
    """Expectation of ``expr`` by linearity and independence of the latest innovations.

    Expectations already in ``expr`` are linearised too: E[1 - Y] becomes 1 - E[Y].
    """
    expr = sp.sympify(expr)
    if expr.has(E):
        expr = expr.replace(lambda e: isinstance(e, E), lambda e: expect(e.args[0]))
    expr = sp.expand(expr, log=False, power_base=False, power_exp=False)
    total = sp.S.Zero
    for term in sp.Add.make_args(expr):
        total += _expect_term(term)
    return total


def _expect_term(term):
    coeff = sp.S.One
    random_factors = []
    for f in sp.Mul.make_args(term):
        if is_random(f):
            random_factors.append(f)
        else:
            coeff *= f
    if not random_factors:
        return coeff
    groups = _split(random_factors)
    if groups is None:
        return coeff * E(sp.Mul(*random_factors))
    out = coeff
    for g in groups:
        out *= E(sp.Mul(*g))
    return out


def _split(factors):
    """Independent groups of ``factors``, or None when no split is justified."""
    innov = [a for f in factors for a in f.atoms(RandomSequence) if isinstance(a, INNOVATIONS)]
    if not innov:
        return None
    # The latest refit among the innovations present.
    tau = innov[0].generation
    for a in innov[1:]:
        d = _offset(a.generation, tau)
        if d is None:
            return None
        if d > 0:
            tau = a.generation
    fresh = {cls: [] for cls in INNOVATIONS}
    past = []
    for f in factors:
        atoms = f.atoms(RandomSequence)
        kinds = {type(a) for a in atoms if isinstance(a, INNOVATIONS) and _offset(a.generation, tau) == 0}
        if kinds:
            if len(atoms) != 1:
                return None  # a factor mixes a fresh draw with something else
            fresh[kinds.pop()].append(f)
            continue
        for a in atoms:
            d = _offset(a.generation, tau)
            if d is None:
                return None
            # Generation quantities up to tau, and innovations before tau, are independent of
            # the innovations at tau; sigma_{tau+1}, delta_{tau+1} are not.
            if isinstance(a, INNOVATIONS) and d >= 0:
                return None
            if not isinstance(a, INNOVATIONS) and d > 0:
                return None
        past.append(f)
    groups = [g for g in fresh.values() if g]
    if past:
        groups.append(past)
    return groups if len(groups) > 1 or past == [] else None

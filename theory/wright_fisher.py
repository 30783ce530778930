"""Exact computations on the neutral Wright-Fisher chain (two categories, population n).

One category against the rest is a two-category chain: its count c in {0, ..., n} moves to
Binomial(n, c/n). Everything here is exact for that chain (no diffusion approximation):
the (n+1) x (n+1) transition matrix, the distribution after t steps, the probability that
the category is still present, and mean absorption times by a linear solve. Each function
works in float64 (numpy) or, with ``dps``, in mpmath at that precision.

Examples
--------
The mean absorption times solve the first-step equations tau = 1 + P tau off the two
absorbing states, and the expected count is conserved (the chain is a martingale):

>>> import numpy as np
>>> tau, P = absorption_times(10), transition_matrix(10)
>>> bool(np.allclose(tau[1:-1], 1 + P[1:-1] @ tau))
True
>>> v = count_distribution(10, 3, 7)
>>> bool(np.isclose(v @ np.arange(11), 3))
True
"""

from __future__ import annotations

import mpmath
import numpy as np
from scipy import stats

import functools

from .assumptions import check_int, check_real

#: Largest n for the dense (n+1) x (n+1) computations.
MAX_N = 5000


def _n(n):
    n = check_int("n", n, lower=1)
    if n > MAX_N:
        raise ValueError(f"n must be <= {MAX_N} for dense exact computations, got {n}")
    return n


def transition_matrix(n, dps=None):
    """P[c, c'] = P(count c' at t+1 | count c at t) = Binomial(n, c/n).pmf(c').

    float64 (numpy array) by default; an ``mpmath.matrix`` at ``dps`` digits otherwise.
    """
    n = _n(n)
    if dps is None:
        c = np.arange(n + 1)
        return stats.binom.pmf(c[None, :], n, c[:, None] / n)
    dps = check_int("dps", dps, lower=1)
    with mpmath.workdps(dps):
        P = mpmath.matrix(n + 1, n + 1)
        for i in range(n + 1):
            q = mpmath.mpf(i) / n
            for j in range(n + 1):
                P[i, j] = mpmath.binomial(n, j) * q**j * (1 - q) ** (n - j)
        return P


def count_distribution(n, c0, t, dps=None):
    """Distribution of the count after t steps from count c0 (vector of length n + 1)."""
    n = _n(n)
    c0 = check_int("c0", c0, lower=0, upper=n)
    t = check_int("t", t, lower=0)
    if dps is None:
        P = transition_matrix(n)
        v = np.zeros(n + 1)
        v[c0] = 1.0
        for _ in range(t):
            v = v @ P
        return v
    with mpmath.workdps(dps):
        P = transition_matrix(n, dps)
        v = mpmath.matrix(1, n + 1)
        v[0, c0] = 1
        for _ in range(t):
            v = v * P
        return v


def transition_column(n, m, b, dps):
    """Column b of the m-step transition matrix, P^m[:, b], in mpmath at ``dps`` digits.

    Computed as P (P (... e_b)): m matrix-vector products, no matrix power.
    """
    n = _n(n)
    m = check_int("m", m, lower=0)
    b = check_int("b", b, lower=0, upper=n)
    return _column(n, m, b, check_int("dps", dps, lower=1))


@functools.lru_cache(maxsize=64)
def _column(n, m, b, dps):
    with mpmath.workdps(dps):
        P = transition_matrix(n, dps)
        u = mpmath.matrix(n + 1, 1)
        u[b] = 1
        for _ in range(m):
            u = P * u
        return tuple(u[a] for a in range(n + 1))


def survival(n, p, t, dps=None):
    """P(the category with initial probability p is still present at generation t), exact.

    The initial count is n p, which must be an integer (the chain lives on counts); for the
    categorical model started from p0 the first refit draws Binomial(n, p) exactly, so this
    function is applied from generation 1 on by the callers that need it.
    """
    n = _n(n)
    p = check_real("p", p, nonnegative=True, upper=1)
    c0 = n * p
    if abs(c0 - round(c0)) > 1e-9:
        raise ValueError(f"p must be a multiple of 1/n = {1 / n:g} for the count chain, got {p!r}")
    v = count_distribution(n, int(round(c0)), t, dps)
    return 1 - v[0] if dps is None else 1 - v[0, 0]


def absorption_times(n, dps=None):
    """Mean generations until the count hits 0 or n, from every starting count (linear solve)."""
    n = _n(n)
    if dps is not None:
        return _absorption_mp(n, check_int("dps", dps, lower=1)).copy()  # the cache keeps its own
    if dps is None:
        P = transition_matrix(n)
        inner = slice(1, n)
        A = np.eye(n - 1) - P[inner, inner]
        tau = np.zeros(n + 1)
        if n > 1:
            tau[inner] = np.linalg.solve(A, np.ones(n - 1))
        return tau


@functools.lru_cache(maxsize=32)
def _absorption_mp(n, dps):
    with mpmath.workdps(dps):
        P = transition_matrix(n, dps)
        tau = mpmath.matrix(n + 1, 1)
        if n > 1:
            A = [[(1 if i == j else 0) - P[i + 1, j + 1] for j in range(n - 1)] for i in range(n - 1)]
            sol = _lu_solve(A, [mpmath.mpf(1)] * (n - 1))
            for i in range(n - 1):
                tau[i + 1] = sol[i]
        return tau


def _lu_solve(A, b):
    """``mpmath.lu_solve(A, b)`` for a square system: the same operations in the same order (its
    LU_decomp with pivoting, L_solve and U_solve, 10 bits above the working precision), on lists of
    rows instead of an mpmath matrix, whose indexing took most of the time (the same digits)."""
    from mpmath.libmp import mpf_mul, mpf_sub
    ctx = mpmath.mp
    prec = ctx.prec
    try:
        ctx.prec += 10
        A, b, n = [list(row) for row in A], list(b), len(A)
        tol = ctx.absmin(ctx.mnorm(ctx.matrix(A), 1) * ctx.eps)  # each pivot must be bigger
        p = [None] * (n - 1)
        for j in range(n - 1):
            biggest = 0  # pivot: the largest |entry| over its row's sum of |entries|
            for k in range(j, n):
                s = ctx.fsum([ctx.absmin(A[k][col]) for col in range(j, n)])
                if ctx.absmin(s) <= tol:
                    raise ZeroDivisionError("matrix is numerically singular")
                current = 1 / s * ctx.absmin(A[k][j])
                if current > biggest:
                    biggest, p[j] = current, k
            A[j], A[p[j]] = A[p[j]], A[j]
            if ctx.absmin(A[j][j]) <= tol:
                raise ZeroDivisionError("matrix is numerically singular")
            bits, rounding = ctx._prec_rounding
            for i in range(j + 1, n):
                A[i][j] /= A[j][j]
                row, factor = A[i], A[i][j]._mpf_
                for k in range(j + 1, n):  # row[k] -= factor * A[j][k], as mpf arithmetic does it
                    row[k] = ctx.make_mpf(mpf_sub(row[k]._mpf_, mpf_mul(factor, A[j][k]._mpf_, bits, rounding),
                                                  bits, rounding))
        if ctx.absmin(A[n - 1][n - 1]) <= tol:
            raise ZeroDivisionError("matrix is numerically singular")
        for k, q in enumerate(p):
            b[k], b[q] = b[q], b[k]
        for i in range(1, n):
            for j in range(i):
                b[i] -= A[i][j] * b[j]
        for i in range(n - 1, -1, -1):
            for j in range(i + 1, n):
                b[i] -= A[i][j] * b[j]
            b[i] /= A[i][i]
    finally:
        ctx.prec = prec
    return b

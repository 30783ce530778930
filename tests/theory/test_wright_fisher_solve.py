"""The exact Wright-Fisher absorption times (mpmath LU on lists of rows) against exact rationals and
mpmath's own lu_solve."""

import random

import mpmath
import pytest
import sympy as sp

from modelcollapse.theory import wright_fisher as WF


def _exact_absorption_times(n):
    """tau_i = 1 + sum_j P_ij tau_j on the transient counts 1..n-1, solved in exact rationals."""
    P = sp.Matrix(n + 1, n + 1, lambda i, j: sp.binomial(n, j) * sp.Rational(i, n) ** j
                  * (1 - sp.Rational(i, n)) ** (n - j))
    if n == 1:
        return [sp.S.Zero, sp.S.Zero]
    A = sp.eye(n - 1) - P[1:n, 1:n]
    inner = A.LUsolve(sp.ones(n - 1, 1))
    return [sp.S.Zero] + list(inner) + [sp.S.Zero]


@pytest.mark.parametrize("n", [1, 2, 3, 7])
def test_absorption_times_agree_with_exact_rationals(n):
    got = WF.absorption_times(n, dps=40)
    with mpmath.workdps(45):
        for g, e in zip(got, _exact_absorption_times(n)):
            assert abs(g - mpmath.mpf(sp.N(e, 50))) <= mpmath.mpf(10) ** -37 * max(1, abs(g))


def test_lu_solve_is_mpmath_lu_solve_digit_for_digit():
    rng = random.Random(11)
    with mpmath.workdps(30):
        for size in (1, 2, 5):
            A = [[mpmath.mpf(rng.randint(-9, 9)) / rng.randint(1, 9) for _ in range(size)] for _ in range(size)]
            A[0][0] = mpmath.mpf(0)  # forces a row swap
            if size == 1:
                A[0][0] = mpmath.mpf(3) / 7
            b = [mpmath.mpf(rng.randint(-9, 9)) / 7 for _ in range(size)]
            try:
                expected = list(mpmath.lu_solve(mpmath.matrix(A), mpmath.matrix(b)))
            except ZeroDivisionError:
                with pytest.raises(ZeroDivisionError):
                    WF._lu_solve(A, b)
                continue
            assert WF._lu_solve(A, b) == expected
            assert mpmath.mp.dps == 30  # the working precision raised inside is restored
        with pytest.raises(ZeroDivisionError):
            WF._lu_solve([[mpmath.mpf(1), mpmath.mpf(2)], [mpmath.mpf(2), mpmath.mpf(4)]], [mpmath.mpf(1)] * 2)
        assert mpmath.mp.dps == 30

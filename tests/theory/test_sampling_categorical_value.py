"""The categorical sums evaluated in mpmath (compiled once per expression) against exact rationals."""

import mpmath
import sympy as sp

from modelcollapse.theory import sampling_categorical as SC
from modelcollapse.theory.symbols import K, i, p0


def test_value_keeps_the_working_precision_for_K_outside_the_sums():
    # 1/K and (K - 1)/K outside a Sum: with K passed as a Python int they were floats (1e-17 off).
    expr = sp.Sum(p0[i] ** 2, (i, 1, K)) + 1 / K + (K - 1) / K * sp.Sum(p0[i], (i, 1, K))
    probs = [sp.Rational(1, 2), sp.Rational(1, 3), sp.Rational(1, 6)]
    exact = sum(q**2 for q in probs) + sp.Rational(1, 3) + sp.Rational(2, 3) * sum(probs)
    with mpmath.workdps(40):
        got = SC._value(expr, {p0: [mpmath.mpf(q.p) / q.q for q in probs]}, {})
        assert abs(got - mpmath.mpf(sp.N(exact, 50))) < mpmath.mpf(10) ** -38


def test_value_compiled_once_serves_other_lengths_and_precisions():
    # The compiled form is cached on the expression alone: K and the digits come at each call.
    expr = sp.log(sp.Sum(p0[i], (i, 1, K))) + sp.log(K)
    for length, dps in ((2, 20), (5, 50), (3, 30)):
        with mpmath.workdps(dps):
            probs = [mpmath.mpf(1) / 7] * length
            got = SC._value(expr, {p0: probs}, {})
            assert abs(got - mpmath.log(mpmath.mpf(length) ** 2 / 7)) < mpmath.mpf(10) ** -(dps - 2)

"""Adversarial corpus for the proof kernel, round 31: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 30. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, all 11 were accepted,
through two more of sympy's rules of assumptions:

- sympy holds a rising or falling factorial rf(x, k), ff(x, k) to be no integer when x is none; but
  at k = 0 each is 1 (rf(1/2, (n - 20)^2) is 1 at n = 20, beyond the random points), so
  Eq(rf(1/2, (n - 20)^2), 1) was settled false inside a Piecewise's condition.
- sympy calls binomial(n - 20, 3) negative for a symbolic integer n (it is 10 at n = 25). The sign
  rule distrusts binomial already, but the condition of a Piecewise was settled as each case was
  put in, before the sign rule saw the binomial.

**Principle:** sympy's rules of assumptions count only where they hold: while the kernel checks,
rf and ff are integers only when their base and order are, with the order at least 0, and are never
called no integer (:func:`~modelcollapse.proofs.kernel.terms.certified_readings`); and a comparison
in a claim (a Piecewise's condition) may hold no function whose sign sympy states wrongly.

Each docstring gives the counterexample.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.kernel import Domain

library_for, check_attack = checker({})

n = sp.Symbol("n", integer=True)
INTEGERS = {n: Domain.integer()}
#: (n - 20)^2: a natural number, 0 at n = 20.
ORDER = sp.Pow(sp.Add(n, -20, evaluate=False), 2, evaluate=False)
HALF = sp.Rational(1, 2)


def _claim(name, goal, domains=INTEGERS):
    return algebra_claim(name, goal, domains)


def _indicator(condition):
    return sp.Piecewise((1, condition), (0, True), evaluate=False)


def _is_one(value):
    """Piecewise((1, value = 1), (0, otherwise)) = 0."""
    return sp.Eq(_indicator(sp.Eq(value, 1, evaluate=False)), 0, evaluate=False)


#: 1 at n = 20 (rf(1/2, 0) = 1), 0 elsewhere.
AT_TWENTY = _indicator(sp.Eq(sp.RisingFactorial(HALF, ORDER, evaluate=False), 1, evaluate=False))
#: 1 where binomial(n - 20, 3) < 0, that is for n < 20 only.
BELOW_TWENTY = _indicator(sp.Lt(sp.binomial(sp.Add(n, -20, evaluate=False), 3, evaluate=False), 0, evaluate=False))


def D1_rising_factorial_piecewise():
    """Piecewise((1, rf(1/2, (n - 20)^2) = 1), (0, otherwise)) = 0 for every integer n: it is 1 at n = 20."""
    return _claim("D1", _is_one(sp.RisingFactorial(HALF, ORDER, evaluate=False)))


def D2_falling_factorial_piecewise():
    """Piecewise((1, ff(1/2, (n - 20)^2) = 1), (0, otherwise)) = 0 for every integer n: it is 1 at n = 20."""
    return _claim("D2", _is_one(sp.FallingFactorial(HALF, ORDER, evaluate=False)))


def D3_rising_factorial_floor():
    """Piecewise((1, floor(r) = r), (0, otherwise)) = 0 for r = rf(1/2, (n - 20)^2) and every integer n: 1 at n = 20."""
    r = sp.RisingFactorial(HALF, ORDER, evaluate=False)
    return _claim("D3", sp.Eq(_indicator(sp.Eq(sp.floor(r, evaluate=False), r, evaluate=False)), 0, evaluate=False))


def D4_falling_factorial_floor():
    """Piecewise((1, floor(f) = f), (0, otherwise)) = 0 for f = ff(1/2, (n - 20)^2) and every integer n: 1 at n = 20."""
    f = sp.FallingFactorial(HALF, ORDER, evaluate=False)
    return _claim("D4", sp.Eq(_indicator(sp.Eq(sp.floor(f, evaluate=False), f, evaluate=False)), 0, evaluate=False))


def D5_rising_factorial_other_base():
    """Piecewise((1, rf(3/2, (n - 20)^2) = 1), (0, otherwise)) = 0 for every integer n: it is 1 at n = 20."""
    return _claim("D5", _is_one(sp.RisingFactorial(sp.Rational(3, 2), ORDER, evaluate=False)))


def D6_sign_through_piecewise():
    """0 < 1 - P for P = Piecewise((1, rf(1/2, (n - 20)^2) = 1), (0, otherwise)) and every integer n: 0 at n = 20."""
    return _claim("D6", sp.Lt(0, sp.Add(1, sp.Mul(-1, AT_TWENTY, evaluate=False), evaluate=False), evaluate=False))


def D7_definedness():
    """g / g = 1 for g = 1 - P (P as in D6) and every integer n: at n = 20 it is 0 / 0, no number."""
    g = sp.Add(1, sp.Mul(-1, AT_TWENTY, evaluate=False), evaluate=False)
    return _claim("D7", sp.Eq(sp.Mul(g, sp.Pow(g, -1, evaluate=False), evaluate=False), 1, evaluate=False))


def D8_piecewise_below_half():
    """P < 1/2 (P as in D6) for every integer n: P is 1 at n = 20."""
    return _claim("D8", sp.Lt(AT_TWENTY, HALF, evaluate=False))


def E1_binomial_sign_piecewise():
    """Piecewise((1, binomial(n - 20, 3) < 0), (0, otherwise)) = 1 for every integer n: it is 0 at n = 25."""
    return _claim("E1", sp.Eq(BELOW_TWENTY, 1, evaluate=False))


def E2_binomial_sign_positive():
    """0 < Piecewise((1, binomial(n - 20, 3) < 0), (0, otherwise)) for every integer n: 0 at n = 25."""
    return _claim("E2", sp.Lt(0, BELOW_TWENTY, evaluate=False))


def E3_binomial_sign_half():
    """Piecewise((1, binomial(n - 20, 3) < 0), (0, otherwise)) > 1/2 for every integer n: 0 at n = 25."""
    return _claim("E3", sp.Gt(BELOW_TWENTY, HALF, evaluate=False))


EXPECTED = {
    "D1_rising_factorial_piecewise": "sympy could not reduce lhs - rhs to 0",
    "D2_falling_factorial_piecewise": "sympy could not reduce lhs - rhs to 0",
    "D3_rising_factorial_floor": "sympy could not reduce lhs - rhs to 0",
    "D4_falling_factorial_floor": "sympy could not reduce lhs - rhs to 0",
    "D5_rising_factorial_other_base": "sympy could not reduce lhs - rhs to 0",
    "D6_sign_through_piecewise": "sympy could not show > 0",
    "D7_definedness": "the relation is not shown defined on the whole domain",
    "D8_piecewise_below_half": "sympy could not show > 0",
    "E1_binomial_sign_piecewise": "sympy could not reduce lhs - rhs to 0",
    "E2_binomial_sign_positive": "sympy could not show > 0",
    "E3_binomial_sign_half": "sympy could not show > 0",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

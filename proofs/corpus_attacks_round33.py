"""Adversarial corpus for the proof kernel, round 33: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 32. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, all 14 were accepted,
through three more of sympy's rules of assumptions, each a statement about every value of a symbolic
expression that does not hold:

* an even number over an odd one greater than 1 is no integer (so not 0): but 6/3 = 2 and 0/3 = 0, and
  Q = (2n - 40)/(2n^2 + 3) is 0 at n = 20 (H*);
* binomial(n, k) is negative for an odd k when n's sign is unknown: but binomial(n - 20, 3) is 0 at n = 20
  and 10 at n = 25, and sympy's own evaluation of sign, Abs, Max and Min reads that rule while a claim's
  case is built, where the kernel's distrust of binomial's sign (in sign claims and conditions) cannot
  see it (K*);
* the sign of c + a, a a monomial in several symbols, from a's value with each symbol at its value
  closest to 0: the least size of a only when no symbol stands in a denominator; 1/(x y) - 1/200 was
  called positive for integers x, y >= 1, but it is negative at x = y = 15 (M*).

The random points (an unbounded integer in -6..6, an integer >= 1 in 1..13) never reach the
counterexamples.

**Principle:** a rule of sympy's that states a fact about every value of a symbolic expression is an
unproved lemma; while the kernel checks, each one an attack has shown false is replaced by one that
says only what holds, at its source, so that no evaluation sympy makes on its own reads it
(:func:`~modelcollapse.proofs.kernel.terms.certified_readings`): a product is called no integer only
when it is irrational, binomial(n, k) nonnegative only when n >= 0, k < 0 or k is even (never
negative), and a sum's sign rests on a bound by values closest to 0 only for a polynomial or a
function of one symbol.

Each docstring gives the counterexample.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.kernel import Domain

library_for, check_attack = checker({})

n = sp.Symbol("n", integer=True)
m = sp.Symbol("m", integer=True, nonnegative=True)
INTEGERS = {n: Domain.integer()}
#: (2n - 40) / (2n^2 + 3): an even integer over an odd one > 1, and 0 at n = 20.
Q = sp.Mul(sp.Add(sp.Mul(2, n), -40), sp.Pow(sp.Add(sp.Mul(2, sp.Pow(n, 2)), 3), -1), evaluate=False)
#: binomial(n - 20, 3): 0 at n = 20, 21, 22 and 10 at n = 25.
B = sp.binomial(sp.Add(n, -20), 3, evaluate=False)
x = sp.Symbol("x", integer=True, positive=True)
y = sp.Symbol("y", integer=True, positive=True)
POSITIVE_PAIR = {x: Domain.integer(1), y: Domain.integer(1)}
#: 1/(x y): at most 1, and as small as one likes.
RECIPROCAL = sp.Mul(sp.Pow(x, -1), sp.Pow(y, -1))


def _claim(name, goal, domains=INTEGERS):
    return algebra_claim(name, goal, domains)


def H1_square_positive():
    """0 < ((2n - 40)/(2n^2 + 3))^2 for every integer n: 0 at n = 20."""
    return _claim("H1", sp.Lt(0, sp.Pow(Q, 2, evaluate=False), evaluate=False))


def H2_abs_positive():
    """0 < |(2n - 40)/(2n^2 + 3)| for every integer n: 0 at n = 20."""
    return _claim("H2", sp.Lt(0, sp.Abs(Q, evaluate=False), evaluate=False))


def H3_indicator_zero():
    """[(2n - 40)/(2n^2 + 3) = 0] = 0 for every integer n: 1 at n = 20 (the condition was settled False as
    the case was built)."""
    indicator = sp.Piecewise((1, sp.Eq(Q, 0, evaluate=False)), (0, True), evaluate=False)
    return _claim("H3", sp.Eq(indicator, 0, evaluate=False))


def H4_reciprocal_square_defined():
    """Q^2 / Q^2 = 1 for every integer n: 0/0 at n = 20 (Q^2 was held positive, so defined)."""
    sq = sp.Pow(Q, 2, evaluate=False)
    return _claim("H4", sp.Eq(sp.Mul(sq, sp.Pow(sq, -1, evaluate=False), evaluate=False), 1, evaluate=False))


def H5_two_symbols():
    """0 < ((2n - 40)/(2m + 3))^2 for every integer n and m >= 0: 0 at n = 20 (and the quotient is the integer
    2 at n = 23, m = 0)."""
    q = sp.Mul(sp.Add(sp.Mul(2, n), -40), sp.Pow(sp.Add(sp.Mul(2, m), 3), -1), evaluate=False)
    return _claim("H5", sp.Lt(0, sp.Pow(q, 2, evaluate=False), evaluate=False), {n: Domain.integer(), m: Domain.integer(0)})


def K1_sign_of_binomial():
    """sign(binomial(n - 20, 3)) = -1 for every integer n: 1 at n = 25, 0 at n = 20."""
    return _claim("K1", sp.Eq(sp.sign(B, evaluate=False), -1, evaluate=False))


def K2_abs_of_binomial():
    """|binomial(n - 20, 3)| = -binomial(n - 20, 3) for every integer n: 10 against -10 at n = 25."""
    return _claim("K2", sp.Eq(sp.Abs(B, evaluate=False), sp.Mul(-1, B, evaluate=False), evaluate=False))


def K3_abs_plus_binomial():
    """|binomial(n - 20, 3)| + binomial(n - 20, 3) = 0 for every integer n: 20 at n = 25."""
    return _claim("K3", sp.Eq(sp.Add(sp.Abs(B, evaluate=False), B, evaluate=False), 0, evaluate=False))


def K4_max_of_binomial():
    """max(binomial(n - 20, 3), 0) = 0 for every integer n: 10 at n = 25."""
    return _claim("K4", sp.Eq(sp.Max(B, 0, evaluate=False), 0, evaluate=False))


def K5_min_of_binomial():
    """min(binomial(n - 20, 3), 0) = binomial(n - 20, 3) for every integer n: 0 against 10 at n = 25."""
    return _claim("K5", sp.Eq(sp.Min(B, 0, evaluate=False), B, evaluate=False))


def M1_reciprocal_above_constant():
    """1/200 < 1/(x y) for all integers x, y >= 1: 1/225 at x = y = 15."""
    return _claim("M1", sp.Lt(sp.Rational(1, 200), RECIPROCAL, evaluate=False), POSITIVE_PAIR)


def M2_reciprocal_at_least_constant():
    """1/200 <= 1/(x y) for all integers x, y >= 1: 1/225 at x = y = 15."""
    return _claim("M2", sp.Le(sp.Rational(1, 200), RECIPROCAL, evaluate=False), POSITIVE_PAIR)


def M3_reciprocal_square():
    """0 < 1/(x y)^2 - 1/30000 for all integers x, y >= 1: 1/50625 - 1/30000 < 0 at x = y = 15."""
    gap = sp.Add(sp.Pow(sp.Mul(x, y), -2), sp.Rational(-1, 30000))
    return _claim("M3", sp.Lt(0, gap, evaluate=False), POSITIVE_PAIR)


def M4_shifted_naturals():
    """1/200 < 1/((u + 1)(v + 1)) for all integers u, v >= 0: 1/225 at u = v = 14."""
    u = sp.Symbol("u", integer=True, nonnegative=True)
    v = sp.Symbol("v", integer=True, nonnegative=True)
    r = sp.Mul(sp.Pow(sp.Add(u, 1), -1), sp.Pow(sp.Add(v, 1), -1))
    return _claim("M4", sp.Lt(sp.Rational(1, 200), r, evaluate=False), {u: Domain.integer(0), v: Domain.integer(0)})


EXPECTED = {
    "H1_square_positive": "sympy could not show > 0",
    "H2_abs_positive": "sympy could not show > 0",
    "H3_indicator_zero": "sympy could not reduce lhs - rhs to 0",
    "H4_reciprocal_square_defined": "may vanish in a denominator",
    "H5_two_symbols": "sympy could not show > 0",
    "K1_sign_of_binomial": "sympy could not reduce lhs - rhs to 0",
    "K2_abs_of_binomial": "sympy could not reduce lhs - rhs to 0",
    "K3_abs_plus_binomial": "sympy could not reduce lhs - rhs to 0",
    "K4_max_of_binomial": "sympy could not reduce lhs - rhs to 0",
    "K5_min_of_binomial": "sympy could not reduce lhs - rhs to 0",
    "M1_reciprocal_above_constant": "sympy could not show > 0",
    "M2_reciprocal_at_least_constant": "sympy could not show >= 0",
    "M3_reciprocal_square": "sympy could not show > 0",
    "M4_shifted_naturals": "sympy could not show > 0",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

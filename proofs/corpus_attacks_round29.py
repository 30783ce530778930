"""Adversarial corpus for the proof kernel, round 29: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 28. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, all 15 were accepted
(one more, a cube, is left out: rejected, it takes 6 to 17 seconds), 0 < -1 among them, and they
showed that judging the numbers of a claim as written cannot be enough:

- (a x + b)^2 - 10^10 with a = 10^50 sqrt(10^110 + 1) and b = 1 - 10^105 has no number that
  cancels, but at x = 1, a value sympy substitutes itself while reading the claim's sign at the
  end of its domain, a + b cancels 105 digits, and sympy read (a + b)^2 - 10^10 (about -10^10) as
  10^168. Small numbers do the same (a unit test: (sqrt(2) - c)^2 - 10^-60, c the 33-digit
  rational nearest sqrt(2), which sympy read as nonnegative).
- A short sum whose written-out terms cancel was kept, being a sum of rationals in form, and the
  kernel's own normal form wrote it out where sympy misread it.

**Principle:** while the kernel checks a proof, sympy reads the sign of a number, the order of two
numbers and a number's integer part from interval arithmetic, never from its floating evaluation
(:func:`~modelcollapse.proofs.kernel.terms.certified_readings`, which also empties sympy's cache, so
no fact read before returns with a number); and a short sum or product is judged by its terms written
out. (A radical of a rational beyond 64 bits now also stands for a symbol beside symbols: sympy's
polynomial algorithms on such roots took the 30-second limit.)

Each docstring says why the statement is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel.rules import Algebra, Order, Specialize
from modelcollapse.proofs.kernel.terms import substitute

library_for, check_attack = checker({})

a = sp.Mul(10**50, sp.sqrt(10**110 + 1), evaluate=False)
b = sp.Integer(1 - 10**105)
x = sp.Symbol("x", integer=True, positive=True)
r = sp.Symbol("r", real=True, positive=True)
NATURALS = {x: Domain.integer(1)}


def _square(v):
    """(a v + b)^2 - 10^10, as written: at v = 1 about -10^10."""
    return sp.Add(sp.Pow(sp.Add(sp.Mul(a, v, evaluate=False), b, evaluate=False), 2, evaluate=False), -10**10,
                  evaluate=False)


#: A sum of three numbers, about 1.000005 once 105 digits cancel, written as a sum over k.
k = sp.Symbol("k", integer=True)
S = sp.Sum((1 - k) * (2 - k) / 2 * 10**50 * sp.sqrt(10**110 + 1 + k**2) + k * (2 - k) * (1 - 10**105)
           + k * (k - 1) / 2 * sp.sqrt(k) / 10**10, (k, 0, 2))
#: r + S^2 - 101/100: about -0.009 at r = 1/1000.
H = sp.Add(r, sp.Pow(S, 2, evaluate=False), -sp.Rational(101, 100), evaluate=False)
#: A1's claim at x = 1, in the form the kernel's substitution gives it.
AT_ONE = sp.Le(0, substitute(_square(x), {x: sp.Integer(1)}), evaluate=False)




def A1_square_weak_integer():
    """0 <= (a x + b)^2 - 10^10 for every integer x >= 1: about -10^10 at x = 1."""
    return algebra_claim("A1", sp.Le(0, _square(x), evaluate=False), NATURALS)


def A2_square_strict_integer():
    """0 < (a x + b)^2 - 10^10 for every integer x >= 1: about -10^10 at x = 1."""
    return algebra_claim("A2", sp.Lt(0, _square(x), evaluate=False), NATURALS)


def A3_square_weak_real():
    """0 <= (a r + b)^2 - 10^10 for every real r >= 1: about -10^10 at r = 1."""
    return algebra_claim("A3", sp.Le(0, _square(r), evaluate=False), {r: Domain.real(1)})


def A5_sign_of_a_square():
    """sign((a x + b)^2 - 10^10) = 1 for every integer x >= 1: it is -1 at x = 1."""
    return algebra_claim("A5", sp.Eq(sp.sign(_square(x), evaluate=False), 1, evaluate=False), NATURALS)


def A6_max_of_a_square():
    """Max(0, g) = g for g = (a x + b)^2 - 10^10 and every integer x >= 1: 0 against -10^10 at x = 1."""
    return algebra_claim("A6", sp.Eq(sp.Max(0, _square(x), evaluate=False), _square(x), evaluate=False), NATURALS)


def A7_min_of_a_square():
    """Min(0, (a x + b)^2 - 10^10) = 0 for every integer x >= 1: -10^10 against 0 at x = 1."""
    return algebra_claim("A7", sp.Eq(sp.Min(0, _square(x), evaluate=False), 0, evaluate=False), NATURALS)


def A8_closed_at_one_by_specialize():
    """0 <= (a + b)^2 - 10^10 (no symbols; about -10^10), by Specialize at x = 1 from A1's claim."""
    return Proof("A8", {"statement": AT_ONE}, NATURALS,
                 [Step("P", sp.Le(0, _square(x), evaluate=False), Algebra()),
                  Step("statement", AT_ONE, Specialize(x, sp.Integer(1)), ("P",))])


def A9_zero_below_minus_one_from_one():
    """0 < -1, by Order with scale 1 from A8's closed claim."""
    goal = sp.Lt(0, sp.Integer(-1), evaluate=False)
    return Proof("A9", {"statement": goal}, NATURALS,
                 [Step("P", sp.Le(0, _square(x), evaluate=False), Algebra()),
                  Step("c", AT_ONE, Specialize(x, sp.Integer(1)), ("P",)), Step("statement", goal, Order(sp.Integer(1)), ("c",))])


def B1_sum_weak():
    """0 <= r + S^2 - 101/100 for every real r > 0: about -0.009 at r = 1/1000."""
    return algebra_claim("B1", sp.Le(0, H, evaluate=False), {r: Domain.real(0, lo_open=True)})


def B2_sum_strict():
    """0 < r + S^2 - 101/100 for every real r > 0: about -0.009 at r = 1/1000."""
    return algebra_claim("B2", sp.Lt(0, H, evaluate=False), {r: Domain.real(0, lo_open=True)})


def B3_sum_sign():
    """sign(r + S^2 - 101/100) = 1 for every real r > 0: it is -1 at r = 1/1000."""
    return algebra_claim("B3", sp.Eq(sp.sign(H, evaluate=False), 1, evaluate=False), {r: Domain.real(0, lo_open=True)})


def B4_sum_max():
    """Max(0, h) = h for h = r + S^2 - 101/100 and every real r > 0: 0 against -0.009 at r = 1/1000."""
    return algebra_claim("B4", sp.Eq(sp.Max(0, H, evaluate=False), H, evaluate=False), {r: Domain.real(0, lo_open=True)})


def B5_sum_min():
    """Min(0, r + S^2 - 101/100) = 0 for every real r > 0: -0.009 against 0 at r = 1/1000."""
    return algebra_claim("B5", sp.Eq(sp.Min(0, H, evaluate=False), 0, evaluate=False), {r: Domain.real(0, lo_open=True)})


def B6_sum_abs():
    """|h| = h for h = r + S^2 - 101/100 and every real r > 0: 0.009 against -0.009 at r = 1/1000."""
    return algebra_claim("B6", sp.Eq(sp.Abs(H, evaluate=False), H, evaluate=False), {r: Domain.real(0, lo_open=True)})


def B7_rational_falsehood():
    """0 <= r - 99/10000 for every real r > 0 (false at r = 1/1000), by Order with scale 1 from B1's claim."""
    goal = sp.Le(0, r - sp.Rational(99, 10000), evaluate=False)
    return Proof("B7", {"statement": goal}, {r: Domain.real(0, lo_open=True)},
                 [Step("P", sp.Le(0, H, evaluate=False), Algebra()), Step("statement", goal, Order(sp.Integer(1)), ("P",))])


EXPECTED = {
    "A1_square_weak_integer": "sympy could not show >= 0",
    "A2_square_strict_integer": "sympy could not show > 0",
    "A3_square_weak_real": "sympy could not show >= 0",
    "A5_sign_of_a_square": "sympy could not reduce lhs - rhs to 0",
    "A6_max_of_a_square": "sympy could not reduce lhs - rhs to 0",
    "A7_min_of_a_square": "sympy could not reduce lhs - rhs to 0",
    "A8_closed_at_one_by_specialize": "sympy could not show >= 0 | ValueError: premise P",
    "A9_zero_below_minus_one_from_one": "sympy could not show >= 0 | ValueError: premise P",
    "B1_sum_weak": "sympy could not show >= 0",
    "B2_sum_strict": "sympy could not show > 0",
    "B3_sum_sign": "sympy could not reduce lhs - rhs to 0",
    "B4_sum_max": "sympy could not reduce lhs - rhs to 0",
    "B5_sum_min": "sympy could not reduce lhs - rhs to 0",
    "B6_sum_abs": "sympy could not reduce lhs - rhs to 0",
    "B7_rational_falsehood": "sympy could not show >= 0 | ValueError: premise P",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

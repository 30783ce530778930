"""Adversarial corpus for the proof kernel, round 27: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 26. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, all 16 attacks were
accepted, among them 0 < -1. Two numbers did it:

- W = -10^107 log(1 - 10^-110), about 10^-3. sympy reads W right on its own (sign and 2-digit
  value), so round 26's checks of each number in a claim passed it; but inside a sum sympy works
  at a capped precision, cannot resolve 1 - 10^-110 against 1 inside the logarithm and reads the
  bound of its error as the value: W - 1/100, a number sympy builds itself while reading the sign
  of m/100 + W - 1/100 (never a node of the claim), came out near 10^85.
- V = 10^66 log(1 + 10^-60), about 10^6, which sympy evaluates as the exact integer 0; the value
  check compared floating readings only, and floor(x + V) takes V's integer part off that reading.

**Principle:** sympy never sees a constant it may misread beside a symbol. Before the cases of a
claim with symbols are decided, each constant other than rationals, pi, e, Euler's gamma, their
positive rational powers, exponentials of rationals and logarithms of such constants at least 2 or
at most 1/2 (whose floating evaluation cancels nothing inside) is replaced by a symbol carrying
only the sign interval arithmetic certifies (:func:`~modelcollapse.proofs.kernel.terms.generalized`):
what holds for every such symbol holds for the constant. An exact reading of a number is a reading
too, and is checked against its enclosure.

Each docstring says why the statement is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel.rules import Algebra, Order, Specialize

library_for, check_attack = checker({})

R = sp.Rational
#: About 10^-3; inside a sum sympy reads it as about 2 10^7 (25 digits) or 2 10^85 (2 digits).
W = -sp.Integer(10) ** 107 * sp.log(1 - R(1, 10**110))
#: About 10^-3; misread inside a sum at 2 digits only (its 25-digit readings are right).
W60 = -sp.Integer(10) ** 57 * sp.log(1 - R(1, 10**60))
#: About 10^6 and 3/2; sympy evaluates each as the exact integer 0.
V6 = sp.Integer(10) ** 66 * sp.log(1 + R(1, 10**60))
V15 = R(3, 2) * sp.Integer(10) ** 110 * sp.log(1 + R(1, 10**110))

x = sp.Symbol("x", integer=True, positive=True)
z = sp.Symbol("x", integer=True)
r = sp.Symbol("r", real=True, nonnegative=True)
r_positive = sp.Symbol("r", real=True, positive=True)
#: At x = 1 and at r = 0 both are W - 1/100, about -0.009.
AT_X = x / 100 + W - R(1, 50)
AT_R = r + W - R(1, 100)




def _specialized(name, premise, goal, rule=None):
    """``goal`` from ``premise`` (by algebra) at x = 1, and then by ``rule`` when given."""
    steps = [Step("P", premise, Algebra())]
    if rule is None:
        steps.append(Step("statement", goal, Specialize(x, sp.Integer(1)), ("P",)))
    else:
        steps += [Step("c", rule[0], Specialize(x, sp.Integer(1)), ("P",)), Step("statement", goal, rule[1], ("c",))]
    return Proof(name, {"statement": goal}, {x: Domain.integer(1)}, steps)


def C1_real_half_line():
    """0 < r + W - 1/100 for every real r >= 0: about -0.009 at r = 0."""
    return algebra_claim("C1", sp.Lt(0, AT_R, evaluate=False), {r: Domain.real(0)})


def C2_integer():
    """0 < x/100 + W - 1/50 for every integer x >= 1: about -0.009 at x = 1."""
    return algebra_claim("C2", sp.Lt(0, AT_X, evaluate=False), {x: Domain.integer(1)})


def C3_closed_by_specialize():
    """0 < 1/100 + W - 1/50 (no symbols; about -0.009), by Specialize at x = 1 from C2's claim."""
    return _specialized("C3", sp.Lt(0, AT_X, evaluate=False), sp.Lt(0, R(1, 100) + W - R(1, 50), evaluate=False))


def C4_far_below():
    """0 < x/10^6 + W - 10^6 for every integer x >= 1: false for every x below about 10^12."""
    return algebra_claim("C4", sp.Lt(0, x / 10**6 + W - 10**6, evaluate=False), {x: Domain.integer(1)})


def C5_far_below_closed():
    """0 < 1/10^6 + W - 10^6 (about -10^6), by Specialize at x = 1 from C4's claim."""
    return _specialized("C5", sp.Lt(0, x / 10**6 + W - 10**6, evaluate=False),
                        sp.Lt(0, R(1, 10**6) + W - 10**6, evaluate=False))


def C6_abs_identity():
    """|x/100 + W - 1/50| = x/100 + W - 1/50 for every integer x >= 1: 0.009 against -0.009 at x = 1."""
    return algebra_claim("C6", sp.Eq(sp.Abs(AT_X, evaluate=False), AT_X, evaluate=False), {x: Domain.integer(1)})


def C7_sqrt_of_square():
    """sqrt((r + W - 1/100)^2) = r + W - 1/100 for every real r >= 0: 0.009 against -0.009 at r = 0."""
    goal = sp.Eq(sp.Pow(sp.Pow(AT_R, 2, evaluate=False), R(1, 2), evaluate=False), AT_R, evaluate=False)
    return algebra_claim("C7", goal, {r: Domain.real(0)})


def C8_sign_identity():
    """sign(x/100 + W - 1/50) = 1 for every integer x >= 1: it is -1 at x = 1."""
    return algebra_claim("C8", sp.Eq(sp.sign(AT_X, evaluate=False), 1, evaluate=False), {x: Domain.integer(1)})


def C9_max_identity():
    """Max(0, x/100 + W - 1/50) = x/100 + W - 1/50 for every integer x >= 1: 0 against -0.009 at x = 1."""
    return algebra_claim("C9", sp.Eq(sp.Max(0, AT_X, evaluate=False), AT_X, evaluate=False), {x: Domain.integer(1)})


def C10_min_identity():
    """Min(0, x/100 + W - 1/50) = 0 for every integer x >= 1: -0.009 against 0 at x = 1."""
    return algebra_claim("C10", sp.Eq(sp.Min(0, AT_X, evaluate=False), 0, evaluate=False), {x: Domain.integer(1)})


def C12_two_digit_reading_near_an_open_end():
    """0 < r + W60 - 1/100 for every real r > 0: false on all of (0, 0.009), where no random point of an
    open half-line lands."""
    return algebra_claim("C12", sp.Lt(0, r_positive + W60 - R(1, 100), evaluate=False), {r_positive: Domain.real(0, lo_open=True)})


def C13_zero_below_minus_one():
    """0 < -1, by Order with the scale 1000 sqrt(2) from C3's closed claim (sympy reads the remainder
    -1 - 1000 sqrt(2) (W - 1/100) right, about 11.7, and the premise's W - 1/100 wrong)."""
    return _specialized("C13", sp.Lt(0, AT_X, evaluate=False), sp.Lt(0, -1, evaluate=False),
                        (sp.Lt(0, R(1, 100) + W - R(1, 50), evaluate=False), Order(1000 * sp.sqrt(2))))


def D1_floor_split():
    """floor(x + V6) = x for every integer x: it is x + 999999."""
    return algebra_claim("D1", sp.Eq(sp.floor(z + V6, evaluate=False), z, evaluate=False), {z: Domain.integer()})


def D2_ceiling_split():
    """ceiling(x + V6) = x for every integer x >= 1: it is x + 10^6."""
    return algebra_claim("D2", sp.Eq(sp.ceiling(x + V6, evaluate=False), x, evaluate=False), {x: Domain.integer(1)})


def D3_floor_one_and_a_half():
    """floor(x + V15) = x for every integer x: it is x + 1."""
    return algebra_claim("D3", sp.Eq(sp.floor(z + V15, evaluate=False), z, evaluate=False), {z: Domain.integer()})


def D4_ceiling_one_and_a_half():
    """ceiling(x + V15) = x for every integer x >= 1: it is x + 2."""
    return algebra_claim("D4", sp.Eq(sp.ceiling(x + V15, evaluate=False), x, evaluate=False), {x: Domain.integer(1)})


EXPECTED = {
    "C1_real_half_line": "sympy could not show > 0",
    "C2_integer": "sympy could not show > 0",
    "C3_closed_by_specialize": "sympy could not show > 0 | ValueError: premise P",
    "C4_far_below": "sympy could not show > 0",
    "C5_far_below_closed": "sympy could not show > 0 | ValueError: premise P",
    "C6_abs_identity": "sympy could not reduce lhs - rhs to 0",
    "C7_sqrt_of_square": "sympy could not reduce lhs - rhs to 0",
    "C8_sign_identity": "sympy could not reduce lhs - rhs to 0",
    "C9_max_identity": "sympy could not reduce lhs - rhs to 0",
    "C10_min_identity": "sympy could not reduce lhs - rhs to 0",
    "C12_two_digit_reading_near_an_open_end": "sympy could not show > 0",
    "C13_zero_below_minus_one": "sympy could not show > 0 | ValueError: premise P",
    "D1_floor_split": "sympy could not reduce lhs - rhs to 0",
    "D2_ceiling_split": "sympy could not reduce lhs - rhs to 0",
    "D3_floor_one_and_a_half": "sympy could not reduce lhs - rhs to 0",
    "D4_ceiling_one_and_a_half": "sympy could not reduce lhs - rhs to 0",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

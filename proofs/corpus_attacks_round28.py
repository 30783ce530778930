"""Adversarial corpus for the proof kernel, round 28: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 27. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, all 14 attacks were
accepted, 0 < -1 among them, through numbers round 27's generalization kept because each of their
parts is read right: K = sqrt(10^110 + 1), B = 10^50 K - 10^105 + 1 (about 1.000005 once 105 digits
cancel) and Q = B^2. Inside a sum sympy evaluates B at a capped precision, leaves the cancellation
unresolved and raises the garbage to the power with its accuracy claimed: Q - 10^10, a number sympy
builds itself while reading the sign of x + Q - 10^10 at x = 0, came out near 10^168, and
floor(x + Q - 1/2) took the integer part of Q - 1/2 as 1.

**Principle:** a number beside a symbol is judged whole. It stays only if sympy reads it right at every
precision: its parts are read right and each sum in it cancels nothing (interval arithmetic shows the
sum at least 2^-8 of its largest term); else the whole number, and the numeric part of a sum that
cancels, stand for a symbol of their certified sign
(:func:`~modelcollapse.proofs.kernel.terms.generalized`).

Each docstring says why the statement is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel.rules import Algebra, Order, Specialize

library_for, check_attack = checker({})

R = sp.Rational
K = sp.sqrt(10**110 + 1)
#: About 1.000005 (105 digits cancel); its square and cube, about 1.00001 and 1.000015.
B = 10**50 * K - 10**105 + 1
Q = sp.Pow(B, 2, evaluate=False)
Q3 = sp.Pow(B, 3, evaluate=False)
x = sp.Symbol("x", integer=True, nonnegative=True)
z = sp.Symbol("x", integer=True)
r = sp.Symbol("r", real=True, nonnegative=True)
NATURALS, INTEGERS = {x: Domain.integer(0)}, {z: Domain.integer()}




def _at_zero(name, premise, goal, order=None):
    """``goal`` from ``premise`` (by algebra) at x = 0, then by Order with scale ``order`` when given."""
    steps = [Step("P", premise, Algebra())]
    if order is None:
        steps.append(Step("statement", goal, Specialize(x, sp.Integer(0)), ("P",)))
    else:
        closed = premise.func(premise.lhs.subs(x, 0), premise.rhs.subs(x, 0), evaluate=False)
        steps += [Step("c", closed, Specialize(x, sp.Integer(0)), ("P",)), Step("statement", goal, Order(order), ("c",))]
    return Proof(name, {"statement": goal}, NATURALS, steps)


def A1_weak_integer():
    """0 <= x + Q - 10^10 for every integer x >= 0: about -10^10 at x = 0."""
    return algebra_claim("A1", sp.Le(0, x + Q - 10**10, evaluate=False), NATURALS)


def A2_strict_integer():
    """0 < x + Q - 10^10 for every integer x >= 0: about -10^10 at x = 0."""
    return algebra_claim("A2", sp.Lt(0, x + Q - 10**10, evaluate=False), NATURALS)


def A3_weak_real():
    """0 <= r + Q - 10^10 for every real r >= 0: about -10^10 at r = 0."""
    return algebra_claim("A3", sp.Le(0, r + Q - 10**10, evaluate=False), {r: Domain.real(0)})


def A4_cube_far_below():
    """0 < x + Q3 - 10^17 for every integer x >= 0: false for every x below 10^17 - 1."""
    return algebra_claim("A4", sp.Lt(0, x + Q3 - 10**17, evaluate=False), NATURALS)


def A5_sign_identity():
    """sign(x + Q - 10^10) = 1 for every integer x >= 0: it is -1 at x = 0."""
    return algebra_claim("A5", sp.Eq(sp.sign(x + Q - 10**10, evaluate=False), 1, evaluate=False), NATURALS)


def A6_max_identity():
    """Max(0, x + Q - 10^10) = x + Q - 10^10 for every integer x >= 0: 0 against about -10^10 at x = 0."""
    e = x + Q - 10**10
    return algebra_claim("A6", sp.Eq(sp.Max(0, e, evaluate=False), e, evaluate=False), NATURALS)


def A7_min_identity():
    """Min(0, x + Q - 10^10) = 0 for every integer x >= 0: about -10^10 against 0 at x = 0."""
    return algebra_claim("A7", sp.Eq(sp.Min(0, x + Q - 10**10, evaluate=False), 0, evaluate=False), NATURALS)


def A8_closed_by_specialize():
    """0 < Q3 - 10^17 (no symbols; about -10^17), by Specialize at x = 0 from A4's claim."""
    return _at_zero("A8", sp.Lt(0, x + Q3 - 10**17, evaluate=False), sp.Lt(0, Q3 - 10**17, evaluate=False))


def A9_zero_below_minus_one():
    """0 < -1, by Order with scale 1 from A8's closed claim."""
    return _at_zero("A9", sp.Lt(0, x + Q3 - 10**17, evaluate=False), sp.Lt(0, -1, evaluate=False), sp.Integer(1))


def A10_closed_weak_by_specialize():
    """0 <= Q - 10^10 (about -10^10), by Specialize at x = 0 from A1's claim."""
    return _at_zero("A10", sp.Le(0, x + Q - 10**10, evaluate=False), sp.Le(0, Q - 10**10, evaluate=False))


def A11_small_scale():
    """0 <= x + (K - 10^55 + 10^-50)^2 - 10^-20 for every integer x >= 0: about -10^-20 at x = 0 (below the
    points' tolerance)."""
    small = sp.Pow(K - 10**55 + R(1, 10**50), 2, evaluate=False)
    return algebra_claim("A11", sp.Le(0, x + small - R(1, 10**20), evaluate=False), NATURALS)


def D1_floor_split_of_a_power():
    """floor(x + Q - 1/2) = x + 1 for every integer x: Q - 1/2 is about 0.50001, so the floor is x."""
    return algebra_claim("D1", sp.Eq(sp.floor(z + Q - R(1, 2), evaluate=False), z + 1, evaluate=False), INTEGERS)


def D2_ceiling_split_of_a_power():
    """ceiling(x + Q - 1/2) = x + 2 for every integer x: it is x + 1."""
    return algebra_claim("D2", sp.Eq(sp.ceiling(z + Q - R(1, 2), evaluate=False), z + 2, evaluate=False), INTEGERS)


def D3_floor_split_large():
    """floor(x + Q - 10^10 - 1/2) = x - 9999999999 for every integer x: it is x - 10^10."""
    goal = sp.Eq(sp.floor(z + Q - 10**10 - R(1, 2), evaluate=False), z - 9999999999, evaluate=False)
    return algebra_claim("D3", goal, INTEGERS)


EXPECTED = {
    "A1_weak_integer": "sympy could not show >= 0",
    "A2_strict_integer": "sympy could not show > 0",
    "A3_weak_real": "sympy could not show >= 0",
    "A4_cube_far_below": "sympy could not show > 0",
    "A5_sign_identity": "sympy could not reduce lhs - rhs to 0",
    "A6_max_identity": "sympy could not reduce lhs - rhs to 0",
    "A7_min_identity": "sympy could not reduce lhs - rhs to 0",
    "A8_closed_by_specialize": "sympy could not show > 0 | ValueError: premise P",
    "A9_zero_below_minus_one": "sympy could not show > 0 | ValueError: premise P",
    "A10_closed_weak_by_specialize": "sympy could not show >= 0 | ValueError: premise P",
    "A11_small_scale": "sympy could not show >= 0",
    "D1_floor_split_of_a_power": "sympy could not reduce lhs - rhs to 0",
    "D2_ceiling_split_of_a_power": "sympy could not reduce lhs - rhs to 0",
    "D3_floor_split_large": "sympy could not reduce lhs - rhs to 0",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

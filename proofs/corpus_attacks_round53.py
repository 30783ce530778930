"""Adversarial corpus for the proof kernel, round 53: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 52, aiming at the refuter's
points, which now raise a power whose exponent is a fraction or an integer beyond 64 in floating point, and at
round 52's leads (a peeled term at the edge of an empty range, a peeled factor with a pole). The bad point is
again h = (n - 20)^2 = 0 or 1, hidden from the refuter, which reads n in 0..12, where every exponent in h is a
float. ``attacks()`` returns ``(name, build, expected)``. None of the 4 was accepted when written.

**Principle (held):** numbers only refute; a float exponent can make a value noisy, never make a false claim
pass, for acceptance comes from the symbolic decision alone.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.corpus_attacks_round52 import N0, H, i

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)


def zero_power_product():
    """FALSE: prod_{i=1}^{h} 0^(i - 1) = 0 (1 at h = 0, the empty product, and at h = 1, 0^0 = 1)."""
    return algebra_claim("zero_power_product", sp.Eq(sp.Product(sp.Pow(0, i - 1), (i, 1, H)), 0), N0)


def hockey_stick_empty():
    """FALSE: sum_{i=1}^{h} binomial(i - 1, h - 1) = 1 (binomial(h, h) for h >= 1, but 0 at the empty h = 0); the
    peeled term binomial(h - 1, h - 1) lies outside the guarded range at h = 0."""
    return algebra_claim("hockey_stick_empty", sp.Eq(sp.Sum(sp.binomial(i - 1, H - 1), (i, 1, H)), 1), N0)


def peel_gamma_ratio():
    """FALSE: sum_{i=1}^{h+1} gamma(i + 1) / (i gamma(i)) = h + 1 + 0^h (the sum is h + 1; at h = 0 the right is 2)."""
    lhs = sp.Sum(sp.gamma(i + 1) / (i * sp.gamma(i)), (i, 1, H + 1))
    return algebra_claim("peel_gamma_ratio", sp.Eq(lhs, H + 1 + sp.Pow(0, H)), N0)


def float_exponent_sign():
    """FALSE: (1 - 2^-200)^h 2^h - 2^h + 1 > 1/2 (about 1 - h 2^(h - 200): hugely negative at h = 400, n = 40)."""
    e = (1 - sp.Rational(1, 2 ** 200)) ** H * 2 ** H - 2 ** H + 1
    return algebra_claim("float_exponent_sign", sp.Gt(e, sp.Rational(1, 2)), N0)


EXPECTED = {
    "zero_power_product": "sympy could not reduce lhs - rhs to 0",
    "hockey_stick_empty": "its order may not be a natural number",
    "peel_gamma_ratio": "sympy could not reduce lhs - rhs to 0",
    "float_exponent_sign": "sympy could not show > 0",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

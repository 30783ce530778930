"""Adversarial corpus for the proof kernel, round 32: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 31. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, all 4 were accepted,
through one more of sympy's rules of assumptions: an irrational number to a nonzero integer power
is irrational. But sqrt(2)^2 = 2: with c = (m - 20)^2 + 1, (sqrt(2) c)^(2c) is 2 at m = 20 (sympy
does not distribute a power over a product with a symbolic exponent, so the rule is asked), and
sympy held its distance from 2 nonzero, so its square and absolute value positive. The random
points (c at least 197) never reach m = 20.

**Principle:** sympy's rules of assumptions count only where they hold: while the kernel checks, a
power of an irrational base is not called rational or irrational unless its exponent is 0
(:func:`~modelcollapse.proofs.kernel.terms.certified_readings`).

Each docstring gives the counterexample.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.kernel import Domain

library_for, check_attack = checker({})

m = sp.Symbol("m", integer=True)
INTEGERS = {m: Domain.integer()}
#: (m - 20)^2 + 1: 1 at m = 20.
C = sp.Add(sp.Pow(sp.Add(m, -20, evaluate=False), 2, evaluate=False), 1, evaluate=False)
ROOT_TWO_C = sp.Mul(sp.sqrt(2), C, evaluate=False)
#: (sqrt(2) c)^(2c) - 2: 0 at m = 20.
GAP = sp.Add(sp.Pow(ROOT_TWO_C, sp.Mul(2, C, evaluate=False), evaluate=False), -2, evaluate=False)


def _claim(name, goal, domains=INTEGERS):
    return algebra_claim(name, goal, domains)


def G1_square_positive():
    """0 < ((sqrt(2) c)^(2c) - 2)^2 for every integer m: 0 at m = 20."""
    return _claim("G1", sp.Lt(0, sp.Pow(GAP, 2, evaluate=False), evaluate=False))


def G2_abs_positive():
    """0 < |(sqrt(2) c)^(2c) - 2| for every integer m: 0 at m = 20."""
    return _claim("G2", sp.Lt(0, sp.Abs(GAP, evaluate=False), evaluate=False))


def G5_cube_root():
    """0 < ((2^(1/3) c)^(3c) - 2)^2 for every integer m: 0 at m = 20."""
    power = sp.Pow(sp.Mul(sp.cbrt(2), C, evaluate=False), sp.Mul(3, C, evaluate=False), evaluate=False)
    return _claim("G5", sp.Lt(0, sp.Pow(sp.Add(power, -2, evaluate=False), 2, evaluate=False), evaluate=False))


def G6_odd_exponent_mix():
    """0 < |(sqrt(2) c)^(c + 1) - 2| for every integer m: 0 at m = 20."""
    power = sp.Pow(ROOT_TWO_C, sp.Add(C, 1, evaluate=False), evaluate=False)
    return _claim("G6", sp.Lt(0, sp.Abs(sp.Add(power, -2, evaluate=False), evaluate=False), evaluate=False))


EXPECTED = {
    "G1_square_positive": "sympy could not show > 0",
    "G2_abs_positive": "sympy could not show > 0",
    "G5_cube_root": "sympy could not show > 0",
    "G6_odd_exponent_mix": "sympy could not show > 0",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

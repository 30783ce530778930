"""Adversarial corpus for the proof kernel, round 30: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 29. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, all 10 were accepted,
and no number was misread in any of them: sympy's own rule that a rational which is not an integer,
raised to a positive power, is never an integer holds for rational exponents only. (3/2)^t is 2 at
t* = log 2 / log(3/2), about 1.7095, yet sympy concluded that (3/2)^t - n is never 0 for an integer
n, so Eq((3/2)^t, 2) was false, ((3/2)^t - 2)^2 and |(3/2)^t - 2| positive, and 1/((3/2)^t - 2)^2
defined. The random points are rationals, where (3/2)^t is never an integer.

**Principle:** sympy's rules of assumptions are trusted only where they hold: while the kernel
checks a proof, a power of a rational that is not an integer is left undecided as an integer when
its exponent is not shown rational (:func:`~modelcollapse.proofs.kernel.terms.certified_readings`).

Each docstring gives the counterexample.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.kernel import Domain

library_for, check_attack = checker({})

t = sp.Symbol("t", real=True, positive=True)
n = sp.Symbol("n", integer=True)
POSITIVE = {t: Domain.real(0, lo_open=True)}
#: (3/2)^t, which is 2 at t* = log 2 / log(3/2).
POWER = sp.Pow(sp.Rational(3, 2), t, evaluate=False)
GAP = sp.Add(POWER, -2, evaluate=False)
SQUARE = sp.Pow(GAP, 2, evaluate=False)


def _claim(name, goal, domains=POSITIVE):
    return algebra_claim(name, goal, domains)


def C1_piecewise():
    """Piecewise((1, (3/2)^t = 2), (0, otherwise)) = 0 for every real t > 0: it is 1 at t*."""
    piecewise = sp.Piecewise((1, sp.Eq(POWER, 2, evaluate=False)), (0, True), evaluate=False)
    return _claim("C1", sp.Eq(piecewise, 0, evaluate=False))


def C2_square_positive():
    """0 < ((3/2)^t - 2)^2 for every real t > 0: 0 at t*."""
    return _claim("C2", sp.Lt(0, SQUARE, evaluate=False))


def C3_abs_positive():
    """0 < |(3/2)^t - 2| for every real t > 0: 0 at t*."""
    return _claim("C3", sp.Lt(0, sp.Abs(GAP, evaluate=False), evaluate=False))


def C4_every_integer():
    """0 < ((3/2)^t - n)^2 for every real t > 0 and integer n: 0 at t* and n = 2."""
    goal = sp.Lt(0, sp.Pow(sp.Add(POWER, -n, evaluate=False), 2, evaluate=False), evaluate=False)
    return _claim("C4", goal, {**POSITIVE, n: Domain.integer()})


def C5_sign():
    """sign(((3/2)^t - 2)^2) = 1 for every real t > 0: it is 0 at t*."""
    return _claim("C5", sp.Eq(sp.sign(SQUARE, evaluate=False), 1, evaluate=False))


def C6_bounded_interval():
    """0 < ((3/2)^t - 2)^2 for every real t in [1, 2]: 0 at t*, which lies inside."""
    return _claim("C6", sp.Lt(0, SQUARE, evaluate=False), {t: Domain.real(1, 2)})


def C7_other_base():
    """0 < ((5/2)^t - 3)^2 for every real t > 0: 0 at t = log 3 / log(5/2)."""
    square = sp.Pow(sp.Add(sp.Pow(sp.Rational(5, 2), t, evaluate=False), -3, evaluate=False), 2, evaluate=False)
    return _claim("C7", sp.Lt(0, square, evaluate=False))


def C8_abs_every_integer():
    """0 < |(3/2)^t - n| for every real t > 0 and integer n: 0 at t* and n = 2."""
    goal = sp.Lt(0, sp.Abs(sp.Add(POWER, -n, evaluate=False), evaluate=False), evaluate=False)
    return _claim("C8", goal, {**POSITIVE, n: Domain.integer()})


def C9_definedness():
    """g / g = 1 for g = ((3/2)^t - 2)^2 and every real t > 0: at t* the left side is 0 / 0, no number."""
    return _claim("C9", sp.Eq(sp.Mul(SQUARE, sp.Pow(SQUARE, -1, evaluate=False), evaluate=False), 1, evaluate=False))


def C10_floor_piecewise():
    """Piecewise((1, floor((3/2)^t) = (3/2)^t), (0, otherwise)) = 0 for every real t > 0: it is 1 at t*."""
    condition = sp.Eq(sp.floor(POWER, evaluate=False), POWER, evaluate=False)
    return _claim("C10", sp.Eq(sp.Piecewise((1, condition), (0, True), evaluate=False), 0, evaluate=False))


EXPECTED = {
    "C1_piecewise": "sympy could not reduce lhs - rhs to 0",
    "C2_square_positive": "sympy could not show > 0",
    "C3_abs_positive": "sympy could not show > 0",
    "C4_every_integer": "sympy could not show > 0",
    "C5_sign": "sympy could not reduce lhs - rhs to 0",
    "C6_bounded_interval": "sympy could not show > 0",
    "C7_other_base": "sympy could not show > 0",
    "C8_abs_every_integer": "sympy could not show > 0",
    "C9_definedness": "the relation is not shown defined on the whole domain",
    "C10_floor_piecewise": "sympy could not reduce lhs - rhs to 0",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

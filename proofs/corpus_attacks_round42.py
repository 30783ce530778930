"""Adversarial corpus for the proof kernel, round 42: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 41. ``attacks()`` returns
``(name, build, expected)`` as in the earlier rounds. None of the 4 was accepted when written. Each states a
false relation with nodes built without sympy's constructor (no flattening, ordering or evaluation), which
the kernel's copy keeps as they are: (x^2)^(1/2) = x over [-1, 1]; x 2 (1/2) = 2x with the coefficients
last; an Add of one argument nested in an Add; x^1 > x. The hope was that sympy's arithmetic on a form
its constructor never builds would cancel a difference to a literal 0 or read a sign wrongly.

**Principle (held):** a form sympy's constructor never builds can keep sympy from merging terms (a
difference not shown 0), never make a nonzero difference 0; the cases and the numeric points rebuild
every node in sympy's normal form and read its true value.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.kernel import Domain

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

_raw = sp.Basic.__new__  # a node exactly as given: no flattening, ordering or evaluation
_x = sp.Symbol("x", real=True)


def raw_sqrt_of_square():
    """FALSE: (x^2)^(1/2) = x for x in [-1, 1].  Counterexample: x = -1 (1 against -1)."""
    goal = _raw(sp.Eq, _raw(sp.Pow, _raw(sp.Pow, _x, sp.Integer(2)), sp.S.Half), _x)
    return algebra_claim("raw_sqrt_of_square", goal, {_x: Domain.real(-1, 1)})


def raw_mul_coefficient_last():
    """FALSE: x 2 (1/2) = 2x for x in [-1, 1], the coefficients last.  Counterexample: x = 1 (1 against 2)."""
    goal = _raw(sp.Eq, _raw(sp.Mul, _x, sp.Integer(2), sp.S.Half), _raw(sp.Mul, sp.Integer(2), _x))
    return algebra_claim("raw_mul_coefficient_last", goal, {_x: Domain.real(-1, 1)})


def raw_nested_single_add():
    """FALSE: (x) + x = x for x in [-1, 1], the first term an Add of one argument.  Counterexample: x = 1."""
    goal = _raw(sp.Eq, _raw(sp.Add, _raw(sp.Add, _x), _x), _x)
    return algebra_claim("raw_nested_single_add", goal, {_x: Domain.real(-1, 1)})


def raw_pow_exponent_one():
    """FALSE: x^1 > x for x in [-1, 1], the power built with exponent 1.  Counterexample: any x (x > x)."""
    goal = _raw(sp.StrictGreaterThan, _raw(sp.Pow, _x, sp.S.One), _x)
    return algebra_claim("raw_pow_exponent_one", goal, {_x: Domain.real(-1, 1)})


EXPECTED = {
    "raw_sqrt_of_square": "sympy could not reduce lhs - rhs to 0",
    "raw_mul_coefficient_last": "sympy could not reduce lhs - rhs to 0",
    "raw_nested_single_add": "sympy could not reduce lhs - rhs to 0",
    "raw_pow_exponent_one": "sympy could not show > 0",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

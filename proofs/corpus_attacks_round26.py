"""Adversarial corpus for the proof kernel, round 26: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 25. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, all 6 attacks were
accepted (3 probes were not), one of them a closed false statement, through one number:
T = 1 / (1 + 10^65 log(1 + 10^-60)), about 10^-5, which sympy evaluates as exactly 1 while every
sign it states of T and of T's parts is right, so round 23's check of signs let it through. sympy's
own sign reasoning then builds numbers from T's value (T - 1/2 inside the sign of m/100 + T - 49/100)
and reads their signs off that evaluation; |m/100 + T - 49/100| was rebuilt as itself. **Principle:**
a number's value is read right too: sympy's 2-digit evaluation of each number in a claim lies within
5% of its interval enclosure at 120 digits, checked before any case is substituted.

Each docstring says why the statement is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel.rules import Algebra, Specialize

library_for, check_attack = checker({})

#: About 10^-5; sympy evaluates it as exactly 1 (log(1 + 10^-60) read as 0).
T = 1 / (1 + sp.Integer(10)**65 * sp.log(1 + sp.Rational(1, 10**60)))
x = sp.Symbol('x', integer=True, positive=True)
r = sp.Symbol('r', real=True, nonnegative=True)
HALF = sp.Rational(1, 2)


def _claim(name, goal, symbol, domain):
    return algebra_claim(name, goal, {symbol: domain})


def B1_new_number_in_add_sign():
    """0 < x/100 + T - 1/2 for every integer x >= 1: about -0.49 at x = 1."""
    return _claim("B1", sp.Lt(0, x / 100 + T - HALF, evaluate=False), x, Domain.integer(1))


def B2_closed_false_by_specialize():
    """0 < 1/100 + T - 1/2 (no symbols; it is about -0.49), by Specialize at x = 1 from B1's claim."""
    goal = sp.Lt(0, sp.Rational(1, 100) + T - HALF, evaluate=False)
    return Proof("B2", {"statement": goal}, {x: Domain.integer(1)},
                 [Step("P", sp.Lt(0, x / 100 + T - HALF, evaluate=False), Algebra()),
                  Step("statement", goal, Specialize(x, sp.Integer(1)), ("P",))])


def B3_real_symbol():
    """0 < r + T - 1/2 for every real r >= 0: about -0.49999 at r = 0."""
    return _claim("B3", sp.Lt(0, r + T - HALF, evaluate=False), r, Domain.real(0))


def B4_polynomial_branch():
    """0 < x^2/100 + x/100 + T - 3/5 for every integer x >= 1: about -0.58 at x = 1."""
    return _claim("B4", sp.Lt(0, x**2 / 100 + x / 100 + T - sp.Rational(3, 5), evaluate=False), x, Domain.integer(1))


def B5_abs_identity():
    """|x/100 + T - 1/2| = x/100 + T - 1/2 for every integer x >= 1: 0.49 against -0.49 at x = 1."""
    e = x / 100 + T - HALF
    return _claim("B5", sp.Eq(sp.Abs(e, evaluate=False), e, evaluate=False), x, Domain.integer(1))


def B6_sqrt_of_square():
    """sqrt((r + T - 1/2)^2) = r + T - 1/2 for every real r >= 0: 0.49999 against -0.49999 at r = 0."""
    e = r + T - HALF
    goal = sp.Eq(sp.Pow(sp.Pow(e, 2, evaluate=False), HALF, evaluate=False), e, evaluate=False)
    return _claim("B6", goal, r, Domain.real(0))


EXPECTED = {
    'B1_new_number_in_add_sign': 'sympy could not show > 0',
    'B2_closed_false_by_specialize': 'sympy could not show > 0 | ValueError: premise P',
    'B3_real_symbol': 'sympy could not show > 0',
    'B4_polynomial_branch': 'sympy could not show > 0',
    'B5_abs_identity': 'sympy could not reduce lhs - rhs to 0',
    'B6_sqrt_of_square': 'the relation is not shown defined on the whole domain',
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

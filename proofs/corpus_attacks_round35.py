"""Adversarial corpus for the proof kernel, round 35: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 34. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, all 5 were accepted, by
one mechanism: sympy keeps on each expression the facts it once read of it, and the kernel checked
the caller's own objects. A fact read before the check, by a rule the check replaces, came back
inside it: (1/6) 2^2, asked once whether it is an integer (sympy's parity rule says yes), made
floor(k^((1/6) 2^2)) equal k^(2/3) (P1, P4). A fact written on a node by hand did the same: pi^2
marked an integer made sin(pi (pi^2 + 2n + 1)) vanish and floor(pi^2 + n) equal pi^2 + n (P2, P3),
and log(3) marked negative passed the check of numbers' signs, whose memo an equal, clean log(3)
had filled first (P5). The attacker's P2 and P3 wrote into the facts a node shares with its whole
class; here they write into the node's own (what is written into a class's shared facts changes
sympy for the whole process, and is refused as such: a unit test checks it).

**Principle:** the kernel reasons only about what a proof states, never about what sympy remembers
of the objects it is handed. Each node of every expression the kernel copies forgets its facts (a
symbol keeps what it states), so sympy reads them again under the kernel's rules; and the facts a
node shares with its class must be as the kernel found them when it was imported
(:func:`~modelcollapse.proofs.kernel.terms.exact`).

Each docstring gives the counterexample.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.kernel import Domain

library_for, check_attack = checker({})

k = sp.Symbol("k", integer=True, nonnegative=True)
n = sp.Symbol("n", integer=True)


def _two_thirds_read_as_integer():
    """(1/6) 2^2, unevaluated, after sympy's own parity rule has called it an integer (it is 2/3)."""
    two_thirds = sp.Mul(sp.Rational(1, 6), sp.Pow(sp.Integer(2), 2, evaluate=False), evaluate=False)
    assert two_thirds.is_integer is True
    return two_thirds


def _planted(node, **facts):
    """``node`` with ``facts`` written into the facts it keeps of its own."""
    node.is_finite  # sympy gives a node facts of its own once it reads one (until then it shares its class's)
    for fact, value in facts.items():
        node._assumptions[fact] = value
    return node


def _pi_squared_marked_integer():
    return _planted(sp.Pow(sp.pi, 2, evaluate=False), integer=True, rational=True, noninteger=False,
                    irrational=False, algebraic=True, transcendental=False)


def P1_floor_of_power():
    """floor(k^((1/6) 2^2)) = k^((1/6) 2^2) for every integer k >= 3: floor(3^(2/3)) = 2, 3^(2/3) = 2.0800..."""
    power = sp.Pow(k, _two_thirds_read_as_integer(), evaluate=False)
    return algebra_claim("P1_floor_of_power", sp.Eq(sp.floor(power, evaluate=False), power, evaluate=False),
                         {k: Domain.integer(3)})


def P4_ceiling_of_power():
    """10^-20 (ceiling(k^((1/6) 2^2)) - k^((1/6) 2^2)) = 0 for every integer k >= 0: 0.4126 10^-20 at k = 2."""
    power = sp.Pow(k, _two_thirds_read_as_integer(), evaluate=False)
    gap = sp.Add(sp.ceiling(power, evaluate=False), sp.Mul(-1, power, evaluate=False), evaluate=False)
    return algebra_claim("P4_ceiling_of_power", sp.Eq(sp.Mul(sp.Rational(1, 10**20), gap, evaluate=False), 0,
                                                      evaluate=False), {k: Domain.integer(0)})


def P2_sine_of_marked_integer():
    """sin(pi (pi^2 + 2n + 1)) = 0 for every integer n, pi^2 marked an integer: 0.3983 at n = 0."""
    goal = sp.Eq(sp.sin(sp.pi * sp.Add(_pi_squared_marked_integer(), 2 * n + 1), evaluate=False), 0, evaluate=False)
    return algebra_claim("P2_sine_of_marked_integer", goal, {n: Domain.integer()})


def P3_floor_of_marked_integer():
    """10^-20 (floor(pi^2 + n) - pi^2 - n) = 0 for every integer n, pi^2 marked an integer: -0.8696 10^-20."""
    x = sp.Add(_pi_squared_marked_integer(), n)
    goal = sp.Eq(sp.Mul(sp.Rational(1, 10**20), sp.Add(sp.floor(x, evaluate=False), -x, evaluate=False),
                        evaluate=False), 0, evaluate=False)
    return algebra_claim("P3_floor_of_marked_integer", goal, {n: Domain.integer()})


def P5_sign_of_marked_negative():
    """10^-20 log(3) k <= 0 for every integer k >= 0, log(3) marked negative (an equal, clean log(3), an
    unused symbol's bound, fills the check of numbers' signs first): 1.0986 10^-20 at k = 1."""
    x = sp.Symbol("x", real=True)
    clean = Domain.real(sp.log(3))
    marked = _planted(sp.log(3, evaluate=False), positive=False, extended_positive=False, negative=True,
                      extended_negative=True, nonnegative=False, extended_nonnegative=False, nonpositive=True,
                      extended_nonpositive=True, zero=False, nonzero=True, extended_nonzero=True)
    goal = sp.Le(sp.Mul(sp.Rational(1, 10**20), marked, k, evaluate=False), 0, evaluate=False)
    return algebra_claim("P5_sign_of_marked_negative", goal, {k: Domain.integer(0), x: clean})


EXPECTED = {
    "P1_floor_of_power": "sympy could not reduce lhs - rhs to 0",
    "P4_ceiling_of_power": "sympy could not reduce lhs - rhs to 0",
    "P2_sine_of_marked_integer": "sympy could not reduce lhs - rhs to 0",
    "P3_floor_of_marked_integer": "sympy could not reduce lhs - rhs to 0",
    "P5_sign_of_marked_negative": "sympy could not show >= 0",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

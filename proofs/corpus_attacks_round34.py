"""Adversarial corpus for the proof kernel, round 34: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 33. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, all 12 were accepted,
1 <= 0 twice among them, through two more of sympy's rules of assumptions, one of them a True
verdict of the handler round 33 had patched for its False ones:

* gamma(x), x no integer, is positive when floor(x) is even: true for x < 0 only. For
  x = n(n + 1) + 3/2 sympy knows n(n + 1) is even (so floor(x) is odd) but not that x > 0, and held
  gamma(x) <= 0, though gamma(3/2) = sqrt(pi)/2; sympy's own evaluation of Abs and Max read it as a
  case was built (G*);
* a product with one even denominator is an integer when its numerator carries as many factors 2:
  the denominator's odd part is forgotten, so (n(n + 1) + 2)^2 / 6, never an integer (n(n + 1) + 2 is
  1 or 2 mod 3), was one, and floor, sin(pi .) and the Limit rule's sequences read it (H*, L*).

A factor 10^-200 (or 10^-20) kept every value below the refutation's floating tolerance, and a
polynomial vanishing at every random point of an unbounded integer (-6..6) did the same without one;
Specialize then put the false claim at n = 0, where its instance, below the tolerance too, was not
refuted, and Order scaled it to 1 <= 0.

**Principle:** a rule of sympy's is an unproved lemma in its True verdicts as in its False ones. While
the kernel checks (:func:`~modelcollapse.proofs.kernel.terms.certified_readings`), a product is an
integer only when its factors are (and no integer only when it is irrational), and gamma(x) is
positive when x is, and for a negative x no integer by the parity of floor(x), and otherwise
unknown. And a closed claim is refuted exactly: a value below any floating tolerance refutes when
interval arithmetic shows its sign against the claim.

Each docstring gives the counterexample.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel import rules as R

library_for, check_attack = checker({})

n = sp.Symbol("n", integer=True)
g = sp.Symbol("g", integer=True, nonnegative=True)
INTEGERS = {n: Domain.integer()}
TINY = sp.Rational(1, 10**200)
#: gamma(n(n + 1) + 3/2): positive for every integer n; sympy held it <= 0.
G = sp.gamma(sp.Add(sp.Mul(n, n + 1), sp.Rational(3, 2)))
SMALL_G = sp.Mul(TINY, G)
#: (n - 6) ... (n + 6): 0 at every random point of an unbounded integer.
VANISHING = sp.Mul(*[n - k for k in range(-6, 7)])
#: (n(n + 1) + 2)^2 / 6: never an integer; sympy held it one.
M = sp.Mul(sp.Rational(1, 6), sp.Pow(sp.Add(sp.Mul(n, n + 1), 2), 2))
TINY20 = sp.Rational(1, 10**20)
#: (2g + 2)^2 / 6 = 2 (g + 1)^2 / 3: an integer only when 3 divides g + 1.
MG = sp.Mul(sp.Rational(1, 6), sp.Pow(sp.Add(sp.Mul(2, g), 2), 2))


def _to_one_at_most_zero(name, general, at_zero, scale):
    """1 <= 0 from ``general`` (by algebra), its instance at n = 0, and Order with ``scale``."""
    false = sp.Le(sp.Integer(1), sp.Integer(0), evaluate=False)
    steps = [Step("general", general, R.Algebra()),
             Step("at0", at_zero, R.Specialize(symbol=n, value=sp.Integer(0)), ("general",)),
             Step("false", false, R.Order(scale=scale), ("at0",))]
    return Proof(name, {"statement": false}, dict(INTEGERS), steps)


def _limit(name, X):
    goal = sp.Eq(sp.Limit(X, g, sp.oo), 0, evaluate=False)
    return Proof(name, {"statement": goal}, {g: Domain.integer(0), n: Domain.integer()},
                 [Step("statement", goal, R.Limit())])


def G1_gamma_nonpositive():
    """10^-200 gamma(n(n + 1) + 3/2) <= 0 for every integer n: 10^-200 sqrt(pi)/2 > 0 at n = 0."""
    return algebra_claim("G1_gamma_nonpositive", sp.Le(SMALL_G, 0, evaluate=False), INTEGERS)


def G2_abs_of_gamma():
    """|10^-200 gamma(n(n + 1) + 3/2)| = -10^-200 gamma(n(n + 1) + 3/2) for every integer n: false at n = 0."""
    goal = sp.Eq(sp.Abs(SMALL_G, evaluate=False), sp.Mul(-TINY, G), evaluate=False)
    return algebra_claim("G2_abs_of_gamma", goal, INTEGERS)


def G3_max_of_gamma():
    """max(10^-200 gamma(n(n + 1) + 3/2), 0) = 0 for every integer n: 10^-200 sqrt(pi)/2 at n = 0."""
    return algebra_claim("G3_max_of_gamma", sp.Eq(sp.Max(SMALL_G, 0, evaluate=False), 0, evaluate=False), INTEGERS)


def G4_one_at_most_zero():
    """1 <= 0: G1, its instance 10^-200 sqrt(pi)/2 <= 0 at n = 0, and Order with scale 2 10^200."""
    return _to_one_at_most_zero("G4_one_at_most_zero", sp.Le(SMALL_G, 0, evaluate=False),
                                sp.Le(sp.Mul(TINY, sp.sqrt(sp.pi) / 2), 0, evaluate=False), 2 * 10**200)


def G5_unscaled_identity():
    """(n - 6) ... (n + 6) (|gamma(n(n + 1) + 3/2)| + gamma(n(n + 1) + 3/2)) = 0 for every integer n: about 6.7e85
    at n = 7."""
    goal = sp.Eq(sp.Mul(VANISHING, sp.Add(sp.Abs(G, evaluate=False), G, evaluate=False), evaluate=False), 0,
                 evaluate=False)
    return algebra_claim("G5_unscaled_identity", goal, INTEGERS)


def H1_floor_identity():
    """10^-20 floor((n(n + 1) + 2)^2 / 6) = 10^-20 (n(n + 1) + 2)^2 / 6 for every integer n: 0 against 2/3 10^-20
    at n = 0."""
    goal = sp.Eq(sp.Mul(TINY20, sp.floor(M, evaluate=False), evaluate=False), sp.Mul(TINY20, M), evaluate=False)
    return algebra_claim("H1_floor_identity", goal, INTEGERS)


def H2_sine_vanishes():
    """10^-20 sin(pi (n(n + 1) + 2)^2 / 6) = 0 for every integer n: sin(2 pi / 3) = sqrt(3)/2 at n = 0."""
    goal = sp.Eq(sp.Mul(TINY20, sp.sin(sp.pi * M, evaluate=False), evaluate=False), 0, evaluate=False)
    return algebra_claim("H2_sine_vanishes", goal, INTEGERS)


def H3_below_floor():
    """10^-20 (n(n + 1) + 2)^2 / 6 <= 10^-20 floor((n(n + 1) + 2)^2 / 6) for every integer n: false at every n."""
    goal = sp.Le(sp.Mul(TINY20, M), sp.Mul(TINY20, sp.floor(M, evaluate=False), evaluate=False), evaluate=False)
    return algebra_claim("H3_below_floor", goal, INTEGERS)


def H4_unscaled_floor():
    """(n - 6) ... (n + 6) (floor((n(n + 1) + 2)^2 / 6) - (n(n + 1) + 2)^2 / 6) = 0 for every integer n: -13! 2/3 at
    n = 7."""
    goal = sp.Eq(sp.Mul(VANISHING, sp.Add(sp.floor(M, evaluate=False), -M, evaluate=False), evaluate=False), 0,
                 evaluate=False)
    return algebra_claim("H4_unscaled_floor", goal, INTEGERS)


def H5_one_at_most_zero():
    """1 <= 0: H3, its instance 2/3 10^-20 <= 0 at n = 0, and Order with scale 3 10^20 / 2."""
    return _to_one_at_most_zero("H5_one_at_most_zero", H3_below_floor().goals["statement"],
                                sp.Le(sp.Mul(TINY20, sp.Rational(2, 3)), sp.Integer(0), evaluate=False),
                                sp.Rational(3, 2) * 10**20)


def L1_oscillating_sine_limit():
    """lim_{g -> oo} sin(pi ((2g + 2)^2 / 6 + 2n)) = 0 for every integer n: the sequence is sqrt(3)/2 when 3 does
    not divide g + 1 and 0 when it does; it has no limit."""
    return _limit("L1_oscillating_sine_limit", sp.sin(sp.pi * sp.Add(MG, 2 * n), evaluate=False))


def L2_oscillating_fraction_limit():
    """lim_{g -> oo} floor(n + (2g + 2)^2 / 6) - (2g + 2)^2 / 6 - n = 0 for every integer n: the sequence is -2/3
    when 3 does not divide g + 1 and 0 when it does; it has no limit."""
    return _limit("L2_oscillating_fraction_limit",
                  sp.Add(sp.floor(sp.Add(MG, n), evaluate=False), -MG, -n, evaluate=False))


EXPECTED = {
    "G1_gamma_nonpositive": "sympy could not show >= 0",
    "G2_abs_of_gamma": "sympy could not reduce lhs - rhs to 0",
    "G3_max_of_gamma": "sympy could not reduce lhs - rhs to 0",
    "G4_one_at_most_zero": "sympy could not show >= 0",
    "G5_unscaled_identity": "sympy could not reduce lhs - rhs to 0",
    "H1_floor_identity": "sympy could not reduce lhs - rhs to 0",
    "H2_sine_vanishes": "sympy could not reduce lhs - rhs to 0",
    "H3_below_floor": "sympy could not show >= 0",
    "H4_unscaled_floor": "sympy could not reduce lhs - rhs to 0",
    "H5_one_at_most_zero": "sympy could not show >= 0",
    "L1_oscillating_sine_limit": "cannot take the limit of the factor",
    "L2_oscillating_fraction_limit": "cannot take the limit of the factor",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

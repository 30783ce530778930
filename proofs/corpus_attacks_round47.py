"""Adversarial corpus for the proof kernel, round 47: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source and the change that lets the kernel read a
growing sample n_s = ceil(n0 (s + 1)^gamma): the sign of a ceiling by generalisation (ceil(x) = x + u, u in
[0, 1)), a power b^r >= 1 for b >= 1 and r >= 0, an integer range that may be empty (not reversed) read with
width max(hi - lo, 0), sample points skipped where a range is empty, and gamma at huge points. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. None of the 17 was accepted when written; one
(gamma(b + 10^5 + 1) - (b + 10^5) gamma(b + 10^5) >= 10^-30) is left out because, rejected, it takes the
30-second step limit.

**Principle (held):** a generalisation replaces a node by a symbol ranging over a set that holds the node's
value, the same node by the same symbol and different nodes by independent ones, so a claim only becomes
harder to show; an empty range holds no term, and its index no point.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel import rules as R

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

x = sp.Symbol("x", real=True)
y = sp.Symbol("y", nonnegative=True)
a = sp.Symbol("a", nonnegative=True)
n = sp.Symbol("n", integer=True, nonnegative=True)
m = sp.Symbol("m", integer=True, positive=True)
ip = sp.Symbol("i", integer=True, positive=True)
R_ = Domain.real()


def ceil_strictly_above():
    """FALSE: ceiling(x) > x for every real x (x = 0: 0 > 0)."""
    return algebra_claim("ceil_strictly_above", sp.Gt(sp.ceiling(x), x), {x: R_})


def ceil_within_half():
    """FALSE: ceiling(x) - x < 1/2 for every real x (x = 1/4: 3/4)."""
    return algebra_claim("ceil_within_half", sp.Lt(sp.ceiling(x) - x, sp.Rational(1, 2)), {x: R_})


def ceil_nested():
    """FALSE: ceiling(ceiling(x)/2) >= (x + 1)/2 for x >= 0 (x = 2: 1 >= 3/2)."""
    goal = sp.Ge(sp.ceiling(sp.ceiling(a) / 2), (a + 1) / 2)
    return algebra_claim("ceil_nested", goal, {a: Domain.real(0)})


def ceil_plus_ceil_neg():
    """FALSE: ceiling(x) + ceiling(-x) > 0 (x = 0: 0)."""
    return algebra_claim("ceil_plus_ceil_neg", sp.Gt(sp.ceiling(x) + sp.ceiling(-x), 0), {x: R_})


def ceil_in_sum_limit():
    """FALSE: Sum(1, (i, 1, ceiling(a))) >= a + 1/2 for a >= 0 (a = 1: 1 >= 3/2)."""
    goal = sp.Ge(sp.Sum(1, (ip, 1, sp.ceiling(a))), a + sp.Rational(1, 2))
    return algebra_claim("ceil_in_sum_limit", goal, {a: Domain.real(0)})


def ceil_of_ceiling_squared():
    """FALSE: ceiling(a)^2 - ceiling(a^2) > 0 for a >= 0 (a = 0: 0; a = 1/2: 1 - 1 = 0)."""
    goal = sp.Gt(sp.ceiling(a) ** 2 - sp.ceiling(a ** 2), 0)
    return algebra_claim("ceil_of_ceiling_squared", goal, {a: Domain.real(0)})


def ceil_of_loggamma():
    """FALSE: ceiling(loggamma(a + 1)) >= loggamma(a + 1) + 1/2 for a >= 0 (a = 0: 0 >= 1/2)."""
    goal = sp.Ge(sp.ceiling(sp.loggamma(a + 1)), sp.loggamma(a + 1) + sp.Rational(1, 2))
    return algebra_claim("ceil_of_loggamma", goal, {a: Domain.real(0)})


def power_strictly_above_one():
    """FALSE: (1 + a)^y > 1 for a, y >= 0 (a = 0: 1)."""
    goal = sp.Gt((1 + a) ** y, 1)
    return algebra_claim("power_strictly_above_one", goal, {a: Domain.real(0), y: Domain.real(0)})


def power_and_reciprocal():
    """FALSE: 2^y + 2^(-y) > 2 for y >= 0 (y = 0: 2)."""
    goal = sp.Gt(2 ** y + 2 ** (-y), 2)
    return algebra_claim("power_and_reciprocal", goal, {y: Domain.real(0)})


def power_ceiling_exponent():
    """FALSE: 2^ceiling(a) - 2^a - 1/2 >= 0 for a >= 0 (a = 0: -1/2)."""
    goal = sp.Ge(2 ** sp.ceiling(a) - 2 ** a - sp.Rational(1, 2), 0)
    return algebra_claim("power_ceiling_exponent", goal, {a: Domain.real(0)})


def power_base_ceiling():
    """FALSE: (1 + ceiling(a) - a)^y > 1 for a, y >= 0 (a = 0: 1)."""
    goal = sp.Gt((1 + sp.ceiling(a) - a) ** y, 1)
    return algebra_claim("power_base_ceiling", goal, {a: Domain.real(0), y: Domain.real(0)})


def empty_range_sum_positive():
    """FALSE: Sum(1, (i, 2, m)) >= 1 for m >= 1 (m = 1: empty sum, 0)."""
    goal = sp.Ge(sp.Sum(1, (ip, 2, m)), 1)
    return algebra_claim("empty_range_sum_positive", goal, {m: Domain.integer(1)})


def empty_range_expect_sum():
    """FALSE: Sum(i - m, (i, 1, m - 1)) >= 0 for m >= 1 (m = 2: 1 - 2 = -1); the index range is empty at m = 1,
    where the new Max width reads the index as 1 only."""
    goal = sp.Ge(sp.Sum(ip - m, (ip, 1, m - 1)), 0)
    return algebra_claim("empty_range_expect_sum", goal, {m: Domain.integer(1)})


def sumover_empty_range():
    """FALSE: Sum(k, (k, 1, m)) = m for m >= 1 (m = 2: 3), in a proof that declares a local k in [1, m - 1], a
    domain empty at m = 1 (the Max width makes its cases vacuous there): checks that a possibly empty domain is
    refused and does not make the statement vacuous."""
    k = sp.Symbol("k", integer=True)
    goal = sp.Eq(sp.Sum(k, (k, 1, m)), m)
    doms = {m: Domain.integer(1), k: Domain.integer(1, m - 1)}
    return Proof("sumover_empty_range", {"statement": goal}, doms, [Step("statement", goal, R.Algebra())],
                 local=(k,))


def gamma_huge_strict():
    """FALSE: gamma(b + 10^5 + 1) / gamma(b + 10^5) - b - 10^5 > 0 for b > 0 (it is 0)."""
    b = sp.Symbol("b", positive=True)
    goal = sp.Gt(sp.gamma(b + 10 ** 5 + 1) / sp.gamma(b + 10 ** 5) - b - 10 ** 5, 0)
    return algebra_claim("gamma_huge_strict", goal, {b: Domain.real(0, lo_open=True)})


def ceil_hidden_integer():
    """FALSE: ceiling(n + log(4) - 2 log(2)) > n for integer n >= 0 (the argument is exactly n: ceiling = n).
    Numeric evaluation cannot place the ceiling (PrecisionExhausted: unevaluated); symbolically the
    generalisation gives n + w with w in [0, 1): must not be shown > n."""
    goal = sp.Gt(sp.ceiling(n + sp.log(4) - 2 * sp.log(2)), n)
    return algebra_claim("ceil_hidden_integer", goal, {n: Domain.integer(0)})


EXPECTED = {
    "ceil_strictly_above": "sympy could not show > 0",
    "ceil_within_half": "sympy could not show > 0",
    "ceil_nested": "sympy could not show >= 0",
    "ceil_plus_ceil_neg": "sympy could not show > 0",
    "ceil_in_sum_limit": "sympy could not show >= 0",
    "ceil_of_ceiling_squared": "sympy could not show > 0",
    "ceil_of_loggamma": "sympy could not show >= 0",
    "power_strictly_above_one": "sympy could not show > 0",
    "power_and_reciprocal": "sympy could not show > 0",
    "power_ceiling_exponent": "sympy could not show >= 0",
    "power_base_ceiling": "sympy could not show > 0",
    "empty_range_sum_positive": "sympy could not show >= 0",
    "empty_range_expect_sum": "sympy could not show >= 0",
    "sumover_empty_range": "is not shown (a range with no values)",
    "gamma_huge_strict": "sympy could not show > 0",
    "ceil_hidden_integer": "a truth value is no statement",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

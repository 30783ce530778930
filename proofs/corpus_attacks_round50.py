"""Adversarial corpus for the proof kernel, round 50: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source, aiming at identities through the normal forms:
the peeling of a sum's or product's last terms, ranges that may be empty, and the gamma guard. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. Seven of the 9 were accepted when written (by the
kernel before this session's changes as well), all with prod_{i=1}^{h} (i - h): 0 for h >= 1, but 1 at h = 0,
where the range is empty. Two normal forms called it 0 everywhere. Peeling the last factor split the product
at a reversed range, whose factor (h - h) is 0. And the closed form rf(1 - h, h), which is right, was rewritten
as (-1)^h ff(h - 1, h), which sympy, through gamma, calls 0 (gamma(h) / gamma(0)). The refuter never met h = 0:
h = (n - 20)^2 is 0 only at n = 20, beyond the points it samples, or a ceiling of a hidden zero left the point
unevaluated. Two more (the product beside a long polynomial, and the product reached through Rewrite), accepted
when written, are left out: rejected, they take the 30-second step limit.

**Principle:** a rewriting a normal form builds is guarded as the claim's own are. A product is split only where
the part left is an ordinary range (empty at worst, as the facts show) or each peeled factor is shown nonzero, and a
gamma-like node a normal form builds is rewritten through gamma only where the facts show it valid.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.kernel import Domain

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

n = sp.Symbol("n", integer=True, nonnegative=True)
m = sp.Symbol("m", integer=True, nonnegative=True)
c = sp.Symbol("c", integer=True, nonnegative=True)
i = sp.Symbol("i", integer=True)
N0 = {n: Domain.integer(0)}
#: 3^log 2 - 2^log 3: exactly 0, but sympy's `equals` cannot show it, so a ceiling of it plus an integer raises
#: PrecisionExhausted at evalf (the refuter then skips the point).
HIDDEN_ZERO = 3 ** sp.log(2) - 2 ** sp.log(3)


def _zero_end_product(h):
    """Product over i = 1..h of (i - h): 0 when h >= 1 (the last factor is 0), 1 when h = 0 (empty)."""
    return sp.Product(i - h, (i, 1, h))


def product_zero_end_square():
    """FALSE: Product(i - (n-20)^2, (i, 1, (n-20)^2)) = 0 for every integer n >= 0.
    At n = 20 the range 1..0 is empty and the product is 1. Peeling the last factor gives
    Product(.., (i, 1, h - 1)) * (h - h) = 0 symbolically; Karr's reversed product at h = 0 is 1/f(0) = 1/0, so the
    peel is invalid exactly there. The refuter samples n in 0..12 only (no upper end), never n = 20."""
    goal = sp.Eq(_zero_end_product((n - 20) ** 2), 0)
    return algebra_claim("product_zero_end_square", goal, N0)


def product_zero_end_ceiling():
    """FALSE: (1 + ceiling(sqrt(2) n + 3^log 2 - 2^log 3)) * Product(i - n, (i, 1, n)) = 0 for every integer n >= 0.
    At n = 0: (1 + 0) * 1 = 1. The peel makes the product 0 symbolically; the refuter's corner n = 0 raises
    PrecisionExhausted (the ceiling of a hidden integer), which makes the point unevaluated; every other point is 0."""
    goal = sp.Eq((1 + sp.ceiling(sp.sqrt(2) * n + HIDDEN_ZERO)) * _zero_end_product(n), 0)
    return algebra_claim("product_zero_end_ceiling", goal, N0)


def product_zero_end_plain():
    """FALSE: Product(i - n, (i, 1, n)) = 0 for every integer n >= 0 (n = 0: the empty product 1). Control: the
    same symbolic hole, but the refuter's corner n = 0 sees it."""
    return algebra_claim("product_zero_end_plain", sp.Eq(_zero_end_product(n), 0), N0)


def sum_of_zero_end_products():
    """FALSE: Sum(Product(i - (m-20)^2, (i, 1, (m-20)^2)), (m, 0, n)) = 0 for every n >= 0: for n >= 20 the term
    m = 20 is 1 (false at infinitely many n). The inner peel makes every summand 0; the refuter samples n <= 12."""
    goal = sp.Eq(sp.Sum(_zero_end_product((m - 20) ** 2), (m, 0, n)), 0)
    return algebra_claim("sum_of_zero_end_products", goal, N0)


def zero_equals_one_shape():
    """FALSE: 2 P + 1 = P + 1 with P = Product(i - h, (i, 1, h)), h = (n - 20)^2, n >= 0 (n = 20: 3 = 2)."""
    P = _zero_end_product((n - 20) ** 2)
    goal = sp.Eq(2 * P + 1, P + 1)
    return algebra_claim("zero_equals_one_shape", goal, N0)


def two_symbol_offset():
    """FALSE: Product(i - (n - c - 20)^2, (i, 1, (n - c - 20)^2)) = 0 for integers n, c >= 0 (n = c + 20: 1).
    A symbolic offset in the peeled end; corners put n = c = 0, never n - c = 20."""
    goal = sp.Eq(_zero_end_product((n - c - 20) ** 2), 0)
    return algebra_claim("two_symbol_offset", goal, {n: Domain.integer(0), c: Domain.integer(0)})


def pole_peel_sum_false():
    """FALSE: (n - 1) Sum(gamma(i - 1), (i, 2, n)) = gamma(n) for n >= 1 (n = 1: 0 = 1; n = 2: 1 = 1; n = 3: 4 = 2).
    Peeled and expanded: (n - 1) Sum(gamma(i)/(i - 1), (i, 2, n - 1)) + gamma(n): the sum stays (no false zero)."""
    goal = sp.Eq((n - 1) * sp.Sum(sp.gamma(i - 1), (i, 2, n)), sp.gamma(n))
    return algebra_claim("pole_peel_sum_false", goal, {n: Domain.integer(1)})


EXPECTED = {
    "product_zero_end_square": "sympy could not reduce lhs - rhs to 0",
    "product_zero_end_ceiling": "sympy could not reduce lhs - rhs to 0",
    "product_zero_end_plain": "sympy could not reduce lhs - rhs to 0",
    "sum_of_zero_end_products": "sympy could not reduce lhs - rhs to 0",
    "zero_equals_one_shape": "sympy could not reduce lhs - rhs to 0",
    "two_symbol_offset": "sympy could not reduce lhs - rhs to 0",
    "pole_peel_sum_false": "sympy could not reduce lhs - rhs to 0",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

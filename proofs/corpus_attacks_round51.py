"""Adversarial corpus for the proof kernel, round 51: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 50's fix, aiming at normal forms
valid only for typical values, with the bad point hidden from the refuter. ``attacks()`` returns ``(name, build,
expected)`` as in the earlier rounds. Five of its 9 false statements were accepted when written (by the kernel
before this session as well), all through the gamma guard: it replaced a gamma-like node whose rewriting through
gamma it could not show valid by one opaque symbol, even when the node read the index of an enclosing sum. So
binomial(i - 5, k) was one constant for every i, and sum_{i=1}^{2} binomial(i - 5, k) = sum_{i=3}^{4}
binomial(i - 5, k) became 2u - 2u = 0. The refuter was dodged by an order k = (n (n - 1) ... (n - 12))^2, which is 0
at every integer it samples (n = 0 .. 12). One more (rf(1 - h, h) = 0), rejected only at the 30-second step
limit, is left out.

**Principle:** an opaque stand-in is a function of what its node reads: a fresh function of the node's free
symbols, so that an index it reads stays read.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel import rules as R

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

n = sp.Symbol("n", integer=True, nonnegative=True)
i = sp.Symbol("i", integer=True)
y = sp.Symbol("y", real=True)
N0 = {n: Domain.integer(0)}
#: 0 at n = 0..12 (every point the refuter samples on an integer domain with no upper end), (13!)^2 at n = 13.
K = sp.Mul(*[(n - j) for j in range(13)]) ** 2


def _g(order):
    """binomial(i - 5, order): for i in 1..4 its upper argument is negative, so the guard hides it (one Dummy)."""
    return sp.binomial(i - 5, order)


def conflation_hidden_order():
    """FALSE: binomial(-4, k) + binomial(-3, k) = binomial(-2, k) + binomial(-1, k), written as
    Sum(binomial(i-5, k), (i, 1, 2)) = Sum(binomial(i-5, k), (i, 3, 4)), k = (n(n-1)...(n-12))^2, n >= 0 integer.
    At n = 13, k = (13!)^2 is even: C(k+3,3) + C(k+2,2) != (k+1) + 1. The guard maps both binomial(i-5, k) nodes
    (same text, different index ranges) to one Dummy u: 2u - 2u = 0. Sampled n <= 12 give k = 0: 2 = 2."""
    g = _g(K)
    goal = sp.Eq(sp.Sum(g, (i, 1, 2)), sp.Sum(g, (i, 3, 4)))
    return algebra_claim("conflation_hidden_order", goal, N0)


def conflation_plain_control():
    """FALSE (control): Sum(binomial(i-5, n), (i, 1, 2)) = Sum(binomial(i-5, n), (i, 3, 4)); n = 1: -7 = -3.
    The same symbolic hole, but the refuter sees it at n = 1."""
    g = _g(n)
    goal = sp.Eq(sp.Sum(g, (i, 1, 2)), sp.Sum(g, (i, 3, 4)))
    return algebra_claim("conflation_plain_control", goal, N0)



def conflation_one_term():
    """FALSE: binomial(-4, k) = binomial(-3, k), as 2 Sum(binomial(i-5, k), (i, 1, 1)) = Sum(binomial(i-5, k),
    (i, 1, 2)), k as above (n = 13: C(k+3, 3) != C(k+2, 2))."""
    g = _g(K)
    goal = sp.Eq(2 * sp.Sum(g, (i, 1, 1)), sp.Sum(g, (i, 1, 2)))
    return algebra_claim("conflation_one_term", goal, N0)


def conflation_shifted_range():
    """FALSE: Sum(binomial(i-5, k), (i, 1, n+1)) = Sum(binomial(i-5, k), (i, 2, n+2)) (telescoping: the claim is
    binomial(-4, k) = binomial(n-3, k); n = 13: k = (13!)^2 > 10, binomial(10, k) = 0 != C(k+3, 3)). Symbolic
    ranges: split_finite_sums makes each sum (n + 1) u."""
    g = _g(K)
    goal = sp.Eq(sp.Sum(g, (i, 1, n + 1)), sp.Sum(g, (i, 2, n + 2)))
    return algebra_claim("conflation_shifted_range", goal, N0)


def conflation_product_ff():
    """FALSE: Product(ff(i-5, k), (i, 1, 2)) = Product(ff(i-5, k), (i, 3, 4)), i.e. ff(-4,k) ff(-3,k) =
    ff(-2,k) ff(-1,k); n = 13: (k+3)!/3! (k+2)!/2! != (k+1)! k!. A falling factorial, a product: u^2 - u^2."""
    g = sp.ff(i - 5, K)
    goal = sp.Eq(sp.Product(g, (i, 1, 2)), sp.Product(g, (i, 3, 4)))
    return algebra_claim("conflation_product_ff", goal, N0)


def conflation_zero_is_one():
    """FALSE: 1 + Sum(rf(i-5, n + K), (i, 1, 2)) - Sum(rf(i-5, n + K), (i, 3, 4)) = 1 (n = 1: 1 - 7 + 3 = -3).
    The same conflation with a rising factorial, but the order n + K is not 0 at the sampled points: a control
    that the refuter does catch (rf(x, k) for x <= -1 vanishes once k > -x, so the order must stay hidden)."""
    g = sp.rf(i - 5, n + K)
    goal = sp.Eq(1 + sp.Sum(g, (i, 1, 2)) - sp.Sum(g, (i, 3, 4)), 1)
    return algebra_claim("conflation_zero_is_one", goal, N0)


def conflation_rewrite_route():
    """FALSE: y * (Sum(binomial(i-5, k), (i, 1, 2)) - Sum(binomial(i-5, k), (i, 3, 4))) = 0 by Rewrite from a true
    premise (no source: the rewritten relation must hold identically); n = 13, y = 1: nonzero."""
    g = _g(K)
    one = sp.Eq((y + 1) ** 2, y ** 2 + 2 * y + 1, evaluate=False)
    goal = sp.Eq(y * (sp.Sum(g, (i, 1, 2)) - sp.Sum(g, (i, 3, 4))), 0)
    steps = [Step("one", one, R.Algebra()), Step("statement", goal, R.Rewrite(), ("one",))]
    return Proof("conflation_rewrite_route", {"statement": goal}, {**N0, y: Domain.real()}, steps)


def product_peel_fixed():
    """FALSE (fixed path, round 50): Product(i - h, (i, 1, h)) = 0 with h = (n - 20)^2 (n = 20: 1)."""
    h = (n - 20) ** 2
    return algebra_claim("product_peel_fixed", sp.Eq(sp.Product(i - h, (i, 1, h)), 0), N0)


EXPECTED = {
    "conflation_hidden_order": "sympy could not reduce lhs - rhs to 0",
    "conflation_plain_control": "sympy could not reduce lhs - rhs to 0",
    "conflation_one_term": "sympy could not reduce lhs - rhs to 0",
    "conflation_shifted_range": "sympy could not reduce lhs - rhs to 0",
    "conflation_product_ff": "sympy could not reduce lhs - rhs to 0",
    "conflation_zero_is_one": "sympy could not reduce lhs - rhs to 0",
    "conflation_rewrite_route": "sympy could not reduce lhs - rhs to 0",
    "product_peel_fixed": "sympy could not reduce lhs - rhs to 0",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

"""Adversarial corpus for the proof kernel, round 52: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 51's fix, aiming at the fixes of
rounds 50 and 51 (products peeled only over ordinary ranges or nonzero factors, gamma-like nodes guarded by the
symbols' facts, opaque stand-ins as functions of what they read), with the bad point h = (n - 20)^2 = 0 hidden
from the refuter. ``attacks()`` returns ``(name, build, expected)``. None of the 3 was accepted when written (a
fourth, written as a false claim, was true and is left out).

**Principle (held):** as in rounds 50 and 51.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.kernel import Domain
from modelcollapse.proofs.kernel.terms import Rand

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

n = sp.Symbol("n", integer=True, nonnegative=True)
i = sp.Symbol("i", integer=True)
N0 = {n: Domain.integer(0)}
H = (n - 20) ** 2


def ff_empty_order():
    """FALSE: ff(h - 1, h) = 0 (h = 0: ff(-1, 0) = 1)."""
    return algebra_claim("ff_empty_order", sp.Eq(sp.ff(H - 1, H), 0), N0)


def rand_opaque_generation():
    """FALSE in general: Sum(binomial(X_i - 5, k), i=1..2) = Sum(binomial(X_i - 5, k), i=3..4), X_i random reals with no
    law given. It checks that the opaque function keeps the Rand's index. It is rejected because the Rand has no law."""
    k = sp.Mul(*[(n - j) for j in range(13)]) ** 2
    g = sp.binomial(Rand("X", i) - 5, k)
    goal = sp.Eq(sp.Sum(g, (i, 1, 2)), sp.Sum(g, (i, 3, 4)))
    return algebra_claim("rand_opaque_generation", goal, N0)


def prod_peel_nonzero():
    """FALSE: Product(i - h, (i,1,h+1)) = 0, with h = (n-20)^2: at h = 0 the product is (1 - 0) = 1, not 0 (h >= 1: the factor i = h is 0)."""
    goal = sp.Eq(sp.Product(i - H, (i, 1, H + 1)), 0)
    return algebra_claim("prod_peel_nonzero", goal, N0)


EXPECTED = {
    "ff_empty_order": "sympy could not reduce lhs - rhs to 0",
    "prod_peel_nonzero": "sympy could not reduce lhs - rhs to 0",
    "rand_opaque_generation": "needs a law",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

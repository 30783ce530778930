"""Adversarial corpus for the proof kernel, round 54: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 53, aiming at the refuter's float
exponents (now for every power that involves a symbol), at the step limit that now also times the reading of a
proof and each goal's own checks, and at round 53's leads: a Lambda whose variable carries a flag, and two sums
sharing an index name under the gamma guard. ``attacks()`` returns ``(name, build, expected)``. None of the 4 was
accepted when written (a fifth proof, a true control, was accepted and is left out).

**Principle (held):** a limit that runs out, wherever it runs out, is a rejection; a flag on a Lambda's variable
changes only the body sympy builds, and the instance is checked as built.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.corpus_attacks_round52 import N0, i, n
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel.rules import AxiomInstance

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

x = sp.Symbol("x", real=True)


def lambda_positive_flag():
    """FALSE: lim_N prod_{j<N} sign(j) > 0 iff sum_j (1 - sign(j)) < oo (the product has the factor sign(0) = 0, the
    sum is 1); cited from the product criterion with U = Lambda(t, 1 - sign(t)), t positive, which sympy builds as 0."""
    t = sp.Symbol("t", positive=True)
    j = sp.Symbol("j", integer=True, nonnegative=True)
    N = sp.Symbol("N", integer=True, positive=True)
    rel = sp.Equivalent(sp.Gt(sp.Limit(sp.Product(sp.sign(j), (j, 0, N - 1)), N, sp.oo), 0),
                        sp.Lt(sp.Sum(1 - sp.sign(j), (j, 0, sp.oo)), sp.oo))
    return Proof("lambda_positive_flag", {"statement": rel}, {},
                 [Step("statement", rel, AxiomInstance("infinite_product_criterion",
                                                       {sp.Symbol("U"): sp.Lambda(t, 1 - sp.sign(t))}))])


def gamma_shared_index():
    """FALSE: sum_{i=0}^{n} C(i - 1, i - 1) - sum_{i=1}^{n+1} C(i - 1, i - 1) = 0^n (the left is C(-1, -1) - C(n, n)
    = 0 by sympy's values; the right is 1 at n = 0)."""
    lhs = sp.Sum(sp.binomial(i - 1, i - 1), (i, 0, n)) - sp.Sum(sp.binomial(i - 1, i - 1), (i, 1, n + 1))
    return algebra_claim("gamma_shared_index", sp.Eq(lhs, 0 ** n), N0)


def float_base_sqrt():
    """FALSE: sqrt(x^2) = x for real x in [-1, 1] (at x = -1/2 the left is 1/2)."""
    return algebra_claim("float_base_sqrt", sp.Eq(sp.sqrt(x ** 2), x), {x: Domain.real(-1, 1)})


def float_cuberoot_sign():
    """FALSE: (x^3)^(1/3) = x for real x in [-1, 1] (at x = -1 the principal root is 1/2 + i sqrt(3)/2)."""
    return algebra_claim("float_cuberoot_sign", sp.Eq((x ** 3) ** sp.Rational(1, 3), x), {x: Domain.real(-1, 1)})


EXPECTED = {
    "lambda_positive_flag": "not an instance of infinite_product_criterion",
    "gamma_shared_index": "its order may not be a natural number",
    "float_base_sqrt": "sympy could not reduce lhs - rhs to 0",
    "float_cuberoot_sign": "may be negative under a root or a real power",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

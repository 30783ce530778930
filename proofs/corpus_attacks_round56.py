"""Adversarial corpus for the proof kernel, round 56: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 55, following its leads: gamma-like
terms with a constant top argument (ff(19, n), binomial(19, n), rf(-19, n)), which change only from n = 20, beyond
the points the refuter samples on a domain with no upper end; one sum moved inside another under a shared index
name; and bounded integer ranges wider than 6, which the decision reads as a real range. Its new tool is the
indicator 0^binomial(19, n): defined, 0 through n = 19 and 1 from n = 20. ``attacks()`` returns
``(name, build, expected)``. None of the 8 was accepted when written; seven get past the refuter, so the symbolic
decision alone rejects them.

**Principle (held):** a normal form is used only where it keeps the value at every point of the domain, integers
beyond the sampled ones included; sympy folds 0^x to 0 only for an x it reads as positive, never for one >= 0.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.corpus_attacks_round52 import N0, n
from modelcollapse.proofs.kernel import Domain

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

i = sp.Symbol("i", integer=True, nonnegative=True)
j = sp.Symbol("j", integer=True, nonnegative=True)
WIDE = {n: Domain.integer(0, 10**6)}


def zero_power_binomial_indicator():
    """FALSE: 0^binomial(19, n) = 0 for integer n >= 0 (binomial(19, 20) = 0 and 0^0 = 1 at n = 20)."""
    return algebra_claim("zero_power_binomial_indicator", sp.Eq(sp.Pow(0, sp.binomial(19, n)), 0), N0)


def zero_power_square_indicator():
    """FALSE: 0^((n - 20)^2) = 0 for integer n >= 0 (n = 20 gives 0^0 = 1)."""
    return algebra_claim("zero_power_square_indicator", sp.Eq(sp.Pow(0, (n - 20) ** 2), 0), N0)


def rf_negated_plus_indicator():
    """FALSE: rf(-19, n) = (-1)^n ff(19, n) + 0^binomial(19, n) for integer n >= 0: the first two agree at every n,
    so the claim is 0^binomial(19, n) = 0, false at n = 20."""
    return algebra_claim("rf_negated_plus_indicator",
                         sp.Eq(sp.rf(-19, n), (-1) ** n * sp.ff(19, n) + sp.Pow(0, sp.binomial(19, n))), N0)


def ff_gamma_reflection():
    """FALSE: ff(19, n) gamma(n - 19) = 19! for integer n >= 20 (ff(19, n) = 0 there, gamma(n - 19) finite)."""
    return algebra_claim("ff_gamma_reflection", sp.Eq(sp.ff(19, n) * sp.gamma(n - 19), sp.factorial(19)),
                         {n: Domain.integer(20)})


def sums_shared_name_false_from_13():
    """FALSE: (sum_{i=0}^n 1/(i+1)) (sum_{i=0}^n i) = sum_{i=0}^n i (sum_{j=0}^n 1/(j+1)) + C(n, 13): the products
    agree, so the claim is C(n, 13) = 0, false at n = 13."""
    lhs = sp.Sum(1 / (i + 1), (i, 0, n)) * sp.Sum(i, (i, 0, n))
    rhs = sp.Sum(i * sp.Sum(1 / (j + 1), (j, 0, n)), (i, 0, n)) + sp.binomial(n, 13)
    return algebra_claim("sums_shared_name_false_from_13", sp.Eq(lhs, rhs), N0)


def wide_range_point_indicator():
    """FALSE: Piecewise((1, n = 20), (0, True)) = 0 for integer n in [0, 10^6] (1 at n = 20)."""
    return algebra_claim("wide_range_point_indicator", sp.Eq(sp.Piecewise((1, sp.Eq(n, 20)), (0, True)), 0), WIDE)


def wide_range_zero_power():
    """FALSE: 0^((n - 20)^2) = 0 for integer n in [0, 10^6] (n = 20 gives 1)."""
    return algebra_claim("wide_range_zero_power", sp.Eq(sp.Pow(0, (n - 20) ** 2), 0), WIDE)


def wide_range_sign_square():
    """FALSE: sign(n - 20)^2 = 1 for integer n in [0, 10^6] (n = 20 gives 0)."""
    return algebra_claim("wide_range_sign_square", sp.Eq(sp.sign(n - 20) ** 2, 1), WIDE)


EXPECTED = {name: "sympy could not reduce lhs - rhs to 0" for name in (
    "zero_power_binomial_indicator", "zero_power_square_indicator", "rf_negated_plus_indicator", "ff_gamma_reflection",
    "sums_shared_name_false_from_13", "wide_range_point_indicator", "wide_range_zero_power", "wide_range_sign_square")}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

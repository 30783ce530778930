"""Adversarial corpus for the proof kernel, round 55: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 54 and the change since: a check
during which the step limit fired is rejected even if it ended, and what the kernel and sympy remembered since is
dropped. The attacker found no bare ``except:`` on the kernel's paths that could absorb the signal (sympy 1.14 has
none outside its tests; mpmath's fail safe), and turned to claims that hold at every integer the refuter samples
on a domain with no upper end (0 .. 12) and fail beyond, and to the free index of ``p_series_comparison``'s side
conditions with a bound C that is infinite or unconstrained. ``attacks()`` returns ``(name, build, expected)``.
None of the 7 was accepted when written (a true control was accepted and is left out).

**Principle (held):** the numbers only ever refute; where the sampled points miss the counterexample, the symbolic
decision alone must reject, and it holds a claim's free constants for every value, never for a convenient one.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.corpus_attacks_round52 import N0, n
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel.rules import AxiomInstance

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

k = sp.Symbol("k", integer=True, positive=True)
i = sp.Symbol("i", integer=True, nonnegative=True)
j = sp.Symbol("j", integer=True, nonnegative=True)
a, b = sp.symbols("a b", real=True, positive=True)


def product_zero_beyond_sampling():
    """FALSE: (prod_{k=1}^n (k - 20))^2 > 0 for every integer n >= 0 (at n = 20 a factor is 0)."""
    return algebra_claim("product_zero_beyond_sampling", sp.Gt(sp.Product(k - 20, (k, 1, n)) ** 2, 0), N0)


def floor_beyond_sampling():
    """FALSE: floor(n/13) = 0 for every integer n >= 0 (n = 13 gives 1)."""
    return algebra_claim("floor_beyond_sampling", sp.Eq(sp.floor(n / 13), 0), N0)


def binomial_beyond_sampling():
    """FALSE: C(n, 13) = 0 for every integer n >= 0 (n = 13 gives 1)."""
    return algebra_claim("binomial_beyond_sampling", sp.Eq(sp.binomial(n, 13), 0), N0)


def sum_of_floors_beyond_sampling():
    """FALSE: sum_{k=1}^n floor(k/13) = 0 for n >= 0 (n = 13 gives 1); a sum over a symbolic range of floors."""
    return algebra_claim("sum_of_floors_beyond_sampling", sp.Eq(sp.Sum(sp.floor(k / 13), (k, 1, n)), 0), N0)


def sums_sharing_index_squared():
    """FALSE: (sum_{i=0}^n 1/(i+1))^2 = sum_{i=0}^n 1/(i+1)^2 (n = 1: 9/4 against 5/4); both sums get one fresh
    index name, and sympy may move one sum inside the other as a constant factor."""
    s = sp.Sum(1 / (i + 1), (i, 0, n))
    return algebra_claim("sums_sharing_index_squared", sp.Eq(s * s, sp.Sum(1 / (i + 1) ** 2, (i, 0, n))), N0)


def _p_series(name, C):
    """FALSE: (sum_j (j+1)^-b < oo) <=> (a > 1) for a in [2, 3], b in [1/2, 1]: the sum diverges while a > 1 holds
    (a = 2, b = 1). Cited from p_series_comparison with u_j = (j+1)^-b, c = 1 and the upper constant ``C``."""
    t = sp.Symbol("t")
    rel = sp.Equivalent(sp.Lt(sp.Sum((j + 1) ** -b, (j, 0, sp.oo)), sp.oo), sp.Gt(a, 1))
    rule = AxiomInstance("p_series_comparison", {sp.Symbol("U"): sp.Lambda(t, (t + 1) ** -b), sp.Symbol("a"): a,
                                                 sp.Symbol("c"): 1, sp.Symbol("C"): C})
    return Proof(name, {"statement": rel}, {a: Domain.real(2, 3), b: Domain.real(sp.Rational(1, 2), 1)},
                 [Step("statement", rel, rule)])


def p_series_infinite_C():
    """The false equivalence above, with C a symbol flagged infinite, so that (j+1)^(a-b) <= C might read as true."""
    return _p_series("p_series_infinite_C", sp.Symbol("C", extended_positive=True, infinite=True))


def p_series_free_C():
    """The false equivalence above, with C a positive symbol no domain governs (held for every value of it)."""
    return _p_series("p_series_free_C", sp.Symbol("C", positive=True))


EXPECTED = {
    "product_zero_beyond_sampling": "sympy could not show > 0",
    "floor_beyond_sampling": "sympy could not reduce lhs - rhs to 0",
    "binomial_beyond_sampling": "sympy could not reduce lhs - rhs to 0",
    "sum_of_floors_beyond_sampling": "sympy could not reduce lhs - rhs to 0",
    "sums_sharing_index_squared": "sympy could not reduce lhs - rhs to 0",
    "p_series_infinite_C": "side condition (_j + 1)**a/(_j + 1)**b <= C not shown",
    "p_series_free_C": "side condition (_j + 1)**a/(_j + 1)**b <= C not shown",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

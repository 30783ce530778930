"""Adversarial corpus for the proof kernel, round 46: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 45. ``attacks()`` returns
``(name, build, expected)`` as in the earlier rounds. None of the 9 was accepted when written. They aim at
the positive stand-in for a sum weighed by a mass while its entries are read outside the sum, the root
strategy of the sign search (x^(1/2) beside x^(-1/2), nested roots), the limit rule (equal bases written
differently, a base 1 written as a product, a cited vanishing sequence times g), a citation under domains
wider than the cited proof's, and a Rewrite whose premise matches only after expansion.

**Principle (held):** every symbol a sign strategy puts in stands for a range that holds the real value, so a
claim only becomes harder to show; the limit rule reads each factor as g^k or B^(rate g) and refuses mixed
infinities; a citing proof's domains must lie within the cited proof's.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import SIMPLEX, K, algebra_claim, checker, g, j
from modelcollapse.proofs.kernel import Domain, Library, Proof, Step
from modelcollapse.proofs.kernel import rules as R

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

n = sp.Symbol("n", integer=True, nonnegative=True)
x = sp.Symbol("x", positive=True)
a = sp.Symbol("a", nonnegative=True)
v = sp.IndexedBase("v", nonnegative=True)
u = sp.IndexedBase("u", nonnegative=True)
G0 = Domain.integer(0)


def mass_entry_outside_sum():
    """FALSE: Sum_j v_j u_j - u_1 > 0 (K = 1, v = (1), u = (1): 1 - 1 = 0)."""
    goal = sp.Gt(sp.Sum(v[j] * u[j], (j, 1, K)) - u[1], 0)
    doms = {K: Domain.integer(1), v: SIMPLEX, u: Domain.vector(Domain.real(0), length=K)}
    return algebra_claim("mass_entry_outside_sum", goal, doms)


def mass_times_entry_square():
    """FALSE: Sum_j v_j - v_1^2 > 0 (K = 1, v = (1): 1 - 1 = 0)."""
    goal = sp.Gt(sp.Sum(v[j], (j, 1, K)) - v[1] ** 2, 0)
    doms = {K: Domain.integer(1), v: SIMPLEX}
    return algebra_claim("mass_times_entry_square", goal, doms)


def root_with_reciprocal():
    """FALSE: sqrt(x) + 1/sqrt(x) - 2 > 0 for x > 0 (x = 1: 0)."""
    goal = sp.Gt(sp.sqrt(x) + 1 / sp.sqrt(x), 2)
    return algebra_claim("root_with_reciprocal", goal, {x: Domain.real(0, lo_open=True)})


def nested_root_weak():
    """FALSE: sqrt(a + sqrt(a)) - sqrt(a) - a^(1/4) >= 0 for a >= 0 (a = 1: sqrt(2) - 2 < 0)."""
    goal = sp.Ge(sp.sqrt(a + sp.sqrt(a)) - sp.sqrt(a) - a ** sp.Rational(1, 4), 0)
    return algebra_claim("nested_root_weak", goal, {a: Domain.real(0)})


def limit_equal_bases():
    """FALSE: lim 2^g - 4^(g/2) + 3^(-g) = 1 (the sequence is 3^-g: the limit is 0)."""
    X = 2 ** g - 4 ** (g / 2) + 3 ** (-g)
    goal = sp.Eq(sp.Limit(X, g, sp.oo), 1)
    return Proof("limit_equal_bases", {"statement": goal}, {g: G0}, [Step("statement", goal, R.Limit())])


def limit_unit_base_product():
    """FALSE: lim g 2^g 4^(-g/2) ... = lim g = oo, claimed 0."""
    X = g * 2 ** g * 4 ** (-g / 2)
    goal = sp.Eq(sp.Limit(X, g, sp.oo), 0)
    return Proof("limit_unit_base_product", {"statement": goal}, {g: G0}, [Step("statement", goal, R.Limit())])


def limit_cited_times_g():
    """FALSE: lim 4^g 2^(-g) = 0 (it is lim 2^g = oo), from the cited lim 2^(-n) = 0 with 4^g beside the sequence."""
    lem = sp.Eq(sp.Limit(2 ** (-n), n, sp.oo), 0)
    lemma = Proof("lemma_inverse", {"statement": lem}, {n: G0}, [Step("statement", lem, R.Limit())])
    goal = sp.Eq(sp.Limit(4 ** g * 2 ** (-g), g, sp.oo), 0)
    proof = Proof("limit_cited_times_g", {"statement": goal}, {g: G0, n: G0},
                  [Step("statement", goal, R.Limit(), ("cite:lemma_inverse",))])
    _LIBRARIES["limit_cited_times_g"] = Library({"lemma_inverse": lemma})
    return proof


def cite_wider_domain():
    """FALSE: lim a^g = 0 for a in [0, 2] (a = 2: oo), citing lim a^n = 0 proved for a in (0, 1/2]."""
    b = sp.Symbol("b", positive=True)
    lem = sp.Eq(sp.Limit(b ** n, n, sp.oo), 0)
    lemma = Proof("lemma_geo", {"statement": lem}, {n: G0, b: Domain.real(0, sp.Rational(1, 2), lo_open=True)},
                  [Step("statement", lem, R.Limit())])
    goal = sp.Eq(sp.Limit(b ** g, g, sp.oo), 0)
    proof = Proof("cite_wider_domain", {"statement": goal}, {g: G0, n: G0, b: Domain.real(0, 2, lo_open=True)},
                  [Step("statement", goal, R.Rewrite(), ("cite:lemma_geo",))])
    _LIBRARIES["cite_wider_domain"] = Library({"lemma_geo": lemma})
    return proof


def rewrite_after_expansion():
    """FALSE: Sum_j (2 v_j + 1) = 3 for a probability vector v (it is 2 + K; K = 2 gives 4)."""
    tot = sp.Eq(sp.Sum(v[j], (j, 1, K)), 1)
    goal = sp.Eq(sp.Sum(2 * v[j] + 1, (j, 1, K)), 3)
    doms = {K: Domain.integer(1), v: SIMPLEX}
    return Proof("rewrite_after_expansion", {"statement": goal}, doms,
                 [Step("total", tot, R.VectorTotal()), Step("statement", goal, R.Rewrite(), ("total",))])


EXPECTED = {
    "mass_entry_outside_sum": "sympy could not show > 0",
    "mass_times_entry_square": "sympy could not show > 0",
    "root_with_reciprocal": "sympy could not show > 0",
    "nested_root_weak": "sympy could not show >= 0",
    "limit_equal_bases": "terms tend to +oo and -oo",
    "limit_unit_base_product": "the limit is oo in a case",
    "limit_cited_times_g": "a cited limit's sequence must enter",
    "cite_wider_domain": "which this proof does not assume",
    "rewrite_after_expansion": "sympy could not reduce lhs - rhs to 0",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

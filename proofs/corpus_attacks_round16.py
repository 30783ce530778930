"""Adversarial corpus for the proof kernel, round 16: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 15. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, 5 of these 11 were
accepted, all of one class: a limit hid a sum whose index was the limit's variable and also stood in
the sum's own range, lim_{g -> oo} 2^(-g) Sum(2^g, (g, 0, g^2)) = 0. sympy reads a range outside its
binder (that sum is 2^(g^2 + 1) - 1, and the term tends to oo). The binder check looked for the index
free in the relation, where the limit had bound it; the renaming of binders then renamed the range's
g too, and the limit rule read the sum as a constant. The principles that close it: no sum, product
or limit binds its variable again inside itself (limits count as binders), and a renaming of a binder
reaches its body, never its range. A law's normalised update gets the binder check whole, normaliser
included (P5). Each docstring says why the statement is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel.rules import Algebra, Limit

library_for, check_attack = checker({})

g = sp.Symbol('g', integer=True, nonnegative=True)
n = sp.Symbol('n', integer=True, nonnegative=True)
DG = {g: Domain.integer(0)}
HALF_G = sp.Rational(1, 2) ** g


def _limit(name, term, value, domains=DG, variable=g):
    rel = sp.Eq(sp.Limit(term, variable, sp.oo), value)
    return Proof(name, {"statement": rel}, domains, [Step("s", rel, Limit())])


def A1_limit_shields_captured_sum():
    """lim_{g -> oo} 2^(-g) Sum(2^g, (g, 0, g^2)) = 0 is false: the range's g is the outer one, the sum is
    2^(g^2 + 1) - 1 and the term is 8191.9 at g = 4, tending to oo. Accepted when the renaming of the sum's
    index reached its range: Sum(2^d, (d, 0, d^2)) no longer reads g, and 2^(-g) tends to 0."""
    return _limit("A1", sp.Sum(2**g, (g, 0, g**2)) * HALF_G, 0)


def A2_same_with_a_finite_value():
    """lim (7 + 2^(-g) Sum(2^g, (g, 0, g^2))) = 7 is false (the limit is oo; 7 + 2.5e27 at g = 10)."""
    return _limit("A2", 7 + sp.Sum(2**g, (g, 0, g**2)) * HALF_G, 7)


def A3_minus_infinity_read_as_one():
    """lim (1 - 2^(-g) Sum(2^g, (g, 0, g^2))) = 1 is false (the limit is -oo; -8191 at g = 4)."""
    return _limit("A3", 1 - sp.Sum(2**g, (g, 0, g**2)) * HALF_G, 1)


def A4_product_captured():
    """lim 2^(-g) Product(2, (g, 0, g^2)) = 0 is false: the product is 2^(g^2 + 1), the term 2^(g^2 - g + 1)
    (8192 at g = 4) tends to oo."""
    return _limit("A4", sp.Product(2, (g, 0, g**2)) * HALF_G, 0)


def A5_linear_range_index_with_integer_flag_only():
    """lim 3^(-g) Sum(4^g, (g, g - 1, g)) = 0 is false: the sum is 5 4^(g - 1), the term (5/4)(4/3)^g tends to oo
    (1.1e4 at g = 30). The variable carries only integer=True, so a range starting at g - 1 passed the flag check."""
    gi = sp.Symbol('g', integer=True)
    return _limit("A5", sp.Sum(4**gi, (gi, gi - 1, gi)) * sp.Rational(1, 3)**gi, 0, {gi: Domain.integer(0)}, gi)


def P1_honest_binder_name():
    """A1 with the index named j (as false): the sum reads g and is no power g^k B^g, so no limit is taken."""
    j = sp.Symbol('j', integer=True, nonnegative=True)
    return _limit("P1", sp.Sum(2**j, (j, 0, g**2)) * HALF_G, 0)


def P2_linear_upper_limit():
    """lim 3^(-g) Sum(4^g, (g, 0, g)) = 0 is false (the term is about (4/3)^(g + 1) / 3, tending to oo)."""
    return _limit("P2", sp.Sum(4**g, (g, 0, g)) * sp.Rational(1, 3)**g, 0)


def P3_exponential_upper_limit():
    """lim 3^(-g) Sum(g, (g, 0, 2^g)) = 0 is false (the term is about 4^g / (2 3^g), tending to oo)."""
    return _limit("P3", sp.Sum(g, (g, 0, 2**g)) * sp.Rational(1, 3)**g, 0)


def P4_no_limit_shield():
    """Sum(2^n, (n, 0, n^2)) = 2^(n + 1) - 1 is false at n = 2 (the sum is 31, not 7)."""
    rel = sp.Eq(sp.Sum(2**n, (n, 0, n**2)), 2**(n + 1) - 1)
    return Proof("P4", {"statement": rel}, {n: Domain.integer(0)}, [Step("s", rel, Algebra())])


def P5_normaliser_captured_in_a_law():
    """A normalised update whose normaliser sums over the law's own size symbol, x_{t,N} over N = 1..N: a
    law with two readings of N. It only cost true statements when written (the normaliser read captured may
    vanish); the law is now refused whole. The goal x_{t,i} = p_i would need the normaliser to be 1."""
    from modelcollapse.proofs.kernel import Law, Rand, StateVar
    from modelcollapse.proofs.kernel.rules import StateInduction
    t = sp.Symbol('t', integer=True, nonnegative=True)
    N = sp.Symbol('N', integer=True, positive=True)
    i = sp.Symbol('i', integer=True, positive=True)
    p = sp.IndexedBase('p', real=True, nonnegative=True)
    x = Rand("x", t, i)
    vec = Domain.vector(Domain.real(0, 1), length=N, total=1)
    law = Law("norm", t, {N: Domain.integer(1), p: vec},
              (StateVar("x", p[i], x / sp.Sum(Rand("x", t, N), (N, 1, N)), Domain.real(0, 1), (i,)),), (),
              indices={i: Domain.integer(1, N)})
    doms = {t: Domain.integer(0), N: Domain.integer(1), i: Domain.integer(1, N), p: vec}
    rel = sp.Eq(Rand("x", t, i), p[i])
    return Proof("P5", {"statement": rel}, doms, [Step("s", rel, StateInduction("x"))], law=law)


def P6_empty_sum_strictly_positive():
    """Sum(k, (k, 1, n)) > 0 is false at n = 0 (the empty sum is 0)."""
    k = sp.Symbol('k', integer=True, positive=True)
    rel = sp.Gt(sp.Sum(k, (k, 1, n)), 0)
    return Proof("P6", {"statement": rel}, {n: Domain.integer(0)}, [Step("s", rel, Algebra())])


EXPECTED = {
    'A1_limit_shields_captured_sum': 'is bound again inside it',
    'A2_same_with_a_finite_value': 'is bound again inside it',
    'A3_minus_infinity_read_as_one': 'is bound again inside it',
    'A4_product_captured': 'is bound again inside it',
    'A5_linear_range_index_with_integer_flag_only': 'is bound again inside it',
    'P1_honest_binder_name': 'cannot take the limit of the factor',
    'P2_linear_upper_limit': 'is bound again inside it',
    'P3_exponential_upper_limit': 'is bound again inside it',
    'P4_no_limit_shield': 'also occurs free',
    'P5_normaliser_captured_in_a_law': 'the update of x: the index N',
    'P6_empty_sum_strictly_positive': 'sympy could not show > 0',
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

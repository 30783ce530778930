"""Adversarial corpus for the proof kernel, round 12: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 11. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, 5 of these 10 were
accepted, all of one class: a sum that binds again the name its enclosing sum binds,
sum_{i=1}^{2} (sum_{i=-n}^{n} |i| + i). Writing out the outer sum with sympy's ``doit`` renames its
index to a symbol with the assumptions of its range (i positive), and the renaming also reached the
inner binder, so |i| became i there: the kernel accepted that sum = 3, whose true value at n = 1 is 7.
The principles that close it: a relation may not bind a name again inside its binder (each index's
scope is then one reading), and a range of numbers is written out term by term by substitution,
which leaves an inner binder bound, never by sympy's evaluation. Each docstring says why the
statement is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel.rules import Algebra, Rewrite

library_for, check_attack = checker({})

n = sp.Symbol('n', integer=True, nonnegative=True)
i = sp.Symbol('i', integer=True)          # flags: integer only (implied by every range)
j = sp.Symbol('j', integer=True, positive=True)
x = sp.Symbol('x', real=True)
N = {n: Domain.integer(0)}


def _one(rel, doms, name):
    return Proof(name, {'statement': rel}, doms, [Step('s', rel, Algebra())])


def A1_shadowed_index_sum():
    """(a) FALSE: S = sum_{i=1}^{2} ( sum_{i=-n}^{n} |i| + i ) = 2 n (n+1) + 3, while the claim says
    S = 3 + 2 sum_{i=-n}^{n} i = 3.  Counterexample n = 1: S = 7, claimed 3 (any n >= 1).
    (b) The inner sum rebinds the outer index name i (allowed: i is not free in the relation). terms.explicit
    expands the outer numeric-range sum with Sum.doit(deep=False); sympy's doit first xreplaces the index by a
    dummy carrying assumptions inherited from the OUTER limits (1..2: positive) -- the xreplace also hits the
    inner binder, so inside sum_{-n..n} the index is 'positive' and Abs(i) auto-evaluates to i. explicit(S)
    = 2 Sum(i, (i,-n,n)), which cancels the right side exactly; the numeric side (evaluate, also via doit,
    after fresh_binders gives both binders ONE dummy) makes the same mistake, so nothing refutes it."""
    S = sp.Sum(sp.Sum(sp.Abs(i), (i, -n, n)) + i, (i, 1, 2))
    return _one(sp.Eq(S, 3 + 2 * sp.Sum(i, (i, -n, n))), N, 'A1')


def A2_shadowed_index_sum_clean():
    """(a) FALSE: sum_{i=1}^{2} ( sum_{i=-n}^{n} |i| + i ) = 3. True value 2 n (n+1) + 3; n = 1 gives 7.
    (b) A1's step, plus the true Faulhaber step sum_{i=-n}^{n} i = 0, combined by Rewrite(source=True):
    the goal is the clean false statement S = 3."""
    S = sp.Sum(sp.Sum(sp.Abs(i), (i, -n, n)) + i, (i, 1, 2))
    a = sp.Eq(S, 3 + 2 * sp.Sum(i, (i, -n, n)))
    b = sp.Eq(sp.Sum(i, (i, -n, n)), 0)
    goal = sp.Eq(S, 3)
    return Proof('A2', {'statement': goal}, N,
                 [Step('a', a, Algebra()), Step('b', b, Algebra()), Step('g', goal, Rewrite(source=True), ('b', 'a'))])


def A3_shadowed_index_product():
    """(a) FALSE: prod_{i=1}^{2} ( sum_{i=-n}^{n} |i| + i ) = (n(n+1)+1)(n(n+1)+2); the claim says it equals
    (T+1)(T+2) with T = sum_{i=-n}^{n} i = 0, i.e. 2. n = 1: true 12, claimed 2.
    (b) Same route through Product.doit (explicit expands the finite product; the positive dummy of the outer
    range 1..2 leaks into the inner binder of the same name)."""
    T = sp.Sum(i, (i, -n, n))
    P = sp.Product(sp.Sum(sp.Abs(i), (i, -n, n)) + i, (i, 1, 2))
    return _one(sp.Eq(P, (T + 1) * (T + 2)), N, 'A3')


def A4_shadowed_index_sign():
    """(a) FALSE: S = sum_{i=1}^{2} ( sum_{i=-n}^{n} sign(i) + i ) = 0 + 3 = 3 for every n (the inner sum of
    signs over a symmetric range is 0); the claim says S = 3 + 2 sum_{i=-n}^{n} 1 = 4n + 5. n = 0: true 3,
    claimed 5 (false at EVERY n >= 0, the numeric side agreeing with the wrong value).
    (b) Same leak: sign(positive dummy) evaluates to 1 inside the inner sum, so explicit(S) = 3 + 2 Sum(1,...)."""
    S = sp.Sum(sp.Sum(sp.sign(i), (i, -n, n)) + i, (i, 1, 2))
    return _one(sp.Eq(S, 3 + 2 * sp.Sum(1, (i, -n, n))), N, 'A4')


def A5_shadowed_index_inequality():
    """(a) FALSE: S = sum_{i=1}^{2} ( sum_{i=-n}^{n} |i| + i ) <= 3 + 2 sum_{i=-n}^{n} i = 3. n = 1: S = 7 > 3.
    (b) The sign route: _positive's simplify candidate is sympy.simplify(explicit(gap)), and explicit's
    leaked positive dummy makes the gap 0, so is_nonnegative holds; refuted() evaluates with the same doit."""
    S = sp.Sum(sp.Sum(sp.Abs(i), (i, -n, n)) + i, (i, 1, 2))
    return _one(sp.Le(S, 3 + 2 * sp.Sum(i, (i, -n, n))), N, 'A5')


# ---- probes that were rejected --------------------------------------------------------------------

def P1_abs_far_point():
    """Far-point claim (false for n >= 21, beyond the numeric samples 0..12): sum |j-20| = sum (20-j).
    Rejected: no transform closes a non-polynomial summand."""
    return _one(sp.Eq(sp.Sum(sp.Abs(j - 20), (j, 1, n)), sp.Sum(20 - j, (j, 1, n))), N, 'P1')


def P2_sign_far_point():
    """sum_{j<=n} (20 - j) >= 0, false for n >= 40. Rejected (quadratic with negative leading coefficient)."""
    return _one(sp.Ge(sp.Sum(20 - j, (j, 1, n)), 0), N, 'P2')


def P3_shadowed_without_rhs_help():
    """A1's left side claimed = 3 directly: rejected (explicit's wrong Sum(i,(i,-n,n)) is never closed after
    explicit, since _closed_forms runs before explicit). Hence A1/A2 put the (true-zero) sum on the right."""
    S = sp.Sum(sp.Sum(sp.Abs(i), (i, -n, n)) + i, (i, 1, 2))
    return _one(sp.Eq(S, 3), N, 'P3')


def P4_piecewise_point():
    """Piecewise((1, x<20), (2, x>20), (0, True)) = Piecewise((1, x<20), (2, True)): false only at x = 20
    (never sampled). Rejected: sympy does not merge the pieces."""
    pw = sp.Piecewise((1, x < 20), (2, x > 20), (0, True)) - sp.Piecewise((1, x < 20), (2, True))
    return _one(sp.Eq(pw, 0), {x: Domain.real()}, 'P4')


def P5_sign_squared():
    """sign(x - 20)^2 = 1 (false at x = 20, never sampled). Rejected."""
    return _one(sp.Eq(sp.sign(x - 20) ** 2, 1), {x: Domain.real()}, 'P5')


#: The reason each entry must be rejected for.
EXPECTED = {
    'A1_shadowed_index_sum': 'is bound again inside it',
    'A2_shadowed_index_sum_clean': 'is bound again inside it',
    'A3_shadowed_index_product': 'is bound again inside it',
    'A4_shadowed_index_sign': 'is bound again inside it',
    'A5_shadowed_index_inequality': 'is bound again inside it',
    'P1_abs_far_point': 'sympy could not reduce lhs - rhs to 0',
    'P2_sign_far_point': 'sympy could not show >= 0',
    'P3_shadowed_without_rhs_help': 'is bound again inside it',
    'P4_piecewise_point': 'sympy could not reduce lhs - rhs to 0',
    'P5_sign_squared': 'sympy could not reduce lhs - rhs to 0',
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

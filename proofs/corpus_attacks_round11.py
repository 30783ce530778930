"""Adversarial corpus for the proof kernel, round 11: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 10. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, 5 of these 9 were
accepted, all of one class: round 10 let sympy evaluate a sum of a polynomial in its index
(Faulhaber's formula) and a product of a rational function of it, but its ``doit`` was deep, so a
sum nested inside (sum_{k=0}^{p} (-1)^k C(p, k), whose closed form 0 is false at p = 0) was evaluated
too; its form had never been read. The numeric refutation samples an unbounded integer near its
lower end and missed the one point (m = 8) where the claims fail. The principle that closes it: only
the node whose form was read is evaluated (``doit(deep=False)``, and nothing under it or in its
limits may be a sum, product or integral); a range of numbers is written out by its definition only
below the length from which sympy sums symbolically. Each docstring says why the statement is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel.rules import Algebra

library_for, check_attack = checker({})

m, n = sp.Symbol('m', integer=True), sp.Symbol('n', integer=True, positive=True)
k, j = sp.Symbol('k', integer=True), sp.Symbol('j', integer=True)


def _one_step(name, rel, domains, rule=None, steps=None):
    steps = steps or [Step("s", rel, rule or Algebra())]
    return Proof(name, {"statement": rel}, domains, steps)


def A1_inner_sum_evaluated_by_faulhaber_doit():
    """(a) S(m) = Sum_{k=0}^{p} (-1)^k C(p, k), p = Min((m-8)^2, 3), equals 1 at m = 8 (the sum of the
    alternating binomials of row 0), 0 elsewhere.  The claim Sum_{j=1}^{1} j S(m) = 0 is false at m = 8
    (true value 1).
    (b) decide._closed_forms treats Sum(j S(m), (j, 1, 1)) as 'a sum of a polynomial in its index'
    (S(m) is free of j, so j S(m) is_polynomial(j) is True) and calls node.doit() -- a DEEP doit, which
    evaluates the inner, non-polynomial sum by sympy's generic summation (0, valid for typical
    lengths only).  Refutation samples an unbounded integer m in [-6, 6] only, never m = 8."""
    p = sp.Min((m - 8)**2, 3)
    S = sp.Sum((-1)**k * sp.binomial(p, k), (k, 0, p))
    rel = sp.Eq(sp.Sum(j * S, (j, 1, 1)), 0)
    return _one_step("A1", rel, {m: Domain.integer()})


def A2_inner_sum_evaluated_by_rational_product_doit():
    """(a) Same S(m) as A1 (1 at m = 8, 0 elsewhere).  Product_{j=1}^{1} (S(m) + 1) = 1 is false at
    m = 8 (true value 2).
    (b) _closed_forms takes Product(S(m) + 1, (j, 1, 1)) as 'a product of a rational function of its
    index' (free of j) and its deep doit() sums the inner alternating-binomial sum to 0."""
    p = sp.Min((m - 8)**2, 3)
    S = sp.Sum((-1)**k * sp.binomial(p, k), (k, 0, p))
    rel = sp.Eq(sp.Product(S + 1, (j, 1, 1)), 1)
    return _one_step("A2", rel, {m: Domain.integer()})


def A3_symbolic_range_outer_sum():
    """(a) Sum_{j=1}^{n} j S(m) = 0 for every n >= 1, m integer: false at m = 8, n = 1 (value 1).
    (b) As A1 with a symbolic outer range: the outer sum is Faulhaber-eligible (polynomial in j with a
    j-free coefficient), and doit() deep-evaluates the coefficient's sum."""
    p = sp.Min((m - 8)**2, 3)
    S = sp.Sum((-1)**k * sp.binomial(p, k), (k, 0, p))
    rel = sp.Eq(sp.Sum(j * S, (j, 1, n)), 0)
    return _one_step("A3", rel, {m: Domain.integer(), n: Domain.integer(1)})


def P4_constant_instance():
    """(a) From A1's (false) general statement, nothing new; instead a standalone check: the claim
    Sum_{j=1}^{1} j S(m) = 0 at the concrete m = 8 (value 1), by Algebra on a constant:
    probes whether numbers catch it once no symbol is left (expected rejected)."""
    p = sp.Min((m - 8)**2, 3).subs(m, 8)
    S = sp.Sum((-1)**k * sp.binomial(p, k), (k, 0, p))
    rel = sp.Eq(sp.Sum(j * S, (j, 1, 1)), 0)
    return _one_step("A4", rel, {})


def P5_inequality_via_sign_procedure():
    """(a) Sum_{j=1}^{1} j S(m) < 1/2 is false at m = 8 (value 1).
    (b) Probe: the sign procedure (_positive) uses together/factor/gammasimp/simplify(doit=False)/
    expand, none of which runs _closed_forms; expected rejected (no sum is evaluated)."""
    p = sp.Min((m - 8)**2, 3)
    S = sp.Sum((-1)**k * sp.binomial(p, k), (k, 0, p))
    rel = sp.Lt(sp.Sum(j * S, (j, 1, 1)), sp.Rational(1, 2))
    return _one_step("P5", rel, {m: Domain.integer()})


def P6_unwrapped_inner_sum():
    """(a) S(m) = 0 is false at m = 8 (value 1).
    (b) Probe: with no Faulhaber-eligible wrapper, _closed_forms never touches the non-polynomial
    sum and simplify has doit=False: expected rejected.  Shows the wrapper of A1 is the entry."""
    p = sp.Min((m - 8)**2, 3)
    rel = sp.Eq(sp.Sum((-1)**k * sp.binomial(p, k), (k, 0, p)), 0)
    return _one_step("P6", rel, {m: Domain.integer()})


def P7_classic_row_sum_sampled_region():
    """(a) T(n) = Sum_{k=0}^{n} (-1)^k C(n, k) is 1 at n = 0.  Claim: Sum_{j=1}^{1} j T(Max(n - 20, 0)) = 0
    for every integer n >= 0 -- false for n <= 20, e.g. n = 15 (true value 1).
    (b) Same _closed_forms deep doit.  Max(n - 20, 0) >= 0 keeps the range unreversed (shown), and
    refutation samples n in {0} and [0, 12] ... which DO hit the false region: expected rejected
    unless sampling misses; kept to show that the hiding in A1 is only about where numbers look."""
    p = sp.Max(n - 20, 0)
    S = sp.Sum((-1)**k * sp.binomial(p, k), (k, 0, p))
    rel = sp.Eq(sp.Sum(j * S, (j, 1, 1)), 0)
    return _one_step("P7", rel, {n: Domain.integer(0)})


def A8_inner_weighted_alternating_sum():
    """(a) U(m) = Sum_{k=0}^{p} (-1)^k C(p, k) k with p = Min((m-8)^2, 3): the classic sum
    Sum (-1)^k k C(p, k) is -1 at p = 1 and 0 otherwise; p = 1 at m = 7 and m = 9.  Claim
    Sum_{j=1}^{1} j U(m) = 0 is false at m = 9 (value -1).
    (b) As A1: deep doit inside the Faulhaber branch of _closed_forms; samples of m lie in [-6, 6]."""
    p = sp.Min((m - 8)**2, 3)
    S = sp.Sum((-1)**k * k * sp.binomial(p, k), (k, 0, p))
    rel = sp.Eq(sp.Sum(j * S, (j, 1, 1)), 0)
    return _one_step("A8", rel, {m: Domain.integer()})


def A9_natural_alternating_moment_usually_accepted():
    """(a) Sum_{k=0}^{n} (-1)^k k C(n, k) is -1 at n = 1 (0 for every other n >= 0).  The claim
    Sum_{j=1}^{1} j Sum_{k=0}^{n} (-1)^k k C(n, k) = 0 for every integer n >= 0 is false at n = 1
    (true value -1).  No disguise: a textbook sum.
    (b) Same deep doit in _closed_forms.  Refutation looks at n = 0 (a corner, where it is true) and
    four random n in [0, 12]: it misses n = 1 with probability (12/13)^4 ~ 0.73, so this is
    ACCEPTED in most runs (rejected as 'refuted' otherwise)."""
    nn = sp.Symbol('n0', integer=True, nonnegative=True)
    S = sp.Sum((-1)**k * k * sp.binomial(nn, k), (k, 0, nn))
    rel = sp.Eq(sp.Sum(j * S, (j, 1, 1)), 0)
    return _one_step("A9", rel, {nn: Domain.integer(0)})


#: The reason each entry must be rejected for.
EXPECTED = {
    'A1_inner_sum_evaluated_by_faulhaber_doit': 'sympy could not reduce lhs - rhs to 0',
    'A2_inner_sum_evaluated_by_rational_product_doit': 'sympy could not reduce lhs - rhs to 0',
    'A3_symbolic_range_outer_sum': 'sympy could not reduce lhs - rhs to 0',
    'P4_constant_instance': 'a truth value is no statement',
    'P5_inequality_via_sign_procedure': 'sympy could not show > 0',
    'P6_unwrapped_inner_sum': 'sympy could not reduce lhs - rhs to 0',
    'P7_classic_row_sum_sampled_region': 'sympy could not reduce lhs - rhs to 0',
    'A8_inner_weighted_alternating_sum': 'sympy could not reduce lhs - rhs to 0',
    'A9_natural_alternating_moment_usually_accepted': 'sympy could not reduce lhs - rhs to 0',
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

"""Adversarial corpus for the proof kernel, round 21: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 20. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, 2 of these 6 were
accepted, both of one class, through round 20's fix: an assumption with no values again, now a
vector whose total its entries cannot reach (two entries in [0, 1] summing to 5). A sign rule
replaced a sum over the vector by a positive symbol ("some entry carries the mass"), and the
contradiction gave n < 0 for n in [1, 2]. The principle that closes it: a vector's total lies
between its length times its lowest and highest entry values, shown for every value of the other
symbols. Integer ranges with no integer inside (P2, P3) gave nothing false. Each docstring says why
the statement is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import altered_domain, checker
# The goal n < 0 for n in [1, 2] and the vector v, as in round 20.
from modelcollapse.proofs.corpus_attacks_round20 import DN, GOAL, j, v
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel.rules import Algebra, Order, VectorTotal

library_for, check_attack = checker({})



def A1_unreachable_total_weighed_by_mass():
    """Accepted: for every real n in [1, 2], n < 0   (v: 2 entries in [0, 1] summing to 5).
    (a) FALSE at n = 1.  The v-domain is empty: two entries in [0, 1] sum to at most 2 < 5.
    (b) 'pos': 0 < Sum(3/2 - v[j], (j, 1, 2)) by Algebra -> is_positive: the case/point attempt is refuted
    (points meet the total: 3 - 5 < 0), then _weighed_by_mass replaces the sum by a positive 'mass' (3/2 - x >= 0
    on [0, 1], > 0 on (0, 1]) and sign_shown accepts 'mass > 0'. 'id': Sum(3/2 - v[j]) = 3 - Sum(v[j]) (identity);
    VectorTotal: Sum(v[j]) = 5; Order(3) rewrites the premise to 0 < -2 and needs -n + 6 > 0: true on [1, 2]."""
    c = sp.Rational(3, 2)
    S, F = sp.Sum(v[j], (j, 1, 2)), sp.Sum(c - v[j], (j, 1, 2))
    steps = [Step("pos", sp.Lt(0, F), Algebra()),
             Step("id", sp.Eq(F, 3 - S), Algebra()),
             Step("tot", sp.Eq(S, 5), VectorTotal()),
             Step("statement", GOAL, Order(3), ("pos", "id", "tot"))]
    return Proof("A1", {"statement": GOAL}, {**DN, v: Domain.vector(Domain.real(0, 1), length=2, total=5)}, steps)


def A2_total_unreachable_at_some_values():
    """Accepted: for every real t in [1, 3], t < 2   (v: 2 entries in [0, 1) summing to t).
    (a) FALSE at t = 3 (also t = 2, 2.5).  The v-domain is inhabited for t in [1, 2) (v = (t/2, t/2)), so the
    joint assumptions are NOT empty, but for t >= 2 no v exists (two entries < 1 sum to < 2): a v-free claim
    about t is carried to values of t that have no v.
    (b) 'pos': 0 < Sum(1 - v[j], (j, 1, 2)) via _weighed_by_mass (1 - x >= 0 on [0, 1), > 0 on (0, 1));
    'id': Sum(1 - v[j]) = 2 - Sum(v[j]); VectorTotal: Sum(v[j]) = t; Order(1): premise 0 < 2 - t gives t < 2."""
    t = sp.Symbol('t', real=True, positive=True)
    S, F = sp.Sum(v[j], (j, 1, 2)), sp.Sum(1 - v[j], (j, 1, 2))
    goal = sp.Lt(t, 2)
    steps = [Step("pos", sp.Lt(0, F), Algebra()),
             Step("id", sp.Eq(F, 2 - S), Algebra()),
             Step("tot", sp.Eq(S, t), VectorTotal()),
             Step("statement", goal, Order(1), ("pos", "id", "tot"))]
    return Proof("A2", {"statement": goal},
                 {t: Domain.real(1, 3), v: Domain.vector(Domain.real(0, 1, hi_open=True), length=2, total=t)}, steps)


def P1_unreachable_total_explicit_bound():
    """REJECTED probe (the round-20 route): same v as A1, 'le': v[1] + v[2] <= 2 by Algebra (entries read in
    [0, 1]); refuted at the vector's points, which meet the total (v[1] + v[2] = 5). Shows the refutation does
    catch the empty domain when the sign is decided directly -- A1 differs only in reaching the mass fallback."""
    W = v[1] + v[2]
    steps = [Step("le", sp.Le(W, 2), Algebra())]
    return Proof("P1", {"le": sp.Le(W, 2)}, {**DN, v: Domain.vector(Domain.real(0, 1), length=2, total=5)}, steps)


def P2_local_integer_without_integers():
    """REJECTED probe: local m, an integer in [1/3, 2/3] (no integer; lo <= hi is shown, so the new check
    passes). Its flags say positive integer (m >= 1 to sympy), the cases read the real [0, 1]. 'a': 1 <= m by
    Algebra, then Order to n < 0 (FALSE at n = 1).  Rejected at 'a': the cases include m = 0 (a superset)."""
    m = sp.Symbol('m', integer=True, positive=True)
    steps = [Step("a", sp.Le(1, m), Algebra()), Step("b", sp.Le(m, 1), Algebra())]
    return Proof("P2", {"a": sp.Le(1, m)}, {**DN, m: altered_domain(kind="integer", lo=sp.Rational(1, 3), hi=sp.Rational(2, 3))},
                 steps, local=(m,))


def P3_integer_open_ends():
    """REJECTED probe: local m integer with open ends (0, 1) (no integer; hi - lo = 1 > 0 strict passes the new
    check). The cases enumerate {0, 1} ignoring the open ends -- a superset, so m >= 2 (-> n < 0) is not shown."""
    m = sp.Symbol('m', integer=True, positive=True)
    steps = [Step("a", sp.Le(2, m), Algebra()), Step("statement", GOAL, Order(1), ("a",))]
    # (Such a domain is now refused as built; altered after building, it is refused by the kernel's copy.)
    m_domain = altered_domain(kind="integer", lo=sp.S(0), hi=sp.S(1), lo_open=True, hi_open=True)
    return Proof("P3", {"statement": GOAL}, {**DN, m: m_domain}, steps, local=(m,))


def P4_limit_variable_also_free():
    """REJECTED probe: k real in [1, 2] is also the variable of Limit(k/(k+1), k, oo) (binder_problem allows a
    limit's variable to stand free beside it); hoping the cases substitute into the binder. Claim 1 < k is FALSE
    at k = 1. Rejected: 'a limit is left in an algebraic claim' (only the Limit rule takes limits)."""
    k = sp.Symbol('k', real=True, positive=True)
    rel = sp.Lt(sp.Limit(k / (k + 1), k, sp.oo), k, evaluate=False)
    return Proof("P4", {"a": rel}, {k: Domain.real(1, 2)}, [Step("a", rel, Algebra())])


EXPECTED = {
    'A1_unreachable_total_weighed_by_mass': 'cannot sum to 5',
    'A2_total_unreachable_at_some_values': 'cannot sum to t',
    'P1_unreachable_total_explicit_bound': 'cannot sum to 5',
    'P2_local_integer_without_integers': 'a truth value is no statement || an integer range\'s ends are integers as written',
    'P3_integer_open_ends': 'a domain of kind integer sets no lo_open, hi_open',
    'P4_limit_variable_also_free': 'a limit is left in an algebraic claim',
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

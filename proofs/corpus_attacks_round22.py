"""Adversarial corpus for the proof kernel, round 22: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 21. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, 3 of these 5 were
accepted, all of one class, through round 21's fix: its reachability check read integer entries as
reals. One integer entry in [0, 2] summing to t (a value only at t = 1 or 2) let a sign rule call
Sum(floor(v[j])) positive, and 0 < floor(t) followed for t in [1/2, 2] (false at t = 1/2); the
points had refuted that sign claim, but the rule's second route did not ask them again. The
principle that closes it: an integer range's ends are its least and greatest integers, and integer
entries need an integer total. (The sign rule's second route stays: numbers underflow on the sums it
reads, p^(tau^-t), so the points cannot veto it; the assumptions it relies on now have values.) Each
docstring says why the statement is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import altered_domain, checker
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel.rules import Algebra, Order, Rewrite, VectorTotal

library_for, check_attack = checker({})

t = sp.Symbol('t', real=True, positive=True)
v = sp.IndexedBase('v')
j = sp.Symbol('j', integer=True, positive=True)



def _floor_proof(name, t_max, entry):
    """0 < floor(t) for t in [1/2, t_max], from v, one integer entry in ``entry`` summing to t: the sum of
    floor(v[j]) shown positive, equal to floor of the sum, the sum equal to t."""
    S, F = sp.Sum(v[j], (j, 1, 1)), sp.Sum(sp.floor(v[j]), (j, 1, 1))
    goal = sp.Lt(0, sp.floor(t))
    steps = [Step("pos", sp.Lt(0, F), Algebra()),
             Step("id", sp.Eq(F, sp.floor(S)), Algebra()),
             Step("tot", sp.Eq(S, t), VectorTotal()),
             Step("statement", goal, Order(1), ("pos", "id", "tot"))]
    return Proof(name, {"statement": goal},
                 {t: Domain.real(sp.Rational(1, 2), t_max), v: Domain.vector(entry, length=1, total=t)}, steps)

def A1_integer_entries_unreachable_total_floor():
    """Accepted: for every real t in [1/2, 2], 0 < floor(t)   (v: 1 INTEGER entry in [0, 2] summing to t).
    (a) FALSE at t = 1/2 (floor(1/2) = 0; also t = 3/2 is fine but t in [1/2,1) all fail).  v exists only for
    t in {1, 2}: an integer entry cannot sum to 1/2.  The new check length*lo <= total <= length*hi
    (0 <= t <= 2) ignores integrality of the entries.
    (b) 'pos': 0 < Sum(floor(v[j]), (j,1,1)) by Algebra -> is_positive: the point attempt is refuted
    (points put v[1] = t = 1/2), then _weighed_by_mass replaces each v[j] by a Dummy carrying the entries'
    INTEGER flag; xreplace re-evaluates floor(x) -> x, so f >= 0 / f > 0 where x > 0 are 'shown' and the sum
    becomes a positive 'mass'. 'id': Sum(floor(v[j]),(j,1,1)) = floor(Sum(v[j],(j,1,1))) (identity);
    VectorTotal: Sum(v[j]) = t; Order(1): premise rewritten to 0 < floor(t), which is the goal."""
    return _floor_proof("A1", 2, Domain.integer(0, 2))



def A2_noninteger_entry_bounds_floor():
    """Accepted: for every real t in [1/2, 3/2], 0 < floor(t)   (v: 1 entry, an INTEGER in [1/3, 5/3], summing to t).
    (a) FALSE at t = 1/2 (floor = 0) and at every t in [1/2, 1).  The entry range [1/3, 5/3] holds the one
    integer 1, so v exists only at t = 1; the check length*lo <= t <= length*hi reads the entry range as real.
    (b) as A1: _weighed_by_mass substitutes an integer-flagged Dummy, floor(x) -> x, over the entry cases
    (integer range from ceiling(1/3) = 1 to floor(5/3) = 1: {1}) and the 'massive' real (1/3, 5/3]."""
    return _floor_proof("A2", sp.Rational(3, 2), altered_domain(kind="integer", lo=sp.Rational(1, 3), hi=sp.Rational(5, 3)))


def A3_entry_range_without_integers():
    """Accepted: for every real n in [1, 2], 0 < (n - 1)^2   (v: 1 entry, an INTEGER in [1/3, 2/3], summing to 1/2).
    (a) FALSE at n = 1.  Caveat (as round 21's A1): the v-domain is EMPTY (no integer lies in [1/3, 2/3]), so what
    passes is the goal under an assumption with no values -- which check._check since round 21 means to refuse;
    it passes lo <= hi (1/3 <= 2/3) and 1*(1/3) <= 1/2 <= 1*(2/3).
    (b) 'pos': 0 < Sum(floor(v[j]), (j,1,1)) via _weighed_by_mass (integer Dummy: floor(x) -> x; entry cases of
    the integer [1/3, 2/3]: ends ceiling 1, floor 0, reversed -> the real cover of [0, 1]; massive (1/3, 2/3]);
    'id' + VectorTotal rewrite the premise to 0 < floor(1/2) = 0 (a strict premise with gap 0); Order(1) then
    needs only (n - 1)^2 >= 0 for the strict conclusion."""
    n = sp.Symbol('n', real=True)
    S, F = sp.Sum(v[j], (j, 1, 1)), sp.Sum(sp.floor(v[j]), (j, 1, 1))
    goal = sp.Lt(0, (n - 1)**2)
    steps = [Step("pos", sp.Lt(0, F), Algebra()),
             Step("id", sp.Eq(F, sp.floor(S)), Algebra()),
             Step("tot", sp.Eq(S, sp.Rational(1, 2)), VectorTotal()),
             Step("statement", goal, Order(1), ("pos", "id", "tot"))]
    return Proof("A3", {"statement": goal},
                 {n: Domain.real(1, 2),
                  v: Domain.vector(altered_domain(kind="integer", lo=sp.Rational(1, 3), hi=sp.Rational(2, 3)), length=1, total=sp.Rational(1, 2))},
                 steps)


def P1_finite_entries_no_bounds():
    """REJECTED probe: entries finite {0, 2} (no lo/hi, so the reachability check is skipped), length 1,
    total t in [0, 2]; 'q': 0 <= v[1]^2 - 2 v[1] (true on {0, 2}) then Order to 0 <= t^2 - 2t (FALSE at t = 1).
    Rejected at 'q': the points put v[1] = t (they meet the total), refuting at t = 1."""
    tt = sp.Symbol('t', real=True, nonnegative=True)
    S = sp.Sum(v[j], (j, 1, 1))
    goal = sp.Le(0, tt**2 - 2*tt)
    steps = [Step("e1", sp.Eq(v[1], S), Algebra()), Step("e2", sp.Eq(S, tt), VectorTotal()),
             Step("e3", sp.Eq(v[1], tt), Rewrite(), ("e1", "e2")),
             Step("q", sp.Le(0, v[1]**2 - 2*v[1]), Algebra()),
             Step("statement", goal, Order(1), ("q", "e3"))]
    return Proof("P1", {"statement": goal},
                 {tt: Domain.real(0, 2), v: Domain.vector(Domain.finite([0, 2]), length=1, total=tt)}, steps)


def P2_entry_at_fixed_index_floor():
    """REJECTED probe: as A1 but 'q': v[1] <= floor(v[1]) by Algebra (opaque entry Dummy is integer), then
    Order to t <= floor(t) (FALSE at t = 1/2). Rejected at 'q': the points (v[1] = t) refute it first."""
    S = sp.Sum(v[j], (j, 1, 1))
    goal = sp.Le(t, sp.floor(t))
    steps = [Step("e1", sp.Eq(v[1], S), Algebra()), Step("e2", sp.Eq(S, t), VectorTotal()),
             Step("e3", sp.Eq(v[1], t), Rewrite(), ("e1", "e2")),
             Step("q", sp.Le(v[1], sp.floor(v[1])), Algebra()),
             Step("statement", goal, Order(1), ("q", "e3"))]
    return Proof("P2", {"statement": goal},
                 {t: Domain.real(sp.Rational(1, 2), 2), v: Domain.vector(Domain.integer(0, 2), length=1, total=t)}, steps)


EXPECTED = {
    'A1_integer_entries_unreachable_total_floor': 'cannot sum to t',
    'A2_noninteger_entry_bounds_floor': 'cannot sum to t || an integer range\'s ends are integers as written',
    'A3_entry_range_without_integers': 'is not shown (a range with no values) || an integer range\'s ends are integers as written',
    'P1_finite_entries_no_bounds': 'sympy could not show >= 0',
    'P2_entry_at_fixed_index_floor': 'sympy could not show >= 0',
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

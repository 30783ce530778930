"""Adversarial corpus for the proof kernel, round 63: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 62, on that round's leads: a
vector with no length read at non-integer indices (the refuter looks entries up by their integer part, so p[1/2],
p[-1/2] and p[0] share a value at every point), a one-index vector read with two indices, totals near the
entries' bounds (the refuter's points can then leave the domain), a vector of fractional length, and bounds that
read an entry through a sum or a Lambda. ``attacks()`` returns ``(name, build, expected)``. None of the 11 was
accepted when written. From its new lead, a vector's length must now be an integer: 3/2 entries in [0, 1]
summing to 3/2 is no vector at all, an empty domain on which any claim would hold.

**Principle (held):** numbers only refute, so points that alias or leave the domain cost completeness, never
soundness; a domain states what exists, and one that cannot exist is refused.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel import rules as R

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

j = sp.Symbol("j", integer=True, positive=True)
l, p = sp.symbols("l p")
L, P = sp.IndexedBase(l), sp.IndexedBase(p)
HALF = sp.Rational(1, 2)


def _one(name, goal, doms, rule=None, steps=None):
    return Proof(name, {"statement": goal}, doms, steps or [Step("statement", goal, rule or R.Algebra())])


def half_index_alias():
    """FALSE: L[1/2] + L[-1/2] = 2 L[0] for a lengthless vector L with entries in [0, 1]. The kernel admits
    L[1/2] and L[-1/2] as entries (no integrality check without a length), each one value of [0, 1]
    independent of L[0]: L[1/2] = L[-1/2] = 1, L[0] = 0 gives 2 != 0.
    Idea (lead 3): the refuter's vector points key entries by int(index), so L[1/2], L[-1/2] and L[0] are one
    value at every point and the claim is never refuted; only the symbolic side can reject it."""
    goal = sp.Eq(L[HALF] + L[-HALF], 2 * L[0])
    return _one("half_index_alias", goal, {L: Domain.vector(Domain.real(0, 1))})


x = sp.Symbol("x")


def real_index_alias():
    """FALSE: L[x] >= L[0] for x real in [0, 1) and L lengthless with entries in [0, 1]: L[x] is admitted as an
    entry (independent of L[0]); L[x] = 0, L[0] = 1 is a counterexample. Every point has int(x) = 0, so L[x] and
    L[0] alias and no point refutes; the sign must come from the entries' cases."""
    goal = sp.Ge(L[x], L[0])
    return _one("real_index_alias", goal, {L: Domain.vector(Domain.real(0, 1)),
                                           x: Domain.real(0, 1, hi_open=True)})


def real_index_vector_total_lengthless():
    """FALSE (ill-formed): Sum_{j=1}^{2} L[j] = 1 by VectorTotal for a lengthless vector with a total (no length:
    the total has no range). Checks that the lengthless total is refused (length >= 1 needed)."""
    goal = sp.Eq(sp.Sum(L[j], (j, 1, 2)), 1)
    return _one("real_index_vector_total_lengthless", goal, {L: Domain.vector(Domain.real(0, 1), None, 1)},
                R.VectorTotal())


PROB = Domain.vector(Domain.real(0, 1), 2, 1)


def two_index_sum_bound():
    """FALSE: P[1, 2] + P[2, 1] <= 1 for a probability vector P of length 2: the kernel reads each two-index entry
    as one independent value of [0, 1], so P[1, 2] = P[2, 1] = 1 gives 2 > 1 (lead 4: a one-index vector read with
    two indices). Would be accepted only if some reader took the two-index entries for P[1], P[2] (total 1)."""
    goal = sp.Le(P[1, 2] + P[2, 1], 1)
    return _one("two_index_sum_bound", goal, {P: PROB})


def two_index_total_rewrite():
    """FALSE: P[1, 1] + P[2, 1] = 1 (by Rewrite(source=True) from VectorTotal's Sum P[j] = 1): the premise is about
    P[1] + P[2], the conclusion about other (two-index) entries. Counterexample: P[1,1] = P[2,1] = 0.
    Idea: Order rewrites with the equality; does a rewrite of P[j] reach P[j, 1]?"""
    S = sp.Sum(P[j], (j, 1, 2))
    goal = sp.Eq(P[1, 1] + P[2, 1], 1)
    return Proof("two_index_total_rewrite", {"statement": goal}, {P: PROB}, [
        Step("total", sp.Eq(S, 1), R.VectorTotal()),
        Step("statement", goal, R.Rewrite(source=True), ("total",))])


NEAR = Domain.vector(Domain.real(0, 1), 2, sp.Rational(19, 10))


def near_bound_total_sign():
    """FALSE: P[1] > 9/10 for entries in [0, 1], length 2, total 19/10 (so P[1] in [9/10, 1]): at P = (9/10, 1)
    it fails (equality). Idea (lead 1): the refuter's points r/sum(raw) * 19/10 fall outside [0, 1] (e.g.
    (19/10, 0)), and the cases drop the total; a false claim failing only at the boundary of the reachable set."""
    goal = sp.Gt(P[1], sp.Rational(9, 10))
    return _one("near_bound_total_sign", goal, {P: NEAR})


def near_bound_total_mass():
    """FALSE: Sum_j P[j] (P[j] - 19/20) > 0 for entries in [0, 1], length 2, total 19/10: at P = (19/20, 19/20)
    the sum is 0. Over the reachable set (entries in [9/10, 1]) the summand is >= -1/40; the mass rule reads the
    entries over the whole [0, 1] and the refuter's points are off the domain."""
    goal = sp.Gt(sp.Sum(P[j] * (P[j] - sp.Rational(19, 20)), (j, 1, 2)), 0)
    return _one("near_bound_total_mass", goal, {P: NEAR})


def near_bound_total_order():
    """FALSE: P[2] >= 1 for entries in [0, 1], length 2, total 19/10: at P = (1, 9/10) it fails.
    Through VectorTotal, Rewrite to P[1] + P[2] = 19/10, then Order with P[1] <= 1 should give P[2] >= 9/10 only;
    the step claims P[2] >= 1."""
    S = sp.Sum(P[j], (j, 1, 2))
    goal = sp.Ge(P[2], 1)
    return Proof("near_bound_total_order", {"statement": goal}, {P: NEAR}, [
        Step("total", sp.Eq(S, sp.Rational(19, 10)), R.VectorTotal()),
        Step("open", sp.Eq(P[1] + P[2], sp.Rational(19, 10)), R.Rewrite(source=True), ("total",)),
        Step("first", sp.Le(P[1], 1), R.Algebra()),
        Step("statement", goal, R.Order(), ("first", "open"))])


def fractional_length_total():
    """VACUOUS/ill-formed: a vector of length 3/2 (not an integer; the domain is accepted) with entries in [0, 1]
    and total 3/2. Its one admissible index is 1, so P[1] = 3/2 against P[1] <= 1: no such vector. Claim P[1] > 1
    (false for every entry value in [0, 1]) through VectorTotal over 1..3/2. Checks whether the non-integer length
    lets the total be read."""
    S = sp.Sum(P[j], (j, 1, sp.Rational(3, 2)))
    goal = sp.Gt(P[1], 1)
    return Proof("fractional_length_total", {"statement": goal},
                 {P: Domain.vector(Domain.real(0, 1), sp.Rational(3, 2), sp.Rational(3, 2))}, [
                     Step("total", sp.Eq(S, sp.Rational(3, 2)), R.VectorTotal()),
                     Step("statement", goal, R.Algebra(), ("total",))])


def total_reads_entry_through_sum():
    """FALSE (self-referential, target 2): total = 1 + Sum_{k=1}^{1} P[k] (P[1] through a sum, not a bare
    Indexed). Then P[2] = 1 + ... forced to 1 with P[1] free: claim P[2] > 1 is false (P[2] = 1). Checks that
    the new 'reads a vector's entries' check sees entries inside a Sum."""
    k = sp.Symbol("k", integer=True, positive=True)
    goal = sp.Gt(P[2], 1)
    return _one("total_reads_entry_through_sum", goal,
                {P: Domain.vector(Domain.real(0, 1), 2, 1 + sp.Sum(P[k], (k, 1, 1)))})


def total_reads_entry_through_lambda():
    """FALSE (self-referential, target 2): total = 1 + Lambda(y, P[y])(1) written unevaluated (a Subs):
    Subs(P[y], y, 1) = P[1]. Claim P[2] > 1, false at P = (0, 1). Checks the check sees an entry under Subs."""
    y = sp.Symbol("y", integer=True, positive=True)
    goal = sp.Gt(P[2], 1)
    return _one("total_reads_entry_through_lambda", goal,
                {P: Domain.vector(Domain.real(0, 1), 2, 1 + sp.Subs(P[y], y, 1))})


EXPECTED = {
    "half_index_alias": "sympy could not reduce lhs - rhs to 0",
    "real_index_alias": "sympy could not show >= 0",
    "real_index_vector_total_lengthless": "not a vector parameter with a total over its whole range",
    "two_index_sum_bound": "sympy could not show >= 0",
    "two_index_total_rewrite": "the rewritten relation is not the premise",
    "near_bound_total_sign": "sympy could not show > 0",
    "near_bound_total_mass": "sympy could not show > 0",
    "near_bound_total_order": "sympy could not show >= 0",
    "fractional_length_total": "a vector's length must be an integer, not 3/2",
    "total_reads_entry_through_sum": "the domain of p reads a vector's entries",
    "total_reads_entry_through_lambda": "Subs is not a node the kernel reads",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

"""Adversarial corpus for the proof kernel, round 61: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 60's fix (no binder named as a
vector's label), on the rest of the class "one name, two things": true premises rewritten into sums whose indices
are named as the vectors' labels (the same symbol, and one of the same name with other flags), domain bounds
written with such a sum (no relation check read a domain's bounds), and a law's state variable named as a vector
parameter. ``attacks()`` returns ``(name, build, expected)``. None of the 4 was accepted when written; two probes
(true instances of axioms whose values are named as the schema's own bound variables) are left out. From this
round's leads, a domain's bounds now get the binder checks a relation gets, and an axiom's value may not hold the
schema's own bound variables (before, only the relation's were excluded).

**Principle (held):** a rewriting never moves a term under a binder of a name it holds; the kernel's random
quantities are named by strings, which no substitution of a symbol reaches.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.corpus_attacks_round57 import g
from modelcollapse.proofs.kernel import Domain, Law, Proof, Rand, StateVar, Step
from modelcollapse.proofs.kernel import rules as R

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

p, q, t, u = sp.symbols("p q t u")
j = sp.Symbol("j", integer=True, positive=True)
P, Q = sp.IndexedBase(p), sp.IndexedBase(q)
SP, SQ = sp.Sum(P[j], (j, 1, 2)), sp.Sum(Q[j], (j, 1, 2))
DOMS = {P: Domain.vector(Domain.real(0, 1), 2, 1), Q: Domain.vector(Domain.real(0, 2), 2, 3),
        t: Domain.finite([1]), u: Domain.finite([3])}


def rewrite_into_label_binder():
    """FALSE: Sum(t, (p, 1, 2)) = Sum(u, (q, 1, 2)) with t = 1, u = 3 (2 != 6).
    Idea (target 1): the goal has no vector, so binder_problem sees no label; the premises t = P[1] + P[2] and
    u = Q[1] + Q[2] (true: P sums to 1, Q to 3) bring P and Q in by Rewrite, under binders named p and q, their
    labels. If Rewrite let them in, explicit would write both sides as 1[1] + 1[2] + 2[1] + 2[2]."""
    goal = sp.Eq(sp.Sum(t, (p, 1, 2)), sp.Sum(u, (q, 1, 2)))
    return Proof("rewrite_into_label_binder", {"statement": goal}, DOMS, [
        Step("tp", sp.Eq(SP, 1), R.VectorTotal()),
        Step("tq", sp.Eq(SQ, 3), R.VectorTotal()),
        Step("et", sp.Eq(t, SP), R.Rewrite(), ("tp",)),
        Step("eu", sp.Eq(u, SQ), R.Rewrite(), ("tq",)),
        Step("statement", goal, R.Rewrite(), ("et", "eu"))])


pI, qI = sp.Symbol("p", integer=True), sp.Symbol("q", integer=True)


def rewrite_into_label_binder_flags():
    """FALSE: as rewrite_into_label_binder (2 != 6), the binders p and q now integer symbols: equal to the labels in
    name, not to sympy. Idea: _guard_binders compares by sympy equality, so it lets the entries in; does any reader
    then merge the two by name (it should not: sympy substitutes by equality too)."""
    goal = sp.Eq(sp.Sum(t, (pI, 1, 2)), sp.Sum(u, (qI, 1, 2)))
    return Proof("rewrite_into_label_binder_flags", {"statement": goal}, DOMS, [
        Step("tp", sp.Eq(SP, 1), R.VectorTotal()),
        Step("tq", sp.Eq(SQ, 3), R.VectorTotal()),
        Step("et", sp.Eq(t, SP), R.Rewrite(), ("tp",)),
        Step("eu", sp.Eq(u, SQ), R.Rewrite(), ("tq",)),
        Step("statement", goal, R.Rewrite(), ("et", "eu"))])


x, y = sp.symbols("x y", real=True)


def domain_bound_label_index():
    """FALSE: x = y where x's domain is [P[1] + P[2], P[1] + P[2]] = {1} and y's is [Q[1] + Q[2], Q[1] + Q[2]] = {3},
    the bounds written Sum(P[p], (p, 1, 2)) and Sum(Q[q], (q, 1, 2)) (index named as the label).
    Idea: relation_problem (and so binder_problem) is never applied to a domain's bounds; sympy reads both bounds as
    1[1] + 2[2] if it puts the index in before the vector's case."""
    bp, bq = sp.Sum(P[p], (p, 1, 2)), sp.Sum(Q[q], (q, 1, 2))
    doms = {P: DOMS[P], Q: DOMS[Q], x: Domain.real(bp, bp), y: Domain.real(bq, bq)}
    goal = sp.Eq(x, y)
    return Proof("domain_bound_label_index", {"statement": goal}, doms, [Step("statement", goal, R.Algebra())])




def law_state_named_as_vector():
    """FALSE: Rand(p, g) = 0 for every g, where the state p starts at P[1] in [1, 2] and is kept (p_{g+1} = p_g):
    p_g = P[1] >= 1. Idea (target 2): the state variable's name is the vector parameter's label ("p"); does any
    reader (opaque, cases, StateInduction) merge Rand(p, g) with P's label. Expected refused."""
    law = Law("named", g, {P: Domain.vector(Domain.real(1, 2), 2)},
              (StateVar("p", P[1], Rand("p", g), Domain.real(1, 2)),), ())
    goal = sp.Eq(Rand("p", g), 0)
    doms = {g: Domain.integer(0), P: Domain.vector(Domain.real(1, 2), 2)}
    return Proof("law_state_named_as_vector", {"statement": goal}, doms,
                 [Step("statement", goal, R.StateInduction("p"))], law)


EXPECTED = {
    "rewrite_into_label_binder": "under a binder of ['p'] is not allowed",
    "rewrite_into_label_binder_flags": "sympy could not reduce lhs - rhs to 0",
    "domain_bound_label_index": "the domain of x: the index p of Sum(p[p], (p, 1, 2)) is named as a vector's label",
    "law_state_named_as_vector": "F at 0 is not the initial value",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

"""Adversarial corpus for the proof kernel, round 60: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 59's two fixes (an integer update
read as a polynomial in its own symbols; no vector sharing its name with another declared symbol). The integer
fix held against some 55 updates (gamma and binomials of fractions, Max with pi, powers with fractional
exponents). **Four false statements were accepted when written**, 1 = 3 among them, through a hole of the kind
round 59 closed for declared symbols: *an index named as a vector's label.* Sum(p[p], (p, 1, 2)) binds the label
of the vector it sums. The total rule read it as p[1] + p[2]; sympy, putting the index in, put it into the label
too, so every such sum became IndexedBase(1)[1] + IndexedBase(2)[2] whatever the vector, and two sums over
different vectors were one. No check saw it: the label was bound, not free. Now no sum, product, integral, limit
or Lambda may bind a variable named as a vector's label in the expression. ``attacks()`` returns
``(name, build, expected)``; the three integer-state probes are kept, rejected as before.

**Principle:** a name denotes one thing in a relation too, bound or free.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.corpus_attacks_round57 import g
from modelcollapse.proofs.kernel import Domain, Law, Proof, Rand, StateVar, Step
from modelcollapse.proofs.kernel import rules as R

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

# --- Finding: a Sum whose index is the label of the vector it sums ------------------------------------------
# P = IndexedBase(p), and Sum(P[p], (p, 1, 2)). relation_problem looks for a label that "also stands alone" only
# among the relation's FREE symbols (_alone), and binder_problem only asks that the index is not free elsewhere:
# a label bound by the sum is seen by neither. The kernel then reads the one expression two ways:
#  - VectorTotal (and the natural reading) read it as P[1] + P[2], the vector's total;
#  - sympy's substitution of the index (explicit, doit, the refuter's evaluation) also replaces the label:
#    Sum(P[p], (p, 1, 2)) becomes IndexedBase(1)[1] + IndexedBase(2)[2], whatever the vector P is.
# So two sums over two different vectors are "identical" to Algebra (explicit gives the same text; the
# refuter's points evaluate both to the same unevaluable 1[1] + 2[2], their difference to 0).

p, q = sp.Symbol("p"), sp.Symbol("q")
P, Q = sp.IndexedBase(p), sp.IndexedBase(q)
SP, SQ = sp.Sum(P[p], (p, 1, 2)), sp.Sum(Q[q], (q, 1, 2))
DOMS = {P: Domain.vector(Domain.real(0, 1), 2, 1), Q: Domain.vector(Domain.real(0, 2), 2, 3)}


def label_index_one_is_three():
    """FALSE: 1 = 3 (Eq(1, 3), unevaluated).
    Idea: P (entries in [0, 1], 2 of them, total 1) and Q (entries in [0, 2], 2 of them, total 3), each summed by a
    Sum whose index is its own label. VectorTotal gives Sum(P[p], (p,1,2)) = 1 and Sum(Q[q], (q,1,2)) = 3 (true);
    Algebra gives Sum(P[p], (p,1,2)) = Sum(Q[q], (q,1,2)) (false: 1 != 3; sympy reads both as 1[1] + 2[2]);
    Rewrite (source) turns the latter into Eq(1, 3) by the former two."""
    goal = sp.Eq(sp.Integer(1), sp.Integer(3), evaluate=False)
    return Proof("label_index_one_is_three", {"statement": goal}, DOMS, [
        Step("tp", sp.Eq(SP, 1), R.VectorTotal()),
        Step("tq", sp.Eq(SQ, 3), R.VectorTotal()),
        Step("eq", sp.Eq(SP, SQ), R.Algebra()),
        Step("statement", goal, R.Rewrite(source=True), ("tp", "tq", "eq"))])


def label_index_sums_equal():
    """FALSE: P[1] + P[2] = Q[1] + Q[2], written Eq(Sum(P[p], (p, 1, 2)), Sum(Q[q], (q, 1, 2))), for P with entries
    in [0, 1] summing to 1 and Q with entries in [0, 2] summing to 3 (every admissible point: 1 != 3; e.g.
    P = (1/2, 1/2), Q = (3/2, 3/2)).
    Idea: one Algebra step; sympy substitutes the index into the label too, so both sides are 1[1] + 2[2]."""
    goal = sp.Eq(SP, SQ)
    return Proof("label_index_sums_equal", {"statement": goal}, DOMS, [Step("statement", goal, R.Algebra())])


pi_, qi = sp.Symbol("p", integer=True), sp.Symbol("q", integer=True)
PI, QI = sp.IndexedBase(pi_), sp.IndexedBase(qi)


def label_index_integer_entries():
    """FALSE: Sum over p = 1..2 of P[p] equals Sum over q = 1..2 of Q[q], for P with integer entries in [-2, -1]
    and Q with integer entries in [1, 2] (left <= -2 < 2 <= right).
    Idea: as label_index_sums_equal, labels and indices integer symbols (no totals needed)."""
    goal = sp.Eq(sp.Sum(PI[pi_], (pi_, 1, 2)), sp.Sum(QI[qi], (qi, 1, 2)))
    doms = {PI: Domain.vector(Domain.integer(-2, -1), 2), QI: Domain.vector(Domain.integer(1, 2), 2)}
    return Proof("label_index_integer_entries", {"statement": goal}, doms, [Step("statement", goal, R.Algebra())])


def label_index_sign():
    """FALSE: Sum(P[p], (p, 1, 2)) >= 0 for P with integer entries in [-2, -1] (the sum is at most -2).
    Idea: a sign, not an identity: sympy knows no sign of 1[1] + 2[2]. Expected rejected."""
    goal = sp.Ge(sp.Sum(PI[pi_], (pi_, 1, 2)), 0)
    doms = {PI: Domain.vector(Domain.integer(-2, -1), 2)}
    return Proof("label_index_sign", {"statement": goal}, doms, [Step("statement", goal, R.Algebra())])


# --- probes of the round-59 fix of _integer_valued (expected rejected) -------------------------------------
x = lambda gen: Rand("x", gen)  # noqa: E731


def _int_law(name, step, init=0):
    return Law(name, g, {}, (StateVar("x", sp.Integer(init), step, Domain.integer(0)),), ())


def int_state_gamma_half():
    """FALSE: x_0 = 1, x_{g+1} = gamma(x_g + 1/2) (x_1 = gamma(3/2) = sqrt(pi)/2); claim floor(x_g) = x_g.
    At g = 1: floor(0.886) = 0 != 0.886. Idea: a gamma of a half-integer read as an integer. Expected rejected."""
    law = _int_law("gamma_half", sp.gamma(x(g) + sp.Rational(1, 2)), 1)
    goal = sp.Eq(sp.floor(x(g)), x(g))
    return Proof("int_state_gamma_half", {"statement": goal}, {g: Domain.integer(0)}, [Step("s", goal, R.Algebra())], law)


def int_state_max_pi():
    """FALSE: x_0 = 0, x_{g+1} = Max(x_g, pi) (x_1 = pi); claim floor(x_g) = x_g. At g = 1: 3 != pi.
    Idea: Max of an integer and a constant. Expected rejected."""
    law = _int_law("max_pi", sp.Max(x(g), sp.pi))
    goal = sp.Eq(sp.floor(x(g)), x(g))
    return Proof("int_state_max_pi", {"statement": goal}, {g: Domain.integer(0)}, [Step("s", goal, R.Algebra())], law)


def int_state_binomial_half():
    """FALSE: x_0 = 2, x_{g+1} = x_g + binomial(x_g, 1/2) (binomial(2, 1/2) = 32/(15 pi), not an integer); claim
    floor(x_g) = x_g. Idea: binomial with a non-integer order. Expected rejected."""
    law = _int_law("binom_half", x(g) + sp.binomial(x(g), sp.Rational(1, 2)), 2)
    goal = sp.Eq(sp.floor(x(g)), x(g))
    return Proof("int_state_binomial_half", {"statement": goal}, {g: Domain.integer(0)}, [Step("s", goal, R.Algebra())], law)




def label_index_products_equal():
    """FALSE: P[1] P[2] = Q[1] Q[2], written with products whose index is the vector's own label, for P with entries
    in [1, 2] and Q with entries in [3, 4] (the left is at most 4, the right at least 9)."""
    doms = {P: Domain.vector(Domain.real(1, 2), 2), Q: Domain.vector(Domain.real(3, 4), 2)}
    goal = sp.Eq(sp.Product(P[p], (p, 1, 2)), sp.Product(Q[q], (q, 1, 2)))
    return Proof("label_index_products_equal", {"statement": goal}, doms, [Step("statement", goal, R.Algebra())])


EXPECTED = {
    "label_index_one_is_three": "the index p of Sum(p[p], (p, 1, 2)) is named as a vector's label",
    "label_index_sums_equal": "the index p of Sum(p[p], (p, 1, 2)) is named as a vector's label",
    "label_index_integer_entries": "the index p of Sum(p[p], (p, 1, 2)) is named as a vector's label",
    "label_index_sign": "the index p of Sum(p[p], (p, 1, 2)) is named as a vector's label",
    "label_index_products_equal": "the index p of Product(p[p], (p, 1, 2)) is named as a vector's label",
    "int_state_gamma_half": "is not shown integer",
    "int_state_max_pi": "is not shown integer",
    "int_state_binomial_half": "is not shown integer",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

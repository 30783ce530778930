"""Adversarial corpus for the proof kernel, round 7: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source, aimed at what round 6 did not
reach. ``attacks()`` returns ``(name, build, expected)`` as in the earlier rounds. When written, 18 of
these 30 were accepted, by class:

* M 2: the "some entry carries mass" argument opened the mass interval at the entries' lower bound,
  not at 0 (Sum (p_j - 1/2) > 0 for entries in [1/2, 1] summing to 1, where p = (1/2, 1/2));
* U 2: the definedness walk renamed binders by rebuilding the relation with evaluation on, so an
  unevaluated Eq(S, S) holding a Sum became sympy's True and nothing was checked;
* V 2: the definedness memo keyed a node by its own symbols' domains, not by the outer indices'
  ranges those name, so a harmless occurrence vouched for a harmful one;
* C 2: axiom side conditions were built with evaluation on, and sympy's uncertified sign of a hidden
  zero settled 1/z^2 > 0 (I(z S_0; S_1) = log(2)/2 with z = log 6 - log 2 - log 3 = 0);
* R 4: indices bound by a sum were never checked against the vector's length or the law's range;
* L 2: a sum's limits were never walked for definedness;
* B 3: Rewrite rebuilt And/Implies with evaluation on and ``decide`` accepted sympy's True (a bare
  w^2 > 0 with w = sqrt 2 + sqrt 3 - sqrt(5 + 2 sqrt 6) = 0, by Detach);
* i 1: the variance definition of a Cauchy quantity (round 6's i3, with a chi-square law).

The principles that close them: a check runs on the very object the rule receives, rebuilt with
evaluation off; no claim is settled by sympy's constructor (conditions are built unevaluated and a
truth value is refused); a memoised verdict is keyed by the whole space it was reached in; every
node of the tree carries its obligations, a sum's limits and an entry's index included; the
variance definition needs E(Y^2) shown finite. The 12 entries that were rejected when written are
probes of the same boundaries. Each docstring says why the statement is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import E, Domain, Draw, Law, Proof, Rand, StateVar, Step, Var
from modelcollapse.proofs.kernel.rules import Algebra, AxiomInstance, Detach, Rewrite
from modelcollapse.proofs.kernel.terms import MutualInfo

library_for, check_attack = checker({})
ATTACKS = []


def attack(fn):
    ATTACKS.append(fn)
    return fn


HALF = sp.Rational(1, 2)
n = sp.Symbol("n", integer=True, positive=True)
i, j = sp.symbols("i j", integer=True)
p = sp.IndexedBase("p", positive=True)


# ---------------------------------------------------------------------------------------------
# Class M: the "mass" argument of decide._weighed_by_mass opens the mass interval at the entries'
# lower bound instead of at 0.
# ---------------------------------------------------------------------------------------------

@attack
def M1_mass_at_lower_bound():
    """(a) False: Sum_{j=1}^{2} (p[j] - 1/2) > 0 for p a vector of 2 entries in [1/2, 1] summing to 1.
    The only point of the domain is p = (1/2, 1/2), where the sum is 0.
    (b) Weakness: _weighed_by_mass replaces the sum by a positive symbol once f >= 0 on the entry domain and
    f > 0 on (lo, hi] with lo the ENTRY's lower bound (1/2); a positive total only guarantees some entry > 0,
    not some entry > lo. The numerical refutation also samples the vector ignoring the entry bounds."""
    doms = {p: Domain.vector(Domain.real(HALF, 1), 2, 1)}
    rel = sp.Gt(sp.Sum(p[j] - HALF, (j, 1, 2)), 0)
    return Proof("M1", {"goal": rel}, doms, [Step("s", rel, Algebra())])


@attack
def M2_mass_symbolic_total():
    """(a) False: Sum_{j=1}^{n} (p[j] - 1/2) > 0 for n >= 1, c in [0, 1/2], p with n entries in [1/2, 1]
    summing to n/2 + c. At c = 0 (any n), every entry is 1/2 and the sum is 0.
    (b) Same weakness as M1 (mass interval opened at the entry's lower bound)."""
    c = sp.Symbol("c", real=True)
    doms = {n: Domain.integer(1), c: Domain.real(0, HALF), p: Domain.vector(Domain.real(HALF, 1), n, n / 2 + c)}
    rel = sp.Gt(sp.Sum(p[j] - HALF, (j, 1, n)), 0)
    return Proof("M2", {"goal": rel}, doms, [Step("s", rel, Algebra())])


@attack
def M3_entries_from_zero():
    """Probe (expected REJECTED): Sum_{j=1}^{2} p[j] - 1/2 > 0 with entries in [0, 1], total 1 (false at
    p = (1/2, 1/2)... here f = p - 1/2 is not >= 0 on [0, 1], so the mass argument does not apply)."""
    q = sp.IndexedBase("q", nonnegative=True)
    doms = {q: Domain.vector(Domain.real(0, 1), 2, 1)}
    rel = sp.Gt(sp.Sum(q[j] - HALF, (j, 1, 2)), 0)
    return Proof("M3", {"goal": rel}, doms, [Step("s", rel, Algebra())])


# ---------------------------------------------------------------------------------------------
# Class U: decide.undefined runs fresh_binders, whose .replace rebuilds the relation; an unevaluated
# Eq(X, X, evaluate=False) holding a Sum is rebuilt into sympy's True, so NO definedness is checked.
# ---------------------------------------------------------------------------------------------

S_BAD = sp.Sum(1 / (j - 2), (j, 1, n))


@attack
def U1_undefined_sum_reflexive():
    """(a) False (undefined): Eq(S, S) with S = Sum_{j=1}^{n} 1/(j - 2), n >= 1: at n = 2 the term j = 2 is
    1/0, so the statement is undefined.
    (b) Weakness: undefined() first applies fresh_binders, whose .replace rebuilds Eq(S', S') with
    evaluation on: it becomes sympy's True and the definedness walk sees nothing. The rule (Algebra)
    is given the original unevaluated Eq and reduces S - S to 0."""
    rel = sp.Eq(S_BAD, S_BAD, evaluate=False)
    return Proof("U1", {"goal": rel}, {n: Domain.integer(1)}, [Step("s", rel, Algebra())])


@attack
def U2_undefined_product_relation():
    """(a) False (undefined): Eq(P, P) with P = Product_{j=1}^{n} (j - 1)/(j - 3), n >= 1: at n = 3 the factor
    j = 3 is 2/0, so the statement is undefined (and at every n >= 3).
    (b) Same weakness as U1: fresh_binders rebuilds the unevaluated Eq into True before the walk."""
    P = sp.Product((j - 1) / (j - 3), (j, 1, n))
    rel = sp.Eq(P, P, evaluate=False)
    return Proof("U2", {"goal": rel}, {n: Domain.integer(1)}, [Step("s", rel, Algebra())])


@attack
def U3_no_sum():
    """Probe (expected REJECTED): Eq(1/(n - 2), 1/(n - 2)) unevaluated: with no Sum, fresh_binders does not
    rebuild the relation and the definedness check sees the pole."""
    rel = sp.Eq(1 / (n - 2), 1 / (n - 2), evaluate=False)
    return Proof("U3", {"goal": rel}, {n: Domain.integer(1)}, [Step("s", rel, Algebra())])


@attack
def U4_inequality():
    """Probe (expected REJECTED): Ge(S^2, 0) unevaluated: sympy cannot settle it, so it is not rebuilt
    into True and the pole is seen."""
    rel = sp.Ge(S_BAD ** 2, 0, evaluate=False)
    return Proof("U4", {"goal": rel}, {n: Domain.integer(1)}, [Step("s", rel, Algebra())])


# ---------------------------------------------------------------------------------------------
# Class V: the definedness memo of decide.undefined keys a node by the domains of ITS free symbols
# only; a summation index's domain integer(1, i) names an outer index i whose range is not in the key.
# ---------------------------------------------------------------------------------------------

INNER = sp.Sum(1 / (j - 2), (j, 1, i))
A_OK = sp.Sum(i * INNER, (i, 1, 1))      # i = 1 only: j = 1 only, defined
B_BAD = sp.Sum(i * INNER, (i, 1, n))     # i = 2 meets j = 2: 1/0


@attack
def V1_memo_outer_range():
    """(a) False (undefined): Eq(A + B, B + A + ((n+1)^2 - n^2 - 2n - 1)) with
    A = Sum_{i=1}^{1} i Sum_{j=1}^{i} 1/(j-2) and B = Sum_{i=1}^{n} i Sum_{j=1}^{i} 1/(j-2), n >= 1.
    At n = 2, B holds the term i = 2, j = 2: 1/0.
    (b) Weakness: undefined()'s memo key for the node 1/(j-2) is (node, domains of j) = integer(1, i) in both
    sums; i's range (1..1 in A, 1..n in B) is not in the key, so A's verdict (defined) is reused for B.
    (fresh_binders gives i and j the same dummies in both sums.)"""
    rel = sp.Eq(A_OK + B_BAD, B_BAD + A_OK + (n + 1) ** 2 - n ** 2 - 2 * n - 1)
    return Proof("V1", {"goal": rel}, {n: Domain.integer(1)}, [Step("s", rel, Algebra())])


@attack
def V2_memo_outer_range_inequality():
    """(a) False (undefined): A + B + n^2 - n >= A + B (A, B as in V1; undefined at n = 2).
    (b) Same weakness as V1."""
    rel = sp.Ge(A_OK + B_BAD + n ** 2 - n, A_OK + B_BAD)
    return Proof("V2", {"goal": rel}, {n: Domain.integer(1)}, [Step("s", rel, Algebra())])


@attack
def V3_without_A():
    """Probe (expected REJECTED): B + n^2 - n >= B alone: with no earlier harmless occurrence in the memo,
    the pole j = 2 is seen."""
    rel = sp.Ge(B_BAD + n ** 2 - n, B_BAD)
    return Proof("V3", {"goal": rel}, {n: Domain.integer(1)}, [Step("s", rel, Algebra())])


# ---------------------------------------------------------------------------------------------
# Class C: an axiom's side conditions are instantiated with xreplace, which re-evaluates the relation;
# sympy's relational evaluation of a numeric expression is not certified (it "decides" a hidden zero),
# and rules.decide returns at once when the condition is sympy's True.
# ---------------------------------------------------------------------------------------------

g = sp.Symbol("g", integer=True, nonnegative=True)
S0, S1 = Rand("S", 0), Rand("S", 1)
# S_0 = P (a random start, P ~ N(0, 1)); S_{g+1} = S_g + D_g, D_g ~ N(0, 1): I(S_0; S_1) = log(2)/2 > 0.
CHAIN = Law("chain", g, {}, (StateVar("S", Rand("P", 0), Rand("S", g) + Rand("D", g), Domain.real()),),
            (Draw("D", "Normal", (0, 1)),), start=(Draw("P", "Normal", (0, 1)),))
ZERO = sp.log(6) - sp.log(2) - sp.log(3)      # exactly 0, not simplified by sympy
_Y, _a, _b, _X = sp.symbols("Y a b X")
CHAIN_INFO = sp.Eq(MutualInfo(S0, S1), sp.log(2) / 2)


def _scaling_proof(name, a):
    scal = sp.Eq(MutualInfo(a * S0, S1), MutualInfo(S0, S1))
    goal = sp.Eq(MutualInfo(a * S0, S1), sp.log(2) / 2)
    steps = [Step("chain", CHAIN_INFO, AxiomInstance("gaussian_chain_information", {_Y: S1})),
             Step("scal", scal, AxiomInstance("mutual_information_scaling", {_X: S0, _Y: S1, _a: a, _b: 1})),
             Step("goal", goal, Rewrite(source=True), ("chain", "scal"))]
    return Proof(name, {"goal": goal}, {g: Domain.integer(0)}, steps, CHAIN)


@attack
def C1_scaling_by_hidden_zero():
    """(a) False: I(z S_0; S_1) = log(2)/2 with z = log 6 - log 2 - log 3 = 0, under the law S_0 = P ~ N(0,1)
    (a start draw), S_{g+1} = S_g + D_g, D_g ~ N(0,1). z S_0 = 0 is a constant, so I(z S_0; S_1) = 0.
    (b) Weakness: the side condition 1/a^2 > 0 of mutual_information_scaling is built by xreplace, which
    evaluates Gt(1/z^2, 0); sympy answers True (it cannot see that z = 0), and rules.decide accepts a
    condition that is sympy's True without any check. The relation I(a X; b Y) = I(X; Y) has no node whose
    definedness would catch a = 0 (MutualInfo carries no obligation). The instance is then chained with a
    (correct) gaussian_chain_information instance read off the random start."""
    return _scaling_proof("C1", ZERO)


@attack
def C2_scaling_by_hidden_zero_alone():
    """(a) False: I(z S_0; S_1) = I(S_0; S_1) with z = log 6 - log 2 - log 3 = 0 (lhs 0, rhs log(2)/2).
    (b) Same weakness as C1 (the condition evaluated to True at construction)."""
    rel = sp.Eq(MutualInfo(ZERO * S0, S1), MutualInfo(S0, S1))
    steps = [Step("s", rel, AxiomInstance("mutual_information_scaling", {_X: S0, _Y: S1, _a: ZERO, _b: 1}))]
    return Proof("C2", {"goal": rel}, {g: Domain.integer(0)}, steps, CHAIN)


@attack
def C3_scaling_literal_zero():
    """Probe (expected REJECTED): the same with a = 0 written as 0 (Gt(zoo, 0) raises)."""
    return _scaling_proof("C3", sp.Integer(0))


@attack
def C4_scaling_by_real_symbol():
    """Probe (expected REJECTED): a = c, c real (false at c = 0): the condition stays symbolic and is decided."""
    c = sp.Symbol("c", real=True)
    rel = sp.Eq(MutualInfo(c * S0, S1), MutualInfo(S0, S1))
    steps = [Step("s", rel, AxiomInstance("mutual_information_scaling", {_X: S0, _Y: S1, _a: c, _b: 1}))]
    return Proof("C4", {"goal": rel}, {g: Domain.integer(0), c: Domain.real()}, steps, CHAIN)


# ---------------------------------------------------------------------------------------------
# Class R: an index bound by a sum or product is never checked against a vector's range 1..length
# (check._outside skips bound indices; decide.undefined does not look at indices at all).
# ---------------------------------------------------------------------------------------------

PV = sp.IndexedBase("p", positive=True)
PDOMS = {n: Domain.integer(1), PV: Domain.vector(Domain.real(0, 1, lo_open=True), n, 1)}


@attack
def R1_entry_zero_of_vector():
    """(a) False (undefined): Sum_{j=0}^{0} p[j] >= 0, i.e. p_0 >= 0, for p a probability vector p_1..p_n
    (entries in (0, 1], n >= 1): p_0 does not exist (index out of range) at every point.
    (b) Weakness: relation_problem checks a vector's indices against 1..length only when they are free
    (`_outside` returns False for an index bound by a Sum); undefined() has no obligation for Indexed nodes.
    Symbolically p[0] carries the base's flag (positive); numerically it is sampled as 0, which refutes
    only strict claims."""
    rel = sp.Ge(sp.Sum(PV[j], (j, 0, 0)), 0, evaluate=False)
    return Proof("R1", {"goal": rel}, PDOMS, [Step("s", rel, Algebra())])


@attack
def R2_sum_from_zero():
    """(a) False (undefined): Sum_{j=0}^{n} p[j] > 0 for p as in R1: the term p_0 is out of range.
    (b) Same weakness as R1."""
    rel = sp.Gt(sp.Sum(PV[j], (j, 0, n)), 0, evaluate=False)
    return Proof("R2", {"goal": rel}, PDOMS, [Step("s", rel, Algebra())])


@attack
def R3_sum_past_length():
    """(a) False (undefined): Sum_{j=1}^{2n} p[j]^2 >= 0 for p as in R1: p_{n+1}..p_{2n} do not exist.
    (b) Same weakness as R1."""
    rel = sp.Ge(sp.Sum(PV[j] ** 2, (j, 1, 2 * n)), 0, evaluate=False)
    return Proof("R3", {"goal": rel}, PDOMS, [Step("s", rel, Algebra())])


@attack
def R6_category_zero_of_normalised_law():
    """(a) False (undefined): Sum_{k=0}^{n} x_{g,k} > 0 under a normalised law x_{g+1,i} = x_{g,i}^2 /
    Sum_{j=1}^{n} x_{g,j}^2 with categories i = 1..n (init p[i], p a probability vector): category 0 does not
    exist, so x_{g,0} is undefined at every point.
    (b) Same weakness as R1 for a random quantity's category index: relation_problem checks a Rand's index
    against the law's index domain only when the index is free; under the Sum the opaque reading makes
    x_{g,k} an entry of an unbounded vector with values in (0, 1]."""
    gg = sp.Symbol("g", integer=True, nonnegative=True)
    ii, jj, kk = sp.Symbol("i", integer=True, positive=True), sp.Symbol("j", integer=True, positive=True), \
        sp.Symbol("k", integer=True)
    pdom = Domain.vector(Domain.real(0, 1, lo_open=True), n, 1)
    law = Law("sel", gg, {n: Domain.integer(1), PV: pdom},
              (StateVar("x", PV[ii], Rand("x", gg, ii) ** 2 / sp.Sum(Rand("x", gg, jj) ** 2, (jj, 1, n)),
                        Domain.real(0, 1, lo_open=True), (ii,)),), (), indices={ii: Domain.integer(1, n)})
    doms = {gg: Domain.integer(0), n: Domain.integer(1), PV: pdom, ii: Domain.integer(1, n)}
    rel = sp.Gt(sp.Sum(Rand("x", gg, kk), (kk, 0, n)), 0, evaluate=False)
    return Proof("R6", {"goal": rel}, doms, [Step("s", rel, Algebra())], law)


@attack
def R4_free_index():
    """Probe (expected REJECTED): p[0] >= 0 written with a free index: relation_problem rejects it."""
    rel = sp.Ge(PV[0], 0, evaluate=False)
    return Proof("R4", {"goal": rel}, PDOMS, [Step("s", rel, Algebra())])


@attack
def R5_strict_single_entry():
    """Probe (expected REJECTED): Sum_{j=0}^{0} p[j] > 0: the sampler sets p_0 = 0 and refutes the strict claim."""
    rel = sp.Gt(sp.Sum(PV[j], (j, 0, 0)), 0, evaluate=False)
    return Proof("R5", {"goal": rel}, PDOMS, [Step("s", rel, Algebra())])


# ---------------------------------------------------------------------------------------------
# Class L: decide.undefined checks that a Sum's/Product's limits are integers (sympy's is_integer) and not
# reversed, but never walks INTO the limits: an undefined node there goes unseen.
# ---------------------------------------------------------------------------------------------

LIM = sp.floor(sp.polygamma(1, n - 1))   # floor(trigamma(n - 1)): at n = 1, trigamma(0) is a pole (zoo)


@attack
def L1_undefined_limit_sum():
    """(a) False (undefined): Sum_{j=L}^{L+2} 1 = 3 with L = floor(polygamma(1, n - 1)), n >= 1: at n = 1,
    polygamma(1, 0) is a pole, so L (and the statement) is undefined.
    (b) Weakness: undefined() visits only e.function of a Sum; the limits are asked is_integer (sympy says True
    for floor of a trigamma, which it believes real) and hi - lo + 1 >= 0 (here 3), never walked for their own
    obligations. The identity itself is then shown by doit()."""
    rel = sp.Eq(sp.Sum(1, (j, LIM, LIM + 2)), 3)
    return Proof("L1", {"goal": rel}, {n: Domain.integer(1)}, [Step("s", rel, Algebra())])


@attack
def L2_undefined_limit_product():
    """(a) False (undefined): Prod_{j=L}^{L+2} 2 = 8, L as in L1 (undefined at n = 1).
    (b) Same weakness as L1, for a Product."""
    rel = sp.Eq(sp.Product(2, (j, LIM, LIM + 2)), 8)
    return Proof("L2", {"goal": rel}, {n: Domain.integer(1)}, [Step("s", rel, Algebra())])


@attack
def L3_limit_also_outside():
    """Probe (expected REJECTED): Sum_{j=L}^{L+1} j = 2L + 1: L also occurs outside the limits, where the
    walk sees polygamma(1, n - 1) and its argument n - 1 that may be 0."""
    rel = sp.Eq(sp.Sum(j, (j, LIM, LIM + 1)), 2 * LIM + 1)
    return Proof("L3", {"goal": rel}, {n: Domain.integer(1)}, [Step("s", rel, Algebra())])


@attack
def L4_floor_reciprocal_limit():
    """Probe (expected REJECTED): the same with L = floor(1/(n - 2)): sympy does not call it an integer."""
    L = sp.floor(1 / (n - 2))
    rel = sp.Eq(sp.Sum(1, (j, L, L + 2)), 3)
    return Proof("L4", {"goal": rel}, {n: Domain.integer(1)}, [Step("s", rel, Algebra())])


# ---------------------------------------------------------------------------------------------
# Class B: Rewrite rebuilds a boolean relation (And/Or/Implies) with sympy's evaluation on, and
# rules.decide accepts it at once when sympy's evaluation returns True (sympy's sign of a numeric
# expression is not certified: Gt(w**2, 0) is True for w = sqrt2 + sqrt3 - sqrt(5 + 2 sqrt6) = 0).
# ---------------------------------------------------------------------------------------------

W0 = sp.sqrt(2) + sp.sqrt(3) - sp.sqrt(5 + 2 * sp.sqrt(6))   # exactly 0 (5 + 2 sqrt6 = (sqrt2 + sqrt3)^2)
TRIVIAL = sp.Eq(sp.sqrt(2), sp.sqrt(2), evaluate=False)       # any accepted equality whose left side occurs
xr = sp.Symbol("x", real=True)
xp = sp.Symbol("x", positive=True)


@attack
def B1_rewrite_boolean_evaluates_true():
    """(a) False: w^2 > 0 and w^4 > 0, with w = sqrt(2) + sqrt(3) - sqrt(5 + 2 sqrt(6)) = 0.
    (b) Weakness: for a relation that is not an Eq or an inequality, Rewrite's _rebuild applies rewrite() to the
    whole relation; xreplace (even of sqrt(2) by itself) rebuilds every node above the match with evaluation
    on, sympy evaluates Gt(w**2, 0) to True (its sign of a numeric expression is not certified), the And
    collapses to True, and decide() returns at once on sympy's True. The definedness check sees nothing
    wrong (w is defined)."""
    rel = sp.And(sp.Gt(W0 ** 2, 0, evaluate=False), sp.Gt(W0 ** 4, 0, evaluate=False))
    steps = [Step("p", TRIVIAL, Algebra()), Step("s", rel, Rewrite(), ("p",))]
    return Proof("B1", {"goal": rel}, {xr: Domain.real()}, steps)


@attack
def B2_rewrite_implication():
    """(a) False: for every real x, x > 0 implies w^2 > 0 (w = 0 as in B1): false at x = 1.
    (b) Same weakness as B1 (Implies rebuilt, consequent evaluated to True)."""
    rel = sp.Implies(sp.Gt(xr, 0), sp.Gt(W0 ** 2, 0, evaluate=False))
    steps = [Step("p", TRIVIAL, Algebra()), Step("s", rel, Rewrite(), ("p",))]
    return Proof("B2", {"goal": rel}, {xr: Domain.real()}, steps)


@attack
def B3_detached_atomic_falsehood():
    """(a) False: w^2 > 0 (w = 0 as in B1), an atomic inequality, no boolean left.
    (b) Weakness of B1/B2, then Detach: Implies(x > 0, w^2 > 0) by the faulty Rewrite, x > 0 by Algebra
    (x positive), and modus ponens gives the bare inequality."""
    cons = sp.Gt(W0 ** 2, 0, evaluate=False)
    imp = sp.Implies(sp.Gt(xp, 0, evaluate=False), cons)
    steps = [Step("p", TRIVIAL, Algebra()), Step("imp", imp, Rewrite(), ("p",)),
             Step("a", sp.Gt(xp, 0, evaluate=False), Algebra()), Step("s", cons, Detach(), ("imp", "a"))]
    return Proof("B3", {"goal": cons}, {xp: Domain.real(0, lo_open=True)}, steps)


@attack
def B4_rewrite_inequality():
    """Probe (expected REJECTED): the bare inequality w^2 > 0 by Rewrite: _rebuild keeps an inequality
    unevaluated and decide() asks the kernel's own sign procedure, which does not show it."""
    rel = sp.Gt(W0 ** 2, 0, evaluate=False)
    steps = [Step("p", TRIVIAL, Algebra()), Step("s", rel, Rewrite(), ("p",))]
    return Proof("B4", {"goal": rel}, {xr: Domain.real()}, steps)


@attack
def B5_algebra_on_boolean():
    """Probe (expected REJECTED): the And of B1 by Algebra: decide() cannot decide an And."""
    rel = sp.And(sp.Gt(W0 ** 2, 0, evaluate=False), sp.Gt(W0 ** 4, 0, evaluate=False))
    return Proof("B5", {"goal": rel}, {xr: Domain.real()}, [Step("s", rel, Algebra())])


# ---------------------------------------------------------------------------------------------
# i3 (known from earlier rounds, still open): the variance definition for a quantity with no mean.
# ---------------------------------------------------------------------------------------------

@attack
def i3_cauchy_variance_definition():
    """(a) False (undefined): Var(Y) = E(Y^2) - E(Y)^2 for Y = D/sqrt(C), D ~ N(0, 1), C ~ ChiSquare(1) (Y is
    standard Cauchy): E(Y) does not exist and E(Y^2) = oo, so the right side is oo - oo.
    (b) Weakness (known): the definition axiom `variance` has no integrability side condition."""
    gg = sp.Symbol("g", integer=True, nonnegative=True)
    law = Law("cauchy", gg, {}, (), (Draw("D", "Normal", (0, 1)), Draw("C", "ChiSquare", (1,))))
    Y = Rand("D", gg) / sp.sqrt(Rand("C", gg))
    rel = sp.Eq(Var(Y), E(Y ** 2) - E(Y) ** 2)
    steps = [Step("s", rel, AxiomInstance("variance", {sp.Symbol("Y"): Y}))]
    return Proof("i3", {"goal": rel}, {gg: Domain.integer(0)}, steps, law)



#: The reason each entry must be rejected for.
EXPECTED = {
    "M1_mass_at_lower_bound": "could not show > 0", "M2_mass_symbolic_total": "could not show > 0",
    "M3_entries_from_zero": "could not show > 0",
    "U1_undefined_sum_reflexive": "_j - 2 may vanish in a denominator",
    "U2_undefined_product_relation": "_j - 3 may vanish in a denominator",
    "U3_no_sum": "n - 2 may vanish in a denominator", "U4_inequality": "_j - 2 may vanish in a denominator",
    "V1_memo_outer_range": "_j - 2 may vanish in a denominator",
    "V2_memo_outer_range_inequality": "_j - 2 may vanish in a denominator",
    "V3_without_A": "_j - 2 may vanish in a denominator",
    "C1_scaling_by_hidden_zero": "side condition (-log(3) - log(2) + log(6))**(-2) > 0 not shown",
    "C2_scaling_by_hidden_zero_alone": "side condition (-log(3) - log(2) + log(6))**(-2) > 0 not shown",
    "C3_scaling_literal_zero": "side condition 0**(-2) > 0 not shown",
    "C4_scaling_by_real_symbol": "side condition c**(-2) > 0 not shown",
    "R1_entry_zero_of_vector": "the index may lie outside 1..n", "R2_sum_from_zero": "the index may lie outside 1..n",
    "R3_sum_past_length": "the index may lie outside 1..n",
    "R6_category_zero_of_normalised_law": "is not shown inside the law's domain of i",
    "R4_free_index": "p[0]: the index may lie outside 1..n", "R5_strict_single_entry": "the index may lie outside 1..n",
    "L1_undefined_limit_sum": "polygamma(1, n - 1) (its argument may not be positive)",
    "L2_undefined_limit_product": "polygamma(1, n - 1) (its argument may not be positive)",
    "L3_limit_also_outside": "polygamma(1, n - 1) (its argument may not be positive)",
    "L4_floor_reciprocal_limit": "n - 2 may vanish in a denominator",
    "B1_rewrite_boolean_evaluates_true": "cannot decide a And", "B2_rewrite_implication": "cannot decide a Implies",
    "B3_detached_atomic_falsehood": "cannot decide a Implies", "B4_rewrite_inequality": "could not show > 0",
    "B5_algebra_on_boolean": "cannot decide a And",
    "i3_cauchy_variance_definition": "axiom variance takes a premise Eq(",
}


def attacks():
    return [(fn.__name__, fn, EXPECTED[fn.__name__]) for fn in ATTACKS]

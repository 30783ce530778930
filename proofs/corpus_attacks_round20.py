"""Adversarial corpus for the proof kernel, round 20: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 19. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, 2 of these 9 were
accepted, both of one class: an assumption with no values. A vector of no entries declared to sum
to 1 (or of m entries, m in [0, 5], summing to 1: none at m = 0) was read as summing to 1 by one rule
and to 0 (the empty sum) by another, so 1 <= 0 followed, and from it n < 0 for n in [1, 2] (A1) and
0 < m (A2, false at m = 0). The vector was not in the goal, but every citing proof had to assume it.
The principle that closes it: a proof's assumptions must have values wherever its symbols may be.
Entries with a total need a length shown >= 1, and a range needs its ends shown in order. The two
empty scalar ranges (P3, P4) gave nothing false when written; they are now refused as well. Each
docstring says why the statement is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import AlmostSurely, Domain, Draw, E, Law, Proof, Rand, StateVar, Step
from modelcollapse.proofs.kernel.rules import Algebra, AxiomInstance, Order, Rewrite, VectorTotal

library_for, check_attack = checker({})

n = sp.Symbol('n', real=True)
v = sp.IndexedBase('v')
j = sp.Symbol('j', integer=True, positive=True)
GOAL = sp.Lt(n, 0)
DN = {n: Domain.real(1, 2)}


def _contradiction(name, vdom, length, bound):
    S = sp.Sum(v[j], (j, 1, length))
    total = vdom.total
    if length == 0:
        steps = [Step("tot", sp.Eq(S, total, evaluate=False), VectorTotal()),
                 Step("le", sp.Le(S, bound, evaluate=False), Algebra()),
                 Step("statement", GOAL, Order(3), ("le", "tot"))]
    else:  # the entries written out: their domain is read entry by entry (opaque, shift_entries)
        W = sp.Add(*[v[i] for i in range(1, length + 1)])
        steps = [Step("tot", sp.Eq(S, total, evaluate=False), VectorTotal()),
                 Step("expl", sp.Eq(W, S, evaluate=False), Algebra()),
                 Step("le", sp.Le(W, bound, evaluate=False), Algebra()),
                 Step("statement", GOAL, Order(3), ("le", "expl", "tot"))]
    return Proof(name, {"statement": GOAL}, {**DN, v: vdom}, steps)


def A1_empty_vector_length0_total1():
    """Accepted: for every real n in [1, 2], n < 0.
    (a) FALSE at n = 1 (1 < 0 fails). The only other assumption is v: a vector of 0 entries summing to 1 --
    no such vector exists (an empty sum is 0), a domain the kernel never flags as empty.
    (b) VectorTotal: Sum(v[j], (j, 1, 0)) = 1 (the declared total); Algebra: Sum(v[j], (j, 1, 0)) <= 0
    (explicit: the empty sum is 0). Order(scale 3) rewrites the premise with the total to 1 <= 0 (gap -1)
    and needs (0 - n) + 3 > 0, true on [1, 2]."""
    return _contradiction("A1", Domain.vector(Domain.real(), length=0, total=1), 0, 0)


def A2_vector_empty_at_one_length():
    """Accepted: for every integer m in [0, 5], 0 < m.
    (a) FALSE at m = 0. The other assumption: v, a vector of m entries in [0, 1] summing to 1 -- inhabited for
    m = 1..5 (v = (1, 0, ...)), EMPTY at m = 0. So the joint assumption set is not empty (a check that 'some
    v exists' passes), yet m = 0 has no v, and a v-free conclusion is wrongly carried to m = 0.
    (b) 'pos': 0 < Sum(v[j], (j, 1, m)) by Algebra through _weighed_by_mass (entries >= 0, total 1 > 0: 'some
    entry carries mass' -- false at m = 0, where the sum is empty). 'id': Sum * Min(m, 1) = Sum by Algebra (cases
    m = 0..5; at m = 0 both are the empty sum 0). Rewrite gives 0 < Sum * Min(m, 1); VectorTotal Sum = 1; Order
    rewrites the premise to 0 < Min(m, 1) and needs m - Min(m, 1) >= 0, true for m = 0..5."""
    m = sp.Symbol('m', integer=True, nonnegative=True)
    S = sp.Sum(v[j], (j, 1, m))
    T = S * sp.Min(m, 1)
    goal = sp.Lt(0, m)
    steps = [Step("pos", sp.Lt(0, S), Algebra()),
             Step("id", sp.Eq(T, S), Algebra()),
             Step("posT", sp.Lt(0, T), Rewrite(), ("pos", "id")),
             Step("tot", sp.Eq(S, 1), VectorTotal()),
             Step("statement", goal, Order(1), ("posT", "tot"))]
    return Proof("A2", {"statement": goal}, {m: Domain.integer(0, 5), v: Domain.vector(Domain.real(0, 1), length=m, total=1)},
                 steps)


def P6_vector_total_exceeds_entry_bounds():
    """REJECTED probe (was meant as A2). (a) n < 0 on [1, 2], FALSE at n = 1.
    v: two entries in [0, 1] summing to 5 -- impossible (sum <= 2); not flagged.
    (b) VectorTotal: v[1] + v[2] = 5; Algebra: Sum(v[j], (j, 1, 2)) <= 2 (entries read in [0, 1]);
    Order(3) with the total: 5 <= 2 has gap -3, so -n + 9 > 0 suffices.
    Rejected at 'le': the refutation sampler draws vector entries that meet the TOTAL (ignoring the entry
    bounds), so v[1] + v[2] = 5 refutes <= 2, while the cases read the entry bounds: the two models differ
    but neither is empty, so no false step passes."""
    return _contradiction("A2", Domain.vector(Domain.real(0, 1), length=2, total=5), 2, 2)


def P7_vector_entries_in_reversed_interval():
    """REJECTED probe (was meant as A3). (a) n < 0 on [1, 2], FALSE at n = 1.
    v: one entry in [3, 2] (an empty interval: the 'loose end' of round 19) summing to 5.
    (b) Algebra reads the entry over the reversed interval [2, 3] (the cases' parametrisation
    lo + (hi - lo) u / (1 + u)), so v[1] <= 3 holds; VectorTotal gives 5; Order as A1.
    Rejected at 'le': as P6 the sampler sets v[1] = 5 (the total)."""
    return _contradiction("A3", Domain.vector(Domain.real(3, 2), length=1, total=5), 1, 3)


# --- rejected probes ------------------------------------------------------------------------------
g = sp.Symbol('g', integer=True, nonnegative=True)
DG = {g: Domain.integer(0)}
x, D = Rand("x", g), Rand("D", g)
k = sp.Symbol('k', integer=True, positive=True)
WALK = Law("walk", g, {}, (StateVar("x", 0, x + D, Domain.real()),), (Draw("D", "Normal", (-1, 1)),))


def _slln(name, L, W=D):
    rel = sp.Implies(sp.Lt(E(W), 0), AlmostSurely(sp.Eq(sp.Limit(L, g, sp.oo), -sp.oo)))
    st = Step("statement", rel, AxiomInstance("slln_random_walk", {sp.Symbol('L'): L, sp.Symbol('W'): W}))
    return Proof(name, {"statement": rel}, DG, [st], law=WALK)


def P1_generation_in_sum_bound():
    """(a) L = x_g + Sum(2, (k, 1, g)) = x_g + 2g: lim = +oo a.s., the claim -oo is false.
    (b) Rejected: _updated shifts the g of the sum's upper limit (the step becomes D + 2)."""
    return _slln("P1", x + sp.Sum(2, (k, 1, g)))


def P2_generation_inside_limit():
    """(a) L = x_g + Limit(2g + 1/k, k, oo) = x_g + 2g: false as P1. (b) Rejected: g shifted inside the Limit."""
    return _slln("P2", x + sp.Limit(2 * g + 1 / k, k, sp.oo))


def P3_scalar_empty_interval():
    """(a) y in [n + 1, 1] (empty for n >= 1): probe whether Algebra shows y >= n + 1 (vacuously true) -- the
    step a false conclusion would be built from. (b) Rejected: the cases read the reversed interval, consistently."""
    y = sp.Symbol('y', real=True)
    return Proof("P3", {"a": sp.Le(n + 1, y)}, {**DN, y: Domain.real(n + 1, 1)}, [Step("a", sp.Le(n + 1, y), Algebra())])


def P4_empty_local_scalar_to_goal():
    """(a) n < 0 on [1, 2] (false at n = 1) from a LOCAL y in the empty [3, 2]: y >= 3 then Order.
    (b) Rejected: Algebra cannot show y >= 3 (cases give y in [2, 3]); locals must be plain symbols, so the
    vector route of A1-A3 is not available for locals."""
    y = sp.Symbol('y', real=True, positive=True)
    steps = [Step("a", sp.Le(3, y), Algebra()), Step("statement", GOAL, Order(1), ("a",))]
    return Proof("P4", {"statement": GOAL}, {**DN, y: Domain.real(3, 2)}, steps, local=(y,))


def P5_state_generation_hidden_in_piecewise():
    """(a) L = x_g + Piecewise((2g, g > 3), (0, True)): tends to +oo a.s.; claim -oo false.
    (b) Rejected: xreplace reaches the Piecewise's g and its condition."""
    return _slln("P5", x + sp.Piecewise((2 * g, g > 3), (0, True)))


EXPECTED = {
    'A1_empty_vector_length0_total1': 'need a length shown >= 1',
    'A2_vector_empty_at_one_length': 'need a length shown >= 1',
    'P6_vector_total_exceeds_entry_bounds': 'sympy could not show >= 0',
    'P7_vector_entries_in_reversed_interval': 'is not shown (a range with no values)',
    'P1_generation_in_sum_bound': 'side condition Eq(',
    'P2_generation_inside_limit': 'side condition Eq(',
    'P3_scalar_empty_interval': 'is not shown (a range with no values)',
    'P4_empty_local_scalar_to_goal': 'is not shown (a range with no values)',
    'P5_state_generation_hidden_in_piecewise': 'side condition Eq(',
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

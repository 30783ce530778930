"""Adversarial corpus for the proof kernel, round 19: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 18. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, 4 of these 9 were
accepted, all of one class: round 18's side condition of the strong law moved L one generation on by
replacing the state by its declared updates only, leaving any other g in L (or a schedule entry
ns[g]) where it was. So it checked L(state_{g+1}, g) = L(state_g, g) + W, not the walk's step, and
x_g + 2g was said to tend to -oo for a walk of mean -1 per step (it tends to +oo). The principle that
closes it: "one generation on" moves every occurrence of g, the state by its updates and g itself to
g + 1, at once. Each docstring says why the statement is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import CE, AlmostSurely, Domain, Draw, E, Law, Proof, Rand, StateVar, Step
from modelcollapse.proofs.kernel.rules import AxiomInstance, Detach, DrawFact, Rewrite, Tower

library_for, check_attack = checker({})

g = sp.Symbol('g', integer=True, nonnegative=True)
DG = {g: Domain.integer(0)}
HALF = sp.Rational(1, 2)
x, D = Rand("x", g), Rand("D", g)
ns = sp.IndexedBase('ns')
WALK = Law("walk", g, {}, (StateVar("x", 0, x + D, Domain.real()),), (Draw("D", "Normal", (-1, 1)),))


def _to_minus_oo(L):
    return AlmostSurely(sp.Eq(sp.Limit(L, g, sp.oo), -sp.oo))


def _slln(L, W=D):
    rel = sp.Implies(sp.Lt(E(W), 0), _to_minus_oo(L))
    return rel, Step("slln", rel, AxiomInstance("slln_random_walk", {sp.Symbol('L'): L, sp.Symbol('W'): W}))


def _instance(name, law, L, W=D, doms=DG):
    rel, step = _slln(L, W)
    return Proof(name, {"statement": rel}, doms, [step], law=law)


def A1_generation_in_L_detached():
    """Law: x_0 = 0, x_{g+1} = x_g + D_g, D_g ~ N(-1, 1) i.i.d. Accepted (unconditionally, after Detach):
        almost surely  lim_{g->oo} (x_g + 2 g) = -oo.
    (a) FALSE: x_g + 2g = sum_{i<g} (D_i + 2), a random walk with increments of mean +1, so by the SLLN
    x_g + 2g -> +oo a.s. (simulation below: every path ends near +g). P(lim = -oo) = 0.
    (b) AxiomInstance(slln_random_walk, L = x_g + 2g, W = D_g): L passes 'state' (its one random quantity is
    the state at g); _updated(L) = (x_g + D_g) + 2g (g NOT shifted), which is L + W identically, so the side
    condition passes. E(D_g) = -1 by DrawFact(normal_moments, 1) + Tower; Rewrite gives E(D_g) < 0; Detach."""
    L = x + 2 * g
    rel, step = _slln(L)
    cons = _to_minus_oo(L)
    steps = [step,
             Step("ce", sp.Eq(CE(D, g), -1), DrawFact("normal_moments", "D", 1)),
             Step("e", sp.Eq(E(D), -1), Tower(), ("ce",)),
             Step("neg", sp.Lt(E(D), 0), Rewrite(), ("e",)),
             Step("statement", cons, Detach(), ("slln", "neg"))]
    return Proof("A1", {"statement": cons}, DG, steps, law=WALK)


def A2_generation_polynomial_in_L():
    """Same law. Accepted: E(D_g) < 0  ==>  a.s. lim (x_g + g^2) = -oo.
    (a) FALSE: E(D_g) = -1 < 0 holds, but x_g + g^2 has step D_g + 2g + 1 (mean 2g), x_g + g^2 ~ g^2 - g -> +oo a.s.
    (b) as A1: _updated(x_g + g^2) = x_g + D_g + g^2 = L + D_g."""
    return _instance("A2", WALK, x + g ** 2)


def A3_rescaled_damped_walk():
    """Law: x_0 = 0, x_{g+1} = x_g + 2^(-g) D_g, D_g ~ N(-1, 1) (the law reads g). Accepted:
    E(D_g) < 0  ==>  a.s. lim 2^g x_g = -oo.
    (a) FALSE: x_g -> X = sum_i 2^(-i) D_i ~ N(-2, 4/3) a.s.; on {X > 0} (probability Phi(-2/sqrt(4/3)) ~ 0.042)
    2^g x_g -> +oo, so P(lim 2^g x_g = -oo) <= 0.96 < 1 (simulation below).
    (b) _updated(2^g x_g) = 2^g (x_g + 2^(-g) D_g) = L + D_g: the g of L and the g of the update cancel because
    only the state is moved on; the real step 2^(g+1) x_{g+1} = 2 L + 2 D_g is no walk."""
    law = Law("damped", g, {}, (StateVar("x", 0, x + HALF ** g * D, Domain.real()),), (Draw("D", "Normal", (-1, 1)),))
    return _instance("A3", law, 2 ** g * x)


def A4_schedule_entry_in_L():
    """Law WALK; ns a real vector (not even a parameter of the law). Accepted, for every real vector ns:
    E(D_g) < 0  ==>  a.s. lim (x_g + ns[g]) = -oo.
    (a) FALSE at ns[g] = 2g (or any ns[g] = g^2): as A1, x_g + 2g -> +oo a.s.
    (b) _updated leaves the entry ns[g] as it is (not ns[g + 1]): x_g + D_g + ns[g] = L + W."""
    return _instance("A4", WALK, x + ns[g], doms={**DG, ns: Domain.vector(Domain.real())})


# --- rejected probes ---------------------------------------------------------------------------------------

def P1_damped_walk_plain_L():
    """(a) A3's law with L = x_g: E(D) < 0 ==> x_g -> -oo is false (x_g converges to N(-2, 4/3)).
    (b) Rejected: x_g + 2^(-g) D_g is not x_g + D_g: the side condition works when g stays inside the state."""
    law = Law("damped", g, {}, (StateVar("x", 0, x + HALF ** g * D, Domain.real()),), (Draw("D", "Normal", (-1, 1)),))
    return _instance("P1", law, x)


def P2_generation_in_W():
    """(a) W = D_g + 2 - g under x_{g+1} = x_g + D_g + 2 - g ... probe of the 'iid' kind with g beside the draw.
    (b) Rejected: 'iid' hides the draw, then finds g."""
    law = Law("w", g, {}, (StateVar("x", 0, x + D + 2 - g, Domain.real()),), (Draw("D", "Normal", (-1, 1)),))
    return _instance("P2", law, x, W=D + 2 - g)


def P3_state_pattern_reads_a_draw():
    """(a) L = x_g + D_g under WALK (L_g = x_{g+1}): a probe of the 'state' kind.
    (b) Rejected: a 'state' pattern may read no draw."""
    return _instance("P3", WALK, x + D)


def P4_next_generation_state_in_L():
    """(a) L = x_{g+1} + 2g: as A1 (shifted). (b) Rejected: 'state' needs every random quantity at g exactly."""
    return _instance("P4", WALK, Rand("x", g + 1) + 2 * g)


def P5_draw_law_reads_state():
    """(a) x_{g+1} = x_g + D_g, D_g ~ N(-1 + x_g^2, 1)... (law of the increment varies). (b) Rejected: the
    draw's arguments read the state ('its copies are not i.i.d.')."""
    law = Law("v", g, {}, (StateVar("x", 0, x + D, Domain.real()),), (Draw("D", "Normal", (-1 + x ** 2, 1)),))
    return _instance("P5", law, x)


EXPECTED = {
    'A1_generation_in_L_detached': 'side condition Eq(',
    'A2_generation_polynomial_in_L': 'side condition Eq(',
    'A3_rescaled_damped_walk': 'side condition Eq(',
    'A4_schedule_entry_in_L': 'side condition Eq(',
    'P1_damped_walk_plain_L': 'side condition Eq(',
    'P2_generation_in_W': 'must not depend on g but through the draw',
    'P3_state_pattern_reads_a_draw': 'must be a function of the state at g',
    'P4_next_generation_state_in_L': 'must be a function of the state at g',
    'P5_draw_law_reads_state': 'depends on the state or the generation',
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

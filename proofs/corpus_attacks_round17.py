"""Adversarial corpus for the proof kernel, round 17: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 16. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, 4 of these 9 were
accepted, all of one class: the strong law's pattern W must be an i.i.d. copy at each generation, a
function of one draw D_g whose law is constant; the check that W reads g only through the draw
subtracted the draw's own free symbols, which hold g, so W = 2^(-g) D_g passed and the strong law
concluded x_g -> -oo for walks that converge (A1-A3) or oscillate (A4). The principle that closes it:
a side condition about "depends on g only through D_g" is decided with D_g made opaque, never by
subtracting D_g's symbols (they share g with their context). Each docstring says why the statement
is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import CE, AlmostSurely, Domain, Draw, E, Law, Proof, Rand, StateVar, Step
from modelcollapse.proofs.kernel.rules import (AxiomInstance, CondExpect, Conjunction, Detach, DrawFact, LawStep, Limit,
                                               Rewrite, Tower)

library_for, check_attack = checker({})

g = sp.Symbol('g', integer=True, nonnegative=True)
DG = {g: Domain.integer(0)}
HALF = sp.Rational(1, 2)
x, D = Rand("x", g), Rand("D", g)
MINUS_OO = AlmostSurely(sp.Eq(sp.Limit(x, g, sp.oo), -sp.oo))


def _slln(name, W, family, args, fact, mean_W, x0=0):
    """x_0 = x0, x_{g+1} = x_g + W(g, D_g), D_g ~ family(args) i.i.d.; the kernel's route to 'x_g -> -oo a.s.':
    the law's update, E[W | F_g] from the fact's first moment, the tower, E(W) < 0, the axiom, modus ponens."""
    law = Law("walk", g, {}, (StateVar("x", x0, x + W, Domain.real()),), (Draw("D", family, args),))
    ante = sp.And(sp.Eq(Rand("x", g + 1), x + W), sp.Lt(E(W), 0))
    steps = [
        Step("update", sp.Eq(Rand("x", g + 1), x + W), LawStep("x")),
        Step("mean_D", sp.Eq(CE(D, g), fact[1]), DrawFact(fact[0], "D", 1)),
        Step("ce_W", sp.Eq(CE(W, g), mean_W), CondExpect(), ("mean_D",)),
        Step("e_W", sp.Eq(E(W), mean_W), Tower(), ("ce_W",)),
        Step("negative", sp.Lt(E(W), 0), Rewrite(), ("e_W",)),
        Step("both", ante, Conjunction(), ("update", "negative")),
        Step("slln", sp.Implies(ante, MINUS_OO),
             AxiomInstance("slln_random_walk", {sp.Symbol('L'): x, sp.Symbol('W'): W})),
        Step("statement", MINUS_OO, Detach(), ("slln", "both")),
    ]
    return Proof(name, {"statement": MINUS_OO}, DG, steps, law=law)


def A1_geometric_weights_normal():
    """x_0 = 0, x_{g+1} = x_g + 2^(-g) D_g, D_g ~ N(-1, 1) i.i.d.; claim: x_g -> -oo almost surely.
    (a) FALSE: x_g = sum_{i<g} 2^(-i) D_i converges a.s. (Kolmogorov: sum of variances 4/3 < oo) to a
    N(-2, 4/3) variable, so P(lim x_g = -oo) = 0 (simulated: all 20000 paths end near N(-2, 4/3), none below -10).
    (b) slln_random_walk's pattern W = 2^(-g) D_g passes the 'iid' check (axioms._kind_problem subtracts
    Rand(D, g).free_symbols = {g} before looking for g); E(W) = -2^(-g) < 0 for every g (normal_moments, CondExpect,
    Tower, Rewrite), so the axiom's antecedent holds and Detach gives the consequent."""
    return _slln("A1", HALF**g * D, "Normal", (-1, 1), ("normal_moments", -1), -HALF**g)


def A2_bounded_walk_surely():
    """x_0 = 0, x_{g+1} = x_g - 2^(-g) D_g, D_g ~ Binomial(1, 1/2); claim: x_g -> -oo almost surely.
    (a) FALSE on every path: 0 >= x_g >= -sum_i 2^(-i) = -2 for every g and every outcome (x_g is monotone, its
    limit lies in [-2, 0]). (b) as A1: W = -2^(-g) D_g, E(W) = -2^(-g-1) < 0 (binomial_factorial_moments)."""
    return _slln("A2", -HALF**g * D, "Binomial", (1, HALF), ("binomial_factorial_moments", HALF), -HALF**(g + 1))


def A3_deterministic_walk():
    """x_0 = 0, x_{g+1} = x_g + D_g - 2^(-g), D_g ~ Binomial(0, 1/2) (the point mass at 0); claim: x_g -> -oo a.s.
    (a) FALSE: D_g = 0 surely, so x_g = -2 + 2^(1-g) exactly (0, -1, -3/2, -7/4, ...), which tends to -2.
    (b) as A1: W = D_g - 2^(-g) holds g outside the draw, yet passes; E(W) = -2^(-g)."""
    return _slln("A3", D - HALF**g, "Binomial", (0, HALF), ("binomial_factorial_moments", 0), -HALF**g)


def A4_oscillating_walk():
    """x_0 = 0, x_{g+1} = x_g + 4^g (D_g - 1/2), D_g ~ Binomial(1, 1/4); claim: x_g -> -oo a.s.
    (a) FALSE: the last step dominates (|sum_{i<g-1} 4^i (D_i - 1/2)| <= (4^(g-1) - 1)/6), so x_g >= 4^(g-1)/3 whenever
    D_{g-1} = 1, which happens infinitely often a.s. (Borel-Cantelli): limsup x_g = +oo, P(lim x_g = -oo) = 0. (b) as A1: E(W) = -4^g/4 < 0."""
    W = 4**g * D - 4**g / 2
    return _slln("A4", W, "Binomial", (1, sp.Rational(1, 4)), ("binomial_factorial_moments", sp.Rational(1, 4)),
                 -4**g / 4)


# --- rejected probes --------------------------------------------------------------------------------------

def P1_round16_captured_sum():
    """(a) lim 2^(-g) Sum_{j=0}^{g^2} 2^j = 0 is false (+oo). (b) Rejected now: binder_problem sees the Sum rebinding
    the Limit's g."""
    rel = sp.Eq(sp.Limit(sp.Sum(2**g, (g, 0, g**2)) * HALF**g, g, sp.oo), 0)
    return Proof("P1", {"statement": rel}, DG, [Step("s", rel, Limit())])


def P2_generation_in_the_draw_law():
    """(a) x_{g+1} = x_g + D_g, D_g ~ N(-2^(-g), 1): the implication 'x_{g+1} = x_g + D_g and E(D_g) < 0 (both true
    at every g) imply x_g -> -oo a.s.' is false (x_g - E x_g is a walk with unit-variance steps and E x_g -> -2:
    liminf -oo, limsup +oo a.s.). (b) Rejected: the same g-dependence placed in the draw's arguments is read by the
    'iid' check ('the law of D depends on the state or the generation'). Only the axiom step is tried."""
    law = Law("walk", g, {}, (StateVar("x", 0, x + D, Domain.real()),), (Draw("D", "Normal", (-HALF**g, 1)),))
    ante = sp.And(sp.Eq(Rand("x", g + 1), x + D), sp.Lt(E(D), 0))
    rel = sp.Implies(ante, MINUS_OO)
    return Proof("P2", {"statement": rel}, DG, [Step("slln", rel, AxiomInstance(
        "slln_random_walk", {sp.Symbol('L'): x, sp.Symbol('W'): D}))], law=law)


def P3_euler_holder_mentions_the_limit_variable():
    """(a) 'for every g >= 0, lim_{g->oo} Prod_{k=1}^{g} (1 - (g + 1/2)^2/k^2) = sin(pi (g + 1/2))/(pi (g + 1/2))' is
    false: the diagonal product is -1.25 at g = 1 (right side -0.212), -84.8 at g = 5, 4.5e4 at g = 10, unbounded. (b) Rejected: euler_sine_product at x = g + 1/2 is cited, but rules.Limit refuses a
    cited limit that mentions the limit's own variable g (it would be read at N = g)."""
    k, N = sp.symbols("k N", integer=True, positive=True)
    xv = g + HALF
    euler = sp.Eq(sp.Limit(sp.Product(1 - xv**2 / k**2, (k, 1, N)), N, sp.oo), sp.sin(sp.pi * xv) / (sp.pi * xv))
    rel = sp.Eq(sp.Limit(sp.Product(1 - xv**2 / k**2, (k, 1, g)), g, sp.oo), sp.sin(sp.pi * xv) / (sp.pi * xv))
    return Proof("P3", {"statement": rel}, DG, [Step("euler", euler, AxiomInstance("euler_sine_product", {sp.Symbol('x'): xv})),
                                                Step("s", rel, Limit(), ("euler",))])


def P4_limit_variable_free_beside():
    """(a) 'for every g >= 0, lim_{g->oo} 2^(-g) = 0^g' is false at g = 0 (0^0 = 1). (b) Rejected: the value (0) must
    equal the stated one identically; the free g in 0^g is refuted at the corner g = 0."""
    rel = sp.Eq(sp.Limit(HALF**g, g, sp.oo), sp.Pow(0, g))
    return Proof("P4", {"statement": rel}, DG, [Step("s", rel, Limit())])


def P5_iid_through_the_state():
    """(a) A1's increments produced by a second state variable: y_0 = 1, y_{g+1} = y_g / 2, W = y_g D_g (= 2^(-g) D_g);
    the implication concluding x_g -> -oo a.s. is as false as A1. (b) Rejected: the 'iid' pattern may read one draw
    and nothing else random (y_g is a state), so the g-dependence must hide in a deterministic factor (A1-A4).
    Only the axiom step is tried."""
    y = Rand("y", g)
    W = D * y
    law = Law("walk", g, {}, (StateVar("x", 0, x + W, Domain.real()), StateVar("y", 1, y / 2, Domain.real(0, 1))),
              (Draw("D", "Normal", (-1, 1)),))
    ante = sp.And(sp.Eq(Rand("x", g + 1), x + W), sp.Lt(E(W), 0))
    steps = [Step("slln", sp.Implies(ante, MINUS_OO), AxiomInstance("slln_random_walk", {sp.Symbol('L'): x,
                                                                                         sp.Symbol('W'): W}))]
    return Proof("P5", {"statement": sp.Implies(ante, MINUS_OO)}, DG, steps, law=law)


EXPECTED = {
    'A1_geometric_weights_normal': 'must not depend on g but through the draw',
    'A2_bounded_walk_surely': 'must not depend on g but through the draw',
    'A3_deterministic_walk': 'must not depend on g but through the draw',
    'A4_oscillating_walk': 'must not depend on g but through the draw',
    'P1_round16_captured_sum': 'is bound again inside it',
    'P2_generation_in_the_draw_law': 'depends on the state or the generation',
    'P3_euler_holder_mentions_the_limit_variable': 'a cited limit must be',
    'P4_limit_variable_free_beside': 'the limit has another value',
    'P5_iid_through_the_state': 'must be a function of one draw',
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

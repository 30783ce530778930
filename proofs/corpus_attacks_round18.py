"""Adversarial corpus for the proof kernel, round 18: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 17. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, 4 of these 10 were
accepted, from two holes.

* The strong law's instance was an implication at each generation g: "x_{g+1} = x_g + W_g and
  E(W_g) < 0 imply x_g -> -oo". Its conclusion is about the whole process, so a law whose update is
  x_g + D_g at g = 0 only (x_{g+1} = x_g + 2^(-g) D_g) made the instance false at g = 0 (A1-A3).
  The principle that closes it: a hypothesis about every generation is taken from the law, never
  from one generation's premise. The walk is now the axiom's side condition, L after the law's
  declared updates minus (L + W) shown identically zero.
* A law's update could read a vector's bare label (ns beside its entry ns[g]): the well-formedness
  check subtracted the labels of the entries it met, so ns was an undeclared number the law read,
  and a relation proved for one ns was shifted to ns + 1 (B1). A label now stands as an entry's
  base only.

These attacks state the old schema's implication; they are rejected at its side condition, which is
decided before the relation is compared. Each docstring says why the statement is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import AlmostSurely, Domain, Draw, E, Law, Proof, Rand, StateVar, Step
from modelcollapse.proofs.kernel.rules import AxiomInstance, Limit, Rewrite, Shift, Specialize, StateInduction

library_for, check_attack = checker({})

g = sp.Symbol('g', integer=True, nonnegative=True)
DG = {g: Domain.integer(0)}
HALF = sp.Rational(1, 2)
x, y, D = Rand("x", g), Rand("y", g), Rand("D", g)
MINUS_OO = AlmostSurely(sp.Eq(sp.Limit(x, g, sp.oo), -sp.oo))
ANTE = sp.And(sp.Eq(Rand("x", g + 1), x + D), sp.Lt(E(D), 0))
SLLN = sp.Implies(ANTE, MINUS_OO)


def _instance(name, law, rel=SLLN):
    step = Step("slln", rel, AxiomInstance("slln_random_walk", {sp.Symbol('L'): x, sp.Symbol('W'): D}))
    return Proof(name, {"statement": rel}, DG, [step], law=law)


def A1_damped_walk():
    """Law: x_0 = 0, x_{g+1} = x_g + 2^(-g) D_g, D_g ~ N(-1, 1) i.i.d. Accepted: for every g >= 0,
    [x_{g+1} = x_g + D_g a.s. and E(D_g) < 0]  ==>  x_g -> -oo a.s.
    (a) FALSE at g = 0: x_1 = x_0 + 2^0 D_0 = x_0 + D_0 surely and E(D_0) = -1 < 0, so the antecedent holds; but
    x_g = sum_{i<g} 2^(-i) D_i converges a.s. to a N(-2, 4/3) variable, so P(x_g -> -oo) = 0 (simulation below).
    (b) AxiomInstance(slln_random_walk, L = x_g, W = D_g): L passes 'state', W = D_g passes 'iid'; nothing relates the
    per-g antecedent to the law's update (which is a walk with increment D_g at g = 0 only)."""
    law = Law("damped", g, {}, (StateVar("x", 0, x + HALF**g * D, Domain.real()),), (Draw("D", "Normal", (-1, 1)),))
    return _instance("A1", law)


def A2_switched_off_walk():
    """Law: x_0 = 0, y_0 = 1, x_{g+1} = x_g + y_g D_g, y_{g+1} = 0, D_g ~ N(-1, 1). Same accepted relation as A1.
    (a) FALSE at g = 0: y_0 = 1, so x_1 = x_0 + D_0 surely and E(D_0) = -1 < 0; but y_g = 0 for g >= 1, so x_g = D_0 for
    every g >= 1: a finite limit, P(x_g -> -oo) = 0. (b) as A1 (the state y that switches the walk off is invisible
    to the patterns)."""
    law = Law("switch", g, {}, (StateVar("x", 0, x + y * D, Domain.real()), StateVar("y", 1, 0 * y, Domain.real(0, 1))),
              (Draw("D", "Normal", (-1, 1)),))
    return _instance("A2", law)


def A3_reversing_walk():
    """Law: x_0 = 0, x_{g+1} = x_g + (1 - g) D_g, D_g ~ N(-1, 1). Same accepted relation as A1.
    (a) FALSE at g = 0: x_1 = x_0 + D_0 and E(D_0) < 0; but for g >= 2 the increments (1 - g) D_g have mean g - 1 > 0:
    x_g = sum_i (1 - i) D_i has mean (g-1)(g-2)/2 and sd ~ g^1.5/sqrt(3), so x_g -> +oo (in probability and, by the
    simulation below, on every simulated path); certainly P(x_g -> -oo) = 0. (b) as A1."""
    law = Law("reverse", g, {}, (StateVar("x", 0, x + (1 - g) * D, Domain.real()),), (Draw("D", "Normal", (-1, 1)),))
    return _instance("A3", law)



def _label_proof(name, law_params):
    """x_{g+1} = x_g + ns + ns[g] (x_g - ns g), so x_g = ns g; shifted to ns + 1 and compared: g ns = g (ns + 1)."""
    vec, label = sp.IndexedBase('ns'), sp.Symbol('ns')
    law = Law("drift", g, law_params(vec, label), (StateVar("x", 0, x + label + vec[g] * (x - label * g), Domain.real()),), ())
    doms = {**DG, vec: Domain.vector(Domain.real()), label: Domain.integer(0)}
    bad = sp.Eq(g * label, g * (label + 1))
    steps = [Step("ind", sp.Eq(x, label * g), StateInduction("x")),
             Step("shift", sp.Eq(x, (label + 1) * g), Shift(label, label + 1), ("ind",)),
             Step("statement", bad, Rewrite(source=True), ("ind", "shift"))]
    return Proof(name, {"statement": bad}, doms, steps, law=law)

def B1_vector_label_read_as_a_free_symbol():
    """Law: vector parameter ns (entries real), x_0 = 0, x_{g+1} = x_g + ns + ns[g] (x_g - ns g), where the bare ns is
    the vector's label (Law.problems exempts it: `free = ... - {a.base.label for a in entries}`). Proof: by
    StateInduction x_g = ns g (true for the law's one value of ns: x_g - ns g stays 0), then Shift ns := ns + 1
    (ns is no law parameter, so _free_to_vary lets it vary although x_g depends on it), then Rewrite:
    accepted statement: for all integers g >= 0 and ns >= 0,  g ns = g (ns + 1).
    (a) FALSE: at g = 1, ns = 0 it reads 0 = 1. (b) StateInduction, Shift, Rewrite(source=True)."""
    return _label_proof("B1", lambda vec, label: {vec: Domain.vector(Domain.real())})


def P5_label_as_a_law_parameter():
    """(a) as B1. (b) Rejected: with the bare ns declared a parameter of the law, Shift refuses it ('a parameter of
    the law: the random quantities depend on it unseen'): B1 needs exactly the label exemption."""
    return _label_proof("P5", lambda vec, label: {vec: Domain.vector(Domain.real()), label: Domain.integer(0)})


def P6_label_specialized():
    """(a) as B1, via Specialize ns := 0 and ns := 1. (b) Rejected: Specialize refutes its instance numerically and
    reads the random x_g as any real ('the premise is false at ns = 0'); Shift skips that check for relations
    with random quantities, which is why B1 shifts."""
    vec, label = sp.IndexedBase('ns'), sp.Symbol('ns')
    law = Law("drift", g, {vec: Domain.vector(Domain.real())},
              (StateVar("x", 0, x + label + vec[g] * (x - label * g), Domain.real()),), ())
    doms = {**DG, vec: Domain.vector(Domain.real()), label: Domain.real()}
    steps = [Step("ind", sp.Eq(x, label * g), StateInduction("x")),
             Step("s0", sp.Eq(x, 0), Specialize(label, 0), ("ind",)),
             Step("s1", sp.Eq(x, g), Specialize(label, 1), ("ind",)),
             Step("statement", sp.Eq(0, g), Rewrite(source=True), ("s0", "s1"))]
    return Proof("P6", {"statement": sp.Eq(0, g)}, doms, steps, law=law)


# --- rejected probes ---------------------------------------------------------------------------------------

def P1_round17_iid_pattern():
    """(a) Round 17's A1 (x_{g+1} = x_g + 2^(-g) D_g, W = 2^(-g) D_g): implication false as in A1 here (at every g).
    (b) Rejected: the 'iid' check now hides the draw before looking for g."""
    law = Law("damped", g, {}, (StateVar("x", 0, x + HALF**g * D, Domain.real()),), (Draw("D", "Normal", (-1, 1)),))
    W = HALF**g * D
    rel = sp.Implies(sp.And(sp.Eq(Rand("x", g + 1), x + W), sp.Lt(E(W), 0)), MINUS_OO)
    step = Step("slln", rel, AxiomInstance("slln_random_walk", {sp.Symbol('L'): x, sp.Symbol('W'): W}))
    return Proof("P1", {"statement": rel}, DG, [step], law=law)


def P2_specialize_into_a_limit():
    """(a) lim_{g->oo} (g/(g+1))^g = 0 is false (it is 1/e). Route: lim h^g = 0 for h in [0, 1) (Limit rule), then
    Specialize h := g/(g+1), which would be captured by the limit's binder g. (b) Rejected: Specialize takes
    exact numbers only (Domain.contains), so no value can name a bound variable."""
    h = sp.Symbol('h', real=True, positive=True)
    doms = {**DG, h: Domain.real(0, 1, lo_open=True, hi_open=True)}
    gen = sp.Eq(sp.Limit(h**g, g, sp.oo), 0)
    bad = sp.Eq(sp.Limit((g / (g + 1))**g, g, sp.oo), 0)
    return Proof("P2", {"statement": bad}, doms, [Step("lim", gen, Limit()),
                                                   Step("s", bad, Specialize(h, g / (g + 1)), ("lim",))])


def P3_specialize_generation_zero():
    """(a) A1's instance at g = 0, Implies(x_1 = x_0 + D_0 and E(D_0) < 0, x -> -oo): false as in A1.
    (b) Rejected: Specialize refuses g, bound in the premise (the limit's variable); the generation cannot be
    fixed, so A1-A3 stay implications read at every g."""
    law = Law("damped", g, {}, (StateVar("x", 0, x + HALF**g * D, Domain.real()),), (Draw("D", "Normal", (-1, 1)),))
    at0 = SLLN.xreplace({Rand("x", g + 1): Rand("x", 1), x: Rand("x", 0), D: Rand("D", 0)})
    steps = [Step("slln", SLLN, AxiomInstance("slln_random_walk", {sp.Symbol('L'): x, sp.Symbol('W'): D})),
             Step("at0", at0, Specialize(g, 0), ("slln",))]
    return Proof("P3", {"statement": at0}, DG, steps, law=law)


def P4_state_pattern_reads_a_draw():
    """(a) L = x_g + D_g, W = D_g under x_{g+1} = x_g: the implication [x_{g+1} + D_{g+1} = x_g + 2 D_g, E(D) < 0]
    ==> x_g + D_g -> -oo is vacuous/odd; probe of the 'state' kind. (b) Rejected: a 'state' pattern may read no draw."""
    law = Law("still", g, {}, (StateVar("x", 0, x, Domain.real()),), (Draw("D", "Normal", (-1, 1)),))
    L = x + D
    rel = sp.Implies(sp.And(sp.Eq(L.xreplace({g: g + 1}), L + D), sp.Lt(E(D), 0)),
                     AlmostSurely(sp.Eq(sp.Limit(L, g, sp.oo), -sp.oo)))
    step = Step("slln", rel, AxiomInstance("slln_random_walk", {sp.Symbol('L'): L, sp.Symbol('W'): D}))
    return Proof("P4", {"statement": rel}, DG, [step], law=law)


EXPECTED = {
    'A1_damped_walk': 'side condition Eq(',
    'A2_switched_off_walk': 'side condition Eq(',
    'A3_reversing_walk': 'side condition Eq(',
    'B1_vector_label_read_as_a_free_symbol': 'uses undeclared symbols',
    'P1_round17_iid_pattern': 'must not depend on g but through the draw',
    'P2_specialize_into_a_limit': "is not within the symbol's domain",
    'P3_specialize_generation_zero': 'side condition Eq(',
    'P4_state_pattern_reads_a_draw': 'must be a function of the state at g',
    'P5_label_as_a_law_parameter': 'is a parameter of the law',
    'P6_label_specialized': 'the premise is false at',
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

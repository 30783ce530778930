"""Adversarial corpus for the mutual-information words and axioms: attacks on the words of information theory.

``attacks()`` returns ``(name, build, expected)`` tuples, as in the earlier rounds. Every entry tries
to get a false statement about mutual information accepted through the vocabulary words ``Joint``,
``MutualInfo`` and ``CondMutualInfo`` or the axioms ``mutual_information_chain_rule``,
``conditional_mutual_information_nonnegative`` and ``markov_refit``; the comment above each entry
says why its statement is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import E, Domain, Draw, Law, Proof, Rand, StateVar, Step
from modelcollapse.proofs.kernel.rules import Algebra, AxiomInstance, Rewrite
from modelcollapse.proofs.kernel.terms import CondMutualInfo, Joint, MutualInfo

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

g = sp.Symbol("g", integer=True, nonnegative=True)
k = sp.Symbol("k", integer=True, nonnegative=True)
_X, _Y, _Z, _S = sp.symbols("X Y Z S")
#: The earlier generation k <= g every Markov attack measures from.
DOMAINS = {g: Domain.integer(0), k: Domain.integer(0, g)}


def X(t):
    return Rand("X", t)


def Y(t):
    return Rand("Y", t)


def D(t):
    return Rand("D", t)


def walk_law():
    """X_{g+1} = X_g + D_g, D_g ~ N(X_g, 1): the draw's law reads the state."""
    return Law("walk", g, {}, (StateVar("X", 0, X(g) + D(g), Domain.real()),), (Draw("D", "Normal", (X(g), 1)),))


def integrated_walk_law():
    """X_{g+1} = X_g + D_g, Y_{g+1} = Y_g + X_g: (X, Y) is Markov, Y alone is not."""
    return Law("integrated", g, {}, (StateVar("X", 0, X(g) + D(g), Domain.real()),
                                     StateVar("Y", 0, Y(g) + X(g), Domain.real())), (Draw("D", "Normal", (0, 1)),))


def _markov(name, relation, mapping, law):
    return Proof(name, {"statement": relation}, dict(DOMAINS),
                 [Step("markov", relation, AxiomInstance("markov_refit", mapping))], law=law)


# Y alone is not Markov: Y_{g+1} - Y_g = X_g = X_{g-1} + D_{g-1}, and Y_g - Y_{g-1} = X_{g-1}, so Y_{g-1}
# (k = g - 1 >= 1) tells about Y_{g+1} what Y_g does not. The axiom needs the whole state (X_g, Y_g).
def markov_on_part_of_the_state():
    rel = sp.Eq(CondMutualInfo(Y(k), Y(g + 1), Y(g)), 0)
    return _markov("markov_part", rel, {_X: Y(k), _S: Y(g)}, integrated_walk_law())


# Conditioning on an earlier state is no Markov property: given X_k, the current X_g still tells
# much about X_{g+1} (I(X_g; X_{g+1} | X_k) > 0 for k < g).
def markov_conditioned_on_an_earlier_state():
    rel = sp.Eq(CondMutualInfo(X(g), X(g + 1), X(k)), 0)
    return _markov("markov_earlier", rel, {_X: X(g), _S: X(k)}, walk_law())


# The future is no part of the past: I(X_{g+1}; X_{g+1} | X_g) is the information a fresh draw adds, > 0.
def markov_future_as_past():
    rel = sp.Eq(CondMutualInfo(X(g + 1), X(g + 1), X(g)), 0)
    return _markov("markov_future", rel, {_X: X(g + 1), _S: X(g)}, walk_law())


# The draw at g is not determined by the history up to g: X_{g+1} = X_g + D_g, so given X_g the draw
# D_g determines X_{g+1} (infinite information).
def markov_current_draw_as_past():
    rel = sp.Eq(CondMutualInfo(D(g), X(g + 1), X(g)), 0)
    return _markov("markov_draw", rel, {_X: D(g), _S: X(g)}, walk_law())


# A second-order recursion X_{g+1} = X_g + X_{g-1} + D_g reads the generation before: its state is not
# Markov, and X_{g-1} tells about X_{g+1} what X_g does not.
def markov_law_reads_an_earlier_generation():
    law = Law("second_order", g, {}, (StateVar("X", 0, X(g) + X(g - 1) + D(g), Domain.real()),),
              (Draw("D", "Normal", (0, 1)),))
    rel = sp.Eq(CondMutualInfo(X(k), X(g + 1), X(g)), 0)
    return _markov("markov_second_order", rel, {_X: X(k), _S: X(g)}, law)


# Draws are not the state: D_{g+1} ~ N(X_{g+1}, 1) and X_{g+1} = X_g + D_g, so given D_g the state X_g
# still tells about D_{g+1}.
def markov_draw_as_state():
    rel = sp.Eq(CondMutualInfo(X(g), D(g + 1), D(g)), 0)
    return _markov("markov_draw_state", rel, {_X: X(g), _S: D(g)}, walk_law())


# Mutual information may be infinite (I(X_g; X_g) = oo for a continuous X_g): oo < oo + 1 is false.
def algebra_on_mutual_information():
    rel = sp.Lt(MutualInfo(X(g), X(g)), MutualInfo(X(g), X(g)) + 1)
    return Proof("algebra_information", {"statement": rel}, {g: Domain.integer(0)}, [Step("a", rel, Algebra())],
                 law=walk_law())


# Subtracting an information: from the chain rule, I(X; D | X) = I(X; (X, D)) - I(X; X) is oo - oo when
# X = X_g is continuous, no number; the claim that it is 0 rests on cancelling infinities.
def chain_rule_solved_for_the_conditional_term():
    a, b, c = X(g), X(g), D(g)
    chain = sp.Eq(MutualInfo(a, Joint(b, c)), MutualInfo(a, b) + CondMutualInfo(a, c, b))
    rel = sp.Eq(CondMutualInfo(a, c, b), MutualInfo(a, Joint(b, c)) - MutualInfo(a, b))
    return Proof("chain_solved", {"statement": rel}, {g: Domain.integer(0)},
                 [Step("chain", chain, AxiomInstance("mutual_information_chain_rule", {_X: a, _Y: b, _Z: c})),
                  Step("solved", rel, Rewrite(), ("chain",))], law=walk_law())


# Non-negativity turned around: I(X; Y) + I(X; Z | Y) <= I(X; Y) is false as soon as Z adds information
# (here X = X_{g+1}, Y = X_g, Z = D_g: given X_g, the draw D_g determines X_{g+1}).
def nonnegativity_reversed():
    a, b, c = X(g + 1), X(g), D(g)
    rel = sp.Le(MutualInfo(a, b) + CondMutualInfo(a, c, b), MutualInfo(a, b))
    return Proof("nonneg_reversed", {"statement": rel}, {g: Domain.integer(0)},
                 [Step("a", rel, AxiomInstance("conditional_mutual_information_nonnegative", {_X: a, _Y: b, _Z: c}))],
                 law=walk_law())


# An expectation is no random vector to take information of: with Y := E[X_g] (a constant) the chain
# rule's instance would read I(X_{g+1}; (E[X_g], D_g)) = I(X_{g+1}; E[X_g]) + ..., and the claimed instance
# drops the conditional term (false: given the constant, D_g still tells about X_{g+1}).
def chain_rule_with_an_expectation():
    a, b, c = X(g + 1), E(X(g)), D(g)
    rel = sp.Eq(MutualInfo(a, Joint(b, c)), MutualInfo(a, b))
    return Proof("chain_expectation", {"statement": rel}, {g: Domain.integer(0)},
                 [Step("a", rel, AxiomInstance("mutual_information_chain_rule", {_X: a, _Y: b, _Z: c}))],
                 law=walk_law())


def attacks():
    """(name, proof builder, expected rejection message) for every attack."""
    return [
        ("markov_on_part_of_the_state", markov_on_part_of_the_state, "not the whole state"),
        ("markov_conditioned_on_an_earlier_state", markov_conditioned_on_an_earlier_state,
         "not the whole state"),
        ("markov_future_as_past", markov_future_as_past, "side condition g + 1 <= g not shown"),
        ("markov_current_draw_as_past", markov_current_draw_as_past, "side condition g + 1 <= g not shown"),
        ("markov_law_reads_an_earlier_generation", markov_law_reads_an_earlier_generation, "which it may not"),
        ("markov_draw_as_state", markov_draw_as_state, "not the whole state"),
        ("algebra_on_mutual_information", algebra_on_mutual_information, "may be infinite"),
        ("chain_rule_solved_for_the_conditional_term", chain_rule_solved_for_the_conditional_term, "may be infinite"),
        ("nonnegativity_reversed", nonnegativity_reversed, "not an instance"),
        ("chain_rule_with_an_expectation", chain_rule_with_an_expectation, "no other word (or a Joint)"),
    ]

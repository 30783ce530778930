"""Adversarial corpus for the mutual-information words and axioms: attacks on the words of information theory.

``attacks()`` returns ``(name, build, expected)`` tuples, as in the earlier rounds. Every entry tries
to get a false statement about mutual information accepted through the vocabulary words ``Joint``,
``MutualInfo`` and ``CondMutualInfo`` or the axioms ``mutual_information_chain_rule``,
``conditional_mutual_information_nonnegative``, ``markov_refit``, ``gaussian_chain_information`` and
``mutual_information_scaling``; the comment above each entry says why its statement is false.
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


# --- the Gaussian channel of a linear Gaussian chain --------------------------------------------------
t = sp.Symbol("t", integer=True, positive=True)
#: The chain's statement holds for t >= 1; the law's generation g ranges over all integers >= 0.
CHAIN_DOMAINS = {g: Domain.integer(0), t: Domain.integer(1)}
_CHAIN_Y, _A, _B = sp.symbols("Y a b")


def P0():
    return Rand("P", 0)


def chain_law(step=None, start=("Normal", (0, 1)), draw=("Normal", (0, 1)), init=None, extra=(), params=None):
    """X_{g+1} = step (X_g + D_g by default), X_0 = init (P by default), P ~ start drawn once."""
    state = (StateVar("X", P0() if init is None else init, X(g) + D(g) if step is None else step, Domain.real()),)
    return Law("chain", g, dict(params or {}), state + tuple(extra), (Draw("D", *draw),),
               start=(Draw("P", *start),) if start else ())


def _chain(name, value, law, at=None, domains=None):
    """The claim I(X_0; X_at) = value (nats) by the axiom."""
    at = t if at is None else at
    rel = sp.Eq(MutualInfo(X(0), X(at)), value)
    return Proof(name, {"statement": rel}, dict(domains or CHAIN_DOMAINS),
                 [Step("channel", rel, AxiomInstance("gaussian_chain_information", {_CHAIN_Y: X(at)}))], law=law)


#: For X_{g+1} = X_g + D_g, D ~ N(0, 1), X_0 ~ N(0, 1): I(X_0; X_t) = log(1 + 1/t) / 2, the true value.
RANDOM_WALK_VALUE = sp.log(1 + 1 / t) / 2


# The noise's variance reads the state (D_g ~ N(0, X_g^2 + 1)): the noise is not independent of the start, the
# sum is no normal, and log(1 + 1/t)/2 is not its information (a large start makes the walk noisier).
def chain_noise_depends_on_the_state():
    return _chain("chain_state_noise", RANDOM_WALK_VALUE, chain_law(draw=("Normal", (0, X(g) ** 2 + 1))))


# A start drawn from Gamma(2, 1) is no Gaussian input: with Gaussian noise the information is strictly below
# log(1 + Var X_0 / t)/2 = log(1 + 2/t)/2 (the normal maximises it, Cover and Thomas Thm 9.4.1).
def chain_start_not_gaussian():
    return _chain("chain_gamma_start", sp.log(1 + 2 / t) / 2, chain_law(start=("Gamma", (2, 1))))


# A nonlinear step X_{g+1} = X_g^3/(1 + X_g^2) ... here X_g^2/2 + D_g forgets the sign of X_g: I(X_0; X_1) is
# not log(1 + v/w)/2 for any gain (X_1 is not normal given X_0's law), and the formula's gain 0 would give 0.
def chain_step_nonlinear():
    return _chain("chain_nonlinear", sp.Integer(0), chain_law(step=X(g) ** 2 / 2 + D(g)))


# A gain that multiplies the draw (X_{g+1} = X_g D_g) is no additive noise: given X_0 = 0 the chain stays at 0,
# so I(X_0; X_1) differs from the Gaussian channel's log(1 + 1)/2 with unit gain and noise.
def chain_gain_times_noise():
    return _chain("chain_product", sp.log(2) / 2, chain_law(step=X(g) * D(g) + D(g)), at=1)


# A law drawing from no normal (D ~ Gamma(1, 1), an exponential noise) is outside the axiom's models: the
# information of X_0 + D_0 about X_0 is not log(1 + 1/1)/2 with exponential noise.
def chain_axiom_for_another_family():
    return _chain("chain_gamma_noise", sp.log(2) / 2, chain_law(draw=("Gamma", (1, 1))), at=1)


# Gain and noise swapped: X_{g+1} = X_g / 2 + 2 D_g started at N(0, 1) has signal 4^(-t) and noise
# 4 (1 - 4^(-t)) / (3/4); the claim puts the noise over the signal.
def chain_gain_and_noise_swapped():
    law = chain_law(step=X(g) / 2 + 2 * D(g))
    signal, noise = 4 ** (-t), 4 * (1 - 4 ** (-t)) * sp.Rational(4, 3)
    return _chain("chain_swapped", sp.log(1 + noise / signal) / 2, law)


# At generation 0 the "channel" is the identity: I(X_0; X_0) = oo for a continuous start, not the formula's
# value (the axiom needs T >= 1; here g ranges over all integers >= 0, g = 0 included).
def chain_at_generation_zero():
    return _chain("chain_generation_zero", sp.log(1 + 1 / (g + 1)) / 2, chain_law(), at=g,
                  domains={g: Domain.integer(0)})


# No noise: X_{g+1} = X_g / 2 keeps X_0 = 2^g X_g, so I(X_0; X_g) = oo, not 0 (a second variable holds the
# normal draw, so that the law is a normal one). The side condition 1/w > 0 on the noise's variance w = 0 fails.
def chain_without_noise():
    law = chain_law(step=X(g) / 2, extra=(StateVar("Y", 0, Y(g) + D(g), Domain.real()),))
    return _chain("chain_no_noise", sp.Integer(0), law)


# The step reads another random state: X_{g+1} = X_g + Y_g + D_g with Y_{g+1} = Y_g + D_g is no Markov chain
# of its own with independent noise (Y_g is the sum of the past draws), so the information is not that of a
# walk with noise variance 1 per step (log(1 + 1/t)/2).
def chain_reads_another_state():
    law = chain_law(step=X(g) + Y(g) + D(g), extra=(StateVar("Y", 0, Y(g) + D(g), Domain.real()),))
    return _chain("chain_other_state", RANDOM_WALK_VALUE, law)


# Scaling by zero destroys the information: I(0 X_0; X_t) = 0, not I(X_0; X_t) = log(1 + 1/t)/2 > 0 (the side
# condition 1/a^2 > 0 is no comparison at a = 0).
def scaling_by_zero():
    rel = sp.Eq(MutualInfo(0 * X(0) + 0, X(t)), MutualInfo(X(0), X(t)))
    return Proof("scaling_zero", {"statement": rel}, dict(CHAIN_DOMAINS), [Step(
        "s", rel, AxiomInstance("mutual_information_scaling", {_X: X(0), _Y: X(t), _A: 0, _B: 1}))], law=chain_law())


# Scaling by a random factor is no one-to-one map of the variable: I(X_t X_0; X_t) is not I(X_0; X_t).
def scaling_by_a_random_factor():
    rel = sp.Eq(MutualInfo(X(t) * X(0), X(t)), MutualInfo(X(0), X(t)))
    return Proof("scaling_random", {"statement": rel}, dict(CHAIN_DOMAINS), [Step(
        "s", rel, AxiomInstance("mutual_information_scaling", {_X: X(0), _Y: X(t), _A: X(t), _B: 1}))],
        law=chain_law())


# The start draw is no random quantity of a statement: I(P_0; X_t) would speak of the prior draw itself,
# which the law declares only as the source of X_0 (here X_0 = P_0 + 1, and a claim about P_0 goes unchecked).
def chain_start_draw_in_a_statement():
    rel = sp.Eq(MutualInfo(P0(), X(t)), RANDOM_WALK_VALUE)
    return Proof("chain_start_draw", {"statement": rel}, dict(CHAIN_DOMAINS),
                 [Step("s", rel, AxiomInstance("gaussian_chain_information", {_CHAIN_Y: X(t)}))],
                 law=chain_law(init=P0() + 1))


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
        ("chain_noise_depends_on_the_state", chain_noise_depends_on_the_state,
         "the update reads D, not a normal draw with constant arguments"),
        ("chain_start_not_gaussian", chain_start_not_gaussian,
         "the initial value reads P, not a normal draw with constant arguments"),
        ("chain_step_nonlinear", chain_step_nonlinear, "the update is not affine with constant coefficients"),
        ("chain_gain_times_noise", chain_gain_times_noise, "the update is not affine with constant coefficients"),
        ("chain_axiom_for_another_family", chain_axiom_for_another_family, "holds for Normal laws only"),
        ("chain_gain_and_noise_swapped", chain_gain_and_noise_swapped, "not an instance of gaussian_chain_information"),
        ("chain_at_generation_zero", chain_at_generation_zero, "side condition g >= 1 not shown"),
        ("chain_without_noise", chain_without_noise, "side condition zoo > 0 not shown"),
        ("chain_reads_another_state", chain_reads_another_state, "the update reads more than its state and one draw"),
        ("scaling_by_zero", scaling_by_zero, "side condition 0**(-2) > 0 not shown"),
        ("scaling_by_a_random_factor", scaling_by_a_random_factor, "must be deterministic"),
        ("chain_start_draw_in_a_statement", chain_start_draw_in_a_statement, "P is not declared by the law"),
    ]

"""The information words and axioms: the data-processing proof goes through under declared laws and
is refused where the Markov property is not shown; each axiom accepts its instances and rejects
the look-alikes (the corpus, round 5, holds the attacks)."""

from types import SimpleNamespace

import pytest
import sympy as sp

from modelcollapse import proofs
from modelcollapse.proofs import builder, kernel
from modelcollapse.proofs.corpus_attacks import rejection_text
from modelcollapse.proofs.kernel import Domain, Draw, Law, Proof, Rand, StateVar, Step
from modelcollapse.proofs.kernel import rules as R
from modelcollapse.proofs.kernel.terms import CondMutualInfo, Joint, MutualInfo
from modelcollapse.theory import information
from modelcollapse.theory.model import get_model

g = sp.Symbol("g", integer=True, nonnegative=True)
k = sp.Symbol("k", integer=True, nonnegative=True)
X_, Y_, Z_, S_, S_next = sp.symbols("X Y Z S S'")
DOMAINS = {g: Domain.integer(0), k: Domain.integer(0, g)}


def x(t):
    return Rand("x", t)


def y(t):
    return Rand("y", t)


def D(t):
    return Rand("D", t)


def pair_law():
    """x_{g+1} = x_g + D_g, y_{g+1} = y_g x_g, D_g ~ N(y_g, 1): a two-variable state."""
    return Law("pair", g, {}, (StateVar("x", 0, x(g) + D(g), Domain.real()), StateVar("y", 1, y(g) * x(g), Domain.real())),
               (Draw("D", "Normal", (y(g), 1)),))


def one_step(relation, rule, law=None, domains=None):
    return kernel.check(Proof("one", {"s": relation}, dict(domains or DOMAINS), [Step("s", relation, rule)],
                              law=law or pair_law()))


def markov(relation, mapping, law=None):
    return one_step(relation, R.AxiomInstance("markov_refit", mapping), law)


def data_processing_proof(model):
    """The kernel proof of the data-processing recipe under ``model``'s law (built as the registry's is)."""
    claim = information.data_processing_recipe(model)
    law = builder.law_of(model)
    out = builder._Steps()
    goals = builder._add_claims(out, None, {}, recipes={"statement": claim})
    fake = SimpleNamespace(assumptions=(), derivation=SimpleNamespace(facts={"for_all": (information.A_K_BEFORE_T,)}))
    return kernel.Proof(f"dpi.{model.name}", goals, builder._domains(fake, law, goals), out.steps, law, ())


def test_registry_result_is_proved_from_the_three_axioms():
    rep = proofs.check("information.dpi")
    assert rep.ok and proofs.status("information.dpi") == "proved"
    assert set(rep.axioms) == {"mutual_information_chain_rule", "conditional_mutual_information_nonnegative",
                               "markov_refit"}


@pytest.mark.parametrize("name", ["gaussian_schedule", "poisson", "accumulate_gaussian"])
def test_the_same_proof_goes_through_under_other_declared_laws(name):
    rep = kernel.check(data_processing_proof(get_model(name)))
    assert rep.ok, rep.summary()


def test_an_indexed_state_has_no_whole_state_and_is_refused():
    rep = kernel.check(data_processing_proof(get_model("categorical")))
    assert not rep.ok and "indexed" in rejection_text(rep)


def test_markov_accepts_any_past_and_the_whole_state_in_either_order():
    past = Joint(x(k), y(0))
    whole, after = Joint(y(g), x(g)), Joint(x(g + 1), y(g + 1))
    assert markov(sp.Eq(CondMutualInfo(past, after, whole), 0), {X_: past, S_: whole}).ok
    # A constant is trivially determined by the past.
    assert markov(sp.Eq(CondMutualInfo(sp.Integer(3), after, whole), 0), {X_: 3, S_: whole}).ok


def test_markov_takes_a_draw_as_past_only_strictly_before_the_generation():
    whole, after = Joint(x(g), y(g)), Joint(x(g + 1), y(g + 1))
    rel = sp.Eq(CondMutualInfo(D(k), after, whole), 0)
    rep = markov(rel, {X_: D(k), S_: whole})  # k <= g allows k = g: the draw at g is not in the past
    assert not rep.ok and "side condition k + 1 <= g not shown" in rejection_text(rep)


@pytest.mark.parametrize("relation, mapping, reason", [
    # The kernel fills in the next state itself: two generations on is not the instance.
    (sp.Eq(CondMutualInfo(x(k), Joint(x(g + 2), y(g + 2)), Joint(x(g), y(g))), 0),
     {X_: x(k), S_: Joint(x(g), y(g))}, "not an instance"),
    (sp.Eq(CondMutualInfo(x(k), Joint(x(g + 2), y(g + 2)), Joint(x(g), y(g))), 0),
     {X_: x(k), S_: Joint(x(g), y(g)), S_next: Joint(x(g + 2), y(g + 2))}, "takes exactly the patterns"),
    # Part of the state, the state at another generation, a draw: not the whole state at g.
    (sp.Eq(CondMutualInfo(y(k), y(g + 1), y(g)), 0), {X_: y(k), S_: y(g)}, "whole state"),
    (sp.Eq(CondMutualInfo(x(g), Joint(x(k + 1), y(k + 1)), Joint(x(k), y(k))), 0),
     {X_: x(g), S_: Joint(x(k), y(k))}, "whole state"),
    (sp.Eq(CondMutualInfo(x(k), D(g + 1), D(g)), 0), {X_: x(k), S_: D(g)}, "whole state"),
    # An expectation is no random quantity to condition on.
    (sp.Eq(CondMutualInfo(x(k), kernel.E(x(g + 1)), kernel.E(x(g))), 0), {X_: x(k), S_: kernel.E(x(g))},
     "no other word (or a Joint)"),
    # The future is not the past.
    (sp.Eq(CondMutualInfo(x(g + 1), Joint(x(g + 1), y(g + 1)), Joint(x(g), y(g))), 0),
     {X_: x(g + 1), S_: Joint(x(g), y(g))}, "side condition g + 1 <= g not shown"),
])
def test_markov_rejects(relation, mapping, reason):
    rep = markov(relation, mapping)
    assert not rep.ok and reason in rejection_text(rep), rejection_text(rep)


def test_markov_rejects_a_law_whose_update_reads_an_earlier_generation():
    law = Law("lagged", g, {}, (StateVar("x", 0, x(g) + x(g - 1) + D(g), Domain.real()),),
              (Draw("D", "Normal", (0, 1)),))
    rel = sp.Eq(CondMutualInfo(x(k), x(g + 1), x(g)), 0)
    rep = markov(rel, {X_: x(k), S_: x(g)}, law)
    assert not rep.ok and "which it may not" in rejection_text(rep)


def test_chain_rule_and_nonnegativity_accept_their_instances_and_nothing_else():
    a, b, c = x(g), Joint(x(g), y(g)), D(g)
    chain = sp.Eq(MutualInfo(a, Joint(b, c)), MutualInfo(a, b) + CondMutualInfo(a, c, b))
    rule = R.AxiomInstance("mutual_information_chain_rule", {X_: a, Y_: b, Z_: c})
    assert one_step(chain, rule).ok
    # The pair in the other order is the same random vector.
    assert one_step(chain.xreplace({Joint(b, c): Joint(c, b)}), rule).ok
    # The conditional term conditioned on the wrong variable is not the chain rule.
    rep = one_step(sp.Eq(MutualInfo(a, Joint(b, c)), MutualInfo(a, b) + CondMutualInfo(a, b, c)), rule)
    assert not rep.ok and "not an instance" in rejection_text(rep)
    nonneg = R.AxiomInstance("conditional_mutual_information_nonnegative", {X_: a, Y_: b, Z_: c})
    assert one_step(sp.Le(MutualInfo(a, b), MutualInfo(a, b) + CondMutualInfo(a, c, b)), nonneg).ok
    rep = one_step(sp.Lt(MutualInfo(a, b), MutualInfo(a, b) + CondMutualInfo(a, c, b)), nonneg)
    assert not rep.ok and "not an instance" in rejection_text(rep)
    # Information words are no pattern values.
    rep = one_step(chain, R.AxiomInstance("mutual_information_chain_rule", {X_: MutualInfo(a, b), Y_: b, Z_: c}))
    assert not rep.ok and "no other word (or a Joint)" in rejection_text(rep)


def test_inequality_rules_do_not_subtract_informations():
    """From I(X; Y) <= I(X; Y) + I(X; Z | Y) the order rule may not cancel I(X; Y) (it may be infinite)."""
    a, b, c = x(g), y(g), D(g)
    nonneg = sp.Le(MutualInfo(a, b), MutualInfo(a, b) + CondMutualInfo(a, c, b))
    proof = Proof("order", {"s": sp.Ge(CondMutualInfo(a, c, b), 0)}, dict(DOMAINS), [
        Step("n", nonneg, R.AxiomInstance("conditional_mutual_information_nonnegative", {X_: a, Y_: b, Z_: c})),
        Step("s", sp.Ge(CondMutualInfo(a, c, b), 0), R.Order(), ("n",))], law=pair_law())
    rep = kernel.check(proof)
    assert not rep.ok and "may be infinite" in rejection_text(rep)

"""The rule Shift (an instance of a relation at a later or a fixed generation) and Induction from a later
start (its base case a later generation's expectation): a valid proof accepted, and each
side condition rejected on its own, for its reason."""

import pytest
import sympy as sp

from modelcollapse.proofs import corpus_attacks_mixing as attacks
from modelcollapse.proofs import kernel
from modelcollapse.proofs.corpus_attacks import rejection_text
from modelcollapse.proofs.kernel import CE, E, Rand

g = attacks.g


def test_induction_from_generation_one_is_accepted():
    rep = kernel.check(attacks.grow_from())
    assert rep.ok, rep.summary()
    rules = {type(s.step.rule).__name__ for s in rep.steps}
    assert {"Shift", "Induction"} <= rules
    assert any(type(s.step.rule).__name__ == "Induction" and s.step.rule.start == 1 for s in rep.steps)


def test_shift_states_the_instances_it_was_asked_for():
    steps = {s.label: s.relation for s in attacks.grow_steps()}
    assert steps["first"] == sp.Eq(CE(Rand("X", 1), 0), Rand("X", 0) + 1, evaluate=False)
    assert steps["later"].lhs == CE(Rand("X", g + 2), g + 1)


@pytest.mark.parametrize("builder, reason", [
    (attacks.shift_law_parameter, "is a parameter of the law"),
    (attacks.shift_down, "the value must be g + k or a number"),
    (attacks.shift_below_domain, "the value must be g + k or a number"),
    (attacks.shift_bounded_range, "from a number on"),
    (attacks.shift_dependent_domain, "another domain depends on g"),
    (attacks.shift_bound_variable, "is bound in the premise"),
    (attacks.shift_not_the_instance, "not the premise"),
    (attacks.induction_from_start_zero, "X_{g + 1} must be a function of the state at g"),
    (attacks.induction_from_wrong_generation, "must be a function of the state at g + 1"),
    (attacks.induction_from_without_base, "no base case"),
    (attacks.induction_from_wrong_closed_form, "inductive step fails"),
    (attacks.induction_from_step_at_wrong_generation, "premises must be"),
    (attacks.induction_from_base_not_expected, "premises must be"),
])
def test_each_side_condition_rejects(builder, reason):
    rep = kernel.check(builder())
    assert not rep.ok and reason in rejection_text(rep)


def test_a_true_variant_of_each_shift_attack_is_accepted():
    """The same premises with a valid instance: the side conditions, not the rule, reject above."""
    k = sp.Symbol("k", integer=True, nonnegative=True)
    premise = sp.Eq((k + 1) * (k - 1), k**2 - 1, evaluate=False)
    shifted = sp.Eq((k + 3) * (k + 1), (k + 2) ** 2 - 1, evaluate=False)
    proof = kernel.Proof("shift_ok", {"s": shifted}, {k: kernel.Domain.integer(0)}, [
        kernel.Step("p", premise, kernel.rules.Algebra()),
        kernel.Step("s", shifted, kernel.rules.Shift(k, k + 2), ("p",))])
    assert kernel.check(proof).ok
    at_number = kernel.Proof("shift_number", {"s": sp.Eq(E(Rand("X", 1)), 1, evaluate=False)},
                             dict(attacks.GENERATIONS), attacks.grow_steps(), attacks.grow_law())
    assert kernel.check(at_number).ok


def test_the_limit_keeps_powers_of_the_generation_whole():
    """A geometric term with a real base and a rational coefficient: its limit is taken (formerly the
    expansion moved the power into an expanded denominator), and a wrong limit is still refused."""
    w = sp.Symbol("w", positive=True)
    X = (1 - w) / (w * (2 - w)) + (1 - w) ** (2 * g + 1) / (w * (w - 2))
    dom = {**attacks.GENERATIONS, w: kernel.Domain.real(0, 1, lo_open=True)}
    for value, ok in (((1 - w) / (w * (2 - w)), True), (sp.Integer(0), False)):
        rel = sp.Eq(sp.Limit(X, g, sp.oo), value)
        rep = kernel.check(kernel.Proof("geometric", {"s": rel}, dom, [kernel.Step("s", rel, kernel.rules.Limit())]))
        assert rep.ok is ok, rep.summary()

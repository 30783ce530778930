"""Normalised laws (an update w / Sum_j w that reads the whole vector), StateInduction, and sums
weighed by a probability mass: each side condition accepted where it holds and rejected where it
fails, for its reason."""

import mpmath
import pytest
import sympy as sp

from modelcollapse.proofs import corpus_attacks_sampling as A
from modelcollapse.proofs.corpus_attacks import rejection_text
from modelcollapse.proofs.kernel import Domain, Draw, Proof, Rand, Step, check
from modelcollapse.proofs.kernel.decide import alpha_named, evaluate, is_positive, time_limit
from modelcollapse.proofs.kernel.domains import Space
from modelcollapse.proofs.kernel.rules import StateInduction, VectorTotal

g, K, tau, i, j, p0 = A.g, A.K, A.tau, A.i, A.j, A.p0
beta = sp.Symbol("beta", real=True)
r = sp.IndexedBase("r", real=True)
SPACE = Space({K: Domain.integer(1), tau: Domain.real(0, lo_open=True), g: Domain.integer(0), p0: A.SIMPLEX,
               beta: Domain.real(), r: Domain.vector(Domain.real(), length=K)})


# --- the law's checks -----------------------------------------------------------------------------

def test_normalised_laws_that_are_well_defined_are_accepted():
    assert A.normalised_law().problems() == []                                          # temperature
    tilted = A.normalised_law(weight=lambda x, idx: x * sp.exp(beta * r[idx]),
                              extra={beta: Domain.real(), r: Domain.vector(Domain.real(), length=K)})
    assert tilted.problems() == []                                                      # reward tilting
    positive = Domain.vector(Domain.real(0, 1, lo_open=True), length=K, total=1)
    assert A.normalised_law(extra={p0: positive}, domain=Domain.real(0, 1, lo_open=True)).problems() == []


@pytest.mark.parametrize("law, reason", [
    (lambda: A.normalised_law(weight=lambda x, idx: x * (1 - x)), "the normaliser may vanish"),
    (lambda: A.normalised_law(weight=lambda x, idx: x - sp.Rational(1, 2)), "is not shown >= 0"),
    (lambda: A.normalised_law(hi=K + 1), "its normaliser must be the sum of its weight"),
    (lambda: A.normalised_law(weight=lambda x, idx: x * Rand("D", g), draws=(Draw("D", "Poisson", (1,)),)),
     "which reads p_{i,g} alone"),
    (lambda: A.normalised_law(init=A.w[i], extra={A.w: Domain.vector(Domain.real(0, 1), length=K)}),
     "a probability vector"),
    (lambda: A.normalised_law(domain=Domain.real(0, 2)), "a probability vector"),
    # A full-support state from a start that may have zeros: (0, 1] is not kept from [0, 1].
    (lambda: A.normalised_law(domain=Domain.real(0, 1, lo_open=True)), "a probability vector"),
    (lambda: A.normalised_law(total_over=2 * A.P(g) / sp.Sum(A.P(g, j), (j, 1, K))), "its normaliser must be"),
])
def test_normalised_laws_that_may_be_ill_defined_are_rejected(law, reason):
    problems = law().problems()
    assert any(reason in p for p in problems), problems


# --- StateInduction ---------------------------------------------------------------------------------

def test_state_induction_proves_the_escort_form():
    report = check(A.closed_form_claim("escort", A.normalised_law(), A.ESCORT))
    assert report.ok, report.summary()
    assert {"induction", "law:normalised"} <= report.axioms


@pytest.mark.parametrize("attack, reason", [
    (A.escort_with_the_wrong_exponent, "does not take F at g to F at g + 1"),
    (A.state_induction_through_a_draw, "reads a draw or another variable"),
    (A.state_induction_on_part_of_the_range, "the law's whole range"),
    (lambda: A.closed_form_claim("shifted", A.normalised_law(), A.ESCORT.xreplace({g: g + 1})),
     "F at 0 is not the initial value"),
    (lambda: A.closed_form_claim("unnormalised", A.normalised_law(), p0[i] ** (tau ** -g)),
     "does not take F at g to F at g + 1"),
])
def test_state_induction_rejects(attack, reason):
    report = check(attack())
    assert not report.ok and reason in rejection_text(report), rejection_text(report)


def test_state_induction_concludes_about_its_variable_only():
    law = A.normalised_law()
    bad = sp.Eq(Rand("p", g + 1, i), A.ESCORT, evaluate=False)
    proof = Proof("other", {"s": bad}, {**law.params, g: Domain.integer(0), i: Domain.integer(1, K)},
                  [Step("total", sp.Eq(sp.Sum(p0[j], (j, 1, K)), 1), VectorTotal()),
                   Step("s", bad, StateInduction("p"), ("total",))], law)
    assert "concludes Eq(p_{i,g}, F)" in rejection_text(check(proof))


# --- sums weighed by a probability mass ---------------------------------------------------------------

def test_a_sum_weighed_by_a_probability_mass_is_positive():
    assert is_positive(sp.Sum(p0[j] ** (tau ** -g), (j, 1, K)), SPACE)[0]
    assert is_positive(sp.Sum(p0[j] * sp.exp(beta * r[j]), (j, 1, K)), SPACE)[0]
    # Inside a power: the inner sum is weighed first.
    inner = sp.Sum(p0[j] ** (tau ** -g), (j, 1, K))
    assert is_positive(sp.Sum((p0[j] ** (tau ** -g) / inner) ** (1 / tau), (j, 1, K)), SPACE)[0]


@pytest.mark.parametrize("expr", [
    sp.Sum(p0[j], (j, 1, K - 1)),                      # part of the range: the mass may lie outside it
    sp.Sum(p0[j] * (1 - p0[j]), (j, 1, K)),            # 0 for a point mass
    sp.Sum(p0[j] - sp.Rational(1, 2), (j, 1, K)),      # a summand < 0 at some entry
    sp.Sum(r[j] ** 2, (j, 1, K)),                      # r has no total: all its entries may be 0
    sp.Sum(p0[j] * r[i], (j, 1, K)),                   # reads an entry at another index
])
def test_a_sum_that_may_vanish_is_not_shown_positive(expr):
    assert not is_positive(expr, SPACE)[0]


def test_entries_that_may_be_negative_carry_no_mass():
    signed = sp.IndexedBase("v", real=True)
    space = Space({K: Domain.integer(1), signed: Domain.vector(Domain.real(-1, 1), length=K, total=1)})
    assert not is_positive(sp.Sum(signed[j] ** 2, (j, 1, K)), space)[0]


# --- the decision procedure's pieces --------------------------------------------------------------------

def test_a_power_with_a_long_fraction_as_exponent_is_evaluated_without_end():
    x = sp.Symbol("x", positive=True)
    value = evaluate(x ** (tau ** -g), {x: sp.Rational(1, 3), tau: sp.Rational(391, 42), g: sp.Integer(10)})
    with mpmath.workdps(30):
        assert abs(value - complex(mpmath.mpf(1) / 3 ** (mpmath.mpf(42) / 391) ** 10)) < 1e-12


@pytest.mark.parametrize("mass, entry, tau_value, generation", [
    # a short fraction raised again: (74/97)^(100/79), then the whole to 100/79 (perfect-power tests of huge integers)
    (sp.Rational(71, 100), sp.Rational(74, 97), sp.Rational(79, 100), 0),
    # a large integer exponent: (27/97)^(4^12) exactly has millions of digits
    (sp.Rational(163, 25), sp.Rational(27, 97), sp.Rational(1, 4), 11),
])
def test_a_renormalised_escort_weight_is_evaluated_at_a_point(mass, entry, tau_value, generation):
    # One refutation point of the escort form's induction step; an exact evaluation ran past the 30 s step limit.
    m, x = sp.Symbol("m", positive=True), sp.Symbol("x", positive=True)
    expr = (x ** (tau ** (-g - 1)) / m) ** (1 / tau)
    with time_limit(10):
        value = evaluate(expr, {m: mass, x: entry, tau: tau_value, g: sp.Integer(generation)})
    with mpmath.workdps(40):
        b = mpmath.mpf(tau_value.p) / tau_value.q
        want = (mpmath.mpf(entry.p) / entry.q) ** (b ** (-generation - 2)) / (mpmath.mpf(mass.p) / mass.q) ** (1 / b)
        assert abs(value - want) <= 1e-15 * abs(want)


def test_a_constant_huge_power_is_evaluated_at_a_point_in_floating_point():
    # (5/19)^(10^7) exactly is one long C computation that no step timer interrupts.
    x = sp.Symbol("x", positive=True)
    with time_limit(5):
        value = evaluate(1 - x ** (10 ** 7) + x ** sp.Rational(1, 2), {x: sp.Rational(5, 19)})
    assert abs(value - (1 + mpmath.sqrt(mpmath.mpf(5) / 19))) < 1e-15


def test_alpha_naming_joins_sums_alike_but_for_their_variable_and_never_captures():
    k = sp.Symbol("k", integer=True)
    assert alpha_named(sp.Sum(p0[j] ** 2, (j, 1, K))) == alpha_named(sp.Sum(p0[k] ** 2, (k, 1, K)))
    assert alpha_named(sp.Sum(p0[j] ** 2, (j, 1, K))) != alpha_named(sp.Sum(p0[j] ** 3, (j, 1, K)))
    named = alpha_named(sp.Sum(p0[j], (j, 1, K)))
    c = named.variables[0]
    # A summand that holds a canonical name free is not captured by it.
    held = alpha_named(sp.Sum(p0[j] * c, (j, 1, K)))
    assert held.variables[0] != c and c in held.free_symbols


# --- SupportKept ----------------------------------------------------------------------------------------

def test_support_kept_under_a_curation_law():
    report = check(A._support_claim("kept", A.curation_law()))
    assert report.ok and {"binomial_support", "law:curation"} <= report.axioms, report.summary()


@pytest.mark.parametrize("attack, reason", [
    (A.support_with_added_mass, "the update does not vanish when"),
    (A.support_of_a_count_at_another_probability, "must be a Binomial count with probability"),
    (A.support_converse, "concludes AlmostSurely"),
    (lambda: A._support_claim("poisson", A.curation_law(draw=Draw("C", "Poisson", (A.n * A.P(g),)))),
     "must be a Binomial count"),
])
def test_support_kept_rejects(attack, reason):
    report = check(attack())
    assert not report.ok and reason in rejection_text(report), rejection_text(report)

"""The cited series and product criteria (``p_series_comparison``, ``infinite_product_criterion``): a
sequence enters them as a pattern of kind ``function`` (a Lambda applied where the schema applies
U), and each instance's side conditions (the comparison bounds, 0 <= u_j < 1) are decided. A series
compared with oo is a value only when its terms are shown >= 0. Each rejection names its reason."""

import sympy as sp

from modelcollapse.proofs import kernel
from modelcollapse.proofs.corpus_attacks import rejection_text
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel import rules as R
from modelcollapse.proofs.kernel.terms import rebuilt
from modelcollapse.theory.limits import PRODUCT_LENGTH, SERIES_INDEX, p_series_criterion, product_criterion

n0 = sp.Symbol("n0", integer=True, positive=True)
gamma = sp.Symbol("gamma", nonnegative=True)
x = sp.Symbol("x")
j = SERIES_INDEX
DOMAINS = {n0: Domain.integer(2), gamma: Domain.real(0)}
GROWING = sp.Lambda(x, 1 / sp.ceiling(n0 * (x + 1) ** gamma))


def checked(name, relation, rule, domains=DOMAINS):
    return kernel.check(Proof(name, {"statement": relation}, domains, [Step("statement", relation, rule)]),
                        kernel.Library())


def by_axiom(name, relation, axiom, mapping, domains=DOMAINS):
    return checked(name, relation, R.AxiomInstance(axiom, {sp.Symbol(k): v for k, v in mapping.items()}), domains)


def test_the_growing_schedule_meets_both_criteria():
    series, _ = p_series_criterion(GROWING, gamma, 1 / (n0 + 1), 1 / n0)
    product, _ = product_criterion(GROWING)
    assert by_axiom("series", series, "p_series_comparison",
                    {"U": GROWING, "a": gamma, "c": 1 / (n0 + 1), "C": 1 / n0}).ok
    assert by_axiom("product", product, "infinite_product_criterion", {"U": GROWING}).ok


def test_a_comparison_that_does_not_hold_is_refused():
    # 1/(n0 (j + 1)) against the exponent 2: (j + 1)^2 / (j + 1) is unbounded, so no upper constant holds
    harmonic = sp.Lambda(x, 1 / (n0 * (x + 1)))
    false, _ = p_series_criterion(harmonic, sp.Integer(2), 1 / n0, 1 / n0)
    report = by_axiom("harmonic_as_p2", false, "p_series_comparison", {"U": harmonic, "a": 2, "c": 1 / n0, "C": 1 / n0})
    assert not report.ok and "side condition" in rejection_text(report)
    # a geometric sequence is below every power: no lower constant c > 0
    geometric = sp.Lambda(x, n0 ** (-x))
    false, _ = p_series_criterion(geometric, gamma / 2, sp.Integer(1), sp.Integer(1))
    report = by_axiom("geometric_as_power", false, "p_series_comparison", {"U": geometric, "a": gamma / 2, "c": 1, "C": 1})
    assert not report.ok and "side condition" in rejection_text(report)


def test_a_product_of_factors_that_may_vanish_is_refused():
    # u_j = 1 at j = 0 and n0 = 2: the product is 0 whatever the series does
    ones = sp.Lambda(x, 2 / (n0 * (x + 1)))
    relation, _ = product_criterion(ones)
    report = by_axiom("factor_zero", relation, "infinite_product_criterion", {"U": ones})
    assert not report.ok and "side condition" in rejection_text(report)


def test_a_sequence_must_be_a_lambda_free_of_the_relation_s_bound_variables():
    relation, _ = product_criterion(GROWING)
    report = by_axiom("not_lambda", relation, "infinite_product_criterion", {"U": 1 / n0})
    assert not report.ok and "Lambda" in rejection_text(report)
    captured = sp.Lambda(x, 1 / (n0 * (x + 1) + j))
    relation, _ = product_criterion(captured)
    report = by_axiom("captured", relation, "infinite_product_criterion", {"U": captured})
    assert not report.ok and "capture" in rejection_text(report)


def test_a_series_compared_with_infinity_needs_terms_shown_nonnegative():
    alternating = sp.Lambda(x, (-1) ** x / (n0 * (x + 1)))
    relation = sp.Equivalent(sp.Lt(sp.Sum(alternating(j), (j, 0, sp.oo)), sp.oo, evaluate=False), sp.Gt(gamma, 1))
    report = checked("alternating", relation, R.Algebra())
    assert not report.ok and "not shown >= 0" in rejection_text(report)


def test_the_kernel_s_copy_of_an_equivalence_and_a_lambda_is_the_same_node():
    relation, _ = product_criterion(GROWING)
    assert rebuilt(relation) == relation and rebuilt(GROWING) == GROWING
    assert rebuilt(relation).args == relation.args and PRODUCT_LENGTH in relation.free_symbols | \
        {v for a in relation.atoms(sp.Limit) for v in [a.args[1]]}


def test_a_proof_s_domain_for_the_schema_s_index_does_not_narrow_the_side_conditions():
    """Round 48: with j declared in [0, 0], the comparison 1 <= (j + 1)^2 / (j + 1) <= 1 held there only, and the
    harmonic series was proved convergent. The schema's index now stands for every j >= 0 in its conditions."""
    harmonic = sp.Lambda(x, 1 / (x + 1))
    false, _ = p_series_criterion(harmonic, sp.Integer(2), sp.Integer(1), sp.Integer(1))
    for domain in (Domain.integer(0, 0), Domain.finite([0]), Domain.integer(1)):
        report = by_axiom("harmonic_narrowed", false, "p_series_comparison",
                          {"U": harmonic, "a": 2, "c": 1, "C": 1}, {j: domain})
        assert not report.ok and "side condition" in rejection_text(report)
    # and the honest instance still holds with a domain for a symbol named j beside it
    series, _ = p_series_criterion(GROWING, gamma, 1 / (n0 + 1), 1 / n0)
    assert by_axiom("series_beside_j", series, "p_series_comparison",
                    {"U": GROWING, "a": gamma, "c": 1 / (n0 + 1), "C": 1 / n0}, {**DOMAINS, j: Domain.integer(0, 0)}).ok


def test_a_value_put_into_an_axiom_must_be_one():
    series, _ = p_series_criterion(GROWING, gamma, 1 / (n0 - 2), 1 / n0)
    report = by_axiom("pole_constant", series, "p_series_comparison",
                      {"U": GROWING, "a": gamma, "c": 1 / (n0 - 2), "C": 1 / n0})
    assert not report.ok and "is not shown defined" in rejection_text(report)


def test_a_lambda_enters_only_where_a_sequence_is_expected():
    series, _ = p_series_criterion(GROWING, gamma, 1 / (n0 + 1), 1 / n0)
    report = by_axiom("exponent_lambda", series, "p_series_comparison",
                      {"U": GROWING, "a": sp.Lambda(x, gamma), "c": 1 / (n0 + 1), "C": 1 / n0})
    assert not report.ok and "must be no Lambda" in rejection_text(report)

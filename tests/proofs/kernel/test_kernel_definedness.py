"""Every relation of a proof, and every part of a law, must be shown defined and finite on the whole
domain before a rule looks at it: a pole cancelled by a normal form, a sum over a reversed or
non-integer range, a root of a negative number, text in a rule's fields, a vector's label standing
alone -- each is rejected, and the honest forms next to it are accepted."""

import pytest
import sympy as sp

from modelcollapse.proofs.kernel import Domain, Law, Proof, Rand, StateVar, Step, check
from modelcollapse.proofs.kernel.decide import is_positive, undefined
from modelcollapse.proofs.kernel.domains import Space
from modelcollapse.proofs.kernel.rules import Algebra, ExpectLinear, Rewrite, Specialize
from modelcollapse.proofs.kernel.terms import exact

n = sp.Symbol("n", integer=True, positive=True)
i = sp.Symbol("i", integer=True)
x = sp.Symbol("x", real=True)
R = sp.Symbol("R", positive=True)
g = sp.Symbol("g", integer=True, nonnegative=True)
SPACE = Space({n: Domain.integer(1), x: Domain.real(), R: Domain.real(0, lo_open=True)})


@pytest.mark.parametrize("expr", [
    sp.Sum(1 / i, (i, 1, n)),                      # the index ranges over 1..n: never zero
    sp.Sum(i, (i, 1, n - 1)),                      # empty at n = 1, never reversed
    sp.Product(1 - 1 / (i + 1), (i, 1, sp.oo)),
    sp.sqrt(1 - 2 ** (-2 * R)),                    # 1 - 4^-R >= 0 for R > 0
    sp.log(n) / n + sp.polygamma(0, (n + 1) / 2),
    x ** 2 / (x ** 2 + 1),
])
def test_defined_expressions_pass(expr):
    assert undefined(expr, SPACE) == ""


@pytest.mark.parametrize("expr, why", [
    (sp.Sum(1 / i, (i, 0, n)), "may vanish in a denominator"),
    (sp.Sum(1, (i, 1, n - 2)), "its range may be reversed"),
    (sp.Product(2, (i, 1, x)), "its limits must be integers"),
    (sp.Sum(1, (i, 1, n / 2)), "its limits must be integers"),
    ((x ** 2 - 1) / (x - 1), "may vanish in a denominator"),
    (sp.sqrt(x), "may be negative under a root"),
    (sp.log(x ** 2), "its argument may not be positive"),
    (sp.gamma(x), "its argument may not be positive"),
    (sp.binomial(n, n - x), "its order may not be a natural number"),
    (x + sp.I, "an imaginary unit, nan or complex infinity"),
    (sp.tan(x), "poles are not tracked"),
])
def test_undefined_expressions_are_named(expr, why):
    assert why in undefined(expr, SPACE)


def _algebra(rel, domains):
    return check(Proof("p", {"statement": rel}, domains, [Step("s", rel, Algebra())]))


def test_a_cancelled_pole_is_rejected_and_the_defined_form_accepted():
    assert "may vanish in a denominator" in _algebra(sp.Eq((x ** 2 - 1) / (x - 1), x + 1), {x: Domain.real()}).summary()
    assert _algebra(sp.Eq((x ** 2 - 1) / (x - 1), x + 1), {x: Domain.real(2)}).ok


def test_an_empty_sum_is_accepted_and_a_reversed_one_rejected():
    m, k = sp.Symbol("m", integer=True, nonnegative=True), sp.Symbol("k", integer=True)
    assert _algebra(sp.Eq(sp.Sum(1, (i, 1, m)), m), {m: Domain.integer(0)}).ok       # m = 0: the empty sum
    assert "its range may be reversed" in _algebra(sp.Eq(sp.Sum(1, (i, 1, k)), k), {k: Domain.integer(-5)}).summary()


def test_specialize_cannot_carry_a_sum_to_a_reversed_range():
    k = sp.Symbol("k", integer=True)
    steps = [Step("a", sp.Eq(sp.Sum(1, (i, 1, k)), k), Algebra()),
             Step("b", sp.Eq(sp.Sum(1, (i, 1, -1)), -1), Specialize(k, -1), ("a",))]
    rep = check(Proof("p", {"statement": steps[-1].relation}, {k: Domain.integer(-1)}, steps))
    assert not rep.ok and "its range may be reversed" in rep.summary()


def test_rule_fields_take_no_text_and_are_copied():
    with pytest.raises(ValueError, match="str is not a node the kernel reads"):
        exact(ExpectLinear(coefficients=("1/10",)), ExpectLinear)
    with pytest.raises(ValueError, match="must be a bool"):
        exact(Rewrite(source=1), Rewrite)
    coefficients = [1, sp.Rational(1, 2)]
    copy = exact(ExpectLinear(coefficients=coefficients), ExpectLinear)
    coefficients.append(5)  # the caller's list changes after the copy: the copy does not
    assert copy.coefficients == (sp.Integer(1), sp.Rational(1, 2)) and isinstance(copy.coefficients[0], sp.Integer)


def test_a_vector_label_may_not_stand_alone():
    v = sp.Symbol("v", real=True)
    vec = sp.IndexedBase(v)
    rel = sp.Ge(v ** 2 + vec[1], vec[1], evaluate=False)
    rep = check(Proof("p", {"statement": rel}, {vec: Domain.vector(Domain.real(), 2)}, [Step("s", rel, Algebra())]))
    assert not rep.ok and "label also stands alone" in rep.summary()


@pytest.mark.parametrize("update, domain, why", [
    (1 / Rand("X", g), Domain.real(), "may vanish in a denominator"),
    (sp.sqrt(Rand("X", g)), Domain.real(), "may be negative under a root"),
    (Rand("X", g) + sp.I, Domain.real(), "an imaginary unit"),
    (sp.zoo, Domain.real(), "an imaginary unit"),
    (sp.log(Rand("X", g)), Domain.real(), "its argument may not be positive"),
])
def test_a_law_update_must_be_a_finite_real_number(update, domain, why):
    law = Law("l", g, {}, (StateVar("X", sp.Integer(1), update, domain),), ())
    assert any(why in p for p in law.problems())


def test_a_law_update_that_stays_real_is_well_formed():
    law = Law("l", g, {}, (StateVar("X", sp.Integer(1), sp.sqrt(Rand("X", g)) + 1 / (1 + Rand("X", g)),
                                    Domain.real(0)),), ())
    assert law.problems() == []


def test_a_difference_of_positive_terms_is_signed_through_logarithms():
    assert is_positive(1 - 2 ** (-2 * R), SPACE, strict=True)[0]
    assert not is_positive(2 ** (-2 * R) - 1, SPACE, strict=False)[0]
    assert not is_positive(1 - 2 ** (-2 * x), SPACE, strict=False)[0]   # x may be negative

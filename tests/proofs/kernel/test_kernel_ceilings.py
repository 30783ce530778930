"""A growing sample n_s = ceil(n0 (s + 1)^gamma): what the kernel needs to read it, and what it must not
read into it. The sign of a ceiling and of a power of a base >= 1 are shown by generalisation, an index
of an empty range is vacuous, and the numbers at a point stay finite in time and right at huge sizes.
Each acceptance below failed on the kernel before these changes (the ceiling's sign was not decided)."""

import mpmath
import sympy as sp

from modelcollapse.proofs import kernel
from modelcollapse.proofs.kernel.decide import evaluate, is_positive, is_zero, refuted

n0 = sp.Symbol("n0", integer=True, positive=True)
gamma = sp.Symbol("gamma", nonnegative=True)
t = sp.Symbol("t", integer=True, nonnegative=True)
s = sp.Symbol("s", integer=True, nonnegative=True)
x = sp.Symbol("x", real=True)
SPACE = kernel.Space({n0: kernel.Domain.integer(2), gamma: kernel.Domain.real(0), t: kernel.Domain.integer(0)})
SIZE = sp.ceiling(n0 * (t + 1) ** gamma)


def shown(expr, space=SPACE, strict=True):
    return is_positive(expr, space, strict)[0]


def test_a_growing_sample_size_is_shown_at_least_two():
    assert shown(SIZE - 2, strict=False)
    assert shown(SIZE - 1) and shown((t + 1) ** gamma - 1, strict=False)
    # and no more than that: ceil(2 * 1^gamma) = 2 at t = 0, and (t + 1)^gamma = 1 at gamma = 0
    assert not shown(SIZE - 2) and not shown(SIZE - 3, strict=False)
    assert not shown((t + 1) ** gamma - 1)


def test_a_ceiling_lies_in_x_to_x_plus_one_and_no_further():
    space = kernel.Space({x: kernel.Domain.real()})
    assert shown(sp.ceiling(x) - x, space, strict=False) and shown(x + 1 - sp.ceiling(x), space)
    assert not shown(sp.ceiling(x) - x, space)                      # x an integer
    assert not shown(x + 1 - sp.ceiling(x) - sp.Rational(1, 10**6), space)
    assert not shown(sp.ceiling(x) - x - 1, space, strict=False)


def test_a_power_is_at_least_one_only_for_a_base_at_least_one():
    y = sp.Symbol("y", positive=True)
    space = kernel.Space({y: kernel.Domain.real(0, lo_open=True), gamma: kernel.Domain.real(0)})
    assert not shown(y ** gamma - 1, space, strict=False)           # y = 1/2, gamma = 1
    assert not shown((1 + y) ** (-gamma) - 1, space, strict=False)  # the exponent may be negative


def test_an_index_of_an_empty_range_is_vacuous_and_a_reversed_one_is_not():
    inside = SPACE.with_index(s, 0, t - 1)
    # s + 1 >= 1 for every term of a product over s = 0 .. t - 1 (none at t = 0)
    assert shown(SIZE.subs(t, s) / 2 - sp.Rational(1, 2), inside)
    assert shown(s, inside, strict=False)
    # a range whose end may lie two below its start holds the reversed terms: not read as empty
    m = sp.Symbol("m", integer=True)
    reversed_ = kernel.Space({m: kernel.Domain.integer(None)}).with_index(s, 0, m)
    assert not shown(s, reversed_, strict=False)


def test_points_of_an_empty_range_are_skipped():
    inside = kernel.Space({t: kernel.Domain.integer(0, 2)}).with_index(s, 0, t - 1)
    points = list(inside.points(40, seed=3))
    assert points and all(0 <= p[s] <= p[t] - 1 for p in points)
    # a claim false only at a point no range holds is not refuted there
    assert not refuted(s + 1, inside, sign="weak")


def test_gamma_at_a_point_is_exact_when_small_and_accurate_when_huge():
    k = sp.Symbol("k", positive=True)
    ratio = sp.gamma(k / 2 + sp.Rational(1, 2)) / sp.gamma(k / 2 - sp.Rational(1, 2))
    for size in (sp.Integer(7), sp.Integer(10) ** 63 + 1):
        value = evaluate(ratio - (k - 1) / 2, {k: size})
        assert value is not None and abs(value) < 1e-9 * size
    assert evaluate(sp.gamma(k), {k: sp.Integer(-2)}) is None        # a pole
    assert mpmath.almosteq(evaluate(sp.gamma(k), {k: sp.Rational(-5, 2)}).real, mpmath.gamma(-2.5))


def test_an_identity_in_a_growing_sample_is_decided():
    # the mean of a chi-square with n - 1 degrees at the growing size n: 2 gamma(n/2 + 1/2) / gamma(n/2 - 1/2) = n - 1
    moment = 2 * sp.gamma(SIZE / 2 + sp.Rational(1, 2)) / sp.gamma(SIZE / 2 - sp.Rational(1, 2))
    assert is_zero(moment - (SIZE - 1), SPACE)[0]
    assert not is_zero(moment - SIZE, SPACE)[0]
    # one degree fewer, and n = 2 is a pole: gamma(0)
    assert not is_zero(2 * sp.gamma(SIZE / 2) / sp.gamma(SIZE / 2 - 1) - (SIZE - 2), SPACE)[0]


def test_a_product_over_a_range_that_may_be_empty_is_not_called_zero():
    """Round 50: prod_{i=1}^{h} (i - h) is 0 for h >= 1 and 1 at h = 0. Peeling its last factor at a reversed
    range, and rewriting its closed form rf(1 - h, h) as (-1)^h ff(h - 1, h) (which sympy, through gamma, calls
    0), both called it 0. h = (n - 20)^2 keeps h = 0 beyond the refuter's points."""
    n = sp.Symbol("n", integer=True, nonnegative=True)
    i = sp.Symbol("i", integer=True)
    h = (n - 20) ** 2
    space = kernel.Space({n: kernel.Domain.integer(0)})
    assert not is_zero(sp.Product(i - h, (i, 1, h)), space)[0]
    # and an induction's step over a product still splits where the part left is an ordinary range
    k = sp.Symbol("k", integer=True, positive=True)
    step = sp.Product(1 - 1 / (4 * k**2), (k, 1, t + 1)) - (1 - 1 / (4 * (t + 1) ** 2)) * sp.Product(
        1 - 1 / (4 * k**2), (k, 1, t))
    assert is_zero(step, kernel.Space({t: kernel.Domain.integer(0)}))[0]


def test_an_opaque_stand_in_keeps_the_index_it_reads():
    """Round 51: the gamma guard made binomial(i - 5, k) one constant for every i, so two sums over different
    ranges were equal (2u - 2u); k = (n (n - 1) ... (n - 12))^2 is 0 wherever the refuter looks."""
    n = sp.Symbol("n", integer=True, nonnegative=True)
    i = sp.Symbol("i", integer=True)
    order = sp.Mul(*[(n - m) for m in range(13)]) ** 2
    space = kernel.Space({n: kernel.Domain.integer(0)})
    claim = sp.Sum(sp.binomial(i - 5, order), (i, 1, 2)) - sp.Sum(sp.binomial(i - 5, order), (i, 3, 4))
    assert not is_zero(claim, space)[0]
    assert is_zero(claim - claim, space)[0]

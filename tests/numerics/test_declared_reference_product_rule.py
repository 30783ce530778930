"""The reference route's product rule on mpmath's raw values against exact rational arithmetic."""

import itertools
from fractions import Fraction

import mpmath

from modelcollapse.numerics import declared_reference as route

# Two draws: a three-node rule and a two-node rule whose nodes are count tuples (a multinomial's).
RULES = [[(Fraction(-1), Fraction(1, 6)), (Fraction(0), Fraction(2, 3)), (Fraction(1), Fraction(1, 6))],
         [((2, 0), Fraction(3, 7)), ((1, 1), Fraction(4, 7))]]
STATE, COMMON = [Fraction(5, 3)], [Fraction(2, 9)]


def _basis(s, x, c1, c2, a, exact=False):
    """(1, s + x a / 3, c1 * c2 as an int, s^2 x^2 + c1 / 7): values of mixed kinds, as compiled functions give."""
    third, seventh = (Fraction(1, 3), Fraction(1, 7)) if exact else (mpmath.mpf(1) / 3, mpmath.mpf(1) / 7)
    return [1, s + x * a * third, int(c1 * c2), s**2 * x**2 + c1 * seventh]


def _exact():
    total = [Fraction(0)] * 4
    for (x, wx), (c, wc) in itertools.product(*RULES):
        for k, v in enumerate(_basis(*STATE, x, *c, *COMMON, exact=True)):
            total[k] += wx * wc * v
    return total


def _flat(dps):
    with mpmath.workdps(dps):
        mp = lambda q: mpmath.mpf(q.numerator) / q.denominator  # noqa: E731
        return [[([mp(x)], mp(w)) for x, w in RULES[0]], [(list(c), mp(w)) for c, w in RULES[1]]]


def test_product_rule_agrees_with_exact_rationals():
    for dps in (15, 50):
        flat = _flat(dps)
        with mpmath.workdps(dps):
            state, common = [mpmath.mpf(5) / 3], [mpmath.mpf(2) / 9]
            got = route._product_rule(_basis, state, common, flat, 4)
            for g, e in zip(got, _exact()):
                assert isinstance(g, mpmath.mpf)
                assert abs(g - mpmath.mpf(e.numerator) / e.denominator) < mpmath.mpf(10) ** -(dps - 2) * max(1, abs(g))


def test_product_rule_refuses_what_is_not_real_and_without_draws_is_the_value():
    with mpmath.workdps(30):
        flat = _flat(30)
        complex_valued = lambda *args: [mpmath.mpc(1, 1)]  # noqa: E731
        try:
            route._product_rule(complex_valued, [0], [], flat, 1)
        except route._NotReal:
            pass
        else:
            raise AssertionError("an mpc value must leave the raw-value loop")
        assert route._product_rule(lambda s: [s * 3, 2], [mpmath.mpf(1) / 3], [], [], 2) == [1, 2]

"""The K-category chain's step (mpmath raw values) against the chain computed in exact rationals."""

import math
from fractions import Fraction

import mpmath
import pytest

from modelcollapse.numerics.multinomial_chain import MultinomialChain


def _pmf(counts, probs):
    out = Fraction(math.factorial(sum(counts)))
    for c, q in zip(counts, probs):
        out *= q**c / math.factorial(c)
    return out


def _exact_distribution(p0, n, t, states):
    dist = [_pmf(s, p0) for s in states]
    for _ in range(t - 1):
        out = [Fraction(0)] * len(states)
        for w, s in zip(dist, states):
            for m2, s2 in enumerate(states):
                out[m2] += w * _pmf(s2, [Fraction(c, n) for c in s])
        dist = out
    return dist


@pytest.mark.parametrize("p0, n, t", [((Fraction(1, 2), Fraction(1, 2)), 2, 3),      # K = 2, n = 2
                                      ((Fraction(1, 4), Fraction(3, 4)), 5, 4),
                                      ((Fraction(0), Fraction(3, 8), Fraction(5, 8)), 3, 3),  # a zero in p0
                                      ((Fraction(1), Fraction(0), Fraction(0)), 4, 2)])  # a point mass
def test_distribution_agrees_with_exact_rationals(p0, n, t):
    dps = 40
    chain = MultinomialChain([float(q) for q in p0], n, dps=dps)
    got = chain.distribution(t)
    exact = _exact_distribution(p0, n, t, chain.states)
    with mpmath.workdps(dps + 10):
        for g, e in zip(got, exact):
            assert isinstance(g, mpmath.mpf)
            assert abs(g - mpmath.mpf(e.numerator) / e.denominator) < mpmath.mpf(10) ** -(dps - 2)


def test_step_takes_python_numbers_and_higher_precision_weights():
    chain = MultinomialChain((0.5, 0.5), 3, dps=30)
    states = chain.states
    point = [0] * len(states)
    point[states.index((1, 2))] = 1  # an int weight
    by_int = chain.step(point)
    point[states.index((1, 2))] = 1.0  # a float weight
    assert chain.step(point) == by_int
    exact = _exact_distribution((Fraction(1, 3), Fraction(2, 3)), 3, 1, states)
    with mpmath.workdps(40):
        for g, e in zip(by_int, exact):
            assert abs(g - mpmath.mpf(e.numerator) / e.denominator) < mpmath.mpf(10) ** -28
        heavy = [mpmath.mpf(1) / 3 if s == (1, 2) else mpmath.mpf(0) for s in states]
    stepped = chain.step(heavy)  # a 40-digit weight
    with mpmath.workdps(40):
        for g, e in zip(stepped, exact):
            assert abs(g - mpmath.mpf(e.numerator) / e.denominator / 3) < mpmath.mpf(10) ** -28

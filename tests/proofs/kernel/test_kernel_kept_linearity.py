"""Linearity with kept expectations (ExpectLinear's ``kept``) and the sign of -log(x^x), both ways:
each side condition accepts a valid step here and rejects an invalid one in the soundness corpus
(:mod:`modelcollapse.proofs.corpus_attacks_divergence`), for its stated reason."""

import pytest
import sympy as sp

from modelcollapse.proofs import corpus_attacks_divergence as attacks
from modelcollapse.proofs.corpus_attacks import rejection_text
from modelcollapse.proofs.kernel import E, Domain, Proof, Step, check
from modelcollapse.proofs.kernel.rules import Algebra, ExpectLinear

g, HEAVY, x = attacks.g, attacks.HEAVY, attacks.x


def _one(relation, rule, steps=(), premises=(), domains=None, law=None):
    return check(Proof("valid", {"statement": relation}, domains or {g: Domain.integer(0)},
                       list(steps) + [Step("statement", relation, rule, premises)], law=law or attacks.normal_law()))


def test_kept_term_of_infinite_mean_with_a_finite_part():
    """E(1 + W) = 1 + E(W) with E(W) = oo: both sides oo."""
    rep = _one(sp.Eq(E(1 + HEAVY), 1 + E(HEAVY)), ExpectLinear((1,), 0, ((1, HEAVY),)),
               [Step("m", sp.Eq(E(sp.Integer(1)), 1), ExpectLinear((), 1))], ("m",))
    assert rep.ok, rep.summary()


def test_kept_terms_of_one_negative_sign_inside_a_product():
    """E((2 - W - D^2) / 3) = (2 - E(W) - E(D^2)) / 3: two kept terms, both coefficients -1/3."""
    D2 = attacks.D(g) ** 2
    rep = _one(sp.Eq(E((2 - HEAVY - D2) / 3), (2 - E(HEAVY) - E(D2)) / 3),
               ExpectLinear((), sp.Rational(2, 3), ((-sp.Rational(1, 3), HEAVY), (-sp.Rational(1, 3), D2))))
    assert rep.ok, rep.summary()


def test_entropy_term_is_nonnegative_on_the_unit_interval():
    rel = sp.Le(0, -sp.log(x**x))
    rep = check(Proof("sign", {"statement": rel}, {x: Domain.real(0, 1)}, [Step("statement", rel, Algebra())]))
    assert rep.ok, rep.summary()


@pytest.mark.parametrize("name, build, expected", attacks.attacks(), ids=[a[0] for a in attacks.attacks()])
def test_each_side_condition_rejects(name, build, expected):
    rep = attacks.check_attack(name, build)
    assert not rep.ok and expected in rejection_text(rep), rejection_text(rep)

"""Adversarial corpus for linearity with kept expectations and the sign of -log(x^x).

``ExpectLinear`` may keep terms as expectations, E(Y) = ... + sum d_j E(U_j): each U_j shown >= 0,
the d_j of one sign, each E(U_j) once in the value inside sums and products only. ``decide`` signs
-log(b^x) >= 0 for 0 <= b <= 1 and x >= 0 (the entropy term -p log p, written -log(p^p)). Each entry
below tries to get more out of these than they give: oo - oo through a term kept twice, through
coefficients of both signs or through a term of no sign, a value that reads the kept expectation
more than once, a combination that is not Y, and the sign outside [0, 1] or strict. ``attacks()``
returns ``(name, build, expected)`` as the earlier rounds do; every statement is false (or has no
value: oo - oo) or reached by invalid reasoning (the comment above each entry says why).
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import E, Domain, Draw, Law, Proof, Rand, Step
from modelcollapse.proofs.kernel.rules import Algebra, ExpectLinear

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

g = sp.Symbol("g", integer=True, nonnegative=True)
x = sp.Symbol("x", nonnegative=True)


def D(t):
    return Rand("D", t)


#: exp(D^2) for D ~ N(0, 1): >= 0 and defined everywhere, with E[exp(D^2)] = oo (the integrand
#: exp(x^2 / 2) / sqrt(2 pi) is not integrable).
HEAVY = sp.exp(D(g) ** 2)


def normal_law():
    return Law("normal", g, {}, (), (Draw("D", "Normal", (0, 1)),))


def _linear(name, relation, kept, coefficients=(), premises=(), steps=()):
    return Proof(name, {"statement": relation}, {g: Domain.integer(0)},
                 list(steps) + [Step("statement", relation, ExpectLinear(coefficients, 0, kept), premises)],
                 law=normal_law())


# -1 = E(W) - E(W) with E(W) = oo: oo - oo, no number. The term is kept twice, once with each sign.
def kept_twice():
    return _linear("kept_twice", sp.Eq(E(sp.Integer(-1)), E(HEAVY) - E(HEAVY) - 1, evaluate=False),
                   ((1, HEAVY), (-1, HEAVY)))


# E(-1) = E(W) - E(W + 1) with both expectations oo: oo - oo. Two kept terms of opposite signs.
def kept_with_both_signs():
    return _linear("kept_both_signs", sp.Eq(E(sp.Integer(-1)), E(HEAVY) - E(HEAVY + 1)), ((1, HEAVY), (-1, HEAVY + 1)))


# E(-1) = E(W) + E(-W - 1): oo + (-oo). The second kept term is never >= 0.
def kept_term_of_no_sign():
    return _linear("kept_no_sign", sp.Eq(E(sp.Integer(-1)), E(HEAVY) + E(-HEAVY - 1)), ((1, HEAVY), (1, -HEAVY - 1)))


# E(W) = E(W) (1 + E(W)^2) - E(W)^3: an identity for every real E(W), but oo - oo at E(W) = oo. The
# value reads the kept expectation twice, inside a product that is no constant multiple.
def kept_value_not_affine():
    z = E(HEAVY)
    return _linear("kept_not_affine", sp.Eq(E(HEAVY), z * (1 + z**2) - z**3, evaluate=False), ((1, HEAVY),))


# E(W) = |E(W)|: true (E(W) >= 0), but linearity gives no absolute value: reached by invalid reasoning.
# Only sums and products may stand above a kept expectation.
def kept_value_under_a_function():
    return _linear("kept_under_function", sp.Eq(E(HEAVY), sp.Abs(E(HEAVY))), ((1, HEAVY),))


# E(2 D^2) = E(D^2): false (2 and 1). The kept combination is not Y.
def kept_combination_not_y():
    return _linear("kept_not_y", sp.Eq(E(2 * D(g) ** 2), E(D(g) ** 2)), ((1, D(g) ** 2),))


# E(1 + W) = 2 + E(W): false (1 + E(W)). The value is not the combination of the premises' values.
def kept_value_wrong():
    relation = sp.Eq(E(1 + HEAVY), 2 + E(HEAVY))
    return Proof("kept_value_wrong", {"statement": relation}, {g: Domain.integer(0)}, [
        Step("m", sp.Eq(E(sp.Integer(1)), 1), ExpectLinear((), 1)),
        Step("statement", relation, ExpectLinear((1,), 0, ((1, HEAVY),)), ("m",))], law=normal_law())


# -log(x^x) >= 0 fails for x in (1, 2]: at x = 2 it is -log 4.
def entropy_sign_beyond_one():
    rel = sp.Le(0, -sp.log(x**x))
    return Proof("entropy_sign_beyond_one", {"statement": rel}, {x: Domain.real(0, 2)}, [Step("statement", rel, Algebra())])


# -log(x^x) > 0 fails at x = 0 and x = 1 (0^0 = 1^1 = 1): the sign is weak only.
def entropy_sign_strict():
    rel = sp.Lt(0, -sp.log(x**x))
    return Proof("entropy_sign_strict", {"statement": rel}, {x: Domain.real(0, 1)}, [Step("statement", rel, Algebra())])


# -log(x^(-1)) = log x >= 0 fails for x in (0, 1): a negative exponent.
def entropy_sign_negative_exponent():
    y = sp.Symbol("y", positive=True)
    rel = sp.Le(0, -sp.log(y ** (-y)))
    return Proof("entropy_sign_negative_exponent", {"statement": rel}, {y: Domain.real(0, 1, lo_open=True)},
                 [Step("statement", rel, Algebra())])


def attacks():
    """(name, proof builder, expected rejection message) for every attack."""
    return [
        ("kept_twice", kept_twice, "each term is kept once"),
        ("kept_with_both_signs", kept_with_both_signs, "all be shown > 0, or all < 0"),
        ("kept_term_of_no_sign", kept_term_of_no_sign, "must be pathwise and shown >= 0"),
        ("kept_value_not_affine", kept_value_not_affine, "must occur once in the value"),
        ("kept_value_under_a_function", kept_value_under_a_function, "must occur once in the value"),
        ("kept_combination_not_y", kept_combination_not_y, "Y is not the stated combination"),
        ("kept_value_wrong", kept_value_wrong, "not the combination of the values"),
        ("entropy_sign_beyond_one", entropy_sign_beyond_one, "could not show >= 0"),
        ("entropy_sign_strict", entropy_sign_strict, "could not show > 0"),
        ("entropy_sign_negative_exponent", entropy_sign_negative_exponent, "could not show >= 0"),
    ]

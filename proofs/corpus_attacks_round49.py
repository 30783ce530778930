"""Adversarial corpus for the proof kernel, round 49: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 48's fix, aiming at the cited
series and product criteria again: an infinite or Lambda bound, a Lambda where a number is expected, a Lambda of
two variables, a sequence whose body binds the schema's index again (a sum, a limit), the Lambda's variable named
as the schema's index, and round 48's narrowed index once more. None of the 8 was accepted when written.

**Principle (held, and made explicit):** a Lambda enters an axiom only where the schema expects a sequence, and
any other value put in must be a number: defined, and no series or limit that may have none.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel import rules as R

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

j = sp.Symbol("j", integer=True, nonnegative=True)   # the axioms' own index
N = sp.Symbol("N", integer=True, positive=True)      # the axioms' own limit variable
x, y = sp.symbols("x y")
t = sp.Symbol("t", positive=True)
U, a_, c_, C_ = sp.symbols("U a c C")


def _lt_oo(f):
    return sp.Lt(sp.Sum(f, (j, 0, sp.oo)), sp.oo, evaluate=False)


def _prod_pos(f):
    return sp.Gt(sp.Limit(sp.Product(1 - f, (j, 0, N - 1)), N, sp.oo), 0, evaluate=False)


def _one(name, rel, axiom, mapping, doms=None):
    return Proof(name, {"statement": rel}, doms or {}, [Step("statement", rel, R.AxiomInstance(axiom, mapping))])


def ones_C_infinite():
    """FALSE: Sum(1, (j, 0, oo)) < oo. p_series_comparison with C = oo (the upper bound U (j+1)^2 <= C vacuous)."""
    return _one("ones_C_infinite", _lt_oo(sp.Integer(1)), "p_series_comparison",
                {U: sp.Lambda(x, sp.Integer(1)), a_: 2, c_: 1, C_: sp.oo})


def ones_C_lambda():
    """FALSE: Sum(1, (j, 0, oo)) < oo. C is a Lambda (Lambda values skip the definedness check of the values)."""
    return _one("ones_C_lambda", _lt_oo(sp.Integer(1)), "p_series_comparison",
                {U: sp.Lambda(x, sp.Integer(1)), a_: 2, c_: 1, C_: sp.Lambda(x, x)})


def ones_a_lambda():
    """FALSE: Sum(1, (j, 0, oo)) < oo. a is a Lambda (skips the definedness check; a > 1 built from it)."""
    return _one("ones_a_lambda", _lt_oo(sp.Integer(1)), "p_series_comparison",
                {U: sp.Lambda(x, sp.Integer(1)), a_: sp.Lambda(x, 2), c_: 1, C_: 1})


def ones_two_variable_lambda():
    """FALSE: Sum(1, (j, 0, oo)) < oo with U a Lambda of two variables."""
    return _one("ones_two_variable_lambda", _lt_oo(sp.Integer(1)), "p_series_comparison",
                {U: sp.Lambda((x, y), sp.Integer(1)), a_: 2, c_: 1, C_: 1})


def inner_binder_capture():
    """FALSE (as the instance reads): Equivalent(lim prod (1 - S_j) > 0, Sum S_j < oo) with
    S_j = Sum(1/(i+1)^2, (i, 0, j)) written with the inner index named j: Lambda.__call__ substitutes by
    xreplace, so U(j) = Sum(1/(j+1)^2, (j, 0, j)) captures the outer j in the instance, while the side conditions
    see U(_j') with the inner binder intact (S_j >= 1 > ... the condition U < 1 even fails here; the test is
    whether the capture is let through)."""
    L = sp.Lambda(x, sp.Sum(1 / (j + 1) ** 2, (j, 0, x)) / 2)
    inst = L(j)
    return _one("inner_binder_capture", sp.Equivalent(_prod_pos(inst), _lt_oo(inst)), "infinite_product_criterion",
                {U: L})


def limit_binder_in_lambda():
    """FALSE: Sum(1/(j+2), (j, 0, oo)) < oo, with U = Lambda(x, Limit(1/(x+2), j, oo)) (a Limit binding the
    schema's j inside the Lambda body: no capture check sees it, since j is bound in the value)."""
    L = sp.Lambda(x, sp.Limit(1 / (x + 2) + 0 * j, j, sp.oo))
    return _one("limit_binder_in_lambda", _lt_oo(L(j)), "p_series_comparison", {U: L, a_: 2, c_: 1, C_: 1})


def lambda_variable_is_j():
    """FALSE: Sum(1/(j+1), (j, 0, oo)) < oo with U = Lambda(j, 1/(j+1)) (the Lambda's variable is the schema's
    own index symbol; the conditions 1 <= (j'+1) <= 1 must fail at j' >= 1)."""
    return _one("lambda_variable_is_j", _lt_oo(1 / (j + 1)), "p_series_comparison",
                {U: sp.Lambda(j, 1 / (j + 1)), a_: 2, c_: 1, C_: 1})


def harmonic_j_domain_after_fix():
    """FALSE: Sum(1/(j+1)) < oo with the proof declaring j in [0, 0] (round 48's hole; checks the fix)."""
    return _one("harmonic_j_domain_after_fix", _lt_oo(1 / (j + 1)), "p_series_comparison",
                {U: sp.Lambda(x, 1 / (x + 1)), a_: 2, c_: 1, C_: 1}, {j: Domain.integer(0, 0)})


EXPECTED = {
    "ones_C_infinite": "the value oo is not shown defined",
    "ones_C_lambda": "IdentityFunction is not a node the kernel reads",
    "ones_a_lambda": "pattern a of p_series_comparison must be no Lambda",
    "ones_two_variable_lambda": "takes exactly 2 arguments (1 given)",
    "inner_binder_capture": "is bound again inside it",
    "limit_binder_in_lambda": "is bound again inside it",
    "lambda_variable_is_j": "side condition (_j + 1)**2/(_j + 1) <= 1 not shown",
    "harmonic_j_domain_after_fix": "side condition (_j + 1)**2/(_j + 1) <= 1 not shown",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

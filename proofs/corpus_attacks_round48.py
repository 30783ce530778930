"""Adversarial corpus for the proof kernel, round 48: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source and the change that added the cited series
and product criteria (``p_series_comparison``, ``infinite_product_criterion``: a sequence as a Lambda pattern),
Equivalent and Lambda among the nodes the kernel reads, and a series of terms >= 0 compared with oo.
``attacks()`` returns ``(name, build, expected)`` as in the earlier rounds. Seven of the 13 were accepted when
written, all through one hole: the side conditions held the schema's index j as a free symbol, and were decided
over the proof's domains, so a proof that declared a domain for a symbol named j (j in [0, 0], j >= 1, j in {3},
or a local) narrowed them to where they hold: the harmonic series converged, and sum 1 < oo.

**Principle:** a schema's bound variable is the schema's: in its side conditions it stands for every value its
binder gives it (a fresh symbol with the binder's facts, j >= 0), never for a proof's symbol; and a value put
into an axiom must be shown defined.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import Domain, Library, Proof, Step
from modelcollapse.proofs.kernel import rules as R

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

#: The axioms' own index (same name, same flags: the same sympy symbol) and limit variable.
j = sp.Symbol("j", integer=True, nonnegative=True)
N = sp.Symbol("N", integer=True, positive=True)
x = sp.Symbol("x")
U, a_, c_, C_ = sp.symbols("U a c C")
t = sp.Symbol("t", positive=True)


def _lt_oo(f):
    """Sum(f, (j, 0, oo)) < oo, built unevaluated (sympy would try to evaluate the series numerically)."""
    return sp.Lt(sp.Sum(f, (j, 0, sp.oo)), sp.oo, evaluate=False)


def _prod_pos(f):
    return sp.Gt(sp.Limit(sp.Product(1 - f, (j, 0, N - 1)), N, sp.oo), 0, evaluate=False)


def _one(name, rel, axiom, mapping, doms):
    return Proof(name, {"statement": rel}, doms, [Step("statement", rel, R.AxiomInstance(axiom, mapping))])


# --- the hole: the proof declares a domain for the schema's index j --------------------------------------------

def harmonic_converges_j_domain():
    """FALSE: Sum(1/(j+1), (j, 0, oo)) < oo (the harmonic series converges). p_series_comparison with U(j) =
    1/(j+1), a = 2, c = C = 1; the side conditions 1 <= (j+1)^2/(j+1) <= 1 hold at j = 0 only, and the proof
    declares j in [0, 0] (a domain for the schema's bound index, which the side conditions read as free)."""
    return _one("harmonic_converges_j_domain", _lt_oo(1 / (j + 1)), "p_series_comparison",
                {U: sp.Lambda(x, 1 / (x + 1)), a_: 2, c_: 1, C_: 1}, {j: Domain.integer(0, 0)})


def ones_converge_j_domain():
    """FALSE: Sum(1, (j, 0, oo)) < oo. p_series_comparison with U = 1, a = 2, c = C = 1 and j declared in [0, 0]."""
    return _one("ones_converge_j_domain", _lt_oo(sp.Integer(1)), "p_series_comparison",
                {U: sp.Lambda(x, sp.Integer(1)), a_: 2, c_: 1, C_: 1}, {j: Domain.integer(0, 0)})


def product_criterion_j_from_one():
    """FALSE: Equivalent(lim prod_{j<N} (1 - 1/(j+1)^2) > 0, Sum(1/(j+1)^2) < oo): the sum converges (pi^2/6),
    but the factor at j = 0 is 0, so the product is 0. The side condition U(j) < 1 fails at j = 0 only; the
    proof declares j >= 1."""
    f = 1 / (j + 1) ** 2
    rel = sp.Equivalent(_prod_pos(f), _lt_oo(f))
    return _one("product_criterion_j_from_one", rel, "infinite_product_criterion",
                {U: sp.Lambda(x, 1 / (x + 1) ** 2)}, {j: Domain.integer(1)})


def product_criterion_negative_factor():
    """FALSE: Equivalent(lim prod_{j<N} (1 - 2/(j+1)^2) > 0, Sum(2/(j+1)^2) < oo): the sum converges, but the
    factor at j = 0 is -1 and the others lie in [1/2, 1), so the limit is negative. U(0) = 2 breaks 0 <= U < 1
    at j = 0 only; the proof declares j >= 1."""
    g = 2 / (j + 1) ** 2
    rel = sp.Equivalent(_prod_pos(g), _lt_oo(g))
    return _one("product_criterion_negative_factor", rel, "infinite_product_criterion",
                {U: sp.Lambda(x, 2 / (x + 1) ** 2)}, {j: Domain.integer(1)})


def harmonic_converges_j_finite():
    """FALSE: Sum(1/(j+1), (j, 0, oo)) < oo, with j declared in the finite set {3}: the side conditions
    c <= U(j)(j+1)^a <= C are checked at j = 3 only (c = C = 4)."""
    return _one("harmonic_converges_j_finite", _lt_oo(1 / (j + 1)), "p_series_comparison",
                {U: sp.Lambda(x, 1 / (x + 1)), a_: 2, c_: 4, C_: 4}, {j: Domain.finite([3])})


def harmonic_converges_j_local():
    """FALSE: Sum(1/(j+1), (j, 0, oo)) < oo, with j a declared local of the proof in [0, 0]."""
    proof = harmonic_converges_j_domain()
    return Proof("harmonic_converges_j_local", proof.goals, proof.domains, proof.steps, local=(j,))


def harmonic_cited_clean():
    """FALSE: Sum(1/(j+1), (j, 0, oo)) < oo in a proof with no domains at all, citing
    harmonic_converges_j_local (a local's domain is not an assumption a citation carries over) and restating the
    premise by Rewrite."""
    inner = harmonic_converges_j_local()
    rel = inner.goals["statement"]
    _LIBRARIES["harmonic_cited_clean"] = Library({"harmonic_converges_j_local": inner})
    return Proof("harmonic_cited_clean", {"statement": rel}, {},
                 [Step("statement", rel, R.Rewrite(), ("cite:harmonic_converges_j_local",))])


# --- without a domain for j ------------------------------------------------------------------------------------

def harmonic_converges_plain():
    """FALSE: Sum(1/(j+1), (j, 0, oo)) < oo, with no domain for j (control: the side condition must fail)."""
    return _one("harmonic_converges_plain", _lt_oo(1 / (j + 1)), "p_series_comparison",
                {U: sp.Lambda(x, 1 / (x + 1)), a_: 2, c_: 1, C_: 1}, {})


def harmonic_c_symbolic():
    """FALSE: Sum(1/(j+1)) < oo, c = C a symbol t with no domain: the side conditions read t by its flags only."""
    return _one("harmonic_c_symbolic", _lt_oo(1 / (j + 1)), "p_series_comparison",
                {U: sp.Lambda(x, 1 / (x + 1)), a_: 2, c_: t, C_: t}, {})


def harmonic_infinite_C():
    """FALSE: Sum(1/(j+1)) < oo with a = 2, c = 1 and C an infinite positive symbol (no domain): the upper bound
    U(j) (j+1)^2 = j + 1 <= C is vacuous for an infinite C, and the lower bound 1 <= j + 1 holds."""
    Cinf = sp.Symbol("Cinf", extended_positive=True, infinite=True)
    return _one("harmonic_infinite_C", _lt_oo(1 / (j + 1)), "p_series_comparison",
                {U: sp.Lambda(x, 1 / (x + 1)), a_: 2, c_: 1, C_: Cinf}, {})


def pole_at_zero_lambda():
    """FALSE: Equivalent(lim prod (1 - U_j) > 0, Sum U_j < oo) for U_j = 1/(4 j^2) (a pole at j = 0, where the
    side conditions have no value to refute: 0 <= U < 1 is read by signs only)."""
    g = 1 / (4 * j ** 2)
    rel = sp.Equivalent(_prod_pos(g), _lt_oo(g))
    return _one("pole_at_zero_lambda", rel, "infinite_product_criterion", {U: sp.Lambda(x, 1 / (4 * x ** 2))}, {})


def equivalent_in_algebra():
    """FALSE: Equivalent(t > 1, t > 2) for t > 0 (t = 3/2), by Algebra."""
    rel = sp.Equivalent(sp.Gt(t, 1), sp.Gt(t, 2))
    return Proof("equivalent_in_algebra", {"statement": rel}, {t: Domain.real(0, lo_open=True)},
                 [Step("statement", rel, R.Algebra())])


def equivalent_three_args():
    """FALSE: Equivalent(Sum(1/(j+1)^2) < oo, Limit(...) > 0, 2 > 1 unevaluated) -- a three-argument Equivalent
    presented as an instance of infinite_product_criterion (only two arguments match)."""
    f = 1 / (j + 1) ** 2
    rel = sp.Equivalent(_prod_pos(f), _lt_oo(f), sp.Gt(sp.Integer(2), 1, evaluate=False))
    return _one("equivalent_three_args", rel, "infinite_product_criterion", {U: sp.Lambda(x, f.xreplace({j: x}))}, {})


EXPECTED = {
    "harmonic_converges_j_domain": "side condition (_j + 1)**2/(_j + 1) <= 1 not shown",
    "ones_converge_j_domain": "side condition (_j + 1)**2*1 <= 1 not shown",
    "product_criterion_j_from_one": "side condition (_j + 1)**(-2) < 1 not shown",
    "product_criterion_negative_factor": "side condition 2/(_j + 1)**2 < 1 not shown",
    "harmonic_converges_j_finite": "side condition 4 <= (_j + 1)**2/(_j + 1) not shown",
    "harmonic_converges_j_local": "side condition (_j + 1)**2/(_j + 1) <= 1 not shown",
    "harmonic_cited_clean": "cited harmonic_converges_j_local#statement is not proved",
    "harmonic_converges_plain": "side condition (_j + 1)**2/(_j + 1) <= 1 not shown",
    "harmonic_c_symbolic": "side condition t <= (_j + 1)**2/(_j + 1) not shown",
    "harmonic_infinite_C": "side condition (_j + 1)**2/(_j + 1) <= Cinf not shown",
    "pole_at_zero_lambda": "may vanish in a denominator",
    "equivalent_in_algebra": "cannot decide a Equivalent",
    "equivalent_three_args": "side condition (_j + 1)**(-2) < 1 not shown",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

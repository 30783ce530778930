"""Rules about generating functions: derivatives of symbolic order, factorial moments from a
probability-generating function, and the probability of a zero count from an MGF.

Each is a typed rule like those in :mod:`modelcollapse.proofs.rules`: it re-derives what the
step claims with sympy and decides the difference is zero under the proof's assumptions.

Examples
--------
The k-th derivative of (1 - p + p z)^n, for symbolic k, by induction on k:

>>> import sympy as sp
>>> from modelcollapse.proofs.decide import Assumed
>>> from modelcollapse.theory.symbols import k, n, pgf_z
>>> from modelcollapse.theory.categorical import A_K, A_N
>>> p = sp.Symbol("p", positive=True)
>>> G = (1 - p + p * pgf_z) ** n
>>> good = sp.Eq(sp.Derivative(G, (pgf_z, k)), sp.ff(n, k) * p**k * (1 - p + p * pgf_z) ** (n - k))
>>> DerivativeInduction().check(good, [], Assumed((A_N, A_K)), None).ok
True
>>> bad = sp.Eq(sp.Derivative(G, (pgf_z, k)), n**k * p**k * (1 - p + p * pgf_z) ** (n - k))
>>> DerivativeInduction().check(bad, [], Assumed((A_N, A_K)), None).message
'inductive step fails'
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from modelcollapse.theory.symbols import CE, E, k, lost, mgf_s, pc, pgf_z

from .decide import is_zero
from .kernel import Verdict
from .rules import Rule


def _has_lower_zero(space, var):
    return any(getattr(a, "symbol", None) == var and getattr(a, "lower", None) == 0 for a in space.assumptions)


@dataclass
class DerivativeInduction(Rule):
    """Eq(Derivative(G, (z, k)), F(k)) for every integer k >= 0, by induction on k:
    F(0) = G and dF(k)/dz = F(k + 1)."""

    name = "derivative induction"

    def check(self, relation, premises, space, library):
        if premises:
            return Verdict.fail("derivative induction takes no premises")
        if not (isinstance(relation, sp.Eq) and isinstance(relation.lhs, sp.Derivative)):
            return Verdict.fail("derivative induction concludes Eq(Derivative(G, (z, k)), F)")
        d = relation.lhs
        if len(d.variable_count) != 1 or d.variable_count[0][1] != k or d.variable_count[0][0] != pgf_z:
            return Verdict.fail("the derivative must be of order k in z")
        if not _has_lower_zero(space, k):
            return Verdict.fail("derivative induction needs k an integer >= 0 among the assumptions")
        G, F = d.expr, relation.rhs
        if G.has(k):
            return Verdict.fail("the differentiated function depends on k")
        ok, residual = is_zero(F.subs(k, 0) - G, space)
        if not ok:
            return Verdict.fail("base case fails", residual)
        ok, residual = is_zero(sp.diff(F, pgf_z) - F.subs(k, k + 1), space)
        if not ok:
            return Verdict.fail("inductive step fails", residual)
        return Verdict(True)


@dataclass
class FactorialMoment(Rule):
    """From Eq(E[z^Y | F_t], G(z)) and Eq(Derivative(G, (z, k)), D(z)) conclude
    Eq(E[(Y)_k | F_t], D(1)): factorial moments are derivatives of the PGF at z = 1."""

    name = "factorial moment"

    def check(self, relation, premises, space, library):
        if len(premises) != 2 or not all(isinstance(p, sp.Eq) for p in premises):
            return Verdict.fail("factorial moment takes the PGF and its k-th derivative")
        pgf, deriv = premises
        if not (isinstance(pgf.lhs, CE) and isinstance(pgf.lhs.args[0], sp.Pow) and pgf.lhs.args[0].base == pgf_z):
            return Verdict.fail("the first premise is not a probability-generating function E[z^Y | F]")
        Y, cond = pgf.lhs.args[0].exp, pgf.lhs.args[1]
        shares = Y.atoms(pc)
        if len(shares) != 1 or not (sp.simplify(Y / next(iter(shares))).is_positive and
                                    not sp.simplify(Y / next(iter(shares))).has(pc)):
            return Verdict.fail("the PGF must be of a count, a positive multiple of one share (bounded, integer)")
        if not (isinstance(deriv.lhs, sp.Derivative) and deriv.lhs.expr == pgf.rhs):
            return Verdict.fail("the second premise is not a derivative of that PGF")
        order = deriv.lhs.variable_count[0][1]
        if not (isinstance(relation, sp.Eq) and relation.lhs == CE(sp.ff(Y, order), cond)):
            return Verdict.fail(f"factorial moment concludes Eq(E[({Y})_{order} | F], ...)")
        ok, residual = is_zero(relation.rhs - deriv.rhs.subs(pgf_z, 1), space)
        if not ok:
            return Verdict.fail("not the derivative at z = 1", residual)
        return Verdict(True, axioms=frozenset({"mgf_moments"}))


@dataclass
class ZeroFromMGF(Rule):
    """From Eq(E[exp(s n p_{i,g})], M(s)) conclude Eq(E[1{p_{i,g} = 0}], lim_{s -> -oo} M(s)):
    for a count C >= 0, exp(s C) -> 1{C = 0} boundedly as s -> -oo."""

    name = "zero from mgf"

    def check(self, relation, premises, space, library):
        if len(premises) != 1 or not isinstance(premises[0], sp.Eq) or not isinstance(premises[0].lhs, E):
            return Verdict.fail("zero from mgf takes one premise Eq(E[exp(s C)], M(s))")
        p = premises[0]
        inner = p.lhs.args[0]
        if not (isinstance(inner, sp.exp) and inner.args[0].has(mgf_s)):
            return Verdict.fail("the premise is not a moment-generating function")
        count = sp.simplify(inner.args[0] / mgf_s)
        if not (isinstance(relation, sp.Eq) and isinstance(relation.lhs, E) and isinstance(relation.lhs.args[0], lost)):
            return Verdict.fail("zero from mgf concludes Eq(E[1{p_{i,g} = 0}], value)")
        share = pc(*relation.lhs.args[0].args)
        ratio = sp.simplify(count / share)
        if ratio.has(pc) or not ratio.is_positive or count.has(mgf_s):
            return Verdict.fail("the MGF is not of a positive multiple of that share (a count)")
        try:
            value = sp.limit(p.rhs, mgf_s, -sp.oo)
        except (NotImplementedError, ValueError) as exc:
            return Verdict.fail(f"sympy could not take the limit: {exc}")
        if not value.is_finite and value.is_finite is not None:
            return Verdict.fail("the limit is not finite", value)
        ok, residual = is_zero(relation.rhs - value, space)
        if not ok:
            return Verdict.fail("not the limit of the MGF at s -> -oo", residual)
        return Verdict(True, axioms=frozenset({"dominated_convergence"}))

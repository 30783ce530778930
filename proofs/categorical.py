"""Proofs of the categorical family's results (one-step law: the binomial MGF of a count)."""

from __future__ import annotations

import sympy as sp

from modelcollapse import theory
from modelcollapse.theory import categorical as C
from modelcollapse.theory.expectation import expect
from modelcollapse.theory.symbols import CE, E, K, i, n, p0, pc, t

from .gaussian import Builder, proof
from .rules import Algebra, Expectation, Induction, MomentFromMGF, Rewrite, Scale, SumLinearity, Tower


def _moment(b, k):
    """E[p_{i,t+1}^k] from generation-t moments: MGF -> k-th derivative -> tower -> divide by n^k."""
    value = C.conditional_moment(k)
    cond = b.add(f"m{k}.conditional", sp.Eq(CE((n * pc(i, t + 1)) ** k, t), value), MomentFromMGF(k),
                 b.law_step("mgf"), text="differentiate the binomial MGF at s = 0")
    tower = b.add(f"m{k}.tower", sp.Eq(E((n * pc(i, t + 1)) ** k), expect(value)), Tower(), cond)
    return b.add(f"m{k}.scaled", sp.Eq(E(pc(i, t + 1) ** k), sp.expand(expect(value) / n**k)), Scale(n**k),
                 tower)


def _builder():
    return Builder(law=C.LAW, axiom="wright_fisher",
                   law_text="one-step law: binomial count of category i given generation t (Wright-Fisher)")


@proof("categorical.mean")
def _mean():
    r = theory.get("categorical.mean")
    b = _builder()
    rec = _moment(b, 1)
    base = b.add("base", sp.Eq(E(pc(i, 0)), p0[i]), Rewrite(), b.law_step("init"))
    b.add("statement", r.statement, Induction(), base, rec, text="induction on t: a martingale")
    return b.done(r.id)


@proof("categorical.collision")
def _collision():
    r = theory.get("categorical.collision")
    facts = r.derivation.facts
    b = _builder()
    scaled = _moment(b, 2)
    rec = b.add("m2.recurrence", facts["recurrence"], Rewrite(), scaled, "categorical.mean")
    base = b.add("base", sp.Eq(E(pc(i, 0) ** 2), p0[i] ** 2), Rewrite(), b.law_step("init"))
    second = b.add("second", facts["second"], Induction(), base, rec)
    lin = b.add("linearity", sp.Eq(E(sp.Sum(pc(i, t) ** 2, (i, 1, K))), sp.Sum(E(pc(i, t) ** 2), (i, 1, K))),
                SumLinearity())
    b.add("statement", r.statement, Rewrite(), lin, second, "assumption:p0",
          text="sum the per-category closed form; sum_i p0_i = 1")
    return b.done(r.id, local=(C.A_I,))


@proof("categorical.gini_simpson")
def _gini_simpson():
    r = theory.get("categorical.gini_simpson")
    b = _builder()
    S = sp.Sum(pc(i, t) ** 2, (i, 1, K))
    path = b.add("pathwise", sp.Eq(1 - S, 1 - S, evaluate=False), Algebra())
    lin = b.add("linearity", sp.Eq(E(1 - S), 1 - E(S)), Expectation(), path)
    b.add("statement", r.statement, Rewrite(), lin, "categorical.collision")
    return b.done(r.id)

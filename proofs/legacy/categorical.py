"""Proofs of the categorical family's results (one-step law: the binomial MGF of a count)."""

from __future__ import annotations

import sympy as sp

from modelcollapse import theory
from modelcollapse.theory import categorical as C
from modelcollapse.theory import categorical_entropy as CH
from modelcollapse.theory import categorical_loss as CL
from modelcollapse.theory.expectation import expect
from modelcollapse.theory.symbols import CE, E, AlmostSurely, K, fixed, g, i, lost, mgf_s, n, negxlogx, p0, pc, t

from . import axioms as A
from .gaussian import Builder, proof
from .generating import DerivativeInduction, FactorialMoment, ZeroFromMGF
from .order import Chain, Conjunction, ExpectMonotone, SumInequality
from .rules import (ByAxiom, Induction, Inequality, Limit, MomentFromMGF, Rewrite, Scale, Specialize, SumLinearity,
                    Tower)


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
    lin = b.linear("linearity", 1 - S, 1 - E(S))
    b.add("statement", r.statement, Rewrite(), lin, "categorical.collision")
    return b.done(r.id)


@proof("categorical.moment_eigenvalues")
def _moment_eigenvalues():
    r = theory.get("categorical.moment_eigenvalues")
    facts = r.derivation.facts
    b = _builder()
    pgf = b.law_step("pgf")
    deriv = b.add("derivative", facts["derivative"], DerivativeInduction(),
                  text="induction on k: base k = 0, and one more derivative advances k")
    moment = b.add("factorial_moment", facts["factorial_moment"], FactorialMoment(), pgf, deriv)
    b.add("statement", r.statement, ByAxiom("eigenvalue"), moment,
          text="the operator is triangular in the falling-factorial basis; lambda_k is its diagonal entry")
    return b.done(r.id, local=(C.A_I, C.A_T))


@proof("categorical.fixation")
def _fixation():
    r = theory.get("categorical.fixation")
    b = _builder()
    conv = b.add("absorbed", AlmostSurely(sp.Eq(sp.Limit(pc(i, t), t, sp.oo), fixed(i))), ByAxiom("absorption"))
    bc = b.add("bounded_convergence", sp.Eq(E(fixed(i)), sp.Limit(E(pc(i, t)), t, sp.oo)),
               ByAxiom("dominated_convergence"), conv)
    lim = b.add("limit", sp.Eq(sp.Limit(E(pc(i, t)), t, sp.oo), p0[i]), Limit(), "categorical.mean")
    b.add("statement", r.statement, Rewrite(), bc, lim)
    return b.done(r.id, local=(C.A_T,))


def _first_refit_mgf(b):
    """E[exp(s n p_{i,1})] = (1 - p0_i + p0_i e^s)^n: the law at t = 0, the start, the tower."""
    law0 = b.add("law.mgf.t0", C.LAW["mgf"].subs(t, 0), ByAxiom("wright_fisher", {t: 0}), text=b.law_text)
    start = b.law_step("init")
    cond = b.add("mgf.first", sp.Eq(CE(sp.exp(mgf_s * n * pc(i, 1)), 0), CL.MGF0.rhs), Rewrite(), law0, start)
    return b.add("mgf.first.tower", CL.MGF0, Tower(), cond)


def _lost_proof(result_id, weight):
    r = theory.get(result_id)
    b = _builder()
    mgf = _first_refit_mgf(b)
    zero = b.add("zero", CL.zero_probability(), ZeroFromMGF(), mgf)
    per = zero
    if weight != 1:
        per = b.linear("weighted", weight * lost(i, 1), weight * E(lost(i, 1)))
    lin = b.add("linearity", sp.Eq(E(sp.Sum(weight * lost(i, 1), (i, 1, K))),
                                   sp.Sum(E(weight * lost(i, 1)), (i, 1, K))), SumLinearity())
    premises = (lin, per, zero) if per != zero else (lin, zero)
    b.add("statement", r.statement, Rewrite(), *premises)
    return b.done(r.id, local=(C.A_I,))


@proof("categorical.loss_one_step")
def _loss_one_step():
    return _lost_proof("categorical.loss_one_step", sp.S.One)


@proof("categorical.tail_loss")
def _tail_loss():
    return _lost_proof("categorical.tail_loss", p0[i])


@proof("categorical.survival")
def _survival():
    r = theory.get("categorical.survival")
    b = _builder()
    ck = b.add("chapman_kolmogorov", sp.Eq(E(lost(i, t)), 1 - CL.survival_closed()), ByAxiom("chapman_kolmogorov"),
               text="category i against the rest is a two-category chain; t - 1 steps after the first refit")
    lin = b.linear("linearity", 1 - lost(i, t), 1 - E(lost(i, t)))
    st = b.add("statement", r.statement, Rewrite(), lin, ck)
    b.add("one_step", r.claims["one_step"], Specialize(t, 1), st,
          text="at t = 1 the zero-step matrix is the identity")
    return b.done(r.id)


@proof("categorical.surviving")
def _surviving():
    r = theory.get("categorical.surviving")
    b = _builder()
    lin = b.add("linearity", sp.Eq(E(sp.Sum(1 - lost(i, t), (i, 1, K))), sp.Sum(E(1 - lost(i, t)), (i, 1, K))),
                SumLinearity())
    b.add("statement", r.statement, Rewrite(), lin, "categorical.survival")
    return b.done(r.id, local=(C.A_I,))


@proof("categorical.entropy_one_step")
def _entropy_one_step():
    r = theory.get("categorical.entropy_one_step")
    facts = r.derivation.facts
    b = _builder()
    u = sp.Symbol("u", nonnegative=True)
    law0 = b.add("law.pmf.t0", C.LAW["pmf"].subs(t, 0).replace(g, negxlogx),
                 ByAxiom("wright_fisher", {t: 0, g: sp.Lambda(u, negxlogx(u))}), text=b.law_text)
    start = b.law_step("init")
    cond = b.add("pmf.first", sp.Eq(CE(negxlogx(pc(i, 1)), 0), facts["per_category"].rhs), Rewrite(), law0, start)
    per = b.add("per_category", facts["per_category"], Tower(), cond)
    lin = b.add("linearity", sp.Eq(E(CH.entropy(1)), sp.Sum(E(negxlogx(pc(i, 1))), (i, 1, K))), SumLinearity())
    b.add("statement", r.statement, Rewrite(), lin, per)
    return b.done(r.id, local=(C.A_I,))


@proof("categorical.entropy_bounds")
def _entropy_bounds():
    r = theory.get("categorical.entropy_bounds")
    b = _builder()
    u = sp.Symbol("u", positive=True)
    S = sp.Sum(pc(i, t) ** 2, (i, 1, K))
    upper_i = b.add("upper.jensen", sp.Le(E(negxlogx(pc(i, t))), negxlogx(E(pc(i, t)))),
                    ByAxiom("jensen", {A.f: sp.Lambda(u, negxlogx(u)), A.Y: pc(i, t)}),
                    text="eta is concave")
    upper_i = b.add("upper.mean", sp.Le(E(negxlogx(pc(i, t))), negxlogx(p0[i])), Inequality(), upper_i,
                    "categorical.mean", text="E[p_{i,t}] = p0_i")
    summed = b.add("upper.sum", sp.Le(sp.Sum(E(negxlogx(pc(i, t))), (i, 1, K)), CH.H0), SumInequality(), upper_i)
    lin = b.add("linearity", sp.Eq(E(CH.entropy(t)), sp.Sum(E(negxlogx(pc(i, t))), (i, 1, K))), SumLinearity())
    upper = b.add("upper", sp.Le(E(CH.entropy(t)), CH.H0), Inequality(), summed, lin)
    renyi = b.add("lower.pathwise", sp.Ge(CH.entropy(t), -sp.log(S)), ByAxiom("jensen"))
    mono = b.add("lower.expect", sp.Ge(E(CH.entropy(t)), E(-sp.log(S))), ExpectMonotone(), renyi)
    jensen = b.add("lower.jensen", sp.Ge(E(-sp.log(S)), -sp.log(E(S))),
                   ByAxiom("jensen", {A.f: sp.Lambda(u, -sp.log(u)), A.Y: S}), text="-log is convex")
    lower_c = b.add("lower.collision", sp.Ge(E(-sp.log(S)), r.closed_form[0]), Inequality(), jensen,
                    "categorical.collision")
    lower = b.add("lower", sp.Ge(E(CH.entropy(t)), r.closed_form[0]), Chain(), mono, lower_c)
    b.add("statement", r.statement, Conjunction(), upper, lower)
    return b.done(r.id, local=(C.A_I,))


@proof("categorical.absorption_time")
def _absorption_time():
    r = theory.get("categorical.absorption_time")
    b = _builder()
    b.add("statement", r.statement, ByAxiom("first_step"),
          text="first refit from p0, then the mean absorption times of the two-category chain")
    return b.done(r.id)

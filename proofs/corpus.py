"""A corpus of false statements and broken proofs that the kernel must reject.

Each entry is a small proof whose goal is false or whose reasoning is broken: false algebra,
wrong lemma instances and violated side conditions, wrong axiom instances, inductions that
fail (one only at t = 0), expectations that split dependent factors, bad inequalities and
limits, and structural faults (circularity, self-citation, unstated or stronger assumptions,
unproved premises, numbers in place of proof, mixed models). ``run_corpus`` checks them all.
"""

from __future__ import annotations

import sympy as sp

from modelcollapse import theory
from modelcollapse.theory import gaussian as G
from modelcollapse.theory import lemmas as TL
from modelcollapse.theory.assumptions import IntegerAtLeast, OneOf, PositiveReal
from modelcollapse.theory.symbols import E, W2sq, X, Z, ddof, delta, mu0, n, ns, sigma, sigma0, t, x

from . import axioms as A
from .kernel import Library, Proof, Step, check
from .lemmas import k as LK, m as LM
from .rules import (Algebra, ByAxiom, Expectation, Induction, Inequality, Integrate, LemmaInstance, Limit,
                    Rewrite)

BASE = (IntegerAtLeast("n", n, 2), IntegerAtLeast("t", t, 0), OneOf("ddof", ddof, (0, 1)),
        PositiveReal("sigma0", sigma0))
c = (n - 1) / (n - ddof)


def _one(name, relation, rule, premises=(), steps=(), assumptions=BASE):
    body = list(steps) + [Step("goal", relation, rule, tuple(premises))]
    return name, Proof(f"corpus.{name}", {"statement": relation}, assumptions, body)


def entries():
    out = []
    # 1. False algebra (12).
    for i, rel in enumerate([
        sp.Eq((n**2 - 1) / (n - 1), n), sp.Eq(c, 1), sp.Lt(c, 1), sp.Gt(n - ddof, n - 1),
        sp.Eq(sp.log(n * (n - 1)), sp.log(n) * sp.log(n - 1)), sp.Eq(sp.gamma(n + 1), n * sp.gamma(n - 1)),
        sp.Eq(sp.sqrt(n**2 - 2 * n + 1), n), sp.Lt(sp.log(n - 1), sp.log(n - 2)),
        sp.Eq(sum(c**j for j in range(3)), (1 - c**3) / (1 + c)), sp.Eq((1 - 1 / n) ** 2, 1 - 2 / n),
        sp.Ge(1 - ddof, 1), sp.Eq(sp.exp(sp.pi * sp.sqrt(163)), sp.Integer(640320) ** 3 + 744),
    ]):
        out.append(_one(f"algebra_{i}", rel, Algebra()))
    # 2. Wrong lemma instances and violated side conditions (8).
    for i, (mm, value) in enumerate([(1, n), (2, (n - 1) ** 2), (sp.Rational(1, 2), sp.sqrt(n - 1)),
                                     (-1, 1 / (n - 1)), (-1, 1 / (n - 3)), (3, (n - 1) * (n + 1) * (n + 2)),
                                     (0, 0), (-sp.Rational(3, 2), 1)]):
        rel = sp.Eq(TL.chi2_moment_integral(n - 1, mm), value, evaluate=False)
        out.append(_one(f"lemma_{i}", rel, LemmaInstance("chi2_moment", {LK: n - 1, LM: mm})))
    # 3. Wrong axiom instances (8).
    out += [
        _one("axiom_law_n", sp.Eq(sigma(t + 1), sigma(t) * sp.sqrt(X(t) / n)), ByAxiom("cochran")),
        _one("axiom_law_drift", sp.Eq(delta(t + 1), delta(t) + sigma(t) * Z(t)), ByAxiom("cochran")),
        _one("axiom_chi2_k", sp.Eq(E(X(t)), sp.Integral(x * TL.chi2_pdf(x, n), (x, 0, sp.oo)), evaluate=False),
             ByAxiom("cochran", {A.f: sp.Lambda(x, x)})),
        _one("axiom_w2_sign", sp.Eq(W2sq(mu0, sigma0, mu0, sigma(t)), (sigma0 + sigma(t)) ** 2),
             ByAxiom("gaussian_w2", {A.pa: mu0, A.ps: sigma0, A.pb: mu0, A.pr: sigma(t)})),
        _one("axiom_jensen_convex", sp.Lt(E(X(t) ** 2), E(X(t)) ** 2),
             ByAxiom("jensen", {A.f: sp.Lambda(A._u, A._u**2), A.Y: X(t)})),
        _one("axiom_jensen_deterministic", sp.Lt(E(sp.log(sigma0)), sp.log(E(sigma0))),
             ByAxiom("jensen", {A.f: sp.Lambda(A._u, sp.log(A._u)), A.Y: sigma0})),
        _one("axiom_product_factor_above_one", A.AXIOMS["infinite_product"].instances(
            {A.pc: sigma0, A.pfactor: (ns[A.s] + 1) / ns[A.s]})[0],
             ByAxiom("infinite_product", {A.pc: sigma0, A.pfactor: (ns[A.s] + 1) / ns[A.s]}),
             assumptions=BASE + (G.A_NS,)),
        _one("axiom_unknown", sp.Eq(n, n), ByAxiom("folklore")),
    ]
    # 4. Inductions (6), one failing only at t = 0.
    F, base = E(sigma(t) ** 2), sp.Eq(E(sigma(0) ** 2), sigma0**2)
    step = sp.Eq(E(sigma(t + 1) ** 2), c * E(sigma(t) ** 2))
    law0 = Step("law", G.LAW["sigma_init"], ByAxiom("cochran"))
    for i, g in enumerate([sigma0**2 * c ** (t + 1), 2 * sigma0**2 * c**t, sigma0**2 * c ** (2 * t),
                           sigma0**2 * c**t * (2 - sp.KroneckerDelta(t, 0)), sigma0**2 * (1 - t * (1 - c)),
                           sigma0**2]):
        steps = [law0, Step("base", base, Rewrite(), ("law",)),
                 Step("step", step, Rewrite(), ("gaussian.variance",))]
        out.append(_one(f"induction_{i}", sp.Eq(F, g), Induction(), ("base", "step"), steps))
    # 5. Expectations that split what is not independent, or are not expectations (6).
    law = sp.Eq(sigma(t + 1) ** 2 * X(t), sigma(t) ** 2 * X(t) ** 2 / (n - ddof))
    out += [
        _one("expect_dependent", sp.Eq(E(sigma(t + 1) ** 2) * E(X(t)), E(sigma(t) ** 2) * E(X(t) ** 2) / (n - ddof)),
             Expectation(), ("p",), [Step("p", law, Algebra())]),
        _one("expect_square_inside", sp.Eq(E(sigma(t + 1) ** 2), E(sigma(t)) ** 2 * E(X(t)) / (n - ddof)),
             Expectation(), ("p",), [Step("p", sp.Eq(sigma(t + 1) ** 2, sigma(t) ** 2 * X(t) / (n - ddof)),
                                          Rewrite(), ("law",)), Step("law", G.LAW["sigma_step"], ByAxiom("cochran"))]),
        _one("expect_jensen_gap", sp.Eq(E(sigma(t + 1)), sp.sqrt(E(sigma(t) ** 2) * E(X(t)) / (n - ddof))),
             Expectation(), ("law",), [Step("law", G.LAW["sigma_step"], ByAxiom("cochran"))]),
        _one("expect_cross_term", sp.Eq(E(delta(t + 1) ** 2), E(delta(t) ** 2) + 2 * E(delta(t) * sigma(t) * Z(t))),
             Expectation(), ("p",), [Step("law", G.LAW["delta_step"], ByAxiom("cochran")),
                                     Step("p", sp.Eq(delta(t + 1) ** 2, (delta(t) + sigma(t) * Z(t) / sp.sqrt(n)) ** 2),
                                          Rewrite(), ("law",))]),
        _one("expect_of_expectation", sp.Eq(E(sigma(t + 1)), E(sigma(t))), Expectation(), ("p",),
             [Step("p", sp.Eq(E(sigma(t + 1)), E(sigma(t))), Algebra())]),
        _one("expect_wrong_generation", sp.Eq(E(sigma(t + 1) ** 2), E(sigma(t + 1) ** 2) * E(X(t)) / (n - ddof)),
             Expectation(), ("p",), [Step("law", G.LAW["sigma_step"], ByAxiom("cochran")),
                                     Step("p", sp.Eq(sigma(t + 1) ** 2, sigma(t) ** 2 * X(t) / (n - ddof)),
                                          Rewrite(), ("law",))]),
    ]
    # 6. Inequalities, limits, integrals (6).
    out += [
        _one("inequality_wrong_direction", sp.Gt(E(sp.log(X(t))), sp.log(n - 1)), Inequality(), ("j",),
             [Step("j", sp.Lt(E(sp.log(X(t))), sp.log(n - 1)), Algebra())]),
        _one("inequality_scale_negative", sp.Lt(-E(sp.log(X(t))), -sp.log(n)), Inequality(scale=-1), ("j",),
             [Step("j", sp.Lt(E(sp.log(X(t))), sp.log(n - 1)), Algebra())]),
        _one("limit_wrong_value", sp.Eq(sp.Limit(sigma0**2 * ((n - 1) / n) ** t, t, sp.oo), sigma0**2), Limit()),
        _one("limit_base_above_one", sp.Eq(sp.Limit(((n + 1) / n) ** t, t, sp.oo), 0), Limit()),
        _one("integral_wrong", sp.Eq(sp.Integral(sp.exp(-x), (x, 0, sp.oo)), 2), Integrate()),
        _one("integral_divergent", sp.Eq(sp.Integral(1 / x, (x, 1, sp.oo)), 1), Integrate()),
    ]
    # 7. Structural faults (8).
    v = theory.get("gaussian.variance")
    out += [
        _one("self_citation", sp.Eq(E(sigma(t)), 1), Rewrite(), ("corpus.self_citation",)),
        _one("unproved_premise", sp.Eq(n + 1, n + 2), Rewrite(), ("a",), [Step("a", sp.Eq(n, n + 1), Algebra())]),
        _one("goal_not_established", sp.Eq(n, n + 1), Algebra()),
        _one("cites_stronger_assumptions", theory.get("gaussian.kl").statement, Rewrite(), ("gaussian.kl",)),
        _one("unknown_citation", sp.Eq(n, n), Rewrite(), ("gaussian.nope",)),
        _one("mixed_models", sp.Eq(sigma(t + 1), sigma(t) * sp.sqrt(X(t)) / sp.sqrt(ns[t] - ddof)),
             ByAxiom("cochran_schedule"), (), [Step("law", G.LAW["sigma_step"], ByAxiom("cochran"))]),
        _one("condition_not_a_case", sp.Implies(sp.Eq(ddof, 2), sp.Eq(E(sigma(t)), sigma0)), Algebra()),
    ]
    # a goal that the steps do not prove: a correct step, a different goal
    name, p = _one("goal_differs", sp.Eq(n + 1, 1 + n), Algebra())
    p.goals = {"statement": v.statement}
    out.append((name, p))
    return out


class _CircularLibrary(Library):
    def proof(self, name):
        rel = sp.Eq(E(sigma(t)), sigma0)
        if name in ("corpus.circ_a", "corpus.circ_b"):
            other = "corpus.circ_b" if name == "corpus.circ_a" else "corpus.circ_a"
            return Proof(name, {"statement": rel}, BASE, [Step("s", rel, Rewrite(), (other,))])
        return super().proof(name)


def run_corpus(library=None):
    """[(entry name, proved?)]: every entry must come back not proved."""
    from modelcollapse import proofs

    library = library or proofs.library()
    results = []
    for name, proof in entries():
        rep = check(proof, library)
        results.append((name, rep.ok))
    circ = _CircularLibrary()
    results.append(("circular", circ.report("corpus.circ_a").ok))
    # An assumption the result does not state.
    p = proofs.proof_of("gaussian.variance")
    stronger = tuple(a if a.name != "n" else IntegerAtLeast("n", n, 3) for a in p.assumptions)
    rep = check(Proof(p.name, p.goals, stronger, p.steps), library,
                result_assumptions=theory.get("gaussian.variance").assumptions)
    results.append(("unstated_assumption", rep.ok))
    return results

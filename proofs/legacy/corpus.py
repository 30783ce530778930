"""A corpus of false statements and broken proofs that the kernel must reject.

Each entry is a small proof whose goal is false or whose reasoning is broken: false algebra,
wrong lemma instances and violated side conditions, wrong axiom instances, inductions that
fail (one only at t = 0), expectations that split dependent factors, bad inequalities and
limits, and structural faults (circularity, self-citation, unstated or stronger assumptions,
unproved premises, numbers in place of proof, mixed models), and misuses of the categorical
rules (generating functions, Jensen, monotonicity, chaining, Markov-chain axioms).
``run_corpus`` checks them all.
"""

from __future__ import annotations

import sympy as sp

from modelcollapse import theory
from modelcollapse.theory import gaussian as G
from modelcollapse.theory import lemmas as TL
from modelcollapse.theory.assumptions import IntegerAtLeast, OneOf, PositiveReal
from modelcollapse.theory.symbols import AlmostSurely, E, W2sq, X, Z, ddof, delta, mu0, n, ns, sigma, sigma0, t, x

from . import axioms as A
from .kernel import Library, Proof, Step, check
from .lemmas import k as LK, m as LM
from .rules import (Algebra, ByAxiom, Expectation, Induction, Inequality, Integrate, LemmaInstance, Limit,
                    Rewrite, Tower)

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
    out += _categorical_entries()
    # a goal that the steps do not prove: a correct step, a different goal
    name, p = _one("goal_differs", sp.Eq(n + 1, 1 + n), Algebra())
    p.goals = {"statement": v.statement}
    out.append((name, p))
    return out


def _categorical_entries():
    """8. Categorical rules and axioms misused (18): each entry's premises are accepted steps, so
    the rule or axiom under test is what must reject it."""
    from modelcollapse.theory import categorical as C
    from modelcollapse.theory.categorical_absorption import exact_time
    from modelcollapse.theory.categorical_loss import MGF0, survival_closed
    from modelcollapse.theory.symbols import (CE, Eig, K, Tabs, fixed, i, k, lost, mgf_s, negxlogx, p0,
                                              pc, pgf_z)

    from .generating import DerivativeInduction, FactorialMoment, ZeroFromMGF
    from .order import Chain, Conjunction, ExpectMonotone, SumInequality
    from .rules import Specialize

    CAT = (C.A_P0, C.A_N, C.A_T, C.A_I)
    CATK = (C.A_N, C.A_K, C.A_T, C.A_I)
    q = pc(i, t)
    G = C.LAW["pgf"].rhs
    u = sp.Symbol("u", positive=True)
    S = sp.Sum(pc(i, t) ** 2, (i, 1, K))
    H = sp.Sum(negxlogx(pc(i, t)), (i, 1, K))
    pgf_step = Step("pgf", C.LAW["pgf"], ByAxiom("wright_fisher"))
    good_d = sp.Eq(sp.Derivative(G, (pgf_z, k)), sp.ff(n, k) * q**k * (1 - q + q * pgf_z) ** (n - k))
    mgf_steps = [Step("law0", C.LAW["mgf"].subs(t, 0), ByAxiom("wright_fisher", {t: 0})),
                 Step("init", C.LAW["init"], ByAxiom("wright_fisher")),
                 Step("cond", sp.Eq(CE(sp.exp(mgf_s * n * pc(i, 1)), 0), MGF0.rhs), Rewrite(), ("law0", "init")),
                 Step("mgf", MGF0, Tower(), ("cond",))]
    jensen_lower = Step("b", sp.Ge(E(-sp.log(S)), -sp.log(E(S))),
                        ByAxiom("jensen", {A.f: sp.Lambda(u, -sp.log(u)), A.Y: S}))
    jensen_upper = Step("a", sp.Le(E(negxlogx(q)), negxlogx(E(q))),
                        ByAxiom("jensen", {A.f: sp.Lambda(u, negxlogx(u)), A.Y: q}))
    return [
        _one("derivative_power_not_falling", sp.Eq(sp.Derivative(G, (pgf_z, k)), n**k * q**k * (1 - q + q * pgf_z)
                                                   ** (n - k)), DerivativeInduction(), assumptions=CATK),
        _one("derivative_base_wrong", sp.Eq(sp.Derivative(G, (pgf_z, k)), sp.ff(n + 1, k) * q**k * (1 - q + q * pgf_z)
                                            ** (n - k)), DerivativeInduction(), assumptions=CATK),
        _one("factorial_moment_at_zero", sp.Eq(CE(sp.ff(n * pc(i, t + 1), k), t), good_d.rhs.subs(pgf_z, 0)),
             FactorialMoment(), ("pgf", "d"), [pgf_step, Step("d", good_d, DerivativeInduction())],
             assumptions=CATK),
        _one("eigenvalue_wrong", sp.Eq(Eig(k), (1 - k / n) ** k), ByAxiom("eigenvalue"), ("fm",),
             [pgf_step, Step("d", good_d, DerivativeInduction()),
              Step("fm", sp.Eq(CE(sp.ff(n * pc(i, t + 1), k), t), sp.ff(n, k) * q**k), FactorialMoment(),
                   ("pgf", "d"))], assumptions=CATK),
        _one("zero_wrong_exponent", sp.Eq(E(lost(i, 1)), (1 - p0[i]) ** (n - 1)), ZeroFromMGF(), ("mgf",),
             mgf_steps, assumptions=CAT),
        _one("zero_other_generation", sp.Eq(E(lost(i, 2)), (1 - p0[i]) ** n), ZeroFromMGF(), ("mgf",),
             mgf_steps, assumptions=CAT),
        _one("zero_from_a_pgf", sp.Eq(E(lost(i, 1)), 0), ZeroFromMGF(), ("pgf",), [pgf_step], assumptions=CAT),
        _one("jensen_concave_reversed", sp.Ge(E(negxlogx(q)), negxlogx(E(q))),
             ByAxiom("jensen", {A.f: sp.Lambda(u, negxlogx(u)), A.Y: q}), assumptions=CAT),
        _one("jensen_log_of_share", sp.Ge(E(-sp.log(q)), -sp.log(E(q))),
             ByAxiom("jensen", {A.f: sp.Lambda(u, -sp.log(u)), A.Y: q}), assumptions=CAT),
        _one("monotone_strict", sp.Gt(E(H), E(-sp.log(S))), ExpectMonotone(), ("r",),
             [Step("r", sp.Ge(H, -sp.log(S)), ByAxiom("jensen"))], assumptions=CAT),
        _one("monotone_wrong_side", sp.Ge(E(H), -sp.log(E(S))), ExpectMonotone(), ("r",),
             [Step("r", sp.Ge(H, -sp.log(S)), ByAxiom("jensen"))], assumptions=CAT),
        _one("chain_no_middle", sp.Ge(E(H), -sp.log(E(S))), Chain(), ("a", "b"),
             [Step("a", sp.Ge(H, -sp.log(S)), ByAxiom("jensen")), jensen_lower], assumptions=CAT),
        _one("sum_from_zero", sp.Le(sp.Sum(E(negxlogx(q)), (i, 0, K)), sp.Sum(negxlogx(E(q)), (i, 0, K))),
             SumInequality(), ("a",), [jensen_upper], assumptions=CAT),
        _one("conjunction_extra", sp.And(sp.Ge(H, -sp.log(S)), sp.Le(H, sp.log(K))), Conjunction(), ("a",),
             [Step("a", sp.Ge(H, -sp.log(S)), ByAxiom("jensen"))], assumptions=CAT),
        _one("chapman_kolmogorov_t0", sp.Eq(E(lost(i, t)), 1 - survival_closed()), ByAxiom("chapman_kolmogorov"),
             assumptions=CAT),
        _one("first_step_without_the_step", sp.Eq(E(Tabs(2)), exact_time().args[1][0] - 1),
             ByAxiom("first_step"), assumptions=(C.A_P2, C.A_N)),
        _one("convergence_other_quantity", sp.Eq(E(fixed(i)), sp.Limit(E(pc(i, t) ** 2), t, sp.oo)),
             ByAxiom("dominated_convergence"), ("a",),
             [Step("a", AlmostSurely(sp.Eq(sp.Limit(q, t, sp.oo), fixed(i))), ByAxiom("absorption"))],
             assumptions=CAT),
        _one("specialize_out_of_range", sp.Eq(E(lost(i, 0)), (1 - survival_closed()).subs(t, 0)), Specialize(t, 0),
             ("a",), [Step("a", sp.Eq(E(lost(i, t)), 1 - survival_closed()), ByAxiom("chapman_kolmogorov"))],
             assumptions=(C.A_P0, C.A_N, C.A_T1, C.A_I)),
    ]


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

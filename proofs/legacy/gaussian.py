"""Proofs of the Gaussian family's results.

Each proof re-derives its result from the axioms step by step: the one-step law
(``cochran``), pathwise algebra, the expectation rule, moment lemmas, and induction on t.
The relations a step claims are taken from the theory's derivation (so nothing is written
twice); the kernel decides whether each one follows.
"""

from __future__ import annotations

import sympy as sp

from modelcollapse import theory
from modelcollapse.theory import gaussian as G
from modelcollapse.theory import lemmas as TL
from modelcollapse.theory.expectation import expect
from modelcollapse.theory.symbols import (HN, KLN, E, Var, W2sq, X, Z, ddof, delta, mu, mu0, n, ns, sigma,
                                          sigma0, t, x, z)

from . import axioms as A
from .kernel import Proof, Step
from .lemmas import k as LK, m as LM
from .rules import (Algebra, ByAxiom, Expectation, Induction, Inequality, Integrate, LemmaInstance, Limit,
                    Rewrite)

PROOFS = {}


def proof(result_id):
    """Register a proof builder for ``result_id``."""
    def deco(fn):
        PROOFS[result_id] = fn
        return fn
    return deco


class Builder:
    """Collects steps with unique labels; helpers for the recurring patterns."""

    def __init__(self, law=G.LAW, axiom="cochran", k=n - 1, law_text="one-step law of refitting (Cochran's theorem)"):
        self.steps = []
        self.law, self.axiom, self.k, self.law_text = law, axiom, k, law_text
        self._law_labels = {}

    def add(self, label, relation, rule, *premises, text=""):
        if any(s.label == label for s in self.steps):
            raise ValueError(f"duplicate step label {label}")
        self.steps.append(Step(label, relation, rule, tuple(premises), text))
        return label

    def law_step(self, key):
        if key not in self._law_labels:
            self._law_labels[key] = self.add(f"law.{key}", self.law[key], ByAxiom(self.axiom), text=self.law_text)
        return self._law_labels[key]

    def linear(self, label, Y, value):
        """E[Y] = value by linearity: a pathwise identity Y = Y, then the expectation rule."""
        path = self.add(f"{label}.pathwise", sp.Eq(Y, Y, evaluate=False), Algebra())
        return self.add(label, sp.Eq(E(Y), value), Expectation(), path)

    def moment(self, atom):
        """Steps proving E[g(X_t)] or E[Z_t^m] = value; returns the label of the result."""
        label = f"moment.{sp.sstr(atom.args[0])}"
        if any(s.label == label for s in self.steps):
            return label
        arg = atom.args[0]
        base, m = arg.as_base_exp()
        if isinstance(base, X):
            integral, value = TL.chi2_moment_integral(self.k, m), TL.chi2_moment(self.k, m)
            lam, lemma = sp.Lambda(x, x**m), LemmaInstance("chi2_moment", {LK: self.k, LM: m})
        elif isinstance(arg, sp.log) and isinstance(arg.args[0], X):
            integral, value = TL.chi2_log_moment_integral(self.k), TL.chi2_log_moment(self.k)
            lam, lemma = sp.Lambda(x, sp.log(x)), LemmaInstance("chi2_log_moment", {LK: self.k})
        elif isinstance(base, Z):
            integral, value = TL.normal_moment_integral(m), TL.normal_moment(int(m))
            lam, lemma = sp.Lambda(z, z**m), Integrate()
        else:
            raise ValueError(f"no moment lemma for {atom}")
        density = self.add(label + ".density", sp.Eq(atom, integral, evaluate=False), ByAxiom(self.axiom, {A.f: lam}),
                           text="law of the innovation")
        value_label = self.add(label + ".value", sp.Eq(integral, value, evaluate=False), lemma)
        return self.add(label, sp.Eq(atom, value, evaluate=False), Rewrite(), density, value_label)

    def moments_in(self, expr):
        atoms = [e for e in sp.sympify(expr).atoms(E) if e.args[0].has(X) or e.args[0].has(Z)]
        return [self.moment(a) for a in sorted(atoms, key=sp.default_sort_key)]

    def recurrence(self, quantity, name, closed, extra=()):
        """Prove E[quantity] = closed by the one-step law, expectation, moments and induction."""
        pathwise, rec, _ = G.moment_recurrence(quantity) if self.law is G.LAW else (None, None, None)
        if pathwise is None:  # the schedule model: same construction, its own law
            nxt = G.next_generation(quantity, self.law)
            pathwise = sp.Eq(quantity.subs(t, t + 1), nxt)
            rec = sp.Eq(E(quantity.subs(t, t + 1)), theory.get("gaussian.schedule").derivation.facts[
                "recurrence"].rhs)
        law_labels = [self.law_step("sigma_step")]
        if pathwise.has(delta):
            law_labels.append(self.law_step("delta_step"))
        p = self.add(f"{name}.pathwise", pathwise, Rewrite(), *law_labels, text="pathwise one-step identity")
        e = self.add(f"{name}.expectation", sp.Eq(E(pathwise.lhs), expect(pathwise.rhs)), Expectation(), p)
        moments = self.moments_in(expect(pathwise.rhs))
        r = self.add(f"{name}.recurrence", rec, Rewrite(), e, *moments, *extra)
        init_labels = [self.law_step("sigma_init")] + ([self.law_step("delta_init")] if quantity.has(delta) else [])
        b = self.add(f"{name}.base", sp.Eq(E(quantity.subs(t, 0)), G._initial(quantity, self.law)), Rewrite(),
                     *init_labels)
        return self.add(name, sp.Eq(E(quantity), closed), Induction(), b, r, text="induction on t")

    def done(self, result_id, goals=None, local=()):
        r = theory.get(result_id)
        goals = goals or {"statement": r.statement, **r.claims}
        return Proof(result_id, goals, r.assumptions, self.steps, local=tuple(local))


@proof("gaussian.variance")
def _variance():
    b = Builder()
    b.recurrence(sigma(t) ** 2, "variance", theory.get("gaussian.variance").closed_form)
    return b.done("gaussian.variance")


@proof("gaussian.variance_of_variance")
def _variance_of_variance():
    r = theory.get("gaussian.variance_of_variance")
    b = Builder()
    fourth = b.recurrence(sigma(t) ** 4, "fourth", r.derivation.facts["fourth"].rhs)
    d = b.add("definition", sp.Eq(Var(sigma(t) ** 2), E(sigma(t) ** 4) - E(sigma(t) ** 2) ** 2),
              ByAxiom("variance", {A.Y: sigma(t) ** 2}))
    b.add("statement", r.statement, Rewrite(), d, fourth, "gaussian.variance")
    return b.done(r.id)


def _jensen_ratio(b, fn, name):
    """Jensen for a concave fn of X_t, rewritten with the moment lemmas: returns the label."""
    jensen = b.add(f"{name}.jensen", sp.Lt(E(fn(X(t))), fn(E(X(t)))),
                   ByAxiom("jensen", {A.f: sp.Lambda(A._u, fn(A._u)), A.Y: X(t)}))
    return jensen, b.moments_in(sp.Lt(E(fn(X(t))), fn(E(X(t)))))


@proof("gaussian.std")
def _std():
    r = theory.get("gaussian.std")
    b = Builder()
    b.recurrence(sigma(t), "std", r.closed_form)
    jensen, moments = _jensen_ratio(b, sp.sqrt, "sqrt")
    b.add("ratio_below_one", r.claims["ratio_below_one"], Inequality(scale=1 / sp.sqrt(n - ddof)), jensen, *moments,
          text="E[sqrt X] < sqrt(E X) = sqrt(n - 1) <= sqrt(n - ddof)")
    return b.done(r.id)


@proof("gaussian.log_variance")
def _log_variance():
    r = theory.get("gaussian.log_variance")
    b = Builder()
    q = sp.log(sigma(t) ** 2 / sigma0**2)
    b.recurrence(q, "log_variance", r.closed_form)
    jensen, moments = _jensen_ratio(b, sp.log, "log")
    drift = b.add("drift_negative", r.claims["drift_negative"], Inequality(), jensen, *moments,
                  text="E[log X] < log E[X] = log(n - 1) <= log(n - ddof)")
    increment = sp.expand(G.moment_recurrence(q)[0].rhs - q)
    mean = b.add("increment_mean", sp.Eq(expect(increment), r.derivation.facts["drift"]), Rewrite(),
                 *b.moments_in(expect(increment)))
    b.add("sigma_to_zero", r.claims["sigma_to_zero"], ByAxiom("slln"), "log_variance.pathwise", mean, drift)
    return b.done(r.id)


@proof("gaussian.mean_drift")
def _mean_drift():
    r = theory.get("gaussian.mean_drift")
    b = Builder()
    q = delta(t) ** 2
    law = [b.law_step("delta_step")]
    pathwise = sp.Eq(q.subs(t, t + 1), G.next_generation(q))
    p = b.add("pathwise", pathwise, Rewrite(), *law)
    e = b.add("expectation", sp.Eq(E(pathwise.lhs), expect(pathwise.rhs)), Expectation(), p)
    rec = b.add("recurrence", r.derivation.facts["recurrence"], Rewrite(), e, *b.moments_in(expect(pathwise.rhs)),
                "gaussian.variance")
    base = b.add("base", sp.Eq(E(q.subs(t, 0)), 0), Rewrite(), b.law_step("delta_init"))
    b.add("statement", r.statement, Induction(), base, rec, text="induction on t, for each ddof")
    return b.done(r.id)


def _functional_steps(b, name, axiom, mapping, lemma, lemma_map):
    """Definition (or axiom) of a functional at (mu0, sigma0, mu_t, sigma_t), evaluated by a lemma."""
    ax = A.AXIOMS[axiom]
    inst = ax.instances(mapping)[0]
    d = b.add(f"{name}.definition", inst, ByAxiom(axiom, mapping))
    if lemma is None:
        return [d]
    from .lemmas import LEMMAS
    value = LEMMAS[lemma].statement.xreplace(lemma_map)
    v = b.add(f"{name}.value", value, LemmaInstance(lemma, lemma_map))
    return [d, v]


@proof("gaussian.entropy")
def _entropy():
    from .lemmas import a as la, sd as ls
    r = theory.get("gaussian.entropy")
    b = Builder()
    q = sp.log(sigma(t) ** 2 / sigma0**2)
    labels = []
    for tag, (m_, s_) in (("t", (mu(t), sigma(t))), ("0", (mu0, sigma0))):
        labels += _functional_steps(b, f"h{tag}", "entropy", {A.pa: m_, A.ps: s_}, "gaussian_entropy",
                                    {la: m_, ls: s_})
    coefficient = r.derivation.facts["coefficient"]
    p = b.add("pathwise", sp.Eq(HN(mu(t), sigma(t)) - HN(mu0, sigma0), coefficient * q), Rewrite(), *labels)
    e = b.add("expectation", sp.Eq(E(HN(mu(t), sigma(t))) - HN(mu0, sigma0), coefficient * E(q)), Expectation(), p)
    b.add("statement", r.statement, Rewrite(), e, "gaussian.log_variance")
    return b.done(r.id)


@proof("gaussian.w2")
def _w2():
    r = theory.get("gaussian.w2")
    b = Builder()
    labels = _functional_steps(b, "w2", "gaussian_w2", {A.pa: mu0, A.ps: sigma0, A.pb: mu(t), A.pr: sigma(t)},
                               None, None)
    lhs = W2sq(mu0, sigma0, mu(t), sigma(t))
    pathwise = r.derivation.steps[0].relation
    p = b.add("pathwise", pathwise, Rewrite(), *labels, b.law_step("mu_delta"))
    e = b.add("expectation", sp.Eq(E(lhs), expect(pathwise.rhs)), Expectation(), p)
    st = b.add("statement", r.statement, Rewrite(), e, "gaussian.mean_drift", "gaussian.variance", "gaussian.std")
    for d in (0, 1):
        b.add(f"limit_ddof{d}", r.claims[f"limit_ddof{d}"], Limit(), st, "gaussian.std#ratio_below_one")
    return b.done(r.id)


@proof("gaussian.kl")
def _kl():
    from .lemmas import a as la, b as lb, sd as ls, sd2 as lr
    r = theory.get("gaussian.kl")
    facts = r.derivation.facts
    b = Builder()
    labels = _functional_steps(b, "kl", "kl", {A.pa: mu0, A.ps: sigma0, A.pb: mu(t), A.pr: sigma(t)},
                               "gaussian_kl", {la: mu0, ls: sigma0, lb: mu(t), lr: sigma(t)})
    lhs = KLN(mu0, sigma0, mu(t), sigma(t))
    pathwise = r.derivation.steps[0].relation
    p = b.add("pathwise", pathwise, Rewrite(), *labels, b.law_step("mu_delta"))
    e = b.add("expectation", sp.Eq(E(lhs), facts["expectation"]), Expectation(), p)
    inv = b.recurrence(sigma(t) ** -2, "inverse_variance", facts["inverse_variance"].rhs)
    ratio = b.recurrence(delta(t) ** 2 / sigma(t) ** 2, "drift_ratio", facts["drift_ratio"].rhs)
    b.add("statement", r.statement, Rewrite(), e, inv, ratio, "gaussian.log_variance")
    return b.done(r.id)


@proof("gaussian.schedule")
def _schedule():
    r = theory.get("gaussian.schedule")
    b = Builder(law=G.SCHEDULE_LAW, axiom="cochran_schedule", k=ns[t] - 1)
    st = b.recurrence(sigma(t) ** 2, "statement", r.closed_form)
    factor = r.derivation.facts["factor"].subs({t: A.s, ddof: 0})
    ip = b.add("infinite_product", A.AXIOMS["infinite_product"].instances({A.pc: sigma0**2, A.pfactor: factor})[0],
               ByAxiom("infinite_product", {A.pc: sigma0**2, A.pfactor: factor}))
    b.add("positive_limit_ddof0", r.claims["positive_limit_ddof0"], Rewrite(), st, ip)
    return b.done(r.id)

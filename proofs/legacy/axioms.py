"""The axioms: named facts from the literature that the proofs rest on, each cited.

An axiom licenses a small set of relation *schemas*; a step cites it with a mapping for the
schema's pattern symbols, and the axiom checks the step is an instance and that its side
conditions hold (decided by sympy, like every other step). Definitions (of variance,
entropy, KL) are listed here too, with ``kind="definition"``.

``model`` marks the two refitting models (fixed n, schedule of n); a proof may not mix them,
since their laws of X_t differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import sympy as sp

from modelcollapse.theory import gaussian as G
from modelcollapse.theory.expectation import expect
from modelcollapse.theory.lemmas import gaussian_entropy_integral, gaussian_kl_integral
from modelcollapse.theory.result import Reference
from modelcollapse.theory.symbols import (HN, KLN, AlmostSurely, E, RandomSequence, Var, W2sq, X, Z, chi2_pdf, n,
                                          normal_pdf, ns, s, sigma, t, x, z)

from .kernel import Verdict, same_relation

# Pattern symbols of the schemas.
f = sp.Function("f")


class _RandomPattern(RandomSequence):
    """A pattern standing for any random quantity (so E[...] of it stays unevaluated)."""

    _tex, _text = "Y", "Y"

    def _sympystr(self, printer):
        return "Y"


Y = _RandomPattern(sp.Symbol("Y"))
pa, pb = sp.Symbol("a", real=True), sp.Symbol("b", real=True)
ps, pr, pc = sp.Symbol("s", positive=True), sp.Symbol("r", positive=True), sp.Symbol("c", positive=True)
pfactor = sp.Symbol("f_s")


def _instantiate(expr, pattern, value):
    """Replace a pattern symbol (xreplace) or a pattern function (by applying a Lambda)."""
    if isinstance(pattern, sp.FunctionClass):
        return expr.replace(pattern, lambda *args: value(*args))
    return expr.xreplace({pattern: value})


@dataclass
class Axiom:
    name: str
    title: str
    references: tuple
    schemas: tuple = ()
    kind: str = "axiom"
    model: str | None = None
    statement: str = ""
    #: Relations in the pattern symbols that every instance must satisfy.
    side_conditions: tuple = ()
    #: A further check of the mapping (e.g. which objects a pattern may stand for).
    mapping_check: Callable | None = None
    #: A bespoke check replacing schema matching (axioms with premises).
    custom: Callable | None = None

    def instances(self, mapping):
        out = []
        for schema in self.schemas:
            inst = schema
            for k, v in mapping.items():
                inst = _instantiate(inst, k, v)
            out.append(inst)
        return out

    def check(self, relation, premises, space, mapping) -> Verdict:
        from .rules import decide_relation

        if self.custom is not None:
            return self.custom(relation, premises, space, mapping)
        if premises:
            return Verdict.fail(f"axiom {self.name} takes no premises")
        if self.mapping_check is not None:
            problem = self.mapping_check(mapping)
            if problem:
                return Verdict.fail(problem)
        for cond in self.side_conditions:
            inst = cond
            for k, v in mapping.items():
                inst = _instantiate(inst, k, v)
            v = decide_relation(inst, space)
            if not v.ok:
                return Verdict.fail(f"side condition {sp.sstr(inst)} not shown", v.residual)
        if any(same_relation(relation, inst, space) for inst in self.instances(mapping)):
            return Verdict(True)
        return Verdict.fail(f"not an instance of axiom {self.name}")


def _law_schemas(law, k):
    return tuple(law.values()) + (
        sp.Eq(E(f(X(t))), sp.Integral(f(x) * chi2_pdf(x, k), (x, 0, sp.oo))),
        sp.Eq(E(f(Z(t))), sp.Integral(f(z) * normal_pdf(z, 0, 1), (z, -sp.oo, sp.oo))),
    )


def _jensen_mapping(mapping):
    if not isinstance(mapping.get(Y), X):
        return "jensen: Y must be a chi-square innovation X_t (non-degenerate, positive)"
    if not isinstance(mapping.get(f), sp.Lambda):
        return "jensen: f must be given as a Lambda"
    return None


def _jensen_custom(relation, premises, space, mapping):
    """Three forms of Jensen's inequality: strict for a chi-square innovation, weak for the
    categorical shares, and the finite form under the weights p_t (Shannon >= collision entropy)."""
    if not mapping and not premises:
        if any(same_relation(relation, inst, space) for inst in _categorical_schemas()["renyi_order"]):
            return Verdict(True)
        return Verdict.fail("not the finite (weighted) form of Jensen: H(p_t) >= -log sum_i p_{i,t}^2")
    if not isinstance(relation, sp.StrictLessThan):
        return _jensen_weak_custom(relation, premises, space, mapping)
    return _jensen_strict(relation, premises, space, mapping)


def _jensen_strict(relation, premises, space, mapping):
    from .rules import decide_relation

    problem = _jensen_mapping(mapping)
    if problem:
        return Verdict.fail(problem)
    if premises:
        return Verdict.fail("jensen takes no premises")
    lam, var = mapping[f], mapping[Y]
    u = sp.Dummy("u", positive=True)
    # Strict concavity on the support (0, oo): f'' < 0 there.
    curvature = sp.diff(lam(u), u, 2)
    v = decide_relation(sp.Lt(curvature, 0), space)
    if not v.ok:
        return Verdict.fail(f"jensen: f'' = {curvature} is not shown negative on (0, oo)", v.residual)
    instance = sp.Lt(E(lam(var)), lam(E(var)))
    if same_relation(relation, instance, space):
        return Verdict(True)
    return Verdict.fail("not an instance of strict Jensen", instance)


def _slln_custom(relation, premises, space, mapping):
    """Premises: Eq(L(t+1), L(t) + W_t) pathwise with W_t a function of X_t alone;
    Eq(E[W_t], d); Lt(d, 0). Conclusion: sigma_t -> 0 almost surely, with L = log(sigma_t^2 / c)."""
    if len(premises) != 3:
        return Verdict.fail("slln takes three premises: the increment law, its mean, its sign")
    walk, mean, sign = premises
    if not (isinstance(walk, sp.Eq) and isinstance(mean, sp.Eq) and isinstance(sign, sp.StrictLessThan)):
        return Verdict.fail("slln premises must be Eq, Eq, Lt")
    L_now = walk.lhs.subs(t + 1, t) if walk.lhs.has(t + 1) else None
    if L_now is None or not isinstance(L_now, sp.log):
        return Verdict.fail("slln: the walk must be log(sigma_t^2 / c)")
    arg = L_now.args[0]
    c = sp.simplify(sigma(t) ** 2 / arg)
    if c.has(RandomSequence) or not c.is_positive:
        return Verdict.fail("slln: the walk must be log(sigma_t^2 / c) with c > 0 deterministic")
    W = sp.expand(walk.rhs - L_now)
    atoms = W.atoms(RandomSequence)
    if not atoms or any(not (isinstance(a, X) and a.args[0] == t) for a in atoms):
        return Verdict.fail("slln: the increment must depend on the current innovation X_t only (i.i.d.)")
    if walk.rhs.has(E) or walk.lhs.has(E):
        return Verdict.fail("slln: the walk must be pathwise")
    if mean.lhs != expect(W) and sp.simplify(mean.lhs - expect(W)) != 0:
        return Verdict.fail("slln: the mean premise is not E[increment]")
    if sp.simplify(sign.lhs - mean.rhs) != 0 or sign.rhs != 0:
        return Verdict.fail("slln: the sign premise is not E[increment] < 0")
    target = AlmostSurely(sp.Eq(sp.Limit(sigma(t), t, sp.oo), 0))
    if relation != target:
        return Verdict.fail(f"slln concludes {target}")
    return Verdict(True)


_u = sp.Symbol("u")


def _wright_fisher_schemas():
    from modelcollapse.theory import categorical as C
    return tuple(C.LAW.values())


def _bounded_convergence_custom(relation, premises, space, mapping):
    """Premise: AlmostSurely(Eq(Limit(p_{i,t}, t, oo), L)); conclusion Eq(E[L], Limit(E[p_{i,t}], t, oo))."""
    from modelcollapse.theory.symbols import pc as share
    if len(premises) != 1 or not isinstance(premises[0], AlmostSurely):
        return Verdict.fail("bounded convergence takes one almost-sure limit")
    lim = premises[0].args[0]
    if not (isinstance(lim, sp.Eq) and isinstance(lim.lhs, sp.Limit) and lim.lhs.args[1:3] == (t, sp.oo)):
        return Verdict.fail("the premise must be Eq(Limit(Y_t, t, oo), L) almost surely")
    Yt = lim.lhs.args[0]
    if not isinstance(Yt, share) or Yt.generation != t:
        return Verdict.fail("bounded convergence is licensed for the shares p_{i,t} (0 <= p <= 1) only")
    target = sp.Eq(E(lim.rhs), sp.Limit(E(Yt), t, sp.oo))
    return Verdict(True) if relation == target else Verdict.fail(f"bounded convergence concludes {target}")


def _eigenvalue_custom(relation, premises, space, mapping):
    """Premise Eq(E[(n p_{i,t+1})_k | F_t], a (n p_{i,t})^k) with a free of the shares; conclusion Eq(lambda_k, a)."""
    from modelcollapse.theory.symbols import CE, Eig, i, k, pc as share
    if len(premises) != 1 or not isinstance(premises[0], sp.Eq):
        return Verdict.fail("eigenvalue takes the factorial moment E[(n p_{i,t+1})_k | F_t] = a (n p_{i,t})^k")
    p = premises[0]
    if p.lhs != CE(sp.ff(n * share(i, t + 1), k), t):
        return Verdict.fail("the premise is not the k-th factorial moment of the next count given generation t")
    a = sp.simplify(p.rhs / (n * share(i, t)) ** k)
    if a.has(share):
        return Verdict.fail("the factorial moment is not a constant times (n p_{i,t})^k", a)
    if not (isinstance(relation, sp.Eq) and relation.lhs == Eig(k)):
        return Verdict.fail("eigenvalue concludes Eq(lambda_k, value)")
    from .rules import decide_relation
    v = decide_relation(sp.Eq(relation.rhs, a), space)
    return v if not v.ok else Verdict(True)


def _is_collision_sum(expr):
    """Whether ``expr`` is sum_{i=1}^K p_{i,g}^2 over all categories (>= 1/K > 0 pathwise)."""
    from modelcollapse.theory.symbols import K, pc as share
    if not isinstance(expr, sp.Sum) or len(expr.limits) != 1:
        return False
    var, lo, hi = expr.limits[0]
    body = expr.function
    return (lo, hi) == (1, K) and isinstance(body, sp.Pow) and body.exp == 2 and isinstance(body.base, share) \
        and body.base.args[0] == var


def _jensen_weak_custom(relation, premises, space, mapping):
    """E[f(Y)] <= f(E[Y]) for f concave on (0, oo), >= for f convex; Y a share p_{i,t} or the
    collision sum (at least 1/K > 0 since the shares sum to one) when f is unbounded at 0."""
    from modelcollapse.theory.symbols import pc as share
    from .rules import decide_relation
    from .order import as_le
    if premises:
        return Verdict.fail("jensen takes no premises")
    lam, var = mapping.get(f), mapping.get(Y)
    if not isinstance(lam, sp.Lambda) or var is None:
        return Verdict.fail("jensen needs f (a Lambda) and Y")
    u = sp.Dummy("u", positive=True)
    collision = _is_collision_sum(var)
    if not (isinstance(var, share) or collision):
        return Verdict.fail("jensen: Y must be a share p_{i,t} or the collision sum sum_i p_{i,t}^2")
    bounded_at_zero = sp.limit(lam(u).rewrite(sp.log), u, 0, "+").is_finite
    if not (bounded_at_zero or collision):
        return Verdict.fail("jensen: f is unbounded at 0, so Y must be bounded away from 0")
    curvature = sp.diff(lam(u), u, 2)
    parts = as_le(relation)
    if parts is None or parts[2]:
        return Verdict.fail("jensen for the shares concludes a non-strict inequality")
    lo, hi, _ = parts
    if lo == E(lam(var)) and hi == lam(E(var)):
        v = decide_relation(sp.Le(curvature, 0), space)   # concave
    elif lo == lam(E(var)) and hi == E(lam(var)):
        v = decide_relation(sp.Ge(curvature, 0), space)   # convex
    else:
        return Verdict.fail("not an instance of Jensen's inequality for that f and Y")
    if not v.ok:
        return Verdict.fail(f"jensen: the sign of f'' = {curvature} is not shown", v.residual)
    return Verdict(True)


def _categorical_schemas():
    from modelcollapse.theory.categorical_absorption import exact_time
    from modelcollapse.theory.categorical_loss import survival_closed
    from modelcollapse.theory.symbols import K, Tabs, fixed, i, lost, negxlogx, pc as share
    return {
        "absorption": (AlmostSurely(sp.Eq(sp.Limit(share(i, t), t, sp.oo), fixed(i))),),
        "chapman_kolmogorov": (sp.Eq(E(lost(i, t)), 1 - survival_closed()),),
        "first_step": (sp.Eq(E(Tabs(2)), exact_time()),),
        "renyi_order": (sp.Ge(sp.Sum(negxlogx(share(i, t)), (i, 1, K)),
                              -sp.log(sp.Sum(share(i, t) ** 2, (i, 1, K)))),),
    }

AXIOMS: dict[str, Axiom] = {}
for _ax in [
    Axiom("cochran", "Cochran's theorem: the one-step law of Gaussian refitting (fixed n)",
          (G.COCHRAN,), _law_schemas(G.LAW, n - 1), model="fixed",
          statement="For n i.i.d. N(mu, sigma^2) samples, the sample mean and sum (x - xbar)^2 / sigma^2 are "
                    "independent, N(mu, sigma^2/n) and chi-square(n-1). Hence the refit law in "
                    "modelcollapse.theory.gaussian.LAW, with X_t ~ chi-square(n-1) and Z_t ~ N(0, 1)."),
    Axiom("cochran_schedule", "Cochran's theorem under a schedule of sample sizes",
          (G.COCHRAN,), _law_schemas(G.SCHEDULE_LAW, ns[t] - 1), model="schedule",
          statement="As cochran, with n_t samples at refit t: X_t ~ chi-square(n_t - 1)."),
    Axiom("innovation_independence", "Fresh draws are independent of the past",
          (G.COCHRAN,),
          statement="X_t and Z_t are independent of each other (Cochran) and of everything generation t "
                    "determines (the samples at refit t are fresh); expectation is linear. Used by the "
                    "expectation rule."),
    Axiom("gaussian_w2", "2-Wasserstein distance between normals", (G.DOWSON_LANDAU,),
          (sp.Eq(W2sq(pa, ps, pb, pr), (pa - pb) ** 2 + (ps - pr) ** 2),),
          side_conditions=(sp.Gt(ps, 0), sp.Gt(pr, 0)),
          statement="W2^2(N(a, s^2), N(b, r^2)) = (a - b)^2 + (s - r)^2."),
    Axiom("jensen", "Strict Jensen inequality", (Reference("Jensen, J. L. W. V.", 1906,
          "Sur les fonctions convexes et les inegalites entre les valeurs moyennes", "Acta Math. 30, 175-193"),),
          custom=_jensen_custom,
          statement="For f concave on the support of an integrable Y, E[f(Y)] <= f(E[Y]) (convex: >=), "
                    "strictly if f is strictly concave and Y non-degenerate. Licensed forms: strict for a "
                    "chi-square innovation X_t; weak for a share p_{i,t} or the collision sum; and the finite "
                    "form under the weights p_t, H(p_t) = sum p (-log p) >= -log sum p^2 (zero shares "
                    "contribute nothing to either side)."),
    Axiom("slln", "Strong law of large numbers for a random walk", (Reference("Kolmogorov, A. N.", 1933,
          "Grundbegriffe der Wahrscheinlichkeitsrechnung", "Springer", "Ch. VI"),),
          custom=_slln_custom,
          statement="If log sigma_t^2 = log sigma_0^2 + sum of i.i.d. increments with mean < 0, then "
                    "log sigma_t^2 -> -oo and sigma_t -> 0 almost surely."),
    Axiom("infinite_product", "Positivity of infinite products", (G.RUDIN,),
          (sp.Equivalent(sp.Gt(sp.Limit(pc * sp.Product(pfactor, (s, 0, t - 1)), t, sp.oo), 0),
                         sp.Lt(sp.Sum(1 - pfactor, (s, 0, sp.oo)), sp.oo)),),
          side_conditions=(sp.Gt(pc, 0), sp.Gt(pfactor, 0), sp.Le(pfactor, 1)),
          statement="For factors f_s in (0, 1] and c > 0: lim c prod_{s<t} f_s > 0 iff sum (1 - f_s) < oo."),
    Axiom("wright_fisher", "The one-step law of categorical refitting (neutral Wright-Fisher, N = n)",
          (Reference("Wright, S.", 1931, "Evolution in Mendelian populations", "Genetics 16(2), 97-159"),
           Reference("Fisher, R. A.", 1930, "The Genetical Theory of Natural Selection", "Clarendon Press")),
          _wright_fisher_schemas(), model="categorical",
          statement="Given generation t the counts are Multinomial(n, p_t), so the count n p_{i,t+1} of "
                    "category i is Binomial(n, p_{i,t}): MGF (1 - p + p e^s)^n, PGF (1 - p + p z)^n (binomial "
                    "theorem), pmf C(n, c) p^c (1 - p)^(n - c); the shares sum to 1; generation 0 is p0."),
    Axiom("mgf_moments", "Moments from generating functions",
          (Reference("Billingsley, P.", 1995, "Probability and Measure", "3rd ed., Wiley", "Section 21"),
           Reference("Feller, W.", 1968, "An Introduction to Probability Theory and Its Applications I",
                     "3rd ed., Wiley", "Ch. XI.1")),
          statement="If E[exp(sY)] is finite for s near 0, E[Y^k] is its k-th derivative at s = 0; for a "
                    "bounded count Y with E[z^Y] = G(z), E[Y (Y - 1) ... (Y - k + 1)] = G^(k)(1) "
                    "(both also conditionally)."),
    Axiom("tower", "Law of total expectation", (Reference("Billingsley, P.", 1995, "Probability and Measure",
                                                           "3rd ed., Wiley", "Section 34"),),
          statement="E[E[Y | F_t]] = E[Y]; expectation is linear."),
    Axiom("linearity", "Linearity of expectation over finite sums", (), kind="definition",
          statement="E[sum_{i=1}^K Y_i] = sum_{i=1}^K E[Y_i] for finite K."),
    Axiom("variance", "Definition of the variance", (), (sp.Eq(Var(Y), E(Y**2) - E(Y) ** 2),),
          kind="definition", statement="Var[Y] = E[Y^2] - E[Y]^2."),
    Axiom("entropy", "Definition of differential entropy (normal density)", (G.COVER_THOMAS,),
          (sp.Eq(HN(pa, ps), gaussian_entropy_integral(pa, ps)),), kind="definition",
          side_conditions=(sp.Gt(ps, 0),),
          statement="h(N(m, s^2)) = -int f log f over the normal density f, log f written out."),
    Axiom("kl", "Definition of the KL divergence (normal densities)", (G.COVER_THOMAS,),
          (sp.Eq(KLN(pa, ps, pb, pr), gaussian_kl_integral(pa, ps, pb, pr)),), kind="definition",
          side_conditions=(sp.Gt(ps, 0), sp.Gt(pr, 0)),
          statement="KL(N(a, s^2) || N(b, r^2)) = int f log(f/g), log(f/g) written out."),
    Axiom("eigenvalue", "Eigenvalues of the Wright-Fisher operator on polynomials",
          (Reference("Karlin, S. and McGregor, J.", 1965, "Direct product branching processes and related "
                     "induced Markoff chains I", "Bernoulli-Bayes-Laplace Anniversary Volume, 111-145"),),
          kind="definition", custom=_eigenvalue_custom,
          statement="If E[(n p_{t+1})_k | F_t] = a_k (n p_t)^k, the one-step operator is triangular in the basis "
                    "of falling factorials (n p)_k, and its eigenvalue on degree k is lambda_k = a_k."),
    Axiom("absorption", "Absorption of the two-category chain",
          (Reference("Kemeny, J. G. and Snell, J. L.", 1960, "Finite Markov Chains", "Van Nostrand",
                     "Thm 3.1.1"),),
          _categorical_schemas()["absorption"], model="categorical",
          statement="Counts 0 and n are absorbing and reachable from every count, so the finite chain is "
                    "absorbed with probability one: p_{i,t} -> 1{category i fixes} almost surely."),
    Axiom("dominated_convergence", "Dominated (bounded) convergence",
          (Reference("Billingsley, P.", 1995, "Probability and Measure", "3rd ed., Wiley", "Thm 16.4, 16.5"),),
          custom=_bounded_convergence_custom,
          statement="If Y_s is bounded by 1 in absolute value and Y_s -> L almost surely, then E[L] = lim E[Y_s]. "
                    "Used for the shares "
                    "(0 <= p_{i,t} <= 1, t -> oo) and, by the zero-from-MGF rule, for exp(s C) -> 1{C = 0} as "
                    "s -> -oo for a count C >= 0, so P(C = 0) = lim E[exp(s C)]."),
    Axiom("chapman_kolmogorov", "Chapman-Kolmogorov for one category against the rest",
          (Reference("Kemeny, J. G. and Snell, J. L.", 1960, "Finite Markov Chains", "Van Nostrand", "Ch. II"),),
          _categorical_schemas()["chapman_kolmogorov"], model="categorical",
          side_conditions=(sp.Ge(t, 1),),
          statement="Given generation t the count of category i is Binomial(n, p_{i,t}), so the count is a "
                    "Markov chain with kernel P[a, b] = Binomial(n, a/n).pmf(b); after the first refit from p0, "
                    "P(count c' at t) = sum_c Binomial(n, p0_i)(c) (P^{t-1})[c, c'] for t >= 1."),
    Axiom("first_step", "First-step analysis of the mean absorption time",
          (Reference("Kemeny, J. G. and Snell, J. L.", 1960, "Finite Markov Chains", "Van Nostrand",
                     "Thm 3.3.5"),),
          _categorical_schemas()["first_step"], model="categorical",
          statement="For an absorbing finite chain the mean times to absorption solve tau = 1 + Q tau on the "
                    "transient states (tau = 0 on absorbing ones); from p0 with two categories, T = 0 if p0 is a "
                    "point mass and 1 + tau_n(C_1) otherwise, C_1 ~ Binomial(n, p0_1)."),
    Axiom("monotonicity", "Monotonicity of expectation", (), kind="definition",
          statement="If a <= b almost surely and both are integrable, E[a] <= E[b]."),
]:
    AXIOMS[_ax.name] = _ax

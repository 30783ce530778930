"""Adversarial corpus for the proof kernel: misuses of the scatter families of the sampling transforms.

The kernel cites one fact of ``TruncatedNormalScatter(n, a)`` and ``MaxNormalScatter(n, k)``, the
sum of squared deviations V of n i.i.d. standard normals truncated to [-a, a], resp. of n maxima of
k standard normals: E[V] = (n - 1) Var(Y), with Var(Y) = c(a) = 1 - 2 a phi(a)/(2 Phi(a) - 1) or v_k
(``MaxNormalVariance``, an integral evaluated by quadrature, never rewritten). Each entry below tries
to get more out of that than it gives: a higher moment of V, a family argument outside its domain
(n = 1, a <= 0, k = 0 or not an integer), a value bound by the proof instead of the law, the fact
cited for another family or another fact for this one, a closed form of v_k the kernel has no
citation for. ``attacks()`` returns ``(name, build, expected)`` as the earlier rounds do; every
statement is false or reached by invalid reasoning (the comment above each entry says why).
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import SIMPLEX, K, P, checker, i, j
from modelcollapse.proofs.kernel import CE, AlmostSurely, E, Domain, Draw, Law, Proof, Rand, StateVar, Step
from modelcollapse.proofs.kernel.rules import (Algebra, CondExpect, DrawFact, Induction, LawInit, LawStep, Rewrite,
                                               Specialize, StateInduction, SupportKept, Tower, VectorTotal)
from modelcollapse.proofs.kernel.terms import MaxNormalVariance

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

g = sp.Symbol("g", integer=True, nonnegative=True)
n = sp.Symbol("n", integer=True, positive=True)
a = sp.Symbol("a", positive=True)
k = sp.Symbol("k", integer=True, positive=True)
x = sp.Symbol("x", real=True)
r = sp.Symbol("r", real=True)


def V(t):
    return Rand("V", t)


def EQ(lhs, rhs):
    return sp.Eq(lhs, rhs, evaluate=False)


def c_of(half_width):
    """The cited variance of a standard normal truncated to [-a, a]."""
    return 1 - sp.sqrt(2) * half_width * sp.exp(-half_width**2 / 2) / (sp.sqrt(sp.pi) * sp.erf(half_width / sp.sqrt(2)))


def truncated_law(n_arg=n, a_arg=a, params=None):
    """The draw V ~ TruncatedNormalScatter(n_arg, a_arg) alone."""
    params = {n: Domain.integer(2), a: Domain.real(0, lo_open=True)} if params is None else params
    return Law("truncated", g, params, (), (Draw("V", "TruncatedNormalScatter", (n_arg, a_arg)),))


def maximum_law(n_arg=n, k_arg=k, params=None):
    params = {n: Domain.integer(2), k: Domain.integer(1)} if params is None else params
    return Law("maximum", g, params, (), (Draw("V", "MaxNormalScatter", (n_arg, k_arg)),))


def _domains(law):
    return {**law.params, g: Domain.integer(0)}


def _mean_step(law, fact, value, order=None):
    return Step("m", EQ(CE(V(g), g), value), DrawFact(fact, "V", order))


# =====================================================================================================
# Attacks
# =====================================================================================================

# Only E[V] is cited. Asking the mean fact for order 2 would give E[V^2] = ((n - 1) c)^2, i.e. Var(V) = 0:
# V is not a constant.
def scatter_mean_with_an_order():
    law = truncated_law()
    bad = EQ(CE(V(g) ** 2, g), ((n - 1) * c_of(a)) ** 2)
    return Proof("scatter_mean_with_an_order", {"statement": bad}, _domains(law),
                 [Step("statement", bad, DrawFact("truncated_normal_scatter_mean", "V", 2))], law)


# The same second moment through independence: V^2 = V * V "factorised" as two draws, from the one
# cited mean. V is one draw, and no premise gives CE(V^2).
def scatter_square_from_the_mean():
    law = maximum_law()
    mean = (n - 1) * MaxNormalVariance(k)
    bad = EQ(CE(V(g) ** 2, g), mean ** 2)
    return Proof("scatter_square_from_the_mean", {"statement": bad}, _domains(law),
                 [_mean_step(law, "max_normal_scatter_mean", mean),
                  Step("statement", bad, CondExpect(), ("m",))], law)


# n = 1: one draw has no scatter (V = 0), yet the support says V > 0; with n = 1 the fact gives E[V] = 0
# for a positive V. The law's argument lies outside the family's domain n >= 2.
def scatter_of_one_sample():
    law = truncated_law(n_arg=1, params={a: Domain.real(0, lo_open=True)})
    bad = EQ(E(V(g)), 0)
    return Proof("scatter_of_one_sample", {"statement": bad}, _domains(law),
                 [_mean_step(law, "truncated_normal_scatter_mean", 0),
                  Step("statement", bad, Tower(), ("m",))], law)


# a = -1 "truncates" to an empty interval [1, -1]; c(-1) = c(1) by symmetry of the formula, so the fact
# would speak of a law that does not exist. The argument must be shown > 0.
def truncation_at_a_negative_width():
    law = truncated_law(a_arg=-1, params={n: Domain.integer(2)})
    value = (n - 1) * c_of(sp.Integer(-1))
    bad = EQ(CE(V(g), g), value)
    return Proof("truncation_at_a_negative_width", {"statement": bad}, _domains(law),
                 [Step("statement", bad, DrawFact("truncated_normal_scatter_mean", "V"))], law)


# The law declares the width w a real >= 0, so w = 0 is allowed: c(0) is 0/0 and a zero-width truncation
# has no density. The family needs w > 0, which the law's own domain does not give.
def truncation_width_may_vanish():
    w = sp.Symbol("w", nonnegative=True)
    law = truncated_law(a_arg=w, params={n: Domain.integer(2), w: Domain.real(0)})
    bad = EQ(CE(V(g), g), (n - 1) * c_of(w))
    return Proof("truncation_width_may_vanish", {"statement": bad}, _domains(law),
                 [Step("statement", bad, DrawFact("truncated_normal_scatter_mean", "V"))], law)


# k = 0: the largest of no normals is no number; MaxNormalVariance(0) is undefined. The family needs an
# integer k >= 1.
def best_of_zero():
    law = maximum_law(k_arg=0, params={n: Domain.integer(2)})
    bad = EQ(CE(V(g), g), 0)
    return Proof("best_of_zero", {"statement": bad}, _domains(law),
                 [Step("statement", bad, DrawFact("max_normal_scatter_mean", "V"))], law)


# k a real >= 1: "the largest of 3/2 normals" is no law; the family's k is an integer.
def best_of_a_real_number():
    kk = sp.Symbol("kk", real=True)
    law = maximum_law(k_arg=kk, params={n: Domain.integer(2), kk: Domain.real(1)})
    bad = EQ(CE(V(g), g), (n - 1) * MaxNormalVariance(kk))
    return Proof("best_of_a_real_number", {"statement": bad}, _domains(law),
                 [Step("statement", bad, DrawFact("max_normal_scatter_mean", "V"))], law)


# The proof binds the family's argument: the law draws at width a, the step states the mean at width 1
# (c(1) = 0.29 whatever a is). The law binds the parameters, never the step.
def scatter_mean_at_another_width():
    law = truncated_law()
    bad = EQ(CE(V(g), g), (n - 1) * c_of(sp.Integer(1)))
    return Proof("scatter_mean_at_another_width", {"statement": bad}, _domains(law),
                 [Step("statement", bad, DrawFact("truncated_normal_scatter_mean", "V"))], law)


# The same by Specialize: from the honest instance at a, set a = 1 in a proof whose law draws at a.
# a is a parameter of the law, so it may not be specialised (the draw would change with it).
def specialize_the_truncation_width():
    law = truncated_law()
    honest = EQ(CE(V(g), g), (n - 1) * c_of(a))
    bad = EQ(CE(V(g), g), (n - 1) * c_of(sp.Integer(1)))
    return Proof("specialize_the_truncation_width", {"statement": bad}, _domains(law),
                 [Step("m", honest, DrawFact("truncated_normal_scatter_mean", "V")),
                  Step("statement", bad, Specialize(a, 1), ("m",))], law)


# The truncated scatter's mean cited for a best-of-k draw: E[V] = (n - 1) c(k) is not (n - 1) v_k.
def truncated_fact_for_a_maximum_draw():
    law = maximum_law()
    bad = EQ(CE(V(g), g), (n - 1) * c_of(k))
    return Proof("truncated_fact_for_a_maximum_draw", {"statement": bad}, _domains(law),
                 [Step("statement", bad, DrawFact("truncated_normal_scatter_mean", "V"))], law)


# A chi-square fact cited for the scatter: V would be chi-square(n - 1), so E[log V] = psi((n-1)/2) + log 2,
# which holds for normal samples only, not for truncated ones.
def chi_square_log_moment_for_the_scatter():
    law = truncated_law()
    bad = EQ(CE(sp.log(V(g)), g), sp.polygamma(0, (n - 1) / 2) + sp.log(2))
    return Proof("chi_square_log_moment_for_the_scatter", {"statement": bad}, _domains(law),
                 [Step("statement", bad, DrawFact("chi_square_log_moment", "V"))], law)


# A closed form for v_k that no citation gives, and which is false: v_2 = 1 - 1/pi = 0.682, not
# 1 - 1/(2 pi) = 0.841. The kernel never rewrites MaxNormalVariance; its quadrature refutes the claim.
def max_normal_variance_wrong_closed_form():
    bad = EQ(MaxNormalVariance(2), 1 - 1 / (2 * sp.pi))
    return Proof("max_normal_variance_wrong_closed_form", {"statement": bad}, {},
                 [Step("statement", bad, Algebra())])


# v_k = 1 for every k (true at k = 1 only): the numbers at k >= 2 refute it.
def max_normal_variance_constant():
    bad = EQ(MaxNormalVariance(k), 1)
    return Proof("max_normal_variance_constant", {"statement": bad}, {k: Domain.integer(1)},
                 [Step("statement", bad, Algebra())])


# v_k at k = 1/2 is no number; an identity there cannot be evaluated, so it is not shown.
def max_normal_variance_at_a_half():
    bad = EQ(MaxNormalVariance(sp.Rational(1, 2)), 1)
    return Proof("max_normal_variance_at_a_half", {"statement": bad}, {},
                 [Step("statement", bad, Algebra())])


# The refit sigma' = sigma sqrt(V / (n - 1)) with a law whose state domain claims sigma >= 1: the update
# leaves it (V can be small), so the law is rejected before any step reads it; with it, E[sigma_g^2] = 1
# and sigma_g >= 1 would give sigma_g = 1 almost surely.
def refit_state_domain_not_kept():
    s = lambda t: Rand("s", t)  # noqa: E731
    law = Law("refit", g, {n: Domain.integer(2), a: Domain.real(0, lo_open=True)},
              (StateVar("s", 1, s(g) * sp.sqrt(V(g) / (n - 1)), Domain.real(1)),),
              (Draw("V", "TruncatedNormalScatter", (n, a)),))
    bad = EQ(s(0), 1)
    return Proof("refit_state_domain_not_kept", {"statement": bad}, _domains(law),
                 [Step("statement", bad, LawInit("s"))], law)


# An induction whose one-step premise uses the second moment of V nobody cited: E[sigma^4] would follow.
# The one-step value must come from a conditional expectation the kernel accepted.
def induction_on_an_uncited_second_moment():
    s = lambda t: Rand("s", t)  # noqa: E731
    law = Law("refit", g, {n: Domain.integer(2), a: Domain.real(0, lo_open=True)},
              (StateVar("s", 1, s(g) * V(g) / (n - 1), Domain.real(0, lo_open=True)),),
              (Draw("V", "TruncatedNormalScatter", (n, a)),))
    rho = (c_of(a)) ** 2
    path = EQ(s(g + 1) ** 2, s(g) ** 2 * V(g) ** 2 / (n - 1) ** 2)
    bad_one = EQ(CE(s(g + 1) ** 2, g), rho * s(g) ** 2)
    bad = EQ(E(s(g) ** 2), rho ** g)
    return Proof("induction_on_an_uncited_second_moment", {"statement": bad}, _domains(law), [
        Step("law", EQ(s(g + 1), s(g) * V(g) / (n - 1)), LawStep("s")),
        Step("path", path, Rewrite(), ("law",)),
        Step("m", EQ(CE(V(g) ** 2, g), (n - 1) ** 2 * rho), DrawFact("truncated_normal_scatter_mean", "V")),
        Step("ce", EQ(CE(s(g) ** 2 * V(g) ** 2 / (n - 1) ** 2, g), rho * s(g) ** 2), CondExpect(), ("m",)),
        Step("one", bad_one, Rewrite(source=True), ("path", "ce")),
        Step("base", EQ(s(0) ** 2, 1), Rewrite(), ()),
        Step("statement", bad, Induction((s(g) ** 2,), (rho ** g,), ((rho,),), (0,)), ("one", "base", "path"))], law)


# erf entered the kernel's terms with the truncated normal: erf(x) < 0 for x < 0, so a normal draw of
# variance erf(x) for a real x is no law (E[D^2] = erf(x) < 0 would follow). Its sign must be shown.
def normal_variance_erf_of_a_real():
    law = Law("erf", g, {x: Domain.real()}, (), (Draw("D", "Normal", (0, sp.erf(x))),))
    bad = EQ(CE(Rand("D", g) ** 2, g), sp.erf(x))
    return Proof("normal_variance_erf_of_a_real", {"statement": bad}, {x: Domain.real(), g: Domain.integer(0)},
                 [Step("statement", bad, DrawFact("normal_moments", "D", 2))], law)


# v_k - 1 as a normal variance: v_k < 1 for k >= 2, so the variance is negative. The kernel knows no sign
# of v_k (it only evaluates it), so the law's argument is not shown >= 0.
def normal_variance_from_max_normal_variance():
    law = Law("vk", g, {k: Domain.integer(1)}, (), (Draw("D", "Normal", (0, MaxNormalVariance(k) - 1)),))
    bad = EQ(CE(Rand("D", g) ** 2, g), MaxNormalVariance(k) - 1)
    return Proof("normal_variance_from_max_normal_variance", {"statement": bad},
                 {k: Domain.integer(1), g: Domain.integer(0)},
                 [Step("statement", bad, DrawFact("normal_moments", "D", 2))], law)


# =====================================================================================================
# Normalised maps: p_{i,g+1} = w(p_{i,g}) / Sum_j w(p_{j,g}), a law reading the whole vector
# =====================================================================================================

tau = sp.Symbol("tau", positive=True)
p0 = sp.IndexedBase("p0", nonnegative=True)
w = sp.IndexedBase("w", real=True)


def normalised_law(weight=lambda x, idx: x ** (1 / tau), hi=K, init=None, extra=None, draws=(), domain=None,
                   total_over=None):
    """p_{i,g+1} = weight(p_{i,g}) / Sum(weight(p_{j,g}), (j, 1, hi)), p_{i,0} = p0[i]."""
    step = weight(P(g), i) / sp.Sum(weight(P(g, j), j), (j, 1, hi)) if total_over is None else total_over
    params = {tau: Domain.real(0, lo_open=True), K: Domain.integer(1), p0: SIMPLEX, **(extra or {})}
    return Law("normalised", g, params, (StateVar("p", p0[i] if init is None else init, step,
                                                  domain or Domain.real(0, 1), (i,)),), draws, {i: Domain.integer(1, K)})


def closed_form_claim(name, law, closed, index_domain=None):
    doms = {**law.params, g: Domain.integer(0), i: index_domain or Domain.integer(1, K)}
    bad = EQ(P(g), closed)
    return Proof(name, {"statement": bad}, doms,
                 [Step("total", EQ(sp.Sum(p0[j], (j, 1, K)), 1), VectorTotal()),
                  Step("statement", bad, StateInduction("p"), ("total",))], law)


ESCORT = p0[i] ** (tau ** -g) / sp.Sum(p0[j] ** (tau ** -g), (j, 1, K))


# The weight x (1 - x) vanishes at x = 1: from a point mass the normaliser is 0 and the next generation
# is 0/0. The weight must be > 0 wherever the entry is.
def normaliser_may_vanish():
    law = normalised_law(weight=lambda x, idx: x * (1 - x))
    return closed_form_claim("normaliser_may_vanish", law, p0[i])


# The normaliser sums one category too many (j = 1..K + 1): p_{K+1, g} is no category of the law.
def normaliser_reads_out_of_range():
    return closed_form_claim("normaliser_reads_out_of_range", normalised_law(hi=K + 1), ESCORT)


# A "deterministic" map whose weight reads a draw: p_i D_g / Sum_j p_j D_g with D ~ Poisson(1) may be 0/0
# (D = 0), and its closed form would hold on no path. A normalised weight reads its own entry alone.
def normalised_weight_uses_a_draw():
    law = normalised_law(weight=lambda x, idx: x * Rand("D", g), draws=(Draw("D", "Poisson", (1,)),))
    return closed_form_claim("normalised_weight_uses_a_draw", law, p0[i])


# Induction on a state whose update adds a draw: x_{g+1} = x_g + D, D ~ Poisson(1). x_g = g holds in
# mean (E[x_g] = g), not on every path; StateInduction speaks of paths and refuses a random update.
def state_induction_through_a_draw():
    law = Law("walk", g, {}, (StateVar("x", 0, Rand("x", g) + Rand("D", g), Domain.real(0)),),
              (Draw("D", "Poisson", (1,)),))
    bad = EQ(Rand("x", g), g)
    return Proof("state_induction_through_a_draw", {"statement": bad}, {g: Domain.integer(0)},
                 [Step("statement", bad, StateInduction("x"))], law)


# The map starts from w[i], a vector with no total: its normaliser could be 0 at once (w = 0), and the
# entries of p_0 need not be a distribution. The start must be a probability vector.
def normalised_start_not_a_distribution():
    law = normalised_law(init=w[i], extra={w: Domain.vector(Domain.real(0, 1), length=K)})
    return closed_form_claim("normalised_start_not_a_distribution", law, ESCORT)


# Twice the normalised weight: the entries sum to 2, outside [0, 1] (the map is not a normalisation).
def normalised_update_with_mass_two():
    law = normalised_law(total_over=2 * P(g) ** (1 / tau) / sp.Sum(P(g, j) ** (1 / tau), (j, 1, K)))
    return closed_form_claim("normalised_update_with_mass_two", law, ESCORT)


# A negative weight -x: the "probabilities" -x_i / Sum(-x_j) are fine, but a weight < 0 at one entry with
# > 0 at another makes a normaliser that may vanish; the weight must be >= 0.
def normalised_negative_weight():
    law = normalised_law(weight=lambda x, idx: x - sp.Rational(1, 2))
    return closed_form_claim("normalised_negative_weight", law, p0[i])


# The escort exponent inverted: p_t proportional to p0^(tau^t) is not what sampling at tau does
# (one step raises to 1/tau, so the exponent is tau^-t). The inductive step fails.
def escort_with_the_wrong_exponent():
    return closed_form_claim("escort_with_the_wrong_exponent", normalised_law(),
                              p0[i] ** (tau ** g) / sp.Sum(p0[j] ** (tau ** g), (j, 1, K)))


# The weight x + 1/2 gives mass to categories p_t has lost: the support is not kept, so p0 restricted to
# its support is no fixed point ("a category once lost is never recovered" fails for such a map).
def mass_from_outside_the_support():
    law = normalised_law(weight=lambda x, idx: x + sp.Rational(1, 2))
    return closed_form_claim("mass_from_outside_the_support", law, p0[i])


# The induction read for one category only (i = 1): the update of category 1 reads every category,
# whose closed forms the proof never assumed.
def state_induction_on_part_of_the_range():
    return closed_form_claim("state_induction_on_part_of_the_range", normalised_law(), ESCORT,
                              index_domain=Domain.integer(1, 1))


# A mass sum over part of the range: Sum_{j < K} p0_j is 0 when all the mass is on category K.
def mass_on_part_of_the_range():
    bad = sp.Gt(sp.Sum(p0[j], (j, 1, K - 1)), 0)
    return Proof("mass_on_part_of_the_range", {"statement": bad}, {K: Domain.integer(1), p0: SIMPLEX},
                 [Step("statement", bad, Algebra())])


# Sum_j p0_j (1 - p0_j) is 0 for a point mass: a summand that vanishes where the entry carries all the
# mass shows nothing.
def mass_sum_of_a_vanishing_summand():
    bad = sp.Gt(sp.Sum(p0[j] * (1 - p0[j]), (j, 1, K)), 0)
    return Proof("mass_sum_of_a_vanishing_summand", {"statement": bad}, {K: Domain.integer(1), p0: SIMPLEX},
                 [Step("statement", bad, Algebra())])


# =====================================================================================================
# Curation support: a category drawn with probability 0 is never drawn, so a refit on kept samples keeps it at 0
# =====================================================================================================

keep = sp.IndexedBase("s", nonnegative=True)


def curation_law(update=None, draw=None):
    """C_i ~ Binomial(n, p_{i,g}); p_{i,g+1} = s_i C_i / n (or ``update``)."""
    C = Rand("C", g, i)
    params = {n: Domain.integer(1), K: Domain.integer(1), p0: SIMPLEX, keep: Domain.vector(Domain.real(0, 1), length=K)}
    return Law("curation", g, params, (StateVar("p", p0[i], keep[i] * C / n if update is None else update(C),
                                                Domain.real(0, 1), (i,)),),
               (draw or Draw("C", "Binomial", (n, P(g))),), {i: Domain.integer(1, K)})


def _support_claim(name, law, claim=None):
    claim = claim or AlmostSurely(sp.Implies(sp.Eq(P(g), 0), sp.Eq(P(g + 1), 0)))
    return Proof(name, {"statement": claim}, {**law.params, g: Domain.integer(0), i: Domain.integer(1, K)},
                 [Step("statement", claim, SupportKept("p", "C"))], law)


# Smoothing (C_i + 1)/(n + K) gives every category mass again: a lost category comes back.
def support_with_added_mass():
    law = curation_law(update=lambda C: (C + 1) / (n + K))
    return _support_claim("support_with_added_mass", law)


# The count drawn at probability 1/2 whatever p_i is: a category at 0 is still drawn.
def support_of_a_count_at_another_probability():
    law = curation_law(draw=Draw("C", "Binomial", (n, sp.Rational(1, 2))), update=lambda C: Rand("C", g) / n)
    claim = AlmostSurely(sp.Implies(sp.Eq(P(g), 0), sp.Eq(P(g + 1), 0)))
    return _support_claim("support_of_a_count_at_another_probability", law, claim)


# The converse: a category at 0 after the refit was not necessarily at 0 before (it may have been drawn
# and not kept, s_i = 0). SupportKept concludes the forward implication only.
def support_converse():
    law = curation_law()
    return _support_claim("support_converse", law, AlmostSurely(sp.Implies(sp.Eq(P(g + 1), 0), sp.Eq(P(g), 0))))


def attacks():
    return [
        ("scatter_mean_with_an_order", scatter_mean_with_an_order, "takes no order"),
        ("scatter_square_from_the_mean", scatter_square_from_the_mean, "no premise gives"),
        ("scatter_of_one_sample", scatter_of_one_sample, "1 >= 2 is not shown"),
        ("truncation_at_a_negative_width", truncation_at_a_negative_width, "-1 > 0 is not shown"),
        ("truncation_width_may_vanish", truncation_width_may_vanish, "w > 0 is not shown"),
        ("best_of_zero", best_of_zero, "0 >= 1 is not shown"),
        ("best_of_a_real_number", best_of_a_real_number, "kk is not shown integer"),
        ("scatter_mean_at_another_width", scatter_mean_at_another_width, "not the instance"),
        ("specialize_the_truncation_width", specialize_the_truncation_width, "parameter of the law"),
        ("truncated_fact_for_a_maximum_draw", truncated_fact_for_a_maximum_draw,
         "holds for TruncatedNormalScatter draws"),
        ("chi_square_log_moment_for_the_scatter", chi_square_log_moment_for_the_scatter, "holds for ChiSquare draws"),
        ("max_normal_variance_wrong_closed_form", max_normal_variance_wrong_closed_form, "could not reduce"),
        ("max_normal_variance_constant", max_normal_variance_constant, "could not reduce"),
        ("max_normal_variance_at_a_half", max_normal_variance_at_a_half, "could not reduce || an integer >= 1"),
        ("refit_state_domain_not_kept", refit_state_domain_not_kept, "is not shown"),
        ("induction_on_an_uncited_second_moment", induction_on_an_uncited_second_moment, "not the instance"),
        ("normal_variance_erf_of_a_real", normal_variance_erf_of_a_real, "erf(x) >= 0 is not shown"),
        ("normal_variance_from_max_normal_variance", normal_variance_from_max_normal_variance,
         "MaxNormalVariance(k) - 1 >= 0 is not shown"),
        ("normaliser_may_vanish", normaliser_may_vanish, "the normaliser may vanish"),
        ("normaliser_reads_out_of_range", normaliser_reads_out_of_range, "its normaliser must be the sum of its weight"),
        ("normalised_weight_uses_a_draw", normalised_weight_uses_a_draw, "which reads p_{i,g} alone"),
        ("state_induction_through_a_draw", state_induction_through_a_draw, "reads a draw or another variable"),
        ("normalised_start_not_a_distribution", normalised_start_not_a_distribution, "a probability vector"),
        ("normalised_update_with_mass_two", normalised_update_with_mass_two, "its normaliser must be the sum"),
        ("normalised_negative_weight", normalised_negative_weight, "is not shown >= 0"),
        ("escort_with_the_wrong_exponent", escort_with_the_wrong_exponent, "does not take F at g to F at g + 1"),
        ("mass_from_outside_the_support", mass_from_outside_the_support, "does not take F at g to F at g + 1"),
        ("state_induction_on_part_of_the_range", state_induction_on_part_of_the_range, "the law's whole range"),
        ("mass_on_part_of_the_range", mass_on_part_of_the_range, "could not show > 0"),
        ("mass_sum_of_a_vanishing_summand", mass_sum_of_a_vanishing_summand, "could not show > 0"),
        ("support_with_added_mass", support_with_added_mass, "the update does not vanish when"),
        ("support_of_a_count_at_another_probability", support_of_a_count_at_another_probability,
         "must be a Binomial count with probability"),
        ("support_converse", support_converse, "concludes AlmostSurely(Implies(Eq(p_{i,g}, 0)"),
    ]

"""The scatter families of the sampling transforms (TruncatedNormalScatter, MaxNormalScatter) and
v_k (MaxNormalVariance): accepted and rejected cases for every side condition, and the numbers the
kernel evaluates v_k to against independent routes."""

import math

import mpmath
import pytest
import sympy as sp
from scipy import integrate
from scipy.special import ndtr

from modelcollapse.proofs.kernel import CE, E, Domain, Draw, Law, Proof, Rand, StateVar, Step, check
from modelcollapse.proofs.kernel import laws
from modelcollapse.proofs.kernel.check import law_problems
from modelcollapse.proofs.kernel import rules as R
from modelcollapse.proofs.kernel.decide import _reduces_to_zero, evaluate
from modelcollapse.proofs.kernel.terms import MaxNormalVariance

g = sp.Symbol("g", integer=True, nonnegative=True)
n = sp.Symbol("n", integer=True, positive=True)
a = sp.Symbol("a", positive=True)
k = sp.Symbol("k", integer=True, positive=True)
V = lambda t: Rand("V", t)  # noqa: E731
s = lambda t: Rand("s", t)  # noqa: E731
C = 1 - sp.sqrt(2) * a * sp.exp(-a**2 / 2) / (sp.sqrt(sp.pi) * sp.erf(a / sp.sqrt(2)))
N_DOMAIN, A_DOMAIN, K_DOMAIN = Domain.integer(2), Domain.real(0, lo_open=True), Domain.integer(1)


def EQ(lhs, rhs):
    return sp.Eq(lhs, rhs, evaluate=False)


def scatter_law(family, args, params):
    return Law("scatter", g, params, (), (Draw("V", family, args),))


def refit_law(family, second):
    """s_0 = 1, s_{g+1} = s_g sqrt(V_g / (n - 1)), V ~ family(n, second)."""
    params = {n: N_DOMAIN, second: A_DOMAIN if family == "TruncatedNormalScatter" else K_DOMAIN}
    return Law("refit", g, params, (StateVar("s", 1, s(g) * sp.sqrt(V(g) / (n - 1)), Domain.real(0, lo_open=True)),),
               (Draw("V", family, (n, second)),))


@pytest.mark.parametrize("family, second, ratio", [("TruncatedNormalScatter", a, C),
                                                   ("MaxNormalScatter", k, MaxNormalVariance(k))])
def test_refit_variance_is_proved_from_the_cited_mean(family, second, ratio):
    """E[s_g^2] = Var(Y)^g, from E[V] = (n - 1) Var(Y) alone."""
    law = refit_law(family, second)
    assert law.problems() == []
    fact = "truncated_normal_scatter_mean" if family == "TruncatedNormalScatter" else "max_normal_scatter_mean"
    steps = [Step("law", EQ(s(g + 1), s(g) * sp.sqrt(V(g) / (n - 1))), R.LawStep("s")),
             Step("path", EQ(s(g + 1) ** 2, s(g) ** 2 * V(g) / (n - 1)), R.Rewrite(), ("law",)),
             Step("m", EQ(CE(V(g), g), (n - 1) * ratio), R.DrawFact(fact, "V")),
             Step("ce", EQ(CE(s(g) ** 2 * V(g) / (n - 1), g), ratio * s(g) ** 2), R.CondExpect(), ("m",)),
             Step("one", EQ(CE(s(g + 1) ** 2, g), ratio * s(g) ** 2), R.Rewrite(source=True), ("path", "ce")),
             Step("init", EQ(s(0), 1), R.LawInit("s")),
             Step("base", EQ(s(0) ** 2, 1), R.Rewrite(), ("init",)),
             Step("statement", EQ(E(s(g) ** 2), ratio ** g),
                  R.Induction((s(g) ** 2,), (ratio ** g,), ((ratio,),), (0,)), ("one", "base", "path"))]
    rep = check(Proof("refit", {"statement": EQ(E(s(g) ** 2), ratio ** g)}, {**law.params, g: Domain.integer(0)},
                      steps, law))
    assert rep.ok, rep.errors
    assert fact in rep.axioms


@pytest.mark.parametrize("family, args, params, problem", [
    # accepted: the family's own domains
    ("TruncatedNormalScatter", (n, a), {n: N_DOMAIN, a: A_DOMAIN}, None),
    ("TruncatedNormalScatter", (n + 1, 2 * a), {n: Domain.integer(1), a: A_DOMAIN}, None),
    ("MaxNormalScatter", (n, k), {n: N_DOMAIN, k: K_DOMAIN}, None),
    ("MaxNormalScatter", (2, 3), {}, None),
    # n: an integer >= 2
    ("TruncatedNormalScatter", (n, a), {n: Domain.integer(1), a: A_DOMAIN}, "n >= 2 is not shown"),
    ("MaxNormalScatter", (1, k), {k: K_DOMAIN}, "1 >= 2 is not shown"),
    ("MaxNormalScatter", (a + 2, k), {a: A_DOMAIN, k: K_DOMAIN}, "a + 2 is not shown integer"),
    # a: real > 0
    ("TruncatedNormalScatter", (n, a - 1), {n: N_DOMAIN, a: A_DOMAIN}, "a - 1 > 0 is not shown"),
    ("TruncatedNormalScatter", (n, 0), {n: N_DOMAIN}, "0 > 0 is not shown"),
    # k: an integer >= 1
    ("MaxNormalScatter", (n, k - 1), {n: N_DOMAIN, k: K_DOMAIN}, "k - 1 >= 1 is not shown"),
    ("MaxNormalScatter", (n, sp.Rational(3, 2)), {n: N_DOMAIN}, "3/2 is not shown integer"),
    ("MaxNormalScatter", (n, a), {n: N_DOMAIN, a: A_DOMAIN}, "a is not shown integer"),
    # the number of arguments
    ("MaxNormalScatter", (n,), {n: N_DOMAIN}, "MaxNormalScatter takes 2 arguments"),
])
def test_family_arguments_must_lie_in_their_domains(family, args, params, problem):
    problems = law_problems(scatter_law(family, args, params))
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p for p in problems), problems


def test_the_fact_is_the_mean_only_bound_by_the_law():
    law = scatter_law("TruncatedNormalScatter", (n, a), {n: N_DOMAIN, a: A_DOMAIN})
    inst, cond = laws.fact_instance(law, "truncated_normal_scatter_mean", "V", g)
    assert cond is None and inst.lhs == CE(V(g), g) and sp.simplify(inst.rhs - (n - 1) * C) == 0
    with pytest.raises(ValueError, match="takes no order"):
        laws.fact_instance(law, "truncated_normal_scatter_mean", "V", g, order=2)
    with pytest.raises(ValueError, match="holds for MaxNormalScatter draws; V is TruncatedNormalScatter"):
        laws.fact_instance(law, "max_normal_scatter_mean", "V", g)
    with pytest.raises(ValueError, match="holds for ChiSquare draws"):
        laws.fact_instance(law, "chi_square_moments", "V", g, order=2)
    maximum = scatter_law("MaxNormalScatter", (n, k), {n: N_DOMAIN, k: K_DOMAIN})
    inst, _ = laws.fact_instance(maximum, "max_normal_scatter_mean", "V", g)
    assert inst.rhs == (n - 1) * MaxNormalVariance(k)
    # The facts of these families are their means, and nothing else.
    cited = {f.name: f for f in laws.FACTS.values() if f.family in ("TruncatedNormalScatter", "MaxNormalScatter")}
    assert set(cited) == {"truncated_normal_scatter_mean", "max_normal_scatter_mean"}
    assert all(f.order == "none" and f.lhs == sp.Symbol("D") for f in cited.values())


def test_no_moment_beyond_the_mean_counts_as_finite():
    """Integrability by citation (a walk's increments) needs a cited moment: V^2, sqrt(V), log V have none."""
    law = scatter_law("MaxNormalScatter", (n, k), {n: N_DOMAIN, k: K_DOMAIN})
    space = None
    for h in (V(g) ** 2, sp.sqrt(V(g)), sp.log(V(g)), V(g) ** -1):
        assert not laws.finite_moment(law, h, g, space)


def test_a_wrong_mean_is_not_the_instance():
    law = scatter_law("TruncatedNormalScatter", (n, a), {n: N_DOMAIN, a: A_DOMAIN})
    for value in (n * C, (n - 1) * C.subs(a, 1), (n - 1) * C ** 2):
        proof = Proof("p", {"s": EQ(CE(V(g), g), value)}, {**law.params, g: Domain.integer(0)},
                      [Step("s", EQ(CE(V(g), g), value), R.DrawFact("truncated_normal_scatter_mean", "V"))], law)
        rep = check(proof)
        assert not rep.ok and any("not the instance" in r.verdict.message for r in rep.steps)


# --- v_k, the kernel's number -----------------------------------------------------------------------

def _scipy_max_normal_variance(kk):
    density = lambda x, p: x**p * kk * math.exp(-x * x / 2) / math.sqrt(2 * math.pi) * ndtr(x) ** (kk - 1)  # noqa: E731
    m1 = integrate.quad(density, -12, 12, args=(1,), epsabs=1e-13)[0]
    m2 = integrate.quad(density, -12, 12, args=(2,), epsabs=1e-13)[0]
    return m2 - m1**2


@pytest.mark.parametrize("kk", [1, 2, 3, 5, 10])
def test_max_normal_variance_evaluates_against_scipy_quadrature(kk):
    value = complex(evaluate(MaxNormalVariance(k), {k: sp.Integer(kk)}))
    assert value.imag == 0 and value.real == pytest.approx(_scipy_max_normal_variance(kk), abs=1e-9)


def test_max_normal_variance_against_closed_forms_and_tables():
    # v_2 = 1 - 1/pi, v_3 = 1 + sqrt(3)/(2 pi) - 9/(4 pi) (David and Nagaraja); v_5 = 0.4475 (their table).
    with mpmath.workdps(30):
        assert abs(sp.N(MaxNormalVariance(2), 25) - sp.N(1 - 1 / sp.pi, 25)) < 1e-22
        v3 = 1 + sp.sqrt(3) / (2 * sp.pi) - sp.Rational(9, 4) / sp.pi
        assert abs(sp.N(MaxNormalVariance(3), 25) - sp.N(v3, 25)) < 1e-22
    assert math.isclose(float(sp.N(MaxNormalVariance(5))), 0.4475, abs_tol=5e-5)


def test_max_normal_variance_has_no_value_off_the_integers_and_no_rewriting():
    for bad in (0, -1, sp.Rational(1, 2)):
        assert evaluate(MaxNormalVariance(bad), {}) is None
    assert MaxNormalVariance(2) != 1 - 1 / sp.pi  # never closed: no closed form is cited
    # A true closed form is still no theorem of the kernel (no normal form reaches it; no citation gives it),
    # and sympy's sign queries do not decide v_k from its numbers; a false closed form is refuted.
    assert not _reduces_to_zero(MaxNormalVariance(2) - (1 - 1 / sp.pi))
    assert (MaxNormalVariance(2) - sp.Rational(1, 2)).is_positive is None
    claim = EQ(MaxNormalVariance(2), 1)
    rep = check(Proof("v", {"s": claim}, {}, [Step("s", claim, R.Algebra())]))
    assert not rep.ok


def test_max_normal_variance_is_not_evaluated_beyond_its_precision():
    # Quadrature runs at 40 digits: asked for more, v_k stays unevaluated, so a sign needing them is not
    # shown (and v_1 - 1, exactly 0, no longer drives sympy's precision upwards without end).
    assert sp.N(MaxNormalVariance(2), 30).is_Float
    assert not sp.N(MaxNormalVariance(2), 50).is_Float
    claim = EQ(MaxNormalVariance(k), 1)
    assert not check(Proof("v", {"s": claim}, {k: Domain.integer(1)}, [Step("s", claim, R.Algebra())])).ok

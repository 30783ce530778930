"""Adversarial corpus for the proof kernel, round 57: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 56 (a power of zero with a
symbolic exponent no longer decided), aiming this time at the rules that read a declared random law rather than at
algebra: state and moment induction towards a closed form with a hidden indicator 0^g, normalised-weight laws whose
normaliser vanishes at some generations (through a ceiling or 0^g), a conditional expectation with a factor not
known at the generation, a cited moment on part of its domain only, a limit of a hidden alternation, a shift below a
domain's lower end, and a support argument through an update that reads another state variable.
``attacks()`` returns ``(name, build, expected)``. None of the 9 was accepted when written (a tenth, an entry of
index 0 of a vector indexed from 1, is meaningless rather than false, and is left out).

**Principle (held):** a law is read on every state it can reach and every generation, a rule's side conditions on
the whole domain; what only holds from some generation on, or on part of a parameter's range, does not pass.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.corpus_attacks_round52 import n
from modelcollapse.proofs.kernel import CE, AlmostSurely, Domain, Draw, E, Law, Proof, Rand, StateVar, Step
from modelcollapse.proofs.kernel import rules as R

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

g = sp.Symbol("g", integer=True, nonnegative=True)
i = sp.Symbol("i", integer=True, positive=True)
j = sp.Symbol("j", integer=True, positive=True)
K = sp.Symbol("K", integer=True, positive=True)
a = sp.Symbol("a", positive=True)
r = sp.Symbol("r", real=True)
p = sp.IndexedBase("p")
G0 = Domain.integer(0)
x = lambda t, *idx: Rand("x", t, *idx)  # noqa: E731
y = lambda t: Rand("y", t)  # noqa: E731
D = lambda t, *idx: Rand("D", t, *idx)  # noqa: E731

# x_{g+1} = x_g + 1, x_0 = 0: x_g = g at every generation (deterministic).
COUNT = Law("count", g, {}, (StateVar("x", sp.Integer(0), x(g) + 1, Domain.integer(0)),), ())


def state_induction_zero_power():
    """FALSE: x_g = g + 1 - 0^g for the law x_0 = 0, x_{g+1} = x_g + 1. Since x_g = g, the claim says 0^g = 1,
    false at g = 1 (x_1 = 1, right side 2).
    Idea: StateInduction's base case reads F at g = 0 (0^0 = 1, F(0) = 0, right), and its step gap
    F(g) + 1 - F(g + 1) = 0^(g+1) - 0^g, where sympy folds 0^(g+1) to 0 (g + 1 > 0): the residual 0^g is the
    indicator of g = 0 which the CHANGES guard refuses; before it, a sign reading of g as positive would fold it."""
    F = g + 1 - sp.Pow(0, g)
    return Proof("state_induction_zero_power", {"statement": sp.Eq(x(g), F)}, {g: G0},
                 [Step("si", sp.Eq(x(g), F), R.StateInduction("x"))], COUNT)


def induction_zero_power_moment():
    """FALSE: E(x_g) = g + 1 - 0^g for the same law (E x_1 = 1, right side 2).
    Idea: the moment Induction rule, its one-step premise Eq(CE(x_{g+1}, g), x_g + 1) built by a law step, a
    CondExpect (everything known at g) and a Rewrite; the closed form's step is checked by the same is_zero."""
    F = g + 1 - sp.Pow(0, g)
    steps = [Step("init", sp.Eq(x(0), 0), R.LawInit("x")),
             Step("upd", sp.Eq(x(g + 1), x(g) + 1), R.LawStep("x")),
             Step("ce_known", sp.Eq(CE(x(g) + 1, g), x(g) + 1), R.CondExpect()),
             Step("ce", sp.Eq(CE(x(g + 1), g), x(g) + 1), R.Rewrite(source=True), ("upd", "ce_known")),
             Step("ind", sp.Eq(E(x(g)), F), R.Induction(functionals=(x(g),), closed=(F,), matrix=((1,),),
                                                        offset=(1,)), ("init", "ce"))]
    return Proof("induction_zero_power_moment", {"statement": sp.Eq(E(x(g)), F)}, {g: G0}, steps, COUNT)


def _normalised_law(weight_factor):
    own = x(g, i)
    w = own * weight_factor
    step = w / sp.Sum(w.xreplace({i: j}), (j, 1, K))
    return Law("normalised", g, {K: Domain.integer(1), p: Domain.vector(Domain.real(0, 1), K, 1)},
               (StateVar("x", p[i], step, Domain.real(0, 1), (i,)),), (), {i: Domain.integer(1, K)})


def normalised_weight_ceiling_vanishes():
    """FALSE (the law is ill-formed): weight x_{g,i} (2 ceil(g/2) - g), which is 0 for every entry at every even
    g; at g = 0 the update is 0/0. The claim x_{g,i} = p_i (by StateInduction) is then false/undefined at g = 1.
    Idea: the law reads g through a ceiling (allowed by _generation_problems); _mass_problems asks sympy to show the
    weight > 0 where x > 0: the ceiling generalisation ceil(c) = c + v/(1+v) turns 2 ceil(g/2) - g into 2v/(1+v),
    >= 0 but not > 0. Any slip there would accept a vanishing normaliser."""
    law = _normalised_law(2 * sp.ceiling(g / 2) - g)
    doms = {g: G0, K: Domain.integer(1), p: Domain.vector(Domain.real(0, 1), K, 1), i: Domain.integer(1, K)}
    return Proof("normalised_weight_ceiling_vanishes", {"statement": sp.Eq(x(g, i), p[i])}, doms,
                 [Step("total", sp.Eq(sp.Sum(p[j], (j, 1, K)), 1), R.VectorTotal()),
                  Step("si", sp.Eq(x(g, i), p[i]), R.StateInduction("x"), ("total",))], law)


def normalised_weight_zero_power():
    """FALSE (ill-formed law): weight x_{g,i} (1 - 0^g) vanishes for every entry at g = 0 (0^0 = 1), so the first
    update is 0/0; the claim x_{g,i} = p_i fails (undefined) at g = 1.
    Idea: the weight's sign is asked of sympy alone (sign_shown), not through _in_every_case with its 0^x guard:
    sympy might read 1 - 0^g as 1 (folding 0^g to 0 for a g it reads as positive)."""
    law = _normalised_law(1 - sp.Pow(0, g))
    doms = {g: G0, K: Domain.integer(1), p: Domain.vector(Domain.real(0, 1), K, 1), i: Domain.integer(1, K)}
    return Proof("normalised_weight_zero_power", {"statement": sp.Eq(x(g, i), p[i])}, doms,
                 [Step("total", sp.Eq(sp.Sum(p[j], (j, 1, K)), 1), R.VectorTotal()),
                  Step("si", sp.Eq(x(g, i), p[i]), R.StateInduction("x"), ("total",))], law)


POIS = Law("pois", g, {a: Domain.real(0, lo_open=True)},
           (StateVar("x", sp.Integer(0), x(g) + D(g), Domain.integer(0)),), (Draw("D", "Poisson", (a,)),))


def cond_expect_unknown_factor():
    """FALSE: E[D_g x_{g+1} | F_g] = a x_{g+1} for x_{g+1} = x_g + D_g, D_g ~ Poisson(a). The left side is
    E[D (x + D)] = a x + a + a^2, the right a x_{g+1} is random and differs (at x_g = 0, D_g = 0: 0 vs a + a^2).
    Idea: CondExpect with a factor (x_{g+1}) that is not known at the generation."""
    steps = [Step("m1", sp.Eq(CE(sp.ff(D(g), 1), g), a), R.DrawFact("poisson_factorial_moments", "D", 1)),
             Step("ce", sp.Eq(CE(D(g) * x(g + 1), g), a * x(g + 1)), R.CondExpect(), ("m1",))]
    return Proof("cond_expect_unknown_factor", {"statement": steps[-1].relation}, {g: G0, a: Domain.real(0, lo_open=True)},
                 steps, POIS)


CHI = Law("chi", g, {a: Domain.real(0, lo_open=True)}, (), (Draw("D", "ChiSquare", (a,)),))


def chi_square_negative_moment():
    """FALSE: for D ~ ChiSquare(a), every a > 0 and r in (-1, 0]: E[D^r] = 2^r gamma(a/2 + r)/gamma(a/2). At a = 1,
    r = -3/4 the moment is infinite (the density ~ x^(-1/2) at 0, so x^(-3/4 - 1/2) is not integrable), while the
    right side is finite (gamma(-1/4)<0: it is even negative).
    Idea: a cited fact whose condition (r > -a/2) holds on part of the domain only."""
    doms = {g: G0, a: Domain.real(0, lo_open=True), r: Domain.real(-1, 0, lo_open=True)}
    inst = sp.Eq(CE(D(g) ** r, g), 2 ** r * sp.gamma(a / 2 + r) / sp.gamma(a / 2))
    return Proof("chi_square_negative_moment", {"statement": inst}, doms,
                 [Step("fact", inst, R.DrawFact("chi_square_moments", "D", r))], CHI)


def limit_hidden_alternation():
    """FALSE: lim_{g -> oo} (2 ceil(g/2) - g) = 0. The sequence is 0, 1, 0, 1, ...: no limit.
    Idea: a Limit whose g enters through a ceiling (an alternation sympy cannot see as (-1)^g)."""
    rel = sp.Eq(sp.Limit(2 * sp.ceiling(g / 2) - g, g, sp.oo), 0)
    return Proof("limit_hidden_alternation", {"statement": rel}, {g: G0}, [Step("lim", rel, R.Limit())])


def shift_below_lower_end():
    """FALSE: 2^2 >= 3*2 (4 >= 6). The premise n^2 >= 3n holds for every integer n >= 3 only.
    Idea: Shift to a number below the domain's lower end."""
    m = sp.Symbol("m", integer=True, positive=True)
    prem = sp.Ge(m ** 2, 3 * m)
    inst = sp.Ge(sp.Integer(4), sp.Integer(6), evaluate=False)
    return Proof("shift_below_lower_end", {"statement": inst}, {m: Domain.integer(3)},
                 [Step("prem", prem, R.Algebra()), Step("inst", inst, R.Shift(m, 2), ("prem",))])


BIN = Law("bin", g, {n: Domain.integer(1)},
          (StateVar("x", sp.Rational(1, 2), D(g) / n + y(g) / 2, Domain.real(0, 1)),
           StateVar("y", sp.Integer(1), y(g), Domain.real(0, 1))),
          (Draw("D", "Binomial", (n, x(g))),))


def support_kept_leak():
    """FALSE: almost surely x_g = 0 implies x_{g+1} = 0, for x_{g+1} = D_g/n + y_g/2, D_g ~ Binomial(n, x_g), y = 1
    constant: at x_g = 0, D_g = 0 and x_{g+1} = 1/2.
    Idea: SupportKept with an update that reads another state variable."""
    rel = AlmostSurely(sp.Implies(sp.Eq(x(g), 0), sp.Eq(x(g + 1), 0)))
    return Proof("support_kept_leak", {"statement": rel}, {g: G0, n: Domain.integer(1)},
                 [Step("sk", rel, R.SupportKept("x", "D"))], BIN)


EXPECTED = {
    "state_induction_zero_power": "the update does not take F at g to F at g + 1",
    "induction_zero_power_moment": "inductive step fails for x_g",
    "normalised_weight_ceiling_vanishes": "the normaliser may vanish",
    "normalised_weight_zero_power": "the base of 0**g is not shown > 0 for every generation",
    "cond_expect_unknown_factor": "comes after generation g",
    "chi_square_negative_moment": "(its argument may not be positive)",
    "limit_hidden_alternation": "cannot take the limit of the factor ceiling(g/2)",
    "shift_below_lower_end": "the value must be m + k or a number >= 3, k an integer >= 0",
    "support_kept_leak": "the update does not vanish when D_g = 0",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

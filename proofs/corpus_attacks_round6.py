"""Adversarial corpus for the proof kernel, round 6: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source. ``attacks()`` returns
``(name, build, expected)`` as in the earlier rounds. When written, 29 of these 39 were accepted, by
class: S 3 (a draw's support written in the law's generation symbol, so ``B_{g+1}`` got the support
of ``B_g``), U 10 (the definedness gate skipped constant nodes, a Piecewise without a default
branch, and the Limit rule's coefficients), P 4 (powers whose exponent may be negative, with a base
that may vanish), I 3 (possibly infinite words cancelled by sympy before the finiteness guard), G 3
(goals matched without the checks steps get), M 2 (MaxNormalVariance off the integers >= 1), W 1
(Monotone concluding about the mean of a Cauchy quantity), V 3 (vector entries and categories read
past their range). ``i3`` (a variance definition cancelled for a Cauchy quantity) was accepted
longest: the variance definition now needs E(Y^2) shown finite. The 10 rejected when written (``m3``, ``r1``..``r9``) are regression entries.
Each docstring says why the statement is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import CE, E, Domain, Draw, Law, Proof, Rand, StateVar, Step
from modelcollapse.proofs.kernel.rules import (Algebra, AxiomInstance, DrawFact, Limit, LawStep, Order,
                                               Rewrite)
from modelcollapse.proofs.kernel.terms import CondMutualInfo, Joint, MaxNormalVariance, MutualInfo

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)
ATTACKS = []


def attack(fn):
    ATTACKS.append(fn)
    return fn


def run(name, goal, domains, steps, law=None, local=(), library=None):
    if library is not None:
        _LIBRARIES[name] = library
    return Proof(name, {"statement": goal}, domains, steps, law, tuple(local))




x = sp.Symbol("x", real=True)
y = sp.Symbol("y", real=True)
z = sp.Symbol("z", real=True)
xn = sp.Symbol("x", real=True, nonnegative=True)
zn = sp.Symbol("z", real=True, nonnegative=True)
n = sp.Symbol("n", integer=True)
g = sp.Symbol("g", integer=True, nonnegative=True)
m2 = sp.Symbol("m", integer=True, positive=True)   # domain integer >= 2 implies positive only

# A constant that is exactly 0 but that sympy does not evaluate to 0 on construction (nor does expand).
ZERO = sp.sin(sp.pi / 7) ** 2 + sp.cos(sp.pi / 7) ** 2 - 1


def square_identity(c):
    """c (x+1)^2 = c (x^2 + 2x + 1): true wherever c is a finite number, undefined where c is not."""
    return sp.Eq(c * (x + 1) ** 2, c * (x ** 2 + 2 * x + 1))


# ============================ class U: the definedness gate skips constant nodes ============================

@attack
def u1_constant_zero_denominator():
    """(a) Eq(c (x+1)^2, c (x^2+2x+1)) with c = 1/(sin(pi/7)^2 + cos(pi/7)^2 - 1) = 1/0: undefined at
    every x (e.g. x = 0). (b) decide.undefined's _node_problem returns '' for any node without free
    symbols, so a constant denominator that is exactly 0 (but not auto-evaluated) is never checked."""
    R = square_identity(1 / ZERO)
    return run("u1", R, {x: Domain.real()}, [Step("s", R, Algebra())])


@attack
def u2_constant_negative_root():
    """(a) Same identity with c = sqrt(sin^2 + cos^2 - 2) = sqrt(-1) = i: not a real expression at x = 0.
    (b) Constant root bases are not checked for sign (no free symbols), and the literal-I screen only
    sees a literal sympy I."""
    R = square_identity(sp.sqrt(ZERO - 1))
    return run("u2", R, {x: Domain.real()}, [Step("s", R, Algebra())])


@attack
def u3_constant_log_of_zero():
    """(a) Same identity with c = log(sin^2 + cos^2 - 1) = log 0: undefined at every x.
    (b) The positive-argument check for log is skipped for constant arguments."""
    R = square_identity(sp.log(ZERO))
    return run("u3", R, {x: Domain.real()}, [Step("s", R, Algebra())])


@attack
def u4_constant_gamma_pole():
    """(a) Same identity with c = gamma(sin^2 + cos^2 - 1) = gamma(0), a pole: undefined at every x.
    (b) gamma's positive-argument check is skipped for constant arguments."""
    R = square_identity(sp.gamma(ZERO))
    return run("u4", R, {x: Domain.real()}, [Step("s", R, Algebra())])


# ============================ class P: powers whose exponent may be negative ============================

@attack
def p1_integer_power_of_zero():
    """(a) (x z)^n = x^n z^n for x, z real and n any integer: at x = 0, z = 1, n = -1 both sides are 1/0.
    (b) decide._reciprocal asks only exp.is_negative / could_extract_minus_sign; an integer exponent
    of unknown sign is never treated as a denominator, so the base may vanish."""
    R = sp.Eq((x * z) ** n, x ** n * z ** n)
    return run("p1", R, {x: Domain.real(), z: Domain.real(), n: Domain.integer()}, [Step("s", R, Algebra())])


@attack
def p2_real_power_of_zero():
    """(a) (x z)^y = x^y z^y for x, z >= 0 and y real: at x = 0, z = 1, y = -1 both sides are 1/0.
    (b) As p1, for a real exponent: the root check asks base >= 0 (it is), the reciprocal check misses
    an exponent that may be negative."""
    R = sp.Eq((xn * zn) ** y, xn ** y * zn ** y)
    return run("p2", R, {xn: Domain.real(0), zn: Domain.real(0), y: Domain.real()}, [Step("s", R, Algebra())])


@attack
def p3_zero_base_symbolic_exponent():
    """(a) Eq(0^n (x+1)^2, 0^n (x^2+2x+1)) for every integer n: at n = -1, 0^(-1) is undefined.
    (b) A constant base 0 under a symbolic exponent: the base has no free symbols and the exponent is
    not seen as negative."""
    R = square_identity(sp.Pow(0, n))
    return run("p3", R, {x: Domain.real(), n: Domain.integer()}, [Step("s", R, Algebra())])


@attack
def p4_law_update_zero_to_negative_power():
    """(a) Under the law S_0 = 0, S_{g+1} = N_g^(N_g - 2) with N_g ~ Poisson(1), the declared
    update itself, Eq(S_{g+1}, N_g^(N_g - 2)), is undefined with probability e^-1 at every g
    (N_g = 0: 0^(-2)); the kernel accepts both the law and the step.
    (b) The law's definedness gate (decide.undefined) has the same hole as p1: an exponent that is a
    random integer of unknown sign is not read as a possible reciprocal."""
    N = Rand("N", g)
    law = Law("L4", g, {}, (StateVar("S", sp.Integer(0), N ** (N - 2), Domain.real()),),
              (Draw("N", "Poisson", (sp.Integer(1),)),))
    R = sp.Eq(Rand("S", g + 1), N ** (N - 2))
    return run("p4", R, {g: Domain.integer(0)}, [Step("s", R, LawStep("S"))], law)


# ============================ class I: cancellation of possibly infinite words ============================

def _normal_law():
    D = Rand("D", g)
    return Law("N0", g, {}, (StateVar("S", sp.Integer(0), D, Domain.real()),),
               (Draw("D", "Normal", (sp.Integer(0), sp.Integer(1))),))


@attack
def i1_mutual_information_inf_minus_inf():
    """(a) With D_0 ~ N(0, 1): Eq(I(D_0; (D_0, S_0)) - I(D_0; D_0) - I(D_0; S_0 | D_0), 0). Here I(D_0; D_0) = oo
    (a continuous variable with itself) and I(D_0; (D_0, S_0)) = oo, so the left side is oo - oo:
    undefined (not 0). (b) Rewrite with no target substitutes the chain rule
    A -> B + C, sympy's Add cancels B - B automatically, and `decide` then sees a word-free relation:
    the guard `unsafe` runs after the cancellation, so oo - oo is silently taken as 0."""
    D0, S0 = Rand("D", 0), Rand("S", 0)
    X, Y, Z = sp.symbols("X Y Z")
    A = MutualInfo(D0, Joint(D0, S0))
    B = MutualInfo(D0, D0)
    C = CondMutualInfo(D0, S0, D0)
    chain = sp.Eq(A, B + C)
    R = sp.Eq(A - B - C, 0)
    steps = [Step("c", chain, AxiomInstance("mutual_information_chain_rule", {X: D0, Y: D0, Z: S0})),
             Step("r", R, Rewrite(), ("c",))]
    return run("i1", R, {g: Domain.integer(0)}, steps, _normal_law())


@attack
def i2_mutual_information_two_chains_order():
    """(a) Le(A - B - C, (x-1)^2) with A = I(D_0;(D_0,S_0)) = oo,
    B = I(D_0; S_0) = 0, C = I(D_0; D_0 | S_0) = oo: the left side is oo - oo, undefined.
    (b) Order rewrites with the chain rule, the words cancel, `unsafe` sees none, and an algebraic
    premise (x^2 - 2x + 1 >= 0) carries the conclusion."""
    D0, S0 = Rand("D", 0), Rand("S", 0)
    X, Y, Z = sp.symbols("X Y Z")
    A = MutualInfo(D0, Joint(S0, D0))
    B = MutualInfo(D0, S0)
    C = CondMutualInfo(D0, D0, S0)
    chain = sp.Eq(A, B + C)
    R = sp.Le(A - B - C, x ** 2 - 2 * x + 1)
    steps = [Step("c", chain, AxiomInstance("mutual_information_chain_rule", {X: D0, Y: S0, Z: D0})),
             Step("q", sp.Ge(x ** 2 - 2 * x + 1, 0), Algebra()),
             Step("o", R, Order(), ("c", "q"))]
    return run("i2", R, {g: Domain.integer(0), x: Domain.real()}, steps, _normal_law())


# ============================ class M: MaxNormalVariance outside its domain ============================

@attack
def m1_max_normal_variance_half():
    """(a) Eq(v_{1/2} (x+1)^2, v_{1/2} (x^2+2x+1)): v_k (variance of the max of k normals) exists only
    for integers k >= 1; v_{1/2} is undefined. (b) The definedness gate knows nothing of
    MaxNormalVariance (not a word, not in _node_problem): any argument passes."""
    R = square_identity(MaxNormalVariance(sp.Rational(1, 2)))
    return run("m1", R, {x: Domain.real()}, [Step("s", R, Algebra())])


@attack
def m2_max_normal_variance_symbolic_real():
    """(a) Eq(v_y (x+1)^2, v_y (x^2+2x+1)) for every real y: at y = -3/2, v_y is undefined.
    (b) As m1, with a symbolic real argument."""
    c = MaxNormalVariance(y)
    R = square_identity(c)
    return run("m2", R, {x: Domain.real(), y: Domain.real()}, [Step("s", R, Algebra())])


@attack
def m3_max_normal_variance_quadrature_error():
    """(a) v_{10^8} < 9/200 is false: the variance of the largest of 10^8 standard normals is
    0.046010414... (quadrature on 340 subintervals), > 0.045. The kernel's own quadrature on
    [-oo, 0, oo] at 32 digits returns 0.04422 (wrong in the 2nd digit).
    (b) MaxNormalVariance evaluated by a quadrature whose error is not controlled; here sympy's sign
    check does not use it (is_real unknown) so this is expected REJECTED (regression test)."""
    R = sp.Lt(MaxNormalVariance(10 ** 8), sp.Rational(9, 200), evaluate=False)
    return run("m3", R, {}, [Step("s", R, Algebra())])


# ============================ more of class U: constants in laws and limits ============================

@attack
def u5_law_update_constant_pole():
    """(a) Law S_0 = 0, S_{g+1} = S_g + 1/(sin(pi/7)^2 + cos(pi/7)^2 - 1): its declared update,
    Eq(S_{g+1}, S_g + 1/0), is undefined at every g (e.g. g = 0); the law and the step are accepted.
    (b) The law's part of the gate (_in_domain -> undefined) inherits the constant-node skip; a state
    with an unbounded real domain needs nothing else."""
    S = Rand("S", g)
    upd = S + 1 / ZERO
    law = Law("L5", g, {}, (StateVar("S", sp.Integer(0), upd, Domain.real()),), ())
    R = sp.Eq(Rand("S", g + 1), upd)
    return run("u5", R, {g: Domain.integer(0)}, [Step("s", R, LawStep("S"))], law)


@attack
def l1_limit_with_infinite_coefficient():
    """(a) Eq(Limit(gamma(sin(pi/7)^2 + cos(pi/7)^2 - 1) 2^-g, g, oo), 0): the sequence is gamma(0) 2^-g,
    gamma(0) a pole, undefined at every g, so it has no limit. (b) The Limit rule's coefficient check
    `undefined(c, space)` skips constant nodes; the term c B^g with B < 1 is then taken to 0."""
    R = sp.Eq(sp.Limit(sp.gamma(ZERO) * 2 ** (-g), g, sp.oo), 0)
    return run("l1", R, {g: Domain.integer(0)}, [Step("s", R, Limit())])


@attack
def l2_limit_finite_part_undefined_constant():
    """(a) Eq(Limit(log(c0) + 2^-g, g, oo), log(c0)) with c0 = sin^2 + cos^2 - 1 = 0: log 0 is undefined,
    so neither side is a number. (b) As l1, the finite part of the limit is an undefined constant."""
    c = sp.log(ZERO)
    R = sp.Eq(sp.Limit(c + 2 ** (-g), g, sp.oo), c)
    return run("l2", R, {g: Domain.integer(0)}, [Step("s", R, Limit())])


# ============================ class G: goals are matched without the definedness gate ============================

@attack
def g1_goal_removable_pole():
    """(a) Goal Eq(x^2 - 1, (x^3 - x)/x) for every real x: undefined at x = 0.
    (b) The step proved is Eq(x^2 - 1, (x - 1)(x + 1)) (defined everywhere); the goal is matched to it by
    `same`, which compares right sides with is_zero (cancel removes the pole). The definedness gate
    runs on step relations only, never on goals."""
    step = sp.Eq(x ** 2 - 1, (x - 1) * (x + 1))
    goal = sp.Eq(x ** 2 - 1, (x ** 3 - x) / x)
    return run("g1", goal, {x: Domain.real()}, [Step("s", step, Algebra())])


@attack
def g2_goal_inequality_removable_pole():
    """(a) Goal Ge((x^3 - 2x^2 + x)/x, 0) for every real x: undefined at x = 0 (the step proved is
    Ge(x^2 - 2x + 1, 0)). (b) As g1 for an inequality: `same` compares the sides pairwise with is_zero."""
    step = sp.Ge(x ** 2 - 2 * x + 1, 0)
    goal = sp.Ge((x ** 3 - 2 * x ** 2 + x) / x, 0)
    return run("g2", goal, {x: Domain.real()}, [Step("s", step, Algebra())])


# ============================ class W: expectation rules without integrability ============================

def _cauchy_law():
    N = Rand("N", g)
    return Law("LC", g, {}, (StateVar("S", sp.Integer(0), N, Domain.real()),),
               (Draw("N", "Normal", (sp.Integer(0), sp.Integer(1))), Draw("C", "ChiSquare", (sp.Integer(1),))))


@attack
def w1_monotone_cauchy():
    """(a) Le(E(T), E(T + x^2 - 2x + 1)) with T = N_0 / sqrt(C_0), N_0 ~ N(0,1), C_0 ~ chi^2(1) independent:
    T is Cauchy (Student t with 1 dof), E(T) does not exist, so the statement is undefined (at x = 0, say).
    (b) Monotone concludes E(Y) <= E(W) from Y <= W with no integrability condition."""
    T = Rand("N", 0) / sp.sqrt(Rand("C", 0))
    q = x ** 2 - 2 * x + 1
    p = sp.Le(T, T + q)
    R = sp.Le(E(T), E(T + q))
    from modelcollapse.proofs.kernel.rules import Monotone
    steps = [Step("p", p, Algebra()), Step("m", R, Monotone(), ("p",))]
    return run("w1", R, {g: Domain.integer(0), x: Domain.real()}, steps, _cauchy_law())


# ============================ class V: schedules read outside their length ============================

@attack
def v1_schedule_entry_out_of_range():
    """(a) Law with a schedule ns (3 positive entries, ns[1..3]) and update S_{g+1} = ns[g]: the update
    statement Eq(S_{g+1}, ns[g]) reads ns[0] at g = 0 and ns[7] at g = 7, which do not exist.
    (b) A law may read ns[g] at every generation g >= 0 whatever the schedule's length; relation_problem
    checks only numeric indices against the length."""
    ns = sp.IndexedBase("ns", real=True, positive=True)
    dom = Domain.vector(Domain.real(0, lo_open=True), length=3)
    law = Law("LV", g, {ns: dom}, (StateVar("S", sp.Integer(1), ns[g], Domain.real()),), ())
    R = sp.Eq(Rand("S", g + 1), ns[g])
    return run("v1", R, {g: Domain.integer(0), ns: dom}, [Step("s", R, LawStep("S"))], law)


@attack
def u6_law_draw_mean_log_zero():
    """(a) Law with D_g ~ Normal(log(sin(pi/7)^2 + cos(pi/7)^2 - 1), 1) = Normal(log 0, 1): no such law; the
    kernel accepts it and the first-moment fact Eq(CE(D_g, g), log 0). (b) Family arguments go
    through _in_domain -> undefined, which skips constant nodes; a Normal mean has no bound to check."""
    D = Rand("D", g)
    law = Law("L6", g, {}, (StateVar("S", sp.Integer(0), D, Domain.real()),),
              (Draw("D", "Normal", (sp.log(ZERO), sp.Integer(1))),))
    R = sp.Eq(CE(D, g), sp.log(ZERO))
    return run("u6", R, {g: Domain.integer(0)}, [Step("s", R, DrawFact("normal_moments", "D", 1))], law)


# ============================ class S: a draw's support is bound to the law's generation symbol ============================

def _binomial_g_law():
    B = Rand("B", g)
    return Law("LB", g, {}, (StateVar("S", sp.Integer(0), B, Domain.real()),),
               (Draw("B", "Binomial", (g + 1, sp.Rational(1, 2))),))


@attack
def s1_binomial_support_at_next_generation():
    """(a) Under B_g ~ Binomial(g + 1, 1/2): Le(B_{g+1}, g + 1) for every g >= 0. False: B_{g+1} ~
    Binomial(g + 2, 1/2) equals g + 2 with probability 2^-(g+2) (at g = 0: P(B_1 = 2) = 1/4).
    (b) Law.rand_domains binds the support [0, a] with a = g + 1 written in the law's generation
    symbol g, and every Rand("B", t) whatever its generation t gets that domain; with a law that reads g
    (new this round) the support of B_{g+1} is taken to be [0, g + 1]."""
    R = sp.Le(Rand("B", g + 1), g + 1)
    return run("s1", R, {g: Domain.integer(0)}, [Step("a", R, Algebra())], _binomial_g_law())


@attack
def s2_binomial_support_fixed_generation():
    """(a) Le(B_5, g + 1) for every g >= 0 under the same law; at g = 0 it says B_5 <= 1 a.s., but
    B_5 ~ Binomial(6, 1/2) exceeds 1 with probability 57/64. (b) As s1: B_5 is given the support
    [0, g + 1] for the proof's g."""
    R = sp.Le(Rand("B", 5), g + 1)
    return run("s2", R, {g: Domain.integer(0)}, [Step("a", R, Algebra())], _binomial_g_law())


@attack
def i3_variance_definition_cancel():
    """(a) Eq(Var(T) - E(T^2) + E(T)^2, 0) with T = N_0 / sqrt(C_0) Cauchy: E(T) does not exist and
    E(T^2) = oo, so the left side is undefined. (b) Class I with expectation words: Rewrite with the
    variance definition, the words cancel inside sympy's Add before `unsafe` looks."""
    from modelcollapse.proofs.kernel.terms import Var
    T = Rand("N", 0) / sp.sqrt(Rand("C", 0))
    Yp = sp.Symbol("Y")
    d = sp.Eq(Var(T), E(T ** 2) - E(T) ** 2)
    R = sp.Eq(Var(T) - E(T ** 2) + E(T) ** 2, 0)
    steps = [Step("d", d, AxiomInstance("variance", {Yp: T})), Step("r", R, Rewrite(), ("d",))]
    return run("i3", R, {g: Domain.integer(0)}, steps, _cauchy_law())


@attack
def u7_piecewise_without_default():
    """(a) Eq(P (x+1)^2, P (x^2+2x+1)) with P = Piecewise((1, x > 0)) for every real x: P has no value for
    x <= 0 (sympy: nan), so the statement is undefined at x = -1. (b) The gate checks the nodes of a
    Piecewise but never that its conditions cover the domain."""
    R = square_identity(sp.Piecewise((1, x > 0)))
    return run("u7", R, {x: Domain.real()}, [Step("s", R, Algebra())])


@attack
def u8_constant_tan_pole():
    """(a) Same identity with c = tan(pi/2 + sin(pi/7)^2 + cos(pi/7)^2 - 1) = tan(pi/2), a pole.
    (b) tan is refused only when it has free symbols ("poles are not tracked"); a constant tan is not
    checked at all."""
    R = square_identity(sp.tan(sp.pi / 2 + ZERO))
    return run("u8", R, {x: Domain.real()}, [Step("s", R, Algebra())])


@attack
def g3_goal_negative_generation():
    """(a) Goal Eq(x^2 - 1, (x-1)(x+1) + S_{-1} (x^2 - 1) - S_{-1} (x-1)(x+1)): it names S at generation -1,
    which does not exist (the check that generations are >= 0 runs on steps, not goals).
    (b) Class G: goals are matched by `same` (expand cancels the S_{-1} terms) and skip the checks
    applied to step relations."""
    Rm = Rand("S", -1)
    step = sp.Eq(x ** 2 - 1, (x - 1) * (x + 1))
    goal = sp.Eq(x ** 2 - 1, (x - 1) * (x + 1) + Rm * (x ** 2 - 1) - Rm * (x - 1) * (x + 1))
    return run("g3", goal, {x: Domain.real(), g: Domain.integer(0)}, [Step("s", step, Algebra())], _normal_law())


@attack
def s3_binomial_support_expectation():
    """(a) Under B_g ~ Binomial(g + 1, 1/2): Eq(E(|g + 1 - B_{g+1}| - (g + 1 - B_{g+1})), 0) for every g >= 0.
    False: B_{g+1} ~ Binomial(g + 2, 1/2) and on {B_{g+1} = g + 2} (probability 2^-(g+2)) the
    quantity is 2, elsewhere 0, so the expectation is 2^-(g+1) (1/2 at g = 0), not 0.
    (b) Class S carried into an expectation: ExpectLinear with no premises needs only Y - 0 = 0
    identically, which is decided over the wrong support [0, g + 1] of B_{g+1}."""
    from modelcollapse.proofs.kernel.rules import ExpectLinear
    B1 = Rand("B", g + 1)
    R = sp.Eq(E(sp.Abs(g + 1 - B1) - (g + 1 - B1)), 0)
    return run("s3", R, {g: Domain.integer(0)}, [Step("a", R, ExpectLinear())], _binomial_g_law())


@attack
def v2_vector_entry_past_length():
    """(a) Eq(ns[j] (x+1)^2, ns[j] (x^2+2x+1)) for every integer j in 1..5, ns a vector of 3 positive
    entries: ns[4], ns[5] do not exist (undefined at j = 4). (b) As v1 without a law: symbolic indices are never checked against the vector's length."""
    ns = sp.IndexedBase("ns", real=True, positive=True)
    j = sp.Symbol("j", integer=True, positive=True)
    dom = Domain.vector(Domain.real(0, lo_open=True), length=3)
    R = square_identity(ns[j])
    return run("v2", R, {ns: dom, j: Domain.integer(1, 5), x: Domain.real()}, [Step("s", R, Algebra())])


@attack
def v3_law_category_out_of_range():
    """(a) Gt(S_g^(7), 0) under a law whose state S carries a category i in 1..3: category 7 does not
    exist, so the statement is undefined (at g = 0, say). (b) relation_problem checks only a random
    quantity's number of indices, never that a numeric index lies in the law's index domain."""
    i = sp.Symbol("i", integer=True, positive=True)
    law = Law("LI", g, {}, (StateVar("S", sp.Integer(1), Rand("S", g, i), Domain.real(0, lo_open=True), (i,)),), (),
              {i: Domain.integer(1, 3)})
    R = sp.Gt(Rand("S", g, 7), 0)
    return run("v3", R, {g: Domain.integer(0), i: Domain.integer(1, 3)}, [Step("s", R, Algebra())], law)


# ============================ regression probes (expected REJECTED) ============================

def _scatter_law(family, args):
    D = Rand("D", g)
    return Law("LS", g, {}, (StateVar("S", sp.Integer(1), D, Domain.real(0, lo_open=True)),),
               (Draw("D", family, args),))


@attack
def r1_truncated_scatter_second_moment():
    """(a) E[D^2 | F_g] = 1 for D a TruncatedNormalScatter(2, 1) draw (false: only the mean is cited and
    D is a scaled chi-square-like scatter; its second moment is not 1). (b) Probe: a fact that takes
    no order given an order; or a moment family fact applied to a scatter draw."""
    law = _scatter_law("TruncatedNormalScatter", (sp.Integer(2), sp.Integer(1)))
    R = sp.Eq(CE(Rand("D", g) ** 2, g), 1)
    return run("r1", R, {g: Domain.integer(0)}, [Step("s", R, DrawFact("truncated_normal_scatter_mean", "D", 2))],
               law)


@attack
def r2_scatter_family_with_normal_moments():
    """(a) E[D | F_g] = 0 for D ~ MaxNormalScatter(2, 1) (false: it is v_1 = 1 > 0). (b) Probe: citing the
    normal_moments fact for a scatter draw."""
    law = _scatter_law("MaxNormalScatter", (sp.Integer(2), sp.Integer(1)))
    R = sp.Eq(CE(Rand("D", g), g), 0)
    return run("r2", R, {g: Domain.integer(0)}, [Step("s", R, DrawFact("normal_moments", "D", 1))], law)


@attack
def r3_markov_refit_with_current_draw():
    """(a) I(D_g; S_{g+1} | S_g) = 0 under S_{g+1} = D_g, D_g ~ N(0,1): false (it is oo). (b) Probe: a
    'past' pattern holding the draw at g itself."""
    law = _normal_law()
    Xp, Sp = sp.symbols("X S")
    R = sp.Eq(CondMutualInfo(Rand("D", g), Rand("S", g + 1), Rand("S", g)), 0)
    return run("r3", R, {g: Domain.integer(0)},
               [Step("s", R, AxiomInstance("markov_refit", {Xp: Rand("D", g), Sp: Rand("S", g)}))], law)


@attack
def r4_law_reads_generation_through_floor():
    """(a) Law S_{g+1} = 1/(floor(g/2) - 1/2 ... written 1/(2 floor(g/2) - g)) is undefined at even g (1/0);
    its update step would be false. (b) Probe: reading g through a function other than a power."""
    upd = 1 / (2 * sp.floor(g / 2) - g)
    law = Law("LF", g, {}, (StateVar("S", sp.Integer(0), upd, Domain.real()),), ())
    R = sp.Eq(Rand("S", g + 1), upd)
    return run("r4", R, {g: Domain.integer(0)}, [Step("s", R, LawStep("S"))], law)


@attack
def r5_law_generation_power_negative_base():
    """(a) Law S_{g+1} = (-1)^(g/2): at g = 1 it is i, not real. (b) Probe: a power of g with a base
    that is not positive."""
    upd = (-1) ** (g / 2)
    law = Law("LP", g, {}, (StateVar("S", sp.Integer(0), upd, Domain.real()),), ())
    R = sp.Eq(Rand("S", g + 1), upd)
    return run("r5", R, {g: Domain.integer(0)}, [Step("s", R, LawStep("S"))], law)


@attack
def r6_euler_at_zero():
    """(a) Euler's product at x = 0: Eq(Limit(Product(1, (k, 1, N)), N, oo), sin(0)/0): the right side is
    undefined. (b) Probe: the axiom's side condition x > 0."""
    k, N = sp.symbols("k N", integer=True, positive=True)
    xs = sp.Symbol("x")
    R = sp.Eq(sp.Limit(sp.Product(1 - y ** 2 / k ** 2, (k, 1, N)), N, sp.oo), sp.sin(sp.pi * y) / (sp.pi * y))
    return run("r6", R, {y: Domain.real(0)}, [Step("s", R, AxiomInstance("euler_sine_product", {xs: y}))])


@attack
def r7_limit_cited_limit_times_growing():
    """(a) Limit of P_g 2^g (P_g the Euler partial product at x = 1/2, P_g -> 2/pi) claimed to be 2/pi:
    false (it tends to +oo). (b) Probe: a cited limit's sequence entering a term with a growing factor."""
    k, N = sp.symbols("k N", integer=True, positive=True)
    xs = sp.Symbol("x")
    h = sp.Rational(1, 2)
    P = lambda v: sp.Product(1 - h ** 2 / k ** 2, (k, 1, v))
    euler = sp.Eq(sp.Limit(P(N), N, sp.oo), sp.sin(sp.pi * h) / (sp.pi * h))
    R = sp.Eq(sp.Limit(P(g) * 2 ** g, g, sp.oo), 2 / sp.pi)
    steps = [Step("e", euler, AxiomInstance("euler_sine_product", {xs: h})), Step("l", R, Limit(), ("e",))]
    return run("r7", R, {g: Domain.integer(0)}, steps)


@attack
def r8_chain_rule_with_expectation_pattern():
    """(a) I(E(D_0); (D_0, S_0)) = ... with an expectation as a variable; then cancel to claim
    I(D_0; D_0) - I(D_0; D_0) style nonsense. (b) Probe: a 'variable' pattern holding a word."""
    D0, S0 = Rand("D", 0), Rand("S", 0)
    X, Y, Z = sp.symbols("X Y Z")
    R = sp.Eq(MutualInfo(E(D0), Joint(D0, S0)), MutualInfo(E(D0), D0) + CondMutualInfo(E(D0), S0, D0))
    return run("r8", R, {g: Domain.integer(0)},
               [Step("s", R, AxiomInstance("mutual_information_chain_rule", {X: E(D0), Y: D0, Z: S0}))], _normal_law())


@attack
def r9_sum_half_line_fallback():
    """(a) Eq(Sum(1/(i - a), (i, a, b)) * 0 + ..., written Eq(Sum(1/(i - a) - 1/(i - a), (i, a, b)), 0)
    for integers a <= b: the i = a term is 1/0, undefined. (b) Probe of the half-line fallback for
    sums with two symbolic ends."""
    a, b, i = sp.symbols("a b i", integer=True)
    R = sp.Eq(sp.Sum(1 / (i - a) + 1, (i, a, b)), sp.Sum(1 / (i - a), (i, a, b)) + b - a + 1)
    return run("r9", R, {a: Domain.integer(), b: Domain.integer(a)}, [Step("s", R, Algebra())])


#: The reason each entry must be rejected for (alternatives separated by " || ").
EXPECTED = {
    "s1": "sympy could not show >= 0", "s2": "sympy could not show >= 0", "s3": "Y is not the stated combination",
    "u1": "may vanish in a denominator", "u2": "may be negative under a root", "u3": "its argument may not be positive",
    "u4": "its argument may not be positive", "u5": "may vanish in a denominator",
    "u6": "its argument may not be positive", "u7": "not shown to cover the domain", "u8": "poles are not tracked",
    "l1": "its argument may not be positive", "l2": "its argument may not be positive",
    "p1": "x*z may vanish in a denominator", "p2": "may not be positive (its exponent may be negative)",
    "p3": "0 may vanish in a denominator", "p4": "may not be positive (its exponent may be negative)",
    "i1": "subtracts information words that may be infinite", "i2": "subtracts information words that may be infinite",
    "i3": "axiom variance takes a premise Eq(",
    "g1": "goal statement: x may vanish in a denominator", "g2": "goal statement: x may vanish in a denominator",
    "g3": "its generation may be negative",
    "m1": "an integer >= 1", "m2": "an integer >= 1", "m3": "sympy could not show > 0",
    "w1": "is not shown integrable",
    "v1": "the index may lie outside 1..3", "v2": "the index may lie outside 1..3",
    "v3": "not shown inside the law's domain of i",
    "r1": "takes no order", "r2": "normal_moments holds for Normal draws", "r3": "side condition g + 1 <= g not shown",
    "r4": "may vanish in a denominator", "r5": "may be negative under a root",
    "r6": "y may vanish in a denominator", "r7": "a cited limit's sequence must enter",
    "r8": "may hold random quantities but no other word", "r9": "may vanish in a denominator",
}


#: Entries the kernel still accepts, kept out of :func:`attacks` until it rejects them.
OPEN = ()


def attacks():
    return [(fn.__name__, fn, EXPECTED[fn.__name__.split("_")[0]]) for fn in ATTACKS if fn.__name__ not in OPEN]

"""Adversarial corpus for the proof kernel, round 58: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 57, on the leads left open: citing
an accepted proof where its statement is false (the same law name with another update, a narrower domain, a
symbol of the same name with other flags, a local, a limit proved without a law cited under one), the limit rule's
case split of a parameter with finitely many values, products whose closed form starts at irrational points
(prod (k^2 - 2)), and sums and products peeled on integer ranges with symbolic ends. ``attacks()`` returns
``(name, build, expected)``; the citing attacks take their libraries from ``_LIBRARIES``. None of the 13 was
accepted when written (a fourteenth proof, a true statement used as a probe, is left out).

**Principle (held):** a citation carries its proof's law and domains: it is read only where its law is the same
in every field and its domains are assumed, and its symbols are its own (a name is no identity).
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.corpus_attacks_round57 import G0, g, n
from modelcollapse.proofs.kernel import Domain, Law, Library, Proof, Rand, StateVar, Step
from modelcollapse.proofs.kernel import rules as R

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

v = sp.Symbol("v", integer=True, nonnegative=True)
k = sp.Symbol("k", integer=True, positive=True)
m = sp.Symbol("m", integer=True)
xi = sp.Symbol("x", integer=True)
xr = sp.Symbol("x", real=True)
xp = sp.Symbol("x", positive=True)
t = sp.Symbol("t", real=True)
s2 = sp.sqrt(2)
x = lambda gen: Rand("x", gen)  # noqa: E731

COUNT = Law("count", g, {}, (StateVar("x", sp.Integer(0), x(g) + 1, Domain.integer(0)),), ())
COUNT2 = Law("count", g, {}, (StateVar("x", sp.Integer(0), x(g) + 2, Domain.integer(0)),), ())


def _si_proof(name, law, F):
    return Proof(name, {"statement": sp.Eq(x(g), F)}, {g: G0}, [Step("si", sp.Eq(x(g), F), R.StateInduction("x"))],
                 law)


def _one_step(name, rel, rule, domains, premises=(), law=None):
    return Proof(name, {"statement": rel}, domains, [Step("s", rel, rule, tuple(premises))], law)



# --- 1. citations --------------------------------------------------------------------------------------------

_LIBRARIES["cite_same_law_name_other_update"] = Library({"count_is_g": _si_proof("count_is_g", COUNT, g)})


def cite_same_law_name_other_update():
    """FALSE: under the law x_0 = 0, x_{g+1} = x_g + 2 (named "count", like the cited law), x_g = g. In truth
    x_g = 2g: at g = 1, x_1 = 2, not 1.
    Idea: the cited proof (x_g = g under x_{g+1} = x_g + 1, true there) is cited under a law of the same name and
    generation but another update; Rewrite(source=True) re-states it."""
    rel = sp.Eq(x(g), g)
    return Proof("cite_same_law_name_other_update", {"statement": rel}, {g: G0},
                 [Step("s", rel, R.Rewrite(source=True), ("cite:count_is_g",))], COUNT2)


_LIBRARIES["cite_narrower_domain"] = Library({"sq_below": _one_step(
    "sq_below", sp.Le(xr ** 2, xr), R.Algebra(), {xr: Domain.real(0, 1)})})


def cite_narrower_domain():
    """FALSE: x^2 <= x for every real x in [0, 2]; at x = 2, 4 > 2.
    Idea: cite a proof of x^2 <= x made over x in [0, 1] (true there) into a proof over [0, 2] (the same symbol)."""
    rel = sp.Le(xr ** 2, xr)
    return Proof("cite_narrower_domain", {"statement": rel}, {xr: Domain.real(0, 2)},
                 [Step("s", rel, R.Order(), ("cite:sq_below",))])


_LIBRARIES["cite_other_flags"] = Library({"cubic_pos": _one_step(
    "cubic_pos", sp.Ge(xp ** 3 + xp, 2 * xp ** 2), R.Algebra(), {xp: Domain.real(0, lo_open=True)})})


def cite_other_flags():
    """FALSE: x^3 + x >= 2 x^2, i.e. x (x - 1)^2 >= 0, for every real x in [-1, 1]; at x = -1: -2 >= 2 is false.
    Idea: the cited proof shows it for a symbol named x with the flag positive (domain x > 0, where it is true);
    the citing proof has a symbol of the same name without that flag (domain [-1, 1]) and restates the cited
    relation by Order (premise and conclusion compared by value)."""
    rel = sp.Ge(xr ** 3 + xr, 2 * xr ** 2)
    return Proof("cite_other_flags", {"statement": rel}, {xr: Domain.real(-1, 1), xp: Domain.real(0, lo_open=True)},
                 [Step("s", rel, R.Order(), ("cite:cubic_pos",))])


_LIBRARIES["cite_local_narrow"] = Library({"local_narrow": Proof(
    "local_narrow", {"statement": sp.Le(xr ** 2, xr)}, {xr: Domain.real(0, 1), t: Domain.real(2, 3)},
    [Step("s", sp.Le(xr ** 2, xr), R.Algebra())], None, (t,))})


def cite_local_narrow():
    """FALSE: x^2 <= x for every real x in [-1, 1] (x = -1: 1 > -1).
    Idea: the cited proof declares a local t (exempt from the citing proof's domain check); its goal reads only x,
    which the citing proof must assume within [0, 1]: this checks that the local exemption does not leak."""
    rel = sp.Le(xr ** 2, xr)
    return Proof("cite_local_narrow", {"statement": rel}, {xr: Domain.real(-1, 1), t: Domain.real(2, 3)},
                 [Step("s", rel, R.Rewrite(source=False), ("cite:local_narrow", "cite:local_narrow"))])


_LIBRARIES["cite_lawless_limit_into_law"] = Library({"lim_half": Proof(
    "lim_half", {"statement": sp.Eq(sp.Limit(v * 2 ** -v + (sp.Rational(1, 2)) ** v, v, sp.oo), 0)},
    {v: G0}, [Step("lim", sp.Eq(sp.Limit(v * 2 ** -v + (sp.Rational(1, 2)) ** v, v, sp.oo), 0), R.Limit())])})


def cite_lawless_limit_into_law():
    """FALSE: lim_g (Y_g (1 + 2^g) - 1) = 0 with Y_g = g 2^-g + 2^-g (the cited lawless proof: Y_g -> 0). But
    Y_g (1 + 2^g) - 1 = Y_g + g, which tends to +oo (at g = 10 it is already about 10).
    Idea (lead 2): a lawless cited limit enters a proof with a law (cited proofs without a law are accepted under
    any law); the cited sequence is then multiplied by 2^g, which the rule must refuse."""
    Y = g * 2 ** -g + sp.Rational(1, 2) ** g
    rel = sp.Eq(sp.Limit(Y * (1 + 2 ** g) - 1, g, sp.oo), 0)
    return Proof("cite_lawless_limit_into_law", {"statement": rel}, {g: G0, v: G0},
                 [Step("lim", rel, R.Limit(), ("cite:lim_half",))], COUNT)


# --- 2. Limit case splits -------------------------------------------------------------------------------------

def _limit(name, X, rhs, doms):
    rel = sp.Eq(sp.Limit(X, g, sp.oo), rhs, evaluate=False)
    return Proof(name, {"statement": rel}, {g: G0, **doms}, [Step("lim", rel, R.Limit())])


def limit_finite_param_zero_power():
    """FALSE: lim_g x^g = 1 - 0^g for x in {1/2, 1}. At g = 0 the right side is 0 while the limit is 0 (x = 1/2)
    or 1 (x = 1): for x = 1, g = 0 it says 1 = 0.
    Idea: a finite parameter fixed per case; a right side with the limit variable free, decided over the space
    without g, and an indicator 0^g."""
    return _limit("limit_finite_param_zero_power", xp ** g, 1 - sp.Pow(0, g),
                  {xp: Domain.finite([sp.Rational(1, 2), 1])})


def limit_finite_param_above_one():
    """FALSE: lim_g x^g = floor(x) for x in {1/2, 1, 2}: at x = 2 the sequence 2^g diverges, floor(2) = 2.
    Idea: a base above 1 in one case of a finite set."""
    return _limit("limit_finite_param_above_one", xp ** g, sp.floor(xp),
                  {xp: Domain.finite([sp.Rational(1, 2), 1, 2])})


def limit_free_g_on_right():
    """FALSE: lim_g 2^-g = 0^g, for every g >= 0: at g = 0 the right side is 1, the limit is 0.
    Idea: the right side reads the limit's variable free, and is decided over the space without g."""
    return _limit("limit_free_g_on_right", 2 ** -g, sp.Pow(0, g), {})


# --- 5. products with irrational rising-factorial starts, peeled ranges -----------------------------------

P = sp.Product(k ** 2 - 2, (k, 1, n))


def product_gamma_reflection():
    """FALSE: prod_{k=1}^n (k^2 - 2) = Gamma(n+1+sqrt2)/Gamma(1+sqrt2) * Gamma(sqrt2)/Gamma(sqrt2 - n).
    The last ratio is rf(sqrt2 - n, n) = prod_{k=1}^n (sqrt2 - k) = (-1)^n prod (k - sqrt2): the claim is off by
    (-1)^n; at n = 1: -1 against -(1 - sqrt2)(1 + sqrt2)... i.e. -1 vs +1.
    Idea: closed form rf(1 +- sqrt2, n) meeting gamma functions with irrational arguments under gammasimp."""
    rel = sp.Eq(P, sp.gamma(n + 1 + s2) / sp.gamma(1 + s2) * sp.gamma(s2) / sp.gamma(s2 - n))
    return _one_step("product_gamma_reflection", rel, R.Algebra(), {n: G0})


def product_abs_rf():
    """FALSE: prod_{k=1}^n (k^2 - 2) = |rf(1 - sqrt2, n)| rf(1 + sqrt2, n); at n = 1: -1 against 1.
    Idea: an absolute value of a rising factorial with an irrational (negative) start."""
    rel = sp.Eq(P, sp.Abs(sp.rf(1 - s2, n)) * sp.rf(1 + s2, n))
    return _one_step("product_abs_rf", rel, R.Algebra(), {n: G0})


def product_symbolic_range_indicator():
    """FALSE: prod_{k=1}^{x+7} (k^2-2) = rf(1-sqrt2, x+7) rf(1+sqrt2, x+7) (1 + 0^(x^2)) for x in [m, m+7],
    m >= 0: at x = 0 the factor is 2.
    Idea: an integer range with symbolic ends (covered by a real range) and an upper limit stand-in + constant
    (peeled), with an indicator 0^(x^2) that sympy folds for x it reads as nonzero."""
    rel = sp.Eq(sp.Product(k ** 2 - 2, (k, 1, xi + 7)),
                sp.rf(1 - s2, xi + 7) * sp.rf(1 + s2, xi + 7) * (1 + sp.Pow(0, xi * xi)))
    return _one_step("product_symbolic_range_indicator", rel, R.Algebra(), {xi: Domain.integer(m, m + 7),
                                                                            m: Domain.integer(0)})


def sum_peel_alternating():
    """FALSE: sum_{k=1}^{x+3} (-1)^k k = (x+3)/2 for x in [m, m+7], m >= 0: at x = 0: -1+2-3 = -2 vs 3/2.
    (True only for even x + 3.) Idea: a peeled sum whose upper limit is the range's stand-in plus 3, over a range
    covered by a real one (integrality dropped)."""
    rel = sp.Eq(sp.Sum((-1) ** k * k, (k, 1, xi + 3)), (xi + 3) / 2)
    return _one_step("sum_peel_alternating", rel, R.Algebra(), {xi: Domain.integer(m, m + 7), m: Domain.integer(0)})


def product_peel_reversed_zero():
    """FALSE: prod_{k=1}^{x+2} (k - x) = 0 for x in [m, m+7], m >= -3: at x = -3 the range 1..-1 is reversed (sympy:
    1/prod_{k=0}^{0}(k+3) = 1/3), and at x = -1 the empty product is 1, not 0.
    Idea: a product peeled over a range the stand-in may make reversed, a factor (k = x) vanishing."""
    rel = sp.Eq(sp.Product(k - xi, (k, 1, xi + 2)), 0)
    return _one_step("product_peel_reversed_zero", rel, R.Algebra(), {xi: Domain.integer(m, m + 7),
                                                                      m: Domain.integer(-3)})


EXPECTED = {
    "cite_same_law_name_other_update": "cited count_is_g holds under another law",
    "cite_narrower_domain": "cited sq_below needs x real >= 0 and <= 1, which this proof does not assume",
    "cite_other_flags": "the conclusion does not follow from the premise",
    "cite_local_narrow": "cited local_narrow needs x real >= 0 and <= 1, which this proof does not assume",
    "cite_lawless_limit_into_law": "a cited limit's sequence must enter 2**g*_known polynomially and alone with g",
    "limit_finite_param_zero_power": "the limit has another value",
    "limit_finite_param_above_one": "the limit is oo in a case",
    "limit_free_g_on_right": "the limit has another value",
    "product_gamma_reflection": "gamma(1 + sqrt(2)) may vanish in a denominator",
    "product_abs_rf": "sympy could not reduce lhs - rhs to 0",
    "product_symbolic_range_indicator": "sympy could not reduce lhs - rhs to 0",
    "sum_peel_alternating": "sympy could not reduce lhs - rhs to 0",
    "product_peel_reversed_zero": "its range may be reversed (conventions for reversed ranges differ)",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

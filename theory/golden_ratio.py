"""Mean estimation with fresh and synthetic samples weighted together (He, Xu and Cheng 2025).

With sigma0 known, generation 0's estimate is the mean of n real samples; generation t's is
w (mean of n fresh real samples) + (1 - w) (mean of m samples drawn from N(estimate_{t-1},
sigma0^2)). With D_t = estimate_t - mu0:

    D_t = w A_t + (1 - w) (D_{t-1} + B_t),  A_t ~ N(0, sigma0^2 / n),  B_t ~ N(0, sigma0^2 / m),

all independent, and D_0 ~ N(0, sigma0^2 / n). A declared law starts from a deterministic state, so
the model declares the loop one generation early: its state (d, W) starts at (0, 1), W being the
weight of the fresh samples (W_{s+1} = w), and d_{s+1} = W_s A_s + (1 - W_s)(d_s + B_s). Its first
step puts all the weight on the real samples, so d_{t+1} is estimate_t - mu0 for every t >= 0. The
kernel proves E[d_{t+1}^2] by induction from t = 0 (the law's first step at s = 0 gives the base case;
the step at s = t + 1, where W = w, the recursion), then its limit, and the optimal weight: the
stationary error minus its value at w* is sigma0^2 (m + n + m w*) (w - w*)^2 / (m n w (2 - w)) >= 0,
with equality only at w = w*; at n = m, w* = 1/phi = (sqrt 5 - 1)/2. The literal workflow is
:func:`modelcollapse.numerics.mixing_workflows.golden_ratio_workflow`.

Examples
--------
>>> from modelcollapse import theory
>>> float(theory.get("mixing.golden_ratio_weight")(n=10, m=10))   # 1/phi
0.6180339887498949
"""

from __future__ import annotations

import functools

import sympy as sp

from .assumptions import IntegerAtLeast, PositiveReal, RealInHalfOpen
from .distributions import Normal
from .model import Model
from .recipes import Claim, ProofStep
from .result import Derivation, DerivationStep, Reference
from .symbols import CE, E, n, sigma0, t

FAMILY = "mixing"
w = sp.Symbol("w", positive=True)
m = sp.Symbol("m", integer=True, positive=True)

HE = Reference("He, Xu and Cheng", 2025, "Golden ratio weighting prevents model collapse", "arXiv:2502.18049")

#: w: the weight of the fresh samples, in (0, 1] (w = 0 never looks at fresh data again, and the
#: error then grows without bound).
A_W = RealInHalfOpen("w", w, 0, 1)
A_N = IntegerAtLeast("n", n, 1)
A_M = IntegerAtLeast("m", m, 1)
A_T = IntegerAtLeast("t", t, 0)
A_SIGMA0 = PositiveReal("sigma0", sigma0)

DEVIATION, WEIGHT_NOW, FRESH, SYNTHETIC = sp.symbols("d W A B")

GOLDEN_LAW = Model(
    "golden_ratio", family=FAMILY, params=[A_W, A_N, A_M, A_SIGMA0], state={DEVIATION: 0, WEIGHT_NOW: 1},
    draws={FRESH: Normal(0, sigma0**2 / n), SYNTHETIC: Normal(0, sigma0**2 / m)},
    step={DEVIATION: WEIGHT_NOW * FRESH + (1 - WEIGHT_NOW) * (DEVIATION + SYNTHETIC), WEIGHT_NOW: w},
    domains={DEVIATION: "real", WEIGHT_NOW: "unit"}, references=(HE,),
    summary="The weighted mean estimate, declared one generation early: d = estimate - mu0 starts at 0 and the "
            "weight W of the fresh samples at 1, so the first step is the mean of n real samples (estimate_0) and "
            "every later one weights n fresh samples by w and m synthetic ones by 1 - w.")


def _at(g):
    return {**GOLDEN_LAW.at(g), **GOLDEN_LAW.draw_at(g)}


@functools.lru_cache(maxsize=None)
def _error():
    """The recursion, its solution (sympy.rsolve), the stationary value, and the recipe of the proof."""
    now, nxt, after = _at(t), _at(t + 1), _at(t + 2)
    d, W, A, B = (now[x] for x in (DEVIATION, WEIGHT_NOW, FRESH, SYNTHETIC))
    d1, W1, d2 = nxt[DEVIATION], nxt[WEIGHT_NOW], after[DEVIATION]
    first, start = _at(0), _at(1)
    # One step in conditional expectation: the three terms are independent with mean zero.
    one_step = sp.expand(W**2 * sigma0**2 / n + (1 - W) ** 2 * (d**2 + sigma0**2 / m))
    recursion = one_step.xreplace({W: w, d: d1})           # from the second step on, W = w
    e = sp.Function("e")
    square = sp.Dummy("square")
    coefficient = sp.Poly(recursion.xreplace({d1**2: square}), square)
    rate, constant = coefficient.coeff_monomial(square), coefficient.coeff_monomial(1)
    closed = sp.rsolve(e(t + 1) - rate * e(t) - constant, e(t), {e(0): sigma0**2 / n})
    stationary = sp.factor(constant / (1 - rate))
    # As the stationary value plus a geometric term (1 - w)^(2t + 1), which vanishes as t -> oo even at w = 1
    # (the initial gap sigma0^2/n - stationary has the factor 1 - w).
    gap = sp.factor((sigma0**2 / n - stationary) / (1 - w))
    if sp.denom(gap).has(1 - w) or sp.denom(gap).has(w - 1):
        raise ArithmeticError("the initial gap to the stationary error has no factor 1 - w")
    vanishing = (1 - w) ** (2 * t + 1)
    geometric = stationary + gap * vanishing
    # The same sequence as rsolve's (the same first values; both solve the recursion).
    if any(sp.simplify((closed - geometric).subs(t, k)) != 0 for k in range(3)):
        raise ArithmeticError(f"rsolve gave {closed}, not a geometric approach to {stationary}")
    closed = geometric
    lhs = E(d1**2)
    statement = sp.Eq(lhs, closed)
    expanded = sp.expand((W * A + (1 - W) * (d + B)) ** 2)
    facts = [ProofStep(f"{name}{k}", sp.Eq(CE(draw**k, t), value), "draw_fact",
                       {"fact": "normal_moments", "draw": str(symbol), "order": k})
             for name, draw, symbol, var in (("fresh", A, FRESH, sigma0**2 / n), ("synthetic", B, SYNTHETIC, sigma0**2 / m))
             for k, value in ((1, 0), (2, var))]
    recipe = Claim(statement, (
        ProofStep("law", sp.Eq(d1, W * A + (1 - W) * (d + B)), "law_step", {"variable": str(DEVIATION)}),
        ProofStep("law_weight", sp.Eq(W1, w), "law_step", {"variable": str(WEIGHT_NOW)}),
        ProofStep("init", sp.Eq(first[DEVIATION], 0), "law_init", {"variable": str(DEVIATION)}),
        ProofStep("init_weight", sp.Eq(first[WEIGHT_NOW], 1), "law_init", {"variable": str(WEIGHT_NOW)}),
        ProofStep("pathwise", sp.Eq(d1**2, expanded), "rewrite", {}, ("law",), text="the update squared, expanded"),
        *facts,
        ProofStep("conditional", sp.Eq(CE(expanded, t), one_step), "conditional_expectation", {},
                  tuple(f.label for f in facts), text="independent draws with mean zero"),
        ProofStep("one_step", sp.Eq(CE(d1**2, t), one_step), "rewrite", {"source": True}, ("pathwise", "conditional")),
        ProofStep("first_step", sp.Eq(CE(start[DEVIATION] ** 2, 0), one_step.xreplace({d: first[DEVIATION],
                                                                                       W: first[WEIGHT_NOW]})),
                  "shift", {"symbol": t, "value": 0}, ("one_step",), text="the first step"),
        ProofStep("first_step_value", sp.Eq(CE(start[DEVIATION] ** 2, 0), sigma0**2 / n), "rewrite",
                  {"source": True}, ("init", "init_weight", "first_step"),
                  text="from d = 0 with all the weight on the real samples: the mean of n real samples"),
        ProofStep("base", sp.Eq(E(start[DEVIATION] ** 2), sigma0**2 / n), "tower", {}, ("first_step_value",),
                  text="estimate_0: E[(estimate_0 - mu0)^2] = sigma0^2 / n"),
        ProofStep("later_step", sp.Eq(CE(d2**2, t + 1), one_step.xreplace({d: d1, W: W1})), "shift",
                  {"symbol": t, "value": t + 1}, ("one_step",), text="the step at generation t + 1"),
        ProofStep("recursion", sp.Eq(CE(d2**2, t + 1), recursion), "rewrite", {"source": True},
                  ("law_weight", "later_step"), text="where the weight is w"),
        ProofStep("statement", statement, "induction_from",
                  {"start": 1, "functionals": (d1**2,), "closed": (closed,), "matrix": ((rate,),),
                   "offset": (constant,)}, ("base", "recursion"),
                  text="induction on t from estimate_0"),
    ), "E[(estimate_t - mu0)^2] by induction on t")
    limit = sp.Eq(sp.Limit(lhs, t, sp.oo), stationary)
    steps = [
        DerivationStep("The law, one generation early: d_{s+1} = W_s A_s + (1 - W_s)(d_s + B_s), W_0 = 1, W_{s+1} = w, "
                       "d_0 = 0, so d_{t+1} = estimate_t - mu0", sp.Eq(d1, W * A + (1 - W) * (d + B))),
        DerivationStep("Generation 0 (the law's first step, all the weight on the n real samples)",
                       sp.Eq(E(start[DEVIATION] ** 2), sigma0**2 / n)),
        DerivationStep("One step: w^2 Var(fresh mean) + (1 - w)^2 (E[D_t^2] + Var(synthetic mean))",
                       sp.Eq(CE(d2**2, t + 1), recursion)),
        DerivationStep("Solve the recurrence (sympy.rsolve)", statement),
        DerivationStep("The geometric term vanishes as t -> oo ((1 - w)^2 < 1 for 0 < w <= 1): the stationary error",
                       limit),
    ]
    result = Derivation(statement, closed, steps, facts={"recipe": recipe, "stationary": stationary})
    result.claims["stationary"] = limit
    result.facts["recipes"] = {"stationary": Claim(limit, (
        ProofStep("limit", limit, "limit", {}, ("statement",),
                  text="(1 - w)^(2t + 1) -> 0 for 0 < w <= 1: the geometric term vanishes"),),
        "As t -> oo the geometric term vanishes")}
    return result


@functools.lru_cache(maxsize=None)
def _weight():
    """The w in (0, 1] minimising the stationary error: the root in (0, 1] of its derivative (sympy), and
    the proof that it is the minimum (the stationary error minus its value there, a square times a
    positive factor)."""
    derived = _error()
    stationary = derived.facts["stationary"]
    critical = [sp.factor(r) for r in sp.solve(sp.numer(sp.together(sp.diff(stationary, w))), w)]
    # The root in (0, 1]: the other one is negative.
    inside = [r for r in critical if r.subs({n: 7, m: 3}).is_positive and (r.subs({n: 7, m: 3}) <= 1) is sp.true]
    if len(inside) != 1:
        raise ArithmeticError(f"expected one critical weight in (0, 1], got {critical}")
    best = sp.radsimp(inside[0])
    least = sp.factor(stationary.subs(w, best))
    least = sigma0**2 * best / n if sp.simplify(least - sigma0**2 * best / n) == 0 else least
    # The error minus its least value: over the common denominator a quadratic in w with a double root
    # at best (the derivative vanishes there), so its leading coefficient times (w - best)^2.
    numerator, denominator = sp.fraction(sp.factor(sp.together(stationary - least)))
    leading = sp.Poly(sp.expand(numerator), w).LC()
    if sp.simplify(sp.expand(numerator - leading * (w - best) ** 2)) != 0:
        raise ArithmeticError("the stationary error minus its least value is not a multiple of (w - w*)^2")
    factor = sp.factor(sp.expand(leading)) / denominator
    gap = factor * (w - best) ** 2
    golden = sp.radsimp(best.subs(m, n))
    if sp.simplify(golden - (sp.sqrt(5) - 1) / 2) != 0:
        raise ArithmeticError(f"the optimal weight at n = m is {golden}, not 1/phi")
    stationary_lhs = derived.claims["stationary"].lhs
    statement = sp.Eq(stationary_lhs - least, gap)
    recipe = Claim(statement, (
        ProofStep("statement", statement, "rewrite", {}, ("cite:mixing.golden_ratio#stationary",),
                  text="the stationary error minus its value at w*: a square times a positive factor"),
    ), "The stationary error exceeds its value at w* by a multiple of (w - w*)^2")
    claims = {
        "positive_factor": Claim(sp.Gt(factor, 0), (ProofStep("positive", sp.Gt(factor, 0), "algebra"),),
                                 "The factor is positive: w* is the only minimiser in (0, 1]"),
        "inside": Claim(sp.And(sp.Gt(best, 0), sp.Le(best, 1)), (
            ProofStep("above", sp.Gt(best, 0), "algebra"), ProofStep("below", sp.Le(best, 1), "algebra"),
            ProofStep("inside", sp.And(sp.Gt(best, 0), sp.Le(best, 1)), "conjunction", {}, ("above", "below"))),
            "w* lies in (0, 1]"),
        "golden_ratio_when_n_equals_m": Claim(sp.Eq(best.subs(m, n), (sp.sqrt(5) - 1) / 2), (
            ProofStep("golden", sp.Eq(best.subs(m, n), (sp.sqrt(5) - 1) / 2), "algebra"),),
            "At n = m the optimal weight is 1/phi = (sqrt 5 - 1)/2"),
    }
    lhs = sp.Symbol("w*")
    steps = [
        DerivationStep("The stationary error as a function of w (mixing.golden_ratio)", sp.Eq(sp.Symbol("e*"), stationary)),
        DerivationStep("Its critical points (sympy.solve of d e*/dw = 0)", sp.Eq(sp.Symbol("w"), sp.FiniteSet(*critical),
                                                                                evaluate=False)),
        DerivationStep("The one in (0, 1]", sp.Eq(lhs, best)),
        DerivationStep("The least stationary error", sp.Eq(sp.Symbol("e*(w*)"), least)),
        DerivationStep("It is the minimum: the error exceeds it by a square times a positive factor", statement),
        DerivationStep("At n = m: 1/phi", sp.Eq(lhs, golden)),
    ]
    result = Derivation(statement, best, steps, facts={"recipe": recipe, "recipes": claims,
                                                        "for_all": (A_W, A_T, A_SIGMA0), "minimiser_of": w})
    result.claims.update({name: c.relation for name, c in claims.items()})
    return result


GOLDEN = GOLDEN_LAW.theorem(
    "mixing.golden_ratio", "Mean-squared error of the weighted mean estimate", _error,
    (A_W, A_N, A_M, A_T, A_SIGMA0), (HE,), lazy=True,
    summary="E[(estimate_t - mu0)^2] when each generation weights n fresh real samples by w and m synthetic ones by "
            "1 - w: a geometric approach, at rate (1 - w)^2, to the stationary error sigma0^2 (w^2/n + "
            "(1 - w)^2/m) / (1 - (1 - w)^2).")
WEIGHT = GOLDEN_LAW.theorem(
    "mixing.golden_ratio_weight", "The optimal weight of the fresh samples", _weight, (A_N, A_M), (HE,), lazy=True,
    summary="The w in (0, 1] that minimises the stationary error, in closed form; at n = m it is "
            "1/phi = (sqrt 5 - 1)/2 = 0.618...: the fresh data should get the golden-ratio share.")

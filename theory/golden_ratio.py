"""Mean estimation with fresh and synthetic samples weighted together (He, Xu and Cheng 2025).

With sigma0 known, generation 0's estimate is the mean of n real samples; generation t's is
w (mean of n fresh real samples) + (1 - w) (mean of m samples drawn from N(estimate_{t-1},
sigma0^2)). With D_t = estimate_t - mu0 the law is D_0 ~ N(0, sigma0^2 / n) and

    D_t = w A_t + (1 - w) (D_{t-1} + B_t),  A_t ~ N(0, sigma0^2 / n),  B_t ~ N(0, sigma0^2 / m),

all independent. E[D_t^2] obeys a scalar linear recurrence, solved by sympy (rsolve); the
stationary error is minimised over w in closed form, and at n = m the optimal weight is
1/phi = (sqrt 5 - 1)/2. Generation 0 is random (a fitted mean), which a declared model's
deterministic initial state cannot say, so these are exact computations. The literal workflow is
:func:`modelcollapse.numerics.mixing_workflows.golden_ratio_workflow`.

Examples
--------
>>> from modelcollapse import theory
>>> float(theory.get("mixing.golden_ratio_weight")(n=10, m=10))   # 1/phi
0.6180339887498949
"""

from __future__ import annotations

import sympy as sp

from .assumptions import Assumption, IntegerAtLeast, PositiveReal, check_real
from .registry import register
from .result import Derivation, DerivationStep, Reference, Result
from .symbols import n, sigma0, t

FAMILY = "mixing"
w = sp.Symbol("w", positive=True)
m = sp.Symbol("m", integer=True, positive=True)

HE = Reference("He, Xu and Cheng", 2025, "Golden ratio weighting prevents model collapse", "arXiv:2502.18049")


class Weight(Assumption):
    """``w``: the weight of the fresh samples, in (0, 1] (w = 0 never looks at fresh data again, and
    the error then grows without bound)."""

    def validate(self, value):
        value = check_real(self.name, value, nonnegative=True)
        if not 0 < value <= 1:
            raise ValueError(f"{self.name} must be a real number in (0, 1], got {value!r}")
        return value

    def relation(self):
        return sp.And(sp.Gt(self.symbol, 0), sp.Le(self.symbol, 1))

    def describe(self):
        return f"{self.name} in (0, 1]"


A_W = Weight("w", w)
A_N = IntegerAtLeast("n", n, 1)
A_M = IntegerAtLeast("m", m, 1)
A_T = IntegerAtLeast("t", t, 0)
A_SIGMA0 = PositiveReal("sigma0", sigma0)

_e = sp.Function("e")
#: E[D_t^2] from the law: the three terms are independent with mean zero.
ONE_STEP = sp.expand(w**2 * sigma0**2 / n + (1 - w) ** 2 * (_e(t) + sigma0**2 / m))


def _error():
    closed = sp.rsolve(_e(t + 1) - ONE_STEP.subs(t, t), _e(t), {_e(0): sigma0**2 / n})
    closed = sp.factor_terms(sp.simplify(closed))
    stationary = sp.factor(sp.solve(sp.Eq(_e(t), ONE_STEP), _e(t))[0])
    lhs = sp.Symbol("E[(estimate_t - mu0)^2]")
    steps = [
        DerivationStep("Generation 0: the mean of n samples", sp.Eq(_e(0), sigma0**2 / n)),
        DerivationStep("One step: w^2 Var(fresh mean) + (1 - w)^2 (E[D_{t-1}^2] + Var(synthetic mean))",
                       sp.Eq(_e(t + 1), ONE_STEP)),
        DerivationStep("Solve the recurrence (sympy.rsolve)", sp.Eq(lhs, closed)),
        DerivationStep("The fixed point (the limit for 0 < w <= 1, as (1 - w)^2 < 1)", sp.Eq(sp.Symbol("e*"),
                                                                                            stationary)),
    ]
    d = Derivation(sp.Eq(lhs, closed), closed, steps, facts={"stationary": stationary})
    d.claims["stationary"] = sp.Eq(sp.Limit(lhs, t, sp.oo), stationary)
    return d


def _weight():
    stationary = _error().facts["stationary"]
    critical = [sp.factor(r) for r in sp.solve(sp.diff(stationary, w), w)]
    # The root in (0, 1]: positive, and below one (checked at n = m and by the sign of the derivative).
    inside = [r for r in critical if r.subs({n: 7, m: 3}).is_positive and (r.subs({n: 7, m: 3}) <= 1) is sp.true]
    if len(inside) != 1:
        raise ArithmeticError(f"expected one critical weight in (0, 1], got {critical}")
    best = inside[0]
    golden = sp.nsimplify(sp.simplify(best.subs(m, n)))
    lhs = sp.Symbol("w*")
    steps = [
        DerivationStep("The stationary error as a function of w", sp.Eq(sp.Symbol("e*"), stationary)),
        DerivationStep("Its critical points (sympy.solve of d e*/dw = 0)", sp.Eq(sp.Symbol("w"), sp.FiniteSet(*critical))),
        DerivationStep("The one in (0, 1]", sp.Eq(lhs, best)),
        DerivationStep("At n = m: 1/phi", sp.Eq(lhs.subs({}), golden)),
    ]
    d = Derivation(sp.Eq(lhs, best), best, steps)
    if sp.simplify(golden - (sp.sqrt(5) - 1) / 2) != 0:
        raise ArithmeticError(f"the optimal weight at n = m is {golden}, not 1/phi")
    d.claims["golden_ratio_when_n_equals_m"] = sp.Eq(best.subs(m, n), (sp.sqrt(5) - 1) / 2, evaluate=False)
    return d


GOLDEN = Result("mixing.golden_ratio", "Mean-squared error of the weighted mean estimate", FAMILY,
                (A_W, A_N, A_M, A_T, A_SIGMA0), _error, (HE,),
                summary="E[(estimate_t - mu0)^2] when each generation weights n fresh real samples by w and m "
                        "synthetic ones by 1 - w: a geometric approach, at rate (1 - w)^2, to the stationary "
                        "error sigma0^2 (w^2/n + (1 - w)^2/m) / (1 - (1 - w)^2).")
WEIGHT = Result("mixing.golden_ratio_weight", "The optimal weight of the fresh samples", FAMILY, (A_N, A_M), _weight,
                (HE,),
                summary="The w in (0, 1] that minimises the stationary error, in closed form; at n = m it is "
                        "1/phi = (sqrt 5 - 1)/2 = 0.618...: the fresh data should get the golden-ratio share.")
for _r in (GOLDEN, WEIGHT):
    _r.status = "exact computation"
    _r.status_note = ("derived by sympy (rsolve, solve) from the one-step law, not proved by the kernel (generation 0 "
                      "is random, which a declared model's initial state cannot say)")
    register(_r)

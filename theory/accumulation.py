"""Accumulating data instead of replacing it: the pooled Gaussian loop, declared as a model.

The pool starts as n original samples. Fit t (t >= 1) is the maximum-likelihood fit to the
whole pool of t n samples; then n samples drawn from that fit join the pool (generation 0 is the
original). Fit t + 1 pools the t n samples behind fit t (mean mu_t, sum of squares t n sigma_t^2)
with n new samples of N(mu_t, sigma_t^2), whose mean is mu_t + sigma_t Z / sqrt(n) and whose
within sum of squares is sigma_t^2 X, Z ~ N(0, 1) and X ~ chi-square(n - 1) independent. So, with
d_t = mu_t - mu0, the one-step law has coefficients that change with the generation t:

* d_{t+1} = d_t + sigma_t Z / (sqrt(n) (t + 1)),
* sigma_{t+1}^2 = sigma_t^2 (t n + X + t Z^2 / (t + 1)) / ((t + 1) n),

and E[sigma_{t+1}^2 | state] = sigma_t^2 (1 - 1 / (n (t + 1)^2)): a product over the generations,
whose limit is Euler's product for the sine. The literal workflow (keep every sample in a pool,
fit the pool) is :func:`modelcollapse.numerics.mixing_workflows.accumulate_gaussian_workflow`.

The kernel checks this law (it reads the generation t through powers whose bases it shows positive,
and keeps the state's domain at every t >= 0) and proves both results: the engine's product (and the
drift, a walk fed by it, telescoped) by induction on t, the product in Euler's form 1 - 1/(n k^2),
k = 1 .. t, the conservation law
E[sigma_t^2] + E[d_t^2] = sigma0^2, and both limits from Euler's product for the sine, a cited axiom
(Abramowitz and Stegun 4.3.89). The bound sigma0^2 pi^2 / (6 n) on the drift is derived, not proved.

Examples
--------
>>> from modelcollapse import theory
>>> r = theory.get("mixing.accumulate_gaussian")
>>> abs(r(n=4, t=2, sigma0=1.0) - (1 - 1 / 4) * (1 - 1 / 16)) < 1e-15
True
>>> drift = theory.get("mixing.accumulate_gaussian_drift")    # conserved: E[sigma_t^2] + E[d_t^2] = sigma0^2
>>> abs(r(n=4, t=5, sigma0=2.0) + drift(n=4, t=5, sigma0=2.0) - 4.0) < 1e-14
True
"""

from __future__ import annotations

import functools

import mpmath
import sympy as sp

from .assumptions import IntegerAtLeast, PositiveReal
from .distributions import ChiSquare, Normal
from .model import Model
from .recipes import Claim, ProofStep
from .result import DerivationStep, Reference
from .symbols import n, sigma0, t

FAMILY = "mixing"

GERSTGRASSER = Reference("Gerstgrasser, Schaeffer, Dey, Rafailov, et al.", 2024,
                         "Is model collapse inevitable? Breaking the curse of recursion by accumulating real and "
                         "synthetic data", "arXiv:2404.01413")
KAZDAN = Reference("Kazdan, Schaeffer, Dey, Gerstgrasser, Rafailov, Donoho, Koyejo", 2024,
                   "Collapse or thrive? Perils and promises of synthetic data in a self-generating world",
                   "arXiv:2410.16713")
DEY_DONOHO = Reference("Dey, A. and Donoho, D.", 2024, "Universality of the pi^2/6 pathway in avoiding model "
                       "collapse", "arXiv:2410.22812")
EULER = Reference("Euler, L.", 1748, "Introductio in analysin infinitorum", "vol. 1, Ch. 9 (the product for "
                  "sin(pi x) / (pi x)); Abramowitz and Stegun 6.1.17 (the reflection formula)")

A_N = IntegerAtLeast("n", n, 2)
A_T = IntegerAtLeast("t", t, 0)
A_SIGMA0 = PositiveReal("sigma0", sigma0)
ASSUMPTIONS = (A_N, A_T, A_SIGMA0)

DRIFT, SIGMA, Z, X = sp.symbols("d sigma Z X")

ACCUMULATE = Model(
    "accumulate_gaussian", family=FAMILY, params=[A_N, A_SIGMA0], state={DRIFT: 0, SIGMA: sigma0},
    draws={Z: Normal(0, 1), X: ChiSquare(n - 1)},
    step={DRIFT: DRIFT + SIGMA * Z / (sp.sqrt(n) * (t + 1)),
          SIGMA: SIGMA * sp.sqrt((t * n + X + t * Z**2 / (t + 1)) / ((t + 1) * n))},
    references=(GERSTGRASSER, KAZDAN, DEY_DONOHO),
    summary="Keep every sample: fit t is the maximum-likelihood fit to the pool of t n samples, after which n "
            "samples of that fit join the pool. The pooled mean moves by sigma_t Z / (sqrt(n) (t + 1)) and the "
            "pooled variance is scaled by (t n + X + t Z^2 / (t + 1)) / ((t + 1) n).")

_x = sp.Symbol("x", positive=True)
#: The product's index and the limit's variable, as the cited axiom binds them; x as it states it.
_k, _N = sp.symbols("k N", integer=True, positive=True)
_x_plain = sp.Symbol("x")


@functools.lru_cache(maxsize=None)
def sine_limit():
    """Euler's product, derived by sympy: prod_{k=1}^t (1 - x^2/k^2) in gamma functions, the limit
    of the gamma ratio as t -> oo, and the reflection formula. Returns (steps, finite, limit) in x."""
    factor = sp.factor(1 - _x**2 / _k**2)
    finite = sp.product(factor, (_k, 1, t))
    gammas = finite.replace(lambda e: isinstance(e, sp.RisingFactorial),
                            lambda e: sp.gamma(e.args[0] + e.args[1]) / sp.gamma(e.args[0]))
    gammas = gammas.rewrite(sp.gamma)
    ratio = sp.Mul(*[f for f in sp.Mul.make_args(gammas) if f.has(t)])
    rest = sp.Mul(*[f for f in sp.Mul.make_args(gammas) if not f.has(t)])
    # Through its logarithm (each gamma positive here, so the log splits; loggamma's expansion at oo):
    # the same limit, in half the time sympy takes on the ratio itself.
    ratio_limit = sp.exp(sp.limit(sp.expand_log(sp.log(ratio), force=True).rewrite(sp.loggamma), t, sp.oo))
    limit = sp.gammasimp(ratio_limit * rest)
    steps = [
        DerivationStep("Each factor splits over its roots", sp.Eq(1 - _x**2 / _k**2, factor)),
        DerivationStep("The finite product in rising factorials, then gamma functions (0 < x < 1)",
                       sp.Eq(sp.Product(1 - _x**2 / _k**2, (_k, 1, t)), gammas)),
        DerivationStep("The gamma ratio tends to 1", sp.Eq(sp.Limit(ratio, t, sp.oo), ratio_limit)),
        DerivationStep("The reflection formula Gamma(1 - x) Gamma(1 + x) = pi x / sin(pi x): Euler's product",
                       sp.Eq(sp.Product(1 - _x**2 / _k**2, (_k, 1, sp.oo)), limit)),
    ]
    return steps, gammas, limit


def _product_factor(d):
    """The factor a(s) of E[sigma_t^2] = sigma0^2 prod_{s<t} a(s), read from the engine's closed form."""
    (P,) = d.closed_form.atoms(sp.Product)
    (s, lo, hi), = P.limits
    return P.function, s


def _variance_limit(d):
    """Steps from the engine's product to its limit sigma0^2 sin(pi / sqrt n) / (pi / sqrt n)."""
    a, s = _product_factor(d)
    x = 1 / sp.sqrt(n)
    target = (1 - _x**2 / _k**2).subs(_x, x).subs(_k, s + 1)
    if sp.simplify(a - target) != 0:
        raise ArithmeticError("the accumulation factor is not 1 - 1/(n (s + 1)^2)")
    steps, finite, limit = sine_limit()
    value = sigma0**2 * limit.subs(_x, x)
    gamma_form = sigma0**2 * finite.subs(_x, x)
    out = [DerivationStep("The factor per refit is 1 - x^2 / (s + 1)^2 with x = 1/sqrt(n)", sp.Eq(a, target))]
    out += steps
    lhs = ACCUMULATE.E(SIGMA**2)
    out.append(DerivationStep("So E[sigma_t^2] in gamma functions", sp.Eq(lhs, gamma_form)))
    out.append(DerivationStep("and its limit, positive for every n >= 2 (0 < pi / sqrt(n) < pi)",
                              sp.Eq(sp.Limit(lhs, t, sp.oo), value)))
    return value, gamma_form, out


def euler_product(d):
    """The engine's product prod_{s=0}^{t-1} a(s) re-indexed by sympy to k = s + 1, its factor split
    over k and matched to Euler's 1 - x^2 / k^2 with x = 1/sqrt(n): the same product, in the form of
    the cited axiom (``euler_sine_product``). ArithmeticError if the factor is not of that form."""
    (P,) = d.closed_form.atoms(sp.Product)
    (s, lo, hi), = P.limits
    shifted = P.change_index(s, s + 1, _k)
    euler = (1 - _x_plain**2 / _k**2).xreplace({_x_plain: 1 / sp.sqrt(n)})
    if sp.simplify(sp.apart(shifted.function, _k) - euler) != 0 or shifted.limits != ((_k, 1, t),):
        raise ArithmeticError("the accumulation factor is not 1 - 1/(n k^2), k = 1 .. t")
    return sp.Product(euler, (_k, 1, t))


def _euler_axiom_step():
    """The cited axiom at x = 1/sqrt(n): prod_{k=1}^N (1 - 1/(n k^2)) -> sin(pi/sqrt n) / (pi/sqrt n)."""
    x = 1 / sp.sqrt(n)
    schema = sp.Eq(sp.Limit(sp.Product(1 - _x_plain**2 / _k**2, (_k, 1, _N)), _N, sp.oo),
                   sp.sin(sp.pi * _x_plain) / (sp.pi * _x_plain))
    return ProofStep("euler", schema.xreplace({_x_plain: x}), "axiom",
                     {"name": "euler_sine_product", "mapping": {"x": x}},
                     text="Euler's product for the sine at x = 1/sqrt(n) (Abramowitz and Stegun 4.3.89)")


def _induction_step(label, lhs, value, closed, text):
    """Induction over the system the engine closed for the statement, with ``closed`` (state
    functional -> closed form) in place of the engine's closed forms."""
    now = ACCUMULATE.at()
    return ProofStep(label, sp.Eq(lhs, value), "induction", {"closed": {k.xreplace(now): v for k, v in closed.items()}},
                     ("statement",), text)


def _euler_limit_claim(limit, text, summary):
    """The limit as t -> oo of a claim in Euler's form, from the cited Euler product (one recipe for
    the variance and the drift)."""
    return Claim(limit, (_euler_axiom_step(),
                         ProofStep("limit", limit, "limit", {}, ("claim:euler_form", "euler"), text=text)), summary)


def _claims_variance(d):
    value, gamma_form, steps = _variance_limit(d)
    d.steps += steps
    d.facts["gamma_form"] = gamma_form
    variance = sigma0**2 * euler_product(d)
    lhs = d.statement.lhs
    limit = sp.Eq(sp.Limit(lhs, t, sp.oo), value)
    return {
        "euler_form": Claim(sp.Eq(lhs, variance), (
            _induction_step("induction", lhs, variance, {SIGMA**2: variance},
                            "induction on t: the product in Euler's form satisfies the one-step recursion"),),
            "E[sigma_t^2] = sigma0^2 prod_{k=1}^t (1 - 1/(n k^2)), the engine's product re-indexed"),
        "limit": _euler_limit_claim(limit, "the limit of sigma0^2 times Euler's partial product",
                                    "Euler's product for the sine: the limit is sigma0^2 sin(pi/sqrt n) / (pi/sqrt n) "
                                    "(positive for every n >= 2, as 0 < pi/sqrt(n) < pi)"),
    }


#: Up to this t the product is evaluated factor by factor; beyond, through its derived gamma form.
PRODUCT_TERMS = 10_000


def _iterate(result, values, expr=None):
    """The closed form evaluated factor by factor in mpmath (sigma^2 picks up 1 - 1/(n (s+1)^2), the
    drift sigma_s^2 / (n (s + 1)^2)) or, for t > PRODUCT_TERMS, through the gamma form the derivation
    gives (and the drift through the conservation law)."""
    nn, tt, s0 = int(values["n"]), int(values["t"]), mpmath.mpf(values["sigma0"])
    if tt > PRODUCT_TERMS:
        gamma_form = _gamma_form()
        with mpmath.workdps(mpmath.mp.dps + 2 * len(str(tt)) + 10):
            variance = sp.lambdify((n, t, sigma0), gamma_form, modules="mpmath")(nn, tt, s0)
            drift = s0**2 - variance
    else:
        variance, drift = s0**2, mpmath.mpf(0)
        for s in range(tt):
            drift += variance / (nn * (s + 1) ** 2)
            variance *= 1 - mpmath.mpf(1) / (nn * (s + 1) ** 2)
    return +variance if result.id == "mixing.accumulate_gaussian" else +drift


def _gamma_form():
    from .registry import get
    return get("mixing.accumulate_gaussian").derivation.facts["gamma_form"]


def _claims_drift(d):
    """Conservation, the drift in Euler's form and its limit, proved by the kernel from the law; the
    bound sigma0^2 pi^2 / (6 n) is derived here (1 - prod (1 - a_k) <= sum a_k), not proved."""
    variance_lhs, drift_lhs = ACCUMULATE.E(SIGMA**2), ACCUMULATE.E(DRIFT**2)
    if not _conservation_check():
        raise ArithmeticError("sigma^2 + d^2 is not conserved in mean by the one-step law")
    from .registry import get
    variance_result = get("mixing.accumulate_gaussian").derivation
    variance = sigma0**2 * euler_product(variance_result)
    drift = sigma0**2 - variance      # the conservation law: E[d_t^2] = sigma0^2 - E[sigma_t^2]
    value = sigma0**2 - sigma0**2 * sine_limit()[2].subs(_x, 1 / sp.sqrt(n))
    closed = {SIGMA**2: variance, DRIFT**2: drift}
    s = sp.Symbol("s", integer=True, nonnegative=True)
    bound = sp.summation(1 / (s + 1) ** 2, (s, 0, sp.oo)) * sigma0**2 / n
    d.steps.append(DerivationStep("The one-step matrix maps sigma^2 + d^2 to itself in mean (no offset): conserved, "
                                  "so E[d_t^2] = sigma0^2 - E[sigma_t^2]", sp.Eq(drift_lhs, drift)))
    d.steps.append(DerivationStep("Derived, not proved by the kernel: 1 - prod (1 - a_k) <= sum a_k bounds the drift "
                                  "by sigma0^2 sum 1/(n k^2) = sigma0^2 pi^2/(6 n)", sp.Le(drift_lhs, bound)))
    limit = sp.Eq(sp.Limit(drift_lhs, t, sp.oo), value)
    return {
        "variance_euler_form": Claim(sp.Eq(variance_lhs, variance), (
            _induction_step("induction", variance_lhs, variance, closed, "induction on t over the closed system"),),
            "E[sigma_t^2] = sigma0^2 prod_{k=1}^t (1 - 1/(n k^2))"),
        "euler_form": Claim(sp.Eq(drift_lhs, drift), (
            _induction_step("induction", drift_lhs, drift, closed, "induction on t over the closed system"),),
            "E[(mu_t - mu0)^2] = sigma0^2 (1 - prod_{k=1}^t (1 - 1/(n k^2)))"),
        "conserved": Claim(sp.Eq(variance_lhs + drift_lhs, sigma0**2), (
            ProofStep("sum", sp.Eq(variance_lhs + drift_lhs, sigma0**2), "rewrite", {},
                      ("claim:variance_euler_form", "claim:euler_form")),),
            "E[sigma_t^2] + E[(mu_t - mu0)^2] = sigma0^2 for every t: the variance lost to refitting reappears as "
            "drift"),
        "limit": _euler_limit_claim(limit, "the limit of sigma0^2 (1 - Euler's partial product)",
                                    "By the conservation law and Euler's product: sigma0^2 (1 - sin(pi/sqrt n) / "
                                    "(pi/sqrt n)), below sigma0^2 pi^2 / (6 n)"),
    }


def _conservation_check():
    """The conservation law from the engine's own one-step matrix: (1, 1) is a left eigenvector with
    eigenvalue 1 and no offset."""
    from .engine import derive
    system = derive(ACCUMULATE, SIGMA**2 + DRIFT**2)
    index = {b: k for k, b in enumerate(system.basis)}
    row_sum = [sp.simplify(sum(system.matrix[j][i] for j in (index[SIGMA**2], index[DRIFT**2])))
               for i in (index[SIGMA**2], index[DRIFT**2])]
    offset = sp.simplify(system.offset[index[SIGMA**2]] + system.offset[index[DRIFT**2]])
    return row_sum == [1, 1] and offset == 0


# The law changes with the generation, so the generated reference route would fit a new one-step matrix
# for each one (minutes): these results are checked against their exact recursion and literal workflow
# in the tests instead.
_CHECKS = dict(reference_ts=())

ACCUMULATE.expectation(
    SIGMA**2, "mixing.accumulate_gaussian", "Expected variance when data accumulate", assumptions=ASSUMPTIONS,
    lazy=True, checks=_CHECKS, claims=_claims_variance, references=(GERSTGRASSER, KAZDAN, DEY_DONOHO, EULER),
    summary="E[sigma_t^2] = sigma0^2 prod_{k=1}^t (1 - 1/(n k^2)) when every generation's samples are kept: the "
            "factors approach 1 so fast that the product converges, by Euler's product for the sine, to "
            "sigma0^2 sin(pi/sqrt n) / (pi/sqrt n) > 0 (about sigma0^2 (1 - pi^2/(6n))): accumulating data "
            "prevents collapse.")
ACCUMULATE.expectation(
    DRIFT**2, "mixing.accumulate_gaussian_drift", "Mean squared drift of the fitted mean when data accumulate",
    assumptions=ASSUMPTIONS, lazy=True, checks=_CHECKS, claims=_claims_drift,
    references=(GERSTGRASSER, KAZDAN, DEY_DONOHO, EULER),
    summary="E[(mu_t - mu0)^2] (d_t = mu_t - mu0) when data accumulate: the variance the refits lose reappears as "
            "drift, E[sigma_t^2] + E[(mu_t - mu0)^2] = sigma0^2 for every t (proved), and the drift tends to "
            "sigma0^2 (1 - sin(pi/sqrt n) / (pi/sqrt n)) (proved from Euler's product), below the bound "
            "sigma0^2 pi^2 / (6 n) (derived, not proved by the kernel).")
for _id in ("mixing.accumulate_gaussian", "mixing.accumulate_gaussian_drift"):
    from .registry import get as _get
    _get(_id)._evaluator = _iterate

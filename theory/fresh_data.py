"""Fresh data mixed into every refit: the Gaussian and the categorical loop, declared as models.

The Gaussian loop
-----------------
Each generation's n training samples are lam n fresh samples of the original N(mu0, sigma0^2)
and (1 - lam) n samples of the current fit N(mu_t, sigma_t^2); the new fit is their mean and
sum (x - xbar)^2 / (n - ddof). With a = lam n, b = (1 - lam) n and d_t = mu_t - mu0, the pooled
sufficient statistics decompose (Cochran's theorem within each group, then the two group means):

* the fresh group's sum is a mu0 + sigma0 sqrt(a) Z1, the generated group's b mu_t + sigma_t sqrt(b) Z2;
* the within-group sums of squares are sigma0^2 X1 and sigma_t^2 X2 with X1 ~ chi-square(a - 1),
  X2 ~ chi-square(b - 1);
* the between-group term is (sqrt(a b) (mu0 - mu_t) + sqrt(b) sigma0 Z1 - sqrt(a) sigma_t Z2)^2 / n,

all independent. So d_{t+1} = (b d_t + sigma0 sqrt(a) Z1 + sigma_t sqrt(b) Z2) / n, and
sigma_{t+1}^2 is the sum of the three terms over n - ddof. E[sigma_{t+1}^2 | state] is linear in
sigma_t^2 and d_t^2, and so is E[d_{t+1}^2 | state]: the variance and the drift feed each other,
a coupled 2 x 2 linear system that the engine solves exactly. The law needs two samples of each
kind (chi-square degrees of freedom > 0): 2 <= lam n <= n - 2. The literal workflow (draw the
samples, pool them, fit) is :func:`modelcollapse.numerics.mixing_workflows.fresh_gaussian_workflow`.

Examples
--------
>>> from modelcollapse import theory
>>> r = theory.get("mixing.fresh_gaussian")
>>> round(r(n=10, lam=0.2, t=1, ddof=0, sigma0=1.0), 12)   # one refit: (n - 1)/n sigma0^2
0.9
"""

from __future__ import annotations

import sympy as sp

from .assumptions import IntegerAtLeast, OneOf, PositiveReal, SampleCount, SampleFraction
from .distributions import ChiSquare, Normal
from .model import Model
from .recipes import Claim, ProofStep
from .registry import get as _get
from .result import DerivationStep, Reference
from .symbols import ddof, n, sigma0, t

FAMILY = "mixing"
lam = sp.Symbol("lam", real=True)

BERTRAND = Reference("Bertrand, Bose, Duplessis, Jiralerspong, Gidel", 2024,
                     "On the stability of iterative retraining of generative models on their own data",
                     "ICLR 2024 (arXiv:2310.00429)")
GERSTGRASSER = Reference("Gerstgrasser, Schaeffer, Dey, Rafailov, et al.", 2024,
                         "Is model collapse inevitable? Breaking the curse of recursion by accumulating real and "
                         "synthetic data", "arXiv:2404.01413")
SEDDIK = Reference("Seddik, Chen, Hayou, Youssef, Debbah", 2024, "How bad is training on synthetic data? "
                   "A statistical analysis of language model collapse", "COLM 2024 (arXiv:2404.05090)")

A_N = IntegerAtLeast("n", n, 4)
A_LAM = SampleFraction("lam", lam, size=n, size_name="n", lower=2)
A_T = IntegerAtLeast("t", t, 0)
A_DDOF = OneOf("ddof", ddof, (0, 1))
A_SIGMA0 = PositiveReal("sigma0", sigma0)

DRIFT, SIGMA, Z1, Z2, X1, X2 = sp.symbols("d sigma Z1 Z2 X1 X2")


def fresh_gaussian_model(name, fresh, divisor_shift, params):
    """The declared loop with ``fresh`` fresh samples out of n, fitted with divisor n - divisor_shift."""
    kept = n - fresh
    return Model(
        name, family=FAMILY, params=params, state={DRIFT: 0, SIGMA: sigma0},
        draws={Z1: Normal(0, 1), Z2: Normal(0, 1), X1: ChiSquare(fresh - 1), X2: ChiSquare(kept - 1)},
        step={DRIFT: (kept * DRIFT + sigma0 * sp.sqrt(fresh) * Z1 + SIGMA * sp.sqrt(kept) * Z2) / n,
              SIGMA: sp.sqrt((sigma0**2 * X1 + SIGMA**2 * X2 + (-sp.sqrt(fresh * kept) * DRIFT
                                                                 + sp.sqrt(kept) * sigma0 * Z1
                                                                 - sp.sqrt(fresh) * SIGMA * Z2) ** 2 / n)
                             / (n - divisor_shift))},
        references=(BERTRAND, GERSTGRASSER),
        summary="Refit a normal to a = lam n fresh samples of the original and b = n - a samples of the current fit: "
                "d = mu - mu0 and sigma are updated from the two group sums, the two within-group sums of squares "
                "(chi-squares) and the between-group term.")


#: The number of fresh samples, an integer in [2, n - 2], for the kernel's version of the loop.
m = sp.Symbol("m", integer=True, positive=True)
A_M = SampleCount("m", m, size=n, size_name="n", lower=2)

FRESH_GAUSSIAN = fresh_gaussian_model("fresh_gaussian", lam * n, ddof, [A_N, A_LAM, A_DDOF, A_SIGMA0])
#: The same loop with the maximum-likelihood fit (ddof = 0) and m = lam n fresh samples: rational
#: eigenvalues and integer parameters, so the kernel checks its closed forms, limits and the absence
#: of collapse.
FRESH_GAUSSIAN_ML = fresh_gaussian_model("fresh_gaussian_ml", m, 0, [A_N, A_M, A_SIGMA0])
#: The same with the unbiased fit (ddof = 1): irrational rates, but the kernel checks the limit.
FRESH_GAUSSIAN_UNBIASED = fresh_gaussian_model("fresh_gaussian_unbiased", m, 1, [A_N, A_M, A_SIGMA0])

GAUSS = (A_N, A_LAM, A_T, A_DDOF, A_SIGMA0)
GAUSS_ML = (A_N, A_M, A_T, A_SIGMA0)


def _stationary(d):
    """The limit of a closed form sum_k c_k r_k^t + s as t -> oo (every |r_k| < 1): its constant part."""
    expr = d.closed_form

    def constant(e):
        from .engine import collect_geometric
        return sp.factor(sum((term for term in sp.Add.make_args(collect_geometric(e)) if not term.has(t)),
                             sp.S.Zero))
    if isinstance(expr, sp.Piecewise):
        return sp.Piecewise(*[(constant(e), c) for e, c in expr.args])
    return constant(expr)


def _rates(d):
    """The rate r of a closed form s + c r^t: (E_{t+1} - s) / (E_t - s), derived from it."""
    value = _stationary(d)
    rate = sp.factor(sp.simplify((d.closed_form.subs(t, t + 1) - value) / (d.closed_form - value)))
    if rate.has(t):
        raise ArithmeticError(f"{d.statement.lhs} is not of the form s + c r^t")
    return [rate]


def _kernel_claims(d, positive=False, rate_positive=True):
    """What the kernel proves about the maximum-likelihood loop: the geometric rate lies in (0, 1)
    (so E_t = s + c r^t converges to s, the stationary value, geometrically at rate r), and for the
    variance s > 0: no collapse."""
    claims = {}
    for k, r in enumerate(_rates(d)):
        suffix = "" if k == 0 else f"_{k}"
        claims["rate_below_one" + suffix] = Claim(sp.Lt(r, 1), (ProofStep("below", sp.Lt(r, 1), "algebra"),),
                                                  "The geometric rate is below one")
        if rate_positive:
            claims["rate_positive" + suffix] = Claim(sp.Gt(r, 0), (ProofStep("above", sp.Gt(r, 0), "algebra"),),
                                                     "The geometric rate is positive")
    value = _stationary(d)
    d.steps.append(DerivationStep("So E_t = s + c r^t with 0 < r < 1 tends to the stationary value s",
                                  sp.Eq(sp.Limit(d.statement.lhs, t, sp.oo), value)))
    if positive:
        claims["no_collapse"] = Claim(sp.Gt(value, 0), (ProofStep("positive", sp.Gt(value, 0), "algebra"),),
                                      "The stationary variance is positive for every m >= 2: fresh data prevent "
                                      "collapse")
    return claims


def _stationary_remark(d):
    """The stationary value (the limit as t -> oo), derived from the closed form but not proved: with
    ddof = 1 the rates are irrational, and with lam real the kernel's limit rule does not finish within
    its step budget (with m = lam n fresh samples, mixing.fresh_gaussian_ml and
    mixing.fresh_gaussian_unbiased prove it)."""
    limit = sp.Eq(sp.Limit(d.statement.lhs, t, sp.oo), _stationary(d))
    d.remarks["stationary"] = limit
    d.steps.append(DerivationStep("The constant part of the closed form: its limit where both rates lie in (0, 1), as the "
                                  "kernel shows with m = lam n fresh samples (mixing.fresh_gaussian_ml, "
                                  "mixing.fresh_gaussian_unbiased); here derived, not proved", limit))
    return {}


_NOTE = ("the closed form, both cases of ddof, is proved by the kernel (induction over the coupled 2 x 2 system, "
         "whose rates are irrational at ddof = 1); the stationary value is derived, not proved: the kernel's limit "
         "rule does not finish with the irrational rates and a real lam within its step budget. With m = lam n fresh "
         "samples it is proved: at ddof = 0 with the absence of collapse (mixing.fresh_gaussian_ml), at ddof = 1 with "
         "the stationary variance above sigma0^2 (mixing.fresh_gaussian_unbiased)")

# The generated reference route does not finish in reasonable time on the coupled mixing law (its
# quadrature over four draws per state point); these results are checked by Monte Carlo of the declared
# law and of the literal workflow, and against the moment recursion in the tests.
_NO_ROUTE = dict(reference_ts=())

FRESH_GAUSSIAN.expectation(
    SIGMA**2, "mixing.fresh_gaussian", "Expected variance with fresh data mixed in", assumptions=GAUSS, lazy=True, checks=_NO_ROUTE,
    claims=_stationary_remark, references=(BERTRAND, GERSTGRASSER),
    summary="E[sigma_t^2] when each refit sees lam n fresh samples of the original. The variance and the drift of "
            "the mean feed each other: a coupled 2 x 2 system. With ddof = 0 its eigenvalues are 1 - lam and "
            "(1 - lam)(1 - lam - 1/n), so E[sigma_t^2] converges geometrically, at rate 1 - lam, to a positive "
            "stationary value: no collapse. With ddof = 1 the eigenvalues are irrational; the spectral radius "
            "reaches 1 only at lam = 1 - sqrt(1 - 1/n) < 1/n, so for every lam n >= 2 it is below one and the "
            "stationary variance exceeds sigma0^2 (the unbiased fit inflates the variance the drift feeds).")
FRESH_GAUSSIAN.expectation(
    DRIFT**2, "mixing.fresh_gaussian_drift", "Mean squared drift of the fitted mean with fresh data",
    assumptions=GAUSS, lazy=True, checks=_NO_ROUTE, claims=_stationary_remark, references=(BERTRAND, GERSTGRASSER),
    summary="E[(mu_t - mu0)^2] (d_t = mu_t - mu0) in the same loop: fed by the fitted variance, it converges to a "
            "stationary value instead of growing without bound as it does without fresh data (gaussian.mean_drift).")
FRESH_GAUSSIAN_ML.expectation(
    SIGMA**2, "mixing.fresh_gaussian_ml", "Expected variance with fresh data, maximum likelihood", assumptions=GAUSS_ML,
    lazy=True, checks=_NO_ROUTE, claims=lambda d: _kernel_claims(d, positive=True), references=(BERTRAND, GERSTGRASSER),
    summary="mixing.fresh_gaussian at ddof = 0 with m = lam n fresh samples, proved by the kernel with its limit "
            "and the absence of collapse: the stationary variance is positive for every m >= 2.")
for _id in ("mixing.fresh_gaussian", "mixing.fresh_gaussian_drift"):
    _get(_id).status_note = _NOTE


def _unbiased_claims(d):
    """The stationary value as a proved limit, and that it exceeds sigma0^2: the unbiased fit inflates the
    variance that the drift of the mean feeds back."""
    stationary = _stationary(d)
    limit = sp.Eq(sp.Limit(d.statement.lhs, t, sp.oo), stationary)
    above = sp.Gt(stationary, sigma0**2)
    excess = sp.Eq(sp.Symbol("s/sigma0^2 - 1"), sp.factor(sp.cancel(stationary / sigma0**2 - 1)))
    d.steps.append(DerivationStep("Both rates lie in (0, 1) (the kernel places them): the geometric terms vanish, "
                                  "leaving the stationary value", limit))
    d.steps.append(DerivationStep("It exceeds sigma0^2: sympy's excess over it, positive for 2 <= m <= n - 2", excess))
    return {"stationary": Claim(limit, (ProofStep("limit", limit, "limit", {}, ("statement",)),),
                                "As t -> oo the geometric terms vanish: the stationary value"),
            "above_original": Claim(above, (ProofStep("above", above, "algebra"),),
                                    "The stationary variance exceeds sigma0^2 for every 2 <= m <= n - 2")}


FRESH_GAUSSIAN_UNBIASED.expectation(
    SIGMA**2, "mixing.fresh_gaussian_unbiased", "Expected variance with fresh data, unbiased fit", assumptions=GAUSS_ML,
    lazy=True, checks=_NO_ROUTE, claims=_unbiased_claims, references=(BERTRAND, GERSTGRASSER),
    summary="mixing.fresh_gaussian at ddof = 1 with m = lam n fresh samples, proved by the kernel with its limit: the "
            "rates are irrational, yet both lie in (0, 1), and the stationary variance exceeds sigma0^2 (the unbiased "
            "fit inflates the variance the drift feeds).")


# --- the categorical loop (Seddik et al. 2024) -------------------------------------------------

from .assumptions import Probability  # noqa: E402
from .categorical import A_P0, SHUMAILOV, _evaluate as _categorical_evaluate  # noqa: E402
from .distributions import Binomial  # noqa: E402
from .symbols import K, i, p0  # noqa: E402

#: The mixing weight of the original distribution (any real in [0, 1]: a weight, not a count).
A_WEIGHT = Probability("lam", lam)
A_N1 = IntegerAtLeast("n", n, 1)
A_I_K = IntegerAtLeast("i", i, 1, upper=K)
SHARE, COUNT = sp.symbols("p C")

FRESH_CATEGORICAL = Model(
    "fresh_categorical", family=FAMILY, params=[A_P0, A_N1, A_WEIGHT], state={SHARE: p0[i]},
    draws={COUNT: Binomial(n, SHARE)}, step={SHARE: lam * p0[i] + (1 - lam) * COUNT / n}, indices={i: (1, K)},
    references=(SEDDIK,),
    summary="p_{t+1} = lam p0 + (1 - lam) Multinomial(n, p_t) / n, declared through one category's Binomial count: "
            "the refit on its own n tokens, mixed with weight lam with the original distribution.")


def _categorical_value(result, values, expr=None):
    expr = result.closed_form if expr is None else expr
    return _categorical_evaluate(result, values, sp.sympify(expr).subs(lam, sp.Float(values["lam"], 40)))


FRESH_CATEGORICAL.expectation(
    SHARE, "mixing.fresh_categorical_mean", "The mixed categorical refit keeps the original distribution in mean",
    assumptions=(A_P0, A_N1, A_WEIGHT, A_T, A_I_K), lazy=True, references=(SEDDIK,),
    summary="E[p_{i,t}] = p0_i for every lam, n and t: mixing in the original neither biases nor helps the mean.")
FRESH_CATEGORICAL.quantity(
    FRESH_CATEGORICAL.E(sp.Sum((SHARE - p0[i]) ** 2, (i, 1, K))), "mixing.fresh_categorical",
    "Expected squared distance to the original with fresh data mixed in", assumptions=(A_P0, A_N1, A_WEIGHT, A_T),
    lazy=True, claims=lambda d: _kernel_claims(d, rate_positive=False), references=(SEDDIK, SHUMAILOV),
    summary="E[||p_t - p0||^2] = (1 - sum p0_i^2) (1 - lam)^2 / n * (1 - r^t) / (1 - r) with r = (1 - lam)^2 (1 - 1/n): "
            "it rises to a fixed point of order (1 - lam)^2 / (n (1 - r)) instead of to the collapse value "
            "1 - sum p0_i^2. Every category with p0_i > 0 keeps a share p_{i,t} >= lam p0_i > 0 on every path "
            "(the update is lam p0_i plus a non-negative term), so for lam > 0 none is ever lost.")
for _id in ("mixing.fresh_categorical_mean", "mixing.fresh_categorical"):
    _get(_id)._evaluator = _categorical_value


# --- the critical fraction -----------------------------------------------------------------------

from .assumptions import Assumption, check_int, check_real  # noqa: E402
from .registry import register as _register  # noqa: E402
from .result import Derivation, Result  # noqa: E402


def stationary_ratio(n_value, m_value):
    """The stationary E[sigma^2] / sigma0^2 with m fresh samples out of n and the maximum-likelihood
    fit, exactly (a sympy Rational): the fixed point of the engine's one-step system of
    mixing.fresh_gaussian at lam = m/n, ddof = 0. The one-step moments hold for every m >= 1 (a group
    of one sample has no within-group sum of squares, as chi-square(0) = 0 says); with m = 0 the
    variance collapses (gaussian.variance), ratio 0."""
    from .engine import derive
    n_value = check_int("n", n_value, lower=2)
    m_value = check_int("m", m_value, lower=0, upper=n_value)
    if m_value == 0:
        return sp.S.Zero
    system = derive(FRESH_GAUSSIAN, SIGMA**2, GAUSS)
    values = {n: n_value, lam: sp.Rational(m_value, n_value), ddof: 0, sigma0: 1}
    M = sp.Matrix(system.matrix).subs(values)
    g = sp.Matrix(system.offset).subs(values)
    fixed = (sp.eye(M.rows) - M).LUsolve(g)
    return sp.nsimplify(fixed[system.basis.index(SIGMA**2)])


class _Level(Assumption):
    #: The real interval the level lies strictly inside (the kernel's domain for it).
    open_interval = (0, 1)

    def validate(self, value):
        value = check_real(self.name, value, positive=True)
        if not value < 1:
            raise ValueError(f"{self.name} must be a real number in (0, 1), got {value!r}")
        return value

    def relation(self):
        return sp.And(sp.Gt(self.symbol, 0), sp.Lt(self.symbol, 1))

    def describe(self):
        return f"{self.name} in (0, 1)"


level = sp.Symbol("level", positive=True)
A_N5 = IntegerAtLeast("n", n, 5)
#: m below its largest value n - 2, so that m + 1 is a number of fresh samples too.
A_M_INNER = IntegerAtLeast("m", m, 2, upper=n - 3)
A_LEVEL = _Level("level", level)
A_N2 = IntegerAtLeast("n", n, 2)


def critical_fraction(n_value, level_value):
    """The smallest lam = m/n (m = 0 .. n) whose stationary E[sigma^2]/sigma0^2 is at least ``level``,
    as an exact fraction, or ValueError naming level when no m reaches it."""
    from fractions import Fraction
    n_value = check_int("n", n_value, lower=2)
    level_value = check_real("level", level_value, positive=True)
    for m_value in range(n_value + 1):
        if stationary_ratio(n_value, m_value) >= sp.nsimplify(level_value, rational=True):
            return Fraction(m_value, n_value)
    best = stationary_ratio(n_value, n_value)
    raise ValueError(f"level must be at most {float(best):.6g} (the stationary ratio with only fresh samples, "
                     f"(n - 1)/n) at n = {n_value}, got {level_value!r}")


def _critical_value(result, values, expr=None):
    import mpmath
    frac = critical_fraction(int(values["n"]), float(values["level"]))
    return mpmath.mpf(frac.numerator) / frac.denominator


def _critical_derivation():
    from .symbols import n as _n
    ratio = sp.Symbol("ratio")
    steps = [DerivationStep("The stationary ratio E[sigma^2]/sigma0^2 at lam = m/n, ddof = 0: the fixed point "
                            "of the engine's one-step system (mixing.fresh_gaussian), solved exactly for each m",
                            None)]
    for nn in (4, 10):
        steps.append(DerivationStep(f"For instance n = {nn}, m = 0 .. n",
                                    sp.Eq(sp.Symbol(f"ratio|n={nn}"),
                                          sp.Tuple(*[stationary_ratio(nn, mm) for mm in range(nn + 1)]))))
    # The stationary ratio the kernel proves for the maximum-likelihood loop (m in [2, n - 2]), and its
    # growth in m there: one more fresh sample per generation keeps more of the variance.
    from .registry import get
    stationary = sp.factor(_stationary(get("mixing.fresh_gaussian_ml").derivation) / sigma0**2)
    increasing = sp.Gt(stationary.subs(m, m + 1), stationary)
    steps.append(DerivationStep("The stationary ratio of mixing.fresh_gaussian_ml (proved), for 2 <= m <= n - 2",
                                sp.Eq(sp.Symbol("ratio"), stationary)))
    steps.append(DerivationStep("It increases with m (proved for n >= 5, 2 <= m <= n - 3): the scan's first m whose "
                                "ratio reaches level is where the ratio crosses it", increasing))
    claim = Claim(increasing, (ProofStep("increasing", increasing, "algebra"),),
                  "The stationary ratio increases with the number of fresh samples")
    value = sp.Function("CriticalFraction")(_n, level)
    return Derivation(sp.Eq(sp.Symbol("lam_c"), value), value, steps, claims={"increasing": increasing},
                      facts={"ratio": ratio, "law": FRESH_GAUSSIAN_ML, "for_all": (A_N5, A_M_INNER),
                             "recipes": {"increasing": claim}})


CRITICAL = Result(
    "mixing.critical_fraction", "The smallest fresh fraction that keeps a given share of the variance", FAMILY,
    (A_N2, A_LEVEL), _critical_derivation, (BERTRAND, GERSTGRASSER), evaluator=_critical_value,
    summary="For fresh-data mixing with the maximum-likelihood fit: the smallest lam = m/n (m = 0 .. n) whose "
            "stationary E[sigma^2]/sigma0^2 is at least level. A few fresh samples per generation already keep most "
            "of the variance: the stationary ratio rises steeply in m.")
CRITICAL.status = "exact computation"
CRITICAL.proved_claims = ("increasing",)
CRITICAL.status_note = (
    "a search over m = 0 .. n of the exact stationary ratio (rational arithmetic). The kernel proves the ratio "
    "(mixing.fresh_gaussian_ml, for 2 <= m <= n - 2) and the claim increasing (it grows with m there), but the scan "
    "also reads m = 0, 1, n - 1 and n, where a group has fewer than two samples and the kernel's law (chi-square "
    "draws with m - 1 and n - m - 1 > 0 degrees of freedom) does not hold, and the minimum of a search is "
    "computed, not a closed form the kernel checks")
_register(CRITICAL)

"""What each generation loses, counted in bits.

Four quantities of information theory, each computed for a refitting loop:

* **data processing** (``information.dpi``): the states theta_0 -> theta_1 -> ... of any refitting
  loop form a Markov chain (the state at t + 1 is a function of the state at t and fresh draws), so
  the information the state keeps about an earlier one can only fall, I(theta_k; theta_{t+1}) <=
  I(theta_k; theta_t) for k <= t (Cover and Thomas, Thm 2.8.1). Proved by the kernel from the chain rule,
  the non-negativity of conditional mutual information and the Markov property of the law
  (:func:`data_processing_recipe`); checked on every exact value below.
* **the re-encoded source** (``information.rate_distortion_chain``): X ~ N(0, sigma0^2) coded at R
  bits by the optimal Gaussian test channel, and each generation's reconstruction coded again at R
  bits. The channel is declared as a model (:data:`TEST_CHANNEL`, standardised so that its law does
  not depend on t) and its conditional second moment is proved by the
  kernel (``information.test_channel_second_moment``); the mutual information follows from the Gaussian entropies.
* **the refitted mean** (``information.gaussian_mean_channel``): mu_0 ~ N(m, s^2) a priori, known
  sigma0, and only the mean refitted from n samples per generation (:data:`KNOWN_VARIANCE`); the
  noise mu_t - mu_0 is proved by the kernel (``information.mean_channel_noise``).
* **divergences** (``information.categorical_kl`` and ``information.description_length``): the
  expected KL divergence of generation t from the original, for the categorical refit (it equals
  the expected entropy loss) and as the extra code length of coding original data with
  generation t's Gaussian.

Values are in bits: a quantity in nats divided by log 2.

Examples
--------
Coding at R bits once keeps exactly R bits about the source (the rate-distortion function is met);
re-coding loses some of them at every generation:

>>> from modelcollapse import theory
>>> r = theory.get("information.rate_distortion_chain")
>>> abs(r(R=2.0, t=1, sigma0=1.0) - 2.0) < 1e-12
True
>>> [round(r(R=2.0, t=t, sigma0=1.0), 4) for t in (1, 2, 4, 8)]
[2.0, 1.5229, 1.068, 0.6551]

The refitted mean keeps log2(1 + n s^2 / (t sigma0^2)) / 2 bits about where it started:

>>> m = theory.get("information.gaussian_mean_channel")
>>> import math
>>> abs(m(n=10, t=5, s=1.0, sigma0=1.0) - 0.5 * math.log2(1 + 10 / 5)) < 1e-12
True
"""

from __future__ import annotations

import functools

import mpmath
import sympy as sp

from . import categorical as C
from . import lemmas
from .assumptions import IntegerAtLeast, OneOf, PositiveReal, RealNumber
from .distributions import ChiSquare, Normal
from .model import Model
from .registry import get, register
from .result import Derivation, DerivationStep, Reference, Result
from .symbols import (KLN, ConditionalMutualInformation, E, Joint, K, MutualInformation, RandomSequence, State, Var, c,
                      ddof, i, k, n, negxlogx, p0, pc, sigma0, t)

FAMILY = "information"

COVER_THOMAS = Reference("Cover, T. M. and Thomas, J. A.", 2006, "Elements of Information Theory", "2nd ed., Wiley",
                         "Thm 2.8.1 (data processing), Thm 8.6.5 and Ch. 9 (Gaussian channel), Thm 10.3.2 "
                         "(rate distortion of a Gaussian source), Thm 5.4.3 (wrong code)")
SHANNON = Reference("Shannon, C. E.", 1959, "Coding theorems for a discrete source with a fidelity criterion",
                    "IRE National Convention Record 7(4), 142-163")
SHUMAILOV = C.SHUMAILOV

# --- symbols of this module ---------------------------------------------------------------------
#: Coding rate per generation (bits), and the prior standard deviation of the original mean.
R = sp.Symbol("R", positive=True)
s = sp.Symbol("s", positive=True)
#: The standardised source value a conditional result is stated at (W_0 = X / sigma0).
x = sp.Symbol("x", real=True)
mu0 = sp.Symbol("mu0", real=True)

A_R = PositiveReal("R", R)
A_S = PositiveReal("s", s)
A_X = RealNumber("x", x)
A_SIGMA0 = PositiveReal("sigma0", sigma0)
A_MU0 = RealNumber("mu0", mu0)
A_T = IntegerAtLeast("t", t, 0)
A_T1 = IntegerAtLeast("t", t, 1)
A_N1 = IntegerAtLeast("n", n, 1)
A_N4 = IntegerAtLeast("n", n, 4)
A_DDOF = OneOf("ddof", ddof, (0, 1))


class Distortion(sp.Function):
    """The mean squared error E[(X - Xhat_t)^2] of the reconstruction after t codings."""

    nargs = 1

    def _latex(self, printer, exp=None):
        out = r"D_{%s}" % printer._print(self.args[0])
        return out if exp is None else r"{%s}^{%s}" % (out, exp)

    def _sympystr(self, printer):
        return "D_%s" % printer._print(self.args[0])


class CategoricalKL(RandomSequence):
    """KL(p_t || p0) in bits for the categorical refit (arg: the generation)."""

    def definition(self):
        """sum_i p_{i,t} log(p_{i,t} / p0_i) / log 2 in the refit's state, each term written
        log(p_{i,t}^p_{i,t} / p0_i^p_{i,t}): the same for p_{i,t} > 0, and 0 at p_{i,t} = 0 (0^0 = 1),
        the convention 0 log 0 = 0, with no logarithm of 0 (for p0 of full support)."""
        share = C.WRIGHT_FISHER.at(self.args[0])[C.SHARE]
        return bits(sp.Sum(sp.log(share**share / p0[i] ** share), (i, 1, K)))

    def _latex(self, printer, exp=None):
        out = r"\mathrm{KL}\left(p_{%s} \,\|\, p_{0}\right)" % printer._print(self.args[0])
        return out if exp is None else r"{%s}^{%s}" % (out, exp)

    def _sympystr(self, printer):
        return "KL(p_%s || p0)" % printer._print(self.args[0])


def presented(expr, form):
    """``form`` when sympy shows it equal to ``expr`` (a reader's grouping of a derived value), else ``expr``."""
    return form if sp.simplify(sp.expand_log(expr - form, force=True)) == 0 else expr


class CategoricalReverseKL(RandomSequence):
    """KL(p0 || p_t) for the categorical refit (arg: the generation); infinite once a category is lost."""

    def _latex(self, printer, exp=None):
        out = r"\mathrm{KL}\left(p_{0} \,\|\, p_{%s}\right)" % printer._print(self.args[0])
        return out if exp is None else r"{%s}^{%s}" % (out, exp)

    def _sympystr(self, printer):
        return "KL(p0 || p_%s)" % printer._print(self.args[0])


def bits(nats):
    """A quantity in nats, in bits."""
    return nats / sp.log(2)


def gaussian_channel_bits(gain2, noise, prior=1):
    """I(A; B) in bits for B = g A + N, A ~ N(., prior), N ~ N(0, noise) independent of A, g^2 = gain2:
    h(B) - h(B | A), each entropy integrated by :func:`~.lemmas.gaussian_entropy`; returned as
    (log(1 + signal / noise) / (2 log 2), h(B), h(B | A))."""
    marginal = lemmas.gaussian_entropy(0, sp.sqrt(gain2 * prior + noise))
    conditional = lemmas.gaussian_entropy(0, sp.sqrt(noise))
    ratio = sp.simplify(sp.exp(2 * sp.expand_log(marginal - conditional, force=True)))
    signal = sp.simplify(sp.expand(ratio - 1))
    if sp.simplify(1 / ratio - 1 + signal / ratio) != 0:  # pragma: no cover - the algebra above
        raise ValueError("the two entropies do not differ by a log ratio")
    # log(1 + snr) reads better than log(1/(1 - r)) only when the ratio is not a reciprocal.
    shown = sp.log(1 + signal) if sp.count_ops(sp.log(1 + signal)) <= sp.count_ops(sp.log(ratio)) else \
        -sp.log(sp.simplify(1 / ratio))
    return shown / (2 * sp.log(2)), marginal, conditional


# --- the refitted mean with known variance ----------------------------------------------------------
MU, Z = sp.symbols("mu Z")
KNOWN_VARIANCE = Model(
    "known_variance", family=FAMILY, params=[A_N1, A_SIGMA0, A_MU0],
    state={MU: mu0}, draws={Z: Normal(0, 1)}, step={MU: MU + sigma0 * Z / sp.sqrt(n)},
    references=(COVER_THOMAS,),
    summary="Only the mean is refitted, the standard deviation sigma0 is known: the mean of n samples of "
            "N(mu_t, sigma0^2) is mu_t + sigma0 Z / sqrt(n).")

MEAN_NOISE = KNOWN_VARIANCE.expectation(
    (MU - mu0) ** 2, "information.mean_channel_noise", "Noise of the refitted mean (known variance)",
    assumptions=(A_N1, A_T, A_SIGMA0, A_MU0), lazy=True,
    summary="Given where it started, the refitted mean has wandered by t sigma0^2 / n in mean square: the noise "
            "of the channel from mu_0 to mu_t.")

#: The prior mean of the original mean (the information does not depend on it).
m = sp.Symbol("m", real=True)
PRIOR = sp.Symbol("P")
MEAN_CHANNEL = Model(
    "mean_channel", family=FAMILY, params=[A_N1, A_SIGMA0, RealNumber("m", m), A_S],
    state={MU: PRIOR}, draws={Z: Normal(0, 1)}, step={MU: MU + sigma0 * Z / sp.sqrt(n)}, start={PRIOR: Normal(m, s**2)},
    references=(COVER_THOMAS,),
    summary="The refit of known_variance with a prior on where it starts: mu_0 ~ N(m, s^2), drawn once and "
            "independently of the refits' samples.")

# --- the re-encoded Gaussian source -----------------------------------------------------------------
#: Fraction of the source variance the optimal test channel at R bits keeps: 1 - 2^(-2R).
KEEP = 1 - 2 ** (-2 * R)
W = sp.Symbol("w")
TEST_CHANNEL = Model(
    "test_channel", family=FAMILY, params=[A_R, A_X],
    state={W: x}, draws={Z: Normal(0, 1)}, step={W: sp.sqrt(KEEP) * W + 2 ** (-R) * Z},
    references=(COVER_THOMAS, SHANNON),
    summary="The optimal Gaussian test channel at R bits codes a N(0, v) source as c X + N(0, c (1 - c) v), "
            "c = 1 - 2^(-2R). Divided by its standard deviation, the reconstruction after t codings is w_t, "
            "with w_0 = x the standardised source value and w_{t+1} = sqrt(c) w_t + 2^(-R) Z.")

RECODING = Model(
    "recoding", family=FAMILY, params=[A_R], state={W: PRIOR}, draws={Z: Normal(0, 1)},
    step={W: sp.sqrt(KEEP) * W + 2 ** (-R) * Z}, start={PRIOR: Normal(0, 1)}, references=(COVER_THOMAS, SHANNON),
    summary="The test channel's re-coding with the source drawn: w_0 = X / sigma0 ~ N(0, 1), drawn once and "
            "independently of the codings' noise.")

CHANNEL_SECOND_MOMENT = TEST_CHANNEL.expectation(
    W**2, "information.test_channel_second_moment", "Second moment of the re-encoded source (standardised)",
    assumptions=(A_R, A_T, A_X), lazy=True,
    summary="Given the source value x, the standardised reconstruction after t codings has E[w_t^2] = "
            "c^t x^2 + 1 - c^t with c = 1 - 2^(-2R): the signal kept (c^t x^2) and the noise the codings added.")

# --- the refitted Gaussian, as a code ---------------------------------------------------------------
SIGMA, X_DRAW = sp.symbols("sigma X")
GAUSSIAN_CODE = Model(
    "gaussian_code", family=FAMILY, params=[IntegerAtLeast("n", n, 2), A_DDOF, A_SIGMA0],
    state={MU: 0, SIGMA: sigma0}, draws={Z: Normal(0, 1), X_DRAW: ChiSquare(n - 1)},
    step={MU: MU + SIGMA * Z / sp.sqrt(n), SIGMA: SIGMA * sp.sqrt(X_DRAW / (n - ddof))},
    references=(SHUMAILOV, COVER_THOMAS),
    summary="The Gaussian refit (gaussian) started at N(0, sigma0^2): code lengths do not depend on where the "
            "original is centred.")

GAUSSIAN_CODE.quantity(
    bits(GAUSSIAN_CODE.E(KLN(0, sigma0, MU, SIGMA))), "information.description_length",
    "Extra code length of original data under the generation-t Gaussian (bits per symbol)",
    assumptions=(A_N4, A_T, A_DDOF, A_SIGMA0), lazy=True,
    summary="Coding data from the original N(mu0, sigma0^2) with the code that is optimal for generation t "
            "costs the cross-entropy instead of the entropy; the excess, in bits per symbol, is the KL divergence "
            "of generation t from the original. Its expectation grows without bound in t for both estimators: "
            "every refit makes the model a worse code for the data it came from. Needs n >= 4 (E[1/X] finite).")


def _law(model, variable):
    """The declared update of ``variable`` written with the random quantities at t and t + 1."""
    now = {**model.at(), **model.draw_at()}
    return sp.Eq(variable.xreplace(model.at(t + 1)), model.step[variable].xreplace(now))


# --- mutual information of the chains ---------------------------------------------------------------
def gaussian_chain_recipe(model, variable, nats, scale=(1, 1)):
    """The kernel's recipe for I(a S_0; b S_t) / log 2 = nats / log 2, S = ``variable`` a linear Gaussian
    chain of ``model`` started at random: the axiom gaussian_chain_information (the kernel reads the
    chain and its start off the law), then scaling by the constants ``scale`` = (a, b), then bits."""
    from .recipes import Claim, ProofStep
    start, now = model.at(0)[variable], model.at()[variable]
    a, b = scale
    bits_statement = sp.Eq(MutualInformation(a * start, b * now) / sp.log(2), nats / sp.log(2))
    steps = [ProofStep("channel", sp.Eq(MutualInformation(start, now), nats), "axiom",
                       {"name": "gaussian_chain_information", "mapping": {"Y": now}},
                       text="a linear Gaussian chain started at a normal is a Gaussian channel (read off the law)")]
    if scale != (1, 1):
        steps.append(ProofStep("scaled", sp.Eq(MutualInformation(a * start, b * now), MutualInformation(start, now)),
                               "axiom", {"name": "mutual_information_scaling",
                                         "mapping": {"X": start, "Y": now, "a": a, "b": b}},
                               text="scaling by constants keeps the information"))
    steps.append(ProofStep("statement", bits_statement, "rewrite", {}, tuple(st.label for st in steps[::-1]),
                           text="in bits"))
    return Claim(bits_statement, tuple(steps), "Gaussian channel")


def _mean_channel():
    noise_result = get("information.mean_channel_noise")
    noise = noise_result.closed_form
    now = MEAN_CHANNEL.at()[MU]
    start = now.subs(t, 0)
    lhs = MutualInformation(start, now) / sp.log(2)
    value, marginal, conditional = gaussian_channel_bits(1, noise, s**2)
    recipe = gaussian_chain_recipe(MEAN_CHANNEL, MU, sp.expand_log(value * sp.log(2)))
    drop = sp.simplify(value - value.subs(t, t + 1))
    limit = sp.limit(value, t, sp.oo)
    tail = sp.limit(value * t, t, sp.oo)
    steps = [
        DerivationStep("Law of the refit: mu_{t+1} = mu_t + sigma0 Z_t / sqrt(n) with Z_t ~ N(0, 1) independent, "
                       "so given mu_0 the mean mu_t is normal", _law(KNOWN_VARIANCE, MU)),
        DerivationStep("Its noise, proved by the kernel (information.mean_channel_noise)", noise_result.statement),
        DerivationStep("mu_0 ~ N(m, s^2) independently of the steps: the entropy of mu_t (Gaussian entropy, "
                       "by integration), in nats", sp.Eq(sp.Symbol("h(mu_t)"), marginal)),
        DerivationStep("and the entropy of mu_t given mu_0, in nats", sp.Eq(sp.Symbol("h(mu_t | mu_0)"), conditional)),
        DerivationStep("I = h(mu_t) - h(mu_t | mu_0), divided by log 2 for bits", sp.Eq(lhs, value)),
        DerivationStep("Bits lost by the refit from t to t + 1 (positive: data processing)",
                       sp.Eq(sp.Symbol("I_t - I_{t+1}"), drop)),
        DerivationStep("As t -> oo the mean forgets where it started, like n s^2 / (2 t sigma0^2 log 2)",
                       sp.Eq(sp.Limit(value * t, t, sp.oo), tail)),
    ]
    # Derived by sympy from the proved value; no kernel proof of their own: remarks, not proved claims.
    d = Derivation(recipe.relation, value, steps,
                   remarks={"decay": sp.Gt(drop, 0), "limit": sp.Eq(sp.Limit(lhs, t, sp.oo), limit),
                            "rate": sp.Eq(sp.Limit(t * lhs, t, sp.oo), tail)})
    d.facts.update(noise=noise, recipe=recipe)
    return d


def _rate_distortion():
    moment = get("information.test_channel_second_moment")
    second = sp.expand(moment.closed_form)
    # The step is affine in w with a fixed slope and noise independent of w, so w_t = g_t x + N_t with
    # N_t independent of the source: E[w_t^2 | x] = g_t^2 x^2 + Var N_t. Read both off the proved moment.
    gain2 = sp.simplify(second.coeff(x, 2))
    noise = sp.simplify(second.coeff(x, 0))
    # Shown with one base, c^t with c = 1 - 2^(-2R), once sympy agrees it is the same function.
    if sp.simplify(gain2 - KEEP**t) == 0 and sp.simplify(noise - (1 - KEEP**t)) == 0:
        gain2, noise = KEEP**t, 1 - KEEP**t
    value, marginal, conditional = gaussian_channel_bits(gain2, noise)
    value = presented(value, -sp.log(noise) / (2 * sp.log(2)))
    recipe = gaussian_chain_recipe(RECODING, W, sp.expand(value * sp.log(2)), scale=(sigma0, sigma0 * KEEP ** (t / 2)))
    # The reconstruction is sigma0 c^(t/2) w_t (its standard deviation is sigma0 c^(t/2)), so
    # E[(X - Xhat_t)^2 | x] = sigma0^2 (x^2 - 2 c^(t/2) g_t x^2 + c^t E[w_t^2 | x]), with g_t = c^(t/2) and
    # E[x^2] = 1 over the standard normal source.
    kept = sp.Symbol("k_t", positive=True)      # c^t, which is also g_t^2
    conditional_distortion = sigma0**2 * (x**2 - 2 * kept * x**2 + kept * (kept * x**2 + 1 - kept))
    distortion = sp.factor(sp.expand(conditional_distortion).subs(x**2, 1)).subs(kept, gain2)
    distortion = presented(distortion, sigma0**2 * noise)
    variance = sigma0**2 * gain2
    drop = value - value.subs(t, t + 1)
    drop = presented(drop, sp.log(noise.subs(t, t + 1) / noise) / (2 * sp.log(2)))
    source, recon = sp.Symbol("X"), State(sp.core.symbol.Str("Xhat"), t)
    lhs = MutualInformation(source, recon)
    proved = recipe.relation.lhs
    at_one = sp.simplify(sp.expand_log(value.subs(t, 1), force=True))
    steps = [
        DerivationStep("Optimal Gaussian test channel at R bits for a N(0, v) source: Xhat = c X + N(0, c (1 - c) v), "
                       "c = 1 - 2^(-2R), distortion (1 - c) v = v 2^(-2R) (Shannon; Cover and Thomas Thm 10.3.2). "
                       "Standardised, w_t = Xhat_t / (sigma0 c^(t/2)) with w_0 = X / sigma0, each re-coding is the "
                       "declared step", sp.Eq(W, TEST_CHANNEL.step[W])),
        DerivationStep("Its second moment given w_0 = x, proved by the kernel (information.test_channel_second_moment)",
                       moment.statement),
        DerivationStep("The step is affine in w with a fixed slope and noise independent of w: w_t = g_t x + N_t. "
                       "The coefficient of x^2 is the signal g_t^2, the rest the noise Var N_t",
                       sp.Eq(sp.Symbol("(g_t^2, Var N_t)"), sp.Tuple(gain2, noise))),
        DerivationStep("w_0 ~ N(0, 1): entropy of w_t (nats, by integration)", sp.Eq(sp.Symbol("h(w_t)"), marginal)),
        DerivationStep("and of w_t given the source (nats)", sp.Eq(sp.Symbol("h(w_t | X)"), conditional)),
        DerivationStep("w_0 ~ N(0, 1) is drawn once, independently of the codings' noise (the law's start draw): "
                       "the chain is a Gaussian channel, I(w_0; w_t) = h(w_t) - h(w_t | w_0), in nats (proved by the "
                       "kernel, axiom gaussian_chain_information)", recipe.steps[0].relation),
        DerivationStep("X = sigma0 w_0 and Xhat_t = sigma0 c^(t/2) w_t: scaling by constants keeps the information "
                       "(axiom mutual_information_scaling); in bits", sp.Eq(proved, value)),
        DerivationStep("At t = 1 the channel meets the rate-distortion function: R bits", sp.Eq(lhs.subs(t, 1), at_one)),
        DerivationStep("Distortion: E[(X - Xhat_t)^2 | x] from the signal and the noise, then E[x^2] = 1",
                       sp.Eq(Distortion(t), distortion)),
        DerivationStep("Variance of the reconstruction", sp.Eq(Var(recon), variance)),
        DerivationStep("Bits lost by the re-coding from t to t + 1", sp.Eq(sp.Symbol("I_t - I_{t+1}"), drop)),
    ]
    # Derived by sympy from the proved value and moment; no kernel proof of their own: remarks, not proved claims.
    remarks = {"distortion": sp.Eq(Distortion(t), distortion), "reconstruction_variance": sp.Eq(Var(recon), variance),
               "bits_lost_per_generation": sp.Eq(sp.Symbol("I_t - I_{t+1}"), drop),
               "first_coding": sp.Eq(lhs.subs(t, 1), at_one)}
    d = Derivation(recipe.relation, value, steps, remarks=remarks)
    d.facts.update(distortion=distortion, variance=variance, drop=drop, gain2=gain2, noise=noise, recipe=recipe)
    return d


# --- the categorical refit: expected divergence and entropy loss ------------------------------------
def categorical_kl_closed():
    """(H(p0) - sum_i sum_c Binomial(n, p0_i)(c) sum_c' P^(t-1)[c, c'] eta(c'/n)) / log 2."""
    c2 = sp.Symbol("d", integer=True, nonnegative=True)
    from .symbols import WF
    expected_eta = sp.Sum(C.binomial_pmf(p0[i]) * sp.Sum(WF(n, t - 1, c, c2) * negxlogx(c2 / n), (c2, 0, n)),
                          (c, 0, n))
    h0 = sp.Sum(negxlogx(p0[i]), (i, 1, K))
    return bits(h0 - sp.Sum(expected_eta, (i, 1, K)))


#: p0 of full support (entries > 0): log p0_i is finite, so the cross-entropy sum_i p_{i,t} log p0_i is.
A_P0_FULL = C.ProbabilityVector("p0", p0, K, full_support=True)


def entropy_identity_recipe():
    """The kernel's recipe for E[KL(p_t || p0)] = (H(p0) - E[H(p_t)]) / log 2 under the categorical law:
    pathwise, p log(p / p0) = -eta(p) - p log p0 term by term (eta(p) = -p log p, 0 at p = 0), so KL(p_t
    || p0) = X_t - H(p_t) with the cross-entropy X_t = -sum_i p_{i,t} log p0_i >= 0; E[X_t] = H(p0) from
    E[p_{i,t}] = p0_i (categorical.mean, cited) and linearity; then linearity once more, keeping E[H(p_t)]
    (H(p_t) >= 0, so E[H(p_t)] is a number in [0, oo] and nothing is oo - oo)."""
    from .recipes import Claim, ProofStep
    share = C.WRIGHT_FISHER.at()[C.SHARE]
    term = sp.log(share**share / p0[i] ** share)      # p log(p / p0), 0 at p = 0
    cross_term = -share * sp.log(p0[i])               # -p log p0 >= 0
    eta = negxlogx(share)

    def total(f):
        return sp.Sum(f, (i, 1, K))
    H0, H, X = total(negxlogx(p0[i])), total(eta), total(cross_term)
    kl = CategoricalKL(t)
    statement = sp.Eq(E(kl), bits(H0 - E(H)))
    return Claim(statement, (
        ProofStep("split", sp.Eq(term, cross_term - eta), "algebra",
                  text="p log(p / p0) = -p log p0 - eta(p), 0 = 0 at p = 0"),
        ProofStep("split_sum", sp.Eq(total(term), total(cross_term - eta)), "sum_over", {}, ("split",),
                  text="summed over the categories"),
        ProofStep("divergence", sp.Eq(total(term), X - H), "rewrite", {}, ("split_sum",),
                  text="KL(p_t || p0) = X_t - H(p_t) in nats, X_t the cross-entropy of p_t against p0"),
        ProofStep("mean_term", sp.Eq(E(cross_term), negxlogx(p0[i])), "linearity",
                  {"coefficients": (-sp.log(p0[i]),)}, ("cite:categorical.mean",),
                  text="E[p_{i,t}] = p0_i (categorical.mean) times the constant -log p0_i"),
        ProofStep("cross_sum", sp.Eq(E(X), total(E(cross_term))), "expect_sum",
                  text="the expectation of a finite sum of terms >= 0"),
        ProofStep("cross_summed", sp.Eq(total(E(cross_term)), H0), "sum_over", {}, ("mean_term",),
                  text="summed over the categories"),
        ProofStep("cross", sp.Eq(E(X), H0), "rewrite", {}, ("cross_sum", "cross_summed"),
                  text="E[X_t] = H(p0): the cross-entropy is H(p0) on average"),
        ProofStep("linear", sp.Eq(E(bits(X - H)), bits(H0 - E(H))), "linearity",
                  {"coefficients": (1 / sp.log(2),), "kept": ((-1 / sp.log(2), H),)}, ("cross",),
                  text="linearity, E[H(p_t)] kept (H(p_t) >= 0)"),
        ProofStep("identity", statement, "rewrite", {"source": True}, ("divergence", "linear"),
                  text="KL(p_t || p0) = X_t - H(p_t) inside the expectation"),
    ), "Expected divergence and entropy loss")


def _categorical_kl():
    lhs = E(CategoricalKL(t))
    closed = categorical_kl_closed()
    kl = sp.Sum(pc(i, t) * sp.log(pc(i, t) / p0[i]), (i, 1, K))
    recipe = entropy_identity_recipe()
    identity = recipe.relation
    steps = [
        DerivationStep("Definition (nats), with 0 log 0 = 0", sp.Eq(sp.Symbol("KL(p_t || p0)"), kl)),
        DerivationStep("Split the logarithm: KL(p_t || p0) = -H(p_t) - sum_i p_{i,t} log p0_i; the second sum is "
                       "linear in p_t and E[p_{i,t}] = p0_i (categorical.mean, proved): the expected divergence is "
                       "the expected entropy loss (proved by the kernel for p0 of full support)", identity),
        DerivationStep("Category i against the rest is a two-category Wright-Fisher chain on {0, ..., n}: the first "
                       "refit draws Binomial(n, p0_i), then t - 1 steps of the chain (Chapman-Kolmogorov). Exact for "
                       "every K, a finite sum", sp.Eq(lhs, closed)),
        DerivationStep("The reverse divergence KL(p0 || p_t) = sum p0_i log(p0_i / p_{i,t}) is infinite on the event "
                       "that a category with p0_i > 0 is lost, of probability >= (1 - p0_i)^n > 0 at t = 1 "
                       "(categorical.loss_one_step) when p0_i < 1: its expectation is infinite",
                       sp.Eq(E(CategoricalReverseKL(t)), sp.oo)),
    ]
    return Derivation(sp.Eq(lhs, closed), closed, steps,
                      claims={"identity": identity,
                              "reverse_infinite": sp.Eq(E(CategoricalReverseKL(t)), sp.oo)},
                      facts={"recipes": {"identity": recipe}, "law": C.WRIGHT_FISHER,
                             "for_all": (A_P0_FULL, C.A_T)})


#: Work bound for the exact chain: (t - 1) (n + 1)^2 multiply-adds per category count vector.
MAX_CATEGORICAL_WORK = 2 * 10**7


def expected_entropy_by_chain(probs, n_, ts, dps=None):
    """E[H(p_t)] in nats for each t in ``ts`` (>= 1), exact: one category against the rest.

    With ``dps`` None in float64 (numpy), else in mpmath at ``dps`` digits. One pass of
    max(ts) - 1 products with the transition matrix of the two-category chain.
    """
    import numpy as np
    from .wright_fisher import transition_matrix
    ts = sorted(set(int(v) for v in ts))
    if (ts[-1] - 1) * (n_ + 1) ** 2 > MAX_CATEGORICAL_WORK:
        raise ValueError(f"t = {ts[-1]} with n = {n_} is too large for the exact chain ((t - 1)(n + 1)^2 must be "
                         f"<= {MAX_CATEGORICAL_WORK:g}); use a Monte Carlo estimate")
    out = {}
    if dps is None:
        P = transition_matrix(n_)
        counts = np.arange(n_ + 1)
        f = np.where(counts > 0, -(counts / n_) * np.log(np.where(counts > 0, counts / n_, 1.0)), 0.0)
        from scipy import stats
        first = np.array([stats.binom.pmf(counts, n_, q) for q in probs])
        u, done = f.copy(), 1
        for target in ts:
            while done < target:
                u = P @ u
                done += 1
            out[target] = float((first @ u).sum())
        return out
    with mpmath.workdps(dps):
        P = transition_matrix(n_, dps)
        f = mpmath.matrix([[0 if k == 0 else -(mpmath.mpf(k) / n_) * mpmath.log(mpmath.mpf(k) / n_)]
                           for k in range(n_ + 1)])
        first = [[mpmath.binomial(n_, k) * mpmath.mpf(q) ** k * (1 - mpmath.mpf(q)) ** (n_ - k) for k in range(n_ + 1)]
                 for q in probs]
        u, done = f, 1
        for target in ts:
            while done < target:
                u = P * u
                done += 1
            out[target] = mpmath.fsum(row[k] * u[k] for row in first for k in range(n_ + 1))
        return out


def _evaluate_categorical_kl(result, values, expr=None):
    probs = [mpmath.mpf(v) for v in values["p0"]]
    n_, t_ = int(values["n"]), int(values["t"])
    h0 = -mpmath.fsum(q * mpmath.log(q) for q in probs if q > 0)
    eh = expected_entropy_by_chain(probs, n_, [t_], dps=mpmath.mp.dps)[t_]
    return (h0 - eh) / mpmath.log(2)


# --- data processing --------------------------------------------------------------------------------
#: The earlier generation the data-processing inequality measures from: any k <= t.
A_K_BEFORE_T = IntegerAtLeast("k", k, 0, upper=t)


def data_processing_recipe(model):
    """The kernel's recipe for I(theta_k; theta_{t+1}) <= I(theta_k; theta_t), k <= t, with theta_t the
    whole state of ``model`` at t: the chain rule expands I(theta_k; (theta_t, theta_{t+1})) both ways,
    the Markov property of the law gives I(theta_k; theta_{t+1} | theta_t) = 0, and the other
    conditional information is non-negative. Mutual information may be infinite, so the proof only
    substitutes equals and never subtracts."""
    from .recipes import Claim, ProofStep

    def whole(at):
        return Joint(*(at[s_] for s_ in model.state)) if len(model.state) > 1 else at[next(iter(model.state))]
    start, theta, after = whole(model.at(k)), whole(model.at()), whole(model.at(t + 1))
    info, cond = MutualInformation, ConditionalMutualInformation
    pair = Joint(theta, after)
    statement = sp.Le(info(start, after), info(start, theta))
    chain = "mutual_information_chain_rule"
    return Claim(statement, (
        ProofStep("chain_now", sp.Eq(info(start, pair), info(start, theta) + cond(start, after, theta)), "axiom",
                  {"name": chain, "mapping": {"X": start, "Y": theta, "Z": after}},
                  text="chain rule: the pair through theta_t first"),
        ProofStep("chain_next", sp.Eq(info(start, pair), info(start, after) + cond(start, theta, after)), "axiom",
                  {"name": chain, "mapping": {"X": start, "Y": after, "Z": theta}},
                  text="chain rule: the pair through theta_{t+1} first"),
        ProofStep("both", sp.Eq(info(start, after) + cond(start, theta, after), info(start, theta)
                                + cond(start, after, theta)), "rewrite", {"source": True}, ("chain_next", "chain_now"),
                  text="the two expansions of one quantity agree"),
        ProofStep("markov", sp.Eq(cond(start, after, theta), 0), "axiom",
                  {"name": "markov_refit", "mapping": {"X": start, "S": theta}},
                  text="the law reads the past through theta_t alone (Markov)"),
        ProofStep("nonnegative", sp.Le(info(start, after), info(start, after) + cond(start, theta, after)), "axiom",
                  {"name": "conditional_mutual_information_nonnegative",
                   "mapping": {"X": start, "Y": after, "Z": theta}}, text="conditional information is >= 0"),
        ProofStep("statement", statement, "rewrite", {}, ("nonnegative", "both", "markov"),
                  text="substitute the expansions and the zero"),
    ), "Data processing")


def _dpi():
    recipe = data_processing_recipe(GAUSSIAN_CODE)
    by = {st.label: st.relation for st in recipe.steps}
    steps = [
        DerivationStep("The refit's whole state theta_t = (mu_t, sigma_t): the law computes theta_{t+1} from theta_t "
                       "and fresh draws, so for every k <= t the chain theta_k -> theta_t -> theta_{t+1} is Markov and "
                       "(Cover and Thomas, Sec. 2.8)", by["markov"]),
        DerivationStep("Chain rule, the pair (theta_t, theta_{t+1}) taken in either order (Thm 2.5.2)",
                       by["chain_now"]),
        DerivationStep("", by["chain_next"]),
        DerivationStep("Conditional mutual information is non-negative (Thm 2.6.3)", by["nonnegative"]),
        DerivationStep("Equal expansions with the Markov term zero: no refit adds information about an earlier "
                       "generation", recipe.relation),
    ]
    return Derivation(recipe.relation, None, steps, facts={"recipe": recipe, "for_all": (A_K_BEFORE_T,)})


def _evaluate_log1p(result, values, expr=None):
    """Evaluate with log(1 - u) as log1p(-u): I(X; Xhat_t) is tiny for large t, where 1 - u rounds to 1."""
    expr = result.closed_form if expr is None else expr
    log1p = sp.Function("log1p")
    expr = expr.replace(lambda e: isinstance(e, sp.log), lambda e: log1p(sp.expand(e.args[0] - 1)))
    f = sp.lambdify(result.symbols, expr, modules=[{"log1p": mpmath.log1p}, "mpmath"])
    return f(*(values[p] for p in result.parameters))


def _no_value(result, values, expr=None):
    raise ValueError(f"{result.id} is a theorem without a numerical value")


_dpi_result = Result(
    "information.dpi", "Data processing: no refit adds information about the original", FAMILY, (), _dpi,
    [COVER_THOMAS], evaluator=_no_value,
    summary="The information the fitted model carries about an earlier generation's model (any k <= t, so also a "
            "start drawn at random) can only fall from one generation to the next: the refit sees the past only "
            "through the current model. Proved by the kernel for the Gaussian refit's law from the chain rule, the "
            "non-negativity of conditional mutual information and the Markov property, which the kernel checks "
            "against the law; the same proof goes through for every declared model whose state is not indexed. "
            "Filters or selections applied to generated samples are more processing, and cannot undo the fall.")
_dpi_result.model, _dpi_result.target = GAUSSIAN_CODE, None
for _r in [
    _dpi_result,
    Result("information.rate_distortion_chain", "Bits kept by a source re-coded every generation", FAMILY,
           (A_R, A_T1, A_SIGMA0), _rate_distortion, [COVER_THOMAS, SHANNON], evaluator=_evaluate_log1p,
           summary="The formal version of saving a lossy file again and again: a Gaussian source coded at R bits "
                   "keeps R bits after one coding, and -log2(1 - (1 - 2^(-2R))^t) / 2 after t, falling to 0; the "
                   "distortion climbs to sigma0^2 and the reconstruction's variance shrinks to 0."),
    Result("information.gaussian_mean_channel", "Bits the refitted mean keeps about the original mean", FAMILY,
           (A_N1, A_T1, A_S, A_SIGMA0), _mean_channel, [COVER_THOMAS, SHUMAILOV], evaluator=_evaluate_log1p,
           summary="With the variance known and only the mean refitted, the mean after t generations is the original "
                   "mean plus noise of variance t sigma0^2 / n: a Gaussian channel whose capacity falls like 1/t. "
                   "The refitted model forgets where it started."),
    Result("information.categorical_kl", "Expected divergence from the original (categorical, bits)", FAMILY,
           (C.A_P0, C.A_N, A_T1), _categorical_kl, [COVER_THOMAS, C.WRIGHT], evaluator=_evaluate_categorical_kl,
           summary="E[KL(p_t || p0)] equals the expected entropy lost, H(p0) - E[H(p_t)], in bits: exact for the chain "
                   "(one category against the rest), rising to H(p0) as one category takes all the mass. The "
                   "reverse divergence E[KL(p0 || p_t)] is infinite from the first refit on, as soon as a category "
                   "can be lost."),
]:
    register(_r)

_RECODING_RESULT = get("information.rate_distortion_chain")
_RECODING_RESULT.model, _RECODING_RESULT.target = RECODING, None
_MEAN_CHANNEL_RESULT = get("information.gaussian_mean_channel")
_MEAN_CHANNEL_RESULT.model, _MEAN_CHANNEL_RESULT.target = MEAN_CHANNEL, None
_CATEGORICAL_KL = get("information.categorical_kl")
_CATEGORICAL_KL.status = "exact computation"
_CATEGORICAL_KL.proved_claims = ("identity",)
_CATEGORICAL_KL.status_note = (
    "the value is an exact finite sum over the two-category Wright-Fisher chain of each category, which the kernel "
    "does not carry; the claim identity, E[KL(p_t || p0)] = (H(p0) - E[H(p_t)]) / log 2, is proved by the kernel "
    "for every t >= 0 and p0 of full support (entries > 0; with p0_i = 0 the category stays at 0 and contributes "
    "0 log 0 = 0 to both sides, a reduction to the support the kernel does not carry); the claim reverse_infinite "
    "is derived, not proved")


@functools.lru_cache(maxsize=None)
def information_ids() -> tuple:
    """The ids of this module's results, in registration order."""
    from .registry import results
    return tuple(r.id for r in results(FAMILY))

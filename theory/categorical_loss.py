"""Categorical refitting: categories lost in one generation, and survival over many.

A category whose count is zero is gone for good: no later generation can sample it. The
probability of a zero count is read off the moment-generating function, P(C = 0) =
lim_{s -> -oo} E[exp(s C)], and summing indicators gives the expected number of lost
categories and the expected mass they carried (the tail a refit cuts off).

Survival over t generations has no closed form. It is *exact* for the chain: category i
against the rest is itself a two-category Wright-Fisher chain on the counts {0, ..., n}
(the count of i given generation t is Binomial(n, p_{i,t}), whatever the other shares
are), so P(p_{i,t} > 0) is a finite sum against the (t-1)-step transition matrix, computed
exactly by :func:`~modelcollapse.theory.wright_fisher.transition_column`.

Examples
--------
>>> from modelcollapse import theory
>>> r = theory.get("categorical.loss_one_step")
>>> r.statement
Eq(E[Sum(1{p_{i,1} = 0}, (i, 1, K))], Sum((1 - p0[i])**n, (i, 1, K)))
>>> abs(r(p0=[0.5, 0.5], n=3) - 2 * 0.5**3) < 1e-15
True
>>> s = theory.get("categorical.survival")
>>> abs(s(p0=[0.5, 0.5], n=3, t=1, i=1) - (1 - 0.5**3)) < 1e-15
True
"""

from __future__ import annotations

import sympy as sp

from . import categorical as C
from .assumptions import check_int, check_real
from .registry import get
from .result import Derivation, DerivationStep, Reference, Result
from .symbols import E, WF, K, c, i, j, lost, mgf_s, n, p0, pc, t, zipf_s

MGF0 = sp.Eq(E(sp.exp(mgf_s * n * pc(i, 1))), C.LAW["mgf"].rhs.subs(t, 0).subs(pc(i, 0), p0[i]))

DOHMATOB = Reference("Dohmatob, Feng, Yang, Charton, Kempe", 2024, "A tale of tails: model collapse as a change "
                     "of scaling laws", "ICML 2024 (arXiv:2402.07043)")
KEMENY_SNELL = Reference("Kemeny, J. G. and Snell, J. L.", 1960, "Finite Markov Chains", "Van Nostrand",
                         "Ch. II (Chapman-Kolmogorov) and Ch. III (absorbing chains)")


def zero_probability():
    """P(category i has count 0 after the first refit), as the MGF's limit at s -> -oo."""
    return sp.Eq(E(lost(i, 1)), sp.limit(MGF0.rhs, mgf_s, -sp.oo))


def _lost_sum(weight):
    zero = zero_probability()
    lhs = E(sp.Sum(weight * lost(i, 1), (i, 1, K)))
    closed = sp.Sum(weight * zero.rhs, (i, 1, K))
    steps = [
        DerivationStep("Binomial MGF of the first refit's count (law at t = 0, p_{i,0} = p0_i)", MGF0),
        DerivationStep("P(C = 0) = lim_{s -> -oo} E[exp(s C)] (dominated convergence; sympy.limit)", zero),
        DerivationStep("Linearity over the categories", sp.Eq(lhs, closed)),
    ]
    return Derivation(sp.Eq(lhs, closed), closed, steps, facts={"zero": zero, "mgf0": MGF0})


def _loss_one_step():
    return _lost_sum(sp.S.One)


def zipf(K_, s_):
    """Zipf(s) over K categories: p_i proportional to i^-s (a tuple of floats)."""
    K_ = check_int("K", K_, lower=1)
    s_ = check_real("s", s_, nonnegative=True)
    w = [(m + 1) ** -s_ for m in range(K_)]
    total = sum(w)
    return tuple(v / total for v in w)


def _tail_loss():
    d = _lost_sum(p0[i])
    zp = i ** -zipf_s / sp.Sum(j ** -zipf_s, (j, 1, K))
    zipf_form = d.closed_form.xreplace({p0[i]: zp})
    d.steps.append(DerivationStep("For Zipf(s) over K categories, p0_i = i^-s / sum_j j^-s "
                                  "(theory.categorical_loss.zipf builds p0)", sp.Eq(sp.Symbol("L_Zipf"), zipf_form)))
    d.facts["zipf"] = zipf_form
    return d


def survival_closed(prob=p0[i]):
    """1 - sum_c Binomial(n, prob)(c) (P^{t-1})_{c,0}: the chain's exact survival probability."""
    return 1 - sp.Sum(C.binomial_pmf(prob) * WF(n, t - 1, c, 0), (c, 0, n))


def _survival():
    closed = survival_closed()
    lhs = E(1 - lost(i, t))
    steps = [
        DerivationStep("Category i against the rest: given generation t its count is Binomial(n, p_{i,t}), "
                       "a function of p_{i,t} alone, so n p_{i,t} is a two-category Wright-Fisher chain",
                       C.LAW["pmf"]),
        DerivationStep("Chapman-Kolmogorov: first refit from p0_i, then t - 1 steps of the chain; zero is "
                       "absorbing, so present at t means count > 0 at t. Exact for the chain (a finite sum, "
                       "evaluated with the transition matrix), not a diffusion approximation", sp.Eq(lhs, closed)),
        DerivationStep("At t = 1 it is 1 - (1 - p0_i)^n (categorical.loss_one_step, one category)",
                       sp.Eq(lhs.subs(t, 1), closed.subs(t, 1).doit())),
    ]
    return Derivation(sp.Eq(lhs, closed), closed, steps,
                      claims={"one_step": sp.Eq(lhs.subs(t, 1), sp.simplify(closed.subs(t, 1).doit()))})


def _surviving():
    lhs = E(sp.Sum(1 - lost(i, t), (i, 1, K)))
    closed = sp.Sum(get("categorical.survival").closed_form, (i, 1, K))
    steps = [DerivationStep("Linearity over the categories, with categorical.survival (exact for the chain)",
                            sp.Eq(lhs, closed))]
    return Derivation(sp.Eq(lhs, closed), closed, steps)


# Not proved by the kernel: each is an exact computation attached to the categorical model as an
# extension, and says why.
_CHAIN = ("computed exactly from the Wright-Fisher transition matrix (Chapman-Kolmogorov); the chain is not "
          "carried by the kernel")
_MGF = "derived by sympy from the binomial MGF; the kernel does not yet carry indicator events"
_NOTES = {"categorical.loss_one_step": "the sum of (1 - p0_i)^n is " + _MGF, "categorical.survival": _CHAIN,
          "categorical.surviving": _CHAIN, "categorical.tail_loss": _MGF}
for _r in [
    Result("categorical.loss_one_step", "Categories lost in one generation", C.FAMILY, (C.A_P0, C.A_N),
           _loss_one_step, [C.WRIGHT, DOHMATOB], evaluator=C._evaluate,
           summary="Each category is missing from the n samples with probability (1 - p0_i)^n, and once missing it "
                   "never comes back: rare categories go first."),
    Result("categorical.survival", "Survival of a category (exact, by the chain)", C.FAMILY,
           (C.A_P0, C.A_N, C.A_T1, C.A_I), _survival, [C.WRIGHT, KEMENY_SNELL], evaluator=C._evaluate,
           summary="The probability that category i is still present after t refits, exact for the chain: "
                   "it falls from 1 - (1 - p0_i)^n after one refit towards the fixation probability p0_i."),
    Result("categorical.surviving", "Expected number of surviving categories (exact, by the chain)", C.FAMILY,
           (C.A_P0, C.A_N, C.A_T1), _surviving, [C.WRIGHT, KEMENY_SNELL], evaluator=C._evaluate,
           summary="How many categories are left after t refits, on average: it falls towards 1, the support "
                   "of every run can only shrink, generation by generation."),
    Result("categorical.tail_loss", "Probability mass lost in one generation", C.FAMILY, (C.A_P0, C.A_N),
           _tail_loss, [DOHMATOB, C.SHUMAILOV], evaluator=C._evaluate,
           summary="The mass carried by the categories that the first refit misses, sum_i p0_i (1 - p0_i)^n; for "
                   "a Zipf law most of it sits in the long tail, which is what refitting cuts first."),
]:
    C.WRIGHT_FISHER.extension(_r, "exact computation", _NOTES[_r.id])

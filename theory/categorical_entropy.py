"""Categorical refitting: Shannon entropy (nats) of the fitted distribution.

One refit: E[H(p_1)] is an exact finite sum over the binomial count of every category
(eta(x) = -x log x, with eta(0) = 0). Its expansion in 1/n, H(p0) - (K+ - 1)/(2n), with K+
the number of categories of positive mass, is the Miller-Madow bias of the plug-in
estimator; it is an *approximation* (reported with its measured error, see
``Result.approximations``), derived here by sympy from the second-order Taylor term and
the binomial variance.

Many refits: E[H(p_t)] has no closed form. It is bounded above by H(p0) (eta is concave and
p_t is a martingale with mean p0, Jensen) and below by -log E[sum_i p_{i,t}^2] (Shannon
entropy exceeds collision entropy, then Jensen for the convex -log: -log E[sum_i p_{i,t}^2]
is a lower bound on the expected collision entropy E[-log sum_i p_{i,t}^2], not that
entropy itself), and the lower bound is explicit through categorical.collision. The lower
bound falls to 0; the upper bound H(p0) is constant.

Examples
--------
>>> from modelcollapse import theory
>>> r = theory.get("categorical.entropy_bounds")
>>> lo, hi = r(p0=[0.5, 0.5], n=10, t=3)
>>> import math
>>> abs(hi - math.log(2)) < 1e-15 and lo < hi
True
"""

from __future__ import annotations

import sympy as sp

from . import categorical as C
from .expectation import split_sums
from .registry import get
from .result import Approximation, Derivation, DerivationStep, Reference, Result
from .symbols import E, K, g, i, n, negxlogx, p0, pc, t, x

MILLER = Reference("Miller, G. A.", 1955, "Note on the bias of information estimates",
                   "Information Theory in Psychology: Problems and Methods, Free Press, 95-100")
COVER_THOMAS = Reference("Cover, T. M. and Thomas, J. A.", 2006, "Elements of Information Theory", "2nd ed., Wiley",
                         "Thm 2.6.2 (Jensen), Thm 2.7.3 (concavity of entropy)")


def entropy(gen):
    """H(p_gen) = sum_i eta(p_{i,gen}) (nats)."""
    return sp.Sum(negxlogx(pc(i, gen)), (i, 1, K))


H0 = sp.Sum(negxlogx(p0[i]), (i, 1, K))


def _entropy_one_step():
    pmf1 = C.LAW["pmf"].subs(t, 0).subs(pc(i, 0), p0[i])
    per = sp.Eq(E(negxlogx(pc(i, 1))), pmf1.rhs.replace(g, negxlogx))
    lhs = E(entropy(1))
    closed = sp.Sum(per.rhs, (i, 1, K))
    # Miller-Madow: second-order Taylor term of eta around p, with Var(p_1) from the MGF moments.
    q = sp.Symbol("q", positive=True)
    var = sp.factor((C.conditional_moment(2) - C.conditional_moment(1) ** 2).subs(pc(i, t), q) / n**2)
    term = sp.factor(sp.diff(negxlogx(x), x, 2).subs(x, q) / 2 * var)
    # The term applies to the categories of positive mass only (a lost category stays lost):
    # weight it by sign(p0_i), split the sum, then p0_i sign(p0_i) = p0_i and sum_i p0_i = 1.
    bias = split_sums(sp.expand(sp.Sum(sp.sign(p0[i]) * term.subs(q, p0[i]), (i, 1, K))))
    bias = bias.replace(lambda e: isinstance(e, sp.Sum), lambda e: e.func(sp.simplify(e.function), *e.limits))
    series = H0 + sp.collect(bias.subs(C.A_P0.facts()[0].lhs, 1), 1 / (2 * n))
    steps = [
        DerivationStep("The law as a probability mass function, at t = 0 with p_{i,0} = p0_i", pmf1),
        DerivationStep("Take g = eta (eta(0) = 0)", per),
        DerivationStep("Linearity over the categories: exact", sp.Eq(lhs, closed)),
        DerivationStep("Second-order Taylor term of eta around p0_i with Var[p_{i,1}] = p(1 - p)/n (sympy)",
                       sp.Eq(sp.Symbol("bias_i"), term.subs(q, p0[i]))),
        DerivationStep("Summed over the K+ categories of positive mass: the Miller-Madow series, an "
                       "approximation with error O(n^-2) for fixed p0", sp.Eq(sp.Symbol("H_series"), series)),
    ]
    approx = {"miller_madow": Approximation(series, "H(p0) - (K+ - 1)/(2n): the 1/n term of the expansion "
                                                   "(Miller 1955); K+ = categories with p0_i > 0", (MILLER,))}
    return Derivation(sp.Eq(lhs, closed), closed, steps, facts={"per_category": per, "pmf1": pmf1},
                      approximations=approx)


def _entropy_bounds():
    Ht = E(entropy(t))
    collision = get("categorical.collision").closed_form
    lower, upper = -sp.log(collision), H0
    statement = sp.And(sp.Le(Ht, upper), sp.Ge(Ht, lower))
    S = sp.Sum(pc(i, t) ** 2, (i, 1, K))
    steps = [
        DerivationStep("eta is concave: Jensen for each category, then E[p_{i,t}] = p0_i (categorical.mean)",
                       sp.Le(E(negxlogx(pc(i, t))), negxlogx(p0[i]))),
        DerivationStep("Summed over the categories", sp.Le(Ht, upper)),
        DerivationStep("Shannon entropy is at least the collision entropy (Jensen for -log under p_t)",
                       sp.Ge(entropy(t), -sp.log(S))),
        DerivationStep("Jensen for the convex -log, then categorical.collision", sp.Ge(E(-sp.log(S)), lower)),
        DerivationStep("Together", statement),
    ]
    return Derivation(statement, sp.Tuple(lower, upper), steps)


def _evaluate_bounds(result, values, expr=None):
    lo, hi = result.closed_form if expr is None else expr
    return (C._evaluate(result, values, lo), C._evaluate(result, values, hi))


# Not proved by the kernel: each is an exact computation attached to the categorical model as an
# extension, and says why.
_NOTES = {"categorical.entropy_one_step": "an exact finite sum over the binomial law of each count",
          "categorical.entropy_bounds": "both bounds are exact closed forms; their proof (Jensen, Renyi order, the "
                                        "martingale) is not yet carried by the kernel"}
for _r in [
    Result("categorical.entropy_one_step", "Expected entropy after one refit", C.FAMILY, (C.A_P0, C.A_N),
           _entropy_one_step, [MILLER, COVER_THOMAS], evaluator=C._evaluate,
           summary="One refit lowers the entropy on average by about (K+ - 1)/(2n) nats: the plug-in bias of "
                   "Miller and Madow, now paid by the model itself rather than by an estimator."),
    Result("categorical.entropy_bounds", "Bounds on the expected entropy", C.FAMILY, (C.A_P0, C.A_N, C.A_T),
           _entropy_bounds, [COVER_THOMAS, C.WRIGHT], evaluator=_evaluate_bounds,
           summary="Refitting never raises the expected entropy above H(p0) (a constant bound), and "
                   "-log E[sum p_t^2] = -log(1 - (1 - 1/n)^t (1 - sum p0^2)) bounds it below; by Jensen this "
                   "is itself a lower bound on the expected collision entropy E[-log sum p_t^2]. The lower "
                   "bound falls to 0, the upper one does not."),
]:
    C.WRIGHT_FISHER.extension(_r, "exact computation", _NOTES[_r.id])

"""Iterated categorical refitting (neutral Wright-Fisher with N = n): derivations and results.

The model
---------
Generation t+1 is the empirical distribution of n samples of generation t:
p_{t+1} = Multinomial(n, p_t) / n. Given generation t the count of category i,
C = n p_{i,t+1}, is Binomial(n, p_{i,t}), with moment-generating function

    E[exp(s C) | F_t] = (1 - p_{i,t} + p_{i,t} e^s)^n        (:data:`LAW`).

Moments come from that MGF by differentiation at s = 0 (sympy cannot evaluate binomial
sums with a symbolic n, but it differentiates the MGF without trouble), and the tower
property turns conditional moments into recurrences for E[p_{i,t}^k], solved by rsolve.

Examples
--------
>>> from modelcollapse import theory
>>> r = theory.get("categorical.gini_simpson")
>>> r.statement
Eq(E[1 - Sum(p_{i,t}**2, (i, 1, K))], (1 - 1/n)**t*(1 - Sum(p0[i]**2, (i, 1, K))))
>>> abs(r(p0=[0.5, 0.5], n=10, t=3) - 0.5 * 0.9**3) < 1e-15
True
"""

from __future__ import annotations

import mpmath
import sympy as sp

from .assumptions import Assumption, IntegerAtLeast, check_int, check_probabilities
from .expectation import expect, split_sums
from .recurrences import solve_recurrence, tidy_geometric
from .registry import get, register
from .result import Derivation, DerivationStep, Reference, Result
from .symbols import CE, E, K, i, mgf_s, n, p0, pc, t

FAMILY = "categorical"

#: The one-step law (binomial MGF of a category's count given generation t) and the start.
LAW = {
    "mgf": sp.Eq(CE(sp.exp(mgf_s * n * pc(i, t + 1)), t), (1 - pc(i, t) + pc(i, t) * sp.exp(mgf_s)) ** n),
    "init": sp.Eq(pc(i, 0), p0[i]),
}

WRIGHT = Reference("Wright, S.", 1931, "Evolution in Mendelian populations", "Genetics 16(2), 97-159")
FISHER = Reference("Fisher, R. A.", 1930, "The Genetical Theory of Natural Selection", "Clarendon Press, Oxford")
SEDDIK = Reference("Seddik, Chen, Hayou, Youssef, Debbah", 2024, "How bad is training on synthetic data? "
                   "A statistical analysis of language model collapse", "COLM 2024 (arXiv:2404.05090)")
SHUMAILOV = Reference("Shumailov, Shumaylov, Zhao, Papernot, Anderson, Gal", 2024,
                      "AI models collapse when trained on recursively generated data", "Nature 631, 755-759")


def conditional_moment(k):
    """E[(n p_{i,t+1})^k | F_t], by differentiating the binomial MGF k times at s = 0."""
    k = check_int("k", k, lower=0)
    return sp.expand(sp.diff(LAW["mgf"].rhs, mgf_s, k).subs(mgf_s, 0))


def moment_recurrence(k, known=None):
    """E[p_{i,t+1}^k] in terms of generation-t moments, by the tower property.

    ``known`` maps lower moments E[p_{i,t}^j] to their closed forms.
    """
    rhs = expect(conditional_moment(k)) / n**k
    if known:
        rhs = rhs.subs(known)
    return sp.Eq(E(pc(i, t + 1) ** k), sp.collect(sp.expand(rhs), E(pc(i, t) ** k), func=sp.factor))


class ProbabilityVector(Assumption):
    """``p0``: a probability vector over K categories (entries >= 0, summing to 1)."""

    def __init__(self, name, symbol, size):
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "symbol", symbol)
        object.__setattr__(self, "size", size)

    def __eq__(self, other):
        return isinstance(other, ProbabilityVector) and (self.name, self.symbol) == (other.name, other.symbol)

    def __hash__(self):
        return hash((self.name, self.symbol))

    def validate(self, value):
        return tuple(float(v) for v in check_probabilities(self.name, value))

    def relation(self):
        return sp.Eq(sp.Sum(self.symbol[i], (i, 1, self.size)), 1)

    def describe(self):
        return f"{self.name} a probability vector over K categories (sum 1, entries >= 0)"

    def facts(self):
        """Relations the kernel may cite as ``assumption:p0``."""
        return [sp.Eq(sp.Sum(self.symbol[i], (i, 1, self.size)), 1)]


A_P0 = ProbabilityVector("p0", p0, K)
A_N = IntegerAtLeast("n", n, 1)
A_T = IntegerAtLeast("t", t, 0)
A_I = IntegerAtLeast("i", i, 1)


def _mean():
    rec = moment_recurrence(1)
    closed = solve_recurrence(pc(i, t), rec.rhs, p0[i])
    steps = [
        DerivationStep("Binomial MGF of the count of category i given generation t", LAW["mgf"]),
        DerivationStep("First derivative at s = 0", sp.Eq(CE(n * pc(i, t + 1), t), conditional_moment(1))),
        DerivationStep("Tower property", rec),
        DerivationStep("Solve with p_{i,0} = p0_i (sympy.rsolve): a martingale", sp.Eq(E(pc(i, t)), closed)),
    ]
    return Derivation(sp.Eq(E(pc(i, t)), closed), closed, steps, facts={"recurrence": rec})


def _second_moment():
    mean = sp.Eq(E(pc(i, t)), p0[i])
    rec = moment_recurrence(2, {mean.lhs: mean.rhs})
    closed = tidy_geometric(solve_recurrence(pc(i, t) ** 2, rec.rhs, p0[i] ** 2))
    return rec, closed


def _collision():
    rec, second = _second_moment()
    total = sp.Sum(second, (i, 1, K))
    closed = split_sums(total).subs(A_P0.facts()[0].lhs, 1)
    closed = _present(closed)
    lhs = E(sp.Sum(pc(i, t) ** 2, (i, 1, K)))
    steps = [
        DerivationStep("Second derivative of the MGF at s = 0", sp.Eq(CE(n**2 * pc(i, t + 1) ** 2, t),
                                                                       conditional_moment(2))),
        DerivationStep("Tower property, with E[p_{i,t}] = p0_i (categorical.mean)", rec),
        DerivationStep("Solve (sympy.rsolve)", sp.Eq(E(pc(i, t) ** 2), second)),
        DerivationStep("Sum over categories (linearity) and use sum_i p0_i = 1", sp.Eq(lhs, closed)),
    ]
    return Derivation(sp.Eq(lhs, closed), closed, steps,
                      facts={"recurrence": rec, "second": sp.Eq(E(pc(i, t) ** 2), second)})


def _gini_simpson():
    lhs = E(1 - sp.Sum(pc(i, t) ** 2, (i, 1, K)))
    collision = get("categorical.collision").closed_form
    closed = _present(1 - collision)
    steps = [DerivationStep("Linearity, with categorical.collision", sp.Eq(lhs, closed))]
    return Derivation(sp.Eq(lhs, closed), closed, steps)


def _present(expr):
    """Geometric terms as ((n - 1)/n)**t, collected, coefficients left unfactored."""
    expr = tidy_geometric(sp.expand(expr))
    geometric = sorted({p for p in expr.atoms(sp.Pow) if p.exp == t}, key=sp.default_sort_key)
    return sp.factor_terms(sp.collect(sp.expand(expr, power_base=False), geometric)) if geometric else expr


def _evaluate(result, values):
    """Evaluate a closed form with sums over the categories of p0."""
    probs = [mpmath.mpf(v) for v in values["p0"]]
    expr = result.closed_form
    if "i" in values:
        k = int(values["i"])
        if k > len(probs):
            raise ValueError(f"i must be <= len(p0) = {len(probs)}, got {k}")
        expr = expr.subs(i, k)
    reps = {}
    for S in expr.atoms(sp.Sum):
        f = sp.lambdify(p0[i], S.function, modules="mpmath")
        reps[S] = sp.Float(sum(f(q) for q in probs), mpmath.mp.dps)
    expr = expr.xreplace(reps)
    idx = {p0[j + 1]: sp.Float(q, mpmath.mp.dps) for j, q in enumerate(probs)}
    expr = expr.xreplace(idx).subs({n: values["n"], t: values["t"]})
    return mpmath.mpf(sp.N(expr, mpmath.mp.dps))


for _r in [
    Result("categorical.mean", "The fitted distribution is a martingale", FAMILY, (A_P0, A_N, A_T, A_I), _mean,
           [WRIGHT, FISHER], evaluator=_evaluate,
           summary="On average nothing changes: E[p_{i,t}] = p0_i for every category and generation. Collapse "
                   "is invisible in the mean; it is in the spread."),
    Result("categorical.collision", "Expected collision probability", FAMILY, (A_P0, A_N, A_T), _collision,
           [WRIGHT, SEDDIK], evaluator=_evaluate,
           summary="The chance that two draws agree rises towards 1 at rate (1 - 1/n) per generation."),
    Result("categorical.gini_simpson", "Expected Gini-Simpson diversity", FAMILY, (A_P0, A_N, A_T), _gini_simpson,
           [WRIGHT, SEDDIK, SHUMAILOV], evaluator=_evaluate,
           summary="Diversity 1 - sum p^2 decays exactly as (1 - 1/n)^t: every refit loses a fraction 1/n of it, "
                   "and no number of generations brings it back."),
]:
    register(_r)

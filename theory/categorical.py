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
Eq(E[1 - Sum(p_{i,t}**2, (i, 1, K))], ((n - 1)/n)**t*(1 - Sum(p0[i]**2, (i, 1, K))))
>>> abs(r(p0=[0.5, 0.5], n=10, t=3) - 0.5 * 0.9**3) < 1e-15
True
"""

from __future__ import annotations

import contextlib

import mpmath
import sympy as sp

from .assumptions import Assumption, IntegerAtLeast, check_int, check_probabilities
from .distributions import Binomial
from .model import Model
from .expectation import expect, split_sums
from .recurrences import solve_recurrence, tidy_geometric
from .registry import get
from .result import Derivation, DerivationStep, Reference, Result
from .symbols import CE, E, Eig, K, c, fixed, g, i, j, k, mgf_s, n, p0, pc, pgf_z, t

FAMILY = "categorical"

#: The one-step law: the count of category i given generation t is Binomial(n, p_{i,t}),
#: written three ways (moment- and probability-generating functions, probability mass
#: function with a test function g); the shares sum to one; the start is p0.
LAW = {
    "mgf": sp.Eq(CE(sp.exp(mgf_s * n * pc(i, t + 1)), t), (1 - pc(i, t) + pc(i, t) * sp.exp(mgf_s)) ** n),
    "pgf": sp.Eq(CE(pgf_z ** (n * pc(i, t + 1)), t), (1 - pc(i, t) + pc(i, t) * pgf_z) ** n),
    "pmf": sp.Eq(CE(g(pc(i, t + 1)), t),
                 sp.Sum(sp.binomial(n, c) * pc(i, t) ** c * (1 - pc(i, t)) ** (n - c) * g(c / n), (c, 0, n))),
    "shares": sp.Eq(sp.Sum(pc(i, t), (i, 1, K)), 1),
    "init": sp.Eq(pc(i, 0), p0[i]),
}


def binomial_pmf(prob, count=c):
    """Binomial(n, prob) probability of ``count`` (sympy)."""
    return sp.binomial(n, count) * prob**count * (1 - prob) ** (n - count)

WRIGHT = Reference("Wright, S.", 1931, "Evolution in Mendelian populations", "Genetics 16(2), 97-159")
FISHER = Reference("Fisher, R. A.", 1930, "The Genetical Theory of Natural Selection", "Clarendon Press, Oxford")
SEDDIK = Reference("Seddik, Chen, Hayou, Youssef, Debbah", 2024, "How bad is training on synthetic data? "
                   "A statistical analysis of language model collapse", "COLM 2024 (arXiv:2404.05090)")
FELLER = Reference("Feller, W.", 1951, "Diffusion processes in genetics",
                   "Proc. Second Berkeley Symp. Math. Statist. Probab., 227-246")
KARLIN_MCGREGOR = Reference("Karlin, S. and McGregor, J.", 1965, "Direct product branching processes and related "
                            "induced Markoff chains I", "Bernoulli-Bayes-Laplace Anniversary Volume, 111-145")
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
    """``p0``: a probability vector over K categories (entries >= 0, summing to 1; entries > 0 with
    ``full_support``)."""

    def __init__(self, name, symbol, size, categories=None, full_support=False):
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "symbol", symbol)
        object.__setattr__(self, "size", size)
        object.__setattr__(self, "categories", categories)
        object.__setattr__(self, "full_support", full_support)

    def __eq__(self, other):
        return isinstance(other, ProbabilityVector) and (self.name, self.symbol, self.categories, self.full_support) == (
            other.name, other.symbol, other.categories, other.full_support)

    def __hash__(self):
        return hash((self.name, self.symbol, self.categories, self.full_support))

    def validate(self, value):
        out = tuple(float(v) for v in check_probabilities(self.name, value))
        if self.categories is not None and len(out) != self.categories:
            raise ValueError(f"{self.name} must have exactly {self.categories} entries here, got {len(out)}")
        if self.full_support and min(out) <= 0:
            raise ValueError(f"{self.name} must have every entry > 0 here, got {min(out)}")
        return out

    def relation(self):
        return sp.Eq(sp.Sum(self.symbol[i], (i, 1, self.size)), 1)

    def describe(self):
        size = "K categories" if self.categories is None else f"{self.categories} categories"
        return f"{self.name} a probability vector over {size} (sum 1, entries {'> 0' if self.full_support else '>= 0'})"

    def facts(self):
        """Relations the kernel may cite as ``assumption:p0``."""
        return [sp.Eq(sp.Sum(self.symbol[i], (i, 1, self.size)), 1)]


A_P0 = ProbabilityVector("p0", p0, K)
A_N = IntegerAtLeast("n", n, 1)
A_T = IntegerAtLeast("t", t, 0)
A_I = IntegerAtLeast("i", i, 1)
A_K = IntegerAtLeast("k", k, 0)
A_T1 = IntegerAtLeast("t", t, 1)
A_P2 = ProbabilityVector("p0", p0, 2, categories=2)


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


def pgf_derivative(order=k):
    """d^order/dz^order of the binomial PGF, derived for symbolic order.

    Differentiating ``c_k p^k (1 - p + p z)^(n - k)`` once gives the same form with
    ``c_{k+1} = (n - k) c_k``; rsolve solves that recurrence from ``c_0 = 1``. Returns
    ``(coefficient recurrence, c_k, D_k(z))``.
    """
    G = LAW["pgf"].rhs
    q = pc(i, t)
    ck = sp.Function("c")
    ansatz = lambda kk: ck(kk) * q**kk * (1 - q + q * pgf_z) ** (n - kk)  # noqa: E731
    ratio = sp.simplify(sp.diff(ansatz(k), pgf_z) / (q ** (k + 1) * (1 - q + q * pgf_z) ** (n - k - 1)))
    rec = sp.Eq(ck(k + 1), ratio)
    solved = sp.rsolve(ck(k + 1) - ratio, ck(k), {ck(0): 1})
    coeff = sp.ff(n, k)  # the same number in falling-factorial notation (exact also for k > n)
    if sp.simplify(solved - coeff) != 0 or G.subs(pgf_z, 1) != 1:
        raise ArithmeticError("the PGF derivative recurrence did not solve to the falling factorial")
    coeff = coeff.subs(k, order)
    return rec, coeff, coeff * q**order * (1 - q + q * pgf_z) ** (n - order)


def _moment_eigenvalues():
    rec, coeff, deriv = pgf_derivative()
    q = pc(i, t)
    moment = sp.Eq(CE(sp.ff(n * pc(i, t + 1), k), t), deriv.subs(pgf_z, 1))
    eig = sp.powsimp(sp.expand_power_base(moment.rhs / (n * q) ** k, force=True))
    product = sp.Product(1 - j / n, (j, 0, k - 1))
    if sp.simplify(product.doit() - eig) != 0:
        raise ArithmeticError("lambda_k is not the product form")
    steps = [
        DerivationStep("Probability-generating function of the count (s = log z in the MGF)", LAW["pgf"]),
        DerivationStep("Differentiate c_k p^k (1 - p + p z)^(n - k) once: the coefficients recur", rec),
        DerivationStep("Solve from c_0 = 1 (sympy.rsolve): the falling factorial (n)_k",
                       sp.Eq(sp.Derivative(LAW["pgf"].rhs, (pgf_z, k)), deriv)),
        DerivationStep("Factorial moment: the k-th derivative at z = 1", moment),
        DerivationStep("(n p)_k has leading term (n p)^k, so in the basis of falling factorials the operator is "
                       "triangular and lambda_k is its diagonal entry", sp.Eq(Eig(k), eig)),
        DerivationStep("As a product", sp.Eq(Eig(k), product)),
    ]
    return Derivation(sp.Eq(Eig(k), product), product, steps,
                      facts={"factorial_moment": moment, "coefficients": rec,
                             "derivative": sp.Eq(sp.Derivative(LAW["pgf"].rhs, (pgf_z, k)), deriv),
                             "eigenvalue": sp.Eq(Eig(k), eig)})


def _fixation():
    mean = get("categorical.mean").closed_form
    closed = sp.limit(mean, t, sp.oo)
    steps = [
        DerivationStep("The two-category chain (category i against the rest) is absorbed in {0, 1} with "
                       "probability one, so p_{i,t} converges to the fixation indicator",
                       sp.Eq(sp.Limit(pc(i, t), t, sp.oo), fixed(i))),
        DerivationStep("Bounded convergence (0 <= p_{i,t} <= 1) and categorical.mean",
                       sp.Eq(E(fixed(i)), sp.Limit(E(pc(i, t)), t, sp.oo))),
        DerivationStep("The limit of the constant mean", sp.Eq(E(fixed(i)), closed)),
    ]
    return Derivation(sp.Eq(E(fixed(i)), closed), closed, steps)


def _evaluate_eigenvalue(result, values, expr=None):
    expr = result.closed_form if expr is None else expr
    value = expr.subs({n: int(values["n"]), k: int(values["k"])}).doit()
    return mpmath.mpf(sp.N(value, mpmath.mp.dps))


def _negxlogx(x):
    return mpmath.mpf(0) if x == 0 else -x * mpmath.log(x)


#: mpmath implementations of the package's own functions, for lambdify.
#: Work bound (matrix-vector products times states^2) for evaluating the chain at generation t.
MAX_CHAIN_WORK = 5 * 10**7


def _wf(n_, m, a_, b_):
    from .wright_fisher import transition_column
    n_, m = int(n_), int(m)
    if m * (n_ + 1) ** 2 > MAX_CHAIN_WORK:
        raise ValueError(f"t = {m + 1} with n = {n_} is too large for the exact chain evaluation "
                         f"((t - 1)(n + 1)^2 must be <= {MAX_CHAIN_WORK:g}); the survival probability tends "
                         "to the fixation probability p0_i")
    hit = _CHAIN_PASS.get((n_, m, int(b_)))
    if hit is not None and hit[0] >= mpmath.mp.dps:
        return hit[1][int(a_)]
    return transition_column(n_, m, int(b_), mpmath.mp.dps)[int(a_)]


#: Columns of P^m served to :func:`_wf` inside :func:`chain_pass`: (n, m, b) -> (dps, column).
_CHAIN_PASS: dict = {}
#: Most mpmath numbers a chain pass keeps at once (columns times their length).
MAX_CHAIN_PASS_ENTRIES = 2 * 10**6


@contextlib.contextmanager
def chain_pass(requests, dps):
    """Within the block, columns b of P^m for the requested (n, m, b) come from one pass per (n, b).

    An array of t asks for many m: one pass of max(m) matrix-vector products replaces a
    pass per m. Requests over :data:`MAX_CHAIN_WORK` are left to :func:`_wf` (which refuses
    them); ``dps`` is the highest working precision of the evaluations inside the block.
    """
    from .wright_fisher import transition_matrix
    by_column: dict = {}
    for n_, m, b_ in requests:
        if m * (n_ + 1) ** 2 <= MAX_CHAIN_WORK:
            by_column.setdefault((n_, b_), set()).add(m)
    if sum(len(ms) * (n_ + 1) for (n_, _), ms in by_column.items()) > MAX_CHAIN_PASS_ENTRIES:
        by_column = {}
    try:
        for (n_, b_), ms in by_column.items():
            with mpmath.workdps(dps):
                P = transition_matrix(n_, dps)
                u = mpmath.matrix(n_ + 1, 1)
                u[b_] = 1
                for step in range(max(ms) + 1):
                    if step:
                        u = P * u
                    if step in ms:
                        _CHAIN_PASS[(n_, step, b_)] = (dps, tuple(u[a] for a in range(n_ + 1)))
        yield
    finally:
        _CHAIN_PASS.clear()


def _wftau(n_, a_):
    from .wright_fisher import absorption_times
    return absorption_times(int(n_), mpmath.mp.dps)[int(a_)]


MPMATH_FUNCTIONS = {"negxlogx": _negxlogx, "sign": mpmath.sign, "WF": _wf, "WFtau": _wftau,
                    "KroneckerDelta": lambda a_, b_: mpmath.mpf(a_ == b_)}


def _counting_types():
    from .symbols import WF, WFtau
    return (sp.Sum, sp.Product, sp.binomial, sp.FallingFactorial, sp.Piecewise, WF, WFtau)


_COUNTING = _counting_types()


def _integer(v):
    return int(v) if v == int(v) else v


def _evaluate(result, values, expr=None):
    """Evaluate a closed form (or ``expr``) with sums over the categories of p0."""
    probs = [mpmath.mpf(v) for v in values["p0"]]
    expr = result.closed_form if expr is None else expr
    if "i" in values:
        kk = int(values["i"])
        if kk > len(probs):
            raise ValueError(f"i must be <= len(p0) = {len(probs)}, got {kk}")
        expr = expr.subs(i, kk)
    named = [(sym, values[name]) for name, sym in (("n", n), ("t", t), ("k", k)) if name in values]
    # Integers where counting needs them (summation ranges, chain indices, factorials); floats
    # elsewhere, so (1 - 1/n)**t with n = 10**9, t = 10**6 is not expanded as an exact rational.
    ints = {sym: _integer(v) for sym, v in named}
    expr = expr.replace(lambda a: isinstance(a, _COUNTING), lambda a: a.xreplace(ints))
    expr = expr.xreplace({sym: sp.Float(v, mpmath.mp.dps) for sym, v in named})
    expr = sum_over_p0(expr, probs)
    idx = {p0[m + 1]: sp.Float(q, mpmath.mp.dps) for m, q in enumerate(probs)}
    expr = expr.xreplace(idx)
    if expr.free_symbols:
        raise ValueError(f"cannot evaluate {result.id}: {sorted(map(str, expr.free_symbols))} left free")
    return mpmath.mpf(sp.lambdify((), expr, modules=[MPMATH_FUNCTIONS, "mpmath"])())


def sum_over_p0(expr, probs):
    """Replace every Sum over the categories in ``expr`` by its value at ``probs`` (mpmath)."""
    reps = {}
    for S in expr.atoms(sp.Sum):
        if S.limits[-1][0] != i:
            continue
        inner = sp.Sum(S.function, *S.limits[:-1]) if len(S.limits) > 1 else S.function
        f = sp.lambdify(p0[i], inner, modules=[MPMATH_FUNCTIONS, "mpmath"])
        reps[S] = sp.Float(mpmath.fsum(f(q) for q in probs), mpmath.mp.dps)
    return expr.xreplace(reps)


#: Wright-Fisher refitting of one category's share: the count of category i among n samples of
#: generation t is Binomial(n, p_{i,t}), and the refit is its frequency.
SHARE, COUNT = sp.symbols("p C")
A_I_K = IntegerAtLeast("i", i, 1, upper=K)
WRIGHT_FISHER = Model(
    "categorical", params=[A_P0, A_N], state={SHARE: p0[i]}, draws={COUNT: Binomial(n, SHARE)},
    step={SHARE: COUNT / n}, indices={i: (1, K)}, references=(WRIGHT, FISHER),
    summary="A language model refitted on its own text, as neutral Wright-Fisher: the count of category i "
            "among n samples of generation t is Binomial(n, p_{i,t}) and the refitted share is its frequency.")

#: Points of the generated Monte Carlo checks: three categories, ten equal ones, and an empty one.
CHECKS = dict(points=[dict(p0=(0.5, 0.3, 0.2), n=10, i=1), dict(p0=(0.1,) * 10, n=20, i=1),
                      dict(p0=(0.75, 0.25, 0.0), n=4, i=1)], ts=(1, 3, 8))
WRIGHT_FISHER.expectation(
    SHARE, "categorical.mean", "The fitted distribution is a martingale", assumptions=(A_P0, A_N, A_T, A_I_K),
    references=(WRIGHT, FISHER), lazy=True, checks=CHECKS,
    summary="On average nothing changes: E[p_{i,t}] = p0_i for every category and generation. Collapse "
            "is invisible in the mean; it is in the spread.")
WRIGHT_FISHER.quantity(
    WRIGHT_FISHER.E(sp.Sum(SHARE**2, (i, 1, K))), "categorical.collision", "Expected collision probability",
    assumptions=(A_P0, A_N, A_T), references=(WRIGHT, SEDDIK), lazy=True, checks=CHECKS,
    summary="The chance that two draws agree rises towards 1 at rate (1 - 1/n) per generation.")
WRIGHT_FISHER.quantity(
    WRIGHT_FISHER.E(1 - sp.Sum(SHARE**2, (i, 1, K))), "categorical.gini_simpson", "Expected Gini-Simpson diversity",
    assumptions=(A_P0, A_N, A_T), references=(WRIGHT, SEDDIK, SHUMAILOV), lazy=True, checks=CHECKS,
    summary="The expected diversity E[1 - sum p_t^2] decays exactly as (1 - 1/n)^t: every refit loses a "
            "fraction 1/n of it in mean, and no number of generations brings it back.")
for _id in ("categorical.mean", "categorical.collision", "categorical.gini_simpson"):
    get(_id)._evaluator = _evaluate

def _eigenvalue_derivation():
    """lambda_k from the PGF (sympy), and the statement the kernel proves: the one-step operator
    maps the falling factorial (n p)_k to lambda_k (n p)^k, so in that basis it is triangular with
    diagonal lambda_k."""
    from .recipes import Claim, ProofStep
    derived = _moment_eigenvalues()
    lam = derived.closed_form
    now, nxt, drawn = WRIGHT_FISHER.at(), WRIGHT_FISHER.at(t + 1), WRIGHT_FISHER.draw_at()
    share, share_next, count = SHARE.xreplace(now), SHARE.xreplace(nxt), COUNT.xreplace(drawn)
    statement = sp.Eq(CE(sp.ff(n * share_next, k), t), lam * (n * share) ** k)
    recipe = Claim(statement, (
        ProofStep("law", sp.Eq(share_next, count / n), "law_step", {"variable": "p"}),
        ProofStep("moment", sp.Eq(CE(sp.ff(count, k), t), sp.ff(n, k) * share**k), "draw_fact",
                  {"fact": "binomial_factorial_moments", "draw": "C", "order": k}),
        ProofStep("statement", statement, "rewrite", {}, ("law", "moment"),
                  text="the refit pushed through, the factorial moment of the count, lambda_k = (n)_k / n^k"),
    ))
    steps = list(derived.steps) + [DerivationStep("What the kernel proves", statement)]
    return Derivation(statement, lam, steps, facts={**derived.facts, "recipe": recipe})


WRIGHT_FISHER.theorem(
    "categorical.moment_eigenvalues", "Eigenvalues of the one-step operator", _eigenvalue_derivation, (A_N, A_K),
    references=(FELLER, KARLIN_MCGREGOR), evaluator=_evaluate_eigenvalue, lazy=True,
    summary="E[(n p_{i,t+1})_k | F_t] = lambda_k (n p_{i,t})^k: on polynomials of degree k in the shares the refit "
            "acts as a triangular operator with eigenvalue lambda_k = prod_{j<k} (1 - j/n). Only its eigenpolynomials "
            "decay at rate lambda_k (p_i (1 - p_i) is one of degree 2, so lambda_2 = 1 - 1/n is the rate at which "
            "the expected diversity is lost); a general degree-k feature mixes eigenpolynomials of degrees up to k, "
            "with lambda_0 = lambda_1 = 1, and need not decay to 0: E[p_{i,t}^2] tends to p0_i.")

WRIGHT_FISHER.extension(Result(
    "categorical.fixation", "Fixation probability", FAMILY, (A_P0, A_N, A_I), _fixation, [FISHER, WRIGHT, SHUMAILOV],
    evaluator=_evaluate,
    summary="Sooner or later one category holds all the mass, and it is category i with probability p0_i: the loop "
            "ends in a point mass, chosen at random in proportion to the original shares."),
    "exact computation", "p0_i is checked against the absorption probabilities of the exact chain; the martingale "
    "argument (bounded convergence, absorption) is not carried by the kernel")

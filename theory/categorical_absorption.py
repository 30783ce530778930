"""Categorical refitting: how long until one category holds all the mass.

Two categories, exact for the chain: after the first refit the count of category 1 is
Binomial(n, p0_1), and from count a the mean number of further refits until the count hits
0 or n is tau_n(a), the solution of the first-step equations tau = 1 + P tau with
tau(0) = tau(n) = 0 (a linear solve, :func:`~modelcollapse.theory.wright_fisher.absorption_times`).

Approximations, reported with their measured error against the exact values:

- Kimura (1955), two categories: the diffusion with generator x(1 - x)/(2n) d^2/dx^2 gives
  tau(p) = 2n [eta(p) + eta(1 - p)] = 2n H(p0); sympy solves the ODE here. Its error is
  measured, not proved: Kimura minus the exact value grows with n (by about (log 2)/3 per
  doubling), so the relative error behaves like log(n)/n rather than O(1/n): n times the
  relative error is 1.05, 1.19, 1.39, 1.55 at n = 10, 20, 50, 100 for p0 = (0.35, 0.65)
  (:mod:`modelcollapse.numerics.approximations`).
- Littler (1975), K categories, mean time until one remains: 2n sum_i eta(1 - p0_i). For
  K = 3 sympy checks (:func:`littler_residual`, :func:`littler_boundary`) that it solves the
  backward equation inside the simplex, vanishes at the three vertices (one category holds
  everything) and equals Kimura's 2n H on each edge (one category absent, so two remain).
  That the formula is the mean time is Littler's result, not checked here.

Examples
--------
>>> from modelcollapse import theory
>>> r = theory.get("categorical.absorption_time")
>>> exact = r(p0=[0.5, 0.5], n=20)
>>> kimura = r.approximate("kimura", p0=[0.5, 0.5], n=20)
>>> 0.9 < kimura / exact < 1.1
True
"""

from __future__ import annotations

import mpmath
import sympy as sp

from . import categorical as C
from .assumptions import check_int, check_probabilities
from .result import Approximation, Derivation, DerivationStep, Reference, Result
from .symbols import WFtau, E, K, Tabs, c, i, n, negxlogx, p0, x

KIMURA = Reference("Kimura, M.", 1955, "Solution of a process of random genetic drift with a continuous model",
                   "Proc. Natl. Acad. Sci. USA 41(3), 144-150")
LITTLER = Reference("Littler, R. A.", 1975, "Loss of variability at one locus in a finite population",
                    "Math. Biosci. 25(1-2), 151-163")
EWENS = Reference("Ewens, W. J.", 2004, "Mathematical Population Genetics I", "2nd ed., Springer", "Sec. 3.6")


def exact_time():
    """First-step analysis: 0 if p0 is already a point mass, else 1 + E[tau_n(C_1)]."""
    body = 1 + sp.Sum(C.binomial_pmf(p0[1]) * WFtau(n, c), (c, 0, n))
    return sp.Piecewise((0, sp.Eq(p0[1] * (1 - p0[1]), 0)), (body, True))


def kimura_solution():
    """Solve x(1 - x)/(2n) tau'' = -1, tau(0) = tau(1) = 0 (sympy.dsolve); returns tau(x)."""
    f = sp.Function("f")
    nn = sp.Symbol("n", positive=True)
    sol = sp.dsolve(sp.Eq(x * (1 - x) / (2 * nn) * f(x).diff(x, 2), -1), f(x)).rhs
    # dsolve writes log(x - 1); on 0 < x < 1 that is log(1 - x) + i pi.
    sol = sp.expand(sol.subs(sp.log(x - 1), sp.log(1 - x) + sp.I * sp.pi))
    consts = sorted(sol.free_symbols - {x, nn}, key=str)
    fitted = sp.solve([sp.limit(sol, x, 0, "+"), sp.limit(sol, x, 1, "-")], consts, dict=True)[0]
    tau = sp.simplify(sp.expand(sol.subs(fitted))).subs(nn, n)
    if sp.simplify(tau - 2 * n * (negxlogx(x) + negxlogx(1 - x)).rewrite(sp.log)) != 0:
        raise ArithmeticError("the Kimura ODE did not solve to 2n [eta(x) + eta(1 - x)]")
    return tau


def littler_residual():
    """Backward operator of the K = 3 diffusion applied to Littler's formula, plus one (zero if it solves)."""
    x1, x2 = sp.symbols("x1 x2", positive=True)
    nn = sp.Symbol("n", positive=True)
    xs = (x1, x2)
    tau = 2 * nn * sum(-(1 - v) * sp.log(1 - v) for v in (x1, x2, 1 - x1 - x2))
    gen = sum(xs[a] * ((1 if a == b else 0) - xs[b]) / (2 * nn) * sp.diff(tau, xs[a], xs[b])
              for a in range(2) for b in range(2))
    return sp.simplify(gen + 1)


LITTLER_TIME = 2 * n * sp.Sum(negxlogx(1 - p0[i]), (i, 1, K))


def littler_boundary():
    """Littler's formula at K = 3 minus its boundary values, one residual per piece (all zero if it meets them).

    At the three vertices (one category holds everything) the value must be 0; on each edge
    (one category absent) it must be Kimura's two-category time 2n [eta(q) + eta(1 - q)].
    """
    q = sp.Symbol("q", positive=True)
    tau3 = LITTLER_TIME.subs(K, 3).doit()

    def at(v):
        return tau3.subs({p0[m + 1]: v[m] for m in range(3)})

    kimura = 2 * n * (negxlogx(q) + negxlogx(1 - q))
    vertices = [at(v) for v in ((1, 0, 0), (0, 1, 0), (0, 0, 1))]
    edges = [at(v) - kimura for v in ((q, 1 - q, 0), (q, 0, 1 - q), (0, q, 1 - q))]
    return [sp.simplify(r) for r in vertices + edges]


def littler_time(p0, n, dps=None):
    """Littler's approximation to the mean time until one of K categories remains.

    ``p0`` any probability vector, ``n`` >= 1; a float, or an mpmath.mpf at ``dps`` digits.
    """
    probs = check_probabilities("p0", p0)
    size = check_int("n", n, lower=1)
    if dps is not None:
        dps = check_int("dps", dps, lower=1)
    from .registry import get
    with mpmath.workdps((dps or 20) + 10):
        v = C._evaluate(get("categorical.absorption_time"), {"p0": [mpmath.mpf(float(q)) for q in probs],
                                                             "n": size}, LITTLER_TIME)
    if dps is None:
        return float(v)
    with mpmath.workdps(dps):
        return +v


def _absorption_time():
    closed = exact_time()
    tau = kimura_solution()
    if littler_residual() != 0:
        raise ArithmeticError("Littler's formula does not solve the K = 3 backward equation")
    if any(r != 0 for r in littler_boundary()):
        raise ArithmeticError("Littler's formula misses its K = 3 boundary values "
                              "(0 at a vertex, Kimura on an edge)")
    kimura = 2 * n * sp.Sum(negxlogx(p0[i]), (i, 1, 2))
    steps = [
        DerivationStep("First step from p0 (Binomial(n, p0_1) count), then the two-category chain: tau_n solves "
                       "tau = 1 + P tau with tau(0) = tau(n) = 0; exact for the chain", sp.Eq(E(Tabs(2)), closed)),
        DerivationStep("Kimura's diffusion approximation: x(1 - x)/(2n) tau'' = -1, tau(0) = tau(1) = 0 "
                       "(sympy.dsolve)", sp.Eq(sp.Function("tau")(x), tau)),
        DerivationStep("At x = p0_1: 2n H(p0) (an approximation)", sp.Eq(sp.Symbol("T_Kimura"), kimura)),
        DerivationStep("Littler's K-category approximation; sympy checks it solves the K = 3 backward equation "
                       "sum_jl x_j (delta_jl - x_l)/(2n) d_j d_l tau = -1, is 0 at the vertices and Kimura's "
                       "2n H on the edges", sp.Eq(sp.Symbol("T_Littler"), LITTLER_TIME)),
    ]
    approx = {"kimura": Approximation(kimura, "Kimura's diffusion approximation 2n H(p0), two categories",
                                      (KIMURA,)),
              "littler": Approximation(LITTLER_TIME.subs(K, 2), "Littler's approximation 2n sum_i eta(1 - p0_i) "
                                       "(for K categories see theory.categorical_absorption.littler_time)",
                                       (LITTLER,))}
    return Derivation(sp.Eq(E(Tabs(2)), closed), closed, steps, approximations=approx,
                      facts={"kimura_ode": tau})


# Not proved by the kernel: an exact computation attached to the categorical model as an extension.
C.WRIGHT_FISHER.extension(
    Result("categorical.absorption_time", "Mean time until one category holds all the mass", C.FAMILY,
           (C.A_P2, C.A_N), _absorption_time, [KIMURA, LITTLER, EWENS], evaluator=C._evaluate,
           summary="With two categories the loop reaches a point mass after a mean of about 2n H(p0) refits "
                   "(Kimura's diffusion approximation, whose relative error is measured to be about "
                   "log(n)/n; the exact mean comes from the chain): the mean time to total collapse grows "
                   "about linearly in the sample size."),
    "exact computation", "solved exactly by first-step analysis on the two-category chain; the chain is not "
    "carried by the kernel")

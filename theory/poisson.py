"""The Poisson refit (Suresh, Thangaraj and Khandavally 2025): a declaration, its results from the engine.

Generation 0 is Poisson(theta0); generation t + 1 is the maximum-likelihood fit, the mean of n
samples of generation t: theta_{t+1} = S / n with S ~ Poisson(n theta_t) given theta_t (so
n theta_t is a critical Galton-Watson process). The literal workflow (draw n samples, average
them) is :func:`modelcollapse.numerics.workflows.poisson_workflow`, the independent check of
this law.

>>> from modelcollapse import theory
>>> theory.get("poisson.variance")(n=10, theta0=2.0, t=3) == 2.0 * 3 / 10
True
"""

from __future__ import annotations

import sympy as sp

from .assumptions import IntegerAtLeast, PositiveReal
from .distributions import Poisson
from .model import Model
from .result import Reference
from .symbols import Var, n

theta0 = sp.Symbol("theta0", positive=True)
THETA, S = sp.symbols("theta S")

SURESH = Reference("Suresh, Thangaraj, Khandavally", 2025, "Rate of model collapse in recursive training",
                   "AISTATS 2025 (arXiv:2412.17646)")

POISSON = Model(
    "poisson", params=[IntegerAtLeast("n", n, 1), PositiveReal("theta0", theta0)],
    state={THETA: theta0}, draws={S: Poisson(n * THETA)}, step={THETA: S / n}, references=(SURESH,),
    summary="Refit a Poisson rate by the mean of n samples of the previous generation.")

POISSON.expectation(
    THETA, "poisson.mean", "Expected rate after t generations", lazy=True,
    summary="The fitted rate is a martingale: E[theta_t] = theta0 for every n and t.")
POISSON.quantity(
    Var(THETA), "poisson.variance", "Variance of the fitted rate", lazy=True,
    summary="Var[theta_t] = theta0 t / n grows linearly: the rate wanders away from theta0 while its mean stays, "
            "and n theta_t, a critical Galton-Watson process, is absorbed at 0 with probability one.")

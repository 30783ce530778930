"""The exponential rate refit by maximum likelihood: a declaration, its results from the engine.

Generation 0 is Exponential(rate theta0); generation t + 1 is fitted to n samples x of
generation t by maximum likelihood, theta_{t+1} = n / sum x. Given theta_t, sum x is
Gamma(n, scale 1/theta_t), so theta_{t+1} = n theta_t / G with G ~ Gamma(n, 1): a scale law.
The literal workflow (draw n exponential samples, fit) is
:func:`modelcollapse.numerics.workflows.exponential_workflow`, the independent check of it.

>>> from modelcollapse import theory
>>> abs(theory.get("exponential.rate")(n=5, theta0=1.0, t=2) - (5 / 4) ** 2) < 1e-15
True
"""

from __future__ import annotations

import sympy as sp

from .assumptions import IntegerAtLeast, PositiveReal
from .distributions import Gamma
from .model import Model
from .recipes import Claim, ProofStep
from .result import Reference
from .symbols import n, t

theta0 = sp.Symbol("theta0", positive=True)
THETA, G = sp.symbols("theta G")

CASELLA = Reference("Casella, G. and Berger, R. L.", 2002, "Statistical Inference", "2nd ed., Duxbury",
                    "Example 7.2.7 (the exponential MLE), Thm 5.6.9")

EXPONENTIAL = Model(
    "exponential", params=[IntegerAtLeast("n", n, 2), PositiveReal("theta0", theta0)],
    state={THETA: theta0}, draws={G: Gamma(n, 1)}, step={THETA: n * THETA / G}, references=(CASELLA,),
    summary="Refit an exponential rate by maximum likelihood, n / sum x, from n samples of the previous "
            "generation.")


def _drift_claims(d):
    drift = sp.simplify(d.closed_form.subs(t, t + 1) - d.closed_form)
    return {"drift_positive": Claim(sp.Gt(drift, 0), (
        ProofStep("digamma", sp.Lt(sp.polygamma(0, n), sp.log(n)), "axiom",
                  {"name": "digamma_below_log", "mapping": {"x": n}}, text="psi(n) < log n"),
        ProofStep("drift", sp.Gt(drift, 0), "inequality", {}, ("digamma",)),
    ), "The drift per generation, log n - psi(n), is positive: the fitted log-rate rises")}


EXPONENTIAL.expectation(
    THETA, "exponential.rate", "Expected fitted rate after t generations", lazy=True,
    summary="E[theta_t] = theta0 (n / (n - 1))^t: the maximum-likelihood rate is biased upward, and the bias "
            "compounds geometrically.")
EXPONENTIAL.expectation(
    sp.log(THETA / theta0), "exponential.log_rate", "Expected log-rate ratio; it drifts upward", lazy=True,
    claims=_drift_claims,
    summary="E[log(theta_t / theta0)] = t (log n - psi(n)) > 0: the fitted rate drifts upward on the log scale by "
            "about 1/(2n) per generation, so the fitted mean 1/theta_t shrinks: the refitted model narrows.")

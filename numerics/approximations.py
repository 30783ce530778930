"""Approximations measured against exact values (never passed off as exact).

A result may carry approximations (Miller-Madow's 1/n series, Kimura's and Littler's
diffusion times). Here each is evaluated next to the exact value at a ladder of sample
sizes, so its error and the rate at which the error shrinks can be read off: the
``scaled`` column is n^2 times the absolute error for Miller-Madow (a series whose error is
O(n^-2), and the column stays roughly constant), and n times the relative error for the
diffusion times. For Kimura that column is *not* constant: it grows slowly with n (1.05,
1.19, 1.39, 1.55 at n = 10, 20, 50, 100 for p0 = (0.35, 0.65)), because Kimura minus the
exact value grows by about (log 2)/3 per doubling of n. The measured relative error is
about log(n)/n, not O(1/n) (see tests/test_categorical_numerics.py); no rate is proved.

Littler's formula is for K categories, where the exact mean absorption time comes from the
enumeration of the K-category chain (small n) and from Monte Carlo (larger n).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

from modelcollapse import theory
from modelcollapse.theory.categorical_absorption import littler_time

from .streams import stream


@dataclass
class ApproximationRow:
    result_id: str
    name: str
    params: dict
    exact: float
    exact_se: float
    approx: float
    rel_error: float
    #: n^order times the absolute (order 2) or relative (order 1) error: roughly constant if the error is
    #: O(n^-order); for Kimura it grows like log(n) (measured), so it is read as a trend, not a constant.
    scaled: float
    exact_by: str

    def as_dict(self):
        return dict(asdict(self), params={k: (list(v) if isinstance(v, tuple) else v) for k, v in self.params.items()})


#: Approximation name -> (points, power of n in ``scaled``, scaled on the absolute error?): the ladder of
#: sample sizes at which each approximation a result declares is measured against its exact value.
LADDERS = {
    "miller_madow": ([dict(p0=(0.5, 0.3, 0.2), n=m) for m in (10, 20, 40, 80, 160)], 2, True),
    "kimura": ([dict(p0=(0.35, 0.65), n=m) for m in (10, 20, 50, 100)], 1, False),
}
#: Littler, K = 3: exact by enumeration at small n, by Monte Carlo beyond.
LITTLER_EXACT = [dict(p0=(0.5, 0.3, 0.2), n=m) for m in (4, 6, 8)]
LITTLER_MC = [dict(p0=(0.5, 0.3, 0.2), n=m) for m in (16, 32)]


def approximation_rows(result_id, chains=4000, seed=0):
    """Every approximation ``result_id`` declares against the exact value, as rows (found by the
    approximation's name: a ladder of sample sizes, or Littler's K-category rows)."""
    r = theory.get(result_id)
    rows = []
    for name in r.approximations:
        if name == "littler":
            rows += _littler_rows(result_id, chains, seed)
        if name not in LADDERS:
            continue
        points, order, absolute = LADDERS[name]
        for p in points:
            exact, approx = r(**p), r.approximate(name, **p)
            rows.append(_row(result_id, name, p, exact, 0.0, approx, order, absolute, "closed form (exact)"))
    return rows


def _row(result_id, name, p, exact, se, approx, order, absolute, by):
    err = approx - exact
    rel = abs(err) / abs(exact) if exact else float("inf")
    scaled = p["n"] ** order * (abs(err) if absolute else rel)
    return ApproximationRow(result_id, name, dict(p), float(exact), float(se), float(approx), float(rel),
                            float(scaled), by)


def _littler_rows(result_id, chains, seed):
    from .categorical_sim import simulate_absorption
    from .multinomial_chain import MultinomialChain

    rows = []
    for p in LITTLER_EXACT:
        exact = float(MultinomialChain(p["p0"], p["n"], dps=20).mean_absorption_time(tol=1e-12))
        rows.append(_row(result_id, "littler (K=3)", p, exact, 0.0,
                         littler_time(p["p0"], p["n"]), 1, False, "enumerated K-category chain"))
    for k, p in enumerate(LITTLER_MC):
        T = simulate_absorption(p["p0"], p["n"], chains, seed=stream(seed, "littler", k))
        rows.append(_row(result_id, "littler (K=3)", p, float(T.mean()),
                         float(T.std(ddof=1) / np.sqrt(T.size)), littler_time(p["p0"], p["n"]), 1, False,
                         f"Monte Carlo, {chains} chains"))
    return rows


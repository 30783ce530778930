"""How far the checks can be trusted, measured: ``modelcollapse bench --rigor``.

- :func:`calibration`: run a result's Monte Carlo checks over many independent seeds at a
  nominal false-alarm rate and count rejections (a correct closed form should be rejected
  at about that rate).
- :func:`mutant_power`: wrong formulas (n -> n + 1, t -> t + 1, ddof flipped, a factor of 2,
  a sign, a dropped term) and whether the default checks reject each of them.
- :func:`kernel_rejections`: the soundness corpus of false steps and broken proofs, and how
  many the kernel rejects.
"""

from __future__ import annotations

from dataclasses import dataclass

import mpmath
import sympy as sp

from modelcollapse import theory
from modelcollapse.theory.assumptions import check_int, check_real

from . import checks
from .streams import stream

#: A mutant must differ from the truth by more than this (relative) at some checked point
#: to count; the reference check then must reject it.
MUTANT_RTOL = 1e-6


@dataclass
class Calibration:
    result_id: str
    alpha: float
    seeds: int
    tests: int
    rejections: int

    @property
    def rate(self) -> float:
        return self.rejections / self.tests if self.tests else 0.0


def calibration(result_id, seeds=200, chains=4000,
                alpha=0.01, base_seed=0) -> Calibration:
    """Rejections of the true closed form over ``seeds`` independent runs at level ``alpha``."""
    theory.get(result_id)
    seeds = check_int("seeds", seeds, lower=1)
    chains = check_int("chains", chains, lower=10)
    alpha = check_real("alpha", alpha, positive=True, upper=1, upper_strict=True)
    base_seed = check_int("base_seed", base_seed, lower=0)
    rejections = tests = 0
    for k in range(seeds):
        seed = int(stream(base_seed, "calibration", result_id, k).integers(2**62))
        res = checks.monte_carlo_checks(result_id, chains, alpha, seed)
        tests += len(res)
        rejections += sum(not c.passed for c in res)
    return Calibration(result_id, alpha, seeds, tests, rejections)


def _param_mutants(r):
    """Wrong formulas made by feeding the true one wrong parameters."""
    def shift(name, fn):
        def wrong(dps=None, **p):
            q = dict(p)
            q[name] = fn(q[name])
            return r(dps=dps, **q)
        return wrong
    out = {}
    if "n" in r.parameters:
        out["n -> n + 1"] = shift("n", lambda v: v + 1)
    if "ns" in r.parameters:
        out["ns -> ns + 1"] = shift("ns", lambda v: tuple(x + 1 for x in v))
    if "t" in r.parameters:
        out["t -> t + 1"] = shift("t", lambda v: v + 1)
    if "k" in r.parameters:
        out["k -> k + 1"] = shift("k", lambda v: v + 1)
    if "ddof" in r.parameters:
        out["ddof flipped"] = shift("ddof", lambda v: 1 - v)
    out["factor 2"] = lambda dps=None, **p: _scaled(r(dps=dps, **p), 2)
    out["sign"] = lambda dps=None, **p: _scaled(r(dps=dps, **p), -1)
    return out


def _scaled(value, c):
    return tuple(c * v for v in value) if isinstance(value, tuple) else c * value


def _rel_difference(a, b):
    """Largest relative difference between two values or (lower, upper) pairs."""
    pairs = zip(a, b) if isinstance(a, tuple) else [(a, b)]
    worst = 0.0
    for x, y in pairs:
        scale = max(abs(x), abs(y))
        if scale:
            worst = max(worst, float(min(abs(x - y) / scale, 1e300)))
    return worst


def _dropped_terms(r):
    """Wrong formulas made by dropping one additive term of the closed form."""
    expr = r.closed_form
    if isinstance(expr, sp.Piecewise) or not isinstance(expr, sp.Add) or r._evaluator is not None:
        return {}
    out = {}
    for i, term in enumerate(expr.args[:3]):
        f = sp.lambdify(r.symbols, expr - term, modules="mpmath")

        def wrong(dps=None, _f=f, **p):
            vals = r.validate(p)
            with mpmath.workdps((dps or 20) + 15):
                v = _f(*(mpmath.mpf(vals[k]) for k in r.parameters))
            return v if dps else float(v)
        out[f"drop term {i + 1}"] = wrong
    return out


@dataclass
class MutantOutcome:
    result_id: str
    mutant: str
    max_rel_difference: float
    detected_by_reference: bool
    detected_by_monte_carlo: bool | None

    @property
    def counts(self) -> bool:
        return self.max_rel_difference > MUTANT_RTOL

    @property
    def detected(self) -> bool:
        return self.detected_by_reference or bool(self.detected_by_monte_carlo)


def mutant_power(result_id, chains=4000, alpha=None, seed=1, monte_carlo=True) -> list[MutantOutcome]:
    """Which wrong formulas for ``result_id`` the default checks reject."""
    from .verify import FAMILY_ALPHA

    r = theory.get(result_id)
    chains = check_int("chains", chains, lower=10)
    spec = checks.spec_for(result_id)
    alpha = alpha or FAMILY_ALPHA / 200
    out = []
    for name, wrong in {**_param_mutants(r), **_dropped_terms(r)}.items():
        worst = 0.0
        points = spec.reference_points if spec.reference_points is not None else spec.points
        for params in points:
            for t in spec.reference_ts:
                own = checks.result_params(r, params, t)
                try:
                    a, b = wrong(dps=25, **own), r(dps=25, **own)
                except ValueError:  # e.g. t + 1 beyond the schedule: a wrong formula that cannot even run
                    a, b = mpmath.inf, 1
                worst = max(worst, _rel_difference(a, b))
        try:
            rep = checks.reference_check(result_id, closed_form=wrong)
            ref = not rep.passed
            if r.is_bound:
                # a looser bound is still a true bound: it counts as wrong only where it excludes the truth
                worst = rep.max_rel_error
        except ValueError:
            ref = True
        mc = None
        if monte_carlo:
            try:
                mc = not all(c.passed for c in checks.monte_carlo_checks(result_id, chains, alpha, seed,
                                                                        closed_form=wrong))
            except ValueError:
                mc = True
        out.append(MutantOutcome(result_id, name, worst, ref, mc))
    return out


def kernel_rejections():
    """(rejected, total) over the soundness corpus (see :mod:`modelcollapse.proofs.corpus`): a
    rejection counts only when it is for the stated reason."""
    from modelcollapse.proofs.corpus import run_corpus

    results = run_corpus()
    return sum(rejected and right for _, rejected, right in results), len(results)


def run_rigor(out, seeds=200, chains=4000) -> int:
    """Print the measured false-alarm rates, mutant detection rates and kernel rejection count."""
    ids = [r.id for r in theory.results()]
    print(f"Calibration: {seeds} seeds per result, {chains} chains, nominal two-sided alpha 0.01", file=out)
    for rid in ids:
        c = calibration(rid, seeds=seeds, chains=chains, alpha=0.01)
        print(f"  {rid:<32} {c.rejections:>5}/{c.tests:<6} rejected: observed {c.rate:.4f} vs stated 0.0100",
              file=out, flush=True)
    print(f"\nPower against wrong formulas (counted when they differ by > {MUTANT_RTOL:g} relative "
          "at a checked point):", file=out)
    for rid in ids:
        res = mutant_power(rid, chains=chains)
        counted = [m for m in res if m.counts]
        det = sum(m.detected for m in counted)
        mc = sum(bool(m.detected_by_monte_carlo) for m in counted)
        print(f"  {rid:<32} detected {det}/{len(counted)} (Monte Carlo alone {mc}/{len(counted)})", file=out,
              flush=True)
    rej, tot = kernel_rejections()
    print(f"\nKernel soundness corpus: {rej}/{tot} false statements and broken proofs rejected", file=out)
    return 0 if rej == tot else 1

"""``modelcollapse bench``: where the time goes (derivation, proof, reference, simulation).

Speed goals live here, not in timed tests: the numbers are printed for a human to judge.
"""

from __future__ import annotations

import json
import time


def _time(fn):
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


#: Array evaluation targets (issue 14): evaluations per second of an elementary closed form
#: on float64 arrays, and the largest slowdown against the bare numpy expression.
ARRAY_RATE_TARGET = 5e6
ARRAY_SLOWDOWN_TARGET = 20.0


def _best(fn, repeats=5):
    fn()  # warm up: the first array call derives and checks the float64 form
    return min(_time(fn) for _ in range(repeats))


def array_bench(points=10**6) -> dict:
    """Evaluations per second of gaussian.variance over ``points`` values of n, against the
    bare numpy expression of the same formula, sigma0^2 ((n - 1)/(n - ddof))^t."""
    import numpy as np

    from modelcollapse import theory

    n = np.arange(2, points + 2)
    t, ddof, sigma0 = 10, 0, 1.0
    r = theory.get("gaussian.variance")
    package_s = _best(lambda: r(n=n, t=t, ddof=ddof, sigma0=sigma0))
    bare_s = _best(lambda: sigma0**2 * ((n - 1) / (n - ddof)) ** t)
    return {"result": r.id, "points": points, "evals_per_s": points / package_s,
            "bare_numpy_evals_per_s": points / bare_s, "slowdown": package_s / bare_s,
            "target_evals_per_s": ARRAY_RATE_TARGET, "target_slowdown": ARRAY_SLOWDOWN_TARGET}


def run_bench(out, as_json=False) -> int:
    from modelcollapse import proofs, theory
    from modelcollapse.theory.symbols import WF

    from . import checks
    from .categorical_sim import simulate_absorption, simulate_categorical
    from .gaussian_sim import simulate_gaussian

    rows = []
    for r in theory.results():
        row = {"id": r.id}
        row["derive_s"] = _time(lambda: r.derivation)
        row["prove_s"] = _time(lambda: proofs.check(r.id))
        row["reference_s"] = _time(lambda: checks.reference_check(r.id))
        point = checks.spec_for(r.id).points[0]
        # closed forms at t = 10^6; Markov-chain quantities (t matrix-vector products) at t = 100
        t_eval = 100 if r.closed_form.has(WF) else 10**6
        row["eval_t"] = (len(point["ns"]) if "ns" in point else t_eval) if "t" in r.parameters else None
        own = checks.result_params(r, point, row["eval_t"])
        row["float_eval_us"] = 1e6 * _time(lambda: [r(**own) for _ in range(10)]) / 10
        rows.append(row)
    sims = {}
    for method, chains, n in (("exact", 100_000, 100), ("samples", 10_000, 100)):
        sims[f"{method}: {chains} chains x 20 generations, n={n}"] = _time(
            lambda: simulate_gaussian(n, 20, chains, seed=0, method=method))
    for method, chains in (("exact", 100_000), ("samples", 2_000)):
        sims[f"categorical {method}: {chains} chains x 20 generations, n=100, K=10"] = _time(
            lambda: simulate_categorical([0.1] * 10, 100, 20, chains, seed=0, method=method))
    sims["absorption times: 40000 chains, p0=(0.5, 0.5), n=100"] = _time(
        lambda: simulate_absorption([0.5, 0.5], 100, 40_000, seed=0))
    arrays = array_bench()
    if as_json:
        print(json.dumps({"results": rows, "simulation_s": sims, "array_evaluation": arrays}, indent=2), file=out)
        return 0
    print(f"{'result':<32} {'derive s':>9} {'prove s':>9} {'reference s':>12} {'eval us':>10} {'at t':>8}", file=out)
    for row in rows:
        print(f"{row['id']:<32} {row['derive_s']:>9.2f} {row['prove_s']:>9.2f} {row['reference_s']:>12.2f} "
              f"{row['float_eval_us']:>10.1f} {row['eval_t'] if row['eval_t'] is not None else '-':>8}", file=out)
    for k, v in sims.items():
        print(f"simulate {k}: {v:.2f} s", file=out)
    print(f"array evaluation, {arrays['result']} over {arrays['points']:.0e} points: "
          f"{arrays['evals_per_s']:.3g} evals/s (target >= {arrays['target_evals_per_s']:.0e}); "
          f"bare numpy {arrays['bare_numpy_evals_per_s']:.3g} evals/s, {arrays['slowdown']:.1f}x slower "
          f"(target within {arrays['target_slowdown']:.0f}x)", file=out)
    return 0

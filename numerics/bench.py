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
        point = checks.SPECS[r.id].points[0]
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
    if as_json:
        print(json.dumps({"results": rows, "simulation_s": sims}, indent=2), file=out)
        return 0
    print(f"{'result':<32} {'derive s':>9} {'prove s':>9} {'reference s':>12} {'eval us':>10} {'at t':>8}", file=out)
    for row in rows:
        print(f"{row['id']:<32} {row['derive_s']:>9.2f} {row['prove_s']:>9.2f} {row['reference_s']:>12.2f} "
              f"{row['float_eval_us']:>10.1f} {row['eval_t'] if row['eval_t'] is not None else '-':>8}", file=out)
    for k, v in sims.items():
        print(f"simulate {k}: {v:.2f} s", file=out)
    return 0

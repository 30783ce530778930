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
    from . import checks
    from .gaussian_sim import simulate_gaussian

    rows = []
    for r in theory.results():
        row = {"id": r.id}
        row["derive_s"] = _time(lambda: r.derivation)
        row["prove_s"] = _time(lambda: proofs.check(r.id))
        row["reference_s"] = _time(lambda: checks.reference_check(r.id))
        row["float_eval_us"] = 1e6 * _time(lambda: [r(t=10**6, **checks.SPECS[r.id].points[0]) for _ in range(100)
                                                    if "ns" not in checks.SPECS[r.id].points[0]]) / 100
        rows.append(row)
    sims = {}
    for method, chains, n in (("exact", 100_000, 100), ("samples", 10_000, 100)):
        sims[f"{method}: {chains} chains x 20 generations, n={n}"] = _time(
            lambda: simulate_gaussian(n, 20, chains, seed=0, method=method))
    if as_json:
        print(json.dumps({"results": rows, "simulation_s": sims}, indent=2), file=out)
        return 0
    print(f"{'result':<32} {'derive s':>9} {'prove s':>9} {'reference s':>12} {'eval t=1e6 us':>14}", file=out)
    for row in rows:
        print(f"{row['id']:<32} {row['derive_s']:>9.2f} {row['prove_s']:>9.2f} {row['reference_s']:>12.2f} "
              f"{row['float_eval_us']:>14.1f}", file=out)
    for k, v in sims.items():
        print(f"simulate_gaussian {k}: {v:.2f} s", file=out)
    return 0

"""``modelcollapse bench``: where the time goes, each figure beside its target.

Speed goals live here, not in timed tests: the numbers are printed for a human to judge
(and written as JSON with ``--json``). Ratios are measured within one run, so a loaded
machine slows both sides alike; absolute times are only meaningful on a quiet one.

Sections: ``verify`` wall times (cold cache, cached, ``--quick``), derive / prove (cold and
from the cache) / reference time per result, array evaluation against the bare numpy
expression and its accuracy against mpmath, Monte Carlo throughput against the raw random
number rate, the exact path against the all-samples path and against the loop of the public
research code (one chain at a time, all n samples every generation), peak memory of a
streaming simulation of 10^8 chain-generations, the speed-up of two workers, and the Dask
backend against the local one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc

import numpy as np

#: Targets (issue 14).
VERIFY_COLD_TARGET_S = 45.0
VERIFY_QUICK_TARGET_S = 20.0
VERIFY_COLD_AIM_S = 30.0
VERIFY_QUICK_AIM_S = 10.0
#: Array evaluation: evaluations per second of an elementary closed form on float64 arrays,
#: the largest slowdown against the bare numpy expression, and the accuracy against mpmath.
ARRAY_RATE_TARGET = 5e6
ARRAY_SLOWDOWN_TARGET = 20.0
ARRAY_RTOL_TARGET = 1e-12
#: The exact Monte Carlo path runs at least at this fraction of numpy's rate for its draws.
RNG_FRACTION_TARGET = 0.5
#: Chain-generations of the streaming memory measurement.
STREAM_CHAIN_GENERATIONS = 10**8


def _time(fn):
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _best(fn, repeats=5):
    fn()  # warm up: the first array call derives and checks the float64 form
    return min(_time(fn) for _ in range(repeats))


class _Progress:
    """A one-line progress bar on stderr."""

    def __init__(self, stages, stream=None):
        self.stages, self.done, self.start = stages, 0, time.perf_counter()
        self.stream = stream if stream is not None else sys.stderr

    def __call__(self, what):
        self.done += 1
        width = 30
        filled = width * min(self.done, self.stages) // self.stages
        print(f"bench [{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.stages} "
              f"{time.perf_counter() - self.start:6.1f} s  {what}", file=self.stream, flush=True)


# --- verify -------------------------------------------------------------------------------
def _verify_wall(args, cache_folder) -> float:
    env = dict(os.environ)
    from .cache import CACHE_ENV
    env[CACHE_ENV] = str(cache_folder)
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "modelcollapse.numerics.cli", "verify", *args],
                       env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if p.returncode not in (0, 1):
        raise RuntimeError(f"verify {' '.join(args)} failed: {p.stderr.strip().splitlines()[-1:]}")
    return seconds


def verify_bench(say) -> dict:
    """Wall time of ``modelcollapse verify`` (a new process each, imports included): with an
    empty cache (cold), then with the cache it filled, in full and with ``--quick``."""
    out = {}
    with tempfile.TemporaryDirectory() as folder:
        out["cold_s"] = _verify_wall([], folder)
        say("verify, cold cache")
        out["cached_s"] = _verify_wall([], folder)
        say("verify, cached")
        out["quick_cached_s"] = _verify_wall(["--quick"], folder)
        say("verify --quick, cached")
    from .parallel import available_cpus
    out.update(workers=available_cpus(), target_cold_s=VERIFY_COLD_TARGET_S, aim_cold_s=VERIFY_COLD_AIM_S,
               target_quick_s=VERIFY_QUICK_TARGET_S, aim_quick_s=VERIFY_QUICK_AIM_S)
    return out


# --- per result ---------------------------------------------------------------------------
def _evaluation_point(r, t_eval=None):
    from modelcollapse.theory.symbols import WF
    from . import checks
    point = checks.spec_for(r.id).points[0]
    # closed forms at t = 10^6; Markov-chain quantities (t matrix-vector products) at t = 100; values
    # evaluated term by term (no reference route: an exact recursion or a sum over the generations) at 1000
    spec = checks.spec_for(r.id)
    t_eval = t_eval or (100 if r.closed_form.has(WF) else 10**6 if spec.reference_ts else 1000)
    t_eval = (len(point["ns"]) if "ns" in point else t_eval) if "t" in r.parameters else None
    return checks.result_params(r, point, t_eval), t_eval


def _evaluates_at_large_t(r) -> bool:
    """Whether the result takes the bench's evaluation point (an exact recursion evaluated in rational
    arithmetic takes small t only: it is timed for what it has)."""
    try:
        r(**_evaluation_point(r)[0])
    except ValueError:
        return False
    return True


def result_row(rid, folder) -> dict:
    """Derive and prove (cold), the same from the cache, reference route, one float evaluation,
    and the array route with its error against mpmath on the extreme grid, for one result."""
    from modelcollapse import proofs, theory
    from modelcollapse.theory.evaluation import float_route

    from . import checks
    from .cache import ResultCache

    r = theory.get(rid)
    cache = ResultCache(folder)
    row = {"id": r.id}
    row["derive_s"] = _time(lambda: r.derivation)
    row["prove_s"] = _time(lambda: proofs.status(r.id))
    cache.store_derivation(r)
    cache.store_verdict(r, {"status": proofs.status(r.id)})
    derivation = vars(r).pop("derivation")
    t0 = time.perf_counter()
    hit = cache.load_verdict(r) is not None and cache.install_derivation(r)
    row["cached_s"] = time.perf_counter() - t0 if hit else None
    cache.forget_installed()
    vars(r)["derivation"] = derivation
    # A result with its own check (the information results) or without check points or a
    # reference route (a search, an exact recursion) is timed for what it has.
    spec = checks.spec_for(r.id) if checks.own_check(r.id) is None else None
    row["reference_s"] = _time(lambda: checks.reference_check(r.id)) if spec and spec.reference_ts else None
    row.update(eval_t=None, float_eval_us=None, array_route=None, array_max_rel_error=None)
    if spec and spec.points and _evaluates_at_large_t(r):
        own, row["eval_t"] = _evaluation_point(r)
        row["float_eval_us"] = 1e6 * _time(lambda: [r(**own) for _ in range(10)]) / 10
        route = float_route(r)
        row["array_route"] = route.kind
        # the error of an accepted float64 route (a rejected one falls back to the mpmath loop)
        row["array_max_rel_error"] = route.max_rel_error if route.kind == "float64" else None
    return row


def result_rows(say, ids=None) -> list:
    """:func:`result_row` for every result (default: the registry), on the available CPUs (the
    results of one model in one process, as ``verify`` runs them; one per 4 results at most)."""
    from modelcollapse import theory

    from .parallel import available_cpus, run_tasks
    from .verify import task_costs, task_group

    ids = list(ids) if ids else [r.id for r in theory.results()]
    with tempfile.TemporaryDirectory() as folder:
        return run_tasks(result_row, [(rid, folder) for rid in ids], workers=min(available_cpus(), max(1, len(ids) // 4)),
                         costs=task_costs(ids), groups=[task_group(rid) for rid in ids],
                         progress=lambda i, row: say(f"result {row['id']}"))


def array_bench(points=10**6) -> dict:
    """Evaluations per second of gaussian.variance over ``points`` values of n, against the
    bare numpy expression of the same formula, sigma0^2 ((n - 1)/(n - ddof))^t."""
    from modelcollapse import theory

    n = np.arange(2, points + 2)
    t, ddof, sigma0 = 10, 0, 1.0
    r = theory.get("gaussian.variance")
    package_s = _best(lambda: r(n=n, t=t, ddof=ddof, sigma0=sigma0))
    bare_s = _best(lambda: sigma0**2 * ((n - 1) / (n - ddof)) ** t)
    return {"result": r.id, "points": points, "evals_per_s": points / package_s,
            "bare_numpy_evals_per_s": points / bare_s, "slowdown": package_s / bare_s,
            "target_evals_per_s": ARRAY_RATE_TARGET, "target_slowdown": ARRAY_SLOWDOWN_TARGET}


# --- Monte Carlo ----------------------------------------------------------------------------
def _research_gaussian(n, t, chains, seed=0):
    """The loop of the public research code: one chain at a time, all n samples each generation,
    then np.mean / np.std."""
    rng = np.random.default_rng(seed)
    out = np.empty(chains)
    for c in range(chains):
        mu, sigma = 0.0, 1.0
        for _ in range(t):
            x = rng.normal(mu, sigma, n)
            mu, sigma = np.mean(x), np.std(x)
        out[c] = sigma
    return out


def _research_categorical(p0, n, t, chains, seed=0):
    """The research loop for categories: np.random.choice of n labels, then bincount."""
    rng = np.random.default_rng(seed)
    K = len(p0)
    for _ in range(chains):
        p = np.asarray(p0, dtype=float)
        for _ in range(t):
            p = np.bincount(rng.choice(K, n, p=p), minlength=K) / n
    return p


def monte_carlo_bench(say, scale=1.0) -> dict:
    """Throughputs in chain-generations per second, their ratios, and streaming peak memory."""
    from .categorical_sim import simulate_categorical
    from .gaussian_sim import simulate_gaussian
    from .streaming import BATCH_CHAINS, stream_gaussian

    out = {}
    t = 100
    # Raw numpy rate for the draws the exact Gaussian path needs: one normal and one chi-square.
    cells = max(int(2_000_000 * scale), 1000)
    rng = np.random.default_rng(0)
    raw = _best(lambda: (rng.standard_normal(cells), rng.chisquare(99, cells)), repeats=3)
    chains = max(cells // t, 10)
    exact = _best(lambda: simulate_gaussian(100, t, chains, seed=1), repeats=3)
    out["gaussian"] = {"raw_rng_per_s": cells / raw, "exact_per_s": chains * t / exact}
    out["gaussian"]["fraction_of_rng"] = out["gaussian"]["exact_per_s"] / out["gaussian"]["raw_rng_per_s"]
    say("Monte Carlo: exact path against the raw random numbers")
    for n in (100, 1000):
        c = max(int(2000 * scale), 10)
        samples = _time(lambda: simulate_gaussian(n, 20, c, seed=1, method="samples"))
        fast = _best(lambda: simulate_gaussian(n, 20, c * 50, seed=1), repeats=3) / 50
        out["gaussian"][f"exact_vs_samples_n{n}"] = samples / fast
    say("Monte Carlo: exact path against the all-samples path")
    c = max(int(200 * scale), 4)
    research = _time(lambda: _research_gaussian(100, 20, c))
    out["gaussian"]["research_loop_per_s"] = c * 20 / research
    out["gaussian"]["exact_vs_research_loop"] = out["gaussian"]["exact_per_s"] / out["gaussian"]["research_loop_per_s"]
    p0 = [0.1] * 10
    c = max(int(200 * scale), 4)
    research = _time(lambda: _research_categorical(p0, 100, 20, c))
    exact_chains = max(int(200_000 * scale), 100)
    exact = _best(lambda: simulate_categorical(p0, 100, 20, exact_chains, seed=1, keep=(20,)), repeats=3)
    raw = _best(lambda: rng.multinomial(100, np.full((exact_chains, 10), 0.1)), repeats=3)
    out["categorical"] = {"exact_per_s": exact_chains * 20 / exact, "raw_rng_per_s": exact_chains / raw,
                          "research_loop_per_s": c * 20 / research}
    out["categorical"]["fraction_of_rng"] = out["categorical"]["exact_per_s"] / out["categorical"]["raw_rng_per_s"]
    out["categorical"]["exact_vs_research_loop"] = out["categorical"]["exact_per_s"] / out["categorical"][
        "research_loop_per_s"]
    say("Monte Carlo: exact paths against the research loops")

    # Streaming: peak traced memory for 10^8 chain-generations and for a tenth of them.
    total = max(int(STREAM_CHAIN_GENERATIONS * scale), 10 * BATCH_CHAINS * t // 100)
    peaks = {}
    for label, cg in (("tenth", total // 10), ("full", total)):
        tracemalloc.start()
        seconds = _time(lambda: stream_gaussian(100, t, max(cg // t, 2), seed=5))
        peaks[label] = (tracemalloc.get_traced_memory()[1], seconds)
        tracemalloc.stop()
        say(f"streaming {cg:.0e} chain-generations")
    out["streaming"] = {"chain_generations": total, "t": t, "batch_chains": BATCH_CHAINS,
                        "peak_bytes": peaks["full"][0], "peak_bytes_at_a_tenth": peaks["tenth"][0],
                        "seconds": peaks["full"][1], "per_s": total / peaks["full"][1]}
    # Two workers against one, on the same streaming run (identical numbers; process start included).
    one = peaks["full"][1]
    two = _time(lambda: stream_gaussian(100, t, max(total // t, 2), seed=5, workers=2))
    out["streaming"].update(one_worker_s=one, two_workers_s=two, speedup_two_workers=one / two)
    say("streaming: two workers against one")
    return out


def dask_bench(say) -> dict:
    """The same streaming run on a local Dask cluster and locally: identical numbers?"""
    from .streaming import stream_gaussian
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        say("Dask: not installed")
        return {"installed": False}
    args = dict(n=20, t=10, chains=50_000, seed=3, batch_chains=4096)
    local = stream_gaussian(**args)
    seconds = time.perf_counter()
    remote = stream_gaussian(backend="dask", workers=2, **args)
    seconds = time.perf_counter() - seconds
    same = all(np.array_equal(getattr(local.moments[k], f), getattr(remote.moments[k], f))
               for k in local.moments for f in ("mean", "m2", "m3", "m4"))
    say("Dask: local cluster against one local worker")
    return {"installed": True, "identical": bool(same), "seconds_with_cluster_start": seconds}


def run_bench(out, as_json=False, with_verify=True, scale=1.0, ids=None, with_dask=True) -> int:
    """Run every section and print it (``as_json``: one JSON object). ``scale`` shrinks the
    Monte Carlo sizes; ``with_verify=False`` and ``with_dask=False`` skip the verify timings and
    the Dask cluster (for a smoke test)."""
    from modelcollapse import theory
    stages = (3 if with_verify else 0) + len(ids or theory.results()) + 1 + 6 + 1
    say = _Progress(stages)
    report = {}
    if with_verify:
        report["verify"] = verify_bench(say)
    report["results"] = result_rows(say, ids)
    report["array_evaluation"] = array_bench(max(int(10**6 * min(scale, 1.0)), 1000))
    say("array evaluation")
    report["monte_carlo"] = monte_carlo_bench(say, scale)
    report["dask"] = dask_bench(say) if with_dask else {"installed": None}
    report["load_average"] = os.getloadavg() if hasattr(os, "getloadavg") else None
    if as_json:
        print(json.dumps(report, indent=2), file=out)
    else:
        print(format_bench(report), file=out)
    return 0


def _mark(ok):
    return "met" if ok else "NOT MET"


def format_bench(report: dict) -> str:
    """The bench report as text, each figure beside its target."""
    lines = []
    v = report.get("verify")
    if v:
        lines += ["verify (wall time of a new process, imports included; "
                  f"{v['workers']} workers by default):",
                  f"  cold cache     {v['cold_s']:7.1f} s   target < {v['target_cold_s']:.0f} s "
                  f"(aim {v['aim_cold_s']:.0f} s): {_mark(v['cold_s'] < v['target_cold_s'])}",
                  f"  cached         {v['cached_s']:7.1f} s",
                  f"  --quick        {v['quick_cached_s']:7.1f} s   target < {v['target_quick_s']:.0f} s "
                  f"(aim {v['aim_quick_s']:.0f} s), cached: {_mark(v['quick_cached_s'] < v['target_quick_s'])}", ""]
    lines.append(f"{'result':<32} {'derive s':>9} {'prove s':>8} {'cached s':>9} {'reference s':>12} "
                 f"{'eval us':>9} {'at t':>8}  {'array route':<11} {'max rel err':>11}")
    for row in report["results"]:
        def f(x, fmt):
            return format(x, fmt) if x is not None else "-"
        lines.append(f"{row['id']:<32} {row['derive_s']:>9.2f} {row['prove_s']:>8.2f} {f(row['cached_s'], '9.3f'):>9} "
                     f"{f(row['reference_s'], '12.2f'):>12} {f(row['float_eval_us'], '9.1f'):>9} "
                     f"{row['eval_t'] if row['eval_t'] is not None else '-':>8}  {row['array_route'] or '-':<11} "
                     f"{f(row['array_max_rel_error'], '11.1e'):>11}")
    errors = [row["array_max_rel_error"] for row in report["results"] if row["array_max_rel_error"] is not None]
    lines.append(f"  float64 array routes against mpmath on the extreme grid (n, t up to 1e9): worst "
                 f"{max(errors, default=0):.1e}, target <= {ARRAY_RTOL_TARGET:.0e}: "
                 f"{_mark(max(errors, default=0) <= ARRAY_RTOL_TARGET)}")
    a = report["array_evaluation"]
    lines += ["", f"array evaluation, {a['result']} over {a['points']:.0e} points:",
              f"  {a['evals_per_s']:.3g} evals/s, target >= {a['target_evals_per_s']:.0e}: "
              f"{_mark(a['evals_per_s'] >= a['target_evals_per_s'])}",
              f"  {a['slowdown']:.1f}x the bare numpy expression ({a['bare_numpy_evals_per_s']:.3g} evals/s), "
              f"target within {a['target_slowdown']:.0f}x: {_mark(a['slowdown'] <= a['target_slowdown'])}"]
    m = report["monte_carlo"]
    g, c, s = m["gaussian"], m["categorical"], m["streaming"]
    lines += ["", "Monte Carlo (chain-generations per second):",
              f"  Gaussian exact path {g['exact_per_s']:.3g}/s, numpy draws its normal and chi-square at "
              f"{g['raw_rng_per_s']:.3g}/s: {100 * g['fraction_of_rng']:.0f}% (target >= "
              f"{100 * RNG_FRACTION_TARGET:.0f}%): {_mark(g['fraction_of_rng'] >= RNG_FRACTION_TARGET)}",
              f"  categorical exact path (K=10, n=100) {c['exact_per_s']:.3g}/s, numpy's multinomial "
              f"{c['raw_rng_per_s']:.3g}/s: {100 * c['fraction_of_rng']:.0f}% (target >= "
              f"{100 * RNG_FRACTION_TARGET:.0f}%): {_mark(c['fraction_of_rng'] >= RNG_FRACTION_TARGET)}",
              f"  exact path against the all-samples path: {g['exact_vs_samples_n100']:.0f}x faster at n = 100, "
              f"{g['exact_vs_samples_n1000']:.0f}x at n = 1000",
              f"  exact path against the research loop (one chain at a time, n = 100): Gaussian "
              f"{g['exact_vs_research_loop']:.0f}x faster ({g['research_loop_per_s']:.3g}/s), categories "
              f"{c['exact_vs_research_loop']:.0f}x faster ({c['research_loop_per_s']:.3g}/s)",
              f"  streaming {s['chain_generations']:.0e} chain-generations (t = {s['t']}, batches of "
              f"{s['batch_chains']} chains): {s['seconds']:.1f} s ({s['per_s']:.3g}/s, statistics included), "
              f"peak memory {s['peak_bytes'] / 2**20:.0f} MiB "
              f"({s['peak_bytes_at_a_tenth'] / 2**20:.0f} MiB for a tenth of the chains)",
              f"  two workers against one: {s['speedup_two_workers']:.2f}x "
              f"({s['one_worker_s']:.1f} s and {s['two_workers_s']:.1f} s)"]
    d = report["dask"]
    lines.append("  Dask backend: " + ("not measured" if d.get("installed") is None else
                                       "not installed" if not d.get("installed") else
                                       f"identical numbers to the local run: {d['identical']} "
                                       f"({d['seconds_with_cluster_start']:.1f} s with the cluster start)"))
    if report.get("load_average"):
        lines.append(f"\nload average while measuring: {', '.join(f'{x:.2f}' for x in report['load_average'])}")
    return "\n".join(lines)

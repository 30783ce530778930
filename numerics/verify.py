"""``modelcollapse verify``: every proof and every numerical check of every registered result.

The false-alarm rate is stated for the whole run: the Monte Carlo z-tests share a
family-wise rate :data:`FAMILY_ALPHA` by Bonferroni (each test runs at FAMILY_ALPHA / m for
m tests), so a correct package fails a run with probability below FAMILY_ALPHA whatever m is.
Proof checks and reference checks are deterministic. Every result's checks come from
:func:`~modelcollapse.numerics.checks.spec_for`: a result derived from a declared model is
checked by Monte Carlo of its declared law
(:func:`~modelcollapse.numerics.checks.model_monte_carlo_checks`) and against the reference
route generated from the same declaration (:mod:`~modelcollapse.numerics.declared_reference`);
a model's extensions by their own specifications.

Derivations, kernel verdicts and the deterministic reference and approximation checks are
cached (:mod:`~modelcollapse.numerics.cache`; ``recheck=True`` ignores the cache), and the
results can be checked in parallel processes or on a Dask cluster
(:mod:`~modelcollapse.numerics.parallel`): each result is one task with its own random
streams, so the report does not depend on where it ran.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Callable

from modelcollapse import proofs, theory

from . import checks
from .approximations import approximation_rows
from .streams import DEFAULT_SEED

#: Family-wise false-alarm rate of the Monte Carlo tests of one verify run.
FAMILY_ALPHA = 1e-5
#: Chains per parameter point: full run, and --quick.
CHAINS = 40_000
QUICK_CHAINS = 4_000


@dataclass
class ResultReport:
    id: str
    title: str
    proof: dict
    reference: dict | None
    monte_carlo: list = field(default_factory=list)
    #: Approximations against exact values (reported, not pass/fail).
    approximations: list = field(default_factory=list)
    #: CPU seconds the checks of this result took in the process that ran them.
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return (self.proof["status"] != "rejected" and (self.reference is None or self.reference["passed"])
                and all(c["passed"] for c in self.monte_carlo))

    def as_dict(self):
        return {"id": self.id, "title": self.title, "passed": self.passed, "proof": self.proof,
                "reference": self.reference, "monte_carlo": self.monte_carlo,
                "approximations": self.approximations, "seconds": round(self.seconds, 3)}


@dataclass
class VerifyReport:
    seed: int
    quick: bool
    chains: int
    family_alpha: float
    test_alpha: float
    z_critical: float
    results: list
    seconds: float
    #: The cache folder (None: not used), whether --recheck ignored it, and the ids whose
    #: derivation and kernel verdict came from it.
    cache: dict = field(default_factory=dict)
    #: The claims ledger, each verdict derived again (a full run only); a claim that cannot be
    #: decided (a result it rests on is missing or rejected) fails the run.
    claims: list = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(r.passed for r in self.results) and all(c["passed"] for c in self.claims)

    def as_dict(self):
        return {"passed": self.passed, "seed": self.seed, "quick": self.quick, "chains": self.chains,
                "family_alpha": self.family_alpha, "test_alpha": self.test_alpha, "z_critical": self.z_critical,
                "seconds": round(self.seconds, 3), "kernel": trust_base(), "cache": self.cache,
                "results": [r.as_dict() for r in self.results], "claims": self.claims}

    def outcome(self):
        """:meth:`as_dict` without timings and cache bookkeeping: what two runs with the same seed
        must share whatever the cache, the number of workers or the backend."""
        def strip(d):
            if isinstance(d, dict):
                return {k: strip(v) for k, v in d.items() if k not in ("seconds", "cached", "cache")}
            if isinstance(d, list):
                return [strip(x) for x in d]
            return d
        return strip(self.as_dict())


def trust_base() -> dict:
    """The kernel's size, rules and axioms (what "proved" rests on)."""
    return proofs.kernel.size()


def _count_tests(ids):
    return sum(checks.monte_carlo_test_count(i) for i in ids)


def verify(ids=None, quick=False, seed=DEFAULT_SEED, chains=None, family_alpha=None,
           progress: Callable[[str], None] | None = None, workers: int = 1, backend: str = "local",
           scheduler: str | None = None, recheck: bool = False, use_cache: bool = True,
           cache_folder=None) -> VerifyReport:
    """Run the proofs and checks of ``ids`` (default: every registered result).

    Parameters
    ----------
    ids : list of str, optional
    quick : bool
        Fewer chains (the false-alarm rate is unchanged; power is lower).
    seed : int
        Root seed; each check draws from its own stream keyed by result id and point.
    chains : int, optional
        Override the number of chains.
    family_alpha : float, optional
        Family-wise false-alarm rate of the Monte Carlo tests, in (0, 1); default FAMILY_ALPHA.
    progress : callable, optional
        Called with one line of text per stage.
    workers : int >= 1
        Results checked in parallel (processes, or Dask workers); the report is identical to
        one worker's (every check has its own random stream), timings aside.
    backend : "local" or "dask"
        See :mod:`~modelcollapse.numerics.parallel`; ``scheduler`` is a Dask scheduler address.
    recheck : bool
        Ignore the cache of derivations and kernel verdicts (:mod:`~modelcollapse.numerics.cache`):
        derive and check every proof again, and store the fresh entries.
    use_cache : bool
        False: neither read nor write the cache.
    cache_folder : path, optional
        The cache folder (default :func:`~modelcollapse.numerics.cache.cache_dir`).
    """
    from modelcollapse.theory.assumptions import check_int, check_real

    from .cache import cache_dir
    from .parallel import check_backend

    start = time.perf_counter()
    all_ids = [r.id for r in theory.results()]
    ids = list(all_ids if ids is None else ids)
    for i in ids:
        if checks.own_check(i) is not None:
            continue
        try:  # ValueError naming an unknown id, or a result without a check
            checks.spec_for(i)
        except ValueError as e:
            raise ValueError(f"ids: {e}") from None
    seed = check_int("seed", seed, lower=0)
    family_alpha = FAMILY_ALPHA if family_alpha is None else family_alpha
    family_alpha = check_real("family_alpha", family_alpha, positive=True, upper=1, upper_strict=True)
    chains = check_int("chains", chains, lower=10, upper=10**7) if chains is not None else (
        QUICK_CHAINS if quick else CHAINS)
    backend, workers = check_backend(backend, workers, scheduler)
    m = max(_count_tests(ids), 1)
    test_alpha = family_alpha / m
    say = progress or (lambda s: None)
    folder = str(cache_folder if cache_folder is not None else cache_dir()) if use_cache else None
    tasks = [(rid, chains, test_alpha, seed, folder, recheck, f"[{k}/{len(ids)}]")
             for k, rid in enumerate(ids, 1)]
    if workers == 1 and backend == "local":
        reports = [verify_result(*task, progress=say) for task in tasks]
    else:
        from .parallel import run_tasks
        say(f"checking {len(ids)} results on {workers} {'Dask' if backend == 'dask' else 'local'} workers")
        reports = run_tasks(verify_result, tasks, workers=workers, backend=backend, scheduler=scheduler,
                            costs=task_costs(ids, _session_cache(folder) if folder is not None else None),
                            groups=[task_group(rid) for rid in ids],
                            progress=lambda i, rep: say(f"{tasks[i][-1]} {rep.id}: done, proof {rep.proof['summary']}"
                                                        + (" (from the cache)" if rep.proof.get("cached") else "")))
    if folder is not None:
        _session_cache(folder).store_timings({r.id: r.seconds for r in reports})
    cache = {"folder": folder, "recheck": bool(recheck),
             "verdicts_from_cache": [r.id for r in reports if r.proof.get("cached")],
             "references_from_cache": [r.id for r in reports if r.reference and r.reference.get("cached")]}
    if ids == all_ids:
        # The workers derived every result and stored the derivations: install the ledger's from the
        # cache instead of deriving them again here, and take the statuses from the reports (each
        # worker's kernel verdict) instead of checking the proofs again.
        if folder is not None:
            _install_ledger_derivations(_session_cache(folder))
        claims = ledger_checks(say, statuses={r.id: r.proof["status"] for r in reports})
    else:
        claims = []
    return VerifyReport(seed, quick, chains, family_alpha, test_alpha, checks.z_critical(test_alpha), reports,
                        time.perf_counter() - start, cache, claims)


def ledger_checks(say=lambda s: None, statuses: dict | None = None) -> list:
    """Every claim of the ledger decided again from the results; passed when decided and every result it
    rests on has a status other than rejected.

    ``statuses`` maps result ids to the statuses this run found (the kernel verdicts of its reports);
    a result it does not name gets :func:`modelcollapse.proofs.status` (its proof checked here)."""
    from modelcollapse.theory import ledger
    say("claims ledger: deriving every verdict")
    known = {r.id for r in theory.results()}
    statuses = statuses or {}

    def status(rid):
        if rid not in known:
            return "not registered"
        return statuses[rid] if rid in statuses else proofs.status(rid)
    out = []
    for c in ledger.ledger(on_missing="mark")["claims"]:
        found = {rid: status(rid) for rid in c["results"]}
        out.append(dict(c, statuses=found,
                        passed=c["verdict"] != "undecided" and "rejected" not in found.values()))
    return out


def _install_ledger_derivations(cache) -> None:
    """Give the results the ledger evaluates their stored derivations (a miss is derived when used)."""
    from modelcollapse.theory import ledger
    known = {r.id for r in theory.results()}
    for rid in sorted({rid for c in ledger.claims() for rid in c.results} & known):
        cache.install_derivation(theory.get(rid))


def task_costs(ids, cache=None) -> list:
    """Expected seconds of each result's task, to hand the longest out first: what it took last
    time (recorded in the cache), else :data:`~modelcollapse.numerics.task_costs.COLD_SECONDS`."""
    from .task_costs import COLD_SECONDS
    recorded = cache.load_timings() if cache is not None else {}
    return [recorded.get(rid, COLD_SECONDS.get(rid, 1.0)) for rid in ids]


def task_group(rid) -> str:
    """The results derived from one model run in one process, which derives the model's shared
    functionals once (:func:`~modelcollapse.numerics.parallel.groups_by_cost`)."""
    model = getattr(theory.get(rid), "model", None)
    return model.name if model is not None else rid


_SESSION_CACHES: dict = {}


def _session_cache(folder):
    """One cache object per folder and process (it remembers which derivations it installed)."""
    from .cache import ResultCache
    if folder not in _SESSION_CACHES:
        _SESSION_CACHES[folder] = ResultCache(folder)
    return _SESSION_CACHES[folder]


def verify_result(rid, chains, test_alpha, seed, cache_folder=None, recheck=False, label="",
                  progress: Callable[[str], None] | None = None) -> ResultReport:
    """Proof, reference route, Monte Carlo tests and approximations of one result (one task of
    :func:`verify`; it runs in whichever process is given it)."""
    say = progress or (lambda s: None)
    start = time.process_time()
    r = theory.get(rid)
    cache = _session_cache(cache_folder) if cache_folder is not None else None
    if cache is not None and not recheck:
        verdict = cache.load_verdict(r)
        if verdict is not None and cache.install_derivation(r):
            say(f"{label} {rid}: derivation and kernel verdict from the cache")
            proof = dict(verdict, cached=True)
        else:
            proof = None
    else:
        proof = None
    if proof is None:
        if cache is not None:
            cache.forget_installed()  # the kernel checks proofs built from fresh derivations only
        say(f"{label} {rid}: deriving and checking the proof")
        rep = proofs.check(rid)
        status = proofs.status(rid)
        summary = rep.summary() if proofs.has_proof(rid) else f"{status}: {r.status_note}"
        if r.status and proofs.has_proof(rid):  # a value with a status, and claims the kernel proves
            summary = f"{status}; claims {', '.join(r.proved_claims)} {rep.summary()}"
        proof = {"status": status, "summary": summary,
                 "steps": len(rep.steps), "axioms": sorted(rep.axioms), "seconds": round(rep.seconds, 3)}
        if cache is not None:
            cache.store_derivation(r)
            if status != "rejected":  # a rejection (a step timed out on a loaded machine, say) is checked again
                cache.store_verdict(r, proof)
        proof["cached"] = False
    if checks.own_check(rid) is not None:
        from .information_checks import reference_check
        say(f"{label} {rid}: proof {proof['summary']}; reference route")
        ref = reference_check(rid).as_dict()
    elif checks.spec_for(rid).reference_ts:
        ref = cache.load_check(r, "reference") if cache is not None and not recheck else None
        if ref is not None:
            say(f"{label} {rid}: proof {proof['summary']}; reference route from the cache")
            ref["cached"] = True
        else:
            say(f"{label} {rid}: proof {proof['summary']}; reference route")
            ref = checks.reference_check(rid).as_dict()
            if cache is not None:
                cache.store_check(r, "reference", ref)
            ref["cached"] = False
    else:  # no reference route: an exact recursion checked by its literal workflow
        say(f"{label} {rid}: proof {proof['summary']}; no reference route")
        ref = None
    say(f"{label} {rid}: Monte Carlo ({chains} chains per point)")
    mc = [c.as_dict() for c in checks.monte_carlo_checks(rid, chains, test_alpha, seed)]
    approx = []
    if r.approximations:
        size = min(chains, QUICK_CHAINS)
        approx = cache.load_check(r, "approximations", f"{size} {seed}") if cache is not None and not recheck \
            else None
        if approx is None:
            say(f"{label} {rid}: approximations against exact values")
            approx = [row.as_dict() for row in approximation_rows(rid, size, seed)]
            if cache is not None:
                cache.store_check(r, "approximations", approx, f"{size} {seed}")
    return ResultReport(rid, r.title, proof, ref, mc, approx, time.process_time() - start)


def format_table(report: VerifyReport) -> str:
    """A plain-text table: one block per result, one line per Monte Carlo test."""
    size = trust_base()
    lines = [f"kernel (the trust base): {size['total']} lines, {len(size['rules'])} rules, {len(size['axioms'])} axioms "
             f"and {len(size['facts'])} distribution facts", "",
             f"modelcollapse verify: seed {report.seed}, {report.chains} chains per point, "
             f"family-wise false-alarm rate {report.family_alpha:g} "
             f"(each of {sum(len(r.monte_carlo) for r in report.results)} z-tests at {report.test_alpha:.2e}, "
             f"|z| <= {report.z_critical:.2f})", ""]
    header = f"{'t':>4} {'params':<34} {'closed form':>14} {'MC estimate':>14} {'SE':>10} {'z':>7}  ok"
    for r in report.results:
        status = "PASS" if r.passed else "FAIL"
        lines.append(f"{status}  {r.id} - {r.title}  [{r.proof['status']}]")
        lines.append(f"      {r.proof['summary']}" + (" (kernel verdict from the cache)" if r.proof.get("cached") else "")
                     + (f"; rests on: {', '.join(r.proof['axioms'])}" if r.proof["axioms"] else ""))
        if r.reference:
            lines.append(f"      reference route ({r.reference['points']} points): "
                         f"max rel. error {r.reference['max_rel_error']:.1e} (tol {r.reference['tolerance']:.0e})"
                         + (" (from the cache)" if r.reference.get("cached") else ""))
        lines.append("      " + header)
        for c in r.monte_carlo:
            params = ", ".join(f"{k}={_short(v)}" for k, v in c["params"].items())
            t = "-" if c["t"] is None or "t" not in theory.get(r.id).parameters else c["t"]
            cf = c["closed_form"]
            cf = f"[{cf[0]:.4g},{cf[1]:.4g}]" if isinstance(cf, (list, tuple)) else f"{cf:.6g}"
            lines.append(f"      {t:>4} {params:<34.34} {cf:>14} {c['estimate']:>14.6g} "
                         f"{c['se']:>10.2e} {c['z']:>7.2f}  {'ok' if c['passed'] else 'FAIL'}")
        if r.approximations:
            lines.append("      approximations (not exact; error against the exact value):")
            lines.append(f"      {'name':<14} {'params':<30} {'exact':>12} {'approx':>12} {'rel. err':>9} "
                         f"{'scaled':>8}  exact by")
            for a in r.approximations:
                params = ", ".join(f"{k}={_short(v)}" for k, v in a["params"].items())
                exact = f"{a['exact']:.6g}" + (f"±{a['exact_se']:.1g}" if a["exact_se"] else "")
                lines.append(f"      {a['name']:<14} {params:<30.30} {exact:>12} {a['approx']:>12.6g} "
                             f"{a['rel_error']:>9.2e} {a['scaled']:>8.3g}  {a['exact_by']}")
        lines.append("")
    for c in report.claims:
        lines.append(f"{'PASS' if c['passed'] else 'FAIL'}  {c['id']}: {c['verdict']} ("
                     + ", ".join(f"{rid} [{st}]" for rid, st in c["statuses"].items()) + ")")
    if report.claims:
        lines.append("")
    n_pass = sum(r.passed for r in report.results)
    counts = {}
    for r in report.results:
        counts[r.proof["status"]] = counts.get(r.proof["status"], 0) + 1
    lines.append("statuses: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    cache = report.cache or {}
    if cache.get("folder") is None:
        lines.append("cache: not used (every derivation and proof checked in this run)")
    else:
        cached = cache.get("verdicts_from_cache", [])
        lines.append(f"cache: {len(cached)} of {len(report.results)} kernel verdicts (and their derivations) came "
                     f"from the cache in {cache['folder']}" + (": " + ", ".join(cached) if cached else "")
                     + ("; --recheck ignored it" if cache.get("recheck") else
                        "" if not cached else "; --recheck checks them again"))
        refs = cache.get("references_from_cache", [])
        if refs:
            lines.append(f"cache: {len(refs)} reference-route comparisons (deterministic, keyed by the numerics "
                         f"source too) and the approximation tables came from the cache")
    lines.append(f"{n_pass}/{len(report.results)} results passed their proofs and checks in {report.seconds:.1f} s: "
                 f"{'PASS' if report.passed else 'FAIL'}")
    return "\n".join(lines)


def _short(v):
    if isinstance(v, (list, tuple)):
        return "[" + ",".join(_short(x) for x in v[:3]) + (",..]" if len(v) > 3 else "]")
    return f"{v:.4g}" if isinstance(v, float) else str(v)


def stderr_progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)

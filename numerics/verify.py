"""``modelcollapse verify``: every proof and every numerical check of every registered result.

The false-alarm rate is stated for the whole run: the Monte Carlo z-tests share a
family-wise rate :data:`FAMILY_ALPHA` by Bonferroni (each test runs at FAMILY_ALPHA / m for
m tests), so a correct package fails a run with probability below FAMILY_ALPHA whatever m is.
Proof checks and reference checks are deterministic. A result derived from a declared model
(``result.model``) without an entry in :data:`~modelcollapse.numerics.checks.SPECS` is checked
by Monte Carlo of its declared law at default points
(:func:`~modelcollapse.numerics.checks.model_monte_carlo_checks`); it has no reference route.
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

    @property
    def passed(self) -> bool:
        return (self.proof["status"] != "rejected" and (self.reference is None or self.reference["passed"])
                and all(c["passed"] for c in self.monte_carlo))

    def as_dict(self):
        return {"id": self.id, "title": self.title, "passed": self.passed, "proof": self.proof,
                "reference": self.reference, "monte_carlo": self.monte_carlo,
                "approximations": self.approximations}


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
    #: The claims ledger, each verdict derived again (a full run only); a claim that cannot be
    #: decided (a result it rests on is missing or rejected) fails the run.
    claims: list = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(r.passed for r in self.results) and all(c["passed"] for c in self.claims)

    def as_dict(self):
        return {"passed": self.passed, "seed": self.seed, "quick": self.quick, "chains": self.chains,
                "family_alpha": self.family_alpha, "test_alpha": self.test_alpha, "z_critical": self.z_critical,
                "seconds": round(self.seconds, 3), "kernel": trust_base(),
                "results": [r.as_dict() for r in self.results], "claims": self.claims}


def trust_base() -> dict:
    """The kernel's size, rules and axioms (what "proved" rests on)."""
    return proofs.kernel.size()


def _count_tests(ids):
    return sum(checks.monte_carlo_test_count(i) for i in ids)


def verify(ids=None, quick=False, seed=DEFAULT_SEED, chains=None, family_alpha=None,
           progress: Callable[[str], None] | None = None) -> VerifyReport:
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
    """
    from modelcollapse.theory.assumptions import check_int, check_real

    start = time.perf_counter()
    all_ids = [r.id for r in theory.results()]
    ids = list(all_ids if ids is None else ids)
    for i in ids:
        # ValueError naming an unknown id; a result derived from a declared model needs no spec.
        if i not in checks.SPECS and getattr(theory.get(i), "model", None) is None and checks.own_check(i) is None:
            raise ValueError(f"ids: {i} has no numerical check specification")
    seed = check_int("seed", seed, lower=0)
    family_alpha = FAMILY_ALPHA if family_alpha is None else family_alpha
    family_alpha = check_real("family_alpha", family_alpha, positive=True, upper=1, upper_strict=True)
    chains = check_int("chains", chains, lower=10, upper=10**7) if chains is not None else (
        QUICK_CHAINS if quick else CHAINS)
    m = max(_count_tests(ids), 1)
    test_alpha = family_alpha / m
    say = progress or (lambda s: None)
    reports = []
    for k, rid in enumerate(ids, 1):
        r = theory.get(rid)
        say(f"[{k}/{len(ids)}] {rid}: deriving and checking the proof")
        rep = proofs.check(rid)
        status = proofs.status(rid)
        proof = {"status": status, "summary": rep.summary() if proofs.has_proof(rid) else f"{status}: {r.status_note}",
                 "steps": len(rep.steps), "axioms": sorted(rep.axioms), "seconds": round(rep.seconds, 3)}
        if rid in checks.SPECS:
            say(f"[{k}/{len(ids)}] {rid}: proof {proof['summary']}; reference route")
            ref = checks.reference_check(rid).as_dict()
        elif checks.own_check(rid) is not None:
            from .information_checks import reference_check
            say(f"[{k}/{len(ids)}] {rid}: proof {proof['summary']}; reference route")
            ref = reference_check(rid).as_dict()
        else:  # derived from a declared model: no reference route yet, Monte Carlo of the declared law
            say(f"[{k}/{len(ids)}] {rid}: proof {proof['summary']}; no reference route (declared model)")
            ref = None
        say(f"[{k}/{len(ids)}] {rid}: Monte Carlo ({chains} chains per point)")
        mc = [c.as_dict() for c in checks.monte_carlo_checks(rid, chains, test_alpha, seed)]
        approx = []
        if r.approximations:
            say(f"[{k}/{len(ids)}] {rid}: approximations against exact values")
            approx = [row.as_dict() for row in approximation_rows(rid, min(chains, QUICK_CHAINS), seed)]
        reports.append(ResultReport(rid, r.title, proof, ref, mc, approx))
    claims = ledger_checks(say) if ids == all_ids else []
    return VerifyReport(seed, quick, chains, family_alpha, test_alpha, checks.z_critical(test_alpha), reports,
                        time.perf_counter() - start, claims)


def ledger_checks(say=lambda s: None) -> list:
    """Every claim of the ledger decided again from the results; passed when decided and every result it
    rests on has a status other than rejected."""
    from modelcollapse.theory import ledger
    say("claims ledger: deriving every verdict")
    out = []
    for c in ledger.ledger(on_missing="mark")["claims"]:
        known = {r.id for r in theory.results()}
        statuses = {rid: (proofs.status(rid) if rid in known else "not registered") for rid in c["results"]}
        c = dict(c, statuses=statuses, passed=c["verdict"] != "undecided" and "rejected" not in statuses.values())
        out.append(c)
    return out


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
        lines.append(f"      {r.proof['summary']}" + (f"; rests on: {', '.join(r.proof['axioms'])}"
                                                      if r.proof["axioms"] else ""))
        if r.reference:
            lines.append(f"      reference route ({r.reference['points']} points): "
                         f"max rel. error {r.reference['max_rel_error']:.1e} (tol {r.reference['tolerance']:.0e})")
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
    lines.append(f"{n_pass}/{len(report.results)} results passed their proofs and checks in {report.seconds:.1f} s: "
                 f"{'PASS' if report.passed else 'FAIL'}")
    return "\n".join(lines)


def _short(v):
    if isinstance(v, (list, tuple)):
        return "[" + ",".join(_short(x) for x in v[:3]) + (",..]" if len(v) > 3 else "]")
    return f"{v:.4g}" if isinstance(v, float) else str(v)


def stderr_progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)

"""The ``modelcollapse`` command line.

Commands: ``verify`` (prove and check everything), ``show ID`` (a result's statement,
derivation and proof), ``list`` (ids and titles), ``loss FAMILY`` (what each generation loses,
in bits), ``claims`` (the claims ledger), ``bench`` (timings), ``docs`` (build the
documentation site). A bad argument gives
a one-line error and exit status 2; a failed verification exits 1.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import textwrap


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, no usage dump
        raise _UsageError(message)


class _UsageError(Exception):
    pass


def _add_parallel_arguments(p):
    p.add_argument("--workers", type=int, default=None,
                   help="processes (or Dask workers) to use; default: the available CPUs, at most one per 4 results")
    p.add_argument("--backend", choices=("local", "dask"), default="local",
                   help="local processes, or a Dask cluster (pip install \"modelcollapse[dask]\")")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="address of a running Dask scheduler (default with --backend dask: a local cluster)")


def _parser():
    p = _Parser(prog="modelcollapse", description="Formal analysis of recursive self-training (model collapse).")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    v = sub.add_parser("verify", help="check every proof and every numerical check")
    v.add_argument("ids", nargs="*", metavar="ID", help="only these results (default: all)")
    v.add_argument("--quick", action="store_true", help="a smaller Monte Carlo budget")
    v.add_argument("--json", action="store_true", help="print the report as JSON")
    v.add_argument("--seed", type=int, default=None, help="root seed of the random streams")
    v.add_argument("--chains", type=int, default=None, help="chains per parameter point")
    v.add_argument("--recheck", action="store_true",
                   help="ignore the cache of derivations and kernel verdicts: derive and check every proof again")
    v.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    _add_parallel_arguments(v)
    s = sub.add_parser("show", help="statement, closed form and proof of one result")
    s.add_argument("id", metavar="ID")
    sub.add_parser("list", help="ids and titles of the registered results")
    b = sub.add_parser("bench", help="time derivations, proofs, references and simulation")
    b.add_argument("--json", action="store_true")
    b.add_argument("--rigor", action="store_true",
                   help="measure false-alarm rates, power against wrong formulas and kernel soundness (long)")
    b.add_argument("--seeds", type=int, default=200, help="seeds per result for --rigor calibration")
    lo = sub.add_parser("loss", help="entropy, divergence and information retained over t, in bits")
    lo.add_argument("family", metavar="FAMILY", help="gaussian, categorical or mixing")
    lo.add_argument("--n", type=int, default=20, help="samples per generation (default 20)")
    lo.add_argument("--t", type=int, default=50, help="generations (default 50)")
    lo.add_argument("--ddof", type=int, default=1, help="variance divisor n - ddof, 0 or 1 (gaussian; default 1)")
    lo.add_argument("--p0", default="0.5,0.3,0.2", help="original distribution, comma-separated (categorical)")
    lo.add_argument("--remedy", default="fresh", help="mixing: fresh (a fraction lam of each training set from the "
                    "original) or accumulate (every earlier sample kept); default fresh")
    lo.add_argument("--lam", type=float, default=0.5, help="mixing, fresh: the fresh fraction, lam n an integer in "
                    "[2, n - 2] (default 0.5)")
    lo.add_argument("--json", action="store_true", help="print the rows as JSON")
    lo.add_argument("--plot", metavar="FILE", default=None, help="write a plot of the measures over t")
    c = sub.add_parser("claims", help="the claims ledger: each claim's verdict, computed from the results")
    c.add_argument("--json", action="store_true", help="print the ledger as JSON")
    d = sub.add_parser("docs", help="build the documentation site and print the path of index.html")
    d.add_argument("--source", default=None, help="the docs/ folder (default: ./docs, else the checkout's)")
    d.add_argument("--out", default=None, help="output folder (default: SOURCE/_build/html)")
    return p


def _cmd_list(args, out):
    from modelcollapse import theory
    width = max(len(r.id) for r in theory.results())
    for r in theory.results():
        # The declared status, or "proof" for a result whose proof the kernel checks (verify, show).
        print(f"{r.id:<{width}}  {(r.status or 'proof'):<17}  {r.title}", file=out)
    return 0


def _cmd_show(args, out):
    from modelcollapse import proofs, theory
    from modelcollapse.proofs.catalogue import describe_rule
    from modelcollapse.theory.printing import latex, pretty, text
    r = theory.get(args.id)
    w = textwrap.TextWrapper(width=100, initial_indent="  ", subsequent_indent="  ")
    print(f"{r.id}: {r.title}", file=out)
    print(f"Status: {proofs.status(r.id)}" + (f" ({r.status_note})" if r.status_note else "") + "\n", file=out)
    if r.summary:
        print(w.fill(r.summary) + "\n", file=out)
    print("Statement:", file=out)
    print(textwrap.indent(pretty(r.statement), "  "), file=out)
    print(f"\n  text: {text(r.statement)}", file=out)
    print(f"  LaTeX: {latex(r.statement)}", file=out)
    print("\nAssumptions: " + ("; ".join(a.describe() for a in r.assumptions) or "none"), file=out)
    for name, claim in r.claims.items():
        print(f"Claim {name} (proved): {text(claim)}", file=out)
    for name, claim in r.remarks.items():
        print(f"Remark {name} (not proved by the kernel): {text(claim)}", file=out)
    print("\nDerivation (sympy, from the one-step law):", file=out)
    for i, st in enumerate(r.derivation.steps, 1):
        print(f"  {i}. {st.text}", file=out)
        if st.relation is not None:
            print(textwrap.indent(text(st.relation), "       "), file=out)
    if r.approximations:
        print("\nApproximations (not exact; `modelcollapse verify` reports their measured error):", file=out)
        for name, ap in r.approximations.items():
            print(f"  {name}: {ap.text}", file=out)
            print(textwrap.indent(text(ap.expression), "       "), file=out)
    rep = proofs.check(r.id)
    if not proofs.has_proof(r.id):
        print(f"\nNo kernel proof: {proofs.status(r.id)} ({r.status_note}).", file=out)
    else:
        what = f"Proof of the claims {', '.join(r.proved_claims)}" if r.status else "Proof"
        print(f"\n{what} ({rep.summary()}, checked by the kernel in {rep.seconds:.2f} s):", file=out)
    for sr in rep.steps:
        step = sr.step
        rule = describe_rule(step.rule)
        prem = f" from {', '.join(step.premises)}" if step.premises else ""
        mark = "ok" if sr.verdict.ok else f"FAILED: {sr.verdict.message}"
        print(f"  [{step.label}] by {rule}{prem}: {mark}", file=out)
        print(textwrap.indent(text(step.relation), "       "), file=out)
        if step.text:
            print(f"       ({step.text})", file=out)
    print("\nAxioms and definitions it rests on:", file=out)
    for name in sorted(rep.axioms):
        ax = proofs.AXIOMS[name]
        cite = "; ".join(str(c) for c in ax.references) or "definition"
        print(f"  {name} ({ax.kind}): {ax.statement}\n      [{cite}]", file=out)
    print("\nReferences:", file=out)
    for ref in r.references:
        print(w.fill(str(ref)), file=out)
    return 0


def _cmd_verify(args, out):
    from .streams import DEFAULT_SEED
    from .verify import format_table, stderr_progress, verify
    from modelcollapse import theory
    from .parallel import available_cpus
    count = len(args.ids) if args.ids else len(theory.results())
    # By default one process per 4 results, up to the CPUs: starting a process costs an import,
    # worth it only when it has several results to check.
    workers = min(available_cpus(), max(1, count // 4)) if args.workers is None else args.workers
    report = verify(ids=args.ids or None, quick=args.quick, seed=DEFAULT_SEED if args.seed is None else args.seed,
                    chains=args.chains, progress=stderr_progress, workers=workers, backend=args.backend,
                    scheduler=args.scheduler, recheck=args.recheck, use_cache=not args.no_cache)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2, default=float), file=out)
    else:
        print(format_table(report), file=out)
    return 0 if report.passed else 1


def _cmd_bench(args, out):
    if args.rigor:
        from modelcollapse.theory.assumptions import check_int
        from .rigor import run_rigor
        return run_rigor(out, seeds=check_int("seeds", args.seeds, lower=1))
    from .bench import run_bench
    return run_bench(out, as_json=args.json)


def _parse_p0(text):
    try:
        return tuple(float(v) for v in text.split(","))
    except ValueError:
        raise ValueError(f"p0 must be comma-separated probabilities, got {text!r}") from None


def _cmd_loss(args, out):
    from .loss import COLUMNS, format_loss, loss_table, plot_loss, stderr_or_none
    rows = loss_table(args.family, n=args.n, t=args.t, ddof=args.ddof, p0=_parse_p0(args.p0),
                      progress=stderr_or_none(args.t), remedy=args.remedy, lam=args.lam)
    if args.plot:
        detail = {"gaussian": f", ddof = {args.ddof}", "categorical": f", p0 = ({args.p0})",
                  "mixing": f", {args.remedy}" + (f", lam = {args.lam:g}, ddof = {args.ddof}"
                                                    if args.remedy == "fresh" else "")}[args.family]
        plot_loss(args.family, rows, args.plot, f"{args.family}: n = {args.n}{detail}")
    if args.json:
        labels = dict(COLUMNS[args.family])
        print(json.dumps({"family": args.family, "units": "bits", "columns": labels,
                          "rows": [{k: (None if isinstance(v, float) and not math.isfinite(v) else v)
                                    for k, v in r.items()} for r in rows]}, indent=2), file=out)
    else:
        print(format_loss(args.family, rows), file=out)
        if args.plot:
            print(f"plot written to {args.plot}", file=out)
    return 0


def _cmd_claims(args, out):
    from modelcollapse import proofs
    from modelcollapse import theory
    from modelcollapse.theory import ledger
    data = ledger.ledger(on_missing="mark")
    known = {r.id for r in theory.results()}
    for c in data["claims"]:
        c["statuses"] = {rid: (proofs.status(rid) if rid in known else "not registered") for rid in c["results"]}
    if args.json:
        print(json.dumps(data, indent=2, default=float), file=out)
        return 0 if all(c["verdict"] != "undecided" for c in data["claims"]) else 1
    w = textwrap.TextWrapper(width=100, initial_indent="    ", subsequent_indent="    ")
    for c in data["claims"]:
        print(f"{c['id']}: {c['verdict'].upper()}", file=out)
        print(f"  claim: {c['claim']}", file=out)
        print(w.fill("why: " + c["reason"]), file=out)
        print("  rests on: " + ", ".join(f"{rid} [{c['statuses'][rid]}]" for rid in c["results"]), file=out)
        for f in c["figures"]:
            print(f"    {f['value']:>12.6g}  {f['name']}  ({f['result']})", file=out)
        print("", file=out)
    return 0 if all(c["verdict"] != "undecided" for c in data["claims"]) else 1


def _cmd_docs(args, out):
    from .docs import build_docs
    index = build_docs(args.source, args.out)
    print(index, file=out)
    return 0


def main(argv=None, out=None) -> int:
    out = out or sys.stdout
    try:
        args = _parser().parse_args(argv)
        if args.command is None:
            raise _UsageError("a command is required: verify, show, list, loss, claims, bench or docs (see --help)")
        return {"list": _cmd_list, "show": _cmd_show, "verify": _cmd_verify, "bench": _cmd_bench,
                "docs": _cmd_docs, "loss": _cmd_loss, "claims": _cmd_claims}[args.command](args, out)
    except (_UsageError, ValueError) as exc:
        print(f"modelcollapse: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("modelcollapse: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into head, say: stop quietly
        sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

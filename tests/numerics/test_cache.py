"""The cache of derivations and kernel verdicts: keys follow the kernel's and the proof's source,
``--recheck`` ignores it, the report names what came from it, and a cached run reports what a
fresh run reports."""

import json

import pytest

from modelcollapse import theory
from modelcollapse.numerics import cache as C
from modelcollapse.numerics.cli import main
from modelcollapse.numerics.verify import format_table, verify

IDS = ["gaussian.variance", "categorical.survival"]


def _stripped(report):
    """The report without timings and cache bookkeeping."""
    return report.outcome()


def test_cache_folder_follows_the_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv(C.CACHE_ENV, str(tmp_path / "here"))
    assert C.cache_dir() == tmp_path / "here"
    monkeypatch.delenv(C.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert C.cache_dir().name == "modelcollapse"


def test_second_run_reads_the_cache_and_reports_the_same(tmp_path):
    first = verify(ids=IDS, quick=True, chains=200, cache_folder=tmp_path)
    assert first.cache["verdicts_from_cache"] == []
    second = verify(ids=IDS, quick=True, chains=200, cache_folder=tmp_path)
    assert second.cache["verdicts_from_cache"] == IDS
    assert second.cache["references_from_cache"] == IDS
    assert all(r.proof["cached"] for r in second.results)
    assert _stripped(first) == _stripped(second)
    assert "2 of 2 kernel verdicts" in format_table(second) and "from the cache" in format_table(second)
    again = verify(ids=IDS, quick=True, chains=200, cache_folder=tmp_path, recheck=True)
    assert again.cache["verdicts_from_cache"] == [] and again.cache["recheck"]
    assert again.cache["references_from_cache"] == []
    assert _stripped(again) == _stripped(first)


def test_a_change_of_kernel_or_proof_source_invalidates(tmp_path, monkeypatch):
    r = theory.get("gaussian.variance")
    c = C.ResultCache(tmp_path)
    c.store_verdict(r, {"status": "proved"})
    c.store_derivation(r)
    assert c.load_verdict(r) == {"status": "proved"} and c.load_derivation(r) is not None
    # A different kernel source: the verdict key changes, the derivation key does not.
    monkeypatch.setitem(C._DIGESTS, "kernel", "another kernel")
    assert c.load_verdict(r) is None and c.load_derivation(r) is not None
    monkeypatch.undo()
    assert c.load_verdict(r) == {"status": "proved"}
    # A different proof source (engine, builders, the declaring file): both keys change.
    monkeypatch.setitem(C._DIGESTS, "source", "another engine")
    assert c.load_verdict(r) is None and c.load_derivation(r) is None


def test_the_source_digests_read_the_files(tmp_path):
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("x = 1\n")
    b.write_text("y = 2\n")
    before = C._hash_files([a, b])
    a.write_text("x = 2\n")
    assert C._hash_files([a, b]) != before
    assert C.declared_in(theory.get("gaussian.variance")).endswith("gaussian.py")


def test_corrupt_entries_are_misses(tmp_path):
    r = theory.get("poisson.mean")
    c = C.ResultCache(tmp_path)
    c.store_verdict(r, {"status": "proved"})
    c.store_derivation(r)
    for p in tmp_path.rglob("poisson.mean-*"):
        p.write_bytes(b"\x00garbage")
    assert c.load_verdict(r) is None and c.load_derivation(r) is None


def test_cli_recheck_and_no_cache(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(C.CACHE_ENV, str(tmp_path))
    args = ["verify", "poisson.mean", "--quick", "--chains", "200", "--json", "--workers", "1"]
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["cache"]["verdicts_from_cache"] == []
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["cache"]["verdicts_from_cache"] == ["poisson.mean"]
    assert main(args + ["--recheck"]) == 0
    assert json.loads(capsys.readouterr().out)["cache"]["verdicts_from_cache"] == []
    assert main(args + ["--no-cache"]) == 0
    assert json.loads(capsys.readouterr().out)["cache"]["folder"] is None


@pytest.mark.parametrize("argv, needle", [
    (["verify", "--workers", "0"], "workers"), (["verify", "--backend", "spark"], "backend"),
    (["verify", "--scheduler", "tcp://x:1"], "scheduler")])
def test_bad_parallel_arguments(argv, needle, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and needle in err[0]


def test_the_kernel_never_reads_an_installed_derivation(tmp_path):
    r = theory.get("poisson.variance")
    c = C.ResultCache(tmp_path)
    c.store_derivation(r)
    original = vars(r).pop("derivation")
    try:
        assert c.install_derivation(r) and r.derivation is not original
        assert r.closed_form == original.closed_form
        c.forget_installed()  # what verify does before the kernel checks a proof
        assert "derivation" not in vars(r)
    finally:
        vars(r)["derivation"] = original


def test_a_result_declared_outside_a_file_is_never_cached(tmp_path):
    import sympy as sp

    from modelcollapse import Model, Poisson
    from modelcollapse.theory.assumptions import IntegerAtLeast, PositiveReal
    n, lam, theta, S = sp.symbols("n lam theta S")
    namespace = {"Model": Model, "Poisson": Poisson, "IntegerAtLeast": IntegerAtLeast, "PositiveReal": PositiveReal,
                 "n": n, "lam": lam, "theta": theta, "S": S}
    exec(compile('m = Model("nofile", params=[IntegerAtLeast("n", n, 1), PositiveReal("lam", lam)], '
                 'state={theta: lam}, draws={S: Poisson(n * theta)}, step={theta: S / n})', "<session>", "exec"),
         namespace)
    m = namespace["m"]
    try:
        r = m.expectation(theta, id="nofile.mean")
        assert C.derivation_key(r) is None and C.verdict_key(r) is None
        c = C.ResultCache(tmp_path)
        c.store_verdict(r, {"status": "proved"})
        c.store_derivation(r)
        assert c.load_verdict(r) is None and not list(tmp_path.rglob("*"))
    finally:
        m.forget()


def test_a_rejected_verdict_is_never_cached(tmp_path, monkeypatch):
    from modelcollapse import proofs
    monkeypatch.setattr(proofs, "status", lambda rid: "rejected")
    first = verify(ids=["poisson.mean"], quick=True, chains=200, cache_folder=tmp_path)
    assert first.results[0].proof["status"] == "rejected" and not first.passed
    second = verify(ids=["poisson.mean"], quick=True, chains=200, cache_folder=tmp_path)
    assert second.cache["verdicts_from_cache"] == [] and not second.passed


def test_timings_are_recorded_and_order_the_next_run(tmp_path):
    from modelcollapse.numerics.verify import task_costs
    from modelcollapse.numerics.task_costs import COLD_SECONDS
    cache = C.ResultCache(tmp_path)
    assert task_costs(["gaussian.kl", "poisson.mean"], cache) == [COLD_SECONDS["gaussian.kl"],
                                                                  COLD_SECONDS["poisson.mean"]]
    verify(ids=["poisson.mean"], quick=True, chains=200, cache_folder=tmp_path, workers=1)
    recorded = C.ResultCache(tmp_path).load_timings()
    assert set(recorded) == {"poisson.mean"} and recorded["poisson.mean"] > 0
    assert task_costs(["poisson.mean"], C.ResultCache(tmp_path)) == [recorded["poisson.mean"]]
    (tmp_path / "timings.json").write_text("not json")
    assert C.ResultCache(tmp_path).load_timings() == {}

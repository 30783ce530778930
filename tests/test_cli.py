"""The command line, as a user runs it."""

import json
import modelcollapse.numerics.verify  # noqa: F401  (for sys.modules below)
import subprocess
import sys

import pytest

from modelcollapse.numerics.cli import main


def run(*argv):
    return subprocess.run([sys.executable, "-m", "modelcollapse.numerics.cli", *argv], capture_output=True,
                          text=True, timeout=600)


def test_list(capsys):
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "gaussian.kl" in out and "Expected KL divergence" in out


def test_show_kl_prints_a_derivation(capsys):
    assert main(["show", "gaussian.kl"]) == 0
    out = capsys.readouterr().out
    for needle in ("Statement:", "LaTeX:", "Derivation", "Proof (proved", "induction", "Axioms", "References",
                   "n integer >= 4"):
        assert needle in out


@pytest.mark.parametrize("argv,needle", [
    ([], "command is required"), (["show"], "required"), (["show", "gaussian.nope"], "gaussian.nope"),
    (["verify", "--chains", "abc"], "chains"), (["verify", "--chains", "3"], "chains"),
    (["verify", "--seed", "-1"], "seed"), (["verify", "nope.id"], "nope.id"), (["frobnicate"], "frobnicate"),
])
def test_bad_arguments_one_line_exit_2(argv, needle, capsys):
    # In-process (main returns the exit code); the real process is run once below.
    assert main(argv) == 2
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and "Traceback" not in err


@pytest.mark.parametrize("argv,needle", [(["verify", "--seed", "-1"], "seed"), (["frobnicate"], "frobnicate")])
def test_bad_arguments_exit_2_from_a_real_process(argv, needle):
    """The same table as a user meets it: the interpreter's exit status and stderr (an argparse
    error and one of the package's own)."""
    p = run(*argv)
    assert p.returncode == 2
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and "Traceback" not in p.stderr


def test_verify_json_subset():
    p = run("verify", "gaussian.variance", "gaussian.mean_drift", "--quick", "--json")
    assert p.returncode == 0, p.stderr
    report = json.loads(p.stdout)
    assert report["passed"] and report["family_alpha"] == 1e-5
    assert [r["id"] for r in report["results"]] == ["gaussian.variance", "gaussian.mean_drift"]
    r = report["results"][0]
    assert r["proof"]["status"] == "proved"
    # It rests on the declared law, the chi-square moments (cited), and the kernel's principles.
    assert {"law:gaussian", "chi_square_moments", "induction"} <= set(r["proof"]["axioms"])
    assert report["kernel"]["total"] > 0 and "Induction" in report["kernel"]["rules"]
    assert r["reference"]["passed"] and all(c["passed"] for c in r["monte_carlo"])
    assert "[1/2]" in p.stderr  # progress goes to stderr


def test_verify_fails_with_exit_1_when_a_check_fails(monkeypatch, capsys):
    V = sys.modules["modelcollapse.numerics.verify"]
    monkeypatch.setattr(V, "FAMILY_ALPHA", 0.999999)  # absurd rate: almost every z-test rejects
    rc = main(["verify", "gaussian.variance", "--quick"])
    # With alpha near 1 the critical |z| is ~0: at least one of the 12 tests fails.
    assert rc == 1

"""modelcollapse loss: the table's columns against the results, the exact chain against Monte
Carlo, the plot, bad input."""

import json
import math

import numpy as np
import pytest

from modelcollapse import theory
from modelcollapse.numerics.cli import main
from modelcollapse.numerics.loss import loss_table


def test_categorical_rows_are_the_divergence_result():
    rows = loss_table("categorical", n=8, t=4, p0=(0.6, 0.3, 0.1))
    r = theory.get("information.categorical_kl")
    for row in rows[1:]:
        assert math.isclose(row["divergence"], r(p0=[0.6, 0.3, 0.1], n=8, t=row["t"]), rel_tol=1e-9)


def test_categorical_exact_chain_agrees_with_monte_carlo():
    from modelcollapse.numerics.categorical_sim import entropy_rows, simulate_categorical
    rows = loss_table("categorical", n=10, t=5, p0=(0.5, 0.3, 0.2))
    path = simulate_categorical((0.5, 0.3, 0.2), 10, 5, 20000, seed=3, keep=(5,))
    values = entropy_rows(path.at(5)) / math.log(2)
    z = (values.mean() - rows[5]["entropy"]) / (values.std(ddof=1) / np.sqrt(values.size))
    assert abs(z) < 4.9  # two-sided, false alarm 1e-6


def test_gaussian_json_and_plot(tmp_path, capsys):
    png = tmp_path / "loss.png"
    assert main(["loss", "gaussian", "--n", "20", "--t", "12", "--json", "--plot", str(png)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["units"] == "bits" and len(data["rows"]) == 13
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    ret = [row["retained"] for row in data["rows"][1:]]
    assert all(a > b for a, b in zip(ret, ret[1:]))


@pytest.mark.parametrize("argv", [["loss", "weibull"], ["loss", "gaussian", "--n", "2"],
                                  ["loss", "categorical", "--p0", "0.5,0.6"], ["loss", "gaussian", "--ddof", "3"]])
def test_bad_input_exits_2(argv, capsys):
    assert main(argv) == 2
    assert capsys.readouterr().err.count("\n") == 1


# --- the mixing remedies: the table against the literal workflows (independent simulations) ------------
Z_ALARM = 4.9  # two-sided, false alarm about 1e-6 per comparison


def _agree(table_value, table_se, sample):
    z = (sample.mean() - table_value) / math.hypot(table_se, sample.std(ddof=1) / math.sqrt(sample.size))
    return abs(z) < Z_ALARM


@pytest.mark.parametrize("remedy, n, ddof", [("fresh", 20, 1), ("fresh", 10, 0), ("accumulate", 10, 0)])
def test_mixing_rows_agree_with_the_literal_workflow(remedy, n, ddof):
    from modelcollapse.numerics import mixing_workflows as mw
    t, sigma0 = 4, 1.5
    rows = loss_table("mixing", n=n, t=t, ddof=ddof, lam=0.5, remedy=remedy, sigma0=sigma0)
    if remedy == "fresh":
        mu, sigma = mw.fresh_gaussian_workflow(n, 0.5, t, ddof, sigma0, 20000, seed=11, mu0=0.3)
    else:
        mu, sigma = mw.accumulate_gaussian_workflow(n, t, sigma0, 20000, seed=11, mu0=0.3)
    for g in (1, t):
        row, s, d = rows[g], sigma[g] / sigma0, (mu[g] - 0.3) / sigma0
        # Exact columns against the workflow's sample means.
        assert _agree(row["variance"], 0.0, s ** 2), (g, "variance")
        drift = 1 / (2 ** (2 * row["retained"]) - 1)   # the drift the information bound was computed from
        assert _agree(drift, 0.0, d ** 2), (g, "drift")
        # Monte Carlo columns (declared law) against the workflow (literal samples).
        assert _agree(row["entropy"], row["entropy_se"], np.log2(s)), (g, "entropy")
        kl = (-np.log(s) + (1 + d ** 2) / (2 * s ** 2) - 0.5) / math.log(2)
        assert _agree(row["divergence"], row["divergence_se"], kl), (g, "divergence")


def test_mixing_keeps_information_that_plain_refitting_loses():
    fresh = loss_table("mixing", n=20, t=60, lam=0.5, remedy="fresh")
    plain = loss_table("gaussian", n=20, t=60, ddof=1)
    assert fresh[-1]["retained"] > 1.5 > plain[-1]["retained"]
    assert abs(fresh[-1]["divergence"]) < 1 < plain[-1]["divergence"]


def test_mixing_json_and_plot(tmp_path, capsys):
    png = tmp_path / "mixing.png"
    assert main(["loss", "mixing", "--remedy", "accumulate", "--n", "10", "--t", "6", "--json", "--plot", str(png)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["family"] == "mixing" and len(data["rows"]) == 7 and data["rows"][0]["retained"] is None
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("argv, name", [(["loss", "mixing", "--remedy", "replace"], "remedy"),
                                        (["loss", "mixing", "--lam", "0.05"], "lam"),
                                        (["loss", "mixing", "--ddof", "2"], "ddof"),
                                        (["loss", "mixing", "--remedy", "accumulate", "--n", "1"], "n")])
def test_mixing_bad_input_exits_2(argv, name, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and name in err

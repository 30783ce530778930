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

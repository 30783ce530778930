"""The benchmark runs end to end at a tiny scale (its figures are read by people, never asserted)."""

import io
import json

from modelcollapse.numerics import bench


def test_bench_report_has_every_section_and_formats():
    out = io.StringIO()
    assert bench.run_bench(out, as_json=True, with_verify=False, with_dask=False, scale=0.001,
                           ids=["poisson.mean", "categorical.survival"]) == 0
    report = json.loads(out.getvalue())
    assert [r["id"] for r in report["results"]] == ["poisson.mean", "categorical.survival"]
    assert report["results"][0]["array_route"] == "float64" and report["results"][1]["array_route"] == "mpmath"
    for key in ("gaussian", "categorical", "streaming"):
        assert key in report["monte_carlo"]
    assert report["monte_carlo"]["streaming"]["peak_bytes"] > 0
    report["verify"] = {"cold_s": 1.0, "quick_cold_s": 1.0, "cached_s": 1.0, "quick_cached_s": 1.0, "workers": 2,
                        "target_cold_s": 45.0, "aim_cold_s": 30.0, "target_quick_s": 20.0, "aim_quick_s": 10.0}
    text = bench.format_bench(report)
    assert "target < 45 s" in text and "evals/s" in text and "peak memory" in text

"""The documentation site: built with warnings as errors, generated from the registry,
readable offline with typeset math and loaded figures in a real browser."""

import html
import json
import re
import shutil
import subprocess
import tempfile

import pytest

from modelcollapse import proofs, theory
from modelcollapse.numerics.docs import build_docs

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Reads every registry proof's kernel report: on the worker that checks them once (pyproject.toml).
pytestmark = pytest.mark.xdist_group("registry_proofs")


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("html")
    index = build_docs(out=out)
    assert index.is_file()
    return out


def test_every_result_has_its_theorem_with_proof_and_figure(site):
    for fam_no, family in enumerate(theory.families(), 1):
        html = (site / "theorems" / f"{family}.html").read_text()
        for i, r in enumerate(theory.results(family), 1):
            anchor = r.id.replace(".", "-").replace("_", "-")
            assert f'id="{anchor}"' in html, r.id
            assert f"Theorem {fam_no}.{i}: {r.title}" in html
            assert f"figures/{r.id}.png" in html or f"{r.id}.png" in html
            for step in (proofs.proof_of(r.id).steps if proofs.has_proof(r.id) else []):
                assert step.label in html
        assert "REJECTED" not in html and "FAILED" not in html


def test_pages_load_nothing_from_the_network(site):
    for page in site.rglob("*.html"):
        text = page.read_text()
        assert not re.search(r'<(script|link|img)[^>]+(src|href)="(https?:)?//', text), page


def _chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


#: One page that frames every page of the site and, once each has reported (docs/_static/pagecheck.js),
#: copies their outcomes into its own body: one browser start instead of one per page.
_ALL_PAGES = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>%s
<script>
function poll() {
  var out = [], done = true;
  document.querySelectorAll("iframe").forEach(function (frame) {
    var body = frame.contentDocument && frame.contentDocument.body;
    var math = body && body.getAttribute("data-math"), images = body && body.getAttribute("data-images");
    if (!math || !images) { done = false; }
    out.push([frame.getAttribute("src"), math, images]);
  });
  if (done) { document.body.setAttribute("data-pages", JSON.stringify(out)); } else { setTimeout(poll, 100); }
}
window.addEventListener("load", poll);
</script></body></html>"""


@pytest.mark.skipif(_chromium() is None, reason="no Chromium on this machine (.ci/run installs Debian's chromium)")
def test_every_page_typesets_its_math_and_loads_its_figures_in_a_browser(site):
    pages = sorted(p for p in site.rglob("*.html") if p.name not in ("genindex.html", "search.html", "all-pages.html"))
    assert len(pages) >= 7
    # Beside the pages: the browser lets a file read the frames of its own folder only.
    frames = "".join(f'<iframe src="{p.relative_to(site).as_posix()}" width="1000" height="800"></iframe>'
                     for p in pages)
    harness = site / "all-pages.html"
    harness.write_text(_ALL_PAGES % frames)
    with tempfile.TemporaryDirectory() as profile:
        dom = subprocess.run([_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--allow-file-access-from-files",
                              "--virtual-time-budget=60000", "--dump-dom", harness.as_uri()],
                             capture_output=True, text=True, timeout=300).stdout
    found = re.search(r'<body[^>]*data-pages="([^"]*)"', dom)
    assert found, "the pages did not all report (no page check ran, or one never finished)"
    outcomes = json.loads(html.unescape(found.group(1)))
    assert [src for src, _, _ in outcomes] == [p.relative_to(site).as_posix() for p in pages]
    for src, math, images in outcomes:
        name = src.rsplit("/", 1)[-1]
        assert math.startswith("typeset"), f"{name}: {math}"
        assert images.endswith(" ok"), f"{name}: {images}"
    shot = site / "gaussian-screenshot.png"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=20000",
                        "--window-size=1200,2400", f"--screenshot={shot}", (site / "theorems" / "gaussian.html").as_uri()],
                       capture_output=True, timeout=120)
    assert shot.is_file() and shot.stat().st_size > 10_000


def test_docs_command_errors_cleanly_without_sources(tmp_path, capsys):
    from modelcollapse.numerics.cli import main
    assert main(["docs", "--source", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "source" in err[0]

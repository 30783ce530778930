"""Build the Sphinx site (``modelcollapse docs``)."""

from __future__ import annotations

from pathlib import Path


def find_source(source=None) -> Path:
    """The docs/ folder: ``source``, else ./docs, else the one beside this checkout's packages."""
    candidates = [Path(source)] if source else [Path.cwd() / "docs", Path(__file__).resolve().parents[1] / "docs"]
    for c in candidates:
        if (c / "conf.py").is_file():
            return c
    where = source or "./docs or the source checkout"
    raise ValueError(f"source: no Sphinx docs folder (conf.py) at {where}; the site is built from a checkout")


def build_docs(source=None, out=None, warnings_are_errors=True) -> Path:
    """Build the HTML site with ``sphinx-build -W``; return the path of index.html."""
    try:
        from sphinx.cmd.build import build_main
    except ImportError:
        raise ValueError("docs: Sphinx is not installed (pip install 'modelcollapse[docs]')") from None
    src = find_source(source)
    dest = Path(out) if out else src / "_build" / "html"
    args = ["-b", "html", "-q", str(src), str(dest)] + (["-W"] if warnings_are_errors else [])
    status = build_main(args)
    if status != 0:
        raise ValueError(f"docs: sphinx-build failed with status {status} (warnings are errors)")
    return (dest / "index.html").resolve()

"""Run every docstring example, importing modules as modelcollapse.* (never twice)."""

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import modelcollapse


def _modules():
    names = []
    for info in pkgutil.walk_packages(modelcollapse.__path__, "modelcollapse."):
        names.append(info.name)
    for sub in ("theory", "proofs", "numerics"):
        pkg = importlib.import_module(f"modelcollapse.{sub}")
        names.append(pkg.__name__)
        names += [f"modelcollapse.{sub}.{m.name}" for m in pkgutil.iter_modules(pkg.__path__)]
    return sorted(set(names))


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples(name):
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    for test in finder.find(module, name):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"


DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.rst")))
def test_rst_pages_examples(page):
    result = doctest.testfile(str(DOCS / page), module_relative=False,
                              optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} example(s) failed in docs/{page}"

"""Every attack of the soundness corpus is rejected, for its stated reason (the message, not only
the verdict)."""

import pytest

from modelcollapse.proofs.corpus import entries
from modelcollapse.proofs.corpus_attacks import rejection_text

ENTRIES = entries()

# Reads every entry's report: on the worker that checks the corpus once (pyproject.toml).
pytestmark = pytest.mark.xdist_group("corpus")


def test_corpus_is_large_and_names_are_unique():
    names = [name for name, _, _ in ENTRIES]
    assert len(names) >= 94 and len(set(names)) == len(names)


@pytest.mark.parametrize("name, expected", [(e[0], e[2]) for e in ENTRIES], ids=[e[0] for e in ENTRIES])
def test_attack_is_rejected_for_its_reason(name, expected, corpus_reports):
    report = corpus_reports[name]
    assert not report.ok, f"{name}: the kernel accepted a false statement"
    # Some attacks are stopped at one of two places, depending on the refuter's random points:
    # their expected message lists both, separated by " || ".
    assert any(alt in rejection_text(report) for alt in expected.split(" || ")), (name, rejection_text(report))

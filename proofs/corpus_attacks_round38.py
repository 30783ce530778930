"""Adversarial corpus for the proof kernel, round 38: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 37. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, its one entry was
accepted: an indexed base's and an entry's own facts count for sympy's equality and hash, but the
kernel's text of them printed the label alone. A true lemma about a vector of positive entries was
checked; then the facts of the vector nodes in its goal were overwritten to "real". Its text, and so
the citation's fingerprint, did not change, but the goal now equalled the false claim about a vector
of real entries, 10^-20 (|a[1]| - a[1]) = 0 (2 10^-20 at a[1] = -1), which cited it.

**Principle:** what equality reads, the text prints: an indexed base's and an entry's facts are part of
their text, and facts that differ from what they state are refused
(:func:`~modelcollapse.proofs.kernel.terms.exact_text`).
"""

import sympy as sp
from sympy.core.assumptions import StdFactKB

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.kernel import Domain, Library, Proof, Step
from modelcollapse.proofs.kernel import rules as R

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)


def _claim(a):
    """10^-20 (|a[1]| - a[1]) = 0."""
    x = a[1]
    return sp.Eq(sp.Mul(sp.Rational(1, 10**20), sp.Add(sp.Abs(x, evaluate=False), -x, evaluate=False),
                        evaluate=False), 0, evaluate=False)


def A1_vector_facts_changed_after_citation_check():
    """10^-20 (|a[1]| - a[1]) = 0 for every vector a of real entries, by citing the lemma for positive entries whose
    vector's facts were overwritten to real after it was checked: 2 10^-20 at a[1] = -1. (The proof also declares
    an unused vector of positive entries, which the citation's domain check asks for.)"""
    label = sp.Symbol("a", real=True)
    lemma_goal = _claim(sp.IndexedBase(label, positive=True))
    lemma = algebra_claim("lemma", lemma_goal, {sp.IndexedBase(label, positive=True): Domain.vector(
        Domain.real(0, lo_open=True))})
    library = Library({"lemma": lemma})
    assert library.report("lemma").ok
    for node in sp.preorder_traversal(lemma_goal):
        if isinstance(node, (sp.IndexedBase, sp.Indexed)):
            node._assumptions = StdFactKB({"real": True, "commutative": True})
            node._assumptions._generator = {"real": True, "commutative": True}
        if not isinstance(node, sp.Symbol):
            node._mhash = None  # (hashes cached with the old facts)
    _LIBRARIES["A1_vector_facts_changed_after_citation_check"] = library
    a = sp.IndexedBase(label)
    goal = _claim(a)
    return Proof("A1_vector_facts_changed_after_citation_check", {"statement": goal},
                 {a: Domain.vector(Domain.real()), sp.IndexedBase(label, positive=True): Domain.vector(
                     Domain.real(0, lo_open=True))},
                 [Step("statement", goal, R.Rewrite(source=True), premises=("cite:lemma",))])


# Since round 40 the citation reads the kernel's own copy: the changed facts never reach it.
EXPECTED = {"A1_vector_facts_changed_after_citation_check": "changed after it was checked"
                                                          " || the rewritten relation is not the premise"}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

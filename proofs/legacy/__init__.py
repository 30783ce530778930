"""The proof kernel and the proofs.

>>> from modelcollapse import proofs
>>> proofs.check("gaussian.variance").ok
True
>>> proofs.axioms_of("gaussian.variance")
['cochran', 'innovation_independence']
"""

from __future__ import annotations

from modelcollapse import theory

from .axioms import AXIOMS
from .kernel import Library, Proof, ProofReport, Step, Verdict
from .kernel import check as check_proof
from .lemmas import LEMMAS
from .registry import proof as proof_of

_LIBRARY = None


class _ResultLibrary(Library):
    """A library that checks result proofs against the assumptions their results state."""

    def report(self, name):
        if name in self._reports:
            return self._reports[name]
        if name in LEMMAS:
            return super().report(name)
        from .kernel import CircularProof, check as _check
        if name in self._active:
            raise CircularProof(" -> ".join(self._active + [name]))
        self._active.append(name)
        try:
            rep = _check(self.proof(name), self, result_assumptions=theory.get(name).assumptions)
        finally:
            self._active.pop()
        self._reports[name] = rep
        return rep


def library() -> Library:
    """The shared library (each proof is checked once per process)."""
    global _LIBRARY
    if _LIBRARY is None:
        _LIBRARY = _ResultLibrary()
    return _LIBRARY


def check(result_id: str) -> ProofReport:
    """Check the proof of ``result_id`` (and, once, everything it cites).

    ``ValueError`` naming ``result_id`` if it is not a registered result.
    """
    theory.get(result_id)
    return library().report(result_id)


def axioms_of(result_id: str) -> list[str]:
    """Names of the axioms (and definitions) the proof of ``result_id`` rests on, transitively."""
    return sorted(check(result_id).axioms)


__all__ = ["AXIOMS", "LEMMAS", "Proof", "ProofReport", "Step", "Verdict", "check", "check_proof",
           "axioms_of", "proof_of", "library"]

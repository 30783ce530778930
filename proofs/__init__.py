"""The proof kernel (:mod:`.kernel`) and the proof builders.

Results derived from a model declaration are proved by proofs that :mod:`.builder` builds
from the engine's record and the kernel alone checks.

>>> from modelcollapse import proofs
>>> proofs.check("gaussian.variance").ok
True
>>> proofs.status("gaussian.variance")
'proved'
"""

from __future__ import annotations

from modelcollapse import theory

from . import kernel, printing  # noqa: F401  (printing gives the kernel's words their printers)
from .builder import law_of, result_proof, to_kernel
from .catalogue import AXIOMS, citation

_LIBRARY = None

#: The statuses a result can have, from strongest to weakest.
STATUSES = ("proved", "bound proved", "exact computation", "approximation")


class _ResultLibrary(kernel.Library):
    """A kernel library whose proofs are built on demand from the registered results."""

    def proof(self, name):
        if name not in self._proofs:
            from .normalised_maps import BUILDERS
            self._proofs[name] = BUILDERS[name]() if name in BUILDERS else result_proof(theory.get(name))
        return self._proofs[name]


def library():
    """The shared library (each proof is built and checked once per process)."""
    global _LIBRARY
    if _LIBRARY is None:
        _LIBRARY = _ResultLibrary()
    return _LIBRARY


def has_proof(result_id: str) -> bool:
    """Whether the kernel checks a proof for the result: of its statement (no declared status), or of
    the claims it proves beside a value with a declared status (``proved_claims``)."""
    from .normalised_maps import BUILDERS
    r = theory.get(result_id)
    if r.status:
        return bool(r.proved_claims)
    return getattr(r, "model", None) is not None or result_id in BUILDERS


def proof_of(result_id):
    """The kernel :class:`~.kernel.Proof` of a result; ValueError for a result the kernel does not prove."""
    if not has_proof(result_id):
        raise ValueError(f"result_id: {result_id} is {theory.get(result_id).status}, not proved by the kernel")
    return library().proof(result_id)


def check(result_id: str):
    """Check the proof of ``result_id``; a report with ``ok``, ``steps``, ``axioms``, ``summary()``.

    For a result the kernel does not prove, the report is not ok and says why (its status).
    ``ValueError`` naming ``result_id`` if it is not a registered result.
    """
    r = theory.get(result_id)
    if not has_proof(result_id):
        rep = kernel.ProofReport(result_id, ok=False)
        rep.errors.append(f"{r.status or 'no model'}: {r.status_note or 'no kernel proof'}")
        rep.summary = lambda: f"{r.status}: {r.status_note}"
        return rep
    return library().report(result_id)


def axioms_of(result_id: str) -> list:
    """Names of what the proof of ``result_id`` rests on (axioms, facts, principles, the law)."""
    return sorted(check(result_id).axioms)


def status(result_id: str) -> str:
    """The result's status: ``proved``, ``bound proved``, ``exact computation``, ``approximation``, or
    ``rejected`` when its proof fails (for a declared status, the proof of its ``proved_claims``)."""
    r = theory.get(result_id)
    declared = getattr(r, "status", None)
    if declared in ("exact computation", "approximation"):
        return "rejected" if r.proved_claims and not check(result_id).ok else declared
    if not check(result_id).ok:
        return "rejected"
    return "bound proved" if r.is_bound else "proved"


__all__ = ["AXIOMS", "STATUSES", "check", "axioms_of", "status", "proof_of", "has_proof", "library", "kernel",
           "result_proof", "law_of", "to_kernel", "citation"]

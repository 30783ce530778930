"""Where proofs are found by name: lemmas and one proof per registered result."""

from __future__ import annotations

import functools

from modelcollapse import theory


@functools.lru_cache(maxsize=None)
def proof(name: str):
    """The :class:`~modelcollapse.proofs.kernel.Proof` named ``name`` (a result id or a lemma)."""
    from . import categorical, gaussian  # noqa: F401  (register their builders)
    from .gaussian import PROOFS
    from .lemmas import LEMMAS

    if name in LEMMAS:
        return LEMMAS[name]
    if name in PROOFS:
        return PROOFS[name]()
    theory.get(name)  # ValueError naming an unknown id
    raise ValueError(f"id {name!r} has no proof")


def result_ids_with_proofs():
    from . import categorical  # noqa: F401
    from .gaussian import PROOFS
    return list(PROOFS)

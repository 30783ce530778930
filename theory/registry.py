"""The registry of results: every consumer (tests, CLI, docs) iterates over it."""

from __future__ import annotations

from .result import Result

_RESULTS: dict[str, Result] = {}


def register(result: Result) -> Result:
    """Add ``result`` to the registry; ids are unique."""
    if result.id in _RESULTS:
        raise ValueError(f"result id {result.id!r} is already registered")
    if not result.id.startswith(result.family + "."):
        raise ValueError(f"result id {result.id!r} must start with its family {result.family!r}")
    _RESULTS[result.id] = result
    return result


def get(id: str) -> Result:
    """The result registered as ``id``; ``ValueError`` naming ``id`` if there is none."""
    try:
        return _RESULTS[id]
    except (KeyError, TypeError):
        known = ", ".join(_RESULTS)
        raise ValueError(f"id {id!r} is not a registered result (known: {known})") from None


def results(family: str | None = None) -> list[Result]:
    """Every registered result in registration order, optionally of one family."""
    return [r for r in _RESULTS.values() if family is None or r.family == family]


def families() -> list[str]:
    """Family names in registration order."""
    out: list[str] = []
    for r in _RESULTS.values():
        if r.family not in out:
            out.append(r.family)
    return out


def unregister(id: str) -> None:
    """Remove ``id`` from the registry (a result declared for a moment, in an example or a test)."""
    get(id)
    del _RESULTS[id]

"""A cache of derivations and kernel verdicts, so that a repeated ``modelcollapse verify`` is cheap.

Deriving a closed form (sympy) and checking its proof (the kernel) take most of a cold
``verify``; both are deterministic functions of source code. An entry is keyed by a hash of:

* **the proof's source**: every module of :mod:`modelcollapse.theory` and of
  :mod:`modelcollapse.proofs` outside the kernel (the engine, the proof builders, the axiom
  catalogue), the file that declared the result (a family module, or a user's own file), the
  declaration itself (the model's parameters, state, draws, update and the target), and the
  versions of Python, sympy, mpmath and numpy;
* **the kernel's source** (every file of :mod:`modelcollapse.proofs.kernel`), for verdicts.

The deterministic numerical checks (the mpmath reference route, the approximation tables)
are cached too, keyed by the proof's source, the source of :mod:`modelcollapse.numerics` and
the seed and sizes they use. Changing any of these files gives new keys, so stale entries are never read (they are
deleted when their replacement is written). ``modelcollapse verify --recheck`` ignores the
cache (and refreshes it); the report names every verdict that came from the cache.

Only accepted verdicts (and the statuses of results the kernel does not prove) are stored by
``verify``: a rejection is checked again on every run. A verdict read from the cache is the kernel's verdict on the same proof from the same
source, recorded by an earlier run: the cache saves time, it never decides. A result whose
verdict must be checked again is checked against freshly derived proofs: cached derivations
installed earlier in the process are dropped first (:meth:`DerivationCache.forget_installed`),
so the kernel never reads an unpickled derivation.

Location: :func:`cache_dir`, the user's cache folder (``$XDG_CACHE_HOME/modelcollapse``,
``~/.cache/modelcollapse``; ``~/Library/Caches/modelcollapse`` on macOS,
``%LOCALAPPDATA%\\modelcollapse\\Cache`` on Windows), or the folder named by the environment
variable :data:`CACHE_ENV`. Entries are pickles: keep the folder private to you.

Examples
--------
>>> import tempfile
>>> from modelcollapse import theory
>>> c = ResultCache(tempfile.mkdtemp())
>>> r = theory.get("gaussian.variance")
>>> c.load_verdict(r) is None          # nothing stored yet
True
>>> c.store_verdict(r, {"status": "proved", "steps": 3})
>>> c.load_verdict(r)["status"]
'proved'
>>> derivation_key(r) == derivation_key(r) and verdict_key(r) != derivation_key(r)
True
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import pickle
import platform
import sys
import tempfile
from pathlib import Path

import sympy as sp

#: Environment variable naming the cache folder (it overrides the user's cache folder).
CACHE_ENV = "MODELCOLLAPSE_CACHE_DIR"
#: Bumped when the layout of an entry changes.
FORMAT = 1
#: The file recording how long each result's checks took (to hand out the longest first).
TIMINGS = "timings.json"

_PACKAGE_ROOT = Path(__file__).resolve().parent.parent
_DIGESTS: dict = {}


def cache_dir() -> Path:
    """The cache folder: ``$MODELCOLLAPSE_CACHE_DIR`` if set, else the platform's user cache folder."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return base / "modelcollapse" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "modelcollapse"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "modelcollapse"


def _module_folder(name: str) -> Path:
    return Path(sys.modules[name].__file__).resolve().parent


def _hash_files(files) -> str:
    h = hashlib.sha256()
    for f in sorted(set(files)):
        h.update(str(Path(f).name).encode() + b"\0")
        try:
            h.update(Path(f).read_bytes())
        except OSError:  # a file that cannot be read hashes as missing (a later read differs)
            h.update(b"<missing>")
        h.update(b"\0")
    return h.hexdigest()


def _python_files(folder: Path, exclude: Path | None = None) -> list:
    return [p for p in folder.rglob("*.py") if exclude is None or exclude not in p.parents]


def kernel_digest() -> str:
    """sha256 of the kernel's source files."""
    if "kernel" not in _DIGESTS:
        import modelcollapse.proofs.kernel  # noqa: F401
        _DIGESTS["kernel"] = _hash_files(_python_files(_module_folder("modelcollapse.proofs.kernel")))
    return _DIGESTS["kernel"]


def source_digest() -> str:
    """sha256 of the derivation and proof-building source (theory, proofs outside the kernel)
    and of the versions of the libraries a derivation depends on."""
    if "source" not in _DIGESTS:
        import modelcollapse.proofs  # noqa: F401
        import mpmath
        import numpy
        kernel = _module_folder("modelcollapse.proofs.kernel")
        files = _python_files(_module_folder("modelcollapse.theory")) + _python_files(
            _module_folder("modelcollapse.proofs"), exclude=kernel)
        versions = f"{FORMAT} {platform.python_version()} sympy {sp.__version__} mpmath {mpmath.__version__} " \
                   f"numpy {numpy.__version__}"
        _DIGESTS["source"] = hashlib.sha256((versions + _hash_files(files)).encode()).hexdigest()
    return _DIGESTS["source"]


def declared_in(result) -> str | None:
    """The file that declared ``result`` (its model's declaring file, else its derive function's)."""
    model = getattr(result, "model", None)
    if model is not None and getattr(model, "declared_in", None):
        return model.declared_in
    try:
        return inspect.getsourcefile(result._derive)
    except (TypeError, AttributeError):
        return None


def declaration_text(result) -> str:
    """The declaration of ``result`` as text: id, assumptions, and its model and target if any."""
    parts = [result.id, result.title, "; ".join(a.describe() for a in result.assumptions)]
    model = getattr(result, "model", None)
    if model is not None:
        parts += [model.name, "; ".join(a.describe() for a in model.params),
                  sp.sstr(sorted(model.state.items(), key=lambda kv: str(kv[0]))),
                  "; ".join(f"{d} ~ {law!r}" for d, law in sorted(model.draws.items(), key=lambda kv: str(kv[0]))),
                  sp.sstr(sorted(model.step.items(), key=lambda kv: str(kv[0]))),
                  sp.sstr(getattr(result, "target", None))]
    return "\n".join(parts)


def derivation_key(result) -> str | None:
    """The key of ``result``'s derivation: source digest, declaring file and declaration; None
    when the result was not declared in a file (an interactive session, a doctest): such a
    result is never cached, since its source cannot be hashed."""
    source = declared_in(result)
    if not source or not os.path.isfile(source):
        return None
    text = "\n".join(["derivation", source_digest(), _hash_files([source]), declaration_text(result)])
    return hashlib.sha256(text.encode()).hexdigest()


def verdict_key(result) -> str | None:
    """The key of ``result``'s kernel verdict: the kernel's source and the proof's source."""
    key = derivation_key(result)
    return None if key is None else hashlib.sha256(f"verdict\n{kernel_digest()}\n{key}".encode()).hexdigest()


def numerics_digest() -> str:
    """sha256 of the numerics source (reference routes, exact chains, checks, simulators)."""
    if "numerics" not in _DIGESTS:
        _DIGESTS["numerics"] = _hash_files(_python_files(Path(__file__).resolve().parent))
    return _DIGESTS["numerics"]


def check_key(result, kind: str, extra: str = "") -> str | None:
    """The key of a deterministic numerical check of ``result`` (``kind``: "reference",
    "approximations"): the proof's source (:func:`derivation_key`), the numerics source, and
    ``extra`` (the seed and sizes the check depends on)."""
    key = derivation_key(result)
    if key is None:
        return None
    return hashlib.sha256(f"{kind}\n{key}\n{numerics_digest()}\n{extra}".encode()).hexdigest()


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)  # concurrent writers (worker processes) never leave half a file
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class ResultCache:
    """Derivations (pickles) and verdicts (JSON) under ``folder`` (default :func:`cache_dir`).

    Unreadable or foreign entries count as misses; a failed write is skipped (the cache only
    ever saves time).
    """

    def __init__(self, folder=None):
        self.folder = Path(folder) if folder is not None else cache_dir()
        self._installed: set = set()

    def _path(self, kind, result, key, suffix) -> Path:
        safe = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in result.id)
        return self.folder / kind / f"{safe}-{key[:24]}{suffix}"

    def _store(self, path: Path, data: bytes) -> None:
        try:
            _write_atomically(path, data)
            stem = path.name.rsplit("-", 1)[0]
            for old in path.parent.glob(f"{stem}-*{path.suffix}"):  # superseded keys
                if old != path and old.name.rsplit("-", 1)[0] == stem:
                    old.unlink(missing_ok=True)
        except OSError:
            pass

    # --- verdicts -------------------------------------------------------------------
    def load_verdict(self, result) -> dict | None:
        """The stored proof verdict of ``result`` (a dict), or None."""
        key = verdict_key(result)
        if key is None:
            return None
        try:
            entry = json.loads(self._path("verdicts", result, key, ".json").read_text())
        except (OSError, ValueError):
            return None
        return entry["verdict"] if isinstance(entry, dict) and entry.get("key") == key else None

    def store_verdict(self, result, verdict: dict) -> None:
        key = verdict_key(result)
        if key is None:
            return
        self._store(self._path("verdicts", result, key, ".json"),
                    json.dumps({"key": key, "id": result.id, "verdict": verdict}, default=str).encode())

    # --- deterministic numerical checks ------------------------------------------------
    def load_check(self, result, kind: str, extra: str = ""):
        """The stored outcome of the deterministic check ``kind`` of ``result``, or None."""
        key = check_key(result, kind, extra)
        if key is None:
            return None
        try:
            entry = json.loads(self._path(kind, result, key, ".json").read_text())
        except (OSError, ValueError):
            return None
        return entry["value"] if isinstance(entry, dict) and entry.get("key") == key else None

    def store_check(self, result, kind: str, value, extra: str = "") -> None:
        key = check_key(result, kind, extra)
        if key is None:
            return
        self._store(self._path(kind, result, key, ".json"),
                    json.dumps({"key": key, "id": result.id, "value": value}, default=float).encode())

    # --- derivations ----------------------------------------------------------------
    def load_derivation(self, result):
        """The stored :class:`~modelcollapse.theory.result.Derivation` of ``result``, or None."""
        key = derivation_key(result)
        if key is None:
            return None
        try:
            stored_key, derivation = pickle.loads(self._path("derivations", result, key, ".pickle").read_bytes())
        except Exception:  # missing, truncated, or written by another version: a miss
            return None
        return derivation if stored_key == key else None

    def store_derivation(self, result) -> None:
        """Store ``result.derivation`` (derived now if it is not yet)."""
        key = derivation_key(result)
        if key is None:
            return
        try:
            data = pickle.dumps((key, result.derivation), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # a derivation holding something unpicklable is simply not cached
            return
        self._store(self._path("derivations", result, key, ".pickle"), data)

    def install_derivation(self, result) -> bool:
        """Give ``result`` its stored derivation (instead of deriving it); False on a miss."""
        if "derivation" in vars(result):
            return True
        derivation = self.load_derivation(result)
        if derivation is None:
            return False
        vars(result)["derivation"] = derivation  # where functools.cached_property keeps it
        self._installed.add(result.id)
        return True

    def forget_installed(self) -> None:
        """Drop the derivations installed from the cache, so the next use derives them afresh
        (before the kernel checks a proof that may cite them)."""
        from modelcollapse import theory
        for rid in self._installed:
            try:
                r = theory.get(rid)
            except ValueError:
                continue
            for name in ("derivation", "_lambdified"):
                vars(r).pop(name, None)
        self._installed.clear()

    # --- task timings (a scheduling hint, never a result) ---------------------------------
    def load_timings(self) -> dict:
        """{result id: seconds} its task took in the last runs, or {} (unreadable counts as none)."""
        try:
            timings = json.loads((self.folder / TIMINGS).read_text())
        except (OSError, ValueError):
            return {}
        return {k: float(v) for k, v in timings.items() if isinstance(v, (int, float))} \
            if isinstance(timings, dict) else {}

    def store_timings(self, timings: dict) -> None:
        """Record ``timings`` ({result id: seconds}) over the earlier ones."""
        try:
            _write_atomically(self.folder / TIMINGS, json.dumps({**self.load_timings(), **timings}).encode())
        except OSError:
            pass

    def clear(self) -> None:
        """Delete every entry."""
        for kind in ("verdicts", "derivations", "reference", "approximations"):
            for p in (self.folder / kind).glob("*"):
                p.unlink(missing_ok=True)
        (self.folder / TIMINGS).unlink(missing_ok=True)


__all__ = ["CACHE_ENV", "ResultCache", "cache_dir", "derivation_key", "verdict_key", "check_key", "kernel_digest",
           "source_digest", "numerics_digest", "declared_in", "declaration_text"]

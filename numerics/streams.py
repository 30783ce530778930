"""Random streams: one independent, reproducible stream per named check.

A stream is keyed by the run's seed and a tuple of names (result id, parameter point), so
each check draws the same numbers whatever else runs, and in whatever order.

>>> a = stream(1, "gaussian.variance", 0).standard_normal(2)
>>> b = stream(1, "gaussian.variance", 0).standard_normal(2)
>>> bool((a == b).all())
True
"""

from __future__ import annotations

import hashlib

import numpy as np

#: The seed ``modelcollapse verify`` uses unless told otherwise.
DEFAULT_SEED = 20240724


def _key_words(*key) -> tuple[int, ...]:
    digest = hashlib.sha256("\x1f".join(map(str, key)).encode()).digest()
    return tuple(int.from_bytes(digest[i:i + 4], "little") for i in range(0, 16, 4))


def seed_sequence(seed, *key) -> np.random.SeedSequence:
    """A SeedSequence for ``key`` under ``seed`` (``None`` draws fresh OS entropy)."""
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0):
        raise ValueError(f"seed must be None or a non-negative integer, got {seed!r}")
    return np.random.SeedSequence(entropy=seed, spawn_key=_key_words(*key) if key else ())


def stream(seed, *key) -> np.random.Generator:
    """A numpy Generator (PCG64) for ``key`` under ``seed``."""
    return np.random.Generator(np.random.PCG64(seed_sequence(seed, *key)))


def as_generator(seed) -> np.random.Generator:
    """Accept None, an int, a SeedSequence or a Generator; return a Generator."""
    if isinstance(seed, np.random.Generator):
        return seed
    if isinstance(seed, np.random.SeedSequence):
        return np.random.Generator(np.random.PCG64(seed))
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0):
        raise ValueError(f"seed must be None, a non-negative integer, a SeedSequence or a Generator, got {seed!r}")
    return np.random.Generator(np.random.PCG64(seed))


#: Chains per random block of the sample-drawing paths: each block has its own stream, so the
#: draws do not depend on how blocks are grouped into memory batches.
CHAIN_BLOCK = 256
#: Largest number of cells (generations x chains x categories) a simulation may hold.
MAX_CELLS = 200_000_000


def chain_blocks(rng: np.random.Generator, chains: int) -> list:
    """[(lo, hi, generator)] covering ``chains`` chains in blocks of CHAIN_BLOCK, one stream each."""
    gens = rng.spawn((chains + CHAIN_BLOCK - 1) // CHAIN_BLOCK)
    return [(b * CHAIN_BLOCK, min(chains, (b + 1) * CHAIN_BLOCK), g) for b, g in enumerate(gens)]


def check_cells(what: str, cells: int) -> None:
    """``ValueError`` naming ``chains`` when a simulation would hold more than MAX_CELLS numbers."""
    if cells > MAX_CELLS:
        raise ValueError(f"chains: {what} must be <= {MAX_CELLS:,} (memory), got {cells:,}")

"""Monte Carlo simulation of iterated categorical refitting (neutral Wright-Fisher, N = n).

Generation t+1 is the empirical distribution of n samples of generation t:
p_{t+1} = Multinomial(n, p_t) / n.

- ``method="exact"`` draws the counts directly (numpy's ``Generator.multinomial`` takes one
  probability vector per row, so all chains advance in one call per generation).
- ``method="samples"`` draws every token (``n`` categorical draws per chain) and counts them,
  as a user refitting a model on its own text would; chains are processed in fixed blocks
  with their own streams, so results do not depend on memory batching.

Examples
--------
>>> path = simulate_categorical([0.5, 0.3, 0.2], n=10, t=2, chains=4, seed=1)
>>> path.counts.shape          # generations 0..t, chains, categories
(3, 4, 3)
>>> path.p[0, 0].tolist()
[0.5, 0.3, 0.2]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from modelcollapse.theory.assumptions import check_int, check_probabilities

from .streams import as_generator, chain_blocks, check_cells



@dataclass
class CategoricalPath:
    """Counts of every chain at the kept generations, shape (len(generations), chains, K).

    By default every generation 0..t is kept (``counts[g]`` is generation g); generation 0
    holds n * p0 rounded, for display only (``p`` and ``at(0)`` give p0 itself).
    """

    counts: np.ndarray
    p0: np.ndarray
    n: int
    generations: tuple = ()

    def __post_init__(self):
        if not self.generations:
            self.generations = tuple(range(self.counts.shape[0]))

    @property
    def p(self) -> np.ndarray:
        """Fitted distributions at the kept generations; generation 0 is p0 exactly."""
        out = self.counts / self.n
        if self.generations[0] == 0:
            out[0] = self.p0
        return out

    def at(self, g) -> np.ndarray:
        """Fitted distributions at generation g, shape (chains, K)."""
        if g not in self.generations:
            raise ValueError(f"g must be a kept generation {self.generations}, got {g!r}")
        if g == 0:
            return np.broadcast_to(self.p0, self.counts.shape[1:]).copy()
        return self.counts[self.generations.index(g)] / self.n

    @property
    def t(self) -> int:
        return self.generations[-1]

    @property
    def chains(self) -> int:
        return self.counts.shape[1]


def simulate_categorical(p0, n, t, chains, seed=None, method="exact", keep=None) -> CategoricalPath:
    """Simulate ``chains`` independent runs of ``t`` refits of a categorical distribution.

    Parameters
    ----------
    p0 : sequence of probabilities (non-negative, summing to 1; zeros allowed)
    n : int >= 1
        Samples per generation.
    t : int >= 0
    chains : int >= 1
    seed : None, int, SeedSequence or Generator
    method : "exact" or "samples"
    keep : iterable of generations, optional
        Keep only these generations (and 0), so long horizons fit in memory.
    """
    p0 = check_probabilities("p0", p0)
    n = check_int("n", n, lower=1)
    t = check_int("t", t, lower=0)
    chains = check_int("chains", chains, lower=1)
    if method not in ("exact", "samples"):
        raise ValueError(f"method must be 'exact' or 'samples', got {method!r}")
    generations = tuple(range(t + 1)) if keep is None else tuple(sorted({0, *(
        check_int("keep", g, lower=0, upper=t) for g in keep)}))
    K = p0.size
    check_cells("chains * kept generations * K", chains * len(generations) * K)
    p0 = p0 / p0.sum()  # remove the rounding left within the sum-to-one tolerance
    counts = np.empty((len(generations), chains, K), dtype=np.int64)
    counts[0] = np.rint(n * p0).astype(np.int64)  # only for display; p[0] is p0 itself
    for g, c in enumerate(refits(p0, n, t, chains, seed, method), start=1):
        if g in generations:
            counts[generations.index(g)] = c
    return CategoricalPath(counts, p0, n, generations)


def refits(p0, n, t, chains, seed=None, method="exact"):
    """Yield the count arrays (chains, K) of generations 1..t (t=None: forever); p0 validated by the caller."""
    if method not in ("exact", "samples"):
        raise ValueError(f"method must be 'exact' or 'samples', got {method!r}")
    rng = as_generator(seed)
    K = p0.size
    p = np.broadcast_to(p0, (chains, K)).copy()
    blocks = chain_blocks(rng, chains) if method == "samples" else None
    g = 0
    while t is None or g < t:
        if method == "exact":
            c = rng.multinomial(n, p)
        else:
            c = np.empty((chains, K), dtype=np.int64)
            for lo, hi, block in blocks:
                # Inverse-CDF sampling of n tokens per chain, then counting them.
                cdf = np.cumsum(p[lo:hi], axis=1)
                cdf[:, -1] = 1.0
                u = block.random((hi - lo, n))
                tokens = (u[:, :, None] >= cdf[:, None, :]).sum(axis=2)
                for j in range(hi - lo):
                    c[lo + j] = np.bincount(tokens[j], minlength=K)
        yield c
        p = c / n
        g += 1


#: Refits after which simulate_absorption gives up (the mean is about 2 n H(p0)).
MAX_ABSORPTION_STEPS = 10**6


def simulate_absorption(p0, n, chains, seed=None, method="exact") -> np.ndarray:
    """Generations until one category holds all the mass, for each of ``chains`` runs.

    Runs all chains forward together until every one is absorbed (0 for a point mass p0).
    """
    p0 = check_probabilities("p0", p0)
    n = check_int("n", n, lower=1)
    chains = check_int("chains", chains, lower=1)
    if method not in ("exact", "samples"):
        raise ValueError(f"method must be 'exact' or 'samples', got {method!r}")
    p0 = p0 / p0.sum()
    T = np.zeros(chains, dtype=np.int64)
    if p0.max() == 1.0:
        return T
    done = np.zeros(chains, dtype=bool)
    for g, c in enumerate(refits(p0, n, None, chains, seed, method), start=1):
        newly = ~done & (c.max(axis=1) == n)
        T[newly] = g
        done |= newly
        if done.all():
            return T
        if g >= MAX_ABSORPTION_STEPS:
            raise ArithmeticError(f"not all chains absorbed within {MAX_ABSORPTION_STEPS} refits")


def entropy_rows(p) -> np.ndarray:
    """Shannon entropy (nats) of each row of a 2-d array of distributions (0 log 0 = 0)."""
    p = np.asarray(p, dtype=float)
    if p.ndim != 2:
        raise ValueError(f"p must be a 2-d array (rows are distributions), got shape {p.shape}")
    safe = np.where(p > 0, p, 1.0)
    return -(np.where(p > 0, p * np.log(safe), 0.0)).sum(axis=1)

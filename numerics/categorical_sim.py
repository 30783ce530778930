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
    """Counts of every chain at every generation, shape (t + 1, chains, K); generation 0 holds n * p0."""

    counts: np.ndarray
    p0: np.ndarray
    n: int

    @property
    def p(self) -> np.ndarray:
        """Fitted distributions, shape (t + 1, chains, K); generation 0 is p0 exactly."""
        out = self.counts / self.n
        out[0] = self.p0
        return out

    @property
    def t(self) -> int:
        return self.counts.shape[0] - 1

    @property
    def chains(self) -> int:
        return self.counts.shape[1]


def simulate_categorical(p0, n, t, chains, seed=None, method="exact") -> CategoricalPath:
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
    """
    p0 = check_probabilities("p0", p0)
    n = check_int("n", n, lower=1)
    t = check_int("t", t, lower=0)
    chains = check_int("chains", chains, lower=1)
    if method not in ("exact", "samples"):
        raise ValueError(f"method must be 'exact' or 'samples', got {method!r}")
    K = p0.size
    check_cells("chains * (t + 1) * K", chains * (t + 1) * K)
    rng = as_generator(seed)
    p0 = p0 / p0.sum()  # remove the rounding left within the sum-to-one tolerance
    counts = np.empty((t + 1, chains, K), dtype=np.int64)
    counts[0] = np.rint(n * p0).astype(np.int64)  # only for display; p[0] is p0 itself
    p = np.broadcast_to(p0, (chains, K)).copy()
    blocks = chain_blocks(rng, chains) if method == "samples" else None
    for g in range(t):
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
        counts[g + 1] = c
        p = c / n
    return CategoricalPath(counts, p0, n)

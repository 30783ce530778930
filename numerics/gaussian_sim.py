"""Monte Carlo simulation of iterated Gaussian refitting.

Two paths that must agree in distribution (the tests check it):

- ``method="exact"`` draws only the sufficient statistics of each refit: by Cochran's
  theorem the sample mean is N(mu_t, sigma_t^2 / n) and the scaled sum of squares is
  chi-square(n - 1), independent. Cost O(chains) per generation, whatever n.
- ``method="samples"`` draws all n samples of every chain and fits them, as a user would.
  Cost O(chains * n) per generation, in batches to bound memory.

Examples
--------
>>> path = simulate_gaussian(n=10, t=3, chains=5, seed=1)
>>> path.sigma.shape   # generations 0..t, one column per chain
(4, 5)
>>> float(path.sigma[0, 0])
1.0
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from modelcollapse.theory.assumptions import check_choice, check_int, check_int_sequence, check_real

from .streams import CHAIN_BLOCK, as_generator, chain_blocks, check_cells

#: Largest number of floats the samples path holds at once (about 64 MB).
SAMPLES_BATCH_FLOATS = 8_000_000


@dataclass
class GaussianPath:
    """Fitted parameters of every chain at every generation: arrays of shape (t + 1, chains)."""

    mu: np.ndarray
    sigma: np.ndarray
    n: tuple
    ddof: int
    mu0: float
    sigma0: float

    @property
    def t(self) -> int:
        return self.mu.shape[0] - 1

    @property
    def chains(self) -> int:
        return self.mu.shape[1]


def _sizes(n, t):
    """The sample size used at each refit 0..t-1 (an int, or a schedule ns)."""
    if isinstance(n, (list, tuple, np.ndarray)):
        seq = check_int_sequence("n", list(n), lower=2)
        if len(seq) < t:
            raise ValueError(f"n (a schedule) must have at least t = {t} entries, got {len(seq)}")
        return tuple(seq[:t])
    return (check_int("n", n, lower=2),) * t


def simulate_gaussian(n, t, chains, ddof=0, mu0=0.0, sigma0=1.0, seed=None, method="exact") -> GaussianPath:
    """Simulate ``chains`` independent runs of ``t`` refits.

    Parameters
    ----------
    n : int >= 2, or a sequence of ints >= 2 (a schedule ns, one size per refit)
    t : int >= 0
        Number of refits; generation 0 is N(mu0, sigma0^2).
    chains : int >= 1
    ddof : 0 or 1
        The variance estimator divides by n - ddof.
    mu0, sigma0 : float
        The original model (sigma0 > 0).
    seed : None, int, SeedSequence or Generator
    method : "exact" or "samples"

    Returns
    -------
    GaussianPath
    """
    t = check_int("t", t, lower=0)
    chains = check_int("chains", chains, lower=1)
    ddof = check_choice("ddof", ddof, (0, 1))
    mu0 = float(check_real("mu0", mu0))
    sigma0 = float(check_real("sigma0", sigma0, positive=True))
    if method not in ("exact", "samples"):
        raise ValueError(f"method must be 'exact' or 'samples', got {method!r}")
    check_cells("chains * (t + 1)", chains * (t + 1))
    sizes = _sizes(n, t)
    rng = as_generator(seed)
    blocks = chain_blocks(rng, chains) if method == "samples" else None
    mu = np.empty((t + 1, chains))
    sigma = np.empty((t + 1, chains))
    mu[0], sigma[0] = mu0, sigma0
    for g, size in enumerate(sizes):
        if method == "exact":
            z = rng.standard_normal(chains)
            x = rng.chisquare(size - 1, chains)
            mu[g + 1] = mu[g] + sigma[g] * z / np.sqrt(size)
            sigma[g + 1] = sigma[g] * np.sqrt(x / (size - ddof))
        else:
            per_batch = max(1, SAMPLES_BATCH_FLOATS // (size * CHAIN_BLOCK))  # whole blocks per batch
            for b0 in range(0, len(blocks), per_batch):
                group = blocks[b0:b0 + per_batch]
                lo, hi = group[0][0], group[-1][1]
                noise = np.concatenate([gen.standard_normal((b_hi - b_lo, size)) for b_lo, b_hi, gen in group])
                draws = mu[g, lo:hi, None] + sigma[g, lo:hi, None] * noise
                mu[g + 1, lo:hi] = draws.mean(axis=1)
                sigma[g + 1, lo:hi] = np.sqrt(draws.var(axis=1, ddof=ddof))
    return GaussianPath(mu, sigma, sizes, ddof, mu0, sigma0)

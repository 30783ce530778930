"""Literal refitting workflows: draw the samples, fit them, repeat, as a user would.

These simulators are written by hand, independently of any declaration: each generation draws
all n samples of every chain from the current fitted model and refits by maximum likelihood.
They are the reference the declared simulators (:mod:`~modelcollapse.numerics.declared`, which
draw only a sufficient statistic) are tested against.

- :func:`poisson_workflow`: Poisson(theta) samples, theta <- their mean.
- :func:`exponential_workflow`: exponential samples with rate theta, theta <- n / their sum.

Chains are processed in blocks of :data:`~modelcollapse.numerics.streams.CHAIN_BLOCK` with their
own streams (as the other sample-drawing paths), and the samples of a block in column chunks, so
memory stays bounded whatever n and chains (only the (t + 1, chains) output grows).

Examples
--------
>>> theta = poisson_workflow(n=10, theta0=2.0, t=3, chains=4, seed=1)
>>> theta.shape                 # generations 0..t, one column per chain
(4, 4)
>>> theta[0].tolist()
[2.0, 2.0, 2.0, 2.0]
>>> bool((theta * 10 == (theta * 10).round()).all())   # a mean of 10 counts
True
"""

from __future__ import annotations

import numpy as np

from modelcollapse.theory.assumptions import check_int, check_real

from .streams import CHAIN_BLOCK, as_generator, chain_blocks, check_cells

#: Largest number of samples held at once (about 64 MB of float64).
WORKFLOW_BATCH_FLOATS = 8_000_000


def _validated(n, n_lower, theta0, t, chains):
    n = check_int("n", n, lower=n_lower)
    theta0 = float(check_real("theta0", theta0, positive=True))
    t = check_int("t", t, lower=0)
    chains = check_int("chains", chains, lower=1)
    check_cells("chains * (t + 1)", chains * (t + 1))
    return n, theta0, t, chains


def _refit_loop(n, theta0, t, chains, seed, draw_sum, fit) -> np.ndarray:
    """theta of shape (t + 1, chains).

    Each block of chains draws its n samples per chain in column chunks of at most
    ``WORKFLOW_BATCH_FLOATS // CHAIN_BLOCK`` (so memory stays bounded for any n), summing
    them with ``draw_sum(generator, theta_block, columns)``; ``fit(sum, n, theta_block)`` is the
    refitted parameter.
    """
    theta = np.empty((t + 1, chains))
    theta[0] = theta0
    blocks = chain_blocks(as_generator(seed), chains)
    chunk = max(1, WORKFLOW_BATCH_FLOATS // CHAIN_BLOCK)
    for g in range(t):
        for lo, hi, gen in blocks:
            current = theta[g, lo:hi]
            total = np.zeros(hi - lo)
            for c0 in range(0, n, chunk):
                total += draw_sum(gen, current, min(chunk, n - c0))
            theta[g + 1, lo:hi] = fit(total, n, current)
    return theta


def poisson_workflow(n, theta0, t, chains, seed=None) -> np.ndarray:
    """Refit a Poisson model on its own samples ``t`` times, in ``chains`` independent runs.

    Each generation draws n Poisson(theta) samples per chain and sets theta to their mean
    (the maximum-likelihood estimate).

    Parameters
    ----------
    n : int >= 1
        Samples per generation.
    theta0 : float > 0
        The original rate.
    t : int >= 0
    chains : int >= 1
    seed : None, int, SeedSequence or Generator

    Returns
    -------
    numpy.ndarray
        theta of shape (t + 1, chains); row g is generation g.
    """
    n, theta0, t, chains = _validated(n, 1, theta0, t, chains)

    def draw_sum(gen, theta, columns):
        return gen.poisson(theta[:, None], (theta.size, columns)).sum(axis=1)

    return _refit_loop(n, theta0, t, chains, seed, draw_sum, lambda total, size, theta: total / size)


def exponential_workflow(n, theta0, t, chains, seed=None) -> np.ndarray:
    """Refit an exponential model (rate theta) on its own samples ``t`` times.

    Each generation draws n exponential samples with rate theta (mean 1 / theta) per chain
    and sets theta to n / sum(samples), the maximum-likelihood rate.

    Parameters
    ----------
    n : int >= 2
        Samples per generation (n >= 2 so that E[theta_t] is finite).
    theta0 : float > 0
        The original rate.
    t : int >= 0
    chains : int >= 1
    seed : None, int, SeedSequence or Generator

    Returns
    -------
    numpy.ndarray
        theta of shape (t + 1, chains); row g is generation g.
    """
    n, theta0, t, chains = _validated(n, 2, theta0, t, chains)

    def draw_sum(gen, theta, columns):
        return gen.exponential(1.0 / theta[:, None], (theta.size, columns)).sum(axis=1)

    return _refit_loop(n, theta0, t, chains, seed, draw_sum, lambda total, size, theta: size / total)


__all__ = ["poisson_workflow", "exponential_workflow", "WORKFLOW_BATCH_FLOATS"]

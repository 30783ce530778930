"""Literal workflows of the remedies: pools of actual samples that mix, grow or are subsampled.

Written by hand, independently of the declarations in :mod:`modelcollapse.theory.fresh_data`,
:mod:`~modelcollapse.theory.accumulation`, :mod:`~modelcollapse.theory.subsample`,
:mod:`~modelcollapse.theory.growing_samples` and :mod:`~modelcollapse.theory.golden_ratio`: every
generation draws all its samples (numpy, vectorised over chains), pools them as described and fits
them as a user would (numpy's mean and variance). The tests compare them in distribution with the
declared laws and the exact values.

Examples
--------
>>> mu, sigma = fresh_gaussian_workflow(n=10, lam=0.2, t=3, ddof=0, sigma0=1.0, chains=5, seed=1)
>>> mu.shape, sigma.shape
((4, 5), (4, 5))
>>> float(sigma[0, 0]), float(mu[0, 0])
(1.0, 0.0)
"""

from __future__ import annotations

import numpy as np

from modelcollapse.theory.assumptions import check_choice, check_int, check_probabilities, check_real

from .streams import as_generator, check_cells


def _common(t, chains, sigma0, cells):
    t = check_int("t", t, lower=0)
    chains = check_int("chains", chains, lower=1)
    sigma0 = float(check_real("sigma0", sigma0, positive=True))
    check_cells("chains * samples", chains * cells)
    return t, chains, sigma0


def _fraction(lam, n):
    lam = float(check_real("lam", lam, nonnegative=True, upper=1))
    count = lam * n
    if abs(count - round(count)) > 1e-9 * n:
        raise ValueError(f"lam * n must be an integer (the number of fresh samples), got lam = {lam!r} with n = {n}")
    return int(round(count))


def _fit(samples, ddof):
    """The fitted mean and standard deviation of each row (divisor size - ddof)."""
    return samples.mean(axis=1), np.sqrt(samples.var(axis=1, ddof=ddof))


def fresh_gaussian_workflow(n, lam, t, ddof, sigma0, chains, seed=None, mu0=0.0):
    """Each generation fits lam n fresh samples of N(mu0, sigma0^2) pooled with (1 - lam) n samples of
    the current fit. Returns (mu, sigma), each of shape (t + 1, chains)."""
    n = check_int("n", n, lower=2)
    fresh = _fraction(lam, n)
    ddof = check_choice("ddof", ddof, (0, 1))
    mu0 = float(check_real("mu0", mu0))
    t, chains, sigma0 = _common(t, chains, sigma0, n)
    rng = as_generator(seed)
    mu, sigma = np.empty((t + 1, chains)), np.empty((t + 1, chains))
    mu[0], sigma[0] = mu0, sigma0
    for g in range(t):
        original = rng.normal(mu0, sigma0, (chains, fresh))
        generated = rng.normal(mu[g][:, None], sigma[g][:, None], (chains, n - fresh))
        mu[g + 1], sigma[g + 1] = _fit(np.concatenate([original, generated], axis=1), ddof)
    return mu, sigma


def fresh_categorical_workflow(p0, n, lam, t, chains, seed=None):
    """Each generation draws n tokens from p_t (inverse-CDF sampling), counts them and sets
    p_{t+1} = lam p0 + (1 - lam) counts / n. Returns shares of shape (t + 1, chains, K)."""
    p0 = np.asarray(check_probabilities("p0", p0), dtype=float)
    n = check_int("n", n, lower=1)
    lam = float(check_real("lam", lam, nonnegative=True, upper=1))
    t = check_int("t", t, lower=0)
    chains = check_int("chains", chains, lower=1)
    check_cells("chains * n", chains * n)
    rng = as_generator(seed)
    K = p0.size
    shares = np.empty((t + 1, chains, K))
    shares[0] = p0
    for g in range(t):
        cumulative = np.cumsum(shares[g], axis=1)
        cumulative[:, -1] = 1.0
        tokens = (rng.random((chains, n))[:, :, None] >= cumulative[:, None, :]).sum(axis=2)
        # each chain's tokens counted in its own block of K cells (bincount: np.add.at is unbuffered, slow)
        counts = np.bincount((tokens + K * np.arange(chains)[:, None]).ravel(), minlength=chains * K).reshape(chains, K)
        shares[g + 1] = lam * p0 + (1 - lam) * counts / n
    return shares


def accumulate_gaussian_workflow(n, t, sigma0, chains, seed=None, mu0=0.0, subsample=False):
    """The pool starts as n samples of N(mu0, sigma0^2); fit s (s >= 1) is the maximum-likelihood fit
    to the whole pool of s n samples (or, with ``subsample``, to n of them drawn without replacement),
    after which n samples of that fit join the pool. Returns (mu, sigma) of shape (t + 1, chains)."""
    n = check_int("n", n, lower=2)
    mu0 = float(check_real("mu0", mu0))
    t, chains, sigma0 = _common(t, chains, sigma0, n * max(t, 1))
    rng = as_generator(seed)
    pool = np.empty((chains, n * max(t, 1)))
    pool[:, :n] = rng.normal(mu0, sigma0, (chains, n))
    mu, sigma = np.empty((t + 1, chains)), np.empty((t + 1, chains))
    mu[0], sigma[0] = mu0, sigma0
    for fit in range(1, t + 1):
        current = pool[:, :fit * n]
        if subsample:
            keys = rng.random(current.shape)
            chosen = np.argpartition(keys, n - 1, axis=1)[:, :n] if fit > 1 else np.arange(n)[None, :].repeat(chains, 0)
            current = np.take_along_axis(current, chosen, axis=1)
        mu[fit], sigma[fit] = _fit(current, 0)
        if fit < t:
            pool[:, fit * n:(fit + 1) * n] = rng.normal(mu[fit][:, None], sigma[fit][:, None], (chains, n))
    return mu, sigma


def accumulate_subsample_workflow(n, t, sigma0, chains, seed=None, mu0=0.0):
    """:func:`accumulate_gaussian_workflow` with each fit on n samples drawn without replacement."""
    return accumulate_gaussian_workflow(n, t, sigma0, chains, seed, mu0, subsample=True)


def growing_samples_workflow(sizes, ddof, sigma0, chains, seed=None, mu0=0.0):
    """Refit s draws ``sizes[s]`` samples of the current fit and fits them (divisor size - ddof).
    Returns (mu, sigma) of shape (len(sizes) + 1, chains)."""
    sizes = [check_int("sizes", s, lower=2) for s in sizes]
    ddof = check_choice("ddof", ddof, (0, 1))
    mu0 = float(check_real("mu0", mu0))
    t, chains, sigma0 = _common(len(sizes), chains, sigma0, max(sizes, default=1))
    rng = as_generator(seed)
    mu, sigma = np.empty((t + 1, chains)), np.empty((t + 1, chains))
    mu[0], sigma[0] = mu0, sigma0
    for g, size in enumerate(sizes):
        mu[g + 1], sigma[g + 1] = _fit(rng.normal(mu[g][:, None], sigma[g][:, None], (chains, size)), ddof)
    return mu, sigma


def golden_ratio_workflow(w, n, m, t, sigma0, chains, seed=None, mu0=0.0):
    """Generation 0's estimate is the mean of n real samples; generation s's is w (mean of n fresh real
    samples) + (1 - w) (mean of m samples of N(estimate_{s-1}, sigma0^2)). Returns the estimates,
    shape (t + 1, chains)."""
    w = float(check_real("w", w, nonnegative=True, upper=1))
    n, m = check_int("n", n, lower=1), check_int("m", m, lower=1)
    mu0 = float(check_real("mu0", mu0))
    t, chains, sigma0 = _common(t, chains, sigma0, n + m)
    rng = as_generator(seed)
    estimate = np.empty((t + 1, chains))
    estimate[0] = rng.normal(mu0, sigma0, (chains, n)).mean(axis=1)
    for g in range(t):
        real = rng.normal(mu0, sigma0, (chains, n)).mean(axis=1)
        synthetic = rng.normal(estimate[g][:, None], sigma0, (chains, m)).mean(axis=1)
        estimate[g + 1] = w * real + (1 - w) * synthetic
    return estimate


__all__ = ["fresh_gaussian_workflow", "fresh_categorical_workflow", "accumulate_gaussian_workflow",
           "accumulate_subsample_workflow", "growing_samples_workflow", "golden_ratio_workflow"]

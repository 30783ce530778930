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


# --- sampling transforms on the Gaussian refit ------------------------------------------------------

def _gaussian_transform_loop(n, t, chains, sigma0, mu0, ddof, seed, draw):
    """(mu, sigma), each of shape (t + 1, chains): each generation draws n samples per chain with
    ``draw(generator, mu, sigma, n)`` (an array (chains in the block, n)) and refits the sample
    mean and sum of squared deviations / (n - ddof)."""
    n = check_int("n", n, lower=2)
    t = check_int("t", t, lower=0)
    chains = check_int("chains", chains, lower=1)
    sigma0 = float(check_real("sigma0", sigma0, positive=True))
    mu0 = float(check_real("mu0", mu0))
    if ddof not in (0, 1) or isinstance(ddof, bool):
        raise ValueError(f"ddof must be one of 0, 1, got {ddof!r}")
    check_cells("chains * (t + 1)", chains * (t + 1))
    mu, sigma = np.empty((t + 1, chains)), np.empty((t + 1, chains))
    mu[0], sigma[0] = mu0, sigma0
    blocks = chain_blocks(as_generator(seed), chains)
    for g in range(t):
        for lo, hi, gen in blocks:
            x = draw(gen, mu[g, lo:hi, None], sigma[g, lo:hi, None], n)
            mu[g + 1, lo:hi] = x.mean(axis=1)
            sigma[g + 1, lo:hi] = np.sqrt(((x - x.mean(axis=1, keepdims=True)) ** 2).sum(axis=1) / (n - ddof))
    return mu, sigma


def temperature_workflow(n, tau, t, chains, sigma0=1.0, mu0=0.0, ddof=0, seed=None):
    """Sample at temperature tau (density proportional to p^(1/tau): N(mu, tau sigma^2)), refit, repeat.

    Returns (mu, sigma) of shape (t + 1, chains).

    >>> mu, sigma = temperature_workflow(n=5, tau=0.5, t=2, chains=3, seed=1)
    >>> sigma.shape, float(sigma[0, 0])
    ((3, 3), 1.0)
    """
    tau = float(check_real("tau", tau, positive=True))
    return _gaussian_transform_loop(n, t, chains, sigma0, mu0, ddof, seed,
                                    lambda g, m, s, size: g.normal(m, np.sqrt(tau) * s, (m.shape[0], size)))


def truncation_workflow(n, a, t, chains, sigma0=1.0, mu0=0.0, ddof=0, seed=None):
    """Sample from the model conditioned on |x - mu| <= a sigma (by rejection: draw, discard what
    falls outside, draw again), refit, repeat. Returns (mu, sigma) of shape (t + 1, chains)."""
    a = float(check_real("a", a, positive=True))

    def draw(g, m, s, size):
        x = g.normal(m, s, (m.shape[0], size))
        outside = np.abs(x - m) > a * s
        while outside.any():
            redraw = g.normal(np.broadcast_to(m, x.shape)[outside], np.broadcast_to(s, x.shape)[outside])
            x[outside] = redraw
            outside = np.abs(x - m) > a * s
        return x

    return _gaussian_transform_loop(n, t, chains, sigma0, mu0, ddof, seed, draw)


def best_of_k_workflow(n, k, t, chains, sigma0=1.0, mu0=0.0, ddof=0, seed=None):
    """Each training sample is the largest of k draws from the model; refit, repeat.
    Returns (mu, sigma) of shape (t + 1, chains)."""
    k = check_int("k", k, lower=1)
    return _gaussian_transform_loop(n, t, chains, sigma0, mu0, ddof, seed,
                                    lambda g, m, s, size: g.normal(m[..., None], s[..., None],
                                                                   (m.shape[0], size, k)).max(axis=-1))


# --- the infinite-sample maps on a categorical model, iterated directly --------------------------

def _probabilities(p0, dps):
    import mpmath
    from modelcollapse.theory.assumptions import check_probabilities
    check_probabilities("p0", p0)
    with mpmath.workdps(dps):
        p = [mpmath.mpf(float(q)) for q in p0]
        total = mpmath.fsum(p)
        return [q / total for q in p]


def _renormalise(weights):
    import mpmath
    total = mpmath.fsum(weights)
    return [w / total for w in weights]


def temperature_step(p, tau):
    """p^(1/tau), renormalised (softmax temperature)."""
    import mpmath
    return _renormalise([q ** (1 / mpmath.mpf(tau)) if q > 0 else mpmath.mpf(0) for q in p])


def top_k_step(p, k):
    """Keep the k most probable categories (ties: lower index), renormalise."""
    order = sorted(range(len(p)), key=lambda m: (-p[m], m))[:k]
    return _renormalise([q if m in order else 0 * q for m, q in enumerate(p)])


def nucleus_step(p, top_p):
    """Keep the smallest set of most probable categories (ties: lower index) with mass >= top_p, renormalise."""
    import mpmath
    order = sorted(range(len(p)), key=lambda m: (-p[m], m))
    chosen, mass = set(), mpmath.mpf(0)
    for m in order:
        if mass >= top_p:
            break
        chosen.add(m)
        mass += p[m]
    return _renormalise([q if m in chosen else 0 * q for m, q in enumerate(p)])


def tilt_step(p, r, beta):
    """p exp(beta r), renormalised (one step of reward tilting)."""
    import mpmath
    return _renormalise([q * mpmath.exp(mpmath.mpf(beta) * mpmath.mpf(v)) for q, v in zip(p, r)])


def iterate_map(step, p0, t, dps=30):
    """[p_0, p_1, ..., p_t] by applying ``step`` t times to p0, in mpmath at ``dps`` digits."""
    import mpmath
    t = check_int("t", t, lower=0)
    with mpmath.workdps(dps):
        out = [_probabilities(p0, dps)]
        for _ in range(t):
            out.append(step(out[-1]))
        return out


def entropy_by_definition(p):
    """-sum p log p (nats), with 0 log 0 = 0."""
    import mpmath
    return -mpmath.fsum(q * mpmath.log(q) for q in p if q > 0)


def curation_workflow(p0, n, t, chains, keep=0.5, seed=None):
    """Refit a categorical model on curated samples: each generation draws n tokens per chain from
    p_t, keeps (at least one of) the ``keep`` fraction with the highest reward (the category's index
    with a random tie-break), and refits the empirical distribution of the kept tokens.

    Returns p of shape (t + 1, chains, K).
    """
    from modelcollapse.theory.assumptions import check_probabilities
    p0 = check_probabilities("p0", p0)
    n = check_int("n", n, lower=1)
    t = check_int("t", t, lower=0)
    chains = check_int("chains", chains, lower=1)
    keep = float(check_real("keep", keep, positive=True, upper=1))
    K = p0.size
    check_cells("chains * (t + 1) * K", chains * (t + 1) * K)
    p = np.empty((t + 1, chains, K))
    p[0] = p0
    kept = max(1, int(round(keep * n)))
    for lo, hi, gen in chain_blocks(as_generator(seed), chains):
        for g in range(t):
            cdf = np.cumsum(p[g, lo:hi], axis=1)
            u = gen.random((hi - lo, n, 1)) * cdf[:, -1:, None]  # below the total: never a trailing empty category
            tokens = np.minimum((u > cdf[:, None, :]).sum(axis=2), K - 1)
            reward = tokens + gen.random(tokens.shape)
            best = np.argsort(-reward, axis=1)[:, :kept]
            chosen = np.take_along_axis(tokens, best, axis=1)
            counts = np.stack([(chosen == c).sum(axis=1) for c in range(K)], axis=1)
            p[g + 1, lo:hi] = counts / kept
    return p


__all__ = ["poisson_workflow", "exponential_workflow", "temperature_workflow", "truncation_workflow",
           "best_of_k_workflow", "iterate_map", "temperature_step", "top_k_step", "nucleus_step", "tilt_step",
           "entropy_by_definition", "curation_workflow", "WORKFLOW_BATCH_FLOATS"]

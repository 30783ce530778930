"""Streaming Monte Carlo: chains in batches, only the statistics kept.

A large simulation (10^8 chain-generations and more) never holds all its chains: chains are
simulated in batches of ``batch_chains``, each batch is reduced at once to the running moments
its checks need (count, mean and the central sums of powers 2, 3 and 4 of every statistic at
every generation, :class:`Moments`), and batches are merged by the pairwise formulas of
Pébay (2008). Peak memory is that of one batch, O(batch_chains * t), whatever the number of
chains (``modelcollapse bench`` measures it).

Batch b draws from the b-th child of ``numpy.random.SeedSequence(seed).spawn(batches)``
(:func:`batch_seeds`): the numbers depend on the seed and the batch size, never on which
worker ran the batch, and batches are merged in batch order, so one worker, N local
processes (``workers=N``) and a Dask cluster (``backend="dask"``) give identical results
(:mod:`~modelcollapse.numerics.parallel`).

Examples
--------
Moments merge exactly (to rounding) like the moments of the concatenated samples:

>>> import numpy as np
>>> x = np.random.default_rng(0).standard_normal(1000)
>>> m = Moments.of(x[:300]).merge(Moments.of(x[300:]))
>>> bool(np.isclose(m.mean, x.mean())) and bool(np.isclose(m.variance, x.var(ddof=1)))
True

Expected variance after 5 refits of N(0, 1) with n = 10 and maximum likelihood is
((n - 1)/n)^5 = 0.59049; 20 000 chains in batches of 4096 agree within 5 standard errors:

>>> s = stream_gaussian(n=10, t=5, chains=20_000, seed=1, batch_chains=4096)
>>> est, se = s.estimate("variance", 5)
>>> bool(abs(est - 0.9**5) < 5 * se)
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from modelcollapse.theory.assumptions import check_choice, check_int, check_probabilities, check_real

from .parallel import check_backend, run_tasks

#: Chains per batch (the unit of random streams and of memory).
BATCH_CHAINS = 8192


@dataclass
class Moments:
    """Running count, mean and central sums of powers 2-4 (arrays: one entry per statistic cell)."""

    count: int
    mean: np.ndarray
    m2: np.ndarray
    m3: np.ndarray
    m4: np.ndarray

    @classmethod
    def of(cls, values) -> "Moments":
        """Moments of ``values`` along the last axis (the chains)."""
        values = np.asarray(values, dtype=np.float64)
        mean = values.mean(axis=-1)
        d = values - mean[..., None]
        d2 = d * d
        # einsum sums the products without materialising d^3 and d^4
        return cls(values.shape[-1], mean, d2.sum(axis=-1), np.einsum("...i,...i->...", d2, d),
                   np.einsum("...i,...i->...", d2, d2))

    def merge(self, other: "Moments") -> "Moments":
        """The moments of both samples together (Pébay 2008, eqs. 3.1 and 2.9-2.11)."""
        na, nb = self.count, other.count
        if na == 0:
            return other
        if nb == 0:
            return self
        n = na + nb
        delta = other.mean - self.mean
        mean = self.mean + delta * (nb / n)
        m2 = self.m2 + other.m2 + delta**2 * (na * nb / n)
        m3 = (self.m3 + other.m3 + delta**3 * (na * nb * (na - nb) / n**2)
              + 3 * delta * (na * other.m2 - nb * self.m2) / n)
        m4 = (self.m4 + other.m4 + delta**4 * (na * nb * (na * na - na * nb + nb * nb) / n**3)
              + 6 * delta**2 * (na * na * other.m2 + nb * nb * self.m2) / n**2
              + 4 * delta * (na * other.m3 - nb * self.m3) / n)
        return Moments(n, mean, m2, m3, m4)

    @property
    def variance(self):
        """Sample variance (divisor count - 1)."""
        return self.m2 / (self.count - 1)

    @property
    def standard_error(self):
        """Standard error of the mean."""
        return np.sqrt(self.variance / self.count)

    def skew_corrected_z(self, expected):
        """Johnson's (1978) skew-corrected statistic, as :func:`~modelcollapse.numerics.checks.skew_corrected_z`
        computes it from all the values."""
        s2, N, m3 = self.variance, self.count, self.m3 / self.count
        d = self.mean - expected
        return (d + m3 / (6 * s2 * N) + m3 * d * d / (3 * s2 * s2)) / np.sqrt(s2 / N)


@dataclass
class StreamSummary:
    """Moments of every statistic at every kept generation, from ``chains`` chains."""

    chains: int
    generations: tuple
    moments: dict = field(default_factory=dict)
    batches: int = 0

    def _at(self, name, g):
        if name not in self.moments:
            raise ValueError(f"name must be one of {sorted(self.moments)}, got {name!r}")
        if g not in self.generations:
            raise ValueError(f"g must be one of the kept generations {self.generations}, got {g!r}")
        return self.generations.index(g)

    def estimate(self, name: str, g: int) -> tuple:
        """(mean, standard error) of statistic ``name`` at generation ``g`` (a float, or an
        array for a vector statistic such as the categorical ``p``)."""
        i = self._at(name, g)
        m = self.moments[name]
        mean, se = m.mean[i], m.standard_error[i]
        return (float(mean), float(se)) if np.ndim(mean) == 0 else (mean, se)

    def z(self, name: str, g: int, expected) -> float:
        """Skew-corrected z-score of the mean of ``name`` at ``g`` against ``expected``."""
        i = self._at(name, g)
        m = self.moments[name]
        one = Moments(m.count, m.mean[i], m.m2[i], m.m3[i], m.m4[i])
        return float(one.skew_corrected_z(expected))


def batch_seeds(seed, batches: int) -> list:
    """``batches`` child SeedSequences of ``seed`` (an int, None or a SeedSequence, not mutated)."""
    if isinstance(seed, np.random.SeedSequence):
        root = np.random.SeedSequence(seed.entropy, spawn_key=seed.spawn_key, pool_size=seed.pool_size)
    elif seed is None or (isinstance(seed, (int, np.integer)) and not isinstance(seed, bool) and seed >= 0):
        root = np.random.SeedSequence(seed)
    else:
        raise ValueError(f"seed must be None, a non-negative integer or a SeedSequence, got {seed!r}")
    return root.spawn(batches)


def _reduce_batch(simulate: Callable, size: int, seed, args: tuple) -> dict:
    """One batch: simulate ``size`` chains, keep only the moments of each statistic."""
    return {name: Moments.of(values) for name, values in simulate(size, seed, *args).items()}


def stream(simulate: Callable, args: tuple, chains: int, generations: tuple, seed=None,
           batch_chains: int = BATCH_CHAINS, workers: int = 1, backend: str = "local",
           scheduler: str | None = None, progress: Callable[[str], None] | None = None) -> StreamSummary:
    """Run ``simulate(size, seed_sequence, *args)`` batch by batch and merge its statistics.

    ``simulate`` (a module-level function, so that it can run in another process) returns
    {name: array whose last axis is the chains and whose first is ``generations``}.
    """
    chains = check_int("chains", chains, lower=2)
    batch_chains = check_int("batch_chains", batch_chains, lower=2)
    backend, workers = check_backend(backend, workers, scheduler)
    sizes = [min(batch_chains, chains - lo) for lo in range(0, chains, batch_chains)]
    if sizes[-1] < 2 and len(sizes) > 1:  # a batch of one chain has no spread: join it to the previous
        sizes[-2] += sizes.pop()
    seeds = batch_seeds(seed, len(sizes))
    say = progress or (lambda s: None)
    tasks = [(simulate, size, s, tuple(args)) for size, s in zip(sizes, seeds)]
    summary = StreamSummary(chains, tuple(generations), batches=len(tasks))
    finished = [0]

    def done(i, answer):
        finished[0] += 1
        if finished[0] == len(tasks) or finished[0] % max(1, len(tasks) // 20) == 0:
            say(f"streaming Monte Carlo: {finished[0]}/{len(tasks)} batches")

    if workers == 1 and backend == "local":  # merge as we go: one batch in memory at a time
        for i, task in enumerate(tasks):
            summary.moments = _merge(summary.moments, _reduce_batch(*task))
            done(i, None)
        return summary
    for part in run_tasks(_reduce_batch, tasks, workers=workers, backend=backend, scheduler=scheduler,
                          progress=done):
        summary.moments = _merge(summary.moments, part)  # in batch order: identical to one worker
    return summary


def _merge(total: dict, part: dict) -> dict:
    return {name: total[name].merge(m) if name in total else m for name, m in part.items()}


# --- the models ------------------------------------------------------------------------------
def gaussian_batch(size, seed, n, t, ddof, mu0, sigma0) -> dict:
    """Statistics of ``size`` chains of Gaussian refitting (the exact path), generations 0..t."""
    from .gaussian_sim import simulate_gaussian
    path = simulate_gaussian(n, t, size, ddof=ddof, mu0=mu0, sigma0=sigma0, seed=seed, method="exact")
    variance = path.sigma**2
    return {"mu": path.mu, "sigma": path.sigma, "variance": variance,
            "log_variance_ratio": np.log(variance / sigma0**2)}


def stream_gaussian(n, t, chains, ddof=0, mu0=0.0, sigma0=1.0, seed=None, batch_chains=BATCH_CHAINS,
                    workers=1, backend="local", scheduler=None, progress=None) -> StreamSummary:
    """Streaming Monte Carlo of Gaussian refitting (exact path): moments of ``mu``, ``sigma``,
    ``variance`` (sigma_t^2) and ``log_variance_ratio`` (log sigma_t^2 / sigma0^2) at every
    generation 0..t, from ``chains`` chains in batches of ``batch_chains``.

    Peak memory: two float64 arrays of batch_chains * (t + 1), whatever ``chains``.
    """
    n = check_int("n", n, lower=2)
    t = check_int("t", t, lower=0)
    ddof = check_choice("ddof", ddof, (0, 1))
    mu0 = float(check_real("mu0", mu0))
    sigma0 = float(check_real("sigma0", sigma0, positive=True))
    return stream(gaussian_batch, (n, t, ddof, mu0, sigma0), chains, tuple(range(t + 1)), seed, batch_chains,
                  workers, backend, scheduler, progress)


def categorical_batch(size, seed, p0, n, t) -> dict:
    """Statistics of ``size`` chains of categorical refitting (exact path), generations 0..t:
    the fitted distribution ``p`` (one column per category), the collision probability
    sum p_i^2, and the number of surviving categories. Holds one generation at a time."""
    from .categorical_sim import refits
    p0 = np.asarray(p0, dtype=np.float64)
    K = p0.size
    p = np.empty((t + 1, K, size))
    p[0] = p0[:, None]
    for g, counts in enumerate(refits(p0, n, t, size, seed, "exact"), start=1):
        p[g] = (counts / n).T
    return {"p": p, "collision": (p**2).sum(axis=1), "surviving": (p > 0).sum(axis=1).astype(np.float64)}


def stream_categorical(p0, n, t, chains, seed=None, batch_chains=BATCH_CHAINS, workers=1, backend="local",
                       scheduler=None, progress=None) -> StreamSummary:
    """Streaming Monte Carlo of categorical refitting: moments of ``p`` (shape generations x K),
    ``collision`` and ``surviving`` at every generation 0..t."""
    p0 = check_probabilities("p0", p0)
    p0 = tuple(float(v) for v in p0 / p0.sum())
    n = check_int("n", n, lower=1)
    t = check_int("t", t, lower=0)
    return stream(categorical_batch, (p0, n, t), chains, tuple(range(t + 1)), seed, batch_chains, workers,
                  backend, scheduler, progress)


def model_batch(size, seed, model, params, t, functionals) -> dict:
    """Statistics of ``size`` chains of a declared model: each functional (a sympy expression in
    the state and the parameters) at every generation 0..t."""
    from .declared import evaluate_functional, simulate_model_params
    path = simulate_model_params(model, params, t, size, seed)
    return {name: np.stack([evaluate_functional(model, expr, path, g, params) for g in range(t + 1)])
            for name, expr in functionals.items()}


def stream_model(model, t, chains, seed=None, functionals=None, batch_chains=BATCH_CHAINS, workers=1,
                 backend="local", scheduler=None, progress=None, **params) -> StreamSummary:
    """Streaming Monte Carlo of a declared :class:`~modelcollapse.theory.model.Model`:
    moments of each functional (default: each state variable, by name) at generations 0..t.

    Examples
    --------
    A Poisson refit is a martingale: E[theta_t] = lam.

    >>> import sympy as sp
    >>> from modelcollapse.theory.model import get_model
    >>> s = stream_model(get_model("poisson"), t=4, chains=5000, seed=3, n=10, theta0=2.0)
    >>> est, se = s.estimate("theta", 4)
    >>> bool(abs(est - 2.0) < 5 * se)
    True
    """
    import sympy as sp
    from .declared import validate_params
    t = check_int("t", t, lower=0)
    params = validate_params(model, params)
    functionals = {str(s): s for s in model.state} if functionals is None else {
        str(k): sp.sympify(v) for k, v in dict(functionals).items()}
    return stream(model_batch, (model, params, t, functionals), chains, tuple(range(t + 1)), seed, batch_chains,
                  workers, backend, scheduler, progress)


__all__ = ["Moments", "StreamSummary", "stream", "stream_gaussian", "stream_categorical", "stream_model",
           "batch_seeds", "BATCH_CHAINS"]

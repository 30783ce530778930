"""Independent checks of the information results (values in bits).

Each mutual information is estimated from simulated pairs by the *literal* workflow (draw a
prior mean and refit it from n actual samples per generation; code a source and re-code the
reconstruction), through the sample correlation: for a bivariate normal pair I = -log2(1 - rho^2)
/ 2, and Fisher's z = atanh(r) has standard error 1 / sqrt(N - 3), so the estimate's standard error
is |r| / (log 2 sqrt(N - 3)) by the delta method. The reference route computes each quantity by its
definition in mpmath: the mean channel's entropies by quadrature of the densities, the re-coded source's covariance matrix iterated through
the channel numerically, the categorical divergence over every state of the K-category chain
(:class:`~modelcollapse.numerics.multinomial_chain.MultinomialChain`). The data-processing check
runs the exact values over t and an exactly enumerated Wright-Fisher chain with a random start.

Examples
--------
The mean channel at n = 10, s = sigma0 = 1, t = 5 by quadrature of its densities:

>>> round(float(mean_channel_by_quadrature(10, 5, 1.0, 1.0)), 10)
0.7924812504
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import mpmath
import numpy as np

from modelcollapse import theory

from .checks import MonteCarloCheck, ReferenceCheck, skew_corrected_z, z_critical
from .streams import stream

REFERENCE_DPS = 20
REFERENCE_RTOL = 1e-9


# --- literal workflows ---------------------------------------------------------------------------
def simulate_mean_channel(n, t, s, sigma0, chains, rng, block=4000):
    """(mu_0, mu_t) per chain: mu_0 ~ N(0, s^2), then t refits, each the mean of n samples of
    N(mu, sigma0^2) (every sample drawn)."""
    starts, ends = [], []
    for lo in range(0, chains, block):
        m = min(block, chains - lo)
        mu0 = rng.normal(0.0, s, size=m)
        mu = mu0.copy()
        for _ in range(t):
            mu = rng.normal(mu[:, None], sigma0, size=(m, n)).mean(axis=1)
        starts.append(mu0)
        ends.append(mu)
    return np.concatenate(starts), np.concatenate(ends)


def simulate_recoding(R, t, sigma0, chains, rng):
    """(X, Xhat_t) per chain: X ~ N(0, sigma0^2) coded at R bits by the optimal Gaussian test channel
    for the current source variance v, Xhat = c X + N(0, c (1 - c) v), c = 1 - 2^(-2R), re-coded t times."""
    c = 1 - 2.0 ** (-2 * R)
    source = rng.normal(0.0, sigma0, size=chains)
    recon, v = source.copy(), sigma0**2
    for _ in range(t):
        recon = c * recon + rng.normal(0.0, np.sqrt(c * (1 - c) * v), size=chains)
        v = c * v
    return source, recon


def correlation_bits(a, b):
    """(I estimate in bits, standard error) from the sample correlation of normal pairs."""
    r = float(np.corrcoef(a, b)[0, 1])
    estimate = -0.5 * np.log2(1 - r * r)
    se = abs(r) / (np.log(2) * np.sqrt(a.size - 3))
    return estimate, se


# --- reference routes ----------------------------------------------------------------------------
def _normal_density(v, mean, var):
    return mpmath.exp(-(v - mean) ** 2 / (2 * var)) / mpmath.sqrt(2 * mpmath.pi * var)


def mean_channel_by_quadrature(n, t, s, sigma0, dps=REFERENCE_DPS):
    """I(mu_0; mu_t) in bits: h(mu_t) - h(mu_t | mu_0), each entropy by quadrature of -f log f. The
    noise variance is summed over the t refits (sigma0^2 / n each); mu_t is normal with the prior's
    variance plus the noise's (a sum of independent normals)."""
    with mpmath.workdps(dps):
        prior, noise = mpmath.mpf(s) ** 2, mpmath.fsum([mpmath.mpf(sigma0) ** 2 / n] * int(t))

        def entropy(var):
            f = lambda v: _normal_density(v, 0, var)  # noqa: E731
            edge = 40 * mpmath.sqrt(var)
            return mpmath.quad(lambda v: -f(v) * mpmath.log(f(v)), [-edge, 0, edge])

        return (entropy(prior + noise) - entropy(noise)) / mpmath.log(2)


def recoding_by_covariance(R, t, sigma0, dps=REFERENCE_DPS):
    """(I(X; Xhat_t) in bits, E[(X - Xhat_t)^2], Var Xhat_t) from the covariance matrix of (X, Xhat)
    pushed through the channel t times: Sigma -> A Sigma A^T + diag(0, c (1 - c) v)."""
    with mpmath.workdps(2 * dps + int(t)):  # the determinant cancels about t log10(1/c) digits
        c = 1 - mpmath.mpf(2) ** (-2 * mpmath.mpf(R))
        v = mpmath.mpf(sigma0) ** 2
        sxx, sxy, syy = v, v, v
        for _ in range(int(t)):
            sxy, syy = c * sxy, c * c * syy + c * (1 - c) * syy
        info = mpmath.log(sxx * syy / (sxx * syy - sxy**2)) / (2 * mpmath.log(2))
        return info, sxx - 2 * sxy + syy, syy


def categorical_kl_by_enumeration(p0, n, t, dps=REFERENCE_DPS):
    """E[KL(p_t || p0)] in bits over every count vector of the K-category chain."""
    from .multinomial_chain import MultinomialChain
    chain = MultinomialChain(p0, n, dps=dps)
    with mpmath.workdps(dps):
        q = chain.p0

        def kl(counts):
            if any(c > 0 and q[k] == 0 for k, c in enumerate(counts)):
                return mpmath.mpf(0)  # a state of probability 0 (a category of mass 0 drawn)
            return mpmath.fsum((mpmath.mpf(c) / n) * mpmath.log((mpmath.mpf(c) / n) / q[k])
                               for k, c in enumerate(counts) if c > 0) / mpmath.log(2)
        return chain.expect(int(t), kl)


def wright_fisher_information(n, ts):
    """I(C_0; C_t) in bits for the two-category chain on {0..n} with C_0 uniform on {0..n}, exactly."""
    from modelcollapse.theory.wright_fisher import transition_matrix
    P = transition_matrix(n)
    prior = np.full(n + 1, 1.0 / (n + 1))
    out, joint, done = {}, np.diag(prior), 0
    for target in sorted(ts):
        while done < target:
            joint = joint @ P
            done += 1
        marginal = joint.sum(axis=0)
        mask = joint > 0
        ratio = joint[mask] / (prior[:, None] * marginal[None, :])[mask]
        out[target] = float((joint[mask] * np.log2(ratio)).sum())
    return out


def categorical_kl_rows(paths_p, p0):
    """KL(p_t || p0) in bits for each chain (rows of fitted distributions)."""
    p0 = np.asarray(p0, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(paths_p > 0, paths_p * np.log2(paths_p / np.where(p0 > 0, p0, 1.0)), 0.0)
    return terms.sum(axis=1)


# --- the checks ----------------------------------------------------------------------------------
@dataclass
class InformationCheck:
    """Monte Carlo points and a reference route for one information result."""

    points: list
    ts: tuple
    monte_carlo: Callable | None          # (params, t, chains, rng) -> (estimate, se, per-chain or None)
    reference: Callable                   # (params, t) -> mpmath value (or a violation, for dpi)
    reference_points: list = field(default_factory=list)
    reference_ts: tuple = ()

    def test_count(self) -> int:
        return len(self.points) * len(self.ts) if self.monte_carlo else 0


def _mc_mean_channel(p, t, chains, rng):
    a, b = simulate_mean_channel(p["n"], t, p["s"], p["sigma0"], chains, rng)
    est, se = correlation_bits(a, b)
    return est, se, None


def _mc_recoding(p, t, chains, rng):
    a, b = simulate_recoding(p["R"], t, p["sigma0"], chains, rng)
    est, se = correlation_bits(a, b)
    return est, se, None


def _mc_categorical_kl(p, t, chains, rng):
    from .categorical_sim import simulate_categorical
    path = simulate_categorical(p["p0"], p["n"], t, chains, seed=rng, keep=(t,))
    values = categorical_kl_rows(path.at(t), p["p0"])
    return float(values.mean()), float(values.std(ddof=1) / np.sqrt(values.size)), values


def _dpi_violation(p, t):
    """Largest rise of an exact I(theta_0; theta_t) from one generation to the next (0 when none)."""
    rises = []
    mean = theory.get("information.gaussian_mean_channel")
    series = [mean(n=10, t=g, s=1.0, sigma0=1.5) for g in range(1, 60)]
    rises += [b - a for a, b in zip(series, series[1:])]
    coding = theory.get("information.rate_distortion_chain")
    series = [coding(R=1.5, t=g, sigma0=1.0) for g in range(1, 60)]
    rises += [b - a for a, b in zip(series, series[1:])]
    chain = wright_fisher_information(8, range(0, 40))
    series = [chain[g] for g in range(0, 40)]
    rises += [b - a for a, b in zip(series, series[1:])]
    return mpmath.mpf(max(max(rises), 0.0))


CHECKS: dict[str, InformationCheck] = {
    "information.gaussian_mean_channel": InformationCheck(
        points=[dict(n=10, s=1.0, sigma0=1.5), dict(n=4, s=0.5, sigma0=1.0)], ts=(1, 3, 8),
        monte_carlo=_mc_mean_channel,
        reference=lambda p, t: mean_channel_by_quadrature(p["n"], t, p["s"], p["sigma0"]),
        reference_points=[dict(n=10, s=1.0, sigma0=1.5), dict(n=4, s=0.5, sigma0=1.0)], reference_ts=(1, 7)),
    "information.rate_distortion_chain": InformationCheck(
        points=[dict(R=1.0, sigma0=1.0), dict(R=2.5, sigma0=0.5)], ts=(1, 3, 8),
        monte_carlo=_mc_recoding, reference=lambda p, t: recoding_by_covariance(p["R"], t, p["sigma0"])[0],
        reference_points=[dict(R=1.0, sigma0=1.0), dict(R=0.25, sigma0=2.0), dict(R=4.0, sigma0=1.0)],
        reference_ts=(1, 2, 10, 100)),
    "information.categorical_kl": InformationCheck(
        points=[dict(p0=(0.5, 0.3, 0.2), n=10), dict(p0=(0.1,) * 10, n=20)], ts=(1, 3, 8),
        monte_carlo=_mc_categorical_kl,
        reference=lambda p, t: categorical_kl_by_enumeration(p["p0"], p["n"], t),
        reference_points=[dict(p0=(0.5, 0.3, 0.2), n=6), dict(p0=(0.75, 0.25, 0.0), n=4), dict(p0=(0.35, 0.65), n=12)],
        reference_ts=(1, 2, 5)),
    "information.dpi": InformationCheck(points=[], ts=(), monte_carlo=None, reference=_dpi_violation,
                                        reference_points=[{}], reference_ts=(None,)),
}


def monte_carlo_checks(result_id, chains, alpha, seed, closed_form=None) -> list:
    """z-tests of ``result_id`` at every point and generation of its check (as checks.monte_carlo_checks)."""
    check = CHECKS[result_id]
    r = theory.get(result_id)
    closed_form = closed_form or r
    crit = z_critical(alpha)
    out = []
    if check.monte_carlo is None:
        return out
    for k, params in enumerate(check.points):
        for t in check.ts:
            rng = stream(seed, result_id, k, t)
            est, se, per_chain = check.monte_carlo(params, t, chains, rng)
            expected = float(closed_form(**params, t=t))
            if per_chain is not None:
                z = skew_corrected_z(per_chain, expected)
            else:
                z = (est - expected) / se if se > 0 else (0.0 if est == expected else np.inf)
            out.append(MonteCarloCheck(result_id, dict(params), t, expected, float(est), float(se), float(z), alpha,
                                       chains, bool(abs(z) <= crit)))
    return out


def reference_check(result_id, closed_form=None) -> ReferenceCheck:
    """Closed form against the reference route; for ``information.dpi``, the largest rise of an exact
    mutual information over one generation (it must be 0)."""
    check = CHECKS[result_id]
    if result_id == "information.dpi":
        rise = float(check.reference({}, None))
        return ReferenceCheck(result_id, 3 * 58, rise, {}, 0.0, bool(rise <= 1e-12))
    r = theory.get(result_id)
    closed_form = closed_form or r
    worst, worst_err, count = {}, 0.0, 0
    for params in check.reference_points:
        for t in check.reference_ts:
            a = closed_form(dps=REFERENCE_DPS, **params, t=t)
            b = check.reference(params, t)
            with mpmath.workdps(REFERENCE_DPS):
                scale = max(abs(a), abs(b))
                err = float(abs(a - b) / scale) if scale else 0.0
            count += 1
            if err >= worst_err:
                worst_err, worst = err, dict(params, t=t)
    return ReferenceCheck(result_id, count, worst_err, worst, REFERENCE_RTOL, bool(worst_err <= REFERENCE_RTOL))


def information_figure(result, path, seed=7, chains=4000):
    """The exact value over t against the literal workflow's Monte Carlo estimate and its 95% band;
    for ``information.dpi``, the exact mutual information of three chains over t (never rising)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.0, 3.4), dpi=110)
    if result.id == "information.dpi":
        ts = list(range(1, 31))
        mean = theory.get("information.gaussian_mean_channel")
        code = theory.get("information.rate_distortion_chain")
        chain = wright_fisher_information(8, range(0, 31))
        ax.plot(ts, [mean(n=10, t=g, s=1.0, sigma0=1.5) for g in ts], label="refitted mean, n = 10, s = 1, sigma0 = 1.5")
        ax.plot(ts, [code(R=1.5, t=g, sigma0=1.0) for g in ts], label="re-coded source, R = 1.5 bits")
        ax.plot(ts, [chain[g] for g in ts], label="Wright-Fisher counts, n = 8, uniform start")
        ax.set_ylabel("I(theta_0; theta_t), bits")
        ax.set_title("information.dpi: exact mutual information never rises", fontsize=8)
    else:
        check = CHECKS[result.id]
        params = check.points[0]
        ts = list(range(1, 13))
        est, half = [], []
        for g in ts:
            e, se, _ = check.monte_carlo(params, g, chains, stream(seed, "docs", result.id, g))
            est.append(e)
            half.append(1.96 * se)
        est, half = np.array(est), np.array(half)
        ax.fill_between(ts, est - half, est + half, color="tab:orange", alpha=0.3, label="Monte Carlo 95% band")
        ax.plot(ts, est, "o", color="tab:orange", ms=3.5, label=f"literal workflow ({chains} chains)")
        ax.plot(ts, [result(**params, t=g) for g in ts], "-", color="tab:blue", lw=1.6, label="exact")
        shown = ", ".join(f"{k}={v}" for k, v in params.items())
        ax.set_title(f"{result.id}  ({shown})", fontsize=8)
        ax.set_ylabel("bits")
    ax.set_xlabel("generation t")
    ax.legend(fontsize=7, frameon=False)
    ax.grid(alpha=0.25)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)

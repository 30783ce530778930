"""``modelcollapse loss``: what each generation loses, in bits, over t.

For the Gaussian refit: the change of differential entropy (gaussian.entropy), the divergence
from the original as extra code length (information.description_length) and the information
the refitted mean keeps about the original mean with the variance known
(information.gaussian_mean_channel, prior standard deviation s = sigma0). For the categorical
refit: the expected entropy, the expected divergence E[KL(p_t || p0)] (information.categorical_kl,
exact by the chain; a Monte Carlo estimate beyond its work bound, marked as such) and the share
of H(p0) retained. For the mixing remedies (``remedy="fresh"``: a fraction lam of every training
set fresh from the original, mixing.fresh_gaussian; ``remedy="accumulate"``: every earlier sample
kept, mixing.accumulate_gaussian): the change of entropy and the divergence from the original by
Monte Carlo of the declared law (no closed form exists for E[log sigma_t] there), the expected
variance exactly, and a lower bound on the information the refitted mean keeps about a Gaussian
original mean (prior standard deviation s = sigma0) from the exact drift E[(mu_t - mu0)^2]: the
drift is independent of the original mean, and Gaussian noise of a given variance is the worst
additive noise for a Gaussian input, so I(mu_0; mu_t) >= log2(1 + s^2 / E[(mu_t - mu0)^2]) / 2.
Values are in bits.

Examples
--------
The divergence column is gaussian.kl (nats, from any original mean) in bits:

>>> import math
>>> from modelcollapse import theory
>>> rows = loss_table("gaussian", n=20, t=3, ddof=1)
>>> kl = theory.get("gaussian.kl")
>>> all(abs(r["divergence"] - kl(n=20, t=r["t"], ddof=1, sigma0=1.0, mu0=0.7) / math.log(2)) < 1e-12 for r in rows)
True

When every sample is kept, the expected variance is sigma0^2 prod_{k <= t} (1 - 1/(n k^2)):

>>> rows = loss_table("mixing", n=10, t=2, remedy="accumulate")
>>> abs(rows[2]["variance"] - (1 - 1 / 10) * (1 - 1 / 40)) < 1e-12
True
"""

from __future__ import annotations

import math
import sys

import numpy as np

from modelcollapse import theory
from modelcollapse.theory.assumptions import check_choice, check_int, check_probabilities

#: The families ``loss`` knows, and the columns it prints for each.
COLUMNS = {
    "gaussian": (("entropy", "E[h_t] - h_0 (bits)"), ("divergence", "E[KL(orig || gen t)] (bits)"),
                 ("retained", "I(mu_0; mu_t) (bits)")),
    "categorical": (("entropy", "E[H(p_t)] (bits)"), ("divergence", "E[KL(p_t || p0)] (bits)"),
                    ("retained", "share of H(p0) kept")),
    "mixing": (("entropy", "E[h_t] - h_0 (bits)"), ("divergence", "E[KL(orig || gen t)] (bits)"),
               ("retained", "I(mu_0; mu_t) >= (bits)"), ("variance", "E[sigma_t^2] / sigma0^2")),
}
#: Monte Carlo chains for categorical points beyond the exact chain's work bound, and for the
#: entropy and divergence of the mixing remedies.
MC_CHAINS = 4000
#: The mixing remedies: the declared model and the results giving E[sigma_t^2] and E[(mu_t - mu0)^2].
REMEDIES = {"fresh": ("fresh_gaussian", "mixing.fresh_gaussian", "mixing.fresh_gaussian_drift"),
            "accumulate": ("accumulate_gaussian", "mixing.accumulate_gaussian", "mixing.accumulate_gaussian_drift")}


def _progress(k, total, out):
    if out is None:
        return
    width = 30
    done = int(width * k / total)
    print(f"\r[{'#' * done}{'.' * (width - done)}] {k}/{total} generations", end="" if k < total else "\n", file=out,
          flush=True)


def loss_table(family, n=20, t=50, ddof=1, p0=(0.5, 0.3, 0.2), sigma0=1.0, progress=None, remedy="fresh", lam=0.5,
               seed=0) -> list:
    """One row per generation 0..t: {"t", "entropy", "divergence", "retained", "method"} (and
    "variance" for the mixing remedies).

    ``progress``: a stream for a progress bar (None: silent). ``remedy`` ("fresh" or "accumulate")
    and ``lam`` (the fresh fraction, lam n an integer in [2, n - 2]) for ``family="mixing"``;
    ``seed`` roots its Monte Carlo streams.
    """
    if family not in COLUMNS:
        raise ValueError(f"family must be one of {', '.join(COLUMNS)}, got {family!r}")
    t = check_int("t", t, lower=1, upper=100_000)
    rows = []
    if family == "mixing":
        return _mixing_table(remedy, n, t, ddof, lam, sigma0, progress, seed)
    if family == "gaussian":
        n = check_int("n", n, lower=4)
        ddof = check_choice("ddof", ddof, (0, 1))
        ent, div, ret = (theory.get(i) for i in ("gaussian.entropy", "information.description_length",
                                                 "information.gaussian_mean_channel"))
        ts = np.arange(0, t + 1)
        entropy = np.asarray(ent(n=n, t=ts, ddof=ddof, sigma0=sigma0, mu0=0.0), dtype=float) / math.log(2)
        divergence = np.asarray(div(n=n, t=ts, ddof=ddof, sigma0=sigma0), dtype=float)
        for g in range(t + 1):
            retained = math.inf if g == 0 else float(ret(n=n, t=g, s=sigma0, sigma0=sigma0))
            rows.append({"t": g, "entropy": float(entropy[g]), "divergence": float(divergence[g]),
                         "retained": retained, "method": "closed form"})
            if g % 10 == 0 or g == t:
                _progress(g, t, progress)
        return rows
    n = check_int("n", n, lower=1)
    probs = check_probabilities("p0", p0)
    h0 = float(-sum(q * math.log2(q) for q in probs if q > 0))
    from modelcollapse.theory.information import MAX_CATEGORICAL_WORK, expected_entropy_by_chain
    exact_upto = max(1, min(t, MAX_CATEGORICAL_WORK // (n + 1) ** 2))
    exact = {}
    # The exact chain in slices, so the bar moves.
    step = max(1, exact_upto // 20)
    for lo in range(1, exact_upto + 1, step):
        ts = list(range(lo, min(lo + step, exact_upto + 1)))
        exact.update(expected_entropy_by_chain(tuple(probs), n, ts + ([lo - 1] if lo > 1 else [])))
        _progress(ts[-1], t, progress)
    rows.append({"t": 0, "entropy": h0, "divergence": 0.0, "retained": 1.0, "method": "exact"})
    for g in range(1, exact_upto + 1):
        h = exact[g] / math.log(2)
        rows.append({"t": g, "entropy": h, "divergence": h0 - h, "retained": h / h0 if h0 else 1.0,
                     "method": "exact chain"})
    if exact_upto < t:
        from .categorical_sim import entropy_rows, simulate_categorical
        from .streams import stream
        keep = tuple(range(exact_upto + 1, t + 1))
        path = simulate_categorical(tuple(probs), n, t, MC_CHAINS, seed=stream(0, "loss", n), keep=keep)
        for g in keep:
            values = entropy_rows(path.at(g)) / math.log(2)
            h = float(values.mean())
            rows.append({"t": g, "entropy": h, "divergence": h0 - h, "retained": h / h0 if h0 else 1.0,
                         "method": f"Monte Carlo ({MC_CHAINS} chains, SE {values.std(ddof=1) / math.sqrt(MC_CHAINS):.1g})"})
        _progress(t, t, progress)
    return rows


def _mixing_table(remedy, n, t, ddof, lam, sigma0, progress, seed):
    from modelcollapse.theory.model import get_model
    from .declared import simulate_model_params
    from .streams import stream
    if remedy not in REMEDIES:
        raise ValueError(f"remedy must be one of {', '.join(REMEDIES)}, got {remedy!r}")
    model_name, variance_id, drift_id = REMEDIES[remedy]
    params = {"n": check_int("n", n, lower=4 if remedy == "fresh" else 2), "sigma0": sigma0}
    if remedy == "fresh":
        params.update(lam=lam, ddof=check_choice("ddof", ddof, (0, 1)))
    variance, drift = theory.get(variance_id), theory.get(drift_id)
    variance.validate({**params, "t": 1})  # names a bad parameter before the simulation runs
    path = simulate_model_params(get_model(model_name), params, t, MC_CHAINS,
                                 seed=stream(seed, "loss", remedy, params["n"]))
    sigma, shift = path["sigma"] / sigma0, path["d"] / sigma0   # in units of sigma0
    log2 = math.log(2)
    rows = []
    for g in range(t + 1):
        entropy = np.log2(sigma[g])
        kl = (-np.log(sigma[g]) + (1 + shift[g] ** 2) / (2 * sigma[g] ** 2) - 0.5) / log2
        mean_drift = float(drift(t=g, **params)) / sigma0 ** 2
        errors = _standard_error(entropy), _standard_error(kl)
        rows.append({"t": g, "entropy": float(entropy.mean()), "divergence": float(kl.mean()),
                     "retained": math.inf if g == 0 else 0.5 * math.log2(1 + 1 / mean_drift),
                     "variance": float(variance(t=g, **params)) / sigma0 ** 2,
                     "entropy_se": errors[0], "divergence_se": errors[1],
                     "method": f"Monte Carlo ({MC_CHAINS} chains, SE {max(errors):.1g}); variance, drift exact"})
        if g % 10 == 0 or g == t:
            _progress(g, t, progress)
    return rows


def _standard_error(values):
    return float(values.std(ddof=1) / math.sqrt(values.size))


def format_loss(family, rows, every=None) -> str:
    """The table, one line per generation (every ``every``-th when long)."""
    cols = COLUMNS[family]
    every = every or max(1, len(rows) // 25)
    head = f"{'t':>6}  " + "  ".join(f"{label:>28}" for _, label in cols) + "  method"
    lines = [head]
    for r in rows:
        if r["t"] % every and r["t"] != rows[-1]["t"]:
            continue
        lines.append(f"{r['t']:>6}  " + "  ".join(f"{r[key]:>28.6g}" for key, _ in cols) + f"  {r['method']}")
    return "\n".join(lines)


def plot_loss(family, rows, path, title=""):
    """Write a plot of the measures over t (matplotlib, Agg backend) to ``path``."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    cols = COLUMNS[family]
    ts = [r["t"] for r in rows]
    fig, axes = plt.subplots(1, len(cols), figsize=(4.2 * len(cols), 3.4), constrained_layout=True)
    for ax, (key, label) in zip(axes, cols):
        pts = [(g, r[key]) for g, r in zip(ts, rows) if math.isfinite(r[key])]
        ax.plot([p[0] for p in pts], [p[1] for p in pts], color="C0", lw=1.8)
        if f"{key}_se" in rows[0]:  # a Monte Carlo column: its 95% band
            mean, half = np.array([r[key] for r in rows]), 1.96 * np.array([r[f"{key}_se"] for r in rows])
            ax.fill_between(ts, mean - half, mean + half, color="C0", alpha=0.2, lw=0, label="95% (Monte Carlo)")
            ax.legend(fontsize=8)
        ax.set_xlabel("generation t")
        ax.set_title(label, fontsize=10)
        ax.grid(alpha=0.3)
        if key == "retained" and family == "gaussian":
            ax.set_yscale("log")
    fig.suptitle(title or f"What each generation loses: {family}", fontsize=11)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def stderr_or_none(t):
    """The progress stream for a run of t generations: stderr when the run is long."""
    return sys.stderr if t >= 200 else None

"""Sphinx extension: one page per model family, generated from the registry at build time.

For every registered result the page shows its statement, assumptions, claims, the sympy
derivation, every proof step with its rule and premises (as checked by the kernel during
this build), the axioms it rests on, its references, and a figure of the closed form
against Monte Carlo. Nothing is written by hand, so nothing can drift from what
``modelcollapse verify`` checks.

It also copies MathJax from the installed registry package into the build.
"""

from __future__ import annotations

from sphinx.util.docutils import SphinxDirective

import os
import shutil
from pathlib import Path

import sympy as sp

GENERATED = "theorems"

FAMILY_INTRO = {
    "gaussian": (
        "Iterated Gaussian refitting",
        "Generation 0 is :math:`\\mathcal{N}(\\mu_0, \\sigma_0^2)`. Generation :math:`t+1` is fitted to "
        ":math:`n` samples of generation :math:`t`: the sample mean, and the sum of squared deviations "
        "divided by :math:`n - \\mathrm{ddof}`. By Cochran's theorem, "
        ":math:`\\sigma_{t+1} = \\sigma_t \\sqrt{X_t/(n-\\mathrm{ddof})}` and "
        ":math:`\\mu_{t+1} = \\mu_t + \\sigma_t Z_t/\\sqrt{n}` with independent "
        ":math:`X_t \\sim \\chi^2_{n-1}` and :math:`Z_t \\sim \\mathcal{N}(0,1)`."),
    "categorical": (
        "Iterated categorical refitting",
        "The discrete model of a language model refitted on its own text: generation :math:`t+1` is the "
        "empirical distribution of :math:`n` samples of generation :math:`t`, "
        ":math:`p_{t+1} = \\mathrm{Multinomial}(n, p_t)/n` (neutral Wright-Fisher with :math:`N = n`). "
        "Given generation :math:`t`, the count of category :math:`i` is binomial with MGF "
        ":math:`(1 - p_{i,t} + p_{i,t} e^s)^n`; its moments, by differentiation, give every recurrence. "
        "Quantities with no closed form (survival over many generations, the absorption time) are "
        "computed *exactly for the chain*: one category against the rest is a two-category chain on the "
        "counts :math:`0..n`, evaluated with its transition matrix; the independent check enumerates "
        "the full :math:`K`-category chain. Diffusion and series approximations (Kimura, Littler, "
        "Miller-Madow) are drawn as dotted lines and reported by ``modelcollapse verify`` with their "
        "measured error, never as exact."),
    "mixing": (
        "Remedies: fresh data, accumulation, growing samples",
        "The literature's answer to collapse is data the loop did not generate. Each remedy is declared as "
        "a model (or, where a declared model cannot say it, derived and evaluated exactly) and checked "
        "against its *literal workflow*: pools of actual samples that mix, grow or are subsampled "
        "(:mod:`modelcollapse.numerics.mixing_workflows`). **Replace** is the plain refit "
        "(:ref:`gaussian.variance`); **fresh-data mixing** fits :math:`\\lambda n` fresh samples of the "
        "original with :math:`(1-\\lambda) n` generated ones, and the variance converges to a positive "
        "stationary value (:ref:`mixing.fresh_gaussian_ml`, proved; with the unbiased fit it exceeds "
        "the original's, :ref:`mixing.fresh_gaussian_unbiased`, proved); **accumulate** keeps every sample, and "
        ":math:`\\mathbb{E}[\\sigma_t^2] = \\sigma_0^2 \\prod_{k \\le t} (1 - 1/(n k^2))` tends to "
        ":math:`\\sigma_0^2 \\sin(\\pi/\\sqrt{n}) / (\\pi/\\sqrt{n}) > 0` by Euler's product for the sine "
        "(:ref:`mixing.accumulate_gaussian`), while the variance lost reappears as drift of the mean: "
        ":math:`\\mathbb{E}[\\sigma_t^2] + \\mathbb{E}[(\\mu_t - \\mu_0)^2] = \\sigma_0^2`. **Weighting** "
        "fresh and synthetic means (:ref:`mixing.golden_ratio`, proved) keeps the error of a mean estimate "
        "bounded; its optimal weight (:ref:`mixing.golden_ratio_weight`, proved to be the unique minimiser) is "
        ":math:`1/\\phi = (\\sqrt 5 - 1)/2` when both samples have the same size. The golden-ratio law is "
        "declared one generation early, because generation 0 is itself a fit to random data: its state starts "
        "from nothing with all the weight on the real samples, so its first step is estimate 0.\n\n"
        ".. figure:: figures/remedies.png\n   :width: 95%\n\n"
        "   Replace, fresh-data mixing (:math:`\\lambda = 0.2`) and accumulate side by side (:math:`n = 10`, "
        "maximum likelihood): the exact :math:`\\mathbb{E}[\\sigma_t^2]` (lines) and the 10%-90% band of "
        "2000 simulated literal workflows (shaded)."),
    "information": (
        "What each generation loses, in bits",
        "Information theory's view of refitting: the states :math:`\\theta_0 \\to \\theta_1 \\to \\cdots` form a "
        "Markov chain, so the information they keep about the original can only fall (data processing). "
        "Two chains make the fall exact: a Gaussian source coded at :math:`R` bits and re-coded every "
        "generation (a lossy file saved again and again), and a mean refitted with known variance. The "
        "divergence from the original is counted as the expected entropy lost by the categorical refit and "
        "as the extra code length of original data under generation :math:`t`'s Gaussian. The two channels "
        "are declared as models whose start is drawn (a normal prior on the mean, the source itself), and "
        "their mutual informations are proved by the kernel from the Gaussian channel axiom, which the kernel "
        "checks against the declared law (linear update, normal noise independent of the normal start). "
        "Values are in bits. The figures compare each "
        "value with the literal workflow (draw, refit or re-code), estimated through Fisher's z."),
    "sampling": (
        "Sampling transforms and curation",
        "Generation :math:`t+1` is refitted to samples drawn through a transform that favours typical "
        "outputs: temperature :math:`\\tau` (density proportional to :math:`p^{1/\\tau}`), truncation at "
        ":math:`a` standard deviations, best-of-:math:`k`, top-:math:`k`, nucleus (top-:math:`p`) and "
        "reward tilting. On the Gaussian refit every transformed sample is :math:`\\mu_t + \\sigma_t Y` "
        "with :math:`Y` from a fixed standardised law, so :math:`\\sigma_{t+1}^2 = \\sigma_t^2 V/(n - "
        "\\mathrm{ddof})`; at temperature :math:`V = \\tau X`, :math:`X \\sim \\chi^2_{n-1}` and the kernel "
        "proves the results; for truncation and best-of-:math:`k` only :math:`\\mathbb{E}[V] = (n-1)"
        "\\operatorname{Var}(Y)` is known, cited and used (the kernel proves the results from it). On a "
        "categorical model with infinitely many samples each transform is a deterministic map on "
        ":math:`p`, iterated exactly; see :doc:`../sampling`."),
}


def _math(expr) -> str:
    from modelcollapse.theory.printing import latex
    return latex(expr).replace("\n", " ")


def _assumption(a) -> str:
    """An assumption in LaTeX; a real parameter reads x in R (sympy evaluates Contains(x, Reals) to True)."""
    relation = a.relation()
    if relation is sp.true:
        return f"{_math(a.symbol)} \\in \\mathbb{{R}}"
    return _math(relation)


def _block(latex: str, indent: str = "") -> str:
    return f"{indent}.. math::\n\n{indent}   {latex}\n"


def _model_figure(result, path: Path, seed: int, chains: int):
    """A declared model's result over t: the closed form against its declared law's Monte Carlo."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from modelcollapse.numerics import checks

    point = checks.model_points(result)[0]
    from modelcollapse.theory.assumptions import IntegerSequence
    lengths = [len(point[a.name]) for a in result.assumptions if isinstance(a, IntegerSequence)]
    xs = list(range(0, min([10] + lengths) + 1))
    rows = [checks.model_monte_carlo_check(result, dict(point, t=x), chains, seed, 0.05) for x in xs]
    est = np.array([r.estimate for r in rows])
    half = 1.96 * np.array([r.se for r in rows])
    fig, ax = plt.subplots(figsize=(6.0, 3.4), dpi=110)
    ax.fill_between(xs, est - half, est + half, color="tab:orange", alpha=0.3, label="Monte Carlo 95% band")
    ax.plot(xs, est, "o", color="tab:orange", ms=3.5, label=f"Monte Carlo mean ({chains} chains)")
    ax.plot(xs, [r.closed_form for r in rows], "-", color="tab:blue", label="closed form")
    ax.set_xlabel("generation t")
    ax.set_title(", ".join(f"{k} = {v}" for k, v in point.items()), fontsize=9)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def _figure(result, path: Path, seed: int = 7, chains: int = 4000):
    """Closed form (or proved bounds, and any approximations) against the Monte Carlo mean and its
    95% band, over the generations t or, for a result without t, over the spec's figure axis."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from modelcollapse.numerics import checks
    from modelcollapse.numerics.streams import stream

    if checks.own_check(result.id) is not None:
        from modelcollapse.numerics.information_checks import information_figure
        return information_figure(result, path, seed, chains)
    spec = checks.spec_for(result.id)
    if spec.simulator == "declared":
        return _model_figure(result, path, seed, chains)
    spec = checks.SPECS[result.id]
    if not spec.points:  # a search over closed forms, checked through the results it uses: its values
        axis, xs, base = spec.figure
        fig, ax = plt.subplots(figsize=(6.0, 3.4), dpi=110)
        ax.plot(xs, [result(**dict(base, **{axis: x})) for x in xs], "o-", color="tab:blue", lw=1.6,
                label="exact (a search over exact values)")
        ax.set_xlabel(axis)
        ax.set_title(f"{result.id}  ({', '.join(f'{k}={v}' for k, v in base.items())})", fontsize=8)
        ax.legend(fontsize=7, frameon=False)
        ax.grid(alpha=0.25)
        fig.tight_layout()
        fig.savefig(path)
        plt.close(fig)
        return None
    params = spec.points[0]
    axis, xs = spec.figure
    if axis == "t":
        lowest = next((a.lower for a in result.assumptions if a.name == "t"), 0)  # a theorem may have no t
        t_max = min(12, len(params["ns"])) if "ns" in params else 12
        xs = list(range(lowest, t_max + 1))
        path_ = checks.simulate_point(spec, params, t_max, chains, stream(seed, "docs", result.id), keep=xs)
        points = [(dict(params), x, path_) for x in xs]
    else:
        points = []
        for x in xs:
            p = dict(params, **{axis: x})
            t = spec.ts_for(p)[-1]
            points.append((p, t, checks.simulate_point(spec, p, t or 0, chains, stream(seed, "docs", result.id, x))))
    est, half, closed, approx = [], [], [], {name: [] for name in result.approximations}
    for p, t, path_ in points:
        values = np.asarray(spec.value(path_, t, p), dtype=float)
        m, se = checks.mean_and_se(values, "mean" if spec.kind == "bounds" else spec.kind)
        est.append(m)
        half.append(1.96 * se)
        own = checks.result_params(result, p, t)
        closed.append(result(**own))
        for name in approx:
            approx[name].append(result.approximate(name, **own))
    est, half = np.array(est), np.array(half)
    fig, ax = plt.subplots(figsize=(6.0, 3.4), dpi=110)
    ax.fill_between(xs, est - half, est + half, color="tab:orange", alpha=0.3, label="Monte Carlo 95% band")
    ax.plot(xs, est, "o", color="tab:orange", ms=3.5, label=f"Monte Carlo mean ({chains} chains)")
    if result.is_bound:
        ax.plot(xs, [c[0] for c in closed], "--", color="tab:blue", lw=1.4, label="proved lower bound")
        ax.plot(xs, [c[1] for c in closed], "-.", color="tab:blue", lw=1.4, label="proved upper bound")
    else:
        ax.plot(xs, closed, "-", color="tab:blue", lw=1.6, label="exact (closed form / chain)")
    for name, ys in approx.items():
        ax.plot(xs, ys, ":", lw=1.6, label=f"{name} (approximation)")
    ax.set_xlabel({"t": "generation t", "n": "samples per generation n", "k": "degree k",
                   "i": "category i"}.get(axis, axis))
    if axis == "n":
        ax.set_xscale("log", base=2)
    def text(v):
        if not isinstance(v, tuple):
            return str(v)
        return "(" + ",".join(f"{q:.3g}" for q in v[:4]) + (",...)" if len(v) > 4 else ")")

    shown = ", ".join(f"{k}={text(v)}" for k, v in params.items() if k != axis)
    ax.set_title(f"{result.id}  ({shown})", fontsize=8)
    ax.legend(fontsize=7, frameon=False)
    ax.grid(alpha=0.25)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def family_page(family: str, number: int, outdir: Path) -> str:
    from modelcollapse import proofs, theory
    from modelcollapse.proofs.catalogue import describe_rule

    title, intro = FAMILY_INTRO.get(family, (family.capitalize(), ""))
    lines = [f".. _family-{family}:", "", title, "=" * len(title), "", intro, "",
             "Every theorem below is derived by sympy from the one-step law, proved step by step by the "
             "kernel during this build, and checked against Monte Carlo (figure) and against an "
             "independent mpmath route by ``modelcollapse verify``.", ""]
    figdir = outdir / "figures"
    figdir.mkdir(parents=True, exist_ok=True)
    for i, r in enumerate(theory.results(family), 1):
        rep = proofs.check(r.id)
        head = f"Theorem {number}.{i}: {r.title}"
        status = proofs.status(r.id)
        lines += [f".. _{r.id}:", "", head, "-" * len(head), "", f"``{r.id}`` — {r.summary}", "",
                  f"**Status: {status}.**" + (f" {r.status_note}." if r.status_note else "")
                  + (f" An extension of the model ``{r.model.name}``: not derived from its one-step law by the "
                     "engine." if getattr(r, "extension", False) else ""), "",
                  "**Statement.**", "", _block(_math(r.statement)),
                  "**Assumptions.** " + "; ".join(f":math:`{_assumption(a)}`" for a in r.assumptions), ""]
        if r.claims:
            lines += ["**Further claims proved.**", ""]
            for name, claim in r.claims.items():
                lines += [f"* ``{name}``:", "", _block(_math(claim), "  ")]
        if r.remarks:
            lines += ["**Remarks** (stated by the derivation, not proved by the kernel).", ""]
            for name, claim in r.remarks.items():
                lines += [f"* ``{name}``:", "", _block(_math(claim), "  ")]
        lines += ["**Derivation** (sympy, from the one-step law):", ""]
        for j, st in enumerate(r.derivation.steps, 1):
            lines += [f"{j}. {st.text}", ""] + ([_block(_math(st.relation), "   ")] if st.relation is not None else [])
        if r.approximations:
            lines += ["**Approximations** (not exact and not proved; ``modelcollapse verify`` reports their "
                      "measured error against the exact value):", ""]
            for name, ap in r.approximations.items():
                cite = "; ".join(str(c) for c in ap.references)
                lines += [f"* ``{name}``: {ap.text}" + (f" [{cite}]" if cite else ""), "",
                          _block(_math(ap.expression), "  ")]
        if not proofs.has_proof(r.id):
            lines += [f"**No kernel proof**: {status}.", ""]
        else:
            what = f"Proof of the claims {', '.join(r.proved_claims)}" if r.status else "Proof"
            lines += [f"**{what}** ({'proved' if rep.ok else 'REJECTED'} by the kernel in this build, {len(rep.steps)} "
                      "steps; each line: the step's label, the rule that checked it, and the premises it used):", ""]
        for sr in rep.steps:
            st = sr.step
            rule = describe_rule(st.rule)
            prem = (" from " + ", ".join(f"``{p}``" for p in st.premises)) if st.premises else ""
            ok = "" if sr.verdict.ok else f" — FAILED: {sr.verdict.message}"
            lines += [f"* ``{st.label}``: *{rule}*{prem}{ok}", "", _block(_math(st.relation), "  ")]
            if st.text:
                lines += [f"  ({st.text})", ""]
        lines += ["**Rests on.**", ""]
        for name in sorted(rep.axioms):
            ax = proofs.AXIOMS[name]
            cite = "; ".join(str(c) for c in ax.references)
            lines += [f"* *{ax.title}* (``{name}``, {ax.kind}): ``{ax.statement}``" + (f" [{cite}]" if cite else ""), ""]
        lines += ["**References.**", ""] + [f"* {ref}" for ref in r.references] + [""]
        fig = figdir / f"{r.id}.png"
        _figure(r, fig)
        lines += [f".. figure:: figures/{r.id}.png", "   :width: 90%", "",
                  f"   {r.title}: the exact value (or the proved bounds) against the Monte Carlo mean with a "
                  "95% band" + ("; dotted: approximations." if r.approximations else "."), ""]
    return "\n".join(lines)


def landing_figure(path: Path):
    """Twenty runs of unbiased refitting (n = 10): the mean variance stays at 1, the runs collapse."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from modelcollapse import theory
    from modelcollapse.numerics import simulate_gaussian

    T, n = 200, 10
    runs = simulate_gaussian(n, T, 20, ddof=1, seed=3).sigma ** 2
    fig, ax = plt.subplots(figsize=(6.4, 3.4), dpi=110)
    ts = np.arange(T + 1)
    ax.semilogy(ts, runs, color="tab:gray", lw=0.7, alpha=0.8)
    ax.semilogy(ts, [theory.get("gaussian.variance")(n=n, t=int(t), ddof=1, sigma0=1.0) for t in ts],
                color="tab:blue", lw=2, label="E[sigma_t^2] (unbiased: stays 1)")
    typical = [np.exp(theory.get("gaussian.log_variance")(n=n, t=int(t), ddof=1, sigma0=1.0)) for t in ts]
    ax.semilogy(ts, typical, color="tab:red", lw=2, ls="--", label="exp E[log sigma_t^2] (typical run)")
    ax.set_xlabel("generation t")
    ax.set_ylabel("fitted variance")
    ax.legend(fontsize=8, frameon=False)
    ax.set_title("Refitting a Gaussian to 10 of its own samples, 200 times (20 runs)", fontsize=9)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def remedies_figure(path: Path, n: int = 10, lam: float = 0.2, T: int = 40, chains: int = 2000):
    """Replace, fresh-data mixing and accumulate: the exact E[sigma_t^2] and a band of literal workflows."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from modelcollapse import theory
    from modelcollapse.numerics import mixing_workflows as wf
    from modelcollapse.numerics.streams import stream

    ts = np.arange(T + 1)
    runs = {
        "replace": wf.growing_samples_workflow([n] * T, 0, 1.0, chains, seed=stream(7, "remedies", 0))[1] ** 2,
        f"fresh data (lam = {lam})": wf.fresh_gaussian_workflow(n, lam, T, 0, 1.0, chains,
                                                                seed=stream(7, "remedies", 1))[1] ** 2,
        "accumulate": wf.accumulate_gaussian_workflow(n, T, 1.0, chains, seed=stream(7, "remedies", 2))[1] ** 2,
    }
    exact = {
        "replace": [theory.get("gaussian.variance")(n=n, t=int(t), ddof=0, sigma0=1.0) for t in ts],
        f"fresh data (lam = {lam})": [theory.get("mixing.fresh_gaussian")(n=n, lam=lam, t=int(t), ddof=0, sigma0=1.0)
                                      for t in ts],
        "accumulate": [theory.get("mixing.accumulate_gaussian")(n=n, t=int(t), sigma0=1.0) for t in ts],
    }
    fig, ax = plt.subplots(figsize=(6.4, 3.6), dpi=110)
    for (name, sample), colour in zip(runs.items(), ("tab:red", "tab:green", "tab:blue")):
        lo, hi = np.quantile(sample, [0.1, 0.9], axis=1)
        ax.fill_between(ts, lo, hi, color=colour, alpha=0.15)
        ax.plot(ts, exact[name], color=colour, lw=2, label=f"{name}: E[sigma_t^2]")
    ax.set_xlabel("generation t")
    ax.set_ylabel("fitted variance / sigma0^2")
    ax.set_ylim(0, 1.6)
    ax.legend(fontsize=8, frameon=False)
    ax.set_title(f"Replace, mix in fresh data, or accumulate (n = {n}, maximum likelihood)", fontsize=9)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def sampling_figure(path: Path):
    """Entropy over t of the infinite-sample maps on Zipf(1.1) over 30 categories."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from modelcollapse import theory
    from modelcollapse.theory.categorical_loss import zipf

    p0 = zipf(30, 1.1)
    reward = [-abs(m - 10) / 10 for m in range(30)]
    ts = list(range(0, 21))
    curves = [("temperature tau = 0.8", "sampling.temperature_categorical", dict(tau=0.8)),
              ("temperature tau = 1.2", "sampling.temperature_categorical", dict(tau=1.2)),
              ("top-p = 0.9", "sampling.top_p", dict(top_p=0.9)),
              ("top-k = 10", "sampling.top_k", dict(k=10)),
              ("reward tilting beta = 0.5", "sampling.reward_tilting", dict(r=reward, beta=0.5))]
    fig, ax = plt.subplots(figsize=(6.4, 3.6), dpi=110)
    for label, rid, extra in curves:
        r = theory.get(rid)
        ax.plot(ts, [r(p0=p0, t=t, **extra) for t in ts], marker="o", ms=3, label=label)
    ax.set_xlabel("generation t")
    ax.set_ylabel("entropy H(p_t) (nats)")
    ax.set_title("Infinite-sample maps on Zipf(1.1) over 30 categories", fontsize=9)
    ax.legend(fontsize=7, frameon=False)
    ax.grid(alpha=0.25)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def generate(app):
    from modelcollapse import theory

    outdir = Path(app.srcdir) / GENERATED
    outdir.mkdir(exist_ok=True)
    (outdir / "figures").mkdir(exist_ok=True)
    landing_figure(outdir / "figures" / "landing.png")
    remedies_figure(outdir / "figures" / "remedies.png")
    sampling_figure(outdir / "figures" / "sampling_zipf.png")
    index = ["Theorems", "========", "", "One page per model family, generated from the registry.", "",
             ".. toctree::", "   :maxdepth: 2", ""]
    for k, fam in enumerate(theory.families(), 1):
        (outdir / f"{fam}.rst").write_text(family_page(fam, k, outdir))
        index.append(f"   {fam}")
    (outdir / "claims.rst").write_text(claims_page())
    index.append("   claims")
    (outdir / "index.rst").write_text("\n".join(index) + "\n")


def claims_page() -> str:
    """The claims ledger: each claim, its verdict computed during this build, the figures that decide
    it, and links to the theorems (with their statuses and checks) it rests on."""
    from modelcollapse import proofs, theory
    from modelcollapse.theory import ledger

    known = {r.id for r in theory.results()}
    lines = [".. _claims:", "", "Claims", "======", "",
             "A common argument says that a model trained on its own outputs is like a file saved again and "
             "again in a lossy format. Below, the argument is split into claims, each stated in this package's "
             "words and decided by computation from the results it names, at the parameters shown. A verdict "
             "is *supported*, *refuted* or *qualified* (true only under the stated conditions); "
             "``modelcollapse claims`` prints the same ledger and ``modelcollapse verify`` derives it again.", ""]
    for c in ledger.ledger(on_missing="mark")["claims"]:
        head = f"{c['id']}: {c['verdict']}"
        lines += [f".. _{c['id']}:", "", head, "-" * len(head), "", f"*{c['claim']}*", "",
                  f"**Verdict: {c['verdict']}.** {c['reason'][0].upper() + c['reason'][1:]}.", "", "**Rests on.**", ""]
        for rid in c["results"]:
            if rid in known:
                lines.append(f"* :ref:`{rid}` ({proofs.status(rid)}; checked by ``modelcollapse verify {rid}``)")
            else:
                lines.append(f"* ``{rid}`` (not yet registered: the claim is undecided)")
        lines.append("")
        if c["figures"]:
            lines += ["**Figures that decide it.**", "", ".. list-table::", "   :header-rows: 1", "",
                      "   * - quantity", "     - value", "     - result"]
            for f in c["figures"]:
                lines += [f"   * - {f['name']}", f"     - {f['value']:.6g}", f"     - ``{f['result']}``"]
            lines.append("")
    return "\n".join(lines) + "\n"


def copy_mathjax(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    import mathjax

    src = Path(os.path.dirname(mathjax.__file__)) / "static" / "mathjax" / "es5"
    dst = Path(app.outdir) / "_static" / "mathjax"
    dst.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src / "tex-chtml.js", dst / "tex-chtml.js")
    fonts = dst / "output" / "chtml" / "fonts" / "woff-v2"
    if fonts.exists():
        shutil.rmtree(fonts)
    shutil.copytree(src / "output" / "chtml" / "fonts" / "woff-v2", fonts)


class KernelSize(SphinxDirective):
    """``.. kernel-size::``: the kernel's lines per file, its rules, axioms and distribution facts."""

    def run(self):
        from modelcollapse.proofs import kernel
        size = kernel.size()
        rows = [f"* ``{name}``: {lines} lines" for name, lines in size["files"].items()]
        text = [f"The kernel is {size['total']} non-blank lines in {len(size['files'])} files:", ""] + rows + [
            "", "Rules: " + ", ".join(f"``{r}``" for r in size["rules"]) + ".", "",
            "Axioms: " + ", ".join(f"``{a}``" for a in size["axioms"]) + ".", "",
            "Distribution facts: " + ", ".join(f"``{f}``" for f in size["facts"]) + ".", ""]
        return self.parse_text_to_nodes("\n".join(text))


def setup(app):
    app.add_directive("kernel-size", KernelSize)
    app.connect("builder-inited", generate)
    app.connect("build-finished", copy_mathjax)
    return {"version": "1.0", "parallel_read_safe": True}

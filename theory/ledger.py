"""The claims ledger: an argument about recursive self-training, put to the theorems.

A popular argument holds that a model trained on its own outputs behaves like a file saved
again and again in a lossy format. The ledger splits the argument into claims, states each in
the package's own words, names the results it rests on and *computes* a verdict from them at
stated parameters: ``supported``, ``refuted`` or ``qualified`` (true under conditions the
verdict states). Nothing here is typed in as an answer: each verdict follows from numbers the
results produce, and ``modelcollapse verify`` derives every verdict again.

A claim that rests on a result which is not registered fails loudly (``ValueError`` naming the
missing id) when it is decided.

Examples
--------
>>> from modelcollapse.theory import ledger
>>> [c.id for c in ledger.claims()][:3]
['claims.information_loss', 'claims.compounding', 'claims.long_tail']
>>> ledger.get("claims.long_tail").decide().verdict
'supported'
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

from .registry import get as get_result

VERDICTS = ("supported", "refuted", "qualified")


@dataclass
class Figure:
    """One number a verdict rests on: what it is, its value, and the result and parameters it came from."""

    name: str
    value: float
    result: str
    params: dict

    def as_dict(self):
        return {"name": self.name, "value": self.value, "result": self.result,
                "params": {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.params.items()}}


@dataclass
class Decision:
    verdict: str
    reason: str
    figures: list = field(default_factory=list)


@dataclass(frozen=True)
class LedgerClaim:
    """A claim: its id, a one-sentence paraphrase, the result ids it rests on, and how it is decided."""

    id: str
    claim: str
    results: tuple
    rule: Callable

    def decide(self) -> Decision:
        """Evaluate the results and derive the verdict; ValueError naming a missing result."""
        for rid in self.results:
            get_result(rid)  # ValueError naming an id that is not registered
        decision = self.rule()
        if decision.verdict not in VERDICTS:  # pragma: no cover - a rule's own error
            raise ValueError(f"verdict must be one of {VERDICTS}, got {decision.verdict!r}")
        return decision

    def as_dict(self, decision: Decision | None = None):
        decision = decision or self.decide()
        return {"id": self.id, "claim": self.claim, "verdict": decision.verdict, "reason": decision.reason,
                "results": list(self.results), "figures": [f.as_dict() for f in decision.figures]}


def _value(figures, name, rid, **params):
    """Evaluate result ``rid`` at ``params`` and record it as a figure."""
    v = get_result(rid)(**params)
    figures.append(Figure(name, float(v), rid, params))
    return float(v)


# --- the rules --------------------------------------------------------------------------------------
def _information_loss():
    figs = []
    mean = [_value(figs, f"I(mu_0; mu_{g}), bits", "information.gaussian_mean_channel", n=20, t=g, s=1.0,
                   sigma0=1.0) for g in (1, 2, 10)]
    code = [_value(figs, f"I(X; Xhat_{g}) at R = 2 bits", "information.rate_distortion_chain", R=2.0, t=g,
                   sigma0=1.0) for g in (1, 2, 10)]
    falls = all(a > b for a, b in zip(mean, mean[1:])) and all(a > b for a, b in zip(code, code[1:]))
    if falls:
        return Decision("supported", "the information about the original falls strictly from one generation to the "
                        "next in both chains, and data processing says it never rises for any refitting loop", figs)
    return Decision("refuted", "an exact mutual information did not fall", figs)


def _compounding():
    figs = []
    code = [_value(figs, f"I(X; Xhat_{g}) at R = 2 bits", "information.rate_distortion_chain", R=2.0, t=g,
                   sigma0=1.0) for g in (1, 10, 50)]
    extra = [_value(figs, f"extra code length at t = {g}, ddof = 1, bits/symbol", "information.description_length",
                    n=20, t=g, ddof=1, sigma0=1.0) for g in (1, 10, 50)]
    if code[-1] < code[0] / 4 and extra[0] < extra[1] < extra[2]:
        return Decision("supported", "re-coding drains the bits kept towards 0 and the extra code length of the "
                        "original data under generation t grows with t: the losses add up", figs)
    return Decision("qualified", "the loss does not keep accumulating at these parameters", figs)


def _long_tail():
    from .categorical_loss import zipf
    figs = []
    p0 = tuple(zipf(30, 1.1))
    common = _value(figs, "P(most common category survives 3 refits)", "categorical.survival", p0=p0, n=25, t=3,
                    i=1)
    rare = _value(figs, "P(rarest category survives 3 refits)", "categorical.survival", p0=p0, n=25, t=3, i=30)
    _value(figs, "mass lost in one refit, Zipf(1.1) over 30 categories", "categorical.tail_loss", p0=p0, n=25)
    if rare < common:
        return Decision("supported", "the rare categories of a Zipf law are the ones a refit misses, and a missed "
                        "category never returns", figs)
    return Decision("refuted", "rare categories survived as often as common ones", figs)


def _narrowing():
    figs = []
    drift = _value(figs, "E[log(sigma_1^2 / sigma0^2)] per generation, n = 20, ddof = 1", "gaussian.log_variance",
                   n=20, t=1, ddof=1, sigma0=1.0)
    gini = _value(figs, "E[Gini-Simpson] after 100 refits, p0 = (0.6, 0.3, 0.1), n = 20", "categorical.gini_simpson",
                  p0=(0.6, 0.3, 0.1), n=20, t=100)
    mode = _value(figs, "P(the original mode takes all the mass)", "categorical.fixation", p0=(0.6, 0.3, 0.1), n=20,
                  i=1)
    wander = _value(figs, "E[(mu_50 - mu0)^2] / sigma0^2, n = 20, ddof = 0", "gaussian.mean_drift", n=20, t=50,
                    ddof=0, sigma0=1.0, mu0=0.0)
    if drift < 0 and gini < 0.01 and mode < 1 and wander > 0:
        return Decision("qualified", "the outputs do narrow (the log-variance drifts down and sigma_t -> 0 almost "
                        "surely; diversity decays to 0), but towards a random point, not the original's mode: the "
                        f"mode wins only with probability {mode:.2g} and the Gaussian's centre wanders", figs)
    return Decision("supported" if drift < 0 else "refuted", "narrowing measured directly", figs)


def _smaller_flatter():
    figs = []
    var = _value(figs, "E[sigma_50^2] / sigma0^2, n = 20, ddof = 0", "gaussian.variance", n=20, t=50, ddof=0,
                 sigma0=1.0)
    ent = _value(figs, "E[h_50] - h_0 (nats), n = 20, ddof = 1", "gaussian.entropy", n=20, t=50, ddof=1, sigma0=1.0,
                 mu0=0.0)
    loss = _value(figs, "E[H(p0)] - E[H(p_20)] in bits, p0 = (0.6, 0.3, 0.1), n = 20", "information.categorical_kl",
                  p0=(0.6, 0.3, 0.1), n=20, t=20)
    hot = _value(figs, "entropy (nats) after 5 steps at temperature 2", "sampling.temperature_categorical",
                 p0=(0.6, 0.3, 0.1), tau=2.0, t=5)
    h0 = -sum(q * math.log(q) for q in (0.6, 0.3, 0.1))
    figs.append(Figure("H(p0) (nats), p0 = (0.6, 0.3, 0.1)", h0, "information.categorical_kl", {}))
    if var < 1 and ent < 0 and loss > 0 and hot > h0:
        return Decision("qualified", "smaller, yes: variance and entropy shrink; flatter, no: refitting sharpens the "
                        "distribution (entropy falls as mass concentrates); only sampling at a temperature above one "
                        "flattens it, raising the entropy", figs)
    return Decision("supported" if loss < 0 else "qualified", "measured directly", figs)


def _curation():
    figs = []
    lost = _value(figs, "categories lost in one refit, p0 = (0.9, 0.05, 0.05), n = 20", "categorical.loss_one_step",
                  p0=(0.9, 0.05, 0.05), n=20)
    status = get_result("sampling.curation_support")
    get_result("information.dpi")
    if lost > 0 and status is not None:
        return Decision("supported", "whatever the selection rule, the next model's support lies inside the current "
                        "one's (sampling.curation_support) and no processing of generated samples raises the "
                        "information about the original (information.dpi); a category lost stays lost", figs)
    return Decision("refuted", "nothing is lost", figs)


def _memory():
    figs = []
    replace = _value(figs, "E[sigma_200^2] / sigma0^2, refit on fresh synthetic data only (n = 20, ddof = 0)",
                     "gaussian.variance", n=20, t=200, ddof=0, sigma0=1.0)
    keep = _value(figs, "E[sigma_200^2] / sigma0^2, keeping every earlier sample (n = 20)",
                  "mixing.accumulate_gaussian", n=20, t=200, sigma0=1.0)
    if keep > 0.5 and keep > 100 * replace:
        return Decision("refuted", "keeping earlier data (accumulating the pool) holds E[sigma_t^2] at a positive "
                        "limit, while replacing it lets the variance vanish: memory does help", figs)
    return Decision("supported", "accumulation did not preserve the variance at these parameters", figs)


def _evaluation():
    figs = []
    plain = _value(figs, "E[sigma_10^2] / sigma0^2, plain refit (n = 20, ddof = 1)", "gaussian.variance", n=20, t=10,
                   ddof=1, sigma0=1.0)
    cut = _value(figs, "E[sigma_10^2] / sigma0^2, keeping samples within 2 sd (a filter for typical outputs)",
                 "sampling.truncation_gaussian", a=2.0, n=20, t=10, ddof=1, sigma0=1.0)
    fresh = _value(figs, "E[sigma_200^2] / sigma0^2 with half of each training set fresh (ddof = 0)",
                   "mixing.fresh_gaussian", n=20, lam=0.5, t=200, ddof=0, sigma0=1.0)
    if cut < plain and fresh > 0.5:
        return Decision("qualified", "a filter that favours typical outputs speeds the loss rather than slowing it, "
                        "and no filter adds information (data processing); what removes the loss is data the loop "
                        "did not generate", figs)
    return Decision("supported", "filtering helped at these parameters", figs)


_LEDGER = {c.id: c for c in (
    LedgerClaim("claims.information_loss", "Each generation of refitting loses information about the original.",
                ("information.dpi", "information.gaussian_mean_channel", "information.rate_distortion_chain"),
                _information_loss),
    LedgerClaim("claims.compounding", "The losses add up over generations, as when a lossy file is saved again "
                "and again.", ("information.rate_distortion_chain", "information.description_length"), _compounding),
    LedgerClaim("claims.long_tail", "Rare outputs are the first to disappear.",
                ("categorical.survival", "categorical.tail_loss"), _long_tail),
    LedgerClaim("claims.narrowing", "Outputs narrow toward a single typical mode.",
                ("gaussian.log_variance", "categorical.gini_simpson", "categorical.fixation", "gaussian.mean_drift"),
                _narrowing),
    LedgerClaim("claims.smaller_flatter", "Each pass yields a smaller and flatter distribution.",
                ("gaussian.variance", "gaussian.entropy", "information.categorical_kl",
                 "sampling.temperature_categorical"), _smaller_flatter),
    LedgerClaim("claims.curation", "Choosing the best generated outputs cannot restore what was never generated.",
                ("categorical.loss_one_step", "sampling.curation_support", "information.dpi"), _curation),
    LedgerClaim("claims.memory", "Keeping earlier data around does not prevent the loss.",
                ("gaussian.variance", "mixing.accumulate_gaussian"), _memory),
    LedgerClaim("claims.evaluation", "Better filtering of outputs helps but does not remove the loss.",
                ("gaussian.variance", "sampling.truncation_gaussian", "mixing.fresh_gaussian", "information.dpi"),
                _evaluation),
)}


def claims() -> list:
    """Every claim of the ledger, in a stable order."""
    return list(_LEDGER.values())


def get(id: str) -> LedgerClaim:
    """The claim ``id``; ValueError naming it if there is none."""
    try:
        return _LEDGER[id]
    except KeyError:
        raise ValueError(f"id {id!r} is not a claim of the ledger (known: {', '.join(_LEDGER)})") from None


def ledger(on_missing: str = "raise") -> dict:
    """The ledger as JSON-ready data: ``{"claims": [{id, claim, verdict, results, figures, reason}, ...]}``.

    With ``on_missing="mark"`` a claim whose results are not all registered gets the verdict
    ``"undecided"`` and names them, instead of raising.
    """
    out = []
    for c in claims():
        try:
            out.append(c.as_dict())
        except ValueError as exc:
            if on_missing != "mark":
                raise
            out.append({"id": c.id, "claim": c.claim, "verdict": "undecided", "reason": str(exc).split(" (known")[0],
                        "results": list(c.results), "figures": []})
    return {"claims": out}

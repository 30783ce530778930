"""Lemmas: parametrised facts proved once and instantiated by the rule ``LemmaInstance``.

Each lemma is a :class:`~modelcollapse.proofs.kernel.Proof` of kind ``"lemma"`` whose
assumptions are its parameters; ``conditions`` are what an instance must satisfy (checked
under the citing proof's assumptions). The integrals are the ones
:mod:`modelcollapse.theory.lemmas` evaluates, re-evaluated here by the kernel.
"""

from __future__ import annotations

import sympy as sp

from modelcollapse.theory import lemmas as TL
from modelcollapse.theory.assumptions import PositiveReal, RealAbove, RealNumber

from .kernel import Proof, Step
from .rules import Integrate

k = sp.Symbol("k", positive=True)
m = sp.Symbol("m", real=True)


def _chi2_moment():
    rel = sp.Eq(TL.chi2_moment_integral(k, m), TL.chi2_moment(k, m))
    return Proof("chi2_moment", {"statement": rel},
                 (PositiveReal("k", k), RealAbove("m", m, -k / 2)),
                 [Step("moment", rel, Integrate(),
                       text="Gamma integral: int_0^oo x^(m + k/2 - 1) e^(-x/2) dx = 2^(m + k/2) Gamma(m + k/2), "
                            "finite because m + k/2 > 0")],
                 kind="lemma", conditions=(sp.Gt(k, 0), sp.Gt(m + k / 2, 0)), statement=rel)


def _chi2_log_moment():
    rel = sp.Eq(TL.chi2_log_moment_integral(k), TL.chi2_log_moment(k))
    return Proof("chi2_log_moment", {"statement": rel}, (PositiveReal("k", k),),
                 [Step("log_moment", rel, Integrate(), text="Integrate log x against the chi-square density")],
                 kind="lemma", conditions=(sp.Gt(k, 0),), statement=rel)


a = sp.Symbol("a", real=True)
b = sp.Symbol("b", real=True)
sd = sp.Symbol("s", positive=True)
sd2 = sp.Symbol("r", positive=True)


def _gaussian_entropy():
    rel = sp.Eq(TL.gaussian_entropy_integral(a, sd), TL.gaussian_entropy(a, sd))
    return Proof("gaussian_entropy", {"statement": rel}, (RealNumber("a", a), PositiveReal("s", sd)),
                 [Step("entropy", rel, Integrate(), text="Gaussian integrals of 1 and (z - a)^2")],
                 kind="lemma", conditions=(sp.Gt(sd, 0),), statement=rel)


def _gaussian_kl():
    rel = sp.Eq(TL.gaussian_kl_integral(a, sd, b, sd2), TL.gaussian_kl(a, sd, b, sd2))
    return Proof("gaussian_kl", {"statement": rel},
                 (RealNumber("a", a), PositiveReal("s", sd), RealNumber("b", b), PositiveReal("r", sd2)),
                 [Step("kl", rel, Integrate(), text="Gaussian integrals of 1, z and z^2")],
                 kind="lemma", conditions=(sp.Gt(sd, 0), sp.Gt(sd2, 0)), statement=rel)


class _Lemmas:
    """Name -> lemma proof, each built on first use (building evaluates its integral once)."""

    _builders = {"chi2_moment": _chi2_moment, "chi2_log_moment": _chi2_log_moment,
                 "gaussian_entropy": _gaussian_entropy, "gaussian_kl": _gaussian_kl}

    def __init__(self):
        self._built = {}

    def __contains__(self, name):
        return name in self._builders

    def __getitem__(self, name):
        if name not in self._built:
            self._built[name] = self._builders[name]()
        return self._built[name]

    def __iter__(self):
        return iter(self._builders)

    def keys(self):
        return self._builders.keys()


LEMMAS = _Lemmas()

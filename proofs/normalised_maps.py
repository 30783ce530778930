"""Kernel proofs of the infinite-sample maps on a categorical model (untrusted: the kernel judges).

Temperature sampling and reward tilting refit on infinitely many samples are deterministic,
normalised maps on the probability vector: p_{i,t+1} = w(p_{i,t}) / sum_j w(p_{j,t}) with the
weight w(x) = x^(1/tau), resp. x exp(beta r_i). Each is declared as a kernel law whose update
reads the whole vector through that normaliser (the kernel checks that it is well defined at
every generation), and its proof runs: the closed form of p_t by induction on t from the one-step
map (the kernel's ``StateInduction``), that closed form pushed into -p log p for one category,
summed over the categories, and the entropy's closed form by algebra.

The entropy takes the logarithm of every p_{i,t}, so the proofs assume p0 of full support
(entries in (0, 1]): a category with p0_i = 0 stays at 0 for ever and contributes 0 log 0 = 0,
which the evaluator applies (the result on p0 is the result on p0 restricted to its support), but
the kernel has no convention 0 log 0 and does not prove that reduction.

Curation support is proved under a declared curation law (:func:`curation_proof`) by the kernel's
``SupportKept``: a count drawn with probability 0 is 0 almost surely, and an update that vanishes
when its category was not drawn keeps the category at 0.

>>> from modelcollapse import proofs
>>> proofs.status("sampling.reward_tilting")
'proved'
"""

from __future__ import annotations

import sympy as sp

from modelcollapse import theory
from modelcollapse.theory.sampling_categorical import beta, reward
from modelcollapse.theory.symbols import K, i, p0, t, tau

from . import kernel as KN
from .kernel.rules import Rewrite, StateInduction, SumOver, SupportKept, VectorTotal

_j = sp.Symbol("j", integer=True, positive=True)
_FULL_SUPPORT = KN.Domain.vector(KN.Domain.real(0, 1, lo_open=True), length=K, total=1)


def _p(g, idx):
    return KN.Rand("p", g, idx)


def _proof(result_id, name, weight, closed, params):
    """The proof that H(p_t) = the result's closed form under the normalised map with ``weight`` (a
    function of the entry and the index), ``closed`` the claimed p_{i,t} (in t and i)."""
    step = weight(_p(t, i), i) / sp.Sum(weight(_p(t, _j), _j), (_j, 1, K))
    params = {K: KN.Domain.integer(1), p0: _FULL_SUPPORT, **params}
    law = KN.Law(name, t, params, (KN.StateVar("p", p0[i], step, KN.Domain.real(0, 1, lo_open=True), (i,)),), (),
                 {i: KN.Domain.integer(1, K)})
    entropy = sp.Sum(-_p(t, i) * sp.log(_p(t, i)), (i, 1, K))
    goal = sp.Eq(entropy, theory.get(result_id).closed_form)
    steps = [
        KN.Step("total", sp.Eq(sp.Sum(p0[_j], (_j, 1, K)), 1), VectorTotal(), (), "p0 sums to 1"),
        KN.Step("distribution", sp.Eq(_p(t, i), closed), StateInduction("p"), ("total",),
                "p_t by induction on t from the one-step map"),
        KN.Step("term", sp.Eq(-_p(t, i) * sp.log(_p(t, i)), -closed * sp.log(closed)), Rewrite(), ("distribution",),
                "one category's -p log p"),
        KN.Step("summed", sp.Eq(entropy, sp.Sum(-closed * sp.log(closed), (i, 1, K))), SumOver(), ("term",),
                "summed over the categories"),
        KN.Step("statement", goal, Rewrite(), ("summed",), "the entropy's closed form, by algebra"),
    ]
    return KN.Proof(result_id, {"statement": goal}, {**params, t: KN.Domain.integer(0), i: KN.Domain.integer(1, K)},
                    steps, law, (i,))


def temperature_proof():
    b = tau ** (-t)
    return _proof("sampling.temperature_categorical", "temperature_map", lambda x, idx: x ** (1 / tau),
                  p0[i] ** b / sp.Sum(p0[_j] ** b, (_j, 1, K)), {tau: KN.Domain.real(0, lo_open=True)})


def tilting_proof():
    return _proof("sampling.reward_tilting", "tilting_map", lambda x, idx: x * sp.exp(beta * reward[idx]),
                  p0[i] * sp.exp(t * beta * reward[i]) / sp.Sum(p0[_j] * sp.exp(t * beta * reward[_j]), (_j, 1, K)),
                  {beta: KN.Domain.real(), reward: KN.Domain.vector(KN.Domain.real(), length=K)})


def curation_proof():
    """Curation keeps a category lost: n samples from p_t (the count C_i of category i is
    Binomial(n, p_{i,t})), each kept with its category's probability s_i, refitted as s_i C_i / n; the
    kernel's SupportKept needs only that the update vanishes when C_i = 0, whatever else it reads."""
    n, s = sp.Symbol("n", integer=True, positive=True), sp.IndexedBase("s", nonnegative=True)
    params = {n: KN.Domain.integer(1), K: KN.Domain.integer(1), p0: KN.Domain.vector(KN.Domain.real(0, 1), length=K,
                                                                                       total=1),
              s: KN.Domain.vector(KN.Domain.real(0, 1), length=K)}
    law = KN.Law("curation_map", t, params, (KN.StateVar("p", p0[i], s[i] * KN.Rand("C", t, i) / n,
                                                         KN.Domain.real(0, 1), (i,)),),
                 (KN.Draw("C", "Binomial", (n, _p(t, i))),), {i: KN.Domain.integer(1, K)})
    goal = KN.AlmostSurely(sp.Implies(sp.Eq(_p(t, i), 0), sp.Eq(_p(t + 1, i), 0)))
    return KN.Proof("sampling.curation_support", {"statement": goal},
                    {**params, t: KN.Domain.integer(0), i: KN.Domain.integer(1, K)},
                    [KN.Step("statement", goal, SupportKept("p", "C"), (), "a count of probability 0 is 0 almost surely, "
                             "and the kept share of an undrawn category is 0")], law)


#: The laws in words (what a proof citing ``law:NAME`` rests on).
LAWS = {"temperature_map": "p_(i,t+1) = p_(i,t)^(1/tau) / Sum(p_(j,t)^(1/tau), (j, 1, K)); p_(i,0) = p0_i",
        "tilting_map": "p_(i,t+1) = p_(i,t) exp(beta r_i) / Sum(p_(j,t) exp(beta r_j), (j, 1, K)); p_(i,0) = p0_i",
        "curation_map": "C_(i,t) ~ Binomial(n, p_(i,t)); p_(i,t+1) = s_i C_(i,t) / n; p_(i,0) = p0_i"}
#: Result id -> the builder of its kernel proof (results with no model of the derivation engine).
BUILDERS = {"sampling.temperature_categorical": temperature_proof, "sampling.reward_tilting": tilting_proof,
            "sampling.curation_support": curation_proof}

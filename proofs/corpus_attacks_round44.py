"""Adversarial corpus for the proof kernel, round 44: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 43, on the law-based rules
the round before named next: normalised maps with StateInduction and VectorTotal, the ``past`` pattern of
the markov_refit axiom, and SupportKept. ``attacks()`` returns ``(name, build, expected)`` as in the earlier
rounds. None of the 4 was accepted when written: a normalised weight r_i x that vanishes where x > 0 (the
map 0/0); the weight x^c at c = 0, where 0^0 = 1 gives a lost category mass again, against the claim that
the map fixes p0; the current generation's draw passed as "past" to markov_refit (S_{g+1} - S_g = D_g, so
the information is infinite, not 0); and a support claim under the update (C/n)^(1 - s_i), which is 1 at
C = 0 when s_i = 1.

**Principle (held):** a normalised map's weight must be shown > 0 wherever its entry is; an induction over
the map checks its step exactly, 0^0 = 1 included; a "past" quantity's generation must be shown before
the current one; a support rule needs the update shown 0 when the category is not drawn.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import SIMPLEX, K, P, checker, g, i, j
from modelcollapse.proofs.corpus_attacks_sampling import closed_form_claim, normalised_law, p0
from modelcollapse.proofs.kernel import AlmostSurely, Domain, Draw, Law, Proof, Rand, StateVar, Step
from modelcollapse.proofs.kernel import rules as R
from modelcollapse.proofs.kernel.terms import CondMutualInfo, Joint

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

n = sp.Symbol("n", integer=True, positive=True)
r = sp.IndexedBase("r", nonnegative=True)


def normalised_weight_vanishing_at_an_entry():
    """FALSE: p_{i,g} = p0_i r_i^g / Sum_j p0_j r_j^g for every g, under p_{i,g+1} = r_i p_{i,g} / Sum_j r_j p_{j,g}
    with r entries in [0, 1]. At K = 2, p0 = (1, 0), r = (0, 1): p_1 = 0/0 (the map is undefined), and the
    claimed closed form is 0/0 too. The weight r_i x vanishes where x > 0."""
    law = normalised_law(lambda x, idx: r[idx] * x, extra={r: Domain.vector(Domain.real(0, 1), length=K)})
    closed = p0[i] * r[i] ** g / sp.Sum(p0[j] * r[j] ** g, (j, 1, K))
    return closed_form_claim("normalised_weight_vanishing_at_an_entry", law, closed)


def normalised_weight_zero_power_at_zero():
    """FALSE: p_{i,g} = p0_i for every g under the weight x^c, c in [0, 1]. At c = 0 the weight is 0^0 = 1, so a
    lost category gets mass again: p0 = (1, 0) gives p_1 = (1/2, 1/2)."""
    c = sp.Symbol("c", nonnegative=True, real=True)
    law = normalised_law(lambda x, idx: x ** c, extra={c: Domain.real(0, 1)})
    return closed_form_claim("normalised_weight_zero_power_at_zero", law, p0[i])


def markov_refit_past_with_current_draw():
    """FALSE: I(D_g ; S_{g+1} | S_g) = 0 for S_{g+1} = S_g + D_g, D ~ Normal(0, 1): S_{g+1} - S_g = D_g, so the
    information is infinite. X = D_g mixes in the draw of the current generation (not a 'past' quantity)."""
    S, D = Rand("S", g), Rand("D", g)
    law = Law("walk44", g, {}, (StateVar("S", 0, S + D, Domain.real()),), (Draw("D", "Normal", (0, 1)),))
    goal = sp.Eq(CondMutualInfo(Joint(S, D), Rand("S", g + 1), Joint(S)), 0)
    mapping = {sp.Symbol("X"): Joint(S, D), sp.Symbol("S"): Joint(S)}
    return Proof("markov_refit_past_with_current_draw", {"statement": goal}, {g: Domain.integer(0)},
                 [Step("statement", goal, R.AxiomInstance("markov_refit", mapping))], law)


def support_kept_with_log_update():
    """FALSE: a lost category stays lost under p_{i,g+1} = (C/n)^(1 - s_i), C ~ Binomial(n, p_{i,g}),
    s_i in [0, 1]: at s_i = 1 the update is (0/n)^0 = 1 when C = 0, so a lost category gets p = 1."""
    s = sp.IndexedBase("s", nonnegative=True)
    C = Rand("C", g, i)
    params = {n: Domain.integer(1), K: Domain.integer(1), p0: SIMPLEX, s: Domain.vector(Domain.real(0, 1), length=K)}
    law = Law("curation44", g, params, (StateVar("p", p0[i], (C / n) ** (1 - s[i]), Domain.real(0, 1), (i,)),),
              (Draw("C", "Binomial", (n, P(g))),), {i: Domain.integer(1, K)})
    goal = AlmostSurely(sp.Implies(sp.Eq(P(g), 0), sp.Eq(P(g + 1), 0)))
    return Proof("support_kept_with_log_update", {"statement": goal},
                 {**params, g: Domain.integer(0), i: Domain.integer(1, K)},
                 [Step("statement", goal, R.SupportKept("p", "C"))], law)


EXPECTED = {
    "normalised_weight_vanishing_at_an_entry": "is not shown > 0 where p > 0",
    "normalised_weight_zero_power_at_zero": "the update does not take F at g to F at g + 1",
    "markov_refit_past_with_current_draw": "side condition g + 1 <= g not shown",
    "support_kept_with_log_update": "<= 1 is not shown",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

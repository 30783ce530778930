"""Adversarial corpus for the proof kernel, round 14: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 13. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, 2 of these 3 were
accepted, both of one class: a law's expression (which no relation check reads) summed over the law's
own index, sum_{i=1}^{2} D_t[i] in the update of x_t[i]. SupportKept replaced D_t[i] by 0 everywhere,
the bound one too, and concluded that a category at 0 stays at 0 (false: x_1[1] = 1/2 from x_0 = (0,
1)); the normalised-weight check replaced x_t[i] by a symbol under the sum too and took a weight that
can be negative for x/2 >= 0. The principle that closes it: a law's expressions obey the binder
discipline of relations, and a binder may not be a symbol the law reads as given (its indices, its
generation, its parameters). Each docstring says why the statement is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import AlmostSurely, Domain, Draw, Law, Proof, Rand, StateVar, Step
from modelcollapse.proofs.kernel.rules import Algebra, Specialize, SupportKept

library_for, check_attack = checker({})

t = sp.Symbol("t", integer=True, nonnegative=True)
i = sp.Symbol("i", integer=True, positive=True)


def A1_supportkept_shadowed_draw_index():
    """(a) FALSE: law x_{t+1}[i] = S/(1 + S), S = Sum_{i=1}^{2} D_t[i], with D_t[i] ~ Binomial(1, x_t[i]),
    x_0[i] = i - 1.  The update's Sum re-binds the law's index i, so x_{t+1}[1] reads D_t[2] too.
    Claim: a.s. x_t[i] = 0 -> x_{t+1}[i] = 0.  Counterexample t = 0, i = 1: x_0[1] = 0 but
    D_0[2] ~ Binomial(1, 1) = 1 surely, so x_1[1] = 1/2 (true value of the implication: False, surely).
    (b) Law expressions skip relation_problem, so the update may shadow the index i; SupportKept
    then forms v.step.xreplace({D_t[i]: 0}), which is binder-blind: it also zeroes the *bound*
    D_t[i] under the Sum (= every entry D_t[1], D_t[2]) and sees the update vanish; its check
    'the update reads other entries' looks only at the state variable, not at the draw."""
    D = Rand("D", t, i)
    x_now = Rand("x", t, i)
    law = Law("shadow", t, {}, (StateVar("x", i - 1, sp.Sum(D, (i, 1, 2)) / (1 + sp.Sum(D, (i, 1, 2))), Domain.real(0, 1), (i,)),),
              (Draw("D", "Binomial", (1, x_now)),), {i: Domain.integer(1, 2)})
    rel = AlmostSurely(sp.Implies(sp.Eq(x_now, 0), sp.Eq(Rand("x", t + 1, i), 0)))
    return Proof("A1", {"statement": rel}, {t: Domain.integer(0), i: Domain.integer(1, 2)},
                 [Step("s", rel, SupportKept("x", "D"))], law=law)



p = sp.IndexedBase("p")
j = sp.Symbol("j", integer=True, positive=True)


def A2_normalised_weight_shadowed_sign():
    """(a) FALSE: law with p a probability vector of length 2, x_0[i] = p[i], and the normalised update
    x_{t+1}[i] = w_i / Sum_j w_j with w_i = x_t[i] * (2 x_t[i] - Sum_{i=1}^{2} x_t[i] + 1/2) (the inner
    Sum re-binds i: it is the whole vector's total, 1).  Claim (Algebra, from the law's state domain
    [0, 1]): x_t[i] >= 0.  Counterexample p = (9/10, 1/10), t = 1, i = 2: w = (117/100, -3/100),
    x_1[2] = -1/38 < 0.
    (b) Law.problems -> _mass_problems checks the weight's sign on
    weight.xreplace({x_t[i]: X}), binder-blind: the bound x_t[i] under the Sum becomes X too, so the
    checked weight is X (2X - 2X + 1/2) = X/2 >= 0 (> 0 on (0, 1]).  normalised_weight's own checks
    (rands(weight) - {own} empty, normaliser = weight with i -> j) are fooled by the same shadowing, and
    law expressions never meet relation_problem's 'index also occurs free' test."""
    x_now = Rand("x", t, i)
    w = x_now * (2 * x_now - sp.Sum(x_now, (i, 1, 2)) + sp.Rational(1, 2))
    step = w / sp.Sum(w.xreplace({i: j}), (j, 1, 2))
    pdom = Domain.vector(Domain.real(0, 1), length=2, total=1)
    law = Law("shadow2", t, {p: pdom}, (StateVar("x", p[i], step, Domain.real(0, 1), (i,)),), (),
              {i: Domain.integer(1, 2)})
    rel = sp.Ge(x_now, 0)
    return Proof("A2", {"statement": rel}, {t: Domain.integer(0), i: Domain.integer(1, 2), p: pdom},
                 [Step("s", rel, Algebra())], law=law)


def P1_specialize_value_captured_by_sum():
    """Probe (rejected): premise Sum((2k - 3) x, (k, 1, 2)) = 0 for every integer x (true), specialised at
    x := k, the premise's own index: the binder-blind xreplace would give Sum((2k - 3) k, (k, 1, 2)) = 0,
    false (value 1).  Closed: Specialize takes numbers only (Domain.contains needs value.is_number), and
    _instantiated refuses a symbol bound in the premise; an instance is also refuted numerically."""
    x, k = sp.Symbol("x", integer=True), sp.Symbol("k", integer=True, positive=True)
    prem = sp.Eq(sp.Sum((2 * k - 3) * x, (k, 1, 2)), 0)
    rel = sp.Eq(sp.Sum((2 * k - 3) * k, (k, 1, 2)), 0, evaluate=False)
    return Proof("P1", {"statement": rel}, {x: Domain.integer()},
                 [Step("p", prem, Algebra()), Step("s", rel, Specialize(x, k), ("p",))])


#: The reason each entry must be rejected for.
EXPECTED = {
    'A1_supportkept_shadowed_draw_index': 'also occurs free (the law reads it)',
    'A2_normalised_weight_shadowed_sign': 'also occurs free (the law reads it)',
    'P1_specialize_value_captured_by_sum': "is not within the symbol's domain",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

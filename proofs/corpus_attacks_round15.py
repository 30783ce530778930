"""Adversarial corpus for the proof kernel, round 15: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 14. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, 2 of these 7 were
accepted, both of one class: one domain serves a random quantity at every index, and a draw's support
bound read at the law's index (D_{t,i} ~ Binomial(i, 1/2), support [0, i]) was read at whatever i a
claim names: D_{t,jj} <= i was accepted for every urn jj and i (false at jj = 3, i = 1). The principle
that closes it: a support bound that reads the law's generation or one of its indices is dropped from
the quantity's domain, as one read at the generation already was. Each docstring says why the
statement is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel.rules import Algebra

library_for, check_attack = checker({})

n = sp.Symbol('n', integer=True, nonnegative=True)
x = sp.Symbol('x', positive=True)
j = sp.Symbol('j', integer=True, positive=True)
DN = {n: Domain.integer(0)}
DX = {x: Domain.real(0, lo_open=True)}


def _alg(name, goal, domains):
    return Proof(name, {"statement": goal}, domains, [Step("s", goal, Algebra())])


def _urns():
    """Three urns i = 1..3; x_{t,i} = 1/2 forever; D_{t,i} ~ Binomial(i, x_{t,i}) (support 0..i)."""
    from modelcollapse.proofs.kernel import Draw, Law, Rand, StateVar
    t = sp.Symbol('t', integer=True, nonnegative=True)
    K = sp.Symbol('K', integer=True, positive=True)
    i = sp.Symbol('i', integer=True, positive=True)
    jj = sp.Symbol('jj', integer=True, positive=True)
    law = Law("urns", t, {K: Domain.integer(1)},
              (StateVar("x", sp.Rational(1, 2), Rand("x", t, i), Domain.real(0, 1), (i,)),),
              (Draw("D", "Binomial", (i, Rand("x", t, i))),), indices={i: Domain.integer(1, 3)})
    doms = {t: Domain.integer(0), K: Domain.integer(1), i: Domain.integer(1, 3), jj: Domain.integer(1, 3)}
    return law, doms, t, i, jj


def A1_support_bound_read_at_the_law_index():
    """Le(D_{t,jj}, i) for all t >= 0 and i, jj in {1,2,3}, almost surely.
    (a) FALSE: at jj = 3, i = 1, D_{t,3} ~ Binomial(3, 1/2) equals 3 > 1 with probability 1/8 (and is >= 2 with
    probability 1/2), so D_{t,3} <= 1 does not hold almost surely.
    (b) Slips past Law.rand_domains: a quantity gets ONE domain for every index, and the family's support
    bound is bound to the draw's argument read at the law's index symbol i (support 0..i). Bounds that
    read the generation are dropped (the comment there), but bounds that read an index are kept. Space.opaque then
    gives Rand(D, t, jj), at ANY index, the domain [0, i], with i read as the proof's free symbol i. Algebra's
    cases (i in {1,2,3}) and the numeric points (D sampled from [0, i]) both 'see' D <= i."""
    from modelcollapse.proofs.kernel import Rand
    law, doms, t, i, jj = _urns()
    goal = sp.Le(Rand("D", t, jj), i)
    return Proof("A1", {"statement": goal}, doms, [Step("s", goal, Algebra())], law=law)


def A2_same_at_a_fixed_urn():
    """Le(D_{t,3}, i) for all t, i in {1,2,3}: (a) false at i = 1 (P(D_{t,3} >= 2) = 1/2); (b) A1's step, then
    the kernel's own Specialize (jj = 3) accepts the instance."""
    from modelcollapse.proofs.kernel import Rand
    from modelcollapse.proofs.kernel.rules import Specialize
    law, doms, t, i, jj = _urns()
    g1, g2 = sp.Le(Rand("D", t, jj), i), sp.Le(Rand("D", t, 3), i)
    return Proof("A2", {"statement": g2}, doms, [Step("s", g1, Algebra()), Step("s2", g2, Specialize(jj, 3), ("s",))],
                 law=law)


def P1_min_large_n():
    """(a) Min(20, n) = n is false at n = 21 (value 20 != 21). (b) Aimed at refutation sampling only n in
    0..12 for an unbounded integer; hoped a normal form would drop the Min. Rejected: no transform reduces it."""
    return _alg("P1", sp.Eq(sp.Min(n, 20), n), DN)


def P2_binomial_large_n():
    """(a) binomial(n, 20) = 0 is false at n = 20 (value 1). Sampling 0..12 cannot refute it; hoped the
    gamma rewriting would give 0. Rejected (gamma guard / no transform)."""
    return _alg("P2", sp.Eq(sp.binomial(n, 20), 0), DN)


def P3_floor_large_x():
    """(a) floor(x/100) = 0 is false at x = 100 (value 1); real samples stay below ~57. Rejected: sympy does
    not reduce it."""
    return _alg("P3", sp.Eq(sp.floor(x / 100), 0), DX)


def P4_product_zero_in_range():
    """(true statement) Product(j - 20, (j, 1, n)) = RF(-19, n): probes _closed_forms on a product with a zero
    in its range past the sampled lengths; rejected (not even the true identity is shown), so no
    wrong closed form leaks here."""
    return _alg("P4", sp.Eq(sp.Product(j - 20, (j, 1, n)), sp.RisingFactorial(-19, n)), DN)


def P5_normal_moment_order_captured():
    """(a) normal_moments builds its value AFTER the checks, substituting the rule parameter ``order`` into a
    Sum over the schema's dummy laws._j; with order = _j the index is captured and the value becomes
    Sum(..binomial(_j, 2 _j).., (_j, 0, floor(_j/2))), whose first term alone is 1 at every order, so
    E[D^k | F_t] = 1 (false for D ~ N(0, 1), k = 2: the true value is 1 only by luck; at k = 4 it is 3).
    (b) Tried to slip past binder_problem (rule parameters are not relations). Rejected: the order's
    free symbols must have proof domains, and a Dummy is no node the kernel reads (terms.ALLOWED), so
    _j can never be named; the capture is real in laws.fact_instance but unreachable."""
    from modelcollapse.proofs.kernel import Draw, Law, Rand, StateVar
    from modelcollapse.proofs.kernel.rules import DrawFact
    from modelcollapse.proofs.kernel.laws import _j
    t = sp.Symbol('t', integer=True, nonnegative=True)
    law = Law("walk", t, {}, (StateVar("x", sp.Integer(0), Rand("x", t) + Rand("D", t), Domain.real()),),
              (Draw("D", "Normal", (sp.Integer(0), sp.Integer(1))),))
    from modelcollapse.proofs.kernel import CE
    rel = sp.Eq(CE(Rand("D", t) ** _j, t), sp.Integer(1))
    return Proof("P5", {"statement": rel}, {t: Domain.integer(0), _j: Domain.integer(0)},
                 [Step("s", rel, DrawFact("normal_moments", "D", _j))], law=law)


#: The reason each entry must be rejected for.
EXPECTED = {
    'A1_support_bound_read_at_the_law_index': 'sympy could not show >= 0',
    'A2_same_at_a_fixed_urn': 'sympy could not show >= 0',
    'P1_min_large_n': 'sympy could not reduce lhs - rhs to 0',
    'P2_binomial_large_n': 'sympy could not reduce lhs - rhs to 0',
    'P3_floor_large_x': 'sympy could not reduce lhs - rhs to 0',
    'P4_product_zero_in_range': 'sympy could not reduce lhs - rhs to 0',
    'P5_normal_moment_order_captured': 'Dummy is not a node the kernel reads',
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

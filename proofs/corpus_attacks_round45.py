"""Adversarial corpus for the proof kernel, round 45: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 44. ``attacks()`` returns
``(name, build, expected)`` as in the earlier rounds. None of the 7 was accepted when written. They aim at
the sign of a sum weighed by a probability vector (a second vector of mixed sign, one whose entries may be
0, a shifted entry, entries of mixed sign with a total), a sum over a range that may be reversed (sympy's
convention gives sum_{k=1}^{n-2} 1 = n - 2 at n = 0, not 0), and schedules whose length the proof fixes but
the law leaves open (an entry past the end; an induction off by one).

**Principle (held):** a sum weighed by a mass is positive only when its summand is shown >= 0 at every entry and
> 0 where the mass is, over entries that stand for their domain; a range must be shown not reversed; every
entry read must be shown inside its vector's length.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import SIMPLEX, K, algebra_claim, checker, g, j
from modelcollapse.proofs.kernel import Domain, Law, Proof, Rand, StateVar, Step
from modelcollapse.proofs.kernel import rules as R

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

N = sp.Symbol("N", integer=True, positive=True)
n = sp.Symbol("n", integer=True, nonnegative=True)
k = sp.Symbol("k", integer=True)
v = sp.IndexedBase("v", nonnegative=True)
w = sp.IndexedBase("w", real=True)
u = sp.IndexedBase("u", nonnegative=True)
ns = sp.IndexedBase("ns", nonnegative=True)


def mass_second_vector_mixed_sign():
    """FALSE: Sum_j v_j w_j > 0 for v a probability vector and w in [-1, 1]^K (K = 1, v = (1), w = (-1): -1)."""
    goal = sp.Gt(sp.Sum(v[j] * w[j], (j, 1, K)), 0)
    doms = {K: Domain.integer(1), v: SIMPLEX, w: Domain.vector(Domain.real(-1, 1), length=K)}
    return algebra_claim("mass_second_vector_mixed_sign", goal, doms)


def mass_second_vector_zero_entries():
    """FALSE: Sum_j v_j (1 + u_j) - 1 > 0, u_j >= 0 (u = 0: the sum is exactly 1, so the gap is 0)."""
    goal = sp.Gt(sp.Sum(v[j] * (1 + u[j]), (j, 1, K)), 1)
    doms = {K: Domain.integer(1), v: SIMPLEX, u: Domain.vector(Domain.real(0), length=K)}
    return algebra_claim("mass_second_vector_zero_entries", goal, doms)


def mass_shifted_index():
    """FALSE: Sum_j v_j u_{j+1} > 0 for v a probability vector, u >= 0 of length K + 1
    (K = 1, v = (1), u = (1, 0): 0)."""
    goal = sp.Gt(sp.Sum(v[j] * u[j + 1], (j, 1, K)), 0)
    doms = {K: Domain.integer(1), v: SIMPLEX, u: Domain.vector(Domain.real(0), length=K + 1)}
    return algebra_claim("mass_shifted_index", goal, doms)


def mass_entries_mixed_sign_total():
    """FALSE: Sum_j (w_j - w_j^2) > 0 for w in [-1, 1]^K with total 1 (K = 3, w = (1, 1, -1): -2)."""
    goal = sp.Gt(sp.Sum(w[j] - w[j] ** 2, (j, 1, K)), 0)
    doms = {K: Domain.integer(1), w: Domain.vector(Domain.real(-1, 1), length=K, total=1)}
    return algebra_claim("mass_entries_mixed_sign_total", goal, doms)


def karr_reversed_count():
    """FALSE (ordinary convention): Sum_{k=1}^{n-2} 1 = n - 2 for every n >= 0: at n = 0 the range 1..-2 is empty
    (0), not -2. sympy's Karr convention gives n - 2 everywhere."""
    goal = sp.Eq(sp.Sum(1, (k, 1, n - 2)), n - 2)
    return algebra_claim("karr_reversed_count", goal, {n: Domain.integer(0)})


def _schedule_law():
    X = Rand("X", g)
    return Law("schedule45", g, {ns: Domain.vector(Domain.real(0, 1))},
               (StateVar("X", 0, X + ns[g], Domain.real(0)),), ())


def schedule_fixed_length_induction():
    """FALSE/ill-posed: under X_{g+1} = X_g + ns[g] (schedule of open length in the law), with the proof fixing
    ns to N entries, X_g = Sum_{k=0}^{g-1} ns[k] for every g: ns[k] is read at k = 0 and past N."""
    law = _schedule_law()
    F = sp.Sum(ns[k], (k, 0, g - 1))
    goal = sp.Eq(Rand("X", g), F)
    doms = {ns: Domain.vector(Domain.real(0, 1), length=N), N: Domain.integer(1), g: Domain.integer(0)}
    return Proof("schedule_fixed_length_induction", {"statement": goal}, doms,
                 [Step("statement", goal, R.StateInduction("X"))], law)


def schedule_false_closed_form():
    """FALSE: under X_{g+1} = X_g + ns[g], X_0 = 0, X_g = Sum_{k=1}^{g} ns[k] (off by one: X_1 = ns[0], not ns[1])."""
    law = _schedule_law()
    F = sp.Sum(ns[k], (k, 1, g))
    goal = sp.Eq(Rand("X", g), F)
    doms = {ns: Domain.vector(Domain.real(0, 1)), g: Domain.integer(0)}
    return Proof("schedule_false_closed_form", {"statement": goal}, doms,
                 [Step("statement", goal, R.StateInduction("X"))], law)


EXPECTED = {
    "mass_second_vector_mixed_sign": "sympy could not show > 0",
    "mass_second_vector_zero_entries": "sympy could not show > 0",
    "mass_shifted_index": "sympy could not show > 0",
    "mass_entries_mixed_sign_total": "sympy could not show > 0",
    "karr_reversed_count": "its range may be reversed",
    "schedule_fixed_length_induction": "the index may lie outside 1..N",
    "schedule_false_closed_form": "the update does not take F at g to F at g + 1",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

"""Adversarial corpus for the proof kernel, round 23: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 22, plus one entry
of our own (``A6``). ``attacks()`` returns ``(name, build, expected)`` as in the earlier rounds.
When written, 8 of these 13 were accepted, in five classes:

- the sign rule's second route (a sum over a whole vector read as a positive mass) judged an inner
  sum whose summand held an enclosing sum's index by that symbol's own domain, not the enclosing
  range (A1, A1b). **Principle:** no part of an expression is judged outside its binders;
- a domain read by two readers in two ways: a finite set given ends too (A2), an integer range
  with an open end that one rule read as closed (A4). **Principle:** a domain sets only the fields
  its kind uses, checked whenever one is built (the kernel's own copy included), and integer ranges
  are closed;
- entries in a finite set with a declared total they cannot reach (A3): an assumption with no
  values. **Principle:** entries with a total lie in a range, whose ends the reachability check reads;
- the sign of a number read from sympy's floating evaluation, which rounds 1 + 10^-40 to 1 inside a
  log and reports the result exact: 10^80 (log(1 + 10^-40) - 10^-40) + 1 (it is 1/2) was shown
  <= 0, and a square root of it shown real (A5, A5b, A5c); and, our own, sympy rewriting |c| as -c
  when a case put such a number into a formula (A6). **Principle:** a number's sign is shown by
  interval arithmetic, and sympy's sign of any number in a formula counts only when the interval
  agrees, including the numbers a case substitutes (read before sympy rewrites anything by them).

Each docstring says why the statement is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import altered_domain, checker
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel.rules import Algebra, Order, Rewrite, Shift, VectorTotal

library_for, check_attack = checker({})

v = sp.IndexedBase('v')
w = sp.IndexedBase('w')
j = sp.Symbol('j', integer=True, positive=True)
n = sp.Symbol('n', integer=True, positive=True)
m = sp.Symbol('m', real=True)
x = sp.Symbol('x', real=True)
ONE_ENTRY_OF_MASS_ONE = Domain.vector(Domain.real(0), length=1, total=1)


def _captured_sum():
    """Sum_{n=1}^{10} 2 Sum_{j=1}^{1} (3 - n) w[j]: -50 for the only w, (1). (The factor 2 keeps sympy
    from merging the two sums into one with two limits, which the kernel refuses.)"""
    return sp.Sum(2 * sp.Sum(w[j] * (3 - n), (j, 1, 1)), (n, 1, 10))


def A1_outer_binder_captured_by_mass_route():
    """0 < Sum_{n=1}^{10} 2 Sum_{j=1}^{1} (3 - n) w[j] for w, one entry >= 0 summing to 1: the sum is -50.
    The points refuted it, and the mass route read the inner sum's summand x (3 - n) with n in the proof's
    domain [1, 2] (given to the bound name), where it is >= 0: a positive mass."""
    goal = sp.Lt(0, _captured_sum())
    return Proof("A1", {"statement": goal}, {n: Domain.integer(1, 2), w: ONE_ENTRY_OF_MASS_ONE},
                 [Step("statement", goal, Algebra())])


def A1b_captured_binder_to_scalar_falsehood():
    """0 < (m - 1)^2 for every m in [1, 2] (false at m = 1): A1's claim, the true identity X = -50 Sum(w[j]),
    the total, and Order(1) from 0 < -50."""
    X, total = _captured_sum(), sp.Sum(w[j], (j, 1, 1))
    goal = sp.Lt(0, (m - 1)**2)
    steps = [Step("C", sp.Lt(0, X), Algebra()), Step("E", sp.Eq(X, -50 * total), Algebra()),
             Step("T", sp.Eq(total, 1), VectorTotal()), Step("statement", goal, Order(1), ("C", "E", "T"))]
    return Proof("A1b", {"statement": goal},
                 {m: Domain.real(1, 2), n: Domain.integer(1, 2), w: ONE_ENTRY_OF_MASS_ONE}, steps)


def A2_finite_entries_with_stray_ends():
    """0 < Sum_{j=1}^{2} v[j] (2 - v[j]) for v, two entries in {0, 2} summing to 2: v is (2, 0) or (0, 2),
    and the sum is 0. The entries' finite set also carried ends [1/2, 3/2]: the reachability check and the
    mass route read the ends (where x (2 - x) > 0), the cases the values."""
    entry = altered_domain(kind="finite", lo=sp.Rational(1, 2), hi=sp.Rational(3, 2), values=(sp.S(0), sp.S(2)))
    goal = sp.Lt(0, sp.Sum(v[j] * (2 - v[j]), (j, 1, 2)))
    return Proof("A2", {"statement": goal}, {v: Domain.vector(entry, length=2, total=2)},
                 [Step("statement", goal, Algebra())])


def A3_unreachable_total_of_finite_entries():
    """0 < (m - 1)^2 for every m in [1, 2] (false at m = 1), under v: one entry in {0, 2} summing to 1, which
    no vector is. The mass route on w took v's entry from {0, 2}, where w[j]^2 - 2 v[j] (2 - v[j]) = w[j]^2;
    the totals then give 0 < 1 - 2."""
    F = w[j]**2 - 2 * v[j] * (2 - v[j])
    SF, Sv, Sw = sp.Sum(F, (j, 1, 1)), sp.Sum(v[j], (j, 1, 1)), sp.Sum(w[j], (j, 1, 1))
    goal = sp.Lt(0, (m - 1)**2)
    steps = [Step("C", sp.Lt(0, SF), Algebra()),
             Step("E1", sp.Eq(SF, w[1]**2 - 2 * v[1] * (2 - v[1])), Algebra()),
             Step("Tv", sp.Eq(Sv, 1), VectorTotal()), Step("Ev", sp.Eq(v[1], Sv), Algebra()),
             Step("Ev1", sp.Eq(v[1], 1), Rewrite(), ("Ev", "Tv")),
             Step("Tw", sp.Eq(Sw, 1), VectorTotal()), Step("Ew", sp.Eq(w[1], Sw), Algebra()),
             Step("Ew1", sp.Eq(w[1], 1), Rewrite(), ("Ew", "Tw")),
             Step("statement", goal, Order(1), ("C", "E1", "Ev1", "Ew1"))]
    return Proof("A3", {"statement": goal},
                 {m: Domain.real(1, 2), v: Domain.vector(Domain.finite([0, 2]), length=1, total=1),
                  w: ONE_ENTRY_OF_MASS_ONE}, steps)


def A4_shift_outside_open_integer_domain():
    """x <= x^2 + 1 (true) by a wrong route: Shift to n = 0 from a premise about the integers n > 0, an open
    end that Shift read as closed (every other reader took it as n >= 1)."""
    P = sp.Le(x, n * x**2 + x**2 + 1)
    goal = sp.Le(x, x**2 + 1)
    return Proof("A4", {"statement": goal},
                 {n: altered_domain(kind="integer", lo=sp.S(0), lo_open=True), x: Domain.real(-1, 1)},
                 [Step("P", P, Algebra()), Step("statement", goal, Shift(n, 0), ("P",))])


TINY = sp.Rational(1, 10**40)
#: 10^80 (log(1 + 10^-40) - 10^-40) + 1 = 1/2 + 10^-40/3 - ...; sympy evaluates log(1 + 10^-40) as exactly 0.
HALF = 10**80 * (sp.log(1 + TINY) - TINY) + 1


def A5_constant_sign_from_sympy_evalf():
    """10^80 (log(1 + 10^-40) - 10^-40) + 1 <= 0: the left side is 1/2. sympy's evaluation gives -10^40 + 1,
    at the points and in its own sign queries."""
    goal = sp.Le(HALF, 0, evaluate=False)
    return Proof("A5", {"statement": goal}, {}, [Step("statement", goal, Algebra())])


def A5b_constant_to_scalar_falsehood():
    """10^80 (log(1 + 10^-40) - 10^-40) + 1 <= (m - 1)^2 for every m in [1, 2]: 1/2 <= 0 at m = 1."""
    goal = sp.Le(HALF, (m - 1)**2, evaluate=False)
    return Proof("A5b", {"statement": goal}, {m: Domain.real(1, 2)},
                 [Step("P", sp.Le(HALF, 0, evaluate=False), Algebra()), Step("statement", goal, Order(1), ("P",))])


def A5c_definedness_fooled_by_evalf():
    """0 <= sqrt(-(10^1000 (log(1 + 10^-500) - 10^-500) + 1)): the radicand is -1/2, so the root is not real.
    The definedness check asked sympy's strict evaluation, which gave +10^500 without complaint."""
    tiny = sp.Rational(1, 10**500)
    goal = sp.Le(0, sp.sqrt(-(10**1000 * (sp.log(1 + tiny) - tiny) + 1)), evaluate=False)
    return Proof("A5c", {"statement": goal}, {}, [Step("statement", goal, Algebra())])


def _absolute_value_claim(name, domain):
    """|F(x)| + F(x) = 0 at x = 10^-40, F(x) = 10^80 (log(1 + x) - x) + 1 = 1/2 there: the sum is 1. The case
    x = 10^-40 put the number into |F|, and sympy rewrote |F(10^-40)| as -F(10^-40) by its misread sign."""
    F = 10**80 * (sp.log(1 + x) - x) + 1
    goal = sp.Eq(sp.Abs(F) + F, 0, evaluate=False)
    return Proof(name, {"statement": goal}, {x: domain}, [Step("statement", goal, Algebra())])


def A6_absolute_value_rewritten_by_a_misread_sign():
    """See :func:`_absolute_value_claim`; x in the one-point set {10^-40}."""
    return _absolute_value_claim("A6", Domain.finite([TINY]))


def A6b_absolute_value_on_a_one_point_range():
    """See :func:`_absolute_value_claim`; x in the range [10^-40, 10^-40]."""
    return _absolute_value_claim("A6b", Domain.real(TINY, TINY))


def P1_nested_sum_merged():
    """Probe: A1 without the factor 2; sympy merges the sums into one with two limits, which is refused."""
    goal = sp.Lt(0, sp.Sum(sp.Sum(w[j] * (3 - n), (j, 1, 1)), (n, 1, 10)))
    return Proof("P1", {"statement": goal}, {n: Domain.integer(1, 2), w: ONE_ENTRY_OF_MASS_ONE},
                 [Step("statement", goal, Algebra())])


def P3_constant_cancellation_within_precision():
    """Probe: A5 with 10^-30, 10^60 (log(1 + 10^-30) - 10^-30) + 1 <= 0 (it is 1/2): within the points'
    precision, so they refute it."""
    tiny = sp.Rational(1, 10**30)
    goal = sp.Le(10**60 * (sp.log(1 + tiny) - tiny) + 1, 0, evaluate=False)
    return Proof("P3", {"statement": goal}, {}, [Step("statement", goal, Algebra())])


EXPECTED = {
    'A1_outer_binder_captured_by_mass_route': 'sympy could not show > 0',
    'A1b_captured_binder_to_scalar_falsehood': 'sympy could not show > 0 | ValueError: premise C',
    'A2_finite_entries_with_stray_ends': 'a domain of kind finite sets no lo, hi',
    'A3_unreachable_total_of_finite_entries': '1 entries in {0, 2} cannot sum to 1',
    'A4_shift_outside_open_integer_domain': 'a domain of kind integer sets no lo_open',
    'A5_constant_sign_from_sympy_evalf': 'sympy could not show >= 0',
    'A5b_constant_to_scalar_falsehood': 'sympy could not show >= 0 | ValueError: premise P',
    'A5c_definedness_fooled_by_evalf': 'may be negative under a root',
    'A6_absolute_value_rewritten_by_a_misread_sign': 'could not reduce lhs - rhs to 0',
    'A6b_absolute_value_on_a_one_point_range': 'could not reduce lhs - rhs to 0',
    'P1_nested_sum_merged': 'a sum or product takes one limit',
    'P3_constant_cancellation_within_precision': 'sympy could not show >= 0',
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

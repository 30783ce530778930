"""Adversarial corpus for the proof kernel, round 9: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 8. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, 6 of these 12 were
accepted, all of one class: an infinity read as a number. ``0 oo``, ``oo^0`` and ``oo^n - oo^n``
written unevaluated passed the definedness walk (which refused zoo and nan but not oo), and sympy's
arithmetic then settled them (1 + 0 oo = 1). The principle that closes it: an infinity may stand
only as a limit's point, an end of a range, or the value a limit is stated to have. ``B3`` (a sum's
index that also occurs free) was rejected by chance when written; a sum's index may now not occur
free. Each docstring says why the statement is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel.rules import Algebra, Specialize

library_for, check_attack = checker({})

oo = sp.oo
y = sp.Symbol("y", real=True)


def M(*a):
    return sp.Mul(*a, evaluate=False)


def A(*a):
    return sp.Add(*a, evaluate=False)


def P(*a):
    return sp.Pow(*a, evaluate=False)


def _one(name, rel, rule=None, domains=None):
    return Proof(name, {"g": rel}, dict(domains if domains is not None else {y: Domain.real()}),
                 [Step("s", rel, rule or Algebra())])


# --- Class A: the infinity oo as a number (indeterminate forms written unevaluated) --------------

def A1_zero_times_infinity():
    """(a) 1 + 0*oo = 1. 0*oo is an indeterminate form with no value (sympy itself evaluates it to
    nan); the statement is undefined (at the single point of the empty space).
    (b) decide.undefined refuses I, zoo and nan but not oo, and Mul is not an obliged node; an
    unevaluated Mul(0, oo) carries no nan atom. decide.unsafe does not look at oo. In is_zero,
    Add.flatten reads Mul(0, oo).as_coeff_Mul() = (0, oo) and drops the term as a zero coefficient."""
    return _one("A1", sp.Eq(A(1, M(0, oo)), 1, evaluate=False))


def A2_symbolic_zero_times_infinity():
    """(a) for all real y: y + 0*oo = y; undefined at y = 0 (any y): 0*oo has no value.
    (b) as A1; numeric refutation substitutes y by xreplace, which re-flattens the Add and drops the
    0*oo term again, so every point 'agrees'."""
    return _one("A2", sp.Eq(A(y, M(0, oo)), y, evaluate=False))


def A3_infinity_power_zero():
    """(a) for all real y: oo**0 * y = y; oo**0 is an indeterminate form (no value), so the
    statement is undefined at y = 1.
    (b) undefined() checks a Pow only for its base vanishing/negative when the exponent may be
    negative or non-integer; a base oo with exponent 0 passes; oo is not refused anywhere."""
    return _one("A3", sp.Eq(M(y, P(oo, 0)), y, evaluate=False))


def A4_inequality_with_zero_times_minus_infinity():
    """(a) for all real y: y + 0*(-oo) >= y; undefined at y = 0 (0*(-oo) has no value).
    (b) as A1, through the sign decision (is_positive) instead of is_zero."""
    return _one("A4", sp.Ge(A(y, M(0, -oo)), y, evaluate=False))


def A5_zero_times_infinity_power():
    """(a) for every integer n >= 0: 0 * oo**n = 0. True at n = 0 (0*1), undefined at n = 1 (0*oo).
    (b) as A1: the Pow(oo, n) has an exponent shown >= 0 and integer, so undefined() puts no obligation
    on it, and expand folds 0*oo**n to 0 (sympy does not know oo**n is infinite)."""
    n = sp.Symbol("n", integer=True, nonnegative=True)
    return _one("A5", sp.Eq(M(0, P(oo, n)), 0, evaluate=False), domains={n: Domain.integer(0)})


def A9_infinity_minus_infinity_power():
    """(a) for every integer n >= 0: oo**n - oo**n = 0. Undefined at n = 1 (oo - oo).
    (b) as A5: Pow(oo, n) with a natural exponent carries no obligation in undefined(), and sympy
    treats oo**n as an opaque term that cancels with itself (Add.flatten collects 1 and -1)."""
    n = sp.Symbol("n", integer=True, nonnegative=True)
    return _one("A9", sp.Eq(A(P(oo, n), M(-1, P(oo, n))), 0, evaluate=False), domains={n: Domain.integer(0)})


def A8_probe_specialize_A5_at_one():
    """Probe (REJECTED): Specialize A5 at n = 1: the instance 0*oo evaluates to nan, which Specialize refuses."""
    n = sp.Symbol("n", integer=True, nonnegative=True)
    prem = sp.Eq(M(0, P(oo, n)), 0, evaluate=False)
    concl = sp.Eq(M(0, oo), 0, evaluate=False)
    return Proof("A8", {"g": concl}, {n: Domain.integer(0)},
                 [Step("p", prem, Algebra()), Step("s", concl, Specialize(symbol=n, value=1), ("p",))])


def A6_probe_one_to_infinity():
    """Probe (REJECTED): 1**oo = 1: expand evaluates 1**oo to nan, which is not 0."""
    return _one("A6", sp.Eq(P(1, oo), 1, evaluate=False))


def A7_probe_zero_log_zero():
    """Probe (REJECTED): 1 + 0*log(0) = 1: log's argument is an obligation undefined() checks."""
    return _one("A7", sp.Eq(A(1, M(0, sp.log(0, evaluate=False))), 1, evaluate=False))


# --- Class B: probes of the round-8 fixes (all REJECTED: the fixes held here) --------------------

def B1_probe_zero_times_limit():
    """Probe (REJECTED): y + 0*Limit(sin(k), k, oo) = y (the limit does not exist). unsafe() sees the Limit
    atom even inside an unevaluated 0*(...) product: the 'one gate for numbers' holds for Limit."""
    k = sp.Symbol("k", integer=True, positive=True)
    return _one("B1", sp.Eq(A(y, M(0, sp.Limit(sp.sin(k), k, oo))), y, evaluate=False))


def B2_probe_piecewise_uncovered():
    """Probe (REJECTED): Piecewise((1, y > 0), (1, y < 0)) = 1 has no value at y = 0; the coverage test
    of undefined() catches it (random real points never hit 0, but the symbolic test does not pass)."""
    return _one("B2", sp.Eq(sp.Piecewise((1, y > 0), (1, y < 0)), 1, evaluate=False))


def B3_probe_binder_free_and_bound():
    """Probe (REJECTED): Sum(n, (n, 1, n)) = n, n both bound and the upper limit: fresh_binders renames
    the limit with the binder, and the range is then not shown non-reversed."""
    n = sp.Symbol("n", integer=True, positive=True)
    return _one("B3", sp.Eq(sp.Sum(n, (n, 1, n)), n, evaluate=False), domains={n: Domain.integer(1)})



#: The reason each entry must be rejected for.
EXPECTED = {
    'A1_zero_times_infinity': 'an infinity (oo) is no number here',
    'A2_symbolic_zero_times_infinity': 'an infinity (oo) is no number here',
    'A3_infinity_power_zero': 'an infinity (oo) is no number here',
    'A4_inequality_with_zero_times_minus_infinity': 'an infinity (oo) is no number here',
    'A5_zero_times_infinity_power': 'an infinity (oo) is no number here',
    'A9_infinity_minus_infinity_power': 'an infinity (oo) is no number here',
    'A8_probe_specialize_A5_at_one': 'an infinity (oo) is no number here',
    'A6_probe_one_to_infinity': 'an infinity (oo) is no number here',
    'A7_probe_zero_log_zero': 'log(0) (its argument may not be positive)',
    'B1_probe_zero_times_limit': 'a limit is left in an algebraic claim; it may not exist (the limit rule takes li',
    'B2_probe_piecewise_uncovered': 'Piecewise((1, (y > 0) | (y < 0))) (its conditions are not shown to cover the dom',
    'B3_probe_binder_free_and_bound': 'the index n of Sum(n, (n, 1, n)) also occurs free',
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

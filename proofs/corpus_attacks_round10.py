"""Adversarial corpus for the proof kernel, round 10: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 9. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, 6 of these 10 were
accepted, in two classes:

* sympy's closed form of a sum over a symbolic range settled an identity. sympy gives
  sum_{k=0}^{n} (-1)^k C(n, k) = 0, false at n = 0, and sum (-1)^k k C(n, k) = 0, false at n = 1;
  ``simplify`` (whose ``doit`` evaluates such sums) and the last normal form applied them. The numeric
  refutation did not catch it: a value past the double range (10^400) was skipped as unevaluable, and
  an unbounded integer is sampled near its lower end only (a claim false at n = 20 alone), and Shift
  did not test its instance at all;
* capture: a proof used the kernel's own summation-renaming dummy as a symbol of its own, and a
  premise about it rewrote the bound variable of a renamed sum (x_g = 0 for the walk x_{g+1} = x_g +
  sum j^2).

The principles that close them: the kernel evaluates a sum or a product only by its definition (a
range of numbers, term by term) or by a closed form that is an identity for every length (Faulhaber's
for a polynomial summand, rising factorials for a product of a rational function), and its
simplification never calls sympy's ``doit``; a
number is evaluated in mpmath, whose exponent does not overflow; Shift tests its instance as
Specialize does; and a proof may not hold a sympy Dummy, the kind of name the kernel invents. Each
docstring says why the statement is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel.rules import Algebra, Rewrite, Shift, Specialize

library_for, check_attack = checker({})

n = sp.Symbol('n', integer=True, nonnegative=True)
k = sp.Symbol('k', integer=True)
BIG = sp.Integer(10) ** 400


def _alt(m):
    """sum_{k=0}^{m} (-1)^k C(m, k): 1 at m = 0, 0 for m >= 1. sympy's doit says 0 for every m."""
    return sp.Sum((-1) ** k * sp.binomial(m, k), (k, 0, m))


def A1_sympy_sum_closed_form_behind_overflow():
    """(a) FALSE at n = 0: 10^(400/(n+1)) * sum_{k=0}^{n} (-1)^k C(n,k) = 0 for every integer n >= 0.
    At n = 0 the sum is 1, so the left side is 10^400, not 0.
    (b) Algebra -> is_zero. Numeric refutation evaluates the claim at n = 0 (a corner), but the value
    10^400 overflows complex(): evaluate() returns None and the point is silently SKIPPED (treated like a
    pole), while the other points give exactly 0. Then the last normal form, e.doit(), uses sympy's
    closed form sum (-1)^k C(n,k) = 0 (valid for n >= 1 only: sympy drops the n = 0 case) and the
    claim 'reduces to 0'. Two weaknesses combined: (1) an overflowing value is no counterexample,
    (2) sympy's Sum.doit generic-case closed forms are trusted as identities."""
    rel = sp.Eq(10 ** (400 / (n + 1)) * _alt(n), 0, evaluate=False)
    return Proof("A1", {"statement": rel}, {n: Domain.integer(0)}, [Step("s", rel, Algebra())])


def A2_closed_false_equation_10pow400_eq_0():
    """(a) FALSE, closed: Eq(10^400, 0).
    (b) From A1's accepted statement, Specialize n = 0 (inside the domain): Specialize's own check
    `refuted(..., undecided=False)` evaluates the instance 10^400 * 1 - 0, which overflows to inf,
    is skipped as unevaluable, and with undecided=False an unevaluated claim is NOT refuted. So the
    step Eq(10^400 * Sum_{k=0}^{0} (-1)^k C(0,k), 0) is accepted; Algebra shows the (true) Sum = 1
    and Rewrite(source=True) yields Eq(10^400, 0)."""
    rel = sp.Eq(10 ** (400 / (n + 1)) * _alt(n), 0, evaluate=False)
    inst = sp.Eq(BIG * _alt(sp.Integer(0)), 0, evaluate=False)
    one = sp.Eq(_alt(sp.Integer(0)), 1, evaluate=False)
    final = sp.Eq(BIG, 0, evaluate=False)
    return Proof("A2", {"statement": final}, {n: Domain.integer(0)}, [
        Step("s", rel, Algebra()),
        Step("t", inst, Specialize(symbol=n, value=0), ("s",)),
        Step("u", one, Algebra()),
        Step("v", final, Rewrite(source=True), ("u", "t"))])


def A3_sympy_sum_closed_form_other_identity():
    """(a) FALSE at n = 1: 10^(400/n) * sum_{k=0}^{n} (-1)^k k C(n,k) = 0 for every integer n >= 1.
    At n = 1 the sum is -1, so the left side is -10^400.
    (b) Same as A1 with another generic-case closed form of sympy (sum (-1)^k k C(n,k) = 0, true only
    for n >= 2): the corner n = 1 overflows and is skipped, doit() reduces the rest to 0."""
    m = sp.Symbol('n', integer=True, positive=True)
    S = sp.Sum((-1) ** k * k * sp.binomial(m, k), (k, 0, m))
    rel = sp.Eq(10 ** (400 / m) * S, 0, evaluate=False)
    return Proof("A3", {"statement": rel}, {m: Domain.integer(1)}, [Step("s", rel, Algebra())])


def P1_plain_sum_closed_form():
    """Probe (REJECTED when written): sum_{k=0}^{n} (-1)^k C(n,k) = 0 for n >= 0 without the overflow factor. Rejected: the
    corner n = 0 evaluates to 1 and refutes it (so refutation, not the algebra, is the only guard)."""
    rel = sp.Eq(_alt(n), 0, evaluate=False)
    return Proof("P1", {"statement": rel}, {n: Domain.integer(0)}, [Step("s", rel, Algebra())])


def _far(m_):
    """sum_{k=0}^{|m-20|} (-1)^k C(|m-20|, k): 1 at m = 20, else 0. sympy's doit says 0."""
    a = sp.Abs(m_ - 20)
    kk = sp.Symbol('k', integer=True, nonnegative=True)
    return sp.Sum((-1) ** kk * sp.binomial(a, kk), (kk, 0, a))


def A4_false_point_outside_sampling_window():
    """(a) FALSE at n = 20: sum_{k=0}^{|n-20|} (-1)^k C(|n-20|, k) = 0 for every integer n >= 0
    (at n = 20 the sum is C(0,0) = 1).
    (b) Algebra -> is_zero. Refutation samples an unbounded integer domain only in [lo, lo + 12]
    (Domain.sample: first = lo, last = first + 12), so n = 20 is never tried; sympy's doit gives the
    generic closed form 0. No overflow trick needed: accepted every time."""
    rel = sp.Eq(_far(n), 0, evaluate=False)
    return Proof("A4", {"statement": rel}, {n: Domain.integer(0)}, [Step("s", rel, Algebra())])


def A5_forall_y_in_1_2_y_eq_0():
    """(a) FALSE everywhere: for every real y in [1, 2], y = 0.
    (b) A4's sum times y (y in [1, 2]) is accepted by Algebra for all n >= 0 (same reasons). Shift
    n -> 20 (a number >= lo) gives Eq(y * Sum_{k=0}^{0} (-1)^k C(0,k), 0): Shift, unlike Specialize,
    runs no numeric refutation of the instance, and the factor y keeps sympy's Eq constructor from
    evaluating it to False. Algebra shows the (true) Sum_{k=0}^{0} ... = 1 and Rewrite(source=True)
    turns the instance into Eq(y, 0)."""
    y = sp.Symbol('y', real=True, positive=True)
    kk = sp.Symbol('k', integer=True, nonnegative=True)
    S0 = sp.Sum((-1) ** kk * sp.binomial(0, kk), (kk, 0, 0))
    return Proof("A5", {"statement": sp.Eq(y, 0, evaluate=False)}, {n: Domain.integer(0), y: Domain.real(1, 2)}, [
        Step("s", sp.Eq(y * _far(n), 0, evaluate=False), Algebra()),
        Step("t", sp.Eq(y * S0, 0, evaluate=False), Shift(symbol=n, value=20), ("s",)),
        Step("u", sp.Eq(S0, 1, evaluate=False), Algebra()),
        Step("v", sp.Eq(y, 0, evaluate=False), Rewrite(source=True), ("u", "t"))])


def P2_specialize_refutes_instance():
    """Probe (REJECTED when written): as A5 but Specialize n = 20 instead of Shift. Rejected: sympy's Eq constructor settles
    the instance (no free y) / Specialize's refutation evaluates the instance (1 != 0)."""
    S = sp.Sum((-1) ** k * sp.binomial(0, k), (k, 0, 0))
    return Proof("P2", {"statement": sp.Eq(S, 0, evaluate=False)}, {n: Domain.integer(0)}, [
        Step("s", sp.Eq(_far(n), 0, evaluate=False), Algebra()),
        Step("t", sp.Eq(sp.Sum((-1) ** sp.Symbol('k', integer=True, nonnegative=True) * sp.binomial(0, sp.Symbol('k', integer=True, nonnegative=True)), (sp.Symbol('k', integer=True, nonnegative=True), 0, 0)), 0, evaluate=False),
             Specialize(symbol=n, value=20), ("s",))])


def P3_sign_version_of_A4():
    """Probe (REJECTED when written): the same false sum as an inequality, Sum_{k=0}^{|n-20|} (-1)^k C(|n-20|,k) <= 0 (false at
    n = 20). Rejected: the sign procedure (_positive) never calls doit(), so sympy's generic closed
    form is not reached; only the identity procedure (is_zero's last normal form) trusts it."""
    rel = sp.Le(_far(n), 0, evaluate=False)
    return Proof("P3", {"statement": rel}, {n: Domain.integer(0)}, [Step("s", rel, Algebra())])


def A6_stateinduction_capture_by_alpha_dummy():
    """(a) FALSE at g = 1 (any K >= 1): law x_0 = 0, x_{g+1} = x_g + sum_{j=1}^{K} j^2; the kernel
    concludes Eq(x_g, 0) for every g >= 0. True value: x_1 = K(K+1)(2K+1)/6 (= 1 at K = 1).
    (b) StateInduction guards its equality premises against the binders of F and of the update
    (_guard_binders) BEFORE it names sums with decide.alpha_named, whose names are process-global
    Dummies (_ALPHA) shared by every sum with the same summand text and limits. A proof can hold that
    very Dummy c as an ordinary free symbol (domain {0}), prove Eq(c**2, 0) by Algebra, and cite it.
    After alpha naming, the update's Sum(j'^2, (j', 1, K)) has become Sum(c^2, (c, 1, K)), and the
    binder-blind xreplace in rewrite() turns it into Sum(0, (c, 1, K)) = 0: the premise about the free c
    is applied to the bound c (capture). Both gaps of the induction then reduce to 0 with F = 0."""
    from modelcollapse.proofs.kernel import Law, Rand, StateVar
    from modelcollapse.proofs.kernel.decide import alpha_named
    from modelcollapse.proofs.kernel.rules import StateInduction
    g = sp.Symbol('g', integer=True, nonnegative=True)
    K = sp.Symbol('K', integer=True, positive=True)
    j = sp.Symbol('j', integer=True, positive=True)
    x = StateVar("x", sp.Integer(0), Rand("x", g) + sp.Sum(j ** 2, (j, 1, K)), Domain.real())
    law = Law("walk", g, {K: Domain.integer(1)}, (x,), ())
    c = alpha_named(sp.Sum(j ** 2, (j, 1, K))).limits[0][0]  # the kernel's global name for such sums
    goal = sp.Eq(Rand("x", g), 0, evaluate=False)
    return Proof("A6", {"statement": goal}, {g: Domain.integer(0), K: Domain.integer(1), c: Domain.finite([0])}, [
        Step("c0", sp.Eq(c ** 2, 0, evaluate=False), Algebra()),
        Step("s", goal, StateInduction(variable="x"), ("c0",))], law=law)


def P4_capture_of_binder_itself():
    """Probe (REJECTED when written): as A6 with the premise Eq(c, 0) and summand j: xreplace also rewrites the binder in the
    limits, Sum(0, (0, 1, K)) raises 'Invalid limits' and the step is rejected (only a compound
    subterm of the summand, c**2, is captured without touching the limits)."""
    from modelcollapse.proofs.kernel import Law, Rand, StateVar
    from modelcollapse.proofs.kernel.decide import alpha_named
    from modelcollapse.proofs.kernel.rules import StateInduction
    g = sp.Symbol('g', integer=True, nonnegative=True)
    K = sp.Symbol('K', integer=True, positive=True)
    j = sp.Symbol('j', integer=True, positive=True)
    x = StateVar("x", sp.Integer(0), Rand("x", g) + sp.Sum(j, (j, 1, K)), Domain.real())
    law = Law("walk1", g, {K: Domain.integer(1)}, (x,), ())
    c = alpha_named(sp.Sum(j, (j, 1, K))).limits[0][0]
    goal = sp.Eq(Rand("x", g), 0, evaluate=False)
    return Proof("P4", {"statement": goal}, {g: Domain.integer(0), K: Domain.integer(1), c: Domain.finite([0])}, [
        Step("c0", sp.Eq(c, 0, evaluate=False), Algebra()),
        Step("s", goal, StateInduction(variable="x"), ("c0",))], law=law)


#: The reason each entry must be rejected for.
EXPECTED = {
    'A1_sympy_sum_closed_form_behind_overflow': 'sympy could not reduce lhs - rhs to 0',
    'A2_closed_false_equation_10pow400_eq_0': 'sympy could not reduce lhs - rhs to 0',
    'A3_sympy_sum_closed_form_other_identity': 'sympy could not reduce lhs - rhs to 0',
    'P1_plain_sum_closed_form': 'sympy could not reduce lhs - rhs to 0',
    'A4_false_point_outside_sampling_window': 'sympy could not reduce lhs - rhs to 0',
    'A5_forall_y_in_1_2_y_eq_0': 'sympy could not reduce lhs - rhs to 0',
    'P2_specialize_refutes_instance': 'sympy could not reduce lhs - rhs to 0',
    'P3_sign_version_of_A4': 'sympy could not show >= 0',
    'A6_stateinduction_capture_by_alpha_dummy': 'Dummy is not a node the kernel reads',
    'P4_capture_of_binder_itself': 'Dummy is not a node the kernel reads',
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

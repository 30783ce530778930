"""Adversarial corpus for the proof kernel, round 24: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 23. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, all 10 attacks were
accepted (3 probes were not), in four classes, each a number's value taken from a floating evaluation
that round 23's interval certificates did not cover:

- a function with no interval version, evaluated by sympy at an exact rational argument and
  widened: sympy rounds the argument first, so tan just past its pole at pi/2, cot past pi and the
  digamma function just below its root came out with the wrong sign (A1, A1b, A1c, A3);
- the largest-of-k normals' variance v_k by a quadrature that misses the integrand's spike: 7.08 at
  k = 10^40, where v_k <= 1 (A2, A2b);
- an integer range whose end is a number that is not an integer, read by sympy's ceiling, which takes
  the integer part off a float: n >= 10^40 (10^-20 - log(1 + 10^-20)) (which is about 1/2) started
  at n = 10^20 (A4);
- floor of such a number, which sympy evaluates from a float (floor(1/2) = 10^20), built by the kernel
  when it put a number into a formula (a case, a sum written out) (A5, A5b, A5c).

**Principles:** an enclosure comes only from primitives whose error is bounded for the argument as
given (mpmath's interval functions, tan and cot as quotients with the denominator shown nonzero, and
monotone functions at the exact ends of their argument's enclosure); any other function, a
quadrature included, has none, so its sign is not shown. An integer range's ends are integers as
written. A function whose value sympy reads off a float (floor, ceiling, min, max, sign, a comparison)
is never built at a number that is not rational, and a claim holding one is not decided.
"""

import mpmath
import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, altered_domain, checker
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel.rules import Algebra, Order
from modelcollapse.proofs.kernel.terms import MaxNormalVariance

library_for, check_attack = checker({})

m = sp.Symbol('m', real=True)
j = sp.Symbol('j', integer=True, positive=True)
n = sp.Symbol('n', integer=True, positive=True)


def _rational_past(point, offset):
    """An exact rational within 10^-60 below ``point + offset`` (``point`` an mpmath expression in mp)."""
    with mpmath.workdps(200):
        return sp.Rational(int(mpmath.floor((point() + offset) * 10**60)), 10**60)


#: Just past tan's pole pi/2, cot's pole pi, and just below digamma's positive root (about 1.4616).
PAST_HALF_PI = _rational_past(lambda: mpmath.pi / 2, mpmath.mpf(10) ** -40)
PAST_PI = _rational_past(lambda: mpmath.pi, mpmath.mpf(10) ** -40)
BELOW_DIGAMMA_ROOT = _rational_past(lambda: mpmath.findroot(lambda x: mpmath.psi(0, x), mpmath.mpf('1.4616321449683623')),
                                    -mpmath.mpf(10) ** -40)
#: 10^40 (10^-20 - log(1 + 10^-20)) = 1/2 - 10^-20/3 + ...; sympy's floor and ceiling of it are 10^20.
NEAR_HALF = 10**40 * (sp.Rational(1, 10**20) - sp.log(1 + sp.Rational(1, 10**20)))


def _claim(name, goal, domains=None):
    return algebra_claim(name, goal, domains or {})


def _by_order(name, premise, goal):
    """``goal`` from ``premise`` by Order(1), for every m in [1, 2]: the remainder (m - 1)^2 >= 0."""
    return Proof(name, {"statement": goal}, {m: Domain.real(1, 2)},
                 [Step("P", premise, Algebra()), Step("statement", goal, Order(1), ("P",))])


def A1_tan_across_its_pole():
    """0 < tan(r), r a rational 10^-40 past pi/2: tan(r) is about -10^40. sympy rounds r below pi/2 first."""
    return _claim("A1", sp.Lt(0, sp.tan(PAST_HALF_PI), evaluate=False))


def A1b_tan_to_scalar_falsehood():
    """0 < tan(r) + (m - 1)^2 for every m in [1, 2]: about -10^40 at m = 1."""
    return _by_order("A1b", sp.Lt(0, sp.tan(PAST_HALF_PI), evaluate=False),
                     sp.Lt(0, sp.tan(PAST_HALF_PI) + (m - 1)**2, evaluate=False))


def A1c_cot_across_its_pole():
    """cot(r) < 0, r a rational 10^-40 past pi: cot(r) is about +10^40."""
    return _claim("A1c", sp.Lt(sp.cot(PAST_PI), 0, evaluate=False))


def A2_max_normal_variance_quadrature():
    """1 < v_k at k = 10^40: v_k <= 1 for every k (Gaussian Poincare inequality); it is about 0.00905 there.
    The quadrature gave 7.08."""
    return _claim("A2", sp.Lt(1, MaxNormalVariance(sp.Integer(10)**40), evaluate=False))


def A2b_max_normal_variance_to_scalar_falsehood():
    """1 < v_k + (m - 1)^2 at k = 10^40, for every m in [1, 2]: about 0.00905 at m = 1."""
    v = MaxNormalVariance(sp.Integer(10)**40)
    return _by_order("A2b", sp.Lt(1, v, evaluate=False), sp.Lt(1, v + (m - 1)**2, evaluate=False))


def A3_digamma_across_its_root():
    """0 < digamma(r), r a rational 10^-40 below digamma's root: digamma(r) is about -10^-40."""
    return _claim("A3", sp.Lt(0, sp.polygamma(0, BELOW_DIGAMMA_ROOT), evaluate=False))


def A4_integer_domain_end_by_sympy_ceiling():
    """0 <= (n - 2)(n - 10^20) for every integer n >= 10^40 (10^-20 - log(1 + 10^-20)) (about 1/2): false at
    n = 3. The cases started at sympy's ceiling of the end, 10^20. (Now refused when built; altered after.)"""
    return _claim("A4", sp.Le(0, (n - 2) * (n - 10**20)), {n: altered_domain(kind="integer", lo=NEAR_HALF)})


def A5_floor_rebuilt_by_substitute():
    """floor(x D) = 10^20 for the integer x in [1, 1], D about 1/2: floor(D) is 0. The case x = 1 rebuilt floor(D),
    which sympy evaluated to 10^20."""
    x = sp.Symbol('x', integer=True, positive=True)
    return _claim("A5", sp.Eq(sp.floor(x * NEAR_HALF), 10**20), {x: Domain.integer(1, 1)})


def A5b_floor_inside_a_short_sum():
    """10^20 - 1 < Sum_{j=1}^{1} floor(j D): the sum is 0. Written out, the sum rebuilt floor(D) as 10^20."""
    return _claim("A5b", sp.Lt(10**20 - 1, sp.Sum(sp.floor(j * NEAR_HALF), (j, 1, 1)), evaluate=False))


def A5c_floor_inside_a_short_sum_identity():
    """Sum_{j=1}^{1} floor(j D) = 10^20: the sum is 0 (the same rebuilding, in the normal forms)."""
    return _claim("A5c", sp.Eq(sp.Sum(sp.floor(j * NEAR_HALF), (j, 1, 1)), 10**20, evaluate=False))


def P2_floor_of_constant():
    """Probe: floor(D) = 10^20 written unevaluated, no symbols (sympy's normal forms happened to get 0)."""
    return _claim("P2", sp.Eq(sp.floor(NEAR_HALF, evaluate=False), 10**20, evaluate=False))


EXPECTED = {
    'A1_tan_across_its_pole': 'sympy could not show > 0',
    'A1b_tan_to_scalar_falsehood': 'sympy could not show > 0 | ValueError: premise P',
    'A1c_cot_across_its_pole': 'sympy could not show > 0',
    'A2_max_normal_variance_quadrature': 'sympy could not show > 0',
    'A2b_max_normal_variance_to_scalar_falsehood': 'sympy could not show > 0 | ValueError: premise P',
    'A3_digamma_across_its_root': 'sympy could not show > 0',
    'A4_integer_domain_end_by_sympy_ceiling': "an integer range's ends are integers as written",
    'A5_floor_rebuilt_by_substitute': 'sympy could not reduce lhs - rhs to 0',
    'A5b_floor_inside_a_short_sum': 'sympy could not show > 0',
    'A5c_floor_inside_a_short_sum_identity': 'sympy could not reduce lhs - rhs to 0',
    'P2_floor_of_constant': 'sympy could not reduce lhs - rhs to 0',
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

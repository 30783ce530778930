"""Adversarial corpus for the proof kernel, round 25: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 24. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, 5 attacks were accepted
(the plain 1 <= 0 among them), in two classes:

- a domain's end was a reversed sum, Sum_{j=2}^{0} 1, which the interval certificate wrote out as
  empty (0) while sympy's evaluation reads it by Karr's convention (-1): x in [S, S] claimed
  x >= 0, sympy built |x| as x, and |x| = -1 followed (A1, A1b, A1c). **Principle:** each number
  has one reading, checked before it is read anywhere: a domain's numbers pass the definedness
  check a relation's do (no reversed range; defined; real), and the certificate encloses no
  reversed range;
- the sign rule split c = A - B and trusted sympy's signs of the new numbers A and B, which sympy
  read off a float (1 + 10^-20 rounded to 1 inside a log): two negative halves were taken as
  positive, and c >= 0 followed from A^2 - B^2 > 0 (c is -1.25e-21); then 1 <= 0 by Order.
  **Principle:** any sign a decision rests on is read right, wherever the number came from. Those two
  attacks are not entries here: rejected, they run into the 30 s step limit, too slow for the suite;
  ``tests/proofs/kernel/test_kernel_round10.py`` checks that the halves are flagged.

Each docstring says why the statement is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel.rules import Algebra, Order

library_for, check_attack = checker({})

j = sp.Symbol('j', integer=True)
#: Reversed: sympy reads Sum_{j=2}^{0} 1 as -1 and Product_{j=2}^{0} (-1) as -1 (Karr); as empty, 0 and 1.
REVERSED_SUM = sp.Sum(1, (j, 2, 0))
REVERSED_PRODUCT = sp.Product(-1, (j, 2, 0))


def _one_point(name, goal, x, end):
    return Proof(name, {"statement": goal}, {x: Domain.real(end, end)}, [Step("statement", goal, Algebra())])


def A1_reversed_sum_domain_bound():
    """|x| = -1 for x in [S, S], S the reversed sum: |x| is 0 or 1 whichever reading S gets, never -1."""
    x = sp.Symbol('x', real=True, nonnegative=True)
    return _one_point("A1", sp.Eq(sp.Abs(x), -1, evaluate=False), x, REVERSED_SUM)


def A1b_reversed_product_domain_bound():
    """|x| = -1 for x in [P, P], P the reversed product (1 or -1): |x| is 1."""
    x = sp.Symbol('x', real=True, positive=True)
    return _one_point("A1b", sp.Eq(sp.Abs(x), -1, evaluate=False), x, REVERSED_PRODUCT)


def A1c_reversed_sum_sqrt():
    """sqrt(x^2) + x = -2 for x in [S, S]: it is |S| + S = 0 whichever reading S gets."""
    x = sp.Symbol('x', real=True, nonnegative=True)
    return _one_point("A1c", sp.Eq(sp.sqrt(x**2) + x, -2, evaluate=False), x, REVERSED_SUM)


def P1_complex_domain_bound():
    """Probe: x^2 = -1 for real x in [i, i], a range with no real values."""
    x = sp.Symbol('x', real=True)
    return _one_point("P1", sp.Eq(x**2, -1, evaluate=False), x, sp.I)


def P2_reversed_sum_as_order_scale():
    """Probe: 0 <= -1 from 0 <= 1 by Order with the scale -1 + 2 S (1 as an empty sum, -3 by sympy's reading)."""
    goal = sp.Le(0, -1, evaluate=False)
    return Proof("P2", {"statement": goal}, {},
                 [Step("P", sp.Le(0, 1, evaluate=False), Algebra()),
                  Step("statement", goal, Order(-1 + 2 * REVERSED_SUM), ("P",))])


EXPECTED = {
    'A1_reversed_sum_domain_bound': 'its range may be reversed || which its domain (real >= ',
    'A1b_reversed_product_domain_bound': 'its range may be reversed || which its domain (real >= ',
    'A1c_reversed_sum_sqrt': 'its range may be reversed || which its domain (real >= ',
    'P1_complex_domain_bound': 'the domain of x: an imaginary unit',
    'P2_reversed_sum_as_order_scale': 'the scale is not shown positive',
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

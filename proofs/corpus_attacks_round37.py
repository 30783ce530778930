"""Adversarial corpus for the proof kernel, round 37: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 36. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, its one entry was
accepted: a number node built without sympy's normalising constructor, p = 1, q = -1, whose value is
-1. sympy reads a rational's sign from its numerator alone, so it was called positive; a finite
set holding it marked the entries of a vector over it positive, and |a[1]| - a[1] = 0 followed,
though it is 2 at a[1] = -1 (a factor 10^-20 kept the value below the refutation's tolerance).

**Principle:** the kernel reads the contents of a number node, not only its class: a rational must be
written as sympy writes it, integers p and q > 0 in lowest terms, an Integer exactly when q = 1
(:func:`~modelcollapse.proofs.kernel.terms.exact`).
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.kernel import Domain

library_for, check_attack = checker({})


def _unnormalised(p, q):
    """p/q as a Rational node built without normalisation (sympy's Rational(p, q) stores -p/-q for q < 0)."""
    number = sp.Expr.__new__(sp.Rational)
    number.p, number.q = p, q
    return number


def A1_vector_of_minus_one_entries():
    """10^-20 (|a[1]| - a[1]) = 0 for every vector a of entries in {1/(-1)} = {-1}: 2 10^-20 at a[1] = -1."""
    a = sp.IndexedBase("a", real=True)
    goal = sp.Eq(sp.Mul(sp.Rational(1, 10**20), sp.Add(sp.Abs(a[1], evaluate=False), -a[1], evaluate=False),
                        evaluate=False), 0, evaluate=False)
    return algebra_claim("A1_vector_of_minus_one_entries", goal, {a: Domain.vector(Domain.finite([_unnormalised(1, -1)]))})


EXPECTED = {"A1_vector_of_minus_one_entries": "a number is not written in lowest terms"}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

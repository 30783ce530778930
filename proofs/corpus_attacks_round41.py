"""Adversarial corpus for the proof kernel, round 41: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 40 (which made the kernel
copy every node from what it states). ``attacks()`` returns ``(name, build, expected)`` as in the earlier
rounds. When written, 1 of the 4 was accepted: the copy of a vector's entry kept the facts the entry stated
of itself, which sympy otherwise takes from its vector. An entry of a vector of reals in [0, 1] stating
that it is a nonnegative integer let sympy rewrite (x^2)^(v[1]) as x^(2 v[1]) while forming a difference,
and x^(2 v[1]) = (x^2)^(v[1]) was proved for every real x (false at x = -1, v[1] = 1/2). The three others
were not accepted, but the copy was not faithful to them: a zero built as a plain Integer (not sympy's
own zero, which sympy's code tells by identity), an abstract rational class whose copy kept only its
numerator, and a node that holds itself (the kernel's walk over it did not end).

**Principle:** the copy of a node states what sympy's own constructor would: an entry states its vector's
facts (an entry stating others is refused), a number is built by sympy's constructor from its value (so 0,
1, -1 and 1/2 are sympy's own), a number is an Integer or a Rational, and a node that holds itself is
refused (:func:`~modelcollapse.proofs.kernel.terms.rebuilt`).
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.kernel import Domain

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)


def indexed_entry_fake_integer():
    """FALSE: x^(2 v[1]) = (x^2)^(v[1]) for every real x, v one entry, a real in [0, 1].
    Counterexample: x = -1, v[1] = 1/2: (-1)^1 = -1 against ((-1)^2)^(1/2) = 1.

    The entry object states integer and nonnegative of itself (its vector states neither)."""
    x = sp.Symbol("x", real=True)
    v = sp.IndexedBase("v")
    entry = sp.Indexed(v, 1)
    sp.IndexedBase._set_assumptions(entry, {"integer": True, "nonnegative": True})
    goal = sp.Eq(sp.Pow(x, sp.Mul(2, entry, evaluate=False), evaluate=False),
                 sp.Pow(sp.Pow(x, 2, evaluate=False), entry, evaluate=False), evaluate=False)
    return algebra_claim("indexed_entry_fake_integer", goal,
                         {x: Domain.real(), v: Domain.vector(Domain.real(0, 1), length=1)})


def zero_not_sympys_zero():
    """FALSE: x + z > x for every real x, with z a zero built as a plain Integer (not sympy's own zero)."""
    x = sp.Symbol("x", real=True)
    zero = sp.Basic.__new__(sp.Integer)
    zero.p = 0
    return algebra_claim("zero_not_sympys_zero", sp.Gt(sp.Add(x, zero, evaluate=False), x, evaluate=False),
                         {x: Domain.real()})


def abstract_rational_class():
    """FALSE: r > 1 for an instance r of sympy's abstract RationalConstant stating p = 3, q = 4 (3/4 < 1)."""
    number = sp.Basic.__new__(sp.core.numbers.RationalConstant)
    number.p, number.q = 3, 4
    return algebra_claim("abstract_rational_class", sp.Gt(number, 1, evaluate=False), {})


def node_holds_itself():
    """FALSE (or meaningless): a sum that is one of its own terms, claimed > 0."""
    x = sp.Symbol("x", real=True)
    node = sp.Add(x, 1, evaluate=False)
    node._args = (x, node)
    return algebra_claim("node_holds_itself", sp.Gt(node, 0, evaluate=False), {x: Domain.real()})


EXPECTED = {
    "indexed_entry_fake_integer": "an entry states facts other than its vector's",
    "zero_not_sympys_zero": "sympy could not show > 0",
    "abstract_rational_class": "a number is not written in lowest terms",
    "node_holds_itself": "holds itself",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

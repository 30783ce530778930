"""Adversarial corpus for the proof kernel, round 39: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 38. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, all 5 were accepted, by
one mechanism: many sympy node classes (exp, log, Abs, Piecewise, Indexed, the kernel's words) let a
single node carry attributes of its own, which hide its class's. An exp(-1000) node claiming
is_Rational with p = -1 was read as -1 by the kernel's interval certificates (exp(-1000) <= 0), and
a poisoned verdict memo then answered a clean proof; exp(1/2) and log(1/2) both claiming is_Number
compared equal under sympy's equality (log(1/2) > 0 from exp(1/2) > 0), also through a lemma mutated
after its check; and Abs(1/2) claiming is_Integer let Shift put n = 1/2 into a claim shown for
integers. The tampered nodes are built with evaluate=False, so that sympy's construction cache hands
no other code the same object.

**Principle:** a node is what its class says: one carrying an attribute of its own that hides its
class's is refused, in the kernel's copy and in its text, so in every fingerprint (but for the
number of arguments, which sympy sets on every function node)
(:func:`~modelcollapse.proofs.kernel.terms.exact`).
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import Domain, Library, Proof, Step
from modelcollapse.proofs.kernel import rules as R

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)


def _fake_rational(node, p, q=1):
    """Shadow the class attributes is_Rational (False on exp) and add p, q on one node's own __dict__."""
    node.__dict__.update(is_Rational=True, p=p, q=q)
    return node




def exp_tiny_nonpositive():
    """FALSE: exp(-1000) <= 0.  Counterexample: mpmath.exp(-1000) = 5.08e-435 > 0.

    The node exp(-1000) carries is_Rational=True, p=-1, q=1 in its instance __dict__; terms.enclosure
    reads `e.is_Rational` and then `e.p / e.q` (terms.py, enclosure's first lines), so interval
    arithmetic "certifies" -exp(-1000) = 1 >= 0. Numeric refutation (tolerance 1e-10) cannot see 5e-435."""
    node = _fake_rational(sp.exp(sp.Integer(-1000), evaluate=False), -1)
    goal = sp.Le(node, 0, evaluate=False)
    return Proof("exp_tiny_nonpositive", {"statement": goal}, {}, [Step("statement", goal, R.Algebra())])




def verdict_cache_poisoned():
    """FALSE: exp(-1000) <= 0, stated by a main proof whose own objects are all untouched sympy nodes.
    Counterexample: mpmath.exp(-1000) = 5.08e-435 > 0.

    The cited lemma "poison" proves a true goal (exp(-1000) >= 0) and, in an extra step, checks a shadowed
    exp(-1000, evaluate=False) node (is_Rational=True, p=-1) at the same question. decide._VERDICTS (and
    the lru caches of terms.py: certified_sign, _read_exactly, _number_misread, _standing_for) are keyed
    by sympy equality, which does not read an instance's __dict__: the main proof's clean question
    ("weak", -exp(-1000), {}) hits the poisoned verdict. (sympy's own construction cache matters too:
    the fake must be built with evaluate=False, else every later exp(-1000) IS the fake object.)"""
    true_goal = sp.Ge(sp.exp(sp.Integer(-1000)), 0, evaluate=False)
    fake = _fake_rational(sp.exp(sp.Integer(-1000), evaluate=False), -1)
    lemma = Proof("poison", {"statement": true_goal}, {}, [
        Step("statement", true_goal, R.Algebra()),
        Step("aside", sp.Le(fake, 0, evaluate=False), R.Algebra())])
    clean = sp.Le(sp.exp(sp.Integer(-1000)), 0, evaluate=False)
    main = Proof("verdict_cache_poisoned", {"statement": clean}, {}, [
        Step("use", sp.Ge(sp.exp(sp.Integer(-1000)), 0, evaluate=False), R.Rewrite(), ("cite:poison",)),
        Step("statement", clean, R.Algebra())])
    _LIBRARIES["verdict_cache_poisoned"] = Library({"poison": lemma})
    return main




def is_number_equality():
    """FALSE: log(1/2) > 0.  Counterexample: mpmath.log(0.5) = -0.693 < 0.

    sympy's Basic.__eq__ skips its type comparison when both sides have is_Number true, then compares
    _hashable_content (the args). exp(1/2) and log(1/2, evaluate=False) each carry is_Number=True in
    their own __dict__: they compare equal (same args (1/2,)). Step 1 proves exp(1/2) > 0 (true); step 2
    Rewrite (no equalities, target = step 1) concludes log(1/2) > 0 through rules.same's `a == b`."""
    half = sp.Rational(1, 2)
    a = sp.exp(half, evaluate=False)
    a.__dict__["is_Number"] = True
    b = sp.log(half, evaluate=False)
    b.__dict__["is_Number"] = True
    s1, goal = sp.Gt(a, 0, evaluate=False), sp.Gt(b, 0, evaluate=False)
    return Proof("is_number_equality", {"statement": goal}, {}, [
        Step("s1", s1, R.Algebra()), Step("statement", goal, R.Rewrite(), ("s1",))])




def cited_lemma_mutated_after_check():
    """FALSE: log(1/2) > 0.  Counterexample: mpmath.log(0.5) = -0.693 < 0.

    The lemma exp(1/2) > 0 is checked CLEAN (nothing shadowed). The kernel's snapshot of it holds the
    caller's own node (terms.exact copies dataclasses, but returns sympy nodes as they are). After the
    lemma's check its exp node gets is_Number=True in its __dict__: the fingerprint (srepr text) is
    unchanged, so check._cited accepts the citation, but equality now reads otherwise: the main proof's
    Rewrite step concludes log(1/2) > 0 (its log node also is_Number=True) from the cited lemma."""
    half = sp.Rational(1, 2)
    a = sp.exp(half, evaluate=False)
    lemma_goal = sp.Gt(a, 0, evaluate=False)
    lemma = Proof("lemma", {"statement": lemma_goal}, {}, [Step("statement", lemma_goal, R.Algebra())])
    library = Library({"lemma": lemma})
    assert library.report("lemma").ok  # checked clean, snapshot taken
    a.__dict__["is_Number"] = True  # after the check: invisible to the fingerprint
    b = sp.log(half, evaluate=False)
    b.__dict__["is_Number"] = True
    goal = sp.Gt(b, 0, evaluate=False)
    main = Proof("cited_lemma_mutated_after_check", {"statement": goal}, {},
                 [Step("statement", goal, R.Rewrite(), ("cite:lemma",))])
    _LIBRARIES["cited_lemma_mutated_after_check"] = library
    return main




def shift_to_non_integer():
    """FALSE: for every real x, x exp(-1000) sin(pi |1/2|) = 0.  Counterexample: x = 1,
    mpmath.exp(-1000) * mpmath.sin(mpmath.pi / 2) = 5.08e-435 != 0.

    Step 1 (true, Algebra): x exp(-1000) sin(pi n) = 0 for integers n >= 0. Step 2: rules.Shift with
    value = Abs(1/2, evaluate=False) carrying is_Integer=True in its __dict__: Shift reads
    `k.is_Integer and k >= 0 and (value.is_Integer or ...)` (rules.py, Shift.verify), k = value - 0 is the
    value itself. The instance is refuted numerically only beyond 1e-10: 5e-435 passes."""
    n = sp.Symbol("n", integer=True, nonnegative=True)
    x = sp.Symbol("x", real=True)
    c = sp.exp(sp.Integer(-1000), evaluate=False)
    prem = sp.Eq(sp.Mul(c, x, sp.sin(sp.pi * n, evaluate=False), evaluate=False), 0, evaluate=False)
    half = sp.Abs(sp.Rational(1, 2), evaluate=False)
    half.__dict__["is_Integer"] = True
    inst = sp.Eq(sp.Mul(x, c, sp.sin(sp.Mul(sp.pi, half)), evaluate=False), 0, evaluate=False)
    return Proof("shift_to_non_integer", {"statement": inst}, {n: Domain.integer(0), x: Domain.real()}, [
        Step("all", prem, R.Algebra()),
        Step("statement", inst, R.Shift(symbol=n, value=half), ("all",))])

EXPECTED = {
    "exp_tiny_nonpositive": "overrides what its class says of it",
    "verdict_cache_poisoned": "overrides what its class says of it",
    "is_number_equality": "overrides what its class says of it",
    "cited_lemma_mutated_after_check": "overrides what its class says of it",
    "shift_to_non_integer": "overrides what its class says of it",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

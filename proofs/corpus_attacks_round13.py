"""Adversarial corpus for the proof kernel, round 13: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 12. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, 3 of these 5 were
accepted, all of one class: a case's value captured by a sum's index. A domain's bound may name a
symbol that is also a sum's index elsewhere (a >= j + 1000 beside sum_{j=1}^{n} min(a, j)); the Limit
rule substituted its cases without renaming binders first, so a -> j + 1000 + a' landed under the
binder j and min(a, j) became j: a limit of sum_{j=1}^{n} min(a, j) was accepted as n(n + 1)/2 (at
a = 0, n = 1 it is 0). The principle that closes it: substituting a case renames the expression's
binders fresh first, in the one function every caller uses (``Space.substitute``). Each docstring
says why the statement is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel.rules import Algebra, Limit

library_for, check_attack = checker({})

j, n, g = sp.symbols("j n g", integer=True)
a = sp.Symbol("a", real=True)
DOMAINS = {j: Domain.integer(), a: Domain.real(j + 1000), n: Domain.integer(0), g: Domain.integer(0)}


def A1_limit_case_capture():
    """Eq(Limit(Sum(Min(a, j), (j, 1, n)), g, oo), n(n+1)/2) with j any integer, a >= j + 1000 (so a is
    any real), n >= 0.

    (a) FALSE: the limit of a constant is the constant, sum_{i=1}^n min(a, i). At j = -1000, a = 0, n = 1
    it is min(0, 1) = 0, not 1 (a = 0, n = 2: 0 vs 3).
    (b) Slips past: relation_problem forbids the index j to occur FREE in the relation, but not to be a
    symbol with a DOMAIN that other domains name (a's lower bound j + 1000). The Limit rule substitutes
    its cases with Space.substitute(X, case) directly (rules.py Limit.verify), without fresh_binders /
    Space.opaque: case {j: j_r, a: j + 1000 + a_m}, applied twice, puts j_r into the summand under the
    binder j_r: Min(j_r + 1000 + a_m, j_r) = j_r, and the sum becomes n(n+1)/2; is_zero then sees a true
    identity. (Algebra is safe: failing_case goes through Space.opaque, which renames binders: P1.)"""
    rel = sp.Eq(sp.Limit(sp.Sum(sp.Min(a, j), (j, 1, n)), g, sp.oo), n * (n + 1) / 2)
    return Proof("A1", {"statement": rel}, dict(DOMAINS), [Step("s", rel, Limit())])


def A2_limit_case_capture_zero():
    """Eq(Limit(Sum(Min(a, j) - j, (j, 1, n)), g, oo), 0): "for every real a, sum_{i<=n} (min(a, i) - i) = 0".

    (a) FALSE: a = 0 (j = -1000), n = 1: min(0, 1) - 1 = -1, not 0.
    (b) Same hole as A1 (capture of the index by a case of another domain in Limit.verify)."""
    rel = sp.Eq(sp.Limit(sp.Sum(sp.Min(a, j) - j, (j, 1, n)), g, sp.oo), 0)
    return Proof("A2", {"statement": rel}, dict(DOMAINS), [Step("s", rel, Limit())])


def A3_limit_case_capture_plain():
    """Eq(Limit(Sum(a, (j, 1, n)), g, oo), n(n+1)/2) with j any integer, a in [j, j] (a = j), n >= 0.

    (a) FALSE: the sum is n*a; at j = a = 0, n = 1 it is 0, not 1 (a = 5, n = 1: 5 vs 1).
    (b) Same hole as A1 with no Min at all: the case of a is j (lo + (hi - lo) u/(1 + u) = j), which the
    second pass of Space.substitute turns into the binder j_r, so Sum(a) becomes Sum(j_r) = n(n+1)/2."""
    rel = sp.Eq(sp.Limit(sp.Sum(a, (j, 1, n)), g, sp.oo), n * (n + 1) / 2)
    doms = {j: Domain.integer(), a: Domain.real(j, j), n: Domain.integer(0), g: Domain.integer(0)}
    return Proof("A3", {"statement": rel}, doms, [Step("s", rel, Limit())])


def P1_algebra_same_claim():
    """The A1 claim without the Limit, by Algebra: rejected (opaque renames binders before the cases)."""
    rel = sp.Eq(sp.Sum(sp.Min(a, j), (j, 1, n)), n * (n + 1) / 2)
    doms = {k: v for k, v in DOMAINS.items() if k != g}
    return Proof("P1", {"statement": rel}, doms, [Step("s", rel, Algebra())])


def P2_index_range_reversed():
    """Capture set-up with n >= j (j any integer): rejected, the range 1..n may be reversed."""
    rel = sp.Eq(sp.Limit(sp.Sum(sp.Min(a, j), (j, 1, n)), g, sp.oo), n * (n + 1) / 2)
    doms = {j: Domain.integer(), a: Domain.real(j + 1000), n: Domain.integer(j), g: Domain.integer(0)}
    return Proof("P2", {"statement": rel}, doms, [Step("s", rel, Limit())])


#: The reason each entry must be rejected for.
EXPECTED = {
    'A1_limit_case_capture': 'the limit has another value',
    'A2_limit_case_capture_zero': 'the limit has another value',
    'A3_limit_case_capture_plain': 'the limit has another value',
    'P1_algebra_same_claim': 'sympy could not reduce lhs - rhs to 0',
    'P2_index_range_reversed': 'its range may be reversed',
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

"""The principles that close the eighth round of attacks, each with an honest case the kernel
accepts beside an attack it rejects (the attacks themselves: proofs/corpus_attacks_round8.py): a
binder's flags are implied by its range, a sum takes one limit, what a rule reads as a number is one,
and rewriting never erases what may have no value."""

import sympy as sp

from modelcollapse.proofs.kernel import Domain, Proof, Step, check
from modelcollapse.proofs.kernel.rules import Algebra

n = sp.Symbol("n", integer=True, positive=True)
y = sp.Symbol("y", real=True)


def verdict(goal, domains):
    return check(Proof("p", {"statement": goal}, domains, [Step("s", goal, Algebra())]))


def test_a_binder_claims_only_what_its_range_implies():
    k = sp.Symbol("k", integer=True, positive=True)
    assert verdict(sp.Eq(sp.Sum(k, (k, 1, n)), n * (n + 1) / 2), {n: Domain.integer(1)}).ok
    rejected = verdict(sp.Gt(sp.Sum(k + 1, (k, 0, n)), 0, evaluate=False), {n: Domain.integer(1)})
    assert not rejected.ok and "claims positive=True, which its range does not imply" in rejected.summary()


def test_a_sum_takes_one_limit():
    # sympy reads Sum(f, (j, 1, i), (i, 1, n)) with the i of the first limit bound by the second, but
    # Sum(f, (i, 1, 1), (j, 1, i)) with it free: the kernel reads one limit per sum only.
    i, j = sp.symbols("i j", integer=True)
    assert verdict(sp.Eq(sp.Sum(j, (j, 1, n)), n * (n + 1) / 2), {n: Domain.integer(1)}).ok
    assert "takes one limit" in verdict(sp.Eq(sp.Sum(1, (j, 1, i), (i, 1, n)), n * (n + 1) / 2),
                                        {n: Domain.integer(1)}).summary()

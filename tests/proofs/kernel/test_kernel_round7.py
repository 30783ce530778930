"""The principles that close the seventh round of attacks, each with an honest case the kernel
accepts beside the attack it rejects (the attacks themselves: proofs/corpus_attacks_round7.py):
some entry of a probability vector carries mass above 0 (not above its lower end), an index stays
inside its vector under a sum too, a sum's limits carry obligations, and no claim is settled by
sympy's evaluation of a relation."""

import sympy as sp

from modelcollapse.proofs.kernel import Domain, Proof, Step, check
from modelcollapse.proofs.kernel.rules import Algebra, Rewrite

j = sp.Symbol("j", integer=True)
n = sp.Symbol("n", integer=True, positive=True)
x = sp.Symbol("x", real=True)
p = sp.IndexedBase("p", positive=True)
HALF = sp.Rational(1, 2)


def accepted(goal, domains, steps=None):
    return check(Proof("p", {"statement": goal}, domains, steps or [Step("s", goal, Algebra())])).ok


def test_entries_bounded_below_carry_their_mass_from_their_lower_end():
    halves = {p: Domain.vector(Domain.real(HALF, 1), 2, 1)}
    q = sp.IndexedBase("q", nonnegative=True)
    assert accepted(sp.Gt(sp.Sum(q[j] ** 2, (j, 1, 2)), 0), {q: Domain.vector(Domain.real(0, 1), 2, 1)})
    assert not accepted(sp.Gt(sp.Sum(p[j] - HALF, (j, 1, 2)), 0), halves)       # p = (1/2, 1/2) gives 0


def test_an_index_under_a_sum_stays_inside_its_vector():
    simplex = {n: Domain.integer(2), p: Domain.vector(Domain.real(0, 1, lo_open=True), n, 1)}
    assert accepted(sp.Ge(sp.Sum(p[j] ** 2, (j, 1, n - 1)), 0, evaluate=False), simplex)
    assert accepted(sp.Ge(sp.Sum(p[j + 1], (j, 0, n - 1)), 0, evaluate=False), simplex)
    assert not accepted(sp.Ge(sp.Sum(p[j + 1], (j, 0, n)), 0, evaluate=False), simplex)


def test_a_sums_limits_carry_obligations():
    whole = {n: Domain.integer(1)}
    assert accepted(sp.Eq(sp.Sum(1, (j, sp.floor(sp.log(n)), sp.floor(sp.log(n)) + 2)), 3), whole)
    assert not accepted(sp.Eq(sp.Sum(1, (j, sp.floor(sp.log(n - 1)), sp.floor(sp.log(n - 1)) + 2)), 3), whole)


def test_no_claim_is_settled_by_sympys_evaluation():
    zero = sp.sqrt(2) + sp.sqrt(3) - sp.sqrt(5 + 2 * sp.sqrt(6))
    honest, false = sp.Gt(zero ** 2 + 1, 0, evaluate=False), sp.Gt(zero ** 2, 0, evaluate=False)

    def by_rewrite(claim):
        trivial = sp.Eq(sp.sqrt(2), sp.sqrt(2), evaluate=False)
        return accepted(claim, {x: Domain.real()}, [Step("p", trivial, Algebra()), Step("s", claim, Rewrite(), ("p",))])
    assert by_rewrite(honest) and not by_rewrite(false)
    # A connective is rebuilt unevaluated: sympy's sign of the hidden zero never turns it into True.
    assert not by_rewrite(sp.And(false, sp.Gt(zero ** 4, 0, evaluate=False)))

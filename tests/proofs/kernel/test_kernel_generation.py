"""Laws that read their generation, products over the generations, and cited limits: each relaxed
check accepted where it holds and rejected, with its message, where it does not."""

import mpmath
import pytest
import sympy as sp

from modelcollapse.proofs import corpus_attacks_mixing as M
from modelcollapse.proofs import kernel, law_of
from modelcollapse.proofs.corpus_attacks import rejection_text
from modelcollapse.proofs.kernel import Domain, Draw, E, Law, Proof, Rand, StateVar, Step
from modelcollapse.proofs.kernel.rules import Limit
from modelcollapse.theory.accumulation import ACCUMULATE

g = M.g


def _law(update, domain=Domain.real(), init=0, draws=()):
    return Law("l", g, {}, (StateVar("X", init, update, domain),), draws)


def test_a_law_may_read_its_generation_through_positive_bases():
    X = Rand("X", g)
    for law in (M.shrink_law(), law_of(ACCUMULATE), _law(X + 2 ** g), _law(X * sp.sqrt(g + 1), Domain.real(0)),
                _law(X + (g - 3) ** 2, Domain.real(0))):
        assert law.problems() == [], law.problems()


@pytest.mark.parametrize("update, domain, message", [
    (Rand("X", g) + 1 / (g - 1), Domain.real(), "the base of 1/(g - 1) is not shown > 0"),
    (Rand("X", g) + sp.sqrt(g - 2), Domain.real(), "the base of sqrt(g - 2) is not shown > 0"),
    (Rand("X", g) * (-1) ** g, Domain.real(), "the base of (-1)**g is not shown > 0"),
    (Rand("X", g) + sp.floor(g / 2), Domain.real(), "floor(g/2) reads the generation through a function"),
    (Rand("X", g) - 1 / (g + 1), Domain.real(0), "X_g - 1/(g + 1) >= 0 is not shown"),
    (Rand("X", g + 1) / (g + 1), Domain.real(), "uses ['X_{g + 1}'], which it may not"),
    (Rand("X", g - 1), Domain.real(), "uses ['X_{g - 1}'], which it may not"),
])
def test_a_law_that_reads_its_generation_badly_is_rejected(update, domain, message):
    assert any(message in p for p in _law(update, domain).problems()), _law(update, domain).problems()


def test_initial_values_and_draws_are_checked_at_every_generation():
    assert any("initial value of X uses undeclared symbols ['g']" in p for p in _law(Rand("X", g), init=g).problems())
    draws = (Draw("D", "Normal", (0, 1 - g)),)
    assert any("argument 1 - g of D: 1 - g >= 0 is not shown" in p
               for p in _law(Rand("X", g) + Rand("D", g), draws=draws).problems())
    draws = (Draw("D", "Normal", (0, 1 / (g + 1))),)
    assert _law(Rand("X", g) + Rand("D", g), draws=draws).problems() == []


def _context(proof):
    from modelcollapse.proofs.kernel.check import Context
    law = proof.law
    return Context(kernel.Space(proof.domains, law.rand_domains() if law else {}), law, ())


def _statement_of(proof):
    rep = kernel.check(proof)
    return rep, rejection_text(rep)


def test_induction_products_run_over_integers():
    proof = M.shrink_limit()
    rep = kernel.check(Proof("ind", {"statement": proof.steps[4].relation}, proof.domains, proof.steps[:5], proof.law))
    assert rep.ok, rep.summary()
    rep, text = _statement_of(M.induction_product_noninteger_limits())
    # The definedness gate, the rule itself, or (first) the index's domain, whose ends must be integers as written.
    assert not rep.ok and ("limits must be integers" in text or "integers as written" in text)
    # The rule's own check, reached directly (its closed forms are its fields, not the step's relation).
    bad = M.induction_product_noninteger_limits()
    step = bad.steps[-1]
    premises = [s.relation for s in bad.steps[:4] if s.label in step.premises]
    verdict = step.rule.check(step.relation, premises, _context(bad))
    assert not verdict.ok and "limits must be integers" in verdict.message, verdict.message


def test_limit_carries_a_cited_limit_polynomially_and_nothing_else():
    assert kernel.check(M.shrink_limit()).ok
    # Polynomials of the cited sequence: E[X_g]^2 + 1 -> 4/pi^2 + 1.
    proof = M.shrink_limit()
    rel = sp.Eq(sp.Limit(E(Rand("X", g)) ** 2 + 1, g, sp.oo), 4 / sp.pi**2 + 1, evaluate=False)
    rep = kernel.check(Proof("square", {"statement": rel}, proof.domains,
                             proof.steps[:-1] + [Step("lim", rel, Limit(), ("ind", "euler"))], proof.law))
    assert rep.ok, rep.summary()
    for build, message in ((M.cited_limit_wrong_value, "the limit has another value"),
                           (M.cited_limit_times_growth, "polynomially and alone"),
                           (M.cited_limit_binds_generation, "deterministic and free of g")):
        rep, text = _statement_of(build())
        assert not rep.ok and message in text, (build.__name__, text)
    # 1/P with P -> 0: the definedness gate stops the relation; the rule itself refuses the reciprocal.
    bad = M.cited_limit_reciprocal_of_zero()
    euler_step, limit_step = bad.steps
    verdict = limit_step.rule.check(limit_step.relation, [euler_step.relation], _context(bad))
    assert not verdict.ok and "polynomially and alone" in verdict.message, verdict.message


@pytest.mark.parametrize("x", [0.3, 2 ** -0.5, 2.5])
def test_euler_axiom_agrees_with_its_partial_products(x):
    """The axiom as the kernel states it, against mpmath: its partial product at N = 10^5 and its
    value (the partial products' error is about x^2 / N)."""
    inst = M.euler(sp.Float(x, 30))
    P, value = inst.lhs.args[0], inst.rhs
    f = sp.lambdify(P.limits[0][0], P.function, "mpmath")
    partial = mpmath.fprod(f(mpmath.mpf(k)) for k in range(1, 10**5 + 1))
    assert float(partial) == pytest.approx(float(value), abs=5 * x**2 * 1e-5)
    assert float(value) == pytest.approx(float(mpmath.sin(mpmath.pi * x) / (mpmath.pi * x)), rel=1e-14)


def test_euler_axiom_instances_meet_its_condition():
    half = sp.Rational(1, 2)
    step = M.shrink_steps()[-1]
    assert kernel.check(Proof("euler", {"statement": step.relation}, {}, [step])).ok
    for build in (M.euler_axiom_at_zero, M.euler_axiom_binds_generation):
        bad = build()
        assert not kernel.check(bad).ok
        step = bad.steps[0]
        verdict = step.rule.check(step.relation, [], _context(bad))
        assert not verdict.ok and "side condition" in verdict.message, verdict.message
    assert M.euler(half).rhs == 2 / sp.pi  # the instance's value at x = 1/2

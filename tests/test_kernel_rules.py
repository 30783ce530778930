"""Each rule accepts what is true and rejects what is false (or undecided)."""

import sympy as sp

from modelcollapse.proofs.legacy.decide import Assumed, is_positive, is_zero
from modelcollapse.proofs.legacy.kernel import Library
from modelcollapse.proofs.legacy.rules import (Algebra, ByAxiom, Expectation, Induction, Inequality, Integrate, LemmaInstance,
                                        Limit, Rewrite)
from modelcollapse.theory import gaussian as G
from modelcollapse.theory.assumptions import IntegerAtLeast, OneOf, PositiveReal
from modelcollapse.theory.symbols import E, X, ddof, n, sigma, sigma0, t, x

SPACE = Assumed([IntegerAtLeast("n", n, 2), IntegerAtLeast("t", t, 0), OneOf("ddof", ddof, (0, 1)),
                 PositiveReal("sigma0", sigma0)])
A = (IntegerAtLeast("n", n, 2), IntegerAtLeast("t", t, 0), OneOf("ddof", ddof, (0, 1)), PositiveReal("sigma0", sigma0))


def ok(rule, rel, premises=()):
    return rule.check(rel, list(premises), SPACE, Library()).ok


def test_decide_uses_the_assumptions():
    assert is_positive(n - 1, SPACE)[0]            # n >= 2
    assert not is_positive(n - 2, SPACE)[0]        # n = 2 allowed
    assert is_positive(n - 2, SPACE, strict=False)[0]
    assert is_positive(n - ddof, SPACE)[0]         # both cases
    assert not is_positive(1 - ddof, SPACE)[0]     # false for ddof = 1
    assert is_zero((n**2 - 1) / (n - 1) - n - 1, SPACE)[0]
    assert not is_zero((n**2 - 1) / (n - 1) - n, SPACE)[0]


def test_algebra():
    assert ok(Algebra(), sp.Lt((n - 1) / (n - ddof), sp.Integer(1) + 1))
    assert not ok(Algebra(), sp.Lt((n - 1) / (n - ddof), 1))  # equality for ddof = 1
    assert ok(Algebra(), sp.Le((n - 1) / (n - ddof), 1))
    assert not ok(Algebra(), sp.Eq(sp.log(n) - sp.log(n - 1), sp.log(n / (n - 2))))


def test_rewrite_substitutes_premises_only_left_to_right():
    p1 = sp.Eq(E(X(t)), n - 1)
    assert ok(Rewrite(), sp.Eq(E(X(t)) / (n - ddof), (n - 1) / (n - ddof)), [p1])
    assert not ok(Rewrite(), sp.Eq(E(X(t)) / (n - ddof), n / (n - ddof)), [p1])
    assert not ok(Rewrite(), sp.Eq(E(X(t)), n - 1), [])


def test_expectation_splits_only_independent_factors():
    law = sp.Eq(sigma(t + 1) ** 2, sigma(t) ** 2 * X(t) / (n - ddof))
    good = sp.Eq(E(sigma(t + 1) ** 2), E(sigma(t) ** 2) * E(X(t)) / (n - ddof))
    assert ok(Expectation(), good, [law])
    # sigma_{t+1} and X_t are dependent: E[sigma_{t+1}^2 X_t] may not be split.
    law2 = sp.Eq(sigma(t + 1) ** 2 * X(t), sigma(t) ** 2 * X(t) ** 2 / (n - ddof))
    bad = sp.Eq(E(sigma(t + 1) ** 2) * E(X(t)), E(sigma(t) ** 2) * E(X(t) ** 2) / (n - ddof))
    assert not ok(Expectation(), bad, [law2])
    # A premise that already holds expectations is not pathwise.
    assert not ok(Expectation(), good, [good])


def test_integrate():
    assert ok(Integrate(), sp.Eq(sp.Integral(sp.exp(-x), (x, 0, sp.oo)), 1))
    assert not ok(Integrate(), sp.Eq(sp.Integral(sp.exp(-x), (x, 0, sp.oo)), 2))
    assert not ok(Integrate(), sp.Eq(sp.Integer(1), 1))


def test_induction_checks_base_and_step():
    F = E(sigma(t) ** 2)
    base = sp.Eq(E(sigma(0) ** 2), sigma0**2)
    step = sp.Eq(E(sigma(t + 1) ** 2), (n - 1) / (n - ddof) * E(sigma(t) ** 2))
    good = sp.Eq(F, sigma0**2 * ((n - 1) / (n - ddof)) ** t)
    assert ok(Induction(), good, [base, step])
    assert not ok(Induction(), sp.Eq(F, sigma0**2 * ((n - 1) / (n - ddof)) ** (t + 1)), [base, step])
    # Step holds but base fails.
    assert not ok(Induction(), sp.Eq(F, 2 * sigma0**2 * ((n - 1) / (n - ddof)) ** t), [base, step])
    # Base holds at t = 0 but the step fails for every t: g(t) = sigma0^2 (1 - t)^2 ...
    assert not ok(Induction(), sp.Eq(F, sigma0**2 * (1 + t * (n - 1 - n + ddof))), [base, step])


def test_induction_needs_t_nonnegative_integer():
    space = Assumed([IntegerAtLeast("n", n, 2), PositiveReal("sigma0", sigma0)])
    F = E(sigma(t) ** 2)
    v = Induction().check(sp.Eq(F, sigma0**2), [sp.Eq(E(sigma(0) ** 2), sigma0**2),
                                               sp.Eq(E(sigma(t + 1) ** 2), E(sigma(t) ** 2))], space, Library())
    assert not v.ok


def test_inequality_rule():
    prem = sp.Lt(E(sp.log(X(t))), sp.log(n - 1))
    assert ok(Inequality(), sp.Lt(E(sp.log(X(t))) - sp.log(n - ddof), 0), [prem])
    assert not ok(Inequality(), sp.Lt(E(sp.log(X(t))) - sp.log(n - 2), 0), [prem])


def test_limit_rule_classifies_bases():
    c = (n - 1) / n
    assert ok(Limit(), sp.Eq(sp.Limit(sigma0**2 * (1 - c**t), t, sp.oo), sigma0**2))
    assert not ok(Limit(), sp.Eq(sp.Limit(sigma0**2 * (1 - c**t), t, sp.oo), 0))
    assert not ok(Limit(), sp.Eq(sp.Limit(sigma0**2 * (1 - c**t), t, sp.oo), 2 * sigma0**2))


def test_axiom_instances_must_match():
    assert ok(ByAxiom("cochran"), G.LAW["sigma_step"])
    wrong = sp.Eq(sigma(t + 1), sigma(t) * sp.sqrt(X(t)) / sp.sqrt(n))
    assert not ok(ByAxiom("cochran"), wrong)
    assert not ok(ByAxiom("no_such_axiom"), G.LAW["sigma_step"])


def test_jensen_needs_concavity():
    from modelcollapse.proofs.legacy import axioms as Ax
    u = Ax._u
    good = ByAxiom("jensen", {Ax.f: sp.Lambda(u, sp.log(u)), Ax.Y: X(t)})
    assert ok(good, sp.Lt(E(sp.log(X(t))), sp.log(E(X(t)))))
    convex = ByAxiom("jensen", {Ax.f: sp.Lambda(u, u**2), Ax.Y: X(t)})
    assert not ok(convex, sp.Lt(E(X(t) ** 2), E(X(t)) ** 2))


def test_lemma_side_conditions_are_checked():
    from modelcollapse.proofs.legacy.lemmas import k, m
    from modelcollapse.theory import lemmas as TL
    rel = sp.Eq(TL.chi2_moment_integral(n - 1, -1), TL.chi2_moment(n - 1, -1))
    # E[1/X] for chi-square(n - 1) needs n > 3: refused under n >= 2 ...
    assert not ok(LemmaInstance("chi2_moment", {k: n - 1, m: -1}), rel)
    # ... and accepted under n >= 4.
    space4 = Assumed([IntegerAtLeast("n", n, 4)])
    assert LemmaInstance("chi2_moment", {k: n - 1, m: -1}).check(rel, [], space4, Library()).ok


def test_step_time_limit_fires_again_if_an_alarm_is_swallowed():
    """Python drops an exception raised inside a gc callback; the timer must then fire again."""
    import time

    from modelcollapse.proofs.legacy.kernel import StepTimeout, time_limit

    swallowed = 0
    start = time.perf_counter()
    try:
        with time_limit(0.2):
            while time.perf_counter() - start < 10:
                try:
                    while time.perf_counter() - start < 10:
                        pass
                except StepTimeout:
                    if swallowed:
                        raise
                    swallowed += 1  # as if the first alarm had been lost
        raise AssertionError("the time limit never fired")
    except StepTimeout:
        pass
    assert swallowed == 1 and time.perf_counter() - start < 3

"""Adversarial corpus for the proof kernel: laws that read the generation, and cited limits.

``attacks()`` returns ``(name, build, expected)`` tuples, as in the earlier rounds: ``build`` is a
zero-argument callable returning a :class:`~modelcollapse.proofs.kernel.Proof`, ``expected``
substrings of the message a correct kernel gives, alternatives separated by " || ".

A law may read its generation g itself (the accumulating pool's update has coefficients in g), and
the limit rule may take the limit of a sequence whose limit a premise states (Euler's product for
the sine, a cited axiom). Each entry below tries to get something false accepted through one of
these: a law undefined or leaving its domain at some generation, a law that looks ahead or back,
a product over non-integer limits, a cited limit whose variable captures g, a cited limit used
where it does not carry (times a growing factor, in a reciprocal), and the axiom outside its
condition. Every statement is false, or is reached by invalid reasoning; the comment above each
entry says why.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import CE, E, Domain, Draw, Law, Proof, Rand, StateVar, Step
from modelcollapse.proofs.kernel.axioms import AXIOMS
from modelcollapse.proofs.kernel.rules import (Algebra, AxiomInstance, CondExpect, DrawFact, Induction,
                                               LawInit, LawStep, Limit, Rewrite, Shift, Tower)

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

g = sp.Symbol("g", integer=True, nonnegative=True)
N = sp.Symbol("N", integer=True, positive=True)
GENERATIONS = {g: Domain.integer(0)}
_EULER = AXIOMS["euler_sine_product"]
_X = next(p for p, _ in _EULER.patterns)


def X(t):
    return Rand("X", t)


def EQ(a, b):
    return sp.Eq(a, b, evaluate=False)


def shrink_law(factor=None):
    """X_0 = 1, X_{g+1} = X_g (1 - 1/(4 (g + 1)^2)): E[X_g] is Euler's partial product at x = 1/2."""
    factor = 1 - sp.Rational(1, 4) / (g + 1) ** 2 if factor is None else factor
    return Law("shrink", g, {}, (StateVar("X", 1, X(g) * factor, Domain.real(0, lo_open=True)),), ())


def euler(x, variable=None):
    """The instance of Euler's product at ``x`` (its limit variable renamed to ``variable``)."""
    inst = _EULER.schema.xreplace({_X: x})
    if variable is not None:
        (Y, v, to, *_), value = inst.lhs.args, inst.rhs
        inst = sp.Eq(sp.Limit(Y.xreplace({v: variable}), variable, to), value)
    return inst


def partial_product(x, upper=g):
    """Euler's partial product at ``x`` up to ``upper`` (the axiom's own product index)."""
    P = euler(x).lhs.args[0]
    return P.xreplace({P.limits[0][2]: upper})


def shrink_steps():
    """The valid proof of E[X_g] = prod_{k=1}^g (1 - 1/(4 k^2)) (the attacks below extend it)."""
    factor = 1 - sp.Rational(1, 4) / (g + 1) ** 2
    P = partial_product(sp.Rational(1, 2))
    return [
        Step("law", EQ(X(g + 1), X(g) * factor), LawStep("X")),
        Step("c", EQ(CE(X(g) * factor, g), X(g) * factor), CondExpect()),
        Step("one", EQ(CE(X(g + 1), g), X(g) * factor), Rewrite(source=True), ("law", "c")),
        Step("base", EQ(X(0), 1), LawInit("X")),
        Step("ind", EQ(E(X(g)), P), Induction((X(g),), (P,), ((factor,),), (0,)), ("one", "base", "law")),
        Step("euler", euler(sp.Rational(1, 2)), AxiomInstance("euler_sine_product", {_X: sp.Rational(1, 2)})),
    ]


def shrink_limit(value=2 / sp.pi):
    """E[X_g] -> 2 / pi: the valid proof (with the true value); other values are attacks."""
    rel = EQ(sp.Limit(E(X(g)), g, sp.oo), value)
    return Proof("shrink_limit", {"statement": rel}, dict(GENERATIONS),
                 shrink_steps() + [Step("lim", rel, Limit(), ("ind", "euler"))], law=shrink_law())


# =====================================================================================================
# Laws that read the generation
# =====================================================================================================

# The update X_g + 1/(g - 1) has a pole at g = 1: X_2 is undefined, yet LawStep would state it.
def law_generation_pole():
    law = Law("pole", g, {}, (StateVar("X", 0, X(g) + 1 / (g - 1), Domain.real()),), ())
    rel = EQ(X(g + 1) - X(g), 1 / (g - 1))
    return Proof("generation_pole", {"statement": rel}, dict(GENERATIONS), [Step("a", rel, LawStep("X"))], law=law)


# X_g - 1/(g + 1) leaves the declared domain X >= 0 (X_1 = -1), so X_g >= 0 is false.
def law_generation_leaves_domain():
    law = Law("down", g, {}, (StateVar("X", 0, X(g) - 1 / (g + 1), Domain.real(0)),), ())
    rel = sp.Ge(X(g), 0)
    return Proof("generation_leaves", {"statement": rel}, dict(GENERATIONS), [Step("a", rel, Algebra())], law=law)


# sqrt(g - 2) is imaginary at g = 0 and 1: the state would leave the reals.
def law_generation_negative_radical():
    law = Law("radical", g, {}, (StateVar("X", 0, X(g) + sp.sqrt(g - 2), Domain.real()),), ())
    rel = sp.Ge(X(g + 1) - X(g), 0)
    return Proof("generation_radical", {"statement": rel}, dict(GENERATIONS), [Step("a", rel, LawStep("X"))], law=law)


# (-1)^g alternates: the base -1 is not positive (a power of g reads it only through a positive base).
def law_generation_alternating_sign():
    law = Law("alternate", g, {}, (StateVar("X", 1, X(g) * (-1) ** g, Domain.real(0)),), ())
    rel = sp.Ge(X(g), 0)
    return Proof("generation_alternating", {"statement": rel}, dict(GENERATIONS), [Step("a", rel, Algebra())], law=law)


# floor(g / 2) is a function of g the law may not apply (only sums, products and powers).
def law_generation_through_floor():
    law = Law("floor", g, {}, (StateVar("X", 0, X(g) + sp.floor(g / 2) - g, Domain.real(0)),), ())
    rel = sp.Ge(X(g), 0)
    return Proof("generation_floor", {"statement": rel}, dict(GENERATIONS), [Step("a", rel, Algebra())], law=law)


# A draw whose variance 1 - g is negative from g = 2 on.
def law_generation_draw_argument():
    law = Law("spread", g, {}, (StateVar("X", 0, X(g) + Rand("D", g), Domain.real()),),
              (Draw("D", "Normal", (0, 1 - g)),))
    rel = EQ(CE(Rand("D", g) ** 2, g), 1 - g)
    return Proof("generation_draw", {"statement": rel}, dict(GENERATIONS),
                 [Step("a", rel, Algebra())], law=law)


# The update reads the next generation's state: no one-step law.
def law_reads_next_generation():
    law = Law("ahead", g, {}, (StateVar("X", 0, X(g + 1) + 1, Domain.real()),), ())
    rel = EQ(X(g + 1), X(g + 1) + 1)
    return Proof("reads_next", {"statement": rel}, dict(GENERATIONS), [Step("a", rel, LawStep("X"))], law=law)


# The update reads the previous generation's state (at g = 0, generation -1 does not exist).
def law_reads_previous_generation():
    law = Law("behind", g, {}, (StateVar("X", 0, X(g - 1) / (g + 1), Domain.real()),), ())
    rel = EQ(X(1), X(-1))
    return Proof("reads_previous", {"statement": rel}, dict(GENERATIONS), [Step("a", rel, Algebra())], law=law)


# The initial value reads the generation: X_0 = g names no number.
def law_initial_value_reads_generation():
    law = Law("start", g, {}, (StateVar("X", g, X(g), Domain.real(0)),), ())
    rel = EQ(X(0), 5)
    return Proof("initial_generation", {"statement": rel}, dict(GENERATIONS), [Step("a", rel, LawInit("X"))], law=law)


# =====================================================================================================
# Induction over products, and cited limits
# =====================================================================================================

# A product over the half-integers 1/2, 3/2, ...: the rule demands integer limits.
def induction_product_noninteger_limits():
    steps = shrink_steps()[:4]
    s = sp.Symbol("s", integer=True, nonnegative=True)
    factor = 1 - sp.Rational(1, 4) / (g + 1) ** 2
    P = sp.Product(1 - sp.Rational(1, 4) / (s + sp.Rational(1, 2)) ** 2, (s, sp.Rational(1, 2), g - sp.Rational(1, 2)))
    rel = EQ(E(X(g)), P)
    steps.append(Step("ind", rel, Induction((X(g),), (P,), ((factor,),), (0,)), ("one", "base", "law")))
    return Proof("product_noninteger", {"statement": rel}, dict(GENERATIONS), steps, law=shrink_law())


# The true limit is 2/pi; claiming 1 (no loss) must fail.
def cited_limit_wrong_value():
    return shrink_limit(sp.Integer(1))


# Euler's partial product times 2^g grows without bound; the cited limit does not carry through it.
def cited_limit_times_growth():
    steps = shrink_steps()
    rel = EQ(sp.Limit(2 ** g * E(X(g)), g, sp.oo), 0)
    return Proof("limit_growth", {"statement": rel}, dict(GENERATIONS), steps + [Step("lim", rel, Limit(), ("ind", "euler"))],
                 law=shrink_law())


# At x = 1 the partial products are 0 (the factor k = 1 vanishes): 1/P is undefined, not 0.
def cited_limit_reciprocal_of_zero():
    P = partial_product(sp.Integer(1))
    rel = EQ(sp.Limit(1 / P, g, sp.oo), 0)
    steps = [Step("euler", euler(sp.Integer(1)), AxiomInstance("euler_sine_product", {_X: sp.Integer(1)})),
             Step("lim", rel, Limit(), ("euler",))]
    return Proof("limit_reciprocal", {"statement": rel}, dict(GENERATIONS), steps)


# A limit premise whose variable is g itself: 2^-g -> 0 is true, but 3^g 2^-g = (3/2)^g grows. A premise
# that binds g cannot stand for a sequence in g (a renaming could capture it), so it is refused at once.
def cited_limit_binds_generation():
    prem = EQ(sp.Limit(2 ** -g, g, sp.oo), 0)
    rel = EQ(sp.Limit(3 ** g * 2 ** -g, g, sp.oo), 0)
    steps = [Step("half", prem, Limit()), Step("lim", rel, Limit(), ("half",))]
    return Proof("limit_binds_g", {"statement": rel}, dict(GENERATIONS), steps)


# Euler's product at a real y that may be 0: sin(0)/0 is no number; the axiom's condition y > 0 is not shown.
def euler_axiom_at_zero():
    y = sp.Symbol("y", real=True)
    inst = euler(y)
    return Proof("euler_zero", {"statement": inst}, {y: Domain.real()},
                 [Step("a", inst, AxiomInstance("euler_sine_product", {_X: y}))])


# A mapping that binds the generation: x := g makes the limit's value depend on the bound variable's
# name; the condition g > 0 also fails at g = 0.
def euler_axiom_binds_generation():
    inst = euler(g)
    return Proof("euler_binds_g", {"statement": inst}, dict(GENERATIONS),
                 [Step("a", inst, AxiomInstance("euler_sine_product", {_X: g}))])


# =====================================================================================================
# Instances at a shifted generation, and induction from a later generation
# =====================================================================================================

def grow_law(mean=0):
    """X_0 = 0, X_{g+1} = X_g + D_g^2 with D ~ N(mean, 1): E[X_g] = g (1 + mean^2)."""
    return Law("grow", g, {}, (StateVar("X", 0, X(g) + Rand("D", g) ** 2, Domain.real(0)),),
               (Draw("D", "Normal", (mean, 1)),))


def grow_steps():
    """The valid proof of E[X_{g+1}] = g + 1 from generation 1 (the attacks below vary it)."""
    D = Rand("D", g)
    return [
        Step("law", EQ(X(g + 1), X(g) + D**2), LawStep("X")),
        Step("moment", EQ(CE(D**2, g), 1), DrawFact("normal_moments", "D", 2)),
        Step("c", EQ(CE(X(g) + D**2, g), X(g) + 1), CondExpect(), ("moment",)),
        Step("one", EQ(CE(X(g + 1), g), X(g) + 1), Rewrite(source=True), ("law", "c")),
        Step("init", EQ(X(0), 0), LawInit("X")),
        Step("first", EQ(CE(X(1), 0), X(0) + 1), Shift(g, 0), ("one",)),
        Step("first_value", EQ(CE(X(1), 0), 1), Rewrite(source=True), ("init", "first")),
        Step("base", EQ(E(X(1)), 1), Tower(), ("first_value",)),
        Step("later", EQ(CE(X(g + 2), g + 1), X(g + 1) + 1), Shift(g, g + 1), ("one",)),
    ]


def grow_from(closed=g + 1, functional=None, start=1, premises=("base", "later"), steps=None):
    functional = X(g + 1) if functional is None else functional
    rel = EQ(E(functional), closed)
    steps = grow_steps() if steps is None else steps
    rule = Induction((functional,), (closed,), ((1,),), (1,), start)
    return Proof("grow_from", {"statement": rel}, dict(GENERATIONS), steps + [Step("ind", rel, rule, premises)],
                 law=grow_law())


# A law parameter is not a free variable of the relation: D ~ N(mu, 1) has E[D | F_g] = mu, and moving mu
# to mu + 1 in the relation alone (not in the law) claims E[D | F_g] = mu + 1.
def shift_law_parameter():
    mu = sp.Symbol("mu", integer=True, nonnegative=True)
    law = Law("located", g, {mu: Domain.integer(0)}, (StateVar("X", 0, X(g) + Rand("D", g), Domain.real()),),
              (Draw("D", "Normal", (mu, 1)),))
    fact, moved = EQ(CE(Rand("D", g), g), mu), EQ(CE(Rand("D", g), g), mu + 1)
    return Proof("shift_parameter", {"statement": moved}, {**GENERATIONS, mu: Domain.integer(0)},
                 [Step("fact", fact, DrawFact("normal_moments", "D", 1)), Step("moved", moved, Shift(mu, mu + 1), ("fact",))],
                 law=law)


# Shifting down: g >= 0 holds for every g, g - 1 >= 0 does not (g = 0).
def shift_down():
    rel = sp.Ge(g - 1, 0)
    return Proof("shift_down", {"statement": rel}, dict(GENERATIONS),
                 [Step("p", sp.Ge(g, 0, evaluate=False), Algebra()), Step("s", rel, Shift(g, g - 1), ("p",))])


# An instance below the domain: -1 >= 0.
def shift_below_domain():
    rel = sp.Ge(sp.Integer(-1), 0, evaluate=False)
    return Proof("shift_below", {"statement": rel}, dict(GENERATIONS),
                 [Step("p", sp.Ge(g, 0, evaluate=False), Algebra()), Step("s", rel, Shift(g, -1), ("p",))])


# Half a step: cos(pi g)^2 = 1 for integers g; at g + 1/2 it is 0.
def shift_by_a_half():
    half = g + sp.Rational(1, 2)
    rel = EQ(sp.cos(sp.pi * half) ** 2, 1)
    return Proof("shift_half", {"statement": rel}, dict(GENERATIONS),
                 [Step("p", EQ(sp.cos(sp.pi * g) ** 2, 1), Algebra()), Step("s", rel, Shift(g, half), ("p",))])


# A bounded range: k <= 3 for k in 0..3, but k + 1 <= 3 fails at k = 3.
def shift_bounded_range():
    k = sp.Symbol("k", integer=True, nonnegative=True)
    rel = sp.Le(k + 1, 3)
    return Proof("shift_bounded", {"statement": rel}, {k: Domain.integer(0, 3)},
                 [Step("p", sp.Le(k, 3), Algebra()), Step("s", rel, Shift(k, k + 1), ("p",))])


# A real symbol: x <= 1 on [0, 1], x + 1 <= 1 is false.
def shift_real_symbol():
    x = sp.Symbol("x", real=True, nonnegative=True)
    rel = sp.Le(x + 1, 1)
    return Proof("shift_real", {"statement": rel}, {x: Domain.real(0, 1)},
                 [Step("p", sp.Le(x, 1), Algebra()), Step("s", rel, Shift(x, x + 1), ("p",))])


# Another domain depends on g: k >= g for k in [g, oo), but k >= g + 1 fails at k = g.
def shift_dependent_domain():
    k = sp.Symbol("k", integer=True)
    rel = sp.Ge(k, g + 1)
    return Proof("shift_dependent", {"statement": rel}, {**GENERATIONS, k: Domain.integer(g)},
                 [Step("p", sp.Ge(k, g), Algebra()), Step("s", rel, Shift(g, g + 1), ("p",))])


# g is bound in the premise (a sum over g): renaming it inside the sum changes the sum (0 + 1 + 2 = 3, 1 + 2 + 3 = 6).
def shift_bound_variable():
    prem = EQ(sp.Sum(g, (g, 0, 2)), 3)
    rel = EQ(sp.Sum(g + 1, (g, 0, 2)), 3)
    return Proof("shift_bound", {"statement": rel}, dict(GENERATIONS),
                 [Step("p", prem, Algebra()), Step("s", rel, Shift(g, g + 1), ("p",))])


# Not the instance: from g >= 0, g + 1 >= 2 (false at g = 0).
def shift_not_the_instance():
    rel = sp.Ge(g + 1, 2)
    return Proof("shift_other", {"statement": rel}, dict(GENERATIONS),
                 [Step("p", sp.Ge(g, 0, evaluate=False), Algebra()), Step("s", rel, Shift(g, g + 1), ("p",))])


# A start of 0 with a functional of the state at g + 1 and a random base case: from 0 the functionals read the state
# at g and the base case is deterministic.
def induction_from_start_zero():
    return grow_from(start=0)


# The functional X_g is read at g, not at g + 1: its step premise is missing, and E[X_g] = g + 1 is false.
def induction_from_wrong_generation():
    return grow_from(functional=X(g))


# Without the base case E[X_1] = 1 the closed form g + 2 also satisfies the step; E[X_{g+1}] = g + 2 is false.
def induction_from_without_base():
    return grow_from(closed=g + 2, premises=("later",))


# The closed form (g + 1)^2 has the right base case but not the step: E[X_{g+1}] = (g + 1)^2 is false.
def induction_from_wrong_closed_form():
    return grow_from(closed=(g + 1) ** 2)


# The step premise given the history up to g (the one-step law at g), not up to g + 1: the functional
# X_{g+1} at g + 1 is X_{g+2}, of which nothing is premised; the conclusion E[X_{g+1}] = 2 g + 1 is false.
def induction_from_step_at_wrong_generation():
    return grow_from(closed=2 * g + 1, premises=("base", "one"))


# A base case that is not an expectation: the premise X_0 = 0 read as E[X_1] = 0 would give E[X_{g+1}] = g.
def induction_from_base_not_expected():
    return grow_from(closed=g, premises=("init", "later"))


# The limit rule keeps a power of g whole while expanding: 2^g / (2^g + 1) tends to 1, not 0.
def limit_power_in_a_denominator():
    rel = EQ(sp.Limit(2**g / (2**g + 1), g, sp.oo), 0)
    return Proof("limit_denominator", {"statement": rel}, dict(GENERATIONS), [Step("lim", rel, Limit())])


# Collected coefficients: (2^g (n + 1) - 2^g n) = 2^g grows; the limit 0 is false.
def limit_collected_growth():
    n = sp.Symbol("n", integer=True, positive=True)
    rel = EQ(sp.Limit(2**g * (n + 1) - 2**g * n, g, sp.oo), 0)
    return Proof("limit_collected", {"statement": rel}, {**GENERATIONS, n: Domain.integer(1)},
                 [Step("lim", rel, Limit())])


# =====================================================================================================

def attacks():
    """(name, proof builder, expected rejection message) for every attack."""
    return [
        ("law_generation_pole", law_generation_pole, "is not shown > 0 for every generation"),
        ("law_generation_leaves_domain", law_generation_leaves_domain, ">= 0 is not shown"),
        ("law_generation_negative_radical", law_generation_negative_radical, "is not shown > 0 for every generation"),
        ("law_generation_alternating_sign", law_generation_alternating_sign, "is not shown > 0 for every generation"),
        ("law_generation_through_floor", law_generation_through_floor, "a function other than a power"),
        ("law_generation_draw_argument", law_generation_draw_argument, "argument 1 - g of D"),
        ("law_reads_next_generation", law_reads_next_generation, "which it may not"),
        ("law_reads_previous_generation", law_reads_previous_generation, "which it may not"),
        ("law_initial_value_reads_generation", law_initial_value_reads_generation, "undeclared symbols ['g']"),
        ("induction_product_noninteger_limits", induction_product_noninteger_limits, "limits must be integers || an integer range's ends are integers as written"),
        ("cited_limit_wrong_value", cited_limit_wrong_value, "the limit has another value"),
        ("cited_limit_times_growth", cited_limit_times_growth, "polynomially and alone"),
        ("cited_limit_reciprocal_of_zero", cited_limit_reciprocal_of_zero, "polynomially and alone || may vanish in a denominator"),
        ("cited_limit_binds_generation", cited_limit_binds_generation, "free of g"),
        ("euler_axiom_at_zero", euler_axiom_at_zero, "side condition || may vanish in a denominator"),
        ("euler_axiom_binds_generation", euler_axiom_binds_generation, "side condition"),
        ("shift_law_parameter", shift_law_parameter, "is a parameter of the law"),
        ("shift_down", shift_down, "the value must be g + k or a number"),
        ("shift_below_domain", shift_below_domain, "the value must be g + k or a number"),
        ("shift_by_a_half", shift_by_a_half, "the value must be g + k or a number"),
        ("shift_bounded_range", shift_bounded_range, "must range over the integers from a number on"),
        ("shift_real_symbol", shift_real_symbol, "must range over the integers from a number on"),
        ("shift_dependent_domain", shift_dependent_domain, "another domain depends on g"),
        ("shift_bound_variable", shift_bound_variable, "g is bound in the premise"),
        ("shift_not_the_instance", shift_not_the_instance, "not the premise at g = g + 1"),
        ("induction_from_start_zero", induction_from_start_zero, "X_{g + 1} must be a function of the state at g"),
        ("induction_from_wrong_generation", induction_from_wrong_generation, "must be a function of the state at g + 1"),
        ("induction_from_without_base", induction_from_without_base, "no base case"),
        ("induction_from_wrong_closed_form", induction_from_wrong_closed_form, "inductive step fails"),
        ("induction_from_step_at_wrong_generation", induction_from_step_at_wrong_generation,
         "or Eq(CE(phi at g + 1, g + 1), ...)"),
        ("induction_from_base_not_expected", induction_from_base_not_expected, "premises must be Eq(E(phi at g = 0)"),
        ("limit_power_in_a_denominator", limit_power_in_a_denominator, "cannot take the limit of the factor"),
        ("limit_collected_growth", limit_collected_growth, "the limit is oo in a case"),
    ]

"""Adversarial corpus for the proof kernel, round 4: proofs that a sound kernel must reject.

``attacks()`` returns ``(name, build, expected)`` tuples, as in the earlier rounds: ``build`` is a
zero-argument callable returning a :class:`~modelcollapse.proofs.kernel.Proof` (some set up a library
first), ``expected`` substrings of the message a correct kernel gives, alternatives separated by
" || ". Attacks that cite other proofs need their library: check an entry with :func:`check_attack`.

The first twelve entries were holes of the kernel when they were written (binomials rewritten
through gamma at negative integers and an unsampled closed end; sums over non-integer limits; a
lying ``str`` subclass as a label; look-alike law components and domain flags; a proof cache keyed
on a lossy print; a cited domain mutated after checking; a comparison hook running mid-check;
infinite expectations cancelled by an inequality rule). The rest are regression entries. Every
statement is false, or is reached by invalid reasoning; the comment above each entry says why.
"""

import sys

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import (CE, E, AlmostSurely, Domain, Draw, GaussW2, Ind, Law, Library, Proof,
                                         Rand, StateVar, Step)
from modelcollapse.proofs.kernel.rules import (Algebra, AxiomInstance, CondExpect, Conjunction, Detach, DrawFact,
                                               ExpectLinear, ExpectSum, Induction, LawInit, LawStep, Limit,
                                               Monotone, Order, Rewrite, Specialize, SumOver, Tower, VectorTotal)

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)
Str = sp.core.symbol.Str  # the node class of Rand labels

g = sp.Symbol("g", integer=True, nonnegative=True)
x = sp.Symbol("x", real=True)
y = sp.Symbol("y", real=True)
n = sp.Symbol("n", integer=True)
i = sp.Symbol("i")
HALF = sp.Rational(1, 2)


def X(t, *idx):
    return Rand("X", t, *idx)


def D(t, *idx):
    return Rand("D", t, *idx)


def EQ(a, b):
    return sp.Eq(a, b, evaluate=False)


def counter_law():
    """X_0 = 0, X_{g+1} = X_g + 1 (so X_g = g), no draws."""
    return Law("counter", g, {}, (StateVar("X", 0, X(g) + 1, Domain.real(0)),), ())


def chi_law(dof=1):
    return Law("chi", g, {}, (), (Draw("D", "ChiSquare", (dof,)),))


def walk_law(mu=-1):
    """X_0 = 0, X_{g+1} = X_g + D_g with D_g ~ N(mu, 1)."""
    return Law("walk", g, {}, (StateVar("X", 0, X(g) + D(g), Domain.real()),), (Draw("D", "Normal", (mu, 1)),))


# =====================================================================================================
# ACCEPTED (holes)
# =====================================================================================================

# binomial(x, 1) = x but binomial(x, x - 1) = 0 at x = -1 (sympy: binomial(-1, -2) = 0), so the identity
# is false at the closed lower end x = -1 of the domain.  The refuter never samples a real domain's
# lower end (offsets are >= 1/100) and combsimp rewrites both binomials through gamma, valid only off
# the negative integers.  Specialize then evaluates the premise at x = -1 and yields Eq(-1, 0).
def combsimp_binomial_endpoint_then_specialize():
    rel = EQ(sp.binomial(x, 1), sp.binomial(x, x - 1))
    bad = EQ(sp.Integer(-1), sp.Integer(0))
    return Proof("combsimp_binomial_endpoint", {"statement": bad}, {x: Domain.real(-1)},
                 [Step("a", rel, Algebra()), Step("b", bad, Specialize(x, -1), ("a",))])


# Same hole at an interior point: on [-3, 0] the refuter samples -3 + 3k/97 (never an integer), so the
# negative integers -2, -1 inside the interval are never evaluated; binomial(x, 2) = 3 at x = -2 while
# binomial(-2, -4) = 0.
def combsimp_binomial_interior_integer():
    rel = EQ(sp.binomial(x, 2), sp.binomial(x, x - 2))
    bad = EQ(sp.Integer(3), sp.Integer(0))
    return Proof("combsimp_binomial_interior", {"statement": bad}, {x: Domain.real(-3, 0)},
                 [Step("a", rel, Algebra()), Step("b", bad, Specialize(x, -2), ("a",))])


# The cleanest instance: binomial(x, x) = 1 is accepted on [-3, 0] (combsimp: gamma(x+1)/(gamma(x+1)
# gamma(1)) = 1), but sympy -- like the usual convention binomial(n, k) = 0 for integer k < 0 --
# gives binomial(-2, -2) = 0.  The refuter samples -3 + 3k/97 (never an integer); Specialize at the
# interior integer x = -2 then yields Eq(0, 1).
def combsimp_binomial_diagonal_zero_equals_one():
    rel = EQ(sp.binomial(x, x), 1)
    bad = EQ(sp.Integer(0), sp.Integer(1))
    return Proof("zero_equals_one", {"statement": bad}, {x: Domain.real(-3, 0)},
                 [Step("a", rel, Algebra()), Step("b", bad, Specialize(x, -2), ("a",))])


class _LyingStateVar(StateVar):
    """Reads as the declared update X_g + 1 to the law's own checks (laws.py: problems(), key()) and as
    X_g + 5 to everyone else (the rules)."""

    def __getattribute__(self, name):
        if name == "step":
            caller = sys._getframe(1).f_code.co_filename
            if not caller.endswith("laws.py"):
                return Rand("X", g) + 5
        return object.__getattribute__(self, name)


# Law components other than Law and Domain are not type-checked: a StateVar subclass shows the
# well-formedness check and Law.key() the update X_g + 1, but LawStep reads X_g + 5, so
# Eq(X_{g+1}, X_g + 5) is accepted for a law whose update is X_g + 1.
def law_statevar_subclass_lies():
    law = Law("counter", g, {}, (_LyingStateVar("X", 0, X(g) + 1, Domain.real(0)),), ())
    rel = EQ(X(g + 1), X(g) + 5)
    return Proof("statevar_liar", {"statement": rel}, {g: Domain.integer(0)}, [Step("a", rel, LawStep("X"))], law=law)


# SumOver checks that the range lies inside the index's integer domain but not that the limits are
# integers: Sum(floor(i), (i, 1/2, 1/2)) = floor(1/2) = 0 while Sum(i, (i, 1/2, 1/2)) = 1/2.  The
# premise floor(i) = i holds only for integer i.
def sumover_noninteger_limits():
    prem = EQ(sp.floor(i), i)
    concl = EQ(sp.Sum(sp.floor(i), (i, HALF, HALF)), sp.Sum(i, (i, HALF, HALF)))
    return Proof("sumover_noninteger_limits", {"statement": concl}, {i: Domain.integer(0, 3)},
                 [Step("a", prem, Algebra()), Step("b", concl, SumOver(), ("a",))], local=(i,))


# Variant: (-1)^(2 i) = 1 for integer i, but the sum over the single point i = 1/2 is -1 vs 1.
def sumover_noninteger_limits_power():
    prem = EQ((-1) ** (2 * i), sp.Integer(1))
    concl = EQ(sp.Sum((-1) ** (2 * i), (i, HALF, HALF)), sp.Sum(sp.Integer(1), (i, HALF, HALF)))
    return Proof("sumover_noninteger_limits_power", {"statement": concl}, {i: Domain.integer(0, 3)},
                 [Step("a", prem, Algebra()), Step("b", concl, SumOver(), ("a",))], local=(i,))


class _LiarName(str):
    """A name that prints as 'X' but compares equal to 'Y' as well (hash distinct from both, so
    sympy's cache never merges it with the honest Str('X'))."""

    def __eq__(self, other):
        return str.__eq__(self, other) or other == "Y"

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(("liar", str(self)))


# Rand labels are sympy Str nodes; foreign() checks node classes but not the type of Str.name.  A str
# subclass whose __eq__ also matches "Y" makes Rand(Str('X'), 0) == Rand(Str('Y'), 0), so LawInit("Y")
# accepts Eq(X_0, 1) although the law says X_0 = 0 (srepr of the accepted goal: Rand(Str('X'), 0)).
def rand_label_str_subclass_liar():
    law = Law("two", g, {}, (StateVar("X", 0, X(g) + 1, Domain.real()),
                             StateVar("Y", 1, Rand("Y", g) + 2, Domain.real())), ())
    liar = Rand(Str(_LiarName("X")), 0)
    concl = EQ(liar, 1)
    return Proof("rand_label_liar", {"statement": concl}, {g: Domain.integer(0)},
                 [Step("a", concl, LawInit("Y"))], law=law)


def _counter_induction_steps(F):
    ce = EQ(CE(X(g) + 1, g), X(g) + 1)
    ce1 = EQ(CE(X(g + 1), g), X(g) + 1)
    return [Step("init", EQ(X(0), 0), LawInit("X")),
            Step("upd", EQ(X(g + 1), X(g) + 1), LawStep("X")),
            Step("ce", ce, CondExpect()),
            Step("ce1", ce1, Rewrite(source=True), ("upd", "ce")),
            Step("ind", EQ(E(X(g)), F),
                 Induction(functionals=(X(g),), closed=(F,), matrix=((1,),), offset=(1,)), ("init", "ce1", "upd"))]


def _build_induction_cache_library():
    F = g * sp.sign(x) ** 2
    law = counter_law()
    # lo_open="False": a truthy string, so the domain is x > 0 (flags, cases), but it prints exactly
    # like lo_open=False in check.fingerprint (sympify("False")).
    prime = Proof("prime", {"statement": EQ(X(0), 0)},
                  {g: Domain.integer(0), x: Domain.real(0, lo_open="False")},
                  _counter_induction_steps(F), law=law, local=(x,))
    return Library({"prime": prime})


_LIBRARIES["induction_cache_fingerprint_collision"] = _build_induction_cache_library()


# rules.Induction caches a system's verdict in _SYSTEMS under (rule, premises, fingerprint(domains),
# law key).  fingerprint prints lo_open through sympify(str(.)), so Domain.real(0, lo_open="False")
# (x > 0) and Domain.real(0) (x >= 0) collide.  The cited "prime" proof (checked first, during
# citation resolution) validates closed form g*sign(x)^2 under x > 0; the victim, with x >= 0, reuses
# the cached verdict and concludes E[X_g] = g*sign(x)^2, which is 0 at x = 0 although E[X_g] = g.
def induction_cache_fingerprint_collision():
    F = g * sp.sign(x) ** 2
    law = counter_law()
    goal = EQ(E(X(g)), F)
    return Proof("induction_cache_victim", {"statement": goal}, {g: Domain.integer(0), x: Domain.real(0)},
                 [Step("c", EQ(X(0), 0), Rewrite(source=True), ("cite:prime",))] + _counter_induction_steps(F),
                 law=law)


_CITED_DOMAIN = {}


def _build_mutated_citation_library():
    dom = Domain.real(0, lo_open=True)
    _CITED_DOMAIN["dom"] = dom
    pos = Proof("pos", {"statement": sp.Gt(x, 0)}, {x: dom}, [Step("a", sp.Gt(x, 0), Algebra())])
    return Library({"pos": pos})


# A cited report's snapshot keeps the very Domain objects of the cited proof.  After "pos" (x > 0
# |- x > 0) is checked, its (frozen, but still settable) Domain gets lo_open = a falsy str subclass that
# prints as 'True': check.fingerprint (sympify(str(.))) sees no change, but Domain.within now treats the
# cited domain as x >= 0.  The victim, over x >= 0, cites x > 0: false at x = 0.
def cited_domain_mutated_after_check():
    lib = _LIBRARIES["cited_domain_mutated_after_check"]
    rep = lib.report("pos")  # checked now, under x > 0 (snapshot printed with lo_open=True)
    assert rep.ok
    dom = _CITED_DOMAIN["dom"]
    object.__setattr__(dom, "lo_open", _TruePrintingFalse("True"))
    return Proof("cited_mutated_victim", {"statement": sp.Gt(x, 0)}, {x: Domain.real(0)},
                 [Step("a", sp.Gt(x, 0), Rewrite(source=True), ("cite:pos",))])


class _TruePrintingFalse(str):
    """Prints (str) as 'True' -- so fingerprint is unchanged -- but is falsy."""

    def __bool__(self):
        return False

    def __hash__(self):
        return hash(True)


_LIBRARIES["cited_domain_mutated_after_check"] = _build_mutated_citation_library()


class _HookFlag(str):
    """A lo_open flag: falsy, prints like False, == False; every comparison widens a target domain."""

    target = None

    def __bool__(self):
        return False

    def __eq__(self, other):
        if _HookFlag.target is not None:
            object.__setattr__(_HookFlag.target, "lo", sp.Integer(-1))
        return other is False or str.__eq__(self, other)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(False)


def _build_hook_library():
    xd = Domain.real(1)
    _HookFlag.target = xd
    gd = Domain("integer", sp.Integer(0), None, _HookFlag("False"), False)
    lim = EQ(sp.Limit(2 ** (-g), g, sp.oo), 0)
    hooked = Proof("hooked", {"statement": sp.Gt(x, 0)}, {x: xd, g: gd},
                   [Step("a", sp.Gt(x, 0), Algebra()), Step("b", lim, Limit())], local=(g,))
    return Library({"hooked": hooked})


_LIBRARIES["domain_flag_hook_widens_after_steps"] = _build_hook_library()


# Domain fields lo_open/hi_open are never type-checked.  In the cited proof "hooked", the generation's
# domain carries a falsy str subclass as lo_open; Limit compares `domains.get(g) != Domain.integer(0)`,
# which runs our __eq__ in the middle of the check, after step "a" (x > 0) was verified under x >= 1.
# The hook widens x's Domain object to x >= -1, so the report's snapshot (and its fingerprint, taken at
# the end) says x in [-1, oo) |- x > 0.  The victim, honestly over x >= -1, cites it: false at x = -1.
def domain_flag_hook_widens_after_steps():
    return Proof("hook_victim", {"statement": sp.Gt(x, 0)}, {x: Domain.real(-1)},
                 [Step("a", sp.Gt(x, 0), Rewrite(source=True), ("cite:hooked",))])


# Order cancels expectation words symbolically (concl - scale*prem) although an expectation may be
# infinite: with D ~ ChiSquare(1), E[1/D] = E[1/D + 1] = +oo, and the accepted statement
# E[1/D] - E[1/D + 1] <= 0 is oo - oo <= 0, which is no statement about numbers (the kernel's own
# `unsafe` refuses exactly this in algebra).
def order_cancels_infinite_expectations():
    Y, W = 1 / D(g), 1 / D(g) + 1
    s = [Step("p", sp.Le(Y, W), Algebra()),
         Step("m", sp.Le(E(Y), E(W)), Monotone(), ("p",)),
         Step("o", sp.Le(E(Y) - E(W), 0), Order(), ("m",))]
    return Proof("order_infinite", {"statement": sp.Le(E(Y) - E(W), 0)}, {g: Domain.integer(0)}, s, law=chi_law(1))


# =====================================================================================================
# Regression entries (each false or invalid; a correct kernel rejects them)
# =====================================================================================================

# 0^x = 0 fails at x = 0 (0^0 = 1), the never-sampled closed lower end of x >= 0.
def zero_power_at_endpoint():
    rel = EQ(sp.Integer(0) ** x, 0)
    return Proof("zero_power", {"statement": rel}, {x: Domain.real(0)}, [Step("a", rel, Algebra())])


# The step function is 0 at x = 0, the closed lower end of the domain.
def piecewise_at_endpoint():
    rel = EQ(sp.Piecewise((1, x > 0), (0, True)), 1)
    return Proof("piecewise_endpoint", {"statement": rel}, {x: Domain.real(0)}, [Step("a", rel, Algebra())])


# binomial(n, 1) = -1 but binomial(n, n - 1) = 0 at n = -1 (the integer case of the combsimp hole).
def binomial_symmetry_negative_integer():
    rel = EQ(sp.binomial(n, 1), sp.binomial(n, n - 1))
    return Proof("binomial_negative", {"statement": rel}, {n: Domain.integer(-3, -1)}, [Step("a", rel, Algebra())])


# Reversed range: Karr's convention makes Sum(f, (i, 3, 1)) = -f(2), outside the premise's meaning.
def sumover_reversed_range():
    prem = EQ(sp.floor(i), i)
    concl = EQ(sp.Sum(sp.floor(i), (i, 3, 1)), sp.Sum(i, (i, 3, 1)))
    return Proof("sumover_reversed", {"statement": concl}, {i: Domain.integer(0, 3)},
                 [Step("a", prem, Algebra()), Step("b", concl, SumOver(), ("a",))], local=(i,))


# The index is not a local of the proof: the premise is about one i, not each.
def sumover_index_not_local():
    prem = EQ(sp.floor(i), i)
    concl = EQ(sp.Sum(sp.floor(i), (i, 0, 2)), sp.Sum(i, (i, 0, 2)))
    return Proof("sumover_not_local", {"statement": concl}, {i: Domain.integer(0, 3)},
                 [Step("a", prem, Algebra()), Step("b", concl, SumOver(), ("a",))])


# (x^2 - 1)/(x - 1) = x + 1 is undefined at x = 1: specializing there gives 0/0 = 2.
def specialize_at_pole():
    prem = EQ((x ** 2 - 1) / (x - 1), x + 1)
    bad = EQ(sp.Integer(2), sp.Integer(2))
    return Proof("specialize_pole", {"statement": prem.xreplace({x: 1}) if False else bad}, {x: Domain.real()},
                 [Step("a", prem, Algebra()), Step("b", bad, Specialize(x, 1), ("a",))])


# Specializing outside the domain: x >= 1 |- x > 0 does not give -1 > 0.
def specialize_outside_domain():
    prem = sp.Gt(x, 0)
    bad = sp.Gt(sp.Integer(-1), 0, evaluate=False)
    return Proof("specialize_outside", {"statement": bad}, {x: Domain.real(1)},
                 [Step("a", prem, Algebra()), Step("b", bad, Specialize(x, -1), ("a",))])


# Alzer's digamma bound needs x > 0; at x = -1/2, log x is not even real.
def digamma_axiom_outside_condition():
    v = -HALF
    rel = sp.Lt(sp.polygamma(0, v), sp.log(v), evaluate=False)
    return Proof("digamma_neg", {"statement": rel}, {}, [Step("a", rel, AxiomInstance("digamma_below_log", {sp.Symbol("x"): v}))])


# W2 between normals with a negative "variance".
def gaussian_w2_negative_variance():
    a, v, b, w = sp.symbols("a v b w")
    rel = EQ(GaussW2(0, -1, 0, 1), (sp.sqrt(-1) - 1) ** 2)
    return Proof("w2_negative", {"statement": rel}, {},
                 [Step("a", rel, AxiomInstance("gaussian_w2", {a: 0, v: -1, b: 0, w: 1}))])


# E[1/D] for D ~ ChiSquare(1) is infinite; the moment formula 2^-1 Gamma(-1/2)/Gamma(1/2) = -1 is false.
def chi_square_moment_outside_condition():
    law = chi_law(1)
    val = 2 ** sp.Integer(-1) * sp.gamma(-HALF) / sp.gamma(HALF)
    rel = EQ(CE(D(g) ** -1, g), val)
    return Proof("chi_neg_moment", {"statement": rel}, {g: Domain.integer(0)},
                 [Step("a", rel, DrawFact("chi_square_moments", "D", -1))], law=law)


# P(D = 5) for D ~ Binomial(3, 1/2) is 0, not binomial(3, 5)/32.
def binomial_pmf_order_beyond_n():
    law = Law("bin", g, {}, (), (Draw("D", "Binomial", (3, HALF)),))
    rel = EQ(CE(Ind(sp.Eq(D(g), 5)), g), sp.binomial(3, 5) * HALF ** 5 * HALF ** (-2))
    return Proof("binomial_pmf_5", {"statement": rel}, {g: Domain.integer(0)},
                 [Step("a", rel, DrawFact("binomial_pmf", "D", 5))], law=law)


# Poisson second factorial moment is a^2, not a^2 + 1.
def poisson_factorial_moment_wrong_value():
    law = Law("pois", g, {}, (), (Draw("D", "Poisson", (2,)),))
    rel = EQ(CE(sp.ff(D(g), 2), g), 5)
    return Proof("poisson_ff", {"statement": rel}, {g: Domain.integer(0)},
                 [Step("a", rel, DrawFact("poisson_factorial_moments", "D", 2))], law=law)


# A draw at g is not known at g: E[D_g | F_g] = mu, not D_g.
def condexpect_draw_as_measurable():
    law = walk_law(-1)
    rel = EQ(CE(D(g), g), D(g))
    return Proof("ce_draw_measurable", {"statement": rel}, {g: Domain.integer(0)}, [Step("a", rel, CondExpect())], law=law)


# The label-liar trick again, aimed at CondExpect: a draw D whose label also answers to the state X.
class _LiarDX(str):
    def __eq__(self, other):
        return str.__eq__(self, other) or other == "X"

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash("X")


# E[D_g | F_g] = -1 (a Normal(-1, 1) draw), yet with a lying label the draw is "measurable".
def condexpect_liar_label_draw_measurable():
    law = walk_law(-1)
    # sympy's construction cache would hand back the honest X_g (equal and same hash): start afresh.
    sp.core.cache.clear_cache()
    Dl = Rand(Str(_LiarDX("D")), g)
    rel = EQ(CE(Dl, g), Dl)
    return Proof("ce_liar", {"statement": rel}, {g: Domain.integer(0)}, [Step("a", rel, CondExpect())], law=law)


# E[D_g] = mu = -1, not 0.
def tower_wrong_value():
    law = walk_law(-1)
    s = [Step("f", EQ(CE(D(g), g), -1), DrawFact("normal_moments", "D", 1)),
         Step("t", EQ(E(D(g)), 0), Tower(), ("f",))]
    return Proof("tower_wrong", {"statement": EQ(E(D(g)), 0)}, {g: Domain.integer(0)}, s, law=law)


# E[2 D_g] = -2, not -1.
def expectlinear_wrong_combination():
    law = walk_law(-1)
    s = [Step("f", EQ(CE(D(g), g), -1), DrawFact("normal_moments", "D", 1)),
         Step("t", EQ(E(D(g)), -1), Tower(), ("f",)),
         Step("l", EQ(E(2 * D(g)), -1), ExpectLinear(coefficients=(2,)), ("t",))]
    return Proof("linear_wrong", {"statement": EQ(E(2 * D(g)), -1)}, {g: Domain.integer(0)}, s, law=law)


# Monotonicity turned around: D_g <= D_g + 1 does not give E[D_g + 1] <= E[D_g].
def monotone_reversed():
    law = walk_law(-1)
    s = [Step("p", sp.Le(D(g), D(g) + 1), Algebra()),
         Step("m", sp.Le(E(D(g) + 1), E(D(g))), Monotone(), ("p",))]
    return Proof("monotone_reversed", {"statement": sp.Le(E(D(g) + 1), E(D(g)))}, {g: Domain.integer(0)}, s, law=law)


# Algebra on expectations that may be infinite: E[1/D] - E[1/D + 1] = -1 is oo - oo.
def algebra_on_infinite_expectations():
    Y = 1 / D(g)
    rel = EQ(E(Y) - E(Y + 1), -1)
    return Proof("algebra_infinite", {"statement": rel}, {g: Domain.integer(0)}, [Step("a", rel, Algebra())], law=chi_law(1))


# (-1)^g has no limit.
def limit_oscillating():
    rel = EQ(sp.Limit((-1) ** g, g, sp.oo), 1)
    return Proof("limit_osc", {"statement": rel}, {g: Domain.integer(0)}, [Step("a", rel, Limit())])


# 2^g grows without bound.
def limit_growth_claimed_finite():
    rel = EQ(sp.Limit(2 ** g - g, g, sp.oo), 0)
    return Proof("limit_growth", {"statement": rel}, {g: Domain.integer(0)}, [Step("a", rel, Limit())])


# The increments have positive mean (+1): the walk does not drift to -oo.
def slln_positive_drift():
    law = walk_law(1)
    Lsym, Wsym = sp.Symbol("L"), sp.Symbol("W")
    inst = sp.Implies(sp.And(sp.Eq(X(g + 1), X(g) + D(g)), sp.Lt(E(D(g)), 0)),
                      AlmostSurely(sp.Eq(sp.Limit(X(g), g, sp.oo), -sp.oo)))
    s = [Step("ax", inst, AxiomInstance("slln_random_walk", {Lsym: X(g), Wsym: D(g)})),
         Step("u", EQ(X(g + 1), X(g) + D(g)), LawStep("X")),
         Step("f", EQ(CE(D(g), g), 1), DrawFact("normal_moments", "D", 1)),
         Step("t", EQ(E(D(g)), 1), Tower(), ("f",)),
         Step("neg", sp.Lt(E(D(g)), 0), Rewrite(), ("t",)),
         Step("and", inst.args[0], Conjunction(), ("u", "neg")),
         Step("c", inst.args[1], Detach(), ("ax", "and"))]
    return Proof("slln_positive", {"statement": inst.args[1]}, {g: Domain.integer(0)}, s, law=law)


# Entry 0 of a vector indexed 1..n does not exist (and is not >= 1).
def vector_index_zero():
    v = sp.IndexedBase("v")
    m = sp.Symbol("m", integer=True, positive=True)
    rel = sp.Ge(v[0], 1)
    return Proof("vector_zero", {"statement": rel}, {v: Domain.vector(Domain.integer(1), length=m), m: Domain.integer(1)},
                 [Step("a", rel, Algebra())])


# The first m - 1 entries need not sum to the total.
def vector_total_wrong_range():
    v = sp.IndexedBase("v")
    m = sp.Symbol("m", integer=True, positive=True)
    j = sp.Symbol("j", integer=True)
    rel = EQ(sp.Sum(v[j], (j, 1, m - 1)), 1)
    return Proof("vector_total", {"statement": rel},
                 {v: Domain.vector(Domain.real(0), length=m, total=1), m: Domain.integer(1)},
                 [Step("a", rel, VectorTotal())])


# Generation -1 does not exist; X_{-1} = 0 says nothing true.
def rand_negative_generation():
    law = counter_law()
    rel = EQ(X(g - 1), g - 1)
    return Proof("negative_generation", {"statement": rel}, {g: Domain.integer(0)}, [Step("a", rel, Algebra())], law=law)


# The update leaves the declared domain X >= 0, so X_g >= 0 is false (X_1 = -1).
def law_update_leaves_domain():
    law = Law("down", g, {}, (StateVar("X", 0, X(g) - 1, Domain.real(0)),), ())
    rel = sp.Ge(X(g), 0)
    return Proof("law_leaves_domain", {"statement": rel}, {g: Domain.integer(0)}, [Step("a", rel, Algebra())], law=law)


def _other_law_library():
    law = counter_law()
    F = g
    p = Proof("counter_mean", {"statement": EQ(E(X(g)), F)}, {g: Domain.integer(0)}, _counter_induction_steps(F), law=law)
    return Library({"counter_mean": p})


_LIBRARIES["cite_under_other_law"] = _other_law_library()


# E[X_g] = g holds for the counter law, not for a law whose X steps by 2.
def cite_under_other_law():
    law = Law("counter", g, {}, (StateVar("X", 0, X(g) + 2, Domain.real(0)),), ())
    goal = EQ(E(X(g)), g)
    return Proof("cite_other_law", {"statement": goal}, {g: Domain.integer(0)},
                 [Step("a", goal, Rewrite(source=True), ("cite:counter_mean",))], law=law)


def _stronger_domain_library():
    return Library({"pos": Proof("pos", {"statement": sp.Gt(x, 0)}, {x: Domain.real(0, lo_open=True)},
                                 [Step("a", sp.Gt(x, 0), Algebra())])})


_LIBRARIES["cite_with_weaker_domain"] = _stronger_domain_library()


# x > 0 is proved for x > 0 only; cited for x >= 0 it fails at x = 0.
def cite_with_weaker_domain():
    return Proof("cite_weaker", {"statement": sp.Gt(x, 0)}, {x: Domain.real(0)},
                 [Step("a", sp.Gt(x, 0), Rewrite(source=True), ("cite:pos",))])


_LIBRARIES["self_citation"] = Library({})


# A proof may not cite itself (x > 1 for x >= 0 is false).
def self_citation():
    p = Proof("selfcite", {"statement": sp.Gt(x, 1)}, {x: Domain.real(0)},
              [Step("a", sp.Gt(x, 1), Rewrite(source=True), ("cite:selfcite",))])
    _LIBRARIES["self_citation"]._proofs["selfcite"] = p
    return p


# E[X_g] = g for the counter law, not 2 g.
def induction_wrong_closed_form():
    F = 2 * g
    return Proof("induction_wrong", {"statement": EQ(E(X(g)), F)}, {g: Domain.integer(0)},
                 _counter_induction_steps(F), law=counter_law())


# Rewriting with i = 1 (true only at i = 1) under a binder of i.
def rewrite_under_binder():
    i1 = sp.Symbol("i", integer=True)
    prem = EQ(i1, 1)
    concl = EQ(sp.Sum(i1, (i1, 1, 3)), 3)
    return Proof("rewrite_binder", {"statement": concl}, {i1: Domain.integer(1, 1)},
                 [Step("a", prem, Algebra()), Step("b", concl, Rewrite(), ("a",))])


# Order with a negative scale flips the inequality: from x >= 1 it "concludes" x <= 1.
def order_negative_scale():
    prem = sp.Ge(x, 1)
    concl = sp.Le(x, 1)
    return Proof("order_negative_scale", {"statement": concl}, {x: Domain.real(1)},
                 [Step("a", prem, Algebra()), Step("b", concl, Order(scale=-1), ("a",))])


# Floats round identities into falsehoods: x = x + 10^-30 is false.
def float_tolerance():
    rel = EQ(x, x + sp.Float("1e-30"))
    return Proof("float", {"statement": rel}, {x: Domain.real()}, [Step("a", rel, Algebra())])


# Tiny non-float perturbation below the refuter's 1e-10 tolerance: still false.
def tiny_rational_perturbation():
    rel = EQ(x, x + sp.Rational(1, 10 ** 30))
    return Proof("tiny", {"statement": rel}, {x: Domain.real()}, [Step("a", rel, Algebra())])


# E of a sum over a reversed range is minus a sum (Karr's convention), not a sum of expectations of >= 0 terms.
def expectsum_reversed_range():
    law = chi_law(3)
    j = sp.Symbol("j", integer=True)
    S = sp.Sum(D(g) * j, (j, 3, 1))
    rel = EQ(E(S), sp.Sum(E(D(g) * j), (j, 3, 1)))
    return Proof("expectsum_reversed", {"statement": rel}, {g: Domain.integer(0)}, [Step("a", rel, ExpectSum())], law=law)


# Specializing a parameter of the law silently changes the random quantities.
def specialize_law_parameter():
    mu = sp.Symbol("mu", real=True)
    law = Law("walkmu", g, {mu: Domain.real()}, (StateVar("X", 0, X(g) + D(g), Domain.real()),),
              (Draw("D", "Normal", (mu, 1)),))
    prem = EQ(CE(D(g), g), mu)
    bad = EQ(CE(D(g), g), 5)
    return Proof("specialize_param", {"statement": bad}, {g: Domain.integer(0), mu: Domain.real()},
                 [Step("a", prem, DrawFact("normal_moments", "D", 1)), Step("b", bad, Specialize(mu, 5), ("a",))], law=law)


# --- found by the kernel's own fourth-round self-attack ---------------------------------------------

class _EqualsEverything:
    """Not a sympy object: sympifies to the true relation x = x, and compares equal to anything."""

    def _sympy_(self):
        return EQ(x, x)

    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


# A step's relation was sympified before its class was read: this object passed as x = x, then Specialize
# compared it with the instance (==, which it answers True) and goal matching compared it with the goal
# (== again): 1 = 2 was proved. The kernel now reads only classes before a node is accepted.
def relation_object_equals_everything():
    prem = sp.Gt(x ** 2 + 1, 0, evaluate=False)
    bad = EQ(sp.Integer(1), sp.Integer(2))
    return Proof("equals_everything", {"statement": bad}, {x: Domain.real()},
                 [Step("a", prem, Algebra()), Step("b", _EqualsEverything(), Specialize(x, 1), ("a",))])


# A symbol named by a str subclass that also answers to another name: sympy keeps the look-alike name.
def symbol_name_liar():
    liar = sp.Symbol(_LiarName("y"), real=True)
    rel = EQ(liar, y)
    return Proof("symbol_name_liar", {"statement": rel}, {liar: Domain.real(), y: Domain.real()},
                 [Step("a", rel, Algebra())])


# The local of a proof is read as a plain symbol only: an object with its own hash and equality is no local.
def local_not_a_symbol():
    class Local(sp.Symbol):
        def __eq__(self, other):
            return True

        __hash__ = sp.Symbol.__hash__
    i1 = sp.Symbol("i", integer=True)
    prem = EQ(sp.floor(i1), i1)
    concl = EQ(sp.Sum(sp.floor(i1), (i1, 0, 2)), sp.Sum(i1, (i1, 0, 2)))
    return Proof("local_not_a_symbol", {"statement": concl}, {i1: Domain.integer(0, 3)},
                 [Step("a", prem, Algebra()), Step("b", concl, SumOver(), ("a",))], local=(Local("i"),))


# A domain bound that is an expectation, infinite here (E[1/D] = oo for D ~ ChiSquare(1)): x >= oo says
# nothing, and x > 5 does not follow for every x the bound admits.
def domain_bound_is_infinite_expectation():
    return Proof("bound_word", {"statement": sp.Gt(x, 5)}, {g: Domain.integer(0), x: Domain.real(E(1 / D(g)))},
                 [Step("a", sp.Gt(x, 5), Algebra())], law=chi_law(1))


# The reflection formula gamma(x) gamma(1 - x) = pi / sin(pi x) holds off the integers only; at x = 0, -1,
# -2, -3 the left side is not even defined.
def gamma_reflection_at_poles():
    rel = EQ(sp.gamma(x) * sp.gamma(1 - x) * sp.sin(sp.pi * x), sp.pi)
    return Proof("gamma_reflection", {"statement": rel}, {x: Domain.real(-3, 0)}, [Step("a", rel, Algebra())])


# rf(n, k) gamma(n) = gamma(n + k) through gamma, at a negative integer n where gamma(n) is a pole.
def rising_factorial_at_negative_base():
    k = sp.Symbol("k", integer=True, nonnegative=True)
    rel = EQ(sp.rf(n, k) * sp.gamma(n), sp.gamma(n + k))
    return Proof("rf_negative", {"statement": rel}, {n: Domain.integer(-3, -1), k: Domain.integer(0)},
                 [Step("a", rel, Algebra())])


# The binomial theorem at a negative n: the sum over j = 0..n is reversed and binomial(n, j) is no longer
# the count it is for n >= 0 (at n = -2 the left side is 0, the right 1/4).
def binomial_sum_below_zero():
    j = sp.Symbol("j", integer=True)
    rel = EQ(sp.Sum(sp.binomial(n, j), (j, 0, n)), 2 ** n)
    return Proof("binomial_sum", {"statement": rel}, {n: Domain.integer(-2)}, [Step("a", rel, Algebra())])


# =====================================================================================================

def _fresh(build):
    """Each attack is built from an empty sympy cache, so that no entry's outcome depends on the
    ones before it: a look-alike name (one that hashes like 'X') left in sympy's construction cache
    would be handed back for every later equal-looking term. The kernel now makes every label an
    exact str, but a symbol named by a look-alike is still cached by sympy."""
    def run():
        sp.core.cache.clear_cache()
        return build()
    run.__name__ = build.__name__
    return run


def attacks():
    """(name, proof builder, expected rejection message) for every attack."""
    return [(name, _fresh(build), expected) for name, build, expected in _ATTACKS()]


def _ATTACKS():
    return [
        ("combsimp_binomial_endpoint_then_specialize", combsimp_binomial_endpoint_then_specialize, "could not reduce || its order may not be a natural number"),
        ("combsimp_binomial_interior_integer", combsimp_binomial_interior_integer, "could not reduce || its order may not be a natural number"),
        ("combsimp_binomial_diagonal_zero_equals_one", combsimp_binomial_diagonal_zero_equals_one, "could not reduce || its order may not be a natural number"),
        ("law_statevar_subclass_lies", law_statevar_subclass_lies, "not a kernel StateVar"),
        ("sumover_noninteger_limits", sumover_noninteger_limits, "limits must be integers || cannot determine truth value || an integer range's ends are integers as written"),
        ("sumover_noninteger_limits_power", sumover_noninteger_limits_power, "limits must be integers || may be negative under a root || an integer range's ends are integers as written"),
        ("rand_label_str_subclass_liar", rand_label_str_subclass_liar, "not a node || not the declared initial value"),
        ("induction_cache_fingerprint_collision", induction_cache_fingerprint_collision, "Domain lo_open: must be a bool, not a str || inductive step fails"),
        ("cited_domain_mutated_after_check", cited_domain_mutated_after_check, "does not assume"),
        ("domain_flag_hook_widens_after_steps", domain_flag_hook_widens_after_steps, "Domain lo_open: must be a bool, not a _HookFlag"),
        ("order_cancels_infinite_expectations", order_cancels_infinite_expectations, "it may be infinite"),
        ("condexpect_liar_label_draw_measurable", condexpect_liar_label_draw_measurable, "drawn at or after || not a node || no premise gives"),
        ("zero_power_at_endpoint", zero_power_at_endpoint, "could not reduce"),
        ("piecewise_at_endpoint", piecewise_at_endpoint, "could not reduce"),
        ("binomial_symmetry_negative_integer", binomial_symmetry_negative_integer, "could not reduce || its order may not be a natural number"),
        ("sumover_reversed_range_r4", sumover_reversed_range, "reversed"),
        ("sumover_index_not_local", sumover_index_not_local, "local"),
        ("specialize_at_pole", specialize_at_pole, "not defined || pole || may vanish in a denominator"),
        ("specialize_outside_domain_r4", specialize_outside_domain, "within"),
        ("digamma_axiom_outside_condition", digamma_axiom_outside_condition, "side condition || not real || comparison || an imaginary unit, nan or complex infinity"),
        ("gaussian_w2_negative_variance", gaussian_w2_negative_variance, "side condition || an imaginary unit, nan or complex infinity"),
        ("chi_square_moment_outside_condition", chi_square_moment_outside_condition, "condition"),
        ("binomial_pmf_order_beyond_n", binomial_pmf_order_beyond_n, "condition"),
        ("poisson_factorial_moment_wrong_value", poisson_factorial_moment_wrong_value, "not the instance"),
        ("condexpect_draw_as_measurable", condexpect_draw_as_measurable, "no premise gives || drawn at or after"),
        ("tower_wrong_value", tower_wrong_value, "tower concludes"),
        ("expectlinear_wrong_combination", expectlinear_wrong_combination, "not the combination"),
        ("monotone_reversed", monotone_reversed, "not the expectations"),
        ("algebra_on_infinite_expectations", algebra_on_infinite_expectations, "expectation"),
        ("limit_oscillating_r4", limit_oscillating, "cannot place"),
        ("limit_growth_claimed_finite", limit_growth_claimed_finite, "the limit is || terms tend"),
        ("slln_positive_drift", slln_positive_drift, "could not || not shown"),
        ("vector_index_zero", vector_index_zero, "outside"),
        ("vector_total_wrong_range", vector_total_wrong_range, "whole range"),
        ("rand_negative_generation", rand_negative_generation, "negative"),
        ("law_update_leaves_domain", law_update_leaves_domain, "is not shown"),
        ("cite_under_other_law", cite_under_other_law, "another law"),
        ("cite_with_weaker_domain", cite_with_weaker_domain, "does not assume"),
        ("self_citation", self_citation, "cites itself"),
        ("induction_wrong_closed_form", induction_wrong_closed_form, "inductive step fails"),
        ("rewrite_under_binder", rewrite_under_binder, "binder"),
        ("order_negative_scale_r4", order_negative_scale, "scale"),
        ("float_tolerance", float_tolerance, "Float"),
        ("tiny_rational_perturbation", tiny_rational_perturbation, "could not reduce"),
        ("expectsum_reversed_range", expectsum_reversed_range, "reversed"),
        ("specialize_law_parameter_r4", specialize_law_parameter, "parameter of the law"),
        ("relation_object_equals_everything", relation_object_equals_everything, "not a node the kernel reads"),
        ("symbol_name_liar", symbol_name_liar, "not a node the kernel reads"),
        ("local_not_a_symbol", local_not_a_symbol, "must be a plain symbol"),
        ("domain_bound_is_infinite_expectation", domain_bound_is_infinite_expectation, "finite deterministic"),
        ("gamma_reflection_at_poles", gamma_reflection_at_poles, "could not reduce || its argument may not be positive"),
        ("rising_factorial_at_negative_base", rising_factorial_at_negative_base, "could not reduce || its argument may not be positive"),
        ("binomial_sum_below_zero", binomial_sum_below_zero, "could not reduce || its range may be reversed"),
    ]

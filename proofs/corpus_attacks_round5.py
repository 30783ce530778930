"""Adversarial corpus for the proof kernel, round 5: proofs that a sound kernel must reject.

Written by an attacker who saw only the kernel's source. ``attacks()`` returns ``(name, build,
expected)`` as in the earlier rounds. When written, 24 of these were accepted, from five hole
classes: text in a rule's fields (sympify runs it, and a decimal becomes a rounded Float); sums and
products over reversed or non-integer ranges (sympy's convention, not the ordinary one); removable
poles cancelled by the normal forms; law updates that leave the reals (a root of a negative, a
reciprocal of zero, the imaginary unit, complex infinity); a vector's label standing alone as a
symbol without a domain. The rest are regression entries. Each docstring says why the statement is
false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import CE, E, AlmostSurely, Domain, Draw, GaussW2, Law, Library, Proof, Rand, StateVar, Step
from modelcollapse.proofs.kernel import rules as R

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)
ATTACKS = []


def attack(f):
    ATTACKS.append(f)
    return f


def P(name, goal, domains, steps, law=None, local=()):
    return Proof(name, {"statement": goal}, domains, steps, law, tuple(local))


# ----------------------------------------------------------------------------------------
# Common symbols
x = sp.Symbol('x', real=True)
xp = sp.Symbol('x', real=True, positive=True)
y = sp.Symbol('y', real=True)
n = sp.Symbol('n', integer=True)
npos = sp.Symbol('n', integer=True, positive=True)
k = sp.Symbol('k', integer=True, nonnegative=True)
i = sp.Symbol('i', integer=True)
G = sp.Symbol('g', integer=True, nonnegative=True)
X = lambda t, *idx: Rand("X", t, *idx)
D = lambda t, *idx: Rand("D", t, *idx)
GEN = {G: Domain.integer(0)}


def one_step(name, goal, domains, rule, law=None, premises=(), local=()):
    return P(name, goal, domains, [Step("s", goal, rule, tuple(premises))], law, local)


def _payload(code, result="Symbol('t')"):
    """A str that sympify evaluates: runs ``code`` and returns ``result``."""
    return "(exec(%r), %s)[1]" % (code, result)


_PATCH_SAME = ("import modelcollapse.proofs.kernel.rules as r\n"
               "if not hasattr(r, '_orig'): r._orig = (r.same, r.decide)\n"
               "def _s(a, b, s):\n"
               "    import modelcollapse.proofs.kernel.rules as r\n"
               "    r.same, r.decide = r._orig\n"
               "    del r._orig\n"
               "    return True\n"
               "r.same = _s\n"
               "r.decide = lambda *a, **k: None\n")


# ======================= class A: rule fields given as str are eval'd ======================
@attack
def a01_str_mapping_eval():
    """FALSE: log(x) < digamma(x) for all x > 0 (false everywhere, e.g. x = 1: 0 < -0.577).
    AxiomInstance.mapping values may be str (foreign_in lets str through); axioms.instance calls
    sp.sympify on them, which eval()s Python: the payload swaps rules.same/decide for the step."""
    goal = sp.Lt(sp.log(xp), sp.polygamma(0, xp))
    return one_step("a01", goal, {xp: Domain.real(0, lo_open=True)},
                    R.AxiomInstance("digamma_below_log", {sp.Symbol('x'): _payload(_PATCH_SAME)}))


_PATCH_ZERO = ("import modelcollapse.proofs.kernel.rules as r\n"
               "if not hasattr(r, '_origz'): r._origz = r.zero\n"
               "r._left = 2\n"
               "def _z(e, s, m):\n"
               "    import modelcollapse.proofs.kernel.rules as r\n"
               "    r._left -= 1\n"
               "    if r._left == 0:\n"
               "        r.zero = r._origz\n"
               "        del r._origz\n"
               "r.zero = _z\n")


@attack
def a02_str_coefficient_eval():
    """FALSE: E(X_g) = 5 for the law X_0 = 0, X_{g+1} = X_g (so E(X_g) = 0 at every g).
    ExpectLinear.constant given as a str: sp.sympify eval()s it; the payload disables the
    identity check (rules.zero) for that one step."""
    law = Law("const0", G, {}, (StateVar("X", sp.Integer(0), X(G), Domain.real()),), ())
    goal = sp.Eq(E(X(G)), 5)
    return one_step("a02", goal, dict(GEN), R.ExpectLinear((), _payload(_PATCH_ZERO, "0")), law)

EPS = sp.Rational(1, 10 ** 25)


@attack
def a03_str_coefficient_float():
    """FALSE: E(y (1/10 + 10^-25)) = y/10 for every real y (y = 1: the expectation of the constant
    1/10 + 10^-25 is itself). No code runs: the ExpectLinear coefficient is the str '0.1', which
    sp.sympify turns into a Float (foreign() would reject a Float, but a str field is not read by
    it); Float arithmetic then rounds the 10^-25 away in both identity checks."""
    yy = sp.Symbol('y', real=True)
    steps = [Step("e", sp.Eq(E(yy), yy), R.ExpectLinear((), yy)),
             Step("s", sp.Eq(E(yy * (sp.Rational(1, 10) + EPS)), yy / 10), R.ExpectLinear(("0.1",), 0), ("e",))]
    return P("a03", steps[-1].relation, {yy: Domain.real()}, steps)


@attack
def a04_str_closed_form_float_induction():
    """FALSE: E(X_g) = g/10 for every g under X_0 = 0, X_{g+1} = X_g + 1/10 + 10^-25 (true value
    g (1/10 + 10^-25); false at g = 1). The Induction closed form is the str '0.1*g' (a Float after
    sympify); the inductive step and the conclusion compare exact numbers with the Float and
    round the difference to 0."""
    step = sp.Rational(1, 10) + EPS
    law = Law("drift", G, {}, (StateVar("X", sp.Integer(0), X(G) + step, Domain.real()),), ())
    steps = [Step("i0", sp.Eq(X(0), 0), R.LawInit("X")),
             Step("u", sp.Eq(X(G + 1), X(G) + step), R.LawStep("X")),
             Step("c0", sp.Eq(CE(X(G) + step, G), X(G) + step), R.CondExpect()),
             Step("c", sp.Eq(CE(X(G + 1), G), X(G) + step), R.Rewrite(source=True), ("u", "c0")),
             Step("s", sp.Eq(E(X(G)), G / 10), R.Induction((X(G),), ("0.1*Symbol('g', integer=True, nonnegative=True)",), ((1,),), (step,)), ("i0", "c", "u"))]
    return P("a04", steps[-1].relation, dict(GEN), steps, law)


# ======================= class B: sums/products over reversed or non-integer ranges ========
@attack
def b01_reversed_sum_symbolic():
    """FALSE: sum_{i=1}^{n} 1 = n for every integer n >= -5. At n = -1 the range 1..-1 is empty,
    so the sum is 0, not -1 (the kernel itself rejects reversed ranges in SumOver/ExpectSum as
    'sympy's convention would sum outside it'); Algebra follows sympy's Karr convention."""
    goal = sp.Eq(sp.Sum(1, (i, 1, n)), n)
    return one_step("b01", goal, {n: Domain.integer(-5)}, R.Algebra())


@attack
def b02_reversed_sum_numeric():
    """FALSE: sum_{i=1}^{-1} 1 = -1 (an empty sum is 0)."""
    goal = sp.Eq(sp.Sum(1, (i, 1, -1)), -1)
    return one_step("b02", goal, {}, R.Algebra())


@attack
def b03_reversed_product_numeric():
    """FALSE: prod_{i=1}^{-1} 2 = 1/2 (an empty product is 1)."""
    goal = sp.Eq(sp.Product(2, (i, 1, -1)), sp.Rational(1, 2))
    return one_step("b03", goal, {}, R.Algebra())


@attack
def b04_reversed_product_symbolic():
    """FALSE: prod_{i=1}^{n} 2 = 2^n for every integer n >= -3; at n = -1 the empty product is 1,
    not 1/2."""
    goal = sp.Eq(sp.Product(2, (i, 1, n)), 2 ** n)
    return one_step("b04", goal, {n: Domain.integer(-3)}, R.Algebra())


@attack
def b05_nonint_upper_limit_real():
    """FALSE: sum_{i=1}^{x} 1 > x - 1/2 for all real x in [1, 3]. The integers i with 1 <= i <= x
    number floor(x): at x = 17/10, 1 > 6/5 is false. (sympy counts x - lo + 1 terms for a
    non-integer limit; the decider's split_finite_sums does the same.)"""
    goal = sp.Gt(sp.Sum(1, (i, 1, x)), x - sp.Rational(1, 2))
    return one_step("b05", goal, {x: Domain.real(1, 3)}, R.Algebra())


@attack
def b06_nonint_upper_limit_half():
    """FALSE: sum_{i=1}^{n/2} 1 > n/2 - 1/4 for every integer n >= 1: at n = 3 the sum over
    {i integer: 1 <= i <= 3/2} = {1} is 1 < 5/4."""
    goal = sp.Gt(sp.Sum(1, (i, 1, npos / 2)), npos / 2 - sp.Rational(1, 4))
    return one_step("b06", goal, {npos: Domain.integer(1)}, R.Algebra())


@attack
def b07_nonint_product_limit():
    """FALSE: prod_{i=1}^{x} 2 >= 2^x - 1/10 for every real x in [1, 3]: the integers 1 <= i <= x
    number floor(x), so at x = 19/10 the product is 2 < 2^1.9 - 0.1 = 3.63. (sympy reads the
    product over a non-integer range as 2^x; so does the decider.)"""
    goal = sp.Ge(sp.Product(2, (i, 1, x)), 2 ** x - sp.Rational(1, 10))
    return one_step("b07", goal, {x: Domain.real(1, 3)}, R.Algebra())


@attack
def b08_sumover_nonint_limits():
    """FALSE (target): Sum over a non-integer range via SumOver; _integer_range should reject."""
    j = sp.Symbol('j', integer=True)
    steps = [Step("p", sp.Eq(j + 1, 1 + j, evaluate=False), R.Algebra()),
             Step("s", sp.Eq(sp.Sum(j + 1, (j, 1, npos / 2)), sp.Sum(1 + j, (j, 1, npos / 2)), evaluate=False),
                  R.SumOver(), ("p",))]
    return P("b08", steps[1].relation, {npos: Domain.integer(1), j: Domain.integer(1)}, steps, local=(j,))


# ======================= class C: poles cancelled by normal forms / auto-evaluation ==========
@attack
def c01_pole_algebra():
    """FALSE/undefined: (x^2 - 1)/(x - 1) = x + 1 for every real x; at x = 1 the left side is
    0/0 (undefined), the right side 2. The refuter skips points where a side is undefined and
    sp.cancel removes the pole."""
    goal = sp.Eq((x ** 2 - 1) / (x - 1), x + 1)
    return one_step("c01", goal, {x: Domain.real()}, R.Algebra())


@attack
def c02_pole_law_update():
    """FALSE: X_{g+1} X_g = 1 a.s. for all g >= 0 under the law X_0 = 0, X_{g+1} = 1/X_g with X
    declared real. At g = 0, X_0 = 0 so X_1 X_0 is 0 * (1/0), not 1. Law.problems accepts an
    update that leaves the declared real domain (division by a state that is 0), and Rewrite's
    xreplace auto-cancels X_g^-1 X_g to 1."""
    law = Law("inv", G, {}, (StateVar("X", sp.Integer(0), 1 / X(G), Domain.real()),), ())
    rel = sp.Eq(X(G + 1) * X(G), 1)
    steps = [Step("u", sp.Eq(X(G + 1), 1 / X(G)), R.LawStep("X")), Step("s", rel, R.Rewrite(), ("u",))]
    return P("c02", rel, dict(GEN), steps, law)




@attack
def c03_law_sqrt_leaves_real():
    """FALSE: X_g^2 >= 0 a.s. for every g >= 0 under X_0 = -1, X_{g+1} = sqrt(X_g) with X
    declared real. At g = 1, X_1 = sqrt(-1) = i and X_1^2 = -1 < 0. Law.problems checks an
    unbounded real state domain not at all (no realness, no finiteness), so opaque(X_g) is a
    real symbol."""
    law = Law("sqrtlaw", G, {}, (StateVar("X", sp.Integer(-1), sp.sqrt(X(G)), Domain.real()),), ())
    goal = sp.Ge(X(G) ** 2, 0)
    return one_step("c03", goal, dict(GEN), R.Algebra(), law)


@attack
def c04_law_sqrt_expectation():
    """FALSE: E(0) <= E(X_g^2) for every g (so E(X_1^2) >= 0) under the law of c03, where
    X_1^2 = -1 surely, E(X_1^2) = -1 < 0 = E(0). Monotone from the pathwise c03 claim."""
    law = Law("sqrtlaw", G, {}, (StateVar("X", sp.Integer(-1), sp.sqrt(X(G)), Domain.real()),), ())
    steps = [Step("p", sp.Le(0, X(G) ** 2), R.Algebra()),
             Step("s", sp.Le(E(sp.Integer(0)), E(X(G) ** 2)), R.Monotone(), ("p",))]
    return P("c04", steps[1].relation, dict(GEN), steps, law)


@attack
def c05_law_log_pole():
    """FALSE: X_g > -1000 a.s. ... (target) under X_0 = 0, X_{g+1} = log(X_g) (X_1 = log 0 = -oo):
    a bounded state domain [-1000, oo) must reject the update (expected rejected)."""
    law = Law("loglaw", G, {}, (StateVar("X", sp.Integer(0), sp.log(X(G)), Domain.real(-1000)),), ())
    goal = sp.Ge(X(G), -1000)
    return one_step("c05", goal, dict(GEN), R.Algebra(), law)


# ======================= class D: symbol flags / names =====================================
@attack
def d01_flags_stronger_than_domain():
    """FALSE: x > 0 for every real x (x = -1). The symbol claims positive; domain says real."""
    goal = sp.Gt(xp, 0, evaluate=False)
    return one_step("d01", goal, {xp: Domain.real()}, R.Algebra())


@attack
def d02_label_shadow():
    """FALSE: v > 0 for a plain symbol v that has no domain of its own: the relation also holds
    v[1] of an IndexedBase labelled by the same Symbol, and symbols_of drops every IndexedBase
    label from the symbols that need a domain, so v's own flag (positive) is never checked
    against anything (v = -1 falsifies it, v being a real number the proof never bounds)."""
    v = sp.Symbol('v', positive=True)
    vb = sp.IndexedBase(v)
    goal = sp.And(sp.Gt(v, 0, evaluate=False), sp.Ge(vb[1] ** 2 + 1, 1, evaluate=False), evaluate=False)
    return one_step("d02", goal, {vb: Domain.vector(Domain.real(0, lo_open=True), 2)}, R.Algebra())


class _LyingSymbol(sp.Symbol):
    pass


@attack
def d03_lying_symbol_subclass():
    """FALSE: z > 0 for all real z, with z a Symbol subclass (expected rejected)."""
    z = _LyingSymbol('z', positive=True)
    goal = sp.Gt(z, 0)
    return one_step("d03", goal, {z: Domain.real()}, R.Algebra())


@attack
def d04_float_value():
    """FALSE: 0.1 + 0.2 = 0.3 in exact arithmetic is true, but floats round: target x*0.1*10 = x
    (expected rejected: floats are foreign)."""
    goal = sp.Eq(x * sp.Float(0.1) * 10, x, evaluate=False)
    return one_step("d04", goal, {x: Domain.real()}, R.Algebra())


# ======================= class E: Specialize ===============================================
@attack
def e01_specialize_law_param():
    """FALSE (target): specialize a law parameter p (expected rejected)."""
    p = sp.Symbol('p', real=True)
    law = Law("walk", G, {p: Domain.real()}, (StateVar("X", p, X(G), Domain.real()),), ())
    steps = [Step("u", sp.Eq(X(0), p), R.LawInit("X")), Step("s", sp.Eq(X(0), 1), R.Specialize(p, 1), ("u",))]
    return P("e01", steps[1].relation, {**GEN, p: Domain.real()}, steps, law)


@attack
def e02_specialize_out_of_domain():
    """FALSE: x^2 >= x for x = 1/2 (1/4 < 1/2): specialize a claim true for x >= 1 at 1/2."""
    steps = [Step("p", sp.Ge(x ** 2, x), R.Algebra()),
             Step("s", sp.Ge(sp.Rational(1, 4), sp.Rational(1, 2), evaluate=False), R.Specialize(x, sp.Rational(1, 2)), ("p",))]
    return P("e02", steps[1].relation, {x: Domain.real(1)}, steps)


@attack
def e03_specialize_dependent_domain():
    """FALSE: y <= 1 where y ranges in [0, m] after m is specialised to 1 although y's domain
    depends on m (expected rejected). At m = 2, y = 2 shows the premise m-bound is only y <= m."""
    m = sp.Symbol('m', real=True, positive=True)
    yy = sp.Symbol('y', real=True, nonnegative=True)
    steps = [Step("p", sp.Le(yy, m), R.Algebra()), Step("s", sp.Le(yy, 1), R.Specialize(m, 1), ("p",))]
    return P("e03", sp.Le(yy, 1), {m: Domain.real(0, lo_open=True), yy: Domain.real(0, m)}, steps)


@attack
def e04_specialize_reversed_range():
    """FALSE: sum_{i=1}^{-1} 1 = -1 by specialising b01's (accepted, false) identity at n = -1."""
    steps = [Step("p", sp.Eq(sp.Sum(1, (i, 1, n)), n), R.Algebra()),
             Step("s", sp.Eq(sp.Sum(1, (i, 1, -1)), -1), R.Specialize(n, -1), ("p",))]
    return P("e04", steps[1].relation, {n: Domain.integer(-5)}, steps)


# ======================= class F: citations ================================================
def _lemma_xx():
    goal = sp.Ge(x ** 2, 0)
    return one_step("lemma_sq", goal, {x: Domain.real()}, R.Algebra())


@attack
def f01_cite_narrower_domain():
    """FALSE: x^2 >= x for all real x (x = 1/2) from a lemma proven for x >= 1 only."""
    lem = one_step("lem_ge1", sp.Ge(x ** 2, x), {x: Domain.real(1)}, R.Algebra())
    lib = Library({"lem_ge1": lem})
    goal = sp.Ge(x ** 2, x)
    return P("f01", goal, {x: Domain.real()}, [Step("s", goal, R.Rewrite(), ("cite:lem_ge1",))]), lib


@attack
def f02_cite_other_law():
    """FALSE: X_1 = 1 under the law X_0 = 0, X_{g+1} = X_g (X_1 = 0), citing a lemma proven
    under a law with update X_g + 1 (expected rejected)."""
    law1 = Law("L", G, {}, (StateVar("X", sp.Integer(0), X(G) + 1, Domain.real()),), ())
    law2 = Law("L", G, {}, (StateVar("X", sp.Integer(0), X(G), Domain.real()),), ())
    lem = P("lem", sp.Eq(X(G + 1), X(G) + 1), dict(GEN), [Step("u", sp.Eq(X(G + 1), X(G) + 1), R.LawStep("X"))], law1)
    lib = Library({"lem": lem})
    goal = sp.Eq(X(G + 1), X(G) + 1)
    return P("f02", goal, dict(GEN), [Step("s", goal, R.Rewrite(source=True), ("cite:lem",))], law2), lib


@attack
def f03_circular_citation():
    """FALSE: x > 1 for all real x, by two lemmas citing each other (expected rejected)."""
    goal = sp.Gt(x ** 2 + 2, 1 + x ** 2 + x)
    a = P("A", goal, {x: Domain.real()}, [Step("s", goal, R.Rewrite(source=True), ("cite:B",))])
    b = P("B", goal, {x: Domain.real()}, [Step("s", goal, R.Rewrite(source=True), ("cite:A",))])
    lib = Library({"A": a, "B": b})
    return P("main", goal, {x: Domain.real()}, [Step("s", goal, R.Rewrite(source=True), ("cite:A",))]), lib


@attack
def f04_cite_false_lemma_from_hole():
    """FALSE: sum_{i=1}^{n} 1 = n for every integer n >= -5 (n = -1), obtained by citing the
    lemma of b01 (shows holes propagate through the library unchanged)."""
    lib = Library({"b01": b01_reversed_sum_symbolic()})
    goal = sp.Eq(sp.Sum(1, (i, 1, n)), n)
    lib._proofs["b01"].name = "b01"
    return P("f04", goal, {n: Domain.integer(-5)}, [Step("s", goal, R.Rewrite(source=True), ("cite:b01",))]), lib


@attack
def f05_cite_then_specialize_outside():
    """FALSE: 2^2 <= 2 obtained from a lemma x^2 <= x proven for x in [0, 1], cited and
    specialised at x = 2 (expected rejected: 2 is outside the domain)."""
    lem = one_step("lem01", sp.Le(x ** 2, x), {x: Domain.real(0, 1)}, R.Algebra())
    lib = Library({"lem01": lem})
    steps = [Step("c", sp.Le(x ** 2, x), R.Rewrite(), ("cite:lem01",)),
             Step("s", sp.Le(sp.Integer(4), 2, evaluate=False), R.Specialize(x, 2), ("c",))]
    return P("f05", steps[-1].relation, {x: Domain.real(0, 1)}, steps), lib


@attack
def f06_lawless_lemma_on_law_parameter():
    """FALSE: X_0 = 1 under X_0 = p (p real), from a lawless lemma about p specialised at p = 1
    (expected rejected: p is a parameter of the law)."""
    p = sp.Symbol('p', real=True)
    law = Law("initp", G, {p: Domain.real()}, (StateVar("X", p, X(G), Domain.real()),), ())
    lem = one_step("lemp", sp.Eq(p + 1 - 1, p, evaluate=False), {p: Domain.real()}, R.Algebra())
    lib = Library({"lemp": lem})
    steps = [Step("i", sp.Eq(X(0), p), R.LawInit("X")),
             Step("s", sp.Eq(X(0), 1), R.Specialize(p, 1), ("i",))]
    return P("f06", steps[-1].relation, {**GEN, p: Domain.real()}, steps, law), lib


@attack
def c06_pole_law_tower():
    """FALSE: E(X_{g+1}^2 X_g^2) = 1 for every g >= 0 under X_0 = 0, X_{g+1} = 1/X_g (X 'real').
    At g = 0, X_0 = 0 surely and X_1 = 1/0 is no real number: X_1^2 X_0^2 is not 1, its
    expectation not 1. Rewrite auto-cancels X_g^-2 X_g^2 inside CE; Tower takes it to E."""
    law = Law("inv", G, {}, (StateVar("X", sp.Integer(0), 1 / X(G), Domain.real()),), ())
    Y = X(G + 1) ** 2 * X(G) ** 2
    steps = [Step("u", sp.Eq(X(G + 1), 1 / X(G)), R.LawStep("X")),
             Step("c1", sp.Eq(CE(sp.Integer(1), G), 1), R.CondExpect()),
             Step("c", sp.Eq(CE(Y, G), 1), R.Rewrite(source=True), ("u", "c1")),
             Step("s", sp.Eq(E(Y), 1), R.Tower(), ("c",))]
    return P("c06", steps[-1].relation, dict(GEN), steps, law)


@attack
def c07_zoo_update_law():
    """FALSE: X_{g+1}^2 >= 0 a.s. for every g, where the law sets X_{g+1} = zoo (complex
    infinity) with X declared real: at g = 0, X_1^2 = zoo is no real number, so not >= 0.
    Law.problems accepts the update zoo for an unbounded real state."""
    law = Law("zoo", G, {}, (StateVar("X", sp.Integer(0), sp.zoo, Domain.real()),), ())
    goal = sp.Ge(X(G + 1) ** 2, 0)
    return one_step("c07", goal, dict(GEN), R.Algebra(), law)


@attack
def c08_gamma_pole():
    """FALSE/undefined: gamma(x+1)/gamma(x) = x for every real x (undefined at x = 0, -1, ...)."""
    goal = sp.Eq(sp.gamma(x + 1) / sp.gamma(x), x)
    return one_step("c08", goal, {x: Domain.real()}, R.Algebra())


@attack
def c09_binomial_symmetry_negative():
    """FALSE: binomial(n, k) = binomial(n, n - k) for integers n >= -3, k >= 0: at n = -1, k = 0,
    binomial(-1, 0) = 1 but binomial(-1, -1) = 0 (sympy's value)."""
    goal = sp.Eq(sp.binomial(n, k), sp.binomial(n, n - k))
    return one_step("c09", goal, {n: Domain.integer(-3), k: Domain.integer(0)}, R.Algebra())


@attack
def c10_removable_pole_in_inequality():
    """FALSE/undefined: (x^2 - 1)/(x - 1) > x + 1/2 for every real x; at x = 1 the left side is
    0/0. The refuter skips the undefined point; together() cancels."""
    goal = sp.Gt((x ** 2 - 1) / (x - 1), x + sp.Rational(1, 2))
    return one_step("c10", goal, {x: Domain.real()}, R.Algebra())


# ======================= class G: axioms and facts =========================================
a_, b_ = sp.symbols('a b')
mu = sp.Symbol('mu', real=True)
s2 = sp.Symbol('s2', real=True, positive=True)
NORMAL_LAW = Law("normal_iid", G, {mu: Domain.real(), s2: Domain.real(0, lo_open=True)},
                 (StateVar("X", sp.Integer(0), X(G) + D(G), Domain.real()),), (Draw("D", "Normal", (mu, s2)),))
NDOMS = {**GEN, mu: Domain.real(), s2: Domain.real(0, lo_open=True)}


@attack
def g01_drawfact_negative_order():
    """FALSE: E[D^-1 | F_g] = mu^-1 for D ~ N(mu, s2) (the mean of 1/D does not exist). Normal
    moments are for integer orders >= 0 (expected rejected)."""
    goal = sp.Eq(CE(D(G) ** -1, G), 1 / mu)
    return one_step("g01", goal, NDOMS, R.DrawFact("normal_moments", "D", -1), NORMAL_LAW)


@attack
def g02_chisq_order_at_boundary():
    """FALSE: E[D^(-a/2)] = 2^(-a/2) gamma(0)/gamma(a/2) for D ~ ChiSquare(a): the moment is
    infinite at the boundary order -a/2 (expected rejected)."""
    a = sp.Symbol('a', real=True, positive=True)
    law = Law("chi", G, {a: Domain.real(0, lo_open=True)}, (StateVar("X", sp.Integer(1), D(G), Domain.real(0, lo_open=True)),),
              (Draw("D", "ChiSquare", (a,)),))
    o = -a / 2
    goal = sp.Eq(CE(D(G) ** o, G), 2 ** o * sp.gamma(a / 2 + o) / sp.gamma(a / 2), evaluate=False)
    return one_step("g02", goal, {**GEN, a: Domain.real(0, lo_open=True)}, R.DrawFact("chi_square_moments", "D", o), law)


@attack
def g03_w2_negative_variance():
    """FALSE: GaussW2(0, -1, 0, 0) = (0-0)^2 + (sqrt(-1) - 0)^2 = -1 (a distance is >= 0)
    (expected rejected: side condition v >= 0)."""
    goal = sp.Eq(GaussW2(0, -1, 0, 0), -1)
    return one_step("g03", goal, {}, R.AxiomInstance("gaussian_w2", {a_: 0, sp.Symbol('v'): -1, b_: 0, sp.Symbol('w'): 0}))


@attack
def g04_axiom_condition_unshown():
    """FALSE: digamma(y) < log(y) for every real y: at y = -1/2, log(-1/2) is not real (and at
    y = -3/2, digamma = 0.70 > log(3/2) = 0.41 in modulus terms) -- side condition y > 0 must fail
    (expected rejected)."""
    goal = sp.Lt(sp.polygamma(0, y), sp.log(y))
    return one_step("g04", goal, {y: Domain.real()}, R.AxiomInstance("digamma_below_log", {sp.Symbol('x'): y}))


@attack
def g05_axiom_value_with_word():
    """FALSE (target): digamma(E(X_g)) < log(E(X_g)) with E(X_g) possibly <= 0 (expected rejected:
    a value pattern may hold no word)."""
    goal = sp.Lt(sp.polygamma(0, E(X(G))), sp.log(E(X(G))))
    return one_step("g05", goal, NDOMS, R.AxiomInstance("digamma_below_log", {sp.Symbol('x'): E(X(G))}), NORMAL_LAW)


@attack
def g06_slln_state_dependent_increment():
    """FALSE (target): SLLN with an increment W = X_g (not i.i.d.) (expected rejected)."""
    L, W = sp.Symbol('L'), sp.Symbol('W')
    inst = sp.Implies(sp.And(sp.Eq(X(G + 1), X(G) + X(G)), sp.Lt(E(X(G)), 0)),
                      AlmostSurely(sp.Eq(sp.Limit(X(G), G, sp.oo), -sp.oo)))
    return one_step("g06", inst, NDOMS, R.AxiomInstance("slln_random_walk", {L: X(G), W: X(G)}), NORMAL_LAW)


@attack
def g07_drawfact_wrong_family():
    """FALSE: E[D^2|F_g] = 2 (1) for D ~ N(mu, s2) read as chi-square(1) (expected rejected)."""
    goal = sp.Eq(CE(D(G) ** 2, G), 3)
    return one_step("g07", goal, NDOMS, R.DrawFact("chi_square_moments", "D", 2), NORMAL_LAW)


# ======================= class H: expectation rules ========================================
@attack
def h01_tower_wrong_value():
    """FALSE: E(D_g) = 0 for D_g ~ N(mu, s2) (false for mu = 1), by Tower from E[D_g|F_g] = mu
    (expected rejected)."""
    steps = [Step("c", sp.Eq(CE(D(G), G), mu), R.DrawFact("normal_moments", "D", 1)),
             Step("s", sp.Eq(E(D(G)), 0), R.Tower(), ("c",))]
    return P("h01", steps[-1].relation, NDOMS, steps, NORMAL_LAW)


@attack
def h02_condexpect_draw_as_known():
    """FALSE: E[D_g^2 | F_g] = D_g^2 (D_g ~ N(mu, s2) is not known at g) (expected rejected)."""
    goal = sp.Eq(CE(D(G) ** 2, G), D(G) ** 2)
    return one_step("h02", goal, NDOMS, R.CondExpect(), NORMAL_LAW)


@attack
def h03_monotone_wrong_way():
    """FALSE: E(D_g^2 + 1) <= E(D_g^2) (target) from D^2 <= D^2 + 1 (expected rejected)."""
    steps = [Step("p", sp.Le(D(G) ** 2, D(G) ** 2 + 1), R.Algebra()),
             Step("s", sp.Le(E(D(G) ** 2 + 1), E(D(G) ** 2)), R.Monotone(), ("p",))]
    return P("h03", steps[-1].relation, NDOMS, steps, NORMAL_LAW)


@attack
def h04_induction_wrong_closed_form():
    """FALSE: E(X_g) = g mu + 1 under X_0 = 0, X_{g+1} = X_g + D_g (true value g mu)."""
    steps = [Step("i0", sp.Eq(X(0), 0), R.LawInit("X")),
             Step("u", sp.Eq(X(G + 1), X(G) + D(G)), R.LawStep("X")),
             Step("m", sp.Eq(CE(D(G), G), mu), R.DrawFact("normal_moments", "D", 1)),
             Step("c0", sp.Eq(CE(X(G) + D(G), G), X(G) + mu), R.CondExpect(), ("m",)),
             Step("c", sp.Eq(CE(X(G + 1), G), X(G) + mu), R.Rewrite(source=True), ("u", "c0")),
             Step("s", sp.Eq(E(X(G)), G * mu + 1), R.Induction((X(G),), (G * mu + 1,), ((1,),), (mu,)), ("i0", "c"))]
    return P("h04", steps[-1].relation, NDOMS, steps, NORMAL_LAW)


@attack
def h05_limit_oscillating():
    """FALSE: lim_{g->oo} (-1)^g = 0 (no limit) (expected rejected)."""
    goal = sp.Eq(sp.Limit((-1) ** G, G, sp.oo), 0)
    return one_step("h05", goal, dict(GEN), R.Limit())


@attack
def h06_expectsum_signed():
    """FALSE (target): E(Sum_{i=1}^{3} (D_g - mu)) = Sum E(...) needs a summand >= 0 (expected
    rejected)."""
    goal = sp.Eq(E(sp.Sum(D(G) - mu + 0 * i, (i, 1, 3))), sp.Sum(E(D(G) - mu), (i, 1, 3)))
    return one_step("h06", goal, NDOMS, R.ExpectSum(), NORMAL_LAW)


@attack
def h07_order_zero_scale():
    """FALSE: x + 1 < x for real x, from 0 < 1 with scale 0 (expected rejected)."""
    steps = [Step("p", sp.Lt(sp.Integer(0), sp.Integer(1), evaluate=False), R.Algebra()),
             Step("s", sp.Lt(x ** 2 + 1, x ** 2, evaluate=False), R.Order(0), ("p",))]
    return P("h07", steps[-1].relation, {x: Domain.real()}, steps)


@attack
def h08_expectlinear_random_coefficient():
    """FALSE: E(D_g^2) = mu^2 for D_g ~ N(mu, s2) (true value mu^2 + s2), by ExpectLinear with the
    random coefficient D_g on E(D_g) = mu (expected rejected)."""
    steps = [Step("c", sp.Eq(CE(D(G), G), mu), R.DrawFact("normal_moments", "D", 1)),
             Step("t", sp.Eq(E(D(G)), mu), R.Tower(), ("c",)),
             Step("s", sp.Eq(E(D(G) ** 2), mu ** 2), R.ExpectLinear((D(G),), 0), ("t",))]
    return P("h08", steps[-1].relation, NDOMS, steps, NORMAL_LAW)


@attack
def h09_expectsum_reversed():
    """FALSE: E(sum_{i=1}^{-2} X_g^2) = sum_{i=1}^{-2} E(X_g^2) under sympy's convention is fine,
    but the conventional empty sum makes ExpectSum's use of Karr sums unsound; expected rejected
    (reversed range)."""
    goal = sp.Eq(E(sp.Sum(X(G) ** 2 + 0 * i, (i, 1, -2))), sp.Sum(E(X(G) ** 2 + 0 * i), (i, 1, -2)))
    return one_step("h09", goal, NDOMS, R.ExpectSum(), NORMAL_LAW)


@attack
def h10_sumover_reversed():
    """FALSE: sum_{j=1}^{n} (j - j + 1) = ... over a range that may be reversed (n >= -3):
    SumOver must reject (expected rejected)."""
    j = sp.Symbol('j', integer=True)
    steps = [Step("p", sp.Eq(2 * j + 1, j + j + 1, evaluate=False), R.Algebra()),
             Step("s", sp.Eq(sp.Sum(2 * j + 1, (j, 1, n)), sp.Sum(j + j + 1, (j, 1, n)), evaluate=False), R.SumOver(), ("p",))]
    return P("h10", steps[-1].relation, {n: Domain.integer(-3), j: Domain.integer()}, steps, local=(j,))


@attack
def h11_vector_total_wrong():
    """FALSE: sum_{j=1}^{3} w[j] = 2 for a vector declared to sum to 1 (expected rejected)."""
    j = sp.Symbol('j', integer=True)
    w = sp.IndexedBase('w')
    goal = sp.Eq(sp.Sum(w[j], (j, 1, 3)), 2)
    return one_step("h11", goal, {w: Domain.vector(Domain.real(0, 1), 3, 1)}, R.VectorTotal())


@attack
def h12_conjunction_extra():
    """FALSE: x > 0 and x^2 >= 0 for every real x, a conjunction with an unproven conjunct
    (expected rejected)."""
    steps = [Step("a", sp.Ge(x ** 2 + 1, 1, evaluate=False), R.Algebra()),
             Step("s", sp.And(sp.Ge(x ** 2 + 1, 1, evaluate=False), sp.Gt(x, 0)), R.Conjunction(), ("a",))]
    return P("h12", steps[-1].relation, {x: Domain.real()}, steps)


@attack
def h13_slln_wrong_sign():
    """FALSE: X_g -> -oo a.s. under X_{g+1} = X_g + D_g, D_g ~ N(mu, s2) with mu real (false for
    mu >= 0), detaching the SLLN instance with E(D_g) < 0 unproven (expected rejected)."""
    L, W = sp.Symbol('L'), sp.Symbol('W')
    ante = sp.And(sp.Eq(X(G + 1), X(G) + D(G)), sp.Lt(E(D(G)), 0))
    inst = sp.Implies(ante, AlmostSurely(sp.Eq(sp.Limit(X(G), G, sp.oo), -sp.oo)))
    steps = [Step("ax", inst, R.AxiomInstance("slln_random_walk", {L: X(G), W: D(G)})),
             Step("u", sp.Eq(X(G + 1), X(G) + D(G)), R.LawStep("X")),
             Step("c", sp.Eq(CE(D(G), G), mu), R.DrawFact("normal_moments", "D", 1)),
             Step("t", sp.Eq(E(D(G)), mu), R.Tower(), ("c",)),
             Step("neg", sp.Lt(E(D(G)), 0), R.Order(), ("t",)),
             Step("and", ante, R.Conjunction(), ("u", "neg")),
             Step("s", inst.args[1], R.Detach(), ("ax", "and"))]
    return P("h13", inst.args[1], NDOMS, steps, NORMAL_LAW)


@attack
def b09_induction_reversed_sum_closed_form():
    """FALSE: E(X_g) = sum_{i=1}^{g-1} 1 for every g >= 0 under X_0 = -1, X_{g+1} = X_g + 1.
    At g = 0, E(X_0) = -1 while the range 1..-1 is empty (sum 0). Induction checks the closed form
    by algebra, which reads the reversed sum by sympy's convention (-1): a false closed form of an
    expectation is accepted."""
    law = Law("count", G, {}, (StateVar("X", sp.Integer(-1), X(G) + 1, Domain.real()),), ())
    F = sp.Sum(1, (i, 1, G - 1))
    steps = [Step("i0", sp.Eq(X(0), -1), R.LawInit("X")),
             Step("u", sp.Eq(X(G + 1), X(G) + 1), R.LawStep("X")),
             Step("c0", sp.Eq(CE(X(G) + 1, G), X(G) + 1), R.CondExpect()),
             Step("c", sp.Eq(CE(X(G + 1), G), X(G) + 1), R.Rewrite(source=True), ("u", "c0")),
             Step("s", sp.Eq(E(X(G)), F), R.Induction((X(G),), (F,), ((1,),), (1,)), ("i0", "c", "u"))]
    return P("b09", steps[-1].relation, dict(GEN), steps, law)


@attack
def c11_law_imaginary_update():
    """FALSE: X_g^2 >= 0 a.s. for every g under X_0 = 0, X_{g+1} = X_g + I with X declared
    real: X_1 = I, X_1^2 = -1 < 0. The imaginary unit is an allowed node and an unbounded real
    state domain is never checked to be real."""
    law = Law("imag", G, {}, (StateVar("X", sp.Integer(0), X(G) + sp.I, Domain.real()),), ())
    goal = sp.Ge(X(G) ** 2, 0)
    return one_step("c11", goal, dict(GEN), R.Algebra(), law)


@attack
def c12_law_imaginary_expectation():
    """FALSE: E(0) <= E(X_g^2) for every g under X_0 = 0, X_{g+1} = X_g + I (X declared real):
    at g = 1, X_1^2 = -1 surely, so E(X_1^2) = -1 < 0 = E(0). Monotone from c11's pathwise claim."""
    law = Law("imag", G, {}, (StateVar("X", sp.Integer(0), X(G) + sp.I, Domain.real()),), ())
    steps = [Step("p", sp.Le(0, X(G) ** 2), R.Algebra()),
             Step("s", sp.Le(E(sp.Integer(0)), E(X(G) ** 2)), R.Monotone(), ("p",))]
    return P("c12", steps[-1].relation, dict(GEN), steps, law)



#: Substrings of the message a correct kernel gives, by attack.
EXPECTED = {
    'a01_str_mapping_eval': 'not a node the kernel reads',
    'a02_str_coefficient_eval': 'not a node the kernel reads',
    'a03_str_coefficient_float': 'not a node the kernel reads',
    'a04_str_closed_form_float_induction': 'not a node the kernel reads',
    'b01_reversed_sum_symbolic': 'its range may be reversed',
    'b02_reversed_sum_numeric': 'its range may be reversed',
    'b03_reversed_product_numeric': 'its range may be reversed',
    'b04_reversed_product_symbolic': 'its range may be reversed',
    'b05_nonint_upper_limit_real': 'its limits must be integers',
    'b06_nonint_upper_limit_half': 'its limits must be integers',
    'b07_nonint_product_limit': 'its limits must be integers',
    'b08_sumover_nonint_limits': "its limits must be integers",
    'c01_pole_algebra': 'may vanish in a denominator',
    'c02_pole_law_update': 'may vanish in a denominator',
    'c03_law_sqrt_leaves_real': 'may be negative under a root',
    'c04_law_sqrt_expectation': 'may be negative under a root',
    'c05_law_log_pole': 'is not shown a finite real number',
    'd01_flags_stronger_than_domain': 'sympy could not show > 0',
    'd02_label_shadow': "a vector's label also stands alone",
    'd03_lying_symbol_subclass': 'Proof domains: not a kernel Symbol or Dummy or IndexedBase: a _LyingSymbol',
    'd04_float_value': 'not a node the kernel reads',
    'e01_specialize_law_param': 'p is a parameter of the law',
    'e02_specialize_out_of_domain': "x = 1/2 is not within the symbol's domain",
    'e03_specialize_dependent_domain': 'another domain depends on m',
    'e04_specialize_reversed_range': 'its range may be reversed',
    'f01_cite_narrower_domain': 'cited lem_ge1 needs x real >= 1, which this proof does not assume',
    'f02_cite_other_law': 'cited lem holds under another law',
    'f03_circular_citation': 'circular: A -> B -> A',
    'f04_cite_false_lemma_from_hole': 'its range may be reversed',
    'f05_cite_then_specialize_outside': "x = 2 is not within the symbol's domain",
    'f06_lawless_lemma_on_law_parameter': 'p is a parameter of the law',
    'c06_pole_law_tower': 'may vanish in a denominator',
    'c07_zoo_update_law': 'is not shown a finite real number',
    'c08_gamma_pole': 'may vanish in a denominator',
    'c09_binomial_symmetry_negative': 'its order may not be a natural number',
    'c10_removable_pole_in_inequality': 'may vanish in a denominator',
    'g01_drawfact_negative_order': 'may vanish in a denominator || integer >= 0',
    'g02_chisq_order_at_boundary': 'an imaginary unit, nan or complex infinity || condition',
    'g03_w2_negative_variance': 'side condition -1 >= 0 not shown',
    'g04_axiom_condition_unshown': 'its argument may not be positive',
    'g05_axiom_value_with_word': 'its argument may not be positive || must be deterministic',
    'g06_slln_state_dependent_increment': 'pattern W of slln_random_walk: must be a function of one draw',
    'g07_drawfact_wrong_family': 'chi_square_moments holds for ChiSquare draws; D is Normal',
    'h01_tower_wrong_value': 'tower concludes Eq(E(Y), E(W))',
    'h02_condexpect_draw_as_known': 'no premise gives CE(',
    'h03_monotone_wrong_way': "not the expectations of the premise's sides",
    'h04_induction_wrong_closed_form': 'base case fails for',
    'h05_limit_oscillating': 'cannot place the base -1 against 1',
    'h06_expectsum_signed': 'the summand must be shown >= 0',
    'h07_order_zero_scale': 'the scale is not shown positive',
    'h08_expectlinear_random_coefficient': 'coefficients must be deterministic (and finite), and so must the value',
    'h09_expectsum_reversed': 'its range may be reversed',
    'h10_sumover_reversed': 'the range must not be reversed || its range may be reversed',
    'h11_vector_total_wrong': "not the vector's total || have no domain in the proof",
    'h12_conjunction_extra': 'concludes And of exactly its premises',
    'h13_slln_wrong_sign': 'takes one inequality and equalities, concludes an inequality',
    'b09_induction_reversed_sum_closed_form': 'its range may be reversed',
    'c11_law_imaginary_update': 'is not shown a finite real number',
    'c12_law_imaginary_expectation': 'is not shown a finite real number',
}


def _build(f):
    def run():
        sp.core.cache.clear_cache()  # each attack from an empty sympy cache
        built = f()
        proof, library = built if isinstance(built, tuple) else (built, None)
        if library is not None:
            _LIBRARIES["r5_" + f.__name__] = library
        return proof
    run.__name__ = f.__name__
    return run


def attacks():
    """(name, proof builder, expected rejection message) for every attack."""
    return [("r5_" + f.__name__, _build(f), EXPECTED[f.__name__]) for f in ATTACKS]

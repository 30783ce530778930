"""Adversarial corpus for the proof kernel, round 2: proofs that a sound kernel must reject.

``attacks()`` returns ``(name, build, expected)`` tuples, as in :mod:`corpus_attacks`: ``build`` is a
zero-argument callable returning a :class:`~modelcollapse.proofs.kernel.Proof` (some set up a library,
warm a cache or define classes first), ``expected`` a substring of the message a correct kernel should
plausibly give ("" when unsure). Attacks that cite other proofs need their library: check an entry
with :func:`check_attack`, which passes ``library_for(name)``.

Every statement below is false, or is reached by invalid reasoning; the comment above each entry
says why. Only sympy and the kernel are used; no kernel file is modified.
"""

from __future__ import annotations

from collections.abc import Mapping

import sympy as sp

from modelcollapse.proofs.kernel import (CE, Domain, Draw, E, Law, Library, Proof, Rand, StateVar, Step, check)
from modelcollapse.proofs.corpus_attacks import altered_domain, checker
from modelcollapse.proofs.kernel import rules as R

# --- shared symbols, laws and helpers ------------------------------------------------------

g = sp.Symbol("g", integer=True, nonnegative=True)
G0 = {g: Domain.integer(0)}
FALSE_EQ = sp.Eq(1, 2, evaluate=False)
_t = sp.Symbol("t", real=True)
#: 1/4 - 1/4 in disguise: no free symbol, sympy.N cannot evaluate it (so no sampled point ever
#: refutes an expression holding it), and simplify evaluates it to 0 (so the symbolic check ignores it).
JUNK = sp.LaplaceTransform(_t, _t, 2) - sp.Rational(1, 4)


def X(t, *idx):
    return Rand("x", t, *idx)


def D(t, *idx):
    return Rand("D", t, *idx)


_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)


class _CallbackLibrary(Library):
    """A Library subclass whose ``proof(name)`` first runs a hook: code that runs in the middle of
    checking the citing proof (the checker resolves citations between steps)."""

    def __init__(self, proofs, hooks):
        super().__init__(proofs)
        self.hooks = hooks

    def proof(self, name):
        if name in self.hooks:
            self.hooks[name]()
        return super().proof(name)


def _trivial_lemma():
    triv = sp.Eq(sp.Integer(0), sp.Integer(0), evaluate=False)
    return triv, Proof("lemma_trivial_r2", {"statement": triv}, {}, [Step("a", triv, R.Algebra())])


class _VoidDomain(Domain):
    """A Domain subclass with no cases (every claim holds in all of them) and unusable sample points."""

    def cases(self, symbol, tag):
        return []

    def sample(self, rng, bounds):
        return sp.nan


class _LiarInt(sp.Integer):
    """An Integer whose value is negative but which claims to be non-negative and positive; its
    difference with anything is 1 and it refuses numerical evaluation. Arithmetic with it yields plain
    Integers, so it disappears from the expressions it enters."""

    is_nonnegative = True
    is_positive = True
    is_negative = False

    def __new__(cls, value):
        obj = sp.Expr.__new__(cls)
        obj.p = int(value)
        return obj

    def __sub__(self, other):
        return sp.Integer(1)

    def __complex__(self):
        raise TypeError("no numerical value")

    def _eval_evalf(self, prec):
        return None


class _SpoofedInt(_LiarInt):
    """The same liar, whose class claims to live in sympy (``foreign`` reads ``cls.__module__``)."""


_SpoofedInt.__module__ = "sympy.core.numbers"


class _spoofed_sine(sp.sin):
    """Prints as sin; simplifies to 0 and refuses numerical evaluation; claims to be sympy's own."""

    def _eval_simplify(self, **kwargs):
        return sp.S.Zero

    def _eval_evalf(self, prec):
        raise ValueError("no numerical value")

    def _sympystr(self, printer):
        return f"sin({printer.doprint(self.args[0])})"


_spoofed_sine.__module__ = "sympy.functions.elementary.trigonometric"


# ==========================================================================================
# Attacks
# ==========================================================================================

# --- decision procedures: normal forms and domains -------------------------------------------

def infinite_lower_bound():
    # Domain.real(-oo) is every real, but its only case is x = -oo (and sampled points are -oo, which
    # never evaluate), so exp(x) = 0 "holds"; within() accepts x >= 0 as inside it, and at x = 0: 1 = 0.
    x = sp.Symbol("x", real=True)
    rel = sp.Eq(sp.exp(x), 0, evaluate=False)
    lemma = Proof("lemma_minus_inf_r2", {"statement": rel}, {x: Domain.real(-sp.oo)}, [Step("a", rel, R.Algebra())])
    _LIBRARIES["infinite_lower_bound"] = Library({"lemma_minus_inf_r2": lemma})
    f = sp.Eq(1, 0, evaluate=False)
    return Proof("infinite_lower_bound", {"statement": f}, {x: Domain.real(0)}, [
        Step("c", rel, R.Rewrite(source=True), ("cite:lemma_minus_inf_r2",)),
        Step("d", f, R.Specialize(x, 0), ("c",))])


def integer_infinite_upper_bound():
    # Domain.integer(hi=oo) is every integer; its case is n = oo - m = oo, where exp(-n) = 0; exp(-n) = 0
    # is false for every integer n.
    n = sp.Symbol("n", integer=True)
    rel = sp.Eq(sp.exp(-n), 0, evaluate=False)
    return Proof("integer_infinite_upper_bound", {"statement": rel}, {n: altered_domain(kind="integer", hi=sp.oo)},
                 [Step("a", rel, R.Algebra())])


def sum_bound_generation():
    # x_k under a sum over k is x at every generation k, but opaque() gives it one symbol (only bound
    # *indices* become vectors), so x_0 + x_1 = 2 x_0 is accepted; under the counting law it says 1 = 0.
    k = sp.Symbol("k", integer=True)
    L = Law("count_r2", g, {}, (StateVar("x", 0, X(g) + 1, Domain.real()),), ())
    rel = sp.Eq(sp.Sum(X(k), (k, 0, 1)), sp.Sum(2 * X(k), (k, 0, 0)))
    return Proof("sum_bound_generation", {"statement": rel}, dict(G0), [Step("a", rel, R.Algebra())], law=L)


def specialize_zero_times_reversed_product():
    # P(c) = (c + 1) P(c - 1) with P(c) = prod_{s=1}^{c} (s + 1) holds where defined, but at c = -1 the
    # right side is 0 * (1 / prod_{s=-1}^{0}(s + 1)) = 0 * (1/0): undefined. Specialize lets sympy turn
    # 0 * Product(...) into 0 and the left side into 1, concluding 1 = 0.
    s = sp.Symbol("s", integer=True)
    c = sp.Symbol("c", integer=True)
    rel = sp.Eq(sp.Product(s + 1, (s, 1, c)), (c + 1) * sp.Product(s + 1, (s, 1, c - 1)))
    f = sp.Eq(1, 0, evaluate=False)
    return Proof("specialize_zero_times_reversed_product", {"statement": f}, {c: Domain.integer()}, [
        Step("a", rel, R.Algebra()), Step("b", f, R.Specialize(c, -1), ("a",))])


def specialize_zero_times_sum_pole():
    # c * sum_{s=c}^{c} 1/s = 1 for c >= 1, undefined at c = 0 (1/0, hidden from _defined_at inside the
    # sum); the junk term keeps the sampler from evaluating c = 0. Specialize at 0 makes 0 * Sum -> 0,
    # so junk = 1, while junk = 0: 0 = 1.
    c = sp.Symbol("c", integer=True, nonnegative=True)
    s = sp.Symbol("s", integer=True)
    rel = sp.Eq(c * sp.Sum(1 / s, (s, c, c)) + JUNK, 1)
    at0 = sp.Eq(JUNK, 1, evaluate=False)
    f = sp.Eq(0, 1, evaluate=False)
    return Proof("specialize_zero_times_sum_pole", {"statement": f}, {c: Domain.integer(0)}, [
        Step("a", rel, R.Algebra()), Step("b", at0, R.Specialize(c, 0), ("a",)),
        Step("z", sp.Eq(JUNK, 0, evaluate=False), R.Algebra()),
        Step("f", f, R.Rewrite(source=True), ("z", "b"))])


def quadratic_complex_coefficient():
    # x^2 + sqrt(y) x >= 0 for all real x and y <= -1: the quadratic-discriminant step (a = 1 > 0,
    # 4ac - b^2 = -y > 0) assumes real coefficients, but sqrt(y) is imaginary; the value is not even
    # real (x = 1, y = -1: 1 + i). The junk term dodges the sampled points.
    x, y = sp.symbols("x y", real=True)
    rel = sp.Ge(x ** 2 + sp.sqrt(y) * x + JUNK, 0)
    return Proof("quadratic_complex_coefficient", {"statement": rel}, {x: Domain.real(), y: Domain.real(hi=-1)},
                 [Step("a", rel, R.Algebra())])


def domain_bound_undeclared_symbol():
    # x ranges over [c, oo) where the bound is a *different* symbol c (positive=True) that no domain
    # declares, while the declared c is any real: the case x = c_pos + m is positive, so x > 0 is
    # accepted (false for c = -2, x = -1). The junk term dodges the sampled points.
    c_pos = sp.Symbol("c", positive=True)
    c = sp.Symbol("c", real=True)
    x = sp.Symbol("x", real=True)
    goal = sp.Gt(x + JUNK, 0)
    return Proof("domain_bound_undeclared_symbol", {"statement": goal}, {c: Domain.real(), x: Domain.real(c_pos)},
                 [Step("a", goal, R.Algebra())])


def binomial_symmetry_negative():
    # binomial(n, k) = binomial(n, n - k) fails for negative n (n = -1, k = 0: 1 versus 0); the junk
    # term dodges the sampled points, so only the symbolic check decides.
    n, k = sp.symbols("n k", integer=True)
    rel = sp.Eq(sp.binomial(n, k) + JUNK, sp.binomial(n, n - k))
    return Proof("binomial_symmetry_negative", {"statement": rel}, {n: Domain.integer(hi=-1), k: Domain.integer(0)},
                 [Step("a", rel, R.Algebra())])


# --- binders the kernel does not know ----------------------------------------------------------

def rewrite_under_laplace_binder():
    # t^2 = t on {0, 1}; rewriting it inside LaplaceTransform(., t, s), which binds t (bound_symbols
    # does not know it), concludes L[t^2](s) = L[t](s), i.e. 2/s^3 = 1/s^2.
    t = sp.Symbol("t", real=True)
    s = sp.Symbol("s", positive=True)
    rel = sp.Eq(sp.LaplaceTransform(t ** 2, t, s), sp.LaplaceTransform(t, t, s))
    return Proof("rewrite_under_laplace_binder", {"statement": rel},
                 {t: Domain.finite([0, 1]), s: Domain.real(0, lo_open=True)}, [
        Step("a", sp.Eq(t ** 2, t), R.Algebra()), Step("b", rel, R.Rewrite(), ("a",))])


def specialize_into_limit_variable():
    # lim 2^-g = 0; Specialize g = 5 substitutes the limit's own variable (fresh_binders renames sums,
    # products and integrals, not limits): Limit(1/32, 5, oo) = 0, and that limit is 1/32, so 1/32 = 0.
    lim = sp.Eq(sp.Limit(2 ** -g, g, sp.oo), 0, evaluate=False)
    L5 = sp.Limit(sp.Rational(1, 32), 5, sp.oo)
    f = sp.Eq(sp.Rational(1, 32), 0, evaluate=False)
    return Proof("specialize_into_limit_variable", {"statement": f}, dict(G0), [
        Step("a", lim, R.Limit()),
        Step("b", sp.Eq(L5, 0, evaluate=False), R.Specialize(g, 5), ("a",)),
        Step("c", sp.Eq(L5, sp.Rational(1, 32), evaluate=False), R.Algebra()),
        Step("d", f, R.Rewrite(source=True), ("c", "b"))])


# --- laws: domains and components ------------------------------------------------------------------

def state_domain_names_generation():
    # x's declared domain is [0, g]: true of x_g, but rand_domains gives x_5 the same [0, g] with the
    # proof's free g, so x_5 <= g "for every g"; Specialize g = 0 (no *proof* domain depends on g) gives
    # x_5 <= 0, while the law makes x_5 = 49/16.
    L = Law("growing_r2", g, {}, (StateVar("x", 0, X(g) / 2 + g / 2, Domain.real(0, g)),), ())
    vals = [sp.Integer(0)]
    for t in range(5):
        vals.append(vals[-1] / 2 + sp.Rational(t, 2))
    f = sp.Le(vals[5], 0, evaluate=False)
    steps = [Step("le", sp.Le(X(5), g), R.Algebra()),
             Step("le0", sp.Le(X(5), 0), R.Specialize(g, 0), ("le",)),
             Step("i", sp.Eq(X(0), 0), R.LawInit("x")),
             Step("st", sp.Eq(X(g + 1), X(g) / 2 + g / 2), R.LawStep("x"))]
    prev = "i"
    for t in range(5):
        steps.append(Step(f"s{t}", sp.Eq(X(t + 1), X(t) / 2 + sp.Rational(t, 2)), R.Specialize(g, t), ("st",)))
        steps.append(Step(f"v{t}", sp.Eq(X(t + 1), vals[t + 1]), R.Rewrite(source=True), (prev, f"s{t}")))
        prev = f"v{t}"
    steps.append(Step("f", f, R.Order(), ("le0", prev)))
    return Proof("state_domain_names_generation", {"statement": f}, dict(G0), steps, law=L)


def state_domain_names_index():
    # x_{g,i} lies in [0, i], but x_{g,3} is given the domain [0, i] with the free index i: x_{0,3} <= i
    # for every i, so x_{0,3} <= 1 at i = 1; the law says x_{0,3} = 3: 3 <= 1.
    i = sp.Symbol("i", integer=True, positive=True)
    L = Law("idxdom_r2", g, {}, (StateVar("x", i, X(g, i), Domain.real(0, i), (i,)),), (), {i: Domain.integer(1)})
    f = sp.Le(3, 1, evaluate=False)
    return Proof("state_domain_names_index", {"statement": f}, {**G0, i: Domain.integer(1)}, [
        Step("a", sp.Le(X(0, 3), i), R.Algebra()),
        Step("b", sp.Le(X(0, 3), 1), R.Specialize(i, 1), ("a",)),
        Step("c", sp.Eq(X(0, i), i), R.LawInit("x")),
        Step("d", sp.Eq(X(0, 3), 3), R.Specialize(i, 3), ("c",)),
        Step("e", f, R.Order(), ("b", "d"))], law=L)


def state_domain_subclass():
    # A state variable's domain may be a Domain subclass (only the proof's domains are type-checked):
    # with no cases, x_g = 5 holds "in every case"; the law says x_0 = 1, so 1 = 5.
    L = Law("voidstate_r2", g, {}, (StateVar("x", 1, X(g), _VoidDomain("real")),), ())
    f = sp.Eq(1, 5, evaluate=False)
    return Proof("state_domain_subclass", {"statement": f}, dict(G0), [
        Step("a", sp.Eq(X(g), 5), R.Algebra()),
        Step("b", sp.Eq(X(0), 5), R.Specialize(g, 0), ("a",)),
        Step("c", sp.Eq(X(0), 1), R.LawInit("x")),
        Step("d", f, R.Rewrite(source=True), ("c", "b"))], law=L)


def law_param_domain_subclass():
    # The law's parameter domain is a Domain subclass with no cases, so Law.problems() shows nothing
    # (every "update stays in [0, oo)" check is vacuous) although x_1 = a - 1 < 0 for a < 1; from the
    # declared x_1 >= 0 the proof concludes a >= 1 for every real a.
    a = sp.Symbol("a", real=True)
    L = Law("void_param_r2", g, {a: _VoidDomain("real")}, (StateVar("x", 1, a * X(g) - 1, Domain.real(0)),), ())
    goal = sp.Ge(a, 1)
    return Proof("law_param_domain_subclass", {"statement": goal}, {**G0, a: Domain.real()}, [
        Step("p", sp.Ge(X(1), 0), R.Algebra()),
        Step("st", sp.Eq(X(g + 1), a * X(g) - 1), R.LawStep("x")),
        Step("s0", sp.Eq(X(1), a * X(0) - 1), R.Specialize(g, 0), ("st",)),
        Step("i", sp.Eq(X(0), 1), R.LawInit("x")),
        Step("s1", sp.Eq(X(1), a - 1), R.Rewrite(source=True), ("i", "s0")),
        Step("f", goal, R.Order(), ("p", "s1"))], law=L)


def past_draw_known_given_state():
    # CE(Y, g) is, per the vocabulary, the expectation given the *state* at g; with y_g = D_{g-1}^2 the
    # state does not determine D_{g-1}, so E[D_{g-1} | y_g] = 0, not D_{g-1} (and D_{-1} does not exist).
    L = Law("square_r2", g, {}, (StateVar("y", 0, D(g) ** 2, Domain.real(0)),), (Draw("D", "Normal", (0, 1)),))
    goal = sp.Eq(CE(D(g - 1), g), D(g - 1))
    return Proof("past_draw_known_given_state", {"statement": goal}, dict(G0), [Step("a", goal, R.CondExpect())],
                 law=L)


# --- expectations: integrability and ranges ---------------------------------------------------------

def _heavy_tower_law():
    return Law("heavy_tower_r2", g, {}, (StateVar("w", 1, sp.exp(Rand("A", g) ** 2), Domain.real(0)),),
               (Draw("A", "Normal", (0, 1)), Draw("B", "Normal", (0, 1))))


def tower_nonintegrable_product():
    # w_g = exp(A_{g-1}^2), B_g ~ N(0, 1): E|w_1 B_1| = E[e^{A^2}] E|B| = oo, so E(w_1 B_1) does not
    # exist; Tower (no integrability check) turns E[w_g B_g | F_g] = 0 into E(w_g B_g) = 0.
    w, B = (lambda t: Rand("w", t)), (lambda t: Rand("B", t))
    goal = sp.Eq(E(w(g) * B(g)), 0)
    return Proof("tower_nonintegrable_product", {"statement": goal}, dict(G0), [
        Step("mb", sp.Eq(CE(B(g), g), 0), R.DrawFact("normal_moments", "B", 1)),
        Step("ce", sp.Eq(CE(w(g) * B(g), g), 0), R.CondExpect(), ("mb",)),
        Step("t", goal, R.Tower(), ("ce",))], law=_heavy_tower_law())


def induction_walk_nonintegrable_increment():
    # y_{g+1} = y_g + B_g with B_g ~ N(0, exp(x_g^2)) and x_g ~ N(0, 1): the walk check accepts B_g as
    # an integrable increment (its *conditional* moments are finite), but E|B_1| = c E[exp(x_1^2 / 2)]
    # = oo, so E(y_2) does not exist; Induction concludes E(y_g) = 0.
    y, B = (lambda t: Rand("y", t)), (lambda t: Rand("B", t))
    L = Law("heavy_walk_r2", g, {}, (StateVar("x", 0, Rand("A", g), Domain.real()),
                                     StateVar("y", 0, y(g) + B(g), Domain.real())),
            (Draw("A", "Normal", (0, 1)), Draw("B", "Normal", (0, sp.exp(X(g) ** 2)))))
    goal = sp.Eq(E(y(g)), 0)
    return Proof("induction_walk_nonintegrable_increment", {"statement": goal}, dict(G0), [
        Step("base", sp.Eq(y(0), 0), R.LawInit("y")),
        Step("st", sp.Eq(y(g + 1), y(g) + B(g)), R.LawStep("y")),
        Step("mb", sp.Eq(CE(B(g), g), 0), R.DrawFact("normal_moments", "B", 1)),
        Step("ce0", sp.Eq(CE(y(g) + B(g), g), y(g)), R.CondExpect(), ("mb",)),
        Step("ce", sp.Eq(CE(y(g + 1), g), y(g)), R.Rewrite(), ("st", "ce0")),
        Step("ind", goal, R.Induction((y(g),), (0,), ((1,),), (0,)), ("base", "ce", "st"))], law=L)


def induction_gamma_hidden_pole():
    # The coefficient gamma(g+2) gamma(g) / gamma(g+1)^2 = (g+1)/g is undefined at g = 0, but
    # _denominators skips gamma's poles (and sees only gamma(g+1) > 0); as in induction_pole, phi(0) = 0
    # leaves F(1) free: E(g x_g) = g^2 + 5g, so E(x_1) = 6 while x_1 = 1.
    L = Law("count_nn_r2", g, {}, (StateVar("x", 0, X(g) + 1, Domain.real(0)),), ())
    phi = g * X(g)
    coef = sp.gamma(g + 2) * sp.gamma(g) / sp.gamma(g + 1) ** 2
    F = g ** 2 + 5 * g
    goal = sp.Eq(E(X(1)), 6)
    return Proof("induction_gamma_hidden_pole", {"statement": goal}, dict(G0), [
        Step("base", sp.Eq(0, 0, evaluate=False), R.Algebra()),
        Step("st", sp.Eq(X(g + 1), X(g) + 1), R.LawStep("x")),
        Step("ce0", sp.Eq(CE((g + 1) * (X(g) + 1), g), (g + 1) * X(g) + g + 1), R.CondExpect()),
        Step("ce", sp.Eq(CE((g + 1) * X(g + 1), g), (g + 1) * X(g) + g + 1), R.Rewrite(), ("st", "ce0")),
        Step("ind", sp.Eq(E(phi), F), R.Induction((phi,), (F,), ((coef,),), (g + 1,)), ("base", "ce")),
        Step("at1", goal, R.Specialize(g, 1), ("ind",))], law=L)


def expect_sum_random_range():
    # ExpectSum over i = 1..n_g, a random range (n_g ~ Poisson(2) for g >= 1): the left side E(sum) is a
    # number, the right side sum_{i <= n_g} E(1) = n_g E(1) is random; "E(n_g) = n_g E(1)" a.s. is false.
    i = sp.Symbol("i", integer=True)
    n, P = (lambda t: Rand("n", t)), (lambda t: Rand("P", t))
    L = Law("poisson_count_r2", g, {}, (StateVar("n", 0, P(g), Domain.integer(0)),), (Draw("P", "Poisson", (2,)),))
    rel = sp.Eq(E(sp.Sum(1, (i, 1, n(g)))), sp.Sum(E(1), (i, 1, n(g))))
    return Proof("expect_sum_random_range", {"statement": rel}, dict(G0), [Step("a", rel, R.ExpectSum())], law=L)


def limit_coefficient_log_pole():
    # lim_g log(x) 2^-g = 0 "for every x in [0, 1]": at x = 0 the sequence is -oo (log 0) at every g.
    # The closed lower end is folded into x = u/(1+u), u >= 0, so no case meets the pole literally.
    x = sp.Symbol("x", real=True)
    rel = sp.Eq(sp.Limit(sp.log(x) * sp.Rational(1, 2) ** g, g, sp.oo), 0, evaluate=False)
    return Proof("limit_coefficient_log_pole", {"statement": rel}, {**G0, x: Domain.real(0, 1)},
                 [Step("a", rel, R.Limit())])


def limit_kronecker_exponent():
    # 2^(g - g delta(g, 7)) tends to oo (it is 2^g except at g = 7), not 0.
    rel = sp.Eq(sp.Limit(2 ** (g - g * sp.KroneckerDelta(g, 7)), g, sp.oo), 0, evaluate=False)
    return Proof("limit_kronecker_exponent", {"statement": rel}, dict(G0), [Step("a", rel, R.Limit())])


def nonexistent_limit_difference():
    # lim((-1)^g + 1) and lim (-1)^g do not exist, so their difference is no number; unsafe() screens
    # expectations and infinite sums/products but not Limit (nor improper integrals) in algebraic claims.
    rel = sp.Eq(sp.Limit((-1) ** g + 1, g, sp.oo) - sp.Limit((-1) ** g, g, sp.oo), 1, evaluate=False)
    return Proof("nonexistent_limit_difference", {"statement": rel}, {}, [Step("a", rel, R.Algebra())])


# --- locals and citations ------------------------------------------------------------------------

def empty_local_domain():
    # A local with an empty finite domain (no longer constructible: built by altering one) leaves the space
    # no case at all; the Limit rule (which loops over cases and never samples) then accepts lim g = 0, and
    # citation ignores locals' domains.
    e = sp.Symbol("e")
    lim = sp.Eq(sp.Limit(g, g, sp.oo), 0, evaluate=False)
    lemma = Proof("lemma_empty_local_r2", {"statement": lim}, {**G0, e: altered_domain(kind="finite")},
                  [Step("a", lim, R.Limit())], local=(e,))
    _LIBRARIES["empty_local_domain"] = Library({"lemma_empty_local_r2": lemma})
    return Proof("empty_local_domain", {"statement": lim}, dict(G0),
                 [Step("c", lim, R.Rewrite(source=True), ("cite:lemma_empty_local_r2",))])


def local_in_domain_bound():
    # The lemma's local n (= 5) bounds x in [0, n]: x <= 5 is proved. The citing proof has x in [0, n]
    # with n up to 100; within() compares the bound symbol n, and n's own domain is skipped (local).
    x = sp.Symbol("x", real=True)
    n = sp.Symbol("n", integer=True)
    goal = sp.Le(x, 5)
    lemma = Proof("lemma_local_bound_r2", {"statement": goal}, {x: Domain.real(0, n), n: Domain.finite([5])},
                  [Step("a", goal, R.Algebra())], local=(n,))
    _LIBRARIES["local_in_domain_bound"] = Library({"lemma_local_bound_r2": lemma})
    return Proof("local_in_domain_bound", {"statement": goal}, {x: Domain.real(0, n), n: Domain.integer(0, 100)},
                 [Step("c", goal, R.Rewrite(source=True), ("cite:lemma_local_bound_r2",))])


def local_in_vector_total():
    # The lemma's local s = 1 is p's total, so sum(p) = 1 is proved; the citing proof has p summing to
    # s for any real s (same total symbol, local domain skipped): sum(p) = 1 for p summing to 7.
    p = sp.IndexedBase("p")
    j = sp.Symbol("j", integer=True)
    s = sp.Symbol("s", real=True)
    S = sp.Sum(p[j], (j, 1, 2))
    goal = sp.Eq(S, 1)
    lemma = Proof("lemma_local_total_r2", {"statement": goal},
                  {s: Domain.finite([1]), p: Domain.vector(Domain.real(), 2, s)}, [
        Step("t", sp.Eq(S, s), R.VectorTotal()), Step("one", sp.Eq(s, 1), R.Algebra()),
        Step("g", goal, R.Rewrite(), ("one", "t"))], local=(s,))
    _LIBRARIES["local_in_vector_total"] = Library({"lemma_local_total_r2": lemma})
    return Proof("local_in_vector_total", {"statement": goal}, {s: Domain.real(), p: Domain.vector(Domain.real(), 2, s)},
                 [Step("c", goal, R.Rewrite(source=True), ("cite:lemma_local_total_r2",))])


def library_callback_domains():
    # A Library subclass runs code while the citing proof is checked: when the lemma (x >= 0) is fetched
    # it narrows the proof's domains dict, which _cited reads live; the next citation restores it. The
    # proof's space (and its snapshot) say x real: sqrt(x^2) = x for every real x.
    x = sp.Symbol("x", real=True)
    rel = sp.Eq(sp.sqrt(x ** 2), x)
    triv, trivial = _trivial_lemma()
    lemma = Proof("lemma_pos_r2", {"statement": rel}, {x: Domain.real(0)}, [Step("a", rel, R.Algebra())])
    main = Proof("library_callback_domains", {"statement": rel}, {x: Domain.real()}, [
        Step("c", rel, R.Rewrite(source=True), ("cite:lemma_pos_r2",)),
        Step("d", triv, R.Rewrite(source=True), ("cite:lemma_trivial_r2",))])
    _LIBRARIES["library_callback_domains"] = _CallbackLibrary(
        {"lemma_pos_r2": lemma, "lemma_trivial_r2": trivial},
        {"lemma_pos_r2": lambda: main.domains.__setitem__(x, Domain.real(0)),
         "lemma_trivial_r2": lambda: main.domains.__setitem__(x, Domain.real())})
    return main


def library_callback_law_swap():
    # The same with proof.law: swapped to the lemma's law (x_0 = 1) while the citation is compared,
    # restored (x_0 = 2) by the next citation; the rules ran under x_0 = 2 throughout: 1 = 2.
    L1 = Law("one_r2", g, {}, (StateVar("x", 1, X(g), Domain.real()),), ())
    L2 = Law("two_r2", g, {}, (StateVar("x", 2, X(g), Domain.real()),), ())
    r1 = sp.Eq(X(0), 1)
    lemma = Proof("lemma_one_r2", {"statement": r1}, dict(G0), [Step("a", r1, R.LawInit("x"))], law=L1)
    triv, trivial = _trivial_lemma()
    main = Proof("library_callback_law_swap", {"statement": FALSE_EQ}, dict(G0), [
        Step("c", r1, R.Rewrite(source=True), ("cite:lemma_one_r2",)),
        Step("d", triv, R.Rewrite(source=True), ("cite:lemma_trivial_r2",)),
        Step("i", sp.Eq(X(0), 2), R.LawInit("x")),
        Step("f", FALSE_EQ, R.Rewrite(source=True), ("c", "i"))], law=L2)
    _LIBRARIES["library_callback_law_swap"] = _CallbackLibrary(
        {"lemma_one_r2": lemma, "lemma_trivial_r2": trivial},
        {"lemma_one_r2": lambda: setattr(main, "law", L1), "lemma_trivial_r2": lambda: setattr(main, "law", L2)})
    return main


def library_callback_mutates_relation():
    # Step a proves x = x; a later citation's hook rewrites that (already accepted) relation object's
    # _args to (1, 2); goal matching compares by ==, so the goal 1 = 2 is "established by step a".
    x = sp.Symbol("x_mut_r2", real=True)
    tr = sp.Eq(x, x, evaluate=False)
    triv, trivial = _trivial_lemma()

    def mutate():
        tr._args = (sp.Integer(1), sp.Integer(2))
    _LIBRARIES["library_callback_mutates_relation"] = _CallbackLibrary({"lemma_trivial_r2": trivial},
                                                                       {"lemma_trivial_r2": mutate})
    return Proof("library_callback_mutates_relation", {"statement": FALSE_EQ}, {x: Domain.real()}, [
        Step("a", tr, R.Algebra()), Step("b", triv, R.Rewrite(source=True), ("cite:lemma_trivial_r2",))])


def library_callback_mutates_statevar():
    # The law is checked once at the start (x >= 0, update x_g); a citation's hook then rewrites the
    # (frozen, but object.__setattr__-able) StateVar's update to -1. LawStep reads the live update:
    # x_1 = -1 together with the declared x_1 >= 0 gives -1 >= 0. (Since round 36 every cited proof is fetched
    # before the check begins, so the hook runs first and the kernel reads the law it left: not well formed.)
    sv = StateVar("x", 1, X(g), Domain.real(0))
    L = Law("mutable_r2", g, {}, (sv,), ())
    triv, trivial = _trivial_lemma()
    f = sp.Ge(-1, 0, evaluate=False)
    _LIBRARIES["library_callback_mutates_statevar"] = _CallbackLibrary(
        {"lemma_trivial_r2": trivial}, {"lemma_trivial_r2": lambda: object.__setattr__(sv, "step", sp.Integer(-1))})
    return Proof("library_callback_mutates_statevar", {"statement": f}, dict(G0), [
        Step("b", triv, R.Rewrite(source=True), ("cite:lemma_trivial_r2",)),
        Step("p", sp.Ge(X(1), 0), R.Algebra()),
        Step("s", sp.Eq(X(g + 1), -1), R.LawStep("x")),
        Step("s0", sp.Eq(X(1), -1), R.Specialize(g, 0), ("s",)),
        Step("f", f, R.Order(), ("p", "s0"))], law=L)


class _LyingGoals(Mapping):
    """goals whose items() (what the checker matches) differ from __getitem__ (what dict() copies)."""

    def __init__(self, shown, real):
        self.shown, self.real = shown, real

    def __getitem__(self, key):
        return self.real[key]

    def __iter__(self):
        return iter(self.real)

    def __len__(self):
        return len(self.real)

    def items(self):
        return self.shown.items()

    def values(self):
        return self.shown.values()


def lying_goals_mapping():
    # The lemma's goals are a Mapping whose items() say x = x (matched and proved) while dict(goals),
    # the report's snapshot, reads 1 = 2; citing the lemma yields 1 = 2.
    x = sp.Symbol("x", real=True)
    t0 = sp.Eq(x, x, evaluate=False)
    lemma = Proof("lemma_lying_goals_r2", _LyingGoals({"statement": t0}, {"statement": FALSE_EQ}), {x: Domain.real()},
                  [Step("a", t0, R.Algebra())])
    _LIBRARIES["lying_goals_mapping"] = Library({"lemma_lying_goals_r2": lemma})
    return Proof("lying_goals_mapping", {"statement": FALSE_EQ}, {x: Domain.real()},
                 [Step("c", FALSE_EQ, R.Rewrite(source=True), ("cite:lemma_lying_goals_r2",))])


class _FickleLocals:
    """An iterable that is empty the first time (the structural checks) and names x afterwards (the
    snapshot that citations read)."""

    def __init__(self, later):
        self.n, self.later = 0, later

    def __iter__(self):
        self.n += 1
        return iter(() if self.n == 1 else self.later)


def fickle_locals_iterable():
    # proof.local is iterated three times; the lemma's goal mentions x (x >= 0), which is no local when
    # checked but is one in the snapshot, so the citing proof (x any real) skips x's domain.
    x = sp.Symbol("x")
    rel = sp.Eq(sp.sqrt(x ** 2), x)
    lemma = Proof("lemma_fickle_r2", {"statement": rel}, {x: Domain.real(0)}, [Step("a", rel, R.Algebra())],
                  local=_FickleLocals((x,)))
    _LIBRARIES["fickle_locals_iterable"] = Library({"lemma_fickle_r2": lemma})
    return Proof("fickle_locals_iterable", {"statement": rel}, {x: Domain.real()},
                 [Step("c", rel, R.Rewrite(source=True), ("cite:lemma_fickle_r2",))])


def induction_cache_space_id():
    # _SYSTEMS caches an Induction system by (rule, premises, id(space)); warm it with proofs where
    # c = 0 (E(x_g) = g + c g holds), hoping the wide proof's space reuses an id: then E(x_g) = g + c g
    # would be accepted for every real c (false at c = 1).
    c = sp.Symbol("c", real=True)
    L = Law("count_nn_cache_r2", g, {}, (StateVar("x", 0, X(g) + 1, Domain.real(0)),), ())
    F = g + c * g

    def mk(name, cdom):
        return Proof(name, {"statement": sp.Eq(E(X(g)), F)}, {**G0, c: cdom}, [
            Step("init", sp.Eq(X(0), 0), R.LawInit("x")),
            Step("st", sp.Eq(X(g + 1), X(g) + 1), R.LawStep("x")),
            Step("ce0", sp.Eq(CE(X(g) + 1, g), X(g) + 1), R.CondExpect()),
            Step("ce", sp.Eq(CE(X(g + 1), g), X(g) + 1), R.Rewrite(), ("st", "ce0")),
            Step("ind", sp.Eq(E(X(g)), F), R.Induction((X(g),), (F,), ((1,),), (1,)), ("init", "ce"))], law=L)
    for _ in range(3):
        check(mk("induction_cache_warm_r2", Domain.finite([0])))
    return mk("induction_cache_space_id", Domain.real())


# --- rule parameters and classes that lie ------------------------------------------------------------

def specialize_lying_integer_value():
    # Rule parameters are not screened: Specialize's value is an Integer subclass worth -2 that claims
    # to be non-negative, so it passes contains() for x >= 0; substituting it gives sqrt(4) = -2.
    x = sp.Symbol("x")
    prem = sp.Eq(sp.sqrt(x ** 2), x)
    f = sp.Eq(2, -2, evaluate=False)
    return Proof("specialize_lying_integer_value", {"statement": f}, {x: Domain.real(0)}, [
        Step("a", prem, R.Algebra()), Step("b", f, R.Specialize(x, _LiarInt(-2)), ("a",))])


def order_lying_scale():
    # Order's scale is an Integer subclass worth -1 claiming positive (and unevaluable): from 0 < 1 it
    # concludes 0 < -1.
    f = sp.Lt(0, -1, evaluate=False)
    return Proof("order_lying_scale", {"statement": f}, {}, [
        Step("p", sp.Lt(0, 1, evaluate=False), R.Algebra()), Step("q", f, R.Order(scale=_LiarInt(-1)), ("p",))])


def drawfact_spoofed_module_order():
    # The order -1 of the normal moments, as an Integer subclass that claims to be non-negative and
    # whose __module__ says sympy (so foreign() lets it into the relation): E[1/D | F_g] = 0 for
    # D ~ N(0, 1), an expectation that does not exist.
    L = Law("normal01_r2", g, {}, (StateVar("y", 0, D(g), Domain.real()),), (Draw("D", "Normal", (0, 1)),))
    m1 = _SpoofedInt(-1)
    rel = sp.Eq(CE(D(g) ** m1, g), 0)
    return Proof("drawfact_spoofed_module_order", {"statement": rel}, dict(G0),
                 [Step("a", rel, R.DrawFact("normal_moments", "D", m1))], law=L)


def spoofed_module_simplify():
    # The previous round's custom sin subclass (simplify -> 0, no numerical value), now with
    # __module__ set to sympy's: foreign() reads cls.__module__, so sin(x) = 0 for every real x.
    x = sp.Symbol("x", real=True)
    rel = sp.Eq(_spoofed_sine(x), 0)
    return Proof("spoofed_module_simplify", {"statement": rel}, {x: Domain.real()}, [Step("a", rel, R.Algebra())])


class _LyingEntry(Domain):
    """An entry domain (two levels down, where flag_problems does not look) whose flags claim positive."""

    def flags(self):
        return {"positive": True}


def nested_vector_domain_subclass():
    # p is a vector of vectors of reals; the inner entry domain is a Domain subclass whose flags() say
    # positive (only the first entry level is type-checked), so the case vector is positive: p[1,1] > 0.
    p = sp.IndexedBase("p")
    dom = altered_domain(kind="vector", entry=Domain("vector", entry=_LyingEntry("real")))  # (now refused as built)
    rel = sp.Gt(p[1, 1], 0)
    return Proof("nested_vector_domain_subclass", {"statement": rel}, {p: dom}, [Step("a", rel, R.Algebra())])


ATTACKS = [
    # (name, builder, expected message of a correct kernel)
    ("infinite_lower_bound", infinite_lower_bound, "cited lemma_minus_inf_r2#statement is not proved"),
    ("integer_infinite_upper_bound", integer_infinite_upper_bound, "Cannot convert oo to int || an integer range's ends are integers as written"),
    ("sum_bound_generation", sum_bound_generation, "x_k: its generation may be negative"),
    ("specialize_zero_times_reversed_product", specialize_zero_times_reversed_product, "is not defined at c = -1 || sympy could not reduce lhs - rhs to 0 || its range may be reversed"),
    ("specialize_zero_times_sum_pole", specialize_zero_times_sum_pole, "LaplaceTransform is not a node the kernel reads"),
    ("quadratic_complex_coefficient", quadratic_complex_coefficient, "LaplaceTransform is not a node the kernel reads"),
    ("domain_bound_undeclared_symbol", domain_bound_undeclared_symbol, "LaplaceTransform is not a node the kernel reads"),
    ("binomial_symmetry_negative", binomial_symmetry_negative, "LaplaceTransform is not a node the kernel reads"),
    ("rewrite_under_laplace_binder", rewrite_under_laplace_binder, "is not a node the kernel reads"),
    ("specialize_into_limit_variable", specialize_into_limit_variable, "g is bound in the premise"),
    ("state_domain_names_generation", state_domain_names_generation, "law growing_r2: the domain of x may name the law's parameters only"),
    ("state_domain_names_index", state_domain_names_index, "law idxdom_r2: the domain of x may name the law's parameters only"),
    ("state_domain_subclass", state_domain_subclass, "sympy could not reduce lhs - rhs to 0 || StateVar domain: not a kernel Domain: a _VoidDomain"),
    ("law_param_domain_subclass", law_param_domain_subclass, "Law params: not a kernel Domain: a _VoidDomain"),
    ("past_draw_known_given_state", past_draw_known_given_state, "D_{g - 1}: its generation may be negative"),
    ("tower_nonintegrable_product", tower_nonintegrable_product, "not shown integrable"),
    ("induction_walk_nonintegrable_increment", induction_walk_nonintegrable_increment, "not shown integrable"),
    ("induction_gamma_hidden_pole", induction_gamma_hidden_pole, "is not shown defined for every g >= 0"),
    ("expect_sum_random_range", expect_sum_random_range, "the range must be deterministic || its limits must be integers"),
    ("limit_coefficient_log_pole", limit_coefficient_log_pole, "the coefficient log(_x_u) is not shown finite || its argument may not be positive"),
    ("limit_kronecker_exponent", limit_kronecker_exponent, "KroneckerDelta is not a node the kernel reads"),
    ("nonexistent_limit_difference", nonexistent_limit_difference, "a limit is left in an algebraic claim; it may not exist (the limit rul"),
    ("empty_local_domain", empty_local_domain, "not established"),
    ("local_in_domain_bound", local_in_domain_bound, "cited lemma_local_bound_r2#statement is not proved"),
    ("local_in_vector_total", local_in_vector_total, "cited lemma_local_total_r2#statement is not proved"),
    ("library_callback_domains", library_callback_domains, "which this proof does not assume"),
    ("library_callback_law_swap", library_callback_law_swap, "holds under another law"),
    ("library_callback_mutates_relation", library_callback_mutates_relation, "not established"),
    ("library_callback_mutates_statevar", library_callback_mutates_statevar, "the law changed during the check || not the declared update || the update of x: -1 >= 0 is not shown"),
    ("lying_goals_mapping", lying_goals_mapping, "is not proved"),
    ("fickle_locals_iterable", fickle_locals_iterable, "cited lemma_fickle_r2#statement is not proved"),
    ("induction_cache_space_id", induction_cache_space_id, "inductive step fails"),
    ("specialize_lying_integer_value", specialize_lying_integer_value, "is not a node the kernel reads"),
    ("order_lying_scale", order_lying_scale, "Order scale: _LiarInt is not a node the kernel reads"),
    ("drawfact_spoofed_module_order", drawfact_spoofed_module_order, "is not a node the kernel reads"),
    ("spoofed_module_simplify", spoofed_module_simplify, "is not a node the kernel reads"),
    ("nested_vector_domain_subclass", nested_vector_domain_subclass, "AttributeError: 'NoneType' object has no attribute 'atoms' || Domain entry: not a kernel Domain: a _LyingEntry"),
]


def attacks():
    """(name, proof builder, expected rejection message) for every attack."""
    return list(ATTACKS)

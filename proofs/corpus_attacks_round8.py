"""Adversarial corpus for the proof kernel, round 8: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source, after round 7 and the linearity
that keeps expectations. ``attacks()`` returns ``(name, build, expected)`` as in the earlier rounds.
When written, 18 of these 36 were accepted, by class:

* A 8: what a rule read as a number was never shown to be one: a divergent sum (the harmonic series,
  Grandi's), or a limit that does not exist, passed as a constant or coefficient of ExpectLinear, a
  coefficient of the Limit rule, or a factor "known at generation g" of CondExpect (E(H D) = 0 with
  H = oo; E(1/D - H) = E(1/D) - H, an oo - oo);
* B 4: rewriting with sympy's evaluation folded 0 E(X) to 0 after the claim was gated, erasing an
  expectation that is oo or does not exist;
* C 2: a sum with two limits binds its first variable in the second limit only in sympy's reading;
  the binder renaming captured the free symbol there;
* D 4: a generation bound by a sum was judged by the binder's flags (``zero=True`` made x_{g+1} pass
  as known at g: CE(x_{g+1} D_g, g) = 0, whose true value is 1).

The principles that close them: one gate for numbers (``deterministic``: no word, no infinite sum or
product, no limit; and finite where a coefficient), applied by every rule and to factors known at g;
what may have no value leaves a rewritten expression only by being replaced; a sum or product takes
one limit; a sum's or product's index claims no flag its range does not imply. The other 18 entries were
rejected when written and stay as probes of the same boundaries. Each docstring says why the
statement is false.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import Domain, Draw, Law, Proof, StateVar, Step
from modelcollapse.proofs.kernel.rules import Algebra, AxiomInstance, ExpectLinear, Rewrite
from modelcollapse.proofs.kernel.terms import CE, E, Rand, Var

library_for, check_attack = checker({})

k = sp.Symbol("k", integer=True, positive=True)
t = sp.Symbol("t", positive=True)
x = sp.Symbol("x", real=True, nonnegative=True)
g = sp.Symbol("g", integer=True, nonnegative=True)
ALT = sp.Sum((-1) ** k, (k, 1, sp.oo))          # Grandi's series: no value at all
HARM = sp.Sum(1 / k, (k, 1, sp.oo))              # the harmonic series: +oo
OSC = sp.Limit(sp.sin(1 / t), t, 0)               # a limit that does not exist


def gamma_law(a=sp.Rational(1, 2)):
    """A law with one draw D_g ~ Gamma(a, 1) (a = 1/2: E(1/D) = oo) and a dummy state."""
    return Law("L", g, {}, (StateVar("s", 1, 1, Domain.real(0)),), (Draw("D", "Gamma", (a, 1)),))


D = Rand("D", g)


def one(name, rel, rule, domains, law=None, premises_steps=(), cite=None):
    """A proof whose goal is ``rel``, shown by ``rule`` from the earlier steps (or those labelled ``cite``)."""
    cite = tuple(s.label for s in premises_steps) if cite is None else cite
    steps = list(premises_steps) + [Step("goal", rel, rule, cite)]
    return Proof(name, {"statement": rel}, domains, steps, law=law)


# --- Class A: infinite or non-existent deterministic constants in ExpectLinear ----------------

def A1_grandi_constant():
    """(a) E(S) = S with S = Sum((-1)^k, k = 1..oo): S has no value (partial sums 1, 0, 1, ...), so
    the statement is undefined at every point (e.g. x = 0).
    (b) ExpectLinear's constant is never checked finite or defined; `undefined` walks an infinite
    sum's summand but never asks it to converge; Y - combo and rhs - value cancel by sympy's
    automatic Add (S - S -> 0) and is_zero's `expr == 0` shortcut runs before `unsafe`."""
    rel = sp.Eq(E(ALT), ALT)
    return one("A1", rel, ExpectLinear((), ALT), {x: Domain.real(0)})


def A2_kept_oo_minus_oo():
    """(a) E(1/D - H) = E(1/D) - H with D ~ Gamma(1/2, 1) and H = Sum(1/k, k = 1..oo) = +oo:
    E(1/D) = integral of x^(-3/2) e^(-x) / Gamma(1/2) near 0 = +oo, so the value is oo - oo
    (undefined) at every generation g, e.g. g = 0. (The left side is E(-oo) = -oo.)
    (b) the kept term's one-sign argument only looks at the d_j; the constant c0 = -H is an
    unevaluated infinite sum that passes as 'deterministic' and cancels structurally."""
    rel = sp.Eq(E(1 / D - HARM), E(1 / D) - HARM)
    return one("A2", rel, ExpectLinear((), -HARM, ((1, 1 / D),)), {g: Domain.integer(0)}, gamma_law())


def A3_nonexistent_limit_constant():
    """(a) E(L) = L with L = Limit(sin(1/t), t -> 0+), which does not exist: undefined everywhere.
    (b) no infinity symbol occurs in L (a limit at a finite point), so even a check `has(oo)` would
    pass it; `undefined` does not look at Limit nodes' existence at all."""
    rel = sp.Eq(E(OSC), OSC)
    return one("A3", rel, ExpectLinear((), OSC), {x: Domain.real(0)})


def A4_kept_plus_grandi():
    """(a) E(x + S) = E(x) + S, x >= 0, S = Grandi's series: undefined at x = 0.
    (b) as A1, with a kept term: the kept machinery adds nothing to the constant's check."""
    rel = sp.Eq(E(x + ALT), E(x) + ALT)
    return one("A4", rel, ExpectLinear((), ALT, ((1, x),)), {x: Domain.real(0)})


def A5_probe_algebra_divergent():
    """Probe: Algebra on Eq(S, S) (unevaluated) is refused by decide's `unsafe` gate."""
    rel = sp.Eq(ALT, ALT, evaluate=False)
    return one("A5", rel, Algebra(), {x: Domain.real(0)})


def A6_probe_premise_infinite():
    """Probe: a premise value with an infinite sum is refused (premises are checked, constants not)."""
    p = Step("p", sp.Eq(E(ALT), ALT), ExpectLinear((), ALT))
    rel = sp.Eq(E(2 * ALT), 2 * ALT)
    return one("A6", rel, ExpectLinear((2,)), {x: Domain.real(0)}, premises_steps=(p,))


def A7_probe_oo_coefficient():
    """Probe: a kept coefficient oo is not shown > 0 (E(oo x) = oo E(x) at x = 0 would be E(nan))."""
    rel = sp.Eq(E(sp.oo * x), sp.oo * E(x))
    return one("A7", rel, ExpectLinear((), 0, ((sp.oo, x),)), {x: Domain.real(0, 1)})


def A8_probe_literal_minus_oo():
    """Probe: a literal -oo constant makes sympy evaluate the relation (x - oo - (x - oo) is nan)."""
    rel = sp.Eq(E(x - sp.oo), E(x) - sp.oo)
    return one("A8", rel, ExpectLinear((), -sp.oo, ((1, x),)), {x: Domain.real(0, 1)})


def normal_law():
    """A law with one draw D_g ~ Normal(0, 1)."""
    return Law("N", g, {}, (StateVar("s", 1, 1, Domain.real(0)),), (Draw("D", "Normal", (0, 1)),))


def _mean_zero_steps():
    from modelcollapse.proofs.kernel.rules import DrawFact, Tower
    return (Step("ce", sp.Eq(CE(D, g), 0), DrawFact("normal_moments", "D", 1)),
            Step("e", sp.Eq(E(D), 0), Tower(), ("ce",)))


def A9_infinite_coefficient_times_mean_zero():
    """(a) E(H D) = 0 for D ~ Normal(0, 1), H = Sum(1/k, k = 1..oo) = +oo: H D is +oo or -oo with
    probability 1/2 each, so its mean does not exist (oo - oo); false/undefined at every g, e.g. g = 0.
    The value is even word-free and finite-looking: it could feed any rule that wants a finite mean.
    (b) ExpectLinear's coefficients c_k are never checked finite; the value c * 0 is folded to 0 by
    sympy's Mul before anything looks at it."""
    rel = sp.Eq(E(HARM * D), 0)
    return one("A9", rel, ExpectLinear((HARM,)), {g: Domain.integer(0)}, normal_law(), _mean_zero_steps(), ("e",))


def A10_nonexistent_limit_coefficient():
    """(a) E(L D) = 0, D ~ Normal(0, 1), L = Limit(sin(1/t), t -> 0+) (does not exist): undefined.
    (b) as A9, with a coefficient in which no infinity symbol occurs at all."""
    rel = sp.Eq(E(OSC * D), 0)
    return one("A10", rel, ExpectLinear((OSC,)), {g: Domain.integer(0)}, normal_law(), _mean_zero_steps(), ("e",))


def A11_probe_variance_premise():
    """Probe: the variance axiom's premise Eq(E(Y^2), value) refuses a value holding an infinite sum
    (it checks has(oo) and `unsafe`), so class A cannot feed it a divergent value: the premise
    E(H^2 D^2) = H^2 is accepted (class A), the variance instance for Y = H D is not."""
    from modelcollapse.proofs.kernel.rules import DrawFact, Tower
    steps = (Step("ce2", sp.Eq(CE(D ** 2, g), 1), DrawFact("normal_moments", "D", 2)),
             Step("e2", sp.Eq(E(D ** 2), 1), Tower(), ("ce2",)),
             Step("p", sp.Eq(E(HARM ** 2 * D ** 2), HARM ** 2), ExpectLinear((HARM ** 2,)), ("e2",)))
    Y = HARM * D
    rel = sp.Eq(Var(Y), E(Y ** 2) - E(Y) ** 2)
    return one("A11", rel, AxiomInstance("variance", {sp.Symbol("Y"): Y}), {g: Domain.integer(0)}, normal_law(),
               steps, ("p",))


def A12_limit_rule_drops_nonexistent_coefficient():
    """(a) lim_{g -> oo} L / 2^g = 0 with L = Limit(sin(1/t), t -> 0+), which does not exist: the
    sequence is undefined at every g, so is its limit; yet the value 0 is word-free and finite.
    (b) the Limit rule's coefficient gate is `not c.has(oo, ...) and not undefined(c)`: a Limit at a
    finite point has no infinity symbol and `undefined` does not look at Limit nodes; the term is
    then dropped as `c * (1/2)^g -> 0` without any algebra (no `unsafe` check is reached)."""
    rel = sp.Eq(sp.Limit(OSC / 2 ** g, g, sp.oo), 0)
    from modelcollapse.proofs.kernel.rules import Limit as LimitRule
    return one("A12", rel, LimitRule(), {g: Domain.integer(0)})


def A13_probe_limit_rule_harmonic_coefficient():
    """Probe: the same with H = Sum(1/k, k = 1..oo) as the coefficient is refused (it has oo)."""
    rel = sp.Eq(sp.Limit(HARM / 2 ** g, g, sp.oo), 0)
    from modelcollapse.proofs.kernel.rules import Limit as LimitRule
    return one("A13", rel, LimitRule(), {g: Domain.integer(0)})


def A14_condexpect_tower_infinite_factor():
    """(a) E(H D) = 0 for D ~ Normal(0, 1), H = Sum(1/k, k = 1..oo) = +oo (the mean does not exist:
    H D = +-oo with probability 1/2 each); undefined at g = 0. Same statement as A9, without ExpectLinear.
    (b) CondExpect takes H as a factor 'known at generation g' (`_measurable` looks at words and random
    quantities only) and H * 0 folds to 0; Tower's integrability test `_integrable_increment` accepts
    any deterministic coefficient of a draw with a cited moment, H included."""
    from modelcollapse.proofs.kernel.rules import CondExpect, DrawFact, Tower
    steps = (Step("ce", sp.Eq(CE(D, g), 0), DrawFact("normal_moments", "D", 1)),
             Step("ceH", sp.Eq(CE(HARM * D, g), 0), CondExpect(), ("ce",)))
    rel = sp.Eq(E(HARM * D), 0)
    return one("A14", rel, Tower(), {g: Domain.integer(0)}, normal_law(), steps, ("ceH",))


# --- Class B: rewriting rebuilds with evaluation on, after the gate: 0 * E(...) -> 0 -----------

y = sp.Symbol("y", real=True)
ZERO = sp.cos(y) ** 2 + sp.sin(y) ** 2 - 1      # identically 0, but not folded by sympy


def two_gamma_law():
    """Two independent draws D, F ~ Gamma(1/2, 1): E(1/D) = E(1/F) = +oo, so E(1/D - 1/F) does not exist."""
    return Law("G2", g, {}, (StateVar("s", 1, 1, Domain.real(0)),),
               (Draw("D", "Gamma", (sp.Rational(1, 2), 1)), Draw("F", "Gamma", (sp.Rational(1, 2), 1))))


F = Rand("F", g)


def B1_rewrite_kills_nonexistent_mean():
    """(a) (cos^2 y + sin^2 y - 1) E(1/D - 1/F) = 0, with D, F i.i.d. Gamma(1/2, 1): E(1/D - 1/F) does
    not exist (oo - oo), so the left side is undefined at every point (y = 0, g = 0).
    (b) Rewrite replaces the premise's left side by 0 with xreplace, evaluation on: 0 * E(...) is
    folded to 0, so the expectation (which would trip `unsafe`) disappears before `decide` looks at
    the claim; `decide` then checks Eq(0, 0). The gate was applied to the rewritten claim, not to
    the claim as stated."""
    rel = sp.Eq(ZERO * E(1 / D - 1 / F), 0)
    return one("B1", rel, Rewrite(), {g: Domain.integer(0), y: Domain.real()}, two_gamma_law(),
               (Step("z", sp.Eq(ZERO, 0), Algebra()),))


def B2_rewrite_kills_infinite_mean_times_zero():
    """(a) (cos^2 y + sin^2 y - 1) E(1/D) = 0, D ~ Gamma(1/2, 1): 0 * (+oo) is undefined (y = 0, g = 0).
    (b) as B1."""
    rel = sp.Eq(ZERO * E(1 / D), 0)
    return one("B2", rel, Rewrite(), {g: Domain.integer(0), y: Domain.real()}, gamma_law(),
               (Step("z", sp.Eq(ZERO, 0), Algebra()),))


def B7_rewrite_reshapes_then_kills_mean():
    """(a) As B2, with a premise that reshapes the expectation first: D = D (cos^2 y + sin^2 y) (true) turns
    E(1/D) into E(1/(D (cos^2 y + sin^2 y))) before the zero factor folds it away: still 0 * oo.
    (b) Written after round 8's fix, as a probe of it: a word that a premise changes is still followed to
    what it became, which must survive the rewriting."""
    rel = sp.Eq(ZERO * E(1 / D), 0)
    return one("B7", rel, Rewrite(), {g: Domain.integer(0), y: Domain.real()}, gamma_law(),
               (Step("z", sp.Eq(ZERO, 0), Algebra()),
                Step("r", sp.Eq(D, D * (sp.cos(y) ** 2 + sp.sin(y) ** 2)), Algebra())))


def B3_rewrite_to_premise_with_dead_term():
    """(a) E(D) + (cos^2 y + sin^2 y - 1) E(1/D - 1/F) = 1/2 (D, F ~ Gamma(1/2, 1)): undefined (the second
    mean does not exist), though the premise E(D) = 1/2 is true.
    (b) as B1, through Rewrite's `same` with a target premise."""
    from modelcollapse.proofs.kernel.rules import DrawFact, Tower
    steps = (Step("ce", sp.Eq(CE(D, g), sp.Rational(1, 2)), DrawFact("gamma_moments", "D", 1)),
             Step("e", sp.Eq(E(D), sp.Rational(1, 2)), Tower(), ("ce",)),
             Step("z", sp.Eq(ZERO, 0), Algebra()))
    rel = sp.Eq(E(D) + ZERO * E(1 / D - 1 / F), sp.Rational(1, 2))
    return Proof("B3", {"statement": rel}, {g: Domain.integer(0), y: Domain.real()},
                 list(steps) + [Step("goal", rel, Rewrite(), ("z", "e"))], law=two_gamma_law())


def B6_order_kills_nonexistent_mean():
    """(a) 2 y + (cos^2 y + sin^2 y - 1) E(1/D - 1/F) <= y^2 + 1, D, F i.i.d. Gamma(1/2, 1):
    the left side is 0 * (oo - oo), undefined at every point (y = 0, g = 0).
    (b) Order checks `unsafe` explicitly ("an expectation left after rewriting has no value shown
    finite") -- but on the rewritten claim, after xreplace folded 0 * E(...) to 0."""
    from modelcollapse.proofs.kernel.rules import Order
    steps = (Step("z", sp.Eq(ZERO, 0), Algebra()), Step("ineq", sp.Le(2 * y, y ** 2 + 1), Algebra()))
    rel = sp.Le(2 * y + ZERO * E(1 / D - 1 / F), y ** 2 + 1)
    return one("B6", rel, Order(), {g: Domain.integer(0), y: Domain.real()}, two_gamma_law(), steps, ("ineq", "z"))


def B4_probe_algebra_same_claim():
    """Probe: Algebra on the same claim is refused (the expectation is still there for `unsafe`)."""
    rel = sp.Eq(ZERO * E(1 / D - 1 / F), 0)
    return one("B4", rel, Algebra(), {g: Domain.integer(0), y: Domain.real()}, two_gamma_law())


def B5_probe_rewrite_keeps_word():
    """Probe: rewriting y -> y (nothing folds) leaves the expectation and is refused."""
    rel = sp.Eq(y * E(1 / D - 1 / F), 0)
    return one("B5", rel, Rewrite(), {g: Domain.integer(0), y: Domain.real()}, two_gamma_law(),
               (Step("z", sp.Eq(ZERO, 0), Algebra()),))


# --- Class C: the definedness walk mis-scopes a multi-limit sum (fresh_binders captures) ---------

i_ = sp.Symbol("i", integer=True, positive=True)
j_ = sp.Symbol("j", integer=True)
n_ = sp.Symbol("n", integer=True, positive=True)
v_ = sp.IndexedBase("v")
VDOMS = {i_: Domain.integer(1), n_: Domain.integer(1), v_: Domain.vector(Domain.real(0, 1), n_)}
# sympy's scoping: in Sum(f, (i, 1, 1), (j, 1, i)) the first limit is innermost, so the i in the
# second (outer) limit is the FREE i: this is 1 * sum_{j=1}^{i} v[j], with i any integer >= 1.
CAPTURED = sp.Sum(v_[j_], (i_, 1, 1), (j_, 1, i_))


def C1_captured_limit_index_out_of_range():
    """(a) E(S) = S with S = Sum(v[j], (i, 1, 1), (j, 1, i)) = v[1] + ... + v[i] (free i >= 1), v a
    vector of length n: at n = 1, i = 2 the entry v[2] does not exist (index out of range).
    (b) `undefined` renames binders with fresh_binders, which replaces i everywhere in the Sum node,
    including the outer limit (j, 1, i) where sympy reads the free i; the walk then checks the
    outer index j against j <= i with i in [1, 1] (the inner binder's range) and finds v[j] in range.
    (ExpectLinear's unchecked constant and the `== 0` shortcut, class A, carry the relation.)"""
    rel = sp.Eq(E(CAPTURED), CAPTURED)
    return one("C1", rel, ExpectLinear((), CAPTURED), VDOMS)


def C2_captured_limit_reversed_range():
    """(a) E(T) = T with T = Sum(1, (i, 1, 1), (j, 1, i)) over every integer i (domain: all integers):
    at i = -3 the outer range 1..-3 is reversed, which the kernel counts as undefined (its own
    convention: conventions for reversed ranges differ).
    (b) as C1: the reversal test hi - lo + 1 >= 0 is asked of the renamed (captured) inner binder."""
    ii = sp.Symbol("i", integer=True)
    T = sp.Sum(j_ ** 2, (ii, 1, 1), (j_, 1, ii))
    rel = sp.Eq(E(T), T)
    return one("C2", rel, ExpectLinear((), T), {ii: Domain.integer()})


def C3_probe_single_limit():
    """Probe: the same sum written with one limit, Sum(v[j], (j, 1, i)), is caught (index outside 1..n)."""
    S = sp.Sum(v_[j_], (j_, 1, i_))
    rel = sp.Eq(E(S), S)
    return one("C3", rel, ExpectLinear((), S), VDOMS)


def C4_probe_algebra_captured():
    """Probe: Algebra cannot decide a claim holding the captured sum (no point evaluates it: refuted)."""
    rel = sp.Ge(CAPTURED, 0)
    return one("C4", rel, Algebra(), VDOMS)


def C5_probe_single_limit_reversed():
    """Probe: Sum(j^2, (j, 1, i)) over every integer i, single limit: the reversed range is caught."""
    ii = sp.Symbol("i", integer=True)
    T = sp.Sum(j_ ** 2, (j_, 1, ii))
    rel = sp.Eq(E(T), T)
    return one("C5", rel, ExpectLinear((), T), {ii: Domain.integer()})


# --- Class D: a binder's sympy flags stand in for its range in the generation check -------------

def D1_negative_generations_by_flag():
    """(a) E(Sum(D_i, i = -3..0)) = Sum(E(D_i), i = -3..0), D ~ Gamma(1/2, 1): the draws D_{-3},
    D_{-2}, D_{-1} do not exist (generations start at 0): undefined at every point (g = 0).
    (b) check.py asks `is_positive(r.generation)` of each random quantity on the bare generation `i`,
    out of its binder's scope: `i` is then a loose symbol whose domain comes from its flags
    (`_flag_domain`), and the binder was declared Symbol('i', integer=True, nonnegative=True); the
    range -3..0 is never consulted (the definedness walk checks indices against law ranges, not
    generations)."""
    i = sp.Symbol("i", integer=True, nonnegative=True)
    W = Rand("D", i)
    rel = sp.Eq(E(sp.Sum(W, (i, -3, 0))), sp.Sum(E(W), (i, -3, 0)))
    from modelcollapse.proofs.kernel.rules import ExpectSum
    return one("D1", rel, ExpectSum(), {g: Domain.integer(0)}, gamma_law())


def D2_probe_unflagged_binder():
    """Probe: the same with an unflagged integer binder: 'its generation may be negative'."""
    i = sp.Symbol("i", integer=True)
    W = Rand("D", i)
    rel = sp.Eq(E(sp.Sum(W, (i, -3, 0))), sp.Sum(E(W), (i, -3, 0)))
    from modelcollapse.proofs.kernel.rules import ExpectSum
    return one("D2", rel, ExpectSum(), {g: Domain.integer(0)}, gamma_law())


def walk_law():
    """x_0 = 0, x_{g+1} = x_g + D_g with D_g ~ Normal(0, 1): a random walk."""
    return Law("W", g, {}, (StateVar("x", 0, Rand("x", g) + Rand("D", g), Domain.real()),),
               (Draw("D", "Normal", (0, 1)),))


ZFLAG = sp.Symbol("i", integer=True, zero=True)     # a binder whose flags say 'i = 0'
NEXT = sp.Sum(Rand("x", ZFLAG), (ZFLAG, g + 1, g + 1))  # = x_{g+1}: the NEXT state


def D3_future_state_known_now():
    """(a) CE(x_{g+1}, g) = x_{g+1} for the random walk x_{g+1} = x_g + D_g, D_g ~ N(0, 1) (x_{g+1}
    written as Sum(x_i, (i, g+1, g+1))). False at g = 0: CE(x_1 | F_0) = x_0 = 0, while x_1 = D_0 != 0
    almost surely.
    (b) CondExpect's `_measurable` decides 'x_i is known at g' by sympy's sign of simplify(i - g), and
    the generation check by the sign of i: both read the binder's flags; Symbol('i', integer=True,
    zero=True) makes i - g <= 0 and i >= 0, though i ranges over g+1..g+1."""
    rel = sp.Eq(CE(NEXT, g), NEXT)
    from modelcollapse.proofs.kernel.rules import CondExpect
    return one("D3", rel, CondExpect(), {g: Domain.integer(0)}, walk_law())


def D4_future_state_wrong_number():
    """(a) CE(x_{g+1} D_g, g) = 0 for the same walk. False: x_{g+1} D_g = x_g D_g + D_g^2, so the
    conditional expectation is x_g * 0 + 1 = 1 at every g (e.g. g = 0).
    (b) as D3: the future state passes as a factor known at g, multiplied by the cited CE(D_g, g) = 0."""
    from modelcollapse.proofs.kernel.rules import CondExpect, DrawFact
    rel = sp.Eq(CE(NEXT * D, g), 0)
    return one("D4", rel, CondExpect(), {g: Domain.integer(0)}, walk_law(),
               (Step("ce", sp.Eq(CE(D, g), 0), DrawFact("normal_moments", "D", 1)),))


def D7_tower_wrong_second_moment():
    """(a) E(x_{g+1}^2 D_g^2) = E(x_{g+1}^2) for the walk. False at g = 0: x_1 = D_0, so the left side
    is E(D^4) = 3 and the right side E(D^2) = 1.
    (b) as D3 (the future state passes as known at g); CondExpect multiplies it by the cited
    CE(D_g^2, g) = 1, and Tower (Y >= 0 shown) carries the false conditional claim to expectations."""
    from modelcollapse.proofs.kernel.rules import CondExpect, DrawFact, Tower
    steps = (Step("ce2", sp.Eq(CE(D ** 2, g), 1), DrawFact("normal_moments", "D", 2)),
             Step("ceY", sp.Eq(CE(NEXT ** 2 * D ** 2, g), NEXT ** 2), CondExpect(), ("ce2",)))
    rel = sp.Eq(E(NEXT ** 2 * D ** 2), E(NEXT ** 2))
    return one("D7", rel, Tower(), {g: Domain.integer(0)}, walk_law(), steps, ("ceY",))


def D5_probe_future_state_plain_binder():
    """Probe: the same with a plain integer binder is refused (x_i comes after generation g)."""
    i = sp.Symbol("i", integer=True)
    Y = sp.Sum(Rand("x", i), (i, g + 1, g + 1))
    rel = sp.Eq(CE(Y, g), Y)
    from modelcollapse.proofs.kernel.rules import CondExpect
    return one("D5", rel, CondExpect(), {g: Domain.integer(0)}, walk_law())


def D6_probe_future_state_written_plainly():
    """Probe: CE(x_{g+1}, g) = x_{g+1} written without a binder is refused."""
    Y = Rand("x", g + 1)
    rel = sp.Eq(CE(Y, g), Y)
    from modelcollapse.proofs.kernel.rules import CondExpect
    return one("D6", rel, CondExpect(), {g: Domain.integer(0)}, walk_law())


# --- Class E (no weakness found): the sign lemma for log(b^x) <= 0 --------------------------------

pp = sp.Symbol("p", real=True, nonnegative=True)
qq = sp.Symbol("q", real=True, nonnegative=True)


def E1_probe_entropy_base_above_one():
    """Probe: -log(p^p) >= 0 is false for p in (1, 2] (p = 2: -log 4 < 0); refused (b <= 1 not shown)."""
    rel = sp.Ge(-sp.log(pp ** pp), 0)
    return one("E1", rel, Algebra(), {pp: Domain.real(0, 2)})


def E2_probe_zero_base_positive_exponent():
    """Probe: -log(p^q) >= 0 on [0, 1]^2 meets log 0 at p = 0, q > 0 (0^0 = 1 only at q = 0): the
    definedness walk refuses it before the sign lemma is asked."""
    rel = sp.Ge(-sp.log(pp ** qq), 0)
    return one("E2", rel, Algebra(), {pp: Domain.real(0, 1), qq: Domain.real(0, 1)})


def E3_probe_strict_entropy():
    """Probe: -log(p^p) > 0 is false at p = 0 and p = 1 (value 0): the lemma is used for >= only."""
    rel = sp.Gt(-sp.log(pp ** pp), 0)
    return one("E3", rel, Algebra(), {pp: Domain.real(0, 1)})


def E4_probe_scaled_entropy_term():
    """Probe: -2 log(p^p) >= 0 is true but is not matched (the lemma reads a bare log(b^x)): no
    normal form turns a multiple into the lemma's shape, so nothing wider than the lemma is claimed."""
    rel = sp.Ge(-2 * sp.log(pp ** pp), 0)
    return one("E4", rel, Algebra(), {pp: Domain.real(0, 1)})




#: The reason each entry must be rejected for.
EXPECTED = {
    'A1_grandi_constant': 'coefficients must be deterministic (and finite), and so must the value',
    'A2_kept_oo_minus_oo': 'coefficients must be deterministic (and finite), and so must the value',
    'A3_nonexistent_limit_constant': 'coefficients must be deterministic (and finite), and so must the value',
    'A4_kept_plus_grandi': 'coefficients must be deterministic (and finite), and so must the value',
    'A5_probe_algebra_divergent': 'an infinite sum or product is left in an algebraic claim; it may diverge',
    'A6_probe_premise_infinite': 'coefficients must be deterministic (and finite), and so must the value',
    'A7_probe_oo_coefficient': 'an infinity (oo) is no number here',
    'A8_probe_literal_minus_oo': 'a truth value is no statement (sympy evaluated the relation)',
    'A9_infinite_coefficient_times_mean_zero': 'coefficients must be deterministic (and finite), and so must the value',
    'A10_nonexistent_limit_coefficient': 'coefficients must be deterministic (and finite), and so must the value',
    'A11_probe_variance_premise': 'coefficients must be deterministic (and finite), and so must the value',
    'A12_limit_rule_drops_nonexistent_coefficient': 'the rewritten expression must be deterministic',
    'A13_probe_limit_rule_harmonic_coefficient': 'the rewritten expression must be deterministic',
    'A14_condexpect_tower_infinite_factor': 'factor Sum(1/k, (k, 1, oo)): may have no value (an infinity, an infinite sum or a limit)',
    'B1_rewrite_kills_nonexistent_mean': 'rewriting erased E[-1/F_g + 1/D_g], which may have no value',
    'B2_rewrite_kills_infinite_mean_times_zero': 'rewriting erased E[1/D_g], which may have no value',
    'B3_rewrite_to_premise_with_dead_term': 'rewriting erased E[-1/F_g + 1/D_g], which may have no value',
    'B4_probe_algebra_same_claim': 'an expectation (or another word) is left in an algebraic claim; it may be infinite',
    'B5_probe_rewrite_keeps_word': 'an expectation (or another word) is left in an algebraic claim; it may be infinite',
    'B7_rewrite_reshapes_then_kills_mean': 'rewriting erased E[1/D_g], which may have no value',
    'B6_order_kills_nonexistent_mean': 'rewriting erased E[-1/F_g + 1/D_g], which may have no value',
    'C1_captured_limit_index_out_of_range': "a sum or product takes one limit (nest them: each index's scope is then explicit)",
    'C2_captured_limit_reversed_range': "a sum or product takes one limit (nest them: each index's scope is then explicit)",
    'C3_probe_single_limit': 'v[_j]: the index may lie outside 1..n',
    'C4_probe_algebra_captured': "a sum or product takes one limit (nest them: each index's scope is then explicit)",
    'C5_probe_single_limit_reversed': 'Sum(1*_j**2, (_j, 1, i)): its range may be reversed (conventions for reversed ranges diffe',
    'D1_negative_generations_by_flag': "claims nonnegative=True, which its range does not imply",
    'D2_probe_unflagged_binder': "its generation may be negative",
    'D3_future_state_known_now': "claims nonnegative=True, which its range does not imply",
    'D4_future_state_wrong_number': "claims nonnegative=True, which its range does not imply",
    'D5_probe_future_state_plain_binder': "its generation may be negative",
    'D6_probe_future_state_written_plainly': 'factor x_{g + 1}: x_{g + 1} comes after generation g',
    'D7_tower_wrong_second_moment': "claims nonnegative=True, which its range does not imply",
    'E1_probe_entropy_base_above_one': 'sympy could not show >= 0',
    'E2_probe_zero_base_positive_exponent': 'log(p**q) (its argument may not be positive)',
    'E3_probe_strict_entropy': 'sympy could not show > 0',
    'E4_probe_scaled_entropy_term': 'sympy could not show >= 0',
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

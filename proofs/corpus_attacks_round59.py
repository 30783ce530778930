"""Adversarial corpus for the proof kernel, round 59: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 58. **Six of its 7 false
statements were accepted when written**, through two holes, both closed since:

* A state declared integer could take irrational values: the integer check of a law's update read it as a
  polynomial with sp.Poly(e), which takes every constant it cannot place (pi, sqrt(2)) for a generator, so x + pi
  was "a polynomial with integer coefficients" in x and pi. Under x_{g+1} = x_g + pi the kernel then proved
  floor(pi g) = pi g. The polynomial is now read in the expression's symbols alone, so pi is a coefficient.
* A vector and a scalar of the same name: a vector's label is a sympy symbol, so a rewriting by p = 0 (true of the
  scalar p in {0}) reached into the vector p and made p[1] and r[1] one entry; three true citations then gave
  p[1] >= 0 for entries in [-2, -1]. A proof may no longer declare a vector that shares its name with another
  of its symbols.

``attacks()`` returns ``(name, build, expected)``; the citing attacks take their libraries from ``_LIBRARIES``.

**Principle:** a check reads an expression in the proof's own symbols only (a constant is never a variable), and a
name denotes one thing in a proof.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.corpus_attacks_round57 import G0, g
from modelcollapse.proofs.kernel import Domain, Draw, Law, Library, Proof, Rand, StateVar, Step
from modelcollapse.proofs.kernel import rules as R

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

x = lambda gen: Rand("x", gen)  # noqa: E731

# The hole: laws._integer_valued accepts e when e is a polynomial whose sp.Poly(e) coefficients are integers and
# whose free symbols are integers. sp.Poly(e) with no generators given makes every irrational constant (pi,
# sqrt(2), E, log(2)) a generator, so x + pi is Poly(x + pi, x, pi) with coefficients [1, 1]: "integer-valued".
PI_WALK = Law("pi_walk", g, {}, (StateVar("x", sp.Integer(0), x(g) + sp.pi, Domain.integer(0)),), ())
SQRT2_GROWTH = Law("sqrt2_growth", g, {}, (StateVar("x", sp.Integer(1), sp.sqrt(2) * x(g), Domain.integer(0)),), ())



def _one(name, rel, law, rule=None, doms=None):
    return Proof(name, {"statement": rel}, doms or {g: G0}, [Step("s", rel, rule or R.Algebra())], law)


def int_state_pi_floor():
    """FALSE: under x_0 = 0, x_{g+1} = x_g + pi (so x_g = pi g), floor(x_g) = x_g for every g >= 0.
    At g = 1: x_1 = pi, floor(pi) = 3 != pi.
    Idea: the law declares x with Domain.integer(0); Law.problems accepts the update x_g + pi as integer-valued
    (sp.Poly(x + pi) has generators (x, pi) and integer coefficients). In the proof x_g is then an integer
    symbol, and floor(x_g) = x_g is settled by sympy."""
    return _one("int_state_pi_floor", sp.Eq(sp.floor(x(g)), x(g)), PI_WALK)


def int_state_pi_sin():
    """FALSE: under the same law (x_g = pi g), sin(pi x_g) = 0 for every g >= 0. At g = 1: sin(pi^2) ~ -0.4303.
    Idea: as int_state_pi_floor; sympy folds sin(pi n) to 0 for an integer symbol n."""
    return _one("int_state_pi_sin", sp.Eq(sp.sin(sp.pi * x(g)), 0), PI_WALK)


def int_state_deterministic_floor_pi_g():
    """FALSE, and with no random quantity in the goal: floor(pi g) = pi g for every integer g >= 0
    (g = 1: 3 != pi).
    Idea: StateInduction proves x_g = pi g (true); Algebra proves floor(x_g) = x_g (false, through the hole);
    Rewrite (source) turns the latter into floor(pi g) = pi g by the former."""
    F = sp.pi * g
    goal = sp.Eq(sp.floor(F), F)
    return Proof("int_state_deterministic_floor_pi_g", {"statement": goal}, {g: G0}, [
        Step("si", sp.Eq(x(g), F), R.StateInduction("x")),
        Step("fl", sp.Eq(sp.floor(x(g)), x(g)), R.Algebra()),
        Step("statement", goal, R.Rewrite(source=True), ("si", "fl")),
    ], PI_WALK)


def int_state_sqrt2_cos():
    """FALSE: under x_0 = 1, x_{g+1} = sqrt(2) x_g (x_g = 2^(g/2)), cos(2 pi x_g) = 1 for every g >= 0.
    At g = 1: cos(2 pi sqrt(2)) ~ -0.2663.
    Idea: a multiplicative irrational update: sp.Poly(sqrt(2) x) = Poly(x sqrt(2), x, sqrt(2)), coefficient 1."""
    x1 = Rand("x", g)
    return _one("int_state_sqrt2_cos", sp.Eq(sp.cos(2 * sp.pi * x1), 1), SQRT2_GROWTH)


BINOM_PI = Law("binom_pi", g, {}, (StateVar("n", sp.Integer(2), Rand("n", g) + sp.pi * Rand("D", g), Domain.integer(0)),),
               (Draw("D", "Binomial", (Rand("n", g), sp.Rational(1, 2))),))


def int_state_binomial_count():
    """FALSE: n_0 = 2, D_g ~ Binomial(n_g, 1/2), n_{g+1} = n_g + pi D_g; claim (-1)^(2 n_g) = 1 ... stated as
    cos(2 pi n_g) = 1 for every g. With probability 3/4, D_0 >= 1 and n_1 = 2 + pi or 2 + 2 pi: cos(2 pi n_1) =
    cos(2 pi^2) ~ 0.6296 != 1 (as a statement about the random variable at g = 1 it is false on an event of
    positive probability; moreover Binomial(n_1, 1/2) is then drawn with a non-integer n_1, outside the family).
    Idea: the hole also certifies a draw's integer argument (Binomial's n) read from the state."""
    n = Rand("n", g)
    return _one("int_state_binomial_count", sp.Eq(sp.cos(2 * sp.pi * n), 1), BINOM_PI)


# --- lead 2: a plain symbol and a vector with the same label -------------------------------------------------

PS, RS = sp.Symbol("p"), sp.Symbol("r")
PV, RV = sp.IndexedBase("p"), sp.IndexedBase("r")


def label_rewrite_vector():
    """FALSE: p[1] >= 0 for every vector p with entries in [-2, -1] (p[1] is at most -1).
    Idea: the proof also declares plain symbols p and r (the vectors' labels) with the finite domain {0}.
    Algebra shows Eq(p, 0) and Eq(r, 0) (true of the plain symbols). Rewrite replaces exact subterms by xreplace,
    which also rewrites the label inside the vectors' entries: p[1] and r[1] both become IndexedBase(0)[1]. So the
    premise r[1] >= 0 (true: r's entries are >= 0) is 'the same' as p[1] >= 0 after rewriting."""
    goal = sp.Ge(PV[1], 0)
    doms = {PS: Domain.finite([0]), RS: Domain.finite([0]), PV: Domain.vector(Domain.real(-2, -1)),
            RV: Domain.vector(Domain.real(0, 1))}
    return Proof("label_rewrite_vector", {"statement": goal}, doms, [
        Step("p0", sp.Eq(PS, 0), R.Algebra()),
        Step("r0", sp.Eq(RS, 0), R.Algebra()),
        Step("rpos", sp.Ge(RV[1], 0), R.Algebra()),
        Step("statement", goal, R.Rewrite(), ("p0", "r0", "rpos")),
    ])


_LIBRARIES["label_rewrite_cited"] = Library({
    "p_zero": Proof("p_zero", {"statement": sp.Eq(PS, 0)}, {PS: Domain.finite([0])},
                    [Step("statement", sp.Eq(PS, 0), R.Algebra())]),
    "r_zero": Proof("r_zero", {"statement": sp.Eq(RS, 0)}, {RS: Domain.finite([0])},
                    [Step("statement", sp.Eq(RS, 0), R.Algebra())]),
    "r_nonneg": Proof("r_nonneg", {"statement": sp.Ge(RV[1], 0)}, {RV: Domain.vector(Domain.real(0, 1))},
                      [Step("statement", sp.Ge(RV[1], 0), R.Algebra())]),
})


def label_rewrite_cited():
    """FALSE: p[1] >= 0 for every vector p = (p[1]) of length 1 with entries in [-2, -1] (p[1] <= -1; e.g. p[1] = -1).
    Idea: as label_rewrite_vector, but each premise is cited from a proof that declares only what it needs (so the
    refuter, which confuses the label p with the plain p, never runs on a premise): Eq(p, 0) and Eq(r, 0) for plain
    symbols p, r in {0}, and r[1] >= 0 for a vector r with entries in [0, 1]. Rewrite's xreplace maps the labels
    inside p[1] and r[1] to 0, so both become IndexedBase(0)[1] and 'match'."""
    goal = sp.Ge(PV[1], 0)
    doms = {PS: Domain.finite([0]), RS: Domain.finite([0]), PV: Domain.vector(Domain.real(-2, -1), 1),
            RV: Domain.vector(Domain.real(0, 1), 1)}
    return Proof("label_rewrite_cited", {"statement": goal}, doms, [
        Step("statement", goal, R.Rewrite(), ("cite:p_zero", "cite:r_zero", "cite:r_nonneg"))])


EXPECTED = {
    "int_state_pi_floor": "the update of x: x_g + pi is not shown integer",
    "int_state_pi_sin": "the update of x: x_g + pi is not shown integer",
    "int_state_deterministic_floor_pi_g": "the update of x: x_g + pi is not shown integer",
    "int_state_sqrt2_cos": "the update of x: sqrt(2)*x_g is not shown integer",
    "int_state_binomial_count": "is not shown integer",
    "label_rewrite_vector": "the vector p shares its name with another of the proof's symbols",
    "label_rewrite_cited": "the vector p shares its name with another of the proof's symbols",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

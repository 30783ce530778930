"""Adversarial corpus for the proof kernel, round 36: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 35. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, all 5 were accepted,
through round 35's fix, by two mechanisms:

* a sympy symbol keeps two records of what it states: ``_assumptions0``, read by equality, hashing and
  the kernel's domain check, and ``_assumptions_orig``, from which round 35 rebuilt its facts and
  which its text prints. A symbol stating real in one and integer in the other passed as real and
  was read as an integer (A1, A2); one renamed after a lemma holding it was checked kept its text,
  so the citation's fingerprint passed, while it now equalled a real symbol (A3);
* a library is the caller's code, and its proof() ran in the middle of a check, after the kernel had
  read the proof: it renamed a cited symbol (A4) or planted a fact on a node whose facts had just been
  forgotten (A5).

**Principles:** a symbol whose two records of what it states disagree is refused (in the kernel's copy
and in its text, so in every fingerprint); and no library code runs during a check: every cited proof
is fetched and checked before the citing proof's check begins
(:func:`~modelcollapse.proofs.kernel.check.check`).

Each docstring gives the counterexample.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.kernel import Domain, Library, Proof, Step
from modelcollapse.proofs.kernel import rules as R

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)


def _forged(name, stated, **facts):
    """A fresh (uncached) Symbol ``name`` whose ``assumptions0`` (what the domain check and equality read)
    are those of ``stated`` but whose ``_assumptions_orig`` (what ``_facts_forgotten`` rebuilds its facts
    from) are ``facts``."""
    s = sp.Symbol.__xnew__(sp.Symbol, name, **stated)
    s._assumptions_orig = dict(facts)
    return s




def A1_integers_above_a_real():
    """For every real y and every integer n >= y: 10^-20 sin(pi (n - y)) = 0.

    FALSE: y = 1/2, n = 1 gives 10^-20 sin(pi/2) = 1.0e-20 (mpmath, 50 digits).
    y is stated real (assumptions0) but its _assumptions_orig says integer; after _facts_forgotten
    sympy reads y as an integer, so Domain.cases keeps the integer case n = y + m (m integer >= 0),
    where n - y is always an integer."""
    y = _forged("y", {"real": True}, real=True, integer=True)
    n = sp.Symbol("n", integer=True)
    goal = sp.Eq(sp.Mul(sp.Rational(1, 10**20), sp.sin(sp.pi * (n - y), evaluate=False), evaluate=False), 0,
                 evaluate=False)
    return algebra_claim("A1_integers_above_a_real", goal, {y: Domain.real(), n: Domain.integer(y)})




def A2_integers_in_a_short_real_range():
    """For every real y and every integer n with y <= n <= y + 3:
    10^-20 (n - y)(n - y - 1)(n - y - 2)(n - y - 3) = 0.

    FALSE: y = 1/2, n = 1 gives 10^-20 (1/2)(-1/2)(-3/2)(-5/2) = -9.375e-21 (mpmath, 50 digits).
    Same forged y: Domain.cases enumerates the 'integers' y, y + 1, y + 2, y + 3 (none of which is an
    integer when y is not) instead of falling back to the real range."""
    y = _forged("y", {"real": True}, real=True, integer=True)
    n = sp.Symbol("n", integer=True)
    d = n - y
    goal = sp.Eq(sp.Rational(1, 10**20) * d * (d - 1) * (d - 2) * (d - 3), 0, evaluate=False)
    return algebra_claim("A2_integers_in_a_short_real_range", goal, {y: Domain.real(), n: Domain.integer(y, y + 3)})







def _fresh(name, **stated):
    """A fresh (uncached) Symbol: mutating it changes no other symbol."""
    return sp.Symbol.__xnew__(sp.Symbol, name, **stated)




def _sin_pi_vanishes(s):
    return sp.Eq(sp.sin(sp.pi * s, evaluate=False), 0, evaluate=False)




def A3_cited_symbol_renamed_after_check():
    """For every real x: sin(pi x) = 0.

    FALSE: x = 1/2 gives sin(pi/2) = 1 (mpmath, 50 digits).
    A lemma 'sin(pi x) = 0 for every integer x' (true) is checked in a Library (kernel API
    Library.report). The kernel's snapshot of it holds the caller's own objects (terms.exact
    returns the expression itself, only resetting its facts). Afterwards the x in the lemma's goal gets
    ``_assumptions0`` of a real x (and its cached hash cleared): its text (exact_text prints
    ``_assumptions_orig``) is unchanged, so the fingerprint check passes, but it now compares equal to
    Symbol('x', real=True). The main proof keeps an integer x in its domains (so the citation's domain
    check passes) and proves the real claim by Rewrite(source=True), whose ``same`` is ``a == b``."""
    x_in_goal, x_key = _fresh("x", integer=True), _fresh("x", integer=True)
    lemma = Proof("lemma", {"statement": _sin_pi_vanishes(x_in_goal)}, {x_key: Domain.integer()},
                  [Step("statement", _sin_pi_vanishes(x_in_goal), R.Algebra())])
    library = Library({"lemma": lemma})
    assert library.report("lemma").ok
    x_real = sp.Symbol("x", real=True)
    x_in_goal._assumptions0, x_in_goal._mhash = x_real._assumptions0, None
    goal = _sin_pi_vanishes(x_real)
    _LIBRARIES["A3_cited_symbol_renamed_after_check"] = library
    return Proof("A3_cited_symbol_renamed_after_check", {"statement": goal},
                 {sp.Symbol("x", integer=True): Domain.integer(), x_real: Domain.real()},
                 [Step("statement", goal, R.Rewrite(source=True), premises=("cite:lemma",))])




class _HookedLibrary(Library):
    """A Library subclass (accepted: check.py tests isinstance) whose proof() runs the caller's code
    when the kernel asks for the proof named 'trigger', in the middle of a check."""

    def __init__(self, proofs, hook):
        super().__init__(proofs)
        self._hook = hook

    def proof(self, name):
        if name == "trigger":
            self._hook()
        return super().proof(name)




def _trigger():
    t = sp.Symbol("t", real=True)
    rel = sp.Eq(t - t, 0, evaluate=False)
    return t, rel, Proof("trigger", {"statement": rel}, {t: Domain.real()}, [Step("statement", rel, R.Algebra())])




def A4_cited_symbol_renamed_during_check():
    """For every real x: sin(pi x) = 0 (one check, fresh library).

    FALSE: x = 1/2 gives sin(pi/2) = 1 (mpmath, 50 digits).
    As A3, but the renaming happens inside the one check: citations are resolved one by one, the
    lemma first, then 'trigger', whose Library.proof (a subclass method) renames the lemma's x."""
    x_in_goal, x_key = _fresh("x", integer=True), _fresh("x", integer=True)
    lemma = Proof("lemma", {"statement": _sin_pi_vanishes(x_in_goal)}, {x_key: Domain.integer()},
                  [Step("statement", _sin_pi_vanishes(x_in_goal), R.Algebra())])
    t, trigger_rel, trigger = _trigger()
    x_real = sp.Symbol("x", real=True)

    def hook():
        x_in_goal._assumptions0, x_in_goal._mhash = x_real._assumptions0, None
    _LIBRARIES["A4_cited_symbol_renamed_during_check"] = _HookedLibrary({"lemma": lemma, "trigger": trigger}, hook)
    goal = _sin_pi_vanishes(x_real)
    return Proof("A4_cited_symbol_renamed_during_check", {"statement": goal},
                 {sp.Symbol("x", integer=True): Domain.integer(), x_real: Domain.real(), t: Domain.real()},
                 [Step("statement", goal, R.Rewrite(source=True), premises=("cite:lemma",)),
                  Step("t", trigger_rel, R.Rewrite(source=True), premises=("cite:trigger",))])




def A5_facts_planted_after_reset():
    """For every integer n: 10^-20 (floor(pi^2 + n) - pi^2 - n) = 0.

    FALSE: n = 0 gives 10^-20 (9 - pi^2) = -8.696e-21 (mpmath, 50 digits).
    check.py resolves citations after terms.exact has reset every node's facts and before any step
    is checked; a Library subclass's proof() runs then, and writes 'integer' into pi^2's own facts
    (round 35's P3, now planted after the reset instead of before it)."""
    n = sp.Symbol("n", integer=True)
    pi2 = sp.Pow(sp.pi, 2, evaluate=False)

    def hook():
        pi2.is_finite  # the node gets facts of its own
        for fact, value in dict(integer=True, rational=True, noninteger=False, irrational=False, algebraic=True,
                                transcendental=False).items():
            pi2._assumptions[fact] = value
    t, trigger_rel, trigger = _trigger()
    x = sp.Add(pi2, n)
    goal = sp.Eq(sp.Mul(sp.Rational(1, 10**20), sp.Add(sp.floor(x, evaluate=False), -x, evaluate=False),
                        evaluate=False), 0, evaluate=False)
    _LIBRARIES["A5_facts_planted_after_reset"] = _HookedLibrary({"trigger": trigger}, hook)
    return Proof("A5_facts_planted_after_reset", {"statement": goal}, {n: Domain.integer(), t: Domain.real()},
                 [Step("t", trigger_rel, R.Rewrite(source=True), premises=("cite:trigger",)),
                  Step("statement", goal, R.Algebra())])


EXPECTED = {
    "A1_integers_above_a_real": "records of what it states disagree",
    "A2_integers_in_a_short_real_range": "records of what it states disagree",
    # Since round 40 the citation reads the kernel's own copy: the renamed symbol never reaches it.
    "A3_cited_symbol_renamed_after_check": ("records of what it states disagree"
                                            " || the rewritten relation is not the premise"),
    "A4_cited_symbol_renamed_during_check": ("records of what it states disagree"
                                            " || the rewritten relation is not the premise"),
    "A5_facts_planted_after_reset": "sympy could not reduce lhs - rhs to 0",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

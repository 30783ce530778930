"""Proof rules: typed objects, each re-checking one kind of step with sympy.

Every rule has ``check(relation, premises, space, library) -> Verdict``; ``premises`` are
the relations of the cited steps, already specialised to the step's condition. A rule
never accepts on numerical evidence: numbers may only refute.

Examples
--------
>>> import sympy as sp
>>> from modelcollapse.proofs.decide import Assumed
>>> from modelcollapse.theory.assumptions import IntegerAtLeast
>>> n = sp.Symbol("n", integer=True, positive=True)
>>> space = Assumed([IntegerAtLeast("n", n, 2)])
>>> Algebra().check(sp.Lt((n - 1) / n, 1), [], space, None).ok
True
>>> Algebra().check(sp.Eq((n**2 - 1) / (n - 1), n), [], space, None).ok   # n + 1, not n
False
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sympy as sp

from modelcollapse.theory.expectation import expect, split_sums
from modelcollapse.theory.limits import geometric_limit
from modelcollapse.theory.symbols import E, t

from .decide import is_positive, is_zero
from .kernel import Verdict, same_relation

_INEQ = (sp.StrictLessThan, sp.LessThan, sp.StrictGreaterThan, sp.GreaterThan)


def gap(rel):
    """(expr, strict) with the meaning ``expr > 0`` (strict) or ``expr >= 0``."""
    if isinstance(rel, sp.StrictLessThan):
        return rel.rhs - rel.lhs, True
    if isinstance(rel, sp.LessThan):
        return rel.rhs - rel.lhs, False
    if isinstance(rel, sp.StrictGreaterThan):
        return rel.lhs - rel.rhs, True
    if isinstance(rel, sp.GreaterThan):
        return rel.lhs - rel.rhs, False
    raise ValueError(f"{rel} is not an inequality")


def rewrite(expr, equalities, passes=6, space=None):
    """Replace each equality's left side by its right side, repeatedly.

    Relations are rebuilt unevaluated: sympy would otherwise try to decide Eq(integral, 1)
    by numerical quadrature, which is slow and (more to the point) not a proof. Inside a
    finite sum over i, an equality in i is used only when the proof's assumptions on i cover
    the whole range of the sum (sympy's subs never substitutes a bound variable).
    """
    if isinstance(expr, sp.core.relational.Relational):
        return type(expr)(rewrite(expr.lhs, equalities, passes, space),
                          rewrite(expr.rhs, equalities, passes, space), evaluate=False)
    if isinstance(expr, (sp.Equivalent, sp.Implies, sp.And, sp.Or, sp.Not)):
        return expr.func(*[rewrite(a, equalities, passes, space) for a in expr.args], evaluate=False)
    for _ in range(passes):
        new = expr
        for eq in equalities:
            new = new.subs(eq.lhs, eq.rhs)
        if new.has(sp.Sum) and any(eq.lhs.has(sp.Sum) for eq in equalities):
            new = split_sums(new)  # linearity of finite sums, so that Sum(p0[i]) can be matched
        if space is not None and new.has(sp.Sum):
            new = new.replace(lambda e: isinstance(e, sp.Sum) and len(e.limits) == 1,
                              lambda S: _rewrite_summand(S, equalities, passes, space))
        if new == expr:
            break
        expr = new
    return expr


def _rewrite_summand(S, equalities, passes, space):
    var, lo, _ = S.limits[0]
    bound = next((a for a in space.assumptions if a.symbol == var and hasattr(a, "lower")), None)
    usable = [eq for eq in equalities if var not in eq.free_symbols or (
        bound is not None and (sp.sympify(lo) - bound.lower).is_nonnegative)]
    return sp.Sum(rewrite(S.function, usable, passes), *S.limits)


def decide_relation(rel, space):
    """Verdict for a relation that must hold identically (equality or inequality)."""
    if isinstance(rel, sp.Eq):
        ok, residual = is_zero(rel.lhs - rel.rhs, space)
        return Verdict(True) if ok else Verdict.fail("sympy could not reduce lhs - rhs to 0", residual)
    if isinstance(rel, _INEQ):
        expr, strict = gap(rel)
        ok, residual = is_positive(expr, space, strict)
        return Verdict(True) if ok else Verdict.fail(
            f"sympy could not show {'>' if strict else '>='} 0", residual)
    if rel in (sp.true, True):
        return Verdict(True)
    return Verdict.fail(f"cannot decide a {type(rel).__name__} by algebra")


def _mapping_text(mapping) -> str:
    return ", ".join(f"{k} = {sp.sstr(v)}" for k, v in mapping.items())


def sides_match(relation, targets, space, message):
    """Verdict that each side of ``relation`` has the expectation of its target (linearity applied
    to both), or None when they all match."""
    for side, target in zip((relation.lhs, relation.rhs), targets):
        ok, residual = is_zero(expect(side) - expect(target), space)
        if not ok:
            return Verdict.fail(message, residual)
    return None


class Rule:
    name = "rule"

    def describe(self) -> str:
        return self.name

    def check(self, relation, premises, space, library) -> Verdict:  # pragma: no cover
        raise NotImplementedError


@dataclass
class Algebra(Rule):
    """The relation holds identically under the assumptions (sympy decides it)."""

    name = "algebra"

    def check(self, relation, premises, space, library):
        if premises:
            return Verdict.fail("algebra takes no premises (use rewrite)")
        return decide_relation(relation, space)


@dataclass
class Rewrite(Rule):
    """Substitute the premises' equalities (left to right), then decide by algebra.

    With a non-equality premise (an axiom instance, say) the rewritten relation must be
    that premise, rewritten the same way.
    """

    name = "rewrite"

    def check(self, relation, premises, space, library):
        eqs = [p for p in premises if isinstance(p, sp.Eq)]
        others = [p for p in premises if not isinstance(p, sp.Eq)]
        if not premises:
            return Verdict.fail("rewrite needs premises")
        new = rewrite(relation, eqs, space=space)
        if not others:
            return decide_relation(new, space)
        if len(others) > 1:
            return Verdict.fail("rewrite takes at most one non-equality premise")
        target = rewrite(others[0], eqs, space=space)
        if same_relation(new, target, space):
            return Verdict(True)
        return Verdict.fail("the rewritten relation is not the premise", new)


@dataclass
class Expectation(Rule):
    """From a pathwise identity Y = f, conclude E[Y] = E[f] by linearity and independence.

    Both sides are compared with :func:`modelcollapse.theory.expectation.expect`, which splits
    a product only where the innovations at the latest refit are independent of the rest.
    """

    name = "expectation"

    def check(self, relation, premises, space, library):
        if len(premises) != 1 or not isinstance(premises[0], sp.Eq):
            return Verdict.fail("expectation takes one pathwise equality")
        p = premises[0]
        if p.has(E):
            return Verdict.fail("the premise must be pathwise (no expectations in it)")
        if not isinstance(relation, sp.Eq):
            return Verdict.fail("expectation concludes an equality")
        failed = sides_match(relation, (p.lhs, p.rhs), space, "not the expectation of the premise")
        if failed:
            return failed
        from modelcollapse.theory.expectation import INNOVATIONS
        from modelcollapse.theory.symbols import RandomSequence
        splits = any(isinstance(a, INNOVATIONS) for a in p.atoms(RandomSequence))
        return Verdict(True, axioms=frozenset({"innovation_independence" if splits else "linearity"}))


@dataclass
class Integrate(Rule):
    """An integral equals its value: sympy evaluates it under the assumptions."""

    name = "integrate"

    def check(self, relation, premises, space, library):
        if not isinstance(relation, sp.Eq) or not relation.lhs.has(sp.Integral):
            return Verdict.fail("integrate concludes Eq(<integral>, value)")
        for case in space.cases():
            lhs = space.apply(relation.lhs, case)
            value = lhs.doit()
            if value.has(sp.Integral) or value.has(sp.Piecewise):
                return Verdict.fail("sympy could not evaluate the integral unconditionally", value)
            ok, residual = is_zero(value - space.apply(relation.rhs, case), space.restricted({}))
            if not ok:
                return Verdict.fail("the integral has another value", residual)
        return Verdict(True)


@dataclass
class LemmaInstance(Rule):
    """An instance of a proved lemma, its side conditions checked under the assumptions."""

    lemma: str
    mapping: dict = field(default_factory=dict)
    name = "lemma"

    def describe(self):
        return f"lemma {self.lemma} with " + _mapping_text(self.mapping)

    def check(self, relation, premises, space, library):
        from .lemmas import LEMMAS

        if self.lemma not in LEMMAS:
            return Verdict.fail(f"no lemma {self.lemma!r}")
        lemma = LEMMAS[self.lemma]
        rep = library.report(self.lemma)
        if not rep.ok:
            return Verdict.fail(f"lemma {self.lemma} is not proved")
        params = {a.symbol for a in lemma.assumptions}
        if set(self.mapping) != params:
            return Verdict.fail(f"lemma {self.lemma} takes {sorted(map(str, params))}")
        instance = lemma.statement.xreplace(self.mapping)
        for cond in lemma.conditions:
            v = decide_relation(cond.xreplace(self.mapping), space)
            if not v.ok:
                return Verdict.fail(f"side condition {sp.sstr(cond.xreplace(self.mapping))} not shown", v.residual)
        if isinstance(relation, sp.Eq) and relation.lhs == instance.lhs:
            ok, residual = is_zero(relation.rhs - instance.rhs, space)
            if ok:
                return Verdict(True, axioms=rep.axioms, cites=frozenset({self.lemma}))
            return Verdict.fail("not the lemma's value", residual)
        if same_relation(relation, instance, space):
            return Verdict(True, axioms=rep.axioms, cites=frozenset({self.lemma}))
        return Verdict.fail("not an instance of the lemma", instance)


@dataclass
class ByAxiom(Rule):
    """An instance of a named axiom (see :mod:`modelcollapse.proofs.axioms`)."""

    axiom: str
    mapping: dict = field(default_factory=dict)
    name = "axiom"

    def describe(self):
        return f"axiom {self.axiom}" + (" with " + _mapping_text(self.mapping) if self.mapping else "")

    def check(self, relation, premises, space, library):
        from .axioms import AXIOMS

        if self.axiom not in AXIOMS:
            return Verdict.fail(f"no axiom {self.axiom!r}")
        v = AXIOMS[self.axiom].check(relation, premises, space, self.mapping)
        if v.ok:
            return Verdict(True, axioms=frozenset({self.axiom}) | v.axioms)
        return v


@dataclass
class Induction(Rule):
    """Induction on t >= 0: goal Eq(F(t), g(t)) from a base Eq(F(0), a) and a step Eq(F(t+1), R(F(t), t)).

    Checked: the premises' left sides are F at 0 and at t+1; g(0) = a; and R with F(t)
    replaced by g(t) equals g(t+1), with no unknown expectation left.
    """

    name = "induction"

    def check(self, relation, premises, space, library):
        if len(premises) != 2 or not all(isinstance(p, sp.Eq) for p in premises + [relation]):
            return Verdict.fail("induction takes Eq base and Eq step premises and concludes an Eq")
        if not any(getattr(a, "symbol", None) == t and getattr(a, "lower", None) == 0 for a in space.assumptions):
            return Verdict.fail("induction needs t an integer >= 0 among the assumptions")
        base, step = premises
        F, g = relation.lhs, relation.rhs
        if not F.has(t):
            return Verdict.fail("the induction quantity does not depend on t")
        if base.lhs != F.subs(t, 0):
            return Verdict.fail(f"base case is not about {F.subs(t, 0)}", base.lhs)
        if step.lhs != F.subs(t, t + 1):
            return Verdict.fail(f"step is not about {F.subs(t, t + 1)}", step.lhs)
        ok, residual = is_zero(g.subs(t, 0) - base.rhs, space)
        if not ok:
            return Verdict.fail("base case fails", residual)
        advanced = step.rhs.subs(F, g)
        if advanced.has(E):
            return Verdict.fail("the step leaves unknown expectations", advanced)
        ok, residual = is_zero(advanced - g.subs(t, t + 1), space)
        if not ok:
            return Verdict.fail("inductive step fails", residual)
        return Verdict(True)


@dataclass
class Inequality(Rule):
    """From one inequality premise p < q (and equalities to rewrite with), conclude a < b.

    Checked: scale > 0 and (b - a) - scale (q - p) >= 0; a strict conclusion needs a strict
    premise or a strictly positive remainder.
    """

    scale: Any = 1
    name = "inequality"

    def check(self, relation, premises, space, library):
        eqs = [p for p in premises if isinstance(p, sp.Eq)]
        ineqs = [p for p in premises if isinstance(p, _INEQ)]
        if len(ineqs) != 1 or len(eqs) + 1 != len(premises):
            return Verdict.fail("inequality takes one inequality premise and equalities")
        concl, strict = gap(rewrite(relation, eqs))
        prem, pstrict = gap(rewrite(ineqs[0], eqs))
        ok, residual = is_positive(self.scale, space, True)
        if not ok:
            return Verdict.fail("the scale is not shown positive", residual)
        remainder = concl - self.scale * prem
        need_strict = strict and not pstrict
        ok, residual = is_positive(remainder, space, need_strict)
        if not ok:
            return Verdict.fail("the conclusion does not follow from the premise", residual)
        return Verdict(True)


@dataclass
class Limit(Rule):
    """Eq(Limit(expr, t, oo), L): rewrite with equality premises, classify every ``base**t``
    (by an inequality premise ``base < 1`` / ``base > 1`` or by algebra), then let sympy take
    the limit (:func:`modelcollapse.theory.limits.geometric_limit`)."""

    name = "limit"

    def check(self, relation, premises, space, library):
        if not isinstance(relation, sp.Eq) or not isinstance(relation.lhs, sp.Limit):
            return Verdict.fail("limit concludes Eq(Limit(expr, t, oo), value)")
        lim = relation.lhs
        if lim.args[1] != t or lim.args[2] != sp.oo:
            return Verdict.fail("only limits t -> oo are supported")
        eqs = [p for p in premises if isinstance(p, sp.Eq)]
        below = [p.lhs for p in premises if isinstance(p, sp.StrictLessThan) and p.rhs == 1]
        expr = rewrite(lim.args[0], eqs)
        if expr.has(E):
            return Verdict.fail("unknown expectations remain in the limit", expr)
        for case in space.cases():
            case = {k: v for k, v in case.items() if k != t}
            e = sp.piecewise_fold(space.apply(expr, case))
            lo, hi, one = [], [], []
            for p in e.atoms(sp.Pow):
                if not p.exp.has(t):
                    continue
                b = p.base
                if any(is_zero(b - space.apply(q, case), space.restricted({}))[0] for q in below) and \
                        is_positive(b, space.restricted({}), True)[0]:
                    lo.append(b)
                elif is_zero(b - 1, space.restricted({}))[0]:
                    one.append(b)
                elif is_positive(b, space.restricted({}), True)[0] and is_positive(1 - b, space.restricted({}), True)[0]:
                    lo.append(b)
                elif is_positive(b - 1, space.restricted({}), True)[0]:
                    hi.append(b)
                else:
                    return Verdict.fail(f"cannot place the base {b} relative to 1")
            try:
                value = geometric_limit(e, t, lo, hi, one)
            except (ValueError, NotImplementedError) as exc:
                return Verdict.fail(f"sympy could not take the limit: {exc}")
            target = space.apply(relation.rhs, case)
            if value != target and not (value.is_finite and is_zero(value - target, space.restricted({}))[0]):
                return Verdict.fail("the limit has another value", value)
        return Verdict(True)


@dataclass
class MomentFromMGF(Rule):
    """From Eq(E[exp(s Y) | F_t], M(s)), with M finite for all s, conclude
    Eq(E[Y^k | F_t], d^k M / ds^k at s = 0) (differentiation under the expectation)."""

    k: int = 1
    name = "mgf"

    def describe(self):
        return f"derivative {self.k} of the MGF at 0"

    def check(self, relation, premises, space, library):
        from modelcollapse.theory.symbols import CE, mgf_s

        if len(premises) != 1 or not isinstance(premises[0], sp.Eq) or not isinstance(premises[0].lhs, CE):
            return Verdict.fail("mgf takes one premise Eq(E[exp(s Y) | F_t], M(s))")
        p = premises[0]
        inner, cond = p.lhs.args
        if not (isinstance(inner, sp.exp) and inner.args[0].has(mgf_s)):
            return Verdict.fail("the premise is not a moment-generating function")
        Y = sp.simplify(inner.args[0] / mgf_s)
        if Y.has(mgf_s) or p.rhs.has(sp.oo, sp.zoo):
            return Verdict.fail("the exponent is not linear in s")
        if not isinstance(relation, sp.Eq) or relation.lhs != CE(Y**self.k, cond):
            return Verdict.fail(f"mgf concludes Eq(E[({Y})^{self.k} | F], ...)")
        value = sp.diff(p.rhs, mgf_s, self.k).subs(mgf_s, 0)
        ok, residual = is_zero(relation.rhs - value, space)
        if not ok:
            return Verdict.fail("not the derivative of the MGF at 0", residual)
        return Verdict(True, axioms=frozenset({"mgf_moments"}))


@dataclass
class Tower(Rule):
    """From Eq(E[A | F_t], g) with g determined by generation t, conclude E[A] = E[g]
    (both sides by linearity, :func:`~modelcollapse.theory.expectation.expect`)."""

    name = "tower"

    def check(self, relation, premises, space, library):
        from modelcollapse.theory.symbols import CE, RandomSequence

        if len(premises) != 1 or not isinstance(premises[0], sp.Eq) or not isinstance(premises[0].lhs, CE):
            return Verdict.fail("tower takes one premise Eq(E[A | F_t], g)")
        A, cond = premises[0].lhs.args
        g = premises[0].rhs
        if g.has(CE) or any(a.generation != cond for a in g.atoms(RandomSequence)):
            return Verdict.fail("the conditional expectation must be determined by generation t")
        if not isinstance(relation, sp.Eq):
            return Verdict.fail("tower concludes an equality")
        return sides_match(relation, (A, g), space, "not the expectation of the premise") or Verdict(
            True, axioms=frozenset({"tower"}))


@dataclass
class Scale(Rule):
    """From Eq(a, b) conclude Eq(a / c, b / c) for a c shown non-zero."""

    c: Any = 1
    name = "scale"

    def describe(self):
        return f"divide by {sp.sstr(self.c)}"

    def check(self, relation, premises, space, library):
        if len(premises) != 1 or not isinstance(premises[0], sp.Eq) or not isinstance(relation, sp.Eq):
            return Verdict.fail("scale takes one equality and concludes one")
        if not (is_positive(self.c, space)[0] or is_positive(-self.c, space)[0]):
            return Verdict.fail(f"{self.c} is not shown non-zero")
        p = premises[0]
        return sides_match(relation, (p.lhs / self.c, p.rhs / self.c), space,
                           "not the premise divided by the constant") or Verdict(True)


@dataclass
class SumLinearity(Rule):
    """E[sum_i Y_i] = sum_i E[Y_i] over a finite range."""

    name = "sum linearity"

    def check(self, relation, premises, space, library):
        if premises:
            return Verdict.fail("sum linearity takes no premises")
        lhs, rhs = (relation.lhs, relation.rhs) if isinstance(relation, sp.Eq) else (None, None)
        if not (isinstance(lhs, E) and isinstance(lhs.args[0], sp.Sum)):
            return Verdict.fail("sum linearity concludes Eq(E[Sum(...)], Sum(E[...]))")
        S = lhs.args[0]
        if any(hi.has(sp.oo) for _, _, hi in S.limits):
            return Verdict.fail("only finite sums")
        if rhs != sp.Sum(E(S.function), *S.limits):
            return Verdict.fail("not the sum of the expectations", rhs)
        return Verdict(True, axioms=frozenset({"linearity"}))


@dataclass
class Specialize(Rule):
    """From a relation about ``var`` conclude it at ``var = value`` (within the assumed range),
    with finite sums and Kronecker deltas evaluated."""

    var: Any = None
    value: Any = None
    name = "specialize"

    def describe(self):
        return f"at {self.var} = {self.value}"

    def check(self, relation, premises, space, library):
        if len(premises) != 1 or not isinstance(premises[0], sp.Eq) or not isinstance(relation, sp.Eq):
            return Verdict.fail("specialize takes one equality and concludes one")
        lower = next((getattr(a, "lower", None) for a in space.assumptions
                      if getattr(a, "symbol", None) == self.var), None)
        if lower is None or self.value < lower:
            return Verdict.fail(f"{self.var} = {self.value} is not within the assumed range")
        inst = premises[0].subs(self.var, self.value)
        for side, target in ((relation.lhs, inst.lhs), (relation.rhs, inst.rhs)):
            ok, residual = is_zero(side - target.doit(), space)
            if not ok:
                return Verdict.fail(f"not the premise at {self.var} = {self.value}", residual)
        return Verdict(True)

"""The primitive rules: a closed table. Each rule checks one step and returns a :class:`Verdict`.

``check(relation, premises, ctx)``: ``premises`` are the relations of the cited steps, ``ctx``
holds the proof's space, law and library. A rule states and checks every side condition it
relies on; any failure to show one is a rejection.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sympy as sp

from .axioms import AXIOMS, instance
from .decide import is_positive, is_zero
from .domains import Domain, Space
from .laws import FAMILIES, draw_rand, fact_instance
from .terms import CE, E, Rand, bound_symbols, rands, words_in

_INEQ = (sp.StrictLessThan, sp.LessThan, sp.StrictGreaterThan, sp.GreaterThan)


@dataclass(frozen=True)
class Verdict:
    ok: bool
    message: str = ""
    residual: Any = None
    axioms: frozenset = frozenset()

    @staticmethod
    def fail(message, residual=None):
        return Verdict(False, message, residual)


def gap(rel):
    """(expr, strict) meaning ``expr > 0`` (strict) or ``expr >= 0``."""
    if isinstance(rel, sp.StrictLessThan):
        return rel.rhs - rel.lhs, True
    if isinstance(rel, sp.LessThan):
        return rel.rhs - rel.lhs, False
    if isinstance(rel, sp.StrictGreaterThan):
        return rel.lhs - rel.rhs, True
    if isinstance(rel, sp.GreaterThan):
        return rel.lhs - rel.rhs, False
    raise ValueError(f"{rel} is not an inequality")


def decide(rel, space) -> Verdict:
    """A relation that must hold identically over ``space``."""
    if rel is sp.true:  # sympy settled it from the symbols' flags (which the checker bounds)
        return Verdict(True)
    from .decide import unsafe
    if unsafe(rel):
        return Verdict.fail(unsafe(rel))
    if isinstance(rel, sp.Eq):
        ok, residual = is_zero(rel.lhs - rel.rhs, space)
        return Verdict(True) if ok else Verdict.fail("sympy could not reduce lhs - rhs to 0", residual)
    if isinstance(rel, _INEQ):
        expr, strict = gap(rel)
        ok, residual = is_positive(expr, space, strict)
        return Verdict(True) if ok else Verdict.fail(f"sympy could not show {'>' if strict else '>='} 0", residual)
    if isinstance(rel, sp.And):
        for r in rel.args:
            v = decide(r, space)
            if not v.ok:
                return v
        return Verdict(True)
    return Verdict.fail(f"cannot decide a {type(rel).__name__}")


def same(a, b, space) -> bool:
    """Two relations of one type whose left sides are identical and right sides equal in value
    (or, for inequalities, whose sides are pairwise equal in value)."""
    if type(a) is not type(b) or not isinstance(a, (sp.Eq,) + _INEQ):
        # Truth values are no statements: a relation that evaluated to True or False says nothing.
        return a == b and not isinstance(a, sp.logic.boolalg.BooleanAtom)
    if a == b:
        return True
    for x, y in ((a.lhs, b.lhs), (a.rhs, b.rhs)):
        if x != y and not is_zero(x - y, space)[0]:
            return False
    return True


def deterministic(expr) -> bool:
    return not words_in(expr)


def _measurable(expr, g, law) -> str:
    """'' when ``expr`` is determined by the history up to generation g; else why not."""
    if words_in(expr) - {Rand}:
        return "holds an expectation or another word"
    draws = {d.name for d in law.draws}
    states = {v.name for v in law.state}
    for r in rands(expr):
        if r.label not in draws | states:
            return f"{r} is not declared by the law"
        later = sp.simplify(r.generation - g)
        if r.label in draws and not (later.is_negative is True):
            return f"{r} is drawn at or after generation {g}"
        if r.label not in draws and not (later.is_nonpositive is True):
            return f"{r} comes after generation {g}"
    return ""


class Rule:
    name = "rule"

    def describe(self) -> str:
        return self.name


@dataclass(frozen=True)
class Algebra(Rule):
    """The relation holds identically (sympy decides it over the space)."""

    name = "algebra"

    def check(self, relation, premises, ctx):
        if premises:
            return Verdict.fail("algebra takes no premises")
        return decide(relation, ctx.space)


def _guard_binders(equalities, relations):
    bound = set()
    for r in relations:
        bound |= bound_symbols(r)
    for eq in equalities:
        clash = (eq.lhs.free_symbols | eq.rhs.free_symbols) & bound
        if clash:
            raise ValueError(f"rewriting with {eq} under a binder of {sorted(map(str, clash))} is not allowed")


def rewrite(expr, equalities, passes=6):
    """Replace each equality's left side by its right side (exact subterms), repeatedly; where a
    left side is a finite sum, finite sums are first split by linearity so that it can match."""
    from .decide import _split_finite_sums
    for _ in range(passes):
        new = expr
        for eq in equalities:
            new = new.xreplace({eq.lhs: eq.rhs})
        if any(isinstance(eq.lhs, sp.Sum) for eq in equalities) and new.has(sp.Sum):
            split = sp.expand(_split_finite_sums(new))
            for eq in equalities:
                split = split.xreplace({eq.lhs: eq.rhs})
            if split != sp.expand(_split_finite_sums(new)):
                new = split
        if new == expr:
            break
        expr = new
    return expr


def _rebuild(rel, f):
    return type(rel)(f(rel.lhs), f(rel.rhs), evaluate=False) if isinstance(rel, (sp.Eq,) + _INEQ) else f(rel)


@dataclass(frozen=True)
class Rewrite(Rule):
    """Replace each equality premise's left side by its right side (exact subterms), then the
    relation must be the one non-equality premise, or the last premise if all are equalities
    and ``source`` is set, or else hold identically."""

    source: bool = False
    name = "rewrite"

    def check(self, relation, premises, ctx):
        if not premises:
            return Verdict.fail("rewrite needs premises")
        eqs = [p for p in premises if isinstance(p, sp.Eq)]
        others = [p for p in premises if not isinstance(p, sp.Eq)]
        target = None
        if others:
            if len(others) > 1:
                return Verdict.fail("rewrite takes at most one non-equality premise")
            target = others[0]
        elif self.source:
            target, eqs = eqs[-1], eqs[:-1]
        _guard_binders(eqs, [relation] + ([target] if target is not None else []))
        new = _rebuild(relation, lambda e: rewrite(e, eqs))
        if target is None:
            return decide(new, ctx.space)
        old = _rebuild(target, lambda e: rewrite(e, eqs))
        if same(new, old, ctx.space):
            return Verdict(True)
        return Verdict.fail("the rewritten relation is not the premise", new)


@dataclass(frozen=True)
class LawStep(Rule):
    """The declared update of a state variable: Eq(x_{t+1}, update at t)."""

    variable: str
    name = "law"

    def describe(self):
        return f"law: update of {self.variable}"

    def check(self, relation, premises, ctx):
        law = ctx.law
        v = law.variable(self.variable) if law is not None else None
        if v is None or premises:
            return Verdict.fail(f"no state variable {self.variable} in the proof's law (and no premises allowed)")
        g = law.generation
        inst = sp.Eq(Rand(v.name, g + 1, *v.indices), v.step, evaluate=False)
        if isinstance(relation, sp.Eq) and words_in(relation.rhs) - {Rand}:
            return Verdict.fail("the update is pathwise")
        if isinstance(relation, sp.Eq) and relation.lhs == inst.lhs and is_zero(relation.rhs - inst.rhs, ctx.space)[0]:
            return Verdict(True, axioms=frozenset({f"law:{law.name}"}))
        return Verdict.fail("not the declared update", inst)


@dataclass(frozen=True)
class LawInit(Rule):
    """The declared initial value of a state variable: Eq(x_0, init)."""

    variable: str
    name = "law"

    def describe(self):
        return f"law: initial value of {self.variable}"

    def check(self, relation, premises, ctx):
        law = ctx.law
        v = law.variable(self.variable) if law is not None else None
        if v is None or premises:
            return Verdict.fail(f"no state variable {self.variable} in the proof's law (and no premises allowed)")
        inst = sp.Eq(Rand(v.name, 0, *v.indices), v.init, evaluate=False)
        if isinstance(relation, sp.Eq) and words_in(relation.rhs):
            return Verdict.fail("the initial value is deterministic")
        if isinstance(relation, sp.Eq) and relation.lhs == inst.lhs and is_zero(relation.rhs - inst.rhs, ctx.space)[0]:
            return Verdict(True, axioms=frozenset({f"law:{law.name}"}))
        return Verdict.fail("not the declared initial value", inst)


@dataclass(frozen=True)
class DrawFact(Rule):
    """A cited fact of a declared draw's family at generation t (the law binds its parameters)."""

    fact: str
    draw: str
    order: Any = None
    name = "draw fact"

    def describe(self):
        return f"{self.fact} for {self.draw}" + (f" (order {self.order})" if self.order is not None else "")

    def check(self, relation, premises, ctx):
        if premises or ctx.law is None:
            return Verdict.fail("a draw fact takes no premises and needs a law")
        inst, cond = fact_instance(ctx.law, self.fact, self.draw, ctx.law.generation, self.order,
                                   allowed=set(ctx.space.domains))
        if isinstance(relation, sp.Eq) and words_in(relation.rhs) - {Rand}:
            return Verdict.fail("a moment's value is known at the generation: no word in it")
        if cond is not None:
            v = decide(cond, ctx.space)
            if not v.ok:
                return Verdict.fail(f"condition {cond} of {self.fact} not shown", v.residual)
        if isinstance(relation, sp.Eq) and relation.lhs == inst.lhs and is_zero(relation.rhs - inst.rhs, ctx.space)[0]:
            return Verdict(True, axioms=frozenset({self.fact}))
        return Verdict.fail(f"not the instance of {self.fact}", inst)


@dataclass(frozen=True)
class CondExpect(Rule):
    """Conditional expectation given generation g of a sum of products: each product is a factor
    determined by the history up to g times functions of distinct draws at g, each of which is the
    argument of a premise Eq(CE(h, g), v). Independence of the draws given the state, linearity,
    and taking out what is known give the sum of the products of the values."""

    name = "conditional expectation"

    def check(self, relation, premises, ctx):
        law = ctx.law
        if law is None or not isinstance(relation, sp.Eq) or not isinstance(relation.lhs, CE):
            return Verdict.fail("concludes Eq(CE(Y, g), value) under a law")
        Y, g = relation.lhs.args
        draws = {d.name for d in law.draws}
        known = {}
        for p in premises:
            if not (isinstance(p, sp.Eq) and isinstance(p.lhs, CE) and p.lhs.args[1] == g):
                return Verdict.fail("each premise must be Eq(CE(h, g), value) at the same g")
            h, v = p.lhs.args[0], p.rhs
            labels = {r.label for r in rands(h)}
            if len(labels) != 1 or not labels <= draws or words_in(h) - {Rand} or \
                    any(r.generation != g for r in rands(h)):
                return Verdict.fail(f"{h} must be a function of one draw at generation {g}")
            why = _measurable(v, g, law)
            if why or v.has(sp.oo, -sp.oo, sp.zoo, sp.nan):
                return Verdict.fail(f"the value {v} must be finite and known at generation {g}: {why}")
            known[h] = (labels.pop(), v)
        total = sp.S.Zero
        for term in sp.Add.make_args(Y):
            measurable, by_draw = [], {}
            for factor in sp.Mul.make_args(term):
                labels = {r.label for r in rands(factor) if r.label in draws and r.generation == g}
                if not labels:
                    why = _measurable(factor, g, law)
                    if why:
                        return Verdict.fail(f"factor {factor}: {why}")
                    measurable.append(factor)
                elif len(labels) == 1 and not (_measurable(factor.xreplace(
                        {r: sp.Dummy() for r in rands(factor) if r.label in labels}), g, law)):
                    by_draw.setdefault(labels.pop(), []).append(factor)
                else:
                    return Verdict.fail(f"factor {factor} mixes draws, or a draw with later quantities")
            value = sp.Mul(*measurable)
            for label, factors in by_draw.items():
                h = sp.Mul(*factors)
                if h not in known or known[h][0] != label:
                    return Verdict.fail(f"no premise gives CE({h}, {g})")
                value *= known[h][1]
            total += value
        if words_in(relation.rhs) - {Rand} or _measurable(relation.rhs, g, law):
            return Verdict.fail("the value must be known at the generation")
        ok, residual = is_zero(relation.rhs - total, ctx.space)
        if not ok:
            return Verdict.fail("not the conditional expectation", residual)
        return Verdict(True, axioms=frozenset({"conditional_expectation"}))


@dataclass(frozen=True)
class Tower(Rule):
    """From Eq(CE(Y, g), W) conclude Eq(E(Y), E(W)) (or Eq(E(Y), W) for a deterministic W)."""

    name = "tower"

    def check(self, relation, premises, ctx):
        if len(premises) != 1 or not isinstance(premises[0], sp.Eq) or not isinstance(premises[0].lhs, CE):
            return Verdict.fail("tower takes one premise Eq(CE(Y, g), W)")
        (Y, g), W = premises[0].lhs.args, premises[0].rhs
        why = _measurable(W, g, ctx.law) if ctx.law is not None else "no law"
        if why:
            return Verdict.fail(f"W must be known at generation {g}: {why}")
        if not (is_positive(Y, ctx.space, strict=False)[0] or _integrable_increment(Y, ctx.law, ctx.space)):
            return Verdict.fail(f"{Y} is not shown integrable (>= 0, or cited moments of i.i.d. draws)")
        if not (isinstance(relation, sp.Eq) and relation.lhs == E(Y) and (
                relation.rhs == E(W) or (deterministic(W) and relation.rhs == W))):
            return Verdict.fail("tower concludes Eq(E(Y), E(W))", sp.Eq(E(Y), E(W), evaluate=False))
        return Verdict(True, axioms=frozenset({"conditional_expectation"}))


@dataclass(frozen=True)
class ExpectLinear(Rule):
    """E(Y) = sum c_k v_k + c0 from premises Eq(E(W_k), v_k) (finite, deterministic values) when
    Y = sum c_k W_k + c0 pathwise with deterministic coefficients."""

    coefficients: tuple = ()
    constant: Any = 0
    name = "linearity of expectation"

    def check(self, relation, premises, ctx):
        if not (isinstance(relation, sp.Eq) and isinstance(relation.lhs, E)):
            return Verdict.fail("concludes Eq(E(Y), value)")
        if len(self.coefficients) != len(premises):
            return Verdict.fail("one coefficient per premise")
        coeffs = [sp.sympify(c) for c in self.coefficients] + [sp.sympify(self.constant)]
        if not all(deterministic(c) for c in coeffs) or not deterministic(relation.rhs):
            return Verdict.fail("coefficients must be deterministic, and so must the value")
        combo, value = coeffs[-1], coeffs[-1]
        for c, p in zip(coeffs, premises):
            if not (isinstance(p, sp.Eq) and isinstance(p.lhs, E)) or not deterministic(p.rhs) or \
                    p.rhs.has(sp.oo, -sp.oo, sp.zoo, sp.nan):
                return Verdict.fail("each premise must be Eq(E(W), finite deterministic value)")
            combo += c * p.lhs.args[0]
            value += c * p.rhs
        ok, residual = is_zero(relation.lhs.args[0] - combo, ctx.space)
        if not ok:
            return Verdict.fail("Y is not the stated combination", residual)
        ok, residual = is_zero(relation.rhs - value, ctx.space)
        if not ok:
            return Verdict.fail("not the combination of the values", residual)
        return Verdict(True, axioms=frozenset({"linearity"}))


@dataclass(frozen=True)
class Induction(Rule):
    """Simultaneous induction on the generation for moments: for each functional phi_j, premises
    Eq(phi_j at 0, c_j) and Eq(CE(phi_j at g + 1, g), sum_i a_ji phi_i + b_j); if the closed forms
    F_j satisfy F_j(0) = c_j and F_j(g + 1) = sum_i a_ji F_i(g) + b_j, then E(phi_j) = F_j.

    Integrability: each E(phi_i at g) is finite by the hypothesis, so the tower property and
    linearity carry it to g + 1 (the coefficients are deterministic)."""

    functionals: tuple = ()
    closed: tuple = ()
    matrix: tuple = ()
    offset: tuple = ()
    name = "induction"

    def check(self, relation, premises, ctx):
        # The system is checked once for all its conclusions (the same rule, premises and space).
        from .check import fingerprint
        key = (self, tuple(premises), fingerprint({}, ctx.space.domains), ctx.law.key() if ctx.law is not None else None)
        if key not in _SYSTEMS:
            _SYSTEMS.clear() if len(_SYSTEMS) > 64 else None
            _SYSTEMS[key] = self._system(premises, ctx)
        verdict = _SYSTEMS[key]
        if not verdict.ok:
            return verdict
        phis = [sp.sympify(f) for f in self.functionals]
        if not isinstance(relation, sp.Eq) or not isinstance(relation.lhs, E) or relation.lhs.args[0] not in phis:
            return Verdict.fail("induction concludes Eq(E(phi_j), F_j) for one of its functionals")
        j = phis.index(relation.lhs.args[0])
        ok, residual = is_zero(relation.rhs - sp.sympify(self.closed[j]), ctx.space)
        if not ok:
            return Verdict.fail("not the closed form", residual)
        return Verdict(True, axioms=frozenset({"induction"}))

    def _system(self, premises, ctx):
        law, space = ctx.law, ctx.space
        if law is None:
            return Verdict.fail("induction needs a law")
        g = law.generation
        J = len(self.functionals)
        if not (J and len(self.closed) == J and len(self.matrix) == J and len(self.offset) == J
                and all(len(row) == J for row in self.matrix)):
            return Verdict.fail("functionals, closed forms, matrix rows and offsets must match")
        if space.domains.get(g) != Domain.integer(0):
            return Verdict.fail(f"induction needs {g} an integer >= 0 in the assumptions")
        if space.depends_on(g):
            return Verdict.fail(f"another domain depends on {g}")
        phis = [sp.sympify(f) for f in self.functionals]
        for phi in phis:
            if words_in(phi) - {Rand} or any(r.generation != g or law.variable(r.label) is None for r in rands(phi)):
                return Verdict.fail(f"{phi} must be a function of the state at {g}")
        det = [sp.sympify(x) for x in self.closed] + [sp.sympify(x) for row in self.matrix for x in row] + \
              [sp.sympify(x) for x in self.offset]
        if not all(deterministic(x) for x in det) or any(x.has(sp.oo, -sp.oo, sp.zoo, sp.nan) for x in det):
            return Verdict.fail("closed forms and coefficients must be finite and deterministic")
        for x in det:
            culprit = _nonvanishing(x, space)
            if culprit:
                return Verdict.fail(f"{x} is not shown defined for every {g} >= 0: {culprit} may vanish")
        base, step, walks = {}, {}, {}
        nexts = {phi.xreplace({g: g + 1}) for phi in phis}
        for p in premises:
            if not isinstance(p, sp.Eq):
                return Verdict.fail("premises must be equalities")
            if isinstance(p.lhs, CE) and p.lhs.args[1] == g:
                step[p.lhs.args[0]] = p.rhs
            elif p.lhs in nexts and not (words_in(p.rhs) - {Rand}):
                walks[p.lhs] = p.rhs
            else:
                base[p.lhs] = p.rhs
        for j, phi in enumerate(phis):
            at0, at1 = phi.xreplace({g: 0}), phi.xreplace({g: g + 1})
            if at0 not in base or not deterministic(base[at0]):
                return Verdict.fail(f"no deterministic base case for {at0}")
            if at1 not in step:
                return Verdict.fail(f"no one-step premise for {at1}")
            combo = sum((sp.sympify(self.matrix[j][i]) * phis[i] for i in range(J)), sp.sympify(self.offset[j]))
            ok, residual = is_zero(step[at1] - combo, space)
            if not ok:
                return Verdict.fail(f"the one-step premise for {at1} is not the stated combination", residual)
            F = sp.sympify(self.closed[j])
            ok, residual = is_zero(F.xreplace({g: 0}) - base[at0], space)
            if not ok:
                return Verdict.fail(f"base case fails for {phi}", residual)
            advanced = sum((sp.sympify(self.matrix[j][i]) * sp.sympify(self.closed[i]) for i in range(J)),
                           sp.sympify(self.offset[j]))
            ok, residual = is_zero(F.xreplace({g: g + 1}) - advanced, space)
            if not ok:
                return Verdict.fail(f"inductive step fails for {phi}", residual)
        for phi in phis:
            problem = _integrability(phi, phis, walks.get(phi.xreplace({g: g + 1})), law, space)
            if problem:
                return Verdict.fail(problem)
        return Verdict(True)


_SYSTEMS: dict = {}


def _integrable_increment(expr, law, space) -> bool:
    """Whether ``expr`` is a deterministic combination of functions of draws at the generation whose
    laws are constant (so E|.| is the same finite number at every generation) and whose moments a
    cited fact gives."""
    from .laws import finite_moment

    g = law.generation
    for term in sp.Add.make_args(sp.expand(expr)):
        coeff, h = term.as_independent(*[r for r in rands(term)], as_Add=False)
        if not deterministic(coeff):
            return False
        if h == 1:
            continue
        found = rands(h)
        draw = law.draw(next(iter(found)).label) if len(found) == 1 else None
        if draw is None or any(words_in(a) or g in sp.sympify(a).free_symbols for a in draw.args):
            return False
        if not finite_moment(law, h, g, space):
            return False
    return True


def _integrability(phi, phis, walk, law, space):
    """'' when E|phi| is finite at every generation once the system's values are: phi >= 0; or
    |phi| <= 1 + (the system's non-negative functionals); or phi is a walk, phi(g + 1) = phi(g) + W
    with W a combination of draws' functions whose moments a cited fact gives (so E|phi(g)| <=
    |phi(0)| + g E|W|)."""
    if is_positive(phi, space, strict=False)[0]:
        return ""
    nonneg = [p for p in phis if p is not phi and is_positive(p, space, strict=False)[0]]
    bound = 1 + sum(nonneg, sp.S.Zero)
    if nonneg and is_positive(bound - phi, space, strict=False)[0] and is_positive(bound + phi, space, strict=False)[0]:
        return ""
    if walk is not None and _integrable_increment(sp.expand(walk - phi), law, space):
        return ""
    return (f"{phi} is not shown integrable: it is neither >= 0, nor dominated by the system's non-negative "
            "functionals, nor a walk with integrable increments")


@dataclass(frozen=True)
class SumOver(Rule):
    """From Eq(A, B) for every value of a local index conclude Eq(Sum(A, (i, lo, hi)), Sum(B, ...)),
    the range inside the index's domain."""

    name = "sum over an index"

    def check(self, relation, premises, ctx):
        if len(premises) != 1 or not isinstance(premises[0], sp.Eq) or not isinstance(relation, sp.Eq):
            return Verdict.fail("takes one equality and concludes one")
        L, R = relation.lhs, relation.rhs
        if not (isinstance(L, sp.Sum) and isinstance(R, sp.Sum) and len(L.limits) == 1 and L.limits == R.limits):
            return Verdict.fail("concludes Eq(Sum(A, (i, lo, hi)), Sum(B, (i, lo, hi)))")
        i, lo, hi = L.limits[0]
        ok, _ = is_positive(hi - lo + 1, ctx.space.without(i), strict=False)
        if not ok:
            return Verdict.fail("the range must not be reversed (sympy's convention would sum outside it)")
        if i not in ctx.local:
            return Verdict.fail(f"{i} must be a local index of the proof")
        if ctx.law is not None and i in ctx.law.params:
            return Verdict.fail(f"{i} is a parameter of the law: the random quantities depend on it unseen")
        if ctx.space.depends_on(i):
            return Verdict.fail(f"another domain depends on {i}")
        dom = ctx.space.domains[i]
        if dom.kind != "integer":
            return Verdict.fail(f"{i} must be an integer index")
        for bound, mine, is_lo in ((dom.lo, lo, True), (dom.hi, hi, False)):
            if bound is None:
                continue
            if mine in (sp.oo, -sp.oo):
                return Verdict.fail("the range leaves the index's domain")
            ok, _ = is_positive((mine - bound) if is_lo else (bound - mine), ctx.space.without(i), strict=False)
            if not ok:
                return Verdict.fail("the range leaves the index's domain")
        if L.function != premises[0].lhs or R.function != premises[0].rhs:
            return Verdict.fail("the summands are not the premise's sides")
        return Verdict(True)


@dataclass(frozen=True)
class ExpectSum(Rule):
    """E(Sum(W, (i, lo, hi))) = Sum(E(W), (i, lo, hi)) for a finite range and W >= 0."""

    name = "expectation of a finite sum"

    def check(self, relation, premises, ctx):
        if premises or not isinstance(relation, sp.Eq) or not isinstance(relation.lhs, E):
            return Verdict.fail("concludes Eq(E(Sum(W, ...)), Sum(E(W), ...)) without premises")
        S = relation.lhs.args[0]
        if not isinstance(S, sp.Sum) or len(S.limits) != 1:
            return Verdict.fail("the expectation must be of a single sum")
        i, lo, hi = S.limits[0]
        if lo.has(sp.oo, -sp.oo) or hi.has(sp.oo, -sp.oo):
            return Verdict.fail("only finite ranges")
        if not (deterministic(lo) and deterministic(hi)):
            return Verdict.fail("the range must be deterministic")
        ok, _ = is_positive(hi - lo + 1, ctx.space, strict=False)
        if not ok:
            return Verdict.fail("the range must not be reversed")
        if relation.rhs != sp.Sum(E(S.function), *S.limits):
            return Verdict.fail("not the sum of the expectations")
        inner = ctx.space.with_index(i, lo, hi)
        ok, _ = is_positive(S.function, inner, strict=False)
        if not ok:
            return Verdict.fail("the summand must be shown >= 0")
        return Verdict(True, axioms=frozenset({"linearity"}))


@dataclass(frozen=True)
class Specialize(Rule):
    """From a relation about a symbol conclude it at an exact value inside the symbol's domain. The
    symbol may not be a parameter of the law (the random quantities depend on those unseen), and no
    other domain may depend on it; the instance must be defined (no pole met) and stay a relation."""

    symbol: Any = None
    value: Any = None
    name = "specialize"

    def describe(self):
        return f"at {self.symbol} = {self.value}"

    def check(self, relation, premises, ctx):
        if len(premises) != 1:
            return Verdict.fail("specialize takes one premise")
        value = sp.sympify(self.value)
        dom = ctx.space.domains.get(self.symbol)
        if dom is None or not dom.contains(value):
            return Verdict.fail(f"{self.symbol} = {self.value} is not within the symbol's domain")
        if ctx.law is not None and self.symbol in ctx.law.params:
            return Verdict.fail(f"{self.symbol} is a parameter of the law: the random quantities depend on it unseen")
        if ctx.space.depends_on(self.symbol):
            return Verdict.fail(f"another domain depends on {self.symbol}")
        premise = premises[0]
        if not isinstance(premise, (sp.Eq,) + _INEQ):
            return Verdict.fail("specialize takes an equality or an inequality")
        if self.symbol in bound_symbols(premise):
            return Verdict.fail(f"{self.symbol} is bound in the premise")
        for node in sp.preorder_traversal(premise):
            if isinstance(node, (sp.Function, sp.Pow, sp.Sum, sp.Product)) and self.symbol in node.free_symbols:
                at = node.xreplace({self.symbol: value})
                try:
                    at = at.doit()
                except Exception:
                    return Verdict.fail(f"{node} cannot be evaluated at {self.symbol} = {value}")
                if at.has(sp.zoo, sp.nan, sp.oo, -sp.oo) and not node.has(sp.oo, -sp.oo):
                    return Verdict.fail(f"{node} is not defined at {self.symbol} = {value}")
        sides = []
        for side in map(sp.sympify, (premise.lhs, premise.rhs)):
            if not _defined_at(side, self.symbol, value, ctx.space):
                return Verdict.fail(f"the premise is not defined at {self.symbol} = {value}")
            at = sp.sympify(side.xreplace({self.symbol: value}))
            if isinstance(at, (sp.Sum, sp.Product)) and all(x.is_Integer for lim in at.limits for x in lim[1:]):
                at = at.doit()
            if at.has(sp.zoo, sp.nan):
                return Verdict.fail(f"the premise meets a pole at {self.symbol} = {value}")
            sides.append(at)
        inst = type(premise)(*sides, evaluate=False)
        if same(relation, inst, ctx.space):
            return Verdict(True)
        return Verdict.fail(f"not the premise at {self.symbol} = {self.value}", inst)


def _denominators(expr):
    """Bases raised to negative powers in ``expr`` (what must not vanish for it to be defined)."""
    out = []
    for node in sp.preorder_traversal(sp.sympify(expr)):
        if isinstance(node, sp.Pow) and (node.exp.is_negative or node.exp.could_extract_minus_sign()):
            out.append(node.base)
        elif isinstance(node, (sp.gamma, sp.polygamma, sp.loggamma)):
            out.append(None)  # poles of these are not tracked: refuse below when the symbol meets them
    return out


def _defined_at(expr, symbol, value, space):
    """Whether ``expr`` is defined at ``symbol = value`` (no denominator of it vanishes there)."""
    for base in _denominators(expr):
        if base is None or symbol not in base.free_symbols:
            continue
        b = base.xreplace({symbol: value})
        ok = is_positive(b, space)[0] or is_positive(-b, space)[0]
        if not ok:
            return False
    return True


def _nonvanishing(expr, space):
    """'' when ``expr`` is shown finite over ``space`` (every denominator non-zero, every logarithm's
    and gamma function's argument positive); else the culprit."""
    for node in sp.preorder_traversal(sp.sympify(expr)):
        if isinstance(node, sp.Pow) and (node.exp.is_negative or node.exp.could_extract_minus_sign()):
            base = node.base
            if base.free_symbols and not (is_positive(base, space)[0] or is_positive(-base, space)[0]):
                return str(base)
        elif isinstance(node, (sp.log, sp.gamma, sp.loggamma, sp.polygamma)):
            arg = node.args[-1]
            if arg.free_symbols and not is_positive(arg, space)[0]:
                return f"{node} (its argument may not be positive)"
        elif isinstance(node, sp.factorial):
            if node.args[0].free_symbols and not is_positive(node.args[0] + 1, space)[0]:
                return f"{node} (its argument may be a negative integer)"
        elif isinstance(node, (sp.FallingFactorial, sp.RisingFactorial, sp.binomial)):
            k = node.args[1]
            if node.free_symbols and not (k.is_integer and is_positive(k, space, strict=False)[0]):
                return f"{node} (its order may not be a natural number)"
        elif isinstance(node, (sp.tan, sp.cot)) and node.free_symbols:
            return f"{node} (poles are not tracked)"
    return ""


@dataclass(frozen=True)
class AxiomInstance(Rule):
    """An instance of a general axiom, its side conditions decided."""

    axiom: str
    mapping: Any = field(default_factory=dict)
    name = "axiom"

    def describe(self):
        return f"axiom {self.axiom}"

    def check(self, relation, premises, ctx):
        if premises:
            return Verdict.fail("an axiom instance takes no premises")
        ax = AXIOMS.get(self.axiom)
        if ax is None:
            return Verdict.fail(f"no axiom {self.axiom!r}")
        if ax.holds_for and (ctx.law is None or not {d.family for d in ctx.law.draws} & set(ax.holds_for)):
            return Verdict.fail(f"axiom {self.axiom} holds for {', '.join(ax.holds_for)} laws only")
        inst, conds = instance(ax, dict(self.mapping), bound_symbols(relation), ctx.law)
        for c in conds:
            v = decide(c, ctx.space)
            if not v.ok:
                return Verdict.fail(f"side condition {c} not shown", v.residual)
        if same(relation, inst, ctx.space):
            return Verdict(True, axioms=frozenset({self.axiom}))
        return Verdict.fail(f"not an instance of {self.axiom}", inst)


@dataclass(frozen=True)
class VectorTotal(Rule):
    """A vector parameter with a fixed total: Eq(Sum(v[j], (j, 1, length)), total)."""

    name = "assumption"

    def check(self, relation, premises, ctx):
        if premises or not isinstance(relation, sp.Eq) or not isinstance(relation.lhs, sp.Sum):
            return Verdict.fail("concludes Eq(Sum(v[j], (j, 1, length)), total)")
        S = relation.lhs
        j, lo, hi = S.limits[0]
        f = S.function
        if len(S.limits) != 1 or not isinstance(f, sp.Indexed) or f.indices != (j,):
            return Verdict.fail("the sum must be of v[j] over j")
        dom = ctx.space.domains.get(f.base) or ctx.space.domains.get(f.base.label)
        if dom is None or dom.kind != "vector" or dom.total is None or lo != 1 or hi != dom.length:
            return Verdict.fail("not a vector parameter with a total over its whole range")
        if relation.rhs != dom.total:
            return Verdict.fail("not the vector's total")
        return Verdict(True)


@dataclass(frozen=True)
class Order(Rule):
    """From one inequality p < q (or <=) and equalities to rewrite with, conclude a < b when
    (b - a) - scale (q - p) >= 0 with scale > 0 (strict needs a strict premise or remainder)."""

    scale: Any = 1
    name = "inequality"

    def check(self, relation, premises, ctx):
        eqs = [p for p in premises if isinstance(p, sp.Eq)]
        ineqs = [p for p in premises if isinstance(p, _INEQ)]
        if len(ineqs) != 1 or len(eqs) + 1 != len(premises) or not isinstance(relation, _INEQ):
            return Verdict.fail("takes one inequality and equalities, concludes an inequality")
        if not deterministic(self.scale):
            return Verdict.fail("the scale must be deterministic")
        _guard_binders(eqs, [relation, ineqs[0]])
        concl, strict = gap(_rebuild(relation, lambda e: rewrite(e, eqs)))
        prem, pstrict = gap(_rebuild(ineqs[0], lambda e: rewrite(e, eqs)))
        ok, residual = is_positive(self.scale, ctx.space, True)
        if not ok:
            return Verdict.fail("the scale is not shown positive", residual)
        ok, residual = is_positive(concl - self.scale * prem, ctx.space, strict and not pstrict)
        if not ok:
            return Verdict.fail("the conclusion does not follow from the premise", residual)
        return Verdict(True)


@dataclass(frozen=True)
class Monotone(Rule):
    """From Y <= W almost surely conclude E(Y) <= E(W)."""

    name = "monotonicity of expectation"

    def check(self, relation, premises, ctx):
        if len(premises) != 1 or not isinstance(premises[0], sp.LessThan) or not isinstance(relation, sp.LessThan):
            return Verdict.fail("takes Le(Y, W) and concludes Le(E(Y), E(W))")
        Y, W = premises[0].lhs, premises[0].rhs
        if words_in(Y) - {Rand} or words_in(W) - {Rand}:
            return Verdict.fail("the premise must be pathwise")
        if relation.lhs != E(Y) or relation.rhs != E(W):
            return Verdict.fail("not the expectations of the premise's sides")
        return Verdict(True, axioms=frozenset({"monotonicity"}))


@dataclass(frozen=True)
class Detach(Rule):
    """Modus ponens: from Implies(A, B) and A conclude B."""

    name = "modus ponens"

    def check(self, relation, premises, ctx):
        if len(premises) != 2 or not isinstance(premises[0], sp.Implies):
            return Verdict.fail("takes Implies(A, B) and A")
        antecedent, consequent = premises[0].args
        if premises[1] != antecedent:
            return Verdict.fail("the second premise is not the antecedent")
        if relation != consequent:
            return Verdict.fail("not the consequent")
        return Verdict(True)


@dataclass(frozen=True)
class Limit(Rule):
    """Eq(Limit(X, g, oo), L): X rewritten by equality premises into a deterministic sum of terms
    c g^k B^g; each combined base B is placed against 1 (by algebra or an inequality premise
    B < 1), and the limit is taken term by term in every case of the space."""

    name = "limit"

    def check(self, relation, premises, ctx):
        if not isinstance(relation, sp.Eq) or not isinstance(relation.lhs, sp.Limit):
            return Verdict.fail("concludes Eq(Limit(X, g, oo), value)")
        X, g, to = relation.lhs.args[:3]
        if to != sp.oo or ctx.space.domains.get(g) != Domain.integer(0):
            return Verdict.fail(f"only limits as an integer {g} >= 0 grows")
        if ctx.space.depends_on(g) or words_in(relation.rhs):
            return Verdict.fail(f"another domain depends on {g}, or the value is not deterministic")
        eqs = [p for p in premises if isinstance(p, sp.Eq)]
        below = [p.lhs for p in premises if isinstance(p, sp.StrictLessThan) and p.rhs == 1]
        if len(eqs) + len(below) != len(premises):
            return Verdict.fail("premises: equalities, and inequalities B < 1")
        # The equalities hold for every generation g >= 0, the range of the limit's variable: only
        # other binders are guarded.
        _guard_binders(eqs, [X, relation.rhs])
        X = rewrite(X, eqs)
        if not deterministic(X) or any(g in sp.sympify(b).free_symbols for b in below):
            return Verdict.fail("the rewritten expression must be deterministic", X)
        space = ctx.space.without(g)
        for case in space.cases():
            value = _limit_in_case(Space.substitute(X, case), g, [Space.substitute(b, case) for b in below], space)
            if isinstance(value, str):
                return Verdict.fail(value)
            target = Space.substitute(relation.rhs, case)
            if value in (sp.oo, -sp.oo) or target in (sp.oo, -sp.oo):
                if value != target:
                    return Verdict.fail(f"the limit is {value} in a case", target)
                continue
            ok, residual = is_zero(value - target, space.restricted({}))
            if not ok:
                return Verdict.fail("the limit has another value", residual)
        return Verdict(True)


def _limit_in_case(X, g, below, space):
    """The limit of X (free of other cases) as g -> oo, or a string saying why it is not taken."""
    X = sp.piecewise_fold(X)
    if X.has(sp.Piecewise):
        return "a Piecewise is left after fixing the case"
    finite, infinite = sp.S.Zero, set()
    for term in sp.Add.make_args(sp.expand(X, power_exp=True, mul=True, multinomial=False)):
        coeff, base, degree = [], sp.S.One, 0
        for f in sp.Mul.make_args(term):
            if g not in f.free_symbols:
                coeff.append(f)
                continue
            b, e = f.as_base_exp()
            if b == g and e.is_Integer and e > 0:
                degree += int(e)
                continue
            rate = sp.simplify(e / g)
            if g in b.free_symbols or g in rate.free_symbols:
                return f"cannot take the limit of the factor {f}"
            base *= b ** rate
        c = sp.Mul(*coeff)
        if c.has(sp.oo, -sp.oo, sp.zoo, sp.nan) or _nonvanishing(c, space):
            return f"the coefficient {c} is not shown finite"
        # Place the base against 1: equal to it, a premise's base below it, or shown by algebra.
        if is_zero(base - 1, space)[0]:
            place = "one"
        elif any(is_zero(base - b, space)[0] for b in below) and is_positive(base, space)[0]:
            place = "below"
        elif is_positive(base, space)[0] and is_positive(1 - base, space)[0]:
            place = "below"
        elif is_positive(base - 1, space)[0]:
            place = "above"
        else:
            return f"cannot place the base {base} against 1"
        if place == "below":
            continue
        if place == "one" and degree == 0:
            finite += c
            continue
        if is_positive(c, space)[0]:
            infinite.add(sp.oo)
        elif is_positive(-c, space)[0]:
            infinite.add(-sp.oo)
        else:
            return f"cannot tell the sign of {c}"
    if len(infinite) > 1:
        return "terms tend to +oo and -oo"
    return infinite.pop() if infinite else finite


@dataclass(frozen=True)
class Conjunction(Rule):
    """And(r1, r2, ...) from premises r1, r2, ..."""

    name = "conjunction"

    def check(self, relation, premises, ctx):
        if not isinstance(relation, sp.And) or len(relation.args) != len(premises):
            return Verdict.fail("concludes And of exactly its premises")
        if set(relation.args) != set(premises):
            return Verdict.fail("the conjuncts are not the premises")
        return Verdict(True)


#: The closed table: a step whose rule is not an instance of one of these is rejected.
RULES = (Algebra, Rewrite, LawStep, LawInit, DrawFact, CondExpect, Tower, ExpectLinear, Induction, SumOver,
         ExpectSum, Specialize, AxiomInstance, VectorTotal, Order, Monotone, Conjunction, Detach, Limit)
_ = FAMILIES, draw_rand

"""The primitive rules: a closed table. Each rule checks one step and returns a :class:`Verdict`.

``check(relation, premises, ctx)``: ``premises`` are the relations of the cited steps, ``ctx``
holds the proof's space, law and locals. A rule states and checks every side condition it
relies on (:func:`need`); any failure to show one is a rejection.
"""

from dataclasses import dataclass, field

import sympy as sp

from .axioms import AXIOMS, instance
from .decide import alpha_named, defined_at, is_positive, is_zero, refuted, split_finite_sums, undefined, unsafe
from .domains import Domain, Space
from .laws import draw_rand, fact_instance, finite_moment
from .terms import (AlmostSurely, CE, E, Ind, Rand, VOCABULARY, bound_symbols, checking, exact_text, fresh_binders,
                    misread_numbers, rands, require, simplify, substitute, words_in)

_INEQ = (sp.StrictLessThan, sp.LessThan, sp.StrictGreaterThan, sp.GreaterThan)
_INFINITE = (sp.oo, -sp.oo, sp.zoo, sp.nan)


@dataclass(frozen=True)
class Verdict:
    ok: bool
    message: str = ""
    axioms: frozenset = frozenset()


class Reject(Exception):
    """A rule's rejection, saying why."""


def need(condition, message):
    """Reject the step unless ``condition`` holds."""
    if not condition:
        raise Reject(message)


def zero(expr, space, message):
    """Reject unless ``expr`` is shown identically zero over ``space``."""
    need(is_zero(expr, space)[0], message)


def positive(expr, space, message, strict=True):
    """Reject unless ``expr`` is shown > 0 (>= 0 when not strict) over ``space``."""
    need(is_positive(expr, space, strict)[0], message)


def gap(rel):
    """(expr, strict) meaning ``expr > 0`` (strict) or ``expr >= 0``."""
    require(isinstance(rel, _INEQ), f"{rel} is not an inequality")
    return (rel.rhs - rel.lhs if isinstance(rel, _INEQ[:2]) else rel.lhs - rel.rhs), isinstance(rel, _INEQ[::2])


def decide(rel, space, message=None):
    """Reject unless ``rel`` holds identically over ``space`` (``message``, if given, says why)."""
    # sympy's own evaluation of a relation reads uncertified signs of constants: no claim is settled by it,
    # so conditions are built unevaluated and a truth value is refused.
    need(not isinstance(rel, sp.logic.boolalg.BooleanAtom), message or "a truth value is no claim to decide")
    need(not unsafe(rel), message or unsafe(rel))
    if isinstance(rel, sp.Eq):
        zero(rel.lhs - rel.rhs, space, message or "sympy could not reduce lhs - rhs to 0")
    elif isinstance(rel, _INEQ):
        expr, strict = gap(rel)
        positive(expr, space, message or f"sympy could not show {'>' if strict else '>='} 0", strict)
    else:
        raise Reject(message or f"cannot decide a {type(rel).__name__}")


def same(a, b, space) -> bool:
    """Two relations of one type whose left sides are identical and right sides equal in value
    (or, for inequalities, whose sides are pairwise equal in value)."""
    if type(a) is not type(b) or not isinstance(a, (sp.Eq,) + _INEQ):
        # Truth values are no statements: a relation that evaluated to True or False says nothing.
        return a == b and not isinstance(a, sp.logic.boolalg.BooleanAtom)
    return a == b or all(x == y or is_zero(x - y, space)[0] for x, y in ((a.lhs, b.lhs), (a.rhs, b.rhs)))


def deterministic(expr) -> bool:
    """No word, and nothing that may have no value (an infinite sum or product, a limit): what a rule
    reads as a number (a coefficient, a constant, a value) must be one."""
    return not words_in(expr) and not unsafe(expr)


def pathwise(expr) -> bool:
    """No word but random quantities: no expectation of any kind."""
    return not words_in(expr) - {Rand}


def _measurable(expr, g, law) -> str:
    """'' when ``expr`` is determined by the history up to generation g; else why not."""
    if not pathwise(expr):
        return "holds an expectation or another word"
    if unsafe(expr) or expr.has(*_INFINITE):
        return "may have no value (an infinity, an infinite sum or a limit)"
    draws = {d.name for d in law.draws}
    for r in rands(expr):
        if r.label not in draws | {v.name for v in law.state}:
            return f"{r} is not declared by the law"
        later = simplify(r.generation - g)
        if (later.is_negative if r.label in draws else later.is_nonpositive) is not True or misread_numbers(later):
            return f"{r} {'is drawn at or after' if r.label in draws else 'comes after'} generation {g}"
    return ""


def _instance_of(relation, inst, space, message):
    """Reject unless ``relation`` is Eq(inst.lhs, value) with value equal to inst.rhs."""
    need(isinstance(relation, sp.Eq) and relation.lhs == inst.lhs and is_zero(relation.rhs - inst.rhs, space)[0],
         message)


def _guard_binders(equalities, relations):
    bound = set().union(*map(bound_symbols, relations))
    for eq in equalities:
        clash = (eq.lhs.free_symbols | eq.rhs.free_symbols) & bound
        require(not clash, f"rewriting with {eq} under a binder of {sorted(map(str, clash))} is not allowed")


def rewrite(expr, equalities, passes=6):
    """Replace each equality's left side by its right side (exact subterms), repeatedly; where a
    left side is a finite sum, finite sums are first split by linearity so that it can match. What
    may have no value (a word, an infinite sum, a limit) leaves only by being rewritten into values:
    sympy folds 0 E(X) to 0, which would erase an E(X) that is oo or does not exist."""
    new = _rewrite(expr, equalities, passes)
    present = set(sp.preorder_traversal(new))
    for w in _valueless(expr):
        if not any(w in set(sp.preorder_traversal(eq.lhs)) for eq in equalities):  # else replaced whole
            rest = _rewrite(w, equalities, passes)
            need(rest in present or not _valueless(rest), f"rewriting erased {w}, which may have no value")
    return new


def _valueless(expr) -> list:
    """The outermost nodes of ``expr`` that may be infinite or have no value: words but random
    quantities and indicators, infinite sums and products, limits."""
    e = sp.sympify(expr)
    if (isinstance(e, VOCABULARY) and not isinstance(e, (Rand, Ind))) or isinstance(e, sp.Limit) or (
            isinstance(e, (sp.Sum, sp.Product)) and unsafe(e)):
        return [e]
    return [w for a in e.args for w in _valueless(a)]


def _rewrite(expr, equalities, passes):
    def once(e):
        for eq in equalities:
            e = e.xreplace({eq.lhs: eq.rhs})
        return e
    for _ in range(passes):
        new = once(expr)
        if any(isinstance(eq.lhs, sp.Sum) for eq in equalities) and new.has(sp.Sum):
            split = sp.expand(split_finite_sums(new))
            if once(split) != split:
                new = once(split)
        if new == expr:
            break
        expr = new
    return expr


def _integer_range(lo, hi, space, what="the range"):
    """Reject unless ``lo`` and ``hi`` are integers (from the symbols' flags, which the checker bounds)
    and ``lo <= hi + 1`` (not reversed: sympy's convention would sum outside the range)."""
    need(sp.sympify(lo).is_integer is True and sp.sympify(hi).is_integer is True, f"{what}'s limits must be integers")
    need(is_positive(hi - lo + 1, space, strict=False)[0],
         f"{what} must not be reversed (sympy's convention would sum outside it)")


def _instantiated(rule, premises, ctx):
    """(symbol, value, premise, the symbol's domain) of a rule that concludes its one premise at a value of a
    symbol free to vary (:func:`_free_to_vary`) and not bound in the premise."""
    name = type(rule).__name__.lower()
    need(len(premises) == 1, f"{name} takes one premise")
    symbol, premise = rule.symbol, premises[0]
    _free_to_vary(symbol, ctx)
    need(symbol not in bound_symbols(premise), f"{symbol} is bound in the premise")
    return symbol, sp.sympify(rule.value), premise, ctx.space.domains.get(symbol)


def _free_to_vary(symbol, ctx):
    """Reject unless ``symbol`` may take any value of its domain alone: it is no parameter of the law (the
    random quantities depend on those unseen) and no other domain depends on it."""
    need(ctx.law is None or symbol not in ctx.law.params,
         f"{symbol} is a parameter of the law: the random quantities depend on it unseen")
    need(not ctx.space.depends_on(symbol), f"another domain depends on {symbol}")


def _rebuild(rel, f):
    """``f`` applied to every side of ``rel``'s relations, connectives rebuilt unevaluated (sympy would
    settle ``w^2 > 0 & x > 0`` by its own uncertified sign of a constant w)."""
    if isinstance(rel, (sp.Eq,) + _INEQ):
        return type(rel)(f(rel.lhs), f(rel.rhs), evaluate=False)
    if isinstance(rel, (sp.And, sp.Or, sp.Not, sp.Implies)):
        return type(rel)(*[_rebuild(a, f) for a in rel.args], evaluate=False)
    return f(rel)


class Rule:
    """A rule's ``verify`` rejects (:class:`Reject`) or returns the axioms the step relies on. Every rule is a
    frozen dataclass of its parameters (made one here, once for all)."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        dataclass(frozen=True)(cls)

    def check(self, relation, premises, ctx) -> Verdict:
        try:
            return Verdict(True, axioms=frozenset(type(self).verify(self, relation, premises, ctx) or ()))
        except Reject as rejection:
            return Verdict(False, str(rejection))


class Algebra(Rule):
    """The relation holds identically (sympy decides it over the space)."""

    def verify(self, relation, premises, ctx):
        need(not premises, "algebra takes no premises")
        decide(relation, ctx.space)


class Rewrite(Rule):
    """Replace each equality premise's left side by its right side (exact subterms), then the
    relation must be the one non-equality premise, or the last premise if all are equalities
    and ``source`` is set, or else hold identically."""

    source: bool = False

    def verify(self, relation, premises, ctx):
        need(premises, "rewrite needs premises")
        eqs = [p for p in premises if isinstance(p, sp.Eq)]
        others = [p for p in premises if not isinstance(p, sp.Eq)]
        need(len(others) <= 1, "rewrite takes at most one non-equality premise")
        target = others[0] if others else (eqs.pop() if self.source else None)
        _guard_binders(eqs, [relation] + ([target] if target is not None else []))
        new = _rebuild(relation, lambda e: rewrite(e, eqs))
        if target is None:
            return decide(new, ctx.space)
        need(same(new, _rebuild(target, lambda e: rewrite(e, eqs)), ctx.space),
             "the rewritten relation is not the premise")


def _declared(name, relation, premises, ctx, initial):
    """A law step: the declared initial value (deterministic) or one-step update (pathwise) of ``name``."""
    law = ctx.law
    v = law.variable(name) if law is not None else None
    need(v is not None and not premises, f"no state variable {name} in the proof's law (and no premises allowed)")
    if initial:
        need(not (isinstance(relation, sp.Eq) and words_in(relation.rhs)), "the initial value is deterministic")
        inst = sp.Eq(Rand(v.name, 0, *v.indices), v.init, evaluate=False)
    else:
        need(not isinstance(relation, sp.Eq) or pathwise(relation.rhs), "the update is pathwise")
        inst = sp.Eq(Rand(v.name, law.generation + 1, *v.indices), v.step, evaluate=False)
    _instance_of(relation, inst, ctx.space, f"not the declared {'initial value' if initial else 'update'}")
    return {f"law:{law.name}"}


class LawStep(Rule):
    """The declared update of a state variable: Eq(x_{t+1}, update at t)."""

    variable: str

    def verify(self, relation, premises, ctx):
        return _declared(self.variable, relation, premises, ctx, initial=False)


class LawInit(Rule):
    """The declared initial value of a state variable: Eq(x_0, init)."""

    variable: str

    def verify(self, relation, premises, ctx):
        return _declared(self.variable, relation, premises, ctx, initial=True)


class DrawFact(Rule):
    """A cited fact of a declared draw's family at generation t (the law binds its parameters)."""

    fact: str
    draw: str
    order: object = None

    def verify(self, relation, premises, ctx):
        need(not premises and ctx.law is not None, "a draw fact takes no premises and needs a law")
        inst, cond = fact_instance(ctx.law, self.fact, self.draw, ctx.law.generation, self.order,
                                   allowed=set(ctx.space.domains))
        need(not isinstance(relation, sp.Eq) or pathwise(relation.rhs),
             "a moment's value is known at the generation: no word in it")
        if cond is not None:
            decide(cond, ctx.space, f"condition {cond} of {self.fact} not shown")
        _instance_of(relation, inst, ctx.space, f"not the instance of {self.fact}")
        return {self.fact}


class CondExpect(Rule):
    """Conditional expectation given generation g of a sum of products: each product is a factor
    determined by the history up to g times functions of distinct draws at g, each of which is the
    argument of a premise Eq(CE(h, g), v). Independence of the draws given the state, linearity,
    and taking out what is known give the sum of the products of the values."""

    def verify(self, relation, premises, ctx):
        law = ctx.law
        need(law is not None and isinstance(relation, sp.Eq) and isinstance(relation.lhs, CE),
             "concludes Eq(CE(Y, g), value) under a law")
        Y, g = relation.lhs.args
        draws = {d.name for d in law.draws}
        known = {}
        for p in premises:
            need(isinstance(p, sp.Eq) and isinstance(p.lhs, CE) and p.lhs.args[1] == g,
                 "each premise must be Eq(CE(h, g), value) at the same g")
            h, v = p.lhs.args[0], p.rhs
            labels = {r.label for r in rands(h)}
            need(len(labels) == 1 and labels <= draws and pathwise(h) and all(r.generation == g for r in rands(h)),
                 f"{h} must be a function of one draw at generation {g}")
            why = _measurable(v, g, law)
            need(not why and not v.has(*_INFINITE), f"the value {v} must be finite and known at generation {g}: {why}")
            known[h] = (labels.pop(), v)
        total = sp.S.Zero
        for term in sp.Add.make_args(Y):
            measurable, by_draw = [], {}
            for factor in sp.Mul.make_args(term):
                labels = {r.label for r in rands(factor) if r.label in draws and r.generation == g}
                if not labels:
                    why = _measurable(factor, g, law)
                    need(not why, f"factor {factor}: {why}")
                    measurable.append(factor)
                    continue
                hidden = factor.xreplace({r: sp.Dummy() for r in rands(factor) if r.label in labels})
                need(len(labels) == 1 and not _measurable(hidden, g, law),
                     f"factor {factor} mixes draws, or a draw with later quantities")
                by_draw.setdefault(labels.pop(), []).append(factor)
            value = sp.Mul(*measurable)
            for label, factors in by_draw.items():
                h = sp.Mul(*factors)
                need(h in known and known[h][0] == label, f"no premise gives CE({h}, {g})")
                value *= known[h][1]
            total += value
        need(pathwise(relation.rhs) and not _measurable(relation.rhs, g, law),
             "the value must be known at the generation")
        zero(relation.rhs - total, ctx.space, "not the conditional expectation")
        return {"conditional_expectation"}


class Tower(Rule):
    """From Eq(CE(Y, g), W) conclude Eq(E(Y), E(W)) (or Eq(E(Y), W) for a deterministic W)."""

    def verify(self, relation, premises, ctx):
        need(len(premises) == 1 and isinstance(premises[0], sp.Eq) and isinstance(premises[0].lhs, CE),
             "tower takes one premise Eq(CE(Y, g), W)")
        (Y, g), W = premises[0].lhs.args, premises[0].rhs
        why = _measurable(W, g, ctx.law) if ctx.law is not None else "no law"
        need(not why, f"W must be known at generation {g}: {why}")
        need(is_positive(Y, ctx.space, strict=False)[0] or _integrable_increment(Y, ctx.law, ctx.space),
             f"{Y} is not shown integrable (>= 0, or cited moments of i.i.d. draws)")
        need(isinstance(relation, sp.Eq) and relation.lhs == E(Y) and (
            relation.rhs == E(W) or (deterministic(W) and relation.rhs == W)),
             "tower concludes Eq(E(Y), E(W))")
        return {"conditional_expectation"}


class ExpectLinear(Rule):
    """E(Y) = sum c_k v_k + c0 from premises Eq(E(W_k), v_k) (finite, deterministic values) when
    Y = sum c_k W_k + c0 pathwise with deterministic coefficients. Terms ``kept`` as expectations,
    pairs (d_j, U_j) with Y = sum c_k W_k + sum d_j U_j + c0, add d_j E(U_j) to the value: each U_j
    is shown >= 0 (a finite sum summand by summand), so E(U_j) is a number in [0, oo], and the d_j
    are all > 0 or all < 0, so their combination has one sign (never oo - oo) and linearity holds
    in the extended reals; each E(U_j) occurs once in the value, inside sums and products only, so
    that the value is affine in it, at oo too."""

    coefficients: tuple = ()
    constant: object = 0
    kept: tuple = ()

    def verify(self, relation, premises, ctx):
        need(isinstance(relation, sp.Eq) and isinstance(relation.lhs, E), "concludes Eq(E(Y), value)")
        need(len(self.coefficients) == len(premises), "one coefficient per premise")
        need(all(isinstance(k, tuple) and len(k) == 2 for k in self.kept), "each kept term is a pair (d, U)")
        coeffs = [sp.sympify(c) for c in self.coefficients] + [sp.sympify(self.constant)]
        kept = [(sp.sympify(d), sp.sympify(U)) for d, U in self.kept]
        holes = {E(U): sp.Dummy("kept", real=True) for _, U in kept}
        need(len(holes) == len(kept), "each term is kept once")
        rhs = relation.rhs.xreplace(holes)
        need(all(deterministic(c) and not c.has(*_INFINITE) for c in coeffs + [d for d, _ in kept]) and deterministic(rhs),
             "coefficients must be deterministic (and finite), and so must the value")
        for d, U in kept:
            need(pathwise(U) and _nonnegative(U, ctx.space), f"the kept {U} must be pathwise and shown >= 0")
            need(_occurrences(relation.rhs, E(U)) == 1, f"E({U}) must occur once in the value, inside sums and products only")
        need(all(is_positive(d, ctx.space)[0] for d, _ in kept) or all(is_positive(-d, ctx.space)[0] for d, _ in kept),
             "the kept terms' coefficients must all be shown > 0, or all < 0")
        combo = value = coeffs[-1]
        for c, p in zip(coeffs, premises):
            need(isinstance(p, sp.Eq) and isinstance(p.lhs, E) and deterministic(p.rhs) and not p.rhs.has(*_INFINITE),
                 "each premise must be Eq(E(W), finite deterministic value)")
            combo, value = combo + c * p.lhs.args[0], value + c * p.rhs
        combo, value = combo + sum(d * U for d, U in kept), value + sum(d * holes[E(U)] for d, U in kept)
        zero(relation.lhs.args[0] - combo, ctx.space, "Y is not the stated combination")
        zero(rhs - value, ctx.space, "not the combination of the values")
        return {"linearity"}


def _nonnegative(U, space) -> bool:
    """``U >= 0`` shown over ``space``; a sum over a finite deterministic range summand by summand, its
    index over the range."""
    if isinstance(U, sp.Sum) and len(U.limits) == 1:
        i, lo, hi = U.limits[0]
        need(not (lo.has(sp.oo, -sp.oo) or hi.has(sp.oo, -sp.oo)), "only finite ranges")
        need(deterministic(lo) and deterministic(hi), "the range must be deterministic")
        _integer_range(lo, hi, space)
        return is_positive(U.function, space.with_index(i, lo, hi), strict=False)[0]
    return is_positive(U, space, strict=False)[0]


def _occurrences(expr, hole, inside_sums_and_products=True) -> int:
    """How often ``hole`` occurs in ``expr`` as written; 2 (too often) under a node that is no sum or product."""
    if expr == hole:
        return 1 if inside_sums_and_products else 2
    inside = inside_sums_and_products and isinstance(expr, (sp.Add, sp.Mul))
    return sum(_occurrences(a, hole, inside) for a in expr.args)


class Induction(Rule):
    """Simultaneous induction on the generation for moments: for each functional phi_j, premises
    Eq(phi_j at 0, c_j) and Eq(CE(phi_j at g + 1, g), sum_i a_ji phi_i + b_j); if the closed forms
    F_j satisfy F_j(0) = c_j and F_j(g + 1) = sum_i a_ji F_i(g) + b_j, then E(phi_j) = F_j.

    Integrability: each E(phi_i at g) is finite by the hypothesis, so the tower property and
    linearity carry it to g + 1 (the coefficients are deterministic).

    From a later ``start`` k >= 1: functionals phi_j of the state at g + k, premises Eq(E(phi_j at g = 0),
    c_j) and Eq(CE(phi_j at g + 1, g + k), sum_i a_ji phi_i + b_j) give E(phi_j) = F_j for g >= 0 alike.
    Integrability then has no walks: each phi_j >= 0 or dominated by those that are."""

    functionals: tuple = ()
    closed: tuple = ()
    matrix: tuple = ()
    offset: tuple = ()
    start: object = 0

    def verify(self, relation, premises, ctx):
        # The system is checked once for all its conclusions (the same rule, premises and space).
        # Keyed on exact text only (srepr, the domains' and the law's keys): no look-alike shares a key.
        from .check import fingerprint
        key = (exact_text((self.functionals, self.closed, self.matrix, self.offset, self.start, tuple(premises))),
               fingerprint({}, ctx.space.domains), ctx.law.key() if ctx.law is not None else None)
        if key in _SYSTEMS:
            outcome = _SYSTEMS[key]
        else:
            try:
                outcome = self._system(premises, ctx)
            except Reject as rejection:
                outcome = rejection
            if checking():  # (only what was decided under the kernel's readings is kept)
                _SYSTEMS.clear() if len(_SYSTEMS) > 64 else None
                _SYSTEMS[key] = outcome
        if outcome is not None:
            raise outcome
        return _closed_form(relation, [sp.sympify(f) for f in self.functionals], list(map(sp.sympify, self.closed)),
                            ctx.space)

    def _read(self, ctx, later):
        """The checked parts of the system whose functionals read the state at g + ``later``."""
        law, space = ctx.law, ctx.space
        need(law is not None, "induction needs a law")
        g = law.generation
        J = len(self.functionals)
        need(J > 0 and len(self.closed) == J and len(self.matrix) == J and len(self.offset) == J
             and all(len(row) == J for row in self.matrix),
             "functionals, closed forms, matrix rows and offsets must match")
        need(space.domains.get(g) == Domain.integer(0), f"induction needs {g} an integer >= 0 in the assumptions")
        need(not space.depends_on(g), f"another domain depends on {g}")
        phis = [sp.sympify(f) for f in self.functionals]
        for phi in phis:
            need(pathwise(phi) and all(r.generation == g + later and law.variable(r.label) is not None for r in rands(phi)),
                 f"{phi} must be a function of the state at {g + later}")
        closed, offset = [sp.sympify(x) for x in self.closed], [sp.sympify(x) for x in self.offset]
        matrix = [[sp.sympify(x) for x in row] for row in self.matrix]
        every = closed + [x for row in matrix for x in row] + offset
        need(all(deterministic(x) and not x.has(*_INFINITE) for x in every),
             "closed forms and coefficients must be finite and deterministic")
        for x in every:
            culprit = undefined(x, space)
            need(not culprit, f"{x} is not shown defined for every {g} >= 0: {culprit} may vanish")
        return law, space, g, phis, closed, matrix, offset

    def _system(self, premises, ctx):
        k = sp.sympify(self.start)
        need(k.is_Integer and k >= 0, "the start must be an integer >= 0")
        law, space, g, phis, closed, matrix, offset = self._read(ctx, k)
        base, step, walks = {}, {}, {}
        nexts = {phi.xreplace({g: g + 1}) for phi in phis}
        for p in premises:
            need(isinstance(p, sp.Eq), "premises must be equalities")
            if isinstance(p.lhs, CE) and p.lhs.args[1] == g + k:
                step[p.lhs.args[0]] = p.rhs
            elif k == 0 and p.lhs in nexts and pathwise(p.rhs):
                walks[p.lhs] = p.rhs
            elif k == 0 or (isinstance(p.lhs, E) and not p.rhs.has(*_INFINITE)):
                # From a later start the base case is an expectation (the state at k is random).
                base[p.lhs if k == 0 else p.lhs.args[0]] = p.rhs
            else:
                raise Reject(f"premises must be Eq(E(phi at {g} = 0), finite value) or "
                             f"Eq(CE(phi at {g} + 1, {g + k}), ...)")
        for j, phi in enumerate(phis):
            at0 = substitute(phi, {g: 0})
            need(at0 in base and deterministic(base[at0]),
                 f"no base case for {E(at0) if k else at0} with a deterministic value")
            _recurrence(j, base[at0], step, f" given generation {g + k}" if k else "", g, space, phis, closed, matrix,
                        offset)
        for phi in phis:
            problem = _integrability(phi, phis, walks.get(phi.xreplace({g: g + 1})), law, space)
            need(not problem, problem)


_SYSTEMS: dict = {}


def _recurrence(j, base, step, given, g, space, phis, closed, matrix, offset):
    """Reject unless the j-th functional's one-step premise (``step`` by its value at g + 1) is the stated
    combination, and its closed form takes the value ``base`` at 0 and follows the recurrence."""
    at1 = phis[j].xreplace({g: g + 1})
    need(at1 in step, f"no one-step premise for {at1}{given}")
    zero(step[at1] - sum((matrix[j][i] * phis[i] for i in range(len(phis))), offset[j]), space,
         f"the one-step premise for {at1} is not the stated combination")
    zero(substitute(closed[j], {g: 0}) - base, space, f"base case fails for {phis[j]}")
    zero(closed[j].xreplace({g: g + 1}) - sum((matrix[j][i] * closed[i] for i in range(len(phis))), offset[j]), space,
         f"inductive step fails for {phis[j]}")


def _closed_form(relation, phis, closed, space):
    """Reject unless ``relation`` is Eq(E(phi_j), F_j) for one of the system's functionals."""
    need(isinstance(relation, sp.Eq) and isinstance(relation.lhs, E) and relation.lhs.args[0] in phis,
         "induction concludes Eq(E(phi_j), F_j) for one of its functionals")
    zero(relation.rhs - closed[phis.index(relation.lhs.args[0])], space, "not the closed form")
    return {"induction"}


def _integrable_increment(expr, law, space) -> bool:
    """Whether ``expr`` is a deterministic combination of functions of draws at the generation whose
    laws are constant (so E|.| is the same finite number at every generation) and whose moments a
    cited fact gives."""
    for term in sp.Add.make_args(sp.expand(expr)):
        coeff, h = term.as_independent(*rands(term), as_Add=False)
        found = rands(h)
        draw = law.draw(next(iter(found)).label) if len(found) == 1 else None
        constant = draw is not None and not any(words_in(a) or law.generation in sp.sympify(a).free_symbols
                                                for a in draw.args)
        if not deterministic(coeff) or (h != 1 and not (constant and finite_moment(law, h, law.generation, space))):
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


class SumOver(Rule):
    """From Eq(A, B) for every value of a local index conclude Eq(Sum(A, (i, lo, hi)), Sum(B, ...)),
    the range inside the index's domain."""

    def verify(self, relation, premises, ctx):
        need(len(premises) == 1 and isinstance(premises[0], sp.Eq) and isinstance(relation, sp.Eq),
             "takes one equality and concludes one")
        L, R = relation.lhs, relation.rhs
        need(isinstance(L, sp.Sum) and isinstance(R, sp.Sum) and len(L.limits) == 1 and L.limits == R.limits,
             "concludes Eq(Sum(A, (i, lo, hi)), Sum(B, (i, lo, hi)))")
        i, lo, hi = L.limits[0]
        outside = ctx.space.without(i)
        _integer_range(lo, hi, outside)
        need(i in ctx.local, f"{i} must be a local index of the proof")
        _free_to_vary(i, ctx)
        dom = ctx.space.domains[i]
        need(dom.kind == "integer", f"{i} must be an integer index")
        for bound, mine, is_lo in ((dom.lo, lo, True), (dom.hi, hi, False)):
            if bound is not None:
                need(mine not in (sp.oo, -sp.oo) and is_positive((mine - bound) if is_lo else (bound - mine),
                                                                  outside, strict=False)[0],
                     "the range leaves the index's domain")
        need(L.function == premises[0].lhs and R.function == premises[0].rhs,
             "the summands are not the premise's sides")


class ExpectSum(Rule):
    """E(Sum(W, (i, lo, hi))) = Sum(E(W), (i, lo, hi)) for a finite range and W >= 0."""

    def verify(self, relation, premises, ctx):
        need(not premises and isinstance(relation, sp.Eq) and isinstance(relation.lhs, E),
             "concludes Eq(E(Sum(W, ...)), Sum(E(W), ...)) without premises")
        S = relation.lhs.args[0]
        need(isinstance(S, sp.Sum) and len(S.limits) == 1, "the expectation must be of a single sum")
        need(_nonnegative(S, ctx.space), "the summand must be shown >= 0")
        need(relation.rhs == sp.Sum(E(S.function), *S.limits), "not the sum of the expectations")
        return {"linearity"}


class Specialize(Rule):
    """From a relation about a symbol conclude it at an exact value inside the symbol's domain. The
    symbol may not be a parameter of the law (the random quantities depend on those unseen), and no
    other domain may depend on it; the instance must be defined (no pole met) and stay a relation."""

    symbol: object = None
    value: object = None

    def verify(self, relation, premises, ctx):
        symbol, value, premise, dom = _instantiated(self, premises, ctx)
        need(dom is not None and dom.contains(value), f"{symbol} = {self.value} is not within the symbol's domain")
        need(isinstance(premise, (sp.Eq,) + _INEQ), "specialize takes an equality or an inequality")
        for node in sp.preorder_traversal(premise):
            if isinstance(node, (sp.Function, sp.Pow, sp.Sum, sp.Product)) and symbol in node.free_symbols:
                at = substitute(node, {symbol: value}).doit()  # an exception here is a rejection (check.py)
                need(not at.has(sp.zoo, sp.nan, sp.oo, -sp.oo) or node.has(sp.oo, -sp.oo),
                     f"{node} is not defined at {symbol} = {value}")
        sides = []
        for side in map(sp.sympify, (premise.lhs, premise.rhs)):
            need(defined_at(side, symbol, value, ctx.space), f"the premise is not defined at {symbol} = {value}")
            at = substitute(side, {symbol: value})
            need(not at.has(sp.zoo, sp.nan), f"the premise meets a pole at {symbol} = {value}")
            sides.append(at)
        inst = type(premise)(*sides, evaluate=False)
        need(not _instance_refuted(inst, ctx.space), f"the premise is false at {symbol} = {value}")
        need(same(relation, inst, ctx.space), f"not the premise at {symbol} = {self.value}")


def _instance_refuted(inst, space) -> bool:
    """The premise was shown for every value: a counterexample at this one shows it was not."""
    expr, strict = (inst.lhs - inst.rhs, None) if isinstance(inst, sp.Eq) else gap(inst)
    return refuted(expr, space, None if strict is None else "strict" if strict else "weak", undecided=False)


class AxiomInstance(Rule):
    """An instance of a general axiom, its side conditions decided."""

    axiom: str
    mapping: dict = field(default_factory=dict)

    def verify(self, relation, premises, ctx):
        ax = AXIOMS.get(self.axiom)
        need(ax is not None, f"no axiom {self.axiom!r}")
        need(not ax.holds_for or (ctx.law is not None and bool({d.family for d in ctx.law.draws} & set(ax.holds_for))),
             f"axiom {self.axiom} holds for {', '.join(ax.holds_for)} laws only")
        inst, conds = instance(ax, dict(self.mapping), bound_symbols(relation), ctx.law)
        # E(Y^2) finite makes E(Y) finite too (|E Y| <= sqrt(E Y^2)), so the instance is a number.
        finite = [sp.sympify(w).xreplace(dict(self.mapping)) for w in ax.finite]
        need(len(premises) == len(finite) and all(isinstance(p, sp.Eq) and p.lhs == w and deterministic(p.rhs)
                                                  and not p.rhs.has(*_INFINITE) for p, w in zip(premises, finite)),
             f"axiom {self.axiom} takes " + (", ".join(f"a premise Eq({w}, value), value word-free" for w in finite)
                                             if finite else "no premises"))
        # A value put in must be one (c = 1/(n - 2) at n = 2 is none, nor a series); a sequence is checked where the
        # schema reads it.
        for v in (v for v in self.mapping.values() if not isinstance(v, sp.Lambda) and not words_in(v)):
            why = unsafe(v) or undefined(v, ctx.space)
            need(not why, f"the value {v} is not shown defined: {why}")
        for c in conds:
            decide(c, ctx.space, f"side condition {c} not shown")
        need(same(relation, inst, ctx.space), f"not an instance of {self.axiom}")
        return {self.axiom}


class VectorTotal(Rule):
    """A vector parameter with a fixed total: Eq(Sum(v[j], (j, 1, length)), total)."""

    def verify(self, relation, premises, ctx):
        need(not premises and isinstance(relation, sp.Eq) and isinstance(relation.lhs, sp.Sum),
             "concludes Eq(Sum(v[j], (j, 1, length)), total)")
        S = relation.lhs
        j, lo, hi = S.limits[0]
        f = S.function
        need(len(S.limits) == 1 and isinstance(f, sp.Indexed) and f.indices == (j,), "the sum must be of v[j] over j")
        dom = ctx.space.domains.get(f.base) or ctx.space.domains.get(f.base.label)
        need(dom is not None and dom.kind == "vector" and dom.total is not None and lo == 1 and hi == dom.length,
             "not a vector parameter with a total over its whole range")
        _integer_range(lo, hi, ctx.space)
        need(relation.rhs == dom.total, "not the vector's total")


class Order(Rule):
    """From one inequality p < q (or <=) and equalities to rewrite with, conclude a < b when
    (b - a) - scale (q - p) >= 0 with scale > 0 (strict needs a strict premise or remainder)."""

    scale: object = 1

    def verify(self, relation, premises, ctx):
        eqs = [p for p in premises if isinstance(p, sp.Eq)]
        ineqs = [p for p in premises if isinstance(p, _INEQ)]
        need(len(ineqs) == 1 and len(eqs) + 1 == len(premises) and isinstance(relation, _INEQ),
             "takes one inequality and equalities, concludes an inequality")
        need(deterministic(self.scale), "the scale must be deterministic")
        _guard_binders(eqs, [relation, ineqs[0]])
        concl, strict = gap(_rebuild(relation, lambda e: rewrite(e, eqs)))
        prem, premise_strict = gap(_rebuild(ineqs[0], lambda e: rewrite(e, eqs)))
        # An expectation left after rewriting has no value shown finite: oo - oo cancels to nothing.
        need(not unsafe(concl) and not unsafe(prem), unsafe(concl) or unsafe(prem))
        positive(self.scale, ctx.space, "the scale is not shown positive")
        positive(concl - self.scale * prem, ctx.space, "the conclusion does not follow from the premise",
                 strict and not premise_strict)


class Monotone(Rule):
    """From Y <= W almost surely conclude E(Y) <= E(W)."""

    def verify(self, relation, premises, ctx):
        need(len(premises) == 1 and isinstance(premises[0], sp.LessThan) and isinstance(relation, sp.LessThan),
             "takes Le(Y, W) and concludes Le(E(Y), E(W))")
        Y, W = premises[0].lhs, premises[0].rhs
        need(pathwise(Y) and pathwise(W), "the premise must be pathwise")
        need(relation.lhs == E(Y) and relation.rhs == E(W), "not the expectations of the premise's sides")
        # E(Y) integrable makes E(W) exist too (W's negative part is at most Y's).
        need(is_positive(Y, ctx.space, strict=False)[0] or _integrable_increment(Y, ctx.law, ctx.space),
             f"{Y} is not shown integrable (>= 0, or cited moments of i.i.d. draws)")
        return {"monotonicity"}


class Detach(Rule):
    """Modus ponens: from Implies(A, B) and A conclude B."""

    def verify(self, relation, premises, ctx):
        need(len(premises) == 2 and isinstance(premises[0], sp.Implies), "takes Implies(A, B) and A")
        antecedent, consequent = premises[0].args
        need(premises[1] == antecedent, "the second premise is not the antecedent")
        need(relation == consequent, "not the consequent")


class Limit(Rule):
    """Eq(Limit(X, g, oo), L): X rewritten by equality premises into a deterministic sum of terms
    c g^k B^g; each combined base B is placed against 1 (by algebra or an inequality premise
    B < 1), and the limit is taken term by term in every case of the space. A premise
    Eq(Limit(Y, v, oo), M) (a cited limit, its variable renamed to g) lets Y enter a term c Y^j,
    free of g otherwise, whose limit is then c M^j."""

    def verify(self, relation, premises, ctx):
        need(isinstance(relation, sp.Eq) and isinstance(relation.lhs, sp.Limit), "concludes Eq(Limit(X, g, oo), value)")
        X, g, to = relation.lhs.args[:3]
        need(to == sp.oo and ctx.space.domains.get(g) == Domain.integer(0), f"only limits as an integer {g} >= 0 grows")
        need(not ctx.space.depends_on(g) and deterministic(relation.rhs),
             f"another domain depends on {g}, or the value is not deterministic")
        eqs = [p for p in premises if isinstance(p, sp.Eq) and not isinstance(p.lhs, sp.Limit)]
        below = [p.lhs for p in premises if isinstance(p, sp.StrictLessThan) and p.rhs == 1]
        holders = {sp.Dummy("known"): p for p in premises if isinstance(p, sp.Eq) and isinstance(p.lhs, sp.Limit)}
        need(all(p.lhs.args[2] == sp.oo and g not in p.lhs.atoms(sp.Symbol) and not words_in(p) and not unsafe(p.rhs)
                 and not p.rhs.has(*_INFINITE) for p in holders.values()),
             f"a cited limit must be Eq(Limit(Y, v, oo), finite value), deterministic and free of {g}")
        need(len(eqs) + len(below) + len(holders) == len(premises), "premises: equalities, inequalities B < 1, limits")
        # The equalities hold for every generation g >= 0, the range of the limit's variable: only
        # other binders are guarded.
        _guard_binders(eqs, [X, relation.rhs])
        # A cited limit's sequence (its variable renamed to g) is held by a symbol until its term is taken.
        X = rewrite(X, eqs).xreplace({p.lhs.args[0].xreplace({p.lhs.args[1]: g}): h for h, p in holders.items()})
        need(deterministic(X) and not any(g in sp.sympify(b).free_symbols for b in below),
             "the rewritten expression must be deterministic")
        space = ctx.space.without(g)
        for case in space.cases():
            value = _limit_in_case(Space.substitute(X, case), g, [Space.substitute(b, case) for b in below], space,
                                   {h: Space.substitute(p.rhs, case) for h, p in holders.items()})
            target = Space.substitute(relation.rhs, case)
            if value in (sp.oo, -sp.oo) or target in (sp.oo, -sp.oo):
                need(value == target, f"the limit is {value} in a case")
            else:
                zero(value - target, space, "the limit has another value")


def _expand_keeping_powers(X, g):
    """X expanded into terms, each power whose exponent holds g kept whole (a symbol while expanding),
    so that no such power is multiplied into an expanded denominator."""
    X = sp.expand_power_exp(X)
    hidden = {p: sp.Dummy() for p in X.atoms(sp.Pow) if g in p.exp.free_symbols}
    expanded = sp.expand(X.xreplace(hidden), mul=True, multinomial=False)
    # One term per monomial in g and the kept powers, its coefficient over one denominator (together, not
    # cancel: no factor is divided out, and cancel takes seconds on coefficients with square roots).
    terms = sp.collect(expanded, [g, *hidden.values()], evaluate=False)
    return sp.Add(*[sp.together(c) * k for k, c in terms.items()]).xreplace({v: k for k, v in hidden.items()})


def _limit_in_case(X, g, below, space, known):
    """The limit of X (free of other cases) as g -> oo; rejects when it is not taken. ``known``: the
    symbols that hold cited sequences, and their limits."""
    X = sp.piecewise_fold(X)
    need(not X.has(sp.Piecewise), "a Piecewise is left after fixing the case")
    finite, infinite = sp.S.Zero, set()
    for term in sp.Add.make_args(_expand_keeping_powers(X, g)):
        coeff, base, degree = [], sp.S.One, 0
        for f in sp.Mul.make_args(term):
            if g not in f.free_symbols:
                coeff.append(f)
                continue
            b, e = f.as_base_exp()
            if b == g and e.is_Integer and e > 0:
                degree += int(e)
                continue
            rate = simplify(e / g)
            need(g not in b.free_symbols and g not in rate.free_symbols, f"cannot take the limit of the factor {f}")
            base *= b ** rate
        c = sp.Mul(*coeff)
        if c.free_symbols & set(known):  # sums and products of convergent sequences: those of the limits
            need(degree == 0 and base == 1 and c.is_polynomial(*known),
                 f"a cited limit's sequence must enter {term} polynomially and alone with {g}")
            c = c.xreplace(known)
        need(not c.has(*_INFINITE) and not undefined(c, space), f"the coefficient {c} is not shown finite")
        # Place the base against 1: equal to it, below it (a premise's base, or by algebra), above it.
        if is_zero(base - 1, space)[0]:
            if degree == 0:
                finite += c
                continue
        elif is_positive(base, space)[0] and (any(is_zero(base - b, space)[0] for b in below)
                                              or is_positive(1 - base, space)[0]):
            continue
        else:
            need(is_positive(base - 1, space)[0], f"cannot place the base {base} against 1")
        if is_positive(c, space)[0]:
            infinite.add(sp.oo)
        else:
            need(is_positive(-c, space)[0], f"cannot tell the sign of {c}")
            infinite.add(-sp.oo)
    need(len(infinite) <= 1, "terms tend to +oo and -oo")
    return infinite.pop() if infinite else finite


class Shift(Rule):
    """From a relation that holds for every integer ``symbol`` from a number lo on conclude it at
    ``value``: ``symbol + k`` (k an integer >= 0) or an integer >= lo, an instance inside the domain.
    The symbol may not be a parameter of the law (the random quantities depend on those unseen), bound
    in the premise, or named by another domain."""

    symbol: object = None
    value: object = None

    def verify(self, relation, premises, ctx):
        symbol, value, premise, dom = _instantiated(self, premises, ctx)
        need(type(symbol) is sp.Symbol and dom is not None and dom.kind == "integer" and dom.hi is None
             and dom.lo is not None and dom.lo.is_number, f"{symbol} must range over the integers from a number on")
        k = value - symbol if value.is_Add else value - dom.lo
        need(k.is_Integer and k >= 0 and (value.is_Integer or value == symbol + k),
             f"the value must be {symbol} + k or a number >= {dom.lo}, k an integer >= 0")
        inst = substitute(premise, {symbol: value})
        # (Expectations are opaque to numbers: an instance about them is not refuted by random values.)
        need(not (isinstance(inst, (sp.Eq,) + _INEQ) and not words_in(inst) and _instance_refuted(inst, ctx.space)),
             f"the premise is false at {symbol} = {value}")
        need(same(relation, inst, ctx.space), f"not the premise at {symbol} = {value}")


class Conjunction(Rule):
    """And(r1, r2, ...) from premises r1, r2, ..."""

    def verify(self, relation, premises, ctx):
        need(isinstance(relation, sp.And) and len(relation.args) == len(premises),
             "concludes And of exactly its premises")
        need(set(relation.args) == set(premises), "the conjuncts are not the premises")


class StateInduction(Rule):
    """Eq(x_g, F) for a state variable x whose update reads no draw and no other variable: F at g = 0
    is the declared initial value and the update with x_g replaced by F (at every index it reads) is
    F at g + 1, after rewriting with the equality premises; by induction on g, for every index at
    once, x_g = F at every generation. The proof's index ranges are the law's (the update may read
    every entry), and the update at F must be defined."""

    variable: str

    def verify(self, relation, premises, ctx):
        law, space = ctx.law, ctx.space
        v = law.variable(self.variable) if law is not None else None
        need(v is not None, f"no state variable {self.variable} in the proof's law")
        g = law.generation
        need(space.domains.get(g) == Domain.integer(0) and not space.depends_on(g),
             f"induction needs {g} an integer >= 0 on which no other domain depends")
        need(all(space.domains.get(i) == law.indices[i] for i in v.indices),
             "each index must range over the law's whole range (the update may read every entry)")
        need(isinstance(relation, sp.Eq) and relation.lhs == Rand(v.name, g, *v.indices) and deterministic(relation.rhs),
             f"concludes Eq({Rand(v.name, g, *v.indices)}, F) with F deterministic")
        need(all(r.label == v.name and r.generation == g for r in rands(v.step)),
             f"the update of {v.name} reads a draw or another variable")
        eqs = [alpha_named(p) for p in premises]
        need(all(isinstance(p, sp.Eq) and deterministic(p) for p in eqs), "the premises must be deterministic equalities")
        F, step = relation.rhs, fresh_binders(v.step)  # fresh binders: F's symbols are never captured
        stepped = step.xreplace({r: F.xreplace(dict(zip(v.indices, r.indices))) for r in rands(step)})
        why = undefined(stepped, space)
        need(not why, f"the update at F is not shown defined: {why}")
        _guard_binders(eqs, [F, stepped])
        # Sums split and expanded, then named again: a sum pulled out of another meets its like.
        for gap_, message in ((substitute(F, {g: 0}) - v.init, "F at 0 is not the initial value"),
                              (stepped - F.xreplace({g: g + 1}), "the update does not take F at g to F at g + 1")):
            zero(rewrite(alpha_named(sp.expand(split_finite_sums(alpha_named(gap_)))), eqs), space, message)
        return {f"law:{law.name}", "induction"}


class SupportKept(Rule):
    """AlmostSurely(Implies(Eq(x_g, 0), Eq(x_{g+1}, 0))) for a state variable x whose update vanishes
    when the count D_g of a declared draw D ~ Binomial(m, x_g) is 0, whatever the other draws and the
    state are: a count of probability 0 is 0 almost surely (the support of Binomial(m, 0) is {0})."""

    variable: str
    draw: str

    def verify(self, relation, premises, ctx):
        law = ctx.law
        v, d = (law.variable(self.variable), law.draw(self.draw)) if law is not None else (None, None)
        need(v is not None and d is not None and not premises, "names a state variable and a draw of the law, "
             "and takes no premises")
        now, later = Rand(v.name, law.generation, *v.indices), Rand(v.name, law.generation + 1, *v.indices)
        need(d.family == "Binomial" and d.args[1] == now, f"{d.name} must be a Binomial count with probability {now}")
        need(not any(r.label == v.name and r != now for r in rands(v.step)), "the update reads other entries")
        count = draw_rand(law, d, law.generation)
        zero(substitute(v.step, {count: 0}), ctx.space, f"the update does not vanish when {count} = 0")
        need(relation == AlmostSurely(sp.Implies(sp.Eq(now, 0), sp.Eq(later, 0))),
             f"concludes AlmostSurely(Implies(Eq({now}, 0), Eq({later}, 0)))")
        return {"binomial_support", f"law:{law.name}"}


#: The closed table: a step whose rule is not an instance of one of these is rejected.
RULES = (Algebra, Rewrite, LawStep, LawInit, DrawFact, CondExpect, Tower, ExpectLinear, Induction, SumOver,
         ExpectSum, Specialize, AxiomInstance, VectorTotal, Order, Monotone, Conjunction, Detach, Limit,
         Shift, StateInduction, SupportKept)

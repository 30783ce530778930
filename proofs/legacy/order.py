"""Rules for inequalities between expectations: monotonicity of E, chaining, summing, and
conjunction. (Inequalities between deterministic expressions are the ``Inequality`` rule of
:mod:`modelcollapse.proofs.rules`.)"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from modelcollapse.theory.symbols import E, is_random

from .decide import is_positive, is_zero
from .kernel import Verdict, same_relation
from .rules import Rule


def as_le(rel):
    """(small, large, strict) for a <, <=, >, >= relation; None otherwise."""
    if isinstance(rel, (sp.LessThan, sp.StrictLessThan)):
        return rel.lhs, rel.rhs, isinstance(rel, sp.StrictLessThan)
    if isinstance(rel, (sp.GreaterThan, sp.StrictGreaterThan)):
        return rel.rhs, rel.lhs, isinstance(rel, sp.StrictGreaterThan)
    return None


@dataclass
class ExpectMonotone(Rule):
    """From a pathwise a <= b conclude E[a] <= E[b] (either direction, not strict)."""

    name = "monotonicity"

    def check(self, relation, premises, space, library):
        if len(premises) != 1:
            return Verdict.fail("monotonicity takes one pathwise inequality")
        p, c = as_le(premises[0]), as_le(relation)
        if p is None or c is None or c[2]:
            return Verdict.fail("monotonicity takes an inequality and concludes a non-strict one")
        if premises[0].has(E) or not (is_random(p[0]) or is_random(p[1])):
            return Verdict.fail("the premise must be a pathwise inequality between random quantities")
        for side, target in ((c[0], p[0]), (c[1], p[1])):
            ok, _ = is_zero(side - E(target), space)
            if not ok:
                return Verdict.fail("not the expectation of the premise's sides", side)
        return Verdict(True, axioms=frozenset({"monotonicity"}))


@dataclass
class Chain(Rule):
    """From a <= b and b <= c conclude a <= c (strict if either premise is)."""

    name = "transitivity"

    def check(self, relation, premises, space, library):
        if len(premises) != 2 or any(as_le(p) is None for p in premises) or as_le(relation) is None:
            return Verdict.fail("transitivity takes two inequalities and concludes one")
        (a, b, s1), (b2, c, s2) = (as_le(p) for p in premises)
        if not is_zero(b - b2, space)[0]:
            (b2, c, s2), (a, b, s1) = (as_le(p) for p in premises)
            if not is_zero(b - b2, space)[0]:
                return Verdict.fail("the premises do not share a middle term")
        lo, hi, strict = as_le(relation)
        if strict and not (s1 or s2):
            return Verdict.fail("a strict conclusion needs a strict premise")
        if not (is_zero(lo - a, space)[0] and is_zero(hi - c, space)[0]):
            return Verdict.fail("the conclusion is not the outer terms of the chain")
        return Verdict(True)


@dataclass
class SumInequality(Rule):
    """From a_i <= b_i for every admissible i conclude sum_{i=lo}^{hi} a_i <= sum b_i (finite)."""

    name = "sum of inequalities"

    def check(self, relation, premises, space, library):
        if len(premises) != 1 or as_le(premises[0]) is None or as_le(relation) is None:
            return Verdict.fail("sum of inequalities takes one inequality and concludes one")
        a, b, _ = as_le(premises[0])
        lo, hi, strict = as_le(relation)
        if strict or not (isinstance(lo, sp.Sum) and isinstance(hi, sp.Sum)) or lo.limits != hi.limits:
            return Verdict.fail("the conclusion must be sum a <= sum b over the same finite range")
        (var, start, stop), = lo.limits
        if stop.has(sp.oo):
            return Verdict.fail("only finite sums")
        bound = [x for x in space.assumptions if getattr(x, "symbol", None) == var]
        if not bound or not is_positive(start - bound[0].lower, space, False)[0]:
            return Verdict.fail(f"the premise is not assumed for every {var} in the range")
        if lo.function != a or hi.function != b:
            return Verdict.fail("the summands are not the premise's sides")
        return Verdict(True)


@dataclass
class Conjunction(Rule):
    """From P and Q conclude And(P, Q)."""

    name = "conjunction"

    def check(self, relation, premises, space, library):
        if not isinstance(relation, sp.And) or len(relation.args) != len(premises):
            return Verdict.fail("conjunction concludes And of exactly its premises")
        rest = list(premises)
        for part in relation.args:
            match = next((p for p in rest if same_relation(part, p, space)), None)
            if match is None:
                return Verdict.fail("a conjunct is not among the premises", part)
            rest.remove(match)
        return Verdict(True)

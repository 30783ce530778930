"""Mutants of proof steps: small edits that must make the kernel reject a step.

Used by the soundness tests and by ``modelcollapse bench --rigor``. A mutant changes one
thing: a number (k -> k + 1), an exponent (e -> e + 1), the generation of a random quantity
(sigma_t -> sigma_{t+1}), or a parameter throughout (n -> n + 1).
"""

from __future__ import annotations

import sympy as sp

from modelcollapse.theory.symbols import RandomSequence, ddof, n, t

from .decide import Assumed
from .kernel import Step, check_step


def _replace(rel, mapping):
    """xreplace inside a relation without letting sympy evaluate the relation itself
    (Eq(integral, 1) would otherwise be decided by numerical quadrature)."""
    if isinstance(rel, sp.core.relational.Relational):
        return type(rel)(rel.lhs.xreplace(mapping), rel.rhs.xreplace(mapping), evaluate=False)
    if isinstance(rel, (sp.Implies, sp.Equivalent, sp.And, sp.Or, sp.Not)):
        return rel.func(*[_replace(a, mapping) for a in rel.args], evaluate=False)
    return rel.xreplace(mapping)


def mutants(relation, limit=6):
    """Up to ``limit`` distinct relations, each ``relation`` with one small edit."""
    out, seen = [], {relation}

    def offer(make):
        try:
            candidate = make()
        except (ValueError, TypeError, ArithmeticError):  # sympy could not even build it
            return
        if candidate not in seen and len(out) < limit:
            seen.add(candidate)
            out.append(candidate)

    for sym in (n, t, ddof):
        if relation.has(sym):
            offer(lambda: _replace(relation, {sym: sym + 1}))
    for num in sorted((a for a in relation.atoms(sp.Rational) if a != 0), key=sp.default_sort_key):
        offer(lambda: _replace(relation, {num: num + 1}))
    for p in sorted(relation.atoms(sp.Pow), key=sp.default_sort_key):
        offer(lambda: _replace(relation, {p: sp.Pow(p.base, p.exp + 1)}))
    for a in sorted(relation.atoms(RandomSequence), key=sp.default_sort_key):
        offer(lambda: _replace(relation, {a: a.func(a.args[0] + 1)}))
    return out


def mutant_verdicts(proof, library, limit=6, seconds=5.0):
    """For each step of an accepted ``proof`` and each of its mutants: (label, mutant, verdict)."""
    space = Assumed(proof.assumptions)
    labels = {s.label for s in proof.steps}
    known, out = {}, []
    for step in proof.steps:
        for m in mutants(step.relation, limit):
            bad = Step(step.label, m, step.rule, step.premises, step.text)
            verdict, _, _ = check_step(bad, proof, known, {}, library, space, labels, seconds=seconds)
            out.append((step.label, m, verdict))
        known[step.label] = step.relation
    return out

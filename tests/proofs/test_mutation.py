"""Mutation test: edit what the engine hands the kernel (a closed form in an induction, the order of
a cited moment, a declared update) and the kernel must reject the edit, unless an independent
numerical oracle finds the edited relation still true at random valid points of the whole domain
(every generation 0..25, every case of a finite set, vectors that sum to one)."""

import random

import pytest
import sympy as sp

from modelcollapse import proofs, theory
from modelcollapse.proofs import kernel
from modelcollapse.proofs.kernel.check import Context
from modelcollapse.proofs.kernel.domains import Space
from modelcollapse.theory.assumptions import IntegerAtLeast, IntegerSequence, OneOf, PositiveReal, RealNumber

IDS = [r.id for r in theory.results() if proofs.has_proof(r.id) and r.id.split(".")[0] in (
    "gaussian", "categorical", "poisson", "exponential") and r.id not in ("gaussian.kl", "gaussian.w2")]


def _value(a, rng):
    """A random valid value of one assumption (independent of the kernel's sampler)."""
    if isinstance(a, OneOf):
        return rng.choice(a.values)
    if isinstance(a, IntegerAtLeast):
        return rng.randint(a.lower, a.lower + 25)
    if isinstance(a, PositiveReal):
        return sp.Rational(rng.randint(1, 500), rng.randint(7, 97))
    if isinstance(a, RealNumber):
        return sp.Rational(rng.randint(-500, 500), rng.randint(7, 97))
    return None


def still_true(original, mutant, result, trials=8, seed=0):
    """Whether ``mutant`` equals ``original`` at random valid points (both deterministic)."""
    rng = random.Random(seed)
    if sp.simplify(original - mutant) == 0:
        return True
    symbols = (original.free_symbols | mutant.free_symbols)
    for _ in range(trials):
        values = {}
        for a in result.assumptions:
            v = _value(a, rng)
            if v is not None:
                values[a.symbol] = v
        for sym in symbols - set(values):
            if sym.is_integer:
                values[sym] = rng.randint(1, 6)
        vectors = {}
        for a in result.assumptions:
            if isinstance(a, IntegerSequence):
                seq = [rng.randint(a.lower, a.lower + 20) for _ in range(40)]
                vectors[a.symbol] = lambda j, seq=seq: seq[int(j)]
        for base in {x.base for e in (original, mutant) for x in e.atoms(sp.Indexed)} - set(vectors):
            w = [rng.random() for _ in range(12)]
            vectors[base] = lambda j, w=w: sp.Rational(round(w[int(j) % 12] * 1000), round(sum(w) * 1000))

        def at(e):
            e = e.xreplace(values).doit()
            e = e.replace(lambda x: isinstance(x, sp.Indexed) and x.base in vectors,
                          lambda x: vectors[x.base](x.indices[0]))
            return complex(sp.N(e, 30))
        try:
            a, b = at(original), at(mutant)
        except (TypeError, ValueError, ZeroDivisionError, IndexError):
            continue
        if abs(a - b) > 1e-9 * max(1, abs(a)):
            return False
    return True


def _mutants(expr, result):
    n = next((a.symbol for a in result.assumptions if a.name == "n"), None)
    t = theory.symbols.t
    out = [("times two", 2 * expr), ("negated", -expr), ("plus one", expr + 1)]
    if n is not None and n in expr.free_symbols:
        out.append(("n + 1", expr.xreplace({n: n + 1})))
    if t in expr.free_symbols:
        out.append(("t + 1", expr.xreplace({t: t + 1})))
    return out


@pytest.mark.parametrize("rid", IDS)
def test_kernel_rejects_every_edit_that_is_false(rid):
    r = theory.get(rid)
    proof = proofs.proof_of(rid)
    space = Space(proof.domains, proof.law.rand_domains())
    ctx = Context(space, proof.law, tuple(proof.local))
    known = {st.label: st.relation for st in proof.steps}
    judged = 0
    for st in proof.steps:
        rule = st.rule
        premises = [known[p] for p in st.premises if p in known]
        if type(rule) is kernel.rules.Induction:
            j = [sp.sympify(f) for f in rule.functionals].index(st.relation.lhs.args[0])
            for name, wrong in _mutants(sp.sympify(rule.closed[j]), r):
                if still_true(sp.sympify(rule.closed[j]), wrong, r):
                    continue
                closed = tuple(wrong if k == j else c for k, c in enumerate(rule.closed))
                mutant = kernel.rules.Induction(rule.functionals, closed, rule.matrix, rule.offset)
                relation = sp.Eq(st.relation.lhs, wrong, evaluate=False)
                verdict = type(mutant).check(mutant, relation, premises, ctx)
                assert not verdict.ok, (rid, st.label, name)
                judged += 1
        elif type(rule) is kernel.rules.LawStep:
            for name, wrong in _mutants(st.relation.rhs, r):
                verdict = type(rule).check(rule, sp.Eq(st.relation.lhs, wrong, evaluate=False), premises, ctx)
                assert not verdict.ok, (rid, st.label, name)
                judged += 1
        elif type(rule) is kernel.rules.DrawFact and rule.order is not None:
            wrong = kernel.rules.DrawFact(rule.fact, rule.draw, sp.sympify(rule.order) + 1)
            verdict = type(wrong).check(wrong, st.relation, premises, ctx)
            assert not verdict.ok, (rid, st.label, "order + 1")
            judged += 1
    assert judged > 0

"""General axioms: cited textbook statements over declared pattern variables.

An instance substitutes exactly the axiom's pattern variables. Each pattern has a kind: ``value``
(a deterministic expression), ``random`` (an expression in the law's random quantities, no other
word) or ``function`` (a ``Lambda`` with a deterministic body). No value may contain a bound
variable of the relation it enters, and none may contain a word of the vocabulary beyond what
its kind allows. Side conditions are decided per instance; ``holds_for`` lists the distribution
families a proof's law must draw from for the axiom to apply (empty: any law).
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from .terms import E, GaussEntropy, GaussKL, GaussW2, Rand, Var, words_in

_Y, _m, _v, _a, _b, _w = sp.symbols("Y m v a b w")


@dataclass(frozen=True)
class Axiom:
    name: str
    schema: object                 # a relation in the pattern variables
    patterns: tuple                # ((symbol, kind), ...)
    conditions: tuple = ()         # relations in the pattern variables, decided per instance
    reference: str = ""
    holds_for: tuple = ()          # distribution families; empty: any law
    kind: str = "axiom"            # or "definition"


AXIOMS = {a.name: a for a in (
    Axiom("variance", sp.Eq(Var(_Y), E(_Y ** 2) - E(_Y) ** 2), ((_Y, "random"),),
          reference="Casella and Berger (2002), Statistical Inference, Def. 2.3.2 and Thm 2.3.4", kind="definition"),
    Axiom("gaussian_entropy", sp.Eq(GaussEntropy(_m, _v), sp.log(2 * sp.pi * sp.E * _v) / 2),
          ((_m, "random"), (_v, "random")), (sp.Gt(_v, 0),),
          reference="Cover and Thomas (2006), Elements of Information Theory, 2nd ed., Thm 8.4.1"),
    Axiom("gaussian_w2", sp.Eq(GaussW2(_a, _v, _b, _w), (_a - _b) ** 2 + (sp.sqrt(_v) - sp.sqrt(_w)) ** 2),
          ((_a, "random"), (_v, "random"), (_b, "random"), (_w, "random")), (sp.Ge(_v, 0), sp.Ge(_w, 0)),
          reference="Dowson and Landau (1982), J. Multivariate Analysis 12(3), 450-455"),
    Axiom("gaussian_kl", sp.Eq(GaussKL(_a, _v, _b, _w),
                               sp.log(_w / _v) / 2 + (_v + (_a - _b) ** 2) / (2 * _w) - sp.Rational(1, 2)),
          ((_a, "random"), (_v, "random"), (_b, "random"), (_w, "random")), (sp.Gt(_v, 0), sp.Gt(_w, 0)),
          reference="Cover and Thomas (2006), Elements of Information Theory, 2nd ed., Ch. 8 (KL between normals)"),
)}


def instance(axiom: Axiom, mapping: dict, bound: set):
    """The instance of ``axiom`` under ``mapping`` and its side conditions, or ValueError."""
    names = {p for p, _ in axiom.patterns}
    if set(mapping) != names:
        raise ValueError(f"axiom {axiom.name} takes exactly the patterns {sorted(map(str, names))}")
    for p, kind in axiom.patterns:
        value = sp.sympify(mapping[p])
        words = words_in(value)
        if kind == "function":
            if not isinstance(value, sp.Lambda) or words:
                raise ValueError(f"pattern {p} of {axiom.name} must be a Lambda with a deterministic body")
        elif kind == "random":
            if words - {Rand}:
                raise ValueError(f"pattern {p} of {axiom.name} may hold random quantities but no other word")
        elif words:
            raise ValueError(f"pattern {p} of {axiom.name} must be deterministic")
        captured = value.free_symbols & bound
        if captured:
            raise ValueError(f"pattern {p} would capture the bound variable(s) {sorted(map(str, captured))}")
    inst = axiom.schema.xreplace(mapping)
    conds = tuple(c.xreplace(mapping) for c in axiom.conditions)
    return inst, conds

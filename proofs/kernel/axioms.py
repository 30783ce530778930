"""General axioms: cited textbook statements over declared pattern variables.

An instance substitutes exactly the axiom's pattern variables. Each pattern has a kind: ``value``
(a deterministic expression), ``random`` (an expression in the law's random quantities, no other
word) or ``function`` (a ``Lambda`` with a deterministic body). No value may contain a bound
variable of the relation it enters, and none may contain a word of the vocabulary beyond what
its kind allows. Side conditions are decided per instance; ``holds_for`` lists the distribution
families a proof's law must draw from for the axiom to apply (empty: any law).
"""

from dataclasses import dataclass

import sympy as sp

from .terms import AlmostSurely, E, GaussEntropy, GaussKL, GaussW2, Rand, Var, rands, words_in

_Y, _m, _v, _a, _b, _w, _x = sp.symbols("Y m v a b w x")
#: Patterns the kernel fills in itself: the law's generation, and L one generation on.
_g, _L, _L_next, _W = sp.symbols("g L L_next W")
#: Bound variables of the schemas (a product's index, a limit's variable).
_k, _N = sp.symbols("k N", integer=True, positive=True)


@dataclass(frozen=True)
class Axiom:
    name: str
    schema: object              # a relation in the pattern variables
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
    Axiom("digamma_below_log", sp.Lt(sp.polygamma(0, _x), sp.log(_x)), ((_x, "value"),), (sp.Gt(_x, 0),),
          reference="Alzer (1997), On some inequalities for the gamma and psi functions, Math. Comp. 66, 373-389, "
                    "Thm 8 (psi(x) < log x - 1/(2x) for x > 0)"),
    Axiom("gamma_ratio_below_sqrt", sp.Lt(sp.gamma(_x + sp.Rational(1, 2)) / sp.gamma(_x), sp.sqrt(_x)),
          ((_x, "value"),), (sp.Gt(_x, 0),),
          reference="Wendel (1948), Note on the gamma function, Amer. Math. Monthly 55(9), 563-564"),
    Axiom("slln_random_walk",
          sp.Implies(sp.And(sp.Eq(_L_next, _L + _W), sp.Lt(E(_W), 0)),
                     AlmostSurely(sp.Eq(sp.Limit(_L, _g, sp.oo), -sp.oo))),
          ((_L, "state"), (_W, "iid"), (_L_next, "next:L"), (_g, "generation")),
          reference="Williams (1991), Probability with Martingales, Thm 12.10 and 14.5 (strong law of large numbers): "
                    "a random walk whose i.i.d. increments have negative mean tends to -oo almost surely"),
    Axiom("euler_sine_product",
          sp.Eq(sp.Limit(sp.Product(1 - _x ** 2 / _k ** 2, (_k, 1, _N)), _N, sp.oo), sp.sin(sp.pi * _x) / (sp.pi * _x)),
          ((_x, "value"),), (sp.Gt(_x, 0),),
          reference="Abramowitz and Stegun (1964), Handbook of Mathematical Functions, 4.3.89 (Euler's product for the "
                    "sine); Whittaker and Watson (1927), A Course of Modern Analysis, 4th ed., Sec. 7.5"),
    Axiom("gaussian_kl", sp.Eq(GaussKL(_a, _v, _b, _w),
                               sp.log(_w / _v) / 2 + (_v + (_a - _b) ** 2) / (2 * _w) - sp.Rational(1, 2)),
          ((_a, "random"), (_v, "random"), (_b, "random"), (_w, "random")), (sp.Gt(_v, 0), sp.Gt(_w, 0)),
          reference="Cover and Thomas (2006), Elements of Information Theory, 2nd ed., Ch. 8 (KL between normals)"),
)}


def instance(axiom: Axiom, mapping: dict, bound: set, law=None):
    """The instance of ``axiom`` under ``mapping`` and its side conditions, or ValueError.

    Patterns of kind ``generation`` and ``next:P`` are filled in by the kernel (the law's
    generation; P one generation on), never by the mapping. A ``state`` pattern is a function of
    the law's state at its generation; an ``iid`` pattern a function of one draw at that
    generation whose declared arguments are constants (so its copies are independent and
    identically distributed).
    """
    given = {p for p, kind in axiom.patterns if kind != "generation" and not kind.startswith("next:")}
    if set(mapping) != given:
        raise ValueError(f"axiom {axiom.name} takes exactly the patterns {sorted(map(str, given))}")
    if law is None and any(kind == "generation" for _, kind in axiom.patterns):
        raise ValueError(f"axiom {axiom.name} needs a law")
    full = {**mapping, **{p: law.generation for p, kind in axiom.patterns if kind == "generation"}}
    # A schema that binds the law's generation (a limit over it) binds it on purpose.
    own = {full[q] for q, k in axiom.patterns if k == "generation"}
    for p, kind in axiom.patterns:
        if kind.startswith("next:"):
            source = next(q for q, _ in axiom.patterns if str(q) == kind[5:])
            full[p] = sp.sympify(full[source]).xreplace({law.generation: law.generation + 1})
        if kind == "generation" or kind.startswith("next:"):
            continue
        value = sp.sympify(mapping[p])
        words = words_in(value)
        if kind == "function" and (not isinstance(value, sp.Lambda) or words):
            raise ValueError(f"pattern {p} of {axiom.name} must be a Lambda with a deterministic body")
        if kind in ("random", "state", "iid") and words - {Rand}:
            raise ValueError(f"pattern {p} of {axiom.name} may hold random quantities but no other word")
        problem = _kind_problem(kind, value, law) if kind in ("state", "iid") else ""
        if problem:
            raise ValueError(f"pattern {p} of {axiom.name}: {problem}")
        if kind not in ("function", "random", "state", "iid") and words:
            raise ValueError(f"pattern {p} of {axiom.name} must be deterministic")
        captured = value.free_symbols & (bound - own)
        if captured:
            raise ValueError(f"pattern {p} would capture the bound variable(s) {sorted(map(str, captured))}")
    inst = axiom.schema.xreplace(full)
    conds = tuple(c.xreplace(full) for c in axiom.conditions)
    return inst, conds


def _kind_problem(kind, value, law):
    if law is None:
        return "needs a law"
    g = law.generation
    found = rands(value)
    draws = {d.name: d for d in law.draws}
    if kind == "state":
        state = found and all(r.label not in draws and r.generation == g for r in found)
        return "" if state else f"must be a function of the state at {g}"
    labels = {r.label for r in found}
    if len(labels) != 1 or not labels <= set(draws) or any(r.generation != g for r in found):
        return f"must be a function of one draw at {g}"
    d = draws[labels.pop()]
    if any(words_in(x) or g in sp.sympify(x).free_symbols for x in d.args):
        return f"the law of {d.name} depends on the state or the generation: its copies are not i.i.d."
    if g in (value.free_symbols - set().union(*[r.free_symbols for r in found])):
        return f"must not depend on {g} but through the draw"
    return ""

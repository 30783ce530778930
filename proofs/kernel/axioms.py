"""General axioms: cited textbook statements over declared pattern variables.

An instance substitutes exactly the axiom's pattern variables. Each pattern has a kind: ``value``
(a deterministic expression), ``random`` (an expression in the law's random quantities, no other
word), ``function`` (a ``Lambda`` with a deterministic body), ``variable`` (a random quantity or a
``Joint`` of them, what mutual information is taken of), ``past`` (a variable determined by the
history up to the law's generation g: its generation conditions join the side conditions) or
``whole_state`` (the law's whole state at g, which the law's update reads alone) or ``gaussian_chain`` (a
state variable at a generation T, whose law the kernel reads as a linear Gaussian chain, filling in
the patterns of kind ``chain:ROLE`` itself: :func:`gaussian_chain`). No value may contain a bound
variable of the relation it enters, and none may contain a word of the vocabulary beyond what
its kind allows. Side conditions are decided per instance; ``holds_for`` lists the distribution
families a proof's law must draw from for the axiom to apply (empty: any law).
"""

from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

from .terms import (AlmostSurely, CondMutualInfo, E, GaussEntropy, GaussKL, GaussW2, Joint, MutualInfo, Rand, Var,
                    bound_symbols, misread_numbers, rands, require, words_in)

#: Pattern variables (g, L_next and S_next the kernel fills in itself: the law's generation, L and S one on).
_Y, _m, _v, _a, _b, _w, _x, _X, _Z, _S, _S_next, _g, _L, _L_next, _W = sp.symbols("Y m v a b w x X Z S S' g L L' W")
_FOUR = ((_a, "random"), (_v, "random"), (_b, "random"), (_w, "random"))
# Mutual information lies in [0, oo]: its axioms are stated so that no rule subtracts one.
_IXY, _CXZY, _VARIABLES = MutualInfo(_X, _Y), CondMutualInfo(_X, _Z, _Y), tuple((p, "variable") for p in (_X, _Y, _Z))
CT = "Cover and Thomas (2006), Elements of Information Theory, 2nd ed., "
#: Bound variables of the schemas (a product's index, a limit's variable); a sequence's index from 0.
_k, _N = sp.symbols("k N", integer=True, positive=True)
_j = sp.Symbol("j", integer=True, nonnegative=True)
#: A sequence u_j: a pattern of kind ``function``, applied in the schema as _U(_j).
_u, _U, _c, _C = sp.Symbol("U"), sp.Function("U"), sp.Symbol("c"), sp.Symbol("C")
#: The linear Gaussian chain's roles: its start, the generation, the squared gain, the start's and the noise's variances.
_S0, _T, _q, _V = sp.symbols("S0 T q V")


@dataclass(frozen=True)
class Axiom:
    name: str
    schema: object              # a relation in the pattern variables
    patterns: tuple                # ((symbol, kind), ...)
    conditions: tuple = ()         # relations in the pattern variables, decided per instance
    reference: str = ""
    holds_for: tuple = ()          # distribution families; empty: any law
    kind: str = "axiom"            # or "definition"
    #: Words in the given patterns each instance needs shown finite, by a premise Eq(word, value) with a
    #: word-free value: the variance of a quantity whose mean does not exist is no number (Cauchy).
    finite: tuple = ()


AXIOMS = {a.name: a for a in (
    Axiom("variance", sp.Eq(Var(_Y), E(_Y ** 2) - E(_Y) ** 2), ((_Y, "random"),),
          reference="Casella and Berger (2002), Statistical Inference, Def. 2.3.2 and Thm 2.3.4", kind="definition",
          finite=(E(_Y ** 2),)),
    Axiom("gaussian_entropy", sp.Eq(GaussEntropy(_m, _v), sp.log(2 * sp.pi * sp.E * _v) / 2),
          ((_m, "random"), (_v, "random")), (sp.Gt(_v, 0),), reference=CT + "Thm 8.4.1"),
    Axiom("gaussian_w2", sp.Eq(GaussW2(_a, _v, _b, _w), (_a - _b) ** 2 + (sp.sqrt(_v) - sp.sqrt(_w)) ** 2),
          _FOUR, (sp.Ge(_v, 0), sp.Ge(_w, 0)), reference="Dowson and Landau (1982), J. Multivar. Anal. 12, 450-455"),
    # Alzer's Thm 8 is sharper: psi(x) < log x - 1/(2x) for x > 0.
    Axiom("digamma_below_log", sp.Lt(sp.polygamma(0, _x), sp.log(_x)), ((_x, "value"),), (sp.Gt(_x, 0),),
          reference="Alzer (1997), On some inequalities for the gamma and psi functions, Math. Comp. 66, Thm 8"),
    Axiom("gamma_ratio_below_sqrt", sp.Lt(sp.gamma(_x + sp.Rational(1, 2)) / sp.gamma(_x), sp.sqrt(_x)),
          ((_x, "value"),), (sp.Gt(_x, 0),), reference="Wendel (1948), Amer. Math. Monthly 55(9), 563-564"),
    # The strong law of large numbers: a random walk whose i.i.d. increments have negative mean tends to -oo.
    # The walk is the law's (L after the declared updates is L + W, a side condition), so it holds at every
    # generation: a hypothesis at one g would not do (a law may read g and pass through L + W at g = 0 only).
    Axiom("slln_random_walk", sp.Implies(sp.Lt(E(_W), 0), AlmostSurely(sp.Eq(sp.Limit(_L, _g, sp.oo), -sp.oo))),
          ((_L, "state"), (_W, "iid"), (_L_next, "updated:L"), (_g, "generation")), (sp.Eq(_L_next, _L + _W),),
          reference="Williams (1991), Probability with Martingales, Thm 12.10 and 14.5 (strong law of large numbers): "
                    "a random walk whose i.i.d. increments have negative mean tends to -oo almost surely"),
    Axiom("euler_sine_product",
          sp.Eq(sp.Limit(sp.Product(1 - _x ** 2 / _k ** 2, (_k, 1, _N)), _N, sp.oo), sp.sin(sp.pi * _x) / (sp.pi * _x)),
          ((_x, "value"),), (sp.Gt(_x, 0),),
          reference="Abramowitz and Stegun (1964), Handbook of Mathematical Functions, 4.3.89 (Euler's product for the "
                    "sine); Whittaker and Watson (1927), A Course of Modern Analysis, 4th ed., Sec. 7.5"),
    # Positive terms between two multiples of (j + 1)^(-a): their sum converges iff the p-series does.
    Axiom("p_series_comparison", sp.Equivalent(sp.Lt(sp.Sum(_U(_j), (_j, 0, sp.oo)), sp.oo), sp.Gt(_a, 1)),
          ((_u, "function"), (_a, "value"), (_c, "value"), (_C, "value")),
          (sp.Gt(_c, 0), sp.Le(_c, _U(_j) * (_j + 1) ** _a), sp.Le(_U(_j) * (_j + 1) ** _a, _C)),
          reference="Rudin (1976), Principles of Mathematical Analysis, 3rd ed., Thm 3.25 (comparison test) and "
                    "Thm 3.28 (sum of 1/n^p converges iff p > 1)"),
    Axiom("infinite_product_criterion",
          sp.Equivalent(sp.Gt(sp.Limit(sp.Product(1 - _U(_j), (_j, 0, _N - 1)), _N, sp.oo), 0),
                        sp.Lt(sp.Sum(_U(_j), (_j, 0, sp.oo)), sp.oo)),
          ((_u, "function"),), (sp.Ge(_U(_j), 0), sp.Lt(_U(_j), 1)),
          reference="Rudin (1987), Real and Complex Analysis, 3rd ed., Thm 15.5: for 0 <= u_j < 1, prod (1 - u_j) > 0 "
                    "iff sum u_j < oo"),
    Axiom("gaussian_kl", sp.Eq(GaussKL(_a, _v, _b, _w),
                               sp.log(_w / _v) / 2 + (_v + (_a - _b) ** 2) / (2 * _w) - sp.Rational(1, 2)),
          _FOUR, (sp.Gt(_v, 0), sp.Gt(_w, 0)), reference=CT + "Ch. 8 (KL between normals)"),
    Axiom("mutual_information_chain_rule", sp.Eq(MutualInfo(_X, Joint(_Y, _Z)), _IXY + _CXZY), _VARIABLES,
          reference=CT + "Thm 2.5.2; general random variables: Pinsker (1964), Information and Information Stability"),
    Axiom("conditional_mutual_information_nonnegative", sp.Le(_IXY, _IXY + _CXZY), _VARIABLES,
          reference=CT + "Thm 2.6.3"),
    # The law's next state is a function of its state and of draws independent of the past given it.
    Axiom("markov_refit", sp.Eq(CondMutualInfo(_X, _S_next, _S), 0),
          ((_X, "past"), (_S, "whole_state"), (_S_next, "next:S")), reference=CT + "Sec. 2.8 (Markov chains)"),
    # S_T = q^(T/2) S_0 + N_T with N_T ~ N(., V) independent of S_0 ~ N(., v): a Gaussian channel of signal q^T v,
    # I = h(S_T) - h(S_T | S_0) = log(1 + q^T v / V) / 2.
    Axiom("gaussian_chain_information", sp.Eq(MutualInfo(_S0, _Y), (sp.log(_V + _q ** _T * _v) - sp.log(_V)) / 2),
          ((_Y, "gaussian_chain"), (_S0, "chain:start"), (_T, "chain:time"), (_q, "chain:gain"),
           (_v, "chain:spread"), (_V, "chain:noise")), (sp.Ge(_T, 1),), holds_for=("Normal",),
          reference=CT + "Thm 9.1.1 (Gaussian channel: I = log(1 + P/N)/2) and Thm 8.6.4 (sums of independent normals)"),
    # A one-to-one map of either variable keeps the information.
    Axiom("mutual_information_scaling", sp.Eq(MutualInfo(_a * _X, _b * _Y), _IXY),
          ((_X, "variable"), (_Y, "variable"), (_a, "value"), (_b, "value")), (sp.Gt(1 / _a ** 2, 0), sp.Gt(1 / _b ** 2, 0)),
          reference=CT + "Sec. 8.6 (h(aX) = h(X) + log|a|, Thm 8.6.4) and Sec. 2.8 (data processing both ways)"),
)}


def instance(axiom: Axiom, mapping: dict, bound: set, law=None):
    """The instance of ``axiom`` under ``mapping`` and its side conditions, or ValueError.

    Patterns of kind ``generation``, ``next:P`` and ``updated:P`` are filled in by the kernel (the law's
    generation; P one generation on, with the generation shifted or by the law's declared updates), never
    by the mapping. A ``state`` pattern is a function of
    the law's state at its generation; an ``iid`` pattern a function of one draw at that
    generation whose declared arguments are constants (so its copies are independent and
    identically distributed).
    """
    extra = []
    given = {p for p, kind in axiom.patterns if kind != "generation" and not kind.startswith(("next:", "updated:", "chain:"))}
    require(set(mapping) == given, f"axiom {axiom.name} takes exactly the patterns {sorted(map(str, given))}")
    require(law is not None or "generation" not in dict(axiom.patterns).values(), f"axiom {axiom.name} needs a law")
    full = {**mapping, **{p: law.generation for p, kind in axiom.patterns if kind == "generation"}}
    # A schema that binds the law's generation (a limit over it) binds it on purpose.
    own = {full[q] for q, k in axiom.patterns if k == "generation"}
    for p, kind in axiom.patterns:
        if kind.startswith(("next:", "updated:")):
            source = sp.sympify(full[next(q for q, _ in axiom.patterns if str(q) == kind.partition(":")[2])])
            full[p] = source.xreplace({law.generation: law.generation + 1}) if kind.startswith("next:") else \
                _updated(source, law)
        if kind == "generation" or kind.startswith(("next:", "updated:", "chain:")):
            continue
        value = sp.sympify(mapping[p])
        words = words_in(value)
        if (kind == "function") != isinstance(value, sp.Lambda) or (kind == "function" and words):
            raise ValueError(f"pattern {p} of {axiom.name} must be " + (
                "a Lambda with a deterministic body" if kind == "function" else "no Lambda"))
        if kind in _RANDOM and words - {Rand} and not (kind in _RANDOM[3:] and type(value) is Joint and
                                                        not set().union(*map(words_in, value.args)) - {Rand}):
            raise ValueError(f"pattern {p} of {axiom.name} may hold random quantities but no other word (or a Joint)")
        problem = _kind_problem(kind, value, law, extra) if kind in _RANDOM[1:5] else ""
        if kind == "gaussian_chain":  # the kernel reads the chain's roles off the law
            roles = gaussian_chain(law, value, extra) if law is not None else "needs a law"
            problem = roles if isinstance(roles, str) else full.update(
                {q: roles[k[6:]] for q, k in axiom.patterns if k.startswith("chain:")}) or ""
        require(not problem, f"pattern {p} of {axiom.name}: {problem}")
        require(kind in ("function", "gaussian_chain") + _RANDOM or not words, f"pattern {p} of {axiom.name} must be deterministic")
        captured = value.free_symbols & ((bound - own) | bound_symbols(axiom.schema))  # the proof's or the schema's
        require(not captured, f"pattern {p} would capture the bound variable(s) {sorted(map(str, captured))}")
    # A function pattern is applied where the schema applies it: U(j) becomes the Lambda's body at j.
    functions = {sp.Function(str(p)): full[p] for p, kind in axiom.patterns if kind == "function"}

    def filled(e):
        return e.xreplace(full).replace(lambda x: isinstance(x, AppliedUndef) and x.func in functions,
                                        lambda x: functions[x.func](*x.args))
    inst = filled(axiom.schema)
    # Numbers put in are read right before sympy builds on them (|c| is -c to a misread c; see terms.substitute).
    require(not misread_numbers(inst), f"axiom {axiom.name}: its instance holds a number sympy misreads")
    with sp.evaluate(False):  # decided by the kernel, never settled by sympy's constructor
        # The schema's own bound variables stand in its conditions for every value their binders give them: fresh
        # symbols with the binders' facts (j >= 0), never a proof's symbol, whose domain would narrow them.
        binders = {v: sp.Dummy(str(v), **v._assumptions_orig) for v in bound_symbols(axiom.schema)}
        conds = tuple(filled(c.xreplace(binders)) for c in axiom.conditions) + tuple(extra)
    return inst, conds


#: Kinds whose values may hold random quantities; from the fourth on, a Joint of them (information).
_RANDOM = ("random", "state", "iid", "past", "whole_state", "variable")



def _updated(value, law):
    """``value`` one generation on by the law: each state quantity at the generation replaced by its declared
    update, and every other g by g + 1 at once (x_g + 2g is no walk in x alone; an unindexed law: an index
    would be substituted into the update, under its binders)."""
    g = law.generation
    require(not law.indices, "the law's state is indexed")
    steps = {Rand(v.name, g): v.step for v in law.state}
    require(all(r in steps for r in rands(value)), f"{value} reads more than the state at {g}")
    return value.xreplace({**steps, g: g + 1})  # (simultaneous: an update's own g stays g)


def _kind_problem(kind, value, law, extra):
    if law is None:
        return "needs a law"
    g = law.generation
    found = rands(value)
    draws = {d.name: d for d in law.draws}
    if kind == "state":
        state = found and all(r.label not in draws and r.generation == g for r in found)
        return "" if state else f"must be a function of the state at {g}"
    if kind == "past":  # states up to g, draws before g: the bounds are side conditions
        return extra.extend(sp.Le(r.generation + int(r.label in draws), g, evaluate=False) for r in found) or ""
    if kind == "whole_state":  # (the checker has seen that the law's update reads no earlier generation)
        whole = Joint(*[Rand(v.name, g) for v in law.state])
        return "the law's state is indexed" if law.indices else "" if value == whole else f"not the whole state {whole}"
    labels = {r.label for r in found}
    if len(labels) != 1 or not labels <= set(draws) or any(r.generation != g for r in found):
        return f"must be a function of one draw at {g}"
    d = draws[labels.pop()]
    if any(words_in(x) or g in sp.sympify(x).free_symbols for x in d.args):
        return f"the law of {d.name} depends on the state or the generation: its copies are not i.i.d."
    # The draw made opaque first: its own g is no exemption for a g beside it (2^(-g) D_g is no i.i.d. copy).
    if any(g in sp.sympify(i).free_symbols for r in found for i in r.indices) or \
            g in value.xreplace({r: sp.Dummy() for r in found}).free_symbols:
        return f"must not depend on {g} but through the draw"
    return ""


def gaussian_chain(law, value, extra):
    """The roles of ``value`` = S_T, S a state variable whose law is a linear Gaussian chain, or why
    it is not one: the update S_{g+1} = a S_g + b D_g + c reads S_g and at most one draw D_g ~ N(., u),
    with a, b, c and D's arguments free of the generation and of any random quantity; the initial
    value is alpha + beta P, P ~ N(., u0) a start draw (or none). Then S_T = a^T S_0 + N_T, N_T ~ N(.,
    V) independent of S_0 (the start is independent of the draws), V = w (1 + q + ... + q^(T - 1)),
    q = a^2, w = b^2 u, v = beta^2 u0; w > 0, q >= 0, v >= 0 (and q != 1 for the closed sum) join the side
    conditions."""
    g, x, y, T = law.generation, sp.Dummy("x"), sp.Dummy("y"), getattr(value, "generation", None)
    var = law.variable(value.label) if type(value) is Rand else None
    if var is None or law.indices or words_in(T) or T.is_integer is not True:
        return "must be a state variable of the law (not indexed) at a deterministic integer generation"
    parts = []
    for what, expr, now, draws, at in (("the update", var.step, {Rand(var.name, g): x}, law.draws, g),
                                       ("the initial value", var.init, {}, law.start, 0)):
        found = rands(expr) - set(now)
        d = next((d for d in draws if found == {Rand(d.name, at)}), None)
        if found and d is None:
            return f"{what} reads more than its state and one draw"
        if found and (d.family != "Normal" or any(words_in(a) or g in sp.sympify(a).free_symbols for a in d.args)):
            return f"{what} reads {d.name}, not a normal draw with constant arguments"
        e = sp.sympify(expr).xreplace({**now, **{r: y for r in found}})
        if g in e.free_symbols or not e.is_polynomial(x, y) or sp.Poly(e, x, y).total_degree() > 1:
            return f"{what} is not affine with constant coefficients"
        parts += [e.diff(x), e.diff(y) ** 2 * (d.args[1] if found else 0)]
    q, w, v = parts[0] ** 2, parts[1], parts[3]
    one = sp.expand(q) == 1
    # Strict signs as reciprocals: a tiny positive number (2^(-2R) at a large R) is no counterexample to 1/w > 0.
    extra += [sp.Gt(1 / w, 0, evaluate=False), sp.Ge(q, 0, evaluate=False), sp.Ge(v, 0, evaluate=False)] + (
        [] if one else [sp.Gt(1 / (1 - q) ** 2, 0, evaluate=False)])
    return {"start": Rand(var.name, 0), "time": T, "gain": q, "spread": v,
            "noise": w * T if one else w * (1 - q ** T) / (1 - q)}

"""Laws: a model's declaration as the kernel sees it, and the distributions' cited facts.

A :class:`Law` names its parameters (with domains), its state variables (initial value, one-step
update, domain) and its draws (a family from :data:`FAMILIES` and arguments that may depend on the
state and the parameters), and may name start draws: drawn once, before generation 0, with
arguments in the parameters, independently of each other and of every draw of the law; an initial
value may read them as ``Rand(name, 0)`` (a random start, such as a prior), and no relation may. The kernel checks a law once (:meth:`Law.problems`): expressions use
only what they may, arguments lie in the family's domain, and each state domain is kept: the
initial value lies in it and the update maps the state domains and the draws' supports back into
it. Draws are independent of each other and of the past given the current state.

The distribution facts are axioms, cited and stated as schemas over the family's parameters; a
step instantiates one only through a declared draw, so the parameters are bound by the law, never
by the proof.
"""

from dataclasses import dataclass, field, replace

import sympy as sp

from .decide import is_positive, sign_shown, undefined
from .domains import Domain, Space
from .terms import (CE, Ind, MaxNormalVariance, Rand, binder_problem, exact_text, explicit, note, rands, require,
                    words_in)

# Pattern symbols of the schemas: a family's parameters, the order, the draw.
_a, _b, _order, _D = sp.symbols("a b order D")
# The schemas' summation variable: a dummy, so that no parameter of a law is ever captured.
_j = sp.Dummy("j", integer=True, nonnegative=True)


@dataclass(frozen=True)
class Family:
    """A distribution family: its parameters' domains, its support, and its facts."""

    name: str
    params: tuple              # pattern symbols
    param_domains: tuple       # Domain of each parameter (bounds may name earlier parameters)
    support: object            # Domain of a draw (bounds may name the parameters)
    reference: str


@dataclass(frozen=True)
class Fact:
    """A cited fact about a family: ``CE(lhs, g) = value`` with the family's parameters bound by
    the declared draw, and (for an order) a condition the instance must meet."""

    name: str
    family: str
    lhs: object                # in the pattern draw _D and the order
    value: object              # in the family's parameters and the order
    order: str                 # "none", "integer" (order integer >= 0) or "real" (order real)
    condition: object = None   # a relation in the parameters and the order, decided per instance
    reference: str = ""


def _stirling_free_normal_moment():
    # E[D^k] for D ~ N(a, b): sum over even j of C(k, j) a^(k-j) b^(j/2) (j-1)!!.
    return sp.Sum(sp.binomial(_order, 2 * _j) * _a ** (_order - 2 * _j) * _b ** _j * sp.factorial(2 * _j)
                  / (2 ** _j * sp.factorial(_j)), (_j, 0, sp.floor(_order / 2)))


CASELLA = "Casella and Berger (2002), Statistical Inference, 2nd ed., Ch. 3 and 4"
JOHNSON = "Johnson, Kotz and Balakrishnan (1994), Continuous Univariate Distributions, vol. 1, Ch. 17-18"
JOHNSON_D = "Johnson, Kemp and Kotz (2005), Univariate Discrete Distributions, 3rd ed., Ch. 3-4"
# The sum of squared deviations V of n i.i.d. draws of a law with a density (so V > 0) and variance
# s^2 has E[V] = (n - 1) s^2 (the sample variance is unbiased); only that mean is cited, never a
# higher moment. The draws are standard normals truncated to [-a, a] (s^2 = 1 - 2 a phi(a)/(2 Phi(a) - 1))
# or the largest of k standard normals (s^2 = v_k).
SCATTER = "Casella and Berger (2002), Statistical Inference, 2nd ed., Thm 5.2.6; "

FAMILIES = {
    "Normal": Family("Normal", (_a, _b), (Domain.real(), Domain.real(0)), Domain.real(), CASELLA),
    "ChiSquare": Family("ChiSquare", (_a,), (Domain.real(0, lo_open=True),), Domain.real(0, lo_open=True), JOHNSON),
    "Gamma": Family("Gamma", (_a, _b), (Domain.real(0, lo_open=True), Domain.real(0, lo_open=True)),
                    Domain.real(0, lo_open=True), JOHNSON),
    "Poisson": Family("Poisson", (_a,), (Domain.real(0),), Domain.integer(0), JOHNSON_D),
    "Binomial": Family("Binomial", (_a, _b), (Domain.integer(0), Domain.real(0, 1)), Domain.integer(0, _a), JOHNSON_D),
    "TruncatedNormalScatter": Family("TruncatedNormalScatter", (_a, _b),
                                     (Domain.integer(2), Domain.real(0, lo_open=True)), Domain.real(0, lo_open=True),
                                     SCATTER + "Johnson, Kotz and Balakrishnan (1994), Ch. 13"),
    "MaxNormalScatter": Family("MaxNormalScatter", (_a, _b), (Domain.integer(2), Domain.integer(1)),
                               Domain.real(0, lo_open=True), SCATTER + "David and Nagaraja (2003), Sec. 3.2 (v_k)"),
}

FACTS = {f.name: f for f in (
    Fact("normal_moments", "Normal", _D ** _order, _stirling_free_normal_moment(), "integer", None, CASELLA),
    Fact("chi_square_moments", "ChiSquare", _D ** _order,
         2 ** _order * sp.gamma(_a / 2 + _order) / sp.gamma(_a / 2), "real", sp.Gt(_order, -_a / 2), JOHNSON),
    Fact("chi_square_log_moment", "ChiSquare", sp.log(_D), sp.polygamma(0, _a / 2) + sp.log(2), "none", None, JOHNSON),
    Fact("gamma_moments", "Gamma", _D ** _order, _b ** _order * sp.gamma(_a + _order) / sp.gamma(_a), "real",
         sp.Gt(_order, -_a), JOHNSON),
    Fact("gamma_log_moment", "Gamma", sp.log(_D), sp.polygamma(0, _a) + sp.log(_b), "none", None, JOHNSON),
    Fact("poisson_factorial_moments", "Poisson", sp.ff(_D, _order), _a ** _order, "integer", None, JOHNSON_D),
    Fact("binomial_factorial_moments", "Binomial", sp.ff(_D, _order), sp.ff(_a, _order) * _b ** _order,
         "integer", None, JOHNSON_D),
    Fact("binomial_pmf", "Binomial", Ind(sp.Eq(_D, _order)),
         sp.binomial(_a, _order) * _b ** _order * (1 - _b) ** (_a - _order), "integer", sp.Le(_order, _a), JOHNSON_D),
    Fact("truncated_normal_scatter_mean", "TruncatedNormalScatter", _D, (_a - 1) * (1 - sp.sqrt(2) * _b * sp.exp(
        -_b**2 / 2) / (sp.sqrt(sp.pi) * sp.erf(_b / sp.sqrt(2)))), "none", None,
         FAMILIES["TruncatedNormalScatter"].reference),
    Fact("max_normal_scatter_mean", "MaxNormalScatter", _D, (_a - 1) * MaxNormalVariance(_b), "none", None,
         FAMILIES["MaxNormalScatter"].reference),
)}


@dataclass(frozen=True)
class Draw:
    """A draw: its name, family and arguments (expressions in the parameters and the state at g)."""

    name: str
    family: str
    args: tuple


@dataclass(frozen=True)
class StateVar:
    name: str
    init: object
    step: object
    domain: Domain
    #: Index symbols the variable carries (a category i): Rand(name, g, i).
    indices: tuple = ()


@dataclass(frozen=True)
class Law:
    """A model's one-step law over generations ``generation`` = 0, 1, ...

    ``state`` and ``draws`` refer to each other as ``Rand(name, generation, *indices)``;
    ``step`` expressions may use the state and the draws at ``generation``, ``init`` the parameters.
    """

    name: str
    generation: sp.Symbol
    params: dict[sp.Symbol | sp.IndexedBase, Domain]
    state: tuple[StateVar, ...]
    draws: tuple[Draw, ...]
    indices: dict[sp.Symbol | sp.IndexedBase, Domain] = field(default_factory=dict)   # index symbol -> Domain
    start: tuple[Draw, ...] = ()                   # Draws taken once before generation 0

    def variable(self, name):
        return next((v for v in self.state if v.name == name), None)

    def draw(self, name):
        return next((d for d in self.draws if d.name == name), None)

    def rand_domains(self) -> dict:
        out = {v.name: v.domain for v in self.state}
        for d in self.draws:
            fam = FAMILIES[d.family]
            out[d.name] = _bind_domain(fam.support, dict(zip(fam.params, d.args)))
        # One domain serves a quantity at every generation and index: a bound read at the law's generation
        # or index (a support [0, g + 1], [0, i]) would hold B_{g+1} to B_g's support, or D at index 3 to
        # the support at whatever i a claim names, so it is dropped.
        local = {self.generation, *self.indices}
        return {k: replace(v, **{end: None for end in ("lo", "hi") if getattr(v, end) is not None
                                 and local & sp.sympify(getattr(v, end)).free_symbols})
                for k, v in out.items()}

    def key(self):
        return (self.name, exact_text(self.generation),
                tuple(sorted((exact_text(k), v.key()) for k, v in self.params.items())),
                tuple((v.name, exact_text(v.init), exact_text(v.step), v.domain.key(), tuple(map(exact_text, v.indices)))
                      for v in self.state),
                tuple((d.name, d.family, tuple(map(exact_text, d.args))) for d in self.draws),
                tuple(sorted((exact_text(k), v.key()) for k, v in self.indices.items())),
                tuple((d.name, d.family, tuple(map(exact_text, d.args))) for d in self.start))

    # --- well-formedness --------------------------------------------------------------------
    def problems(self) -> list:
        """What is wrong with the law ('' free list when it is well formed)."""
        g = self.generation
        out = []
        names = [v.name for v in self.state] + [d.name for d in self.draws + self.start]
        note(out, len(set(names)) != len(names), "state and draw names must be distinct")
        note(out, g in self.params or not isinstance(g, sp.Symbol),
             "the generation must be a symbol that is not a parameter")
        params = set(self.params) | set(self.indices)
        vectors = {p for p, d in self.params.items() if d.kind == "vector"}
        state_now = {Rand(v.name, g, *v.indices) for v in self.state}
        draws_now = {Rand(d.name, g, *self._draw_indices(d)) for d in self.draws}
        start = {Rand(d.name, 0) for d in self.start}

        def uses(expr, allowed_rands, what, carried, at_g=True):
            expr = sp.sympify(expr)
            note(out, words_in(expr) - {Rand}, f"{what} may use no expectation or other word: {expr}")
            stray = {r for r in rands(expr) if r not in allowed_rands}
            note(out, stray, f"{what} uses {sorted(map(str, stray))}, which it may not")
            # A time-dependent law reads the current generation: a schedule's entry ns[g], or g itself
            # (its definedness at every g >= 0 is checked below, _generation_problems).
            entries = {a for a in expr.atoms(sp.Indexed) if a.base in vectors and (
                (at_g and a.indices == (g,)) or set(a.indices) <= set(self.indices))}
            # An entry hidden whole: a vector's label may stand as an entry's base, never alone (a hidden parameter).
            hidden = {a: sp.Dummy() for a in entries}
            free = expr.xreplace(hidden).free_symbols - set(hidden.values()) - params - ({g} if at_g else set())
            note(out, free, f"{what} uses undeclared symbols {sorted(map(str, free))}")
            leaked = (expr.free_symbols & set(self.indices)) - set(carried)
            note(out, leaked, f"{what} uses the index {sorted(map(str, leaked))} it does not carry")
            problem = binder_problem(expr, params | {g})
            note(out, problem, f"{what}: {problem}")
        out += [f"a domain of the law: {problem}" for dom in [*self.params.values(), *self.indices.values()]
                + [v.domain for v in self.state] if (problem := dom.problem())]
        for v in self.state:
            note(out, v.domain.kind not in ("integer", "real"), f"the domain of {v.name} must be a range of numbers")
            named = set().union(*[sp.sympify(b).free_symbols for b in (v.domain.lo, v.domain.hi) if b is not None])
            note(out, named - set(self.params), f"the domain of {v.name} may name the law's parameters only")
            note(out, set(v.indices) - set(self.indices), f"{v.name} carries an index the law does not declare")
            uses(v.init, start, f"the initial value of {v.name}", v.indices, at_g=False)
            weight = normalised_weight(v, self)
            if isinstance(weight, str):
                out.append(f"the update of {v.name}: {weight}")
            elif weight is not None:  # the weight reads the variable's own entry and parameters only
                uses(weight, {Rand(v.name, g, *v.indices)}, f"the weight of {v.name}", v.indices)
                note(out, (problem := binder_problem(v.step, params | {g})), f"the update of {v.name}: {problem}")
            else:
                uses(v.step, state_now | draws_now, f"the update of {v.name}", v.indices)
        for d in self.draws + self.start:
            if d.family not in FAMILIES:
                out.append(f"unknown family {d.family}")
            elif len(d.args) != len(FAMILIES[d.family].params):
                out.append(f"{d.family} takes {len(FAMILIES[d.family].params)} arguments")
            else:
                for a in d.args:
                    uses(a, set() if d in self.start else state_now, f"an argument of {d.name}",
                         self._draw_indices(d), at_g=d not in self.start)
        if out:
            return out
        space = Space({**self.params, **self.indices, g: Domain.integer(0)}, self.rand_domains())
        init_space = Space({**self.params, **self.indices}, {d.name: _bind_domain(FAMILIES[d.family].support, dict(
            zip(FAMILIES[d.family].params, d.args))) for d in self.start})
        for v in self.state:
            out += [f"the initial value of {v.name}: {p}" for p in _in_domain(v.init, v.domain, init_space)]
            weight = normalised_weight(v, self)
            out += [f"the update of {v.name}: {p}" for p in (_generation_problems(v.step, g, space)
                    + _in_domain(v.step, v.domain, space) if weight is None else
                    _generation_problems(weight, g, space) + _mass_problems(v, weight, self, space))]
        for d in self.draws + self.start:
            fam = FAMILIES[d.family]
            binding = {}
            out += [f"an argument of {d.name}: {p}" for a in d.args for p in _generation_problems(a, g, space)]
            for p, a, dom in zip(fam.params, d.args, fam.param_domains):
                out += [f"argument {a} of {d.name}: {p_}" for p_ in _in_domain(a, _bind_domain(dom, binding),
                                                                             init_space if d in self.start else space)]
                binding[p] = a
        return out

    def _draw_indices(self, d):
        """A draw carries the indices of the state its arguments read."""
        return tuple(sorted(set().union(*[r.indices for a in d.args for r in rands(a)]), key=sp.default_sort_key))


def normalised_weight(v, law):
    """The weight w of a normalised update w / Sum(w at j, (j, lo, hi)), the one form in which an
    update may read its variable's whole vector (lo..hi the range of its one index); None for an
    update that reads no other entry; a str saying why the update is not of that form."""
    g, own = law.generation, Rand(v.name, law.generation, *v.indices)
    if not any(r.label == v.name and r.generation == g and r != own for r in rands(v.step)):
        return None
    normalisers = [f for f in sp.Mul.make_args(v.step) if isinstance(f, sp.Pow) and f.exp == -1 and
                   isinstance(f.base, sp.Sum) and len(f.base.limits) == 1]
    if len(v.indices) != 1 or len(normalisers) != 1:
        return "it reads other entries, but not as w / Sum(w at j) over the variable's one index"
    (i,), ((j, lo, hi),) = v.indices, normalisers[0].base.limits
    weight = sp.Mul(*[f for f in sp.Mul.make_args(v.step) if f is not normalisers[0]])
    dom = law.indices.get(i)
    if dom is None or (lo, hi) != (dom.lo, dom.hi) or j in weight.free_symbols or \
            normalisers[0].base.function != weight.xreplace({i: j}) or rands(weight) - {own}:
        return f"its normaliser must be the sum of its weight (which reads {own} alone) over {i} = {dom and dom.lo}..{dom and dom.hi}"
    return weight


def _mass_problems(v, weight, law, space) -> list:
    """Why a normalised update may not be well defined ('' free list when it is): the initial value is
    an entry of a probability vector within the variable's domain, [0, 1] or (0, 1]; the weight is
    defined and >= 0 there (> 0 on (0, 1]), and > 0 where the entry is > 0. Then by induction every
    generation is a probability vector within the domain: some entry carries mass, its weight makes
    the normaliser positive, and the normalised weights are >= 0 (> 0) and sum to 1."""
    (i,), dom = v.indices, v.domain
    start = law.params.get(v.init.base) if isinstance(v.init, sp.Indexed) and v.init.indices == (i,) else None
    if start is None or start.kind != "vector" or start.total != 1 or (law.indices[i].lo, law.indices[i].hi) != (
            1, start.length) or dom.kind != "real" or (dom.lo, dom.hi, dom.hi_open) != (0, 1, False) or \
            not start.entry.within(dom):
        return [f"the initial value of a normalised {v.name} must be p[{i}], p a probability vector over {i}'s range "
                "with entries within its domain, [0, 1] or (0, 1]"]
    x = sp.Dummy(v.name, **dom.flags())
    at, doms = weight.xreplace({Rand(v.name, law.generation, i): x}), dict(space.domains)
    massive = Domain.real(0, 1, lo_open=True)
    # Signs by sympy alone: a weight exp(beta r) underflows any number.
    out = [f"the weight {weight} is not shown defined: {why}" for why in [undefined(at, Space({**doms, x: dom}))] if why]
    if not out and not sign_shown(at, Space({**doms, x: dom}, space.rand_domains), dom.lo_open):
        out.append(f"the weight {weight} is not shown {'>' if dom.lo_open else '>='} 0")
    if not out and not sign_shown(at, Space({**doms, x: massive}, space.rand_domains), True):
        out.append(f"the weight {weight} is not shown > 0 where {v.name} > 0 (the normaliser may vanish)")
    return out


def draw_rand(law, d, g):
    return Rand(d.name, g, *law._draw_indices(d))


def _bind_domain(dom, binding):
    return replace(dom, **{end: sp.sympify(getattr(dom, end)).xreplace(binding) for end in ("lo", "hi")
                           if getattr(dom, end) is not None})


def _in_domain(expr, dom, space) -> list:
    """Problems with ``expr`` lying in ``dom`` over ``space`` (empty when shown): it is a finite real
    number everywhere, and within the bounds."""
    expr = sp.sympify(expr)
    why = undefined(expr, space)
    if why or expr.has(sp.oo, -sp.oo):
        return [f"{expr} is not shown a finite real number: {why or 'an infinity occurs'}"]
    if dom.kind == "finite":
        return [f"{expr} is not shown to lie in a finite set"]
    out = [f"{expr} is not shown integer"] if dom.kind == "integer" and not _integer_valued(expr, space) else []
    for bound, is_lo, open_ in ((dom.lo, True, dom.lo_open), (dom.hi, False, dom.hi_open)):
        if bound is not None and not is_positive((expr - bound) if is_lo else (bound - expr), space, strict=open_)[0]:
            out.append(f"{expr} {'>' if is_lo else '<'}{'' if open_ else '='} {bound} is not shown")
    return out


def _generation_problems(expr, g, space) -> list:
    """How ``expr`` reads the generation ``g`` itself (not through a random quantity or a schedule's
    entry): by sums, products, ceilings and powers only, each power's base shown > 0 over ``space`` unless the
    exponent is a positive integer, so that it is defined and real at every generation g >= 0."""
    hidden = {x: sp.Dummy() for x in rands(expr) | sp.sympify(expr).atoms(sp.Indexed)}
    back = {v: k for k, v in hidden.items()}
    return [f"{n.xreplace(back)} reads the generation through a function other than a power"
            if not isinstance(n, sp.Pow) else f"the base of {n.xreplace(back)} is not shown > 0 for every generation"
            for n in sp.preorder_traversal(sp.sympify(expr).xreplace(hidden))
            if g in n.free_symbols and not isinstance(n, (sp.Add, sp.Mul, sp.Symbol, sp.ceiling)) and not (isinstance(n, sp.Pow) and (
                (n.exp.is_Integer and n.exp > 0) or is_positive(n.base.xreplace(back), space)[0]))]


def _integer_valued(expr, space):
    """Integer-valued as a polynomial with integer coefficients in integer quantities only (anything
    else is not shown)."""
    opaque = space.opaque(expr)
    for case in space.cases():
        e = sp.expand(space.substitute(opaque, case))
        # The symbols named as the generators: Poly(x + pi) alone would take pi for one, with coefficient 1.
        gens = sorted(e.free_symbols, key=sp.default_sort_key)
        if not (e.is_integer or (gens and e.is_polynomial(*gens) and all(c.is_integer for c in sp.Poly(e, *gens).coeffs())
                                 and all(s.is_integer for s in gens))):
            return False
    return True


def fact_instance(law, fact_name, draw_name, g, order=None, allowed=None):
    """The relation ``CE(lhs, g) = value`` of a fact for a declared draw, with its condition, or
    raise ValueError saying why there is none."""
    require(fact_name in FACTS, f"no fact {fact_name!r}")
    fact = FACTS[fact_name]
    d = law.draw(draw_name)
    require(d is not None, f"{draw_name} is not a draw of {law.name}")
    require(d.family == fact.family, f"{fact_name} holds for {fact.family} draws; {draw_name} is {d.family}")
    here = {Rand(v.name, law.generation, *v.indices): Rand(v.name, g, *v.indices) for v in law.state}
    binding = {p: sp.sympify(a).xreplace(here) for p, a in zip(FAMILIES[fact.family].params, d.args)}
    require(fact.order != "none" or order is None, f"{fact_name} takes no order")
    if fact.order != "none":
        require(order is not None, f"{fact_name} needs an order")
        order = sp.sympify(order)
        require(not words_in(order) and order.free_symbols <= set(law.params) | set(allowed or ()),
                "the order may use parameters only")
        if fact.order == "integer" and not (order.is_integer and order.is_nonnegative):
            raise ValueError(f"the order of {fact_name} must be an integer >= 0")
        binding[_order] = order
    lhs = fact.lhs.xreplace({_D: draw_rand(law, d, g), **({_order: order} if order is not None else {})})
    value = fact.value.xreplace(binding)
    if order is not None and order.is_Integer:
        value = explicit(value)
    with sp.evaluate(False):  # decided by the kernel, never settled by sympy's constructor
        condition = None if fact.condition is None else fact.condition.xreplace(binding)
    return sp.Eq(CE(lhs, g), value, evaluate=False), condition


def finite_moment(law, h, g, space) -> bool:
    """Whether a cited fact gives E[h | F_g] finite for ``h`` a function of one draw at ``g``: log D
    for a family with a cited log moment, or D^m, m an integer >= 0, for a family with cited integer
    moments. (``space`` is unused: no moment that needs a condition shown is accepted here.)"""
    found = rands(h)
    r = found.pop() if len(found) == 1 else None
    d = law.draw(r.label) if r is not None else None
    if d is None or r.generation != g or r != draw_rand(law, d, g):
        return False
    if isinstance(h, sp.log) and h.args[0] == r:
        return any(f.family == d.family and f.lhs == sp.log(_D) for f in FACTS.values())
    base, m = h.as_base_exp()
    with_integer_moments = ("Normal", "Poisson", "Binomial", "ChiSquare", "Gamma")
    return base == r and bool(m.is_Integer and m >= 0 and d.family in with_integer_moments)

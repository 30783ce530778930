"""The derivation engine (untrusted): from a model's one-step law to closed forms.

For E[f(state_t)] it looks for the smallest set of functionals containing the monomials of f
that the one-step conditional expectation maps into its own span: monomials in the state
variables (real powers of positive variables, integer powers of the others, and logarithms of
positive variables), the class of polynomial processes and of scale laws. Each monomial is
pushed through the update, expanded, and every draw's factor replaced by its moment, computed
here from the distribution's MGF or density (the kernel holds the same facts as cited axioms and
checks them independently). The linear recurrence system m_{t+1} = A m_t + b is solved
component by component (``sympy.rsolve``), through matrix powers for coupled blocks, or as a
product for generation-dependent coefficients. Everything is recorded in a :class:`MomentSystem`
from which :mod:`modelcollapse.proofs` builds the proof the kernel checks.
"""

from __future__ import annotations

import copy
import functools
import weakref
from dataclasses import dataclass, field
from typing import Any

import sympy as sp

from .assumptions import (IntegerAtLeast, NonnegativeReal, OneOf, PositiveReal, Probability, RealNumber, SampleCount,
                          SampleFraction)
from .recipes import Remark
from .result import Derivation, DerivationStep, Result
from .symbols import t as generation

#: The most functionals a closure may need before the engine gives up.
MAX_BASIS = 40


@dataclass
class Term:
    """One term of a functional's one-step expansion: coefficient x state monomial x draw factors."""

    coefficient: Any
    monomial: Any
    draws: dict                  # draw symbol -> its factor (d**m or log(d))


@dataclass
class MomentSystem:
    """What the engine derived for one target functional (all in the model's own symbols)."""

    model: Any
    target: Any
    basis: list                  # functionals phi_i (state monomials, never 1)
    expansions: list             # per phi_i: list of Term (the update pushed through, expanded)
    matrix: list                 # A[j][i]
    offset: list                 # b[j]
    initial: list                # phi_i at generation 0
    closed: list                 # E[phi_i(state_t)]
    weights: list                # target = sum w_i phi_i + constant
    constant: Any
    value: Any                   # E[target(state_t)]
    notes: list = field(default_factory=list)


# --- symbols with the flags the declaration implies ---------------------------------------------

def _param_flags(a):
    if isinstance(a, IntegerAtLeast):
        return {"integer": True, "positive": True} if a.lower >= 1 else {"integer": True, "nonnegative": True}
    if isinstance(a, SampleCount):
        return {"integer": True, "positive": True}
    if isinstance(a, PositiveReal):
        return {"positive": True}
    if isinstance(a, OneOf) and all(int(v) >= 0 for v in a.values):
        return {"integer": True, "nonnegative": True}
    if isinstance(a, (Probability, SampleFraction, NonnegativeReal)):
        return {"nonnegative": True}
    if isinstance(a, RealNumber):
        return {"real": True}
    return {}


_DOMAIN_FLAGS = {"positive": {"positive": True}, "nonnegative": {"nonnegative": True},
                 "unit": {"nonnegative": True}, "real": {"real": True}}
_SUPPORT_FLAGS = {"positive": {"positive": True}, "count": {"integer": True, "nonnegative": True},
                  "real": {"real": True}}


class _Internal:
    """The model's symbols swapped for dummies that carry the flags the declaration implies."""

    def __init__(self, model, assumptions=None):
        self.model = model
        # A result may assume more than the model (gaussian.kl: n >= 4); its assumptions win.
        stated = {a.symbol: a for a in (assumptions or ())}
        self.assumptions = tuple(stated.get(a.symbol, a) for a in model.params)
        self.params = {a.symbol: sp.Dummy(str(a.symbol), **_param_flags(a)) for a in self.assumptions
                       if not isinstance(a.symbol, sp.IndexedBase)}
        self.domains = state_domains(model)
        self.states = {s: sp.Dummy(str(s), **_DOMAIN_FLAGS[self.domains[s]]) for s in model.state}
        #: Each draw symbol (a Multinomial's counts one by one) and its dummy; the key of its law.
        self.draws, self.key_of = {}, {}
        for key, law in model.draws.items():
            for d in (key if isinstance(key, tuple) else (key,)):
                self.draws[d] = sp.Dummy(str(d), **_SUPPORT_FLAGS[law.support])
                self.key_of[self.draws[d]] = key
        self.forward = {**self.params, **self.states, **self.draws}
        self.back = {v: k for k, v in self.forward.items()}
        # What depends on a state monomial alone, not on the target it was reached from (targets of
        # one model share functionals: the proof builder asks for E[KL] written as the kernel's
        # axiom states it, the theory for the same functional expanded). Per monomial: its one-step
        # expansion and row, the simplified row and initial value, its closed form (and as shown).
        self.one_steps, self.rows, self.initial, self.closed, self.presented = {}, {}, {}, {}, {}

    def inn(self, expr):
        return sp.sympify(expr).xreplace(self.forward)

    def out(self, expr):
        return sp.sympify(expr).xreplace(self.back)


#: Each model's state domains, inferred once per process (the engine, the proof builder and the
#: reference route all ask).
_DOMAINS = weakref.WeakKeyDictionary()


def state_domains(model) -> dict:
    """Each state variable's domain: declared, or inferred ("positive", "nonnegative", "unit", "real").
    The kernel checks the inferred domain is kept (initial value inside, update maps back into it)."""
    if model not in _DOMAINS:
        _DOMAINS[model] = _infer_domains(model)
    return dict(_DOMAINS[model])


def _infer_domains(model) -> dict:
    out = {}
    probs = set()
    for law in model.draws.values():
        if law.family == "Binomial":
            probs |= sp.sympify(law.args[1]).free_symbols & set(model.state)
        if law.family == "Multinomial":
            probs |= sp.Tuple(*law.args[1]).free_symbols & set(model.state)
    params = {a.symbol: sp.Dummy(str(a.symbol), **_param_flags(a)) for a in model.params
              if not isinstance(a.symbol, sp.IndexedBase)}
    for s in model.state:
        if s in model.declared_domains:
            out[s] = model.declared_domains[s]
            continue
        if s in probs:
            out[s] = "unit"
            continue
        for dom in ("positive", "nonnegative"):
            strict = dom == "positive"
            states = {x: sp.Dummy(str(x), **_DOMAIN_FLAGS[dom]) for x in model.state}
            draws = {d: sp.Dummy(str(d), **_SUPPORT_FLAGS[law.support]) for key, law in model.draws.items()
                     for d in (key if isinstance(key, tuple) else (key,))}
            init = sp.sympify(model.state[s]).xreplace(params)
            step = sp.sympify(model.step[s]).xreplace({**params, **states, **draws})
            if all(_sign_shown(model.params, params, e, strict) for e in (init, step)):
                out[s] = dom
                break
        else:
            out[s] = "real"
    return out


def _sign_shown(assumptions, params, expr, strict=True):
    """Whether sympy sees ``expr > 0`` (``>= 0``) for every parameter value (lower bounds as
    shifts, finite sets as cases)."""
    import itertools
    shifts, cases = {}, []
    for a in assumptions:
        if a.symbol not in params:
            continue
        if isinstance(a, IntegerAtLeast):
            shifts[params[a.symbol]] = sp.Dummy(integer=True, nonnegative=True) + a.lower
        elif isinstance(a, OneOf):
            cases.append([(params[a.symbol], v) for v in a.values])
    # A ceiling of x is x + u with u in [0, 1): shown for every such u, shown for the ceiling.
    expr = sp.sympify(expr).replace(sp.ceiling, lambda x: x + (lambda v: v / (1 + v))(sp.Dummy(nonnegative=True)))
    for combo in itertools.product(*cases) if cases else [()]:
        e = expr.xreplace({**shifts, **dict(combo)})
        verdict = e.is_positive if strict else e.is_nonnegative
        if verdict is None:
            e = sp.simplify(e)
            verdict = e.is_positive if strict else e.is_nonnegative
        if verdict is not True:
            return False
    return True


# --- pushing a monomial through one step -----------------------------------------------------------

def _split(term, ctx):
    """(coefficient, state monomial, {draw: factor}) of one product, or ValueError."""
    states, draws = set(ctx.states.values()), set(ctx.draws.values())
    coeff, mono, by_draw = [], [], {}
    factors = list(sp.Mul.make_args(term))
    while factors:
        f = factors.pop(0)
        syms = f.free_symbols
        if syms & (states | draws) and isinstance(f, sp.Pow) and isinstance(f.base, sp.Add):
            # expand multiplies out denominators, 1/(n s^2 - 3 s^2): factor them back.
            split = sp.factor(f)
            if isinstance(split, sp.Mul):
                factors += list(split.args)
                continue
        if syms & draws:
            d = syms & draws
            base = f.args[0] if isinstance(f, sp.log) else f.as_base_exp()[0]
            if len(d) != 1 or syms & states or base not in draws or (isinstance(f, sp.Pow) and f.exp.free_symbols
                                                                       & (states | draws)):
                raise ValueError(f"outside the class the engine closes: {ctx.out(f)} is not a power or a "
                                 "logarithm of one draw")
            (dd,) = d
            if dd in by_draw:
                raise ValueError(f"outside the class the engine closes: {ctx.out(by_draw[dd] * f)} mixes a "
                                 "power and a logarithm of one draw")
            by_draw[dd] = f
        elif syms & states:
            base = f.args[0] if isinstance(f, sp.log) else f.as_base_exp()[0]
            if base not in states or (isinstance(f, sp.Pow) and f.exp.free_symbols & states):
                raise ValueError(f"outside the class the engine closes: {ctx.out(f)} is not a power or a "
                                 "logarithm of one state variable")
            mono.append(f)
        else:
            coeff.append(f)
    return sp.Mul(*coeff), sp.Mul(*mono), by_draw


def _joint_moment(ctx, key, factors):
    """E[prod of powers of a Multinomial's counts] (non-negative integer powers only)."""
    law = ctx.model.draws[key]
    dist = type(law).__new__(type(law))
    dist.args = (ctx.inn(law.args[0]), tuple(ctx.inn(q) for q in law.args[1]))
    powers = []
    for d in key:
        f = factors.get(ctx.draws[d])
        if f is None:
            powers.append(0)
            continue
        m = f.as_base_exp()[1] if not isinstance(f, sp.log) else None
        if m is None or not (m.is_Integer and m >= 0):
            raise ValueError(f"outside the class: {ctx.out(f)} is not a non-negative integer power of a count")
        powers.append(int(m))
    return dist.joint_moment(powers)


def _draw_moment(ctx, d, factor):
    law = ctx.model.draws[ctx.key_of[d]]
    args = [ctx.inn(a) for a in law.args]
    dist = copy.copy(law)  # keeps what a draw carries beyond its arguments (cited moments)
    dist.args = tuple(args)
    if isinstance(factor, sp.log):
        if law.support != "positive":
            raise ValueError(f"outside the class: log of the {law.family} draw {ctx.back[d]}")
        return sp.gammasimp(dist.log_moment())
    m = factor.as_base_exp()[1]
    if m.is_Integer and m >= 0:
        return dist.moment(int(m))
    if law.support != "positive":
        raise ValueError(f"outside the class: the power {m} of the {law.family} draw {ctx.back[d]}")
    k = args[0] if law.family == "ChiSquare" else args[0]
    lower = -k / 2 if law.family == "ChiSquare" else -k
    if not _shown_positive(ctx, m - lower):
        raise ValueError(f"the moment of order {m} of {ctx.back[d]} ~ {law} exists only for {m} > {lower}")
    # Integer shifts of gamma functions cancel into rational functions (E[1/X] = 1/(k - 2)).
    return sp.factor(sp.gammasimp(sp.expand_func(dist.power_moment(m))))


def _shown_positive(ctx, expr):
    return _sign_shown(ctx.assumptions, ctx.params, expr, strict=True)


def _expand(expr):
    expr = sp.expand(sp.expand_log(sp.expand(expr, power_base=True, force=True), force=True), power_base=True,
                     force=True)
    return sp.expand(sp.powsimp(expr, combine="base", force=False))


def one_step(ctx, monomial):
    """(terms, {state monomial: coefficient}) for E[monomial(state_{t+1}) | state_t]."""
    stepped = monomial.xreplace({ctx.states[s]: ctx.inn(ctx.model.step[s]) for s in ctx.model.state})
    terms, out = [], {}
    for term in sp.Add.make_args(_expand(stepped)):
        coeff, mono, by_draw = _split(term, ctx)
        terms.append(Term(coeff, mono, by_draw))
        value = coeff * mono
        joint = {}
        for d, f in by_draw.items():
            if isinstance(ctx.key_of[d], tuple):  # a Multinomial's counts: one joint moment
                joint.setdefault(ctx.key_of[d], {})[d] = f
            else:
                value *= _draw_moment(ctx, d, f)
        for key, factors in joint.items():
            value *= _joint_moment(ctx, key, factors)
        for piece in sp.Add.make_args(_expand(value)):
            c, m, rest = _split(piece, ctx)
            if rest:
                raise ValueError("a draw's moment left a draw behind")
            out[m] = out.get(m, 0) + c
    return terms, out


def decompose(ctx, expr):
    """{state monomial: coefficient} of ``expr`` (internal symbols)."""
    out = {}
    for piece in sp.Add.make_args(_expand(expr)):
        c, m, rest = _split(piece, ctx)
        if rest:
            raise ValueError("expr: a functional of the state may not contain draws")
        out[m] = out.get(m, 0) + c
    return out


# --- solving the recurrence system ---------------------------------------------------------------

def _cases(model):
    return [a for a in model.params if isinstance(a, OneOf)]


def _holds(F, a, g, x0, t):
    check = sp.simplify(F.subs(t, 0) - x0) == 0 and sp.simplify(F.subs(t, t + 1) - a * F - g) == 0
    return check and not F.has(sp.zoo, sp.nan)


def _solve_scalar(a, g, x0, t, model, ctx):
    """Closed form of x_{t+1} = a x_t + g(t), x_0 = x0 (a free of t)."""
    v = sp.Function("v")
    sol = sp.rsolve(v(t + 1) - a * v(t) - g, v(t), {v(0): x0})
    if sol is None:
        raise ValueError(f"rsolve found no closed form for x(t+1) = {a} x(t) + {g}")
    sol = sp.simplify(sol) if sp.count_ops(sol) < 60 else sol
    cases = _cases(model)
    for c in cases:
        sym = ctx.params[c.symbol]
        branches, split = [], False
        for value in c.values:
            sub = {sym: value}
            F = sol.subs(sub)
            if F.has(sp.zoo, sp.nan) or not _holds(F, a.subs(sub), g.subs(sub), x0.subs(sub), t):
                F = sp.rsolve(v(t + 1) - a.subs(sub) * v(t) - g.subs(sub), v(t), {v(0): x0.subs(sub)})
                if F is None:
                    raise ValueError(f"rsolve found no closed form at {c.name} = {value}")
                split = True
            branches.append((F, sp.Eq(sym, value)))
        if split:  # (the branches are simplified only when they are kept)
            return sp.Piecewise(*[(sp.simplify(F), condition) for F, condition in branches])
    return sol


def _components(n, deps):
    """Strongly connected components of j -> i (i in deps[j]), dependencies first."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in deps[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            out.append(sorted(comp))
    for v in range(n):
        if v not in index:
            visit(v)
    return out


def solve_system(A, b, x0, t, model, ctx, known=None):
    """E[phi_j(state_t)] for m_{t+1} = A m_t + b, m_0 = x0, component by component; ``known`` gives
    the closed forms already solved (None where not), whose components are not solved again."""
    J = len(b)
    deps = [[i for i in range(J) if i != j and A[j][i] != 0] for j in range(J)]
    closed = list(known) if known is not None else [None] * J
    for comp in _components(J, deps):
        if all(closed[j] is not None for j in comp):
            continue
        if len(comp) == 1:
            (j,) = comp
            g = b[j] + sum((A[j][i] * closed[i] for i in deps[j]), sp.S.Zero)
            a = A[j][j]
            if a.has(t) or _varies(g, t):
                closed[j] = _telescoped(A, b, x0, closed, j, deps[j], t) or _solve_varying(a, g, x0[j], t)
            elif any(isinstance(x, sp.Indexed) for x in sp.preorder_traversal(a)):
                raise ValueError("schedule coefficients need a product form")
            else:
                try:
                    closed[j] = _solve_scalar(a, g, x0[j], t, model, ctx)
                except ValueError:
                    if not g.has(t):
                        raise
                    # rsolve finds no closed form for this inhomogeneous term: a sum over the generations.
                    closed[j] = _solve_varying(a, g, x0[j], t)
        else:
            M = sp.Matrix([[A[j][i] for i in comp] for j in comp])
            g = sp.Matrix([b[j] + sum((A[j][i] * closed[i] for i in deps[j] if i not in comp), sp.S.Zero)
                           for j in comp])
            if M.has(t) or g.has(t):
                raise ValueError("coupled functionals with generation-dependent terms are outside the engine")
            x = _solve_coupled(M, g, sp.Matrix([x0[j] for j in comp]), t, model, ctx)
            for k, j in enumerate(comp):
                closed[j] = x[k]
    return closed


def _varies(g, t):
    """Whether an inhomogeneous term depends on the generation through something rsolve cannot
    take (a product or sum over the generations, a schedule entry)."""
    return g.has(t) and g.has(sp.Product, sp.Sum, sp.Indexed)


def _telescoped(A, b, x0, closed, j, deps, t):
    """x_{t+1} = x_t + K (1 - a(t)) y_t with y_{t+1} = a(t) y_t (K free of t) telescopes:
    x_t = x_0 + K (y_0 - y_t). None when the system is not of that form."""
    if A[j][j] != 1 or b[j] != 0 or len(deps) != 1:
        return None
    (i,) = deps
    if b[i] != 0 or any(A[i][q] != 0 for q in range(len(b)) if q != i) or sp.simplify(1 - A[i][i]) == 0:
        return None
    K = sp.simplify(A[j][i] / (1 - A[i][i]))
    if K.has(t, sp.zoo, sp.nan, sp.oo, sp.Indexed):
        return None
    return x0[j] + K * (x0[i] - closed[i])


def _solve_varying(a, g, x0, t):
    """x_{t+1} = a(t) x_t + g(t), x_0 = x0, with coefficients that depend on the generation:
    x_t = x0 prod_{s<t} a(s) + sum_{s<t} g(s) prod_{s<r<t} a(r)."""
    taken = {x for e in (a, g) for x in sp.sympify(e).atoms(sp.Symbol)}
    s, r = [sp.Symbol(name, integer=True, nonnegative=True) for name in ("s", "r", "q", "u", "v") if
            sp.Symbol(name, integer=True, nonnegative=True) not in taken][:2]
    carried = sp.S.One if a == 1 else sp.Product(a.subs(t, r), (r, s + 1, t - 1))
    whole = sp.S.One if a == 1 else sp.Product(a.subs(t, s), (s, 0, t - 1))
    out = x0 * whole
    if g != 0:
        out += sp.Sum(g.subs(t, s) * carried, (s, 0, t - 1))
    return out


def _case_values(model, ctx, expr):
    """Each combination of the finite-set parameters (ddof in {0, 1}) that ``expr`` mentions."""
    import itertools
    cases = [c for c in _cases(model) if ctx.params.get(c.symbol) in sp.sympify(expr).free_symbols]
    return cases, list(itertools.product(*[[(ctx.params[c.symbol], v) for v in c.values] for c in cases]))


def _solve_coupled(M, g, x0, t, model, ctx):
    """x_{t+1} = M x_t + g for a coupled block, one case of the finite-set parameters at a time
    (their eigenvalues are often rational in one case and not in another): x_t = s + M^t (x0 - s)
    with the fixed point s = (I - M)^-1 g and, for a 2 x 2 block, M^t by Cayley-Hamilton,
    (r1^t (M - r2 I) - r2^t (M - r1 I)) / (r1 - r2) for the eigenvalues r1 != r2."""
    cases, combos = _case_values(model, ctx, M)
    if len(combos) > 1:
        pieces = [_solve_coupled(M.subs(dict(c)), g.subs(dict(c)), x0.subs(dict(c)), t, model, ctx) for c in combos]
        conditions = [sp.And(*[sp.Eq(k, v) for k, v in c]) for c in combos]
        return [sp.Piecewise(*[(p[k], cond) for p, cond in zip(pieces, conditions)]) for k in range(M.rows)]
    eye = sp.eye(M.rows)
    if M.rows != 2:
        P, D = M.diagonalize()
        Mt = P * sp.diag(*[D[k, k] ** t for k in range(D.rows)]) * P.inv()
        x = Mt * x0 + (eye - Mt) * (eye - M).inv() * g
        return [sp.simplify(e) for e in x]
    fixed = ((eye - M).inv() * g).applyfunc(sp.factor)
    trace, det = sp.factor(M.trace()), sp.factor(M.det())
    root = _square_root(trace**2 - 4 * det)
    if any(isinstance(p, sp.Pow) and p.exp == sp.S.Half
           for p in sp.preorder_traversal(root)):
        return _irrational_pair(M, fixed, x0, t, trace, root, ctx)
    r1, r2 = sp.factor((trace + root) / 2), sp.factor((trace - root) / 2)
    if sp.simplify(r1 - r2) == 0:
        raise ValueError("a coupled block with a repeated eigenvalue is outside the engine")
    start = x0 - fixed
    c1 = ((M - r2 * eye) * start / (r1 - r2)).applyfunc(sp.factor)
    c2 = (-(M - r1 * eye) * start / (r1 - r2)).applyfunc(sp.factor)
    return [fixed[k] + c1[k] * r1**t + c2[k] * r2**t for k in range(M.rows)]


def _irrational_pair(M, fixed, x0, t, trace, root, ctx):
    """x_t = s + C_t (x0 - s) + S_t N (x0 - s) for a 2 x 2 block whose eigenvalues r1, r2 = (trace +- q) / 2
    are irrational (q = r1 - r2 a square root): N = M - trace/2 I (so N^2 = q^2/4 I), C_t = (r1^t + r2^t)/2
    and S_t = (r1^t - r2^t)/q = (r1^t - r2^t) q / q^2. Every coefficient is rational in the parameters and
    q enters to the first power only, as one product of square roots of factors, so the identities an
    induction checks (C_{t+1} = trace/2 C_t + q^2/4 S_t, S_{t+1} = C_t + trace/2 S_t) reduce to 0 by
    putting them over one denominator and cancelling. Cayley-Hamilton's form with the roots' own square
    roots, factored apart differently in each coefficient, does not reduce (its base case already fails)."""
    eye = sp.eye(2)
    (radical,) = {p for p in sp.preorder_traversal(root) if isinstance(p, sp.Pow) and p.exp == sp.S.Half}
    scale = sp.cancel(root / radical)                   # q = scale * radical, scale rational
    square = sp.expand(radical.base)
    radical = _split_radical(square, ctx) or radical
    r1, r2 = trace / 2 + scale * radical / 2, trace / 2 - scale * radical / 2
    start = (x0 - fixed).applyfunc(sp.factor)
    turned = ((M - trace / 2 * eye) * start).applyfunc(sp.factor)
    even = (r1**t + r2**t) / 2
    odd = (r1**t - r2**t) * radical / (scale * sp.factor(square))
    return [fixed[k] + start[k] * even + turned[k] * odd for k in range(2)]


def _split_radical(square, ctx):
    """sqrt(square) as the product of the square roots of its irreducible factors, each shown >= 0 (or
    None): substituted values then stay small under each root, and sqrt(f)^2 = f term by term.
    sqrt(a b) = sqrt(a) sqrt(b) needs a, b >= 0, so a factor of unknown sign keeps the whole root."""
    coeff, factors = sp.factor_list(square)
    if coeff <= 0 or len(factors) < 2 or any(power % 2 == 0 for _, power in factors):
        return None
    shifts = {ctx.params[a.symbol]: sp.Dummy(integer=True, nonnegative=True) + a.lower for a in ctx.assumptions
              if isinstance(a, IntegerAtLeast) and a.symbol in ctx.params}
    out = sp.sqrt(coeff)
    for base, _ in factors:
        if sp.expand(base.xreplace(shifts)).is_nonnegative is not True:
            return None
        out *= sp.sqrt(base)
    return out


def _square_root(expr):
    """A square root of ``expr`` with its square factors taken out as they are: the sign of the
    root only swaps the two eigenvalues, which Cayley-Hamilton's formula does not mind."""
    num, den = sp.fraction(sp.factor(expr))
    out = sp.S.One
    rest = sp.S.One
    for part, power in ((num, 1), (den, -1)):
        coeff, factors = sp.factor_list(part)
        rest *= coeff ** power
        for base, e in factors:
            out *= base ** ((e // 2) * power)
            rest *= base ** ((e % 2) * power)
    # One square root of a polynomial: sqrt(P / Q) = sqrt(P Q) / Q.
    num, den = sp.fraction(sp.together(rest))
    return out * sp.sqrt(sp.expand(num * den)) / den


# --- the public entry points ----------------------------------------------------------------------

_DERIVED: dict = {}


def derive(model, target, assumptions=None) -> MomentSystem:
    """The :class:`MomentSystem` for E[target(state_t)]; ValueError when outside the engine's class.
    ``assumptions``: a result's own (they may narrow the model's parameters). Each system is
    derived once per process (the proof builder asks again for what the theory derived)."""
    key = (id(model), sp.srepr(sp.sympify(target)), tuple(a.describe() for a in (assumptions or ())))
    if key not in _DERIVED:
        _DERIVED[key] = _derive(model, target, assumptions)
    return _DERIVED[key]


def _closure(ctx, target):
    """(decomposition of the target, basis, one-step expansions, rows): the smallest set of state
    monomials containing the target's that the one-step conditional expectation maps into its span."""
    start = decompose(ctx, ctx.inn(target))
    basis, expansions, rows = [], [], []
    queue = [m for m in start if m != 1]
    while queue:
        m = queue.pop(0)
        if m in basis:
            continue
        basis.append(m)
        if len(basis) > MAX_BASIS:
            raise ValueError(f"expr: E[{target}] does not close on {MAX_BASIS} functionals of the state "
                             f"(outside the class the engine closes)")
        if m not in ctx.one_steps:
            ctx.one_steps[m] = one_step(ctx, m)
        terms, row = ctx.one_steps[m]
        expansions.append(terms)
        rows.append(row)
        queue += [k for k in row if k != 1 and k not in basis and k not in queue]
    return start, basis, expansions, rows


_CONTEXTS: dict = {}


def _context(model, assumptions) -> _Internal:
    """The internal symbols of ``model`` under ``assumptions``, one per process, so that the
    systems derived for different targets share their functionals' expansions and closed forms."""
    key = (model, tuple(a.describe() for a in (assumptions or ())))
    if key not in _CONTEXTS:
        _CONTEXTS[key] = _Internal(model, assumptions)
    return _CONTEXTS[key]


@functools.lru_cache(maxsize=None)
def _functional_basis(model, target, assumptions):
    ctx = _context(model, assumptions)
    return [ctx.out(m) for m in _closure(ctx, target)[1]]


def functional_basis(model, target, assumptions=None) -> list:
    """The functionals E[target(state_t)] closes on (the model's symbols, the constant left out),
    without solving anything: the choice of functionals the numerical reference route shares."""
    return list(_functional_basis(model, sp.sympify(target), tuple(assumptions or ())))


def _derive(model, target, assumptions=None) -> MomentSystem:
    ctx = _context(model, assumptions)
    t = generation
    start, basis, expansions, rows = _closure(ctx, target)
    J = len(basis)
    for m, row in zip(basis, rows):
        if m not in ctx.rows:
            ctx.rows[m] = {k: sp.simplify(v) for k, v in row.items()}
            ctx.initial[m] = sp.simplify(m.xreplace({ctx.states[s]: ctx.inn(model.state[s]) for s in model.state}))
    A = [[ctx.rows[basis[j]].get(basis[i], sp.S.Zero) for i in range(J)] for j in range(J)]
    b = [ctx.rows[basis[j]].get(sp.S.One, sp.S.Zero) for j in range(J)]
    x0 = [ctx.initial[m] for m in basis]
    closed = solve_system(A, b, x0, t, model, ctx, known=[ctx.closed.get(m) for m in basis]) if J else []
    ctx.closed.update(zip(basis, closed))
    weights = [start.get(m, 0) for m in basis]
    constant = start.get(sp.S.One, 0)
    value = constant + sum((w * F for w, F in zip(weights, closed)), sp.S.Zero)
    value = _present(ctx.out(value))
    out = lambda xs: [ctx.out(x) for x in xs]  # noqa: E731

    def presented(m, F):
        if m not in ctx.presented:
            ctx.presented[m] = _present(ctx.out(F))
        return ctx.presented[m]
    return MomentSystem(model, target, out(basis),
                        [[Term(ctx.out(tm.coefficient), ctx.out(tm.monomial),
                               {ctx.back[d]: ctx.out(f) for d, f in tm.draws.items()}) for tm in terms]
                         for terms in expansions],
                        [out(row) for row in A], out(b), out(x0), [presented(m, F) for m, F in zip(basis, closed)],
                        out(weights), ctx.out(constant), value)


def _simplify(expr):
    """``sp.simplify(expr)``, computed once per expression and process."""
    return _simplified(sp.sympify(expr))


#: Presenting the closed forms of several targets of one model simplifies the same coefficients and
#: exponents again (sympy's simplify is a function of its input); bounded, as a long run declaring
#: many models would otherwise keep every expression it ever met.
@functools.lru_cache(maxsize=8192)
def _simplified(expr):
    return sp.simplify(expr)


def collect_geometric(expr, t=generation):
    """Each term as coefficient * base**t with one base per term (bases like (n - 1)/(n - ddof)),
    like terms collected: how a researcher writes a geometric closed form."""
    from .recurrences import tidy_geometric
    expr = sp.expand(sp.sympify(expr), power_exp=True, mul=True, multinomial=False, log=False)
    groups = {}
    for term in sp.Add.make_args(expr):
        coeff, base = [], sp.S.One
        for f in sp.Mul.make_args(term):
            b, e = f.as_base_exp()
            rate = _simplify(e / t) if e.has(t) else 0
            if e.has(t) and not rate.has(t) and not b.has(t):
                base *= b ** rate
            else:
                coeff.append(f)
        base = sp.factor(sp.gammasimp(sp.powsimp(base, force=False))) if base != 1 else base
        groups[base] = groups.get(base, 0) + sp.Mul(*coeff)
    out = sp.S.Zero
    for base, coeff in groups.items():
        coeff = sp.factor_terms(_simplify(sp.gammasimp(coeff)))
        out += coeff * (tidy_geometric(base ** t) if base != 1 else 1)
    return out


def _present(expr):
    from .recurrences import tidy_geometric
    expr = sp.sympify(expr)
    if isinstance(expr, sp.Piecewise):
        return sp.Piecewise(*[(_present(e), c) for e, c in expr.args])
    try:
        if expr.has(generation) and not expr.has(sp.Product, sp.Sum, sp.Piecewise):
            # Irrational eigenvalues (a square root in a base) stay as the solver wrote them.
            if any(p.exp.has(generation) and any(isinstance(q, sp.Pow) and q.exp == sp.S.Half
                                                 for q in sp.preorder_traversal(p.base)) for p in expr.atoms(sp.Pow)):
                return expr
            out = collect_geometric(expr)
            # a^t b^t = (ab)^t for an integer t: merged bases can show terms that cancel (E[KL] does not
            # depend on mu0); the merged form is used when a symbol drops out and sympy agrees.
            merged = _pair_constant(collect_geometric(sp.powsimp(expr, force=True, combine="base")))
            # Two sums of m geometric and polynomial terms in t that agree at m consecutive integers agree.
            points = range(len([p for p in (merged - out).atoms(sp.Pow) if p.exp.has(generation)]) + 4)
            if merged.free_symbols < out.free_symbols and \
                    all(_simplify((merged - out).subs(generation, k)) == 0 for k in points):
                return merged
            return out
        return tidy_geometric(expr)
    except (TypeError, ValueError, sp.PolynomialError):
        return expr


def _pair_constant(expr, t=generation):
    """``c b^t + (polynomial in t)`` with the polynomial's coefficients simplified, and c (b^t - 1) when
    the constant is -c (the form vanishes at t = 0): how a researcher groups a geometric closed form."""
    geometric, rest = [], sp.S.Zero
    for term in sp.Add.make_args(sp.expand_log(expr, force=True)):
        if any(p.exp.has(t) for p in term.atoms(sp.Pow)):
            geometric.append(term)
        else:
            rest += term
    rest = sp.expand(sp.expand_log(rest, force=True))
    if rest.has(t) and not rest.is_polynomial(t):
        return expr
    slope, constant = [sp.factor(_simplify(c)).replace(lambda e: isinstance(e, sp.polygamma), lambda e: sp.polygamma(
        e.args[0], sp.factor(e.args[1]))) for c in (rest.coeff(t, 1), rest.coeff(t, 0))]
    if _simplify(rest - slope * t - constant) != 0:
        return expr
    if len(geometric) == 1:
        c, power = geometric[0].as_independent(t, as_Add=False)
        if _simplify(c + constant) == 0:
            return sp.factor(c) * (power - 1) + slope * t
    return sp.Add(*geometric) + slope * t + constant


def _sequence_evaluator(result, values, expr=None):
    """Evaluate a closed form with a schedule parameter: each product or sum over the generations
    is run term by term in mpmath with the schedule's entries, the rest lambdified."""
    import mpmath
    expr = result.closed_form if expr is None else expr
    tt = int(values["t"])
    scalars = {a.symbol: values[a.name] for a in result.assumptions
               if not isinstance(a.symbol, sp.IndexedBase) and a.symbol != generation}
    sequences = {a.symbol: values[a.name] for a in result.assumptions if isinstance(a.symbol, sp.IndexedBase)}
    for base, seq in sequences.items():
        if tt > len(seq):
            raise ValueError(f"t must be <= len({base}) = {len(seq)}, got {tt}")
    entry = sp.Dummy("entry")

    def run(node):
        (s, lo, hi), f = node.limits[0], node.function
        lo, hi = int(sp.sympify(lo).subs(generation, tt)), int(sp.sympify(hi).subs(generation, tt))
        entries = {a for a in f.atoms(sp.Indexed) if a.base in sequences}
        if len(entries) > 1 or any(a.indices != (s,) for a in entries):
            raise ValueError(f"cannot evaluate {node}")
        base = next(iter(entries)).base if entries else None
        g = sp.lambdify((entry, s, *scalars), f.xreplace({a: entry for a in entries}), modules="mpmath")
        terms = [g(mpmath.mpf(int(sequences[base][j])) if base is not None else 0, j, *scalars.values())
                 for j in range(lo, hi + 1)]
        total = mpmath.fprod(terms) if isinstance(node, sp.Product) else mpmath.fsum(terms)
        return sp.Float(total, mpmath.mp.dps)

    e = sp.sympify(expr).replace(lambda x: isinstance(x, (sp.Product, sp.Sum)), run).subs(generation, tt)
    f = sp.lambdify(tuple(scalars), e, modules="mpmath")
    return mpmath.mpf(f(*scalars.values()))


# --- quantities: expressions over expectations, variances and named functionals ------------------

def _definitions():
    """Named functionals and their expansions (derived by integration in :mod:`.lemmas`), with the
    kernel axiom that states each."""
    from . import lemmas
    from .symbols import HN, KLN, W2sq
    return {HN: ("gaussian_entropy", lemmas.gaussian_entropy), W2sq: ("gaussian_w2", lemmas.gaussian_w2sq),
            KLN: ("gaussian_kl", lemmas.gaussian_kl)}


def expand_definitions(expr):
    """``expr`` with Var[Y] written as E[Y^2] - E[Y]^2 and each named functional by its definition."""
    from .symbols import E, Var
    defs = _definitions()
    expr = sp.sympify(expr).replace(lambda e: isinstance(e, Var), lambda e: E(e.args[0] ** 2) - E(e.args[0]) ** 2)
    return expr.replace(lambda e: type(e) in defs, lambda e: defs[type(e)][1](*e.args))


def _with_totals(model, expr):
    """Finite sums split by linearity, and each vector parameter's stated total used (sum p0 = 1)."""
    totals = {}
    for a in model.params:
        if type(a).__name__ == "ProbabilityVector":
            for i, (lo, hi) in model.indices.items():
                totals[sp.Sum(a.symbol[i], (i, lo, hi))] = sp.S.One
    if not totals:
        return expr
    from .expectation import split_sums
    return sp.expand(split_sums(sp.expand(expr))).xreplace(totals)


@dataclass
class Quantity:
    """E-atoms of an expanded quantity, each with the engine's system, and the closed form."""

    lhs: Any                     # as stated (with State atoms)
    expanded: Any                # definitions expanded
    systems: dict                # functional (model symbols) -> MomentSystem
    value: Any


def split_over_index(model, arg):
    """``arg`` = c0 + sum_k c_k Sum(f_k, (i, lo, hi)) + g, for linearity: (c0, [(c_k, Sum_k)], g)."""
    sums, rest = [], sp.S.Zero
    for term in sp.Add.make_args(sp.expand(arg)):
        found = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.Sum)]
        if found:
            (S,) = found
            if S.limits[0][0] not in model.indices:
                raise ValueError(f"expr: sums run over the model's index, not {S.limits[0][0]}")
            sums.append((sp.Mul(*[f for f in sp.Mul.make_args(term) if f is not S]), S))
        else:
            rest += term
    return sums, rest


def derive_quantity(model, lhs, assumptions=None) -> Quantity:
    from .symbols import E, State
    back = {v: k for k, v in model.at().items()}
    expanded = expand_definitions(lhs)
    systems, values = {}, {}
    for atom in sorted(expanded.atoms(E), key=sp.default_sort_key):
        sums, rest = split_over_index(model, atom.args[0])
        value = sp.S.Zero
        for coeff, S in sums:
            f = S.function.xreplace(back)
            systems[f] = derive(model, f, assumptions)
            value += coeff * sp.Sum(systems[f].value, *S.limits)
        f = rest.xreplace(back)
        if f.atoms(State):
            raise ValueError(f"expr: {atom} mentions a random quantity at another generation")
        if f.free_symbols & set(model.state):
            systems[f] = derive(model, f, assumptions)
            value += systems[f].value
        else:
            value += f
        values[atom] = _with_totals(model, value)
    value = sp.piecewise_fold(expanded.xreplace(values))
    return Quantity(lhs, expanded, systems, _present(value))


def expectation_result(model, expr, id, title=None, summary="", references=(), assumptions=None, lhs=None,
                       claims=None):
    """A :class:`Result` for E[expr(state_t)] (or for ``lhs``, an expression in expectations,
    variances and named functionals of the state at t) under ``model``; not yet registered."""
    from .symbols import E

    if not isinstance(id, str) or not id.startswith(model.family + "."):
        raise ValueError(f"id must start with {model.family + '.'!r}, got {id!r}")
    shown = model.at()
    if lhs is None:
        expr = sp.sympify(expr)
        extra = expr.free_symbols - set(model.state) - {a.symbol for a in model.params} - set(model.indices) - {
            x for a in model.params if isinstance(a.symbol, sp.IndexedBase) for x in (a.symbol.label,)}
        if extra:
            raise ValueError(f"expr uses {sorted(map(str, extra))}, which is neither state nor parameter")
        lhs = E(expr.xreplace(shown))
    else:
        lhs = sp.sympify(lhs).xreplace(shown)

    def derive_it():
        from .printing import text as printed
        q = derive_quantity(model, lhs, assumptions)
        steps = [DerivationStep(f"One-step law of {model.name}: " + ", ".join(
                     f"{s}' = {printed(model.step[s])}" for s in model.state) + "; draws " + ", ".join(
                     f"{d} ~ {law!r}" for d, law in model.draws.items()), None)]
        if q.expanded != lhs:
            steps.append(DerivationStep("Expand the definitions", sp.Eq(lhs, q.expanded)))
        for f, system in q.systems.items():
            for phi, row_a, off in zip(system.basis, system.matrix, system.offset):
                rhs = off + sum((a * p.xreplace(shown) for a, p in zip(row_a, system.basis)), sp.S.Zero)
                steps.append(DerivationStep("Push through one step, expand, replace each draw's factor by its "
                                            "moment", sp.Eq(E(phi.xreplace(shown).subs(generation, generation + 1)),
                                                            E(rhs))))
            for phi, F in zip(system.basis, system.closed):
                steps.append(DerivationStep("Solve the linear recurrence system", sp.Eq(E(phi.xreplace(shown)), F)))
        steps.append(DerivationStep("Combine by linearity", sp.Eq(lhs, q.value)))
        d = Derivation(sp.Eq(lhs, q.value), q.value, steps)
        d.facts["quantity"] = q
        if claims is not None:
            # Claims are stated from the derived closed form (a ratio, a drift, a limit) and come
            # with the recipe of their proof.
            for name, claim in claims(d).items():
                if isinstance(claim, Remark):
                    d.remarks[name] = claim.relation
                else:
                    d.claims[name] = claim.relation
                    d.facts.setdefault("recipes", {})[name] = claim
                d.steps.append(DerivationStep(claim.text or f"Claim {name}", claim.relation))
        return d

    stated = tuple(assumptions) if assumptions is not None else model.assumptions
    sequences = any(isinstance(a.symbol, sp.IndexedBase) for a in stated)
    r = Result(id, title or f"{sp.sstr(lhs)} after t generations", model.family, stated, derive_it,
               references=tuple(references) or model.references, summary=summary,
               evaluator=_sequence_evaluator if sequences else None)
    r.model = model
    r.target = lhs
    return r


def theorem_result(model, id, title, derive, assumptions, references=(), summary="", evaluator=None):
    """A :class:`Result` whose statement a recipe proves under ``model``'s law (beyond the moment
    engine: a conditional moment of symbolic order, say). ``derive()`` returns a Derivation with
    ``facts["recipe"]``, a :class:`~modelcollapse.theory.recipes.Claim` for the statement."""
    if not isinstance(id, str) or not id.startswith(model.family + "."):
        raise ValueError(f"id must start with {model.family + '.'!r}, got {id!r}")
    r = Result(id, title, model.family, tuple(assumptions), derive, references=tuple(references) or model.references,
               summary=summary, evaluator=evaluator)
    r.model = model
    r.target = None
    return r

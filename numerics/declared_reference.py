"""The reference route of a declared model: its one-step conditional expectation, numerically.

For a result E[f(state_t)] of a :class:`~modelcollapse.theory.model.Model`, this module
computes the value at high precision from the declaration alone, sharing no symbolic algebra
with the derivation engine. It may share the engine's *choice* of functionals phi_1..phi_J
(the basis the one-step law maps into its own span); everything else is numerical:

1. At R > J + 1 state points x_r (a Halton sequence inside the state's domain) it computes the
   one-step conditional expectations E[phi_k(x') | x = x_r] by quadrature or exact
   enumeration of the draws' laws, at the parameters' numerical values: Gauss-Hermite for a
   normal draw, a double-exponential trapezoidal rule for a gamma or chi-square draw (step
   halved until its probes agree), the probability mass function for Poisson, binomial and
   multinomial draws. Independent draws give a product rule. No moment of any draw is used.
2. It solves for the one-step matrix B with E[phi(x') | x] = B phi(x) on (1, phi_1..phi_J) by
   least squares over the R points (minimum norm, through the singular value decomposition); a
   relative residual above 10^-(dps/2) means the functionals do not close numerically, and is
   an error, never an approximation. Coefficients at the quadrature's noise level are zero.
3. It iterates the moment vector m_{s+1} = B_s m_s from m_0 = phi(state_0) for s < t (a new
   B_s whenever the law changes with the generation, e.g. a schedule n_s; a constant B is raised
   to the power t by repeated squaring beyond :data:`MAX_ITERATED`), and reads
   E[f(state_t)] from the coefficients of f on the basis (fitted at the same points).

A quadrature's accuracy is checked once per matrix: at the first state point the expectations
are recomputed with every rule refined (up to :data:`MAX_LEVEL` times), and the coarsest level
that agrees with the next to dps + 3 digits is used. Everything runs with :data:`GUARD_DIGITS`
extra digits, and a sum that cancels is recomputed with the digits it lost
(:func:`cancellation_safe`).

Examples
--------
The Poisson refit theta' = S / n, S ~ Poisson(n theta): E[theta_t^2] = lam^2 + lam t / n.

>>> import mpmath, sympy as sp
>>> from modelcollapse.theory.assumptions import IntegerAtLeast, PositiveReal
>>> from modelcollapse.theory.distributions import Poisson
>>> from modelcollapse.theory.model import Model
>>> n, lam, theta, S = sp.symbols("n lam theta S")
>>> m = Model("doctest_reference_poisson", params=[IntegerAtLeast("n", n, 1), PositiveReal("lam", lam)],
...           state={theta: lam}, draws={S: Poisson(n * theta)}, step={theta: S / n})
>>> value = model_expectation(m, theta**2, dict(n=10, lam=2.0), t=7, dps=30)
>>> mpmath.nstr(value, 20)
'5.4'
>>> m.forget()
"""

from __future__ import annotations

import functools
import itertools

import mpmath
import sympy as sp

from modelcollapse.theory.assumptions import IntegerSequence
from modelcollapse.theory.model import draw_symbols
from modelcollapse.theory.symbols import t as generation

#: Most generations iterated one by one; beyond, a constant one-step matrix is raised to the power t
#: (by repeated squaring: about 2 log2(t) matrix products instead of t, and as accurate).
MAX_ITERATED = 16
#: Extra state points beyond the number of functionals (they make the closure check possible).
EXTRA_POINTS = 2
#: Guard digits carried beyond the requested precision.
GUARD_DIGITS = 15
#: Most working precision a cancelling sum is recomputed with, in multiples of the requested digits.
MAX_DIGITS_FACTOR = 8
#: Most refinements of the quadrature rules (each doubles the normal nodes and halves the gamma step).
MAX_LEVEL = 4


def _closure_tol(dps):
    """Largest relative residual of the least-squares fit accepted as closed (half the digits)."""
    return mpmath.mpf(10) ** (-max(dps // 2, 8))


def _quadrature_tol(dps):
    """Largest relative difference between two levels of the quadrature rules accepted."""
    return mpmath.mpf(10) ** (-(dps + 3))


# --- quadrature rules for the draws' laws ----------------------------------------------------------

@functools.lru_cache(maxsize=32)
def _hermite(nodes, dps):
    """Gauss-Hermite rule for the standard normal (probabilists' polynomials He_k): exact for
    polynomials of degree < 2 * nodes. Double-precision roots polished by Newton's method on the
    three-term recurrence; weights N! / (N He_{N-1}(x))^2."""
    import numpy as np
    with mpmath.workdps(dps):
        def he(x):
            previous, current = mpmath.mpf(1), x
            for k in range(1, nodes):
                previous, current = current, x * current - k * previous
            return current, previous  # He_N(x), He_{N-1}(x)
        out = []
        for guess in np.polynomial.hermite_e.hermegauss(nodes)[0]:
            x = mpmath.mpf(float(guess))
            for _ in range(100):
                value, below = he(x)
                dx = value / (nodes * below)
                x -= dx
                if abs(dx) < mpmath.mpf(10) ** (-dps) * max(1, abs(x)):
                    break
            _, below = he(x)
            out.append((x, mpmath.factorial(nodes) / (nodes * below) ** 2))
        return tuple(out)


def _gamma_rule_at(shape, step, dps):
    """Double-exponential trapezoidal rule for Gamma(shape, 1): x = shape exp(v - exp(-v)).

    The integrand, any power or logarithm of x times the density, then decays double
    exponentially at both ends of the v-line, so the trapezoidal sum converges geometrically."""
    log_shape, norm = mpmath.log(shape), mpmath.loggamma(shape)
    cutoff = -(dps + 20) * mpmath.log(10)
    right = int(mpmath.ceil(mpmath.log(10 + 60 / mpmath.sqrt(shape) + 200 / shape) / step)) + 2
    left = int(mpmath.ceil(mpmath.log(40 * (dps + 20) / min(shape, 1)) / step)) + 2
    out = []
    for j in range(-left, right + 1):
        v = j * step
        u = v - mpmath.exp(-v)
        x = shape * mpmath.exp(u)
        log_w = shape * (log_shape + u) - x - norm + mpmath.log1p(mpmath.exp(-v)) + mpmath.log(step)
        # Negligible even against x^12 on the right, and on the left against x^-(shape - 1/4),
        # about the most negative power with a finite expectation.
        if log_w + (12 * u if u > 0 else (shape - mpmath.mpf(1) / 4) * -u) < cutoff:
            continue
        out.append((x, mpmath.exp(log_w)))
    return out


@functools.lru_cache(maxsize=256)
def _gamma_rule(shape_str, dps, level):
    """The rule for Gamma(shape, 1), its step halved until the probes 1, log x, x, x^2 and
    x^(-shape/2) agree between consecutive steps to the working precision; ``level`` halves more."""
    step, rules = _gamma_rules(shape_str, dps)
    if level < len(rules):  # the converged rule and the finer one that confirmed it
        return rules[level]
    with mpmath.workdps(dps):
        return tuple(_gamma_rule_at(mpmath.mpf(shape_str), step / 2**level, dps))


@functools.lru_cache(maxsize=128)
def _gamma_rules(shape_str, dps):
    """The converged step of :func:`_gamma_rule` and the rules at levels 0 and 1 (the search for
    the step computes both; every level of one shape shares it)."""
    with mpmath.workdps(dps):
        shape = mpmath.mpf(shape_str)
        probes = [lambda x: 1, mpmath.log, lambda x: x, lambda x: x * x, lambda x: x ** (-shape / 2)]

        def integrate(rule):
            return [mpmath.fsum(w * g(x) for x, w in rule) for g in probes]
        step = min(mpmath.mpf(1) / 4, 1 / mpmath.sqrt(shape))
        rule = _gamma_rule_at(shape, step, dps)
        before = integrate(rule)
        tol = mpmath.mpf(10) ** (-(dps - GUARD_DIGITS + 5))
        for _ in range(12):
            finer = _gamma_rule_at(shape, step / 2, dps)
            now = integrate(finer)
            if all(abs(a - b) <= tol * max(1, abs(b)) for a, b in zip(before, now)):
                break  # the coarser rule is already accurate to tol
            step, rule, before = step / 2, finer, now
        else:
            raise ValueError(f"the quadrature of Gamma({mpmath.nstr(shape, 8)}) did not converge")
        return step, (tuple(rule), tuple(finer))


def _poisson_rule(rate, dps):
    if rate < 0:
        raise ValueError(f"a Poisson rate is negative ({mpmath.nstr(rate, 8)})")
    if rate == 0:
        return ((mpmath.mpf(0), mpmath.mpf(1)),)
    eps = mpmath.mpf(10) ** (-(dps + 25))
    out, pmf, k = [], mpmath.exp(-rate), 0
    while True:
        out.append((mpmath.mpf(k), pmf))
        k += 1
        pmf = pmf * rate / k
        if k > rate and pmf < eps:
            return tuple(out)


def _integer_trials(trials):
    if trials < 0 or abs(trials - mpmath.nint(trials)) > mpmath.mpf(10) ** -10:
        raise ValueError(f"trials must be a non-negative integer, got {mpmath.nstr(trials, 8)}")
    return int(mpmath.nint(trials))


def _binomial_rule(trials, p):
    N = _integer_trials(trials)
    if not 0 <= p <= 1:
        raise ValueError(f"a binomial probability is outside [0, 1] ({mpmath.nstr(p, 8)})")
    return tuple((mpmath.mpf(c), mpmath.binomial(N, c) * p**c * (1 - p) ** (N - c)) for c in range(N + 1))


def _compositions(total, parts):
    if parts == 1:
        yield (total,)
        return
    for first in range(total + 1):
        for rest in _compositions(total - first, parts - 1):
            yield (first,) + rest


def _multinomial_rule(trials, probs):
    """Exact enumeration of the Multinomial(trials, probs) counts (a node is a tuple of counts)."""
    N = _integer_trials(trials)
    if any(not 0 <= q <= 1 for q in probs) or abs(mpmath.fsum(probs) - 1) > mpmath.mpf(10) ** -10:
        raise ValueError("multinomial probabilities must lie in [0, 1] and sum to 1")
    out = []
    for counts in _compositions(N, len(probs)):
        weight = mpmath.factorial(N)
        for c, q in zip(counts, probs):
            weight *= q**c / mpmath.factorial(c)
        out.append((tuple(mpmath.mpf(c) for c in counts), weight))
    return tuple(out)


def _cited_mean_rule(law, args):
    """A draw known only by its mean: one node at the mean, computed numerically from the draw's
    definition (``law.numeric``). It is exact for what the engine may ask of such a draw (functionals
    linear in it); a draw with more cited moments has no rule here."""
    if set(law.moments) != {1} or 1 not in law.numeric:
        raise ValueError(f"draws: no reference rule for {law!r} (a rule needs its mean computed numerically "
                         "and no higher cited moment)")
    return ((law.numeric[1](*args), mpmath.mpf(1)),)


def draw_rule(family, args, dps, level=0):
    """Nodes and weights of a rule for E[g(D)], D from ``family`` with numerical ``args``;
    ``level`` > 0 refines a quadrature rule (enumerations are exact)."""
    if family == "Normal":
        mean, variance = args
        if variance < 0:
            raise ValueError(f"a normal variance is negative ({mpmath.nstr(variance, 8)})")
        scale = mpmath.sqrt(variance)
        return tuple((mean + scale * z, w) for z, w in _hermite(4 * 2**level, dps))
    if family in ("Gamma", "ChiSquare"):
        shape, scale = (args[0] / 2, mpmath.mpf(2)) if family == "ChiSquare" else args
        if shape <= 0 or scale <= 0:
            raise ValueError(f"a {family} draw has a non-positive argument at this state")
        return tuple((scale * x, w) for x, w in _gamma_rule(mpmath.nstr(shape, dps + 5), dps, level))
    if family == "Poisson":
        return _poisson_rule(args[0], dps)
    if family == "Binomial":
        return _binomial_rule(*args)
    if family == "Multinomial":
        return _multinomial_rule(args[0], args[1])
    if family == "CitedMoments":
        return _cited_mean_rule(*args)
    raise ValueError(f"draws: no reference rule for the {family} family")


# --- the declaration, compiled for mpmath ------------------------------------------------------------

class _Compiled:
    """The model's expressions lambdified for mpmath over (state, draws, parameters, entries).

    Entries are the indexed parameters an expression reads (a schedule entry ``ns[t]``, a
    category's initial share ``p0[i]``), passed in as numbers at each generation and index."""

    def __init__(self, model, basis):
        self.model = model
        self.states = list(model.state)
        self.draws = list(model.draws)  # the laws' keys (a Multinomial's: a tuple of count symbols)
        self.scalars = [a for a in model.params if not isinstance(a.symbol, sp.IndexedBase)]
        self.vectors = {a.symbol: a for a in model.params if isinstance(a.symbol, sp.IndexedBase)}
        self.basis = [sp.S.One] + list(basis)
        self.indices = list(model.indices)
        exprs = [model.state[s] for s in self.states] + [model.step[s] for s in self.states] + list(basis)
        for law in model.draws.values():
            exprs += self._flat_args(law)
        self.entries = sorted({e for x in exprs for e in sp.sympify(x).atoms(sp.Indexed)
                               if e.base in self.vectors}, key=sp.default_sort_key)
        self.entry_symbols = [sp.Dummy(f"entry{k}") for k in range(len(self.entries))]
        self.scalar_symbols = [a.symbol for a in self.scalars]
        common = self.scalar_symbols + [generation] + self.indices + self.entry_symbols

        def compile_(symbols, exprs_):
            exprs_ = [sp.sympify(x).xreplace(dict(zip(self.entries, self.entry_symbols))) for x in exprs_]
            return sp.lambdify(symbols + common, exprs_, modules="mpmath", cse=True)
        self.initial = compile_([], [model.state[s] for s in self.states])
        # The functionals at the next state, as functions of the state and the draws (the update
        # substituted, nothing simplified).
        self.next_basis = compile_(self.states + draw_symbols(model),
                                   [sp.sympify(b).xreplace(model.step) for b in self.basis])
        self.basis_fn = compile_(self.states, self.basis)
        self.law_args = {d: compile_(self.states, self._flat_args(model.draws[d])) for d in self.draws}
        self.state_dependent = {d: bool(set().union(*(sp.sympify(a).free_symbols for a in self._flat_args(
            model.draws[d]))) & set(self.states)) for d in self.draws}
        watched = [model.step[s] for s in self.states] + [a for d in self.draws for a in self._flat_args(
            model.draws[d])] + list(basis)
        self.generation_dependent = any(generation in sp.sympify(x).free_symbols for x in watched)
        # t itself, not only through a schedule's entry ns[t]:
        plain = [sp.sympify(x).xreplace(dict(zip(self.entries, self.entry_symbols))) for x in watched]
        self.explicit_generation = any(generation in x.free_symbols for x in plain)
        used = set().union(*(sp.sympify(x).free_symbols for x in watched)) | {
            e.base for x in watched for e in sp.sympify(x).atoms(sp.Indexed)}
        #: The parameters the one-step law and the functionals read (the matrix depends on these only).
        self.law_names = tuple(a.name for a in model.params if a.symbol in used)

    @staticmethod
    def _flat_args(law):
        out = []
        for a in law.args:
            out += list(a) if isinstance(a, tuple) else [a]
        return out

    def common(self, values, g, index):
        """The numbers for (parameters, t, indices, entries) at generation g and index values."""
        env = {a.symbol: values[a.name] for a in self.scalars}
        env[generation] = g
        env.update(index)
        numbers = [env[s] for s in self.scalar_symbols] + [mpmath.mpf(g)] + [index[i] for i in self.indices]
        for e in self.entries:
            position = [int(sp.sympify(x).xreplace(env)) for x in e.indices]
            a = self.vectors[e.base]
            seq = values[a.name]
            k = position[0] if isinstance(a, IntegerSequence) else position[0] - 1  # p0[i] counts from 1
            if len(position) != 1:
                raise ValueError(f"{a.name}: an entry takes one index, got {e}")
            # Past the schedule's end: nothing reads it unless the law is stepped there.
            numbers.append(mpmath.mpf(seq[k]) if 0 <= k < len(seq) else mpmath.nan)
        return numbers

    def law(self, d, state, common):
        family = self.model.draws[d].family
        flat = self.law_args[d](*state, *common)
        if family == "Multinomial":
            return family, (flat[0], flat[1:])
        if family == "CitedMoments":
            return family, (self.model.draws[d], tuple(flat))
        return family, tuple(flat)


# --- the one-step matrix ---------------------------------------------------------------------------

def _halton(k, base):
    out, f = mpmath.mpf(0), mpmath.mpf(1)
    while k:
        f /= base
        out += f * (k % base)
        k //= base
    return out


_PRIMES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)


def _state_points(compiled, domains, count):
    """``count`` points of the state's domain: Halton coordinates mapped into each variable's range;
    state variables that are a Multinomial's probabilities are scaled to sum to one."""
    simplices = []
    for law in compiled.model.draws.values():
        if law.family == "Multinomial" and all(q in compiled.states for q in law.args[1]):
            simplices.append([compiled.states.index(q) for q in law.args[1]])
    points, k = [], 1
    while len(points) < count:
        point = []
        for j, s in enumerate(compiled.states):
            u = _halton(k, _PRIMES[j % len(_PRIMES)])
            dom = domains[s]
            point.append(mpmath.mpf(1) / 20 + 9 * u / 10 if dom == "unit" else (
                mpmath.mpf(3) / 10 + 3 * u if dom in ("positive", "nonnegative") else 4 * u - 2))
        for simplex in simplices:
            total = mpmath.fsum(point[j] for j in simplex)
            for j in simplex:
                point[j] /= total
        points.append(point)
        k += 1
    return points


def _conditional_expectation(compiled, state, common, dps, level):
    """E[(1, phi_1, ..., phi_J)(state') | state]: the product rule over the draws' rules."""
    rules = []
    for d in compiled.draws:
        family, args = compiled.law(d, state, common)
        if any(isinstance(a, mpmath.mpf) and mpmath.isnan(a)
               for x in args for a in (x if isinstance(x, (tuple, list)) else (x,))):
            raise ValueError(f"draws: the law of {d} reads a schedule entry past its end")
        rules.append(draw_rule(family, args, dps, level))
    # Each rule's nodes flattened to argument lists (a multinomial node is a tuple of counts).
    flat = [[(list(x) if isinstance(x, tuple) else [x], w) for x, w in rule] for rule in rules]
    try:
        return _product_rule(compiled.next_basis, state, common, flat, len(compiled.basis))
    except _NotReal:
        pass
    total = [mpmath.mpf(0)] * len(compiled.basis)
    evaluate = compiled.next_basis
    for combo in itertools.product(*flat) if flat else [()]:
        weight, drawn = mpmath.mpf(1), []
        for x, w in combo:
            weight *= w
            drawn += x
        for k, v in enumerate(evaluate(*state, *drawn, *common)):
            total[k] += weight * v
    return total


class _NotReal(Exception):
    """A weight or a value that is not an mpf or an int: the product rule runs on mpmath's numbers."""


def _product_rule(evaluate, state, common, flat, size):
    """sum over the combinations of nodes of (product of their weights) * evaluate(...), with the
    same roundings, in the same order, as mpmath's arithmetic on its numbers (``mpf.__mul__`` and
    ``__add__`` are these calls), on the raw values: the loop runs millions of times."""
    from mpmath.libmp import fone, fzero, mpf_add, mpf_mul, mpf_mul_int
    prec, rounding = mpmath.mp._prec_rounding
    total = [fzero] * size
    for combo in itertools.product(*flat) if flat else [()]:
        weight, drawn = fone, []
        for x, w in combo:
            if not hasattr(w, "_mpf_"):
                raise _NotReal
            weight = mpf_mul(weight, w._mpf_, prec, rounding)
            drawn += x
        for k, v in enumerate(evaluate(*state, *drawn, *common)):
            if hasattr(v, "_mpf_"):
                term = mpf_mul(weight, v._mpf_, prec, rounding)
            elif type(v) is int:
                term = mpf_mul_int(weight, v, prec, rounding)
            else:
                raise _NotReal
            total[k] = mpf_add(total[k], term, prec, rounding)
    return [mpmath.mp.make_mpf(v) for v in total]


def _pseudo_inverse(G, dps):
    """The minimum-norm least-squares inverse of G through the singular value decomposition: on a
    constrained state (shares summing to one) the functionals are linearly dependent, and any
    solution that fits them there is as good as another."""
    rows, cols = len(G), len(G[0])
    U, S, V = mpmath.svd_r(mpmath.matrix(G))
    cutoff = max(S) * mpmath.mpf(10) ** -(dps // 2)
    pseudo = mpmath.matrix(cols, rows)
    for k in range(len(S)):
        if S[k] > cutoff:
            for a in range(cols):
                for b in range(rows):
                    pseudo[a, b] += V[k, a] * U[b, k] / S[k]
    return pseudo


def _least_squares(G, H, dps, what, pseudo=None):
    """X with G X = H (columns of H), refusing a residual above the closure tolerance; ``pseudo``:
    :func:`_pseudo_inverse` of G at ``dps``, if already computed."""
    rows, cols = len(G), len(G[0])
    M = mpmath.matrix(G)
    out = []
    tol, snap = _closure_tol(dps), mpmath.mpf(10) ** -dps
    pseudo = _pseudo_inverse(G, dps) if pseudo is None else pseudo
    for c in range(len(H[0])):
        h = mpmath.matrix([H[r][c] for r in range(rows)])
        x = pseudo * h
        fitted = M * x
        scale = max(max(abs(h[r]) for r in range(rows)), mpmath.mpf(10) ** -dps)
        residual = max(abs(fitted[r] - h[r]) for r in range(rows)) / scale
        if residual > tol:
            raise ValueError(f"{what}: the functionals do not close numerically (relative residual "
                             f"{mpmath.nstr(residual, 3)} of the one-step fit); no reference value")
        # A coefficient at the quadrature's noise level is zero: left in, it would leak an
        # absolute error of that size into moments that decay geometrically (E[sigma_t^2] ~ 1e-46).
        column = [max(abs(G[r][k]) for r in range(rows)) for k in range(cols)]
        out.append([x[k] if abs(x[k]) * column[k] > snap * scale else mpmath.mpf(0) for k in range(cols)])
    return out


class _Route:
    """One model, one basis, one parameter point: one-step matrices per generation, cached."""

    def __init__(self, model, basis, values, dps):
        from modelcollapse.theory.engine import state_domains
        self.model, self.values, self.dps = model, values, dps
        self.compiled = _compiled(model, basis)
        J = len(self.compiled.basis)
        self.points = _state_points(self.compiled, state_domains(model), J + EXTRA_POINTS)
        self.G = [self.compiled.basis_fn(*x, *self._common(0, None)) for x in self.points]
        self.matrices = {}
        # Computed once per route (the same numbers every time they are asked for): the fit's
        # inverse, the coefficients of each functional, and the moment vectors reached so far.
        # (Each keyed by the working precision too, which the callers set to the route's digits.)
        self._pseudo, self._coefficients, self._moments, self._powers = {}, {}, {}, {}

    def _least_squares(self, H, what):
        prec = mpmath.mp.prec
        if prec not in self._pseudo:
            self._pseudo[prec] = _pseudo_inverse(self.G, self.dps - GUARD_DIGITS)
        return _least_squares(self.G, H, self.dps - GUARD_DIGITS, what, self._pseudo[prec])

    def _common(self, g, index, values=None):
        index = index or {i: 1 for i in self.compiled.indices}
        return self.compiled.common(values or self.values, g, index)

    def _key(self, g, values):
        """The numbers the one-step law reads at generation g (a schedule's entries, t if it is read)."""
        if not self.compiled.generation_dependent:
            return None
        common = self._common(g, None, values)
        position = len(self.compiled.scalar_symbols)
        return tuple(common[:position]) + ((g,) if self.compiled.explicit_generation else ()) + tuple(
            common[position + 1:])

    def matrix(self, g, values=None):
        key = self._key(g, values)
        if key not in self.matrices:
            self.matrices[key] = self._matrix(g, values)
        return self.matrices[key]

    def _matrix(self, g, values=None):
        common = self._common(g, None, values)
        # The rules' level: the coarsest whose expectations at the first point agree with the
        # next finer level's (every rule refined at once).
        tol = _quadrature_tol(self.dps - GUARD_DIGITS)
        first = _conditional_expectation(self.compiled, self.points[0], common, self.dps, 0)
        for level in range(MAX_LEVEL + 1):
            finer = _conditional_expectation(self.compiled, self.points[0], common, self.dps, level + 1)
            if all(abs(a - b) <= tol * max(1, abs(b)) for a, b in zip(first, finer)):
                break
            first = finer
        else:
            raise ValueError(f"{self.model.name}: the quadrature of the one-step law did not converge "
                             f"within {MAX_LEVEL} refinements")
        H = [first] + [_conditional_expectation(self.compiled, x, common, self.dps, level) for x in self.points[1:]]
        transposed = self._least_squares(H, self.model.name)
        J = len(transposed)
        return mpmath.matrix([[transposed[k][l] for l in range(J)] for k in range(J)])

    def coefficients(self, f, values):
        """c with f = c . (1, phi_1, ..., phi_J), fitted at the state points (parameters ``values``)."""
        scalars = [values[a.name] for a in self.compiled.scalars]
        key = (sp.srepr(f), tuple(map(str, scalars)), mpmath.mp.prec)
        if key not in self._coefficients:
            fn = sp.lambdify(self.compiled.states + self.compiled.scalar_symbols, [f], modules="mpmath")
            fitted = [[fn(*x, *scalars)[0]] for x in self.points]
            (self._coefficients[key],) = self._least_squares(fitted, f"{f} on the basis")
        return mpmath.matrix(self._coefficients[key])

    def moments(self, t, index, values):
        """E[(1, phi)(state_t)] from the initial state at the parameters ``values`` and the index values."""
        start = self.compiled.common(values, 0, index or {i: 1 for i in self.compiled.indices})
        x0 = self.compiled.initial(*start)
        m = mpmath.matrix(self.compiled.basis_fn(*x0, *start))
        if not self.compiled.generation_dependent and t > MAX_ITERATED:
            key = (t, mpmath.mp.prec)  # one matrix, shared by every start (each category's p0_i)
            if key not in self._powers:
                self._powers[key] = self.matrix(0, values) ** t  # by repeated squaring
            return self._powers[key] * m
        # The vectors already reached from this start (every parameter and index value): the
        # iteration to t picks up at the latest one at or before t, with the same products.
        reached = self._moments.setdefault((tuple(map(str, start)), tuple(sorted(
            (k, str(v)) for k, v in values.items())), mpmath.mp.prec), {0: m})
        g = max(s for s in reached if s <= t)
        m = reached[g]
        for g in range(g, t):
            m = self.matrix(g, values) * m
        reached[t] = m
        return m


_ROUTES: dict = {}


_COMPILED: dict = {}


def _compiled(model, basis) -> _Compiled:
    """The model compiled for ``basis``, once per process."""
    key = (model, tuple(map(sp.srepr, basis)))
    if key not in _COMPILED:
        if len(_COMPILED) > 256:
            _COMPILED.clear()
        _COMPILED[key] = _Compiled(model, basis)
    return _COMPILED[key]


def _route(model, basis, values, dps):
    """The route of ``basis`` at ``values``, shared by every point that differs only in parameters
    the one-step law does not read (initial values such as sigma0 or p0)."""
    law_names = _compiled(model, basis).law_names
    # A schedule is read entry by entry: the route keys its matrices by the entries' values.
    schedules = {a.name for a in model.params if isinstance(a, IntegerSequence)}
    key = (id(model), tuple(map(sp.srepr, basis)), tuple((k, str(values[k])) for k in law_names
                                                         if k not in schedules), dps)
    if key not in _ROUTES:
        if len(_ROUTES) > 256:
            _ROUTES.clear()
        _ROUTES[key] = _Route(model, basis, values, dps)
    return _ROUTES[key]


def _mp_values(model, values):
    """The parameters as mpmath numbers; a probability vector given in floats (whose sum is 1 only
    to rounding) is normalised, so that it is the probability vector the assumption states."""
    out = {}
    for a in model.params:
        v = values[a.name]
        if isinstance(a, IntegerSequence):
            out[a.name] = tuple(int(x) for x in v)
        elif isinstance(v, (tuple, list)):
            entries = [mpmath.mpf(x) for x in v]
            total = mpmath.fsum(entries) if type(a).__name__ == "ProbabilityVector" else 1
            out[a.name] = tuple(x / total for x in entries)
        else:
            out[a.name] = mpmath.mpf(v)
    return out


def cancellation_safe(parts_at, dps, exact=False):
    """sum(parts_at(digits)) at ``dps`` digits, where the parts may cancel: while the sum has lost
    more than half the guard digits to cancellation it is recomputed with that many more (up to
    :data:`MAX_DIGITS_FACTOR` times ``dps``); a sum still at the noise then is exactly zero. With
    ``exact`` (no quadrature involved, e.g. at t = 0) a sum at the noise is zero at once."""
    def total(digits):
        with mpmath.workdps(digits + GUARD_DIGITS):
            parts = parts_at(digits)
            return mpmath.fsum(parts), max([abs(x) for x in parts] + [mpmath.mpf(0)]), len(parts)
    digits = dps
    while True:
        out, scale, count = total(digits)
        lost = 0 if out == 0 or count < 2 else int(mpmath.ceil(mpmath.log10(scale / abs(out))))
        if lost <= GUARD_DIGITS // 2:
            return out
        if exact or digits >= MAX_DIGITS_FACTOR * dps:
            return out if lost < digits + GUARD_DIGITS // 2 else mpmath.mpf(0)
        digits = min(max(dps + lost + GUARD_DIGITS, digits + GUARD_DIGITS), MAX_DIGITS_FACTOR * dps)


def model_expectation(model, f, values, t, dps=30, assumptions=None, index=None):
    """E[f(state_t)] at the parameter values ``values`` (every model parameter), by the numerical
    route of this module, at ``dps`` digits (computed with guard digits, returned unrounded);
    ``index`` gives the values of the model's index symbols.

    ``f`` is a functional of the state (the model's symbols) and the parameters; a sum over the
    model's index (``Sum(p**2, (i, 1, K))``) is summed term by term, each category started at its
    own initial value."""
    from modelcollapse.theory.engine import functional_basis, split_over_index
    sums, rest = split_over_index(model, sp.sympify(f)) if model.indices else ([], sp.sympify(f))

    def parts(digits):
        work = digits + GUARD_DIGITS
        mp_values = _mp_values(model, values)
        numbers = {a.symbol: sp.Float(mp_values[a.name], work) for a in model.params
                   if not isinstance(a.symbol, sp.IndexedBase)}
        # a vector parameter's length names its size symbol (a sample fraction's size is a parameter)
        sizes = {a.size: len(mp_values[a.name]) for a in model.params
                 if hasattr(a, "size") and isinstance(a.symbol, sp.IndexedBase)}
        pieces = []  # (coefficient, functional, {index: value})
        for coeff, S in sums:
            i, lo, hi = S.limits[0]
            lo, hi = (int(sp.sympify(b).xreplace(sizes)) for b in (lo, hi))
            pieces += [(coeff, S.function, {i: v}) for v in range(lo, hi + 1)]
        if rest != 0:
            pieces.append((sp.S.One, rest, dict(index or {})))
        out = []
        for coeff, g, at in pieces:
            coeff = mpmath.mpf(sp.N(sp.sympify(coeff).xreplace(numbers), work))
            if not g.free_symbols & set(model.state):
                out.append(coeff * mpmath.mpf(sp.N(g.xreplace(numbers), work)))
                continue
            missing = [i for i in model.indices if i not in at]
            if missing:
                raise ValueError(f"{missing[0]} is required to start the category's chain")
            route = _route(model, functional_basis(model, g, assumptions), mp_values, work)
            c = route.coefficients(g, mp_values)
            m = route.moments(int(t), {i: mpmath.mpf(v) for i, v in at.items()}, mp_values)
            out += [coeff * c[k] * m[k] for k in range(len(c))]  # parts, for the cancellation check
        return out
    return cancellation_safe(parts, dps, exact=int(t) == 0)


def result_reference(result, params, dps=30):
    """The reference value of a result derived from a declared model, at the result's validated
    ``params`` (parameters of the model it does not take get the Monte Carlo defaults).

    The target combines expectations (a variance, a KL divergence); where the combination cancels
    (E[1 - sum p_i^2] ~ 1e-46 from terms of order 1) it is recomputed with as many more digits as
    the cancellation cost, and a combination that still cancels to the noise is exactly zero."""
    from .checks import _default_point, target_functionals
    model = result.model
    values = _default_point(model.params, 0, {k: v for k, v in params.items() if k != "t"})
    values = {a.name: values[a.name] for a in model.params}
    functionals, means, combination = target_functionals(result)
    index = {i: params[str(i)] for i in model.indices if str(i) in params}
    t = int(params.get("t", 0))
    scalars = {a.symbol: params[a.name] for a in result.assumptions
               if a.name in params and not isinstance(a.symbol, sp.IndexedBase)}
    scalars[generation] = t
    symbols = list(means) + list(scalars)
    terms = [sp.lambdify(symbols, term, modules="mpmath") for term in sp.Add.make_args(sp.expand(combination))]

    def parts(digits):
        moments = [model_expectation(model, f, values, t, digits, result.assumptions, index) for f in functionals]
        numbers = [*moments, *[mpmath.mpf(v) for v in scalars.values()]]
        return [mpmath.mpf(term(*numbers)) for term in terms]
    out = cancellation_safe(parts, dps, exact=t == 0)
    with mpmath.workdps(dps):
        return +out


__all__ = ["model_expectation", "result_reference", "draw_rule", "cancellation_safe", "MAX_ITERATED"]

"""Array evaluation: every result broadcasts over numpy arrays of its parameters.

``Result.__call__`` sends a call here when a scalar parameter (``n``, ``t``, ``ddof``,
``sigma0``, ...) is given as a numpy array or a list of scalars. Sequence-valued
parameters (``p0``, ``ns``) stay sequences: they are not broadcast.

Two routes, chosen once per result and cached (:func:`float_route` says which, and why):

* **float64** (closed forms in the scalar parameters, possibly with sums over ``p0``, which
  are computed once per call in mpmath and passed in as numbers): the numpy function is
  *derived* from the result's sympy closed form by :func:`stable_form`, a generic rewriting
  pass: gammas whose arguments differ by integers cancel (:func:`gamma_shift`); powers
  with a symbolic exponent become ``exp(e log b)``, the log split over the factors of b
  (:func:`log_terms`); terms are grouped by exponent; ``c0 + c1 exp(E)`` becomes
  ``(c0 + c1) + c1 expm1(E)`` and a difference of two exponentials one ``expm1``; the logs
  of a common multiplier are combined into one ``log1p`` of a cancelled rational function;
  ``log Gamma(x + a) - log Gamma(x)`` and ``psi(x)`` become :class:`LogGammaRatio` and
  :class:`DigammaLog`, accurate to a few ulp where the plain forms cancel. The result is
  ``sympy.lambdify``-ed to numpy, one function per value of the finite-choice parameters
  (``ddof``). It is accepted only after it agrees with the mpmath route to
  :data:`FLOAT_RTOL` on an extreme grid (:func:`check_points`: n and t up to 10^9);
  otherwise the result takes the other route.
* **mpmath loop**: every broadcast element is evaluated by the scalar mpmath route (results
  with their own evaluator, and any closed form without an accepted float64 form). Chain
  quantities (``WF`` atoms: survival by the Wright-Fisher chain) are computed for every
  requested t in one pass over generations (:func:`modelcollapse.theory.categorical.chain_pass`).
  With ``dps=`` this route always runs and returns a numpy object array of ``mpmath.mpf``.

Out-of-range elements raise the scalar route's ``ValueError`` (naming the parameter and the
allowed range) with the element's index.

Examples
--------
The array value is the loop of scalar values, to rounding:

>>> import numpy as np
>>> from modelcollapse import theory
>>> r = theory.get("gaussian.variance")
>>> n = np.arange(2, 2002)
>>> x = r(n=n, t=10, ddof=0, sigma0=1.0)
>>> x.dtype, x.shape
(dtype('float64'), (2000,))
>>> loop = np.array([r(n=int(m), t=10, ddof=0, sigma0=1.0) for m in n])
>>> bool(np.all(np.abs(x - loop) <= 1e-14 * loop))
True

With ddof = 0 the value is sigma0^2 ((n - 1)/n)^t, computed as exp(t log1p(-1/n)) (no
cancellation at n = 10^9):

>>> print(stable_form(r.closed_form.subs(r.symbols[2], 0)))
sigma0**2*EXP(XLog1p(t, -1/n))
>>> x = r(n=[10**9], t=10**9, ddof=0, sigma0=1.0)[0]
>>> exact = r(n=10**9, t=10**9, ddof=0, sigma0=1, dps=30)
>>> bool(abs(x / exact - 1) < 1e-15)
True

Parameters broadcast like numpy ufuncs; a bad element is named with the allowed range:

>>> r(n=np.array([[10], [20]]), t=[0, 1, 2], ddof=0, sigma0=1.0).shape
(2, 3)
>>> r(n=[10, 1], t=3, ddof=0, sigma0=1.0)
Traceback (most recent call last):
...
ValueError: n must be an integer >= 2, got 1 (element 1 of the array)
"""

from __future__ import annotations

import functools
import math
import weakref
from dataclasses import dataclass, field

import mpmath
import numpy as np
import sympy as sp
from sympy.codegen.cfunctions import expm1, log1p

from .assumptions import IntegerAtLeast, OneOf, PositiveReal, RealAbove, RealNumber

#: Assumption classes of scalar parameters: only these broadcast. Every other assumption
#: (``IntegerSequence`` for ``ns``, the probability vector ``p0``) takes a whole sequence.
SCALAR_ASSUMPTIONS = (IntegerAtLeast, OneOf, PositiveReal, RealNumber, RealAbove)
#: Largest relative error of the float64 route against the mpmath route that is accepted.
FLOAT_RTOL = 1e-12
#: Values below this magnitude are compared absolutely (subnormal doubles have few digits).
TINY = 1e-300
#: Below this argument the special functions are computed by mpmath (cached per value);
#: at and above it, by their asymptotic series (error below 1e-19 relative at the threshold).
ASYMPTOTIC_FROM = 10.0
_SERIES_TERMS = 11


# --- numerically stable special functions --------------------------------------------
class EXP(sp.Function):
    """exp, kept unevaluated while the rewriting pass regroups exponents."""

    nargs = 1


class DigammaLog(sp.Function):
    """DigammaLog(x) = psi(x) - log(x), accurate where psi(x) and log(x) cancel (large x)."""

    nargs = 1


class LogGammaRatio(sp.Function):
    """LogGammaRatio(x, a) = log Gamma(x + a) - log Gamma(x) - a log(x) (about a(a - 1)/(2x))."""

    nargs = 2


class LogGamma(sp.Function):
    """log Gamma(x) (sympy's loggamma would be expanded by the duplication formula)."""

    nargs = 1


class XLog1p(sp.Function):
    """XLog1p(m, d) = m log1p(d), and 0 when m = 0 (so that 0^0 = 1 after exponentiation)."""

    nargs = 2


class ExpDiff(sp.Function):
    """ExpDiff(E1, E2, D) = exp(E1) - exp(E2), with D = E1 - E2 simplified symbolically."""

    nargs = 3


@functools.lru_cache(maxsize=None)
def _series(kind: str, a: sp.Rational | None = None) -> tuple:
    """Asymptotic-series coefficients in u = 1/x, lowest power first.

    digamma: psi(x) - log(x) ~ -u/2 - sum_k B_2k/(2k) u^(2k);
    lgamma ratio: log Gamma(x+a) - log Gamma(x) - a log x ~ sum_k (-1)^k (B_k(a) - B_k)/(k(k-1)) u^(k-1).
    """
    if kind == "digamma":
        coeffs = [0.0, -0.5] + [0.0] * (2 * _SERIES_TERMS - 1)
        for kk in range(1, _SERIES_TERMS + 1):
            coeffs[2 * kk] = -float(sp.bernoulli(2 * kk) / (2 * kk))
        return tuple(coeffs)
    x = sp.Symbol("x")
    coeffs = [0.0]
    for kk in range(2, 2 * _SERIES_TERMS + 2):
        b_diff = sp.bernoulli(kk, x).subs(x, a) - sp.bernoulli(kk, x).subs(x, 0)
        coeffs.append(float((-1) ** kk * b_diff / (kk * (kk - 1))))
    return tuple(coeffs)


def _horner(coeffs, u):
    out = np.zeros_like(u)
    for cf in reversed(coeffs):
        out = out * u + cf
    return out


@functools.lru_cache(maxsize=4096)
def _mp_digamma_log(x: float) -> float:
    with mpmath.workdps(40):
        return float(mpmath.digamma(x) - mpmath.log(x))


@functools.lru_cache(maxsize=4096)
def _mp_lgamma_ratio(x: float, a: float) -> float:
    with mpmath.workdps(40):
        xm, am = mpmath.mpf(x), mpmath.mpf(a)
        return float(mpmath.loggamma(xm + am) - mpmath.loggamma(xm) - am * mpmath.log(xm))


def _special(x, asymptotic, exact):
    x = np.asarray(x, dtype=float)
    if x.size and x.min() >= ASYMPTOTIC_FROM:
        return asymptotic(x)
    out = np.empty_like(x)
    big = x >= ASYMPTOTIC_FROM
    out[big] = asymptotic(x[big])
    small = ~big
    values, inverse = np.unique(x[small], return_inverse=True)
    out[small] = np.array([exact(float(v)) for v in values])[inverse.reshape(-1)]
    return out


def digamma_log(x):
    """psi(x) - log(x) in float64, for x > 0 (a few ulp; mpmath below :data:`ASYMPTOTIC_FROM`)."""
    coeffs = _series("digamma")
    return _special(x, lambda v: _horner(coeffs, 1.0 / v), _mp_digamma_log)


def log_gamma_ratio(x, a):
    """log Gamma(x + a) - log Gamma(x) - a log(x) in float64, for x > 0 and a rational constant a."""
    a_rat = sp.nsimplify(a)
    coeffs = _series("lgamma", a_rat)
    return _special(x, lambda v: _horner(coeffs, 1.0 / v), lambda v: _mp_lgamma_ratio(v, float(a_rat)))


def exp_diff(e1, e2, d):
    """exp(e1) - exp(e2), where d = e1 - e2 is supplied (computed without cancellation)."""
    d = np.asarray(d, dtype=float)
    return np.sign(d) * np.exp(np.where(d > 0, e1, e2)) * -np.expm1(-np.abs(d))


def xlog1p(m, d):
    """m log1p(d), and 0 where m = 0 (scipy.special.xlog1py)."""
    from scipy.special import xlog1py
    return xlog1py(m, d)


NUMPY_FUNCTIONS = {"EXP": np.exp, "DigammaLog": digamma_log, "LogGammaRatio": log_gamma_ratio,
                   "ExpDiff": exp_diff, "XLog1p": xlog1p}


# --- the rewriting pass --------------------------------------------------------------
def _exp_factors(term):
    """Split a product into (coefficient, summed EXP exponent)."""
    coeff, expo = [], sp.S.Zero
    for f in sp.Mul.make_args(term):
        base, power = f.as_base_exp()
        if isinstance(base, EXP):
            expo += power * base.args[0]
        else:
            coeff.append(f)
    return sp.Mul(*coeff), expo


def gamma_shift(expr):
    """Write every gamma(z0 + k) (k a positive integer) as (z0)_k gamma(z0), z0 the smallest
    argument of its family, so that ratios of gammas one or more steps apart cancel."""
    expr = expr.xreplace({g: sp.gamma(sp.expand(g.args[0])) for g in expr.atoms(sp.gamma)})
    args = sorted({g.args[0] for g in expr.atoms(sp.gamma)}, key=sp.default_sort_key)
    reps = {}
    for z in args:
        family = [w for w in args if sp.expand(z - w).is_Integer]
        z0 = next(w for w in family if all(sp.expand(v - w) >= 0 for v in family))
        k = int(sp.expand(z - z0))
        if k:
            reps[sp.gamma(z)] = sp.gamma(z0) * sp.Mul(*[z0 + j for j in range(k)])
    return expr.xreplace(reps)


def log_terms(arg):
    """log(arg) for a positive ``arg``, as a sum over its factors: e log(base) with every base
    an irreducible factor with a positive leading sign, e LogGamma(z) for gamma factors.
    None when the signs of the factors do not multiply to +1 (the factors cannot be told)."""
    arg = sp.factor(sp.together(arg))
    coeff, rest = arg.as_coeff_Mul()
    sign, out = (1 if coeff > 0 else -1), [sp.log(abs(coeff))]
    for f in sp.Mul.make_args(rest):
        base, e = f.as_base_exp()
        if isinstance(base, sp.gamma):
            out.append(e * LogGamma(base.args[0]))
        elif isinstance(base, EXP):
            out.append(e * base.args[0])
        elif base.is_Add or base.is_Atom:
            if base.could_extract_minus_sign() or (base.is_number and base < 0):
                if not e.is_integer or e.is_odd is None:
                    return None
                base, sign = -base, sign * (-1 if e.is_odd else 1)
            out.append(e * sp.log(base))
        else:  # a product or a power inside a power: its own factors
            inner = log_terms(base)
            if inner is None:
                return None
            out.append(e * inner)
    return sp.Add(*out) if sign == 1 else None


def _split_logs(expr):
    """Every log(arg) as :func:`log_terms`, every psi(z) as log z + DigammaLog(z)."""
    expr = expr.replace(lambda e: isinstance(e, sp.polygamma) and e.args[0] == 0,
                        lambda e: sp.log(e.args[1]) + DigammaLog(e.args[1]))
    reps = {}
    for lg in expr.atoms(sp.log):
        terms = log_terms(lg.args[0])
        if terms is not None and terms != lg:
            reps[lg] = terms
    return expr.xreplace(reps)


def _rational_gcd(values):
    num = functools.reduce(math.gcd, (int(abs(v.p)) for v in values))
    den = functools.reduce(lambda a, b: a * b // math.gcd(a, b), (int(v.q) for v in values))
    return sp.Rational(num, den)


def _tidy(expr):
    """A coefficient as one cancelled fraction (gamma ratios one step apart cancel here)."""
    return sp.factor(sp.cancel(sp.together(expr)))


def stable_logs(expr):
    """Regroup the logs in ``expr``: per common multiplier m, sum_i q_i m log(r_i) becomes
    q m log1p(R - 1) with R = prod r_i^(q_i / q) cancelled (R near 1 costs no digits), and
    LogGamma(z + a) - LogGamma(z) becomes a log z + LogGammaRatio(z, a) (a a rational constant).
    """
    expr = sp.expand(_split_logs(gamma_shift(sp.sympify(expr))), power_exp=False)
    atoms = list(expr.atoms(sp.log, LogGamma, DigammaLog, LogGammaRatio))
    parts = sp.collect(expr, atoms, evaluate=False) if atoms else {}
    if not atoms:
        parts = {sp.S.One: expr}
    out = [_tidy(parts.pop(sp.S.One, sp.S.Zero))]
    groups: dict = {}
    for atom, coeff in parts.items():
        coeff = _tidy(coeff)
        q, m = coeff.as_coeff_Mul()
        if isinstance(atom, (sp.log, LogGamma)) and q.is_Rational:
            groups.setdefault(m, []).append((q, atom))
        else:
            out.append(coeff * atom)
    for m, items in groups.items():
        logs = [(q, f.args[0]) for q, f in items if isinstance(f, sp.log)]
        gammas = [(q, f.args[0]) for q, f in items if isinstance(f, LogGamma)]
        while gammas:
            q1, z1 = gammas.pop()
            partner = None
            for idx, (q2, z2) in enumerate(gammas):
                a = sp.simplify(z1 - z2)
                if q2 == -q1 and a.is_Rational and a != 0:
                    partner = idx
                    break
            if partner is None:
                out.append(q1 * m * LogGamma(z1))
                continue
            q2, z2 = gammas.pop(partner)
            if a < 0:  # make z1 the larger argument
                q1, z1, q2, z2, a = q2, z2, q1, z1, -a
            out.append(q1 * m * LogGammaRatio(z2, a))
            logs.append((q1 * a, z2))
        logs = [(q, r) for q, r in logs if q != 0]
        if not logs:
            continue
        q0 = _rational_gcd([q for q, _ in logs])
        ratio = sp.cancel(sp.Mul(*[r ** (q / q0) for q, r in logs]))
        if ratio == 1:
            continue
        if ratio.is_number:
            out.append(q0 * m * sp.log(ratio))
        else:
            d = sp.factor(sp.cancel(ratio - 1))
            out.append(q0 * (log1p(d) if m == 1 else XLog1p(m, d)))
    return sp.Add(*out)


def _to_exp(power):
    """b**e (e symbolic) as EXP(e log b), the log split by :func:`log_terms`."""
    base, e = power.base, power.exp
    terms = log_terms(base)
    if terms is None and (e / 2).is_integer:  # an even power of a negative base
        terms = log_terms(-base)
    return EXP(e * (sp.log(base) if terms is None else terms))


def stable_form(expr):
    """Rewrite a closed form into an expression that float64 evaluates without cancellation.

    Generic over the sympy expression (nothing here knows a particular result): gammas whose
    arguments differ by integers are written through the smallest (:func:`gamma_shift`);
    ``b**e`` with a symbolic exponent becomes ``EXP(e log b)``; terms are grouped by their
    exponent, coefficients cancelled; one exponential and a constant part become
    ``(c0 + c1) + c1 expm1(E)``; two exponentials with opposite coefficients become
    ``c ExpDiff(E1, E2, E1 - E2)``; every exponent and every constant part then goes through
    :func:`stable_logs`. A Piecewise is rewritten branch by branch.
    """
    expr = sp.piecewise_fold(sp.sympify(expr))
    if isinstance(expr, sp.Piecewise):
        return sp.Piecewise(*[(stable_form(e), cnd) for e, cnd in expr.args])
    expr = gamma_shift(expr)
    expr = expr.replace(lambda e: isinstance(e, sp.Pow) and bool(e.exp.free_symbols), _to_exp)
    expr = sp.expand(expr, power_exp=False, log=False)
    groups: dict = {}
    for term in sp.Add.make_args(expr):
        coeff, expo = _exp_factors(term)
        key = sp.expand(_split_logs(expo))
        groups[key] = groups.get(key, sp.S.Zero) + coeff
    c0 = groups.pop(sp.S.Zero, sp.S.Zero)
    exps = [(e, c) for e, c in ((e, _tidy(c)) for e, c in groups.items()) if c != 0]
    if len(exps) == 1 and _tidy(c0) != 0:
        (e1, c1), = exps
        return stable_logs(c0 + c1) + c1 * expm1(stable_logs(e1))
    if len(exps) == 2 and _tidy(c0) == 0 and _tidy(exps[0][1] + exps[1][1]) == 0:
        (e1, c1), (e2, _) = exps
        return c1 * ExpDiff(stable_logs(e1), stable_logs(e2), stable_logs(e1 - e2))
    return stable_logs(c0) + sp.Add(*[c * EXP(stable_logs(e)) for e, c in exps])


# --- per-result compilation ----------------------------------------------------------
@dataclass
class FloatRoute:
    """How a result is evaluated on float64 arrays, and how well that was checked.

    ``kind`` is ``"float64"`` (a derived numpy function per value of the finite-choice
    parameters, in ``functions``) or ``"mpmath"`` (a loop over the scalar mpmath route);
    ``reason`` says why. ``arguments`` are the parameters the functions take, followed by
    ``statistics``: numbers computed once per call from the sequence parameters (sums over
    p0, and expressions in them, evaluated in mpmath and then rounded). ``max_rel_error``
    is the largest relative error against the mpmath route on the check grid.
    """

    kind: str
    reason: str
    choices: tuple = ()
    arguments: tuple = ()
    functions: dict = field(default_factory=dict)
    expressions: dict = field(default_factory=dict)
    statistics: dict = field(default_factory=dict)
    max_rel_error: float = math.nan


_ROUTES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def is_scalar_assumption(assumption) -> bool:
    """True for an assumption on one number (these parameters broadcast)."""
    return isinstance(assumption, SCALAR_ASSUMPTIONS)


def wants_arrays(result, values) -> bool:
    """True when a scalar parameter of ``result`` is given as an array or a list of scalars."""
    for a in result.assumptions:
        v = values.get(a.name)
        if isinstance(v, (np.ndarray, list, tuple)) and is_scalar_assumption(a):
            return True
    return False


def float_route(result) -> FloatRoute:
    """The (cached) :class:`FloatRoute` of ``result``; derived and checked on first use."""
    route = _ROUTES.get(result)
    if route is None:
        route = _ROUTES[result] = _compile(result)
    return route


def _sums_only_evaluator(result) -> bool:
    """True when the evaluator only evaluates the closed form with its sums over p0."""
    from .categorical import _evaluate
    return result._evaluator is _evaluate


def _statistics(form, scalars):
    """Replace the sums that involve no scalar parameter by symbols: (form, {symbol: sum})."""
    sums = {}
    for S in form.atoms(sp.Sum):
        if not S.free_symbols & scalars:
            sums[S] = sp.Dummy(f"S{len(sums)}")
    return form.xreplace(sums), {d: S for S, d in sums.items()}


def _hoist(expr, stats: set, hoisted: dict):
    """Replace every largest subexpression in the statistics alone by a new statistic."""
    def pure(e):
        return bool(e.free_symbols) and e.free_symbols <= stats
    if pure(expr):
        if expr.is_Symbol:
            return expr
        d = sp.Dummy(f"H{len(hoisted)}")
        hoisted[d] = expr
        return d
    if not expr.args:
        return expr
    if isinstance(expr, (sp.Add, sp.Mul)):
        inner = [a for a in expr.args if pure(a)]
        if len(inner) > 1 or (inner and not inner[0].is_Symbol):
            d = sp.Dummy(f"H{len(hoisted)}")
            hoisted[d] = expr.func(*inner)
            rest = [_hoist(a, stats, hoisted) for a in expr.args if not pure(a)]
            return expr.func(d, *rest)
    return expr.func(*[_hoist(a, stats, hoisted) for a in expr.args])


def _compile(result) -> FloatRoute:
    scalars = [a for a in result.assumptions if is_scalar_assumption(a)]
    sequences = [a for a in result.assumptions if not is_scalar_assumption(a)]
    if result._evaluator is not None and not (sequences and _sums_only_evaluator(result)):
        return FloatRoute("mpmath", "the result has its own evaluator")
    if result.is_bound:
        return FloatRoute("mpmath", "a bound (pair of values)")
    scalar_syms = {a.symbol for a in scalars}
    form, sums = _statistics(result.closed_form, scalar_syms)
    if form.free_symbols - scalar_syms - set(sums):
        return FloatRoute("mpmath", "the closed form uses a sequence parameter beyond sums over it")
    choice = [a for a in scalars if isinstance(a, OneOf)]
    rest = tuple(a for a in scalars if not isinstance(a, OneOf))
    combos = [()]
    for a in choice:
        combos = [c + (v,) for c in combos for v in a.values]
    route = FloatRoute("float64", "derived from the closed form by stable_form",
                       tuple(a.name for a in choice), tuple(a.name for a in rest))
    modules = [NUMPY_FUNCTIONS, {"LogGamma": _gammaln()}, "numpy"]
    try:
        stable = {combo: stable_form(form.subs({a.symbol: v for a, v in zip(choice, combo)})) for combo in combos}
        hoisted: dict = {}
        if sums:
            stable = {combo: _hoist(e, set(sums), hoisted) for combo, e in stable.items()}
        route.statistics = {**sums, **{d: h.xreplace(sums) for d, h in hoisted.items()}}
        for combo, expr in stable.items():
            unknown = {type(f).__name__ for f in expr.atoms(sp.Function)} - _KNOWN_FUNCTIONS
            if unknown or expr.has(sp.Sum, sp.Product, sp.Indexed):
                return FloatRoute("mpmath", f"no float64 form for {sorted(unknown) or 'sums or products'}")
            route.expressions[combo] = expr
            route.functions[combo] = sp.lambdify([a.symbol for a in rest] + list(route.statistics), expr,
                                                 modules=modules)
        err = _check(result, route)
    except Exception as exc:  # pragma: no cover - a failed rewriting only costs speed
        return FloatRoute("mpmath", f"no float64 form: {exc!r}")
    route.max_rel_error = err
    if not err <= FLOAT_RTOL:
        return FloatRoute("mpmath", f"float64 form off by {err:.2g} relative on the check grid",
                          max_rel_error=err)
    return route


def _gammaln():
    from scipy.special import gammaln
    return gammaln


_KNOWN_FUNCTIONS = {"EXP", "DigammaLog", "LogGammaRatio", "ExpDiff", "XLog1p", "LogGamma", "log", "exp", "log1p",
                    "expm1", "Piecewise", "sqrt", "Abs"}


def check_grid(assumption) -> list:
    """Values of one parameter for the accuracy check: the bounds, small values, up to 10^9;
    for a probability vector, a few vectors (one category, uniform, skewed, nearly collapsed, 100 categories)."""
    if isinstance(assumption, OneOf):
        return list(assumption.values)
    if isinstance(assumption, IntegerAtLeast):
        lo = assumption.lower
        return sorted({lo, lo + 1, lo + 2, lo + 7, 29, 1000, 12345} | {10**e for e in range(4, 10)})
    if isinstance(assumption, PositiveReal):
        return [0.3, 2.5]
    if isinstance(assumption, RealAbove):
        return [float(assumption.bound) + 0.5, float(assumption.bound) + 3.0]
    if isinstance(assumption, RealNumber):
        return [-1.5, 0.0, 2.0]
    samples = [(1.0,), (0.5, 0.5), (0.7, 0.2, 0.1), (1 - 1e-9, 1e-9), (0.01,) * 100]
    out = []
    for v in samples:
        try:
            out.append(assumption.validate(v))
        except ValueError:
            continue
    return out


def check_points(assumptions) -> dict:
    """Parameter values for the accuracy check: every combination of the integer and choice
    values of :func:`check_grid`, with the other parameters cycling through theirs (a list
    per parameter)."""
    discrete = [a for a in assumptions if isinstance(a, (IntegerAtLeast, OneOf))]
    grids = [check_grid(a) for a in discrete]
    mesh = [list(m.ravel()) for m in np.meshgrid(*[np.array(g) for g in grids], indexing="ij")] if grids else [[0]]
    size = len(mesh[0])
    out = {a.name: [int(v) for v in m] for a, m in zip(discrete, mesh)}
    for a in assumptions:
        if a.name not in out:
            grid = check_grid(a)
            out[a.name] = [grid[idx % len(grid)] for idx in range(size)]
    return {a.name: out[a.name] for a in assumptions}


def relative_errors(x, y) -> np.ndarray:
    """|x - y| / |y| for float64 ``x`` against mpmath ``y`` (object array), with double-range rules.

    Beyond the double range ``x`` must be the IEEE result (inf; 0 below 1e-300 in magnitude,
    compared absolutely); anything else (NaN, a wrong sign of infinity) is an infinite error.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=object)
    out = np.empty(x.shape)
    for idx in np.ndindex(x.shape):
        xv, yv = x[idx], y[idx]
        if math.isnan(xv):
            out[idx] = math.inf
        elif abs(yv) > mpmath.mpf("1.7976931348623157e308"):
            out[idx] = 0.0 if xv == math.copysign(math.inf, float(mpmath.sign(yv))) else math.inf
        elif abs(yv) < TINY:
            out[idx] = 0.0 if abs(xv - float(yv)) <= TINY else math.inf
        else:
            out[idx] = float(abs((mpmath.mpf(xv) - yv) / yv))
    return out


def _check(result, route) -> float:
    points = check_points(result.assumptions)
    size = len(next(iter(points.values())))
    scalars = [a.name for a in result.assumptions if is_scalar_assumption(a)]
    groups: dict = {}
    for idx in range(size):  # points sharing the same sequence values are evaluated together
        key = tuple(points[a.name][idx] for a in result.assumptions if not is_scalar_assumption(a))
        groups.setdefault(key, []).append(idx)
    worst = 0.0
    for idx in groups.values():
        arrays = {name: np.array([points[name][j] for j in idx]) for name in scalars}
        others = {a.name: points[a.name][idx[0]] for a in result.assumptions if not is_scalar_assumption(a)}
        x = _float_eval(route, arrays, others, (len(idx),))
        y = np.empty(len(idx), dtype=object)
        for pos, j in enumerate(idx):
            y[pos] = result._value(30, {name: points[name][j] for name in points}, None)
        errors = relative_errors(x, y)
        for pos in np.flatnonzero(errors > FLOAT_RTOL):
            j = idx[pos]
            if abs(y[pos]) < ZERO_RESIDUE and _is_exact_zero(result, {name: points[name][j] for name in points}, y[pos]):
                # relative error is undefined at an exact zero: the absolute error is held to FLOAT_RTOL
                errors[pos] = 0.0 if abs(x[pos]) <= FLOAT_RTOL else math.inf
        worst = max(worst, float(errors.max()))
    return worst


#: Below this magnitude an mpmath value may be the residue of terms of order one cancelling
#: to an exact zero (the KL divergence at t = 0); :func:`_is_exact_zero` decides.
ZERO_RESIDUE = 1e-20


def _is_exact_zero(result, point, value) -> bool:
    """True when ``value`` (the mpmath route at 30 digits) is rounding residue of an exact zero:
    at 60 digits it shrinks by at least 20 orders of magnitude (a true value would not move)."""
    finer = result._value(60, point, None)
    return abs(finer) <= abs(value) * mpmath.mpf(10) ** -20


def _statistic_values(route, others) -> list:
    """Values (floats) of the route's statistics at the sequence parameters in ``others``."""
    if not route.statistics:
        return []
    from .categorical import sum_over_p0
    with mpmath.workdps(40):
        probs = [mpmath.mpf(v) for v in others["p0"]]
        return [float(sp.N(sum_over_p0(e, probs), 40)) for e in route.statistics.values()]


def _float_eval(route, arrays, others, shape):
    args = [np.asarray(arrays[name] if name in arrays else others[name], dtype=float) for name in route.arguments]
    args += _statistic_values(route, others)
    out = np.empty(shape)
    with np.errstate(over="ignore", under="ignore", divide="ignore"):
        chosen = [np.asarray(arrays[name] if name in arrays else others[name]) for name in route.choices]
        if all(c.ndim == 0 for c in chosen):
            out[...] = route.functions[tuple(int(c) for c in chosen)](*args)
            return out
        keys = np.broadcast_arrays(*chosen, out)[:-1]
        full = [np.broadcast_to(a, shape) for a in args]
        for combo, fn in route.functions.items():
            mask = np.logical_and.reduce([k == v for k, v in zip(keys, combo)])
            if mask.any():
                out[mask] = np.broadcast_to(fn(*(a[mask] for a in full)), (int(mask.sum()),))
    return out


# --- validation ----------------------------------------------------------------------
def _bad_mask(assumption, arr):
    """Vectorised range check: a boolean mask of bad elements, or None to check one by one."""
    kind = arr.dtype.kind
    if kind == "O":
        return None
    if isinstance(assumption, (IntegerAtLeast, OneOf)):
        if kind not in "iu":
            return np.ones(arr.shape, bool)
        if isinstance(assumption, IntegerAtLeast):
            return arr < assumption.lower
        return ~np.isin(arr, assumption.values)
    if kind not in "iuf":
        return np.ones(arr.shape, bool)
    with np.errstate(invalid="ignore"):
        ok = np.isfinite(arr)
        if isinstance(assumption, PositiveReal):
            ok &= arr > 0
        elif isinstance(assumption, RealAbove):
            ok &= arr > float(assumption.bound)
    return ~ok


def _check_array(assumption, arr):
    """Raise the scalar ``ValueError`` (naming the parameter and its range) for the first bad element."""
    mask = _bad_mask(assumption, arr)
    if mask is None:
        candidates = list(np.ndindex(arr.shape))
    else:
        candidates = [tuple(int(i) for i in ix) for ix in np.argwhere(mask)[:1]]
    for idx in candidates:
        where = idx[0] if len(idx) == 1 else idx
        try:
            assumption.validate(_python_scalar(arr[idx]))
        except ValueError as exc:
            raise ValueError(f"{exc} (element {where} of the array)") from None
        if mask is not None:  # the vectorised check and the scalar one disagree: trust neither
            raise ValueError(f"{assumption.name} must satisfy {assumption.describe()}, "
                             f"got {arr[idx]!r} (element {where} of the array)")


def validate_arrays(result, values) -> tuple[dict, dict, tuple]:
    """Check names and ranges; return (arrays of scalar parameters, other validated values, shape)."""
    unknown = set(values) - set(result.parameters)
    if unknown:
        name = sorted(unknown)[0]
        raise ValueError(f"{name} is not a parameter of {result.id} "
                         f"(parameters: {', '.join(result.parameters)})")
    arrays, others = {}, {}
    for a in result.assumptions:
        if a.name not in values:
            raise ValueError(f"{a.name} is required by {result.id} ({a.describe()})")
        v = values[a.name]
        if is_scalar_assumption(a) and isinstance(v, (np.ndarray, list, tuple)):
            try:
                arr = np.asarray(v)
            except ValueError:
                raise ValueError(f"{a.name} must be an array of numbers ({a.describe()}), got {v!r}") from None
            _check_array(a, arr)
            arrays[a.name] = arr
        else:
            others[a.name] = a.validate(v)
    try:
        shape = np.broadcast_shapes(*(arr.shape for arr in arrays.values()))
    except ValueError:
        shapes = ", ".join(f"{k}: {arr.shape}" for k, arr in arrays.items())
        raise ValueError(f"parameter arrays do not broadcast together ({shapes})") from None
    return arrays, others, shape


# --- evaluation ----------------------------------------------------------------------
def evaluate(result, values, dps: int | None = None, expr=None):
    """Evaluate ``result`` (or the approximation ``expr``) over broadcast parameter arrays.

    Returns a float64 array (a pair of arrays for a bound) of the broadcast shape, or with
    ``dps`` an object array of ``mpmath.mpf``.
    """
    arrays, others, shape = validate_arrays(result, values)
    if dps is None and expr is None and float_route(result).kind == "float64":
        out = _float_eval(float_route(result), arrays, others, shape)
    else:
        out = _loop(result, arrays, others, shape, dps, expr)
    if shape == ():  # 0-d input gives a scalar, as numpy ufuncs do
        return tuple(v[()] for v in out) if isinstance(out, tuple) else out[()]
    return out


def _python_scalar(v):
    return v.item() if isinstance(v, np.generic) else v


def _loop(result, arrays, others, shape, dps, expr):
    names = list(arrays)
    full = np.broadcast_arrays(*arrays.values()) if arrays else []
    points = [{**others, **{k: _python_scalar(arr[idx]) for k, arr in zip(names, full)}}
              for idx in np.ndindex(shape)]
    with _chain_pass(result, points, dps, expr):
        values = [result._value(dps, point, expr) for point in points]
    dtype = float if dps is None else object
    if result.is_bound:
        return tuple(_fill(shape, [v[side] for v in values], dtype) for side in (0, 1))
    return _fill(shape, values, dtype)


def _fill(shape, values, dtype):
    out = np.empty(len(values), dtype=dtype)
    for idx, v in enumerate(values):  # element by element: object arrays must not unpack mpf
        out[idx] = v
    return out.reshape(shape)


def _chain_pass(result, points, dps, expr):
    """Context in which the chain columns every point needs are computed in one pass."""
    import contextlib

    from .symbols import WF
    form = result.closed_form if expr is None else expr
    atoms = form.atoms(WF) if isinstance(form, sp.Basic) else set()
    if len(points) < 2 or not atoms:
        return contextlib.nullcontext()
    from . import categorical
    from .result import working_dps
    requests, digits = set(), 0
    syms = {a.name: a.symbol for a in result.assumptions}
    for point in points:
        subs = {syms[k]: sp.Integer(v) for k, v in point.items() if isinstance(v, int)}
        for atom in atoms:
            n_, m, _, b_ = (sp.sympify(arg).xreplace(subs) for arg in atom.args)
            if all(v.is_Integer for v in (n_, m, b_)):
                requests.add((int(n_), int(m), int(b_)))
        digits = max(digits, working_dps(dps, result.validate(point)))
    return categorical.chain_pass(requests, digits)

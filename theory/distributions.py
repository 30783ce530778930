"""Distributions a model may draw from: a few lines each (family, arguments, support, MGF).

The derivation engine computes their moments itself, from the moment-generating function
(integer moments) or by integrating the density (real powers and logarithms of positive draws);
the kernel holds the same facts as cited axioms. Arguments may depend on the state and the
parameters.

>>> import sympy as sp
>>> from modelcollapse.theory.distributions import Poisson
>>> r = sp.Symbol("r", positive=True)
>>> sp.expand(Poisson(r).moment(2))
r**2 + r
"""

from __future__ import annotations

import functools

import sympy as sp

_s = sp.Symbol("s")
_x = sp.Symbol("x", positive=True)


class Distribution:
    """Base class: ``family`` names the kernel's family; ``args`` are sympy expressions."""

    family = ""
    arg_names: tuple = ()
    #: "real", "positive" or "count" (non-negative integers)
    support = "real"

    def __init__(self, *args):
        if len(args) != len(self.arg_names):
            raise ValueError(f"{type(self).__name__} takes {', '.join(self.arg_names)}")
        self.args = tuple(sp.sympify(a) for a in args)

    def __repr__(self):
        return f"{type(self).__name__}({', '.join(map(str, self.args))})"

    def mgf(self, s):  # pragma: no cover - each family defines it
        raise NotImplementedError

    def moment(self, k):
        """E[D^k] for an integer k >= 0, from the MGF."""
        k = int(k)
        return sp.expand(sp.diff(self.mgf(_s), _s, k).subs(_s, 0))

    def factorial_moment(self, k):
        """E[D (D - 1) ... (D - k + 1)] from the raw moments."""
        d = sp.Symbol("d")
        poly = sp.Poly(sp.expand_func(sp.ff(d, int(k))), d)
        return sp.expand(sum(c * self.moment(m[0]) for m, c in poly.terms()))

    def power_moment(self, m):
        raise ValueError(f"{type(self).__name__} has no real-power moments here")

    def log_moment(self):
        raise ValueError(f"{type(self).__name__} has no log moment here")


class Normal(Distribution):
    """``Normal(mean, variance)``."""

    family, arg_names, support = "Normal", ("mean", "variance"), "real"

    def mgf(self, s):
        m, v = self.args
        return sp.exp(m * s + v * s**2 / 2)


class Poisson(Distribution):
    """``Poisson(rate)``."""

    family, arg_names, support = "Poisson", ("rate",), "count"

    def mgf(self, s):
        return sp.exp(self.args[0] * (sp.exp(s) - 1))


class Binomial(Distribution):
    """``Binomial(trials, p)``."""

    family, arg_names, support = "Binomial", ("trials", "p"), "count"

    def mgf(self, s):
        N, p = self.args
        return (1 - p + p * sp.exp(s)) ** N

    def moment(self, k):
        # Through falling factorials: the MGF's power of a symbolic N does not expand.
        N, p = self.args
        d = sp.Symbol("d")
        out = sp.S.Zero
        for j in range(int(k) + 1):
            out += sp.functions.combinatorial.numbers.stirling(int(k), j) * sp.expand_func(sp.ff(N, j)) * p**j
        del d
        return sp.expand(out)


class Multinomial(Distribution):
    """``Multinomial(trials, p)`` with ``p`` a sequence of probabilities summing to one."""

    family, arg_names, support = "Multinomial", ("trials", "p"), "count"

    def __init__(self, trials, p):
        self.args = (sp.sympify(trials), tuple(sp.sympify(x) for x in p))

    def mgf(self, s):
        raise ValueError("Multinomial: the engine works with its joint moments (joint_moment), not one MGF")

    def joint_moment(self, powers):
        """E[prod_j C_j^k_j] for integer k_j >= 0: each power through falling factorials (Stirling
        numbers of the second kind) and E[prod_j (C_j)_m_j] = (N)_(sum m_j) prod_j p_j^m_j, which
        gives the Binomial marginals and the covariances -N p_i p_j with a symbolic N."""
        import itertools
        N, p = self.args
        powers = [int(k) for k in powers]
        if len(powers) != len(p) or any(k < 0 for k in powers):
            raise ValueError("powers: one non-negative integer per category")
        out = sp.S.Zero
        for ms in itertools.product(*[range(k + 1) for k in powers]):
            weight = sp.Mul(*[sp.functions.combinatorial.numbers.stirling(k, m) for k, m in zip(powers, ms)])
            if weight:
                out += weight * sp.expand_func(sp.ff(N, sum(ms))) * sp.Mul(*[q**m for q, m in zip(p, ms)])
        return sp.expand(out)


_A, _B = sp.Symbol("A", positive=True), sp.Symbol("B", positive=True)
_m = sp.Symbol("m", real=True)


@functools.lru_cache(maxsize=None)
def _gamma_density_integral(kind):
    """E[D^m] (a function of the symbol m) or E[log D] for D ~ Gamma(A, B) with symbolic A, B, by
    sympy integration of the density: integrated once per process, then instantiated."""
    density = _x ** (_A - 1) * sp.exp(-_x / _B) / (sp.gamma(_A) * _B**_A)
    g = sp.log(_x) if kind == "log" else _x**_m
    value = sp.integrate(g * density, (_x, 0, sp.oo), conds="none")
    return sp.simplify(sp.gammasimp(value))


@functools.lru_cache(maxsize=None)
def _density_integral(kind, a_expr, b_expr, m_expr):
    """E[D^m] or E[log D] for a gamma-type density with shape ``a_expr`` and scale ``b_expr`` (cached)."""
    value = _gamma_density_integral(kind)
    value = value.subs({_m: sp.sympify(m_expr)}) if kind != "log" else value
    return sp.simplify(value.subs({_A: sp.sympify(a_expr), _B: sp.sympify(b_expr)}))


class Gamma(Distribution):
    """``Gamma(shape, scale)``."""

    family, arg_names, support = "Gamma", ("shape", "scale"), "positive"

    def mgf(self, s):
        a, th = self.args
        return (1 - th * s) ** (-a)

    def power_moment(self, m):
        return _density_integral("power", self.args[0], self.args[1], sp.sympify(m))

    def log_moment(self):
        return _density_integral("log", self.args[0], self.args[1], 0)


class ChiSquare(Gamma):
    """``ChiSquare(k)``: a Gamma(k/2, 2)."""

    family, arg_names, support = "ChiSquare", ("k",), "positive"

    def __init__(self, k):
        self.args = (sp.sympify(k),)

    def _gamma(self):
        return Gamma(self.args[0] / 2, 2)

    def mgf(self, s):
        return self._gamma().mgf(s)

    def power_moment(self, m):
        return self._gamma().power_moment(m)

    def log_moment(self):
        return self._gamma().log_moment()


class CitedMoments(Distribution):
    """A draw known only through the moments a reference gives, not through a family.

    Some laws have no family here (the sum of squared deviations of n truncated normals, say):
    only the moments a result needs are known, as expressions in the draw's arguments.
    The engine uses exactly those (:meth:`moment` refuses any other order, so nothing is
    pretended about the rest of the law). Unless ``kernel_family`` names a kernel family citing
    the same moments, the kernel has no facts for such a draw, and a result that rests on one is an
    exact computation, not a kernel proof. ``sample(generator, args,
    size)`` draws it for the declared simulator, by its definition.

    Parameters
    ----------
    name : str
        What the draw is (shown in derivations).
    args : sequence
        Its arguments (expressions in the parameters and the state).
    moments : dict
        ``{order: callable(*args) -> sympy expression}`` for the known integer moments.
    sampler : callable
        ``sampler(generator, [numpy array per argument], size) -> array``.
    support : str
        "positive", "real" or "count".
    reference : str
        Where the moments come from.
    numeric : dict, optional
        ``{order: callable(*mpmath args) -> mpf}``: the same moments computed numerically from the
        draw's definition (quadrature), sharing no algebra with ``moments``; the reference route
        uses these.
    kernel_family : str, optional
        The kernel family (:data:`modelcollapse.proofs.kernel.FAMILIES`) whose cited facts state the
        same moments for the same arguments: the kernel then proves results resting on the draw (its
        facts, not ``moments``, enter the proof, and must agree with them there).

    >>> import sympy as sp
    >>> m = sp.Symbol("m", positive=True)
    >>> d = CitedMoments("twice a chi-square", (m,), {1: lambda m: 2 * m}, None)
    >>> d.moment(1)
    2*m
    >>> d.moment(2)
    Traceback (most recent call last):
    ...
    ValueError: only the moments of order 1 of twice a chi-square(m) are known, not of order 2
    >>> CitedMoments("twice a chi-square", (m,), {0.5: lambda m: m}, None)
    Traceback (most recent call last):
    ...
    ValueError: moments must map integer orders >= 1 to callables of the arguments, got {0.5: <function <lambda> at ...>}
    """

    family = "CitedMoments"

    def __init__(self, name, args, moments, sampler, support="positive", reference="", numeric=None,
                 kernel_family=None):
        if support not in ("positive", "real", "count"):
            raise ValueError(f"support must be 'positive', 'real' or 'count', got {support!r}")
        if not moments or any(not isinstance(k, int) or k < 1 or not callable(f) for k, f in dict(moments).items()):
            raise ValueError("moments must map integer orders >= 1 to callables of the arguments, got "
                             f"{moments!r}")
        self.name = name
        self.args = tuple(sp.sympify(a) for a in args)
        self.arg_names = tuple(f"arg{j}" for j in range(len(self.args)))
        self.moments = dict(moments)
        self.sampler = sampler
        self.support = support
        self.reference = reference
        self.numeric = dict(numeric or {})
        self.kernel_family = kernel_family

    def __repr__(self):
        return f"{self.name}({', '.join(map(str, self.args))})"

    def moment(self, k):
        k = int(k)
        if k == 0:
            return sp.S.One
        if k not in self.moments:
            known = ", ".join(map(str, sorted(self.moments)))
            raise ValueError(f"only the moments of order {known} of {self!r} are known, not of order {k}")
        return sp.sympify(self.moments[k](*self.args))

    def power_moment(self, m):
        raise ValueError(f"only the moments of order {', '.join(map(str, sorted(self.moments)))} of {self!r} are "
                         f"known, not of order {m}")

    def log_moment(self):
        raise ValueError(f"only the moments of order {', '.join(map(str, sorted(self.moments)))} of {self!r} are "
                         "known, not its log moment")

    def sample(self, generator, args, size):
        return self.sampler(generator, args, size)


__all__ = ["Distribution", "Normal", "ChiSquare", "Gamma", "Poisson", "Binomial", "Multinomial", "CitedMoments"]

"""The kernel's vocabulary: random quantities, expectations and the named functionals.

A relation that mentions a random quantity holds almost surely, for every generation and index
its free symbols allow. ``Rand(name, g, *idx)`` is the state variable or draw ``name`` at
generation ``g`` (category ``idx``); ``CE(Y, g)`` is the conditional expectation of ``Y`` given the
history up to generation ``g`` (the states up to ``g`` and the draws before ``g``; the draws at ``g``
depend on it only through the state at ``g``); ``E(Y)`` the expectation. Nothing here evaluates: a word of the
vocabulary means only what a rule or an axiom says of it. (How the words print is no part of the kernel:
:mod:`modelcollapse.proofs.printing`.)
"""

import contextlib
import dataclasses
import functools
import math
import sys
import threading
import types
import typing

import mpmath
import sympy as sp
from sympy.core.assumptions import StdFactKB
from sympy.core.function import Application
from sympy.core.logic import fuzzy_and
from sympy.core.operations import LatticeOp
from sympy.core.singleton import Singleton
from sympy.core.symbol import Str
from sympy.functions.elementary.miscellaneous import MinMaxBase
from sympy.printing.repr import ReprPrinter


class Word(sp.Function):
    """A word of the vocabulary: never evaluated (symbolically or numerically)."""

    @classmethod
    def eval(cls, *args):
        return None

    def _eval_evalf(self, prec):
        return None


class Rand(Word):
    """``Rand(Str(name), g, *idx)``: the random quantity ``name`` at generation ``g``."""

    is_commutative = True

    def __new__(cls, name, g, *idx, **kw):
        # The name as an exact str: a str subclass could compare equal to another label.
        name = Str(str.__str__(name.name if type(name) is Str else name)) if isinstance(name, (str, Str)) else None
        if name is None:
            raise TypeError("Rand takes a name")
        return super().__new__(cls, name, sp.sympify(g), *map(sp.sympify, idx), **kw)

    label = property(lambda self: self.args[0].name, doc="The name, an exact str.")
    generation = property(lambda self: self.args[1])
    indices = property(lambda self: self.args[2:])


class E(Word):
    """Expectation."""

    nargs = 1


class CE(Word):
    """``CE(Y, g)``: conditional expectation of ``Y`` given the history up to generation ``g``."""

    nargs = 2


class Var(Word):
    """Variance (its meaning comes from the definition axiom ``variance``)."""

    nargs = 1


class Ind(Word):
    """Indicator of an event, ``Ind(Eq(Y, 0))``."""

    nargs = 1


class GaussEntropy(Word):
    """Differential entropy (nats) of N(m, v): ``GaussEntropy(m, v)``."""

    nargs = 2


class GaussW2(Word):
    """Squared 2-Wasserstein distance between N(a, v) and N(b, w): ``GaussW2(a, v, b, w)``."""

    nargs = 4


class GaussKL(Word):
    """KL(N(a, v) || N(b, w)) in nats: ``GaussKL(a, v, b, w)``."""

    nargs = 4


class Joint(Word):
    """``Joint(Y, Z, ...)``: the random quantities taken together, one random vector. Its arguments are
    kept in a canonical order: the information a vector carries does not depend on its order. The
    joint of one quantity is that quantity."""

    def __new__(cls, *args, **kw):
        return a[0] if len(a := list(sp.ordered(map(sp.sympify, args)))) == 1 else super().__new__(cls, *a, **kw)


class MutualInfo(Word):
    """``MutualInfo(X, Y)``: the mutual information I(X; Y), a value in [0, oo]."""


class CondMutualInfo(Word):
    """``CondMutualInfo(X, Y, Z)``: the conditional mutual information I(X; Y | Z), a value in [0, oo]."""


class AlmostSurely(Word):
    """``AlmostSurely(relation)``: the relation holds with probability one."""

    nargs = 1


#: Every word: an instance may not bind a pattern to anything containing one of these
#: unless the pattern's kind allows random quantities (then Rand only).
VOCABULARY = (Rand, E, CE, Var, Ind, GaussEntropy, GaussW2, GaussKL, AlmostSurely, Joint, MutualInfo, CondMutualInfo)


class MaxNormalVariance(sp.Function):
    """v_k, the variance of the largest of k independent standard normals: the integrals that define it
    (density k phi Phi^(k - 1); David and Nagaraja 2003, Order Statistics, Sec. 3.2), evaluated by
    quadrature at an integer k >= 1 (at 40 digits) and never rewritten. Not a word: a number, so it may
    enter algebra. Its value is an estimate (the quadrature misses the integrand's spike at k = 10^40): it
    may refute a claim, never certify a sign. Asked for more than 36 digits it is left unevaluated (on an
    exact 0, v_1 - 1, sympy would raise the precision without end)."""

    nargs = 1

    def _eval_evalf(self, prec):
        if self.args[0].is_Integer and self.args[0] >= 1 and mpmath.libmp.prec_to_dps(prec) <= 36:
            return sp.Float(_max_normal_variance(int(self.args[0]), 40), prec)


@functools.lru_cache(maxsize=None)
def _max_normal_variance(k, dps):
    with mpmath.workdps(dps):
        m1, m2 = (mpmath.quad(lambda x: x**p * k * mpmath.npdf(x) * mpmath.ncdf(x) ** (k - 1),
                              [-mpmath.inf, 0, mpmath.inf]) for p in (1, 2))
        return m2 - m1**2


#: sympy's functions with an interval version in mpmath.iv (which encloses every value it computes).
_INTERVAL_FUNCTIONS = {sp.exp: "exp", sp.log: "log", sp.sin: "sin", sp.cos: "cos"}
#: Functions of one argument, monotone and defined on the whole real line: enclosed by their values at the
#: ends of their argument's enclosure (exact binary numbers, so only the evaluation's own error is added).
_MONOTONE = (sp.erf, sp.erfc, sp.atan, sp.sinh, sp.tanh, sp.asinh)
#: Functions sympy evaluates at a number from a floating evaluation of it (an integer part, a comparison):
#: at a number that is not rational, their value is a guess.
NUMERIC_READINGS = (sp.floor, sp.ceiling, sp.frac, sp.Min, sp.Max, sp.sign, sp.Mod, sp.Piecewise, sp.Heaviside)


def enclosure(e, dps):
    """An interval (mpmath.iv) holding the real number ``e`` computed at ``dps`` digits, or None."""
    iv = mpmath.iv
    if e.is_Rational or e.is_Float:
        return iv.mpf(int(e.p)) / int(e.q) if e.is_Rational else _binary(e._mpf_)
    if e in (sp.pi, sp.E, sp.EulerGamma):
        return {sp.pi: iv.pi, sp.E: iv.e, sp.EulerGamma: iv.euler}[e]
    if isinstance(e, (sp.Add, sp.Mul)) or (isinstance(e, sp.Pow) and e.exp.is_Integer):
        parts = [enclosure(a, dps) for a in e.args]
        if None in parts or (e.is_Pow and e.exp < 0 and not (parts[0].a > 0 or parts[0].b < 0)):
            return None  # (1/x^2 over an interval holding 0 is [1/eps^2, oo], but 1/0 has no value)
        return sum(parts[1:], parts[0]) if e.is_Add else \
            functools.reduce(lambda x, y: x * y, parts) if e.is_Mul else parts[0] ** int(e.exp)
    if isinstance(e, (sp.Sum, sp.Product)) and len(e.limits) == 1:  # a short range of numbers, written out
        (j, lo, hi), = e.limits
        if not (lo.is_Integer and hi.is_Integer and lo - 1 <= hi < lo + 400):  # (reversed: sympy's reading differs)
            return None
        terms = [enclosure(substitute(e.function, {j: sp.Integer(k)}), dps) for k in range(int(lo), int(hi) + 1)]
        if None in terms:
            return None
        return sum(terms, iv.mpf(0)) if isinstance(e, sp.Sum) else functools.reduce(lambda x, y: x * y, terms, iv.mpf(1))
    if isinstance(e, sp.Pow) or type(e) in _INTERVAL_FUNCTIONS:
        args = [enclosure(a, dps) for a in e.args]
        if None in args or (isinstance(e, (sp.Pow, sp.log)) and not args[0].a > 0):
            return None
        return iv.exp(args[1] * iv.log(args[0])) if isinstance(e, sp.Pow) else \
            getattr(iv, _INTERVAL_FUNCTIONS[type(e)])(*args)
    if isinstance(e, (sp.Abs, sp.tan, sp.cot)):
        inside = enclosure(e.args[0], dps)
        if inside is None or isinstance(e, sp.Abs):
            return None if inside is None else abs(inside)
        sin, cos = mpmath.iv.sin(inside), mpmath.iv.cos(inside)
        low = sin if isinstance(e, sp.cot) else cos  # the denominator: shown nonzero, or no enclosure
        return None if not (low.a > 0 or low.b < 0) else (sin / cos if isinstance(e, sp.tan) else cos / sin)
    # A monotone function: its values at the ends of its argument's enclosure, widened by the evaluation's
    # error. Any other (a quadrature, a function sympy evaluates after rounding its argument) has none.
    if type(e) not in _MONOTONE:
        return None
    inside = enclosure(e.args[0], dps)
    if inside is None:
        return None
    ends = []
    for end in inside._mpi_:
        value = sp.N(e.func(sp.Float._new(end, mpmath.libmp.dps_to_prec(dps))), dps, strict=True)
        if not value.is_Float:
            return None
        ends.append(_binary(value._mpf_))
    width = max(abs(x) for x in ends).b * iv.mpf(10) ** (10 - dps) + iv.mpf(10) ** (-4 * dps)
    return iv.mpf([min(x.a for x in ends), max(x.b for x in ends)]) + iv.mpf([-width.b, width.b])


def _binary(raw):
    """The interval holding the binary number ``raw`` (an mpf tuple), read at its own precision (mpmath
    would round it to the context's 53 bits first)."""
    with mpmath.workprec(max(53, raw[3])):
        return mpmath.iv.mpf(mpmath.mpf(raw))


def sign_certified(e, strict) -> bool:
    """``e > 0`` (``>= 0``) for the number ``e``, shown by interval arithmetic (at 30 digits, then 120): a
    certificate, never sympy's evaluation, which rounds 1 + 10^-40 to 1 inside a log and reports it exact."""
    if e.is_Rational:
        return bool(e > 0 if strict else e >= 0)
    for dps in (30, 120):
        box = _enclosed(e, dps)
        if box is not None and (box.a > 0 or (not strict and box.a >= 0)):
            return True
    return False


def _enclosed(e, dps):
    """:func:`enclosure` at ``dps`` digits, or None (any failure is no enclosure)."""
    old, mpmath.iv.dps = mpmath.iv.dps, dps
    try:
        return enclosure(e, dps)
    except Exception:  # noqa: BLE001 - no enclosure, no certificate
        return None
    finally:
        mpmath.iv.dps = old


@functools.lru_cache(maxsize=65536)
def _number_misread(node) -> bool:
    facts = [(node.is_positive, node, True), (node.is_nonnegative, node, False), (node.is_negative, -node, True),
             (node.is_nonpositive, -node, False)]
    if any(fact and not sign_certified(sign, strict) for fact, sign, strict in facts):
        return True
    # Its value too: sympy's assumptions build numbers of their own from it (T - 1/2 inside Add's sign) and
    # read their signs off a 2-digit evaluation, which must then lie within 5% of the enclosure.
    value = node.evalf(2)
    if not (value.is_Float or value.is_Rational):  # (an exact reading is a reading: log(1 + 10^-60) read as 0)
        return False
    read = _binary(value._mpf_) if value.is_Float else mpmath.iv.mpf(int(value.p)) / int(value.q)
    for dps in (30, 120):  # (a box too wide at 30 digits to judge the reading is computed again at 120)
        box = _enclosed(node, dps)
        if box is None:
            return False
        size = max(abs(box.a), abs(box.b)).b
        slack = size / 20 + mpmath.mpf(10) ** -100
        if read.b < box.a - slack or read.a > box.b + slack:
            return True
        if box.delta.b <= size / 100:
            return False
    return False


def _closed(node) -> bool:
    """Whether ``node`` is a number: an expression with no symbol free in it and no vector entry."""
    return isinstance(node, sp.Expr) and bool(node.is_number) and not node.free_symbols and not node.has(sp.Indexed)


#: Constants whose floating evaluation mpmath computes to any precision asked, with nothing cancelling inside.
_EXACT_CONSTANTS = (sp.pi, sp.E, sp.EulerGamma)
#: A sum is read through its terms only if it is at least this part of its largest term: sympy evaluates a
#: sum at a capped precision and, where its terms cancel beyond that, takes the bound of the error for the value.
_CANCELLATION = mpmath.mpf(2) ** -8


@functools.lru_cache(maxsize=4096)
def _read_exactly(node) -> bool:
    """Whether sympy's floating evaluation of the number ``node`` is right at every precision it works at: a
    rational, pi, e or Euler's gamma; a positive rational power of one of these (a rational of at most 64 bits),
    the exponential of a rational, a logarithm of such a number when it is at least 2 or at most 1/2; a product
    or integer power of such numbers; their sum when it cancels nothing (:data:`_CANCELLATION`, shown by
    interval arithmetic); and a short sum or product whose terms, written out, are such numbers. (sympy
    evaluates log(1 - 10^-110) by rounding its argument to 1, and (10^50 sqrt(10^110 + 1) - 10^105 + 1)^2
    from a base it could not resolve, each with its accuracy claimed.)"""
    def plain(a):  # (sympy's polynomial algorithms on a root of a long integer take minutes: sqrt(10^110 + 1))
        return (a.is_Rational and max(abs(a.p), a.q) < 2**64) or a in _EXACT_CONSTANTS
    if node.is_Rational or plain(node) or node in (sp.oo, -sp.oo, sp.zoo, sp.nan):
        return True
    if isinstance(node, sp.Mul) or (node.is_Pow and node.exp.is_Integer):
        return all(_read_exactly(a) for a in node.args)
    if isinstance(node, sp.Add):
        return all(_read_exactly(a) for a in node.args) and _cancels_nothing(node.args)
    if node.is_Pow:
        return plain(node.base) and node.exp.is_Rational and sign_certified(node.base, True)
    if isinstance(node, sp.exp):
        return node.args[0].is_Rational
    if isinstance(node, sp.log):
        a = node.args[0]
        return (plain(a) or (a.is_Pow and _read_exactly(a))) and sign_certified(a, True) and (
            sign_certified(a - 2, False) or sign_certified(sp.Rational(1, 2) - a, False))
    if isinstance(node, (sp.Sum, sp.Product)) and len(node.limits) == 1:  # read as its terms written out
        (j, lo, hi), = node.limits
        if not (lo.is_Integer and hi.is_Integer and lo - 1 <= hi < lo + 400):
            return False
        terms = [substitute(node.function, {j: sp.Integer(k)}) for k in range(int(lo), int(hi) + 1)]
        return all(_closed(t) and _read_exactly(t) for t in terms) and (
            isinstance(node, sp.Product) or len(terms) < 2 or _cancels_nothing(terms))
    return False


def _cancels_nothing(terms) -> bool:
    """Whether the sum of the numbers ``terms`` is shown (at 30 digits, then 120) to be at least
    :data:`_CANCELLATION` times its largest term in size."""
    for dps in (30, 120):
        boxes = [_enclosed(t, dps) for t in terms]
        if None in boxes:
            return False
        total = [mpmath.mpf(v) for v in sum(boxes[1:], boxes[0])._mpi_]
        largest = max(max(abs(mpmath.mpf(v)) for v in b._mpi_) for b in boxes)
        if max(total[0], -total[1], 0) >= largest * _CANCELLATION:
            return True
    return False


@functools.lru_cache(maxsize=4096)
def _standing_for(node):
    """A symbol standing for the constant ``node``: real with the sign interval arithmetic shows (at 30
    digits, then 120), or with no flag at all where nothing is enclosed."""
    for dps in (30, 120):
        box = _enclosed(node, dps)
        if box is not None and (box.a > 0 or box.b < 0):
            return sp.Dummy("constant", positive=True) if box.a > 0 else sp.Dummy("constant", negative=True)
    return sp.Dummy("constant", real=True) if _enclosed(node, 30) is not None else sp.Dummy("constant")


@functools.lru_cache(maxsize=65536)
def certified_sign(number):
    """-1, 0 or 1: the sign of the real ``number`` as interval arithmetic shows it (at 30 digits, then 120);
    None where it cannot."""
    if number.is_Rational:
        return (number.p > 0) - (number.p < 0)
    for dps in (30, 120):
        box = _enclosed(number, dps)
        if box is None:
            return None
        if box.a > 0 or box.b < 0:
            return 1 if box.a > 0 else -1
    return None


def _certified_positive_negative(self, positive):
    # sympy's sign of a number, which it reads off a 2-digit evaluation (Expr._eval_is_extended_positive_negative).
    sign = certified_sign(self) if self.is_number else None
    return None if sign is None else (sign > 0 if positive else sign < 0)


def _certified_difference(a, b):
    # sympy's comparison of two numbers, which it reads off a 2-digit evaluation of a - b (relational._n2).
    sign = certified_sign(a - b) if a.is_number and b.is_number else None
    return None if sign is None else sp.Integer(sign)


def _certified_integer_part(number, direction, options, return_ints=False):
    # floor (direction -1) or ceiling (1) of a number, which sympy reads off a floating evaluation.
    for dps in (30, 120):
        box = _enclosed(number, dps)
        if box is None:
            break
        ends = [mpmath.floor(mpmath.mpf(v)) if direction < 0 else mpmath.ceil(mpmath.mpf(v)) for v in box._mpi_]
        if ends[0] == ends[1] and (box.a > ends[0] if direction < 0 else box.b < ends[0]):
            return int(ends[0]), 0
    raise sp.core.evalf.PrecisionExhausted("no certified integer part")


_POWER_IS_INTEGER = sp.Pow._eval_is_integer


def _power_is_integer(self):
    # sympy's rule that a rational, not an integer, to a positive power is no integer holds for rational
    # exponents only: (3/2)^t is 2 at t = log 2 / log(3/2), where sympy's rule would make ((3/2)^t - 2)^2 > 0.
    base, exponent = self.args
    if base.is_rational and base.is_integer is False and exponent.is_rational is not True:
        return None
    return _POWER_IS_INTEGER(self)


_POWER_IS_RATIONAL = sp.Pow._eval_is_rational


def _power_is_rational(self):
    # sympy's rule: an irrational number to a nonzero integer power is irrational; but sqrt(2)^2 is 2 (and
    # (sqrt(2) c)^(2c) is 2 at c = 1, where sympy's rule would make its distance from 2 positive).
    base, exponent = self.as_base_exp()
    if base.is_irrational and exponent.is_zero is not True:
        return None
    return _POWER_IS_RATIONAL(self)


def _factorial_is_integer(self):
    # sympy's rule: rf(x, k) and ff(x, k) are integers when x and k are and k >= 0, and are not otherwise; but at
    # k = 0 each is 1 whatever x is (rf(1/2, (n - 20)^2) is 1 at n = 20).
    base, order = self.args
    return True if base.is_integer and order.is_integer and order.is_nonnegative else None


_PRODUCT_IS_INTEGER = sp.Mul._eval_is_integer


def _product_is_integer(self):
    # sympy reads a product with a denominator by parity alone: an even number over an odd one is no integer,
    # so not 0 ((2n - 40)/(2n^2 + 3) is 0 at n = 20), an even square over 6 an integer ((n(n + 1) + 2)^2 / 6
    # never is). What holds: a product of integers is one, an irrational product is not.
    if all(a.is_integer for a in self.args):
        return True
    return False if self._eval_is_rational() is False else None


def _gamma_is_positive(self):
    # sympy's rule: gamma(x), x no integer, is positive when floor(x) is even; but that holds for x < 0 only
    # (gamma(n(n + 1) + 3/2) > 0, though floor is odd and sympy could not see the argument's sign).
    x = self.args[0]
    if x.is_positive:
        return True
    return sp.floor(x).is_even if x.is_negative and x.is_noninteger else None


def _binomial_is_nonnegative(self):
    # sympy's rule: binomial(n, k) is negative for an odd k when n's sign is unknown; but binomial(n - 20, 3)
    # is 0 at n = 20 and 10 at n = 25, and sign, Abs, Max and Min read that rule as a case is built.
    n, k = self.args
    return True if n.is_integer and k.is_integer and (n.is_nonnegative or k.is_negative or k.is_even) else None


_MONOTONIC_SIGN = sys.modules["sympy.core.exprtools"]._monotonic_sign


def _monotonic_sign(expr):
    # sympy bounds c + a, a a monomial in several symbols, by putting each symbol's value closest to 0 into a:
    # the least size of a only when no symbol stands in a denominator (1/(x y) - 1/200 is called positive for
    # integers x, y >= 1, but it is negative at x = y = 15). A sum's sign rests on such a bound only for a
    # polynomial or a function of one symbol.
    if len(expr.free_symbols) > 1 and not expr.is_polynomial():
        return None
    return _MONOTONIC_SIGN(expr)


_READINGS = ((sp.core.expr.Expr, "_eval_is_extended_positive_negative", _certified_positive_negative),
             (sp.Pow._prop_handler, "integer", _power_is_integer),  # (sympy's table of handlers, read when asked)
             (sp.Pow._prop_handler, "rational", _power_is_rational),
             (sp.RisingFactorial._prop_handler, "integer", _factorial_is_integer),
             (sp.FallingFactorial._prop_handler, "integer", _factorial_is_integer),
             (sp.Mul._prop_handler, "integer", _product_is_integer),
             (sp.gamma._prop_handler, "positive", _gamma_is_positive),
             (sp.binomial._prop_handler, "nonnegative", _binomial_is_nonnegative),
             (sys.modules["sympy.core.exprtools"], "_monotonic_sign", _monotonic_sign),
             (sp.core.relational, "_n2", _certified_difference),
             (sys.modules["sympy.functions.elementary.integers"], "get_integer_part", _certified_integer_part))
_DEPTH = [0]
#: One check at a time reads numbers this way in a process (the readings are sympy's, shared by its threads).
_READING = threading.RLock()


def _get(owner, name):
    return owner[name] if type(owner) is dict else getattr(owner, name)


def _set(owner, name, value):
    owner.__setitem__(name, value) if type(owner) is dict else setattr(owner, name, value)


def checking() -> bool:
    """Whether the kernel's readings are in force (:func:`certified_readings`): only what was decided under them may
    be remembered for a later check."""
    return _DEPTH[0] > 0


@contextlib.contextmanager
def certified_readings():
    """While the kernel checks a proof, sympy reads the sign of a number, the order of two numbers and a
    number's integer part from interval arithmetic, never from its floating evaluation, and a power, a
    product, a rising or falling factorial is an integer, or rational, or not, a binomial coefficient
    nonnegative, and a sum's sign bounded, by rules that hold (:func:`_power_is_integer`,
    :func:`_power_is_rational`, :func:`_factorial_is_integer`, :func:`_product_is_integer`,
    :func:`_binomial_is_nonnegative`, :func:`_gamma_is_positive`, :func:`_monotonic_sign`): inside a sum sympy
    evaluates at a capped precision and takes an unresolved cancellation's error bound for the value, in
    numbers it builds itself (the value at a domain's end of (a x + b)^2 - 10^10, a = 10^50 sqrt(10^110 + 1),
    b = 1 - 10^105). sympy's cache is emptied on entry, so no fact read before comes back with a number."""
    _READING.acquire()
    if _DEPTH[0] == 0:
        saved = [(owner, name, _get(owner, name)) for owner, name, _ in _READINGS]
        for owner, name, reading in _READINGS:
            _set(owner, name, reading)
        sp.core.cache.clear_cache()
    _DEPTH[0] += 1
    try:
        yield
    finally:
        _DEPTH[0] -= 1
        if _DEPTH[0] == 0:
            for owner, name, original in saved:
                _set(owner, name, original)
            sp.core.cache.clear_cache()
        _READING.release()


def generalized(exprs):
    """``exprs`` (a claim, then what may be put into it) with each number sympy may misread
    (:func:`_read_exactly`), the whole of it, and the constant part of a sum that cancels, replaced by a symbol
    that keeps only its certified sign: what holds for every such symbol holds for the number. sympy reads a
    number's sign and value off a floating evaluation, of the number and of the numbers it builds from it
    (W - 1/100 inside the sign of m/100 + W - 1/100, never a node of the claim, read as 10^85 where W is
    10^-3), so beside a symbol it may see only numbers it reads right at every precision. A claim with no
    symbols is left to interval arithmetic."""
    exprs = [sp.sympify(e) for e in exprs]
    if not exprs[0].free_symbols:
        return exprs
    table = {}

    def standing(number):
        return table.setdefault(number, _standing_for(number))

    def rebuild(node):
        if _closed(node):
            return node if _read_exactly(node) else standing(node)
        if not node.args or isinstance(node, (sp.Symbol, sp.Indexed)):
            return node
        if isinstance(node, sp.Add):
            numbers = [a for a in node.args if _closed(a)]
            if len(numbers) > 1 and not _read_exactly(sp.Add(*numbers)):
                return sp.Add(*[rebuild(a) for a in node.args if not _closed(a)], standing(sp.Add(*numbers)))
        args = [rebuild(a) if isinstance(a, sp.Basic) else a for a in node.args]
        return node if all(a is b for a, b in zip(args, node.args)) else node.func(*args)
    return [rebuild(e) for e in exprs]


def misread_numbers(expr) -> bool:
    """Whether sympy misreads some number in ``expr`` (a part with no symbols): holds a sign of it that
    interval arithmetic does not show, or a 2-digit value outside its enclosure, or would take floor, min,
    sign (:data:`NUMERIC_READINGS`) of it off a float. Its assumptions read signs from a floating evaluation,
    and so does every sign it derives from them."""
    return any(_read_numerically(node, node.args) or (
        node.is_number and not node.is_Rational and node.is_finite is not False and not node.free_symbols
        and not node.has(sp.Indexed) and not _limiting(node) and _number_misread(node))
        for node in sp.preorder_traversal(expr) if not isinstance(node, (sp.Symbol, sp.Indexed)))


def _limiting(node) -> bool:
    """A limit, an integral or an infinite sum or product: sympy's sign of it is its own reasoning (its parts
    are read like any other number), and no interval encloses it."""
    return isinstance(node, (sp.Limit, sp.Integral)) or (isinstance(node, (sp.Sum, sp.Product)) and any(
        x.has(sp.oo, -sp.oo) for limit in node.limits for x in limit[1:]))


def _read_numerically(node, args, relations=False) -> bool:
    """Whether sympy would evaluate ``node`` at ``args`` by a floating evaluation (floor of a number that is
    not rational: sympy takes 10^40 (10^-20 - log(1 + 10^-20)), which is 1/2, to have floor 10^20); a
    comparison too, when ``relations`` (one being built, not a statement)."""
    if isinstance(node, sp.Piecewise):  # its conditions compare numbers
        args = [a for pair in args for a in sp.preorder_traversal(pair.cond)]
    return (isinstance(node, NUMERIC_READINGS) or (relations and isinstance(node, sp.core.relational.Relational))) and any(
        getattr(a, "is_number", False) and not a.is_Rational and not a.free_symbols and a.is_finite is not False
        for a in args)


def substitute(expr, mapping):
    """``expr`` with ``mapping`` applied. Where numbers go in, sympy evaluates a function of a number by its
    reading of it (|c| becomes -c, floor(c) an integer), so each number is read right (:func:`misread_numbers`)
    before anything is built on it; else nan, which shows nothing."""
    expr = sp.sympify(expr)
    if not any(getattr(v, "is_number", False) for v in mapping.values()):
        return expr.xreplace(mapping)

    def build(node):
        if node in mapping:
            return mapping[node]
        if isinstance(node, (sp.Sum, sp.Product, sp.Lambda)) and set(node.variables) & set(mapping):
            return node  # a binder of the same name: its variable is not the one mapped
        args = [build(a) for a in node.args]
        if any(a is sp.nan or (a.is_number and misread_numbers(a)) for a in args) or _read_numerically(node, args, True):
            return sp.nan
        return node if all(a is b for a, b in zip(args, node.args)) else node.func(*args)
    return build(expr)


class _ExactText(ReprPrinter):
    """sympy's srepr with a symbol's assumptions in sorted order (srepr writes them in the order they were
    stated, and sympy's cache hands back whichever of two equal symbols it met first: texts of equal
    expressions must not depend on that history), an indexed base's and an entry's facts printed (their
    equality reads them), and every node refused whose records or attributes say other than it states."""

    def _print_Symbol(self, expr):
        _stated_facts(expr)  # (its text is what it states: refused when equality would read otherwise)
        stated = dict(sorted(expr._assumptions_orig.items()))
        if expr.is_Dummy:
            stated["dummy_index"] = expr.dummy_index
        return f"{type(expr).__name__}({self._print(expr.name)}{''.join(f', {k}={v}' for k, v in stated.items())})"

    def _print_IndexedBase(self, expr):  # its equality reads its facts: so does its text
        facts = sorted((k, v) for k, v in _indexed_facts(expr).items() if v is not None)
        return f"{type(expr).__name__}({', '.join(map(self._print, expr.args))}, {facts})"

    _print_Indexed = _print_IndexedBase

    def _print(self, expr, **kwargs):  # every node, as the kernel reads it
        _as_its_class_says(expr)
        return super()._print(expr, **kwargs)


def _stated_facts(symbol):
    """A symbol's facts, from what it states; ValueError when its two records of that disagree (sympy's equality
    and hash read one, its text the other: a symbol stating real but equal to an integer one)."""
    facts, _, closure = sp.Symbol._canonical_assumptions(**symbol._assumptions_orig)
    require(tuple(sorted(closure.items())) == symbol._assumptions0, f"the symbol {symbol.name}'s records of what it "
            "states disagree")
    return facts


def _as_its_class_says(node):
    """ValueError when ``node`` carries an attribute of its own that hides its class's (is_Rational and a value
    on an exp node, read as a number by the kernel's certificates and by sympy's equality), but for the
    number of arguments, which sympy sets on every function node."""
    own = getattr(node, "__dict__", None) if isinstance(node, sp.Basic) else None  # (a class is printed too)
    require(not own or not any(k != "nargs" and hasattr(type(node), k) for k in own),
            f"a {type(node).__name__} node overrides what its class says of it")


def _indexed_facts(node):
    """An indexed base's or entry's facts, from what it states; ValueError when the facts its equality and hash
    read differ from them (written there after the node was built)."""
    facts = StdFactKB({"commutative": True, **node._assumptions.generator})
    require({k: v for k, v in node._assumptions.items() if v is not None} == {k: v for k, v in facts.items()
                                                                              if v is not None},
            f"the facts of {node} disagree with what it states")
    return facts


def exact_text(expr):
    """The exact text of an expression (or a tuple of them): equal texts, identical expressions."""
    return _ExactText().doprint(expr)


def require(condition, message):
    """Raise ValueError(``message``) unless ``condition`` holds."""
    if not condition:
        raise ValueError(message)


def note(problems: list, condition, message):
    """Append ``message`` to ``problems`` when ``condition`` holds (a problem is found)."""
    if condition:
        problems.append(message)


def words_in(expr) -> set:
    """The vocabulary classes occurring in ``expr``."""
    return {type(a) for a in sp.preorder_traversal(sp.sympify(expr)) if isinstance(a, VOCABULARY)}


def rands(expr) -> set:
    return {a for a in sp.preorder_traversal(sp.sympify(expr)) if isinstance(a, Rand)}


def bound_symbols(expr) -> set:
    """Symbols bound anywhere in ``expr`` (summation, product, integral, Lambda variables)."""
    out = set()
    for a in sp.preorder_traversal(sp.sympify(expr)):
        if isinstance(a, (sp.Sum, sp.Product, sp.Integral, sp.Lambda)):
            out |= set(a.variables)
        elif isinstance(a, sp.Limit):
            out.add(a.args[1])
    return out


def binder_problem(expr, reserved=frozenset()) -> str:
    """Why the binders of ``expr`` have more than one reading ('' if none): each sum's or product's index
    is bound once, over one limit, never free elsewhere in ``expr`` (Sum(n, (n, 1, n)): sympy reads a
    range outside its binder), and never one of ``reserved`` (a law's indices, its generation and
    parameters, which a rule replaces wherever they stand); no sum, product or limit binds its variable
    again inside itself (sympy's doit renames both alike; Sum(2^g, (g, 0, g^2)) under a limit in g)."""
    expr = sp.sympify(expr)
    kinds = (sp.Sum, sp.Product, sp.Integral, sp.Limit)
    # A vector's label is a symbol: an index of that name would be put into the label too (Sum(p[p], (p, 1, 2)) is
    # the vector p's total to one reader and IndexedBase(1)[1] + IndexedBase(2)[2] to sympy).
    labels = {str(a.base.label) for a in expr.atoms(sp.Indexed)}
    for node in [a for a in sp.preorder_traversal(expr) if isinstance(a, kinds + (sp.Lambda,))]:  # outer first
        if isinstance(node, sp.Lambda):
            if labels & {str(v) for v in node.variables}:
                return f"a variable of {node} is named as a vector's label"
            continue
        if not isinstance(node, sp.Limit) and len(node.limits) > 1:
            return "a sum or product takes one limit (nest them: each index's scope is then explicit)"
        v = node.args[1] if isinstance(node, sp.Limit) else node.limits[0][0]
        if str(v) in labels:
            return f"the index {v} of {node} is named as a vector's label"
        # A limit's variable may stand free beside it: a rule's premise about every generation g.
        if not isinstance(node, sp.Limit) and (v in expr.free_symbols or v in reserved):
            return f"the index {v} of {node} also occurs free" + (" (the law reads it)" if v in reserved else "")
        if any(v in bound_symbols(b) for b in sp.Tuple(*node.args).atoms(*kinds) - {node}):
            return f"the index {v} of {node} is bound again inside it"
    return ""


def simplify(expr):
    """sympy's simplification without its ``doit``: sympy's closed form of a sum over a symbolic range
    may hold for typical lengths only (sum (-1)^k C(n, k) = 0 is false at n = 0), so no sum or product
    over a symbolic range is evaluated here, only those over a range of numbers, term by term (and
    :func:`~.decide._closed_forms` gives those that are identities)."""
    return sp.simplify(explicit(expr), doit=False)


def explicit(expr, most=99):
    """``expr`` with each sum and product over a range of numbers (of at most ``most`` terms) written
    out term by term, here, by substitution (which leaves a binder of the same name inside bound): its
    definition, never sympy's evaluation (a closed form from 100 terms on; an index renamed with
    assumptions from its range, inner binders of that name too). An empty range gives 0 or 1; a
    reversed one is left as it is."""
    def finite(x):
        if not isinstance(x, (sp.Sum, sp.Product)) or len(x.limits) != 1:
            return False
        lo, hi = x.limits[0][1:]
        return lo.is_Integer and hi.is_Integer and lo - 1 <= hi < lo + most

    def written(x):
        (j, lo, hi), f = x.limits[0], x.function
        terms = [substitute(f, {j: sp.Integer(v)}) for v in range(int(lo), int(hi) + 1)]
        return sp.Add(*terms) if isinstance(x, sp.Sum) else sp.Mul(*terms)
    return sp.sympify(expr).replace(finite, written)


def fresh_binders(expr):
    """``expr`` with every summation, product and integration variable renamed to a fresh dummy (the
    same dummy for the same variable throughout, so alike sums stay alike), so that a point's values
    or a case's substitutions never land on a bound variable."""
    names = {}

    def fresh(node):
        renamed = []
        for v, *bounds in node.limits:
            if v not in names:
                names[v] = sp.Dummy(str(v), **{k: val for k, val in v.assumptions0.items() if k in ("integer", "real")})
            renamed.append((names[v], *bounds))
        # The body only: a range is read outside its binder (Sum(2^g, (g, 0, g^2)) keeps the g of g^2).
        return type(node)(node.function.xreplace({v: names[v] for v in node.variables}), *renamed)
    return sp.sympify(expr).replace(lambda x: isinstance(x, (sp.Sum, sp.Product, sp.Integral)), fresh)


#: The sympy classes a relation may be made of (by identity: a look-alike is not one); the numbers are the
#: rationals, the named constants (pi, E, ...), the infinities, nan and the imaginary unit.
ALLOWED = frozenset({
    sp.Add, sp.Mul, sp.Pow, sp.Symbol, sp.Indexed, sp.IndexedBase, sp.Tuple, Str, sp.Eq, sp.Ne, sp.Lt, sp.Le,
    sp.Gt, sp.Ge, sp.And, sp.Or, sp.Not, sp.Implies, sp.Equivalent, sp.Lambda, type(sp.true), type(sp.false), sp.Piecewise,
    sp.functions.elementary.piecewise.ExprCondPair, sp.Sum, sp.Product, sp.Limit, sp.exp, sp.log, sp.gamma, sp.loggamma,
    sp.polygamma, sp.binomial, sp.factorial, sp.FallingFactorial, sp.RisingFactorial, sp.Abs, sp.sign, sp.floor,
    sp.ceiling, sp.Min, sp.Max, sp.sin, sp.cos, sp.tan, sp.cot, sp.erf, MaxNormalVariance, type(sp.oo), type(-sp.oo),
    type(sp.zoo), type(sp.nan), type(sp.I)} | {cls for cls in vars(sp.core.numbers).values() if isinstance(cls, type)
                                              and issubclass(cls, (sp.Rational, sp.core.numbers.NumberSymbol))})


def foreign(expr):
    """The first node of ``expr`` whose class is neither one of :data:`ALLOWED` (by identity, so a
    subclass or a class posing under sympy's name is foreign) nor a kernel word, or a name (of a
    symbol or a label) that is not an exact str; None if none. Only classes are read before a node
    is accepted: no method of a foreign object runs."""
    stack, seen = [sp.sympify(expr) if type(expr) in (int, bool) else expr], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:  # (read once: a node that holds itself is refused where it is copied)
            continue
        seen.add(id(node))
        if (type(node) not in ALLOWED and type(node) not in VOCABULARY) or \
                (type(node) in (Str, sp.Symbol) and type(node.name) is not str):
            return node
        stack.extend(reversed(node.args))
    return None


def exact(value, kind=object):
    """A fresh copy of ``value`` read as ``kind`` by exact types alone, so that no user code runs when the
    copy is read or compared; ValueError for anything else. A kernel dataclass is exactly its class, read
    field by field as annotated; a str, a bool or a sympy class exactly that; a tuple (or list) becomes a
    tuple, of what its annotation says (bare: expressions, or tuples of them); a dict a dict; ``object`` an
    exact kernel expression (an int becomes an Integer) or None; ``Any`` is kept (checked where it is used).
    Every expression is a copy the kernel built node by node (:func:`rebuilt`)."""
    origin, args = typing.get_origin(kind) or kind, typing.get_args(kind)
    union = args if origin in (typing.Union, types.UnionType) else (origin,)
    origin = next((k for k in union if type(value) is k or (k is tuple and type(value) is list)), None)
    if origin is None and union[0] in (str, bool, tuple, list, dict):
        raise ValueError(f"must be a {union[0].__name__}, not a {type(value).__name__}")
    if origin is None and union[0] not in (object, typing.Any):
        names = " or ".join(k.__name__ for k in union if k is not type(None))
        raise ValueError(f"not a kernel {names}: a {type(value).__name__}")
    if dataclasses.is_dataclass(origin):
        hints, copy = typing.get_type_hints(origin), {}
        for f in dataclasses.fields(origin):
            try:
                copy[f.name] = exact(getattr(value, f.name), hints[f.name])
            except ValueError as exc:
                raise ValueError(f"{origin.__name__} {f.name}: {exc}") from None
        return origin(**copy)
    if origin in (tuple, list):
        return origin(exact(x, args[0] if args else tuple if type(x) in (tuple, list) else object) for x in value)
    if origin is dict:
        return {exact(k, (args or (object,))[0]): exact(v, (args or (object, object))[1]) for k, v in value.items()}
    if origin in (str, bool) or union[0] is typing.Any:
        return rebuilt(value)
    value = sp.Integer(value) if type(value) is int else value
    node = foreign(value)
    require(node is None, f"{type(node).__name__} is not a node the kernel reads")
    return rebuilt(value)


def rebuilt(expr):
    """A copy of ``expr`` built here node by node from what each node states (its class, its arguments, a
    symbol's name and stated facts, a number's value), so that the kernel reads no record a caller holds: what
    sympy remembers of a node (facts it once read, its hash), attributes set on it by hand, or a node changed
    after an earlier check (its arguments rewritten; its hash, and so every dict and memo, still reading the
    old ones). sympy's singletons (1/2, pi, oo, true) are sympy's own. ValueError for a node whose records
    disagree with what it states, or that carries attributes hiding its class's; a node's class facts must be
    as the kernel found them when it was imported."""
    if not isinstance(expr, sp.Basic) or foreign(expr) is not None:  # (a foreign node is refused where it is read)
        return expr
    copies, building = {}, set()

    def build(node):
        if id(node) in copies:  # (a node shared by two places is copied once)
            return copies[id(node)]
        require(id(node) not in building, f"a node ({type(node).__name__}) holds itself")
        building.add(id(node))
        _as_its_class_says(node)
        cls, args = type(node), tuple(build(a) for a in node.args)
        require(not args or not (isinstance(cls, Singleton) or issubclass(cls, (sp.Symbol, Str, sp.Rational))),
                f"a {cls.__name__} has arguments")
        require(cls in (sp.Symbol, sp.IndexedBase, sp.Indexed) or
                _DEFAULT_FACTS.get(cls) == dict(cls.default_assumptions), f"the default facts of {cls.__name__} "
                "were changed")
        if isinstance(cls, Singleton):
            new = cls()
        elif cls is sp.Symbol:
            new = sp.Symbol.__xnew__(cls, node.name, **_stated(node))  # (sympy's cache may hold a changed one)
        elif cls is Str:
            new = Str(node.name)
        elif issubclass(cls, sp.Rational):
            # A number sympy reads by its numerator's sign alone must be as sympy writes it: in lowest terms, q > 0;
            # 0, 1, -1 and 1/2 are sympy's own, as its constructor gives them (its code tells them by identity).
            require(cls in (sp.Integer, sp.Rational) and type(node.p) is int and type(node.q) is int and node.q > 0
                    and math.gcd(node.p, node.q) == 1 and (node.q == 1) == (cls is sp.Integer),
                    "a number is not written in lowest terms")
            new = _SINGLE_NUMBERS.get((node.p, node.q))
            if new is None:
                new = sp.Basic.__new__(cls)
                new.p = node.p
                if cls is sp.Rational:
                    new.q = node.q
        else:
            # (sympy's Equivalent holds its arguments as one set, as its constructor builds it)
            new = sp.Basic.__new__(cls, *([frozenset(args)] if cls is sp.Equivalent else args))
            if cls is sp.IndexedBase:  # it keeps what it states beside what was read
                _indexed_facts(node)
                new._shape, new._offset, new._strides = (args[1] if len(args) > 1 else None), sp.S.Zero, None
                new._name = str(args[0])
                sp.IndexedBase._set_assumptions(new, dict(node._assumptions.generator))
            elif cls is sp.Indexed:  # an entry states its vector's facts, as sympy builds it
                _indexed_facts(node)
                require(dict(node._assumptions.generator) == args[0].assumptions0,
                        "an entry states facts other than its vector's")
                sp.IndexedBase._set_assumptions(new, args[0].assumptions0)
            if _commutative_slot(cls):  # what sympy's constructors set beside the arguments
                parts = args[:1] if issubclass(cls, (sp.Sum, sp.Product)) else args  # (a sum's: its summand's)
                new.is_commutative = fuzzy_and(a.is_commutative for a in parts)
            if isinstance(new, Application) and not isinstance(new, (sp.Piecewise, MinMaxBase)):
                new.nargs = cls.nargs
            if isinstance(new, (LatticeOp, sp.Equivalent)):
                new._argset = frozenset(args)
        building.discard(id(node))
        copies[id(node)] = new
        return new
    return build(expr)


#: sympy's own number objects, by numerator and denominator.
_SINGLE_NUMBERS = {(0, 1): sp.S.Zero, (1, 1): sp.S.One, (-1, 1): sp.S.NegativeOne, (1, 2): sp.S.Half}


@functools.cache
def _commutative_slot(cls) -> bool:
    """Whether sympy's constructor of ``cls`` records on each node whether it commutes (a slot, not a class fact)."""
    owner = next((k for k in cls.__mro__ if "is_commutative" in vars(k)), None)
    return owner is not None and isinstance(vars(owner)["is_commutative"], types.MemberDescriptorType)


def _stated(symbol):
    """What a symbol states of itself (checked against its other record, :func:`_stated_facts`)."""
    _stated_facts(symbol)
    return dict(symbol._assumptions_orig)


def _subclasses(cls):
    return {cls}.union(*map(_subclasses, cls.__subclasses__()))


#: sympy's default facts of each class, as found when the kernel was imported (a proof may not change them).
_DEFAULT_FACTS = {cls: dict(cls.default_assumptions) for cls in _subclasses(sp.Basic)}

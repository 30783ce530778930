"""Deciding identities and signs over a :class:`~.domains.Space`, with sympy and nothing else.

``is_zero`` and ``is_positive`` answer True only when sympy shows the claim in every case of
the space. Before that, the claim is evaluated at random admissible points (integer points for
integers, non-integer points where the domain allows them, vectors that sum as stated); a clear
counterexample rejects it at once. Sums and products are summed directly once their limits are
numbers, integrals by quadrature: an unevaluated construct is no shelter. Numbers never confirm.
"""

import contextlib
import os
import signal
import threading

import mpmath
import sympy as sp
from sympy.core.evalf import PrecisionExhausted

from .domains import Domain, Space
from .terms import (MaxNormalVariance, Rand, _number_misread, _read_exactly, _standing_for, bound_symbols,
                    certified_sign, checking, exact_text, explicit, fresh_binders, generalized, misread_numbers,
                    sign_certified, simplify, words_in)

#: Expressions larger than this (sympy count_ops) skip the expensive normal forms.
MAX_OPS = 400
#: Largest number of terms summed directly when refuting.
MAX_TERMS = 400


class StepTimeout(BaseException):
    """Raised by the step timer; a BaseException so that no ``except Exception`` swallows it."""


@contextlib.contextmanager
def time_limit(seconds):
    """Raise StepTimeout after ``seconds`` of CPU time (main thread on Unix; elsewhere no limit).

    CPU time, not wall-clock time: a loaded machine must not reject an honest proof.
    """
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    fired = []

    def handler(signum, frame):
        fired.append(True)
        raise StepTimeout(f"undecided within {seconds:g} s")

    old = signal.signal(signal.SIGPROF, handler)
    # Re-fire every half second: an exception raised inside a gc callback is dropped by Python.
    signal.setitimer(signal.ITIMER_PROF, seconds, 0.5)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, old)
        if fired:  # whatever was remembered since may rest on a computation cut short
            forget(verdicts=True)
    if fired:
        # The block ended although the limit fired: a bare ``except:`` (sympy has some) absorbed the
        # signal and may have gone on with a wrong value. Its result counts for nothing.
        raise StepTimeout(f"the {seconds:g} s limit fired and was absorbed inside the check")


def forget(verdicts):
    """Drop the signs, renamings and readings of numbers remembered, and sympy's cache; the verdicts too when
    ``verdicts`` (they are keyed by exact text, so they may outlive a check, but not a computation cut short)."""
    for memo in (_SIGNS, _ALPHA) + ((_VERDICTS,) if verdicts else ()):
        memo.clear()
    for remembered in (_number_misread, _read_exactly, _standing_for, certified_sign):
        remembered.cache_clear()
    sp.core.cache.clear_cache()


# --- numerical refutation ------------------------------------------------------------------

class _PointGamma(sp.Function):
    """gamma at a point: exact as sympy computes it up to |x| = 10^4; beyond, by mpmath with as many more digits as
    x has (sympy would compute the factorial of a huge integer, such as a sample size ceil(n0 (s + 1)^gamma),
    exactly and without end; and gamma(x + 1) / gamma(x) needs x to all its digits)."""

    @classmethod
    def eval(cls, x):
        return sp.gamma(x) if x.is_number and not (x.is_Rational and abs(x) > 10**4) else None

    def _eval_evalf(self, prec):
        x = self.args[0]
        work = prec + 2 * int(mpmath.log(abs(mpmath.mpmathify(sp.Abs(x).evalf(15))) + 2, 2)) + 20
        with mpmath.workprec(work):
            return sp.Expr._from_mpmath(mpmath.gamma(x.evalf(mpmath.libmp.prec_to_dps(work))._to_mpmath(work)), prec)


def evaluate(expr, point):
    """``expr`` at ``point`` as an mpmath complex number (its exponent cannot overflow), or None when it
    cannot be evaluated there.

    Finite sums and products are expanded term by term (sympy's convention for reversed
    ranges), entries of vectors looked up, integrals and infinite sums left to mpmath.
    """
    try:  # (a ceiling sympy cannot place between two integers at this point: it is not evaluated here)
        return _at_point(expr, point)
    except PrecisionExhausted:
        return None


def _at_point(expr, point):
    scalars = {k: v for k, v in point.items() if not callable(v)}
    vectors = {k: v for k, v in point.items() if callable(v)}
    e = fresh_binders(sp.sympify(expr)).replace(sp.gamma, _PointGamma)
    # A power whose exponent is a fraction or a large integer here (p^(tau^-t), x^(10^8)) would be computed exactly:
    # a long fraction or (5/19)^(4^12) without end (in one C call no step timer interrupts), and a short fraction
    # raised again ((p^(100/79) / m)^(100/79)) through perfect-power tests of huge integers. That exponent becomes a
    # float with 40 more digits than it has.
    def digits(a):
        x = a.exp.xreplace(scalars)
        return len(str(max(abs(x.p), x.q))) if x.is_Rational and (not x.is_Integer or abs(x) > 64) else 0
    e = e.replace(lambda a: isinstance(a, sp.Pow) and bool(a.free_symbols) and digits(a) > 0,
                  lambda a: sp.Pow(a.base, sp.Float(a.exp.xreplace(scalars), 40 + digits(a)))).xreplace(scalars)
    for _ in range(4):
        changed = False
        for node in sorted(e.atoms(sp.Sum, sp.Product), key=lambda a: -sp.count_ops(a)):
            limits = node.limits
            if all(lo.is_Integer and hi.is_Integer and abs(int(hi) - int(lo)) <= MAX_TERMS for _, lo, hi in limits):
                done = node.doit(deep=False)
                if vectors:
                    done = done.xreplace({a: vectors[a.base](a.indices[0]) for a in done.atoms(sp.Indexed)
                                          if a.base in vectors and len(a.indices) == 1 and a.indices[0].is_Integer})
                # A sum that is a number now is computed once (30 digits), not again at every occurrence.
                if not done.free_symbols and not done.atoms(sp.Indexed, sp.Sum, sp.Product, sp.Integral):
                    with mpmath.workdps(30):
                        done = sp.N(done, 30, maxn=400)
                e = e.xreplace({node: done})
                changed = True
        if vectors:
            reps = {a: vectors[a.base](a.indices[0] if len(a.indices) == 1 else tuple(a.indices))
                    for a in e.atoms(sp.Indexed) if a.base in vectors and all(x.is_Integer for x in a.indices)}
            if reps:
                e = e.xreplace(reps)
                changed = True
        if not changed:
            break
    if e.free_symbols or e.atoms(sp.Indexed):
        return None
    try:  # an mpmath number: its exponent has no range to overflow (10^400 is a value, not a failure)
        with mpmath.workdps(30):
            real, imag = sp.N(e, 25, maxn=400).as_real_imag()
            value = mpmath.mpc(sp.Float(real, 25)._mpf_, sp.Float(imag, 25)._mpf_)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError, ArithmeticError, AttributeError):
        return None
    return None if not mpmath.isfinite(value) else value


def _flag_domain(sym):
    """The values a symbol's flags allow (a case's fresh symbol, a summation index)."""
    low = 0 if (sym.is_positive or sym.is_nonnegative) else None
    if sym.is_integer:
        return Domain.integer(None if low is None else low + bool(sym.is_positive))
    return Domain.real(low, lo_open=bool(sym.is_positive))


def refuted(expr, space, sign=None, count=6, undecided=True) -> bool:
    """Whether some admissible point shows ``expr`` is not 0 (``sign=None``), or negative
    (``sign`` given: the claim was ``expr > 0`` or ``expr >= 0``). Random quantities get random
    values of their domains, expectations random reals. A claim no point evaluates counts as
    refuted when ``undecided``."""
    record = {}
    expr = space.opaque(expr, record)
    # A closed claim is judged exactly too: a value below any floating tolerance refutes when interval arithmetic
    # shows its sign against the claim (10^-200 sqrt(pi)/2 <= 0, an instance at a point, is false).
    if not expr.free_symbols and (sign_certified(-expr, True) or (sign is None and sign_certified(expr, True))):
        return True
    evaluated = 0
    # Points no one can compute in advance (a claim's factor that vanishes at known points hides
    # nothing); refutation only ever rejects, so the verdict on a true claim does not depend on them.
    salt = int.from_bytes(os.urandom(4), "big")
    loose = {s: _flag_domain(s) for s in expr.free_symbols - set(space.domains) - set(record)
             if isinstance(s, sp.Symbol) and s not in {a.base.label for a in expr.atoms(sp.Indexed)}}
    for point in Space({**space.domains, **record, **loose}, space.rand_domains).points(count, seed=salt):
        value = evaluate(expr, point)
        if value is None:
            continue
        evaluated += 1
        tol = 1e-10 * max(1.0, abs(value))
        negative = abs(value.imag) > tol or value.real < -tol
        # Zero is a counterexample to > 0.
        if abs(value) > 1e-10 if sign is None else (negative or (sign == "strict" and abs(value) <= 1e-20
                                                                and not _positive_exactly(expr, point))):
            return True
    # Nothing sympy returns is trusted unrefuted: a claim that no admissible point evaluates could
    # not have been refuted, so it counts as refuted (undecided), never as shown.
    return undecided and evaluated == 0 and bool(expr.free_symbols or expr.atoms(sp.Function, sp.Sum, sp.Product))


def _positive_exactly(expr, point) -> bool:
    """A value too small for doubles (1 - (1 - 2^-80)^t) shown > 0 at the point taken exactly, by
    sympy's adaptive precision, strict (a cancelling zero prints as +-0.e-5000 and is no evidence); a
    vector point or a failure is no evidence (the claim stays refuted)."""
    if any(callable(v) for v in point.values()):
        return False
    try:
        at = expr.replace(sp.gamma, _PointGamma).xreplace(
            {k: sp.Rational(v) if isinstance(v, (float, sp.Float)) else v for k, v in point.items()})
        value = sp.N(at, 15, maxn=4000, strict=True)
        return bool(value.is_real and value > 0)
    except Exception:
        return False


# --- identities ---------------------------------------------------------------------------

def split_finite_sums(e):
    """Linearity of finite sums: Sum(a + b) = Sum(a) + Sum(b), Sum(c f) = c Sum(f)."""
    def split(S):
        if len(S.limits) != 1 or any(x.has(sp.oo, -sp.oo) for x in S.limits[0]):
            return S
        var, lo, hi = S.limits[0]
        out = sp.S.Zero
        for term in sp.Add.make_args(sp.expand(S.function)):
            c, g = term.as_independent(var, as_Add=False)
            out += c * (sp.Sum(g, *S.limits) if g != 1 else (hi - lo + 1))
        return out
    return e.replace(lambda x: isinstance(x, sp.Sum), split)


def _peeled(e, form):
    """``form`` of ``e`` with its sums and products peeled, or ``e`` itself (not 0) when nothing peels: the
    unpeeled form is tried on its own (a second simplify of the same expression would cost seconds)."""
    peeled = _peel_ranges(e)
    return e if peeled == e else form(peeled)


def _peel_ranges(expr):
    """Product(f, (s, a, c + k)) = Product(f, (s, a, c - 1)) * f(c) ... f(c + k), and Sum likewise with
    + for *, for an integer k >= 0. For a sum it holds for every integer c under sympy's (Karr's) convention
    for reversed ranges, under which a sum over a to c splits at any b into a to b and b + 1 to c, and the
    split is invertible (S = S' + f(c)). A product is split so, or, unless the facts show each peeled factor
    nonzero, only where the part left keeps an ordinary range (empty at worst): over a reversed one a peeled
    factor may be 0 (prod_{i=1}^{h} (i - h) is 1 at h = 0, not 0)."""
    def peel(p):
        if len(p.limits) != 1:
            return p
        f, (var, lo, hi) = p.function, p.limits[0]
        const = sum((a for a in sp.Add.make_args(hi) if a.is_Integer), sp.S.Zero)
        rest = hi - const
        k = const + 1
        if not (k.is_Integer and k > 0 and rest.free_symbols):
            return p
        # The part left ends at rest - 1 + kept, as low as the product's range stays ordinary.
        peeled = [f.subs(var, rest - 1 + j) for j in range(1, int(k) + 1)]
        kept = 0 if isinstance(p, sp.Sum) or all(x.is_nonzero and not misread_numbers(x) for x in peeled) else next(
            (m for m in range(int(k) + 1) if (rest + m - lo).is_nonnegative is True), int(k))
        peeled = peeled[kept:]
        if isinstance(p, sp.Sum):
            return sp.Sum(f, (var, lo, rest - 1)) + sp.Add(*peeled)
        return sp.Product(f, (var, lo, rest - 1 + kept)) * sp.Mul(*peeled)
    return expr.replace(lambda e: isinstance(e, (sp.Product, sp.Sum)), peel)


_ALPHA: dict = {}
_HOLE = sp.Dummy("hole")


def alpha_named(expr):
    """``expr`` with each sum's and product's variable named after the summand (an integer symbol per
    text of the summand and limits), so that sums alike but for their variable become one term."""
    def rename(node):
        if not isinstance(node, (sp.Sum, sp.Product)) or len(node.limits) != 1:
            return node
        j, lo, hi = node.limits[0]
        key = (type(node), exact_text(node.function.xreplace({j: _HOLE})), exact_text(lo), exact_text(hi))
        c = _ALPHA.setdefault(key, sp.Dummy("c", integer=True))  # (the checked limits are integers)
        # Never capture: a name already free in the summand keeps the sum as it is.
        return node if c in node.function.free_symbols else type(node)(node.function.xreplace({j: c}), (c, lo, hi))
    return sp.sympify(expr).replace(lambda e: isinstance(e, (sp.Sum, sp.Product)), rename)


_TRANSFORMS = (
    # The cancelled fraction first: expanding products of long sums can take minutes where cancelling takes
    # seconds, and on the engine's closed forms it settles most identities; ratios of gamma functions whose
    # arguments differ by integers (chi-square moments) expanded before (it settles more, and sooner).
    lambda e: sp.cancel(sp.together(sp.expand_func(explicit(e)))),
    sp.expand,
    # The same after peeling the last terms of sums and products (an induction's step), before the costly forms.
    lambda e: _peeled(e, lambda p: sp.cancel(sp.together(sp.expand_func(explicit(p))))),
    # Sums split, expanded and named after their summands: sums alike but for their variable cancel.
    lambda e: sp.expand(alpha_named(sp.expand(split_finite_sums(alpha_named(e))))),
    lambda e: simplify(sp.expand_func(sp.gammasimp(e))),
    lambda e: _peeled(e, simplify),
    simplify,
    # Closed forms that are identities, then RF(-x, k) = (-1)^k ff(x, k) for an integer k (refuted first).
    # The closed forms' gamma-like nodes are guarded as the claim's are (an empty product is rf(1 - h, h) = 1 at
    # h = 0, which sympy, through gamma, calls 0).
    lambda e: simplify(_guarded_by_facts(_closed_forms(e).replace(
        lambda x: isinstance(x, sp.RisingFactorial) and x.args[1].is_integer is True and _rewrites_validly(
            sp.ff(-x.args[0], x.args[1], evaluate=False)),
        lambda x: (-1) ** x.args[1] * sp.ff(-x.args[0], x.args[1])))),
)


def _closed_forms(e):
    """Each sum of a polynomial in its index (Faulhaber's formula) and each product of a rational function
    of it (rising factorials of the roots) in sympy's closed form: identities for every length. No other
    sum: sympy's closed form of a sum may hold for typical lengths only (sum (-1)^k C(n, k) = 0, false at
    n = 0). Only the node whose form was read is evaluated: nothing under it or in its limits may be a
    sum, a product or an integral (sympy's doit would evaluate those too)."""
    def exact(x):
        if not isinstance(x, (sp.Sum, sp.Product)) or len(x.limits) != 1 or \
                any(a.has(sp.Sum, sp.Product, sp.Integral) for a in x.args):
            return False
        j = x.limits[0][0]
        return x.function.is_polynomial(j) if isinstance(x, sp.Sum) else x.function.is_rational_function(j)

    def closed(node):
        done = node.doit(deep=False)
        return node if done.has(sp.Sum, sp.Product, sp.Integral) else done
    return e.replace(exact, closed)


def unsafe(expr) -> str:
    """Why ``expr`` may not be decided by algebra ('' when it may): an expectation or another word
    may be infinite (oo - oo is no number), and an infinite sum or product may diverge."""
    expr = sp.sympify(expr)
    if words_in(expr) - {Rand}:
        return "an expectation (or another word) is left in an algebraic claim; it may be infinite"
    for node in expr.atoms(sp.Sum, sp.Product):
        if any(x.has(sp.oo, -sp.oo, sp.zoo) for lim in node.limits for x in lim[1:]):
            return "an infinite sum or product is left in an algebraic claim; it may diverge"
    if expr.atoms(sp.Limit):
        return "a limit is left in an algebraic claim; it may not exist (the limit rule takes limits)"
    return ""


def _in_every_case(expr, space, sign, shown) -> tuple:
    """(True, None) when ``shown`` holds of ``expr`` in every case of ``space``, ``expr`` being safe
    for algebra and not refuted (``sign`` as for :func:`refuted`); else (False, residual)."""
    expr = sp.sympify(expr)
    if unsafe(expr):
        return False, unsafe(expr)
    if expr.free_symbols and misread_numbers(expr):  # before any case: sympy rebuilds |c + m| by its reading of c
        return False, expr
    # A comparison in the claim (a Piecewise's condition) is settled by sympy as a case is put in, from the very
    # signs the sign rule distrusts (binomial(n - 20, 3) read as negative): none may hold such a function.
    if any(_untrusted(relation) for relation in expr.atoms(sp.core.relational.Relational)):
        return False, expr
    # 0^x is an indicator (1 at x = 0, 0 for x > 0) that sympy folds by its own reading of x's sign: not decided.
    if any(a.base == 0 and a.exp.free_symbols for a in expr.atoms(sp.Pow)):
        return False, expr
    if refuted(expr, space, sign=sign):
        return False, expr
    if sign is None:  # signs distrust these functions already (UNTRUSTED_SIGNS)
        expr = _gamma_guarded(expr, space)
    failing = failing_case(expr, space, shown, shift_entries=sign is not None)
    return (True, None) if failing is None else (False, failing)


def failing_case(expr, space, shown, shift_entries=True):
    """``expr`` (its random quantities and words opaque, :meth:`~.domains.Space.opaque`) in the first case of
    ``space`` where ``shown`` fails; None if it holds in every case."""
    record = {}
    opaque = space.opaque(expr, record, shift_entries)
    cases = space.extended(record).cases()
    # The claim and the cases' values with their constants as symbols (:func:`~.terms.generalized`), one for all.
    values = [v for case in cases for v in case.values()]
    opaque, *values = generalized([opaque, *values])
    values = iter(values)
    cases = [{k: next(values) for k in case} for case in cases]
    return next((e for case in cases if not shown(e := space.substitute(opaque, case))), None)


#: Verdicts reached in this process, keyed by the question and the exact texts of the expression and the
#: space's domains: a verdict depends on these alone, so a question met again (a denominator in the next step,
#: a sign asked by the gate and by a rule, the same law's in the next proof) is decided once. Texts, not nodes:
#: a node's hash is what it was when first hashed, and a node handed out in a report may be changed since.
#: A step that times out stores nothing; a rejection stays a rejection.
_VERDICTS: dict = {}


def _decided(question, expr, space, shown) -> tuple:
    """:func:`_in_every_case` for ``question`` ("zero", "strict" or "weak"), remembered."""
    key = (question, exact_text(sp.sympify(expr)), space.key())
    if key in _VERDICTS:
        return _VERDICTS[key]
    verdict = _in_every_case(expr, space, None if question == "zero" else question, shown)
    if checking():  # (a verdict reached under sympy's own readings is not kept)
        _VERDICTS.clear() if len(_VERDICTS) > 20_000 else None
        _VERDICTS[key] = verdict
    return verdict


#: Functions that the normal forms rewrite through gamma (binomial(n, k) = gamma(n + 1) / (gamma(k + 1)
#: gamma(n - k + 1))), which is wrong where a numerator's argument is a pole (sympy gives binomial(-2, -2)
#: = 0, not 1; a denominator's pole gives 0, as sympy does): each, the arguments of the numerator's
#: gamma functions, and the position of an order that, an integer >= 0, makes it a polynomial.
_GAMMA_FORMS = {sp.binomial: (lambda n, k: (n + 1,), 1), sp.FallingFactorial: (lambda x, k: (x + 1,), 1),
                sp.RisingFactorial: (lambda x, k: (x + k,), 1), sp.factorial: (lambda n: (n + 1,), None),
                sp.gamma: (lambda x: (x,), None)}


def _gamma_guarded(expr, space):
    """``expr`` with every gamma-like node (:data:`_GAMMA_FORMS`) whose rewriting through gamma is not
    shown valid (each numerator argument > 0, or the order a literal integer >= 0) replaced by an opaque symbol;
    under a finite sum or product its index ranges over the limits."""
    reps = {}

    def visit(e, space):
        if isinstance(e, (sp.Sum, sp.Product)) and len(e.limits) == 1:
            i, lo, hi = e.limits[0]
            finite = not (lo.has(sp.oo, -sp.oo) or hi.has(sp.oo, -sp.oo))
            space = space.with_index(i, lo, hi) if finite else space
        if type(e) in _GAMMA_FORMS and e.free_symbols and e not in reps:
            arguments, order = _GAMMA_FORMS[type(e)]
            natural = order is not None and e.args[order].is_Integer and e.args[order] >= 0
            if not natural and not all(is_positive(a, space)[0] for a in arguments(*e.args)):
                reps[e] = _opaque(e)
                return
        for a in e.args:
            visit(a, space)
    visit(sp.sympify(expr), space)
    return sp.sympify(expr).xreplace(reps)


def _guarded_by_facts(expr):
    """``expr`` with each gamma-like node (:data:`_GAMMA_FORMS`) whose rewriting through gamma the symbols' facts
    do not show valid replaced by an opaque symbol: :func:`_gamma_guarded` for a case, whose symbols carry its
    facts, and for the nodes a normal form builds."""
    return expr.xreplace({node: _opaque(node) for node in expr.atoms(*_GAMMA_FORMS)
                          if node.free_symbols and not _rewrites_validly(node)})


def _opaque(node):
    """An opaque stand-in for ``node``: a fresh function of its free symbols, so that an index of an enclosing
    sum it reads stays read (one symbol for binomial(i - 5, k) would make the terms of a sum one constant)."""
    return sp.Function(f"untrusted{sp.Dummy().dummy_index}")(*sorted(node.free_symbols, key=sp.default_sort_key))


def _rewrites_validly(node) -> bool:
    """Whether the symbols' facts show ``node``'s rewriting through gamma valid (:data:`_GAMMA_FORMS`)."""
    arguments, order = _GAMMA_FORMS[type(node)]
    return (order is not None and node.args[order].is_Integer and node.args[order] >= 0) or \
        all(a.is_positive and not misread_numbers(a) for a in arguments(*node.args))


def _reduces_to_zero(e) -> bool:
    # A large expression tries the cheap normal forms only.
    transforms = _TRANSFORMS[:4] if sp.count_ops(e) > MAX_OPS else _TRANSFORMS
    for transform in transforms:
        try:
            if transform(e) == 0:
                return True
        except (TypeError, ValueError, NotImplementedError, AttributeError, RecursionError,
                ZeroDivisionError, sp.PolynomialError, StopIteration):
            continue
    return False


def is_zero(expr, space) -> tuple:
    """(True, None) if ``expr`` is identically zero over ``space``; else (False, residual)."""
    if sp.sympify(expr) == 0:
        return True, None
    return _decided("zero", expr, space, lambda e: e == 0 or (not misread_numbers(e) and _reduces_to_zero(e)))


# --- signs ----------------------------------------------------------------------------------

#: Functions whose sign sympy states wrongly for symbolic arguments (binomial(n, k) with k odd and
#: n of unknown sign is called negative; polygamma(1, x) positive across its poles): a sign claim
#: that holds one of them with a symbolic argument is not decided.
UNTRUSTED_SIGNS = (sp.binomial, sp.FallingFactorial, sp.RisingFactorial, sp.polygamma, sp.factorial, sp.floor,
                   sp.ceiling, sp.sign, sp.tan, sp.cot, sp.sin, sp.cos)


def _untrusted(e):
    return any(node.free_symbols for node in sp.sympify(e).atoms(*UNTRUSTED_SIGNS)
               if not (isinstance(node, sp.polygamma) and node.args[0] == 0))


#: Signs shown in one check, keyed by the form and the search's settings: the cases of a claim and the parts its
#: strategies split off meet the same forms again (a timeout stores nothing). Forgotten after each check.
_SIGNS: dict = {}


def _positive(e, strict, depth=0, squared=False, whole=True):
    key = (e, strict, depth, squared, whole)
    if key not in _SIGNS:
        _SIGNS.clear() if len(_SIGNS) > 20_000 else None
        _SIGNS[key] = _sign_search(e, strict, depth, squared, whole)
    return _SIGNS[key]


def _sign_search(e, strict, depth, squared, whole):
    if e.is_number and not e.free_symbols and sign_certified(e, strict):
        return True
    # The ceiling of a real x is x + u for some u in [0, 1), here v / (1 + v) with v >= 0: a claim shown for every
    # such u holds for the ceiling (a generalisation; sympy's own sign of a ceiling is not trusted).
    ceilings = {c: c.args[0] + (lambda v: v / (1 + v))(sp.Dummy("v", nonnegative=True)) for c in e.atoms(sp.ceiling)
                if depth == 0 and c.args[0].is_extended_real and not c.free_symbols & bound_symbols(e)}
    if ceilings:
        return _positive(e.xreplace(ceilings), strict, 0, squared, whole)
    if depth > 4 or _untrusted(e) or misread_numbers(e):
        return False
    # sympy's sign of a form counts only if it reads the sign of each number in it right.
    query = (lambda x: x.is_positive and not misread_numbers(x)) if strict else (
        lambda x: x.is_nonnegative and not misread_numbers(x))
    if query(e):
        return True
    # A root of a base shown >= 0 is a number >= 0, for which a symbol u >= 0 may stand: sympy reads the square
    # of a sum of roots as >= 0 only when it sees each radicand >= 0 itself (and that may take every form below).
    roots = {p: sp.Dummy("root", nonnegative=True) for p in e.atoms(sp.Pow) if depth == 0 and p.exp.is_Rational and
             not p.exp.is_Integer and p.exp > 0 and p.base.free_symbols and not p.base.free_symbols & bound_symbols(e)
             and not p.base.is_nonnegative}
    if roots and all(_positive(p.base, False, 1, whole=False) for p in roots) and \
            any(query(f(e.xreplace(roots))) for f in (sp.together, sp.expand)):
        return True
    # A power b^r that sympy reads as b >= 1 and r >= 0 is 1 + u for some u >= 0 (a generalisation, like the roots').
    powers = {p: 1 + sp.Dummy("u", nonnegative=True) for p in e.atoms(sp.Pow) if depth == 0 and p.free_symbols and
              not p.exp.is_Integer and not p.free_symbols & bound_symbols(e) and
              all(x.is_nonnegative and not misread_numbers(x) for x in (p.base - 1, p.exp))}
    if powers and any(query(f(e.xreplace(powers))) for f in (sp.together, sp.expand, sp.cancel)):
        return True
    candidates = [e]
    heavy = sp.count_ops(e) > MAX_OPS
    # Each normal form is asked before the next, costlier one is computed. simplify is rarely needed, and only
    # on a whole claim: on the parts that the strategies below split off (``whole`` false) it costs seconds in all
    # and settles none of the registry's claims.
    forms = (sp.together, sp.expand) if heavy else (sp.together, sp.factor, sp.gammasimp, simplify, sp.expand)
    for f in (forms if whole else [f for f in forms if f is not simplify]):
        if query(candidates[-1]):
            return True
        with contextlib.suppress(TypeError, ValueError, NotImplementedError, AttributeError, sp.PolynomialError):
            candidates.append(f(e))
    if query(candidates[-1]):
        return True
    for c in [c for c in candidates if not misread_numbers(c)]:
        if not strict and _log_power_at_most_zero(-c, depth):
            return True
        if isinstance(c, sp.Add):
            pos = [a for a in c.args if not a.could_extract_minus_sign()]
            neg = [-a for a in c.args if a.could_extract_minus_sign()]
            if pos and neg:
                A, B = sp.Add(*pos), sp.Add(*neg)  # new numbers: their signs are read right, or not used
                if A.is_positive and B.is_positive and not squared and not misread_numbers(A) and not misread_numbers(B):
                    # A - B > 0 iff A^2 - B^2 > 0 when both are positive (once: squaring compounds).
                    sq = sp.expand(A**2 - B**2)
                    if sq != sp.expand(c) and _positive(sq, strict, depth + 1, squared=True, whole=False):
                        return True
                    # A - B and log A - log B have one sign (expand_log without force is exact).
                    difference = sp.expand_log(sp.log(A) - sp.log(B))
                    if not difference.has(sp.log(A), sp.log(B)) and _positive(difference, strict, depth + 1):
                        return True
        if isinstance(c, sp.Mul):
            pos_factors = [f for f in c.args if f.is_positive]
            rest = sp.Mul(*[f for f in c.args if not f.is_positive])
            if pos_factors and rest != c and _positive(rest, strict, depth + 1, squared):
                return True
    # a x^2 + b x + c >= 0 for every real x when a > 0 and 4 a c - b^2 >= 0 (> 0 for strict).
    for x in sorted(e.free_symbols, key=str):
        if x.is_real is not True:
            continue
        try:
            poly = sp.Poly(sp.expand(e), x)
        except (sp.PolynomialError, sp.GeneratorsError, TypeError, ValueError):
            continue
        if poly.degree() == 2 and all(coeff.is_real is True for coeff in poly.all_coeffs()):
            a, b, c = poly.all_coeffs()
            if _positive(a, True, depth + 1, whole=False) and \
                    _positive(sp.expand(4 * a * c - b**2), strict, depth + 1, whole=False):
                return True
    # Last, once: a power's base shown > 0 (and < 1) stands for any number there, u (u / (1 + u)) with
    # u > 0: a generalisation sympy can read (1 - 2^(-2R) lies in (0, 1) for R > 0; sympy does not see it).
    for b in {p.base for p in e.atoms(sp.Pow) if depth == 0 and p.base.free_symbols and not p.base.is_positive and
              not p.exp.is_Integer and not p.base.free_symbols & bound_symbols(e)}:
        if _positive(b, True, 1):
            u = sp.Dummy("u", positive=True)
            if _positive(e.xreplace({b: u / (1 + u) if _positive(1 - b, True, 1) else u}), strict, 2):
                return True
    return False


def _log_power_at_most_zero(c, depth) -> bool:
    """Whether ``c`` is log(b^x) shown <= 0: b^x shown > 0, 0 <= b <= 1 and x >= 0 give 0 < b^x <= 1. (With
    0^0 = 1, -log(p^p) is the entropy term -p log p on [0, 1], 0 at p = 0: this is its sign.)"""
    if not (isinstance(c, sp.log) and isinstance(c.args[0], sp.Pow) and c.args[0].is_positive):
        return False
    b, x = c.args[0].as_base_exp()
    return all(_positive(e, False, depth + 1, whole=False) for e in (b, 1 - b, x))


def is_positive(expr, space, strict=True) -> tuple:
    """(True, None) if ``expr > 0`` (``>= 0`` when not strict) over ``space``; else (False, residual).
    Failing that, the same by sympy alone with every sum weighed by a mass (:func:`_weighed_by_mass`)
    a positive symbol (numbers would underflow: a weight p^(tau^-t) is below any tolerance)."""
    shown = _decided("strict" if strict else "weak", expr, space, lambda e: _positive(e, strict))
    weighed = expr if shown[0] else _weighed_by_mass(sp.sympify(expr), space)
    return shown if weighed is expr or not sign_shown(weighed, space, strict) else (True, None)


def _weighed_by_mass(expr, space):
    """``expr`` with each finite sum over the whole of a vector parameter with a positive total and
    entries >= 0, Sum(f(v[j], w[j]), (j, 1, length)), replaced by a positive symbol when f >= 0 at
    every entry and f > 0 where v[j] > 0: some entry carries mass, so the sum is positive. (Only
    signs may use this: the symbol forgets the sum's value.) ``expr`` itself if there is none."""
    reps, bound = {}, bound_symbols(expr)
    for S in expr.atoms(sp.Sum):
        (j, lo, hi), f = S.limits[0], S.function
        if S.free_symbols & bound:  # an enclosing binder's index: its range is not the space's domain
            continue
        for v, dom in space.domains.items():
            if len(S.limits) > 1 or lo != 1 or not isinstance(v, sp.IndexedBase) or dom.kind != "vector" or \
                    dom.total is None or hi != dom.length or v[j] not in f.atoms(sp.Indexed) or \
                    dom.entry.lo is None or not (dom.entry.lo.is_number and dom.entry.lo >= 0) or \
                    not is_positive(dom.total, space)[0]:
                continue
            # The entries at j (the mass first) become symbols of their domains; j may occur nowhere else.
            entries = {a: sp.Dummy(str(a.base), **space.domains[a.base].entry.flags()) for a in f.atoms(sp.Indexed)
                       if a.indices == (j,) and a.base in space.domains and space.domains[a.base].kind == "vector"}
            at = f.xreplace(entries)
            if j in at.free_symbols:
                continue
            doms = {x: space.domains[a.base].entry for a, x in entries.items()}
            # Entries >= 0 with a positive total: some entry is > 0 (every entry, if lo > 0).
            massive = Domain("real", dom.entry.lo, dom.entry.hi, dom.entry.lo_open or dom.entry.lo == 0, dom.entry.hi_open)
            at = _weighed_by_mass(at, space)
            if sign_shown(at, Space({**space.domains, **doms}, space.rand_domains), False) and \
                    sign_shown(at, Space({**space.domains, **doms, entries[v[j]]: massive}, space.rand_domains), True):
                reps[S] = sp.Dummy("mass", positive=True)
                break
    return expr.xreplace(reps) if reps else expr


def sign_shown(expr, space, strict) -> bool:
    """The sign shown in every case by sympy, numbers refuting only a negative value (a weight
    p^(tau^-t) underflows them: a tiny positive value would pass for a zero)."""
    return not unsafe(expr) and not refuted(expr, space, "weak", undecided=False) and \
        failing_case(expr, space, lambda e: _positive(e, strict)) is None


# --- definedness -----------------------------------------------------------------------------

def _reciprocal(node) -> bool:
    """Whether ``node`` is a power with a negative exponent (its base must not vanish)."""
    return isinstance(node, sp.Pow) and bool(node.exp.is_negative or node.exp.could_extract_minus_sign())


def nonzero(expr, space) -> bool:
    return is_positive(expr, space)[0] or is_positive(-expr, space)[0]


def defined_at(expr, symbol, value, space):
    """Whether ``expr`` is defined at ``symbol = value`` (no denominator of it vanishes there)."""
    return all(nonzero(node.base.xreplace({symbol: value}), space) for node in sp.preorder_traversal(sp.sympify(expr))
               if _reciprocal(node) and symbol in node.base.free_symbols)


#: Nodes with an obligation; a constant node of another kind is defined when its arguments are.
_OBLIGED = (sp.Pow, sp.log, sp.gamma, sp.loggamma, sp.polygamma, sp.factorial, sp.FallingFactorial,
            sp.RisingFactorial, sp.binomial, sp.tan, sp.cot, sp.Piecewise, MaxNormalVariance)


def _shown(e, space, strict=True) -> bool:
    """``e > 0`` (``>= 0``) shown over ``space``. A number's sign is read from interval arithmetic
    (:func:`~.terms.sign_certified`), never from sympy's assumptions or evaluation, which err on constants
    (cos(pi/2 + z) with z an unevaluated 0; log(1 + 10^-40) evaluated as exactly 0)."""
    if e.free_symbols or e.has(Rand):
        return is_positive(e, space, strict)[0]
    return sign_certified(e, strict)


def _index_problem(node, spaces, ranges) -> str:
    """Why an index of ``node`` may lie outside its vector's 1..length (or a range ``ranges`` gives):
    each end is shown over one of ``spaces``, each a superset of where the index ranges."""
    dom = spaces[0].domains.get(node.base) if isinstance(node, sp.Indexed) else None
    spans = [(x, 1, dom.length, f"{node}: the index may lie outside 1..{dom.length}") for x in node.indices] if (
        dom is not None and dom.kind == "vector" and dom.length is not None) else ranges(node) if ranges else ()
    for x, lo, hi, why in spans:
        gaps = ([x - lo] if lo is not None else []) + ([hi - x] if hi is not None else [])
        if x.is_integer is not True or not all(any(_shown(gap, s, False) for s in spaces) for gap in gaps):
            return why
    return ""


def _node_problem(node, space) -> str:
    """Why one node may be undefined or infinite over ``space`` ('' when shown finite). Constant
    nodes carry the same obligations as symbolic ones."""
    if not isinstance(node, _OBLIGED):
        return ""
    if isinstance(node, sp.Pow):
        # An exponent not shown >= 0 may make the power a reciprocal: its base must not vanish
        # (and be > 0 under a non-integer exponent); a non-integer exponent needs a base >= 0.
        natural = (node.exp.is_nonnegative and not misread_numbers(node.exp)) or _shown(node.exp, space, False)
        integer = node.exp.is_integer is True
        if not natural and not integer and not _shown(node.base, space):
            return f"the base of {node} may not be positive (its exponent may be negative)"
        if not natural and not (_shown(node.base, space) or _shown(-node.base, space)):
            return f"{node.base} may vanish in a denominator"
        if not integer and not _shown(node.base, space, False):
            return f"{node.base} may be negative under a root or a real power"
    if isinstance(node, (sp.log, sp.gamma, sp.loggamma, sp.polygamma)) and not _shown(node.args[-1], space):
        return f"{node} (its argument may not be positive)"
    if isinstance(node, sp.factorial) and not _shown(node.args[0] + 1, space):
        return f"{node} (its argument may be a negative integer)"
    if isinstance(node, (sp.FallingFactorial, sp.RisingFactorial, sp.binomial)) and \
            not (node.args[1].is_integer and _shown(node.args[1], space, strict=False)):
        return f"{node} (its order may not be a natural number)"
    if isinstance(node, (sp.tan, sp.cot)) and (node.free_symbols or not any(
            _shown(sign * (sp.cos if isinstance(node, sp.tan) else sp.sin)(node.args[0]), space) for sign in (1, -1))):
        return f"{node} (poles are not tracked)"
    if isinstance(node, MaxNormalVariance) and not (node.args[0].is_integer and _shown(node.args[0], space) and
                                                    _shown(node.args[0] - 1, space, False)):
        return f"{node} (its argument may not be an integer >= 1)"
    if isinstance(node, sp.Piecewise) and node.args[-1].cond is not sp.true and \
            not is_zero(sp.Piecewise((0, sp.Or(*[c for _, c in node.args])), (1, True)), space)[0]:
        return f"{node} (its conditions are not shown to cover the domain)"
    return ""


def undefined(expr, space, memo=None, ranges=None) -> str:
    """'' when ``expr`` is shown defined and finite at every point of ``space``; else why not.

    Every finite sum's and product's limits are defined integers and its range is not reversed (the
    ordinary convention, an empty range summing to 0, then agrees with sympy's), every denominator
    is non-zero, every root's and real power's base non-negative, every logarithm's and gamma
    function's argument positive, every index inside its vector's length (and inside the ranges
    ``ranges(node)`` gives, as (index, lo, hi, why)), and no imaginary unit, nan or complex infinity
    occurs. Inside a sum or product its index ranges over the limits. A cancelled pole is still a
    pole: this is decided on the expression as written, before any normal form.
    """
    memo = {} if memo is None else memo
    with sp.evaluate(False):  # renaming rebuilds nodes: sympy must not settle Eq(S, S) on the way
        expr = fresh_binders(sp.sympify(expr))
    if expr.has(sp.I, sp.zoo, sp.nan):
        return "an imaginary unit, nan or complex infinity occurs"

    def visit(e, spaces, known):
        # An infinity is no number (0 oo, oo^0): it may stand only as a limit's point or an end of a
        # range, or as the value a limit is stated to have.
        if e in (sp.oo, -sp.oo):
            return "an infinity (oo) is no number here"
        if isinstance(e, sp.core.relational.Relational) and any(isinstance(a, sp.Limit) for a in e.args):
            # A limit's stated value may be oo, whole or as a case's value.
            infinite = sp.Dummy("infinite")
            values = [sp.Piecewise(*[(infinite if v in (sp.oo, -sp.oo) else v, c) for v, c in a.args], evaluate=False)
                      if isinstance(a, sp.Piecewise) else a for a in e.args if a not in (sp.oo, -sp.oo)]
            return next((why for a in values if (why := visit(a, spaces, known))), "")
        if isinstance(e, sp.StrictLessThan) and e.rhs == sp.oo and isinstance(e.lhs, sp.Sum) and e.lhs.limits[0][2] == sp.oo:
            # A series of terms >= 0 has a value in [0, oo]: that it is below oo says that it converges.
            i, lo, _ = e.lhs.limits[0]
            terms = Space({**spaces[0].domains, i: Domain.integer(lo)}, spaces[0].rand_domains)
            return visit(e.lhs, spaces, known) or ("" if lo.is_integer and is_positive(e.lhs.function, terms, False)[0]
                                                   else f"{e.lhs}: its terms are not shown >= 0")
        if isinstance(e, sp.Limit):
            return next((why for a in e.args[:1] + e.args[2:3] if a not in (sp.oo, -sp.oo)
                         and (why := visit(a, spaces, known))), "")
        if isinstance(e, sp.Integral):
            return next((why for a in (e.function, *[x for lim in e.limits for x in lim[1:]])
                         if a not in (sp.oo, -sp.oo) and (why := visit(a, spaces, known))), "")
        # Each index ranges over its limits; the cases of a range with two symbolic ends read one
        # end only, so a node passes when shown over the whole range or over the index's half-line
        # from one end (a larger set: a node shown there is shown on the range).
        if isinstance(e, (sp.Sum, sp.Product)):
            for i, lo, hi in e.limits:
                ends = [x for x in (lo, hi) if x not in (sp.oo, -sp.oo)]
                if (why := next((w for x in ends if (w := visit(x, spaces, known))), "")):
                    return why
                if any(x.is_integer is not True for x in ends):
                    return f"{e}: its limits must be integers"
                if len(ends) == 2 and not any(is_positive(hi - lo + 1, s, strict=False)[0] for s in spaces):
                    return f"{e}: its range may be reversed (conventions for reversed ranges differ)"
                halves = [Domain.integer(lo)] if ends == [lo] else [Domain.integer(None, hi)] if ends == [hi] else []
                if len(ends) == 2:
                    halves = [Domain.integer(lo, hi), Domain.integer(lo), Domain.integer(None, hi)]
                if halves:
                    spaces = [Space({**s.domains, i: d}, s.rand_domains) for s in spaces[:1] for d in halves]
                    known = tuple(frozenset(s.domains.items()) for s in spaces)
            return visit(e.function, spaces, known)
        # A verdict holds for the node over the whole space it was reached in (outer indices included).
        key = (e, known)
        if key not in memo:
            problems = [_node_problem(e, s) for s in spaces[:1]]
            for s in spaces[1:]:
                problems = problems if not problems[-1] else problems + [_node_problem(e, s)]
            memo[key] = (problems[-1] and problems[0]) or _index_problem(e, spaces, ranges)
        return memo[key] or next((why for a in e.args if (why := visit(a, spaces, known))), "")
    return visit(expr, [space], (frozenset(space.domains.items()),))

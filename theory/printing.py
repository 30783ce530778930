"""Printing a derivation the way a researcher writes it.

sympy's printers are right but not idiomatic: they write ``(n - 1)/(-ddof + n)``, ``polygamma(0, x)``
and typeset ``ddof`` as a product of four italic letters, and a model's random sigma at generation 0
prints exactly like the parameter sigma0. The printers here change only the presentation:

* the positive terms of a sum come first (``n - ddof``, ``n - 1``), and signs are moved between the
  factors of a product so that each factor leads with a positive symbol: ``(1 - n)/(ddof - n)``
  prints as ``(n - 1)/(n - ddof)`` and ``-(x - k)*(x + k)`` as ``(k - x)*(k + x)`` (the value is unchanged);
* a relation prints as a researcher writes it: ``a = b``, ``lim_{t -> oo} f``, ``prod_{s=0}^{t - 1} f``,
  ``f if ddof = 0; g if ddof = 1``;
* ``polygamma(0, x)`` is the digamma function, ``digamma(x)`` / :math:`\\psi(x)`;
* multi-letter names (``ddof``) are upright in LaTeX;
* a model's fitted state (sigma, mu, theta, ...) carries a hat in LaTeX, :math:`\\hat\\sigma_t`, so
  :math:`\\hat\\sigma_0 = \\sigma_0` reads as "the fit at generation 0 is the parameter".

Examples
--------
>>> import sympy as sp
>>> from modelcollapse import theory
>>> n, ddof = sp.Symbol("n", integer=True, positive=True), sp.Symbol("ddof", integer=True, nonnegative=True)
>>> text((n - 1) / (n - ddof))
'(n - 1)/(n - ddof)'
>>> latex(n - ddof)
'n - \\\\mathrm{ddof}'
>>> latex(1 - sp.Symbol("lam"))
'1 - \\\\lambda'
>>> text((1 - n) / (ddof - n))
'(n - 1)/(n - ddof)'
>>> text(theory.get("gaussian.log_variance").closed_form)
't*(digamma((n - 1)/2) + log(2) - log(n - ddof))'
>>> latex(theory.get("gaussian.variance").statement)
'\\\\mathbb{E}\\\\left[{\\\\hat{\\\\sigma}_{t}}^{2}\\\\right] = \\\\sigma_{0}^{2} \\\\left(\\\\frac{n - 1}{n - \\\\mathrm{ddof}}\\\\right)^{t}'
"""

from __future__ import annotations

import html

import sympy as sp
from sympy.printing.latex import LatexPrinter
from sympy.printing.pretty.pretty import PrettyPrinter
from sympy.printing.str import StrPrinter

#: Names typeset upright (multi-letter parameter names that are not Greek letters).
UPRIGHT = ("ddof", "level", "top_p")
#: Parameter names that spell a Greek letter sympy does not recognise (``lambda`` is a Python keyword).
GREEK = {"lam": r"\lambda"}


def _fitted_labels() -> set:
    """Names of the state variables of every declared model (the fitted quantities)."""
    from .model import models
    return {str(s) for m in models() for s in m.state}


class _Ordering:
    """Positive terms of a sum first, keeping sympy's order otherwise."""

    def _as_ordered_terms(self, expr, order=None):
        terms = list(super()._as_ordered_terms(expr, order=order))
        return sorted(terms, key=lambda term: term.could_extract_minus_sign())


def _lean(add) -> int:
    """How many more symbolic terms of a sum are negative than positive (constants do not count)."""
    terms = [a for a in sp.Add.make_args(add) if a.free_symbols]
    return sum(1 if a.could_extract_minus_sign() else -1 for a in terms)


def _tidy_product(mul):
    """The product with the sign of sums that lean negative moved out of them, two at a time or into
    the numeric coefficient; a sum that leans neither way takes the last odd sign if there is one."""
    coefficient, factors = mul.as_coeff_mul()
    sums = [k for k, f in enumerate(factors) if isinstance(f.as_base_exp()[0], sp.Add)
            and f.as_base_exp()[1].is_integer]
    negative = [k for k in sums if _lean(factors[k].as_base_exp()[0]) > 0]
    balanced = [k for k in sums if _lean(factors[k].as_base_exp()[0]) == 0]
    odd = (len(negative) + bool(coefficient.is_negative)) % 2
    flip = negative + (balanced[:1] if odd and balanced else [])
    if len(flip) % 2 and coefficient.is_positive and not balanced:
        flip = flip[:-1]        # an odd sign with nowhere to go stays where it was
    if not flip:
        return mul
    out = list(factors)
    for k in flip:
        base, exp = out[k].as_base_exp()
        out[k] = sp.Pow(-base, exp) if exp != 1 else -base
    tidy = sp.Mul(-coefficient if len(flip) % 2 else coefficient, *out)
    # sympy spreads a number over a lone sum (-(a - b) -> b - a): then the product is already tidy.
    return tidy if isinstance(tidy, sp.Mul) else mul


def tidy_signs(expr):
    """``expr`` with its products' signs tidied (:func:`_tidy_product`), the value unchanged."""
    expr = sp.sympify(expr)
    if not isinstance(expr, sp.Basic) or not expr.args:
        return expr
    args = [tidy_signs(a) for a in expr.args]
    try:
        rebuilt = expr.func(*args, evaluate=False) if isinstance(expr, (sp.Add, sp.Mul, sp.Pow)) else \
            expr.func(*args) if args != list(expr.args) else expr
    except (TypeError, ValueError):
        return expr
    return _tidy_product(rebuilt) if isinstance(rebuilt, sp.Mul) else rebuilt


class TextPrinter(_Ordering, StrPrinter):
    def _print_Equality(self, expr):
        return "%s = %s" % (self._print(expr.lhs), self._print(expr.rhs))

    def _print_Limit(self, expr):
        f, var, to = expr.args[:3]
        return "lim_{%s -> %s} %s" % (self._print(var), self._print(to), self.parenthesize(f, 50))

    def _print_Product(self, expr):
        return self._big(expr, "prod")

    def _print_Sum(self, expr):
        return self._big(expr, "sum")

    def _big(self, expr, name):
        limits = "".join("_{%s=%s}^{%s}" % tuple(self._print(x) for x in lim) for lim in expr.limits)
        return "%s%s %s" % (name, limits, self.parenthesize(expr.function, 50))

    def _print_Piecewise(self, expr):
        return "; ".join(self._print(e) if c is sp.true else "%s if %s" % (self._print(e), self._print(c))
                         for e, c in expr.args)

    def _print_polygamma(self, expr):
        if expr.args[0] == 0:
            return "digamma(%s)" % self._print(expr.args[1])
        return StrPrinter._print_Function(self, expr)


class ResearchLatexPrinter(_Ordering, LatexPrinter):
    def _print(self, expr, **kwargs):
        name = type(expr).__name__
        # A fitted state variable (a declared model's State, or the kernel's Rand of one): a hat.
        if name in ("State", "Rand") and getattr(expr, "args", None):
            label = expr.args[0].name if hasattr(expr.args[0], "name") else str(expr.args[0])
            if label in _fitted_labels():
                rest = expr.args[2:] + expr.args[1:2]
                sub = ",".join(self._print(a) for a in rest)
                out = r"\hat{%s}_{%s}" % (LatexPrinter._print(self, sp.Symbol(label)), sub)
                exp = kwargs.get("exp")
                return out if exp is None else r"{%s}^{%s}" % (out, exp)
        return super()._print(expr, **kwargs)

    def _print_Symbol(self, expr, style="plain"):
        if expr.name in UPRIGHT:
            return r"\mathrm{%s}" % expr.name.replace("_", r"\_")
        if expr.name in GREEK:
            return GREEK[expr.name]
        return super()._print_Symbol(expr, style=style)

    def _print_polygamma(self, expr, exp=None):
        if expr.args[0] == 0:
            out = r"\psi\left(%s\right)" % self._print(expr.args[1])
            return out if exp is None else r"%s^{%s}" % (out, exp)
        return super()._print_polygamma(expr, exp)


class ResearchPrettyPrinter(_Ordering, PrettyPrinter):
    def _print(self, expr, **kwargs):
        if type(expr).__name__ in ("State", "Rand"):  # sigma_t, as in the text form
            return super()._print(sp.Symbol(TextPrinter().doprint(expr)))
        return super()._print(expr, **kwargs)


def text(expr) -> str:
    """One-line text of ``expr`` (sympy's str, reordered, signs tidied, digamma named)."""
    return TextPrinter().doprint(tidy_signs(expr))


def latex(expr) -> str:
    """LaTeX of ``expr`` as a researcher writes it."""
    return ResearchLatexPrinter().doprint(tidy_signs(expr))


def pretty(expr) -> str:
    """ASCII two-dimensional rendering (positive terms first)."""
    from sympy.printing.pretty.pretty_symbology import pretty_use_unicode
    before = pretty_use_unicode(False)
    try:
        return ResearchPrettyPrinter({"use_unicode": False, "wrap_line": False}).doprint(tidy_signs(expr))
    finally:
        pretty_use_unicode(before)


def result_html(result) -> str:
    """A card for a notebook: id and title, status, statement, assumptions, summary, references."""
    from modelcollapse import proofs  # only when a notebook asks for the card
    status = proofs.status(result.id)
    note = f" ({html.escape(result.status_note)})" if result.status_note else ""
    refs = "".join(f"<li>{html.escape(str(r))}</li>" for r in result.references)
    assumptions = "; ".join(html.escape(a.describe()) for a in result.assumptions) or "none"
    return (f"<div class='modelcollapse-result'><p><b>{html.escape(result.id)}</b>: {html.escape(result.title)}</p>"
            f"<p>Status: <b>{html.escape(status)}</b>{note}</p>"
            f"<p>$${latex(result.statement)}$$</p>"
            f"<p>Assumptions: {assumptions}</p>"
            f"<p>{html.escape(result.summary)}</p><ul>{refs}</ul></div>")

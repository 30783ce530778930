"""Printing as a reader checks it: n - ddof, digamma, ddof upright, the fit apart from the parameter."""

import sympy as sp

from modelcollapse import theory
from modelcollapse.numerics.cli import main
from modelcollapse.theory.gaussian import GAUSSIAN, SIGMA
from modelcollapse.theory.printing import latex, text
from modelcollapse.theory.symbols import sigma0


def test_positive_terms_first_and_digamma():
    assert "(n - 1)/(n - ddof)" in text(theory.get("gaussian.variance").statement)
    shown = text(theory.get("gaussian.log_variance").statement)
    assert "digamma((n - 1)/2)" in shown and "polygamma" not in shown and "-ddof + n" not in shown


def test_latex_upright_ddof_and_psi():
    tex = latex(theory.get("gaussian.log_variance").closed_form)
    assert r"\mathrm{ddof}" in tex and r"\psi\left(" in tex and "polygamma" not in tex


def test_fit_at_generation_zero_and_parameter_print_apart():
    fit = GAUSSIAN.at(0)[SIGMA]
    tex = latex(sp.Eq(fit, sigma0, evaluate=False))
    left, right = tex.split(" = ")
    assert left != right and left == r"\hat{\sigma}_{0}" and right == r"\sigma_{0}"


def test_printing_keeps_the_value():
    """The printed text, read back by sympy, evaluates to the result's value."""
    r = theory.get("gaussian.log_variance")
    names = {name: sp.Symbol(name) for name in ("n", "t", "ddof", "sigma0")}
    back = sp.sympify(text(r.closed_form), locals={"digamma": sp.digamma, **names})
    point = dict(n=7, t=3, ddof=1, sigma0=1.3)
    value = float(back.subs({names[k]: v for k, v in point.items()}))
    assert abs(value - r(**point)) < 1e-12


def test_notebook_display():
    r = theory.get("information.rate_distortion_chain")
    assert r._repr_latex_().startswith("$") and r"\hat{X}_{t}" in r._repr_latex_()
    card = r._repr_html_()
    assert "information.rate_distortion_chain" in card and "exact computation" in card and "R &gt; 0" in card


def test_show_reads_like_the_docs(capsys):
    assert main(["show", "gaussian.variance"]) == 0
    out = capsys.readouterr().out
    statement = out.split("Statement:")[1].split("Assumptions:")[0]
    assert "(n - 1)/(n - ddof)" in statement and "-ddof + n" not in statement and r"\mathrm{ddof}" in statement

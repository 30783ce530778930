"""Printing as a reader checks it: n - ddof, digamma, ddof upright, the fit apart from the parameter."""

import pytest
import sympy as sp

from modelcollapse import theory
from modelcollapse.numerics.cli import main
from modelcollapse.theory.gaussian import GAUSSIAN, SIGMA
from modelcollapse.theory.printing import latex, text
from modelcollapse.theory.symbols import sigma0

N, DDOF = sp.Symbol("n", integer=True, positive=True), sp.Symbol("ddof", integer=True, nonnegative=True)
X, K, T, S = sp.symbols("x k t s")


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
    # X = sigma0 w_0 and Xhat_t = sigma0 c^(t/2) w_t: the proved statement speaks of the declared chain w.
    assert r._repr_latex_().startswith("$") and r"\hat{w}_{t}" in r._repr_latex_()
    card = r._repr_html_()
    assert "information.rate_distortion_chain" in card and "proved" in card and "R &gt; 0" in card
    assert "exact computation" in theory.get("information.categorical_kl")._repr_html_()


def test_show_reads_like_the_docs(capsys):
    assert main(["show", "gaussian.variance"]) == 0
    out = capsys.readouterr().out
    statement = out.split("Statement:")[1].split("Assumptions:")[0]
    assert "(n - 1)/(n - ddof)" in statement and "-ddof + n" not in statement and r"\mathrm{ddof}" in statement


def test_kl_closed_form_is_grouped_and_free_of_the_cancelled_mean():
    """E[KL(orig || gen t)] does not depend on mu0 (the KL is translation invariant): its printed form
    has no mu0 and vanishes at t = 0, as c (r^t - 1) + t (psi((n - 1)/2) + log 2 - log(n - ddof)) / 2."""
    r = theory.get("gaussian.kl")
    shown = text(r.closed_form)
    assert "mu0" not in shown and "sigma0" not in shown
    assert "(((n - ddof)/(n - 3))**t - 1)" in shown and "digamma((n - 1)/2)" in shown
    for point in (dict(n=6, t=0, ddof=1, sigma0=2.0, mu0=-3.0), dict(n=9, t=4, ddof=0, sigma0=0.5, mu0=1.0)):
        mu_moved = dict(point, mu0=point["mu0"] + 10.0)
        assert abs(r(**point) - r(**mu_moved)) < 1e-12
    assert r(n=6, t=0, ddof=1, sigma0=2.0, mu0=-3.0) == 0.0


@pytest.mark.parametrize("expr, shown", [
    ((1 - N) / (DDOF - N), "(n - 1)/(n - ddof)"),             # two signs cancel: both factors turn
    (-(X - K) * (K + X) / K**2, "(k - x)*(k + x)/k**2"),      # a leading minus goes into a factor
    (sp.Eq(sp.Symbol("E"), (1 - N) * X / (DDOF - N)), "E = x*(n - 1)/(n - ddof)"),
    (sp.Limit(X**T, T, sp.oo), "lim_{t -> oo} x**t"),
    (sp.Product((N * S + 1) / N, (S, 0, T - 1)), "prod_{s=0}^{t - 1} ((n*s + 1)/n)"),
    (sp.Piecewise((X, sp.Eq(DDOF, 0)), (X**2, sp.Eq(DDOF, 1))), "x if ddof = 0; x**2 if ddof = 1"),
])
def test_text_reads_as_a_researcher_writes(expr, shown):
    assert text(expr) == shown
    if not isinstance(expr, (sp.Eq, sp.Limit, sp.Product, sp.Piecewise)):
        back = sp.sympify(shown, locals={"n": N, "ddof": DDOF, "x": X, "k": K})
        assert sp.simplify(back - expr) == 0   # the value is unchanged


def test_derivations_print_relations_with_an_equals_sign(capsys):
    assert main(["show", "gaussian.variance"]) == 0
    derivation = capsys.readouterr().out.split("Derivation")[1].split("Proof")[0]
    assert "Eq(" not in derivation and "E[sigma_{t + 1}**2] = E[(n - 1)*sigma_t**2/(n - ddof)]" in derivation
    assert "(1 - n)" not in derivation and "(ddof - n)" not in derivation

"""Sampling transforms and curation (issue 12): closed forms against independent routes."""

import math

import mpmath
import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from modelcollapse import proofs, theory
from modelcollapse.numerics.workflows import (entropy_by_definition, iterate_map, nucleus_step, temperature_step,
                                              tilt_step, top_k_step)
from modelcollapse.theory import sampling_categorical as SC
from modelcollapse.theory.printing import text
from modelcollapse.theory import sampling_gaussian as SG
from modelcollapse.theory.categorical_loss import zipf

IDS = ["sampling.temperature_gaussian", "sampling.temperature_gaussian_log_variance",
       "sampling.temperature_critical_variance", "sampling.temperature_critical_collapse",
       "sampling.truncation_gaussian", "sampling.best_of_k", "sampling.temperature_categorical", "sampling.top_k",
       "sampling.top_p", "sampling.reward_tilting", "sampling.curation_support"]
PROVED = IDS[:7] + ["sampling.reward_tilting", "sampling.curation_support"]


@pytest.mark.xdist_group("registry_proofs")  # reads registry proofs' reports: checked once on that worker
def test_normalised_maps_are_proved_by_induction_with_their_limits_as_remarks():
    """Temperature and tilting: the kernel proves p_t by StateInduction, then the entropy; the
    limits stay remarks, and the status note says the proof takes p0 of full support."""
    for rid in ("sampling.temperature_categorical", "sampling.reward_tilting"):
        r, rep = theory.get(rid), proofs.check(rid)
        assert rep.ok and any(type(s.step.rule).__name__ == "StateInduction" for s in rep.steps), rep.summary()
        assert not r.claims and r.remarks and "full support" in r.status_note


@pytest.mark.xdist_group("registry_proofs")  # reads registry proofs' reports: checked once on that worker
def test_ids_and_statuses():
    assert [r.id for r in theory.results("sampling")] == IDS
    for rid in IDS:
        assert proofs.status(rid) == ("proved" if rid in PROVED else "exact computation"), rid


def test_contract_parameters():
    expected = {"sampling.temperature_categorical": ("p0", "tau", "t"),
                "sampling.temperature_gaussian": ("n", "t", "tau", "ddof", "sigma0"),
                "sampling.truncation_gaussian": ("a", "n", "t", "ddof", "sigma0"),
                "sampling.best_of_k": ("k", "n", "t", "ddof", "sigma0"), "sampling.top_k": ("p0", "k", "t"),
                "sampling.top_p": ("p0", "top_p", "t"), "sampling.reward_tilting": ("p0", "r", "beta", "t"),
                "sampling.curation_support": ()}
    for rid, names in expected.items():
        assert theory.get(rid).parameters == names


@pytest.mark.xdist_group("registry_proofs")  # reads registry proofs' reports: checked once on that worker
def test_the_critical_collapse_claims_are_proved():
    rep = proofs.check("sampling.temperature_critical_collapse")
    assert rep.ok
    r = theory.get("sampling.temperature_critical_collapse")
    assert set(r.claims) == {"drift_negative", "log_variance_to_minus_infinity"}
    assert "slln_random_walk" in rep.axioms and "digamma_below_log" in rep.axioms


@pytest.mark.xdist_group("registry_proofs")  # reads registry proofs' reports: checked once on that worker
def test_truncation_and_best_of_k_rest_on_the_cited_mean_alone():
    """Proved from the scatter's cited mean (no other moment of V), the remarks kept apart."""
    for rid, fact in (("sampling.truncation_gaussian", "truncated_normal_scatter_mean"),
                      ("sampling.best_of_k", "max_normal_scatter_mean")):
        rep = proofs.check(rid)
        assert rep.ok, rep.errors
        assert fact in rep.axioms and not {"chi_square_moments", "normal_moments"} & set(rep.axioms)
        r = theory.get(rid)
        assert not r.status and not r.status_note and not r.claims
    assert set(theory.get("sampling.truncation_gaussian").remarks) == {"variance_factor",
                                                                       "infinite_sample_entropy_loss"}
    remarks = theory.get("sampling.best_of_k").remarks
    assert set(remarks) == {"mean_drift", "variance_closed_forms"}
    assert "| F_t]" in text(remarks["mean_drift"])  # a conditional mean, not a pathwise equality


def test_critical_temperature_keeps_the_mean_variance():
    tau_star = SG.CRITICAL_TAU
    r = theory.get("sampling.temperature_gaussian")
    for ddof in (0, 1):
        for n in (2, 5, 30):
            value = float(tau_star.subs({sp.Symbol("n", integer=True, positive=True): n,
                                         sp.Symbol("ddof", integer=True, nonnegative=True): ddof}))
            assert r(n=n, t=7, tau=value, ddof=ddof, sigma0=1.3) == pytest.approx(1.3**2, rel=1e-13)
    assert theory.get("sampling.temperature_critical_variance")(n=7, t=9, ddof=1, sigma0=2.0) == 4.0


def test_log_variance_drift_is_digamma_by_quadrature():
    """E[log(tau X / (n - ddof))] with X ~ chi-square(n - 1), by quadrature of the density."""
    r = theory.get("sampling.temperature_gaussian_log_variance")
    n, tau, ddof = 7, 0.8, 1
    with mpmath.workdps(30):
        k = mpmath.mpf(n - 1)
        dens = lambda x: x ** (k / 2 - 1) * mpmath.exp(-x / 2) / (2 ** (k / 2) * mpmath.gamma(k / 2))
        step = mpmath.quad(lambda x: mpmath.log(tau * x / (n - ddof)) * dens(x), [0, 1, 10, mpmath.inf])
    assert r(n=n, t=4, tau=tau, ddof=ddof, sigma0=1.0) == pytest.approx(4 * float(step), rel=1e-12)


@pytest.mark.parametrize("a_", [0.3, 1.0, 2.5])
def test_truncation_factor_by_quadrature(a_):
    c = float(SG.truncation_factor().subs(SG.a, a_))
    with mpmath.workdps(30):
        A = mpmath.mpf(a_)
        direct = mpmath.quad(lambda x: x**2 * mpmath.npdf(x), [-A, A]) / (mpmath.ncdf(A) - mpmath.ncdf(-A))
    assert c == pytest.approx(float(direct), rel=1e-13)
    r = theory.get("sampling.truncation_gaussian")
    assert r(a=a_, n=8, t=3, ddof=0, sigma0=1.0) == pytest.approx((float(direct) * 7 / 8) ** 3, rel=1e-12)


def test_max_normal_closed_forms_against_quadrature():
    assert sp.simplify(SG.max_normal_moments(2)[2] - (1 - 1 / sp.pi)) == 0
    assert sp.simplify(SG.max_normal_moments(3)[2] - (1 + sp.sqrt(3) / (2 * sp.pi) - sp.Rational(9, 4) / sp.pi)) == 0
    with mpmath.workdps(30):
        for k in (1, 2, 3):
            m1, m2 = SG._max_normal_quadrature(k, 1), SG._max_normal_quadrature(k, 2)
            mean, _, var = SG.max_normal_moments(k)
            assert abs(mpmath.mpf(sp.N(mean, 30)) - m1) < mpmath.mpf(10) ** -25
            assert abs(mpmath.mpf(sp.N(var, 30)) - (m2 - m1**2)) < mpmath.mpf(10) ** -25


def test_best_of_k_beyond_three_by_quadrature_and_sampling():
    r = theory.get("sampling.best_of_k")
    v5 = r(k=5, n=10, t=1, ddof=1, sigma0=1.0)
    rng = np.random.default_rng(3)
    maxima = rng.standard_normal((400_000, 5)).max(axis=1)
    # Var of the sample variance of 400 000 draws: about sqrt(2 / m) v relative; 5 standard errors.
    assert abs(maxima.var() - v5) < 5 * v5 * math.sqrt(2 / maxima.size) * 1.2
    assert v5 == pytest.approx(0.4475, abs=1e-4)  # David and Nagaraja's table: Var(X_(5:5)) = 0.4475


def test_moments_beyond_the_cited_one_are_refused():
    with pytest.raises(ValueError, match="only the moments of order 1 .* not its log moment"):
        SG.TRUNCATION.expectation(sp.log(SG.SIGMA), id="sampling.nope")
    with pytest.raises(ValueError, match="only the moments of order 1 .* not of order 2"):
        SG.BEST_OF_K.expectation(SG.SIGMA**4, id="sampling.nope")
    assert "sampling.nope" not in [r.id for r in theory.results()]


@pytest.mark.parametrize("rid,params,name", [
    ("sampling.temperature_gaussian", dict(n=5, t=1, tau=0.0, ddof=0, sigma0=1.0), "tau"),
    ("sampling.temperature_categorical", dict(p0=[0.5, 0.5], tau=-1.0, t=1), "tau"),
    ("sampling.truncation_gaussian", dict(a=0.0, n=5, t=1, ddof=0, sigma0=1.0), "a"),
    ("sampling.best_of_k", dict(k=0, n=5, t=1, ddof=0, sigma0=1.0), "k"),
    ("sampling.top_k", dict(p0=[0.5, 0.5], k=0, t=1), "k"),
    ("sampling.top_p", dict(p0=[0.5, 0.5], top_p=0.0, t=1), "top_p"),
    ("sampling.top_p", dict(p0=[0.5, 0.5], top_p=1.01, t=1), "top_p"),
    ("sampling.reward_tilting", dict(p0=[0.5, 0.5], r=[1.0, 0.0], beta=math.inf, t=1), "beta"),
    ("sampling.reward_tilting", dict(p0=[0.5, 0.5], r=[1.0, 0.0, 2.0], beta=1.0, t=1), "r"),
])
def test_bad_input_names_the_parameter(rid, params, name):
    with pytest.raises(ValueError, match=name):
        theory.get(rid)(**params)


# --- categorical maps: closed forms against direct iteration -------------------------------------

STEPS = {"sampling.temperature_categorical": lambda p: (lambda q: temperature_step(q, p["tau"])),
         "sampling.top_k": lambda p: (lambda q: top_k_step(q, p["k"])),
         "sampling.top_p": lambda p: (lambda q: nucleus_step(q, p["top_p"])),
         "sampling.reward_tilting": lambda p: (lambda q: tilt_step(q, p["r"], p["beta"]))}

probability_vectors = st.lists(st.integers(0, 20), min_size=1, max_size=7).filter(sum).map(
    lambda w: [v / sum(w) for v in w])


@settings(max_examples=25, deadline=None)
@given(p=probability_vectors, tau=st.floats(0.3, 3.0), k=st.integers(1, 8), top_p=st.floats(0.05, 1.0),
       beta=st.floats(-3, 3), t=st.integers(0, 6), data=st.data())
def test_every_map_matches_direct_iteration(p, tau, k, top_p, beta, t, data):
    r = data.draw(st.lists(st.floats(-2, 2), min_size=len(p), max_size=len(p)))
    params = dict(p0=p, tau=tau, k=k, top_p=top_p, beta=beta, r=r, t=t)
    for rid, step in STEPS.items():
        res = theory.get(rid)
        own = {name: params[name] for name in res.parameters}
        with mpmath.workdps(40):
            direct = entropy_by_definition(iterate_map(step(params), p, t, 40)[-1])
        assert abs(res(dps=30, **own) - direct) < mpmath.mpf(10) ** -25, (rid, own)


def test_temperature_limits():
    r = theory.get("sampling.temperature_categorical")
    p = [0.3, 0.3, 0.2, 0.2, 0.0]
    assert r(p0=p, tau=0.5, t=60) == pytest.approx(math.log(2), abs=1e-12)   # the two argmax categories
    assert r(p0=p, tau=2.0, t=200) == pytest.approx(math.log(4), abs=1e-12)  # uniform on the support
    assert r(p0=p, tau=0.7, t=10**9) == pytest.approx(math.log(2), abs=1e-12)


def _same(p, q):
    return max(abs(a - b) for a, b in zip(p, q)) < mpmath.mpf(10) ** -25


def test_top_k_fixed_point_after_one_generation():
    r = theory.get("sampling.top_k")
    p = zipf(20, 1.0)
    assert r(p0=p, k=4, t=1) == r(p0=p, k=4, t=50)
    path = iterate_map(lambda q: top_k_step(q, 4), p, 5)
    assert all(_same(path[g], path[1]) for g in range(1, 6)) and not _same(path[0], path[1])


@settings(max_examples=40, deadline=None)
@given(p=probability_vectors, top_p=st.floats(0.05, 1.0))
def test_nucleus_support_shrinks_to_a_fixed_point_within_k_minus_one_generations(p, top_p):
    path = iterate_map(lambda q: nucleus_step(q, top_p), p, len(p) + 2)
    supports = [{m for m, q in enumerate(row) if q > 0} for row in path]
    assert all(b <= a for a, b in zip(supports, supports[1:]))
    gens, lost = SC.nucleus_fixed_point(p, top_p)
    assert gens <= max(len(supports[0]) - 1, 0)
    assert supports[gens] == supports[-1] and _same(path[gens + 1], path[gens])
    assert gens == 0 or supports[gens - 1] != supports[gens]
    assert lost == pytest.approx(1 - sum(p[m] for m in supports[-1]), abs=1e-12)


def test_nucleus_on_zipf_loses_far_more_than_one_minus_top_p():
    gens, lost = SC.nucleus_fixed_point(zipf(100, 1.0), 0.9)
    assert gens >= 2 and lost > 0.1 * 3


def test_reward_tilting_concentrates_on_the_argmax():
    r = theory.get("sampling.reward_tilting")
    p = [0.4, 0.3, 0.2, 0.1]
    values = [r(p0=p, r=[0.0, 1.0, 2.0, 0.5], beta=1.0, t=tt) for tt in range(0, 30)]
    assert all(b <= a + 1e-15 for a, b in zip(values[1:], values[2:]))
    assert r(p0=p, r=[0.0, 1.0, 2.0, 0.5], beta=1.0, t=10**6) == 0.0
    # Two maximisers: the limit is the entropy of p0 restricted to them.
    assert r(p0=p, r=[0.0, 2.0, 2.0, 0.5], beta=1.0, t=10**6) == pytest.approx(
        -(0.6 * math.log(0.6) + 0.4 * math.log(0.4)), abs=1e-12)

"""Information results against independent routes: covariance iteration, quadrature, exact
enumeration of the K-category chain, literal-workflow Monte Carlo; and a wrong formula caught."""

import math

import mpmath
import pytest
import sympy as sp

from modelcollapse import proofs, theory
from modelcollapse.numerics import information_checks as ic
from modelcollapse.theory import information as info


@pytest.mark.parametrize("R,t,sigma0", [(0.5, 1, 1.0), (1.0, 3, 2.0), (2.5, 7, 0.3), (0.1, 40, 1.0)])
def test_recoding_matches_covariance_iteration(R, t, sigma0):
    r = theory.get("information.rate_distortion_chain")
    mi, dist, var = ic.recoding_by_covariance(R, t, sigma0, dps=30)
    assert abs(r(R=R, t=t, sigma0=sigma0, dps=30) - mi) < mpmath.mpf(10) ** -25 * max(1, abs(mi))
    claims = r.derivation.remarks
    values = {info.R: R, sp.Symbol("t", integer=True, nonnegative=True): t, info.sigma0: sigma0}
    for name, ref in (("distortion", dist), ("reconstruction_variance", var)):
        f = sp.lambdify((info.R, info.t, info.sigma0), claims[name].rhs, modules="mpmath")
        assert abs(f(R, t, sigma0) - ref) < 1e-12 * max(1, abs(ref)), name
    assert values  # the claims are functions of R, t and sigma0 alone


def test_first_coding_keeps_R_bits():
    r = theory.get("information.rate_distortion_chain")
    assert r.derivation.remarks["first_coding"].rhs == info.R
    for R in (0.25, 1.0, 3.0):
        assert math.isclose(r(R=R, t=1, sigma0=1.0), R, rel_tol=1e-13)


@pytest.mark.parametrize("n,t,s,sigma0", [(10, 1, 1.0, 1.0), (3, 5, 0.4, 2.0), (50, 20, 2.0, 0.5)])
def test_mean_channel_matches_quadrature(n, t, s, sigma0):
    r = theory.get("information.gaussian_mean_channel")
    assert abs(r(n=n, t=t, s=s, sigma0=sigma0, dps=20) - ic.mean_channel_by_quadrature(n, t, s, sigma0)) < 1e-15


@pytest.mark.parametrize("p0,n,t", [((0.5, 0.3, 0.2), 6, 1), ((0.5, 0.3, 0.2), 6, 4), ((0.75, 0.25, 0.0), 4, 3),
                                    ((0.35, 0.65), 12, 6)])
def test_categorical_kl_chain_matches_full_enumeration(p0, n, t):
    r = theory.get("information.categorical_kl")
    assert abs(r(p0=p0, n=n, t=t, dps=25) - ic.categorical_kl_by_enumeration(p0, n, t, dps=25)) < 1e-20


def test_categorical_kl_equals_entropy_loss_at_one_refit():
    kl = theory.get("information.categorical_kl")(p0=[0.5, 0.3, 0.2], n=7, t=1)
    h1 = theory.get("categorical.entropy_one_step")(p0=[0.5, 0.3, 0.2], n=7)
    h0 = -sum(q * math.log(q) for q in (0.5, 0.3, 0.2))
    assert math.isclose(kl, (h0 - h1) / math.log(2), rel_tol=1e-12)


def test_data_processing_holds_on_every_exact_value():
    rep = ic.reference_check("information.dpi")
    assert rep.passed and rep.max_rel_error == 0.0


@pytest.mark.parametrize("rid", ["information.gaussian_mean_channel", "information.rate_distortion_chain",
                                 "information.categorical_kl"])
def test_monte_carlo_passes_and_catches_a_wrong_formula(rid):
    r = theory.get(rid)
    alpha = 1e-6
    good = ic.monte_carlo_checks(rid, 3000, alpha, seed=7)
    assert good and all(c.passed for c in good)
    shifted = ic.monte_carlo_checks(rid, 3000, alpha, seed=7, closed_form=lambda **p: r(**dict(p, t=p["t"] + 1)))
    assert not all(c.passed for c in shifted)


@pytest.mark.xdist_group("registry_proofs")  # reads registry proofs' reports: checked once on that worker
def test_channel_noise_is_proved_by_the_kernel():
    assert proofs.status("information.mean_channel_noise") == "proved"
    assert proofs.status("information.test_channel_second_moment") == "proved"
    assert proofs.status("information.dpi") == "proved"


@pytest.mark.parametrize("rid,params,name", [
    ("information.rate_distortion_chain", dict(R=-1.0, t=1, sigma0=1.0), "R"),
    ("information.rate_distortion_chain", dict(R=1.0, t=0, sigma0=1.0), "t"),
    ("information.gaussian_mean_channel", dict(n=10, t=1, s=0.0, sigma0=1.0), "s"),
    ("information.categorical_kl", dict(p0=[0.5, 0.6], n=3, t=1), "p0"),
])
def test_bad_input_names_the_parameter(rid, params, name):
    with pytest.raises(ValueError, match=name):
        theory.get(rid)(**params)


@pytest.mark.xdist_group("registry_proofs")  # reads registry proofs' reports: checked once on that worker
def test_entropy_identity_is_proved_by_the_kernel_and_the_value_is_an_exact_computation():
    rid = "information.categorical_kl"
    r = theory.get(rid)
    assert proofs.status(rid) == "exact computation" and proofs.has_proof(rid)
    rep = proofs.check(rid)
    assert rep.ok and set(rep.goals) == {"identity"}, rep.summary()
    # E[p_{i,t}] = p0_i is cited from categorical.mean: its law and the binomial fact are in the proof.
    assert {"law:categorical", "binomial_factorial_moments", "linearity"} <= set(rep.axioms)
    assert list(r.claims) == ["identity"] and "reverse_infinite" in r.remarks
    assert "identity" in r.status_note and "full support" in r.status_note


def _corrupted(label, change):
    """The kernel's verdict on the proof of information.categorical_kl with one step's relation changed."""
    from dataclasses import replace

    from modelcollapse.proofs import kernel
    proof = proofs.proof_of("information.categorical_kl")
    steps = [replace(s, relation=change(s.relation)) if s.label == label else s for s in proof.steps]
    assert steps != proof.steps
    return kernel.check(replace(proof, steps=steps), proofs.library())


def test_a_false_mean_is_rejected():
    # E[p_{i,t}] = p0_i^2 instead of p0_i: E[-p_{i,t} log p0_i] = -p0_i^2 log p0_i.
    p0i = info.p0[info.i]
    rep = _corrupted("claim.identity.mean_term", lambda rel: rel.xreplace({p0i ** p0i: p0i ** (p0i**2)}))
    assert not rep.ok and "not the combination of the values" in rep.summary()


def test_a_dropped_sign_is_rejected():
    # p log(p / p0) = -p log p0 + eta(p): the sign of the entropy term dropped.
    rep = _corrupted("claim.identity.split", lambda rel: sp.Eq(rel.lhs, rel.rhs.args[0] - rel.rhs.args[1]))
    assert not rep.ok and "split" in rep.summary()

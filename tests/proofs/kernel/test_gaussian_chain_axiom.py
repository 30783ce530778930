"""Start draws of a law and the Gaussian channel axioms: gaussian_chain_information accepts exactly the
linear Gaussian chains it reads off the law, with the kernel's own gain, noise and start variance, and
each side condition rejects where it fails; mutual_information_scaling needs non-zero constants. (The
corpus, proofs/corpus_attacks_information.py, holds the attacks on false statements.)"""

import pytest
import sympy as sp

from modelcollapse import proofs
from modelcollapse.proofs import kernel
from modelcollapse.proofs.corpus_attacks import rejection_text
from modelcollapse.proofs.kernel import Domain, Draw, Law, Proof, Rand, StateVar, Step
from modelcollapse.proofs.kernel import rules as R
from modelcollapse.proofs.kernel.axioms import AXIOMS, instance
from modelcollapse.proofs.kernel.terms import MutualInfo
from modelcollapse.proofs.kernel import terms

g = sp.Symbol("g", integer=True, nonnegative=True)
t = sp.Symbol("t", integer=True, positive=True)
rho = sp.Symbol("rho", real=True)
m = sp.Symbol("m", real=True)
Y_, X_, A_, B_ = sp.symbols("Y X a b")
DOMAINS = {g: Domain.integer(0), t: Domain.integer(1)}


def x(k):
    return Rand("x", k)


def D(k):
    return Rand("D", k)


def P():
    return Rand("P", 0)


def law(step=None, init=None, start=(("P", "Normal", (0, 1)),), draws=(("D", "Normal", (0, 1)),), params=None,
        extra=()):
    """x_{g+1} = step (x_g + D_g by default), x_0 = init (P_0 by default)."""
    state = (StateVar("x", P() if init is None else init, x(g) + D(g) if step is None else step, Domain.real()),)
    return Law("chain", g, dict(params or {}), state + tuple(extra), tuple(Draw(*d) for d in draws),
               start=tuple(Draw(*d) for d in start))


def channel(value, the_law, at=t, domains=None):
    rel = sp.Eq(MutualInfo(x(0), x(at)), value)
    return kernel.check(Proof("chain", {"s": rel}, dict(domains or DOMAINS),
                              [Step("s", rel, R.AxiomInstance("gaussian_chain_information", {Y_: x(at)}))],
                              law=the_law))


def rejected(report, reason):
    return not report.ok and reason in rejection_text(report)


# --- accepted -------------------------------------------------------------------------------------
def test_a_random_walk_started_at_a_normal_keeps_log_1_plus_v_over_t():
    assert channel(sp.log(1 + 1 / t) / 2, law()).ok
    # The start's mean and scale, the step's drift and the noise's mean are the law's, read by the kernel.
    the_law = law(step=x(g) + 3 * D(g) + 1, init=2 * P() + m, start=(("P", "Normal", (m, 5)),),
                  draws=(("D", "Normal", (7, 2)),), params={m: Domain.real()})
    assert channel(sp.log(1 + 20 / (18 * t)) / 2, the_law, domains={**DOMAINS, m: Domain.real()}).ok


def test_a_contracting_chain_keeps_the_signal_over_the_summed_noise():
    # x_{g+1} = x_g / 2 + D_g: signal 4^(-t), noise (1 - 4^(-t)) / (3/4).
    value = (sp.log(sp.Rational(4, 3) * (1 - 4 ** (-t)) + 4 ** (-t)) - sp.log(sp.Rational(4, 3) * (1 - 4 ** (-t)))) / 2
    assert channel(value, law(step=x(g) / 2 + D(g))).ok
    # A negative gain has the same square.
    assert channel(value, law(step=-x(g) / 2 + D(g))).ok


def test_a_deterministic_start_carries_no_information():
    assert channel(sp.Integer(0), law(init=sp.Integer(3), start=())).ok


@pytest.mark.xdist_group("registry_proofs")  # reads registry proofs' reports: checked once on that worker
def test_the_registry_results_are_proved_from_the_chain_axiom():
    assert proofs.status("information.gaussian_mean_channel") == "proved"
    assert set(proofs.axioms_of("information.gaussian_mean_channel")) == {"gaussian_chain_information"}
    assert proofs.status("information.rate_distortion_chain") == "proved"
    assert set(proofs.axioms_of("information.rate_distortion_chain")) == {"gaussian_chain_information",
                                                                          "mutual_information_scaling"}


# --- what the kernel reads off the law, each rejected where it fails --------------------------------
@pytest.mark.parametrize("the_law, reason", [
    (law(draws=(("D", "Normal", (0, x(g) ** 2 + 1)),)), "the update reads D, not a normal draw with constant arguments"),
    (law(draws=(("D", "Normal", (0, g + 1)),)), "the update reads D, not a normal draw with constant arguments"),
    (law(start=(("P", "Gamma", (2, 1)),)), "the initial value reads P, not a normal draw with constant arguments"),
    (law(step=x(g) ** 2 / 2 + D(g)), "the update is not affine with constant coefficients"),
    (law(step=x(g) * D(g)), "the update is not affine with constant coefficients"),
    (law(step=x(g) + D(g) ** 2), "the update is not affine with constant coefficients"),
    (law(step=x(g) + 2 ** g * D(g)), "the update is not affine with constant coefficients"),
    (law(init=P() ** 3), "the initial value is not affine with constant coefficients"),
    (law(step=x(g) + D(g) + Rand("E", g), draws=(("D", "Normal", (0, 1)), ("E", "Normal", (0, 1)))),
     "the update reads more than its state and one draw"),
    (law(init=P() + Rand("Q", 0), start=(("P", "Normal", (0, 1)), ("Q", "Normal", (0, 1)))),
     "the initial value reads more than its state and one draw"),
    (law(step=x(g) + Rand("y", g) + D(g), extra=(StateVar("y", 0, Rand("y", g) + D(g), Domain.real()),)),
     "the update reads more than its state and one draw"),
])
def test_only_a_linear_gaussian_chain_is_read(the_law, reason):
    assert rejected(channel(sp.log(1 + 1 / t) / 2, the_law), reason), rejection_text(channel(sp.log(2), the_law))


def test_a_law_with_no_normal_draw_is_outside_the_axiom():
    rep = channel(sp.log(1 + 1 / t) / 2, law(draws=(("D", "Gamma", (1, 1)),)))
    assert rejected(rep, "holds for Normal laws only")


def test_only_a_state_variable_of_the_law_at_a_generation_is_a_chain():
    rel = sp.Eq(MutualInfo(x(0), D(t)), sp.log(2))
    rep = kernel.check(Proof("d", {"s": rel}, dict(DOMAINS),
                             [Step("s", rel, R.AxiomInstance("gaussian_chain_information", {Y_: D(t)}))], law=law()))
    assert rejected(rep, "must be a state variable of the law")
    # The kernel fills the start, the generation, the gain and the variances itself.
    rep = kernel.check(Proof("d", {"s": rel}, dict(DOMAINS), [Step("s", rel, R.AxiomInstance(
        "gaussian_chain_information", {Y_: x(t), sp.Symbol("q"): 0}))], law=law()))
    assert rejected(rep, "takes exactly the patterns ['Y']")


# --- side conditions --------------------------------------------------------------------------------
def test_side_condition_generation_at_least_one():
    assert rejected(channel(sp.log(1 + 1 / (g + 1)) / 2, law(), at=g, domains={g: Domain.integer(0)}),
                    "side condition g >= 1 not shown")
    assert channel(sp.log(1 + 1 / (g + 1)) / 2, law(), at=g + 1, domains={g: Domain.integer(0)}).ok


def test_side_condition_noise_variance_positive():
    no_noise = law(step=x(g) / 2, extra=(StateVar("y", 0, Rand("y", g) + D(g), Domain.real()),))
    assert rejected(channel(sp.Integer(0), no_noise), "side condition zoo > 0 not shown")
    # A normal of variance 0 is no noise either.
    assert rejected(channel(sp.Integer(0), law(draws=(("D", "Normal", (0, 0)),))), "side condition zoo > 0 not shown")


def test_side_condition_gain_away_from_one_for_the_closed_sum():
    the_law = law(step=rho * x(g) + D(g), params={rho: Domain.real()})
    inst, conds = instance(AXIOMS["gaussian_chain_information"], {Y_: x(t)}, set(), the_law)
    space = kernel.Space({**DOMAINS, rho: Domain.real()}, the_law.rand_domains())
    close = sp.Gt(1 / (1 - rho ** 2) ** 2, 0, evaluate=False)
    assert close in conds
    with pytest.raises(R.Reject):
        R.decide(close, space)
    # Away from 1 it is shown: rho in (0, 1).
    inside = kernel.Space({**DOMAINS, rho: Domain.real(0, 1, lo_open=True, hi_open=True)}, the_law.rand_domains())
    R.decide(close, inside)


def test_the_closed_forms_are_the_kernels():
    inst, conds = instance(AXIOMS["gaussian_chain_information"], {Y_: x(t)}, set(),
                           law(step=x(g) / 3 + 2 * D(g), init=5 * P()))
    noise, signal = 4 * (1 - sp.Rational(1, 9) ** t) / sp.Rational(8, 9), sp.Rational(1, 9) ** t * 25
    assert sp.simplify(inst.rhs - (sp.log(noise + signal) - sp.log(noise)) / 2) == 0
    assert inst.lhs == MutualInfo(x(0), x(t))


# --- scaling ------------------------------------------------------------------------------------------
def scaled(a, b):
    rel = sp.Eq(MutualInfo(a * x(0), b * x(t)), MutualInfo(x(0), x(t)))
    return kernel.check(Proof("s", {"s": rel}, dict(DOMAINS), [Step("s", rel, R.AxiomInstance(
        "mutual_information_scaling", {X_: x(0), Y_: x(t), A_: a, B_: b}))], law=law()))


def test_scaling_by_non_zero_constants_keeps_the_information():
    assert scaled(2, sp.Rational(1, 2) ** t).ok
    assert scaled(-3, 1).ok


@pytest.mark.parametrize("a, b, reason", [
    (0, 1, "side condition 0**(-2) > 0 not shown"),
    (1, t - 1, "side condition"),            # t - 1 = 0 at t = 1
    (x(t), 1, "must be deterministic"),
])
def test_scaling_rejects(a, b, reason):
    assert rejected(scaled(a, b), reason)


# --- start draws --------------------------------------------------------------------------------------
def test_a_start_draw_is_checked_with_the_law():
    assert law().problems() == []
    assert any("uses" in p for p in law(start=(("P", "Normal", (0, x(g))),)).problems())
    assert any("argument" in p for p in law(start=(("P", "Normal", (0, -1)),)).problems())
    assert any("distinct" in p for p in law(start=(("D", "Normal", (0, 1)),), init=Rand("D", 0)).problems())
    assert any("uses" in p for p in law(init=Rand("P", 1)).problems())
    # The same law with and without a random start are two laws (a citation reads the key).
    assert law().key() != law(init=sp.Integer(0), start=()).key() and terms.exact(law(), Law) == law()


def test_a_random_start_is_no_deterministic_initial_value():
    rel = sp.Eq(x(0), P())
    rep = kernel.check(Proof("init", {"s": rel}, dict(DOMAINS), [Step("s", rel, R.LawInit("x"))], law=law()))
    assert rejected(rep, "P is not declared by the law")
    rel = sp.Eq(x(0), 0)
    rep = kernel.check(Proof("init", {"s": rel}, dict(DOMAINS), [Step("s", rel, R.LawInit("x"))], law=law()))
    assert rejected(rep, "not the declared initial value")


# --- signs of powers whose base lies in (0, 1) ----------------------------------------------------------
def test_a_power_base_shown_in_the_unit_interval_is_read_for_signs():
    from modelcollapse.proofs.kernel.decide import _positive, is_positive
    rate = sp.Symbol("R", positive=True)
    space = kernel.Space({rate: Domain.real(0, lo_open=True), t: Domain.integer(1)})
    keep = 1 - 2 ** (-2 * rate)
    assert is_positive(1 - keep ** t, space)[0] and is_positive(keep ** (t / 2), space)[0]
    # A false claim stays unshown by sympy's reading alone (no numerical refutation): c^t falls below 1/2.
    assert not _positive(keep ** t - sp.Rational(1, 2), True)

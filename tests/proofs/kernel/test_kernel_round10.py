"""Rounds 10 to 15: the principles, each tested below the rule that used to be the last line of defence: the
kernel's simplification evaluates no sum over a symbolic range, a value past the double range is a
value, Shift tests its instance, and a proof may not hold a sympy Dummy. Every test here failed on the
kernel before round 10 (the corpus entries in ``corpus_attacks_round10`` are the whole attacks)."""

import pytest
import sympy as sp

from modelcollapse.proofs import kernel
from modelcollapse.proofs.kernel.check import Context
from modelcollapse.proofs.kernel.decide import evaluate, is_zero, refuted
from modelcollapse.proofs.kernel.rules import Reject, Shift
from modelcollapse.proofs.kernel.terms import simplify

n = sp.Symbol("n", integer=True, nonnegative=True)
k = sp.Symbol("k", integer=True, nonnegative=True)
y = sp.Symbol("y", real=True)


def alternating(m):
    """sum_{k=0}^{m} (-1)^k C(m, k): 1 at m = 0 and 0 for m >= 1."""
    return sp.Sum((-1) ** k * sp.binomial(m, k), (k, 0, m))


def test_simplify_evaluates_no_sum_over_a_symbolic_range():
    # sympy's own simplify, through its doit, calls this 0 for every n: false at n = 0.
    assert sp.simplify(sp.expand_func(sp.gammasimp(alternating(n)))) == 0
    assert simplify(sp.expand_func(sp.gammasimp(alternating(n)))) != 0
    assert not is_zero(alternating(n), kernel.Space({n: kernel.Domain.integer(0)}))[0]


def test_simplify_writes_out_a_sum_over_numbers_and_the_empty_product():
    assert simplify(alternating(sp.Integer(0))) == 1
    assert simplify(alternating(sp.Integer(3))) == 0
    assert simplify(sp.Product(y + k, (k, 0, -1))) == 1


def test_a_product_of_a_rational_function_is_still_evaluated():
    """(n + 1)^k prod_{j<k} (1 - j/(n + 1)) is the falling factorial ff(n + 1, k) for every k >= 0."""
    j, m = sp.Symbol("j", integer=True), sp.Symbol("m", integer=True, nonnegative=True)
    claim = sp.FallingFactorial(n + 1, m) - (n + 1) ** m * sp.Product(1 - j / (n + 1), (j, 0, m - 1))
    space = kernel.Space({n: kernel.Domain.integer(0), m: kernel.Domain.integer(0)})
    assert is_zero(claim, space)[0]


def test_a_value_past_the_double_range_refutes():
    assert evaluate(sp.Integer(10) ** 400, {}) is not None
    claim = 10 ** (400 / (n + 1)) * alternating(n)  # 10^400 at n = 0, 0 after
    assert refuted(claim, kernel.Space({n: kernel.Domain.integer(0)}))


def test_shift_refutes_a_false_instance_of_its_premise():
    """Shift's premise was shown for every n; a counterexample at the instance shows it was not (Shift
    in accepted proofs: mixing.golden_ratio)."""
    space = kernel.Space({n: kernel.Domain.integer(0), y: kernel.Domain.real(1, 2)})
    false_at_20 = sp.Eq(y * sp.Piecewise((0, sp.Ne(n, 20)), (1, True)), 0, evaluate=False)
    instance = sp.Eq(y * sp.Piecewise((0, sp.Ne(sp.Integer(20), 20)), (1, True)), 0, evaluate=False)
    ctx = Context(space, None, ())
    try:
        Shift(symbol=n, value=20).verify(instance, [false_at_20], ctx)
    except Reject as rejection:
        assert "the premise is false at n = 20" in str(rejection)
    else:
        raise AssertionError("Shift accepted a false instance")


def test_a_proof_may_not_hold_a_dummy():
    c = sp.Dummy("c", integer=True)
    rel = sp.Eq(c ** 2, c ** 2, evaluate=False)
    rep = kernel.check(kernel.Proof("dummy", {"g": rel}, {c: kernel.Domain.integer(0)},
                                    [kernel.Step("s", rel, kernel.RULES[0]())]))
    assert not rep.ok and "Dummy is not a node the kernel reads" in rep.summary()


def test_only_the_node_whose_form_was_read_gets_a_closed_form():
    """Round 11: a sum of a polynomial in its index j whose coefficient holds another sum (1 at n = 0) is
    left alone (sympy's deep doit summed the inner one to 0); a sum with no sum inside gets Faulhaber's."""
    from modelcollapse.proofs.kernel.decide import _closed_forms
    j = sp.Symbol("j", integer=True)
    outer = sp.Sum(j * alternating(n), (j, 1, 1))
    assert _closed_forms(outer) == outer
    assert _closed_forms(sp.Sum(j, (j, 1, n))) == n ** 2 / 2 + n / 2


def test_a_range_of_numbers_is_written_out_only_below_symbolic_summation():
    from modelcollapse.proofs.kernel.terms import explicit
    assert explicit(sp.Sum(y ** k, (k, 0, 3))) == 1 + y + y ** 2 + y ** 3
    assert explicit(sp.Sum(y ** k, (k, 0, 100))) == sp.Sum(y ** k, (k, 0, 100))  # sympy: a geometric closed form
    assert explicit(sp.Sum(y, (k, 3, 1))) == sp.Sum(y, (k, 3, 1))                # reversed: left as it is


def test_a_range_of_numbers_is_written_out_with_its_inner_binders_still_bound():
    """Round 12: sympy's doit renames the outer index with its range's assumptions (i positive on 1..2) and
    the inner binder of that name with it, so |i| became i inside sum_{i=-n}^{n}."""
    from modelcollapse.proofs.kernel.terms import explicit
    i = sp.Symbol("i", integer=True)
    inner = sp.Sum(sp.Abs(i), (i, -n, n))
    assert explicit(sp.Sum(inner + i, (i, 1, 2))) == 2 * inner + 3


def test_a_case_is_substituted_without_capture():
    """Round 13: a case's value that names a sum's index (a bound a >= j) stays free under the sum."""
    j, a = sp.Symbol("j", integer=True), sp.Symbol("a", real=True)
    under = kernel.Space.substitute(sp.Sum(a, (j, 1, n)), {a: j})
    assert j in under.free_symbols and under.doit() == n * j


def test_a_law_may_not_sum_over_what_it_reads_as_given():
    """Round 14: a law's update summing over the law's own index is refused (a rule replacing D_t[i]
    replaced the bound one too); the same sum over a fresh index is a well-formed law."""
    g, i, j = sp.Symbol("g", integer=True, nonnegative=True), sp.Symbol("i", integer=True, positive=True), \
        sp.Symbol("j", integer=True, positive=True)
    x = kernel.Rand("x", g, i)

    def law(index):
        update = x * sp.Sum(kernel.Rand("x", g, index), (index, 1, 2))
        return kernel.Law("walk", g, {}, (kernel.StateVar("x", sp.Rational(1, 2), update, kernel.Domain.real(0, 1),
                                                         (i,)),), (), {i: kernel.Domain.integer(1, 2)})
    assert any("also occurs free (the law reads it)" in p for p in law(i).problems())
    assert not any("occurs free" in p for p in law(j).problems())


def test_a_support_bound_read_at_the_law_index_is_dropped():
    """Round 15: D_{t,i} ~ Binomial(i, 1/2) has support [0, i] at its own index only; the one domain that
    serves D at every index keeps the lower end and drops the upper."""
    g, i = sp.Symbol("g", integer=True, nonnegative=True), sp.Symbol("i", integer=True, positive=True)
    law = kernel.Law("urns", g, {}, (kernel.StateVar("x", sp.Rational(1, 2), kernel.Rand("x", g, i),
                                                     kernel.Domain.real(0, 1), (i,)),),
                     (kernel.Draw("D", "Binomial", (i, kernel.Rand("x", g, i))),), {i: kernel.Domain.integer(1, 3)})
    support = law.rand_domains()["D"]
    assert support.lo == 0 and support.hi is None


def test_a_limit_is_a_binder_and_a_renaming_keeps_the_range():
    """Round 16: Sum(2^g, (g, 0, g^2)) under a limit in g binds g again (sympy reads the range's g outside the
    sum); and renaming a binder fresh reaches its body, never its range."""
    from modelcollapse.proofs.kernel.terms import binder_problem, fresh_binders
    g, j = sp.Symbol("g", integer=True, nonnegative=True), sp.Symbol("j", integer=True, nonnegative=True)
    assert "bound again inside" in binder_problem(sp.Limit(sp.Sum(2**g, (g, 0, g**2)) / 2**g, g, sp.oo))
    assert binder_problem(sp.Limit(sp.Sum(2**j, (j, 0, g**2)) / 2**g, g, sp.oo)) == ""
    renamed = fresh_binders(sp.Sum(2**g, (g, 0, g**2)))
    assert renamed.limits[0][2] == g**2 and renamed.limits[0][0] != g
    assert sp.simplify(renamed.subs(g, 3).doit() - 1023) == 0


def test_a_normalised_update_is_checked_whole():
    """Round 16: the normaliser of a normalised update gets the binder check, not only its weight."""
    t, N, i = sp.Symbol("t", integer=True, nonnegative=True), sp.Symbol("N", integer=True, positive=True), \
        sp.Symbol("i", integer=True, positive=True)
    p, x = sp.IndexedBase("p", real=True, nonnegative=True), kernel.Rand("x", t, i)
    law = kernel.Law("norm", t, {N: kernel.Domain.integer(1),
                                 p: kernel.Domain.vector(kernel.Domain.real(0, 1), length=N, total=1)},
                     (kernel.StateVar("x", p[i], x / sp.Sum(kernel.Rand("x", t, N), (N, 1, N)),
                                      kernel.Domain.real(0, 1), (i,)),), (), indices={i: kernel.Domain.integer(1, N)})
    assert any(q.startswith("the update of x: the index N") for q in law.problems())


def test_an_iid_pattern_reads_the_generation_only_through_its_draw():
    """Round 17: W = 2^(-g) D_g is no i.i.d. copy of one draw, though D_g's own symbols hold g; D_g - 1 is."""
    from modelcollapse.proofs.kernel.axioms import _kind_problem
    g = sp.Symbol("g", integer=True, nonnegative=True)
    D = kernel.Rand("D", g)
    law = kernel.Law("walk", g, {}, (kernel.StateVar("x", 0, kernel.Rand("x", g) + D, kernel.Domain.real()),),
                     (kernel.Draw("D", "Normal", (-1, 1)),))
    assert "but through the draw" in _kind_problem("iid", D / 2**g, law, [])
    assert _kind_problem("iid", D - 1, law, []) == ""


def test_the_strong_law_takes_its_walk_from_the_law():
    """Round 18: the walk L -> L + W is the law's at every generation (a side condition), never a premise at one g:
    x_{g+1} = x_g + 2^(-g) D_g passes through x_g + D_g at g = 0 only."""
    from modelcollapse.proofs.kernel.axioms import AXIOMS, instance
    g = sp.Symbol("g", integer=True, nonnegative=True)
    x, D = kernel.Rand("x", g), kernel.Rand("D", g)

    def walk(update):
        law = kernel.Law("walk", g, {}, (kernel.StateVar("x", 0, update, kernel.Domain.real()),),
                         (kernel.Draw("D", "Normal", (-1, 1)),))
        return instance(AXIOMS["slln_random_walk"], {sp.Symbol("L"): x, sp.Symbol("W"): D}, set(), law)[1]
    (condition,) = walk(x + D / 2**g)
    assert sp.simplify(condition.lhs - condition.rhs) != 0
    (condition,) = walk(x + D)
    assert sp.simplify(condition.lhs - condition.rhs) == 0


def test_a_law_reads_a_vector_label_only_as_an_entry_base():
    """Round 18: ns beside ns[g] in an update is an undeclared number the law reads."""
    g = sp.Symbol("g", integer=True, nonnegative=True)
    ns, x = sp.IndexedBase("ns"), kernel.Rand("x", g)
    schedule = kernel.Domain.vector(kernel.Domain.integer(2))

    def law(update):
        return kernel.Law("drift", g, {ns: schedule}, (kernel.StateVar("x", 0, update, kernel.Domain.real()),), ())
    assert any("undeclared symbols ['ns']" in p for p in law(x + ns[g] + sp.Symbol("ns")).problems())
    assert not any("undeclared" in p for p in law(x + ns[g]).problems())


def test_one_generation_on_moves_every_g():
    """Round 19: L = x_g + 2 g one generation on is x_{g+1} + 2 (g + 1), not x_{g+1} + 2 g."""
    from modelcollapse.proofs.kernel.axioms import _updated
    g = sp.Symbol("g", integer=True, nonnegative=True)
    x, D = kernel.Rand("x", g), kernel.Rand("D", g)
    law = kernel.Law("walk", g, {}, (kernel.StateVar("x", 0, x + D, kernel.Domain.real()),),
                     (kernel.Draw("D", "Normal", (-1, 1)),))
    assert sp.expand(_updated(x + 2 * g, law) - (x + D + 2 * g + 2)) == 0
    assert _updated(2**g * x, law) == 2**(g + 1) * (x + D)


def test_assumptions_with_no_values_are_refused():
    """Round 20: entries summing to 1 need a length shown >= 1 (the empty sum is 0), and a range its ends in
    order, wherever the other symbols may be: an assumption with no values proves anything."""
    m, y = sp.Symbol("m", integer=True, nonnegative=True), sp.Symbol("y", real=True)
    v = sp.IndexedBase("v")
    goal = sp.Eq(y, y)

    def errors(domains):
        return kernel.check(kernel.Proof("p", {"s": goal}, {y: kernel.Domain.real(), **domains}, [])).errors
    simplex = kernel.Domain.vector(kernel.Domain.real(0, 1), length=m, total=1)
    assert any("need a length shown >= 1" in e for e in errors({m: kernel.Domain.integer(0, 5), v: simplex}))
    assert not any("length shown" in e for e in errors({m: kernel.Domain.integer(1, 5), v: simplex}))
    assert any("a range with no values" in e for e in errors({m: kernel.Domain.integer(3, 2)}))
    assert any("a range with no values" in e for e in errors({m: kernel.Domain.integer(0), y: kernel.Domain.real(m + 1, 1)}))


def test_a_total_the_entries_cannot_reach_is_refused():
    """Round 21: two entries in [0, 1] cannot sum to 5, nor two in [0, 1) to 2; two in [0, 1] can sum to 2."""
    y, v = sp.Symbol("y", real=True), sp.IndexedBase("v")

    def errors(entry, total):
        domains = {y: kernel.Domain.real(), v: kernel.Domain.vector(entry, length=2, total=total)}
        return kernel.check(kernel.Proof("p", {"s": sp.Eq(y, y)}, domains, [])).errors
    assert any("cannot sum to 5" in e for e in errors(kernel.Domain.real(0, 1), 5))
    assert any("cannot sum to 2" in e for e in errors(kernel.Domain.real(0, 1, hi_open=True), 2))
    assert not any("cannot sum" in e for e in errors(kernel.Domain.real(0, 1), 2))


def test_integer_ranges_are_read_by_their_integers():
    """Round 22: an integer range holds its integers only (since round 24 its ends are integers as written, and
    [m + 1, m] holds none), and integer entries sum to an integer their range can reach."""
    y, t, v = sp.Symbol("y", real=True), sp.Symbol("t", real=True, positive=True), sp.IndexedBase("v")

    def errors(domains):
        return kernel.check(kernel.Proof("p", {"s": sp.Eq(y, y)}, {y: kernel.Domain.real(), **domains}, [])).errors
    m = sp.Symbol("m", integer=True)
    assert any("a range with no values" in e for e in errors({m: kernel.Domain.integer(m + 1, m)}))
    one_entry = kernel.Domain.vector(kernel.Domain.integer(0, 2), length=1, total=t)
    assert any("cannot sum to t" in e for e in errors({t: kernel.Domain.real(sp.Rational(1, 2), 2), v: one_entry}))


def test_a_domain_sets_only_the_fields_its_kind_uses():
    """Round 23: one reading of a domain. A finite set with ends, an integer range with an open end, an empty
    set, a vector of vectors or an unknown kind is refused when built (and so in the kernel's own copy)."""
    D = kernel.Domain
    for build in (lambda: D("finite", lo=0, hi=1, values=(0, 1)), lambda: D("integer", 0, lo_open=True),
                  lambda: D.finite([]), lambda: D.vector(D.vector(D.real())), lambda: D("rational", 0, 1),
                  lambda: D("real", 0, 1, total=1)):
        with pytest.raises(ValueError, match="domain"):
            build()
    assert D.finite([0, 2]).describe() == "in {0, 2}" and D.real(0, 1, lo_open=True).flags()["positive"]
    y, v = sp.Symbol("y", real=True), sp.IndexedBase("v")
    finite_total = {y: D.real(), v: D.vector(D.finite([0, 2]), length=1, total=2)}  # reachable, yet refused
    assert any("cannot sum to 2" in e for e in kernel.check(kernel.Proof("p", {"s": sp.Eq(y, y)}, finite_total, [])).errors)


def test_a_sign_of_a_number_needs_an_interval_certificate():
    """Round 23: sympy evaluates log(1 + 10^-40) as exactly 0, so it reads 10^80 (log(1 + 10^-40) - 10^-40) + 1
    (which is 1/2) as negative; interval arithmetic shows it positive, and sympy's reading is not used."""
    from modelcollapse.proofs.kernel.terms import misread_numbers, sign_certified
    tiny = sp.Rational(1, 10**40)
    half = 10**80 * (sp.log(1 + tiny) - tiny) + 1
    assert half.is_negative  # sympy's misreading, the reason for the certificate
    assert sign_certified(half, True) and not sign_certified(-half, False) and misread_numbers(half * sp.Symbol("z"))
    assert sign_certified(sp.pi - 3, True) and not sign_certified(3 - sp.pi, False)
    assert not misread_numbers(sp.pi - 3 + sp.sqrt(2)) and not sign_certified(sp.log(6) - sp.log(2) - sp.log(3), False)
    z = sp.Symbol("z", real=True)
    ok = kernel.check(kernel.Proof("p", {"s": sp.Lt(3, sp.pi + z**2)}, {z: kernel.Domain.real()},
                                   [kernel.Step("s", sp.Lt(3, sp.pi + z**2), kernel.rules.Algebra())]))
    assert ok.ok, ok.summary()


def test_a_case_is_taken_only_when_sympy_reads_its_numbers_right():
    """Round 23: a case that puts x = 10^-40 into |F(x)| lets sympy rewrite |F| by F's misread sign; such a
    case stands for nothing (nan), and a case with well-read numbers is substituted as before."""
    from modelcollapse.proofs.kernel.domains import Space
    x = sp.Symbol("x", real=True)
    F = 10**80 * (sp.log(1 + x) - x) + 1
    assert Space.substitute(sp.Abs(F) + F, {x: sp.Rational(1, 10**40)}) is sp.nan
    assert Space.substitute(sp.Abs(x - 3) + x, {x: sp.Integer(1)}) == 3
    # The same substitution serves the rules that put a number in (Specialize, Shift, base cases).
    from modelcollapse.proofs.kernel.terms import substitute
    assert substitute(sp.Max(x, 0), {x: F.xreplace({x: sp.Rational(1, 10**40)})}) is sp.nan
    assert substitute(sp.Max(x, 0), {x: sp.Rational(1, 2)}) == sp.Rational(1, 2)


def test_the_mass_route_leaves_a_sum_inside_another_binder_alone():
    """Round 23: a sum whose summand holds an enclosing sum's index is not weighed by the mass route (that
    index ranges over the enclosing limits, not the space's domain)."""
    from modelcollapse.proofs.kernel.decide import _weighed_by_mass
    from modelcollapse.proofs.kernel.domains import Space
    n, j, w = sp.Symbol("n", integer=True, positive=True), sp.Symbol("j", integer=True, positive=True), sp.IndexedBase("w")
    D = kernel.Domain
    space = Space({n: D.integer(1, 2), w: D.vector(D.real(0), length=1, total=1)})
    captured = sp.Sum(2 * sp.Sum(w[j] * (3 - n), (j, 1, 1)), (n, 1, 10))
    assert _weighed_by_mass(captured, space) == captured
    assert _weighed_by_mass(sp.Sum(w[j] * (3 - n), (j, 1, 1)), space) != sp.Sum(w[j] * (3 - n), (j, 1, 1))


def test_an_enclosure_comes_only_from_bounded_primitives():
    """Round 24: tan past its pole is enclosed as sin / cos (its true sign, about -10^40); v_k (a quadrature)
    and digamma (evaluated by sympy after rounding its argument) have no enclosure, so no sign."""
    from modelcollapse.proofs.corpus_attacks_round24 import BELOW_DIGAMMA_ROOT, PAST_HALF_PI
    from modelcollapse.proofs.kernel.terms import MaxNormalVariance, sign_certified
    assert sign_certified(-sp.tan(PAST_HALF_PI), True) and not sign_certified(sp.tan(PAST_HALF_PI), True)
    assert sign_certified(sp.tan(sp.Rational(1, 2)), True) and sign_certified(sp.erf(sp.sqrt(2)) - sp.Rational(95, 100), True)
    for number in (MaxNormalVariance(2), sp.polygamma(0, BELOW_DIGAMMA_ROOT), -sp.polygamma(0, BELOW_DIGAMMA_ROOT)):
        assert not sign_certified(number, True)


def test_no_value_is_read_off_a_float():
    """Round 24: an integer range's ends are integers as written, and floor (ceiling, min, max, a comparison) is
    never built at a number that is not rational: sympy takes floor(D) = 10^20 for D about 1/2."""
    from modelcollapse.proofs.corpus_attacks_round24 import NEAR_HALF
    from modelcollapse.proofs.kernel.terms import misread_numbers, substitute
    x = sp.Symbol("x", integer=True)
    with pytest.raises(ValueError, match="integers as written"):
        kernel.Domain.integer(NEAR_HALF)
    assert kernel.Domain.integer(x, x + 3).lo == x and kernel.Domain.integer(0, 5).hi == 5
    assert sp.floor(NEAR_HALF) == 10**20  # sympy's reading, the reason for the rule
    assert substitute(sp.floor(x * NEAR_HALF), {x: sp.Integer(1)}) is sp.nan
    assert substitute(sp.floor(x / 2), {x: sp.Integer(3)}) == 1 and misread_numbers(sp.floor(NEAR_HALF, evaluate=False))


def test_a_binary_number_is_enclosed_at_its_own_precision():
    """A 30-digit Float (an end of a monotone function's argument, or its value) is not first rounded to
    mpmath's default 53 bits: the enclosure holds it, and tells it from a rational 10^-25 away."""
    import mpmath

    from modelcollapse.proofs.kernel.terms import enclosure, sign_certified
    x = sp.Float("0.1234567890123456789012345678901", 30)
    mpmath.iv.dps = 30
    try:
        box = enclosure(x, 30)
    finally:
        mpmath.iv.dps = 15
    assert box.a == box.b  # a binary number is its own interval
    near = sp.Rational("0.1234567890123456789012345678")
    assert sign_certified(x - near, True) and not sign_certified(near - x, True)


def test_an_axiom_is_not_instantiated_at_a_number_sympy_misreads():
    """An axiom's schema is filled in by sympy, which builds on the numbers put in (|c| is -c to a c it reads
    as negative): an instance holding a misread number is refused, a well-read one taken."""
    from modelcollapse.proofs.kernel.axioms import AXIOMS, instance
    axiom = AXIOMS["mutual_information_scaling"]
    X, Y, a, b = (p for p, _ in axiom.patterns)
    tiny = sp.Rational(1, 10**40)
    variables = {X: kernel.Rand("X", 0), Y: kernel.Rand("Y", 0), b: 1}
    with pytest.raises(ValueError, match="misreads"):
        instance(axiom, {**variables, a: 10**80 * (sp.log(1 + tiny) - tiny) + 1}, set(), None)
    assert instance(axiom, {**variables, a: sp.Rational(1, 2)}, set(), None)[0].has(kernel.Rand("X", 0))


def test_a_number_the_sign_rule_builds_is_read_right_before_its_sign_is_used():
    """Round 25: the sign rule splits c = A - B into new numbers A and B; sympy read these halves (each about
    -1/2) as positive, off a float that rounds 1 + 10^-20 to 1 inside a log. They are flagged, so the rule's
    A, B > 0 step is not taken; and a reversed sum has no enclosure (sympy reads it as -1, not as empty)."""
    from modelcollapse.proofs.kernel.terms import enclosure, misread_numbers
    big, n = sp.Integer(10)**25, 10**20
    half = 1 / (1 + big * sp.log(sp.Rational(n + 1, n))) + n * sp.log(sp.Rational(2 * n, 2 * n + 1))
    assert half.is_positive and misread_numbers(half)  # sympy's reading; the truth is about -1/2
    j = sp.Symbol("j", integer=True)
    assert enclosure(sp.Sum(1, (j, 2, 0)), 30) is None and sp.Sum(1, (j, 2, 0)).doit() == -1


def test_a_number_whose_value_sympy_misreads_is_flagged_though_its_signs_are_right():
    """Round 26: T = 1 / (1 + 10^65 log(1 + 10^-60)) is about 10^-5; sympy evaluates it as 1, with every sign
    right. Its value lies outside its enclosure, so a claim holding it is not decided; pi - 3 is read right."""
    from modelcollapse.proofs.kernel.terms import misread_numbers
    T = 1 / (1 + sp.Integer(10)**65 * sp.log(1 + sp.Rational(1, 10**60)))
    assert T.is_positive and abs(T.evalf(2) - 1) < 0.1  # sympy's reading: the right sign, the wrong value
    assert misread_numbers(T + sp.Symbol("m")) and not misread_numbers(sp.pi - 3 + sp.Symbol("m"))


def test_a_number_beside_a_symbol_is_decided_as_a_symbol_of_its_certified_sign():
    """Round 27: W = -10^107 log(1 - 10^-110) is about 10^-3 and sympy reads it right on its own, but inside a sum
    it reads the bound of an unresolved cancellation as W's value (W - 1/100 about 10^85). So sympy never sees
    such a number beside a symbol: the numeric part of the sum stands for a symbol of its certified sign.
    Numbers sympy evaluates with nothing cancelling inside (log 2, sqrt 5, pi) stay as they are, and so do
    claims with no symbol."""
    from modelcollapse.proofs.kernel.decide import is_positive
    from modelcollapse.proofs.kernel.terms import generalized
    W = -sp.Integer(10)**107 * sp.log(1 - sp.Rational(1, 10**110))
    assert (W - sp.Rational(1, 100)).evalf(2) > 1  # sympy's reading; the truth is about -0.009
    x = sp.Symbol("x", integer=True, positive=True)
    kept = x + sp.log(2) + sp.sqrt(5) + sp.pi
    assert generalized([kept]) == [kept] and generalized([W - 1]) == [W - 1]
    claim, = generalized([x / 100 + W - sp.Rational(1, 50)])
    constant, = claim.free_symbols - {x}
    assert constant.is_negative and claim == x / 100 + constant
    space = kernel.Space({x: kernel.Domain.integer(1)})
    assert not is_positive(x / 100 + W - sp.Rational(1, 50), space)[0]
    assert is_positive(x + sp.log(2) - sp.Rational(1, 2), space)[0]  # log 2 is read right, and kept


def test_a_number_is_judged_whole_and_a_sum_that_cancels_is_not_read_through_its_parts():
    """Round 28: B = 10^50 sqrt(10^110 + 1) - 10^105 + 1 is about 1.000005 once 105 digits cancel; each part is read
    right, but sympy evaluates B^2 inside a sum from a base it could not resolve (B^2 - 10^10 read as 10^168). A
    number is kept beside a symbol only if each sum in it is shown to cancel nothing; (sqrt(5) - 1)^2 is kept."""
    from modelcollapse.proofs.kernel.terms import generalized
    B = 10**50 * sp.sqrt(10**110 + 1) - 10**105 + 1
    x = sp.Symbol("x", integer=True, nonnegative=True)
    claim, = generalized([x + sp.Pow(B, 2, evaluate=False) - 10**10])
    constant, = claim.free_symbols - {x}
    assert constant.is_negative and claim == x + constant
    golden = sp.Pow(sp.sqrt(5) - 1, 2, evaluate=False) * x
    assert generalized([golden]) == [golden]


def test_an_exact_reading_of_a_number_is_checked_against_its_enclosure():
    """Round 27: V = 10^66 log(1 + 10^-60) is about 10^6; sympy evaluates it as the exact integer 0, which the
    value check compared with nothing (it read floating values only)."""
    from modelcollapse.proofs.kernel.terms import misread_numbers
    V = sp.Integer(10)**66 * sp.log(1 + sp.Rational(1, 10**60))
    assert V.evalf(2) == 0 and misread_numbers(V) and not misread_numbers(sp.log(2) * 10**6)


def test_while_the_kernel_checks_sympy_reads_numbers_by_interval_arithmetic():
    """Round 29: sympy reads the sign of a number it builds itself (a claim's value at its domain's end) off a
    floating evaluation, which takes an unresolved cancellation's error bound for the value: (sqrt(2) - c)^2 -
    10^-60, c the 33-digit rational nearest sqrt(2), is about -10^-60, and sympy calls it nonnegative. While the
    kernel checks a proof, signs, comparisons and integer parts of numbers come from interval arithmetic."""
    from modelcollapse.proofs.kernel.terms import certified_readings

    def claim():
        c = sp.Rational(1414213562373095048801688724209698, 10**33)
        return sp.Add(sp.Pow(sp.sqrt(2) - c, 2, evaluate=False), -sp.Rational(1, 10**60), evaluate=False)
    sp.core.cache.clear_cache()
    assert claim().is_nonnegative  # sympy's reading
    with certified_readings():
        assert claim().is_negative and not claim().is_nonnegative
        m = sp.Symbol("m", integer=True)
        assert sp.floor(m + sp.pi) == m + 3 and sp.Max(sp.sqrt(2), sp.Rational(141, 100)) == sp.sqrt(2)
    sp.core.cache.clear_cache()


def test_a_root_of_a_long_integer_and_a_short_sum_are_judged_as_written_out():
    """Round 29: sqrt(10^110 + 1) beside a symbol stands for a symbol (sympy's polynomial algorithms on it took the
    30-second limit), sqrt(2) stays; a short sum is kept only if its terms, written out, cancel nothing."""
    from modelcollapse.proofs.kernel.terms import generalized
    x, k = sp.Symbol("x", integer=True, positive=True), sp.Symbol("k", integer=True)
    claim, = generalized([sp.sqrt(10**110 + 1) * x + sp.sqrt(2) * x])
    assert claim.has(sp.sqrt(2)) and not claim.has(sp.sqrt(10**110 + 1))
    cancelling = sp.Sum((1 - k) * 10**50 * sp.sqrt(10**110 + 1) + k * (1 - 10**105), (k, 0, 1))
    kept = sp.Sum(k**2 + sp.sqrt(2), (k, 0, 2))
    assert generalized([x + cancelling])[0] != x + cancelling and generalized([x * kept]) == [x * kept]


def test_a_power_of_a_rational_is_no_integer_only_for_a_rational_exponent():
    """Round 30: sympy holds that a rational, not an integer, to a positive power is never an integer, but (3/2)^t is
    2 at t = log 2 / log(3/2); so it held (3/2)^t - 2 nonzero for every t. While the kernel checks, the rule is
    used for rational exponents only."""
    from modelcollapse.proofs.kernel.terms import certified_readings
    t, n = sp.Symbol("t", positive=True), sp.Symbol("n", positive=True, integer=True)
    sp.core.cache.clear_cache()
    assert sp.Pow(sp.Rational(3, 2), t, evaluate=False).is_integer is False  # sympy's rule, false at t*
    with certified_readings():
        assert sp.Pow(sp.Rational(3, 2), t, evaluate=False).is_integer is None
        assert (sp.Pow(sp.Rational(3, 2), t, evaluate=False) - 2).is_zero is None
        assert sp.Pow(sp.Rational(3, 2), n, evaluate=False).is_integer is False  # (an integer exponent: it holds)
    sp.core.cache.clear_cache()


def test_a_rising_factorial_is_never_called_no_integer_and_conditions_hold_no_untrusted_sign():
    """Round 31: sympy calls rf(1/2, k) no integer, but it is 1 at k = 0; and it calls binomial(n - 20, 3) negative,
    which the sign rule distrusts, but a Piecewise's condition was settled before the sign rule saw it."""
    from modelcollapse.proofs.kernel.decide import is_positive, is_zero
    from modelcollapse.proofs.kernel.terms import certified_readings
    k, n = sp.Symbol("k", integer=True, nonnegative=True), sp.Symbol("n", integer=True)
    sp.core.cache.clear_cache()
    assert sp.RisingFactorial(sp.Rational(1, 2), k, evaluate=False).is_integer is False  # sympy's rule, false at k = 0
    with certified_readings():
        assert sp.RisingFactorial(sp.Rational(1, 2), k, evaluate=False).is_integer is None
        assert sp.RisingFactorial(n**2, k, evaluate=False).is_integer  # (an integer base: it holds)
    sp.core.cache.clear_cache()
    space = kernel.Space({n: kernel.Domain.integer()})
    below = sp.Piecewise((1, sp.Lt(sp.binomial(n - 20, 3, evaluate=False), 0, evaluate=False)), (0, True), evaluate=False)
    assert not is_zero(below - 1, space)[0] and not is_positive(below, space)[0]
    plain = sp.Piecewise((1, sp.Lt(n, 20)), (0, True))
    assert is_positive(plain + 1, space)[0]  # a condition with no distrusted function is read as before


def test_a_power_of_an_irrational_is_not_called_irrational():
    """Round 32: sympy holds an irrational number to a nonzero integer power irrational, but sqrt(2)^2 = 2, so
    (sqrt(2) c)^(2c) - 2 was held nonzero though it vanishes at c = 1. While the kernel checks, no such rule."""
    from modelcollapse.proofs.kernel.terms import certified_readings
    c = sp.Symbol("c", integer=True, positive=True)
    def power():
        return sp.Pow(sp.Mul(sp.sqrt(2), c, evaluate=False), 2 * c, evaluate=False)
    sp.core.cache.clear_cache()
    assert power().is_rational is False  # sympy's rule, false at c = 1
    with certified_readings():
        assert power().is_rational is None and (power() - 2).is_zero is None
        assert sp.Pow(sp.sqrt(2), 0, evaluate=False).is_rational  # (exponent 0: it holds)
    sp.core.cache.clear_cache()


def test_sympy_rules_on_parity_binomial_signs_and_reciprocal_bounds_are_not_read():
    """Round 33: sympy calls an even number over an odd one > 1 no integer (so not 0), binomial(n, k) for an odd k
    negative, and bounds 1/(x y) below by its value at x = y = 1; each is false somewhere. While the kernel checks,
    none of these rules is read, and the rules that hold still are."""
    from modelcollapse.proofs.kernel.terms import certified_readings
    n, x, y = sp.Symbol("n", integer=True), sp.Symbol("x", integer=True, positive=True), sp.Symbol(
        "y", integer=True, positive=True)
    def quotient():  # fresh objects: sympy keeps what it read of an expression on the expression
        return sp.Mul(2 * n - 40, sp.Pow(2 * n**2 + 3, -1), evaluate=False)

    def binomial():
        return sp.binomial(n - 20, 3, evaluate=False)

    def gap():
        return sp.Mul(sp.Pow(x, -1), sp.Pow(y, -1)) - sp.Rational(1, 200)
    sp.core.cache.clear_cache()
    assert quotient().is_zero is False and binomial().is_negative and gap().is_positive  # sympy's rules, false somewhere
    with certified_readings():
        assert quotient().is_integer is None and quotient().is_zero is None
        assert binomial().is_negative is None and sp.Abs(binomial()) != -binomial()
        assert gap().is_positive is None
        # (still read: an irrational product is no integer, an even order's binomial and a polynomial's bound)
        assert (sp.sqrt(2) * (n**2 + 1)).is_integer is False
        assert sp.binomial(n, 4, evaluate=False).is_nonnegative
        assert (x * y - sp.Rational(1, 2)).is_positive
    sp.core.cache.clear_cache()


def test_sympy_true_verdicts_on_products_and_gamma_are_not_read_and_closed_claims_are_refuted_exactly():
    """Round 34: sympy calls (n(n + 1) + 2)^2 / 6 an integer (it never is) and gamma(n(n + 1) + 3/2) not positive
    (it always is); while the kernel checks, neither rule is read. And a closed claim below the floating tolerance
    (10^-200 sqrt(pi) <= 0) is refuted by interval arithmetic."""
    from modelcollapse.proofs.kernel.decide import refuted
    from modelcollapse.proofs.kernel.terms import certified_readings
    n = sp.Symbol("n", integer=True)

    def sixth():  # fresh objects: sympy keeps what it read of an expression on the expression
        return sp.Mul(sp.Rational(1, 6), sp.Pow(n * (n + 1) + 2, 2))

    def gamma():
        return sp.gamma(n * (n + 1) + sp.Rational(3, 2))
    sp.core.cache.clear_cache()
    assert sixth().is_integer and gamma().is_positive is False  # sympy's rules, false everywhere
    with certified_readings():
        assert sixth().is_integer is None and sp.floor(sixth()) != sixth()
        assert gamma().is_positive is None and sp.Abs(gamma()) != -gamma()
        # (still read: a product of integers, a negative non-integer's gamma by the parity of its floor)
        assert (n * (n + 1)).is_integer and sp.gamma(-sp.Rational(3, 2) - n**2).is_positive is None
        assert sp.gamma(sp.Rational(-3, 2)).is_positive and sp.gamma(sp.Rational(-1, 2)).is_positive is False
    sp.core.cache.clear_cache()
    tiny = sp.Rational(1, 10**200) * sp.sqrt(sp.pi)
    empty = kernel.Space({})
    assert refuted(-tiny, empty, "weak") and refuted(tiny, empty) and not refuted(tiny, empty, "strict")


def test_the_kernel_forgets_what_sympy_remembers_of_a_proof_s_nodes_and_refuses_changed_class_facts():
    """Round 35: sympy keeps on each node the facts it once read of it, and a fact read before a check by a rule
    the check replaces ((1/6) 2^2 an integer) came back inside it. The kernel's copy of a proof forgets them; and
    facts written into what a node shares with its whole class change sympy itself, which the kernel refuses."""
    from modelcollapse.proofs.corpus_attacks import algebra_claim
    k = sp.Symbol("k", integer=True, nonnegative=True)
    two_thirds = sp.Mul(sp.Rational(1, 6), sp.Pow(sp.Integer(2), 2, evaluate=False), evaluate=False)
    assert two_thirds.is_integer  # sympy's parity rule, read outside a check, kept on the node
    power = sp.Pow(k, two_thirds, evaluate=False)
    claim = algebra_claim("floor", sp.Eq(sp.floor(power, evaluate=False), power, evaluate=False), {k: kernel.Domain.integer(3)})
    assert not kernel.check(claim, kernel.Library()).ok
    honest = algebra_claim("floor", sp.Eq(sp.floor(k**2, evaluate=False), k**2, evaluate=False), {k: kernel.Domain.integer(3)})
    assert kernel.check(honest, kernel.Library()).ok
    shared = sp.Pow(sp.pi, 3, evaluate=False)
    assert shared._assumptions is sp.Pow.default_assumptions  # no fact read yet: the class's own
    saved = dict(sp.Pow.default_assumptions)
    try:
        sp.Pow.default_assumptions["integer"] = True
        report = kernel.check(algebra_claim("shared", sp.Eq(sp.floor(shared + k), shared + k, evaluate=False),
                                            {k: kernel.Domain.integer(0)}), kernel.Library())
        assert not report.ok and "the default facts of Pow were changed" in report.summary()
    finally:
        sp.Pow.default_assumptions.clear()
        sp.Pow.default_assumptions.update(saved)
        sp.core.cache.clear_cache()
    assert kernel.check(honest, kernel.Library()).ok


def test_no_library_code_runs_during_a_check_and_a_symbol_s_records_must_agree():
    """Round 36: a library's proof() ran in the middle of a check, after the kernel had read the proof; and a
    symbol stating real in the record equality reads but integer in the one its facts were rebuilt from passed as
    real and was read as an integer. Cited proofs are now fetched before the check begins, and such a symbol is
    refused."""
    from modelcollapse.proofs.corpus_attacks import algebra_claim
    from modelcollapse.proofs.kernel import rules as R
    from modelcollapse.proofs.kernel import terms
    during = []

    class Watching(kernel.Library):
        def proof(self, name):
            during.append(terms._DEPTH[0] > 0)  # inside the kernel's readings, i.e. during a check?
            return super().proof(name)
    x = sp.Symbol("x", real=True)
    lemma = algebra_claim("lemma", sp.Ge(x**2, 0, evaluate=False), {x: kernel.Domain.real()})
    cite = kernel.Step("s", sp.Ge(x**2, 0, evaluate=False), R.Rewrite(source=True), ("cite:lemma",))
    proof = kernel.Proof("cites", {"s": sp.Ge(x**2, 0, evaluate=False)}, {x: kernel.Domain.real()}, [cite])
    assert kernel.check(proof, Watching({"lemma": lemma})).ok and during == [False]
    y = sp.Symbol.__xnew__(sp.Symbol, "y", real=True)
    y._assumptions_orig = {"real": True, "integer": True}
    n = sp.Symbol("n", integer=True)
    forged = algebra_claim("forged", sp.Eq(sp.sin(sp.pi * (n - y), evaluate=False), 0, evaluate=False),
                           {y: kernel.Domain.real(), n: kernel.Domain.integer(y)})
    assert "records of what it states disagree" in kernel.check(forged, kernel.Library()).summary()
    honest = algebra_claim("honest", sp.Eq(sp.sin(sp.pi * (n - n), evaluate=False), 0, evaluate=False),
                           {n: kernel.Domain.integer()})
    assert kernel.check(honest, kernel.Library()).ok


def test_a_number_node_must_be_written_as_sympy_writes_it():
    """Round 37: a rational built without sympy's constructor, p = 1 and q = -1 (value -1), was read positive from
    its numerator; the kernel now refuses a rational not in lowest terms with q > 0."""
    from modelcollapse.proofs.corpus_attacks import algebra_claim
    a = sp.IndexedBase("a", real=True)
    goal = sp.Eq(sp.Abs(a[1]) - a[1], 0, evaluate=False)
    minus_one = sp.Expr.__new__(sp.Rational)
    minus_one.p, minus_one.q = 1, -1
    assert minus_one.is_positive  # sympy's reading of the numerator
    forged = algebra_claim("forged", goal, {a: kernel.Domain.vector(kernel.Domain.finite([minus_one]))})
    assert "not written in lowest terms" in kernel.check(forged, kernel.Library()).summary()
    honest = algebra_claim("honest", goal, {a: kernel.Domain.vector(kernel.Domain.finite([sp.Integer(1), sp.Rational(1, 2)]))})
    assert kernel.check(honest, kernel.Library()).ok


def test_an_indexed_base_s_facts_are_part_of_its_text():
    """Round 38: a vector's facts count for sympy's equality but its text printed the label alone, so a cited
    lemma's vector rewritten from positive to real entries after its check kept its fingerprint. The text now
    prints the facts, and facts that differ from what the node states are refused."""
    from sympy.core.assumptions import StdFactKB

    from modelcollapse.proofs.kernel.terms import exact_text
    label = sp.Symbol("a", real=True)
    positive, real = sp.IndexedBase(label, positive=True), sp.IndexedBase(label)
    assert positive != real and sp.srepr(positive) == sp.srepr(real)  # sympy's text forgets the facts
    assert exact_text(positive) != exact_text(real) and exact_text(positive[1]) != exact_text(real[1])
    assert exact_text(sp.IndexedBase(label, positive=True)) == exact_text(positive)
    forged = sp.IndexedBase(sp.Symbol("b", real=True), positive=True)
    read = StdFactKB({"real": True, "commutative": True})
    read._generator = {"positive": True}  # what equality reads (real) is not what it states (positive)
    forged._assumptions = read
    with pytest.raises(ValueError, match="disagree with what it states"):
        exact_text(forged)


def test_a_node_is_what_its_class_says():
    """Round 39: an exp node carrying is_Rational and p = -1 of its own was read as -1 by the interval certificates,
    and two nodes claiming is_Number compared equal. A node whose own attributes hide its class's is refused, in the
    kernel's copy and in its text; sympy's own nargs on function nodes is not such a claim."""
    from modelcollapse.proofs.corpus_attacks import algebra_claim
    from modelcollapse.proofs.kernel.terms import exact_text
    forged = sp.exp(sp.Integer(-1000), evaluate=False)
    forged.__dict__.update(is_Rational=True, p=-1, q=1)
    claim = algebra_claim("forged", sp.Le(forged, 0, evaluate=False), {})
    assert "overrides what its class says" in kernel.check(claim, kernel.Library()).summary()
    with pytest.raises(ValueError, match="overrides what its class says"):
        exact_text(sp.Gt(forged, 0, evaluate=False))
    sp.core.cache.clear_cache()  # (sympy's cache would hand back the forged node)
    honest = sp.exp(sp.Integer(-1000), evaluate=False)
    assert "nargs" in vars(sp.log(sp.Symbol("x")))  # (sympy's own attribute)
    assert kernel.check(algebra_claim("honest", sp.Gt(honest, 0, evaluate=False), {}), kernel.Library()).ok
    sp.core.cache.clear_cache()


def test_the_kernel_reads_only_nodes_it_built():
    """Round 40: the kernel read the caller's own nodes, and its memos kept them as keys: a node whose arguments
    were rewritten after an honest check kept its old hash, and the memo answered the false claim with the true
    one's verdict. The kernel now copies every node from what it states, leaves the caller's nodes as they are,
    and keys what it keeps from one check to the next by exact text."""
    from modelcollapse.proofs.corpus_attacks import algebra_claim
    from modelcollapse.proofs.kernel.terms import exact
    x = sp.Symbol("x", positive=True)
    node = sp.log(x)
    honest = algebra_claim("honest", sp.Gt(node, 0, evaluate=False), {x: kernel.Domain.real(2)})
    assert kernel.check(honest, kernel.Library()).ok
    node._args = (sp.Pow(x, -1),)  # now log(1/x), negative for x >= 2; its hash is still log(x)'s
    changed = algebra_claim("changed", sp.Gt(node, 0, evaluate=False), {x: kernel.Domain.real(2)})
    assert not kernel.check(changed, kernel.Library()).ok
    # The copy: equal, built anew (sympy's singletons aside), and the caller's nodes untouched.
    expr = sp.Rational(2, 3) * sp.exp(-x) + sp.Sum(x**n, (n, 0, 5))
    expr.is_positive  # (sympy remembers facts it read on the caller's nodes)
    remembered = dict(expr._assumptions)
    copy = exact(expr)
    assert copy == expr and hash(copy) == hash(expr) and dict(expr._assumptions) == remembered
    assert all(a is not b or type(type(a)).__name__ == "Singleton"
               for a, b in zip(sp.preorder_traversal(copy), sp.preorder_traversal(expr)))
    assert dict(copy._assumptions) == dict(type(copy).default_assumptions)


def test_the_copy_states_what_sympy_would():
    """Round 41: an entry stating facts of its own (integer, where its vector holds reals) let sympy rewrite
    (x^2)^(v[1]) as x^(2 v[1]). The copy refuses an entry whose facts are not its vector's, builds numbers with
    sympy's constructor (its own zero), and refuses a node that holds itself."""
    from modelcollapse.proofs.kernel.terms import exact
    v = sp.IndexedBase("v")
    entry = sp.Indexed(v, 1)
    sp.IndexedBase._set_assumptions(entry, {"integer": True, "nonnegative": True})
    with pytest.raises(ValueError, match="an entry states facts other than its vector's"):
        exact(entry)
    assert exact(v[1]) == v[1] and exact(sp.IndexedBase("w", positive=True)[n]).is_positive
    zero = sp.Basic.__new__(sp.Integer)
    zero.p = 0
    assert exact(zero) is sp.S.Zero
    node = sp.Add(y, 1, evaluate=False)
    node._args = (y, node)
    with pytest.raises(ValueError, match="holds itself"):
        exact(node)


def test_a_new_library_reads_no_report_of_a_library_that_is_gone():
    """Round 42's reading: reports were kept by a library's id, which Python gives again to a new object once the
    library is gone; a new library citing a name it does not hold must not read the old library's report."""
    import gc

    from modelcollapse.proofs.corpus_attacks import algebra_claim
    from modelcollapse.proofs.kernel import Proof, Step
    from modelcollapse.proofs.kernel import rules as R
    x = sp.Symbol("x", real=True)
    claim = sp.Gt(x**2 + 1, 0, evaluate=False)
    lemma = algebra_claim("lemma", claim, {x: kernel.Domain.real()})
    citing = Proof("citing", {"statement": claim}, {x: kernel.Domain.real()},
                   [Step("statement", claim, R.Rewrite(source=True), ("cite:lemma",))])
    stranger = None
    for _ in range(20):  # (CPython soon hands a freed library's id to a new one)
        library = kernel.Library({"lemma": lemma})
        assert kernel.check(citing, library).ok
        old = id(library)
        del library
        gc.collect()
        strangers = [kernel.Library() for _ in range(200)]
        stranger = next((s for s in strangers if id(s) == old), None)
        if stranger is not None:
            break
    if stranger is None:
        pytest.skip("this interpreter did not give a freed id again")
    assert not kernel.check(citing, stranger).ok


def test_only_what_is_decided_under_the_kernel_s_readings_is_remembered():
    """A verdict reached by calling the kernel's decision procedures outside a check (under sympy's own readings,
    which the kernel replaces while it checks) must not answer a later check."""
    from modelcollapse.proofs.kernel import decide
    from modelcollapse.proofs.kernel.domains import Space
    z = sp.Symbol("z", real=True)
    expr = z**2 + sp.Rational(1, 7)
    space = Space({z: kernel.Domain.real()})
    before = len(decide._VERDICTS)
    assert decide.is_positive(expr, space)[0]
    assert len(decide._VERDICTS) == before
    from modelcollapse.proofs.kernel.terms import certified_readings
    with certified_readings():
        assert decide.is_positive(expr, space)[0]
    assert len(decide._VERDICTS) > before

"""Every normal form the decision procedure uses keeps the value of an expression at random points of
the domain its symbols' flags allow (integers and non-integers alike), and the procedures refute
false claims at such points."""

import random

import pytest
import sympy as sp

from modelcollapse.proofs.kernel import Domain
from modelcollapse.proofs.kernel import decide
from modelcollapse.proofs.kernel.domains import Space

n = sp.Symbol("n", integer=True, positive=True)
m = sp.Symbol("m", integer=True, nonnegative=True)
x = sp.Symbol("x", positive=True)
y = sp.Symbol("y", real=True)
j = sp.Symbol("j", integer=True)
p = sp.IndexedBase("p")

EXPRESSIONS = [
    (n - 1) ** m / n ** m - ((n - 1) / n) ** m,
    sp.log(x**2 * n) - 2 * sp.log(x) - sp.log(n),
    sp.gamma(n + sp.Rational(1, 2)) / sp.gamma(n - sp.Rational(1, 2)) - (n - sp.Rational(1, 2)),
    sp.Sum(j**2 + 2 * j, (j, 1, n)) - sp.Sum(j**2, (j, 1, n)) - n * (n + 1),
    sp.Product((j + 1) / j, (j, 1, m + 1)) - (m + 2),
    (-x - 1) ** (2 * m) - (x + 1) ** (2 * m),
    ((x * y) ** 2) ** m - x ** (2 * m) * y ** (2 * m),
    sp.Product(1 - j / n, (j, 0, m - 1)) * n**m - sp.ff(n, m),
    sp.sqrt(x**2) - x + y**2 - y * y,
    (x**2 - 1) / (x - 1) - x - 1,
    sp.Sum(j**3 + 2**j, (j, 0, m + 1)) - sp.Sum(j**3 + 2**j, (j, 0, m - 1)) - (m**3 + 2**m) - ((m + 1)**3 + 2**(m + 1)),
]


def _point(expr, rng):
    values = {}
    for s in expr.free_symbols:
        if s.is_integer:
            values[s] = rng.randint(1 if s.is_positive else 0, 12)
        elif s.is_positive:
            values[s] = sp.Rational(rng.randint(1, 400), rng.randint(3, 97))  # non-integer points too
        else:
            values[s] = sp.Rational(rng.randint(-400, 400), rng.randint(3, 97))
    return values


def _value(expr, values):
    e = expr.xreplace(values).doit()
    return complex(sp.N(e, 30)) if not e.has(sp.zoo, sp.nan) else None


@pytest.mark.parametrize("k", range(len(decide._TRANSFORMS)))
@pytest.mark.parametrize("expr", EXPRESSIONS, ids=[str(i) for i in range(len(EXPRESSIONS))])
def test_normal_form_keeps_the_value(k, expr):
    rng = random.Random(k)
    try:
        out = decide._TRANSFORMS[k](expr)
    except Exception:  # a transform that fails does not help, and is allowed to
        return
    for _ in range(5):
        values = _point(expr, rng)
        a, b = _value(expr, values), _value(out, values)
        if a is None or b is None:
            continue
        assert abs(a - b) <= 1e-9 * max(1.0, abs(a)), (k, expr, out, values)


def test_a_sum_or_product_peels_its_last_terms_on_every_integer_range():
    # Karr's convention (sympy's) for reversed ranges: a sum over 0 .. k + 1 is the sum over 0 .. k - 1 and the
    # terms at k and k + 1 for every integer k, negative ones included; one term too few is no identity.
    k = sp.Symbol("k", integer=True)
    space = Space({k: Domain.integer()})
    f = j**3 + 2**j
    peeled = sp.Sum(f, (j, 0, k + 1)) - sp.Sum(f, (j, 0, k - 1))
    assert decide.is_zero(peeled - f.subs(j, k) - f.subs(j, k + 1), space)[0]
    assert not decide.is_zero(peeled - f.subs(j, k + 1), space)[0]
    for value in range(-6, 4):
        assert (peeled - f.subs(j, k) - f.subs(j, k + 1)).subs(k, value).doit() == 0
    ratio = sp.Product(1 + 1 / (j**2 + 1), (j, 0, k + 1)) / sp.Product(1 + 1 / (j**2 + 1), (j, 0, k))
    assert decide.is_zero(ratio - (1 + 1 / ((k + 1)**2 + 1)), space)[0]


def test_false_claims_are_refuted_at_admissible_points():
    space = Space({n: Domain.integer(2), x: Domain.real(0, lo_open=True)})
    assert decide.refuted(sp.sqrt(n**2 - 2 * n + 1) - n, space)
    assert decide.refuted(sp.log(x) - 1, space, sign="weak")
    total = Space({p: Domain.vector(Domain.real(0, 1), length=3, total=1)})
    assert decide.refuted(sp.Sum(p[j], (j, 1, 3)) - sp.Rational(1, 2), total)
    assert not decide.refuted(sp.Sum(p[j], (j, 1, 3)) - 1, total)


def test_gamma_like_functions_are_not_rewritten_at_their_poles():
    # binomial(x, x) = gamma(x + 1) / (gamma(x + 1) gamma(1)) = 1 only off the negative integers.
    xr = sp.Symbol("x", real=True)
    assert not decide.is_zero(sp.binomial(xr, xr) - 1, Space({xr: Domain.real(-3, 0)}))[0]
    assert not decide.is_zero(sp.binomial(j, 1) - sp.binomial(j, j - 1), Space({j: Domain.integer(-3, -1)}))[0]
    assert decide.is_zero(sp.binomial(m, m) - 1, Space({m: Domain.integer(0)}))[0]
    assert decide.is_zero(sp.binomial(y, 2) - y * (y - 1) / 2, Space({y: Domain.real()}))[0]


def test_the_refuter_evaluates_closed_ends_and_integers_inside():
    xr = sp.Symbol("x", real=True)
    for seed in range(5):
        ends = [pt[xr] for pt in Space({xr: Domain.real(-3, 0)}).points(3, seed=seed)]
        assert ends[0] == -3 and ends[1] == 0 and ends[2].is_Integer
        assert Space({xr: Domain.real(0, lo_open=True)}).points(1, seed=seed).__next__()[xr] > 0
    assert decide.refuted(sp.Integer(0) ** xr, Space({xr: Domain.real(0)}))
    assert decide.refuted(sp.binomial(xr, xr) - 1, Space({xr: Domain.real(-3, -1)}))


def test_step_limit_counts_cpu_time_not_waiting():
    """A step that computes past its limit is stopped; one that only waits (as on a loaded machine,
    where the clock runs while the process is descheduled) is not."""
    import time
    with pytest.raises(decide.StepTimeout, match="undecided within"):
        with decide.time_limit(0.2):
            while True:
                sum(range(1000))
    with decide.time_limit(0.2):
        time.sleep(0.5)


@pytest.mark.parametrize("domain, where", [(Domain.integer(1), "malformed proof: StepTimeout"),   # its lower end
                                           (Domain.integer(), "goal statement is not established")])
def test_the_reading_of_a_proof_and_its_goals_are_timed_as_steps_are(monkeypatch, domain, where):
    """The domains' checks before the steps and a goal's checks after them evaluate too (here a definedness check
    that would compute for 3 s): under the step limit, a limit that runs out there is a rejection, never a check
    that runs on unbounded."""
    import sys
    import time

    from modelcollapse.proofs.kernel import Proof
    check_module = sys.modules["modelcollapse.proofs.kernel.check"]  # (the package's `check` is the function)
    interrupted = []

    def computing(*args, **kwargs):
        end = time.process_time() + 3
        try:
            while time.process_time() < end:
                pass
        except decide.StepTimeout:
            interrupted.append(True)
            raise
        interrupted.append(False)
        return ""

    n, k = sp.Symbol("n", integer=True), sp.Symbol("k", integer=True, positive=True)
    goal = sp.Eq(sp.Sum(k, (k, 1, n)), n * (n + 1) / 2)
    monkeypatch.setattr(check_module, "undefined", computing)
    monkeypatch.setattr(check_module, "STEP_SECONDS", 0.3)
    report = check_module.check(Proof("timed", {"statement": goal}, {n: domain}, []))
    assert interrupted and all(interrupted) and any(where in e for e in report.errors), (interrupted, report.errors)


def test_a_tiny_value_counts_against_a_strict_sign_unless_exactly_positive():
    x, t = sp.symbols("x t", positive=True)
    zero = sp.sin(sp.pi / 7) ** 2 + sp.cos(sp.pi / 7) ** 2 - 1
    # 2^-80 is below what doubles resolve from 1 - (1 - 2^-80): exactly, it is positive.
    assert decide._positive_exactly(1 - (1 - 2 ** -x) ** t, {x: 80.0, t: 1})
    assert decide._positive_exactly(sp.exp(-x), {x: 1e5})
    # Zeros and negatives in disguise are no evidence, whichever sign their rounding shows.
    for expr in (zero, -zero, x * zero, sp.log(1 + sp.exp(-x)) - sp.exp(-x)):
        assert not decide._positive_exactly(expr, {x: 80.0})
    assert not decide._positive_exactly(x, {x: lambda i: 1.0})  # a vector point


def test_a_root_of_a_base_shown_nonnegative_stands_for_a_nonnegative_number():
    """The square of a sum of roots (a refit's scale with fresh data mixed in) is >= 0 once each radicand is
    shown >= 0; a root of a base that may be negative is no real number, and stands for nothing."""
    x, n, z, w = sp.symbols("x n z w", real=True)
    space = Space({x: Domain.real(0, 1), n: Domain.real(1), z: Domain.real(), w: Domain.real()})
    square = (z * sp.sqrt(n - x * n) + w * sp.sqrt(x * n)) ** 2 / (n + 1)
    assert decide.is_positive(square, space, strict=False)[0]
    # sqrt(x - 2)^2 + 1 is x - 1 < 0 at x = 0: x - 2 is not shown >= 0, so its root is not generalised.
    wide = Space({x: Domain.real(0, 5)})
    assert not decide.is_positive(sp.Pow(sp.sqrt(x - 2), 2, evaluate=False) + 1, wide, strict=False)[0]
    assert decide.is_positive(sp.Pow(sp.sqrt(x - 2), 2, evaluate=False) + 1, Space({x: Domain.real(2, 5)}),
                              strict=False)[0]


def test_a_limit_absorbed_inside_a_check_still_rejects_the_step(monkeypatch):
    """sympy has bare ``except:`` clauses, which catch the timer's signal too and may go on with a wrong value
    (here a decision that absorbs it and answers 'zero' for a false identity). A step during which the limit fired
    is rejected however it ended, and nothing remembered since is kept."""
    import sys
    import time

    from modelcollapse.proofs.kernel import Proof, Step
    from modelcollapse.proofs.kernel.rules import Algebra

    rules_module = sys.modules["modelcollapse.proofs.kernel.rules"]
    check_module = sys.modules["modelcollapse.proofs.kernel.check"]
    absorbed = []

    def absorbing(expr, space):
        end = time.process_time() + 1.5

        def spin():  # (Python runs a signal's handler at a loop's backward jump: that jump is inside the try)
            while time.process_time() < end:
                pass
        while time.process_time() < end:
            try:
                spin()
            except:  # noqa: E722 (the point of the test)
                absorbed.append(True)
        return True, None

    n = sp.Symbol("n", integer=True, positive=True)
    false = sp.Eq(n**2, n + 1)
    monkeypatch.setattr(rules_module, "is_zero", absorbing)
    monkeypatch.setattr(check_module, "STEP_SECONDS", 0.3)
    decide._VERDICTS[("planted",)] = (True, None)
    report = check_module.check(Proof("absorbed", {"statement": false}, {n: Domain.integer(1)},
                                      [Step("statement", false, Algebra(), (), "")]))
    assert absorbed and not report.ok, report.summary()
    assert "fired and was absorbed" in report.steps[0].verdict.message, report.steps[0].verdict.message
    assert ("planted",) not in decide._VERDICTS


def test_a_power_of_zero_with_a_symbolic_exponent_is_not_decided():
    """0^x is 1 at x = 0 and 0 for x > 0, and sympy folds it by its own reading of x's sign: an indicator hidden
    in an exponent (0^binomial(19, n) is 0 through n = 19, 1 at n = 20, beyond the points the refuter samples) is
    no claim the decision reads, whether true or false; a constant power of zero is an ordinary number."""
    n = sp.Symbol("n", integer=True, nonnegative=True)
    space = Space({n: Domain.integer(0)})
    assert not decide.is_zero(sp.Pow(0, sp.binomial(19, n), evaluate=False), space)[0]   # false at n = 20
    assert not decide.is_zero(sp.Pow(0, n + 1, evaluate=False), space)[0]                 # true, not decided
    assert not decide.is_positive(1 - sp.Pow(0, n + 1, evaluate=False), space)[0]        # true, not decided
    assert decide.is_zero(sp.Pow(0, 2, evaluate=False) + (n + 1) ** 2 - n**2 - 2 * n - 1, space)[0]

"""Adversarial corpus for the proof kernel, round 62: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 61, on vectors: the sign rule for
sums weighed by a probability vector (a companion vector of entries <= 0, a symbolic total, integer entries, an
entry with two indices, a symbolic length), an axiom's Lambda reading a vector with no length, and vectors whose
total names their own entries (total pr[1] + 1/2; an empty domain, total 1 + e[1] with entries below 1).
``attacks()`` returns ``(name, build, expected)``. None of the 9 was accepted when written (a true proof used as
a check is left out). From its strongest lead, a domain's bounds, length and total may no longer read a vector's
entries: whether a total like 1 + p[1] leaves any vector at all is a fixed point, which the refuter's points
(entries drawn as shares of a total they have not yet put in) decided by chance.

**Principle (held):** the sign rule for weighed sums only ever relaxes towards a stricter check, and a domain is
read from parameters, never from the entries it constrains.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel import rules as R

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)

j = sp.Symbol("j", integer=True, positive=True)
p, q, k, t = sp.symbols("p q k t")
P, Q = sp.IndexedBase(p), sp.IndexedBase(q)
PROB = Domain.vector(Domain.real(0, 1), 2, 1)


def _one(name, goal, doms, rule=None, steps=None):
    return Proof(name, {"statement": goal}, doms, steps or [Step("statement", goal, rule or R.Algebra())])


def mass_companion_negative():
    """FALSE: sum_j P[j] (1 + Q[j]) > 0 with P a probability vector (length 2) and Q's entries in [-2, 0]:
    at P = (1, 0), Q = (-2, 0) the sum is -1.
    Idea (target 3): the mass rule replaces the companion Q[j] by an entry symbol; is it read over Q's whole entry
    domain, or does some reading (flags only, a lower bound 0 taken from the mass vector) make 1 + Q[j] >= 0?"""
    goal = sp.Gt(sp.Sum(P[j] * (1 + Q[j]), (j, 1, 2)), 0)
    return _one("mass_companion_negative", goal, {P: PROB, Q: Domain.vector(Domain.real(-2, 0), 2)})


s = sp.Symbol("s", positive=True)


def mass_symbolic_total():
    """FALSE: sum_j P[j]^2 > s^2/2 for P with entries in [0, 1], length 2, total s in (0, 2]: at P = (s/2, s/2)
    the sum is exactly s^2/2.
    Idea (targets 2 and 3): the refuter's points for a vector with a symbolic total hold the symbol s (the total is
    never put through the point), so no point evaluates; the mass rule then turns the sum into a positive symbol.
    Does either path let the claim through (undecided=False in sign_shown skips unevaluated points)?"""
    goal = sp.Gt(sp.Sum(P[j] ** 2, (j, 1, 2)), s ** 2 / 2)
    return _one("mass_symbolic_total", goal,
                {P: Domain.vector(Domain.real(0, 1), 2, s), s: Domain.real(0, 2, lo_open=True)})


kI = sp.Symbol("k")
K = sp.IndexedBase(sp.Symbol("kv", integer=True, nonnegative=True))


def mass_integer_entries():
    """FALSE: sum_j K[j] (K[j] - 1) > 0 for integer entries in [0, 2], length 2, total 2: at K = (1, 1) it is 0.
    Idea (target 3): the massive domain of an integer entry is the real (0, 2] while the entry symbol keeps
    integer=True: does sympy read the integer flag and take k (k - 1) >= 0 (true for integers, false on (0, 1))
    and > 0 for k > 0 (false at k = 1)?"""
    goal = sp.Gt(sp.Sum(K[j] * (K[j] - 1), (j, 1, 2)), 0)
    return _one("mass_integer_entries", goal, {K: Domain.vector(Domain.integer(0, 2), 2, 2)})


PR = sp.IndexedBase(sp.Symbol("pr", real=True, nonnegative=True))  # a label with the flags the entries imply
SELF = Domain.vector(Domain.real(0, 1), 2, PR[1] + sp.Rational(1, 2))


def self_total_mass():
    """FALSE: P[2] > 1/2 where P has entries in [0, 1], length 2 and total P[1] + 1/2 (so P[2] = 1/2 exactly;
    the domain is not empty: P = (x, 1/2) for any x in [0, 1]).
    Idea (target 2): a total that names the vector's own entry passes every domain check (P has a domain); the
    points hold P[1] inside P's values (never evaluated), and the cases drop the total. Does any reader (the
    reachability check, VectorTotal, the mass rule) read the total as a number fixed apart from the entries?
    Stated through VectorTotal + Rewrite: P[1] + P[2] = P[1] + 1/2, then Algebra on P[2] - 1/2 > 0."""
    goal = sp.Gt(PR[2], sp.Rational(1, 2))
    return _one("self_total_mass", goal, {PR: SELF})


def two_index_entry():
    """FALSE (as the total is meant): P[1, 1] + P[2, 1] = 1 for a probability vector P of length 2; the kernel's
    points give two-index entries independent values, so as a statement about P it is at best meaningless, and
    for P[1, 1] = P[2, 1] = 0 false.
    Idea (target 1): does VectorTotal or the mass rule read Sum(P[j, 1], (j, 1, 2)) as P's total (a check that
    looks at the base and the first index only)?"""
    goal = sp.Eq(sp.Sum(P[j, 1], (j, 1, 2)), 1)
    return _one("two_index_entry", goal, {P: PROB}, R.VectorTotal())


def mass_two_index_sign():
    """FALSE: sum_j P[j] (P[j, 1] - 1/2) >= 0 ... stated as > 0: P probability vector, two-index entries in [0, 1]
    free; at P[1] = 1, P[1, 1] = 0 the sum is -1/2.
    Idea (target 3): entries with index (j,) are replaced by symbols; P[j, 1] stays Indexed; j is then free and the
    rule should skip. Check it does not take P[j, 1] for a constant."""
    goal = sp.Gt(sp.Sum(P[j] * (P[j, 1] - sp.Rational(1, 2)), (j, 1, 2)), 0)
    return _one("mass_two_index_sign", goal, {P: PROB})


i_ = sp.Symbol("i", integer=True, nonnegative=True)
a_, c_, C_ = sp.symbols("a c C")


def lambda_lengthless_vector():
    """FALSE: Equivalent(sum_{j>=0} L[j] < oo, 3 > 1), i.e. the series converges, for L an unbounded-length
    vector with entries in [1, 2] (the series diverges: every term >= 1). Mapping: U = Lambda(i, L[i]), a = 3,
    c = 1, C = 2.
    Idea (target 1): the side conditions read the Lambda body at a fresh j >= 0; the entry L[j] at an index no
    binder owns becomes one value of the entry domain; c <= L[j] (j+1)^3 <= C must fail (unbounded in j).
    Checks that the side conditions are not read with j held as a constant."""
    L = sp.IndexedBase(sp.Symbol("l"))
    jj = sp.Symbol("j", integer=True, nonnegative=True)
    inst = sp.Equivalent(sp.Lt(sp.Sum(L[jj], (jj, 0, sp.oo)), sp.oo), sp.Gt(a_, 1))
    doms = {L: Domain.vector(Domain.real(1, 2)), a_: Domain.finite([3]), c_: Domain.finite([1]),
            C_: Domain.finite([2])}
    return _one("lambda_lengthless_vector", inst, doms,
                R.AxiomInstance("p_series_comparison", {sp.Symbol("U"): sp.Lambda(i_, L[i_]), sp.Symbol("a"): a_,
                                                        sp.Symbol("c"): c_, sp.Symbol("C"): C_}))


n = sp.Symbol("n", integer=True, positive=True)


def mass_symbolic_length_outside():
    """FALSE: sum_{j=1}^{n+1} P[j] > 0 ... where P has length n (entries [0, 1], total 1): the claim is true for
    the entries 1..n, but P[n + 1] lies outside; as a claim about P it is undefined. Stated instead as the false
    sum_{j=1}^{n} P[j] (P[j] - 1) > 0 (0 at n = 1, P = (1)).
    Idea (targets 2, 3): a symbolic length: the points take int(n) entries; the mass rule reads hi == length."""
    goal = sp.Gt(sp.Sum(P[j] * (P[j] - 1) + P[j] ** 2, (j, 1, n)), sp.Rational(1, 1))
    return _one("mass_symbolic_length_outside", goal,
                {P: Domain.vector(Domain.real(0, 1), n, 1), n: Domain.integer(1, 5)})


EV = sp.IndexedBase(sp.Symbol("e", real=True, nonnegative=True))


def empty_self_total():
    """VACUOUS, not false in the strict sense: E[2] >= 1 where E's entries are declared in [0, 1). The domain
    itself is empty: total 1 + E[1] forces E[2] = 1, outside [0, 1), yet pointwise 0 <= 1 + E[1] < 2 (the
    reachability check reads the total at each E[1], not as a fixed point). Idea (target 2): a self-referential
    total passes reachability, and the refuter evaluates only points whose E[1] was sampled 0, i.e. (0, 1).
    VectorTotal, then Rewrite (Sum - E[1] >= 1), then Order to E[2] >= 1. Accepted would show that an assumption
    with no values gets through, which the kernel means to refuse."""
    S = sp.Sum(EV[j], (j, 1, 2))
    goal = sp.Ge(EV[2], 1)
    return Proof("empty_self_total", {"statement": goal},
                 {EV: Domain.vector(Domain.real(0, 1, hi_open=True), 2, 1 + EV[1])}, [
                     Step("total", sp.Eq(S, 1 + EV[1]), R.VectorTotal()),
                     Step("rest", sp.Ge(S - EV[1], 1), R.Rewrite(), ("total",)),
                     Step("statement", goal, R.Order(), ("rest",))])


EXPECTED = {
    "mass_companion_negative": "sympy could not show > 0",
    "mass_symbolic_total": "sympy could not show > 0",
    "mass_integer_entries": "sympy could not show > 0",
    "self_total_mass": "reads a vector's entries",
    "two_index_entry": "the sum must be of v[j] over j",
    "mass_two_index_sign": "sympy could not show > 0",
    "lambda_lengthless_vector": "side condition (_j + 1)**a*l[_j] <= C not shown",
    "mass_symbolic_length_outside": "sympy could not show > 0",
    "empty_self_total": "reads a vector's entries",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

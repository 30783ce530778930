"""The full K-category chain by exact enumeration: an independent route to the categorical results.

The state is the whole count vector (c_1, ..., c_K) with sum n; from state c the next state is
Multinomial(n, c / n). For small n and K the states can be listed (there are
C(n + K - 1, K - 1) of them) and every expectation computed as a finite sum in mpmath, with
no lumping into two categories, no generating function and no symbolic algebra. The first
refit starts from p0 itself (any real probabilities), later ones from counts.

Examples
--------
Three categories, n = 4: the expected collision probability after one refit agrees with
1 - (1 - 1/n)(1 - sum p0^2):

>>> import mpmath
>>> chain = MultinomialChain((0.5, 0.3, 0.2), 4, dps=30)
>>> value = chain.expect(1, lambda c: sum((x / mpmath.mpf(4)) ** 2 for x in c))
>>> with mpmath.workdps(30):
...     expected = 1 - mpmath.mpf(3) / 4 * (1 - sum(q**2 for q in chain.p0))
>>> bool(abs(value - expected) < mpmath.mpf(10) ** -25)
True
"""

from __future__ import annotations

import functools
import itertools
import math

import mpmath
import numpy as np

from modelcollapse.theory.assumptions import check_int, check_probabilities

from .categorical_sim import entropy_rows, simulate_categorical

#: Largest number of states enumerated (the transition table has states^2 entries).
MAX_STATES = 400


def compositions(n, K):
    """Every count vector of K non-negative integers summing to n, in a fixed order."""
    n = check_int("n", n, lower=0)
    K = check_int("K", K, lower=1)
    out = []
    for bars in itertools.combinations(range(n + K - 1), K - 1):
        prev, parts = -1, []
        for b in bars + (n + K - 1,):
            parts.append(b - prev - 1)
            prev = b
        out.append(tuple(parts))
    return out


def _multinomial_pmf(counts, probs):
    """P(counts) under Multinomial(sum(counts), probs), in mpmath (0^0 = 1)."""
    total = sum(counts)
    out = mpmath.factorial(total)
    for c, q in zip(counts, probs):
        out *= (q ** c if c else 1) / mpmath.factorial(c)
    return out


class MultinomialChain:
    """Distributions of the count vector at generations 1, 2, ... from p0 (mpmath at ``dps``)."""

    def __init__(self, p0, n, dps=30):
        probs = check_probabilities("p0", p0)
        self.n = check_int("n", n, lower=1)
        self.dps = check_int("dps", dps, lower=1)
        self.K = probs.size
        count = math.comb(self.n + self.K - 1, self.K - 1)  # counted before listing: a refusal is instant
        if count > MAX_STATES:
            raise ValueError(f"n and len(p0) give {count} states; the exact enumeration allows "
                             f"{MAX_STATES} (use a smaller n or fewer categories)")
        self.states = compositions(self.n, self.K)
        with mpmath.workdps(self.dps):
            self.p0 = [mpmath.mpf(float(q)) for q in probs]
            self.p0 = [q / mpmath.fsum(self.p0) for q in self.p0]
            self.first = [_multinomial_pmf(s, self.p0) for s in self.states]

    @functools.cached_property
    def _rows(self):
        """Sparse transition rows: for each state, the (next state index, probability) with positive mass."""
        index = {s: m for m, s in enumerate(self.states)}
        rows = []
        with mpmath.workdps(self.dps):
            for s in self.states:
                q = [mpmath.mpf(c) / self.n for c in s]
                row = []
                for s2 in self.states:
                    if any(c2 and not c for c, c2 in zip(s, s2)):
                        continue  # a lost category never returns
                    row.append((index[s2], _multinomial_pmf(s2, q)))
                rows.append(row)
        return rows

    def step(self, dist):
        """One refit applied to a distribution over the states (mpmath's roundings, in the same order,
        on the raw values: ``mpf.__mul__`` and ``__add__`` are these calls, without making a number
        object per term)."""
        from mpmath.libmp import fzero, mpf_add, mpf_mul
        with mpmath.workdps(self.dps):
            prec, rounding = mpmath.mp._prec_rounding
            out = [fzero] * len(self.states)
            for m, w in enumerate(dist):
                if w:
                    w = mpmath.mpf(w)._mpf_ if not hasattr(w, "_mpf_") else w._mpf_
                    for m2, pr in self._rows[m]:
                        out[m2] = mpf_add(out[m2], mpf_mul(w, pr._mpf_, prec, rounding), prec, rounding)
            return [mpmath.mp.make_mpf(v) for v in out]

    def distribution(self, t):
        """Distribution over the states at generation t >= 1."""
        t = check_int("t", t, lower=1)
        dist = self.first
        for _ in range(t - 1):
            dist = self.step(dist)
        return dist

    def expect(self, t, f):
        """E[f(counts at generation t)], t >= 1."""
        with mpmath.workdps(self.dps):
            return mpmath.fsum(w * f(s) for w, s in zip(self.distribution(t), self.states))

    def run_to_absorption(self, tol=None, max_t=100000):
        """(sum_{t >= 0} P(T > t), distribution at the first generation where the unabsorbed mass
        is below ``tol``, default 10^-(dps - 5)); T is the first generation at which one category
        holds everything. The tail sum is E[T] up to ``tol`` times the remaining geometric tail."""
        with mpmath.workdps(self.dps):
            tol = mpmath.mpf(10) ** (-(self.dps - 5)) if tol is None else mpmath.mpf(tol)
            absorbed = [max(s) == self.n for s in self.states]
            if max(self.p0) == 1:  # already a point mass: T = 0
                return mpmath.mpf(0), self.first
            total, dist, t = mpmath.mpf(1), self.first, 1  # P(T > 0) = 1
            while True:
                alive = mpmath.fsum(w for w, a in zip(dist, absorbed) if not a)
                if alive < tol:
                    return total, dist
                total += alive
                t += 1
                if t > max_t:
                    raise ArithmeticError(f"absorption not reached within {max_t} generations")
                dist = self.step(dist)

    def mean_absorption_time(self, tol=None, max_t=100000):
        """E[T] by summing P(T > t): independent of the linear solve used by the theory."""
        return self.run_to_absorption(tol, max_t)[0]

    def fixation_probability(self, i, tol=None):
        """P(category i, 1-based, eventually holds everything): the mass absorbed at that vertex."""
        i = check_int("i", i, lower=1, upper=self.K)
        _, dist = self.run_to_absorption(tol)
        return dist[self.states.index(tuple(self.n if m == i - 1 else 0 for m in range(self.K)))]


def entropy_of_counts(counts, n):
    """H(counts / n) in nats, in mpmath (0 log 0 = 0)."""
    return -mpmath.fsum(mpmath.mpf(x) / n * mpmath.log(mpmath.mpf(x) / n) for x in counts if x)


def expected_entropy(p0, n, t, chains=20000, seed=None, dps=30):
    """E[H(p_t)] in nats: exact by enumeration when the chain is small, Monte Carlo otherwise.

    No closed form exists for t > 1 (categorical.entropy_bounds brackets it). Returns
    ``(value, standard_error, method)``; the standard error is 0 for the exact route.

    >>> value, se, how = expected_entropy([0.5, 0.5], 4, 2)
    >>> how, se
    ('exact (enumerated chain)', 0.0)
    >>> from modelcollapse import theory
    >>> lo, hi = theory.get("categorical.entropy_bounds")(p0=[0.5, 0.5], n=4, t=2)
    >>> lo <= value <= hi
    True
    """
    probs = check_probabilities("p0", p0)
    n = check_int("n", n, lower=1)
    t = check_int("t", t, lower=0)
    if t == 0:
        return float(entropy_rows(probs[None, :])[0]), 0.0, "exact (t = 0)"
    if math.comb(n + probs.size - 1, probs.size - 1) <= MAX_STATES:
        value = MultinomialChain(probs, n, dps).expect(t, lambda c: entropy_of_counts(c, n))
        return float(value), 0.0, "exact (enumerated chain)"
    p = simulate_categorical(probs, n, t, check_int("chains", chains, lower=2), seed=seed, keep=[t]).at(t)
    h = entropy_rows(p)
    return float(h.mean()), float(h.std(ddof=1) / np.sqrt(h.size)), f"Monte Carlo ({h.size} chains)"

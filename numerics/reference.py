"""An independent high-precision route to every result.

Categorical results are computed from the exact Wright-Fisher chain
(:mod:`modelcollapse.numerics.wright_fisher`): one category against the rest, the count
distribution after t steps by repeated multiplication with the transition matrix.

Gaussian results:

In the spirit of scipy.stats' mpmath references: each quantity is computed *by
definition*, simply enough to trust, and with no symbolic algebra shared with the
derivations. The expectations of the innovations come from mpmath quadrature against the
chi-square and normal densities (not from the moment lemmas), and the generations are
iterated numerically through the one-step law (not through a solved recurrence).

Examples
--------
E[X] for X ~ chi-square(5), by quadrature:

>>> import mpmath
>>> mpmath.mp.dps = 30
>>> round(float(chi2_expect(lambda x: x, 5)), 12)
5.0
"""

from __future__ import annotations

import functools

import mpmath

from modelcollapse import theory

from .multinomial_chain import MultinomialChain, entropy_of_counts


#: The reference route iterates the law t times: beyond this it would take minutes.
MAX_T = 1_000_000


def chi2_expect(g, k):
    """E[g(X)] for X ~ chi-square(k), by tanh-sinh quadrature of g times the density."""
    k = mpmath.mpf(k)

    def density(x):
        return mpmath.exp((k / 2 - 1) * mpmath.log(x) - x / 2 - (k / 2) * mpmath.log(2) - mpmath.loggamma(k / 2))

    # Split at the mode region so the quadrature sees the bulk and both tails.
    return mpmath.quad(lambda x: g(x) * density(x), [0, k / 2, k, 2 * k + 10, mpmath.inf])


def normal_expect(g):
    """E[g(Z)] for Z ~ N(0, 1), by quadrature."""
    c = 1 / mpmath.sqrt(2 * mpmath.pi)
    return mpmath.quad(lambda z: g(z) * c * mpmath.exp(-z * z / 2), [-mpmath.inf, 0, mpmath.inf])


class _Step:
    """Expectations of the innovations at one refit with sample size n (quadrature, lazily, cached)."""

    def __init__(self, n, ddof):
        self.k, self.n, self.nd = n - 1, mpmath.mpf(n), mpmath.mpf(n - ddof)

    @functools.cached_property
    def x1(self):  # E[sigma'^2 / sigma^2]
        return chi2_expect(lambda x: x, self.k) / self.nd

    @functools.cached_property
    def x2(self):  # E[sigma'^4 / sigma^4]
        return chi2_expect(lambda x: x * x, self.k) / self.nd**2

    @functools.cached_property
    def half(self):  # E[sigma' / sigma]
        return chi2_expect(mpmath.sqrt, self.k) / mpmath.sqrt(self.nd)

    @functools.cached_property
    def log(self):  # E[log(sigma'^2 / sigma^2)]
        return chi2_expect(mpmath.log, self.k) - mpmath.log(self.nd)

    @functools.cached_property
    def inv(self):  # E[sigma^2 / sigma'^2], finite for k > 2
        return chi2_expect(lambda x: 1 / x, self.k) * self.nd if self.k > 2 else mpmath.inf

    @functools.cached_property
    def z2(self):
        return normal_expect(lambda z: z * z)


@functools.lru_cache(maxsize=256)
def _step(n, ddof, dps):
    with mpmath.workdps(dps):
        return _Step(n, ddof)


def _iterate(sizes, ddof, sigma0, wanted):
    """Run the one-step law forward through the given sample sizes; return the wanted moments at the end."""
    s0 = mpmath.mpf(sigma0)
    m = dict(m2=s0**2, m4=s0**4, m1=s0, logv=mpmath.mpf(0), drift=mpmath.mpf(0), inv=1 / s0**2,
             ratio=mpmath.mpf(0))
    for size in sizes:
        st = _step(size, ddof, mpmath.mp.dps)
        # the drift terms use the generation-t moments, so update them first
        if "drift" in wanted:
            m["drift"] += m["m2"] * st.z2 / st.n
        if "ratio" in wanted:
            m["ratio"] = st.inv * (m["ratio"] + st.z2 / st.n)
        if "m2" in wanted or "drift" in wanted:
            m["m2"] *= st.x1
        if "m4" in wanted:
            m["m4"] *= st.x2
        if "m1" in wanted:
            m["m1"] *= st.half
        if "logv" in wanted:
            m["logv"] += st.log
        if "inv" in wanted:
            m["inv"] *= st.inv
    return m


#: Which moments each result needs, and how it is made of them.
_FORMULAS = {
    "gaussian.variance": (("m2",), lambda m, s0: m["m2"]),
    "gaussian.schedule": (("m2",), lambda m, s0: m["m2"]),
    "gaussian.variance_of_variance": (("m2", "m4"), lambda m, s0: m["m4"] - m["m2"] ** 2),
    "gaussian.std": (("m1",), lambda m, s0: m["m1"]),
    "gaussian.log_variance": (("logv",), lambda m, s0: m["logv"]),
    "gaussian.mean_drift": (("drift",), lambda m, s0: m["drift"]),
    "gaussian.entropy": (("logv",), lambda m, s0: m["logv"] / 2),
    "gaussian.w2": (("drift", "m2", "m1"), lambda m, s0: m["drift"] + m["m2"] - 2 * s0 * m["m1"] + s0**2),
    "gaussian.kl": (("logv", "inv", "ratio"),
                    lambda m, s0: m["logv"] / 2 + s0**2 * m["inv"] / 2 + m["ratio"] / 2 - mpmath.mpf(1) / 2),
}


def reference_value(result_id, dps=30, **params):
    """The value of ``result_id`` at ``params``, by quadrature and iteration, at ``dps`` digits.

    The parameters are validated by the result itself (same names and ranges).
    """
    r = theory.get(result_id)
    p = r.validate(params)
    if result_id.startswith("categorical."):
        return _categorical_reference(result_id, p, dps)
    if result_id in _ITERATED:
        return _iterated_reference(result_id, p, dps)
    if p["t"] > MAX_T:
        raise ValueError(f"t must be <= {MAX_T} for the reference route (it iterates t times), got {p['t']}")
    with mpmath.workdps(dps + 10):
        if result_id == "gaussian.schedule":
            if p["t"] > len(p["ns"]):
                raise ValueError(f"t must be <= len(ns) = {len(p['ns'])}, got {p['t']}")
            sizes = p["ns"][: p["t"]]
        else:
            sizes = [p["n"]] * p["t"]
        if result_id not in _FORMULAS:
            raise ValueError(f"result_id {result_id!r} has no reference computation")
        wanted, formula = _FORMULAS[result_id]
        s0 = mpmath.mpf(p["sigma0"])
        out = formula(_iterate(sizes, p["ddof"], s0, wanted), s0)
    with mpmath.workdps(dps):
        return +out


def _categorical_moment(n, prob, t, k, dps):
    """E[p_{i,t}^k] from the exact two-category chain (count n * prob must be an integer)."""
    from .wright_fisher import count_distribution

    c0 = n * prob
    if abs(c0 - round(c0)) > 1e-9:
        raise ValueError(f"p0 entries must be multiples of 1/n = {1 / n:g} for the exact chain, got {prob!r}")
    v = count_distribution(n, int(round(c0)), t, dps)
    return mpmath.fsum((mpmath.mpf(c) / n) ** k * v[0, c] for c in range(n + 1))


def _categorical_reference(result_id, p, dps):
    n, probs = p["n"], p.get("p0", ())
    t = p.get("t")
    if (t or 0) > 2000 or n > 200:
        raise ValueError("t must be <= 2000 and n <= 200 for the exact categorical reference")
    if "i" in p and p["i"] > len(probs):
        raise ValueError(f"i must be <= len(p0) = {len(probs)}, got {p['i']}")
    with mpmath.workdps(dps + 10):
        if result_id == "categorical.mean":
            out = _categorical_moment(n, probs[p["i"] - 1], t, 1, dps + 10)
        elif result_id in ("categorical.collision", "categorical.gini_simpson"):
            out = mpmath.fsum(_categorical_moment(n, q, t, 2, dps + 10) for q in probs)
            if result_id == "categorical.gini_simpson":
                out = 1 - out
        elif result_id == "categorical.moment_eigenvalues":
            out = _eigenvalues(n, dps + 10)[p["k"]] if p["k"] <= n else mpmath.mpf(0)
        elif result_id in _ENUMERATED:
            chain = MultinomialChain(probs, n, dps + 10)
            out = _ENUMERATED[result_id](chain, p)
        else:
            raise ValueError(f"result_id {result_id!r} has no reference computation")
    with mpmath.workdps(dps):
        return +out


@functools.lru_cache(maxsize=16)
def _eigenvalues(n, dps):
    """Eigenvalues of the (n+1) x (n+1) transition matrix (mpmath.eig), largest first."""
    from .wright_fisher import transition_matrix
    with mpmath.workdps(dps):
        values = mpmath.eig(transition_matrix(n, dps), left=False, right=False)
        return sorted((mpmath.re(v) for v in values), reverse=True)


#: Quantities computed by enumerating the K-category chain (no lumping, no generating functions).
_ENUMERATED = {
    "categorical.fixation": lambda ch, p: ch.fixation_probability(p["i"]),
    "categorical.loss_one_step": lambda ch, p: ch.expect(1, lambda c: sum(1 for x in c if x == 0)),
    "categorical.tail_loss": lambda ch, p: ch.expect(1, lambda c: mpmath.fsum(q for q, x in zip(ch.p0, c) if x == 0)),
    "categorical.survival": lambda ch, p: ch.expect(p["t"], lambda c: 1 if c[p["i"] - 1] > 0 else 0),
    "categorical.surviving": lambda ch, p: ch.expect(p["t"], lambda c: sum(1 for x in c if x > 0)),
    "categorical.entropy_one_step": lambda ch, p: ch.expect(1, lambda c: entropy_of_counts(c, ch.n)),
    "categorical.entropy_bounds": lambda ch, p: (
        ch.expect(p["t"], lambda c: entropy_of_counts(c, ch.n)) if p["t"] else -mpmath.fsum(
            q * mpmath.log(q) for q in ch.p0 if q)),
    "categorical.absorption_time": lambda ch, p: ch.mean_absorption_time(),
}


def _map_steps():
    from .workflows import nucleus_step, temperature_step, tilt_step, top_k_step
    return {
        "sampling.temperature_categorical": lambda p: (lambda q: temperature_step(q, p["tau"])),
        "sampling.top_k": lambda p: (lambda q: top_k_step(q, p["k"])),
        "sampling.top_p": lambda p: (lambda q: nucleus_step(q, p["top_p"])),
        "sampling.reward_tilting": lambda p: (lambda q: tilt_step(q, p["r"], p["beta"])),
    }


#: Deterministic maps on a categorical p: iterated step by step, entropy by its definition.
_ITERATED = ("sampling.temperature_categorical", "sampling.top_k", "sampling.top_p", "sampling.reward_tilting",
             "sampling.curation_support")


def _iterated_reference(result_id, p, dps):
    from .workflows import entropy_by_definition, iterate_map
    if result_id == "sampling.curation_support":
        return mpmath.mpf(0)
    if p["t"] > 10_000:
        raise ValueError(f"t must be <= 10000 for the reference route (it iterates t times), got {p['t']}")
    with mpmath.workdps(dps + 10):
        path = iterate_map(_map_steps()[result_id](p), p["p0"], p["t"], dps + 10)
        out = entropy_by_definition(path[-1])
    with mpmath.workdps(dps):
        return +out

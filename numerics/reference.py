"""An independent high-precision route to every result.

A result derived from a declared model (``result.model`` with a ``result.target``) is computed
by :mod:`~modelcollapse.numerics.declared_reference`: the declaration's one-step conditional
expectation evaluated by quadrature or exact enumeration of the draws' laws, and iterated
numerically over the generations, sharing no symbolic algebra with the derivation.

A model's extensions (chain-level exact computations such as fixation and absorption, and the
eigenvalues of the one-step operator) carry their own route: the exact K-category chain
(:class:`~modelcollapse.numerics.multinomial_chain.MultinomialChain`) or the Wright-Fisher
transition matrix (:mod:`modelcollapse.numerics.wright_fisher`), registered in
:data:`EXTENSION_ROUTES`.

Examples
--------
>>> import mpmath
>>> v = reference_value("gaussian.variance", n=10, t=3, ddof=0, sigma0=1.0, dps=30)
>>> mpmath.nstr(v, 25)
'0.729'
"""

from __future__ import annotations

import functools

import mpmath

from modelcollapse import theory

from .declared_reference import result_reference
from .multinomial_chain import MultinomialChain, entropy_of_counts


#: The reference route iterates the law t times: beyond this it would take minutes.
MAX_T = 1_000_000


def reference_value(result_id, dps=30, **params):
    """The value of ``result_id`` at ``params``, by an independent numerical route, at ``dps`` digits.

    The parameters are validated by the result itself (same names and ranges).
    """
    r = theory.get(result_id)
    p = r.validate(params)
    if p.get("t", 0) > MAX_T:
        raise ValueError(f"t must be <= {MAX_T} for the reference route (it iterates t times), got {p['t']}")
    if "ns" in p and p.get("t", 0) > len(p["ns"]):
        raise ValueError(f"t must be <= len(ns) = {len(p['ns'])}, got {p['t']}")
    if getattr(r, "model", None) is not None and getattr(r, "target", None) is not None:
        return result_reference(r, p, dps)
    route = EXTENSION_ROUTES.get(r.id)
    if route is None:
        raise ValueError(f"result_id {result_id!r} has no reference computation")
    return route(p, dps)


def _exact_chain(compute):
    """A route on the exact chain of the categorical model (small n, t)."""
    def route(p, dps):
        n, probs, t = p["n"], p.get("p0", ()), p.get("t")
        if (t or 0) > 2000 or n > 200:
            raise ValueError("t must be <= 2000 and n <= 200 for the exact categorical reference")
        if "i" in p and p["i"] > len(probs):
            raise ValueError(f"i must be <= len(p0) = {len(probs)}, got {p['i']}")
        with mpmath.workdps(dps + 10):
            out = compute(p, dps + 10)
        with mpmath.workdps(dps):
            return +out
    return route


@functools.lru_cache(maxsize=16)
def _eigenvalues(n, dps):
    """Eigenvalues of the (n+1) x (n+1) transition matrix (mpmath.eig), largest first."""
    from .wright_fisher import transition_matrix
    with mpmath.workdps(dps):
        values = mpmath.eig(transition_matrix(n, dps), left=False, right=False)
        return sorted((mpmath.re(v) for v in values), reverse=True)


def _enumerated(quantity):
    return _exact_chain(lambda p, dps: quantity(MultinomialChain(p["p0"], p["n"], dps), p))


#: The extensions' own routes: the eigenvalues of the transition matrix, and quantities computed by
#: enumerating the K-category chain (no lumping, no generating functions).
EXTENSION_ROUTES = {
    "categorical.moment_eigenvalues": _exact_chain(
        lambda p, dps: _eigenvalues(p["n"], dps)[p["k"]] if p["k"] <= p["n"] else mpmath.mpf(0)),
    **{rid: _enumerated(quantity) for rid, quantity in {
        "categorical.fixation": lambda ch, p: ch.fixation_probability(p["i"]),
        "categorical.loss_one_step": lambda ch, p: ch.expect(1, lambda c: sum(1 for x in c if x == 0)),
        "categorical.tail_loss": lambda ch, p: ch.expect(
            1, lambda c: mpmath.fsum(q for q, x in zip(ch.p0, c) if x == 0)),
        "categorical.survival": lambda ch, p: ch.expect(p["t"], lambda c: 1 if c[p["i"] - 1] > 0 else 0),
        "categorical.surviving": lambda ch, p: ch.expect(p["t"], lambda c: sum(1 for x in c if x > 0)),
        "categorical.entropy_one_step": lambda ch, p: ch.expect(1, lambda c: entropy_of_counts(c, ch.n)),
        "categorical.entropy_bounds": lambda ch, p: (
            ch.expect(p["t"], lambda c: entropy_of_counts(c, ch.n)) if p["t"] else -mpmath.fsum(
                q * mpmath.log(q) for q in ch.p0 if q)),
        "categorical.absorption_time": lambda ch, p: ch.mean_absorption_time(),
    }.items()},
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


EXTENSION_ROUTES.update({rid: functools.partial(_iterated_reference, rid) for rid in _ITERATED})

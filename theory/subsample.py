"""Accumulating data but fitting a subsample (Kazdan et al. 2024): an exact recursion.

The pool starts as n original samples. Fit t (t >= 1) uses n samples drawn without replacement
from the pool of t n samples (maximum likelihood: their mean and sum (x - xbar)^2 / n), after
which n samples drawn from that fit join the pool. The samples of one block (the originals, or
the n samples of fit k) are exchangeable, so second moments are carried per block: q_k = E[x^2]
for x in block k and c_{kl} = E[x y] for distinct x in block k, y in block l (mu0 = 0 and
sigma0 = 1 without loss; the answer scales by sigma0^2). For a subsample S of the pool of N = t n,
inclusion probabilities give

* E[(1/n) sum_S x^2] = the pool's average q,
* E[mean_S^2] = (sum_j q_j) / (n N) + (n - 1) P / (n N (N - 1)), P the sum of E[x_j x_j'] over
  ordered distinct pairs of the pool,
* E[sigma_t^2] = the first minus the second, and for the new block q_t = the first,
  c_tt = E[mean_S^2], c_tl = (q_l - c_ll + n sum_k c_kl) / N.

This recursion is evaluated exactly in rational arithmetic (no closed form is claimed). The literal
workflow (a pool of actual samples, subsampled) is
:func:`modelcollapse.numerics.mixing_workflows.accumulate_subsample_workflow`.

Examples
--------
>>> from fractions import Fraction
>>> subsample_variances(4, 2)[1]    # fit 1 uses the n originals: (n - 1)/n
Fraction(3, 4)
"""

from __future__ import annotations

import functools
from fractions import Fraction

import mpmath
import sympy as sp

from .assumptions import IntegerAtLeast, PositiveReal, check_int
from .registry import register
from .result import Derivation, DerivationStep, Reference, Result
from .symbols import n, sigma0, t

FAMILY = "mixing"
KAZDAN = Reference("Kazdan, Schaeffer, Dey, Gerstgrasser, Rafailov, Donoho, Koyejo", 2024,
                   "Collapse or thrive? Perils and promises of synthetic data in a self-generating world",
                   "arXiv:2410.16713")
#: The recursion costs O(t^2) rational operations; beyond this t it is refused.
MAX_T = 200


@functools.lru_cache(maxsize=64)
def subsample_variances(n_value, t_value):
    """(E[sigma_0^2], ..., E[sigma_t^2]) / sigma0^2 as exact fractions."""
    size = check_int("n", n_value, lower=2)
    last = check_int("t", t_value, lower=0, upper=MAX_T)
    q, c_diag, column = [Fraction(1)], [Fraction(0)], [Fraction(0)]   # column[l] = sum_k c_kl
    total_q, total_c = Fraction(1), Fraction(0)                        # sum_k q_k, sum_{k,l} c_kl
    out = [Fraction(1)]
    for fit in range(1, last + 1):
        N = fit * size
        pairs = size * size * total_c - size * sum(c_diag)              # ordered distinct pairs
        square = size * total_q / N                                     # E[(1/n) sum_S x^2]
        mean_sq = total_q * size / (size * N) + ((size - 1) * pairs / (size * N * (N - 1)) if N > 1 else 0)
        out.append(square - mean_sq)
        new = [(q[l] - c_diag[l] + size * column[l]) / N for l in range(fit)]
        for l in range(fit):
            column[l] += new[l]
        column.append(sum(new) + mean_sq)
        total_c += 2 * sum(new) + mean_sq
        q.append(square)
        c_diag.append(mean_sq)
        total_q += square
    return tuple(out)


def _value(result, values, expr=None):
    ratio = subsample_variances(int(values["n"]), int(values["t"]))[-1]
    return mpmath.mpf(ratio.numerator) / ratio.denominator * mpmath.mpf(values["sigma0"]) ** 2


def _derivation():
    lhs = sp.Symbol("E[sigma_t^2]")
    steps = [DerivationStep("Block moments q_k, c_kl and the inclusion probabilities of a subsample without "
                            "replacement give E[sigma_t^2] from the pool's second moments; the new block's moments "
                            "follow, and the recursion is run exactly in rational arithmetic", None)]
    for nn in (2, 10):
        values = subsample_variances(nn, 4)
        steps.append(DerivationStep(f"For instance n = {nn}, t = 1 .. 4 (in units of sigma0^2)",
                                    sp.Eq(sp.Symbol(f"E[sigma_t^2]|n={nn}"),
                                          sp.Tuple(*[sp.Rational(v.numerator, v.denominator) for v in values[1:]]))))
    value = sp.Function("SubsampleRecursion")(n, t) * sigma0**2
    return Derivation(sp.Eq(lhs, value), value, steps)


SUBSAMPLE = Result(
    "mixing.accumulate_subsample", "Expected variance when data accumulate but each fit uses n of them", FAMILY,
    (IntegerAtLeast("n", n, 2), IntegerAtLeast("t", t, 0, upper=MAX_T), PositiveReal("sigma0", sigma0)), _derivation, (KAZDAN,),
    evaluator=_value,
    summary="The pool grows as with accumulation, but each fit sees only n samples drawn from it without replacement "
            "(a fixed compute budget): E[sigma_t^2] by an exact recursion over the blocks' second moments. It falls "
            "below the full-pool value (mixing.accumulate_gaussian) and keeps falling slowly as the synthetic share "
            "of the pool grows.")
SUBSAMPLE.status = "exact computation"
SUBSAMPLE.status_note = "an exact recursion in rational arithmetic (t <= 200), not a closed form; checked by Monte Carlo"
register(SUBSAMPLE)

"""Adversarial corpus for the proof kernel, round 40: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 39. ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. When written, all 3 were accepted, by
one mechanism: the kernel read the caller's own sympy nodes, and its memos that outlive a check (the
verdicts, the signs, the certified readings of numbers) were keyed by them. Each attack first has an
honest claim holding a node N checked, then rewrites N's arguments (a slot, so no attribute of its
own shows it): N now prints and evaluates as the new claim, but its hash is still the old one's, and
the memo answers the false claim (log(1/x) > 0 for x >= 2; 10^-300 (gamma(1/3) - gamma(1/4)) >= 0;
x erf(-10^-300) >= 0 for x >= 1) with the verdict reached for the true one.

**Principle:** the kernel reads only nodes it built: every expression handed to it is copied node by
node from what each node states (:func:`~modelcollapse.proofs.kernel.terms.rebuilt`), so no hash,
cached fact or changed argument of a caller's node is ever read; what is remembered from one check to
the next is keyed by exact text, and everything else (sympy's cache of built expressions among it) is
forgotten before each check.
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import algebra_claim, checker
from modelcollapse.proofs.kernel import Domain, check

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)


def _honest_first(proof):
    """Check a true claim holding the node to be changed (what a memo keyed by the node would keep)."""
    check(proof)


def verdict_memo_stale_args():
    """FALSE: log(1/x) > 0 for every real x >= 2.  Counterexample: x = 2, log(1/2) = -0.693.

    log(x) > 0 over x >= 2 is checked first; then the same log node's arguments become (1/x,)."""
    x = sp.Symbol("x", positive=True)
    node = sp.log(x)
    _honest_first(algebra_claim("honest_log_positive", sp.Gt(node, 0, evaluate=False), {x: Domain.real(2)}))
    node._args = (sp.Pow(x, -1),)
    return algebra_claim("verdict_memo_stale_args", sp.Gt(node, 0, evaluate=False), {x: Domain.real(2)})


def sign_memo_stale_args():
    """FALSE: 10^-300 (gamma(1/3) - gamma(1/4)) >= 0.  Counterexample: gamma(1/3) - gamma(1/4) = -0.9467,
    so the value is -9.5e-301, inside the numeric tolerance (and interval arithmetic encloses no gamma).

    10^-300 e >= 0 is checked first; then the product's arguments change. An unused symbol changes the
    space, so that only a memo of signs keyed by the node alone could answer."""
    node = sp.Mul(sp.Rational(1, 10**300), sp.exp(sp.Integer(1)), evaluate=False)
    _honest_first(algebra_claim("honest_tiny_positive", sp.Ge(node, 0, evaluate=False), {}))
    node._args = (sp.Rational(1, 10**300), sp.Add(sp.gamma(sp.Rational(1, 3)), -sp.gamma(sp.Rational(1, 4)),
                                                  evaluate=False))
    y = sp.Symbol("y", real=True)
    return algebra_claim("sign_memo_stale_args", sp.Ge(node, 0, evaluate=False), {y: Domain.real()})


def lru_standing_for_stale_args():
    """FALSE: x erf(-10^-300) >= 0 for every real x >= 1.  Counterexample: x = 1, erf(-10^-300) = -1.1e-300.

    x erf(10^-300) >= 0 over x >= 0 is checked first (the constant stands for a positive symbol, a reading
    remembered by the node); then the erf node's argument becomes -10^-300."""
    x0 = sp.Symbol("x", nonnegative=True)
    node = sp.erf(sp.Rational(1, 10**300))
    _honest_first(algebra_claim("honest_erf_positive", sp.Ge(sp.Mul(x0, node, evaluate=False), 0, evaluate=False),
                                {x0: Domain.real(0)}))
    node._args = (sp.Rational(-1, 10**300),)
    x = sp.Symbol("x", positive=True)
    return algebra_claim("lru_standing_for_stale_args", sp.Ge(sp.Mul(x, node, evaluate=False), 0, evaluate=False),
                         {x: Domain.real(1)})


EXPECTED = {
    "verdict_memo_stale_args": "sympy could not show > 0",
    "sign_memo_stale_args": "sympy could not show >= 0",
    "lru_standing_for_stale_args": "sympy could not show >= 0",
}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

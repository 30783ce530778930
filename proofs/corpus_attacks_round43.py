"""Adversarial corpus for the proof kernel, round 43: proofs that a sound kernel must reject.

Written by an independent attacker who saw only the kernel's source after round 42, and who read the laws,
the axioms and the rules that use them (the part the round before named least attacked). ``attacks()``
returns ``(name, build, expected)`` as in the earlier rounds. The one entry was not accepted when written:
the limit of 3^g - 9^(g/2), which is 0 at every g, claimed +oo. sympy does not merge the two powers, so
the limit rule reads two terms with the base 3 and opposite signs.

**Principle (held):** the limit rule takes the limit of a sum of geometric terms only when no two of them
tend to infinities of opposite signs; it then says so rather than guess (a true limit of such a sum, 0
here, is rejected too: the rule is cautious, never wrong).
"""

import sympy as sp

from modelcollapse.proofs.corpus_attacks import checker
from modelcollapse.proofs.kernel import Domain, Proof, Step
from modelcollapse.proofs.kernel import rules as R

_LIBRARIES: dict = {}
library_for, check_attack = checker(_LIBRARIES)


def limit_unmerged_equal_powers():
    """FALSE: the limit of 3^g - 9^(g/2) as g -> oo is +oo.  It is 0 at every g (3^g = 9^(g/2))."""
    g = sp.Symbol("g", integer=True, nonnegative=True)
    goal = sp.Eq(sp.Limit(3**g - 9**(g / 2), g, sp.oo), sp.oo)
    return Proof("limit_unmerged_equal_powers", {"statement": goal}, {g: Domain.integer(0)},
                 [Step("statement", goal, R.Limit())])


EXPECTED = {"limit_unmerged_equal_powers": "tend to +oo and -oo"}


def attacks():
    return [(name, globals()[name], reason) for name, reason in EXPECTED.items()]

"""Exact computations on the neutral Wright-Fisher chain, as part of the numerics toolbox.

The implementation lives in :mod:`modelcollapse.theory.wright_fisher` (the theory's chain
results evaluate through it); this module is its public home next to the simulators.
"""

from modelcollapse.theory.wright_fisher import (MAX_N, absorption_times, count_distribution,  # noqa: F401
                                                 survival, transition_matrix, transition_column)

__all__ = ["MAX_N", "absorption_times", "count_distribution", "survival", "transition_matrix",
           "transition_column"]

"""Symbolic models of recursive refitting and the registry of results.

>>> from modelcollapse import theory
>>> [r.id for r in theory.results("gaussian")][:3]
['gaussian.variance', 'gaussian.variance_of_variance', 'gaussian.std']
"""

from .registry import families, get, register, results
from .result import Derivation, DerivationStep, Reference, Result

# Importing a family module registers its results (in this order).
from . import gaussian  # noqa: E402,F401
from . import categorical  # noqa: E402,F401
from . import categorical_loss  # noqa: E402,F401
from . import categorical_entropy  # noqa: E402,F401
from . import categorical_absorption  # noqa: E402,F401
from . import poisson  # noqa: E402,F401
from . import exponential  # noqa: E402,F401
from . import sampling_gaussian  # noqa: E402,F401
from . import sampling_categorical  # noqa: E402,F401

__all__ = ["Result", "Reference", "Derivation", "DerivationStep", "get", "results", "register", "families"]

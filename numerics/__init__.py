"""Simulators, exact computations, numerical checks, ``verify`` and the command line.

>>> from modelcollapse.numerics import simulate_gaussian
>>> simulate_gaussian(n=5, t=2, chains=3, seed=0).mu.shape
(3, 3)
"""

import importlib
import sys
import types

from modelcollapse import lazy_attributes

# Imported on first use (see modelcollapse/__init__.py): a worker process loads only what it runs.
_HOMES = {**{name: ".checks" for name in ("SPECS", "mean_and_se", "monte_carlo_checks", "reference_check",
                                          "z_critical")},
          **{name: ".categorical_sim" for name in ("CategoricalPath", "simulate_absorption", "simulate_categorical")},
          **{name: ".gaussian_sim" for name in ("GaussianPath", "simulate_gaussian")},
          **{name: ".multinomial_chain" for name in ("MultinomialChain", "expected_entropy")},
          "reference_value": ".reference", "DEFAULT_SEED": ".streams", "stream": ".streams", "verify": ".verify"}

__all__ = ["simulate_gaussian", "GaussianPath", "simulate_categorical", "CategoricalPath", "simulate_absorption",
           "MultinomialChain", "expected_entropy", "reference_value", "monte_carlo_checks", "reference_check",
           "mean_and_se", "z_critical", "stream", "verify", "SPECS", "DEFAULT_SEED"]


__getattr__ = lazy_attributes(__name__, _HOMES)


class _Package(types.ModuleType):
    """This package, whose ``verify`` stays the function: importing the submodule of that name would
    otherwise rebind the package's attribute to the submodule (eager imports rebound it back)."""

    verify = property(lambda self: importlib.import_module(".verify", __name__).verify,
                      lambda self, value: None)


sys.modules[__name__].__class__ = _Package

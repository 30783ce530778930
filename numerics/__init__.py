"""Simulators, exact computations, numerical checks, ``verify`` and the command line.

>>> from modelcollapse.numerics import simulate_gaussian
>>> simulate_gaussian(n=5, t=2, chains=3, seed=0).mu.shape
(3, 3)
"""

from .checks import SPECS, mean_and_se, monte_carlo_checks, reference_check, z_critical
from .categorical_sim import CategoricalPath, simulate_absorption, simulate_categorical
from .gaussian_sim import GaussianPath, simulate_gaussian
from .multinomial_chain import MultinomialChain, expected_entropy
from .reference import reference_value
from .streams import DEFAULT_SEED, stream
from .verify import verify

__all__ = ["simulate_gaussian", "GaussianPath", "simulate_categorical", "CategoricalPath", "simulate_absorption",
           "MultinomialChain", "expected_entropy", "reference_value", "monte_carlo_checks", "reference_check",
           "mean_and_se", "z_critical", "stream", "verify", "SPECS", "DEFAULT_SEED"]

"""modelcollapse: recursive self-training, analysed formally.

The subpackages are

- :mod:`modelcollapse.theory`: symbolic models, the :class:`~modelcollapse.theory.Result`
  objects and their registry;
- :mod:`modelcollapse.proofs`: the proof kernel and one proof module per model family;
- :mod:`modelcollapse.numerics`: simulators, exact computations, checks and the CLI.
"""

__version__ = "0.1.0"

# Declare a model, get its theorems: the declaration API at the top level.
from .theory.distributions import Binomial, ChiSquare, Gamma, Multinomial, Normal, Poisson  # noqa: E402
from .theory.model import Model  # noqa: E402

__all__ = ["Model", "Normal", "ChiSquare", "Gamma", "Poisson", "Binomial", "Multinomial"]

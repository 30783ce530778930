"""modelcollapse: recursive self-training, analysed formally.

The subpackages are

- :mod:`modelcollapse.theory`: symbolic models, the :class:`~modelcollapse.theory.Result`
  objects and their registry;
- :mod:`modelcollapse.proofs`: the proof kernel and one proof module per model family;
- :mod:`modelcollapse.numerics`: simulators, exact computations, checks and the CLI.
"""

__version__ = "0.1.0"

import importlib

# Declare a model, get its theorems: the declaration API at the top level. Imported on first use, so
# that a process that needs one small module (a worker of a parallel run) does not load sympy and the
# whole registry to start.
_HOMES = {"Model": ".theory.model", **{name: ".theory.distributions" for name in
                                       ("Normal", "ChiSquare", "Gamma", "Poisson", "Binomial", "Multinomial")}}

__all__ = ["Model", "Normal", "ChiSquare", "Gamma", "Poisson", "Binomial", "Multinomial"]


def __getattr__(name):
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name], __name__), name)
    if name in ("theory", "proofs", "numerics"):  # a subpackage no one has imported yet
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

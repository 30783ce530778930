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


def lazy_attributes(package: str, homes: dict):
    """A module ``__getattr__`` for ``package``: a name in ``homes`` is imported from its module there, any
    other name as a submodule no one has imported yet (AttributeError if there is none)."""
    import importlib.util

    def attribute(name):
        if name in homes:
            return getattr(importlib.import_module(homes[name], package), name)
        if importlib.util.find_spec(f"{package}.{name}") is not None:
            return importlib.import_module(f".{name}", package)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")
    return attribute


__getattr__ = lazy_attributes(__name__, _HOMES)

"""modelcollapse: recursive self-training, analysed formally.

The subpackages are

- :mod:`modelcollapse.theory`: symbolic models, the :class:`~modelcollapse.theory.Result`
  objects and their registry;
- :mod:`modelcollapse.proofs`: the proof kernel and one proof module per model family;
- :mod:`modelcollapse.numerics`: simulators, exact computations, checks and the CLI.
"""

__version__ = "0.1.0"

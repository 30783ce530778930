"""A declared model's compiled expressions, shared per process: keyed on the expression, the argument
order and the schedules, with the schedules' values read at each call."""

import sympy as sp

from modelcollapse.numerics.declared import _Compiled
from modelcollapse.theory.symbols import t


def test_compiled_expressions_keyed_on_arguments_and_schedules():
    x, y = sp.symbols("x y")
    ns, ms = sp.IndexedBase("ns"), sp.IndexedBase("ms")
    at_one = {t: sp.Integer(1)}
    assert _Compiled(x * ns[t] - y, [x, y], {ns: ("ns", [1, 2, 3])})([2.0, 1.0], at_one) == 3.0
    assert _Compiled(x * ns[t] - y, [x, y], {ns: ("ns", [5, 6, 7])})([2.0, 1.0], at_one) == 11.0  # values per call
    assert _Compiled(x * ns[t] - y, [y, x], {ns: ("ns", [1, 2, 3])})([2.0, 1.0], at_one) == 0.0  # x = 1, y = 2
    # Two schedules read at different generations: each entry found once, evaluated at each call.
    both = {ns: ("ns", [1, 2, 3]), ms: ("ms", [10, 20, 30])}
    assert _Compiled(ns[t] + ms[t - 1], [], both)([], at_one) == 12.0
    assert _Compiled(ns[t] + ms[t - 1], [], both)([], {t: sp.Integer(2)}) == 23.0

"""Proof recipes: how a declaration says a claim about a result is proved, as plain data.

A claim (a limit, a sign, an almost-sure statement) is proved by a few steps beyond the
engine's own. A :class:`ProofStep` names its relation (in the theory's symbols: the model's
random quantities are ``model.at()`` values), one rule of the kernel by name (:data:`RULES`)
with its arguments, and its premises: labels of earlier steps of the recipe, ``"statement"``
for the result's own statement, or ``"cite:ID#CLAIM"`` for a claim of another result. An
``induction`` step gives other closed forms (``args["closed"]``: functional -> closed form) for the
system the engine closed for the statement; it reuses that induction's premises. The proof builder
translates the recipe; the kernel alone judges it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Rule names a recipe may use (each is one primitive rule of the kernel).
RULES = ("algebra", "rewrite", "law_step", "draw_fact", "conditional_expectation", "tower", "linearity",
         "inequality", "axiom", "conjunction", "modus_ponens", "limit", "induction", "law_init", "specialize", "shift",
         "induction_from", "sum_over", "expect_sum")


@dataclass(frozen=True)
class ProofStep:
    label: str
    relation: Any
    rule: str
    args: dict = field(default_factory=dict)
    premises: tuple = ()
    text: str = ""

    def __post_init__(self):
        if self.rule not in RULES:
            raise ValueError(f"rule must be one of {', '.join(RULES)}, got {self.rule!r}")


@dataclass(frozen=True)
class Claim:
    """A claim about a result: its relation and the recipe whose last step establishes it."""

    relation: Any
    steps: tuple
    text: str = ""


@dataclass(frozen=True)
class Remark:
    """A relation the derivation states and sympy derives, which no kernel proof establishes: shown
    as a remark beside the result (proved or not), never as a proved claim."""

    relation: Any
    text: str = ""

"""What a proof may rest on, for display: the kernel's axioms and distribution facts, the
principles its rules embody, and the laws of the declared models.

Every name a proof report lists in ``axioms`` has an entry here with a title, its statement in
words and its references.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from . import kernel


@dataclass(frozen=True)
class Citation:
    name: str
    title: str
    statement: str
    references: tuple = ()
    kind: str = "axiom"


_PRINCIPLES = {
    "conditional_expectation": Citation(
        "conditional_expectation", "Conditional expectation",
        "E[a(F_t) h(D_t) | F_t] = a(F_t) E[h(D_t) | F_t] for a draw D_t independent of the past given the state, "
        "linearity, independence of distinct draws, and the tower property E[E[Y | F_t]] = E[Y]",
        ("Williams (1991), Probability with Martingales, Ch. 9",), "principle"),
    "induction": Citation("induction", "Induction on the generation",
                          "a property of generation 0 that passes from t to t + 1 holds for every t >= 0",
                          (), "principle"),
    "linearity": Citation("linearity", "Linearity of expectation",
                          "E[sum c_k W_k] = sum c_k E[W_k] for finite expectations and deterministic c_k",
                          ("Williams (1991), Probability with Martingales, Ch. 6",), "principle"),
    "binomial_support": Citation(
        "binomial_support", "Support of a binomial count",
        "a Binomial(m, 0) count is 0 almost surely", ("Johnson, Kemp and Kotz (2005), Univariate Discrete "
                                                       "Distributions, 3rd ed., Ch. 3",), "principle"),
    "monotonicity": Citation("monotonicity", "Monotonicity of expectation", "Y <= W almost surely gives E[Y] <= E[W]",
                             ("Williams (1991), Probability with Martingales, Ch. 6",), "principle"),
}


def citation(name: str) -> Citation:
    """The entry for ``name`` (an axiom, a fact, a principle or ``law:MODEL``)."""
    if name in kernel.AXIOMS:
        ax = kernel.AXIOMS[name]
        return Citation(name, name.replace("_", " "), sp.sstr(ax.schema), (ax.reference,), ax.kind)
    if name in kernel.FACTS:
        fact = kernel.FACTS[name]
        return Citation(name, f"{fact.family} moments", f"E[{sp.sstr(fact.lhs)} | F] = {sp.sstr(fact.value)}"
                        + (f" for {sp.sstr(fact.condition)}" if fact.condition is not None else ""),
                        (fact.reference,), "fact")
    if name in _PRINCIPLES:
        return _PRINCIPLES[name]
    if name.startswith("law:"):
        from .normalised_maps import LAWS
        if name[4:] in LAWS:
            return Citation(name, f"the normalised map {name[4:]}", LAWS[name[4:]], (), "model")
        from modelcollapse.theory.model import get_model
        model = get_model(name[4:])
        text = "; ".join(f"{s}_(t+1) = {sp.sstr(model.step[s])}" for s in model.state) + "; " + ", ".join(
            f"{d}_t ~ {law!r}" for d, law in model.draws.items()) + "; " + ", ".join(
            f"{s}_0 = {sp.sstr(v)}" for s, v in model.state.items()) + "".join(
            f"; {p} ~ {law!r} drawn once at the start" for p, law in getattr(model, "start", {}).items())
        return Citation(name, f"the declared law of {model.name}", text, tuple(str(r) for r in model.references),
                        "model")
    raise KeyError(name)


class _Catalogue(dict):
    """A read-only mapping view over :func:`citation` (``AXIOMS[name]``)."""

    def __getitem__(self, name):
        return citation(name)

    def __contains__(self, name):
        try:
            citation(name)
            return True
        except KeyError:
            return False

    def __iter__(self):
        return iter(sorted(set(kernel.AXIOMS) | set(kernel.FACTS) | set(_PRINCIPLES)))

    def __len__(self):
        return len(list(iter(self)))

    def keys(self):
        return list(iter(self))


AXIOMS = _Catalogue()


#: How a report names each rule of the kernel's table.
RULE_NAMES = {"Algebra": "algebra", "Rewrite": "rewrite", "LawStep": "law", "LawInit": "law", "DrawFact": "draw fact",
              "CondExpect": "conditional expectation", "Tower": "tower", "ExpectLinear": "linearity of expectation",
              "Induction": "induction", "SumOver": "sum over an index", "ExpectSum": "expectation of a finite sum",
              "Specialize": "specialize", "AxiomInstance": "axiom", "VectorTotal": "assumption", "Order": "inequality",
              "Monotone": "monotonicity of expectation", "Conjunction": "conjunction", "Detach": "modus ponens",
              "Limit": "limit", "Shift": "shift",
              "StateInduction": "state induction", "SupportKept": "support kept"}


def describe_rule(rule) -> str:
    """A step's rule in words, for reports (the rule's name and the arguments that identify it)."""
    kind = type(rule).__name__
    if kind in ("LawStep", "LawInit"):
        return f"law: {'update' if kind == 'LawStep' else 'initial value'} of {rule.variable}"
    if kind == "DrawFact":
        return f"{rule.fact} for {rule.draw}" + (f" (order {rule.order})" if rule.order is not None else "")
    if kind == "AxiomInstance":
        return f"axiom {rule.axiom}"
    if kind == "Specialize":
        return f"at {rule.symbol} = {rule.value}"
    if kind == "Shift":
        return f"at {rule.symbol} = {rule.value}"
    if kind == "Induction" and rule.start != 0:
        return f"induction from generation {rule.start}"
    return RULE_NAMES.get(kind, kind)

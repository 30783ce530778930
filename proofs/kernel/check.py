"""The checker: proofs, steps, reports, and the structural checks around the rules.

A :class:`Proof` names its goals, the domain of every symbol it quantifies over, the law it
reasons under (if any), its local symbols and its steps. :func:`check` accepts a step only when
its rule is one of the table's (:data:`~.rules.RULES`) and returns a passing verdict; anything a
rule raises is a rejection carrying the exception. Around the rules it checks that symbols claim
no more than their domains, that the law is well formed, that locals are fresh symbols, and that
a cited result is proved, not circular, under the same law and assumptions no stronger than ours.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import sympy as sp

from .decide import StepTimeout, time_limit
from .domains import Space
from .rules import RULES, Verdict, same

#: Seconds a step may take before it counts as undecided (and so rejected).
STEP_SECONDS = 30.0


@dataclass(frozen=True)
class Step:
    label: str
    relation: Any
    rule: Any
    premises: tuple = ()
    text: str = ""


@dataclass
class Proof:
    name: str
    goals: dict
    domains: dict
    steps: list
    law: Any = None
    local: tuple = ()


@dataclass
class StepReport:
    step: Step
    verdict: Verdict
    seconds: float


@dataclass
class ProofReport:
    name: str
    ok: bool = False
    steps: list = field(default_factory=list)
    goals: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    axioms: frozenset = frozenset()
    cites: frozenset = frozenset()
    seconds: float = 0.0
    goal_axioms: dict = field(default_factory=dict)

    def summary(self) -> str:
        if self.ok:
            return f"proved ({len(self.steps)} steps)"
        first = next((f"step {r.step.label}: {r.verdict.message}" for r in self.steps if not r.verdict.ok), None)
        return "REJECTED: " + (first or "; ".join(self.errors))


class Library:
    """Resolves cited results: ``proof(name)`` and a cache of reports; checks each once."""

    def __init__(self, proofs=None):
        self._proofs = dict(proofs or {})
        self._reports: dict = {}
        self._active: list = []

    def proof(self, name):
        return self._proofs[name]

    def report(self, name):
        if name in self._reports:
            return self._reports[name]
        if name in self._active:
            raise ValueError("circular: " + " -> ".join(self._active + [name]))
        self._active.append(name)
        try:
            rep = check(self.proof(name), self)
        finally:
            self._active.pop()
        self._reports[name] = rep
        return rep


@dataclass
class Context:
    space: Space
    law: Any
    local: tuple
    library: Any


_LAWS_CHECKED: dict = {}


def law_problems(law) -> list:
    key = law.key()
    if key not in _LAWS_CHECKED:
        try:
            _LAWS_CHECKED[key] = law.problems()
        except Exception as exc:  # a law the checker cannot read is not well formed
            _LAWS_CHECKED[key] = [f"{type(exc).__name__}: {exc}"]
    return _LAWS_CHECKED[key]


def flag_problems(domains) -> list:
    """Symbols whose sympy assumptions claim more than their domain implies."""
    out = []
    for sym, dom in domains.items():
        target = sym.label if isinstance(sym, sp.IndexedBase) else sym
        if not isinstance(target, sp.Symbol):
            out.append(f"{sym} must be a symbol")
            continue
        implied = sp.Dummy(**dom.flags()).assumptions0
        for k, v in target.assumptions0.items():
            if implied.get(k) != v:
                out.append(f"symbol {sym} claims {k}={v}, which its domain ({dom.describe()}) does not imply")
                break
        if isinstance(sym, sp.IndexedBase):
            for k, v in sym.assumptions0.items():
                if implied.get(k) != v:
                    out.append(f"vector {sym} claims {k}={v}, which its entries' domain does not imply")
                    break
    return out


def _structure(proof, library) -> list:
    errors = flag_problems(proof.domains)
    if not proof.goals:
        errors.append("a proof needs goals")
    goal_symbols = set().union(*[sp.sympify(g).free_symbols for g in proof.goals.values()])
    for loc in proof.local:
        if not isinstance(loc, sp.Symbol) or isinstance(loc, sp.Dummy) and False:
            errors.append(f"the local {loc} must be a plain symbol")
        elif loc not in proof.domains:
            errors.append(f"the local {loc} needs a domain")
        elif loc in goal_symbols:
            errors.append(f"the local {loc} appears free in a goal")
    if proof.law is not None:
        problems = law_problems(proof.law)
        errors += [f"law {proof.law.name}: {p}" for p in problems]
        for sym, dom in proof.law.params.items():
            mine = proof.domains.get(sym)
            if mine is not None and not mine.within(dom):
                errors.append(f"the law needs {sym} {dom.describe()}; the proof allows {mine.describe()}")
        for i, dom in proof.law.indices.items():
            mine = proof.domains.get(i)
            if mine is None or not mine.within(dom):
                errors.append(f"the law's index {i} ranges over {dom.describe()}; the proof must keep it there")
        g = proof.law.generation
        if g in proof.domains and proof.domains[g].kind != "integer":
            errors.append(f"the generation {g} must be an integer")
    return errors


def _cited(ref, proof, library):
    name, _, goal = ref[len("cite:"):].partition("#")
    goal = goal or "statement"
    if name == proof.name:
        raise ValueError(f"{proof.name} cites itself")
    cited = library.proof(name)
    rep = library.report(name)
    if not rep.ok or not rep.goals.get(goal):
        raise ValueError(f"cited {name}#{goal} is not proved")
    rel = cited.goals[goal]
    if cited.law is not None and (proof.law is None or cited.law.key() != proof.law.key()):
        raise ValueError(f"cited {name} holds under another law")
    for sym in sp.sympify(rel).free_symbols | {a.label for a in sp.sympify(rel).atoms(sp.Indexed)}:
        base = next((k for k in cited.domains if k == sym or getattr(k, "label", None) == sym), None)
        if base is None:
            continue
        mine = proof.domains.get(base)
        if mine is None or not mine.within(cited.domains[base]):
            raise ValueError(f"cited {name} needs {base} {cited.domains[base].describe()}, which this proof "
                             "does not assume")
    return rel, rep.goal_axioms.get(goal, rep.axioms)


def check(proof: Proof, library: Library | None = None) -> ProofReport:
    """Check every step and goal of ``proof``; return a :class:`ProofReport`."""
    library = library or Library()
    start = time.perf_counter()
    report = ProofReport(proof.name)
    try:
        report.errors += _structure(proof, library)
        space = Space(proof.domains, proof.law.rand_domains() if proof.law is not None else {})
    except Exception as exc:
        report.errors.append(f"malformed proof: {type(exc).__name__}: {exc}")
        report.seconds = time.perf_counter() - start
        return report
    ctx = Context(space, proof.law, tuple(proof.local), library)
    known, step_axioms, cites = {}, {}, set()
    labels = [s.label for s in proof.steps]
    if len(set(labels)) != len(labels):
        report.errors.append("step labels must be unique")
    for step in proof.steps:
        t0 = time.perf_counter()
        used = set()
        try:
            if type(step.rule) not in RULES:
                raise ValueError(f"{type(step.rule).__name__} is not a rule of the kernel")
            premises = []
            for ref in step.premises:
                if ref in known:
                    premises.append(known[ref])
                    used |= step_axioms[ref]
                elif isinstance(ref, str) and ref.startswith("cite:"):
                    rel, axioms = _cited(ref, proof, library)
                    premises.append(rel)
                    used |= set(axioms)
                    cites.add(ref[len("cite:"):])
                else:
                    raise ValueError(f"premise {ref} is not an earlier accepted step")
            with time_limit(STEP_SECONDS):
                verdict = step.rule.check(step.relation, premises, ctx)
            if not isinstance(verdict, Verdict):
                verdict = Verdict.fail("the rule gave no verdict")
        except StepTimeout as exc:
            verdict = Verdict.fail(str(exc))
        except Exception as exc:  # any exception is a rejection, never a pass
            verdict = Verdict.fail(f"{type(exc).__name__}: {exc}")
        report.steps.append(StepReport(step, verdict, time.perf_counter() - t0))
        if verdict.ok and step.label not in known:
            known[step.label] = step.relation
            step_axioms[step.label] = frozenset(used | set(verdict.axioms))
    accepted = [(lab, rel) for lab, rel in known.items()]
    for name, goal in proof.goals.items():
        match = next((lab for lab, rel in accepted if rel == goal), None)
        if match is None:
            try:
                match = next((lab for lab, rel in accepted if same(goal, rel, space)), None)
            except Exception:
                match = None
        report.goals[name] = match is not None
        if match is not None:
            report.goal_axioms[name] = step_axioms[match]
        else:
            report.errors.append(f"goal {name} is not established by any accepted step")
    report.axioms = frozenset().union(*report.goal_axioms.values()) if report.goal_axioms else frozenset()
    report.cites = frozenset(cites)
    report.ok = not report.errors and all(r.verdict.ok for r in report.steps) and bool(proof.goals)
    report.seconds = time.perf_counter() - start
    return report

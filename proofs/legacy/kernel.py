"""The proof kernel: steps, proofs, and the checker.

A :class:`Proof` is a list of :class:`Step` s. Each step states a sympy relation and names
the :class:`~modelcollapse.proofs.rules.Rule` that justifies it and the premises it uses
(labels of earlier steps, ids of proved results ``"gaussian.variance"`` or their claims
``"gaussian.std#ratio_below_one"``). The checker re-runs every rule; a step is accepted
only when its rule returns a passing :class:`Verdict`, and a proof is proved only when every
step passes and every goal is the relation of some step.

A step may be conditional, ``Implies(Eq(ddof, 0), body)``: its body is checked with ``ddof``
fixed to 0 (``ddof`` must range over a finite set the proof assumes).

Soundness rests on the rules (each decides with sympy under the proof's assumptions; "could
not decide" is failure), on the axioms (few, named, cited) and on three structural checks
here: a proof may only assume what its result states, may not cite itself (directly or
through other proofs), and may not mix the fixed-n and schedule models.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import sympy as sp

from .decide import Assumed, is_zero


@dataclass(frozen=True)
class Verdict:
    """A rule's answer for one step."""

    ok: bool
    message: str = ""
    residual: Any = None
    axioms: frozenset = frozenset()
    cites: frozenset = frozenset()

    @staticmethod
    def fail(message, residual=None):
        return Verdict(False, message, residual)


@dataclass
class Step:
    label: str
    relation: Any
    rule: Any
    premises: tuple = ()
    text: str = ""


@dataclass
class Proof:
    """A proof of the goals of one result (or one lemma)."""

    name: str
    goals: dict
    assumptions: tuple
    steps: list
    kind: str = "result"
    #: For lemmas: side conditions an instance must meet (relations in the parameters).
    conditions: tuple = ()
    statement: Any = None
    #: Variables the proof quantifies over locally (for every category i >= 1, say): they
    #: constrain no parameter of the result and must not appear free in its goals.
    local: tuple = ()


@dataclass
class StepReport:
    step: Step
    verdict: Verdict
    seconds: float


@dataclass
class ProofReport:
    name: str
    ok: bool
    steps: list = field(default_factory=list)
    goals: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    axioms: frozenset = frozenset()
    cites: frozenset = frozenset()
    seconds: float = 0.0
    #: Per goal: the axioms its establishing step rests on (through its premises, transitively).
    goal_axioms: dict = field(default_factory=dict)

    def summary(self) -> str:
        if self.ok:
            return f"proved ({len(self.steps)} steps)"
        first = next((f"step {r.step.label}: {r.verdict.message}" for r in self.steps if not r.verdict.ok), None)
        return "REJECTED: " + (first or "; ".join(self.errors))


class CircularProof(Exception):
    pass


class StepTimeout(BaseException):
    """Raised by the step timer; a BaseException so that no ``except Exception`` swallows it."""


#: Seconds a step may take before it counts as undecided (and so rejected).
STEP_SECONDS = 30.0


@contextlib.contextmanager
def time_limit(seconds):
    """Raise StepTimeout after ``seconds`` (main thread on Unix; elsewhere no limit)."""
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def handler(signum, frame):
        raise StepTimeout(f"undecided within {seconds:g} s")

    old = signal.signal(signal.SIGALRM, handler)
    # Re-fire every half second: an exception raised while a gc callback runs is printed and
    # dropped by Python, so a single alarm could be lost and the step would run unbounded.
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.5)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def conditional_body(relation):
    """(fixed substitutions, body) for ``Implies(Eq(sym, value), body)``; ({}, relation) otherwise."""
    if isinstance(relation, sp.Implies):
        cond, body = relation.args
        if isinstance(cond, sp.Eq) and cond.lhs.is_Symbol and cond.rhs.is_number:
            return {cond.lhs: cond.rhs}, body
        raise ValueError(f"unsupported condition {cond}: use Eq(parameter, value)")
    return {}, relation


def same_relation(a, b, space) -> bool:
    """Whether two relations say the same thing (structurally, or sides identical in value)."""
    if a == b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, sp.Implies):
        return a.args[0] == b.args[0] and same_relation(a.args[1], b.args[1], space)
    if isinstance(a, sp.core.relational.Relational):
        return all(_same_expr(x, y, space) for x, y in ((a.lhs, b.lhs), (a.rhs, b.rhs)))
    if isinstance(a, sp.Basic) and a.args and len(a.args) == len(b.args):
        return all(same_relation(x, y, space) if isinstance(x, sp.Basic) and not x.is_Atom else x == y
                   for x, y in zip(a.args, b.args))
    return False


def normalize(expr):
    """Simplify the summands of sums and factors of products (so 1 - (n-1)/n reads 1/n)."""
    return sp.sympify(expr).replace(
        lambda e: isinstance(e, (sp.Sum, sp.Product)),
        lambda e: e.func(sp.simplify(e.function), *e.limits))


def _same_expr(x, y, space) -> bool:
    if x == y:
        return True
    nx, ny = normalize(x), normalize(y)
    if nx == ny:
        return True
    if nx.has(sp.Integral, sp.Limit, sp.Sum, sp.Product) or ny.has(sp.Integral, sp.Limit, sp.Sum, sp.Product):
        return False  # no value comparison of unevaluated limits and integrals
    return is_zero(nx - ny, space)[0]


class Library:
    """Resolves what a proof cites (proved results, their claims, lemmas) and checks each once."""

    def __init__(self):
        self._reports: dict[str, ProofReport] = {}
        self._active: list[str] = []

    # Proof lookup is late-bound so that tests can hand in their own proofs.
    def proof(self, name: str) -> Proof:
        from . import registry
        return registry.proof(name)

    def report(self, name: str) -> ProofReport:
        if name in self._reports:
            return self._reports[name]
        if name in self._active:
            raise CircularProof(" -> ".join(self._active + [name]))
        self._active.append(name)
        try:
            rep = check(self.proof(name), self)
        finally:
            self._active.pop()
        self._reports[name] = rep
        return rep

    def fact(self, ref: str):
        """The relation named by ``ref`` (``id`` or ``id#claim``), its report, and its axioms."""
        name, _, claim = ref.partition("#")
        proof = self.proof(name)
        goal = claim or "statement"
        if goal not in proof.goals:
            raise KeyError(f"{name} has no goal {goal!r}")
        rep = self.report(name)
        return proof.goals[goal], rep, rep.goal_axioms.get(goal, rep.axioms)


def _premise_relation(rel, fixed):
    """A premise as seen inside a conditional step with ``fixed`` substitutions."""
    cond_fixed, body = conditional_body(rel)
    if cond_fixed:
        if any(k in fixed and fixed[k] == v for k, v in cond_fixed.items()) and all(
                fixed.get(k) == v for k, v in cond_fixed.items()):
            return body.subs(fixed)
        raise ValueError(f"premise {rel} holds only under {cond_fixed}, the step fixes {fixed}")
    return rel.subs(fixed) if fixed else rel


def assumptions_cover(mine, theirs):
    """What of ``theirs`` (a cited proof's assumptions) ``mine`` does not imply; '' if nothing."""
    from modelcollapse.theory.assumptions import IntegerAtLeast, OneOf

    for a in theirs:
        b = next((x for x in mine if x.symbol == a.symbol), None)
        if b is None:
            return a.describe()
        if isinstance(a, IntegerAtLeast) and isinstance(b, IntegerAtLeast):
            if b.lower < a.lower:
                return a.describe()
        elif isinstance(a, OneOf) and isinstance(b, OneOf):
            if not set(b.values) <= set(a.values):
                return a.describe()
        elif a != b:
            return a.describe()
    return ""


def check_step(step, proof, known, step_axioms, library, space, labels=(), seconds=None):
    """Check one step against the relations already accepted (``known``: label -> relation).

    Returns (verdict, axioms its premises rest on, cited facts).
    """
    used, cited = set(), set()
    try:
        fixed, body = conditional_body(step.relation)
        for k in fixed:
            if not any(a.symbol == k and hasattr(a, "values") and fixed[k] in a.values
                       for a in proof.assumptions):
                raise ValueError(f"condition on {k} is not a case of the proof's assumptions")
        premises = []
        for ref in step.premises:
            if ref.startswith("assumption:"):
                # A fact an assumption states (p0 sums to 1), valid under the proof's assumptions.
                owner = next((a for a in proof.assumptions if a.name == ref.split(":", 1)[1]
                              and hasattr(a, "facts")), None)
                if owner is None:
                    raise ValueError(f"{ref}: no such assumption with facts in this proof")
                premises.append(_premise_relation(owner.facts()[0], fixed))
                continue
            if ref in known:
                rel = known[ref]
                used |= step_axioms.get(ref, frozenset())
            elif ref in labels:
                raise ValueError(f"premise {ref} is not an earlier accepted step")
            else:
                if ref.partition("#")[0] == proof.name:
                    raise CircularProof(f"{proof.name} cites itself")
                rel, rep, rel_axioms = library.fact(ref)
                if not rep.ok:
                    raise ValueError(f"cited {ref} is not proved")
                problem = assumptions_cover(tuple(proof.assumptions) + tuple(proof.local),
                                            library.proof(ref.partition("#")[0]).assumptions)
                if problem:
                    raise ValueError(f"cited {ref} needs {problem}, which this proof does not assume")
                used |= set(rel_axioms)
                cited.add(ref)
            premises.append(_premise_relation(rel, fixed))
        # Cited proofs are checked above, outside this step's time limit.
        with time_limit(STEP_SECONDS if seconds is None else seconds):
            verdict = step.rule.check(body, premises, space.restricted(fixed) if fixed else space, library)
    except StepTimeout as exc:
        verdict = Verdict.fail(str(exc))
    except CircularProof as exc:
        verdict = Verdict.fail(f"circular: {exc}")
    except (ValueError, KeyError, TypeError) as exc:
        verdict = Verdict.fail(str(exc))
    return verdict, used, cited


def check(proof: Proof, library: Library | None = None, result_assumptions=None) -> ProofReport:
    """Check every step and goal of ``proof``; return a :class:`ProofReport`."""
    from .axioms import AXIOMS

    library = library or Library()
    start = time.perf_counter()
    space = Assumed(tuple(proof.assumptions) + tuple(proof.local))
    report = ProofReport(proof.name, ok=False)
    for a in proof.local:
        if any(a.symbol in g.free_symbols for g in proof.goals.values() if hasattr(g, "free_symbols")):
            report.errors.append(f"the local variable {a.name} appears free in a goal")
        if any(b.symbol == a.symbol for b in proof.assumptions):
            report.errors.append(f"the local variable {a.name} is a parameter of the result")
    if result_assumptions is not None:
        extra = [a.describe() for a in proof.assumptions if a not in tuple(result_assumptions)]
        if extra:
            report.errors.append(f"the proof assumes what the result does not state: {', '.join(extra)}")
    known: dict[str, Any] = {}
    step_axioms: dict[str, frozenset] = {}
    axioms, cites = set(), set()
    labels = {s.label for s in proof.steps}
    for step in proof.steps:
        t0 = time.perf_counter()
        verdict, used, cited = check_step(step, proof, known, step_axioms, library, space, labels)
        report.steps.append(StepReport(step, verdict, time.perf_counter() - t0))
        if verdict.ok:
            known[step.label] = step.relation
            step_axioms[step.label] = frozenset(used | set(verdict.axioms))
            axioms |= step_axioms[step.label]
            cites |= set(verdict.cites) | cited
    models = {AXIOMS[a].model for a in axioms if a in AXIOMS and AXIOMS[a].model}
    if len(models) > 1:
        report.errors.append(f"the proof mixes models: {sorted(models)}")
    accepted = [r.step for r in report.steps if r.verdict.ok]
    for name, goal in proof.goals.items():
        match = next((st for st in accepted if same_relation(goal, st.relation, space)), None)
        report.goals[name] = match is not None
        if match is not None:
            report.goal_axioms[name] = step_axioms[match.label]
        else:
            report.errors.append(f"goal {name} is not established by any accepted step")
    # The result rests on what its goals rest on (a step no goal uses adds nothing).
    report.axioms = frozenset().union(*report.goal_axioms.values()) if report.goal_axioms else frozenset(axioms)
    report.cites = frozenset(cites)
    report.ok = (not report.errors) and all(r.verdict.ok for r in report.steps) and bool(proof.goals)
    report.seconds = time.perf_counter() - start
    return report

"""The checker: proofs, steps, reports, and the structural checks around the rules.

A :class:`Proof` names its goals, the domain of every symbol it quantifies over, the law it
reasons under (if any), its local symbols and its steps. :func:`check` accepts a step only when
its rule is one of the table's (:data:`~.rules.RULES`) and returns a passing verdict; anything a
rule raises is a rejection carrying the exception. Around the rules it checks that symbols claim
no more than their domains, that the law is well formed, that locals are fresh symbols, and that
a cited result is proved, not circular, under the same law and assumptions no stronger than ours.
"""

import time
import typing
import weakref
from dataclasses import dataclass, field, fields

import sympy as sp

from . import decide, terms
from .decide import StepTimeout, is_positive, time_limit, undefined
from .domains import Domain, Space
from .laws import Law
from .rules import RULES, Verdict, same
from .terms import (CondMutualInfo, MutualInfo, Rand, binder_problem, certified_readings, exact, exact_text, foreign,
                    note, rands, rebuilt, require)

#: Seconds a step may take before it counts as undecided (and so rejected).
STEP_SECONDS = 30.0


@dataclass(frozen=True)
class Step:
    label: str
    relation: typing.Any       # read by relation_problem, step by step
    rule: typing.Any           # copied (terms.exact) step by step
    premises: tuple[str, ...] = ()
    text: str = ""


@dataclass
class Proof:
    name: str
    goals: dict[str, typing.Any]                                    # read by relation_problem
    domains: dict[sp.Symbol | sp.Dummy | sp.IndexedBase, Domain]
    steps: list[Step]
    law: Law | None = None
    local: tuple[typing.Any, ...] = ()                              # read by _structure


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
    seconds: float = 0.0
    goal_axioms: dict = field(default_factory=dict)

    def summary(self) -> str:
        if self.ok:
            return f"proved ({len(self.steps)} steps)"
        first = next((f"step {r.step.label}: {r.verdict.message}" for r in self.steps if not r.verdict.ok), None)
        return "REJECTED: " + (first or "; ".join(self.errors))


#: Reports by library (its id) and name: kept here, not on the library, so that no library can
#: hand the checker a report the checker did not write.
_REPORTS: dict = {}
_ACTIVE: dict = {}
#: What each report checked (by library id and name), never handed out: a citation reads these.
_SNAPSHOTS: dict = {}
#: Why a cited proof could not be checked (by library id and name).
_UNCHECKED: dict = {}


def _books(table, library, empty):
    """``table``'s entry for ``library`` (``empty()`` at first): keyed by its id, which Python gives again to a new
    object once this one is gone, so each entry holds a weak reference to its own library and a stranger's is
    started afresh (a new library would otherwise read reports of proofs that were never its own)."""
    owner, entry = table.get(id(library), (None, None))
    if owner is None or owner() is not library:
        owner, entry = table[id(library)] = (weakref.ref(library), empty())
    return entry


class Library:
    """Supplies the proofs of cited results (``proof(name)``); the checker checks each once."""

    def __init__(self, proofs=None):
        self._proofs = dict(proofs or {})

    def proof(self, name):
        return self._proofs[name]

    def report(self, name):
        return _report(self, name)


def _report(library, name):
    reports = _books(_REPORTS, library, dict)
    if name in reports:
        return reports[name]
    active = _books(_ACTIVE, library, list)
    require(name not in active, "circular: " + " -> ".join(active + [name]))
    active.append(name)
    try:
        reports[name], _books(_SNAPSHOTS, library, dict)[name] = _check(library.proof(name), library)
    finally:
        active.pop()
    return reports[name]


@dataclass
class Context:
    space: Space
    law: object
    local: tuple


_LAWS_CHECKED: dict = {}


def law_problems(law) -> list:
    key = law.key()
    if key in _LAWS_CHECKED:
        return _LAWS_CHECKED[key]
    try:
        problems = law.problems()
    except Exception as exc:  # a law the checker cannot read is not well formed
        problems = [f"{type(exc).__name__}: {exc}"]
    if terms.checking():  # (only what was decided under the kernel's readings is kept)
        _LAWS_CHECKED[key] = problems
    return problems


def symbols_of(expr) -> set:
    """Free symbols and vector bases of ``expr`` (what must have a domain); a vector's label counts
    only where it is the label of a vector, never where it also stands alone."""
    expr = sp.sympify(expr)
    indexed = expr.atoms(sp.Indexed)
    return _alone(expr) | {a.base for a in indexed} | (
        expr.free_symbols & set().union(*[symbols_of(i) for a in indexed for i in a.indices]))


def _alone(expr) -> set:
    """The free symbols of ``expr`` outside its vectors' entries."""
    entries = {a: sp.Dummy() for a in expr.atoms(sp.Indexed)}
    return {s for s in expr.xreplace(entries).free_symbols if isinstance(s, sp.Symbol)} - set(entries.values())


def fingerprint(goals, domains) -> str:
    """Everything a citation relies on, as text (symbol assumptions included)."""
    return repr(sorted((name, exact_text(g)) for name, g in goals.items())) + repr(
        sorted((exact_text(s), d.key()) for s, d in domains.items()))


def relation_problem(rel, proof) -> str:
    """Why a relation may not appear in this proof ('' if it may)."""
    node = foreign(rel)
    if node is not None:
        return f"{type(node).__name__} is not a node the kernel reads"
    if isinstance(rel, (bool, sp.logic.boolalg.BooleanAtom)):
        return "a truth value is no statement (sympy evaluated the relation)"
    if {a.base.label for a in rel.atoms(sp.Indexed)} & _alone(rel):
        return "a vector's label also stands alone as a symbol"
    if (problem := binder_problem(rel)):
        return problem
    for node in sp.sympify(rel).atoms(sp.Sum, sp.Product):
        (v, lo, hi), = node.limits
        # A binder means its range and nothing more: its flags are read as facts (a generation's sign).
        implied = sp.Dummy(**Domain.integer(lo).flags()).assumptions0
        flags = sorted(v.assumptions0.items(), key=lambda kv: kv[0] not in ("positive", "nonnegative", "zero"))
        if (claim := next((f"{k}={val}" for k, val in flags if implied.get(k) != val), None)):
            return f"the index {v} of {node} claims {claim}, which its range does not imply"
    missing = symbols_of(rel) - set(proof.domains)
    if missing:
        return f"{sorted(map(str, missing))} have no domain in the proof"
    law = proof.law
    for r in rands(rel):
        if law is None:
            return f"{r} needs a law"
        var, d = law.variable(r.label), law.draw(r.label)
        if var is None and d is None:
            return f"{r.label} is not declared by the law"
        arity = len(var.indices) if var is not None else len(law._draw_indices(d))
        if len(r.indices) != arity:
            return f"{r} has {len(r.indices)} indices; the law gives it {arity}"
        if r.generation.is_integer is not True:
            return f"{r}: the generation must be an integer"
    return ""


def index_ranges(law):
    """For :func:`~.decide.undefined`: the law's ranges a random quantity's indices must lie in."""
    def ranges(node):
        if not isinstance(node, Rand) or law is None or not node.indices:
            return ()
        var, d = law.variable(node.label), law.draw(node.label)
        symbols = var.indices if var is not None else law._draw_indices(d) if d is not None else ()
        return [(idx, dom.lo, dom.hi, f"{node}: its index {idx} is not shown inside the law's domain of {sym}")
                for idx, sym in zip(node.indices, symbols) if (dom := law.indices.get(sym)) is not None]
    return ranges


def _subtracts_words(side) -> bool:
    """Whether a side, as written, adds information words (infinite for a quantity and itself, if
    continuous) with opposite signs: no rewriting or normal form may then cancel them."""
    return len({t.could_extract_minus_sign() for t in sp.Add.make_args(side)
                if t.has(MutualInfo, CondMutualInfo)}) > 1


def _ends(dom) -> tuple:
    """((lo, 1, lo open), (hi, -1, hi open)) of a range; an integer range (closed, its numeric ends integers)
    reads a symbolic end by its least and greatest integers ([m/2, m/2] holds no integer at odd m)."""
    if dom.kind == "integer":
        return ((None if dom.lo is None else sp.ceiling(dom.lo), 1, False),
                (None if dom.hi is None else sp.floor(dom.hi), -1, False))
    return (dom.lo, 1, dom.lo_open), (dom.hi, -1, dom.hi_open)


def _structure(proof) -> list:
    """Domains (symbols claim no more than their domains imply), goals, locals and the law."""
    errors = []
    for sym, dom in proof.domains.items():
        problem = dom.problem()
        if problem:
            errors.append(f"the domain of {sym}: {problem}")
            continue
        bounds = (dom.lo, dom.hi, dom.length, dom.total, *dom.values) + (
            (dom.entry.lo, dom.entry.hi) if dom.entry is not None else ())
        named = set().union(*[symbols_of(b) for b in bounds if b is not None])
        errors += list(dict.fromkeys(f"the domain of {sym}: {why}" for b in bounds
                                     if b is not None and (why := binder_problem(b))))
        # A bound that reads a vector's entries (its own: a total 1 + p[1]) is a fixed point no point checks.
        note(errors, any(b is not None and b.atoms(sp.Indexed) for b in bounds),
             f"the domain of {sym} reads a vector's entries")
        if named - set(proof.domains):
            errors.append(f"the domain of {sym} names {sorted(map(str, named - set(proof.domains)))}, "
                          "which have no domain")
        note(errors, named & set(proof.local), f"the domain of {sym} depends on a local")
        target = sym.label if type(sym) is sp.IndexedBase else sym
        if type(target) not in (sp.Symbol, sp.Dummy):
            errors.append(f"{sym} must be a plain sympy Symbol (or IndexedBase)")
            continue
        implied = sp.Dummy(**dom.flags()).assumptions0
        for obj in {target, sym}:
            claim = next((f"{k}={v}" for k, v in obj.assumptions0.items() if implied.get(k) != v), None)
            note(errors, claim, f"symbol {sym} claims {claim}, which its domain ({dom.describe()}) does not imply")
    # A vector's label is a symbol: a rewriting of a scalar of the same name would reach into the vector.
    names = [str(sym.label if type(sym) is sp.IndexedBase else sym) for sym in proof.domains]
    errors += [f"the vector {sym} shares its name with another of the proof's symbols" for sym in proof.domains
               if type(sym) is sp.IndexedBase and names.count(str(sym.label)) > 1]
    note(errors, not proof.goals, "a proof needs goals")
    errors += [f"goal {name}: {problem}" for name, goal in proof.goals.items()
               if (problem := relation_problem(goal, proof))]
    goal_symbols = set().union(*[sp.sympify(g).free_symbols for g in proof.goals.values() if foreign(g) is None])
    for loc in proof.local:
        if type(loc) is not sp.Symbol:
            errors.append(f"the local {loc} must be a plain symbol")
        elif loc not in proof.domains:
            errors.append(f"the local {loc} needs a domain")
        elif loc in goal_symbols:
            errors.append(f"the local {loc} appears free in a goal")
        elif proof.law is not None and loc in proof.law.params:
            errors.append(f"the local {loc} is a parameter of the law")
    if proof.law is not None:
        errors += [f"law {proof.law.name}: {p}" for p in law_problems(proof.law)]
        for sym, dom in list(proof.law.params.items()) + list(proof.law.indices.items()):
            mine = proof.domains.get(sym)
            if mine is None:
                errors.append(f"the law's {sym} needs a domain in the proof")
            elif not mine.within(dom):
                errors.append(f"the law needs {sym} {dom.describe()}; the proof allows {mine.describe()}")
        note(errors, proof.domains.get(proof.law.generation) != Domain.integer(0),
             f"the generation {proof.law.generation} must range over the integers >= 0")
    return errors


def _cited(ref, proof, library):
    name, _, goal = ref[len("cite:"):].partition("#")
    goal = goal or "statement"
    require(name != proof.name, f"{proof.name} cites itself")
    rep = _books(_REPORTS, library, dict).get(name)
    require(rep is not None, f"cited {name} could not be checked before this proof: "
            f"{_books(_UNCHECKED, library, dict).get(name, 'no proof')}")
    require(rep.ok and rep.goals.get(goal), f"cited {name}#{goal} is not proved ({rep.summary()})")
    snap = _books(_SNAPSHOTS, library, dict)[name]
    require(fingerprint(snap["goals"], snap["domains"]) == snap["print"], f"cited {name} changed after it was checked")
    rel = snap["goals"][goal]
    if snap["law"] is not None and (proof.law is None or snap["law"] != proof.law.key()):
        theirs, ours = snap["law"], proof.law.key() if proof.law is not None else ()
        part = next((f": {a} against {b}" for a, b in zip(theirs, ours) if a != b), "")
        raise ValueError(f"cited {name} holds under another law{part[:400]}")
    # Every assumption of the cited proof must hold here (its law's parameters included).
    for sym, dom in snap["domains"].items():
        mine = proof.domains.get(sym)
        if sym not in snap["local"] and (mine is None or not mine.within(dom)):
            raise ValueError(f"cited {name} needs {sym} {dom.describe()}, which this proof does not assume")
    return rebuilt(rel), exact_text(rel), frozenset(rep.goal_axioms.get(goal, rep.axioms))


def check(proof: Proof, library: Library | None = None) -> ProofReport:
    """Check every step and goal of ``proof``; return a :class:`ProofReport`."""
    return _check(proof, library)[0]


def _check(proof, library):
    """The report, and what it checked (exact copies no one else holds, for citations). Every cited proof is
    fetched and checked first: no library code runs during a check (a library's proof() could change the objects
    being checked after the kernel read them)."""
    try:
        cited = [ref[len("cite:"):].partition("#")[0] for step in exact(proof, Proof).steps for ref in step.premises
                 if ref.startswith("cite:")] if isinstance(library, Library) else []
    except Exception:  # noqa: BLE001 - the check itself says what is wrong
        cited = []
    for name in cited:
        try:
            _report(library, name)
        except Exception as exc:  # noqa: BLE001 - said where it is cited
            _books(_UNCHECKED, library, dict)[name] = f"{type(exc).__name__}: {exc}"
    # Nothing built before a check is read in it, but for verdicts keyed by exact text: the kernel's memos keyed by
    # expressions may hold nodes a caller has changed since (a copy handed out in a report), and so may sympy's
    # cache of built expressions, which hands a changed node back wherever that expression is built again.
    decide.forget(verdicts=False)
    with certified_readings():
        return _checked(proof, library)


def _read_domains(proof, library, report):
    """The proof read into exact copies before any rule or library code runs, and its space; the domains' errors
    go into ``report``."""
    require(isinstance(library, Library), "not a kernel Library")
    # One reading of everything, into exact copies, before any rule or library code runs.
    proof = exact(proof, Proof)
    report.errors += _structure(proof)
    space = Space(proof.domains, proof.law.rand_domains() if proof.law is not None else {})
    # A vector with a total has values only with an entry: the empty sum is 0 (its cases and points would
    # read a total no vector of no entries has, and an assumption with no values proves anything).
    report.errors += [f"the domain of {sym}: entries summing to {dom.total} need a length shown >= 1"
                      for sym, dom in proof.domains.items() if dom.kind == "vector" and dom.total is not None
                      and not (dom.length is not None and is_positive(dom.length - 1, space, strict=False)[0])]
    # ... and a total the entries can reach: length * lowest <= total <= length * highest (an integer
    # total, for integer entries); entries in a finite set have no ends to read, so no total.
    report.errors += [f"the domain of {sym}: {dom.length} entries in {dom.entry.describe().removeprefix('in ')} cannot sum to {dom.total}"
                      for sym, dom in proof.domains.items() if dom.kind == "vector" and dom.total is not None
                      and dom.length is not None and (dom.entry.kind == "finite" or any(
                          end is not None and not is_positive(sign * (dom.total - dom.length * end), space, open_)[0]
                          for end, sign, open_ in _ends(dom.entry)) or (
                          dom.entry.kind == "integer" and sp.sympify(dom.total).is_integer is not True))]
    # A domain's numbers are defined and real, with one reading (a reversed sum is 0 to one rule, -1 to
    # another), checked as a relation's are.
    report.errors += [f"the domain of {sym}: {why}" for sym, dom in proof.domains.items() for d in (dom, dom.entry)
                      if d is not None for b in (d.lo, d.hi, d.total, d.length, *d.values) if b is not None
                      and not b.has(sp.oo, -sp.oo) and (why := undefined(b, space) or (
                          "" if b.is_real else f"{b} is not shown real"))]
    # Likewise a range: its ends in order (an integer between them, for integers) wherever the others may be.
    ranges = [(sym, d) for sym, dom in proof.domains.items() for d in (dom, dom.entry) if d is not None]
    report.errors += [f"the domain of {sym}: {dom.lo} <= {dom.hi} is not shown (a range with no values)"
                      for sym, dom in ranges if dom.kind in ("integer", "real") and None not in (dom.lo, dom.hi)
                      and not is_positive(_ends(dom)[1][0] - _ends(dom)[0][0], space,
                                          dom.kind == "real" and (dom.lo_open or dom.hi_open))[0]]
    return proof, space


def _checked(proof, library):
    library = library or Library()
    start = time.perf_counter()
    report = ProofReport(proof.name if type(proof) is Proof and type(proof.name) is str else "?")
    try:
        # The reading and the domains' checks are timed as a step is (an evaluation may not end).
        with time_limit(STEP_SECONDS):
            proof, space = _read_domains(proof, library, report)
    except (StepTimeout, Exception) as exc:
        report.errors.append(f"malformed proof: {type(exc).__name__}: {exc}")
        report.seconds = time.perf_counter() - start
        return report, None
    ctx = Context(space, proof.law, tuple(proof.local))
    law_key = proof.law.key() if proof.law is not None else None
    # Citations are resolved before any step: no library code runs in the middle of a check.
    citations = {}
    for step in proof.steps:
        for ref in step.premises:
            if ref.startswith("cite:") and ref not in citations:
                try:
                    citations[ref] = _cited(ref, proof, library)
                except Exception as exc:
                    citations[ref] = exc
    memo = {}  # definedness of the nodes met so far, over this proof's space
    ranges = index_ranges(proof.law)
    known = {}  # label -> (relation, its text when accepted, the axioms it rests on)
    if len({s.label for s in proof.steps}) != len(proof.steps):
        report.errors.append("step labels must be unique")
    for step in proof.steps:
        t0 = time.perf_counter()
        used = set()
        try:
            rule, relation = step.rule, step.relation
            require(type(rule) in RULES, f"{type(rule).__name__} is not a rule of the kernel")
            require(not set(vars(rule)) - {f.name for f in fields(rule)}, "the rule carries attributes of its own")
            rule = exact(rule, type(rule))  # a fresh copy: no list the caller keeps is read again
            require(not (problem := relation_problem(relation, proof)), problem)
            require(not any(_subtracts_words(side) for side in relation.args),
                    "a side subtracts information words that may be infinite (oo - oo), as written")
            for r in rands(relation):
                require(is_positive(r.generation, space, strict=False)[0], f"{r}: its generation may be negative")
            premises = []
            for ref in step.premises:
                entry = known[ref] if ref in known else citations.get(
                    ref, ValueError(f"premise {ref} is not an earlier accepted step"))
                if isinstance(entry, Exception):
                    raise entry
                require(exact_text(entry[0]) == entry[1], f"premise {ref} changed after it was accepted")
                premises.append(entry[0])
                used |= entry[2]
            with time_limit(STEP_SECONDS):
                why = undefined(relation, space, memo, ranges)
                require(not why, f"the relation is not shown defined on the whole domain: {why}")
                verdict = type(rule).check(rule, relation, premises, ctx)
        except (StepTimeout, Exception) as exc:  # any exception is a rejection, never a pass
            verdict = Verdict(False, f"{type(exc).__name__}: {exc}")
        report.steps.append(StepReport(step, verdict, time.perf_counter() - t0))
        if verdict.ok and step.label not in known:
            known[step.label] = (relation, exact_text(relation), frozenset(used | set(verdict.axioms)))
    report.errors += [f"step {lab} changed after it was accepted" for lab, (rel, text, _) in known.items()
                      if exact_text(rel) != text]
    for name, goal in proof.goals.items():
        match = next((lab for lab, (rel, _, _) in known.items() if rel == goal), None)
        if match is None:
            try:  # a goal that is not a step's relation as written gets the checks a step's relation gets
                with time_limit(STEP_SECONDS):
                    why = undefined(goal, space, memo, ranges) or next((f"{r}: its generation may be negative"
                                                                        for r in rands(goal)
                                                                        if not is_positive(r.generation, space, False)[0]), "")
                    if why:
                        report.errors.append(f"goal {name}: {why}")
                    match = None if why else next((lab for lab, (rel, _, _) in known.items() if same(goal, rel, space)),
                                                  None)
            except (StepTimeout, Exception):
                match = None
        report.goals[name] = match is not None
        note(report.errors, match is None, f"goal {name} is not established by any accepted step")
        if match is not None:
            report.goal_axioms[name] = known[match][2]
    report.axioms = frozenset().union(*report.goal_axioms.values())
    report.ok = not report.errors and all(r.verdict.ok for r in report.steps) and bool(proof.goals)
    snapshot = exact(proof, Proof)  # fresh copies again: nothing the report or the rules hold
    report.seconds = time.perf_counter() - start
    return report, {"goals": snapshot.goals, "domains": snapshot.domains, "local": snapshot.local, "law": law_key,
                    "print": fingerprint(snapshot.goals, snapshot.domains)}

"""The trusted kernel: a closed table of primitive rules, axioms as cited data, and the checker.

It imports nothing but sympy, mpmath and its own files. Families and the derivation engine only
build proofs; this package alone decides whether they are proofs.
"""

from __future__ import annotations

from pathlib import Path

from .axioms import AXIOMS, Axiom
from .check import STEP_SECONDS, Library, Proof, ProofReport, Step, check
from .domains import Domain, Space
from .laws import FACTS, FAMILIES, Draw, Law, StateVar
from .rules import RULES, Verdict
from .terms import CE, VOCABULARY, AlmostSurely, E, GaussEntropy, GaussKL, GaussW2, Ind, Rand, Var


def size() -> dict:
    """The trust base: lines of code per file of the kernel, and in all."""
    files = sorted(Path(__file__).parent.glob("*.py"))
    lines = {f.name: sum(1 for line in f.read_text().splitlines() if line.strip()) for f in files}
    return {"files": lines, "total": sum(lines.values()), "rules": [r.__name__ for r in RULES],
            "axioms": sorted(AXIOMS), "facts": sorted(FACTS)}


__all__ = ["AXIOMS", "Axiom", "FACTS", "FAMILIES", "RULES", "STEP_SECONDS", "Library", "Proof", "ProofReport",
           "Step", "check", "Domain", "Space", "Draw", "Law", "StateVar", "Verdict", "CE", "E", "Rand", "Var",
           "Ind", "GaussEntropy", "GaussKL", "GaussW2", "AlmostSurely", "VOCABULARY", "size"]

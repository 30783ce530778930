"""The trusted kernel: a closed table of primitive rules, axioms as cited data, and the checker.

It imports nothing but sympy, mpmath and its own files. Families and the derivation engine only
build proofs; this package alone decides whether they are proofs.
"""

from pathlib import Path

from .axioms import AXIOMS, Axiom
from .check import STEP_SECONDS, Library, Proof, ProofReport, Step, check
from .domains import Domain, Space
from .laws import FACTS, FAMILIES, Draw, Law, StateVar
from .rules import RULES, Verdict
from .terms import CE, VOCABULARY, AlmostSurely, E, GaussEntropy, GaussKL, GaussW2, Ind, Rand, Var


def _code_lines(text) -> int:
    """Lines that are neither blank, comments, nor docstrings."""
    import ast
    docs = set()
    for node in ast.walk(ast.parse(text)):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and \
                isinstance(getattr(body[0], "value", None), ast.Constant) and isinstance(body[0].value.value, str):
            docs |= set(range(body[0].lineno, body[0].end_lineno + 1))
    return sum(1 for k, line in enumerate(text.splitlines(), 1)
               if line.strip() and not line.strip().startswith("#") and k not in docs)


def size() -> dict:
    """The trust base: lines of code per file of the kernel (blank lines, comments and docstrings
    not counted), in all, and its rules, axioms and distribution facts."""
    files = sorted(Path(__file__).parent.glob("*.py"))
    lines = {f.name: _code_lines(f.read_text()) for f in files}
    return {"files": lines, "total": sum(lines.values()), "rules": [r.__name__ for r in RULES],
            "axioms": sorted(AXIOMS), "facts": sorted(FACTS)}


__all__ = ["AXIOMS", "Axiom", "FACTS", "FAMILIES", "RULES", "STEP_SECONDS", "Library", "Proof", "ProofReport",
           "Step", "check", "Domain", "Space", "Draw", "Law", "StateVar", "Verdict", "CE", "E", "Rand", "Var",
           "Ind", "GaussEntropy", "GaussKL", "GaussW2", "AlmostSurely", "VOCABULARY", "size"]

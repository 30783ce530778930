"""The soundness corpus: false statements and broken proofs the kernel must reject, each for its
stated reason. Written by attackers of the kernel who saw its source and nothing else
(:mod:`.corpus_attacks`, and later rounds as further modules listed in :data:`ROUNDS`).
"""

from __future__ import annotations

import importlib

#: The modules that hold attacks, one per round.
ROUNDS = ("modelcollapse.proofs.corpus_attacks", "modelcollapse.proofs.corpus_attacks_round2")


def entries():
    """(name, build, expected) for every attack of every round present."""
    out = []
    for name in ROUNDS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        out += list(module.attacks())
    return out


def run_corpus():
    """(name, rejected, for the stated reason) for every entry."""
    from .corpus_attacks import check_attack, rejection_text

    out = []
    for name, build, expected in entries():
        rep = check_attack(name, build)
        out.append((name, not rep.ok, expected in rejection_text(rep)))
    return out

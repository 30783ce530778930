"""The soundness corpus: false statements and broken proofs the kernel must reject, each for its
stated reason. Written by attackers of the kernel who saw its source and nothing else
(:mod:`.corpus_attacks`, and later rounds as further modules listed in :data:`ROUNDS`).
"""

from __future__ import annotations

import importlib

#: The modules that hold attacks, one per round.
ROUNDS = ("modelcollapse.proofs.corpus_attacks", "modelcollapse.proofs.corpus_attacks_round2",
          "modelcollapse.proofs.corpus_attacks_round3", "modelcollapse.proofs.corpus_attacks_round4",
          "modelcollapse.proofs.corpus_attacks_round5", "modelcollapse.proofs.corpus_attacks_round6",
          "modelcollapse.proofs.corpus_attacks_round7",
          "modelcollapse.proofs.corpus_attacks_round8",
          "modelcollapse.proofs.corpus_attacks_round9",
          "modelcollapse.proofs.corpus_attacks_round10",
          "modelcollapse.proofs.corpus_attacks_round11",
          "modelcollapse.proofs.corpus_attacks_round12",
          "modelcollapse.proofs.corpus_attacks_round13",
          "modelcollapse.proofs.corpus_attacks_round14",
          "modelcollapse.proofs.corpus_attacks_round15",
          "modelcollapse.proofs.corpus_attacks_round16",
          "modelcollapse.proofs.corpus_attacks_round17",
          "modelcollapse.proofs.corpus_attacks_round18",
          "modelcollapse.proofs.corpus_attacks_round19",
          "modelcollapse.proofs.corpus_attacks_round20",
          "modelcollapse.proofs.corpus_attacks_round21",
          "modelcollapse.proofs.corpus_attacks_round22",
          "modelcollapse.proofs.corpus_attacks_round23",
          "modelcollapse.proofs.corpus_attacks_round24",
          "modelcollapse.proofs.corpus_attacks_round25",
          "modelcollapse.proofs.corpus_attacks_round26",
          "modelcollapse.proofs.corpus_attacks_round27", "modelcollapse.proofs.corpus_attacks_round28",
          "modelcollapse.proofs.corpus_attacks_round29", "modelcollapse.proofs.corpus_attacks_round30",
          "modelcollapse.proofs.corpus_attacks_round31", "modelcollapse.proofs.corpus_attacks_round32",
          "modelcollapse.proofs.corpus_attacks_round33", "modelcollapse.proofs.corpus_attacks_round34",
          "modelcollapse.proofs.corpus_attacks_round35", "modelcollapse.proofs.corpus_attacks_round36",
          "modelcollapse.proofs.corpus_attacks_round37", "modelcollapse.proofs.corpus_attacks_round38",
          "modelcollapse.proofs.corpus_attacks_round39", "modelcollapse.proofs.corpus_attacks_round40",
          "modelcollapse.proofs.corpus_attacks_round41", "modelcollapse.proofs.corpus_attacks_round42",
          "modelcollapse.proofs.corpus_attacks_round43", "modelcollapse.proofs.corpus_attacks_round44",
          "modelcollapse.proofs.corpus_attacks_round45", "modelcollapse.proofs.corpus_attacks_round46",
          "modelcollapse.proofs.corpus_attacks_round47", "modelcollapse.proofs.corpus_attacks_round48",
          "modelcollapse.proofs.corpus_attacks_round49", "modelcollapse.proofs.corpus_attacks_round50",
          "modelcollapse.proofs.corpus_attacks_round51", "modelcollapse.proofs.corpus_attacks_round52",
          "modelcollapse.proofs.corpus_attacks_round53", "modelcollapse.proofs.corpus_attacks_round54",
          "modelcollapse.proofs.corpus_attacks_round55", "modelcollapse.proofs.corpus_attacks_round56",
          "modelcollapse.proofs.corpus_attacks_round57", "modelcollapse.proofs.corpus_attacks_round58",
          "modelcollapse.proofs.corpus_attacks_round59", "modelcollapse.proofs.corpus_attacks_round60",
          "modelcollapse.proofs.corpus_attacks_round61", "modelcollapse.proofs.corpus_attacks_round62",
          "modelcollapse.proofs.corpus_attacks_round63",
          "modelcollapse.proofs.corpus_attacks_sampling",
          "modelcollapse.proofs.corpus_attacks_mixing", "modelcollapse.proofs.corpus_attacks_information",
          "modelcollapse.proofs.corpus_attacks_divergence")


_OWNER: dict = {}


def entries():
    """(name, build, expected) for every attack of every round present."""
    out = []
    for module_name in ROUNDS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
        for entry in module.attacks():
            _OWNER[entry[0]] = module
            out.append(tuple(entry))
    return out


def check(name, build):
    """Check one entry with the library its round gives it (some attacks cite lemmas)."""
    if not _OWNER:
        entries()
    return _OWNER[name].check_attack(name, build)


def run_corpus():
    """(name, rejected, for the stated reason) for every entry."""
    from .corpus_attacks import rejection_text

    out = []
    for name, build, expected in entries():
        rep = check(name, build)
        text = rejection_text(rep)
        out.append((name, not rep.ok, any(alt in text for alt in expected.split(" || "))))
    return out


if __name__ == "__main__":  # pragma: no cover - a report: python -m modelcollapse.proofs.corpus
    from .corpus_attacks import rejection_text

    for name, build, expected in entries():
        rep = check(name, build)
        text = rejection_text(rep)
        status = "ACCEPTED" if rep.ok else "rejected"
        right = rep.ok or any(alt in text for alt in expected.split(" || "))
        print(f"{name:45s} {status:9s} {text[:150]}" + ("" if right else "  [another reason]"))

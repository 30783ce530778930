"""The proof kernel and the proof builders (legacy proofs while the migration runs)."""

from .legacy import *  # noqa: F401,F403
from .legacy import AXIOMS, LEMMAS, Proof, ProofReport, Step, Verdict, axioms_of, check, check_proof, library, proof_of  # noqa: F401

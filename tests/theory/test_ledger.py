"""The claims ledger: every contract claim is present and decided from registered results.

A claim resting on a result that is not registered raises here: the test fails loudly until
the result lands."""

import json

import pytest

from modelcollapse import theory
from modelcollapse.numerics.cli import main
from modelcollapse.theory import ledger

CLAIM_IDS = ["claims.information_loss", "claims.compounding", "claims.long_tail", "claims.narrowing",
             "claims.smaller_flatter", "claims.curation", "claims.memory", "claims.evaluation"]


def test_every_contract_claim_is_in_the_ledger():
    assert [c.id for c in ledger.claims()] == CLAIM_IDS


@pytest.mark.parametrize("cid", CLAIM_IDS)
def test_claim_is_decided_from_registered_results(cid):
    claim = ledger.get(cid)
    for rid in claim.results:
        theory.get(rid)  # ValueError naming a result that has not landed
    decision = claim.decide()
    assert decision.verdict in ledger.VERDICTS
    assert decision.figures and all(f.result in claim.results or f.result.startswith("information.")
                                    for f in decision.figures)


def test_unknown_claim_is_a_value_error():
    with pytest.raises(ValueError, match="claims.nope"):
        ledger.get("claims.nope")


def test_decided_claims_follow_their_figures():
    d = ledger.get("claims.long_tail").decide()
    common, rare = d.figures[0].value, d.figures[1].value
    assert (d.verdict == "supported") == (rare < common)


def test_claims_json(capsys):
    code = main(["claims", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert [c["id"] for c in data["claims"]] == CLAIM_IDS
    for c in data["claims"]:
        assert {"id", "claim", "verdict", "results", "figures"} <= set(c)
    assert code == (0 if all(c["verdict"] != "undecided" for c in data["claims"]) else 1)

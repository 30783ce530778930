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


@pytest.mark.xdist_group("registry_proofs")  # reads registry proofs' reports: checked once on that worker
def test_claims_json(capsys):
    code = main(["claims", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert [c["id"] for c in data["claims"]] == CLAIM_IDS
    for c in data["claims"]:
        assert {"id", "claim", "verdict", "results", "figures"} <= set(c)
    assert code == (0 if all(c["verdict"] != "undecided" for c in data["claims"]) else 1)


def test_verify_takes_the_statuses_of_its_reports(monkeypatch):
    """The ledger in verify reads each result's status from the run's reports; a rejected one fails
    its claims, and a result the reports do not name is checked by the kernel."""
    from modelcollapse import proofs
    from modelcollapse.numerics.verify import ledger_checks
    fake = {"claims": [{"id": "claims.a", "verdict": "supported", "results": ["poisson.mean", "nope.missing"]},
                       {"id": "claims.b", "verdict": "supported", "results": ["poisson.variance"]}]}
    monkeypatch.setattr(ledger, "ledger", lambda on_missing="raise": fake)
    asked = []
    monkeypatch.setattr(proofs, "status", lambda rid: asked.append(rid) or "proved")
    out = ledger_checks(statuses={"poisson.mean": "rejected"})
    assert out[0]["statuses"] == {"poisson.mean": "rejected", "nope.missing": "not registered"}
    assert not out[0]["passed"] and out[1]["passed"] and asked == ["poisson.variance"]

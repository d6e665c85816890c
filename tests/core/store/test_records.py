"""Quotes to and from the analysis JSON the store keeps: the evidence comes back whole."""

from __future__ import annotations

import json

from reader.core.model import Cue, Evidence, Passage, Quote, Speaker, SpeakerPath
from reader.core.store.records import quote_from_dict

_QUOTE = Quote(
    start=1,
    end=20,
    text="We will build engines",
    fragments=((1, 20),),
    speaker=Speaker(30, 33, "she", "Ada Lovelace", "person:ada-lovelace"),
    cue=Cue(34, 38, "said"),
    evidence=Evidence(
        SpeakerPath.PRONOUN,
        0.875,
        antecedent=Passage(50, 62, "Ada Lovelace"),
        relay=Passage(70, 77, "Tribune"),
    ),
)


def test_a_quote_with_its_evidence_survives_the_json_round_trip():
    data = json.loads(json.dumps(_QUOTE.to_dict()))
    assert data["evidence"] == {
        "path": "pronoun",
        "cue": {"start": 34, "end": 38, "text": "said"},
        "antecedent": {"start": 50, "end": 62, "text": "Ada Lovelace"},
        "relay": {"start": 70, "end": 77, "text": "Tribune"},
        "confidence": 0.875,
    }
    assert quote_from_dict(data) == _QUOTE


def test_a_quote_stored_before_evidence_was_kept_reads_back_without_it():
    data = _QUOTE.to_dict()
    del data["evidence"]
    assert quote_from_dict(data).evidence is None
    assert quote_from_dict({**data, "evidence": None}).evidence is None

"""The confidence weighs the clues a rule can see: each clue against a speaker lowers it."""

from dataclasses import replace

import pytest
import spacy

from reader.core.analysis.quotes.context import Way
from reader.core.analysis.quotes.evidence import Clues, FoundEvidence, confidence
from reader.core.model import SpeakerPath

_PLAIN = Clues(
    cue_gap=1,
    speaker_gap=0,
    rivals=0,
    sentences_back=0,
    gender=0,
    named=True,
    cue_noun=False,
    clauses_between=0,
    personal=False,
    attached=True,
)
_NAMED = FoundEvidence(SpeakerPath.NAMED, Way.AFTER, None, None, _PLAIN)


@pytest.mark.parametrize(
    "doubt",
    [
        {"speaker_gap": 12},
        {"cue_gap": 15},
        {"rivals": 2},
        {"cue_noun": True},
        {"clauses_between": 1},
        {"attached": False},
        {"gender": -1},
    ],
)
def test_each_clue_against_the_speaker_lowers_the_confidence(doubt):
    doubtful = replace(_NAMED, clues=replace(_PLAIN, **doubt))
    assert confidence(doubtful, keyed=True) < confidence(_NAMED, keyed=True)


def test_a_relay_an_unknown_speaker_and_a_weaker_path_lower_it_too():
    sure = confidence(_NAMED, keyed=True)
    assert confidence(_NAMED, keyed=False) < sure
    relay = spacy.blank("en")("according to the Tribune")[3:4]
    assert confidence(replace(_NAMED, relay=relay), keyed=True) < sure
    assert confidence(replace(_NAMED, path=SpeakerPath.SUBJECT), keyed=True) < sure


def test_an_agreeing_gender_and_a_personal_pronoun_raise_a_pronoun_s():
    pronoun = replace(_NAMED, path=SpeakerPath.PRONOUN)
    personal = replace(pronoun, clues=replace(_PLAIN, personal=True))
    agreeing = replace(pronoun, clues=replace(_PLAIN, personal=True, gender=1))
    assert confidence(pronoun, True) < confidence(personal, True) < confidence(agreeing, True)


def test_the_confidence_stays_between_0_and_1():
    worst = replace(
        _NAMED,
        path=SpeakerPath.NONE,
        clues=replace(_PLAIN, speaker_gap=500, cue_gap=500, rivals=40, attached=False),
    )
    best = replace(_NAMED, path=SpeakerPath.LABEL, clues=replace(_PLAIN, gender=1))
    assert 0 <= confidence(worst, keyed=False) < 0.01
    assert 0.95 < confidence(best, keyed=True) <= 1

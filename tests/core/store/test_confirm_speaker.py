"""A confirmed speaker (issue 22, review mode): a correction like the others, kept with the
text, applied to every new analysis of it, in the JSON, undoable, and never doubtful again."""

from __future__ import annotations

import dataclasses

import pytest

from reader.core.model import Analysis, Evidence, Passage, SpeakerPath
from reader.core.render.evidence import is_doubtful
from reader.core.store.corrections import Correction, apply_corrections
from reader.core.store.database import Store, content_hash
from tests.core.library_articles import MODEL, fake_analysis

TEXT = (
    "Ada Lovelace met Tom Baker in Jordan.\n"
    "She spoke first. “Engines will weave patterns,” she said.\n"
    "“Not in my lifetime,” Baker said.\n"
)
SPEAKERS = {
    "Engines will weave patterns,": "person:ada-lovelace",
    "Not in my lifetime,": "person:tom-baker",
}


def analysed() -> Analysis:
    """The fake analysis with evidence: the first quote's speaker doubtful, through "she"."""
    analysis = fake_analysis(TEXT, speakers=SPEAKERS)
    first, second = analysis.quotes
    she = TEXT.index("she said")
    doubtful = Evidence(SpeakerPath.PRONOUN, 0.31, antecedent=Passage(0, 12, "Ada Lovelace"))
    first = dataclasses.replace(first, evidence=doubtful)
    first = dataclasses.replace(first, speaker=dataclasses.replace(first.speaker, start=she))
    second = dataclasses.replace(second, evidence=Evidence(SpeakerPath.NAMED, 0.93))
    return dataclasses.replace(analysis, quotes=(first, second))


@pytest.fixture
def analysis() -> Analysis:
    return analysed()


def test_confirming_makes_the_speaker_sure_and_keeps_what_was_found(analysis):
    first = analysis.quotes[0]
    assert is_doubtful(first)
    fixed = apply_corrections(analysis, [Correction("confirm_speaker", start=first.start)])
    confirmed = fixed.quotes[0]
    assert confirmed.speaker == first.speaker
    assert confirmed.corrected and not is_doubtful(confirmed)
    assert confirmed.evidence == Evidence(
        SpeakerPath.CONFIRMED, 1.0, antecedent=Passage(0, 12, "Ada Lovelace")
    )
    assert fixed.quotes[1] == analysis.quotes[1]
    record = fixed.to_dict()["quotes"][0]
    assert record["corrected"] is True
    assert (record["evidence"]["path"], record["evidence"]["confidence"]) == ("confirmed", 1.0)


def test_a_speaker_the_reader_chose_is_not_doubtful_either(analysis):
    first = analysis.quotes[0]
    chosen = Correction("speaker", start=first.start, speaker_key="person:tom-baker")
    fixed = apply_corrections(analysis, [chosen]).quotes[0]
    assert fixed.speaker.key == "person:tom-baker"
    assert fixed.evidence == Evidence(SpeakerPath.CONFIRMED, 1.0)
    assert not is_doubtful(fixed)


def test_confirming_a_quote_that_is_not_there_changes_nothing(analysis):
    assert apply_corrections(analysis, [Correction("confirm_speaker", start=3)]) == analysis


def test_confirmed_survives_a_re_analysis_and_is_undone(tmp_path, analysis):
    start = analysis.quotes[0].start
    with Store.open(tmp_path / "s.sqlite3") as store:
        store.save_analysis(analysis)
        digest = content_hash(analysis.article)
        store.add_correction(digest, Correction("confirm_speaker", start=start))
        store.clear()  # a new analysis of the same text: the correction is applied to it
        store.save_analysis(analysed())
        reloaded = store.cached_analysis(analysis.article, MODEL)
        assert reloaded.quotes[0].evidence.path is SpeakerPath.CONFIRMED
        assert not any(is_doubtful(q) for q in reloaded.quotes)
        assert store.undo_last_correction(digest).action == "confirm_speaker"
        assert store.cached_analysis(analysis.article, MODEL) == analysis

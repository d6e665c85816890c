"""The reader's corrections: each kind, undo, and their survival across re-analysis."""

from __future__ import annotations

import pytest

from reader.core.model import Kind
from reader.core.store.corrections import Correction, CorrectionError, apply_corrections
from reader.core.store.database import Store, content_hash
from tests.core.library_articles import MODEL, fake_analysis

TEXT = (
    "Ada Lovelace met Tom Baker in Jordan.\n"
    "“Engines will weave patterns,” Lovelace said.\n"
    "“Not in my lifetime,” Baker said, and Jordan agreed.\n"
)
QUOTED = {
    "Engines will weave patterns,": "person:ada-lovelace",
    "Not in my lifetime,": "person:tom-baker",
}


@pytest.fixture
def analysis():
    return fake_analysis(TEXT, speakers=QUOTED)


def test_rename_changes_every_mention_and_the_speaker_name(analysis):
    fixed = apply_corrections(
        analysis, [Correction("rename", key="person:tom-baker", name="T. Baker")]
    )
    renamed = [m for m in fixed.mentions if m.key == "person:tom-baker"]
    assert [m.name for m in renamed] == ["T. Baker", "T. Baker"]
    assert all(m.corrected for m in renamed)
    assert not any(m.corrected for m in fixed.mentions if m.key != "person:tom-baker")
    assert fixed.quotes[1].speaker.name == "T. Baker" and fixed.quotes[1].corrected
    assert not fixed.quotes[0].corrected


def test_merge_moves_mentions_and_quotes_into_the_first_entity(analysis):
    fixed = apply_corrections(
        analysis, [Correction("merge", key="person:ada-lovelace", other_key="person:tom-baker")]
    )
    assert {m.key for m in fixed.mentions if m.kind == Kind.PERSON} == {"person:ada-lovelace"}
    assert {m.name for m in fixed.mentions if m.kind == Kind.PERSON} == {"Ada Lovelace"}
    assert fixed.quotes[1].speaker.key == "person:ada-lovelace"
    assert len(fixed.entities) == 2


def test_split_takes_one_mention_off_its_entity(analysis):
    jordan = [m for m in analysis.mentions if m.text == "Jordan"]
    second = jordan[1]
    fixed = apply_corrections(
        analysis,
        [
            Correction(
                "split", start=second.start, end=second.end, name="Michael Jordan", kind="PERSON"
            )
        ],
    )
    moved = next(m for m in fixed.mentions if m.start == second.start)
    assert (moved.key, moved.name, moved.kind, moved.corrected) == (
        "person:michael-jordan",
        "Michael Jordan",
        Kind.PERSON,
        True,
    )
    kept = next(m for m in fixed.mentions if m.start == jordan[0].start)
    assert (kept.key, kept.corrected) == ("country:jo", False)


def test_kind_changes_the_kind_of_every_mention(analysis):
    fixed = apply_corrections(analysis, [Correction("kind", key="country:jo", kind="ORG")])
    assert {m.kind for m in fixed.mentions if m.key == "country:jo"} == {Kind.ORG}


def test_speaker_is_set_to_the_entity_mention_before_the_quote_or_cleared(analysis):
    first, second = analysis.quotes
    fixed = apply_corrections(
        analysis,
        [
            Correction("speaker", start=first.start, speaker_key="person:tom-baker"),
            Correction("speaker", start=second.start),
        ],
    )
    speaker = fixed.quotes[0].speaker
    assert (speaker.key, speaker.name, speaker.text) == (
        "person:tom-baker",
        "Tom Baker",
        "Tom Baker",
    )
    assert speaker.start < first.start
    assert fixed.quotes[1].speaker is None
    assert all(q.corrected for q in fixed.quotes)
    assert fixed.to_dict()["quotes"][1]["corrected"] is True


def test_a_correction_of_something_not_in_the_analysis_changes_nothing(analysis):
    fixed = apply_corrections(
        analysis,
        [Correction("rename", key="person:nobody", name="X"), Correction("split", start=1, end=2)],
    )
    assert fixed == analysis


@pytest.mark.parametrize(
    "fields",
    [
        {"action": "explode"},
        {"action": "rename", "key": "person:x"},
        {"action": "kind", "key": "person:x", "kind": "PLANET"},
    ],
)
def test_an_incomplete_or_unknown_correction_is_refused(fields):
    with pytest.raises(CorrectionError):
        Correction(**fields)


def test_corrections_survive_a_re_analysis_and_undo_in_order(tmp_path, analysis):
    with Store.open(tmp_path / "s.sqlite3") as store:
        store.save_analysis(analysis)
        digest = content_hash(analysis.article)
        first = store.add_correction(digest, Correction("rename", key="country:jo", name="Kingdom"))
        second = store.add_correction(
            digest, Correction("merge", key="person:ada-lovelace", other_key="person:tom-baker")
        )
        assert second > first
        # Re-analysis with the same pipeline: the store gets a fresh analysis of the same text.
        store.clear()
        store.save_analysis(fake_analysis(TEXT, speakers=QUOTED))

        reloaded = store.cached_analysis(analysis.article, MODEL)
        record = reloaded.to_dict()
        assert {e["name"] for e in record["entities"] if e["key"] == "country:jo"} == {"Kingdom"}
        assert all(e.get("corrected") for e in record["entities"] if e["text"] == "Baker")
        assert record["quotes"][1]["speaker"]["key"] == "person:ada-lovelace"

        undone = store.undo_last_correction(digest)
        assert undone.action == "merge"
        assert store.cached_analysis(analysis.article, MODEL).quotes[1].speaker.key == (
            "person:tom-baker"
        )
        assert store.undo_last_correction(digest).action == "rename"
        assert store.undo_last_correction(digest) is None
        assert store.cached_analysis(analysis.article, MODEL) == analysis

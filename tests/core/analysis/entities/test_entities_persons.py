"""Untagged names that speak a quote, on hand-made Docs (no model): which become persons."""

from spacy.tokens import Doc

from reader.core.analysis.entities import mentions_from_doc
from reader.core.analysis.entities.candidates import Candidate
from reader.core.analysis.entities.persons import with_speaking_names
from reader.core.analysis.quotes import SPANS_KEY
from reader.core.model import Kind
from tests.core.analysis.entities.entity_docs import found, labelled


def spoken_by(text: str, quote: str, speaker: str) -> Doc:
    """`text` with no entities and one quote, `quote`, whose speaker is `speaker` (the last
    occurrence of each), as the quote finder would leave them."""
    doc = labelled(text)
    start = text.rindex(quote)
    span = doc.char_span(start, start + len(quote), alignment_mode="expand")
    at = text.rindex(speaker)
    doc.spans[SPANS_KEY] = [span]
    doc.spans[SPANS_KEY][0]._.quote_speaker = doc.char_span(at, at + len(speaker))
    return doc


def added(doc: Doc) -> list[tuple[str, Kind | None]]:
    return [(doc[c.start : c.end].text, c.kind) for c in with_speaking_names(doc, [])]


def test_an_untagged_name_speaking_a_quote_is_added_as_a_person():
    doc = spoken_by("Talks fail . “ We were close , ” Okafor said .", "We were close", "Okafor")
    assert added(doc) == [("Okafor", Kind.PERSON)]


def test_a_name_the_article_writes_after_an_outlet_noun_is_not_added():
    doc = spoken_by(
        "The airport will close , the news agency Velkor reported . "
        "“ All flights will move , ” Velkor said .",
        "All flights will move",
        "Velkor",
    )
    assert added(doc) == []


def test_a_name_the_article_writes_after_the_is_not_added():
    doc = spoken_by(
        "The Harbor Board met . “ We agree , ” Harbor Board said .", "We agree", "Harbor Board"
    )
    assert added(doc) == []


def test_a_speaker_already_covered_by_a_candidate_is_left_to_it():
    doc = spoken_by("“ We agree , ” Okafor said .", "We agree", "Okafor")
    at = [t.text for t in doc].index("Okafor")
    kept = Candidate(at, at + 1, Kind.ORG)
    assert with_speaking_names(doc, [kept]) == [kept]


def test_a_name_opened_by_an_honorific_is_a_person_whatever_its_label():
    doc = labelled(
        "Councillor Ruben Tasse spoke . The Mayor 's Office agreed .",
        ("Councillor Ruben Tasse", "ORG"),
        ("Mayor 's Office", "ORG"),
    )
    assert found(mentions_from_doc(doc)) == [("Ruben Tasse", "PERSON"), ("Mayor 's Office", "ORG")]


def test_civic_titles_are_no_part_of_a_persons_name():
    doc = labelled(
        "State Treasurer Nadia Ferro called him a salesman .",
        ("Treasurer Nadia Ferro", "PERSON"),
    )
    assert [(m.text, m.key) for m in mentions_from_doc(doc)] == [
        ("Nadia Ferro", "person:nadia-ferro")
    ]

"""Family members by title and surname: a "Mrs. X" never takes the key of a full name the
article shows male, and a "Mr. X" never one it shows female (`titled_surnames`).

The articles are written for these tests.
"""

import pytest

from reader.core.analysis.entities import mentions_from_doc
from reader.core.analysis.pipeline import load_pipeline, prepare


@pytest.fixture(scope="module")
def nlp():
    return prepare(load_pipeline())


def person_keys(nlp, text: str) -> list[tuple[str, str]]:
    """Each person mention's text and key, in text order."""
    return [(m.text, m.key) for m in mentions_from_doc(nlp(text)) if str(m.kind) == "PERSON"]


def test_mrs_is_not_the_husband_the_article_calls_mr_real_model(nlp):
    text = (
        "Senator dies at 80\n\n"
        "John Vance, the former senator, died on Sunday. Mr. Vance served three terms.\n\n"
        "Mrs. Vance said the family was grateful for the support.\n"
    )
    keys = person_keys(nlp, text)
    assert keys[:2] == [("John Vance", "person:john-vance"), ("Vance", "person:john-vance")]
    assert keys[2] == ("Vance", "person:vance")


def test_mrs_takes_the_woman_named_in_full_when_he_is_the_husband_real_model(nlp):
    text = (
        "Senator dies at 80\n\n"
        "John Vance, the former senator, died on Sunday. He served three terms.\n\n"
        "His widow, Anna Vance, thanked the nurses. Mrs. Vance said the family was grateful.\n"
    )
    assert person_keys(nlp, text) == [
        ("John Vance", "person:john-vance"),
        ("Anna Vance", "person:anna-vance"),
        ("Vance", "person:anna-vance"),
    ]


def test_mr_is_not_the_woman_the_article_refers_to_as_she_real_model(nlp):
    text = (
        "Mayor re-elected\n\n"
        "Claire Dunn won a second term on Tuesday. She thanked voters.\n\n"
        "Mr. Dunn, her husband, said he was proud.\n"
    )
    assert person_keys(nlp, text) == [
        ("Claire Dunn", "person:claire-dunn"),
        ("Dunn", "person:dunn"),
    ]

"""Layouts of agency copy: datelines of every era, lone surnames never introduced."""

from reader.core.analysis.entities import mentions_from_doc
from tests.core.analysis.entities.entity_docs import found, labelled


def test_places_on_a_dateline_before_the_agency_are_no_organizations():
    doc = labelled(
        "OSLO/BERGEN, Mar 4 (Reuters) - Port workers struck on Monday.",
        ("OSLO/BERGEN", "ORG"),
    )
    assert mentions_from_doc(doc) == ()


def test_a_country_on_a_dateline_stays_a_country():
    doc = labelled("SINGAPORE (Reuters) - Prices rose.", ("SINGAPORE", "ORG"))
    assert found(mentions_from_doc(doc)) == [("SINGAPORE", "COUNTRY")]


def test_in_modern_wire_copy_a_lone_word_never_introduced_as_a_person_is_left_out():
    doc = labelled(
        "LISBON (Reuters) - Talks on Frexit stalled as Ana Sousa said a deal was near. Sousa left.",
        ("Frexit", "PERSON"),
        ("Ana Sousa", "PERSON"),
        ("Sousa", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [("Ana Sousa", "PERSON"), ("Sousa", "PERSON")]

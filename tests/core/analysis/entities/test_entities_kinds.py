"""One kind per name (issue 21, deliverable 2): a person's shape beats the model's ORG tag."""

from reader.core.analysis.entities import mentions_from_doc
from reader.core.analysis.entities.candidates import Candidate
from reader.core.analysis.entities.kinds import person_shaped
from reader.core.model import Kind
from tests.core.analysis.entities.entity_docs import found, labelled


def test_a_given_name_and_surname_tagged_org_is_a_person_and_so_is_its_surname():
    doc = labelled(
        "The network chose CBS's Walter Penhall to moderate. Penhall asked about taxes.",
        ("CBS", "ORG"),
        ("Walter Penhall", "ORG"),
        ("Penhall", "ORG"),
    )
    mentions = mentions_from_doc(doc)
    assert found(mentions) == [
        ("CBS", "ORG"),
        ("Walter Penhall", "PERSON"),
        ("Penhall", "PERSON"),
    ]
    assert {m.key for m in mentions[1:]} == {"person:walter-penhall"}


def test_a_middle_name_and_a_later_surname_tagged_person_make_one_person():
    doc = labelled(
        "Police shot Keith Arlen Dorsey on Tuesday. Dorsey was 43.",
        ("Keith Arlen Dorsey", "ORG"),
        ("Dorsey", "PERSON"),
    )
    mentions = mentions_from_doc(doc)
    assert found(mentions) == [("Keith Arlen Dorsey", "PERSON"), ("Dorsey", "PERSON")]
    assert {m.key for m in mentions} == {"person:keith-arlen-dorsey"}


def test_a_name_without_a_given_name_of_the_list_or_with_a_legal_form_stays_an_organization():
    doc = labelled(
        "Shares of Brannock Talvero rose, and Walter Penhall Inc fell.",
        ("Brannock Talvero", "ORG"),
        ("Walter Penhall Inc", "ORG"),
    )
    assert found(mentions_from_doc(doc)) == [
        ("Brannock Talvero", "ORG"),
        ("Walter Penhall Inc", "ORG"),
    ]


def test_a_company_noun_before_a_person_shaped_name_still_makes_it_an_organization():
    doc = labelled(
        "Retailer Walter Penhall cut 300 jobs. Walter Penhall said sales fell.",
        ("Walter Penhall", "ORG"),
        ("Walter Penhall", "ORG"),
    )
    assert found(mentions_from_doc(doc)) == [("Walter Penhall", "ORG"), ("Walter Penhall", "ORG")]


def test_the_shape_is_a_given_name_then_capitalized_words_or_initials():
    doc = labelled("Jill NBC , Joseph R. Biden , Gary R. and Keith Arlen Dorsey Smith .")
    shapes = {
        (start, end): person_shaped(doc, Candidate(start, end, Kind.ORG))
        for start, end in [(0, 2), (3, 6), (7, 9), (10, 14)]
    }
    assert shapes == {(0, 2): False, (3, 6): True, (7, 9): False, (10, 14): False}


def test_a_person_tag_on_a_name_ending_in_an_institution_or_a_trade_is_an_organization():
    doc = labelled(
        "The Harlan Birch Society met. Harlan Coal cut jobs, and Harlan Coal lost money.",
        ("Harlan Birch Society", "PERSON"),
        ("Harlan Coal", "PERSON"),
        ("Harlan Coal", "PERSON"),
    )
    assert [(m.text, m.key) for m in mentions_from_doc(doc)] == [
        ("Harlan Birch Society", "org:harlan-birch-society"),
        ("Harlan Coal", "org:harlan-coal"),
        ("Harlan Coal", "org:harlan-coal"),
    ]


def test_a_person_whose_surname_is_court_stays_a_person():
    doc = labelled("Margo Court won the final.", ("Margo Court", "PERSON"))
    assert found(mentions_from_doc(doc)) == [("Margo Court", "PERSON")]

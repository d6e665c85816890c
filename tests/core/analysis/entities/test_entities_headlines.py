"""Headline wording never becomes a name, a display name or a key."""

from reader.core.analysis.entities import mentions_from_doc
from reader.core.model import Kind
from tests.core.analysis.entities.entity_docs import found, labelled


def test_a_title_case_headline_verb_splits_the_names_around_it():
    doc = labelled(
        "Mayor Vance Warns Governor Lyle On Budget\n"
        "Mayor Ada Vance warned Governor Tom Lyle on Friday. Vance said cuts loom.",
        ("Vance Warns Governor Lyle", "PERSON"),
        ("Ada Vance", "PERSON"),
        ("Tom Lyle", "PERSON"),
        ("Vance", "PERSON"),
    )
    mentions = mentions_from_doc(doc)
    assert [m.text for m in mentions if m.kind is Kind.PERSON][:2] == ["Vance", "Lyle"]
    assert {m.name for m in mentions} == {"Ada Vance", "Tom Lyle"}


def test_a_verb_opening_a_sentence_is_not_part_of_the_name_after_it():
    doc = labelled(
        "Praising Rosa Delgado, the senator left. Later Rosa Delgado spoke.\n"
        "Praising Rosa Delgado again, he sat.",
        ("Praising Rosa Delgado", "PERSON"),
        ("Rosa Delgado", "PERSON"),
        ("Praising Rosa Delgado", "PERSON"),
    )
    mentions = mentions_from_doc(doc)
    assert [m.text for m in mentions] == ["Rosa Delgado"] * 3
    assert {m.key for m in mentions} == {"person:rosa-delgado"}


def test_a_headline_organization_of_words_the_body_writes_in_lower_case_is_no_entity():
    text = (
        "Bakers Brace for Flour Limits\n\n"
        "Several bakers said they would brace for shortages as the flour limits near.\n"
    )
    doc = labelled(text, ("Bakers Brace", "ORG"))
    assert found(mentions_from_doc(doc)) == []


def test_a_headline_organization_the_body_names_stays():
    text = (
        "Bakers Union Warns of Flour Limits\n\n"
        "The Bakers Union said union bakers would warn of limits.\n"
    )
    doc = labelled(text, ("Bakers Union", "ORG"), ("Bakers Union", "ORG"))
    assert found(mentions_from_doc(doc)) == [("Bakers Union", "ORG")] * 2


def test_what_a_split_leaves_of_a_headline_organization_the_body_never_names_is_dropped():
    text = (
        "Port Traffic Grows on Lake Vell\n\n"
        "Ferries to the port ran full. Brava Lines added a route on Lake Vell.\n"
    )
    doc = labelled(
        text, ("Port Traffic Grows", "ORG"), ("Brava Lines", "ORG"), ("Lake Vell", "LOC")
    )
    assert found(mentions_from_doc(doc)) == [("Brava Lines", "ORG")]


def test_a_split_headline_organization_the_body_names_keeps_its_name():
    text = (
        "Brava Lines Shares Slide on Lake Vell\n\n"
        "Brava Lines said shares would slide as ferries ran empty.\n"
    )
    doc = labelled(text, ("Brava Lines Shares Slide", "ORG"), ("Brava Lines", "ORG"))
    assert found(mentions_from_doc(doc)) == [("Brava Lines", "ORG")] * 2

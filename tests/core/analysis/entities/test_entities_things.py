"""Names of things that are neither persons nor organizations, and names run together."""

from reader.core.analysis.entities import mentions_from_doc
from tests.core.analysis.entities.entity_docs import found, labelled


def test_a_name_with_a_number_hyphenated_on_names_a_thing():
    doc = labelled(
        "Clinics treating XR-7 fever and the KV-12 virus reopened, Medica Group said.",
        ("XR-7", "ORG"),
        ("KV-12", "PERSON"),
        ("Medica Group", "ORG"),
    )
    assert found(mentions_from_doc(doc)) == [("Medica Group", "ORG")]


def test_a_possessive_inside_one_name_splits_the_owner_from_the_person():
    doc = labelled(
        "Halvorsen Racing’s Tomas Eriksen won. Then Tomas Eriksen left.",
        ("Halvorsen Racing’s Tomas Eriksen", "PERSON"),
        ("Tomas Eriksen", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [
        ("Halvorsen Racing", "ORG"),
        ("Tomas Eriksen", "PERSON"),
        ("Tomas Eriksen", "PERSON"),
    ]


def test_a_person_owning_a_company_in_capitals_keeps_both():
    doc = labelled(
        "It is Italy’s answer to Marco Bellini’s GVT.", ("Marco Bellini’s GVT", "PERSON")
    )
    assert found(mentions_from_doc(doc)) == [
        ("Italy", "COUNTRY"),
        ("Marco Bellini", "PERSON"),
        ("GVT", "ORG"),
    ]


def test_a_possessive_in_an_institution_s_name_stays_inside_it():
    doc = labelled(
        "The Harbour Pilots’s Benevolent Association met.",
        ("Harbour Pilots’s Benevolent Association", "ORG"),
    )
    assert found(mentions_from_doc(doc)) == [("Harbour Pilots’s Benevolent Association", "ORG")]


def test_names_joined_by_and_are_two_unless_an_institution_ends_them():
    doc = labelled(
        "Ravel Capital and Norbank advise. The Office for Ports and Harbours and "
        "the Lumber and Paper Board agreed.",
        ("Ravel Capital and Norbank", "ORG"),
        ("Office for Ports and Harbours", "ORG"),
        ("Lumber and Paper Board", "ORG"),
    )
    assert found(mentions_from_doc(doc)) == [
        ("Ravel Capital", "ORG"),
        ("Norbank", "ORG"),
        ("Office for Ports and Harbours", "ORG"),
        ("Lumber and Paper Board", "ORG"),
    ]


def test_a_gallery_caption_names_nobody():
    doc = labelled(
        "Slideshow (7 images)\nMarta Ruiz opened the fair.",
        ("Slideshow", "PERSON"),
        ("Marta Ruiz", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [("Marta Ruiz", "PERSON")]


def test_a_common_word_opening_a_sentence_names_nobody():
    doc = labelled(
        "Turnout was low in the capital. Officials blamed the rain for the low turnout.",
        ("Turnout", "PERSON"),
    )
    assert mentions_from_doc(doc) == ()


def test_a_name_that_is_also_a_word_stays_when_named_inside_a_sentence():
    doc = labelled(
        "Rose said the bill was fair. Aides of Rose agreed, and the rose garden bloomed.",
        ("Rose", "PERSON"),
        ("Rose", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [("Rose", "PERSON"), ("Rose", "PERSON")]


def test_a_pronoun_the_model_labelled_is_no_person():
    doc = labelled(
        "Ada Brun - He was the first director.", ("Ada Brun", "PERSON"), ("He", "PERSON")
    )
    assert found(mentions_from_doc(doc)) == [("Ada Brun", "PERSON")]


def test_a_platform_posted_on_is_no_actor():
    doc = labelled(
        "Mayor Lin Ode wrote on Chirper that Chirper itself would move. Aides focused on Ode.",
        ("Lin Ode", "PERSON"),
        ("Chirper", "PERSON"),
        ("Chirper", "ORG"),
        ("Ode", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [
        ("Lin Ode", "PERSON"),
        ("Chirper", "ORG"),
        ("Ode", "PERSON"),
    ]

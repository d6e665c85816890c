"""Words that open a sentence or a body and name no person (a body's dateline in capitals,
a lone common noun opening a sentence), and an institution's name the model missed. The
articles are written for these tests."""

from reader.core.analysis.entities import mentions_from_doc
from tests.core.analysis.entities.entity_docs import found, labelled

VOTE = (
    "Council Vote Ends In Tie\n\n"
    "By Rui Gomes\n\n"
    "PORTOVA, Portugal, June 2, 2025 — The council of Portova split evenly on Monday.\n\n"
    "Portova has waited long enough, said Rui Gomes.\n"
)


def test_a_body_dateline_in_capitals_is_a_place_and_its_name_no_person_elsewhere():
    doc = labelled(
        VOTE,
        ("Rui Gomes", "PERSON"),
        ("Portugal", "GPE"),
        ("Portova", "GPE"),
        ("Portova", "PERSON"),
        ("Rui Gomes", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [
        ("Rui Gomes", "PERSON"),
        ("Portugal", "COUNTRY"),
        ("Rui Gomes", "PERSON"),
    ]


def test_a_dateline_place_the_model_calls_a_person_is_no_person_anywhere():
    text = (
        "Ferries Return\n\nCORVA — Ferries sailed on Monday. Corva welcomed them, said Ana Reis.\n"
    )
    doc = labelled(text, ("CORVA", "PERSON"), ("Corva", "PERSON"), ("Ana Reis", "PERSON"))
    assert found(mentions_from_doc(doc)) == [("Ana Reis", "PERSON")]


def test_a_dateline_place_stays_a_place_though_a_person_s_name_opens_with_it():
    text = (
        "Ferries Return\n\nFAROL — Ferries sailed on Monday as Farol Rovers fans cheered. "
        "Farol has two ports, said Ana Reis.\n"
    )
    doc = labelled(text, ("Farol Rovers", "PERSON"), ("Farol", "GPE"), ("Ana Reis", "PERSON"))
    assert ("Farol", "PERSON") not in found(mentions_from_doc(doc))


def test_a_headline_in_capitals_with_a_dash_is_no_dateline():
    text = "FERRO -- Ferro Maritime Holdings\n\nOn Monday Ferro said it would sign.\n"
    doc = labelled(text, ("FERRO", "PERSON"), ("Ferro", "PERSON"))
    # not a place: the steps after the dateline's decide its kind (here a company's)
    assert found(mentions_from_doc(doc))[0][0] == "FERRO"


def test_a_lone_common_noun_opening_a_sentence_is_no_person():
    text = "Count ends\n\nAttendance was 62 percent, the highest since 2005, said Ines Paz.\n"
    doc = labelled(text, ("Attendance", "PERSON"), ("Ines Paz", "PERSON"))
    assert found(mentions_from_doc(doc)) == [("Ines Paz", "PERSON")]


def test_a_dictionary_word_the_article_names_inside_a_sentence_stays_a_person():
    text = "Count ends\n\nMason won the seat.\n\nVoters chose Mason over two rivals.\n"
    doc = labelled(text, ("Mason", "PERSON"), ("Mason", "PERSON"))
    assert found(mentions_from_doc(doc)) == [("Mason", "PERSON"), ("Mason", "PERSON")]


def test_the_capitalized_words_of_an_institution_the_model_missed_are_an_organization():
    text = "Count ends\n\nJoao Reis of the Ferry Pilots Union welcomed the result.\n"
    doc = labelled(text, ("Joao Reis", "PERSON"))
    assert found(mentions_from_doc(doc)) == [
        ("Joao Reis", "PERSON"),
        ("Ferry Pilots Union", "ORG"),
    ]


def test_an_institution_word_in_a_title_case_headline_makes_no_organization():
    text = "Deal For The Ferry Pilots Union\n\nJoao Reis spoke.\n"
    doc = labelled(text, ("Joao Reis", "PERSON"))
    assert found(mentions_from_doc(doc)) == [("Joao Reis", "PERSON")]

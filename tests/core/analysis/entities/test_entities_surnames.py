"""Whom a bare surname stands for when several full names end in it (`naming._SurnameOwner`).

The articles are written for these tests; the docs are hand-labelled (no model loaded).
"""

from reader.core.analysis.entities import mentions_from_doc
from tests.core.analysis.entities.entity_docs import labelled


def keys(doc) -> list[tuple[str, str]]:
    return [(m.text, m.key) for m in mentions_from_doc(doc)]


def test_the_second_bearer_written_in_full_every_time_does_not_take_the_surname():
    doc = labelled(
        "Harold Vance unveiled a housing plan. Vance said rents would fall. "
        "His daughter Kira Vance praised it. Kira Vance spoke first. Kira Vance left early. "
        "Vance took questions.",
        ("Harold Vance", "PERSON"),
        ("Vance", "PERSON"),
        ("Kira Vance", "PERSON"),
        ("Kira Vance", "PERSON"),
        ("Kira Vance", "PERSON"),
        ("Vance", "PERSON"),
    )
    bare = [key for text, key in keys(doc) if text == "Vance"]
    assert bare == ["person:harold-vance", "person:harold-vance"]


def test_the_surname_of_a_headline_is_the_person_the_body_introduces_first():
    doc = labelled(
        "Brandt visits wife Lena in hospital\n"
        "President Otto Brandt visited his wife Lena Brandt on Sunday. Lena Brandt is "
        "recovering. Lena Brandt thanked the doctors. Brandt returned to his office.",
        ("Brandt", "PERSON"),
        ("Otto Brandt", "PERSON"),
        ("Lena Brandt", "PERSON"),
        ("Lena Brandt", "PERSON"),
        ("Lena Brandt", "PERSON"),
        ("Brandt", "PERSON"),
    )
    found = keys(doc)
    assert found[0] == ("Brandt", "person:otto-brandt")
    assert found[-1] == ("Brandt", "person:otto-brandt")


def test_the_surname_is_the_person_the_article_habitually_calls_mr():
    doc = labelled(
        "President Okafor opened the summit. Mr. Okafor said trade mattered. Mr. Okafor "
        "left at noon. The first lady, Ada Okafor, visited a school. "
        "Supporters marked Festus Okafor Day.",
        ("Okafor", "PERSON"),
        ("Okafor", "PERSON"),
        ("Okafor", "PERSON"),
        ("Ada Okafor", "PERSON"),
        ("Festus Okafor", "PERSON"),
    )
    assert [key for _, key in keys(doc)] == [
        "person:festus-okafor",
        "person:festus-okafor",
        "person:festus-okafor",
        "person:ada-okafor",
        "person:festus-okafor",
    ]


def test_a_surname_used_alone_only_before_another_full_name_keeps_its_own_key():
    doc = labelled(
        "A rally in Leeds\n"
        "Marsh spoke for an hour in Leeds. Marsh said the vote mattered.\n"
        "Later, Nora Marsh met volunteers. Nora Marsh thanked them.",
        ("Marsh", "PERSON"),
        ("Marsh", "PERSON"),
        ("Nora Marsh", "PERSON"),
        ("Nora Marsh", "PERSON"),
    )
    assert [key for _, key in keys(doc)] == [
        "person:marsh",
        "person:marsh",
        "person:nora-marsh",
        "person:nora-marsh",
    ]


def test_a_surname_used_alone_before_and_after_its_full_name_is_that_person():
    doc = labelled(
        "A rally in Leeds\n"
        "Marsh spoke for an hour in Leeds. Marsh said the vote mattered.\n"
        "Nora Marsh, 52, is a former teacher. Nora Marsh won in 2019. Marsh will serve.",
        ("Marsh", "PERSON"),
        ("Marsh", "PERSON"),
        ("Nora Marsh", "PERSON"),
        ("Nora Marsh", "PERSON"),
        ("Marsh", "PERSON"),
    )
    assert {key for _, key in keys(doc)} == {"person:nora-marsh"}


def test_a_surname_of_the_title_line_only_takes_the_later_full_name():
    doc = labelled(
        "Marsh wins council seat\nNora Marsh won on Tuesday. Nora Marsh thanked voters.",
        ("Marsh", "PERSON"),
        ("Nora Marsh", "PERSON"),
        ("Nora Marsh", "PERSON"),
    )
    assert {key for _, key in keys(doc)} == {"person:nora-marsh"}


def test_a_surname_alone_takes_the_full_name_it_opens_before_a_suffix():
    doc = labelled(
        "Senator Harlan B. Voss Jr. opened the hearing. Voss said it would be short.",
        ("Harlan B. Voss Jr.", "PERSON"),
        ("Voss", "PERSON"),
    )
    assert {key for _, key in keys(doc)} == {"person:harlan-b-voss-jr"}


def test_a_surname_with_a_straight_apostrophe_is_the_full_name_with_a_curly_one():
    doc = labelled(
        "Police Commissioner Aidan O’Brannagh spoke first. O'Brannagh said the street was safe.",
        ("Aidan O’Brannagh", "PERSON"),
        ("O'Brannagh", "PERSON"),
    )
    assert {key for _, key in keys(doc)} == {"person:aidan-o-brannagh"}

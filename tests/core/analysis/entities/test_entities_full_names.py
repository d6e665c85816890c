"""Persons' full names where the model cut them short, and titles left out of names."""

from reader.core.analysis.entities import mentions_from_doc
from tests.core.analysis.entities.entity_docs import found, labelled


def test_a_missed_full_name_opening_a_paragraph_is_recovered_and_keys_the_person():
    doc = labelled(
        "Ilse Marwick said the port would reopen.\nOfficials agreed, and Marwick left.",
        ("Marwick", "PERSON"),
    )
    mentions = mentions_from_doc(doc)
    assert found(mentions) == [("Ilse Marwick", "PERSON"), ("Marwick", "PERSON")]
    assert {m.key for m in mentions} == {"person:ilse-marwick"}


def test_a_name_with_particles_is_one_name():
    doc = labelled("Commission President Greta von der Aalst spoke.", ("Greta", "PERSON"))
    assert found(mentions_from_doc(doc)) == [("Greta von der Aalst", "PERSON")]


def test_a_nickname_in_quotes_between_first_name_and_surname_is_part_of_the_name():
    doc = labelled(
        "Estonia’s Rein “rainz” Tamm had 30 kills while Pia “pix” Lund had 20.",
        ("Estonia", "GPE"),
        ("Rein", "PERSON"),
        ("Tamm", "PERSON"),
        ("Lund", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [
        ("Estonia", "COUNTRY"),
        ("Rein “rainz” Tamm", "PERSON"),
        ("Pia “pix” Lund", "PERSON"),
    ]


def test_a_councillor_s_title_stays_out_of_the_name_and_key():
    doc = labelled(
        "Councillor Amos Tenby voted no. Tenby said so.",
        ("Councillor Amos Tenby", "PERSON"),
        ("Tenby", "PERSON"),
    )
    mentions = mentions_from_doc(doc)
    assert found(mentions) == [("Amos Tenby", "PERSON"), ("Tenby", "PERSON")]
    assert {m.key for m in mentions} == {"person:amos-tenby"}

"""A word glued before a person's name that the article writes without it (issue 21,
deliverable 2): cut, with exact keys; a given name the list lacks is kept in the body."""

from reader.core.analysis.entities import mentions_from_doc
from tests.core.analysis.entities.entity_docs import labelled


def keyed(doc):
    return [(m.text, m.key) for m in mentions_from_doc(doc)]


def test_a_title_word_before_a_given_name_and_surname_is_cut():
    doc = labelled(
        "The former Miss Galaxy Alicia Vantreight spoke. Alicia Vantreight thanked fans.",
        ("Galaxy Alicia Vantreight", "PERSON"),
        ("Alicia Vantreight", "PERSON"),
    )
    assert keyed(doc) == [
        ("Alicia Vantreight", "person:alicia-vantreight"),
        ("Alicia Vantreight", "person:alicia-vantreight"),
    ]


def test_an_adjective_before_a_surname_on_the_title_line_is_cut():
    doc = labelled(
        "Feckless Quennell and Ashby;\nThe mayor said Quennell erred. Quennell left.",
        ("Feckless Quennell", "PERSON"),
        ("Ashby", "PERSON"),
        ("Quennell", "PERSON"),
        ("Quennell", "PERSON"),
    )
    assert keyed(doc) == [
        ("Quennell", "person:quennell"),
        ("Ashby", "person:ashby"),
        ("Quennell", "person:quennell"),
        ("Quennell", "person:quennell"),
    ]


def test_the_title_line_gets_no_missed_first_name_that_is_no_given_name():
    doc = labelled(
        "Feckless Quennell and Ashby;\nThe mayor said Quennell erred.",
        ("Quennell", "PERSON"),
        ("Ashby", "PERSON"),
        ("Quennell", "PERSON"),
    )
    assert keyed(doc)[0] == ("Quennell", "person:quennell")


def test_a_full_name_opening_a_body_sentence_keeps_a_given_name_the_list_lacks():
    doc = labelled(
        "Golf results.\nNolan Brisby fired a 67 on Sunday.\nBrisby led by two.",
        ("Nolan Brisby", "PERSON"),
        ("Brisby", "PERSON"),
    )
    assert keyed(doc) == [
        ("Nolan Brisby", "person:nolan-brisby"),
        ("Brisby", "person:nolan-brisby"),
    ]

"""Names that are no persons: a preposition opening the sentence, a work's title, a group's
name. The articles are written for these tests; the model's entities are written out by hand.
"""

from reader.core.analysis.entities import mentions_from_doc
from tests.core.analysis.entities.entity_docs import labelled


def keyed(doc) -> list[tuple[str, str, str]]:
    return [(m.text, str(m.kind), m.key) for m in mentions_from_doc(doc)]


def test_a_preposition_opening_the_sentence_is_no_part_of_the_name():
    doc = labelled(
        "Mr. Halvorsen paid no tax for years.\nBeyond Halvorsen's finances lies his charity.",
        ("Halvorsen", "PERSON"),
        ("Beyond Halvorsen", "PERSON"),
    )
    assert keyed(doc) == [
        ("Halvorsen", "PERSON", "person:halvorsen"),
        ("Halvorsen", "PERSON", "person:halvorsen"),
    ]


def test_a_name_given_to_a_book_is_no_person_in_any_mention():
    doc = labelled(
        "In her 2009 book, Quiet Harbors, Ines Duarte told of the clot. Quiet Harbors sold well.",
        ("Quiet Harbors", "PERSON"),
        ("Ines Duarte", "PERSON"),
        ("Quiet Harbors", "PERSON"),
    )
    assert keyed(doc) == [("Ines Duarte", "PERSON", "person:ines-duarte")]


def test_a_name_a_group_is_known_as_is_an_organization():
    doc = labelled(
        "Officials linked the breach to a hacking group known as Velvet Otter. Velvet Otter "
        "denied it.",
        ("Velvet Otter", "PERSON"),
        ("Velvet Otter", "PERSON"),
    )
    assert keyed(doc) == [
        ("Velvet Otter", "ORG", "org:velvet-otter"),
        ("Velvet Otter", "ORG", "org:velvet-otter"),
    ]


def test_a_name_after_a_group_and_a_comma_that_goes_on_as_a_clause_stays_a_person():
    doc = labelled(
        "Of the whole group, Ines Duarte spoke first.",
        ("Ines Duarte", "PERSON"),
    )
    assert keyed(doc) == [("Ines Duarte", "PERSON", "person:ines-duarte")]


def test_a_name_after_a_noun_for_someone_who_polls_stays_a_person():
    doc = labelled(  # a pollster is a person as often as a firm
        "Veteran pollster Dawn Tally found the race tied.",
        ("Dawn Tally", "PERSON"),
    )
    assert keyed(doc) == [("Dawn Tally", "PERSON", "person:dawn-tally")]


def test_a_common_word_opening_a_quote_or_on_a_title_line_is_no_person():
    doc = labelled(
        "Buy Mines, Sell Coal\n\nThe plan keeps coal in the ground.\n\n“Coal isn't the enemy,” "
        "said Ines Duarte.\n\nCoal Is Not the Enemy\n\nDuarte runs Harlow Coal.",
        ("Coal", "PERSON"),
        ("Coal", "PERSON"),
        ("Ines Duarte", "PERSON"),
        ("Coal", "PERSON"),
        ("Duarte", "PERSON"),
        ("Harlow Coal", "ORG"),
    )
    assert keyed(doc) == [
        ("Ines Duarte", "PERSON", "person:ines-duarte"),
        ("Duarte", "PERSON", "person:ines-duarte"),
        ("Harlow Coal", "ORG", "org:harlow-coal"),
    ]


def test_a_surname_that_is_a_common_word_stays_a_person_on_a_title_line():
    doc = labelled(
        "Voters Turn to May\n\nTheresa May said she may call a vote.",
        ("May", "PERSON"),
        ("Theresa May", "PERSON"),
    )
    assert keyed(doc) == [
        ("May", "PERSON", "person:theresa-may"),
        ("Theresa May", "PERSON", "person:theresa-may"),
    ]


def test_a_lone_institution_noun_the_model_called_a_person_is_an_organization():
    doc = labelled(
        "Ines Duarte chairs the Harbor Women Caucus. The Caucus met on Monday.",
        ("Ines Duarte", "PERSON"),
        ("Caucus", "PERSON"),
    )
    assert keyed(doc) == [
        ("Ines Duarte", "PERSON", "person:ines-duarte"),
        ("Caucus", "ORG", "org:caucus"),
        ("Caucus", "ORG", "org:caucus"),
    ]


def test_a_person_of_words_the_article_writes_in_lower_case_is_no_person():
    doc = labelled(
        "Gender Equality.\n\nThe agency made gender equality its aim. Will Smith and Rich "
        "Lowry spoke; he will be rich.",
        ("Gender Equality", "PERSON"),
        ("Will Smith", "PERSON"),
        ("Rich Lowry", "PERSON"),
    )
    assert keyed(doc) == [
        ("Will Smith", "PERSON", "person:will-smith"),
        ("Rich Lowry", "PERSON", "person:rich-lowry"),
    ]

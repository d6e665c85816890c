"""Teams named after their city or college, told by their record."""

from reader.core.analysis.entities import mentions_from_doc
from tests.core.analysis.entities.entity_docs import found, labelled


def test_a_place_followed_by_a_win_loss_record_is_a_team_everywhere():
    doc = labelled(
        "Portland (7-3) beat the Harriers. Coach Sam Ito said Portland earned it.",
        ("Portland", "GPE"),
        ("Sam Ito", "PERSON"),
        ("Portland", "GPE"),
    )
    assert found(mentions_from_doc(doc)) == [
        ("Portland", "ORG"),
        ("Sam Ito", "PERSON"),
        ("Portland", "ORG"),
    ]


def test_a_pitcher_s_record_leaves_him_a_person():
    doc = labelled("Ravi Okafor (12-4) pitched six innings.", ("Ravi Okafor", "PERSON"))
    assert found(mentions_from_doc(doc)) == [("Ravi Okafor", "PERSON")]


def test_a_place_without_a_record_stays_a_place():
    doc = labelled("Fans flew to Portland for the game.", ("Portland", "GPE"))
    assert mentions_from_doc(doc) == ()


def test_a_sentence_with_at_and_a_finite_verb_is_no_fixture_line():
    doc = labelled(
        "Ines Duarte is Senior Fellow at the Center for Harbor Studies at Kestrel University.\n"
        "Turnout in Florida rose.",
        ("Ines Duarte", "PERSON"),
        ("Senior Fellow", "ORG"),
        ("the Center for Harbor Studies", "ORG"),
        ("Kestrel University", "ORG"),
        ("Florida", "GPE"),
    )
    doc[2].tag_ = "VBZ"  # "is", as the tagger marks it
    assert found(mentions_from_doc(doc)) == [
        ("Ines Duarte", "PERSON"),
        ("Senior Fellow", "ORG"),
        ("Center for Harbor Studies", "ORG"),
        ("Kestrel University", "ORG"),
    ]

"""Roles (issue 21): what the article says an entity is, kept on the mention where it says it,
with its offsets into the text. Hand-labelled Docs (no model), one article with the model."""

import pytest

from reader.core.analysis.entities import mentions_from_doc
from reader.core.analysis.pipeline import load_pipeline, prepare
from reader.core.model import Kind, Mention, MentionType, Role
from reader.core.store.records import mention_from_dict
from tests.core.analysis.entities.entity_docs import labelled


def roles(mentions: tuple[Mention, ...]) -> list[tuple[str, str, int, int]]:
    """(mention text, role text, role start, role end) of each mention with a role."""
    return [(m.text, m.role.text, m.role.start, m.role.end) for m in mentions if m.role]


def test_a_title_and_nationality_before_a_name_is_its_role():
    text = "Russian Foreign Minister Sergei Lavrov met Mr. Kerry. Lavrov left."
    doc = labelled(text, ("Sergei Lavrov", "PERSON"), ("Kerry", "PERSON"), ("Lavrov", "PERSON"))
    assert roles(mentions_from_doc(doc)) == [("Sergei Lavrov", "Russian Foreign Minister", 0, 24)]


def test_secretary_of_state_before_a_name_is_one_role():
    text = "On Monday Secretary of State John Kerry spoke."
    doc = labelled(text, ("John Kerry", "PERSON"))
    assert roles(mentions_from_doc(doc)) == [("John Kerry", "Secretary of State", 10, 28)]


def test_an_apposition_after_a_name_is_its_role():
    text = "Rex Tillerson, the Secretary of State, said talks would go on. Tillerson left."
    doc = labelled(text, ("Rex Tillerson", "PERSON"), ("Tillerson", "PERSON"))
    mentions = mentions_from_doc(doc)
    assert roles(mentions) == [("Rex Tillerson", "the Secretary of State", 15, 37)]
    assert text[15:37] == "the Secretary of State"
    assert mentions[1].role is None


def test_a_who_clause_saying_what_a_person_heads_is_the_role():
    text = "Ana Ruiz, who heads the port authority, said ships wait."
    doc = labelled(text, ("Ana Ruiz", "PERSON"))
    assert roles(mentions_from_doc(doc)) == [("Ana Ruiz", "heads the port authority", 14, 38)]


def test_an_organization_keeps_the_description_in_apposition():
    text = "The Tax Foundation, a conservative think tank, disagreed."
    doc = labelled(text, ("Tax Foundation", "ORG"))
    assert roles(mentions_from_doc(doc)) == [
        ("Tax Foundation", "a conservative think tank", 20, 45)
    ]


def test_an_honorific_a_list_and_a_passive_say_no_role():
    text = (
        "Mr. Obama spoke. The White House, the Pentagon and Congress agreed. "
        "Ana Ruiz, who was shot at, survived."
    )
    doc = labelled(
        text,
        ("Obama", "PERSON"),
        ("White House", "ORG"),
        ("Pentagon", "ORG"),
        ("Congress", "ORG"),
        ("Ana Ruiz", "PERSON"),
    )
    assert roles(mentions_from_doc(doc)) == []


def test_the_role_goes_into_the_json_and_back_from_the_store():
    mention = Mention(
        0, 13, "Rex Tillerson", Kind.PERSON, "person:rex-tillerson", "Rex Tillerson",
        role=Role(15, 37, "the Secretary of State"),
    )  # fmt: skip
    data = mention.to_dict()
    assert data == {
        "start": 0,
        "end": 13,
        "text": "Rex Tillerson",
        "kind": "PERSON",
        "key": "person:rex-tillerson",
        "name": "Rex Tillerson",
        "mention": "name",
        "role": {"text": "the Secretary of State", "start": 15, "end": 37},
    }
    assert mention_from_dict(data) == mention


def test_a_mention_without_a_role_keeps_its_json_as_before():
    mention = Mention(0, 5, "Paris", Kind.ORG, "org:paris", "Paris", MentionType.NAME)
    assert "role" not in mention.to_dict()
    assert mention_from_dict(mention.to_dict()).role is None


@pytest.fixture(scope="module")
def nlp():
    return prepare(load_pipeline())


def test_roles_with_offsets_real_model(nlp):
    text = (
        "Talks in Geneva\n\n"
        "Russian Foreign Minister Sergei Lavrov met Rex Tillerson, the Secretary of State, "
        "in Geneva on Monday.\n\n"
        "Lavrov said the talks were useful. Tillerson agreed.\n"
    )
    found = {m.text: m.role for m in mentions_from_doc(nlp(text))}
    lavrov = text.index("Russian Foreign Minister")
    tillerson = text.index("the Secretary of State")
    assert found["Sergei Lavrov"] == Role(lavrov, lavrov + 24, "Russian Foreign Minister")
    assert found["Rex Tillerson"] == Role(tillerson, tillerson + 22, "the Secretary of State")
    assert found["Lavrov"] is None
    assert found["Tillerson"] is None


def test_a_department_word_before_an_office_is_part_of_the_role_not_an_organization():
    text = "Trade Secretary Mara Quist said tariffs would stay. Energy Minister Ana Holt agreed."
    doc = labelled(text, ("Trade", "ORG"), ("Mara Quist", "PERSON"), ("Ana Holt", "PERSON"))
    mentions = mentions_from_doc(doc)
    assert roles(mentions) == [
        ("Mara Quist", "Trade Secretary", 0, 15),
        ("Ana Holt", "Energy Minister", 52, 67),
    ]
    assert all(m.kind is Kind.PERSON for m in mentions)


def test_a_role_phrase_and_a_comma_before_a_name_is_its_role():
    text = (
        "Chile's mining minister, Rosa Vidal, said output fell. "
        "A company spokesman, Leo Brandt, declined to comment."
    )
    doc = labelled(text, ("Chile", "COUNTRY"), ("Rosa Vidal", "PERSON"), ("Leo Brandt", "PERSON"))
    assert roles(mentions_from_doc(doc)) == [
        ("Rosa Vidal", "mining minister", 8, 23),
        ("Leo Brandt", "company spokesman", 57, 74),
    ]


def test_a_name_after_a_comma_in_a_running_sentence_takes_no_role_from_before():
    text = "He called the minister, Rosa Vidal and Leo Brandt."
    doc = labelled(text, ("Rosa Vidal", "PERSON"), ("Leo Brandt", "PERSON"))
    assert roles(mentions_from_doc(doc)) == []


def test_department_and_comma_roles_real_model(nlp):
    text = (
        "Ports Expect Busier Year\n\n"
        "Commerce Secretary Howard Lutnick said on Tuesday that the rules would take effect. "
        "Portugal's infrastructure minister, Rui Tavares Lopes, said traffic would grow.\n\n"
        "A company spokesman, Tom Becker, declined to comment.\n"
    )
    mentions = mentions_from_doc(nlp(text))
    found = {m.text: m.role.text if m.role else None for m in mentions}
    assert "Commerce" not in found
    assert found["Howard Lutnick"] == "Commerce Secretary"
    assert found["Rui Tavares Lopes"] == "infrastructure minister"
    assert found["Tom Becker"] == "company spokesman"


def test_department_words_joined_before_an_office_all_belong_to_the_role():
    text = "Homeland Security Secretary Ann Rook and Trade and Tourism Minister Li Wen met."
    doc = labelled(text, ("Ann Rook", "PERSON"), ("Li Wen", "PERSON"))
    assert roles(mentions_from_doc(doc)) == [
        ("Ann Rook", "Homeland Security Secretary", 0, 27),
        ("Li Wen", "Trade and Tourism Minister", 41, 67),
    ]

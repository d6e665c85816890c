"""One-word persons the article never introduces and shows to be an outlet, a medium or a
thing, and a bracket inside a word. The articles are written for these tests."""

import pytest

from reader.core.analysis.entities import mentions_from_doc
from reader.core.analysis.pipeline import load_pipeline, prepare
from tests.core.analysis.entities.entity_docs import found, labelled


def test_an_editors_bracket_inside_a_word_is_no_name():
    doc = labelled(
        "Mayor Ines Paz wrote: “[W]e will rebuild the bridge.”",
        ("Ines Paz", "PERSON"),
        ("W]e", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [("Ines Paz", "PERSON")]


def test_a_lone_name_someone_told_or_according_to_is_an_outlet():
    doc = labelled(
        "Governor Ana Reis told Dispatchly that the port would open. "
        "According to Courierly, the vote is close. Courierly polled 900 voters.",
        ("Ana Reis", "PERSON"),
        ("Dispatchly", "PERSON"),
        ("Courierly", "PERSON"),
        ("Courierly", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [
        ("Ana Reis", "PERSON"),
        ("Dispatchly", "ORG"),
        ("Courierly", "ORG"),
        ("Courierly", "ORG"),
    ]


def test_a_lone_name_posted_on_or_with_followers_is_a_medium_everywhere():
    doc = labelled(
        "Ana Reis added on Chirper that the port would open. "
        "Chirper said she gained 2,000 Chirper followers.",
        ("Ana Reis", "PERSON"),
        ("Chirper", "PERSON"),
        ("Chirper", "PERSON"),
        ("Chirper", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [("Ana Reis", "PERSON")]


def test_a_lone_name_after_an_article_that_ends_its_phrase_is_a_thing():
    doc = labelled(
        "The ferry sailed down the Vistula. Ana Reis watched the Vistula from the bank.",
        ("Vistula", "PERSON"),
        ("Ana Reis", "PERSON"),
        ("Vistula", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [("Ana Reis", "PERSON")]


def test_a_name_before_a_noun_after_an_article_stays_a_person():
    doc = labelled(
        "Aides said the Okafor campaign opened an office, and Okafor said it would stay.",
        ("Okafor", "PERSON"),
        ("Okafor", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [("Okafor", "PERSON"), ("Okafor", "PERSON")]


def test_a_person_the_article_introduces_keeps_the_kind_whatever_the_cues():
    doc = labelled(
        "Mr. Okafor arrived late. Reporters told Okafor that the hall was full. "
        "Nadia Brandt stayed home; her aides told Brandt about it.",
        ("Okafor", "PERSON"),
        ("Okafor", "PERSON"),
        ("Nadia Brandt", "PERSON"),
        ("Brandt", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [
        ("Okafor", "PERSON"),
        ("Okafor", "PERSON"),
        ("Nadia Brandt", "PERSON"),
        ("Brandt", "PERSON"),
    ]


def test_a_title_s_own_word_before_a_full_name_is_no_person():
    doc = labelled(
        "Former Miss Galaxy Ana Reis spoke. She was crowned Miss Galaxy in 2010.",
        ("Galaxy", "PERSON"),
        ("Ana Reis", "PERSON"),
        ("Galaxy", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [("Ana Reis", "PERSON")]


def test_a_title_s_own_word_is_no_person_where_the_model_named_only_its_other_uses():
    doc = labelled(
        "Former Miss Galaxy Ana Reis spoke. She was crowned Miss Galaxy in 2010.",
        ("Ana Reis", "PERSON"),
        ("Galaxy", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [("Ana Reis", "PERSON")]


def test_a_word_asked_alone_is_no_person():
    doc = labelled(
        "Rents rose again. “Greedy? Not at all,” said Ana Reis.",
        ("Greedy", "PERSON"),
        ("Ana Reis", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [("Ana Reis", "PERSON")]


def test_a_name_in_capitals_speaking_in_a_transcript_stays_a_person():
    doc = labelled(
        "OKAFOR: We told the OKAFOR team.\nREIS: Thank you.",
        ("OKAFOR", "PERSON"),
        ("OKAFOR", "PERSON"),
    )
    assert found(mentions_from_doc(doc)) == [("OKAFOR", "PERSON"), ("OKAFOR", "PERSON")]


@pytest.fixture(scope="module")
def nlp():
    return prepare(load_pipeline())


def test_a_platform_someone_thanked_people_on_is_a_medium_real_model(nlp):
    text = (
        "Senator Maria Lopez thanked voters on Twitter for the win. "
        "Her rival, John Harper, launched an attack on Lopez on Monday."
    )
    mentions = found(mentions_from_doc(nlp(text)))
    assert ("Twitter", "PERSON") not in mentions
    assert ("Lopez", "PERSON") in mentions

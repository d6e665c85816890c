"""A town the model took for an organization, told by a noun of a place right after its name
("Vila Brava county"). The articles are written for these tests."""

from reader.core.analysis.entities import mentions_from_doc
from tests.core.analysis.entities.entity_docs import found, labelled


def tagged_nouns(doc, *words: str) -> None:
    """Tag `words` as common nouns, as the model's tagger would (the test Docs are blank)."""
    for token in doc:
        if token.text in words:
            token.pos_ = "NOUN"


def test_a_name_before_a_noun_of_a_place_and_only_written_as_one_is_no_organization():
    text = (
        "Farmers in Vila Brava county sold their grain. The Vila Brava harvest was large, "
        "and buyers in Vila Brava paid more."
    )
    doc = labelled(text, ("Vila Brava", "ORG"), ("Vila Brava", "ORG"), ("Vila Brava", "ORG"))
    tagged_nouns(doc, "harvest")
    assert mentions_from_doc(doc) == ()


def test_a_noun_of_a_place_that_qualifies_another_noun_names_no_place():
    text = "Students joined a Radiola town hall. Listeners in Radiola's audience called in."
    doc = labelled(text, ("Radiola", "ORG"), ("Radiola", "ORG"))
    tagged_nouns(doc, "hall")  # as the tagger has it: "town hall" is one thing, not a town
    assert found(mentions_from_doc(doc)) == [("Radiola", "ORG"), ("Radiola", "ORG")]


def test_a_name_that_also_acts_stays_an_organization_though_a_place_noun_follows_it():
    text = "Norvik county officials met. Norvik said taxes would rise."
    doc = labelled(text, ("Norvik", "ORG"), ("Norvik", "ORG"))
    assert found(mentions_from_doc(doc)) == [("Norvik", "ORG")] * 2

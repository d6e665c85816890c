"""A capitalized common word that only qualifies the noun after it is no name ("the Federal
mine" where the text speaks of federal rules). The articles are written for these tests."""

from reader.core.analysis.entities import mentions_from_doc
from tests.core.analysis.entities.entity_docs import found, labelled


def tagged_nouns(doc, *words: str) -> None:
    """Tag `words` as common nouns, as the model's tagger would (the test Docs are blank)."""
    for token in doc:
        if token.text in words:
            token.pos_ = "NOUN"


def test_a_common_word_that_only_qualifies_nouns_is_no_name():
    text = (
        "Miners at the Northern shaft met Ana Reis. Federal rules were not the issue, "
        "said Ana Reis, but northern winters close the Northern shaft early."
    )
    doc = labelled(text, ("Northern", "ORG"), ("Ana Reis", "PERSON"), ("Northern", "ORG"))
    tagged_nouns(doc, "shaft", "rules", "winters", "issue")
    assert found(mentions_from_doc(doc)) == [("Ana Reis", "PERSON"), ("Ana Reis", "PERSON")]


def test_a_name_that_also_stands_on_its_own_stays_though_written_in_lower_case():
    text = (
        "The Herald article drew letters. The Herald wrote on Monday that a herald of "
        "spring had come."
    )
    doc = labelled(text, ("Herald", "ORG"), ("Herald", "ORG"))
    tagged_nouns(doc, "article", "letters", "spring")
    assert found(mentions_from_doc(doc)) == [("Herald", "ORG"), ("Herald", "ORG")]


def test_a_word_the_article_never_writes_in_lower_case_stays_a_name():
    text = "Voters at the Okafor rally cheered, and the Okafor campaign grew."
    doc = labelled(text, ("Okafor", "PERSON"), ("Okafor", "PERSON"))
    tagged_nouns(doc, "rally", "campaign")
    assert found(mentions_from_doc(doc)) == [("Okafor", "PERSON"), ("Okafor", "PERSON")]

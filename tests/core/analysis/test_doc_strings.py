"""A Doc's per-token strings and text, read from its arrays with one str per distinct word."""

import spacy
from spacy.attrs import LOWER, ORTH

from reader.core.analysis.doc_strings import text_of, token_spaces, token_strings

TEXT = "The Mayor said the bridge opens.\n\n  The mayor  said so twice:the end \t\n"


def test_token_strings_are_the_tokens_words_and_lower_case_forms():
    doc = spacy.blank("en")(TEXT)
    assert token_strings(doc, ORTH) == [t.text for t in doc]
    assert token_strings(doc, LOWER) == [t.lower_ for t in doc]
    assert token_spaces(doc) == [t.whitespace_ for t in doc]


def test_a_repeated_word_is_one_string_object():
    doc = spacy.blank("en")(TEXT)
    lowers = token_strings(doc, LOWER)
    firsts = {}
    for word in lowers:
        assert firsts.setdefault(word, word) is word


def test_the_text_is_the_docs_text_across_blocks(monkeypatch):
    monkeypatch.setattr("reader.core.analysis.doc_strings._TEXT_BLOCK", 3)
    doc = spacy.blank("en")(TEXT * 3)
    assert text_of(doc) == doc.text == TEXT * 3


def test_an_empty_doc_has_no_strings():
    doc = spacy.blank("en")("")
    assert token_strings(doc, ORTH) == [] == token_spaces(doc)
    assert text_of(doc) == ""

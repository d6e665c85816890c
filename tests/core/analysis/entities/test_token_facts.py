"""The per-token lists the entity steps read instead of spaCy Tokens: each equal to the Token
property it stands for, on a Doc with tags, lemmas and sentence starts set by hand."""

import spacy

from reader.core.analysis.entities.token_facts import (
    capitalized,
    char_bounds,
    doc_text,
    flags,
    forget_cached,
    span_text,
    token_lemmas,
    token_lowers,
    token_pos,
    token_starts,
    token_tags,
    token_texts,
)

TEXT = (
    "LONDON 1996-08-30\n\nThe U.S. Senate's vote (6-6) ended; Ana van Dijk said 12 times:\n"
    "“Fine.”  He left  at 3pm, café-owner O'Neil too.\t\n"
)


def _doc():
    doc = spacy.blank("en")(TEXT)
    for token in doc:
        token.tag_ = "NNP" if token.text[:1].isupper() else "NN"
        token.pos_ = "PROPN" if token.text[:1].isupper() else "NOUN"
        token.lemma_ = token.text.lower().removesuffix("s")
        token.is_sent_start = token.i == 0 or doc[token.i - 1].text in (".", ";", "\n\n")
    return doc


def test_the_lists_are_the_token_properties():
    doc = _doc()
    facts = flags(doc)
    assert token_texts(doc) == [t.text for t in doc]
    assert token_lowers(doc) == [t.lower_ for t in doc]
    assert token_lemmas(doc) == [t.lemma_ for t in doc]
    assert token_tags(doc) == [t.tag_ for t in doc]
    assert token_pos(doc) == [t.pos_ for t in doc]
    assert token_starts(doc) == [t.idx for t in doc]
    assert facts.alpha == [t.is_alpha for t in doc]
    assert facts.upper == [t.is_upper for t in doc]
    assert facts.lower == [t.is_lower for t in doc]
    assert facts.title == [t.is_title for t in doc]
    assert facts.like_num == [t.like_num for t in doc]
    assert facts.space == [t.is_space for t in doc]
    assert facts.spaced == [bool(t.whitespace_) for t in doc]
    assert facts.sent_start == [bool(t.is_sent_start) for t in doc]
    assert facts.letters == [any(c.isalpha() for c in t.text) for t in doc]
    assert capitalized(doc) == [t.i for t in doc if t.text[:1].isupper()]
    assert doc_text(doc) == doc.text


def test_a_doc_without_sentence_starts_has_none_flagged():
    doc = spacy.blank("en")("One line. Another line.")
    assert flags(doc).sent_start == [bool(t.is_sent_start) for t in doc]


def test_span_texts_and_bounds_are_the_spans_for_every_stretch():
    doc = _doc()
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            span = doc[start:end]
            assert span_text(doc, start, end) == span.text
            assert char_bounds(doc, start, end) == (span.start_char, span.end_char)


def test_an_empty_doc_has_empty_lists():
    doc = spacy.blank("en")("")
    assert token_texts(doc) == token_starts(doc) == capitalized(doc) == []
    assert flags(doc).alpha == []
    assert span_text(doc, 0, 0) == ""
    assert char_bounds(doc, 0, 0) == (0, 0)


def test_forgetting_drops_every_list_from_the_user_data():
    doc = _doc()
    token_texts(doc), flags(doc), doc_text(doc), capitalized(doc)
    forget_cached(doc)
    assert doc.user_data == {}

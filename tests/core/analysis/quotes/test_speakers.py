"""Speakers on hand-parsed Docs: the parses the real model sometimes gives news prose."""

import spacy
from spacy.tokens import Doc

from reader.core.analysis.quotes.context import QuotedDoc
from reader.core.analysis.quotes.speakers import speaker_of

_BLANK = spacy.blank("en")


def parsed(rows: list[tuple[str, int, str, str, str, str]]) -> Doc:
    words, heads, deps, pos, tags, ents = (list(column) for column in zip(*rows, strict=True))
    return Doc(_BLANK.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, ents=ents)


# "A Herald article hailed Holt as “The Golden Boy”.", with "hailed" hung from "article" as if
# it were "an article hailed as …" (word, head, dependency, part of speech, tag, entity tag).
_MISREAD = [
    ("A", 2, "det", "DET", "DT", "O"),
    ("Herald", 2, "compound", "PROPN", "NNP", "B-ORG"),
    ("article", 2, "ROOT", "NOUN", "NN", "O"),
    ("hailed", 2, "acl", "VERB", "VBD", "O"),
    ("Holt", 3, "dobj", "PROPN", "NNP", "B-PERSON"),
    ("as", 3, "prep", "ADP", "IN", "O"),
    ("“", 9, "punct", "PUNCT", "``", "O"),
    ("The", 9, "det", "DET", "DT", "O"),
    ("Golden", 9, "compound", "PROPN", "NNP", "O"),
    ("Boy", 5, "pobj", "PROPN", "NNP", "O"),
    ("”", 9, "punct", "PUNCT", "''", "O"),
    (".", 2, "punct", "PUNCT", ".", "O"),
]


def test_a_cue_misread_as_a_reduced_relative_speaks_for_the_noun_before_it():
    doc = parsed(_MISREAD)
    speaker = speaker_of(QuotedDoc(doc, doc.text, []), doc[3])
    assert speaker is not None and speaker.text == "article"


def test_a_true_reduced_relative_has_no_direct_object_and_no_speaker():
    rows = [row for i, row in enumerate(_MISREAD) if i != 4]  # "an article hailed as “…”"
    rows = [(w, h - (h > 4), d, p, t, e) for w, h, d, p, t, e in rows]
    doc = parsed(rows)
    assert speaker_of(QuotedDoc(doc, doc.text, []), doc[3]) is None

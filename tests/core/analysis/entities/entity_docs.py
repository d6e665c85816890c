"""Hand-labelled Docs for the entity tests: the model's output written out, no model loaded."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from reader.core.model import Mention

_BLANK = spacy.blank("en")


def labelled(text: str, *ents: tuple[str, str]) -> Doc:
    """A doc of `text` whose entities are the given (surface, label) pairs, in text order.

    Capitalized words are tagged PROPN, as the model's tagger would.
    """
    doc = _BLANK(text)
    for token in doc:
        if token.text[:1].isupper():
            token.pos_ = "PROPN"
    spans = []
    search_from = 0
    for surface, label in ents:
        start = text.index(surface, search_from)
        span = doc.char_span(start, start + len(surface), label=label)
        assert span is not None, surface
        spans.append(span)
        search_from = start + len(surface)
    doc.ents = spans
    return doc


def found(mentions: tuple[Mention, ...]) -> list[tuple[str, str]]:
    """(text, kind) of each mention, in text order."""
    return [(m.text, str(m.kind)) for m in mentions]

"""Words that name nobody: page furniture and common words opening a sentence.

A saved news page keeps its furniture ("Slideshow (5 images)"), and a capitalized common word
opening a sentence ("Turnout is expected", "Fireworks will be banned") looks like a name to the
model. The article itself tells: a word it also writes in lower case is a common word.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from reader.core.entities.candidates import Candidate, lines
from reader.core.model import Kind

# "Slideshow (5 images)", "Gallery (12 photos)": a gallery's caption, a line of its own.
_GALLERY = re.compile(r"\s*\w+\s*\(\s*\d+\s+(?:images|photos|pictures|videos)\s*\)\s*")


def drop_page_furniture(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates` less those on a gallery caption line."""
    furniture = bytearray(len(doc))
    for start, end in lines(doc):
        if end - start <= 8 and _GALLERY.fullmatch(doc[start:end].text):
            furniture[start:end] = b"\x01" * (end - start)
    return [c for c in candidates if not furniture[c.start]]


def drop_common_words(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates` less a one-word person or organization opening a sentence or line that the
    article also writes in lower case ("Turnout" and "turnout"), unless it is named elsewhere
    as well, inside a sentence."""
    lower_words = {t.text for t in doc if t.is_lower and t.is_alpha}
    elsewhere = {
        doc[c.start].lower_
        for c in candidates
        if c.end - c.start == 1 and not _opens_sentence(doc, c.start)
    }
    return [
        c
        for c in candidates
        if not (
            c.kind in (Kind.PERSON, Kind.ORG)
            and c.end - c.start == 1
            and doc[c.start].lower_ in lower_words
            and doc[c.start].lower_ not in elsewhere
            and _opens_sentence(doc, c.start)
        )
    ]


def _opens_sentence(doc: Doc, i: int) -> bool:
    if i == 0 or "\n" in doc[i - 1].text:
        return True
    return bool(doc[i].is_sent_start) if doc.has_annotation("SENT_START") else False

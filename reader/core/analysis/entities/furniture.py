"""Words that name nobody: page furniture and common words opening a sentence.

A saved news page keeps its furniture ("Slideshow (5 images)"), and a capitalized common word
opening a sentence ("Turnout is expected", "Fireworks will be banned") looks like a name to the
model. The article itself tells: a word it also writes in lower case is a common word.

Serves web pages (the gallery line is in 8 of the 66 texts of entities-dev-2020, none of
the 1996 wire) and prose of any era (common words, platforms). No figures recorded (7026339,
c695db8).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from reader.core.analysis.entities.candidates import Candidate, lines, lower_case_words
from reader.core.model import Kind

# "Slideshow (5 images)", "Gallery (12 photos)": a gallery's caption, a line of its own.
_GALLERY = re.compile(r"\s*\w+\s*\(\s*\d+\s+(?:images|photos|pictures|videos)\s*\)\s*")
# Tokens of such a line: "Slideshow ( 5 images )" has five (7026339, the 2020 Reuters pages).
_LONGEST_GALLERY_LINE = 8


def drop_page_furniture(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates` less those on a gallery caption line."""
    furniture = bytearray(len(doc))
    for start, end in lines(doc):
        if end - start <= _LONGEST_GALLERY_LINE and _GALLERY.fullmatch(doc[start:end].text):
            furniture[start:end] = b"\x01" * (end - start)
    return [c for c in candidates if not furniture[c.start]]


def drop_common_words(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates` less a one-word person or organization opening a sentence or line that the
    article also writes in lower case ("Turnout" and "turnout"), unless it is named elsewhere
    as well, inside a sentence."""
    lower_words = lower_case_words(doc)
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


# Verbs and nouns of posting: "said on Twitter", "wrote on X", "followers on Instagram".
_POSTING = frozenset(
    {"say", "said", "says", "write", "wrote", "written", "writes", "post", "posted", "posts"}
    | {"tweet", "tweeted", "share", "shared", "announce", "announced", "comment", "commented"}
    | {"follower", "followers", "video", "videos", "message", "messages", "exchange", "live"}
)


def mark_platforms(doc: Doc, candidates: list[Candidate]) -> None:
    """A one-word name after "on" that follows a verb of posting names a platform, a medium
    rather than an actor ("said on Twitter"): it keeps its place, so that no repeat of the
    name elsewhere ("Twitter said") makes it a mention, but names nothing of ours."""
    for candidate in candidates:
        if candidate.end - candidate.start == 1 and _posted_on(doc, candidate.start):
            candidate.kind, candidate.country, candidate.place = None, None, True


def _posted_on(doc: Doc, i: int) -> bool:
    if i < 2 or doc[i - 1].lower_ != "on":
        return False
    before = doc[i - 2]
    if before.lower_ in _POSTING:
        return True
    head = doc[i - 1].head  # "said on Monday on Twitter": the verb the preposition hangs on
    return head.lower_ in _POSTING or head.lemma_.lower() in _POSTING

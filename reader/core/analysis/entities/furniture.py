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

from reader.core.analysis.entities.candidates import (
    Candidate,
    form_of,
    lines,
    lower_case_words,
    once_per_doc,
    person_forms,
    stem,
)
from reader.core.analysis.entities.headlines import COMMON_NOUNS, MINOR_WORDS
from reader.core.analysis.entities.kinds import GIVEN_NAMES
from reader.core.analysis.entities.persons import HUMAN_ROLES
from reader.core.analysis.entities.token_facts import flags as token_flags
from reader.core.analysis.entities.token_facts import (
    span_text,
    token_lowers,
    token_pos,
    token_texts,
)
from reader.core.model import Kind

# Verbs whose subject is a speaker: a lone word saying something is a person's name ("Nerweyi
# said"), whatever a dictionary holds.
_SPEAKING = frozenset({"say", "tell", "add", "ask", "write", "warn", "insist", "claim", "argue"})

# "Slideshow (5 images)", "Gallery (12 photos)": a gallery's caption, a line of its own.
_GALLERY = re.compile(r"\s*\w+\s*\(\s*\d+\s+(?:images|photos|pictures|videos)\s*\)\s*")
# Tokens of such a line: "Slideshow ( 5 images )" has five (7026339, the 2020 Reuters pages).
_LONGEST_GALLERY_LINE = 8


def drop_page_furniture(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates` less those on a gallery caption line."""
    furniture = bytearray(len(doc))
    for start, end in lines(doc):
        if end - start <= _LONGEST_GALLERY_LINE and _GALLERY.fullmatch(span_text(doc, start, end)):
            furniture[start:end] = b"\x01" * (end - start)
    return [c for c in candidates if not furniture[c.start]]


def drop_common_words(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates` less a one-word person or organization that the article also writes in
    lower case ("Turnout" and "turnout") where any word is capitalized: opening a sentence or
    line, or on a title-case line ("Buy Mines, Sell Coal."; not a person's surname there,
    "May" of "Theresa May"), unless it is named elsewhere as well, inside a sentence; and a
    person's name of such words only, or an organization's on a title-case line that the body
    never names, not in capitals ("CENTRAL INTELLIGENCE AGENCY" on a list line)."""
    lower_words = lower_case_words(doc)
    titled = title_case_lines(doc)
    lowers = token_lowers(doc)
    elsewhere = _named_in_sentences(doc, candidates, titled, lowers)
    surnames, family_names = person_forms(doc, candidates)
    named = {form_of(doc, c) for c in candidates if not titled[c.start]}
    return [
        c
        for c in candidates
        if not _of_common_words(doc, c, lower_words)
        and not (
            c.kind is Kind.ORG
            and titled[c.start]
            and not span_text(doc, c.start, c.end).isupper()
            and form_of(doc, c) not in named
            and _of_lower_case_words(doc, c, lower_words)
        )
        and not (
            c.kind in (Kind.PERSON, Kind.ORG)
            and c.end - c.start == 1
            and lowers[c.start] in lower_words
            and lowers[c.start] not in elsewhere
            and (
                _opens_sentence(doc, c.start)
                or (titled[c.start] and lowers[c.start] not in surnames | family_names)
            )
        )
    ]


def drop_qualifying_common_words(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates` less a one-word person or organization whose word the article also
    writes in lower case and that, wherever the article capitalizes it, only qualifies the
    common noun after it ("the Northern shaft" where the text speaks of northern winters, "a
    GREEN truck" where it speaks of green paint): an adjective or a common word, never a
    name standing on its own ("the Herald wrote", "Senate Democrats" keep theirs). Needs
    the tagger (without it, nothing is dropped). One pass over the tokens."""
    texts, lowers, lower = token_texts(doc), token_lowers(doc), token_flags(doc).lower
    pos = token_pos(doc)
    words = {
        lowers[c.start]
        for c in candidates
        if c.kind in (Kind.PERSON, Kind.ORG) and c.end - c.start == 1 and texts[c.start].isalpha()
    }
    if not words or not any(pos):
        return candidates
    written_lower = {lowers[i] for i, is_lower in enumerate(lower) if is_lower}
    qualifying = words & written_lower
    for i, word in enumerate(lowers):
        if word in qualifying and not lower[i] and not _qualifies_a_noun(texts, pos, i):
            qualifying.discard(word)
    return [
        c
        for c in candidates
        if not (c.end - c.start == 1 and c.kind is not None and lowers[c.start] in qualifying)
    ]


def _qualifies_a_noun(texts: list[str], pos: list[str], i: int) -> bool:
    """Whether token i stands right before a common noun in lower case ("shaft" of "the
    Northern shaft")."""
    return i + 1 < len(texts) and texts[i + 1].islower() and pos[i + 1] == "NOUN"


def _named_in_sentences(
    doc: Doc, candidates: list[Candidate], titled: bytearray, lowers: list[str]
) -> set[str]:
    """The lower-case forms of the one-word candidates that stand inside a sentence, off any
    title-case line: words the article itself uses as names."""
    return {
        lowers[c.start]
        for c in candidates
        if c.end - c.start == 1 and not titled[c.start] and not _opens_sentence(doc, c.start)
    }


def drop_lone_common_nouns(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates` less a one-word person that opens its sentence and is a common noun
    nothing else shows to be a name ("Turnout was 62 percent" where the article never writes
    "turnout", which `drop_common_words` would need): see `_is_lone_common_noun`; and such an
    organization that is a plural of people in a role ("Farmers"): `_is_people_in_a_role`."""
    titled = title_case_lines(doc)
    lowers = token_lowers(doc)
    names = _named_in_sentences(doc, candidates, titled, lowers)
    surnames, family_names = person_forms(doc, candidates)
    names |= surnames | family_names | GIVEN_NAMES
    return [
        c
        for c in candidates
        if not (
            (c.kind is Kind.PERSON or (c.kind is Kind.ORG and _is_people_in_a_role(doc, c)))
            and _is_lone_common_noun(doc, c, names)
        )
    ]


def _is_people_in_a_role(doc: Doc, candidate: Candidate) -> bool:
    """ "Farmers' union X warned", "Teachers walked out": the plural of a noun for people in
    a role (`HUMAN_ROLES`) names a group of people, no organization, where nothing else
    shows it to be a name (a team of a results line is one)."""
    lower = token_lowers(doc)[candidate.start]
    return not candidate.team and lower.endswith("s") and lower[:-1] in HUMAN_ROLES


def _is_lone_common_noun(doc: Doc, candidate: Candidate, names: set[str]) -> bool:
    """A one-word person's name in title case that opens its sentence, is a common noun of
    the dictionary (COMMON_NOUNS) and nothing else shows to be a name: not among `names` (the
    article's one-word names inside a sentence, its persons' surnames and first words, given
    names), not saying anything. Not in capitals: "WALLACE:" names a transcript's speaker."""
    i = candidate.start
    lower = token_lowers(doc)[i]
    if candidate.end - i != 1 or lower in names or not token_flags(doc).title[i]:
        return False
    if not _opens_sentence(doc, i):
        return False
    if lower not in COMMON_NOUNS and stem(lower) not in COMMON_NOUNS:
        return False
    head = doc[i].head
    return not (doc[i].dep_ == "nsubj" and head.lemma_.lower() in _SPEAKING)


def _of_common_words(doc: Doc, candidate: Candidate, lower_words: frozenset[str]) -> bool:
    """A person's name of words the article all writes in lower case, none a given name
    ("Gender Equality" as a subhead where the text speaks of gender and equality)."""
    return (
        candidate.kind is Kind.PERSON
        and _of_lower_case_words(doc, candidate, lower_words)
        and token_lowers(doc)[candidate.start] not in GIVEN_NAMES
    )


def _of_lower_case_words(doc: Doc, candidate: Candidate, lower_words: frozenset[str]) -> bool:
    """Two words or more, all words the article also writes in lower case ("Chipmakers Brace"
    where the text speaks of chipmakers that brace), but the small words of title case."""
    if candidate.end - candidate.start < 2:
        return False
    lowers, alpha = token_lowers(doc), token_flags(doc).alpha
    words = [i for i in range(candidate.start, candidate.end) if lowers[i] not in MINOR_WORDS]
    return bool(words) and all(alpha[i] and lowers[i] in lower_words for i in words)


def title_case_lines(doc: Doc) -> bytearray:
    """A flag per token on a line of two words or more, all capitalized but small words
    ("Legend in the Coal Fields."): a title or a subhead, where every word is capitalized."""
    return once_per_doc(doc, "title_case_lines", _find_title_case_lines)


def _find_title_case_lines(doc: Doc) -> bytearray:
    flags = bytearray(len(doc))
    texts, lowers, alpha = token_texts(doc), token_lowers(doc), token_flags(doc).alpha
    for start, end in lines(doc):
        words = [i for i in range(start, end) if alpha[i]]
        if len(words) >= 2 and all(_capitalized_or_minor(texts[i], lowers[i]) for i in words):
            flags[start:end] = b"\x01" * (end - start)
    return flags


def _capitalized_or_minor(text: str, lower: str) -> bool:
    return text[:1].isupper() or lower in MINOR_WORDS


def _opens_sentence(doc: Doc, i: int) -> bool:
    """Whether token i opens its sentence or line, past opening quotes and brackets
    ('"Coal isn't the villain," he said')."""
    texts = token_texts(doc)
    first = i
    while first > 0 and texts[first - 1] in _OPENING_MARKS:
        first -= 1
    if first == 0 or "\n" in texts[first - 1]:
        return True
    if not doc.has_annotation("SENT_START"):
        return False
    sent_start = token_flags(doc).sent_start
    return sent_start[i] or sent_start[first]


_OPENING_MARKS = frozenset({'"', "“", "'", "‘", "(", "["})


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

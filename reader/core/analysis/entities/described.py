"""Names the sentence says are a work or a group: a book's title is no person, a hacking group
no person either.

The small model calls many title-case names persons: a book's title ("In her 2003 book, Living
History, Clinton noted"), a group's name ("a hacking group known as Fancy Bear"). The noun the
name is given to says what it is: a noun for a work (`work_nouns.txt`) makes the name no entity
of ours, a noun for a group (`group_nouns.txt`) an organization. Two shapes count: the name in
apposition after the noun and a comma ("her book, Living History,"), and the name after the
noun and "known as", "called", "named" or "dubbed". The evidence holds for every mention of
the name in the document, as `kinds.settle_kinds` applies its votes; not for a name the
article shows to be a person's (the ending of a person's full name).

Serves news of any era (issue 21: "Living History" and "Fancy Bear" as persons in 2016 news).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from reader.core.analysis.entities.candidates import Candidate, form_of, person_forms
from reader.core.analysis.entities.word_lists import words
from reader.core.model import Kind

WORK_NOUNS = words("work_nouns.txt")
GROUP_NOUNS = words("group_nouns.txt")
_APPOSITION_ENDS = frozenset({",", ".", ";", ")", "—", "--"})
_NAMING_VERBS = frozenset({"called", "named", "dubbed", "titled", "entitled"})


def names_by_description(doc: Doc, candidates: list[Candidate]) -> None:
    """Persons the sentence gives to a work (no entity) or a group (an organization), in
    every mention of their form."""
    works: set[str] = set()
    groups: set[str] = set()
    for candidate in candidates:
        if candidate.kind is not Kind.PERSON:
            continue
        noun = _describing_noun(doc, candidate.start, candidate.end)
        if noun is None:
            continue
        if noun in WORK_NOUNS:
            works.add(form_of(doc, candidate))
        elif noun in GROUP_NOUNS:
            groups.add(form_of(doc, candidate))
    if not works and not groups:
        return
    surnames, _ = person_forms(doc, [c for c in candidates if form_of(doc, c) not in works])
    for candidate in candidates:
        form = form_of(doc, candidate)
        if candidate.kind is not Kind.PERSON or (form in surnames and " " not in form):
            continue
        if form in works:
            candidate.kind, candidate.place = None, True
        elif form in groups:
            candidate.kind = Kind.ORG


def _describing_noun(doc: Doc, start: int, end: int) -> str | None:
    """The lower-case noun the name at [start, end) is given to, if the sentence gives it one:
    "book, Living History,", "group known as Fancy Bear", "a film called Arrival". An
    apposition closes after the name ("the group, Smith said" is none)."""
    if start >= 2 and doc[start - 1].text == ",":
        closed = end == len(doc) or doc[end].text in _APPOSITION_ENDS
        return _noun(doc[start - 2]) if closed else None
    if start >= 2 and doc[start - 1].lower_ in _NAMING_VERBS:
        return _noun(doc[start - 2])
    if start >= 3 and doc[start - 1].lower_ == "as" and doc[start - 2].lower_ == "known":
        return _noun(doc[start - 3])
    return None


def _noun(token: Token) -> str | None:
    if not token.is_lower or not token.is_alpha:
        return None
    return token.lemma_.lower() or token.lower_

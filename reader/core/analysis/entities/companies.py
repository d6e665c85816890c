"""Companies the model left unlabelled, told by what only a listed company has.

The small model misses many a company it has never seen ("ASML chief executive Lars
Hendriks", "ASML shares rose 2 percent"). Two cues right after a capitalized name say
company whatever the name: a company's own office before a person's name ("X chief
executive Lars Hendriks", "X CEO Ana Reis"), and its shares ("X shares rose", "X's shares
fell"). A name the model left unlabelled before one of them, that no candidate covers, is an
organization; `add_unlabelled` then finds its repeats.

A name here is one to three capitalized words, proper nouns to the tagger, none a word the
article also writes in lower case, a small word, a date's or a nationality (a sentence may
open on "Shares" or "Its"; "Indonesian shares" are a market's), none the model labelled
(its "Bucharest" of "the Bucharest stock exchange" is a place), off a title-case line (a
headline capitalizes every word). Cues of persons' and places' offices ("Texas
director", "Mayor") are not read: only a company has a chief executive or shares.

Serves business news of any era. One pass over the capitalized tokens.
"""

from __future__ import annotations

from spacy.tokens import Doc

from reader.core.analysis.entities.candidates import (
    CALENDAR,
    Candidate,
    covered,
    lower_case_words,
)
from reader.core.analysis.entities.countries import country_of_demonym
from reader.core.analysis.entities.furniture import title_case_lines
from reader.core.analysis.entities.headlines import COMMON_NOUNS
from reader.core.analysis.entities.token_facts import (
    capitalized,
    token_lowers,
    token_pos,
    token_texts,
)
from reader.core.analysis.entities.token_facts import flags as token_flags
from reader.core.model import Kind

# Words of the longest name read: "Thames Water Utilities".
_LONGEST = 3
# A company's own offices right before a person's name: "chief executive", "CEO".
_OFFICES = frozenset({"chief", "executive", "ceo", "cfo", "coo", "founder", "cofounder"})
# Words of the longest office read: "chief executive officer".
_LONGEST_OFFICE = 3
_SHARES = frozenset({"shares"})
# Tags of a name's words: a proper noun, or no tag at all (a pipeline without a tagger).
_NAME_TAGS = frozenset({"PROPN", ""})
_POSSESSIVES = frozenset({"'s", "’s"})


def unlabelled_companies(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates` with an organization for each uncovered capitalized name (see the
    module's header) right before a company's office and a person's name, or its shares."""
    taken = covered(doc, candidates)
    persons = {c.start for c in candidates if c.kind is Kind.PERSON}
    titled = title_case_lines(doc)
    common = lower_case_words(doc)
    texts, lowers, facts = token_texts(doc), token_lowers(doc), token_flags(doc)
    pos = token_pos(doc)

    def name_word(i: int) -> bool:
        return (
            i < len(doc)
            and texts[i][:1].isupper()
            and facts.alpha[i]
            and not taken[i]
            and not titled[i]
            and pos[i] in _NAME_TAGS
            and lowers[i] not in common
            and lowers[i] not in CALENDAR
            and not doc.vocab[lowers[i]].is_stop
            and not doc[i].ent_type_  # the model's place or people ("Bucharest" NORP)
            and country_of_demonym(texts[i]) is None
        )

    found = []
    read_to = 0
    for i in capitalized(doc):
        if i < read_to or not name_word(i) or (i > 0 and name_word(i - 1)):
            continue
        end = i
        while end < min(len(doc), i + _LONGEST) and name_word(end):
            end += 1
        if end < len(doc) and name_word(end):
            continue  # longer than a name read here
        if end - i == 1 and lowers[i] in COMMON_NOUNS and _opens_line_or_sentence(doc, i):
            continue  # "Total shares to be offered": a common word, capitalized by its place
        if _before_shares(lowers, pos, end) or _before_office(lowers, end, persons):
            found.append(Candidate(i, end, Kind.ORG))
            read_to = end
    if not found:
        return candidates
    return sorted(candidates + found, key=lambda c: c.start)


def _opens_line_or_sentence(doc: Doc, i: int) -> bool:
    return i == 0 or "\n" in token_texts(doc)[i - 1] or token_flags(doc).sent_start[i]


def _before_shares(lowers: list[str], pos: list[str], end: int) -> bool:
    """ "X shares rose", "X's shares fell": its shares, the noun, right after the name (not
    "Ana shares a flat"; without a tagger, no noun is known and none counts)."""
    if end < len(lowers) and lowers[end] in _POSSESSIVES:
        end += 1
    return end < len(lowers) and lowers[end] in _SHARES and pos[end] == "NOUN"


def _before_office(lowers: list[str], end: int, persons: set[int]) -> bool:
    """ "X chief executive Lars Hendriks": a company's office, then a person's name."""
    i = end
    while i < len(lowers) and i - end < _LONGEST_OFFICE and lowers[i] in _OFFICES:
        i += 1
    return i > end and i in persons

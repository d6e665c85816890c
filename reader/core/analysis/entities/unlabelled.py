"""Names the model left unlabelled: repeats of known names, countries and demonyms.

Serves all text. No figure recorded (3717963, 7f82d04 made it linear).
"""

from __future__ import annotations

from spacy.tokens import Doc

from reader.core.analysis.doc_strings import token_spaces
from reader.core.analysis.entities.candidates import (
    Candidate,
    covered,
    token_lowers,
    token_texts,
    words_of,
)
from reader.core.analysis.entities.countries import (
    country_first_words,
    country_named,
    country_of_demonym,
    normalize,
)
from reader.core.analysis.entities.from_model import MAX_COUNTRY_TOKENS
from reader.core.analysis.entities.token_facts import capitalized
from reader.core.model import Kind

# Names of other things, which a country name inside is part of.
OTHER_NAME_LABELS = frozenset({"EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"})
# Letters of a short country name ("US", "UK", "USA"), found only in capitals or with dots:
# "Us" opening a sentence is no country (3717963).
_LONGEST_SHORT_NAME = 3


def add_unlabelled(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Countries, demonyms and repeats of known persons and organizations the model missed.

    One pass over the tokens; only a capitalized word that can open a known name, a country
    or a demonym starts a look at the words after it.
    """
    known = _known_forms(doc, candidates)
    longest = max((len(form) for form in known), default=1)
    openers = {form[0] for form in known} | country_first_words() | {"the"}
    words = _Words(doc)
    taken = covered(doc, candidates)
    added = []
    read_to = 0  # tokens before it are read
    for i in capitalized(doc):  # only a capitalized word opens a name
        if i < read_to or taken[i] or words.opener(i) not in openers:
            continue
        found = _match_at(doc, words, i, known, longest, taken)
        if found is not None:
            added.append(found)
            read_to = found.end
    return sorted(candidates + added, key=lambda c: c.start)


class _Words:
    """The tokens' texts, lower-case forms and trailing spaces, read from the Doc once (one
    str object per distinct word)."""

    def __init__(self, doc: Doc) -> None:
        self.texts = token_texts(doc)
        self.lowers = token_lowers(doc)
        self.spaces = token_spaces(doc)

    def opener(self, i: int) -> str:
        """The word a name starting at token i opens with, as names are compared."""
        return normalize(self.texts[i]).partition(" ")[0] or self.lowers[i]

    def text(self, start: int, end: int) -> str:
        return "".join(self.texts[k] + self.spaces[k] for k in range(start, end)).rstrip()


def _known_forms(doc: Doc, candidates: list[Candidate]) -> dict[tuple[str, ...], Kind]:
    """The word forms of persons and organizations found so far, with a person's surname."""
    known: dict[tuple[str, ...], Kind] = {}
    for candidate in candidates:
        if candidate.kind in (Kind.PERSON, Kind.ORG):
            words = words_of(doc, candidate)
            known.setdefault(words, candidate.kind)
            if candidate.kind is Kind.PERSON:
                known.setdefault(words[-1:], Kind.PERSON)
    return known


def _match_at(
    doc: Doc,
    words: _Words,
    i: int,
    known: dict[tuple[str, ...], Kind],
    longest: int,
    taken: bytearray,
) -> Candidate | None:
    """The longest known name, country or demonym starting at token i, within its line."""
    limit = min(len(doc), i + max(longest, MAX_COUNTRY_TOKENS))
    end = i
    while end < limit and not taken[end] and "\n" not in words.texts[end]:
        end += 1
    for stop in range(end, i, -1):
        kind = known.get(tuple(words.lowers[i:stop]))
        if kind is not None and words.texts[stop - 1][:1].isupper():
            return Candidate(i, stop, kind)
        if stop - i > MAX_COUNTRY_TOKENS:
            continue
        text = words.text(i, stop)
        if not _plausible_country_text(text, words.texts[stop - 1]):
            continue
        if _names_something_else(doc, stop):
            continue
        country = country_named(text)
        if country is not None:
            return Candidate(i, stop, Kind.COUNTRY, country=country)
        country = country_of_demonym(text)
        if country is not None:
            return Candidate(i, stop, Kind.COUNTRY, country=country, demonym=True)
    return None


def _names_something_else(doc: Doc, end: int) -> bool:
    """A country's name as part of another: "U.S. Open", "Hong Kong-based", "Panama City"."""
    if doc[end - 1].ent_type_ in OTHER_NAME_LABELS:
        return True  # "the Tour of the Netherlands", an event
    if end >= len(doc):
        return False
    following = doc[end]
    if following.lower_ in ("open", "city") and following.text[:1].isupper():
        return True
    glued = not doc[end - 1].whitespace_ and following.text == "-"
    return glued and end + 1 < len(doc) and doc[end + 1].is_lower


def _plausible_country_text(text: str, last_word: str) -> bool:
    """Country names are capitalized; short ones ("US", "UK") only count in capitals."""
    if not last_word[:1].isupper():
        return False
    compact = normalize(text).replace(" ", "")
    return len(compact) > _LONGEST_SHORT_NAME or text.isupper() or "." in text

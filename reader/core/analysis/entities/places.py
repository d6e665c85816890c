"""Places that share a country's name: the U.S. state of Georgia.

"Atlanta, Georgia" and "Georgia's governor" name the state, not the country in the Caucasus.
The article decides: a name that is both a country and a U.S. state (ISO 3166-2, through
pycountry) is the state in an article that names another U.S. state, or that writes it after a
city ("Valdosta, Georgia").

Serves U.S. news (Georgia the state) and news of any era (a country before an
organization's name). No figure recorded (256e50e).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from reader.core.analysis.entities.candidates import Candidate, form_of
from reader.core.analysis.entities.countries import is_us_state, normalize
from reader.core.analysis.entities.sports import is_sports_report
from reader.core.analysis.entities.token_facts import (
    span_text,
    token_lowers,
    token_pos,
    token_texts,
)
from reader.core.analysis.entities.word_lists import table
from reader.core.model import Kind

# Capitals and large cities (cities.txt), normalized as country names are.
CITIES = frozenset(normalize(name) for _, name in table("cities.txt"))


def states_not_countries(doc: Doc, candidates: list[Candidate]) -> None:
    """Turn the country mentions that name a U.S. state into places, where the article is
    set in the United States."""
    ambiguous = [
        c
        for c in candidates
        if c.kind is Kind.COUNTRY and not c.demonym and is_us_state(span_text(doc, c.start, c.end))
    ]
    if not ambiguous:
        return
    names = {span_text(doc, c.start, c.end).casefold() for c in ambiguous}
    other_state = any(
        c.kind is None
        and is_us_state(span_text(doc, c.start, c.end))
        and span_text(doc, c.start, c.end).casefold() not in names
        for c in candidates
    )
    if other_state or any(_after_a_city(doc, c.start) for c in ambiguous):
        for candidate in ambiguous:
            candidate.kind, candidate.country, candidate.place = None, None, True


def _after_a_city(doc: Doc, start: int) -> bool:
    """ "Valdosta, Georgia": a capitalized name and a comma before it, on the same line."""
    return (
        start >= 2
        and doc[start - 1].text == ","
        and doc[start - 2].text[:1].isupper()
        and not doc[start - 2].is_upper
    )


def countries_inside_names(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """ "U.S. Senate", "U.S. Food and Drug Administration": a country the model labelled on its
    own right before an organization is part of the organization's name."""
    merged: list[Candidate] = []
    for candidate in candidates:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.kind is Kind.COUNTRY
            and not previous.demonym
            and candidate.kind is Kind.ORG
            and previous.end == candidate.start
            and not any("\n" in t for t in token_texts(doc)[previous.start : candidate.start])
        ):
            merged[-1] = Candidate(previous.start, candidate.end, Kind.ORG, label=candidate.label)
            continue
        merged.append(candidate)
    return merged


# "the port town of Sines", "the Sines district": nouns of a place before "of" and its name,
# or after the name.
_PLACE_NOUNS = frozenset(
    {"town", "city", "village", "port", "region", "province", "district", "island", "county"}
    | {"municipality", "suburb", "neighborhood", "neighbourhood", "capital", "harbour", "harbor"}
    | {"towns", "villages", "regions", "provinces", "districts", "islands", "counties"}
    | {"suburbs", "neighborhoods", "neighbourhoods"}
)
# Prepositions of place: "ships calling in Sines", "the terminal at Sines".
_LOCATIVES = frozenset(
    {"in", "at", "near", "outside", "around", "from", "to", "into", "through", "across", "off"}
    | {"toward", "towards"}
)


def _placed_forms(doc: Doc, candidates: list[Candidate]) -> set[str]:
    """The forms whose every mention stands where a place does, one of them named as a place
    ("the port town of Sines", "the Sines district"; then "in Sines", "at Sines", or before
    a common noun, "the Sines ferry"): a town the model took for an organization."""
    introduced: set[str] = set()
    elsewhere: set[str] = set()
    lowers, texts = token_lowers(doc), token_texts(doc)
    for candidate in candidates:
        form = form_of(doc, candidate)
        start, end = candidate.start, candidate.end
        before = lowers[start - 1] if start > 0 else ""
        after = texts[end] if end < len(doc) else ""
        named_after = before == "of" and start > 1 and lowers[start - 2] in _PLACE_NOUNS
        if named_after or (after.lower() in _PLACE_NOUNS and not _compounded(doc, end)):
            introduced.add(form)
        elif before not in _LOCATIVES and not _before_a_noun(doc, end):
            elsewhere.add(form)
    return introduced - elsewhere


def _before_a_noun(doc: Doc, i: int) -> bool:
    """Whether token i is a common noun in lower case, by the tagger (no tagger: never):
    "ferry" of "the Sines ferry", not "said" of "Sines said"."""
    texts = token_texts(doc)
    return i < len(texts) and texts[i].islower() and token_pos(doc)[i] == "NOUN"


def _compounded(doc: Doc, i: int) -> bool:
    """Whether the noun at token i qualifies a noun after it ("town" of "a BET town hall",
    which is no town)."""
    return _before_a_noun(doc, i + 1)


def places_not_organizations(doc: Doc, candidates: list[Candidate]) -> None:
    """A U.S. state, a city of `CITIES` or a name the article only writes as a place
    (`_placed_forms`) that the model called an organization is a place (issue 21:
    "Florida", "Crimea", "Copenhagen", the port town "Sines" as organizations), where no
    mention of the name is a person's or was found by a rule (no company evidence, no
    results line made it one). Not in a sports report, where a place that acts is a team
    ("Michigan beat Ohio State"). The model's own place labels elsewhere are no evidence: it
    labels "RT" and "Bloomberg" places too."""
    votes: Counter[tuple[str, str]] = Counter()
    for candidate in candidates:
        votes[form_of(doc, candidate), candidate.label] += 1
    suspects = [
        c
        for c in candidates
        if c.kind is Kind.ORG and c.label == "ORG" and not c.team and c.end - c.start <= 3
    ]
    if not suspects or is_sports_report(doc, candidates):
        return
    places: dict[str, bool] = {}
    placed = _placed_forms(doc, candidates)
    for candidate in suspects:
        form = form_of(doc, candidate)
        if form not in places:
            text = span_text(doc, candidate.start, candidate.end)
            known = is_us_state(text) or normalize(text) in CITIES or form in placed
            unnamed = votes[form, "PERSON"] == 0 and votes[form, ""] == 0
            places[form] = unnamed and known
    for candidate in candidates:
        if candidate.kind is Kind.ORG and places.get(form_of(doc, candidate)):
            candidate.kind, candidate.place = None, True

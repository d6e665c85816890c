"""The model's entities as candidates: trimmed to the name, split at layout breaks, classified.

The statistical model labels each sentence on its own: "the" and trailing scores end up inside
a name, a line break or a bracket runs two names together, a country or a demonym gets the
wrong label. Here each entity of a name label becomes zero or more candidates whose kind comes
from the text first (countries, demonyms, titles) and from the model's label second.

Serves all text; the topic slug, the capitals headline and the cricket dismissals ("c X b Y")
are the 1996 Reuters wire layout of entities-dev (0b13a81, 38d83d0, ce5c462; no figures
recorded).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from reader.core.analysis.entities.candidates import Candidate
from reader.core.analysis.entities.countries import country_named, country_of_demonym
from reader.core.analysis.entities.offices import is_time_zone, without_offices
from reader.core.analysis.entities.token_facts import flags as token_flags
from reader.core.analysis.entities.token_facts import (
    span_text,
    token_lowers,
    token_pos,
    token_texts,
)
from reader.core.analysis.entities.word_lists import words
from reader.core.model import Kind

# Model labels that can name one of our kinds; number and date labels never do.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})

# Words before a name that are not part of it ("President Donald Trump" names "Donald Trump").
TITLES = words("titles.txt")
HONORIFICS = words("honorifics.txt")
_ARTICLES = frozenset({"the", "a", "an"})
# Lowercase words inside names ("Rafael van der Vaart").
PARTICLES = frozenset(
    {"de", "van", "den", "der", "von", "da", "di", "du", "le", "la", "del", "dos"}
)
# Cricket scorecards: "Saeed Anwar c Stewart b Gough 33" names fielders and bowlers.
DISMISSALS = frozenset({"c", "b", "st", "lbw"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# Tokens of the longest country name looked up ("Saint Vincent and the Grenadines").
MAX_COUNTRY_TOKENS = 5
# Letters of an acronym amid ordinary text: "EU" to "NASDA" (eb30f09).
_ACRONYM_LENGTHS = range(2, 6)
# Tokens of the shortest coordination split in two: "Perdue and Loeffler" (f89e39d).
_FEWEST_COORDINATED_TOKENS = 3
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "his", "her", "their"})
# Letters and a number joined by a hyphen: "COVID-19", "IR-2m", a disease or a product.
_CODE = re.compile(r"[A-Za-z]+-\d+[a-z]?")
# Nouns after a people's name ("the Rohingya minority"), which no organization's takes.
_PEOPLE_NOUNS = frozenset(
    {"minority", "minorities", "tribe", "tribes", "tribesmen", "muslim"}
    | {"muslims", "christians", "ethnic", "refugees"}
)
# Head nouns of institutions, which "and" inside a name does not split.
_INSTITUTIONS = words("institution_heads.txt")
# Nouns of an occupation that open a person's full name as its role, capitalized only by the
# sentence ("Farmer Baldev Sandhu, 61, said"): the human roles that are no title (titles go
# already) nor a word of kinship or a given name, which a name may start with ("Son Heung-min").
_KINSHIP = frozenset({"mother", "son", "daughter", "wife", "husband", "widow"})
_LEADING_ROLES = (
    words("human_roles.txt") - TITLES - _KINSHIP - {"grandmother", "grandfather"}
) - words("given_names.txt")
# Tokens of a person's name left after a leading occupation: a given name and a surname.
_NAME_AFTER_ROLE = 2


def model_candidates(doc: Doc) -> list[Candidate]:
    """The model's entities of name labels, trimmed, split at layout breaks and classified.

    A wire headline's topic slug is no name; a capitals headline the model read as one name
    gives the countries in it instead; "Red Bull’s Max Verstappen" is two names, "Perdue and
    Loeffler" too, and "COVID-19" names a thing, not an actor.
    """
    candidates = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        person = ent.label_ == "PERSON" or _is_titled_person(doc, ent.start, ent.end)
        for start, end in _trimmed_pieces(doc, ent.start, ent.end, person):
            if _is_topic_slug(doc, start, end) or _is_code(doc, start, end):
                continue
            if end - start > 1 and span_text(doc, start, end).isupper():
                found = _countries_within(doc, start, end)
                if found:
                    candidates.extend(found)
                    continue
            entity_label = "PERSON" if person else ent.label_
            for piece_start, piece_end, label in _owner_and_owned(doc, start, end, entity_label):
                for name_start, name_end, name_label in without_offices(
                    doc, piece_start, piece_end, label
                ):
                    candidate = _classify(doc, name_start, name_end, name_label)
                    if candidate is not None:
                        candidate.label = name_label
                        candidates.append(candidate)
    return candidates


def _is_code(doc: Doc, start: int, end: int) -> bool:
    """A name with a number glued on by a hyphen names a thing: "COVID-19", "IR-2"."""
    texts, facts = token_texts(doc), token_flags(doc)
    return any(_CODE.fullmatch(texts[i]) for i in range(start, end)) or (
        end < len(doc)
        and texts[end] == "-"
        and not facts.spaced[end - 1]
        and end + 1 < len(doc)
        and facts.like_num[end + 1]
    )


def _owner_and_owned(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """ "Red Bull’s Max Verstappen": the owner (an organization) and the person it owns.

    A possessive inside one entity joins two names. Before a person, the owner is the team
    or company ("Ferrari’s Charles Leclerc"); a person owns a company in capitals ("Bernard
    Arnault’s LVMH"); otherwise both keep the label ("Justice Department’s Civil Rights
    Division").
    """
    lowers = token_lowers(doc)
    cut = next((i for i in range(start + 1, end - 1) if lowers[i] in ("'s", "’s")), None)
    if cut is None or _ends_in_institution(doc, end):
        return _coordinated(doc, start, end, label)
    owner, owned = (start, cut, label), (cut + 1, end, label)
    if label == "PERSON":
        if end - cut == 2 and token_flags(doc).upper[cut + 1]:
            owned = (cut + 1, end, "ORG")
        else:
            owner = (start, cut, "ORG")
    return [owner, owned]


def _ends_in_institution(doc: Doc, end: int) -> bool:
    return token_lowers(doc)[end - 1].rstrip(".") in _INSTITUTIONS


def _coordinated(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """ "Perdue and Loeffler", "Macquarie Capital and Citigroup": one name each side of "and" or
    a comma, unless an institution's head noun ends the whole ("Food and Drug Administration")."""
    texts, lowers, is_lower = token_texts(doc), token_lowers(doc), token_flags(doc).lower
    if (
        end - start < _FEWEST_COORDINATED_TOKENS
        or any(is_lower[i] and lowers[i] != "and" for i in range(start, end))
        or _ends_in_institution(doc, end)
        or any(texts[i] == "&" for i in range(start, end))
    ):
        return [(start, end, label)]
    pieces = []
    piece_start = start
    for i in range(start + 1, end - 1):
        if lowers[i] in ("and", ",") and texts[i + 1][:1].isupper():
            if i > piece_start:
                pieces.append((piece_start, i, label))
            piece_start = i + 1
    pieces.append((piece_start, end, label))
    return pieces


def _is_topic_slug(doc: Doc, start: int, end: int) -> bool:
    """The topic before a wire headline: "SOCCER - ENGLAND BEAT MOLDOVA", "RUGBY UNION - ..."."""
    texts = token_texts(doc)
    at_line_start = start == 0 or "\n" in texts[start - 1]
    return (
        at_line_start
        and end < len(doc)
        and separates_names(doc, end)
        and texts[end] == "-"
        and span_text(doc, start, end).isupper()
        and country_named(span_text(doc, start, end)) is None
    )


def _countries_within(doc: Doc, start: int, end: int) -> list[Candidate]:
    """The countries in a stretch of a capitals headline the model took for one name.

    "ENGLAND BEAT MOLDOVA IN" is no organization but two countries, unless the whole
    stretch names a country ("SOUTH AFRICA").
    """
    if country_named(span_text(doc, start, end)) is not None:
        return []
    found = []
    i = start
    while i < end:
        for stop in range(min(end, i + MAX_COUNTRY_TOKENS), i, -1):
            country = country_named(span_text(doc, i, stop))
            if country is not None:
                found.append(Candidate(i, stop, Kind.COUNTRY, country=country))
                i = stop
                break
        else:
            i += 1
    return found


def _is_titled_person(doc: Doc, start: int, end: int) -> bool:
    """`Councillor Ruben Tasse`, labelled an organization: an honorific that only persons
    bear, then nothing but capitalized names ("Mayor's Office" and "Judge Rotenberg Center"
    end in no name: an institution noun or a possessive stops it)."""
    lowers, title, pos = token_lowers(doc), token_flags(doc).title, token_pos(doc)
    if end - start < 2 or lowers[start].rstrip(".") not in HONORIFICS:
        return False
    names = range(start + 1, end)
    return all(title[i] and pos[i] == "PROPN" for i in names) and not _inside_institution_word(
        lowers[end - 1]
    )


def _inside_institution_word(word: str) -> bool:
    """Whether `word` is part of one of the institution heads: "co", "uni" and "ice" count.

    A substring test, as the rule has run since 9d2aeeb (a set of seven nouns meant for it,
    "center" and "house" among them, was shadowed by the text of the heads); kept as it is
    so that the analyses stay the same."""
    return any(word in head for head in _INSTITUTIONS)


def _trimmed_pieces(doc: Doc, start: int, end: int, person: bool) -> list[tuple[int, int]]:
    """The parts of an entity that are a name: split at line breaks, trimmed of non-name ends."""
    pieces = []
    piece_start = start
    for i in range(start, end + 1):
        if i == end or separates_names(doc, i):
            trimmed = _trim(doc, piece_start, i, person)
            if trimmed:
                pieces.append(trimmed)
            piece_start = i + 1
    return pieces


def separates_names(doc: Doc, i: int) -> bool:
    """Whether token i is a line break, a bracket, a spaced dash ("Romania - Cosmin Contra") or
    "b" in "c X b Y"."""
    text = token_texts(doc)[i]
    if "\n" in text or text in DISMISSALS or text in ("(", ")"):
        return True
    spaced = token_flags(doc).spaced
    return text == "-" and spaced[i] and i > 0 and spaced[i - 1]


def _trim(doc: Doc, start: int, end: int, person: bool) -> tuple[int, int] | None:
    """The name inside [start, end): leading articles (and a person's titles), trailing scores,
    possessives and common nouns cut off; a hyphenated given name completed."""
    while start < end and _is_leading_noise(doc, start, person and end - start > 1):
        start += 1
    if person and _opens_with_occupation(doc, start, end):
        start += 1
    while start < end and _is_trailing_noise(doc, end - 1):
        end -= 1
    if person and start < end:
        end = _with_hyphenated_ending(doc, end)
    return (start, end) if start < end else None


def _opens_with_occupation(doc: Doc, start: int, end: int) -> bool:
    """ "Farmer Baldev Sandhu": a capitalized occupation (`_LEADING_ROLES`) before a full name
    of two capitalized words or more, the role's (`roles` keeps it), not the given name."""
    if end - start <= _NAME_AFTER_ROLE or token_lowers(doc)[start] not in _LEADING_ROLES:
        return False
    title, texts = token_flags(doc).title, token_texts(doc)
    return title[start] and title[start + 1] and texts[end - 1][:1].isupper()


def _with_hyphenated_ending(doc: Doc, end: int) -> int:
    """The model often stops a name at a hyphen: "Li Song" of "Li Song-ho"."""
    facts = token_flags(doc)
    glued = end + 1 < len(doc) and not facts.spaced[end - 1] and not facts.spaced[end]
    if glued and token_texts(doc)[end] == "-" and facts.alpha[end + 1] and facts.lower[end + 1]:
        return end + 2
    return end


def _is_leading_noise(doc: Doc, i: int, strip_titles: bool) -> bool:
    """Words before a name that are not part of it ("the", "ex", and with `strip_titles`,
    titles and nationalities: "President", "Russian"): token i is one."""
    text, lower, facts = token_texts(doc)[i], token_lowers(doc)[i], token_flags(doc)
    if not facts.letters[i] or lower in _ARTICLES or is_time_zone(doc, i):
        return True
    if facts.lower[i] and text not in PARTICLES:
        return True  # "ex" in "ex-England"
    if not strip_titles:
        return False
    return lower.rstrip(".") in TITLES or country_of_demonym(text) is not None


def _is_trailing_noise(doc: Doc, i: int) -> bool:
    """Scores, possessives and common nouns after a name ("Interfax news agency"): token i."""
    text, facts = token_texts(doc)[i], token_flags(doc)
    if not facts.letters[i] or text[0].isdigit() or text in POSSESSIVES:
        return True
    if is_time_zone(doc, i):
        return True
    return facts.lower[i]


def _is_acronym(doc: Doc, start: int, end: int) -> bool:
    """A short word in capitals amid ordinary text (not in an all-capitals headline)."""
    if end - start != 1:
        return False
    facts = token_flags(doc)
    if not (facts.upper[start] and facts.alpha[start]):
        return False
    if len(token_texts(doc)[start]) not in _ACRONYM_LENGTHS:
        return False
    if not doc.has_annotation("SENT_START"):
        return True
    return any(t.is_lower for t in doc[start].sent)


def _names_a_people(doc: Doc, start: int, end: int) -> bool:
    """A one-word name that is a people's: after "ethnic", or before a nationality or
    religion ("Rohingya Muslim", labelled NORP) or a noun for a people ("Houthi tribesmen")."""
    if end - start != 1 or not token_flags(doc).title[start]:
        return False
    if start > 0 and token_lowers(doc)[start - 1] == "ethnic":
        return True
    after = doc[end] if end < len(doc) else None
    if after is None:
        return False
    return after.ent_type_ == "NORP" or (after.is_lower and after.lower_ in _PEOPLE_NOUNS)


def _classify(doc: Doc, start: int, end: int, label: str) -> Candidate | None:
    """What a trimmed stretch the model labelled `label` is, by its text first.

    Country names and demonyms are checked before the label, which the model often gets
    wrong for them. A place that is no country stays a candidate of no kind (a results line or
    a sports report may still make it a team); None for what names nothing (a lone title, a
    nationality that is no demonym of ours, a common noun taken for a person).
    """
    text = span_text(doc, start, end)
    demonym_of = country_of_demonym(text)  # "Briton" is often taken for a person
    if demonym_of is not None:
        return Candidate(start, end, Kind.COUNTRY, country=demonym_of, demonym=True)
    if label == "NORP":
        return None
    country = country_named(text)
    if country is not None:
        return Candidate(start, end, Kind.COUNTRY, country=country)
    lowers, pos = token_lowers(doc), token_pos(doc)
    if all(lowers[i].rstrip(".") in TITLES for i in range(start, end)):
        return None  # "Secretary of State": a title, not a name
    if end - start == 1 and (pos[start] == "PRON" or lowers[start] in _PRONOUNS):
        return None  # "He was the first director": a pronoun opening a paragraph
    if _names_a_people(doc, start, end):
        return None  # "the Rohingya Muslim minority": a people (NORP), not an organization
    if label == "PERSON":
        if end - start == 1 and pos[start] == "NOUN":
            return None  # "Extras ( lb-3 )", "Scorer :": a common noun the model took for a name
        if _is_acronym(doc, start, end):
            return Candidate(start, end, Kind.ORG)  # "KDP", "UWP": no one's name
        return Candidate(start, end, Kind.PERSON)
    if label == "ORG":
        return Candidate(start, end, Kind.ORG)
    return Candidate(start, end, None)

"""Entities of the three kinds the reader highlights, with one key per real entity.

The statistical model labels each sentence on its own and often disagrees with itself: a surname
is a person in one sentence and an organization in the next, a country in a headline is missed,
"the" and trailing scores end up inside a name. This module takes the model's entities as
candidates, trims them, reads the layouts of datelines and sports results, decides each
name's kind with the whole document in view, adds unlabelled repeats of names it already knows
and countries the model missed, and gives every mention of one real entity the same key and
display name: the fullest form the article itself uses, not a speaker's wording inside a quote.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from reader.core.countries import Country, country_named, country_of_demonym, normalize
from reader.core.model import Kind, Mention, MentionType
from reader.core.quotes import SPANS_KEY as QUOTES_KEY

# Model labels that can name one of our kinds; number and date labels never do.
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
# Names of other things, which a country name inside is part of.
_OTHER_NAME_LABELS = frozenset({"EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"})

# Words before a name that are not part of it ("President Donald Trump" names "Donald Trump").
_TITLE_WORDS = """
mr mrs ms miss dr prof sir dame lord lady president vice premier chancellor minister prime
secretary foreign deputy state defence defense finance general gen lt col colonel major maj
captain capt sgt sergeant admiral adm senator sen representative rep governor gov mayor judge
justice king queen prince princess sheikh pope cardinal archbishop bishop rev father brother
sister ambassador envoy spokesman spokeswoman chairman chief coach manager striker midfielder
defender goalkeeper leader rebel opposition former late new acting"""
_TITLES = frozenset(_TITLE_WORDS.split())
_ARTICLES = frozenset({"the", "a", "an"})
# Lowercase words inside names ("Rafael van der Vaart").
_PARTICLES = frozenset(
    {"de", "van", "den", "der", "von", "da", "di", "du", "le", "la", "del", "dos"}
)
# Cricket scorecards: "Saeed Anwar c Stewart b Gough 33" names fielders and bowlers.
_DISMISSALS = frozenset({"c", "b", "st", "lbw"})
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_MAX_COUNTRY_TOKENS = 5


@dataclass(slots=True)
class _Candidate:
    """A stretch of tokens [start, end) and what we currently think it is."""

    start: int
    end: int
    kind: Kind | None  # None: a place or group that is not one of ours
    country: Country | None = None
    demonym: bool = False
    team: bool = False  # named as a team on a line of sports results
    label: str = ""  # the model's label, if the model found this name
    place: bool = False  # known to name a place (a dateline's city)


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.casefold()).strip("-")


def mentions_from_doc(doc: Doc) -> tuple[Mention, ...]:
    """Mentions of persons, countries and organizations, sorted by start, never overlapping."""
    candidates = _model_candidates(doc)
    _mark_dateline_places(doc, candidates)
    candidates = _with_results_lines(doc, candidates)
    candidates = _with_person_patterns(doc, candidates)
    if _is_sports_report(doc, candidates):
        _places_as_teams(doc, candidates)
    elif _is_wire_story(doc):
        _drop_unintroduced_persons(doc, candidates)
    _settle_kinds(doc, candidates)
    candidates = _add_unlabelled(doc, candidates)
    return _to_mentions(doc, candidates)


# --- candidates from the model ---------------------------------------------------------------


def _model_candidates(doc: Doc) -> list[_Candidate]:
    """The model's entities of name labels, trimmed, split at layout breaks and classified.

    A wire headline's topic slug is no name; a capitals headline the model read as one name
    gives the countries in it instead.
    """
    candidates = []
    for ent in doc.ents:
        if ent.label_ not in _NAME_LABELS:
            continue
        for start, end in _trimmed_pieces(doc, ent.start, ent.end, ent.label_ == "PERSON"):
            if _is_topic_slug(doc, start, end):
                continue
            if end - start > 1 and doc[start:end].text.isupper():
                found = _countries_within(doc, start, end)
                if found:
                    candidates.extend(found)
                    continue
            candidate = _classify(doc, start, end, ent.label_)
            if candidate is not None:
                candidate.label = ent.label_
                candidates.append(candidate)
    return candidates


def _is_topic_slug(doc: Doc, start: int, end: int) -> bool:
    """The topic before a wire headline: "SOCCER - ENGLAND BEAT MOLDOVA", "RUGBY UNION - ..."."""
    at_line_start = start == 0 or "\n" in doc[start - 1].text
    return (
        at_line_start
        and end < len(doc)
        and _separates_names(doc[end])
        and doc[end].text == "-"
        and doc[start:end].text.isupper()
        and country_named(doc[start:end].text) is None
    )


def _countries_within(doc: Doc, start: int, end: int) -> list[_Candidate]:
    """The countries in a stretch of a capitals headline the model took for one name.

    "ENGLAND BEAT MOLDOVA IN" is no organization but two countries, unless the whole
    stretch names a country ("SOUTH AFRICA").
    """
    if country_named(doc[start:end].text) is not None:
        return []
    found = []
    i = start
    while i < end:
        for stop in range(min(end, i + _MAX_COUNTRY_TOKENS), i, -1):
            country = country_named(doc[i:stop].text)
            if country is not None:
                found.append(_Candidate(i, stop, Kind.COUNTRY, country=country))
                i = stop
                break
        else:
            i += 1
    return found


def _trimmed_pieces(doc: Doc, start: int, end: int, person: bool) -> list[tuple[int, int]]:
    """The parts of an entity that are a name: split at line breaks, trimmed of non-name ends."""
    pieces = []
    piece_start = start
    for i in range(start, end + 1):
        if i == end or _separates_names(doc[i]):
            trimmed = _trim(doc, piece_start, i, person)
            if trimmed:
                pieces.append(trimmed)
            piece_start = i + 1
    return pieces


def _separates_names(token: Token) -> bool:
    """Line breaks, brackets, a spaced dash ("Romania - Cosmin Contra"), "b" in "c X b Y"."""
    if "\n" in token.text or token.text in _DISMISSALS or token.text in ("(", ")"):
        return True
    return (
        token.text == "-"
        and bool(token.whitespace_)
        and token.i > 0
        and bool(token.doc[token.i - 1].whitespace_)
    )


def _trim(doc: Doc, start: int, end: int, person: bool) -> tuple[int, int] | None:
    """The name inside [start, end): leading articles (and a person's titles), trailing scores,
    possessives and common nouns cut off; a hyphenated given name completed."""
    while start < end and _is_leading_noise(doc[start], person and end - start > 1):
        start += 1
    while start < end and _is_trailing_noise(doc[end - 1]):
        end -= 1
    if person and start < end:
        end = _with_hyphenated_ending(doc, end)
    return (start, end) if start < end else None


def _with_hyphenated_ending(doc: Doc, end: int) -> int:
    """The model often stops a name at a hyphen: "Li Song" of "Li Song-ho"."""
    glued = end + 1 < len(doc) and not doc[end - 1].whitespace_ and not doc[end].whitespace_
    if glued and doc[end].text == "-" and doc[end + 1].is_alpha and doc[end + 1].is_lower:
        return end + 2
    return end


def _is_leading_noise(token: Token, strip_titles: bool) -> bool:
    """Words before a name that are not part of it ("the", "ex", and with `strip_titles`,
    titles and nationalities: "President", "Russian")."""
    if not _has_letters(token) or token.lower_ in _ARTICLES:
        return True
    if token.is_lower and token.text not in _PARTICLES:
        return True  # "ex" in "ex-England"
    if not strip_titles:
        return False
    word = token.lower_.rstrip(".")
    return word in _TITLES or country_of_demonym(token.text) is not None


def _is_trailing_noise(token: Token) -> bool:
    """Scores, possessives and common nouns after a name ("Interfax news agency")."""
    if not _has_letters(token) or token.text[0].isdigit() or token.text in _POSSESSIVES:
        return True
    return token.is_lower


def _is_acronym(doc: Doc, start: int, end: int) -> bool:
    """A short word in capitals amid ordinary text (not in an all-capitals headline)."""
    if end - start != 1:
        return False
    token = doc[start]
    if not (token.is_upper and token.is_alpha and 2 <= len(token) <= 5):
        return False
    return any(t.is_lower for t in token.sent) if doc.has_annotation("SENT_START") else True


def _has_letters(token: Token) -> bool:
    return any(c.isalpha() for c in token.text)


def _classify(doc: Doc, start: int, end: int, label: str) -> _Candidate | None:
    """What a trimmed stretch the model labelled `label` is, by its text first.

    Country names and demonyms are checked before the label, which the model often gets
    wrong for them. A place that is no country stays a candidate of no kind (a results line or
    a sports report may still make it a team); None for what names nothing (a lone title, a
    nationality that is no demonym of ours, a common noun taken for a person).
    """
    text = doc[start:end].text
    demonym_of = country_of_demonym(text)  # "Briton" is often taken for a person
    if demonym_of is not None:
        return _Candidate(start, end, Kind.COUNTRY, country=demonym_of, demonym=True)
    if label == "NORP":
        return None
    country = country_named(text)
    if country is not None:
        return _Candidate(start, end, Kind.COUNTRY, country=country)
    if all(t.lower_.rstrip(".") in _TITLES for t in doc[start:end]):
        return None  # "Secretary of State": a title, not a name
    if label == "PERSON":
        if end - start == 1 and doc[start].pos_ == "NOUN":
            return None  # "Extras ( lb-3 )", "Scorer :": a common noun the model took for a name
        if _is_acronym(doc, start, end):
            return _Candidate(start, end, Kind.ORG)  # "KDP", "UWP": no one's name
        return _Candidate(start, end, Kind.PERSON)
    if label == "ORG":
        return _Candidate(start, end, Kind.ORG)
    return _Candidate(start, end, None)


# --- sports results: "Swansea 49 Cardiff 23", "CHICAGO 71 64 .526 10", "Kent v Essex" ---------

_SCORE_WORDS = frozenset({"v", "at"})
_CALENDAR_WORDS = """
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
jan feb mar apr jun jul aug sep sept oct nov dec"""
_CALENDAR = frozenset(_CALENDAR_WORDS.split())
_DATE = re.compile(r"\d{4} ?- ?\d\d ?- ?\d\d")
_INITIAL = re.compile(r"[A-Z]\.")
# When a goal was scored, in brackets after the scorer: "Cosmin Contra ( 31st )".
_MINUTE = re.compile(r"\d+(st|nd|rd|th)")
_WORD = re.compile(r"[^\W\d_]+")
# A bowler's figures: overs-maidens-runs-wickets ("10-0-41-2", "9.5-0-44-1").
_BOWLING = re.compile(r"\d+(\.\d)?-\d+-\d+-\d+")


def _with_results_lines(doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
    """Names next to scores on a line of results are teams, whatever place they are named after.

    The model reads "Swansea 49 Cardiff 23" as places (or not at all); on such lines a name
    followed by a score, by "v" or "at", or after "v", is a team (an organization), unless it
    is a country (national teams stay countries) or a person ("P. Simmons 4-38"). A name
    after "at" or before a colon at the start of the line is where the game is played.
    """
    found = []
    for start, end in _lines(doc):
        if not _is_dateline(doc, start, end) and _is_results_line(doc, start, end):
            found.extend(_teams_on_line(doc, start, end, candidates))
    return _replacing(doc, candidates, found)


def _replacing(doc: Doc, candidates: list[_Candidate], found: list[_Candidate]) -> list[_Candidate]:
    """`candidates` with `found` in place of those they overlap."""
    if not found:
        return candidates
    covered = _covered(doc, found)
    kept = [c for c in candidates if not any(covered[c.start : c.end])]
    return sorted(kept + found, key=lambda c: c.start)


def _covered(doc: Doc, candidates: list[_Candidate]) -> bytearray:
    """A flag per token: set where one of `candidates` covers it."""
    covered = bytearray(len(doc))
    for candidate in candidates:
        covered[candidate.start : candidate.end] = b"\x01" * (candidate.end - candidate.start)
    return covered


def _lines(doc: Doc) -> list[tuple[int, int]]:
    lines = []
    start = 0
    for token in doc:
        if "\n" in token.text:
            lines.append((start, token.i))
            start = token.i + 1
    lines.append((start, len(doc)))
    return lines


def _is_dateline(doc: Doc, start: int, end: int) -> bool:
    """A wire story's "LONDON 1996-08-30" line names where it was filed: places only."""
    line = doc[start:end]
    return 0 < len(line) <= 12 and _DATE.search(line.text) is not None


def _mark_dateline_places(doc: Doc, candidates: list[_Candidate]) -> None:
    """The names on a dateline are where the story was filed, never persons or teams."""
    for start, end in _lines(doc):
        if not _is_dateline(doc, start, end):
            continue
        for candidate in candidates:
            if start <= candidate.start < end and candidate.kind is not Kind.COUNTRY:
                candidate.kind, candidate.place = None, True


def _outside_parentheses(doc: Doc, start: int, end: int) -> list[Token]:
    tokens = []
    depth = 0
    for token in doc[start:end]:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            tokens.append(token)
    return tokens


def _is_score(token: Token) -> bool:
    if _has_letters(token) or not any(c.isdigit() for c in token.text):
        return False
    return not _is_in_date(token)


def _is_in_date(token: Token) -> bool:
    """Part of "1996-08-30", which the tokenizer may have cut into five tokens."""
    doc, i = token.doc, token.i
    window = doc[max(0, i - 4) : i + 5]
    offset = token.idx - window.start_char
    return any(m.start() <= offset < m.end() for m in _DATE.finditer(window.text))


def _is_results_line(doc: Doc, start: int, end: int) -> bool:
    """A line of scores or fixtures: a score or "v"/"at", and few lowercase words."""
    if start == end or _is_prose(doc[start:end].text):
        return False
    tokens = _outside_parentheses(doc, start, end)
    words = [t for t in tokens if t.is_alpha]
    lowercase = [t for t in words if t.is_lower and t.lower_ not in _SCORE_WORDS]
    has_score = any(_is_score(t) for t in tokens)
    joined = any(t.lower_ in _SCORE_WORDS for t in tokens)
    return bool(words) and (has_score or joined) and 3 * len(lowercase) <= len(words)


def _is_prose(text: str) -> bool:
    """A quick test on the text, before looking at tokens: mostly lowercase words is prose."""
    words = _WORD.findall(text)
    return len(words) >= 8 and sum(w.islower() for w in words) * 4 > len(words) * 3


def _teams_on_line(
    doc: Doc, start: int, end: int, candidates: list[_Candidate]
) -> list[_Candidate]:
    """The teams, persons and grounds named on one results line."""
    persons = {
        (c.start, c.end) for c in candidates if c.kind is Kind.PERSON and c.end - c.start > 1
    }
    teams = []
    i = start
    while i < end:
        if not _is_name_word(doc[i]) or doc[i].lower_ in _SCORE_WORDS:
            i += 1
            continue
        group_end = i
        while group_end < end and _is_name_word(doc[group_end]):
            group_end += 1
        team = _team(doc, i, group_end, end, persons)
        if team is not None:
            teams.append(team)
        i = group_end
    if sum(t.kind in (Kind.ORG, Kind.COUNTRY) for t in teams) < 2:
        # A lone name takes a row of scores and a proper noun ("Sales 1,234 1,100" is no team),
        # or a "v" before it, as in a fixture list ("May 20 v Durham").
        row = _scores_after(doc, start, end) >= 3
        teams = [
            t
            for t in teams
            if t.kind is not Kind.ORG
            or (row and _is_proper(doc, t))
            or (t.start > 0 and doc[t.start - 1].lower_ == "v")
        ]
    return teams


def _is_proper(doc: Doc, candidate: _Candidate) -> bool:
    return any(t.pos_ == "PROPN" for t in doc[candidate.start : candidate.end])


def _scores_after(doc: Doc, start: int, end: int) -> int:
    """The longest run of scores on the line ("Gillingham 4 1 1 2 4 6 4" has seven)."""
    longest = run = 0
    for token in doc[start:end]:
        run = run + 1 if _is_score(token) else 0
        longest = max(longest, run)
    return longest


def _is_name_word(token: Token) -> bool:
    if token.lower_ in _CALENDAR:
        return False
    return token.text[:1].isupper() or (token.text in _POSSESSIVES and token.i > 0)


def _team(
    doc: Doc, start: int, end: int, line_end: int, persons: set[tuple[int, int]]
) -> _Candidate | None:
    """What the name group [start, end) on a results line is: a ground, a player, a country
    or a team, by its neighbours; None when nothing on the line ties it to the results."""
    before = doc[start - 1] if start > 0 else None
    after_name = _after_qualifier(doc, end, line_end)
    after = doc[after_name] if after_name < line_end else None
    next_to_score = after is not None and (_is_score(after) or after.lower_ in _SCORE_WORDS)
    # "KANSAS CITY AT DETROIT": the home side is named as the place of the game.
    joined = before is not None and before.lower_ == "v"
    if _inside_parentheses(doc, start):
        return None
    if (before is None or "\n" in before.text) and after is not None and after.text == ":":
        return _Candidate(start, end, None, place=True)  # the ground: "Hove : Sussex 363"
    if before is not None and before.lower_ == "at" and country_named(doc[start:end].text) is None:
        return _Candidate(start, end, None, place=True)
    if (before is not None and before.text in _DISMISSALS) or (
        after is not None and (after.text in _DISMISSALS or _BOWLING.fullmatch(after.text))
    ):
        return _Candidate(start, end, Kind.PERSON)
    if not (next_to_score or joined):
        return None
    text = doc[start:end].text
    country = country_named(text)
    if country is not None:
        return _Candidate(start, end, Kind.COUNTRY, country=country)
    if (start, end) in persons or _INITIAL.fullmatch(doc[start].text):
        return _Candidate(start, end, Kind.PERSON)
    return _Candidate(start, end, Kind.ORG, team=True)


def _after_qualifier(doc: Doc, i: int, line_end: int) -> int:
    """Past a bracketed letter after a club's name ("Rad ( B ) 4 1 1 2")."""
    bracketed = i + 2 < line_end and doc[i].text == "(" and doc[i + 2].text == ")"
    if bracketed and len(doc[i + 1].text) <= 2 and doc[i + 1].is_upper:
        return i + 3
    return i


def _inside_parentheses(doc: Doc, i: int) -> bool:
    for token in reversed(doc[max(0, i - 12) : i]):
        if token.text == ")" or "\n" in token.text:
            return False
        if token.text == "(":
            return True
    return False


# --- persons by the company they keep: "A. Dale", "Irina Privalova ( Russia )", "15 - Jeff Wilson"


def _with_person_patterns(doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
    """Names in the layouts of results and line-ups are persons, whatever the model said.

    An initial before a surname ("A. Dale"), a nationality in brackets after a full name
    ("Irina Privalova ( Russia )") and a shirt number before it ("15 - Jeff Wilson").
    """
    found = []
    i = 0
    while i < len(doc):
        end = _name_group_end(doc, i)
        if end == i:
            i += 1
            continue
        if _looks_like_person(doc, i, end):
            found.append(_Candidate(i, end, Kind.PERSON))
        i = end
    return _replacing(doc, candidates, found)


def _name_group_end(doc: Doc, start: int) -> int:
    end = start
    while end < len(doc):
        token = doc[end]
        if token.text[:1].isupper() and _has_letters(token) and token.lower_ not in _CALENDAR:
            end += 1
        elif token.lower_ in _PARTICLES and end > start and end + 1 < len(doc):
            if not doc[end + 1].text[:1].isupper():
                break
            end += 1
        else:
            break
    return end


def _looks_like_person(doc: Doc, start: int, end: int) -> bool:
    """Whether a capitalized group is a person by its layout (see _with_person_patterns)."""
    words = doc[start:end]
    if country_named(words.text) is not None or any(t.lower_ in _TITLES for t in words):
        return False
    if _INITIAL.fullmatch(words[0].text):
        return len(words) > 1 and not words[-1].is_upper
    if len(words) < 2:
        return False
    if end + 1 < len(doc) and doc[end].text == "(":
        inside = doc[end + 1].text
        if _MINUTE.fullmatch(inside) or (
            end + 2 < len(doc) and doc[end + 2].text == ")" and country_named(inside) is not None
        ):
            return True
    return (
        start >= 2
        and doc[start - 1].text == "-"
        and doc[start - 2].like_num
        and bool(doc[start - 2].whitespace_)
    )


# Words that make a story a sports report, where places that act are teams.
_SPORTS_WORDS = """
match league cup championship tournament innings wicket goal striker midfielder goalkeeper
coach captain inning homer pitcher batsman bowler semifinal quarterfinal halftime medal
olympic referee stadium"""
_SPORTS = frozenset(_SPORTS_WORDS.split())
# Prepositions after which a place is a place ("at Headingley", "in Moscow").
_LOCATIVE = frozenset({"in", "at", "from", "near", "to", "of", "outside", "into", "around"})


def _is_sports_report(doc: Doc, candidates: list[_Candidate]) -> bool:
    """A report with results lines, or with three sports words or more, one token in sixty."""
    if any(c.team for c in candidates):
        return True
    hits = sum(1 for t in doc if t.lemma_ in _SPORTS)
    return hits >= 3 and hits * 60 >= len(doc)


def _places_as_teams(doc: Doc, candidates: list[_Candidate]) -> None:
    """In a sports report, a place that acts ("Kent stepped up a gear") is a team.

    The model tags such names as places or, often, as persons; a single word that is not part
    of any person's full name and is not governed by a locative preposition is taken as a team.
    """
    surnames, family_names = _person_forms(doc, candidates)
    persons = surnames | family_names
    persons.update(_form(doc, c) for c in candidates if c.kind is Kind.PERSON and not c.label)
    for candidate in candidates:
        if candidate.kind is Kind.COUNTRY or candidate.place:
            continue
        if candidate.label not in ("GPE", "PERSON", "FAC") or candidate.end - candidate.start > 1:
            continue
        if _form(doc, candidate) in persons:
            continue
        root = doc[candidate.start : candidate.end].root
        if root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE:
            continue
        following = doc[candidate.end].text if candidate.end < len(doc) else ""
        if following in (":", "(") or _inside_parentheses(doc, candidate.start):
            continue  # a venue: "London ( The Oval ) :", "( at Lord 's , London )"
        candidate.kind = Kind.ORG


def _is_wire_story(doc: Doc) -> bool:
    """News agency copy, which opens with a dateline ("LONDON 1996-08-30")."""
    return any(_is_dateline(doc, start, end) for start, end in _lines(doc)[:5])


def _drop_unintroduced_persons(doc: Doc, candidates: list[_Candidate]) -> None:
    """Wire copy introduces a person by full name or title before using a lone surname.

    So in agency copy outside sports, a single word the model calls a person that never appears
    with a first name or a title ("Cofinec said", "Tavildara is now") is more often a company
    or a place; it is left out. Other writing ("Obama said" with no "Barack") keeps it.
    """
    surnames, family_names = _person_forms(doc, candidates)
    titled = {
        _form(doc, c)
        for c in candidates
        if c.start > 0 and doc[c.start - 1].lower_.rstrip(".") in _TITLES
    }
    for candidate in candidates:
        if candidate.kind is not Kind.PERSON or candidate.end - candidate.start > 1:
            continue
        if not candidate.label or _is_all_capitals_line(doc, candidate.start):
            continue
        form = _form(doc, candidate)
        if form not in surnames and form not in family_names and form not in titled:
            candidate.kind = None


def _is_all_capitals_line(doc: Doc, i: int) -> bool:
    start = i
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    end = i
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    line = doc[start:end].text
    return line.upper() == line


# --- one decision per name for the whole document ---------------------------------------------


def _settle_kinds(doc: Doc, candidates: list[_Candidate]) -> None:
    """One kind per name for the whole document.

    A name the model calls a person anywhere, or that ends a person's full name, is a person
    everywhere ("Tillerson and Lavrov's meeting"); a name that is a team on a results line is
    an organization everywhere ("Somerset 83 and 174" makes "Leicestershire beat Somerset" one).
    """
    surnames, family_names = _person_forms(doc, candidates)
    laid_out_persons = {_form(doc, c) for c in candidates if c.kind is Kind.PERSON and not c.label}
    teams = {_form(doc, c) for c in candidates if c.team} - laid_out_persons
    votes: Counter[tuple[str, Kind | None]] = Counter()
    for candidate in candidates:
        votes[_form(doc, candidate), candidate.kind] += 1
    for candidate in candidates:
        form = _form(doc, candidate)
        if candidate.place:
            continue
        if candidate.kind is Kind.COUNTRY:
            if form in surnames and not candidate.demonym:
                candidate.kind, candidate.country = Kind.PERSON, None
        elif form in teams and form not in surnames:
            candidate.kind = Kind.ORG
        elif (
            form in surnames
            or form in family_names
            or votes[form, Kind.PERSON] > votes[form, candidate.kind]
        ):
            candidate.kind = Kind.PERSON
        elif candidate.kind is Kind.PERSON and votes[form, Kind.ORG] > votes[form, Kind.PERSON]:
            candidate.kind = Kind.ORG


def _person_forms(doc: Doc, candidates: list[_Candidate]) -> tuple[set[str], set[str]]:
    """Endings of persons' full names ("Lavrov", "van Schalkwyk") and their first words.

    The first word counts because many languages put the family name first ("Wang Donghai").
    """
    surnames: set[str] = set()
    family_names: set[str] = set()
    for candidate in candidates:
        if candidate.kind is Kind.PERSON and candidate.end - candidate.start > 1:
            words = _words(doc, candidate)
            surnames.update(" ".join(words[i:]) for i in range(len(words)))
            family_names.add(words[0])
    return surnames, family_names


def _words(doc: Doc, candidate: _Candidate) -> tuple[str, ...]:
    """The candidate's words in lower case, as names are compared."""
    return tuple(t.lower_ for t in doc[candidate.start : candidate.end])


def _form(doc: Doc, candidate: _Candidate) -> str:
    return " ".join(_words(doc, candidate))


# --- names the model left unlabelled ----------------------------------------------------------


def _add_unlabelled(doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
    """Countries, demonyms and repeats of known persons and organizations the model missed."""
    known = _known_forms(doc, candidates)
    longest = max((len(form) for form in known), default=1)
    taken = _covered(doc, candidates)
    added = []
    i = 0
    while i < len(doc):
        found = None
        if not taken[i] and doc[i].text[:1].isupper():
            found = _match_at(doc, i, known, longest, taken)
        if found is None:
            i += 1
            continue
        added.append(found)
        i = found.end
    return sorted(candidates + added, key=lambda c: c.start)


def _known_forms(doc: Doc, candidates: list[_Candidate]) -> dict[tuple[str, ...], Kind]:
    """The word forms of persons and organizations found so far, with a person's surname."""
    known: dict[tuple[str, ...], Kind] = {}
    for candidate in candidates:
        if candidate.kind in (Kind.PERSON, Kind.ORG):
            words = _words(doc, candidate)
            known.setdefault(words, candidate.kind)
            if candidate.kind is Kind.PERSON:
                known.setdefault(words[-1:], Kind.PERSON)
    return known


def _match_at(
    doc: Doc,
    i: int,
    known: dict[tuple[str, ...], Kind],
    longest: int,
    taken: bytearray,
) -> _Candidate | None:
    """The longest known name, country or demonym starting at token i, within its line."""
    limit = min(len(doc), i + max(longest, _MAX_COUNTRY_TOKENS))
    end = i
    while end < limit and not taken[end] and "\n" not in doc[end].text:
        end += 1
    for stop in range(end, i, -1):
        words = doc[i:stop]
        kind = known.get(tuple(t.lower_ for t in words))
        if kind is not None and words[-1].text[:1].isupper():
            return _Candidate(i, stop, kind)
        text = words.text
        if not _plausible_country_text(words) or _names_something_else(doc, stop):
            continue
        country = country_named(text)
        if country is not None:
            return _Candidate(i, stop, Kind.COUNTRY, country=country)
        country = country_of_demonym(text)
        if country is not None:
            return _Candidate(i, stop, Kind.COUNTRY, country=country, demonym=True)
    return None


def _names_something_else(doc: Doc, end: int) -> bool:
    """A country's name as part of another: "U.S. Open", "Hong Kong-based", "Panama City"."""
    if doc[end - 1].ent_type_ in _OTHER_NAME_LABELS:
        return True  # "the Tour of the Netherlands", an event
    if end >= len(doc):
        return False
    following = doc[end]
    if following.lower_ in ("open", "city") and following.text[:1].isupper():
        return True
    glued = not doc[end - 1].whitespace_ and following.text == "-"
    return glued and end + 1 < len(doc) and doc[end + 1].is_lower


def _plausible_country_text(words: Span) -> bool:
    """Country names are capitalized; short ones ("US", "UK") only count in capitals."""
    if not words[-1].text[:1].isupper():
        return False
    compact = normalize(words.text).replace(" ", "")
    return len(compact) > 3 or words.text.isupper() or "." in words.text


# --- keys and display names -------------------------------------------------------------------


def _to_mentions(doc: Doc, candidates: list[_Candidate]) -> tuple[Mention, ...]:
    """Plain mentions with keys and display names; a candidate overlapping one before it is
    dropped."""
    chosen = [c for c in candidates if c.kind is not None]
    quoted = _quoted_starts(doc, chosen)
    person_names = _person_names(doc, [c for c in chosen if c.kind is Kind.PERSON], quoted)
    org_names = _org_names(doc, [c for c in chosen if c.kind is Kind.ORG], quoted)
    mentions = []
    last_end = -1
    for candidate in chosen:
        span = doc[candidate.start : candidate.end]
        if span.start_char < last_end:
            continue
        if candidate.kind is Kind.COUNTRY:
            assert candidate.country is not None
            key, name = candidate.country.key, candidate.country.name
        elif candidate.kind is Kind.PERSON:
            name = person_names[candidate.start]
            key = f"person:{_slug(name)}"
        else:
            name = org_names[candidate.start]
            key = f"org:{_slug(name)}"
        kind_of_mention = MentionType.DEMONYM if candidate.demonym else MentionType.NAME
        mentions.append(
            Mention(
                span.start_char,
                span.end_char,
                span.text,
                candidate.kind,
                key,
                name,
                kind_of_mention,
            )
        )
        last_end = span.end_char
    return tuple(mentions)


def _quoted_starts(doc: Doc, candidates: list[_Candidate]) -> set[int]:
    """Start tokens of the candidates inside a quote found by the quote component, if it ran."""
    stretches = sorted(
        f for span in doc.spans.get(QUOTES_KEY, []) for f in span._.quote_fragments or ()
    )
    if not stretches:
        return set()
    starts = [start for start, _ in stretches]
    quoted = set()
    for candidate in candidates:
        char = doc[candidate.start].idx
        i = bisect.bisect_right(starts, char) - 1
        if i >= 0 and char < stretches[i][1]:
            quoted.add(candidate.start)
    return quoted


def _person_names(doc: Doc, persons: list[_Candidate], quoted: set[int]) -> dict[int, str]:
    """For each person mention (by start token), the fullest name it abbreviates.

    "Tillerson" abbreviates "Rex Tillerson" (its ending); a lone "Wang" abbreviates "Wang
    Donghai" when no name ends in it (family name first). When two full names fit, the longer
    wins, then the one mentioned last before the short form, else the first after it.

    A quoted form is the speaker's wording, not the article's: one that puts words before a full
    name the article writes itself ("Crooked Hillary Clinton" where the article has "Hillary
    Clinton") names nobody and is read as that full name. A quoted full name the article
    abbreviates ("Vladimir Putin" in a quote, "Putin" outside) still gives the display name.
    """
    words_of = {c.start: _words(doc, c) for c in persons}
    article_forms = {words_of[c.start] for c in persons if c.start not in quoted}
    plain_words = {}
    for start, words in words_of.items():
        endings = (words[i:] for i in range(1, len(words) - 1))  # endings of two words or more
        article_form = next((w for w in endings if w in article_forms), None)
        plain_words[start] = article_form if start in quoted and article_form else words
    by_ending: dict[tuple[str, ...], list[Span]] = {}
    by_first_word: dict[str, list[Span]] = {}
    for candidate in persons:
        words = words_of[candidate.start]
        if words != plain_words[candidate.start]:
            continue  # an embellished quoted form gives no one's name
        span = doc[candidate.start : candidate.end]
        for i in range(len(words)):
            by_ending.setdefault(words[i:], []).append(span)
        if len(words) > 1:
            by_first_word.setdefault(words[0], []).append(span)
    names = {}
    for candidate in persons:
        words = plain_words[candidate.start]
        fits = by_ending[words]
        if len(words) == 1 and all(len(span) == 1 for span in fits):
            fits = fits + by_first_word.get(words[0], [])
        best = max(fits, key=lambda span: (len(span), _closeness(span.start, candidate.start)))
        names[candidate.start] = _display(best.text)
    return names


def _closeness(start: int, mention_start: int) -> tuple[int, int]:
    """Ranks full names for a mention: the last one before it, else the first one after it."""
    if start <= mention_start:
        return (1, start)
    return (0, -start)


def _org_names(doc: Doc, orgs: list[_Candidate], quoted: set[int]) -> dict[int, str]:
    """Organization names; an acronym ("EU") takes the name it abbreviates ("European Union"),
    as the article spells it outside quotes where it does."""
    by_acronym = {}
    for candidate in sorted(orgs, key=lambda c: c.start in quoted):
        span = doc[candidate.start : candidate.end]
        initials = "".join(t.text[0] for t in span if t.text[:1].isupper())
        if len(initials) > 1 and len(span) > 1:
            by_acronym.setdefault(initials, span.text)
    names = {}
    for candidate in orgs:
        text = doc[candidate.start : candidate.end].text
        names[candidate.start] = _display(by_acronym.get(text.replace(".", ""), text))
    return names


def _display(text: str) -> str:
    return " ".join(text.split())

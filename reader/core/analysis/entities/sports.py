"""Layouts of sports results, line-ups and scorecards, as 1990s wire copy prints them.

"Swansea 49 Cardiff 23", "CHICAGO 71 64 .526 10", "Kent v Essex": names next to scores are
teams, whatever place they are named after; "A. Dale", "Irina Privalova ( Russia )" and
"15 - Jeff Wilson" are persons by their layout; in a sports report, a place that acts is a team.

Serves the 1990s wire format only: the results tables, scorecards and line-ups of the 1996
Reuters texts of entities-dev (a840669, c8e7b4d, 166d797, 258ec8e); the record in brackets
(`records`) also serves North American sports copy of any era (ede89e4). None of these
commits recorded a figure; their cases are in tests/core/analysis/entities/test_entities_sports.py.
"""

from __future__ import annotations

import re
from fractions import Fraction

from spacy.tokens import Doc, Token

from reader.core.analysis.entities.candidates import (
    CALENDAR,
    Candidate,
    form_of,
    lines,
    person_forms,
    replacing,
)
from reader.core.analysis.entities.countries import country_named
from reader.core.analysis.entities.from_model import DISMISSALS, PARTICLES, POSSESSIVES, TITLES
from reader.core.analysis.entities.headlines import MINOR_WORDS, OPENING_PREPOSITIONS
from reader.core.analysis.entities.token_facts import (
    capitalized,
    span_text,
    token_lemmas,
    token_lowers,
    token_starts,
    token_tags,
    token_texts,
)
from reader.core.analysis.entities.token_facts import flags as token_flags
from reader.core.analysis.entities.wire import DATE, is_dateline
from reader.core.analysis.entities.word_lists import words
from reader.core.model import Kind

_SCORE_WORDS = frozenset({"v", "at"})
_INITIAL = re.compile(r"[A-Z]\.")
# When a goal was scored, in brackets after the scorer: "Cosmin Contra ( 31st )".
_MINUTE = re.compile(r"\d+(st|nd|rd|th)")
_WORD = re.compile(r"[^\W\d_]+")
# A bowler's figures: overs-maidens-runs-wickets ("10-0-41-2", "9.5-0-44-1").
_BOWLING = re.compile(r"\d+(\.\d)?-\d+-\d+-\d+")
# A results line has at most one lowercase word (besides "v", "at") in three: "Swansea 49
# Cardiff 23" has none, a sentence most. Chosen by hand on the 1996 tables (a840669).
_RESULTS_LOWERCASE_SHARE = Fraction(1, 3)
# A line of eight words or more, over three in four in lower case, is prose: skipped before
# its tokens are read (7e46678: a quick test on the characters, to keep the step fast).
_PROSE_WORDS = 8
_PROSE_LOWERCASE_SHARE = Fraction(3, 4)
# Two teams or countries named next to scores make a result ("Swansea 49 Cardiff 23"); with
# fewer, a lone name needs a row of scores or a "v" (3231dbe: fewer false teams in financial
# tables, where "Sales 1,234 1,100" has two scores).
_SIDES_OF_A_RESULT = 2
_FEWEST_SCORES_IN_A_ROW = 3
# A club's bracketed qualifier: one or two capitals ("Rad ( B )"), bdccfe4.
_LONGEST_QUALIFIER = 2
# Tokens looked back for an opening bracket: a bracketed venue or country on a results line
# ("( at Lord 's , London )") is shorter. Chosen by hand on the 1996 tables (a840669).
_BRACKET_REACH = 12
# Tokens each side of a number read for a date: "1996-08-30" may be cut into five tokens.
_DATE_REACH = 4


def with_results_lines(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Names next to scores on a line of results are teams, whatever place they are named after.

    The model reads "Swansea 49 Cardiff 23" as places (or not at all); on such lines a name
    followed by a score, by "v" or "at", or after "v", is a team (an organization), unless it
    is a country (national teams stay countries) or a person ("P. Simmons 4-38"). A name
    after "at" or before a colon at the start of the line is where the game is played.
    """
    found = []
    persons: set[tuple[int, int]] | None = None  # made once, on the first results line
    for start, end in lines(doc):
        if not is_dateline(doc, start, end) and _is_results_line(doc, start, end):
            if persons is None:
                persons = {
                    (c.start, c.end)
                    for c in candidates
                    if c.kind is Kind.PERSON and c.end - c.start > 1
                }
            found.extend(_teams_on_line(doc, start, end, persons))
    return replacing(doc, candidates, found)


def _outside_parentheses(doc: Doc, start: int, end: int) -> list[int]:
    """The tokens of [start, end) outside brackets, by index."""
    texts = token_texts(doc)
    tokens = []
    depth = 0
    for i in range(start, end):
        if texts[i] == "(":
            depth += 1
        elif texts[i] == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            tokens.append(i)
    return tokens


def _is_score(doc: Doc, i: int) -> bool:
    """Whether token i is a number that is no part of a date."""
    if token_flags(doc).letters[i] or not any(c.isdigit() for c in token_texts(doc)[i]):
        return False
    return not _is_in_date(doc, i)


def _is_in_date(doc: Doc, i: int) -> bool:
    """Part of "1996-08-30", which the tokenizer may have cut into five tokens."""
    first = max(0, i - _DATE_REACH)
    window = span_text(doc, first, min(len(doc), i + _DATE_REACH + 1))
    offset = token_starts(doc)[i] - token_starts(doc)[first]
    return any(m.start() <= offset < m.end() for m in DATE.finditer(window))


# Tags of finite verbs: a fixture ("Leeds v Chelsea", "Postponed : Texas at Boston") has none
# in lower case.
_FINITE_VERBS = frozenset({"VBZ", "VBD", "VBP", "MD"})


def _is_results_line(doc: Doc, start: int, end: int) -> bool:
    """A line of scores or fixtures: a score or "v"/"at", and few lowercase words."""
    if start == end or _is_prose(span_text(doc, start, end)):
        return False
    lowers, tags, facts = token_lowers(doc), token_tags(doc), token_flags(doc)
    tokens = _outside_parentheses(doc, start, end)
    words = [i for i in tokens if facts.alpha[i]]
    lowercase = [i for i in words if facts.lower[i] and lowers[i] not in _SCORE_WORDS]
    has_score = any(_is_score(doc, i) for i in tokens)
    joined = any(lowers[i] in _SCORE_WORDS for i in tokens)
    verbs = (facts.lower[i] and tags[i] in _FINITE_VERBS for i in tokens)
    if joined and not has_score and any(verbs):
        return False  # "… is Senior Fellow at the Center for …": a sentence, not a fixture
    return (
        bool(words)
        and (has_score or joined)
        and len(lowercase) <= _RESULTS_LOWERCASE_SHARE * len(words)
    )


def _is_prose(text: str) -> bool:
    """A quick test on the text, before looking at tokens: mostly lowercase words is prose."""
    words = _WORD.findall(text)
    lowercase = sum(w.islower() for w in words)
    return len(words) >= _PROSE_WORDS and lowercase > _PROSE_LOWERCASE_SHARE * len(words)


def _teams_on_line(
    doc: Doc, start: int, end: int, persons: set[tuple[int, int]]
) -> list[Candidate]:
    """The teams, persons and grounds named on one results line; `persons` are the token spans
    of the candidates of two words or more that are persons (made once per Doc: per line, it
    cost a pass over every candidate for each results line)."""
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
    if sum(t.kind in (Kind.ORG, Kind.COUNTRY) for t in teams) < _SIDES_OF_A_RESULT:
        # A lone name takes a row of scores and a proper noun ("Sales 1,234 1,100" is no team),
        # or a "v" before it, as in a fixture list ("May 20 v Durham").
        row = _scores_after(doc, start, end) >= _FEWEST_SCORES_IN_A_ROW
        teams = [
            t
            for t in teams
            if t.kind is not Kind.ORG
            or (row and _is_proper(doc, t))
            or (t.start > 0 and doc[t.start - 1].lower_ == "v")
        ]
    return teams


def _is_proper(doc: Doc, candidate: Candidate) -> bool:
    return any(t.pos_ == "PROPN" for t in doc[candidate.start : candidate.end])


def _scores_after(doc: Doc, start: int, end: int) -> int:
    """The longest run of scores on the line ("Gillingham 4 1 1 2 4 6 4" has seven)."""
    longest = run = 0
    for i in range(start, end):
        run = run + 1 if _is_score(doc, i) else 0
        longest = max(longest, run)
    return longest


def _is_name_word(token: Token) -> bool:
    if token.lower_ in CALENDAR:
        return False
    return token.text[:1].isupper() or (token.text in POSSESSIVES and token.i > 0)


def _team(
    doc: Doc, start: int, end: int, line_end: int, persons: set[tuple[int, int]]
) -> Candidate | None:
    """What the name group [start, end) on a results line is: a ground, a player, a country
    or a team, by its neighbours; None when nothing on the line ties it to the results."""
    before = doc[start - 1] if start > 0 else None
    after_name = _after_qualifier(doc, end, line_end)
    after = doc[after_name] if after_name < line_end else None
    next_to_score = after is not None and (
        _is_score(doc, after_name) or after.lower_ in _SCORE_WORDS
    )
    # "KANSAS CITY AT DETROIT": the home side is named as the place of the game.
    joined = before is not None and before.lower_ == "v"
    if _inside_parentheses(doc, start):
        return None
    if (before is None or "\n" in before.text) and after is not None and after.text == ":":
        return Candidate(start, end, None, place=True)  # the ground: "Hove : Sussex 363"
    if before is not None and before.lower_ == "at" and country_named(doc[start:end].text) is None:
        return Candidate(start, end, None, place=True)
    if (before is not None and before.text in DISMISSALS) or (
        after is not None and (after.text in DISMISSALS or _BOWLING.fullmatch(after.text))
    ):
        return Candidate(start, end, Kind.PERSON)
    if not (next_to_score or joined):
        return None
    text = doc[start:end].text
    country = country_named(text)
    if country is not None:
        return Candidate(start, end, Kind.COUNTRY, country=country)
    if (start, end) in persons or _INITIAL.fullmatch(doc[start].text):
        return Candidate(start, end, Kind.PERSON)
    return Candidate(start, end, Kind.ORG, team=True)


def _after_qualifier(doc: Doc, i: int, line_end: int) -> int:
    """Past a bracketed letter after a club's name ("Rad ( B ) 4 1 1 2")."""
    bracketed = i + 2 < line_end and doc[i].text == "(" and doc[i + 2].text == ")"
    if bracketed and len(doc[i + 1].text) <= _LONGEST_QUALIFIER and doc[i + 1].is_upper:
        return i + 3
    return i


def _inside_parentheses(doc: Doc, i: int) -> bool:
    for token in reversed(doc[max(0, i - _BRACKET_REACH) : i]):
        if token.text == ")" or "\n" in token.text:
            return False
        if token.text == "(":
            return True
    return False


# --- persons by the company they keep: "A. Dale", "Irina Privalova ( Russia )", "15 - Jeff Wilson"


def with_person_patterns(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Names in the layouts of results and line-ups are persons, whatever the model said.

    An initial before a surname ("A. Dale"), a nationality in brackets after a full name
    ("Irina Privalova ( Russia )") and a shirt number before it ("15 - Jeff Wilson").
    """
    found = []
    read_to = 0  # tokens before it are read
    for i in capitalized(doc):  # only a capitalized word opens a name group
        if i < read_to:
            continue
        end = _name_group_end(doc, i)
        if end == i:
            continue
        if _looks_like_person(doc, i, end):
            found.append(Candidate(i, end, Kind.PERSON))
        read_to = end
    return replacing(doc, candidates, found)


def _name_group_end(doc: Doc, start: int) -> int:
    texts, lowers, letters = token_texts(doc), token_lowers(doc), token_flags(doc).letters
    end = start
    while end < len(texts):
        if texts[end][:1].isupper() and letters[end] and lowers[end] not in CALENDAR:
            end += 1
        elif lowers[end] in PARTICLES and end > start and end + 1 < len(texts):
            if not texts[end + 1][:1].isupper():
                break
            end += 1
        else:
            break
    return end


# Words that open a sentence, never a name: after a number and a dash they open a dated
# line of an almanac ("1901 - In China , ..."), not a shirt number's player.
_NO_FIRST_NAMES = MINOR_WORDS | OPENING_PREPOSITIONS


def _looks_like_person(doc: Doc, start: int, end: int) -> bool:
    """Whether a capitalized group is a person by its layout (see with_person_patterns)."""
    texts, lowers, facts = token_texts(doc), token_lowers(doc), token_flags(doc)
    if any(lowers[i] in TITLES for i in range(start, end)):
        return False
    if country_named(span_text(doc, start, end)) is not None:
        return False
    if _INITIAL.fullmatch(texts[start]):
        return end - start > 1 and not facts.upper[end - 1]
    if end - start < 2:
        return False
    if end + 1 < len(texts) and texts[end] == "(":
        inside = texts[end + 1]
        if _MINUTE.fullmatch(inside) or (
            end + 2 < len(texts) and texts[end + 2] == ")" and country_named(inside) is not None
        ):
            return True
    return (
        start >= 2
        and texts[start - 1] == "-"
        and facts.like_num[start - 2]
        and facts.spaced[start - 2]
        and lowers[start] not in _NO_FIRST_NAMES  # "1802 - The Treaty of Ostrava is signed"
    )


# Words that make a story a sports report, where places that act are teams.
_SPORTS = words("sports_words.txt")
# A sports report has three sports words or more, and at least one per sixty tokens (a long
# general story mentioning a match has fewer). Chosen by hand on the 1996 Reuters sports
# copy of entities-dev (258ec8e, which records no figure).
_FEWEST_SPORTS_WORDS = 3
_TOKENS_PER_SPORTS_WORD = 60
# Prepositions after which a place is a place ("at Headingley", "in Moscow").
_LOCATIVE = frozenset({"in", "at", "from", "near", "to", "of", "outside", "into", "around"})


def is_sports_report(doc: Doc, candidates: list[Candidate]) -> bool:
    """A report with results lines, or with three sports words or more, one token in sixty."""
    if any(c.team for c in candidates):
        return True
    hits = sum(1 for lemma in token_lemmas(doc) if lemma in _SPORTS)
    return hits >= _FEWEST_SPORTS_WORDS and hits * _TOKENS_PER_SPORTS_WORD >= len(doc)


def places_as_teams(doc: Doc, candidates: list[Candidate]) -> None:
    """In a sports report, a place that acts ("Kent stepped up a gear") is a team.

    The model tags such names as places or, often, as persons; a single word that is not part
    of any person's full name and is not governed by a locative preposition is taken as a team.
    """
    surnames, family_names = person_forms(doc, candidates)
    persons = surnames | family_names
    persons.update(form_of(doc, c) for c in candidates if c.kind is Kind.PERSON and not c.label)
    for candidate in candidates:
        if candidate.kind is Kind.COUNTRY or candidate.place:
            continue
        if candidate.label not in ("GPE", "PERSON", "FAC") or candidate.end - candidate.start > 1:
            continue
        if form_of(doc, candidate) in persons:
            continue
        root = doc[candidate.start : candidate.end].root
        if root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE:
            continue
        following = doc[candidate.end].text if candidate.end < len(doc) else ""
        if following in (":", "(") or _inside_parentheses(doc, candidate.start):
            continue  # a venue: "London ( The Oval ) :", "( at Lord 's , London )"
        candidate.kind = Kind.ORG

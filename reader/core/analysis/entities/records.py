"""Teams by their win-loss record in brackets: "New England (6-6) improved".

North American sports copy of every era follows a team's name with its record; the team keeps
the name of its city or college, which the model reads as a place. Split from `sports`, whose
layouts it completes (ede89e4, no figure recorded; its cases are in
tests/core/analysis/entities/test_entities_sports.py).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from reader.core.analysis.entities.candidates import Candidate, replacing
from reader.core.analysis.entities.countries import country_named
from reader.core.analysis.entities.token_facts import flags as token_flags
from reader.core.analysis.entities.token_facts import span_text, token_lowers, token_texts
from reader.core.model import Kind

# A team's record in brackets after its name: "(6-6)", "(10-12-3)".
_RECORD = re.compile(r"\(\d{1,3}(?:-\d{1,3}){1,2}\)")
# Words of a team's name before its record ("Kansas City Royals") and tokens of the record
# in brackets ("( 10 - 12 - 3 )" is seven), ede89e4.
_MAX_TEAM_TOKENS = 4
_LONGEST_RECORD_TOKENS = 7


def teams_by_record(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """ "New England (6-6) improved": a name followed by a win-loss record is a team.

    The record follows the name in North American sports copy of every era; the team keeps
    the name of its city or college, which the model reads as a place. One pass over the
    tokens: each record looks back at most a few words.
    """
    persons = bytearray(len(doc))
    for candidate in candidates:
        if candidate.kind is Kind.PERSON:  # a pitcher's record: "Bob Wickman ( 6-1 )"
            persons[candidate.start : candidate.end] = b"\x01" * (candidate.end - candidate.start)
    found = []
    texts = token_texts(doc)
    read_to = 0  # tokens before it are read
    for i in [k for k, text in enumerate(texts) if text == "("]:
        if i < read_to:
            continue
        end = min(len(texts), i + _LONGEST_RECORD_TOKENS)
        close = next((k for k in range(i + 1, end) if texts[k] == ")"), None)
        if close is None or not _RECORD.fullmatch(span_text(doc, i, close + 1).replace(" ", "")):
            continue
        start = i
        while start > max(0, i - _MAX_TEAM_TOKENS) and _is_team_word(doc, start - 1):
            start -= 1
        team = span_text(doc, start, i)
        if start < i and not any(persons[start:i]) and country_named(team) is None:
            found.append(Candidate(start, i, Kind.ORG, team=True))
        read_to = close + 1
    return replacing(doc, candidates, found)


def _is_team_word(doc: Doc, i: int) -> bool:
    word, alpha = token_texts(doc)[i], token_flags(doc).alpha[i]
    return alpha and word[:1].isupper() and token_lowers(doc)[i] not in ("the", "a")

"""The evidence in words (issue 22): one line per quote, the confidence as a word, the
doubtful quotes in review order; and an entity's role (issue 21) as the first stated."""

from __future__ import annotations

import dataclasses

import pytest

from reader.core.model import Cue, Entity, Evidence, Kind, Mention, Passage, Quote, Role, Speaker
from reader.core.model import SpeakerPath as Path
from reader.core.render.evidence import (
    DOUBTFUL,
    SURE,
    confidence_word,
    doubtful_quotes,
    evidence_line,
    evidence_text,
    is_doubtful,
    next_doubtful,
    review_key,
)
from reader.core.render.roles import entity_role, role_text

TEXT = (
    "Rex Tillerson met reporters. The talks were long. Lavrov left early.\n"
    "“We have our differences,” he said, according to the Tribune.\n"
)
HE = TEXT.index("he said")
SAID = TEXT.index("said")


def quote(
    path: Path,
    confidence: float,
    *,
    start: int = TEXT.index("We"),
    speaker: tuple[int, str] = (HE, "he"),
    antecedent: bool = False,
    relay: bool = False,
    cue: bool = True,
) -> Quote:
    end = TEXT.index(",”")
    tribune = TEXT.index("the Tribune")
    return Quote(
        start,
        end,
        TEXT[start:end],
        ((start, end),),
        Speaker(speaker[0], speaker[0] + len(speaker[1]), speaker[1], "Rex Tillerson", "p:rex"),
        Cue(SAID, SAID + 4, "said") if cue else None,
        evidence=Evidence(
            path,
            confidence,
            antecedent=Passage(4, 13, "Tillerson") if antecedent else None,
            relay=Passage(tribune, tribune + 11, "the Tribune") if relay else None,
        ),
    )


def test_a_pronoun_says_whom_it_stands_for_and_how_far_back():
    line = evidence_line(quote(Path.PRONOUN, 0.31, antecedent=True), TEXT)
    assert line == "he → Tillerson, 3 sentences before · doubtful (0.31)"


def test_the_antecedent_in_the_same_sentence():
    start = TEXT.index("met reporters")
    text = evidence_text(quote(Path.PRONOUN, 0.9, antecedent=True, speaker=(start, "x")), TEXT)
    assert text == "x → Tillerson, same sentence"


@pytest.mark.parametrize(
    ("path", "cue", "said"),
    [
        (Path.NAMED, True, "named beside “said”"),
        (Path.NAMED, False, "named beside the quote"),
        (Path.COLON, True, "named before a colon"),
        (Path.NONE, False, "no speaker found"),
        (Path.CONFIRMED, True, "speaker confirmed by you"),
    ],
)
def test_each_path_in_words(path, cue, said):
    assert evidence_text(quote(path, 0.9, cue=cue), TEXT) == said


def test_a_relay_is_named():
    line = evidence_line(quote(Path.NAMED, 0.9, relay=True), TEXT)
    assert line == "named beside “said”, according to the Tribune · sure (0.90)"


def test_a_confirmed_speaker_has_no_confidence_word_and_no_evidence_none():
    assert evidence_line(quote(Path.CONFIRMED, 1.0, antecedent=True), TEXT) == (
        "speaker confirmed by you"
    )
    assert evidence_line(dataclasses.replace(quote(Path.NAMED, 0.9), evidence=None), TEXT) == ""


def test_confidence_words_at_their_thresholds():
    assert [confidence_word(c) for c in (SURE, SURE - 0.01, DOUBTFUL, DOUBTFUL - 0.01)] == [
        "sure",
        "likely",
        "likely",
        "doubtful",
    ]


def test_doubtful_quotes_step_round_and_sort_least_sure_first():
    low = quote(Path.SUBJECT, 0.2, start=10)
    mid = quote(Path.PRONOUN, 0.5, start=30)
    sure = quote(Path.NAMED, 0.95, start=50)
    confirmed = quote(Path.CONFIRMED, 1.0, start=70)
    old = dataclasses.replace(quote(Path.NAMED, 0.1, start=90), evidence=None)
    quotes = (low, mid, sure, confirmed, old)
    assert doubtful_quotes(quotes) == (low, mid)
    assert not is_doubtful(confirmed) and not is_doubtful(old)
    assert next_doubtful(quotes, None) == low
    assert next_doubtful(quotes, low.start) == mid
    assert next_doubtful(quotes, mid.start) == low  # round again
    assert next_doubtful(quotes, None, -1) == mid
    assert next_doubtful(quotes, 40, -1) == mid
    assert next_doubtful(quotes, low.start, -1) == mid
    assert next_doubtful((sure, confirmed), None) is None
    assert sorted(quotes, key=review_key) == [low, mid, sure, confirmed, old]


def test_the_role_is_the_first_the_article_states():
    def mention(start: int, role: Role | None) -> Mention:
        return Mention(start, start + 5, "Rex", Kind.PERSON, "p:rex", "Rex", role=role)

    later = Role(40, 60, "former  Secretary\nof State")
    first = Role(2, 20, "Secretary of State")
    entity = Entity("p:rex", "Rex", Kind.PERSON, (mention(0, first), mention(30, later)))
    assert entity_role(entity) == first
    assert role_text(Entity("p:rex", "Rex", Kind.PERSON, (mention(30, later),))) == (
        "former Secretary of State"
    )
    assert role_text(Entity("p:rex", "Rex", Kind.PERSON, (mention(0, None),))) == ""

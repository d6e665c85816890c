"""Quotes that run on: over a paragraph that opens with no mark, after a mark typed against
the comma, and past a photo caption. Also a quote about someone, which is not theirs.

The articles are written for these tests.
"""

from reader.core.analysis.quotes import find_quoted_runs
from tests.core.analysis.quotes.helpers import quotes_of, said


def quoted(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in run.fragments] for run in find_quoted_runs(text)]


def test_a_quote_runs_on_into_a_paragraph_that_opens_with_no_mark():
    text = (
        "“We built these walls,” said Conti. “There were moments.\n\n"
        "Nobody slept much. But the walls held, and that is what matters.”\n\n"
        "Residents watched.\n"
    )
    assert quoted(text) == [
        ["We built these walls,"],
        ["There were moments.", "Nobody slept much. But the walls held, and that is what matters."],
    ]


def test_a_paragraph_with_a_stray_closing_mark_mid_sentence_is_not_joined():
    text = "“There were moments.\n\nThe wall is 5” taller now.\n"
    assert quoted(text) == [["There were moments."]]


def test_an_opening_mark_typed_against_the_comma_after_said_opens_a_quote():
    text = 'Conti said," he liked the old walls better." Then he left.\n'
    assert quoted(text) == [["he liked the old walls better."]]


def test_a_closing_mark_after_said_inside_a_quote_still_closes_it():
    text = '"That is not what he said," Smith added.\n'
    assert quoted(text) == [["That is not what he said,"]]


def test_a_quote_after_a_photo_caption_is_the_speaker_before_it_real_model(nlp):
    text = (
        "Flood defences hold\n\n"
        '"Everyone in this street owes the engineers a drink," said Anna Fisk, who lives '
        "beside the river.\n\n"
        "Photo: Residents watch the river from the old bridge on Saturday.\n\n"
        '"I have never seen it this high, and I have lived here for sixty years."\n'
    )
    assert list(said(nlp, text).values()) == ["Anna Fisk", "Anna Fisk"]


def test_a_quote_about_someone_is_the_speakers_not_theirs_real_model(nlp):
    text = (
        "Voters weigh the mayor's record\n\n"
        "Opinions about Mayor Lambert were divided on Sunday.\n\n"
        '"He never keeps a promise," a voter said of Lambert.\n\n'
        'Of Lambert, a retired teacher said: "He listens, and that is rare."\n'
    )
    quotes = quotes_of(nlp, text)
    assert [q.speaker.text for q in quotes] == ["a voter", "a retired teacher"]
    assert all(q.speaker.key is None for q in quotes)


def test_a_quote_running_on_over_paragraphs_resumes_after_a_photo_caption():
    text = (
        '"We had to take the whole hall apart, piece by piece.\n\n'
        '"It was like solving a puzzle with twenty thousand pieces.\n\n'
        "Photo: Visitors in the rebuilt main hall on Sunday.\n\n"
        '"In the end we finished three weeks early."\n'
    )
    assert quoted(text) == [
        [
            "We had to take the whole hall apart, piece by piece.",
            "It was like solving a puzzle with twenty thousand pieces.",
            "In the end we finished three weeks early.",
        ]
    ]

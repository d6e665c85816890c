"""An article's date from the dateline that opens its body (trial issue 1): a .txt article that
states its day only there ("PORTO VELHO, Brazil, March 3, 2025 — …") is dated by it; a date
deeper in the text, in a quote, in the headline or in a photo caption never is, and a
dateline without a year gives no date. The text and its offsets never change."""

from __future__ import annotations

import pytest

from reader.core.text.article import BlockKind
from reader.core.text.loaders import load_article
from reader.core.text.loaders.datelines import dateline_date

HEADLINE = "Ferry Crews Vote To Strike Over Night Shifts"
LEDE = (
    "Ferry crews on the river crossing voted on Monday to strike from next week, after the "
    "operator refused to pay extra for the night sailings it added in the winter."
)
LATER = (
    "“We were promised a review by June 12, 2024, and it never came,” said Rosa Maranhão, "
    "who has worked the crossing for eleven years."
)


def load(tmp_path, text: str, name: str = "ferry.txt"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    article = load_article(path)
    assert article.text == text.replace("\r\n", "\n")  # only metadata is decided here
    return article


def date_of(tmp_path, text: str) -> str | None:
    article = load(tmp_path, text)
    return article.meta.date if article.meta else None


@pytest.mark.parametrize(
    ("dateline", "day"),
    [
        ("PORTO VELHO, Brazil, March 3, 2025 — ", "2025-03-03"),
        ("PORTO VELHO, Brazil, Monday, March 3, 2025 — ", "2025-03-03"),
        ("PORTO VELHO (Reuters) - March 3, 2025 - ", "2025-03-03"),
        ("PORTO VELHO, 3 March 2025 (Reuters) - ", "2025-03-03"),
        ("ST. LOUIS, Mo., Feb. 29, 2024 (AP) — ", "2024-02-29"),
        ("RIO de JANEIRO, 2025-03-03 -- ", "2025-03-03"),
        ("March 3, 2025 — ", "2025-03-03"),
        ("Monday 3 March 2025 – ", "2025-03-03"),
    ],
)
def test_a_dated_dateline_opening_the_body_dates_the_article(tmp_path, dateline, day):
    text = f"{HEADLINE}\n\nBy Lucia Prates\n\n{dateline}{LEDE}\n\n{LATER}\n"
    article = load(tmp_path, text)
    assert article.meta.date == day
    assert article.meta.author == "Lucia Prates"  # the byline's author stays


@pytest.mark.parametrize(
    "dateline",
    [
        "PORTO VELHO (Reuters) - March 3 - ",  # no year: none is guessed
        "PORTO VELHO, Dec 7 (Reuters) - ",
        "PORTO VELHO, Brazil, Feb. 30, 2025 — ",  # no such day
        "PORTO VELHO, Brazil, 03/04/2025 — ",  # day and month in an unknown order
        "Porto Velho, Brazil, March 3, 2025 ",  # no dash: a sentence could go on
        "",
    ],
)
def test_no_date_without_a_dated_dateline(tmp_path, dateline):
    text = f"{HEADLINE}\n\n{dateline}{LEDE}\n\n{LATER}\n\nMarch 9, 2025 — the vote stood.\n"
    assert date_of(tmp_path, text) is None


def test_a_date_deeper_in_the_text_or_in_the_headline_is_never_taken(tmp_path):
    quoted = f"{HEADLINE}\n\n{LEDE}\n\nLISBON, March 9, 2025 — a later report.\n\n{LATER}\n"
    assert date_of(tmp_path, quoted) is None
    headline = f"Results Of The March 3, 2025 Vote\n\n{LEDE}\n"
    assert date_of(tmp_path, headline) is None
    dated_headline = f"PORTO VELHO, March 3, 2025 — Crews Vote To Strike\n\n{LEDE}\n"
    assert load(tmp_path, dated_headline).blocks[0].kind is BlockKind.TITLE
    assert date_of(tmp_path, dated_headline) is None  # a headline is never read for a date


def test_the_dateline_after_a_caption_a_credit_and_a_place_line(tmp_path):
    caption = (
        "Crew members stand on the quay at dawn in Porto Velho, Brazil, January 4, 2025.\n"
        "REUTERS/Ana Lima\n"
        "PORTO VELHO 2025-03-03\n"
        f"{LEDE}\n"
    )
    assert date_of(tmp_path, caption) == "2025-03-03"  # never the caption's January 4
    place_line = f"{HEADLINE}\nPORTO VELHO , Brazil .\n2025-03-03\n{LEDE}\n"
    assert date_of(tmp_path, place_line) == "2025-03-03"
    by_name = f"{HEADLINE}\nLucia Prates\nPORTO VELHO 2025-03-03\n{LEDE}\n"
    assert date_of(tmp_path, by_name) == "2025-03-03"


def test_a_byline_date_wins_over_the_dateline(tmp_path):
    text = f"{HEADLINE}\n\nBy Lucia Prates, 2 March 2025\n\nPORTO VELHO, March 3, 2025 — {LEDE}\n"
    assert date_of(tmp_path, text) == "2025-03-02"


def test_the_byline_paragraph_is_a_paragraph_not_a_heading(tmp_path):
    """Trial issue 8: "By Lucia Prates" is short and has no full stop, yet is no heading."""
    text = f"{HEADLINE}\n\nBy Lucia Prates\n\nPORTO VELHO, March 3, 2025 — {LEDE}\n"
    article = load(tmp_path, text)
    kinds = [block.kind for block in article.blocks]
    assert kinds == [BlockKind.TITLE, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
    subhead = f"{HEADLINE}\n\n{LEDE}\n\nWhat The Crews Want\n\n{LATER}\n"
    assert load(tmp_path, subhead).blocks[2].kind is BlockKind.HEADING  # subheads stay


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("LONDON 1996-08-30", "1996-08-30"),
        ("MILWAUKEE , Wisconsin 1996-08-29", "1996-08-29"),
        ("LOS ANGELES, Calif., Jan. 5, 2020 (AP) — x", "2020-01-05"),
        ("SAN FRANCISCO/NEW YORK (Reuters) - x", None),
        ("On March 3, 2025, the crews voted", None),
        ("A BIG day, March 3, 2025 — x", None),
        ("ST. LOUIS, Feb. 29, 2023 — x", None),
    ],
)
def test_dateline_date(line, day):
    assert dateline_date(line) == day

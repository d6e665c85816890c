"""PDF noise (issue 23, deliverable 3): running lines that change from page to page, printers'
marks and timestamps, ligatures, and words hyphenated across columns and pages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.core.text.loaders import load_article
from reader.core.text.loaders.pdf_noise import plain_letters

_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
_BODY = "Harbour pilots voted on the offer from the port authority on page {page}, line {line}."


def _canvas(path: Path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    return canvas.Canvas(str(path), pagesize=A4), A4


def _body(page, width_height, number: int, lines: int = 12) -> None:
    page.setFont("Helvetica", 10)
    for line in range(lines):
        page.drawString(72, width_height[1] - 120 - 14 * line, _BODY.format(page=number, line=line))


def test_running_lines_that_change_from_page_to_page_and_printers_marks_are_dropped(tmp_path):
    page, (width, height) = _canvas(tmp_path / "daily.pdf")
    for number in range(6):
        page.setFont("Helvetica", 8)
        section = " · Harbour section" if number % 2 else " · Harbour"
        page.drawString(
            72, height - 40, f"Northern Courier · {_DAYS[number]} {number + 3} March 2025{section}"
        )
        page.drawRightString(width - 72, 30, f"Page {number + 1} of 6")
        page.drawString(72, 18, f"Printed 05/03/2025 10:1{number} AM")
        page.drawString(width + 20, height / 2, f"courier_0305.indd {number + 1}")  # in the slug
        page.drawString(6, height / 2, f"C{number + 1}")  # a side folio
        page.saveState()
        page.translate(20, 200)
        page.rotate(90)
        page.drawString(0, 0, f"courier_0305.indd {number + 1} 05/03/2025 10:1{number} AM")
        page.restoreState()
        _body(page, (width, height), number)
        page.showPage()
    page.save()

    text = load_article(tmp_path / "daily.pdf").text

    for noise in ("Northern Courier", "Page ", "Printed", "indd", "C1", "March"):
        assert noise not in text
    assert all(_BODY.format(page=n, line=7) in text for n in range(6))
    assert all(len(line) > 40 for line in text.split("\n"))  # no stray characters


def test_running_heads_alternating_between_left_and_right_pages_are_dropped(tmp_path):
    page, size = _canvas(tmp_path / "book.pdf")
    for number in range(8):
        page.setFont("Helvetica", 8)
        head = "The Harbour Strike" if number % 2 else "Chapter Three: The Vote"
        page.drawString(72, size[1] - 40, head)
        _body(page, size, number)
        page.showPage()
    page.save()

    text = load_article(tmp_path / "book.pdf").text

    assert "Harbour Strike" not in text and "Chapter Three" not in text


def test_a_short_line_in_the_margin_of_one_page_only_is_kept(tmp_path):
    page, size = _canvas(tmp_path / "once.pdf")
    for number in range(5):
        if number == 2:
            page.setFont("Helvetica", 8)
            page.drawString(72, size[1] - 40, "Correction: an earlier version misnamed the pilot.")
        _body(page, size, number)
        page.showPage()
    page.save()

    assert "Correction: an earlier version" in load_article(tmp_path / "once.pdf").text


def test_ligatures_are_read_as_their_letters(tmp_path):
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    fonts = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    pdfmetrics.registerFont(TTFont("Vera", os.path.join(fonts, "Vera.ttf")))  # has ﬁ and ﬂ
    page, size = _canvas(tmp_path / "ligatures.pdf")
    page.setFont("Vera", 11)
    page.drawString(
        72, size[1] - 120, "The \ufb01rst \ufb02ight of the \ufb02eet left the \ufb01eld."
    )
    page.save()

    article = load_article(tmp_path / "ligatures.pdf")

    assert "The first flight of the fleet left the field." in article.text
    assert not any("\ufb00" <= char <= "\ufb06" for char in article.text)


@pytest.mark.parametrize(
    ("shown", "plain"),
    [
        ("\ufb00 \ufb01 \ufb02 \ufb03 \ufb04 \ufb06", "ff fi fl ffi ffl st"),
        ("\uff26\uff55\uff4c\uff4c\uff0d\uff57\uff49\uff44\uff54\uff48", "Full-width"),
        ("café ½ № – “quoted”", "café ½ № – “quoted”"),  # other compatibility forms are text
    ],
)
def test_plain_letters_touches_only_ligatures_and_full_width_forms(shown, plain):
    assert plain_letters(shown) == plain


def _columns_page(page, size, left: list[str], right: list[str]) -> None:
    page.setFont("Helvetica", 10)
    for number, line in enumerate(left):
        page.drawString(72, size[1] - 120 - 12 * number, line)
    for number, line in enumerate(right):
        page.drawString(320, size[1] - 120 - 12 * number, line)


def test_a_word_hyphenated_across_a_column_break_is_joined(tmp_path):
    page, size = _canvas(tmp_path / "columns.pdf")
    left = ["Dock workers asked for more", "detail and for better infor-"]
    right = ["mation about the new shifts.", "The port answered on Friday."]
    _columns_page(page, size, left, right)
    page.save()

    text = load_article(tmp_path / "columns.pdf").text

    assert "better information about the new shifts." in text


def test_a_word_hyphenated_across_a_page_break_is_joined(tmp_path):
    page, size = _canvas(tmp_path / "pages.pdf")
    _columns_page(page, size, ["The union said that the negotia-"], [])
    page.showPage()
    _columns_page(page, size, ["tions would resume on Monday."], [])
    page.save()

    text = load_article(tmp_path / "pages.pdf").text

    assert "the negotiations would resume on Monday." in text


@pytest.mark.parametrize(
    ("end", "start", "expected"),
    [
        ("cases of COVID-", "19 rose in the port.", "cases of COVID-19 rose"),  # digits
        ("the talks with UN-", "backed mediators went on.", "with UN-backed mediators"),
        ("the Anglo-", "French team sailed.", "the Anglo-French team"),  # next line capital
        ("said the Infor-", "mation Office on Friday.", "Information Office"),  # a capital initial
    ],
)
def test_only_a_lower_case_word_broken_at_a_line_end_loses_its_hyphen(
    tmp_path, end, start, expected
):
    page, size = _canvas(tmp_path / "hyphens.pdf")
    _columns_page(page, size, [f"The report on {end}", start], [])
    page.save()

    assert expected in load_article(tmp_path / "hyphens.pdf").text

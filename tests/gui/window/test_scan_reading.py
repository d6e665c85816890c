"""Scans in the window (issue 23, deliverable 5): OCR off the GUI thread with how far it is and
Cancel, the pages shown as they are read, then the whole text analysed; the text marked as read
by OCR and its unsure words marked. Most tests replace the OCR engine with a fake that reads a
page only when the test lets it; one uses the real engine and says so in its name."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication

from reader.core.render.ocr_marks import OCR_LABEL as OCR_BADGE
from reader.core.text.loaders import ocr
from reader.core.text.loaders.pdf_noise import Box, Line, Page
from reader.gui.article.uncertain_marks import UNCERTAIN_PROPERTY
from reader.gui.window import dialogs, scan_pages
from reader.gui.window.loading import Reading

# Each page of the fake scans: a headline on the first, three lines of body text on each.
_PAGES = [
    "Ferry crews in Bergen voted to end their strike on Monday. The union said the",
    "Boats will run again from Tuesday morning, the ferry company said, and the",
    "The harbour master thanked both sides. Traffic on the fjord should be back",
]
_UNSURE = f"{ocr.UNSURE_START}Bergn{ocr.UNSURE_END}"


class GatedOcr:
    """Stands in for the OCR engine: reads a picture only when `allow` lets it (a semaphore),
    giving that page's own lines; the words of `_UNSURE` come marked as unsure."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.allowed = threading.Semaphore(0)
        self.read = 0
        monkeypatch.setattr(ocr, "read_picture", self)

    def allow(self, pages: int = 1) -> None:
        for _ in range(pages):
            self.allowed.release()

    def __call__(self, image) -> Page:
        assert self.allowed.acquire(timeout=10), "the test never let this page be read"
        number = self.read
        self.read += 1
        width, height = image.size
        lines = []
        if number == 0:
            lines.append(Line("Ferry strike ends", 100, 900, height * 0.9, 30))
        body = _PAGES[number % len(_PAGES)].replace("Bergen", _UNSURE)
        for index, text in enumerate((body, f"page {number + 1} goes on here without", "end.")):
            lines.append(Line(text, 100, 1500, height * 0.8 - index * 20, 14))
        boxes = [Box([line], line.x0, line.x1, line.top) for line in lines]
        return Page(float(width), float(height), boxes)


def scanned_pdf(path: Path, pages: int) -> Path:
    """A PDF of `pages` pages that are only a picture each (what a scanner makes)."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    stream = io.BytesIO()
    Image.new("L", (200, 280), 230).save(stream, "PNG")
    document = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        document.drawImage(ImageReader(io.BytesIO(stream.getvalue())), 0, 0, *A4)
        document.showPage()
    document.save()
    return path


def _view_text(tab) -> str:
    return tab.view.document().toPlainText()


def test_a_scan_shows_its_pages_as_they_are_read_then_its_analysis(
    window, qtbot, tmp_path, monkeypatch
):
    engine = GatedOcr(monkeypatch)
    path = scanned_pdf(tmp_path / "scan.pdf", 3)
    tab = window.open_paths([path])[0]

    engine.allow()  # page 1 only
    qtbot.wait_until(lambda: "Ferry crews in Bergn voted" in _view_text(tab), timeout=10_000)
    qtbot.wait_until(lambda: tab.analysis_bar.message.text() == "OCR page 2 of 3")
    assert tab.loading and tab.analysis is None  # nothing analyses a text still being read
    assert tab.analysis_bar.cancel.isVisibleTo(tab)
    assert tab.analysis_bar.progress.value() == 1 and tab.analysis_bar.progress.maximum() == 3
    assert "Boats will run" not in _view_text(tab)

    engine.allow()
    qtbot.wait_until(lambda: "Boats will run again" in _view_text(tab), timeout=10_000)
    assert _view_text(tab).index("Ferry crews") < _view_text(tab).index("Boats will run")

    with qtbot.wait_signal(tab.analysis_shown, timeout=10_000):
        engine.allow()
    article = tab.article
    assert article.meta.ocr
    assert [article.text[start:end] for start, end in article.meta.uncertain] == ["Bergn"]
    for page in _PAGES:
        assert page.split(".")[0].replace("Bergen", "Bergn") in article.text
    assert _view_text(tab).startswith("Ferry strike ends")
    assert not tab.analysis_bar.isVisible()


def test_cancel_stops_the_ocr_and_closes_the_tab_without_an_error(
    window, qtbot, tmp_path, monkeypatch, errors
):
    engine = GatedOcr(monkeypatch)
    path = scanned_pdf(tmp_path / "long-scan.pdf", 3)
    tab = window.open_paths([path])[0]
    engine.allow()
    qtbot.wait_until(lambda: "Ferry crews" in _view_text(tab), timeout=10_000)
    qtbot.wait_until(lambda: tab.analysis_bar.message.text() == "OCR page 2 of 3")

    tab.analysis_bar.cancel.click()

    assert window.tabs.count() == 0
    engine.allow(2)  # the page being read ends; no other is read
    qtbot.wait_until(lambda: not window.articles.loader._dropped, timeout=10_000)
    assert engine.read == 2
    assert errors == []


def test_a_scan_in_a_batch_gets_its_tab_with_its_first_page(
    window, qtbot, tmp_path, monkeypatch, errors
):
    engine = GatedOcr(monkeypatch)
    note = tmp_path / "note.txt"
    note.write_text("Tillerson met Lavrov in Moscow.\n", encoding="utf-8")
    window.open_paths([scanned_pdf(tmp_path / "scan.pdf", 2), note])
    qtbot.wait_until(lambda: window.tabs.count() == 1, timeout=10_000)  # the text file

    engine.allow()
    qtbot.wait_until(lambda: window.tabs.count() == 2, timeout=10_000)
    scan = window.tabs.widget(0)  # in the order given, before the text file
    qtbot.wait_until(lambda: "Ferry crews" in _view_text(scan), timeout=10_000)
    assert scan.loading

    with qtbot.wait_signal(scan.analysis_shown, timeout=10_000):
        engine.allow()
    assert "Boats will run" in scan.article.text
    assert errors == []


def test_the_text_is_marked_as_read_by_ocr_and_its_unsure_words_are_underlined(
    window, qtbot, tmp_path, monkeypatch
):
    engine = GatedOcr(monkeypatch)
    engine.allow(1)
    tab = window.open_paths([scanned_pdf(tmp_path / "scan.pdf", 1)])[0]
    with qtbot.wait_signal(tab.analysis_shown, timeout=10_000):
        pass

    assert OCR_BADGE in tab.view.meta_line.text.split(" · ")[-1]
    document = tab.view.document()
    start, end = tab.view.offsets.range_to_document(*tab.article.meta.uncertain[0])
    block = document.findBlock(start)
    formats = {
        (part.start + block.position(), part.length): QTextCharFormat(part.format)
        for part in block.textFormats()
    }
    marked = formats[(start, end - start)]
    assert marked.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert marked.property(UNCERTAIN_PROPERTY)
    assert "unsure" in marked.toolTip()
    # Only the unsure word: the rest of its line is not marked.
    assert sum(bool(f.property(UNCERTAIN_PROPERTY)) for f in formats.values()) == 1


def test_reading_messages_name_the_page_being_read():
    assert scan_pages.reading_message(Reading(1, 0, 20)) == "OCR page 1 of 20"
    assert scan_pages.reading_message(Reading(1, 2, 20)) == "OCR page 3 of 20"
    assert scan_pages.reading_message(Reading(1, 20, 20)).startswith("OCR done: 20 pages")


def test_images_are_offered_by_the_open_dialog_and_opened_when_dropped(
    window, qtbot, tmp_path, monkeypatch
):
    for pattern in ("*.png", "*.jpg", "*.jpeg", "*.tif", "*.tiff", "*.webp", "*.pdf"):
        assert pattern in dialogs.open_filter().split(";;")[0]
    engine = GatedOcr(monkeypatch)
    engine.allow()
    from PIL import Image

    path = tmp_path / "screenshot.webp"
    Image.new("RGB", (600, 400), "white").save(path, "WEBP")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    point = QPointF(window.rect().center())
    actions = Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), actions, mime, buttons, keys)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(point, actions, mime, buttons, keys))

    tab = window.current_tab()
    with qtbot.wait_signal(tab.analysis_shown, timeout=10_000):
        pass
    assert tab.article.text.startswith("Ferry strike ends")
    assert tab.article.meta.ocr


def test_a_rendered_page_opens_with_the_real_ocr_engine(window, qtbot, tmp_path):
    import reportlab
    from PIL import Image, ImageDraw, ImageFont

    font = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    image = Image.new("L", (1400, 260), 255)
    draw = ImageDraw.Draw(image)
    draw.text(
        (40, 40), "Ferry crews in Bergen voted to end", font=ImageFont.truetype(str(font), 44)
    )
    draw.text(
        (40, 130), "their strike on Monday, the union said.", font=ImageFont.truetype(str(font), 44)
    )
    path = tmp_path / "page.png"
    image.save(path)

    tab = window.open_paths([path])[0]
    with qtbot.wait_signal(tab.analysis_shown, timeout=60_000):
        pass

    assert "voted to end" in tab.article.text and "the union said" in tab.article.text
    assert tab.article.meta.ocr
    assert OCR_BADGE in tab.view.meta_line.text.split(" · ")[-1]

"""OCR results kept per file (the pages read, by the sha256 of the file's bytes): the same scan
opened again is not read again, a changed file is, a damaged or foreign entry is ignored, a
cancelled read goes on where it stopped, and the folder stays within its bound. The OCR engine
is a fake that counts its calls and reads a picture as lines naming its size."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from reader.core.errors import ArticleError
from reader.core.text.loaders import load_article, ocr, ocr_cache
from reader.core.text.loaders.pdf_noise import Box, Line, Page

# The body line of each picture read, in turn (lines alike on every page are running lines).
_BODIES = [
    "Barge crews in Ghent ended their strike on Monday.",
    "Grain shippers had waited a fortnight for the locks.",
    "Harbour tugs towed the first convoy out before dawn.",
    "Insurers counted the losses of idle cargo at the quay.",
]


class FakeEngine:
    """Stands in for RapidOCR: per picture, a headline and two body lines, the second of which
    has a word scored under `ocr.UNCERTAIN_BELOW`; counts the pictures it is given."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        monkeypatch.setattr(ocr, "_ocr_engine", lambda: self)

    def __call__(self, picture, return_word_box: bool = True) -> SimpleNamespace:
        body = _BODIES[self.calls % len(_BODIES)]
        self.calls += 1
        width = picture.shape[1]
        lines = [
            (f"Canal barges return {width}", 0.99, 40, 60),
            (body, 0.97, 120, 30),
            ("The lock keepers said traffic would resume today.", 0.9, 160, 30),
        ]
        boxes, txts, scores, words = [], [], [], []
        for text, score, top, size in lines:
            boxes.append([[40, top], [900, top], [900, top + size], [40, top + size]])
            txts.append(text)
            scores.append(score)
            unsure = "keepers"
            words.append(
                tuple((word, 0.5 if word == unsure else score, None) for word in text.split())
            )
        return SimpleNamespace(boxes=boxes, txts=txts, scores=scores, word_results=words)


def _picture(width: int = 1000):
    from PIL import Image

    return Image.new("RGB", (width, 400), "white")


def _png(path: Path, width: int = 1000) -> Path:
    _picture(width).save(path, "PNG")
    return path


def _scanned_pdf(path: Path, pages: int, text_page: str | None = None) -> Path:
    """A PDF of a page with a text layer (when given), then `pages` pages that are a picture."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    stream = io.BytesIO()
    _picture().save(stream, "PNG")
    document = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    if text_page:
        document.setFont("Helvetica", 11)
        document.drawString(72, 770, text_page)
        document.showPage()
    for _ in range(pages):
        document.drawImage(ImageReader(io.BytesIO(stream.getvalue())), 0, 400, 595, 238)
        document.showPage()
    document.save()
    return path


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


def test_a_scan_opened_again_is_not_read_again(tmp_path, monkeypatch, private_ocr_cache):
    engine = FakeEngine(monkeypatch)
    path = _scanned_pdf(tmp_path / "scan.pdf", 2, "Ghent port notice, page one.")

    first = load_article(path)
    assert engine.calls == 2
    second = load_article(path)

    assert engine.calls == 2
    assert second == first
    assert "keepers" in [second.text[start:end] for start, end in second.meta.uncertain]
    assert second.meta.ocr
    assert [entry.stem for entry in _entries(private_ocr_cache)] == [
        ocr_cache.file_key(path.read_bytes())
    ]


def test_an_image_opened_again_is_not_read_nor_decoded_again(tmp_path, monkeypatch):
    engine = FakeEngine(monkeypatch)
    path = _png(tmp_path / "page.png")
    first = load_article(path)

    def no_decoding(*_args):
        raise AssertionError("a kept image is not decoded again")

    monkeypatch.setattr("reader.core.text.loaders.images._frames", no_decoding)
    progress: list[tuple[int, int]] = []
    with ocr.reporting(lambda done, total: progress.append((done, total)) is None):
        second = load_article(tmp_path / "page.png")

    assert engine.calls == 1
    assert second == first
    assert progress == []  # nothing to wait for: no OCR bar


def test_the_same_bytes_under_another_name_are_not_read_again(tmp_path, monkeypatch):
    engine = FakeEngine(monkeypatch)
    _png(tmp_path / "page.png")
    (tmp_path / "copy.png").write_bytes((tmp_path / "page.png").read_bytes())

    first = load_article(tmp_path / "page.png")
    copy = load_article(tmp_path / "copy.png")

    assert engine.calls == 1
    assert copy.text == first.text
    assert copy.path == tmp_path / "copy.png"


def test_a_changed_file_is_read_again(tmp_path, monkeypatch):
    engine = FakeEngine(monkeypatch)
    path = _png(tmp_path / "page.png", width=1000)
    first = load_article(path)

    _png(path, width=1200)
    second = load_article(path)

    assert engine.calls == 2
    assert first.title == "Canal barges return 1000"
    assert second.title == "Canal barges return 1200"


@pytest.mark.parametrize(
    "damage",
    [
        b"{not json",
        b"",
        b"[]",
        b'{"format": 1}',
        b"\xff\xfe binary",
    ],
)
def test_a_damaged_entry_is_ignored_and_written_again(
    tmp_path, monkeypatch, private_ocr_cache, damage
):
    engine = FakeEngine(monkeypatch)
    path = _png(tmp_path / "page.png")
    first = load_article(path)
    (entry,) = _entries(private_ocr_cache)
    entry.write_bytes(damage)

    again = load_article(path)

    assert engine.calls == 2
    assert again.title == first.title
    assert _BODIES[1] in again.text  # read again
    assert json.loads(entry.read_bytes())["format"] == ocr_cache.FORMAT
    load_article(path)
    assert engine.calls == 2


def test_an_entry_with_a_wrong_page_is_ignored(tmp_path, monkeypatch, private_ocr_cache):
    engine = FakeEngine(monkeypatch)
    path = _png(tmp_path / "page.png")
    first = load_article(path)
    (entry,) = _entries(private_ocr_cache)
    record = json.loads(entry.read_bytes())
    record["pages"]["0"][2][0][3][0][1] = "forty"  # a line's x0 that is no number
    entry.write_text(json.dumps(record))

    assert load_article(path).title == first.title
    assert engine.calls == 2


def test_an_entry_made_by_other_code_is_not_used(tmp_path, monkeypatch, private_ocr_cache):
    engine = FakeEngine(monkeypatch)
    path = _png(tmp_path / "page.png")
    load_article(path)
    (entry,) = _entries(private_ocr_cache)
    record = json.loads(entry.read_bytes())
    record["settings"] = "picture:an older reader"
    entry.write_text(json.dumps(record))

    load_article(path)

    assert engine.calls == 2
    assert json.loads(entry.read_bytes())["settings"] == ocr_cache.settings("picture")


def test_a_cancelled_scan_goes_on_from_the_first_page_it_had_not_read(tmp_path, monkeypatch):
    engine = FakeEngine(monkeypatch)
    path = _scanned_pdf(tmp_path / "long.pdf", 4)

    with ocr.reporting(lambda done, total: done < 2), pytest.raises(ArticleError, match="cancel"):
        load_article(path)
    assert engine.calls == 2
    progress: list[tuple[int, int]] = []
    with ocr.reporting(lambda done, total: progress.append((done, total)) is None):
        article = load_article(path)

    assert engine.calls == 4
    assert progress == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]
    assert all(article.text.count(body) == 1 for body in _BODIES)
    assert load_article(path) == article
    assert engine.calls == 4


def test_a_picture_without_text_is_said_again_without_reading_it(tmp_path, monkeypatch):
    calls: list[int] = []

    def blank(image) -> Page:
        calls.append(1)
        return Page(float(image.width), float(image.height), [])

    monkeypatch.setattr(ocr, "read_picture", blank)
    path = _png(tmp_path / "blank.png")
    for _ in range(2):
        with pytest.raises(ArticleError, match=r"No text found in blank\.png"):
            load_article(path)
    assert calls == [1]


def test_an_empty_setting_turns_the_cache_off(tmp_path, monkeypatch, private_ocr_cache):
    monkeypatch.setenv(ocr_cache.CACHE_ENV, "")
    engine = FakeEngine(monkeypatch)
    path = _png(tmp_path / "page.png")

    load_article(path)
    load_article(path)

    assert engine.calls == 2
    assert _entries(private_ocr_cache) == []


def test_an_unwritable_cache_folder_costs_nothing_but_the_cache(tmp_path, monkeypatch):
    (tmp_path / "a file").write_text("not a folder")
    monkeypatch.setenv(ocr_cache.CACHE_ENV, str(tmp_path / "a file" / "ocr"))
    engine = FakeEngine(monkeypatch)
    path = _png(tmp_path / "page.png")

    assert load_article(path).title == "Canal barges return 1000"
    assert load_article(path).title == "Canal barges return 1000"
    assert engine.calls == 2


def _page(text: str) -> Page:
    line = Line(text, 40.0, 400.0, 700.0, 12.0)
    return Page(595.0, 842.0, [Box([line], 40.0, 400.0, 700.0)])


def test_pages_round_trip_exactly():
    pages = {0: _page("Unsure \ue000wrd\ue001 here"), 3: Page(10.5, 20.25, [])}

    ocr_cache.save("k" * 64, "pdf:test", [0, 3], pages)
    entry = ocr_cache.load("k" * 64, "pdf:test")

    assert entry == ocr_cache.Entry((0, 3), pages)
    assert entry.complete
    assert not ocr_cache.Entry((0, 1), {0: pages[0]}).complete


def test_the_folder_keeps_the_entries_used_last_within_its_bound(private_ocr_cache):
    for number in range(5):
        ocr_cache.save(f"{number:064x}", "pdf:test", [0], {0: _page("x" * 2000)})
        os.utime(private_ocr_cache / f"{number:064x}.json", (1000.0 + number, 1000.0 + number))
    ocr_cache.load(f"{0:064x}", "pdf:test")  # used now: the newest
    size = (private_ocr_cache / f"{1:064x}.json").stat().st_size
    (private_ocr_cache / "gone.1234.tmp").write_text("left by a writer that ended")
    os.utime(private_ocr_cache / "gone.1234.tmp", (1000.0, 1000.0))

    ocr_cache.trim(private_ocr_cache, 3 * size)

    left = {path.name[:64] for path in _entries(private_ocr_cache)}
    assert left == {f"{number:064x}" for number in (0, 3, 4)}
    assert not (private_ocr_cache / "gone.1234.tmp").exists()

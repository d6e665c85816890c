"""A scan opened again in the window, as a restored session does, comes from the OCR cache:
no page is read by the engine again and the tab shows no OCR progress, only the text."""

from __future__ import annotations

from tests.gui.window.test_scan_reading import GatedOcr, scanned_pdf


def test_a_scan_reopened_in_a_new_window_is_not_read_again(
    make_window, qtbot, tmp_path, monkeypatch, errors
):
    engine = GatedOcr(monkeypatch)
    path = scanned_pdf(tmp_path / "scan.pdf", 2)
    engine.allow(2)
    first = make_window()
    tab = first.open_paths([path])[0]
    with qtbot.wait_signal(tab.analysis_shown, timeout=10_000):
        pass
    assert engine.read == 2
    text = tab.article.text
    first.close()

    again = make_window()
    reports: list = []
    again.articles.loader.reading.connect(reports.append)
    tab = again.open_paths([path])[0]
    with qtbot.wait_signal(tab.analysis_shown, timeout=10_000):
        pass

    assert engine.read == 2  # the engine was given no page
    assert reports == []  # nothing to wait for, so no OCR bar
    assert tab.article.text == text
    assert tab.article.meta.ocr and tab.article.meta.uncertain
    assert errors == []

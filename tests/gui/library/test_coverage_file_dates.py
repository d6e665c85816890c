"""Issue 24: when no article of a quote's group states a date, its first appearance is taken
from the files' dates, and every place that shows it says so: the quote panel's line, the
group dialog, the Library's list of groups and the collection report."""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from reader.core.service.batch import BatchResult
from reader.core.text.loaders import load_article
from reader.gui.article.models import DETAIL_ROLE
from reader.gui.library import indexer
from tests.gui.library.test_coverage_window import dated_analysis
from tests.gui.test_library import WAIT_MS, rows, wait_model

SAID = "We will meet again in Geneva before the winter comes"
UNDATED = {  # name -> (text, the file's local day); none of them states a date
    "later.txt": (f"Geneva talks\n\n“{SAID},” Tillerson said.\n", (2016, 10, 20)),
    "early.txt": (f"Talks go on\n\n“{SAID},” said Tillerson.\n", (2016, 10, 12)),
}
FIRST = "first undated (file date 12 Oct 2016)"  # as the report writes it


@pytest.fixture
def undated_library(make_window, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "undated"
    folder.mkdir()
    for name, (text, day) in UNDATED.items():
        (folder / name).write_text(text, encoding="utf-8")
        noon = datetime.datetime(*day, 12).timestamp()  # local noon: that day in any zone
        os.utime(folder / name, (noon, noon))

    def analyze_files(paths, model=None, jobs=1, store=None, scheduler=None, warn=None, **_how):
        for path in paths:
            analysis = dated_analysis(load_article(path))
            store.save_analysis(analysis)
            yield BatchResult(path, analysis=analysis)

    monkeypatch.setattr(indexer, "analyze_files", analyze_files)
    window = make_window(analyze=dated_analysis)
    wait_model(qtbot, window)
    coverage = window.library.coverage
    with qtbot.wait_signal(coverage.coverage.changed, timeout=WAIT_MS):
        window.library.collections.collect_folder(folder)
    qtbot.wait_until(
        lambda: coverage.coverage.snapshot is not None and bool(coverage.coverage.snapshot.groups),
        timeout=WAIT_MS,
    )
    yield window, folder
    if coverage.dialog is not None:
        coverage.dialog.close()
    coverage.coverage.wait_idle()


def test_a_first_appearance_from_a_file_date_says_so_everywhere(
    undated_library, qtbot, tmp_path, monkeypatch
):
    window, folder = undated_library
    coverage = window.library.coverage
    (group,) = coverage.coverage.snapshot.groups
    assert group.first is not None and group.first.date_from_file
    assert group.first.date == datetime.date(2016, 10, 12)

    tab = window.open_paths([folder / "later.txt"])[0]
    panel = tab.quotes
    line = f"also in 1 article · {FIRST}"
    qtbot.wait_until(
        lambda: (
            panel.proxy.rowCount() == 1 and line in str(panel.proxy.index(0, 0).data(DETAIL_ROLE))
        ),
        timeout=WAIT_MS,
    )
    panel.list.setCurrentIndex(panel.proxy.index(0, 0))
    shown = panel.findChild(type(panel.empty), "quoteCoverage")
    assert f"Also in 1 article · {FIRST}" in shown.text()

    shown.linkActivated.emit("group")
    assert coverage.dialog.facts.text() == f"In 2 articles · {FIRST}"

    page = coverage.page
    window.library.collections.panel.pages.setCurrentWidget(page)
    assert rows(page.groups) == [group]
    first_column = next(
        n
        for n in range(page.groups.model().columnCount())
        if page.groups.model().headerData(n, Qt.Orientation.Horizontal) == "First"
    )
    assert page.groups.model().index(0, first_column).data() == FIRST

    target = tmp_path / "report.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.wait_signal(coverage.coverage.report_written, timeout=WAIT_MS):
        coverage.report_action.trigger()
    report = target.read_text(encoding="utf-8")
    assert (
        ' · first undated <span class="note">(file date'
        ' <time datetime="2016-10-12">12 Oct 2016</time>)</span></h3>'
    ) in report
    assert "from <time" not in report  # the collection's span counts stated dates only
    assert FIRST in re.sub(r"<[^>]+>", "", report)  # the window's words, the report's

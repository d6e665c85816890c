"""Issue 24 in the window: a quote found in other articles of the collection says so in the
quote panel and opens its group; the Coverage page's bar chart follows the speaker clicked;
the followed entity over time lists a period's articles; File ▸ Export Collection Report
writes the page `reader report` writes. The collection's analysis is the fake one, with each
article's date and outlet and a second speaker (Lavrov) so that a speaker can be disputed."""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from reader.core.model import Speaker
from reader.core.service.batch import BatchResult
from reader.core.text.article import ArticleMeta
from reader.core.text.loaders import load_article
from reader.gui.article.models import DETAIL_ROLE
from reader.gui.library import indexer
from tests.gui.conftest import fake_analyze
from tests.gui.test_library import WAIT_MS, rows, wait_model

SAID = "We will meet again in Geneva before the winter comes"
ARTICLES = {  # name -> (text, date, outlet)
    "a.txt": (f"Talks in Moscow\n\n“{SAID},” Tillerson said.\n", "2016-10-12", "Politico"),
    "b.txt": (
        f"Lavrov in Geneva\n\n“{SAID.replace('Geneva', 'Vienna')},” Lavrov said.\n\n"
        "Tillerson met Lavrov.\n",
        "2016-10-14",
        "Breitbart",
    ),
    "c.txt": (f"Congress hearing\n\n“{SAID},” said Tillerson.\n", None, None),
    "d.txt": (
        "Other news\n\n“Prices rise again for all of us,” Tillerson said.\n",
        "2016-10-20",
        None,
    ),
}


def dated_analysis(article, nlp=None, **_options):
    """The fake analysis with the article's date and outlet, and Lavrov speaking where his
    name follows a quote."""
    _text, date, site = ARTICLES.get(article.path.name, ("", None, None))
    article = dataclasses.replace(article, meta=ArticleMeta(date=date, site=site))
    analysis = fake_analyze(article, nlp)
    quotes = []
    for quote in analysis.quotes:
        found = article.text.find("Lavrov", quote.end, quote.end + 40)
        if found >= 0:
            quote = dataclasses.replace(
                quote,
                speaker=Speaker(
                    found, found + 6, "Lavrov", "Sergei Lavrov", "person:sergei-lavrov"
                ),
            )
        quotes.append(quote)
    return dataclasses.replace(analysis, quotes=tuple(quotes))


@pytest.fixture
def coverage_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "coverage"
    folder.mkdir()
    for name, (text, _date, _site) in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    os.utime(folder / "c.txt", (1_600_000_000, 1_600_000_000))  # saved in 2020: never first

    def analyze_files(paths, model=None, jobs=1, store=None, scheduler=None, warn=None, **_how):
        for path in paths:
            analysis = dated_analysis(load_article(path))
            store.save_analysis(analysis)
            yield BatchResult(path, analysis=analysis)

    monkeypatch.setattr(indexer, "analyze_files", analyze_files)
    return folder


@pytest.fixture
def library(make_window, qtbot, coverage_folder):
    window = make_window(analyze=dated_analysis)
    wait_model(qtbot, window)
    coverage = window.library.coverage
    with qtbot.wait_signal(coverage.coverage.changed, timeout=WAIT_MS):
        window.library.collections.collect_folder(coverage_folder)
    qtbot.wait_until(lambda: coverage.coverage.snapshot is not None, timeout=WAIT_MS)
    qtbot.wait_until(lambda: len(coverage.coverage.snapshot.articles) == 4, timeout=WAIT_MS)
    yield window
    if coverage.dialog is not None:
        coverage.dialog.close()
    coverage.coverage.wait_idle()


def test_a_quote_in_other_articles_says_so_and_opens_its_group(library, qtbot, coverage_folder):
    tab = library.open_paths([coverage_folder / "a.txt"])[0]
    panel = tab.quotes
    line = "also in 2 articles · first 12 October 2016, Politico"
    qtbot.wait_until(
        lambda: (
            panel.proxy.rowCount() == 1 and line in str(panel.proxy.index(0, 0).data(DETAIL_ROLE))
        ),
        timeout=WAIT_MS,
    )
    assert line in panel.proxy.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    panel.list.setCurrentIndex(panel.proxy.index(0, 0))
    shown = panel.findChild(type(panel.empty), "quoteCoverage")
    assert shown.isVisible() and "Also in 2 articles" in shown.text()
    assert "disputed speaker" in shown.text() and "wording differs" in shown.text()
    shown.linkActivated.emit("group")
    dialog = library.library.coverage.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.facts.text() == (
        "In 3 articles (Politico, Breitbart) · first 12 October 2016, Politico"
    )
    assert dialog.flag.isVisible() and "Rex Tillerson (2)" in dialog.flag.text()
    assert "Sergei Lavrov (1)" in dialog.flag.text()
    sightings = rows(dialog.articles)
    assert [s.title for s in sightings] == [
        "Talks in Moscow",
        "Lavrov in Geneva",
        "Congress hearing",
    ]
    speakers = [dialog.articles.model().index(n, 3).data() for n in range(3)]
    assert speakers == [
        "Rex Tillerson (disputed)",
        "Sergei Lavrov (disputed)",
        "Rex Tillerson (disputed)",
    ]
    dates = [dialog.articles.model().index(n, 2).data() for n in range(3)]
    assert dates[:2] == ["12 October 2016", "14 October 2016"]
    assert dates[2].startswith("undated (file date ")  # as the report writes it
    html = dialog.variants.toHtml()
    assert "Possible misquote" in html and "Vienna" in html
    assert "“Vienna” for “Geneva”" in dialog.variants.toPlainText()


def test_a_click_on_a_speakers_bar_follows_that_speaker(library, qtbot):
    panel = library.library.collections.panel
    page = library.library.coverage.page
    panel.pages.setCurrentWidget(page)
    qtbot.wait_until(lambda: len(page.chart.bars) == 2, timeout=WAIT_MS)
    assert [row.name for row in page.shown_speakers] == ["Rex Tillerson", "Sergei Lavrov"]
    x, y = page.chart.bar_centre(1)
    qtbot.mouseClick(page.chart.canvas, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    assert panel.followed is not None and panel.followed.key == "person:sergei-lavrov"
    current = panel.entities.currentIndex()
    assert rows(panel.entities)[current.row()].key == "person:sergei-lavrov"
    assert panel.pages.currentWidget().isAncestorOf(panel.entities)
    page.sort.setCurrentText("Name")
    qtbot.wait_until(lambda: page.shown_speakers[0].name == "Rex Tillerson", timeout=WAIT_MS)


def test_the_groups_list_flags_variants_and_disputed_speakers(library, qtbot):
    page = library.library.coverage.page
    library.library.collections.panel.pages.setCurrentWidget(page)
    (group,) = rows(page.groups)
    assert group.articles == 3
    assert page.groups.model().index(0, 4).data() == "variants, disputed speaker"
    page.flagged_only.setChecked(True)
    assert len(rows(page.groups)) == 1


def test_the_followed_entity_over_time_lists_a_periods_articles(library, qtbot):
    panel = library.library.collections.panel
    timeline = library.library.coverage.timeline
    panel.pages.setCurrentIndex(1)  # Entities, where the followed entity is shown
    panel.follow_tabs.setCurrentWidget(timeline)
    panel.follow("person:rex-tillerson")
    assert timeline.periods == ("2016-10-12", "2016-10-14", "2016-10-20")
    assert "1 mentions in articles that state no date" in timeline.undated.text()
    qtbot.wait_until(lambda: len(timeline.chart.bars) == 3, timeout=WAIT_MS)
    x, y = timeline.chart.bar_centre(1)
    qtbot.mouseClick(timeline.chart.canvas, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    assert [(a.title, count) for a, count in rows(timeline.articles)] == [("Lavrov in Geneva", 1)]
    assert timeline.undated.text() == "2016-10-14: 1 article"
    timeline.period.setCurrentIndex(1)  # per week: the three dated articles in two weeks
    assert timeline.periods == ("2016-W41", "2016-W42")


def test_export_collection_report_writes_the_report_page(library, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "report.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    coverage = library.library.coverage
    with qtbot.wait_signal(coverage.coverage.report_written, timeout=WAIT_MS):
        coverage.report_action.trigger()
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<title>Coverage of coverage</title>" in page
    assert 'aria-labelledby="speakers-title"' in page and "<mark>Vienna</mark>" in page


def test_export_collection_report_with_article_pages_links_the_quotes(
    library, qtbot, tmp_path, monkeypatch, coverage_folder
):
    target = tmp_path / "out" / "cov.html"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    coverage = library.library.coverage
    with qtbot.wait_signal(coverage.coverage.report_written, timeout=WAIT_MS):
        coverage.report_pages_action.trigger()
    folder = tmp_path / "out" / "cov_files"
    names = sorted(p.name for p in folder.glob("*.html"))
    assert len(names) == 4 and all(re.fullmatch(r"0[1-4]-[a-z-]+\.html", n) for n in names)
    page = target.read_text(encoding="utf-8")
    links = re.findall(r'<a href="(cov_files/[^"#]+)#(q\d+)">', page)
    assert {name for name, _anchor in links} == {
        f"cov_files/{n}" for n in names if "talks" in n or "lavrov" in n or "congress" in n
    }
    for name, anchor in links:
        assert f'id="{anchor}"' in (tmp_path / "out" / name).read_text(encoding="utf-8")

    # an article taken out of the collection, the report exported again: its page goes
    (folder / "my-notes.html").write_text("mine", encoding="utf-8")
    snapshot = coverage.coverage.snapshot
    library.library.commands._discard(coverage_folder / "d.txt")
    qtbot.wait_until(
        lambda: (
            coverage.coverage.snapshot not in (snapshot, None)  # None: while it is read again
            and len(coverage.coverage.snapshot.articles) == 3
        ),
        timeout=WAIT_MS,
    )
    with qtbot.wait_signal(coverage.coverage.report_written, timeout=WAIT_MS):
        coverage.report_pages_action.trigger()
    left = sorted(p.name for p in folder.glob("*.html"))
    assert len(left) == 4 and "my-notes.html" in left
    assert not any("other-news" in name for name in left)

"""The library in the window: the store behind tabs, collections, following an entity across
articles, search, corrections, quotes out. The analysis is the fake one (tests/gui/fakes.py);
the collection's background analysis runs the fake through the real indexing thread."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from reader.core.model import Kind
from reader.core.service.batch import BatchResult
from reader.core.store.corrections import Correction
from reader.core.text.loaders import load_article
from reader.gui.library import indexer
from reader.gui.library.corrections import CorrectionMenus
from reader.gui.library.tables import record_at
from reader.gui.window.settings import Settings
from tests.gui.conftest import fake_analyze, open_and_wait

WAIT_MS = 10_000

ARTICLES = {
    "monday.txt": "Talks in Moscow\n\n“We will meet again,” Tillerson said on Monday.\n\n"
    "Lavrov said Russia wanted calm.\n",
    "tuesday.txt": "Lavrov in Geneva\n\nLavrov met Tillerson in Geneva.\n\n"
    "“The talks were useful,” said Tillerson.\n",
    "wednesday.txt": "Congress hearing\n\nCongress asked about Russia and the talks.\n",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    articles = tmp_path / "week"
    articles.mkdir()
    for name, text in ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    (articles / "notes.bin").write_bytes(b"\x00\x01")  # not an article: not listed
    return articles


@pytest.fixture
def fake_indexing(monkeypatch: pytest.MonkeyPatch) -> list[list[Path]]:
    """The collection's background analysis with the fake analysis: each run's paths."""
    runs: list[list[Path]] = []

    def analyze_files(paths, model=None, jobs=1, store=None, scheduler=None, warn=None, **how):
        assert how == {"background": True}  # spaCy never in the window's process
        runs.append(list(paths))
        for path in paths:
            article = load_article(path)
            cached = store.cached_analysis(article, "fake 1.0")
            if cached is not None:
                yield BatchResult(path, analysis=cached, cached=True)
                continue
            analysis = fake_analyze(article, None)
            store.save_analysis(analysis)
            yield BatchResult(path, analysis=analysis)

    monkeypatch.setattr(indexer, "analyze_files", analyze_files)
    return runs


def wait_model(qtbot, window) -> None:
    qtbot.wait_until(lambda: window.stored.pipeline_label() is not None, timeout=WAIT_MS)


def collect(qtbot, window, folder: Path) -> None:
    """Make a collection of `folder` and wait until it is analysed, its articles listed (read
    on the articles' lane) and its identity listed (worked out on the identity lane)."""
    wait_model(qtbot, window)
    library = window.library.collections
    with qtbot.wait_signal(library.indexer.finished, timeout=WAIT_MS):
        library.collect_folder(folder)
    qtbot.wait_until(
        lambda: library.article_work.pending is None and library.identity.pending is None,
        timeout=WAIT_MS,
    )


def rows(table) -> list:
    model = table.model()
    return [record_at(model.index(row, 0)) for row in range(model.rowCount())]


def test_an_article_analysed_before_opens_without_analysis(make_window, qtbot, monkeypatch):
    calls = []

    def counting(article, nlp, **options):
        calls.append(article.path)
        return fake_analyze(article, nlp)

    window = make_window(analyze=counting)
    wait_model(qtbot, window)
    first = open_and_wait(qtbot, window)
    qtbot.wait_until(lambda: window.stored.store.count() == 1)  # written in the background
    keys = {e.key for e in first.analysis.entities}
    window.close_tab(window.tabs.indexOf(first))
    again = window.open_paths([first.path])[0]
    qtbot.wait_until(lambda: again.analysis is not None, timeout=WAIT_MS)
    assert len(calls) == 1
    assert again.request_id is None
    assert {e.key for e in again.analysis.entities} == keys


def test_open_folder_lists_analyses_and_follows_an_entity_across_articles(
    window, qtbot, folder, fake_indexing
):
    collect(qtbot, window, folder)
    library = window.library.collections
    assert library.dock.isVisible()
    articles = rows(library.panel.articles)
    assert [a.path.name for a in articles] == ["monday.txt", "tuesday.txt", "wednesday.txt"]
    assert all(a.analysed for a in articles)
    assert fake_indexing == [sorted(folder.glob("*.txt"))]

    entities = {e.key: e for e in rows(library.panel.entities)}
    tillerson = entities["person:rex-tillerson"]
    assert (tillerson.articles, tillerson.mentions, tillerson.quotes) == (2, 3, 2)
    assert entities["country:russia"].articles == 2  # "Moscow" counts as Russia in the fake

    library.panel.follow("person:rex-tillerson")
    quotes = rows(library.panel.quotes)
    assert [q.quote.text for q in quotes] == ["We will meet again,", "The talks were useful,"]
    assert [q.path.name for q in quotes] == ["monday.txt", "tuesday.txt"]
    assert [a.path.name for a in rows(library.panel.mentioning)] == ["monday.txt", "tuesday.txt"]
    seen_with = {pair[0].key: pair[1] for pair in rows(library.panel.seen_with)}
    assert seen_with == {"country:russia": 1, "person:sergei-lavrov": 2}


def test_a_click_on_a_quote_opens_its_article_at_the_quote(window, qtbot, folder, fake_indexing):
    collect(qtbot, window, folder)
    panel = window.library.collections.panel
    panel.follow("person:rex-tillerson")
    index = panel.quotes.model().index(1, 0)
    quote = record_at(index).quote
    panel.quotes.clicked.emit(index)
    tab = window.current_tab()
    assert tab is not None and tab.path.name == "tuesday.txt"
    qtbot.wait_until(lambda: tab.view.marked_quote is not None, timeout=WAIT_MS)
    assert (tab.view.marked_quote.start, tab.view.marked_quote.end) == (quote.start, quote.end)
    selected = tab.quotes.list.selectionModel().currentIndex()
    assert selected.isValid()


def test_search_finds_words_in_texts_and_inside_quotes(window, qtbot, folder, fake_indexing):
    collect(qtbot, window, folder)
    panel = window.library.collections.panel
    panel.search_box.setText("talks")
    panel.run_search()
    hits = rows(panel.hits)
    assert {h.path.name for h in hits} == {"monday.txt", "tuesday.txt", "wednesday.txt"}
    panel.quotes_only.setChecked(True)
    quoted = rows(panel.hits)
    assert [h.path.name for h in quoted] == ["tuesday.txt"] and quoted[0].in_quote
    text = ARTICLES["tuesday.txt"]
    assert text[quoted[0].start : quoted[0].end].casefold() == "talks"

    (folder / "tuesday.txt").write_text("Rewritten\n\nNobody spoke.\n", encoding="utf-8")
    with qtbot.wait_signal(window.library.collections.article_work.listed, timeout=WAIT_MS):
        window.library.collections.refresh()  # the list read again: the search is run again
    qtbot.wait_until(lambda: rows(panel.hits) == [], timeout=WAIT_MS)  # on the next turn


def test_the_article_list_sorts_and_filters(window, qtbot, folder, fake_indexing):
    collect(qtbot, window, folder)
    table = window.library.collections.panel.articles
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [a.title for a in rows(table)] == [
        "Talks in Moscow",
        "Lavrov in Geneva",
        "Congress hearing",
    ]
    table.filter_box.setText("geneva")
    assert [a.path.name for a in rows(table)] == ["tuesday.txt"]


def test_the_collection_comes_back_at_the_next_start(
    make_window, qtbot, folder, fake_indexing, tmp_path
):
    settings = Settings(QSettings(str(tmp_path / "kept.ini"), QSettings.Format.IniFormat))
    first = make_window(settings=settings)
    collect(qtbot, first, folder)
    first.shutdown()
    second = make_window(settings=settings)
    wait_model(qtbot, second)
    qtbot.wait_until(lambda: second.library.collections.collection is not None, timeout=WAIT_MS)
    assert second.library.collections.dock.isVisible()
    assert [a.path.name for a in rows(second.library.collections.panel.articles)] == [
        "monday.txt",
        "tuesday.txt",
        "wednesday.txt",
    ]
    assert len(fake_indexing) == 1  # all analysed: nothing run again at start


def test_cancel_stops_the_collection_analysis_and_keeps_what_is_done(
    window, qtbot, folder, monkeypatch
):
    release = threading.Event()

    def slow_files(paths, model=None, jobs=1, store=None, scheduler=None, warn=None, **_how):
        for number, path in enumerate(paths):
            if number == 1:
                release.wait(timeout=10)
            analysis = fake_analyze(load_article(path), None)
            store.save_analysis(analysis)
            yield BatchResult(path, analysis=analysis)

    monkeypatch.setattr(indexer, "analyze_files", slow_files)
    wait_model(qtbot, window)
    library = window.library.collections
    library.collect_folder(folder)
    qtbot.wait_until(lambda: library.panel.progress.value() == 1, timeout=WAIT_MS)
    assert library.panel.progress.maximum() == 3 and library.panel.cancel_button.isVisible()
    with qtbot.wait_signal(library.indexer.finished, timeout=WAIT_MS) as finished:
        library.panel.cancel_button.click()
        release.set()
    assert finished.args[2] is True  # cancelled
    analysed = [a.analysed for a in rows(library.panel.articles)]
    assert analysed[0] and not all(analysed)
    assert not library.panel.progress.isVisible()


def test_corrections_show_at_once_survive_reopening_and_undo(window, qtbot):
    wait_model(qtbot, window)
    tab = open_and_wait(qtbot, window)
    corrections = window.library.corrections
    corrections.correct(
        tab, Correction("rename", key="person:rex-tillerson", name="Rex W. Tillerson")
    )
    names = {e.key: e.name for e in tab.analysis.entities}
    assert names["person:rex-tillerson"] == "Rex W. Tillerson"
    assert all(m.corrected for m in tab.analysis.mentions if m.key == "person:rex-tillerson")
    corrections.correct(tab, Correction("kind", key="org:congress", kind=str(Kind.PERSON)))
    assert {e.key: e.kind for e in tab.analysis.entities}["org:congress"] == Kind.PERSON

    window.close_tab(window.tabs.indexOf(tab))
    again = window.open_paths([tab.path])[0]
    qtbot.wait_until(lambda: again.analysis is not None, timeout=WAIT_MS)
    assert {e.key: e.name for e in again.analysis.entities}["person:rex-tillerson"] == (
        "Rex W. Tillerson"
    )
    corrections.undo(again)
    assert {e.key: e.kind for e in again.analysis.entities}["org:congress"] == Kind.ORG
    corrections.undo(again)
    assert {e.key: e.name for e in again.analysis.entities}["person:rex-tillerson"] == (
        "Rex Tillerson"
    )
    assert not corrections.can_undo(again)


def test_a_quote_speaker_can_be_changed_cleared_and_copied_with_attribution(window, qtbot):
    wait_model(qtbot, window)
    tab = open_and_wait(qtbot, window)
    quote = next(q for q in tab.analysis.quotes if q.speaker is not None)
    lavrov = next(e for e in tab.analysis.entities if e.key == "person:sergei-lavrov")
    menu = tab.findChildren(CorrectionMenus)[0]
    menu.set_speaker(quote, lavrov)
    changed = next(q for q in tab.analysis.quotes if q.start == quote.start)
    assert changed.speaker.key == "person:sergei-lavrov" and changed.corrected
    menu.set_speaker(changed, None)
    cleared = next(q for q in tab.analysis.quotes if q.start == quote.start)
    assert cleared.speaker is None
    menu.copy_citation(tab.analysis.quotes[0])
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("“") and f"in {tab.title}" in copied


def test_quotes_of_the_article_export_as_csv(window, qtbot, tmp_path, monkeypatch):
    wait_model(qtbot, window)
    tab = open_and_wait(qtbot, window)
    target = tmp_path / "quotes.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.library.export_quotes_action.trigger()
    with target.open(encoding="utf-8-sig", newline="") as stream:
        table = list(csv.DictReader(stream))
    assert len(table) == len(tab.analysis.quotes) > 0
    assert table[0]["title"] == tab.title


def test_quotes_are_never_exported_over_an_open_article(
    window, qtbot, tmp_path, monkeypatch, errors
):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLES["monday.txt"], encoding="utf-8")  # a wrong write harms a copy
    wait_model(qtbot, window)
    tab = open_and_wait(qtbot, window, article)
    before = article.read_bytes()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tab.path), ""))
    window.library.export_quotes_action.trigger()
    assert errors and "open in Reader" in errors[0][1]
    assert article.read_bytes() == before


def test_a_damaged_store_is_said_once_and_reader_works_without_it(
    make_window, qtbot, private_store, errors
):
    private_store.parent.mkdir(parents=True, exist_ok=True)
    private_store.write_bytes(b"this is not a database" * 100)
    window = make_window()
    assert window.stored.store is None
    qtbot.wait_until(lambda: "store" in window.statusBar().currentMessage(), timeout=WAIT_MS)
    tab = open_and_wait(qtbot, window)
    assert tab.analysis is not None and not errors
    assert not window.library.clear_action.isEnabled()

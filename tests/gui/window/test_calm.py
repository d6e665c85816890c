"""What keeps the window's event loop free on a long article: highlight slices that stop at
their deadline, spans worked out in one pass, quote rows not read when nothing is filtered,
results from the spaCy child in cheap form, the store written by the child (or by the window
once the tab has drawn) and read off the GUI thread.
A long document is laid out a stretch per turn, and highlights wait for it. Nothing here is
timed: the tests check that the work is cut and still complete."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import threading
import weakref

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtGui import QTextDocument

from reader.core.model import Kind, Mention, Quote, Speaker
from reader.core.render.segments import mention_spans
from reader.core.service.analyses import AnalysisService
from reader.core.store import database
from reader.core.store.database import ANALYSIS_VERSION, Store
from reader.core.text.loaders import load_article
from reader.gui.article import highlighter as highlighter_module
from reader.gui.article.article_view import ArticleView, MentionFormats, drawn_spans
from reader.gui.article.highlighter import ArticleHighlighter
from reader.gui.article.models import UNNAMED, QuoteFilterProxy, QuoteListModel
from reader.gui.window.collector import freeze_survivors
from reader.gui.work.remote import ChunkProgress, RemotePipeline
from reader.gui.work.worker import remote_analyze
from tests.gui.articles import SEED, long_article_text
from tests.gui.conftest import fake_analyze, open_and_wait
from tests.gui.remote_fakes import analyze_in_parts, load_fake
from tests.gui.work.test_remote import article

WAIT_MS = 10_000


def mention(start: int, end: int, key: str = "person:a") -> Mention:
    return Mention(start, end, "x" * (end - start), Kind.PERSON, key, "A")


def test_drawn_spans_resolve_overlaps_as_the_export_does():
    in_order = (mention(0, 3), mention(5, 9), mention(9, 12))
    nested = (mention(0, 10), mention(2, 4), mention(8, 14), mention(20, 25))
    for mentions, length in [(in_order, 12), (nested, 22), (in_order, 10), ((), 5)]:
        expected = [(s.start, s.end, mentions[s.owner]) for s in mention_spans(mentions, length)]
        assert drawn_spans(mentions, length) == expected
    assert drawn_spans(in_order, 12) == [(m.start, m.end, m) for m in in_order]


def test_a_highlight_slice_stops_at_its_deadline_and_the_rest_follows(qapp, qtbot, monkeypatch):
    document = QTextDocument("\n".join(f"Alice spoke in paragraph {n}." for n in range(300)))
    highlighter = ArticleHighlighter(document, MentionFormats(qapp.palette()))
    monkeypatch.setattr(highlighter_module, "SLICE_SECONDS", -1.0)  # every slice is late
    spans = {n: [(0, 5, mention(0, 5))] for n in range(300)}
    with qtbot.wait_signal(highlighter.applied, timeout=WAIT_MS):
        highlighter.set_block_mentions(spans)
        highlighter._work()  # one slice: a late one still draws a block, then yields
        assert highlighter.blocks_drawn == 1 and highlighter.busy
    assert highlighter.blocks_drawn == 300  # each block once, across 300 event-loop turns
    assert all(document.findBlockByNumber(n).layout().formats() for n in range(300))


def quotes() -> tuple[Quote, ...]:
    said = Speaker(0, 5, "Alice", "Alice", "person:alice")
    anonymous = Speaker(0, 4, "they", "they", None)
    return tuple(
        Quote(10 * n, 10 * n + 8, f"quote {n}", ((10 * n + 1, 10 * n + 7),), speaker)
        for n, speaker in enumerate([said, anonymous, said, None])
    )


def test_the_quote_filter_shows_every_row_unfiltered_and_filters_again(qapp):
    proxy = QuoteFilterProxy()
    proxy.set_named(frozenset({"person:alice"}))
    proxy.setSourceModel(QuoteListModel(quotes()))
    assert proxy.rowCount() == 4
    proxy.set_speaker("person:alice")
    assert proxy.rowCount() == 2
    proxy.set_speaker(UNNAMED)
    assert proxy.rowCount() == 2
    proxy.set_speaker(None)
    proxy.set_speaker(None)  # unchanged: nothing to filter again
    assert proxy.rowCount() == 4


def test_the_child_sends_chunk_progress_and_the_analysis_of_the_article_sent_real_process():
    pipeline = RemotePipeline(None, load_fake, analyze_in_parts)
    try:
        pipeline.wait_ready()
        sent = article("six parts")
        progress: list = []
        result = pipeline.analyze(sent, progress.append)
    finally:
        pipeline.close()
    expected = fake_analyze(sent, None)
    assert len(progress) == 6 and all(isinstance(p, ChunkProgress) for p in progress)
    assert result.article is sent  # the window's own article, not a copy sent back
    assert (result.mentions, result.quotes) == (expected.mentions, expected.quotes)
    assert result.model == "fake 1.0"


def test_receiving_from_the_child_needs_no_spacy_in_the_window_process():
    code = (
        "import sys, reader.gui.work.remote, reader.gui.main_window; print('spacy' in sys.modules)"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert shown.stdout.strip() == "False", shown.stderr


def test_the_store_is_written_once_the_tab_has_drawn(window, qtbot):
    qtbot.wait_until(lambda: window.stored.pipeline_label() is not None, timeout=WAIT_MS)
    stored = window.stored
    tab = open_and_wait(qtbot, window)
    qtbot.wait_until(lambda: stored.store.count() == 1, timeout=WAIT_MS)

    # A result received but not yet drawn is not written; a correction's wait writes it.
    other = fake_analyze(article("not drawn yet"), None)
    stored.received(other)
    assert stored.store.count() == 1
    stored.wait_saved(other.article)
    assert stored.store.count() == 2
    assert tab.analysis is not None


def test_a_stored_analysis_is_read_off_the_gui_thread(make_window, qtbot, monkeypatch):
    calls = []

    def counting(article, nlp, **options):
        calls.append(article.path)
        return fake_analyze(article, nlp)

    window = make_window(analyze=counting)
    qtbot.wait_until(lambda: window.stored.pipeline_label() is not None, timeout=WAIT_MS)
    first = open_and_wait(qtbot, window)
    keys = {e.key for e in first.analysis.entities}
    window.close_tab(window.tabs.indexOf(first))
    threads = []
    cached = Store.cached_analysis

    def recording(store, article, model):
        threads.append(threading.current_thread())
        return cached(store, article, model)

    monkeypatch.setattr(Store, "cached_analysis", recording)
    again = open_and_wait(qtbot, window, first.path)
    assert len(calls) == 1 and again.request_id is None  # shown from the store
    assert {e.key for e in again.analysis.entities} == keys
    assert threads and threading.main_thread() not in threads


def test_a_tab_closed_while_the_store_is_asked_gets_nothing(window, qtbot, monkeypatch):
    qtbot.wait_until(lambda: window.stored.pipeline_label() is not None, timeout=WAIT_MS)
    asked = threading.Event()
    answer = threading.Event()
    cached = Store.cached_analysis

    def slow(store, article, model):
        asked.set()
        answer.wait(timeout=WAIT_MS / 1000)
        return cached(store, article, model)

    monkeypatch.setattr(Store, "cached_analysis", slow)
    tab = window.open_paths([SEED])[0]
    qtbot.wait_until(asked.is_set, timeout=WAIT_MS)
    with qtbot.wait_signal(window.all_settled, timeout=WAIT_MS):
        window.close_tab(window.tabs.indexOf(tab))
    with qtbot.wait_signal(window.stored.looked_up, timeout=WAIT_MS):
        answer.set()
    assert tab.analysis is None and tab.request_id is None
    assert window.tabs.count() == 0


def test_a_closed_tab_is_freed_without_the_cycle_collector(window, qtbot):
    tab = open_and_wait(qtbot, window)
    parts = [tab, tab.view, tab.view.highlighter, tab.quotes.model, tab.entities.model]
    refs = [weakref.ref(part) for part in parts]
    del parts
    gc.disable()
    try:
        window.close_tab(window.tabs.indexOf(tab))
        del tab
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qtbot.wait_until(lambda: all(ref() is None for ref in refs), timeout=WAIT_MS)
    finally:
        gc.enable()


def test_the_child_writes_the_analysis_into_the_store_it_is_given_real_process(
    tmp_path, monkeypatch
):
    path = tmp_path / "store.sqlite3"
    written = []  # analyses written by this process, not the child
    insert = database.insert_analysis
    monkeypatch.setattr(
        database, "insert_analysis", lambda db, *args: (written.append(args), insert(db, *args))
    )
    pipeline = RemotePipeline(None, load_fake, analyze_in_parts)
    try:
        pipeline.wait_ready()
        sent = article("stored by the child", paragraphs=2)
        result = pipeline.analyze(sent, store=path)
        # The child answers once it holds the store's write lock, then writes: a write of ours
        # now waits for the child's (and, keeping what is there, writes nothing).
        with AnalysisService.open(path) as service:
            service.keep(result, keep_existing=True)
    finally:
        pipeline.close()
    with Store.open(path) as store:  # by the row, whatever Reader version the child stamps
        rows = store.query("SELECT model, data FROM analyses")
        versions = store.query("SELECT DISTINCT analysis_version FROM analyses")
    if {version for (version,) in versions} - {ANALYSIS_VERSION}:
        pytest.skip("the analysis code changed while the tests ran (the child's version differs)")
    assert [model for model, _ in rows] == ["fake 1.0"]
    assert len(json.loads(rows[0][1])["entities"]) == len(result.mentions) > 0
    assert written == []


def test_the_window_does_not_write_what_the_child_has_stored_real_process(
    make_window, qtbot, monkeypatch
):
    written = []  # analyses encoded and written in the window's own process
    insert = database.insert_analysis
    monkeypatch.setattr(
        database, "insert_analysis", lambda db, *args: (written.append(args), insert(db, *args))
    )
    window = make_window(
        pipeline=lambda name: RemotePipeline(name, load_fake, analyze_in_parts),
        analyze=remote_analyze,
    )
    qtbot.wait_until(lambda: window.stored.pipeline_label() is not None, timeout=WAIT_MS)
    tab = open_and_wait(qtbot, window)
    window.stored.wait_saved(tab.article)
    versions = window.stored.store.query("SELECT DISTINCT analysis_version FROM analyses")
    if {version for (version,) in versions} - {ANALYSIS_VERSION}:
        pytest.skip("the analysis code changed while the tests ran (the child's version differs)")
    assert window.stored.store.count() == 1  # written by the child
    assert written == []  # nothing encoded in the window's process


def laid_out_view(qtbot, path) -> ArticleView:
    """A view of the article at `path` whose layout (driven by its pacer) is under way."""
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    view.set_article(load_article(path))
    return view


def test_a_long_document_is_laid_out_a_stretch_per_turn_real_thread(qtbot, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(long_article_text(300_000), encoding="utf-8")
    view = laid_out_view(qtbot, path)
    turns = []
    ticker = QTimer()
    ticker.timeout.connect(lambda: turns.append(view.layout_pacer.busy))
    ticker.start(0)
    with qtbot.wait_signal(view.layout_pacer.done, timeout=WAIT_MS):
        pass
    ticker.stop()
    assert turns.count(True) > 3  # the event loop ran between the stretches
    document = view.document()
    last = document.documentLayout().blockBoundingRect(document.lastBlock())
    assert document.documentLayout().documentSize().height() >= last.bottom() > 0


def test_highlights_asked_for_while_the_text_is_laid_out_leave_its_height_right(qtbot, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(long_article_text(300_000), encoding="utf-8")
    plain = laid_out_view(qtbot, path)
    with qtbot.wait_signal(plain.layout_pacer.done, timeout=WAIT_MS):
        pass
    view = laid_out_view(qtbot, path)
    text = path.read_text(encoding="utf-8")
    start = text.index("Tillerson")
    mentions = (Mention(start, start + 9, "Tillerson", Kind.PERSON, "person:rex", "Rex"),)
    with qtbot.wait_signal(view.highlighter.applied, timeout=WAIT_MS):
        view.add_preliminary(0, 20_000, mentions)  # at once, while the layout runs
    assert view.highlighter.blocks_drawn == 1
    size = view.document().documentLayout().documentSize()
    assert size.height() == plain.document().documentLayout().documentSize().height()


class Plain:
    """An object the cycle collector tracks, with a weak reference to see it freed."""


def test_survivors_are_frozen_and_still_freed_when_let_go():
    before = gc.get_freeze_count()
    kept = [Plain() for _ in range(100)]
    freeze_survivors()
    assert gc.get_freeze_count() >= before + 100
    ref = weakref.ref(kept[0])
    del kept
    assert ref() is None  # reference counting frees it, frozen or not


def test_a_shown_analysis_is_frozen_out_of_full_collections(window, qtbot):
    before = gc.get_freeze_count()
    tab = open_and_wait(qtbot, window)
    assert tab.analysis is not None
    assert gc.get_freeze_count() > before


def test_a_new_width_is_laid_out_by_the_pacer_before_highlights_are_drawn(qtbot, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(long_article_text(300_000), encoding="utf-8")
    plain, view = laid_out_view(qtbot, path), laid_out_view(qtbot, path)
    for shown in (plain, view):
        qtbot.wait_until(lambda shown=shown: not shown.layout_pacer.busy, timeout=WAIT_MS)
    plain.resize(560, 500)
    qtbot.wait_until(lambda: not plain.layout_pacer.busy, timeout=WAIT_MS)
    view.resize(560, 500)
    assert view.layout_pacer.busy  # the new width is laid out a stretch per turn
    text = path.read_text(encoding="utf-8")
    start = text.index("Tillerson")
    mentions = (Mention(start, start + 9, "Tillerson", Kind.PERSON, "person:rex", "Rex"),)
    with qtbot.wait_signal(view.highlighter.applied, timeout=WAIT_MS):
        view.add_preliminary(0, 20_000, mentions)
    size = view.document().documentLayout().documentSize()
    assert size.height() == plain.document().documentLayout().documentSize().height()

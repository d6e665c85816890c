"""The article's document built off the GUI thread one at a time: the loader reads several
files at once, and two of its threads building documents together crashed the process inside
Qt (a CI run). Real threads here, as the test's name says."""

from __future__ import annotations

import threading
import time

from PySide6.QtGui import QFont

from reader.core.text.article import Article
from reader.gui.article import text_document


def test_documents_are_built_one_at_a_time_from_real_threads(qapp, monkeypatch):
    inside, most, both_waiting = [0], [0], threading.Barrier(2, timeout=10)
    build = text_document.build_document

    def counted(article, base):
        inside[0] += 1
        most[0] = max(most[0], inside[0])
        time.sleep(0.005)  # lets the other thread run: without the lock it starts a build too
        try:
            return build(article, base)
        finally:
            inside[0] -= 1

    monkeypatch.setattr(text_document, "build_document", counted)
    article = Article(title="Talks", text="Talks\n\nAda Lovelace spoke in Paris.\n", blocks=())
    built = []

    def prepare() -> None:
        both_waiting.wait()  # the two threads start building together
        for _ in range(20):
            built.append(text_document.prepare_text(article, QFont()))

    threads = [threading.Thread(target=prepare) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(built) == 40
    assert most == [1]

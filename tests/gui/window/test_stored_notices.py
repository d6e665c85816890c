"""An article whose analysis the window takes from the store (opened again, or from a Library
collection's list) still says what its loader left out of the file, under the byline: the
file is read again and its loader says it anew. An e-mail with an attachment, written here."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

from reader.core.render.notices import notice_text
from tests.gui.conftest import fake_analyze, open_and_wait

WAIT_MS = 10_000
NOTICE = "Its attachment is not read (talks-agenda.pdf)."


def _mail(path: Path) -> Path:
    message = EmailMessage()
    message["Subject"] = "Talks in Oslo"
    message["From"] = "Amara Diallo <amara@example.invalid>"
    message["Date"] = "Mon, 03 Mar 2025 08:00:00 +0000"
    message.set_content("Rex Tillerson met Sergei Lavrov in Oslo.\n\n“We agreed,” Tillerson said.")
    message.add_attachment(
        b"%PDF-1.4 not really", maintype="application", subtype="pdf", filename="talks-agenda.pdf"
    )
    path.write_bytes(bytes(message))
    return path


def test_an_article_shown_from_the_store_says_what_its_file_left_out(make_window, qtbot, tmp_path):
    calls = []

    def counting(article, nlp, **options):
        calls.append(article.path)
        return fake_analyze(article, nlp)

    window = make_window(analyze=counting)
    qtbot.wait_until(lambda: window.stored.pipeline_label() is not None, timeout=WAIT_MS)
    first = open_and_wait(qtbot, window, _mail(tmp_path / "talks.eml"))
    assert notice_text(NOTICE) in first.view.meta_line.lines
    qtbot.wait_until(lambda: window.stored.store.count() == 1, timeout=WAIT_MS)
    window.close_tab(window.tabs.indexOf(first))

    shown = []
    again = open_and_wait(qtbot, window, first.path)  # File ▸ Open again
    shown.append((again.request_id, bool(again.analysis.entities), again.view.meta_line.lines))
    window.close_tab(window.tabs.indexOf(again))
    library = window.library.collections  # a collection's article list asks for it so
    library.panel.open_requested.emit(first.path)
    qtbot.wait_until(lambda: window.tabs.count() >= 1, timeout=WAIT_MS)
    listed = window.tabs.currentWidget()
    qtbot.wait_until(lambda: listed.analysis is not None, timeout=WAIT_MS)
    shown.append((listed.request_id, bool(listed.analysis.entities), listed.view.meta_line.lines))

    assert len(calls) == 1  # both shown from the store
    for request_id, entities, lines in shown:
        assert request_id is None and entities
        assert lines[-1] == notice_text(NOTICE)

"""What a loader left out of a file (the Article's notices) is still said when the article's
analysis comes from the store: the store keeps analyses by text, and every road that shows an
article again reads its file again, whose loader says it anew. Checked on an e-mail with an
attachment and a Word file with page headers, both written here: the store's own answer, the
service's (a correction's too), and the articles' pages of a Library collection's report."""

from __future__ import annotations

import json
from dataclasses import replace
from email.message import EmailMessage
from pathlib import Path

from markupsafe import escape

from reader.core.model import Analysis
from reader.core.render.report_pages import write_stored_pages
from reader.core.service.analyses import AnalysisService
from reader.core.store.corrections import Correction
from reader.core.store.database import Store
from reader.core.store.library import Collection
from reader.core.store.stored_coverage import StoredCoverage
from reader.core.text.loaders import load_article
from reader.core.text.loaders.blocks import HEADERS_LEFT_OUT
from tests.core.library_articles import MODEL, fake_analysis

BODY = "Ada Lovelace met Tom Baker in France.\n\n“We will rebuild the bridge,” Lovelace said.\n"
ATTACHED = "Its attachment is not read (bridge-budget.xlsx)."


def write_mail(path: Path) -> Path:
    """An e-mail whose text is BODY, with a spreadsheet attached (ATTACHED says so)."""
    message = EmailMessage()
    message["Subject"] = "Bridge plan agreed"
    message["From"] = "Ana Souza <ana@example.invalid>"
    message["Date"] = "Tue, 04 Mar 2025 10:00:00 +0000"
    message.set_content(BODY)
    message.add_attachment(
        b"PK\x03\x04 not really a workbook",
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename="bridge-budget.xlsx",
    )
    path.write_bytes(bytes(message))
    return path


def write_word(path: Path) -> Path:
    """A Word file with a page header (HEADERS_LEFT_OUT) and BODY's words."""
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Harbour Gazette, Monday edition"
    document.add_paragraph("Bridge plan agreed", style="Title")
    for paragraph in BODY.strip().split("\n\n"):
        document.add_paragraph(paragraph)
    document.save(path)
    return path


def stored(store: Store, path: Path) -> Analysis:
    """The pipeline's analysis of the file as loaded (notices and all), kept in `store`."""
    article = load_article(path)
    analysis = replace(fake_analysis(article.text, path), article=article)
    store.save_analysis(analysis)
    return analysis


def test_the_loaders_say_what_they_left_out(tmp_path):
    assert load_article(write_mail(tmp_path / "plan.eml")).notices == (ATTACHED,)
    assert load_article(write_word(tmp_path / "plan.docx")).notices == (HEADERS_LEFT_OUT,)


def test_an_analysis_from_the_store_says_what_the_file_left_out(tmp_path):
    paths = [write_mail(tmp_path / "plan.eml"), write_word(tmp_path / "plan.docx")]
    with Store.open(tmp_path / "s.sqlite3") as store:
        for path in paths:
            stored(store, path)
        rows = store.query("SELECT data FROM analyses")
        assert all("notices" not in json.loads(data) for (data,) in rows)  # kept by text only
    with Store.open(tmp_path / "s.sqlite3") as store:  # a later session: only the files
        service = AnalysisService(store)
        for path, notice in zip(paths, (ATTACHED, HEADERS_LEFT_OUT), strict=True):
            from_store = store.cached_analysis(load_article(path), MODEL)
            from_service = service.stored(load_article(path), MODEL)
            assert from_store is not None and from_service is not None
            assert from_store.mentions and from_store.article.notices == (notice,)
            assert from_service.article.notices == (notice,)
            rename = Correction("rename", key="person:tom-baker", name="Thomas Baker")
            corrected = service.correct(load_article(path), MODEL, rename)  # the window's
            assert corrected is not None and corrected.article.notices == (notice,)
            assert {m.name for m in corrected.mentions if m.corrected} == {"Thomas Baker"}


def test_a_collection_report_s_article_pages_say_what_the_files_left_out(tmp_path):
    """The Library's report (File ▸ Export Collection Report, with its articles' pages)."""
    paths = [write_mail(tmp_path / "plan.eml"), write_word(tmp_path / "plan.docx")]
    with Store.open(tmp_path / "s.sqlite3") as store:
        for path in paths:
            stored(store, path)
        coverage = StoredCoverage(store).sync(Collection(store, paths, MODEL))
        assert len(coverage.articles) == 2  # rebuilt from the store's rows, without the files
        pages = write_stored_pages(coverage, store, MODEL, tmp_path / "report.html")
    written = sorted((tmp_path / "report_files").glob("*.html"))
    assert len(written) == len(pages.pages) == 2
    shown = [page.read_text("utf-8") for page in written]
    assert sum(f">Note: {escape(ATTACHED)}</p>" in page for page in shown) == 1
    assert sum(f">Note: {escape(HEADERS_LEFT_OUT)}</p>" in page for page in shown) == 1

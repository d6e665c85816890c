"""The articles' own pages exported with the collection report (issue 24, deliverable 4), so
that each quote of the report links to its article's page at the quote.

The pages go into a folder beside the report named after it ("coverage.html" gets
"coverage_files/"), one per article, "NN-slug.html" (its number in the order written, then its
title in plain letters), each the page File ▸ Export writes (`reader.core.render.export`):
self-contained, no script, nothing remote. The report links to them by relative URLs only
("coverage_files/01-bridge-plan.html#q0"), so report and folder can be moved together.

`ReportPages.add` writes one page as the article arrives (a run never keeps every analysis);
`ReportPages.href` is then the link of a quote, by its article's id and its start.
`write_stored_pages` writes the pages of a Library collection from the store.

Exported again, the report links only the articles it now holds, so the pages an earlier
export wrote for articles gone since are removed once the report is written
(`ReportPages.finish`). Only Reader's own pages go: the folder keeps a list of the pages
written into it, each with the sha256 of the bytes written (MANIFEST, "digest  name" lines as
`sha256sum` writes them, a line added as each page is written, so a run cut short still
lists its pages), and a page is removed only when it is on that list, named as Reader names
its pages and still holds exactly those bytes. A file the reader put there, or changed since,
is never removed; nor is one of the collection's articles.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import unicodedata
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from reader.core.errors import ArticleError
from reader.core.model import Analysis
from reader.core.render.export import ExportError, rendered_page, write_page
from reader.core.store.coverage import Coverage
from reader.core.store.database import Store
from reader.core.text.loaders import load_article

SLUG_CHARACTERS = 48  # of a page's name after its number
FOLDER_SUFFIX = "_files"  # as a browser names the folder of a page saved "complete"
MANIFEST = ".reader-pages.sha256"  # the pages Reader wrote into the folder, with their digests
_PAGE_NAME = re.compile(r"[0-9]{2,}-[a-z0-9-]+\.html")  # page_name's names, and only those
_LISTED = re.compile(r"([0-9a-f]{64})  (.+)")


def pages_folder(report: Path) -> Path:
    """The folder of the articles' pages beside `report`: "r.html" -> "r_files"."""
    return report.with_name(f"{report.stem}{FOLDER_SUFFIX}")


def page_name(number: int, title: str) -> str:
    """ "07-bridge-plan.html": the number (two digits at least), then the title's letters and
    digits without accents, lower case, joined by hyphens ("article" when none is left)."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:SLUG_CHARACTERS].strip("-")
    return f"{number:02d}-{slug or 'article'}.html"


@dataclass(frozen=True, slots=True)
class ArticlePage:
    """One article's page: its `href` from the report (a relative URL) and the element id of
    each of its quotes drawn in the text, by the quote's start."""

    href: str
    anchors: dict[int, str]


class ReportPages:
    """The pages written for one report at `report`, by article id. A page is never written
    over one of the `protected` files (the collection's articles)."""

    def __init__(self, report: Path, protected: Iterable[Path] = ()) -> None:
        self.folder = pages_folder(report)
        self.pages: dict[Hashable, ArticlePage] = {}
        self._protected = {_resolved(Path(p)) for p in protected}
        self._earlier = listed_pages(self.folder)  # name -> digest, as an earlier export wrote
        self._written: dict[str, str] = {}  # name -> digest, by this one

    def add(self, article: Hashable, analysis: Analysis) -> ArticlePage:
        """Write the analysis's page as the next in the folder (made when first needed).
        Raises ExportError with a sentence for the user."""
        if self.folder.exists() and not self.folder.is_dir():
            raise ExportError(f"Cannot write the articles' pages to {self.folder}: not a folder.")
        try:
            self.folder.mkdir(exist_ok=True)
        except OSError as error:
            reason = error.strerror or str(error)
            raise ExportError(f"Cannot make the folder {self.folder}: {reason}.") from error
        name = page_name(len(self.pages) + 1, analysis.article.title)
        path = self.folder / name
        if _resolved(path) in self._protected:
            raise ExportError(f"Cannot write {path}: it is an article of the collection.")
        page, anchors = rendered_page(analysis)
        data = page.encode("utf-8")
        write_page(data, path, "export the article to")
        self._written[name] = hashlib.sha256(data).hexdigest()
        self._list(f"{self._written[name]}  {name}\n")
        self.pages[article] = ArticlePage(f"{quote(self.folder.name)}/{quote(name)}", anchors)
        return self.pages[article]

    def finish(self) -> list[Path]:
        """Once the report is written: remove the pages an earlier export wrote into the
        folder that this one did not write (the report no longer links them), and list only
        this export's pages. A page is removed only when the list has it, its name is one
        `page_name` gives and it still holds the bytes written (a file the reader put there
        or changed stays). The removed paths, in name order. Raises ExportError when the
        list cannot be written."""
        removed = []
        for name in sorted(set(self._earlier) - set(self._written)):
            path = self.folder / name
            if _resolved(path) in self._protected or path.is_symlink() or not path.is_file():
                continue
            try:
                if hashlib.sha256(path.read_bytes()).hexdigest() != self._earlier[name]:
                    continue
                path.unlink()
            except OSError:
                continue  # left where it is; nothing the report needs
            removed.append(path)
        self._earlier = dict(self._written)
        if self._written:
            lines = "".join(f"{digest}  {name}\n" for name, digest in self._written.items())
            write_page(lines.encode("ascii"), self.folder / MANIFEST, "list the pages in")
        elif self.folder.is_dir():  # no page now: the list goes, and the folder when empty
            with contextlib.suppress(OSError):  # the reader's own files may be in it
                (self.folder / MANIFEST).unlink(missing_ok=True)
                self.folder.rmdir()
        return removed

    def _list(self, line: str) -> None:
        """Add `line` to the folder's list of pages. Raises ExportError."""
        try:
            with open(self.folder / MANIFEST, "a", encoding="ascii") as handle:
                handle.write(line)
        except OSError as error:
            reason = error.strerror or str(error)
            raise ExportError(f"Cannot list the pages in {self.folder}: {reason}.") from error

    def href(self, article: Hashable, start: int) -> str | None:
        """The link to the quote at `start` of `article`: its page at the quote, the page's
        top when the quote is not drawn in its text; None when the article has no page."""
        page = self.pages.get(article)
        if page is None:
            return None
        anchor = page.anchors.get(start)
        return f"{page.href}#{anchor}" if anchor else page.href


def write_stored_pages(coverage: Coverage, store: Store, model: str, report: Path) -> ReportPages:
    """The pages of a Library collection's articles: each file read again and its analysis by
    pipeline `model` taken from the store (the reader's corrections applied), so the page
    shows what the Library counted. A file no longer readable, or changed since it was
    analysed, gets no page (its quotes in the report are not linked). Raises ExportError,
    or StoreError from the store."""
    pages = ReportPages(report, (Path(kept.path) for kept in coverage.articles.values()))
    for article, kept in coverage.articles.items():
        try:
            analysis = store.cached_analysis(load_article(kept.path), model)
        except ArticleError:
            continue
        if analysis is not None:
            pages.add(article, analysis)
    return pages


def listed_pages(folder: Path) -> dict[str, str]:
    """The pages an earlier export listed in `folder` (MANIFEST): name -> sha256 hex digest,
    the last line of a name counting; lines not in that form, and names `page_name` would
    not give, are left out; {} without a readable list."""
    try:
        text = (folder / MANIFEST).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return {}
    listed = {}
    for line in text.splitlines():
        if (match := _LISTED.fullmatch(line)) and _PAGE_NAME.fullmatch(match.group(2)):
            listed[match.group(2)] = match.group(1)
    return listed


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path

"""The article files of a folder, as `reader analyze FOLDER`, File ▸ Open Folder and the Library
collect them: every file whose suffix a loader reads (texts, documents, mail, web pages, and the
pictures read with OCR: the loaders' own suffix lists, not a copy), minus Reader's own pages.

Reader's own exports and reports (`reader export`, `reader report`, File ▸ Export) are pages
about articles, not articles: read back, every quote of an exported article would be counted
twice. They are told by the generator tag both page templates write in their head
(`<meta name="generator" content="Reader">`), looked for in the first `MARKER_BYTES` bytes
only. The asset folder a browser saves beside a page ("page_files" beside "page.html", as
`reader report --with-articles` writes "REPORT_files") is skipped too: its pictures are the
page's logos and photos, not scans.

The files come in natural order (`natural_key`): "a2" before "a10", as a file manager lists
them, so a collection made of a folder keeps that order.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.text.loaders import HTML_SUFFIXES, IMAGE_SUFFIXES, SUPPORTED_SUFFIXES

ARTICLE_SUFFIXES = SUPPORTED_SUFFIXES + IMAGE_SUFFIXES  # every suffix a loader reads
READER_MARKER = b'<meta name="generator" content="Reader">'
MARKER_BYTES = 4096
_ASSETS = "_files"
_NUMBERS = re.compile(r"(\d+)")


@dataclass
class FolderFiles:
    """A folder's article files in natural order (`natural_key`), and how many of Reader's
    own pages (exports, reports) were left out (`skipped`)."""

    paths: list[Path] = field(default_factory=list)
    skipped: int = 0


def folder_files(folder: Path) -> FolderFiles:
    """The files under `folder` (recursively; hidden files and folders, symlinked folders and
    the asset folders of saved pages skipped) whose suffix a loader reads, Reader's own pages
    left out and counted. A folder that cannot be read gives an empty FolderFiles."""
    found = FolderFiles()
    for root, dirs, files in os.walk(folder):
        pages = {Path(name).stem for name in files if Path(name).suffix.lower() in HTML_SUFFIXES}
        dirs[:] = [
            d
            for d in dirs
            if not d.startswith(".") and not (d.endswith(_ASSETS) and d[: -len(_ASSETS)] in pages)
        ]
        for name in files:
            suffix = Path(name).suffix.lower()
            if name.startswith(".") or suffix not in ARTICLE_SUFFIXES:
                continue
            path = Path(root, name)
            if suffix in HTML_SUFFIXES and is_reader_page(path):
                found.skipped += 1
            else:
                found.paths.append(path)
    found.paths.sort(key=natural_key)
    return found


def natural_key(path: Path) -> tuple[tuple[list[str | int], str], ...]:
    """A path's sort key in natural order, per part of the path: its runs of digits compared
    as numbers and the rest without regard to case ("a2" < "a10", "B1" < "c1"), the part
    itself breaking ties ("A1" < "a1"). Text and numbers alternate in each part's list, so two
    lists never compare a number with text."""
    return tuple(
        (
            [
                int(run) if index % 2 else run.casefold()
                for index, run in enumerate(_NUMBERS.split(part))
            ],
            part,
        )
        for part in path.parts
    )


def is_reader_page(path: Path) -> bool:
    """Whether the file is a page Reader wrote (its generator tag within the first
    MARKER_BYTES bytes); False for a file that cannot be read or is no regular file (a FIFO
    would block `open`): its loader will say why."""
    try:
        if not path.is_file():
            return False
        with open(path, "rb") as handle:
            head = handle.read(MARKER_BYTES)
    except (OSError, ValueError):
        return False
    return READER_MARKER in head

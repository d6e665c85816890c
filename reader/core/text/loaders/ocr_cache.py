"""The pages OCR read, kept per file so that the same scan opens again without OCR.

OCR takes seconds a page; reopening a scan, restoring a session or running `reader analyze`
over it again would read every page again. So each picture read (a scanned PDF page, an
image's frame) is kept as the `pdf_noise.Page` the engine gave: its lines, their places and
sizes, and the marks around the words the engine was unsure of (`ocr.UNSURE_START`), from
which the loader makes the article, its uncertain-word spans and its blocks as on the first
read. Pages are what is kept, not the article, so the loaders' later steps (running lines,
paragraphs, the title) always run as the code on disk says.

Where: one JSON file per file content, named by the sha256 of the file's bytes, in
$READER_OCR_CACHE when set (the empty string turns the cache off), else in `ocr` under the
user's cache folder (platformdirs). Not in the analysis store: the store keys texts by the
hash of their text, which is what OCR makes (the bytes are all there is before it), it is
optional (`--no-store`, a store that cannot be opened) while reading a scan is not, and the
loaders lie below it (reader.core.text imports no store).

An entry holds `settings` (a digest of the OCR code and the engine's version: an entry made
by other code is not used), the page numbers the file needs read (`wanted`) and the pages
read so far, so a load cancelled half-way keeps what it read. The folder holds at most
`MAX_BYTES`; after each write the entries used longest ago (their file times, touched on
each use) are removed. Entries are written whole (a temporary file renamed over), a file
that cannot be read or parsed is no entry (and is removed), and no failure of the cache ever
fails a load. Plain JSON: a cache file is never trusted to run code.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from reader.core.text.loaders.pdf_noise import Box, Line, Page

CACHE_ENV = "READER_OCR_CACHE"
FORMAT = 1
# 64 MB: a page's entry is about 5-10 KB, so several thousand pages.
MAX_BYTES = 64 * 1024 * 1024
# An entry larger than this is not read (the cache folder is the user's, but a file is bounded
# before it is parsed, as every file Reader reads is).
MAX_ENTRY_BYTES = 32 * 1024 * 1024
# Temporary files older than this were left by a process that ended while writing.
_STALE_SECONDS = 3600.0
_SUFFIX = ".json"
_CODE = ("ocr.py", "images.py", "ocr_cache.py")


@dataclass(frozen=True, slots=True)
class Entry:
    """The pages of one file read by OCR so far: `wanted`, the numbers of the pages (or
    frames) the file needs read, ascending; `pages`, those read by number."""

    wanted: tuple[int, ...]
    pages: dict[int, Page]

    @property
    def complete(self) -> bool:
        return all(number in self.pages for number in self.wanted)


def cache_folder() -> Path | None:
    """$READER_OCR_CACHE when set (None, no cache, when it is empty), else `ocr` in the user's
    cache folder."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit is not None:
        return Path(explicit).expanduser() if explicit else None
    import platformdirs

    return Path(platformdirs.user_cache_dir("reader", appauthor=False)) / "ocr"


def file_key(data: bytes) -> str:
    """The entry's name for a file: the sha256 hex digest of its bytes."""
    return hashlib.sha256(data).hexdigest()


def settings(kind: str) -> str:
    """What an entry must have been made by: the kind of file ("picture", "pdf"), a digest
    of the OCR code and the engine's version."""
    return f"{kind}:{_code_digest()}"


@cache
def _code_digest() -> str:
    digest = hashlib.sha256(str(FORMAT).encode())
    here = Path(__file__).parent
    for name in _CODE:
        digest.update(here.joinpath(name).read_bytes())
    try:
        from importlib.metadata import version

        digest.update(version("rapidocr").encode())
    except Exception:  # not installed: OCR says so when it is asked to read
        digest.update(b"no engine")
    return digest.hexdigest()[:16]


def load(key: str, made_by: str) -> Entry | None:
    """The entry of the file whose `file_key` is `key`, made under `made_by` (`settings`);
    None when there is none, it was made by other code, or it cannot be read (then it is
    removed)."""
    folder = cache_folder()
    if folder is None:
        return None
    path = folder / f"{key}{_SUFFIX}"
    try:
        if path.stat().st_size > MAX_ENTRY_BYTES:
            raise ValueError("too large")
        record = json.loads(path.read_bytes())
        if not isinstance(record, dict) or record.get("format") != FORMAT:
            raise ValueError("not an entry")
        if record.get("settings") != made_by:
            return None  # made by other code: written again after this read
        entry = _entry(record)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError, IndexError, RecursionError):
        _remove(path)
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used now: removed last
    return entry


def save(key: str, made_by: str, wanted: Iterable[int], pages: Mapping[int, Page]) -> None:
    """Keep the pages read of the file `key` (whole: the entry is replaced), then remove the
    entries used longest ago while the folder holds more than MAX_BYTES. Never raises."""
    folder = cache_folder()
    if folder is None:
        return
    record = {
        "format": FORMAT,
        "settings": made_by,
        "wanted": sorted(wanted),
        "pages": {str(number): _page_record(page) for number, page in pages.items()},
    }
    try:
        data = json.dumps(record, separators=(",", ":"), allow_nan=False).encode()
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f"{key}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, folder / f"{key}{_SUFFIX}")
        except BaseException:
            _remove(Path(temporary))
            raise
        trim(folder, MAX_BYTES)
    except (OSError, ValueError, TypeError):
        pass  # a cache that cannot be written is no cache; the load goes on


def trim(folder: Path, limit: int) -> None:
    """Remove the entries used longest ago until the folder's entries hold at most `limit`
    bytes, and temporary files left by a writer that ended."""
    entries = []
    now = time.time()
    with os.scandir(folder) as listing:
        for item in listing:
            try:
                stat = item.stat()
            except OSError:
                continue
            if item.name.endswith(_SUFFIX):
                entries.append((stat.st_mtime, stat.st_size, item.path))
            elif item.name.endswith(".tmp") and now - stat.st_mtime > _STALE_SECONDS:
                _remove(Path(item.path))
    total = sum(size for _, size, _ in entries)
    for _, size, path in sorted(entries):
        if total <= limit:
            break
        _remove(Path(path))
        total -= size


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _page_record(page: Page) -> list[Any]:
    """The page as JSON's lists (numbers as Python floats: the engine gives numpy's)."""
    boxes = []
    for box in page.boxes:
        lines = [[str(ln.text), *map(float, (ln.x0, ln.x1, ln.top, ln.size))] for ln in box.lines]
        boxes.append([float(box.x0), float(box.x1), float(box.top), lines])
    return [float(page.width), float(page.height), boxes]


def _entry(record: dict[str, Any]) -> Entry:
    """The entry of a parsed record; ValueError (or TypeError, KeyError) when it is not one."""
    wanted = tuple(_whole(number) for number in record["wanted"])
    pages = {_whole(int(number)): _page(page) for number, page in record["pages"].items()}
    return Entry(wanted, pages)


def _page(record: list[Any]) -> Page:
    width, height, boxes = record
    return Page(
        _number(width),
        _number(height),
        [
            Box([_line(line) for line in lines], _number(x0), _number(x1), _number(top))
            for x0, x1, top, lines in boxes
        ],
    )


def _line(record: list[Any]) -> Line:
    text, x0, x1, top, size = record
    if not isinstance(text, str):
        raise ValueError("a line's text is not text")
    return Line(text, _number(x0), _number(x1), _number(top), _number(size))


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError("not a number")
    return float(value)


def _whole(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("not a page number")
    return value

"""Reading the members of a ZIP-based document under a bound on the bytes they produce, so a
ZIP bomb cannot take the machine's memory or minutes of parsing (issue 26).

Two bounds, both proportional to the 20 MB file limit: the archive's directory may state at
most UNPACKED_BOUND for all its members (pictures and fonts included, checked before anything
is unpacked), and the members a loader reads (the XML of a Word file or an ODT, an e-book's
chapters) may produce at most PARTS_BOUND together. A member is charged its stated size before
it is unpacked, so an honest bomb is refused without being inflated; a member that states less
than it holds cannot produce more either: zipfile stops at the stated size and the CRC check
then fails ("damaged"). Reading stops as soon as the count passes the bound.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

from reader.core.errors import ArticleError
from reader.core.text.sources import MAX_FILE_BYTES

# The XML of a long book's text is a few times its characters (WordML, XHTML), so 4 times the
# file limit leaves room for any real document; the whole archive may hold as much again in
# pictures and fonts (which are listed but never unpacked).
PARTS_BOUND = 4 * MAX_FILE_BYTES
UNPACKED_BOUND = 8 * MAX_FILE_BYTES
_MB = 1024 * 1024
_CHUNK = 1024 * 1024


class DocumentArchive(zipfile.ZipFile):
    """A ZIP whose members are read through `read_member`, which counts what they produced."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.produced = 0


def check_directory(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuses an archive whose directory states more than UNPACKED_BOUND, before unpacking."""
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > UNPACKED_BOUND:
        raise ArticleError(
            f"{path.name} is refused: it would unpack to {unpacked / _MB:.0f} MB, past "
            f"{_bound(UNPACKED_BOUND)}; it may be a decompression bomb."
        )


def check_parts(path: Path, archive: DocumentArchive, names: Iterable[str]) -> None:
    """Refuses at once when the members a loader is about to read (each time it reads them: a
    spine may name one chapter many times) state more than is left of PARTS_BOUND, so an
    e-book's chapters are refused before the first is parsed."""
    sizes = {info.filename: info.file_size for info in archive.infolist()}
    stated = sum(sizes.get(name, 0) for name in names)
    if archive.produced + stated > PARTS_BOUND:
        raise _past_bound(path)


def read_member(path: Path, archive: DocumentArchive, name: str) -> bytes:
    """A member's bytes (b"" when absent); ArticleError when it is damaged or passes the bound."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return b""
    left = PARTS_BOUND - archive.produced
    if info.file_size > left:
        raise _past_bound(path)
    chunks: list[bytes] = []
    try:
        with archive.open(info) as member:
            while chunk := member.read(min(_CHUNK, left + 1)):
                chunks.append(chunk)
                archive.produced += len(chunk)
                left -= len(chunk)
                if left < 0:
                    raise _past_bound(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
        raise ArticleError(f"{path.name} is damaged: its part {name} cannot be read.") from error
    return b"".join(chunks)


def _past_bound(path: Path) -> ArticleError:
    return ArticleError(
        f"{path.name} is refused: the parts Reader reads unpack past {_bound(PARTS_BOUND)}; "
        "it may be a decompression bomb."
    )


def _bound(bound: int) -> str:
    return (
        f"{bound // _MB} MB ({bound // MAX_FILE_BYTES} times the "
        f"{MAX_FILE_BYTES // _MB} MB file limit)"
    )

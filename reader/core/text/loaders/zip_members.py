"""Reading one member of a ZIP-based document with a size cap, so a ZIP bomb cannot take the
machine's memory (the format loaders of .epub and .odt read their parts through it)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from reader.core.errors import ArticleError

# The most any one member may hold once decompressed (a long book's chapter is a few MB).
MAX_MEMBER_BYTES = 64 * 1024 * 1024


def read_member(path: Path, archive: zipfile.ZipFile, name: str) -> bytes:
    """A member's bytes (b"" when absent); ArticleError when it is damaged or too large."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return b""
    if info.file_size > MAX_MEMBER_BYTES:
        raise ArticleError(f"{path.name} holds a part too large to read ({name}).")
    try:
        with archive.open(info) as member:
            data = member.read(MAX_MEMBER_BYTES + 1)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
        raise ArticleError(f"{path.name} is damaged: its part {name} cannot be read.") from error
    if len(data) > MAX_MEMBER_BYTES:
        raise ArticleError(f"{path.name} holds a part too large to read ({name}).")
    return data

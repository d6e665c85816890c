"""Rich Text Format (.rtf) through striprtf: the text as plain text, the info group as metadata.

The text's code page comes from the document's `\\ansicpg` word (Windows-1252 when absent); its
paragraphs are then found as in a .txt file. The info group's title, author and creation
time give the title and metadata.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from reader.core.errors import ArticleError
from reader.core.text.article import Article
from reader.core.text.decoding import normalize_newlines
from reader.core.text.loaders.metadata import stated_meta, stated_title
from reader.core.text.loaders.text import text_article

_CODE_PAGE = re.compile(rb"\\ansicpg(\d{3,5})")
_INFO_FIELD = re.compile(rb"\{\\(title|author)\s+((?:[^{}\\]|\\.)*)\}")
_CREATED = re.compile(rb"\\creatim\\yr(\d{4})\\mo(\d{1,2})\\dy(\d{1,2})")


def load_rtf(path: Path, data: bytes) -> Article:
    """An RTF article; ArticleError when the file is not RTF or holds no text."""
    from striprtf.striprtf import rtf_to_text

    if not data.lstrip().startswith(b"{\\rtf"):
        raise ArticleError(f"{path.name} is not an RTF document (it does not start with {{\\rtf).")
    encoding = _encoding(data)
    try:
        text = rtf_to_text(data.decode("latin-1"), encoding=encoding, errors="replace")
    except (ValueError, IndexError, RecursionError) as error:
        raise ArticleError(f"{path.name} is damaged: its RTF cannot be read.") from error
    text = normalize_newlines(text).replace("\x00", "")
    if not text.strip():
        raise ArticleError(f"No article text found in {path.name}.")
    fields = {
        match.group(1).decode("ascii"): _field_text(match.group(2), encoding)
        for match in _INFO_FIELD.finditer(data[: 64 * 1024])
    }
    created = _CREATED.search(data[: 64 * 1024])
    meta = stated_meta(
        author=fields.get("author"),
        date="{}-{:0>2}-{:0>2}".format(*(g.decode() for g in created.groups()))
        if created
        else None,
    )
    return text_article(path, text, title=stated_title(fields.get("title")), meta=meta)


def _encoding(data: bytes) -> str:
    match = _CODE_PAGE.search(data[:4096])
    if match:
        name = f"cp{int(match.group(1))}"
        try:
            return codecs.lookup(name).name
        except LookupError:
            pass
    return "cp1252"


def _field_text(raw: bytes, encoding: str) -> str:
    from striprtf.striprtf import rtf_to_text

    text = rtf_to_text(
        "{\\rtf1 " + raw.decode("latin-1") + "}", encoding=encoding, errors="replace"
    )
    return " ".join(text.split())

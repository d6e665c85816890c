"""Rich Text Format (.rtf) through striprtf: the text as plain text, the info group as metadata.

The text's code page comes from the document's `\\ansicpg` word (Windows-1252 when absent); its
paragraphs are then found as in a .txt file. The info group's title, author and creation
time give the title and metadata. Footnotes and endnotes (`\\footnote` groups, which striprtf
drops) leave a mark where they stood (" [1]"; endnotes " [i]" unless the document sets another
numbering) and follow the text under a "Notes" line, one paragraph each. Page headers and
footers (`\\header`, `\\footer` groups, which striprtf drops) are left out, and notes past
_MAX_NOTES too: the article's notices say so, as for a Word file.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from reader.core.errors import ArticleError
from reader.core.text.article import Article
from reader.core.text.decoding import normalize_newlines
from reader.core.text.loaders.blocks import HEADERS_LEFT_OUT, with_notices
from reader.core.text.loaders.metadata import stated_meta, stated_title
from reader.core.text.loaders.opening_dates import with_dateline_date
from reader.core.text.loaders.text import text_article
from reader.core.text.loaders.wordml import format_number

_CODE_PAGE = re.compile(rb"\\ansicpg(\d{3,5})")
_INFO_FIELD = re.compile(rb"\{\\(title|author)\s+((?:[^{}\\]|\\.)*)\}")
_CREATED = re.compile(rb"\\creatim\\yr(\d{4})\\mo(\d{1,2})\\dy(\d{1,2})")
_NOTE = re.compile(r"\{\\(?:\*\\)?footnote(?![a-z])")
_NOTE_FORMATS = {"ar": "decimal", "rlc": "lowerRoman", "ruc": "upperRoman"}
_NOTE_FORMATS |= {"alc": "lowerLetter", "auc": "upperLetter", "chi": "chicago"}
_MAX_NOTES = 10_000
_FURNITURE = re.compile(r"\{\\(?:header|footer)[lrf]?(?![a-z])")
_MAX_FURNITURE_GROUPS = 24  # a section may have its own, in six forms
NOTES_HEADING = "Notes"


def load_rtf(path: Path, data: bytes) -> Article:
    """An RTF article; ArticleError when the file is not RTF or holds no text."""
    from striprtf.striprtf import rtf_to_text

    if not data.lstrip().startswith(b"{\\rtf"):
        raise ArticleError(f"{path.name} is not an RTF document (it does not start with {{\\rtf).")
    encoding = _encoding(data)
    try:
        source, notes, past_cap = _without_notes(data.decode("latin-1"), encoding)
        text = _plain(rtf_to_text(source, encoding=encoding, errors="replace"))
        furniture = _has_page_furniture(source, encoding)
    except (ValueError, IndexError, RecursionError) as error:
        raise ArticleError(f"{path.name} is damaged: its RTF cannot be read.") from error
    if notes and text.strip():
        separator = "\n\n" if "\n\n" in text.strip() else "\n"
        text = separator.join([text.rstrip(), NOTES_HEADING, *notes])
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
    article = text_article(path, text, title=stated_title(fields.get("title")), meta=meta)
    article = with_dateline_date(article)
    return with_notices(
        article,
        HEADERS_LEFT_OUT if furniture else "",
        f"Its notes past the first {_MAX_NOTES:,} are not shown ({past_cap:,})."
        if past_cap
        else "",
    )


def _has_page_furniture(rtf: str, encoding: str) -> bool:
    """Whether a header or footer group (`\\header`, `\\footerl`, …) holds text; the first
    _MAX_FURNITURE_GROUPS are looked at."""
    from striprtf.striprtf import rtf_to_text

    for number, match in enumerate(_FURNITURE.finditer(rtf)):
        if number >= _MAX_FURNITURE_GROUPS:
            break
        body = rtf[match.end() : _group_end(rtf, match.start()) - 1]
        if rtf_to_text("{\\rtf1 " + body + "}", encoding=encoding, errors="replace").strip():
            return True
    return False


def _plain(text: str) -> str:
    """striprtf's text with line ends normalised, NULs dropped and UTF-16 surrogate halves
    (from `\\u` words) joined into the characters they encode."""
    text = normalize_newlines(text).replace("\x00", "")
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _without_notes(rtf: str, encoding: str) -> tuple[str, list[str], int]:
    """The RTF with each note group replaced by its mark, the notes ("[1] text") in order:
    footnotes, then endnotes (`\\ftnalt`), and how many notes past _MAX_NOTES were left out."""
    from striprtf.striprtf import rtf_to_text

    pieces: list[str] = []
    notes: dict[bool, list[str]] = {False: [], True: []}
    position = past_cap = 0
    for match in _NOTE.finditer(rtf):
        if match.start() < position:
            continue  # a note inside a note: read with it
        if len(notes[False]) + len(notes[True]) >= _MAX_NOTES:
            past_cap += 1  # left to striprtf, which drops it
            continue
        end = _group_end(rtf, match.start())
        body = rtf[match.end() : end - 1]
        endnote = body.lstrip().startswith("\\ftnalt")
        mark = format_number(len(notes[endnote]) + 1, _note_format(rtf, endnote))
        text = rtf_to_text("{\\rtf1 " + body + "}", encoding=encoding, errors="replace")
        notes[endnote].append(f"[{mark}] {' '.join(_plain(text).split())}")
        literal = "".join(char if char.isascii() else f"\\u{ord(char)}?" for char in mark)
        pieces += [rtf[position : match.start()], f"{{ [{literal}]}}"]  # a group keeps the space
        position = end
    pieces.append(rtf[position:])
    return "".join(pieces), notes[False] + notes[True], past_cap


def _group_end(rtf: str, start: int) -> int:
    """The index just past the group that opens at `start` (escaped braces skipped)."""
    depth = 0
    index = start
    while index < len(rtf):
        char = rtf[index]
        if char == "\\":
            index += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return len(rtf)


def _note_format(rtf: str, endnote: bool) -> str:
    """The document's numbering for footnotes (`\\ftnnar`…) or endnotes (`\\aftnn…`)."""
    prefix = r"\\aftnn" if endnote else r"\\ftnn"
    match = re.search(prefix + r"(ar|rlc|ruc|alc|auc|chi)", rtf[:65536])
    if match:
        return _NOTE_FORMATS[match.group(1)]
    return "lowerRoman" if endnote else "decimal"


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

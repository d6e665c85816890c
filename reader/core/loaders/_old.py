"""Reading article files (.txt, .md, .html) into Articles.

Nothing in a file is executed or fetched: Markdown is parsed to tokens and only their text is
kept; HTML goes through trafilatura's extractor, which works on the given bytes alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from charset_normalizer import from_bytes

from reader.core.article import Article, Block, BlockKind
from reader.core.errors import ArticleError

__all__ = ["SUPPORTED_SUFFIXES", "ArticleError", "load_article"]

MAX_FILE_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES

# Signatures of common binary formats, so a renamed image gets a precise message.
_BINARY_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or a Word/ODF document)",
    b"\x7fELF": "a program",
}
PREFERRED_ON_TIE = "cp1252"
_SENTENCE_END = ".!?:;,…"
_CLOSING_MARKS = "\"'”’»)]"
_MAX_HEADING_WORDS = 16


def load_article(path: str | Path) -> Article:
    """Read a file into an Article, or raise ArticleError saying why it cannot be read."""
    path = Path(path)
    data = _read_bytes(path)
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return _html_article(path, data)
    text = normalize_newlines(decode_text(data, path))
    if not text.strip():
        raise ArticleError(f"{path.name} contains only whitespace.")
    if suffix in MARKDOWN_SUFFIXES:
        return _markdown_article(path, text)
    return _text_article(path, text)


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise ArticleError(f"{path} does not exist.")
    if path.is_dir():
        raise ArticleError(f"{path} is a folder, not an article file.")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ArticleError(
                f"{path.name} is {size / 1024 / 1024:.1f} MB; Reader opens articles "
                f"up to {MAX_FILE_BYTES // 1024 // 1024} MB."
            )
        data = path.read_bytes()
    except PermissionError as error:
        raise ArticleError(f"{path} cannot be read: permission denied.") from error
    except OSError as error:
        raise ArticleError(f"{path} cannot be read: {error.strerror or error}.") from error
    if not data:
        raise ArticleError(f"{path.name} is empty.")
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise ArticleError(f"{path.name} is {what}, not a text article.")
    return data


def decode_text(data: bytes, path: Path) -> str:
    """Decode bytes in any common encoding; UTF-8 is tried first as it is the common case."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise ArticleError(f"{path.name} is not text in any encoding Reader recognises.")
    # Short texts often fit several single-byte code pages equally well; news in English is
    # then most likely Windows-1252 (which browsers also use for latin-1).
    tied = [m.encoding for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    encoding = PREFERRED_ON_TIE if PREFERRED_ON_TIE in tied else best.encoding
    text = data.decode(encoding)
    if _looks_binary(text):
        raise ArticleError(f"{path.name} looks like a binary file, not a text article.")
    return text


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if ch < " " and ch not in "\n\r\t\f")
    return controls > max(2, len(text) // 100)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_like_heading(line: str) -> bool:
    """A short line that does not end like a sentence (a headline or subhead)."""
    stripped = line.strip().rstrip(_CLOSING_MARKS)
    return (
        bool(stripped)
        and stripped[-1] not in _SENTENCE_END
        and len(stripped.split()) <= _MAX_HEADING_WORDS
    )


def _title_from_path(path: Path) -> str:
    words = re.sub(r"[-_]+", " ", path.stem).split()
    return " ".join(word[:1].upper() + word[1:] for word in words) or path.name


def _text_article(path: Path, text: str) -> Article:
    """Paragraphs are runs of lines between blank lines, or single lines when there are none."""
    separator = r"\n[ \t]*\n" if re.search(r"\n[ \t]*\n", text.strip()) else r"\n"
    blocks: list[Block] = []
    pos = 0
    for match in re.finditer(separator, text + "\n\n"):
        start, end = pos, match.start()
        pos = match.end()
        chunk = text[start:end]
        if not chunk.strip():
            continue
        start += len(chunk) - len(chunk.lstrip())
        end -= len(chunk) - len(chunk.rstrip())
        kind = BlockKind.HEADING if _looks_like_heading(text[start:end]) else BlockKind.PARAGRAPH
        if not blocks and kind is BlockKind.HEADING:
            kind = BlockKind.TITLE
        blocks.append(Block(kind, start, end))
    first = blocks[0]
    title = text[first.start : first.end] if first.kind is BlockKind.TITLE else None
    return Article(
        title=title or _title_from_path(path), text=text, blocks=tuple(blocks), path=path
    )


def _joined(path: Path, parts: Iterable[tuple[BlockKind, str]], title: str | None) -> Article:
    """Build an Article whose text is the blocks' text, one block a line."""
    pieces: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for kind, raw in parts:
        content = " ".join(raw.split())
        if not content:
            continue
        if kind is BlockKind.TITLE and (blocks or title is not None):
            kind = BlockKind.HEADING
        if kind is BlockKind.TITLE:
            title = content
        blocks.append(Block(kind, pos, pos + len(content)))
        pieces.append(content)
        pos += len(content) + 1
    if not blocks:
        raise ArticleError(f"No article text found in {path.name}.")
    return Article(
        title=title or _title_from_path(path),
        text="\n".join(pieces),
        blocks=tuple(blocks),
        path=path,
    )


def _markdown_article(path: Path, text: str) -> Article:
    """Headings and paragraphs as text: links keep their words, images their alt, HTML goes."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text)
    parts: list[tuple[BlockKind, str]] = []
    for index, token in enumerate(tokens):
        if token.type != "inline":
            continue
        opener = tokens[index - 1]
        if opener.type == "heading_open":
            kind = BlockKind.TITLE if opener.tag == "h1" else BlockKind.HEADING
        else:
            kind = BlockKind.PARAGRAPH
        parts.append((kind, _inline_text(token.children or [])))
    return _joined(path, parts, title=None)


def _inline_text(children: list) -> str:
    words = []
    for child in children:
        if child.type in ("text", "code_inline"):
            words.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            words.append(" ")
        elif child.type == "image":
            words.append(child.content)
    return "".join(words)


def _html_article(path: Path, data: bytes) -> Article:
    """The article of a saved page: trafilatura drops navigation, banners, scripts and ads."""
    import trafilatura
    from lxml import etree

    extracted = trafilatura.extract(
        data,
        output_format="xml",
        with_metadata=True,
        favor_recall=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
    )
    if not extracted:
        raise ArticleError(f"No article text found in {path.name}.")
    root = etree.fromstring(extracted.encode("utf-8"), etree.XMLParser(resolve_entities=False))
    title = (root.get("title") or "").strip() or None
    parts: list[tuple[BlockKind, str]] = []
    main = root.find("main")
    for element in main.iter("head", "p", "item", "quote") if main is not None else ():
        if element.tag == "quote" and element.find("p") is not None:
            continue
        text = "".join(element.itertext())
        if element.tag == "head":
            same_as_title = title is not None and " ".join(text.split()) == " ".join(title.split())
            kind = BlockKind.TITLE if same_as_title and not parts else BlockKind.HEADING
        else:
            kind = BlockKind.PARAGRAPH
        parts.append((kind, text))
    if title and not any(kind is BlockKind.TITLE for kind, _ in parts):
        parts.insert(0, (BlockKind.TITLE, title))
    return _joined(path, parts, title=None)

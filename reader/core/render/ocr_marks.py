"""Text read by OCR, as the export page (and the view, in its own way) marks it: a label beside
the byline, and the words the OCR engine was unsure of (`ArticleMeta.uncertain`, offsets into
the article's text) in a span with a wavy underline and a title saying why."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from markupsafe import Markup, escape

from reader.core.text.article import ArticleMeta

OCR_LABEL = "Read by OCR"
UNSURE_NOTE = " (words it was unsure of are underlined in waves)"
UNSURE_TITLE = "OCR was unsure of this word: check it against the scan"
_UNSURE_SPAN = Markup('<span class="uncertain" title="{}">{}</span>')

TextPiece = Callable[[int, int], Markup]


def ocr_label(meta: ArticleMeta | None) -> str | None:
    """ "Read by OCR" (and how unsure words are marked) for a text read from pictures, else
    None."""
    if meta is None or not meta.ocr:
        return None
    return OCR_LABEL + (UNSURE_NOTE if meta.uncertain else "")


def text_pieces(text: str, meta: ArticleMeta | None) -> TextPiece:
    """A function giving `text[start:end]` as escaped HTML, the unsure words in it each in a
    span of class "uncertain" (cut at `start` and `end` when one crosses them). Each call costs
    a bisect and the spans inside the piece: the page stays linear in the text."""
    spans = meta.uncertain if meta is not None else ()
    starts = [start for start, _ in spans]

    def piece(start: int, end: int) -> Markup:
        out: list[Markup] = []
        position = start
        index = max(bisect_right(starts, start) - 1, 0)
        while index < len(spans) and spans[index][0] < end:
            first, last = max(spans[index][0], position), min(spans[index][1], end)
            if last > first:
                out += [
                    escape(text[position:first]),
                    _UNSURE_SPAN.format(UNSURE_TITLE, text[first:last]),
                ]
                position = last
            index += 1
        out.append(escape(text[position:end]))
        return Markup("").join(out)

    return piece

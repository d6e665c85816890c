"""Layouts that name a speaker without a speech verb: signatures and labels.

A dash and a name after the closing mark, on its line or the next, sign a quote
(`“…” -Commissioner Gareth Pellow`). A label ending in a colon before the opening mark, on its
line or alone on the line above, names the speaker of round-ups and transcripts (`Priya Raman,
The Ledger: “…”`, `DUNMORE: “…”`, `And from Chairwoman Rosalind Achebe:` above a quoted
paragraph). In a transcript printed without marks (`AHLBERG: Because the walls are failing.`)
each labelled paragraph is a quote. Offsets are characters into the Doc's text.

Serves round-ups, transcripts and reader-comment lists of web news (10aed66: quotes-dev
speaker accuracy 0.932 -> 0.934, huff-post 0.873 -> 0.886; 3c85693: unchanged).
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Span, Token

from reader.core.analysis.quotes.context import Fragment, QuotedDoc, expanded_name
from reader.core.analysis.quotes.marks import DOUBLE_MARKS, QuotedRun, paragraphs
from reader.core.analysis.quotes.word_lists import words

_DASH_CHARS = "—–―-"
# Words of a dash signature (`— Commissioner Gareth Pellow`), efbb0f9, chosen by hand on quotes-dev.
_LONGEST_SIGNATURE = 6
# Characters read after a dash for a signature, and before a colon for a label (0438329).
_LONGEST_LINE_READ = 200
# Words of a round-up label: `Priya Raman, The Ledger:` (0438329).
_LONGEST_LABEL = 12
_NAME_TYPES = ("PERSON", "ORG")
# `AHLBERG: …` opening a paragraph: one to four words in capitals, then a colon.
_TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):[ \t]+(?=\S)")
# Labels of notes and page furniture, not of speakers.
_NOT_SPEAKERS = words("not_speaker_labels.txt")
# Labelled paragraphs of a transcript, and the turns of its most frequent label: a lone
# `CLARIFICATION:` is no dialogue (3c85693).
_FEWEST_TRANSCRIPT_LINES = 2
_FEWEST_TURNS = 2


def signature(qdoc: QuotedDoc, fragment: Fragment) -> Span | None:
    """`“…” — Smith`: a name after a dash that follows the closing mark, to the line end (or
    the next opening mark, or a comma before a description); the dash may open the next line
    when the quote ends its own."""
    text = qdoc.text
    index = fragment.end
    line_breaks = 0
    while index < len(text) and (
        text[index] in DOUBLE_MARKS or text[index] in ".,\u00a0 \t" or text[index] == "\n"
    ):
        line_breaks += text[index] == "\n"
        index += 1
    if index >= len(text) or text[index] not in _DASH_CHARS or line_breaks > 1:
        return None
    line_end = text.find("\n", index, index + _LONGEST_LINE_READ)
    if line_end < 0:
        line_end = min(len(text), index + _LONGEST_LINE_READ)
    next_quote = text.find("“", index, line_end)  # a paragraph break read as a space
    line_end = line_end if next_quote < 0 else next_quote
    name = qdoc.doc.char_span(index + 1, line_end, alignment_mode="expand")
    if name is None:
        return None
    words = []
    for token in name:
        if token.text == ",":
            break  # "-Lydia Farrant, Eastfield resident": the name, not its description
        if token.is_alpha:
            words.append(token)
    if not words or len(words) > _LONGEST_SIGNATURE or any(qdoc.quoted[t.i] for t in words):
        return None
    if not (words[0].text[0].isupper() and words[-1].text[0].isupper()):
        return None  # `“…” - a charge that might have stung`: a clause, not a name
    return qdoc.doc[words[0].i : words[-1].i + 1]


def label_before(qdoc: QuotedDoc, fragment: Fragment) -> Span | None:
    """The name in a label that ends with a colon right before the opening mark: the label
    runs from its line's start, has no verb and no quote, and names a person or organization
    (else an all-capital name, as transcripts print speakers, or the proper nouns before its
    first comma)."""
    index = qdoc.word_before(fragment)
    if index < 0 or qdoc.doc[index].text != ":":
        return None
    colon = qdoc.doc[index]
    line_start = qdoc.text.rfind("\n", max(0, colon.idx - _LONGEST_LINE_READ), colon.idx) + 1
    label = qdoc.doc.char_span(line_start, colon.idx, alignment_mode="expand")
    if label is None:
        return None
    words = [t for t in label if not t.is_punct and not t.is_space]
    if (
        not words
        or len(words) > _LONGEST_LABEL
        or any(t.pos_ in ("VERB", "AUX") or qdoc.quoted[t.i] for t in label)
    ):
        return None
    for kind in _NAME_TYPES:
        named = next((t for t in words if t.ent_type_ == kind), None)
        if named is not None:
            return expanded_name(named)
    if len(words) == 1 and words[0].is_upper and words[0].is_alpha:
        return label[words[0].i - label.start : words[0].i - label.start + 1]
    return _proper_nouns_before_comma(words)


def _proper_nouns_before_comma(words: list[Token]) -> Span | None:
    """`Tomas Berg, Northern Times`: the proper nouns that open a label, up to a comma."""
    run: list[Token] = []
    for token in words:
        if token.pos_ != "PROPN":
            break
        run.append(token)
        if token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == ",":
            break
    return run[0].doc[run[0].i : run[-1].i + 1] if run else None


def find_transcript_runs(text: str) -> list[QuotedRun]:
    """The answers and questions of a transcript printed without quotation marks: each
    paragraph that opens with a speaker's label in capitals and a colon (`AHLBERG: …`), from
    after the label to the paragraph's end, when some label opens two paragraphs or more (a
    dialogue, not a lone `CLARIFICATION:`). Paragraphs with double marks are left to the
    pairing of marks; the text's first line is its title. Offsets are characters into `text`.
    """
    lines = []
    for start, end in paragraphs(text):
        match = _TRANSCRIPT_LABEL.match(text, start, end)
        if start == 0 or match is None or any(m in text[start:end] for m in DOUBLE_MARKS):
            continue
        label = match.group(1)
        if not any(word in _NOT_SPEAKERS for word in label.split()):
            lines.append((label, match.end(), end))
    counts = Counter(label for label, _, _ in lines)
    if len(lines) < _FEWEST_TRANSCRIPT_LINES or max(counts.values(), default=0) < _FEWEST_TURNS:
        return []
    return [QuotedRun([(start, end)]) for _, start, end in lines if start < end]

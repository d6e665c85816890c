"""Names in a script the model cannot read.

The English model was trained on Latin script only; in Arabic or Hebrew text it labels runs of
words at random (it made a person of four Arabic words). A candidate with a right-to-left
letter is dropped.

Serves any text quoting Arabic or Hebrew names. No figure recorded (dd48ad4).
"""

from __future__ import annotations

import unicodedata

from spacy.tokens import Doc

from reader.core.analysis.entities.candidates import Candidate
from reader.core.analysis.entities.token_facts import span_text


def drop_right_to_left(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates` less those with a letter of a right-to-left script (Arabic, Hebrew, ...)."""
    return [c for c in candidates if not _has_right_to_left(span_text(doc, c.start, c.end))]


def _has_right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)

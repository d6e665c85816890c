"""Entities of the three kinds the reader highlights, with one key per real entity."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from reader.core.model import Kind, Mention

_LABELS = {"PERSON": Kind.PERSON, "ORG": Kind.ORG, "GPE": Kind.COUNTRY}


def slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.casefold()).strip("-")


def mentions_from_doc(doc: Doc) -> tuple[Mention, ...]:
    """Placeholder: spaCy's own labels, one key per surface form."""
    out = []
    for ent in doc.ents:
        kind = _LABELS.get(ent.label_)
        if kind is None:
            continue
        key = f"{kind.lower()}:{slug(ent.text)}"
        out.append(Mention(ent.start_char, ent.end_char, ent.text, kind, key, ent.text))
    return tuple(out)

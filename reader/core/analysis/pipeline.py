"""Choosing and loading the spaCy pipeline; nothing is ever downloaded."""

from __future__ import annotations

import os

import numpy
import spacy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from reader.core.analysis import quotes
from reader.core.analysis.models import INSTALL_HINT, MODEL_ENV, ModelError, installed_models


def model_label(nlp: Language) -> str:
    return (
        f"{nlp.meta.get('name_full') or _package_name(nlp)} {nlp.meta.get('version', '')}".strip()
    )


def _package_name(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'pipeline')}"


def load_pipeline(name: str | None = None) -> Language:
    """Load the explicit choice (argument, then $READER_MODEL), else the best installed pipeline."""
    explicit = name or os.environ.get(MODEL_ENV)
    candidates = [explicit] if explicit else installed_models()
    if not candidates:
        raise ModelError(
            f"No English spaCy pipeline is installed. Install one with: {INSTALL_HINT}"
        )
    errors = []
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except (OSError, ImportError, ValueError) as error:
            errors.append(f"{candidate}: {error}")
            continue
        nlp.meta["name_full"] = candidate
        return prepare(nlp)
    raise ModelError(
        f"Could not load the spaCy pipeline {explicit or 'from the installed ones'} "
        f"({'; '.join(errors)}). Install one with: {INSTALL_HINT}"
    )


PARAGRAPH_BREAKS = "reader_paragraph_breaks"


@Language.component(PARAGRAPH_BREAKS)
def start_sentences_at_paragraph_breaks(doc: Doc) -> Doc:
    """A sentence starts at the first word after every line break.

    The parser otherwise runs a headline, a dateline or a paragraph without a final full stop
    into the next paragraph's sentence, which then has two subjects to choose a speaker from.
    The starts are written in one `Doc.from_array` pass: setting `Token.is_sent_start` one
    token at a time rescans the whole Doc on each set, quadratic on text with many lines.
    """
    if len(doc) < 2:
        return doc
    orths = doc.to_array(ORTH)
    forms, inverse = numpy.unique(orths, return_inverse=True)
    strings = doc.vocab.strings
    has_newline = numpy.array(["\n" in strings[int(o)] for o in forms])[inverse]
    is_space = numpy.array([strings[int(o)].isspace() for o in forms])[inverse]
    starts = doc.to_array([SENT_START]).reshape(-1)
    after_break = numpy.flatnonzero(has_newline[:-1] & ~is_space[1:]) + 1
    if len(after_break):
        starts[after_break] = 1
        doc.from_array([SENT_START], starts.reshape(-1, 1))
    return doc


def prepare(nlp: Language) -> Language:
    """Add Reader's own components to a loaded pipeline."""
    if "parser" in nlp.pipe_names and PARAGRAPH_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    if quotes.COMPONENT_NAME not in nlp.pipe_names:
        nlp.add_pipe(quotes.COMPONENT_NAME, last=True)
    return nlp

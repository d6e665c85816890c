"""Entities of the three kinds the reader highlights, with one key per real entity.

The statistical model labels each sentence on its own and often disagrees with itself: a surname
is a person in one sentence and an organization in the next, a country in a headline is missed,
"the" and trailing scores end up inside a name. `mentions_from_doc` takes the model's entities
as candidates (`from_model`), runs the steps of `steps.STEPS` over them in order (each in a
module of its own, the list saying why it stands where it does), and gives each real entity a
key and the fullest name the article itself uses (`naming`).

Most steps serve news of any era; `wire` and `sports` read the layouts of 1990s agency copy
(datelines, results tables, line-ups), as in the 1996 Reuters texts of entities-dev.
Every step costs time linear in the document; shared passes over the text are computed once.
"""

from __future__ import annotations

from spacy.tokens import Doc

from reader.core.analysis.entities.from_model import model_candidates
from reader.core.analysis.entities.naming import to_mentions
from reader.core.analysis.entities.steps import run_steps
from reader.core.analysis.entities.token_facts import forget_cached, remember_text
from reader.core.model import Mention

__all__ = ["mentions_from_doc"]


def mentions_from_doc(doc: Doc, text: str | None = None) -> tuple[Mention, ...]:
    """Mentions of persons, countries and organizations, sorted by start, never overlapping.

    Offsets are characters into `doc.text`; `text` is `doc.text` when the caller has it (spared
    building it again). Works on any Doc with entities (a blank pipeline with hand-set
    `doc.ents` too); uses the parse and the quote component's spans when present.
    """
    if text is not None:
        remember_text(doc, text)
    try:
        return to_mentions(doc, run_steps(doc, model_candidates(doc)))
    finally:
        forget_cached(doc)

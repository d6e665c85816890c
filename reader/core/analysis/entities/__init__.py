"""Entities of the three kinds the reader highlights, with one key per real entity.

The statistical model labels each sentence on its own and often disagrees with itself: a surname
is a person in one sentence and an organization in the next, a country in a headline is missed,
"the" and trailing scores end up inside a name. `mentions_from_doc` runs named steps, in order,
over a list of candidates (each in a module of its own):

1. the model's entities trimmed, split and classified (`from_model`); credit lines read on the
   characters (`credits`); names in right-to-left script dropped (`script`);
2. what names nobody or something else left out: a country labelled before an organization
   (`places`), gallery captions, common words opening a sentence, platforms (`furniture`),
   headline wording (`headlines`);
3. layouts: datelines and agency copy (`wire`), sports results, line-ups and records (`sports`);
4. untagged names that speak a quote added, one kind per name with the whole document in view
   (`kinds`, persons told by a role in apposition: `persons`), companies told by their
   evidence (`organizations`);
5. unlabelled repeats of known names and missed countries added (`unlabelled`), persons' names
   completed (`full_names`), U.S. states sharing a country's name (`places`);
6. keys and display names: the fullest form the article itself uses, not a speaker's wording
   inside a quote (`naming`).

Every step costs time linear in the document; shared passes over the text are computed once.
"""

from __future__ import annotations

from spacy.tokens import Doc

from reader.core.analysis.entities.candidates import forget_cached, remember_text
from reader.core.analysis.entities.credits import CreditIndex, credits_in
from reader.core.analysis.entities.from_model import model_candidates
from reader.core.analysis.entities.full_names import completed_names
from reader.core.analysis.entities.furniture import (
    drop_common_words,
    drop_page_furniture,
    mark_platforms,
)
from reader.core.analysis.entities.headlines import without_headline_words
from reader.core.analysis.entities.kinds import settle_kinds
from reader.core.analysis.entities.naming import to_mentions
from reader.core.analysis.entities.organizations import organizations_by_evidence
from reader.core.analysis.entities.persons import with_speaking_names
from reader.core.analysis.entities.places import countries_inside_names, states_not_countries
from reader.core.analysis.entities.script import drop_right_to_left
from reader.core.analysis.entities.sports import (
    is_sports_report,
    places_as_teams,
    teams_by_record,
    with_person_patterns,
    with_results_lines,
)
from reader.core.analysis.entities.unlabelled import add_unlabelled
from reader.core.analysis.entities.wire import (
    drop_unintroduced_persons,
    is_wire_story,
    mark_dateline_places,
)
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
        return _mentions(doc)
    finally:
        forget_cached(doc)


def _mentions(doc: Doc) -> tuple[Mention, ...]:
    credits = CreditIndex(credits_in(doc))
    candidates = credits.without_credits(doc, drop_right_to_left(doc, model_candidates(doc)))
    candidates = countries_inside_names(doc, candidates)
    candidates = drop_common_words(doc, drop_page_furniture(doc, candidates))
    mark_platforms(doc, candidates)
    candidates = without_headline_words(doc, candidates)
    mark_dateline_places(doc, candidates)
    candidates = with_results_lines(doc, candidates)
    candidates = with_person_patterns(doc, candidates)
    candidates = teams_by_record(doc, candidates)
    if is_sports_report(doc, candidates):
        places_as_teams(doc, candidates)
    elif is_wire_story(doc):
        drop_unintroduced_persons(doc, candidates)
    candidates = with_speaking_names(doc, candidates)
    settle_kinds(doc, candidates)
    organizations_by_evidence(doc, candidates)
    candidates = completed_names(doc, add_unlabelled(doc, candidates))
    states_not_countries(doc, candidates)
    return to_mentions(doc, candidates, credits)

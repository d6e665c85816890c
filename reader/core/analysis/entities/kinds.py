"""One kind per name for the whole document, from the votes of all its candidates.

Serves all text: the votes cross the results lines of the 1996 wire as much as the prose of
2020. No figure recorded (0fdb65d, 3231dbe).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from reader.core.analysis.entities.candidates import Candidate, form_of, person_forms
from reader.core.analysis.entities.organizations import LEGAL_FORMS, TRADES
from reader.core.analysis.entities.persons import persons_shown
from reader.core.analysis.entities.word_lists import words
from reader.core.model import Kind

GIVEN_NAMES = words("given_names.txt")
# Words of the longest name of a person's shape: given name, a middle name or initial, surname.
_MAX_SHAPE_WORDS = 3


def settle_kinds(doc: Doc, candidates: list[Candidate]) -> None:
    """One kind per name for the whole document.

    A name the model calls a person anywhere, or that ends a person's full name, is a person
    everywhere ("Tillerson and Lavrov's meeting"); a name that is a team on a results line is
    an organization everywhere ("Somerset 83 and 174" makes "Leicestershire beat Somerset" one);
    a name the sentence shows to be a person ("Brandt, a spokesman") is one everywhere, and so
    is a name of a person's shape the model called an organization (`person_shaped`: "NBC's
    Lester Holt"), with its surname ("Holt asked").
    """
    surnames, family_names = person_forms(doc, candidates)
    shown = persons_shown(doc, candidates)
    shown |= {form_of(doc, c) for c in candidates if c.kind is Kind.ORG and person_shaped(doc, c)}
    for form in shown:  # "Ingrid Velasquez-Moor, …" makes "Velasquez-Moor" a person too
        words = form.split()
        surnames.update(" ".join(words[i:]) for i in range(1, len(words)))
    laid_out_persons = {
        form_of(doc, c) for c in candidates if c.kind is Kind.PERSON and not c.label
    }
    teams = {form_of(doc, c) for c in candidates if c.team} - laid_out_persons
    votes: Counter[tuple[str, Kind | None]] = Counter()
    for candidate in candidates:
        votes[form_of(doc, candidate), candidate.kind] += 1
    # Names a dateline or a platform shows to be places: the article's other mentions of the
    # same name the model left as places stay so ("CHARLOTTE -" and "Charlotte struggles",
    # whatever "Charlotte Panthers" the model called a person), but for a results line's team.
    places = {form_of(doc, c) for c in candidates if c.place}
    for candidate in candidates:
        form = form_of(doc, candidate)
        if candidate.place or (candidate.kind is None and form in places - teams):
            continue
        if candidate.kind is Kind.COUNTRY:
            if form in surnames and not candidate.demonym:
                candidate.kind, candidate.country = Kind.PERSON, None
        elif form in teams and form not in surnames:
            candidate.kind = Kind.ORG
        elif (
            form in surnames
            or form in family_names
            or form in shown
            or votes[form, Kind.PERSON] > votes[form, candidate.kind]
        ):
            candidate.kind = Kind.PERSON
        elif candidate.kind is Kind.PERSON and votes[form, Kind.ORG] > votes[form, Kind.PERSON]:
            candidate.kind = Kind.ORG


def person_shaped(doc: Doc, candidate: Candidate) -> bool:
    """Whether a name has a person's shape: two or three words in title case, the first a
    common given name (GIVEN_NAMES), the last no legal form or trade ("Lester Holt", "Keith
    Lamont Scott", "Joseph R. Biden"; not "Morgan Stanley", "Gary Energy", "Jill Stein Inc.").
    The model calls such a name an organization after a possessive or in a list of outlets;
    the company evidence (`organizations`) runs later and may still make it one."""
    tokens = doc[candidate.start : candidate.end]
    if not 2 <= len(tokens) <= _MAX_SHAPE_WORDS or tokens[0].lower_ not in GIVEN_NAMES:
        return False
    last = tokens[-1].lower_
    if last.rstrip(".") in LEGAL_FORMS or last in TRADES:
        return False
    return all(_name_word(t.text) for t in tokens[:-1]) and _name_word(tokens[-1].text, 2)


def _name_word(text: str, shortest: int = 1) -> bool:
    """A capitalized word ("Holt") or an initial ("R."), not all capitals ("NBC")."""
    if len(text) == 2 and text[0].isupper() and text[1] == ".":
        return shortest == 1
    return len(text) >= shortest and text.isalpha() and text[0].isupper() and text[1:].islower()

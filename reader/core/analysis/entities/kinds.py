"""One kind per name for the whole document, from the votes of all its candidates.

Serves all text: the votes cross the results lines of the 1996 wire as much as the prose of
2020. No figure recorded (0fdb65d, 3231dbe).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from reader.core.analysis.entities.candidates import Candidate, form_of, person_forms
from reader.core.analysis.entities.persons import persons_shown
from reader.core.model import Kind


def settle_kinds(doc: Doc, candidates: list[Candidate]) -> None:
    """One kind per name for the whole document.

    A name the model calls a person anywhere, or that ends a person's full name, is a person
    everywhere ("Tillerson and Lavrov's meeting"); a name that is a team on a results line is
    an organization everywhere ("Somerset 83 and 174" makes "Leicestershire beat Somerset" one);
    a name the sentence shows to be a person ("Brandt, a spokesman") is one everywhere.
    """
    surnames, family_names = person_forms(doc, candidates)
    shown = persons_shown(doc, candidates)
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
    for candidate in candidates:
        form = form_of(doc, candidate)
        if candidate.place:
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

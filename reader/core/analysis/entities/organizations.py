"""Companies the model took for persons, told by the company they keep in the sentence.

The small model calls many firms persons ("Drugmakers Pfizer and Moderna", "fashion retailer
Ted Baker", "Blockstack PBC"). Five kinds of evidence in the text say organization: a legal
form or a trade after the name ("Inc", "SA", "PBC"; "Bellweather Shipping"), a noun for a
kind of company right before it ("retailer", "drugmaker", "chain") or in apposition after it
("Bellweather Shipping, a company registered in Ostrava"), and a role in it before a person's
name ("Bellweather Chief Executive Anna Vorel", "Halden partner Jonas Brik"). The
evidence holds for the whole document: every mention of that name, and the name without its
legal form or trade, is the organization.

Except where the article shows the name to be a person's: the ending of a person's full name
("Clinton" of "Hillary Clinton") or a name after an honorific ("Mr. Clinton", "Sen. Cruz").
Politics copy puts surnames before roles and company nouns all the time ("Clinton campaign
chairman John Podesta", "the Bill Clinton Inc. empire"), and one such phrase once made every
mention of the person an organization (issue 21: "Obama" 185 times in one long file). Only the
name written with its legal form stays the organization's.

Serves business news of today (the 2020 Reuters texts of entities-dev-2020). Dev figures
unchanged by 68c1fed; d0318d9 recorded none.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from reader.core.analysis.entities.candidates import Candidate, form_of, words_of
from reader.core.analysis.entities.countries import is_us_state, normalize
from reader.core.analysis.entities.from_model import HONORIFICS
from reader.core.analysis.entities.token_facts import span_text
from reader.core.analysis.entities.word_lists import table, words
from reader.core.model import Kind

LEGAL_FORMS = words("legal_forms.txt")
_COMPANY_NOUNS = words("company_nouns.txt")
# The trade a company's name ends with ("Bellweather Shipping", "Peabody Energy"): like a legal
# form, it makes the name without it the company's too.
TRADES = words("trades.txt")
_APPOSED_COMPANY_NOUNS = words("apposed_company_nouns.txt")
_ROLES = words("company_roles.txt")
# Offices only a company has, of `_ROLES`: "Nvidia chief executive Jensen Huang".
# Capitals and large cities, normalized as `places` reads them (it imports this module).
_CITIES = frozenset(normalize(name) for _, name in table("cities.txt"))
_COMPANY_OFFICES = frozenset({"chief", "executive", "ceo", "cfo", "coo", "founder", "cofounder"})
# The head noun an institution's name ends with ("John Birch Society", "Congressional Black
# Caucus"): a name the model called a person's that ends in one is the institution's (issue 21).
# Not "court" nor "church", which end persons' names too ("Margaret Court").
INSTITUTION_HEADS = words("institution_heads.txt") - {"court", "church"} | {"caucus", "center"}
# Words of a role between a company and a person: "Chief Executive Officer" (d0318d9).
_MAX_ROLE_WORDS = 3


def organizations_by_evidence(doc: Doc, candidates: list[Candidate]) -> None:
    """Make organizations of the names the text shows to be companies, everywhere, but for
    the names it shows to be persons (`_person_evidence`)."""
    person_starts = {c.start for c in candidates if c.kind is Kind.PERSON}
    forms: set[str] = set()
    for candidate in candidates:
        if _company_not_place(doc, candidate, person_starts):
            forms.add(form_of(doc, candidate))
        if candidate.kind not in (Kind.PERSON, Kind.ORG):
            continue
        words = words_of(doc, candidate)
        if len(words) > 1 and (words[-1].rstrip(".") in LEGAL_FORMS or words[-1] in TRADES):
            forms.add(" ".join(words))
            forms.add(" ".join(words[:-1]))
        elif (
            (candidate.kind is Kind.PERSON and words[-1] in INSTITUTION_HEADS)
            or _after_company_noun(doc, candidate.start)
            or _before_role(doc, candidate.end, person_starts)
            or _company_in_apposition(doc, candidate.end)
        ):
            forms.add(" ".join(words))
    if not forms:
        return
    forms -= _person_evidence(doc, candidates, forms)
    for candidate in candidates:
        if _of_ours_or_unplaced(candidate) and form_of(doc, candidate) in forms:
            candidate.kind = Kind.ORG


def _of_ours_or_unplaced(candidate: Candidate) -> bool:
    """A person, an organization, or a place of the model's that is no country and that no
    step has placed (a dateline's city, a platform): what company evidence may make a firm."""
    if candidate.kind in (Kind.PERSON, Kind.ORG):
        return True
    return candidate.kind is None and not candidate.place and not candidate.team


def _company_not_place(doc: Doc, candidate: Candidate, person_starts: set[int]) -> bool:
    """ "Nvidia chief executive Jensen Huang", "serie A club Atalanta": a name the model took
    for a place (no country), right before a company's own office and a person's name, or
    right after a noun for a kind of company, but for a U.S. state or a city we know
    ("coal-producer West Virginia"). A place's offices ("Texas director") are no company's,
    so only the chief executive's, finance chief's and founder's count."""
    if not _of_ours_or_unplaced(candidate) or candidate.kind is not None:
        return False
    if _before_role(doc, candidate.end, person_starts, _COMPANY_OFFICES):
        return True
    text = span_text(doc, candidate.start, candidate.end)
    known_place = is_us_state(text) or normalize(text) in _CITIES
    return not known_place and _after_company_noun(doc, candidate.start)


def _company_in_apposition(doc: Doc, end: int) -> bool:
    """`Bellweather Shipping, a company registered in Ostrava`: a noun that only names a
    company in apposition, after a comma (not "developer" or "producer", which persons are)."""
    if end >= len(doc) or doc[end].text != ",":
        return False
    return any(
        c.dep_ == "appos" and c.lemma_.lower() in _APPOSED_COMPANY_NOUNS
        for c in doc[end - 1].rights
    )


def _after_company_noun(doc: Doc, start: int) -> bool:
    """ "retailer Ted Baker", "Drugmakers Pfizer": a noun for a kind of company right before."""
    if start == 0:
        return False
    return is_company_noun(doc[start - 1])


def is_company_noun(token: Token) -> bool:
    word = token.lower_
    if token.is_title and token.i > 0 and not _opens_line(token):
        return False  # a capitalized word inside a sentence is part of a name
    return word in _COMPANY_NOUNS


def _opens_line(token: Token) -> bool:
    """Whether the token opens its sentence or line, where any word is capitalized."""
    return token.is_sent_start or "\n" in token.doc[token.i - 1].text


def _before_role(
    doc: Doc, end: int, person_starts: set[int], roles: frozenset[str] = _ROLES
) -> bool:
    """ "Bellweather Chief Executive Anna Vorel": a role (words of `roles`), then a
    person's name."""
    i = end
    while i < len(doc) and i - end < _MAX_ROLE_WORDS and doc[i].lower_.rstrip(".") in roles:
        i += 1
    return i > end and i in person_starts


def _person_evidence(doc: Doc, candidates: list[Candidate], forms: set[str]) -> set[str]:
    """Those of `forms` that the article shows to be persons: the ending of a person's full
    name of two words or more, a name right after an honorific that only persons bear, or a
    full name ending in such a surname ("Bill Clinton" where "Mr. Clinton" stands). A form with
    its own legal form or trade ("Bill Clinton Inc.") is never one."""
    endings: set[str] = set()
    titled: set[str] = set()
    for candidate in candidates:
        words = words_of(doc, candidate)
        if candidate.kind is Kind.PERSON and len(words) > 1:
            endings.update(" ".join(words[i:]) for i in range(1, len(words)))
        if candidate.start > 0 and doc[candidate.start - 1].lower_.rstrip(".") in HONORIFICS:
            titled.add(" ".join(words))
    surnames = {form.split()[-1] for form in titled}
    company_endings = LEGAL_FORMS | TRADES
    return {
        form
        for form in forms
        if (form in endings or form in titled or form.split()[-1] in surnames)
        and form.split()[-1].rstrip(".") not in company_endings
    }

"""Family members by title and surname: "Mrs. Vance" is not Mr. Vance.

A bare surname takes the key of the full name it abbreviates (`naming._person_names`), and a
title before it ("Mrs.", "Mr.") picks, among the full names ending in it, one the article does
not show to be of the other sex. Before this rule the article showed a full name's sex only
by a title or a word for a relative right before that full name, so "John Vance … Mr. Vance …
Mrs. Vance said" gave Mrs. Vance John Vance's key. This rule gathers the article's own
evidence of each full name's sex, never a guess from the first name:

- a titled surname that only one full name can stand for ("Mr. Vance" when the article
  names no other Vance, or none not shown to be a woman) shows that full name's sex;
- "he" or "she" as the first personal pronoun after a full name, in its sentence or the
  next, with no other person named and no quotation mark between, refers to it.

It runs inside `naming.to_mentions`, after every entity step (it reads the final person
candidates), before the keys are chosen: the ranking of full names then keeps a "Mrs. X"
off a full name shown male (the woman named in full, "Anna Vance", takes it; with none, the
titled surname keeps a key of its own), and a "Mr. X" off one shown female.

Serves news of any era (issue 22, "family members by title and first name").
"""

from __future__ import annotations

from spacy.tokens import Doc

from reader.core.analysis.entities.candidates import Candidate
from reader.core.analysis.entities.token_facts import token_lowers, token_texts

_PRONOUN_SEXES = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
_QUOTE_MARKS = frozenset({"“", "”", '"', "‘", "’", "'"})
_OTHER = {"m": "f", "f": "m"}


def sexes_shown(
    doc: Doc,
    persons: list[Candidate],
    forms: dict[int, tuple[str, ...]],
    titles: dict[int, str],
    quoted: set[int],
) -> dict[tuple[str, ...], set[str]]:
    """The sexes ("m", "f") the article shows for its full names (two words or more), by
    the words of each, from the pronouns after them and the titled surnames; `forms` and
    `titles` map each person candidate's start to its words and to the sex its title or
    relative word gives ("" for none). A Doc without sentences gives no pronoun evidence."""
    shown: dict[tuple[str, ...], set[str]] = {}
    starts = {c.start for c in persons}
    sentenced = doc.has_annotation("DEP") or doc.has_annotation("SENT_START")
    for candidate in persons:
        words = forms[candidate.start]
        if sentenced and len(words) > 1 and candidate.start not in quoted:
            sex = _pronoun_after(doc, candidate.end, starts)
            if sex:
                shown.setdefault(words, set()).add(sex)
        if titles[candidate.start]:
            shown.setdefault(words, set()).add(titles[candidate.start])
    full_names = {words for words in forms.values() if len(words) > 1}
    for candidate in persons:
        words, sex = forms[candidate.start], titles[candidate.start]
        if len(words) != 1 or not sex:
            continue
        fits = [
            full
            for full in full_names
            if full[-1] == words[0] and _OTHER[sex] not in shown.get(full, ())
        ]
        if len(fits) == 1:
            shown.setdefault(fits[0], set()).add(sex)
    return shown


def _pronoun_after(doc: Doc, end: int, person_starts: set[int]) -> str:
    """The sex of the first personal pronoun after a name, in its sentence or the next, or ""
    when another person or a quotation mark comes first (the pronoun may be theirs)."""
    if end >= len(doc):
        return ""
    sentence = doc[end].sent
    limit = sentence.end
    if limit < len(doc):
        limit = doc[limit].sent.end
    texts, lowers = token_texts(doc), token_lowers(doc)
    for i in range(end, limit):
        if i in person_starts or texts[i] in _QUOTE_MARKS:
            return ""
        sex = _PRONOUN_SEXES.get(lowers[i])
        if sex:
            return sex
    return ""

"""Speaker resolution: the name a local speaker stands for (a pronoun's antecedent).

Works on the parsed Doc the quote finder ran on; `quoted[i]` tells whether token i is inside
a quote (names there are never antecedents).

Serves news prose of any era: bf71ea3 (quotes-dev spans unchanged, 6 speaker keys fixed),
f5d35f3 and b91bc2b (1 key gained each).
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from dataclasses import dataclass

import numpy
from spacy.attrs import LOWER, SENT_START
from spacy.tokens import Doc, Span, Token

from reader.core.analysis.quotes.context import (
    PERSONAL_PRONOUNS,
    expanded_name,
    is_subject,
    spelled_name,
)
from reader.core.analysis.quotes.cues import SPEECH_VERBS
from reader.core.analysis.quotes.word_lists import words
from reader.core.analysis.word_lists import WordLists

_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_THING_PRONOUNS = frozenset({"it", "its", "itself"})
_GROUP_PRONOUNS = frozenset({"they", "them", "their", "themselves"})  # a group, not one person
_INSTITUTION_NOUNS = words("institution_nouns.txt")
# Nouns that stand for whichever organization the article last named ("the company said"),
# and the documents an organization issues ("“…,” the statement said").
_ANY_ORGANIZATION_NOUNS = frozenset(
    {"company", "firm", "group", "organization", "organisation", "statement", "release"}
)
_ANY_ORGANIZATION = ""  # the key, in `ArticleNames.organizations_by_word`, of all of them
# Sentences read back for a pronoun's antecedent (79ee8ed, the first finder), chosen by
# hand on quotes-dev.
_SENTENCES_SEARCHED_FOR_ANTECEDENT = 8
_PRONOUN_GENDERS = {
    **dict.fromkeys(("he", "him", "his", "himself"), "he"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "she"),
}
# A gender is settled by more than twice as many votes as the other has (3a137f5).
_GENDER_MARGIN = 2
_TITLES_OF_HE = frozenset({"mr.", "mr"})
_TITLES_OF_SHE = frozenset({"mrs.", "mrs", "ms.", "ms", "miss"})
_PERSONAL_TITLES = (
    _TITLES_OF_HE
    | _TITLES_OF_SHE
    | frozenset(
        {
            *("dr.", "sen.", "rep.", "gov.", "president", "senator", "minister", "mayor"),
            *("judge", "councillor", "councilor", "commissioner", "governor", "treasurer"),
        }
    )
)


def settled_genders(doc: Doc, quoted: list[bool]) -> dict[str, str]:
    """Each surname's gender as far as the article settles it, "he" or "she": the pronouns
    outside quotes in sentences whose only name is that person's, as subject (`Warren said
    she …`).

    Visits only the names and the gendered pronouns (found with token arrays), in text order
    within each sentence, not every token of the Doc.
    """
    pronoun_genders = {doc.vocab.strings.add(p): g for p, g in _PRONOUN_GENDERS.items()}
    lowers = doc.to_array(LOWER)
    sentence_of = numpy.cumsum(doc.to_array(SENT_START) == 1)
    pronouns_at = numpy.nonzero(numpy.isin(lowers, list(pronoun_genders)))[0].tolist()
    events = [(i, None) for i in pronouns_at if not quoted[i]]
    events += [
        (name.start, name)  # an ORG too: the small model tags people so
        for name in doc.ents
        if name.label_ in ("PERSON", "ORG") and not quoted[name.start]
    ]
    events.sort(key=lambda event: event[0])
    votes: dict[str, Counter[str]] = {}
    index = 0
    while index < len(events):
        sentence = sentence_of[events[index][0]]
        people = {}
        pronouns: Counter[str] = Counter()
        while index < len(events) and sentence_of[events[index][0]] == sentence:
            position, name = events[index]
            if name is not None:
                people[name[-1].lower_] = name.root
            elif people:
                pronouns[pronoun_genders[int(lowers[position])]] += 1
            index += 1
        if len(people) == 1 and len(pronouns) == 1:
            surname, root = people.popitem()
            if is_subject(root) and root.ent_type_ == "PERSON":
                votes.setdefault(surname, Counter()).update(pronouns)
    return {
        surname: gender
        for surname, counts in votes.items()
        for gender, count in counts.most_common(1)
        if count > _GENDER_MARGIN * (sum(counts.values()) - count)
    }


@dataclass(frozen=True)
class ArticleNames:
    """What the whole article says about its names, gathered once per Doc: each surname's
    settled gender, the surnames tagged as a person somewhere, and the organizations' names
    by each lower-case word in them, in text order (for "the agency")."""

    genders: dict[str, str]
    person_surnames: frozenset[str]
    organizations_by_word: dict[str, tuple[list[int], list[Span]]]  # starts, names
    speaking: dict[str, Span]  # `speaking_people`


def article_names(doc: Doc, quoted: list[bool]) -> ArticleNames:
    """The genders (see `settled_genders`), person surnames (tagged, or speaking: see
    `speaking_people`) and organizations of one Doc, in one pass each."""
    surnames = frozenset(e[-1].lower_ for e in doc.ents if e.label_ == "PERSON")
    speaking = speaking_people(doc, quoted)
    surnames |= speaking.keys()
    organizations: dict[str, tuple[list[int], list[Span]]] = {}
    for entity in doc.ents:
        if entity.label_ == "ORG" and not quoted[entity.start]:
            for word in {_ANY_ORGANIZATION, *(t.lower_ for t in entity if t.is_alpha)}:
                starts, named = organizations.setdefault(word, ([], []))
                starts.append(entity.start)
                named.append(entity)
    return ArticleNames(settled_genders(doc, quoted), surnames, organizations, speaking)


_PERSON_NAME_WORDS = (2, 3)  # a given name and one or two more: "Marta Figueiredo Lopes"


@functools.cache
def _given_names() -> frozenset[str]:
    """The entity rules' list of common given names (entities/data/given_names.txt), read
    when first needed: the entity package imports this one, so no import of its module."""
    return WordLists("reader.core.analysis.entities").words("given_names.txt")


def speaking_people(doc: Doc, quoted: list[bool]) -> dict[str, Span]:
    """The people the tagger missed who speak, by lower-case surname: a name outside quotes
    of two or three title-case words, the first a common given name, that is the subject of
    a speech verb ("Ana Sobral of the SINPORT union said", tagged a place or nothing), with
    its first such full name. One pass over the tokens."""
    found: dict[str, Span] = {}
    for token in doc:
        if (
            token.dep_ == "nsubj"
            and token.pos_ == "PROPN"
            and not quoted[token.i]
            and token.head.lemma_.lower() in SPEECH_VERBS
        ):
            name = spelled_name(token)
            if (
                len(name) in _PERSON_NAME_WORDS
                and all(word.is_title and word.is_alpha for word in name)
                and name[0].lower_ in _given_names()
            ):
                found.setdefault(name[-1].lower_, name)
    return found


def missed_person(ref: Span | None, names: ArticleNames) -> Span | None:
    """The full name of the speaking person (`speaking_people`) a speaker's name stands for,
    when the tagger did not call it a person: "Sobral" -> "Ana Sobral"; else None."""
    if ref is None or ref.root.ent_type_ == "PERSON":
        return None
    return names.speaking.get(ref[-1].lower_)


def _fits(token: Token, wanted: tuple[str, ...], names: ArticleNames) -> bool:
    """Whether a named token can stand for a pronoun wanting `wanted` entity kinds: a person
    the tagger filed as an organization or a place ("Markham later conceded", tagged GPE)
    counts as a person when the article names them a person elsewhere, or a personal title
    stands before or opens the name ("Councillor Ruben Tasse"); a capitalized word the tagger
    left out (even parsed as a noun: "Pruitt later took his criticism online") when it is a
    person's surname in the article."""
    if token.ent_type_ in wanted:
        return True
    if "PERSON" not in wanted:
        return False
    name = expanded_name(token)
    surname = name[-1].lower_ in names.person_surnames
    if not token.ent_type_:
        return token.is_title and surname
    return surname or _title_of(name) in _PERSONAL_TITLES or name[0].lower_ in _PERSONAL_TITLES


def _antecedent(pronoun: Token, quoted: list[bool], names: ArticleNames) -> Span | None:
    """The name a speaker pronoun stands for: the latest named subject of a fitting kind.

    Subjects are preferred to nearer names because news prose keeps its speaker as the subject
    ("Tillerson said he discussed it with Lavrov: ..." is still Tillerson's); a name apposed to
    the subject counts as one, its possessor does not ("Harwick's lawyer, Bernard Sloane").
    Names inside quotes are not candidates, nor names whose title or pronouns elsewhere give
    the other gender.
    """
    lower = pronoun.lower_
    if lower in _RELATIVE_PRONOUNS:
        return _relative_antecedent(pronoun)
    if lower in PERSONAL_PRONOUNS:
        wanted: tuple[str, ...] = ("PERSON",)
    elif lower in _THING_PRONOUNS or lower in _GROUP_PRONOUNS:
        wanted = ("ORG", "GPE", "NORP")  # "the campaign … It's denouncing": never a person
    else:
        wanted = ("ORG", "GPE", "NORP", "PERSON")
    gender = _PRONOUN_GENDERS.get(lower)
    other_titles = {"he": _TITLES_OF_SHE, "she": _TITLES_OF_HE}.get(gender or "", ())
    doc = pronoun.doc
    sentence = pronoun.sent
    end = pronoun.i
    for _ in range(_SENTENCES_SEARCHED_FOR_ANTECEDENT):
        named = [
            t
            for t in doc[sentence.start : end]
            if _fits(t, wanted, names)
            and not quoted[t.i]
            and _title_of(expanded_name(t)) not in other_titles
            and names.genders.get(expanded_name(t)[-1].lower_, gender) == gender
        ]
        subjects = [t for t in named if is_subject(t) or (is_subject(t.head) and t.dep_ != "poss")]
        if subjects:
            return expanded_name(min(subjects, key=lambda t: (len(list(t.ancestors)), t.i)))
        if named:
            return expanded_name(named[-1])
        if sentence.start == 0:
            return None
        sentence = doc[sentence.start - 1].sent
        end = sentence.end
    return None


def _relative_antecedent(pronoun: Token) -> Span | None:
    """The name a relative pronoun follows: its clause's head, or the name just before it
    (past a comma) when the parser hangs the clause elsewhere (`It was Voss who wrote`)."""
    if pronoun.head.dep_ == "relcl":
        return expanded_name(pronoun.head.head)
    index = pronoun.i - 1
    if index >= 0 and pronoun.doc[index].text == ",":
        index -= 1
    before = pronoun.doc[index] if index >= 0 else None
    return expanded_name(before) if before is not None and before.ent_type_ else None


def _title_of(name: Span) -> str:
    """The honorific in or just before a name ("Mr.", "Ms."), lowercased, or ""."""
    first = name[0]
    if first.lower_ in _TITLES_OF_HE or first.lower_ in _TITLES_OF_SHE:
        return first.lower_
    return name.doc[name.start - 1].lower_ if name.start > 0 else ""


def speaker_ref(speaker: Span, quoted: list[bool], names: ArticleNames) -> Span | None:
    """The name a local speaker stands for: a pronoun's antecedent, or the speaker's own name."""
    root = speaker.root
    if root.pos_ == "PRON":
        return _antecedent(root, quoted, names)
    if root.ent_type_:
        return expanded_name(root)
    if root.pos_ == "NOUN":
        return _organization_described(speaker, names)
    if root.pos_ != "PROPN":
        return None
    named = [t for t in speaker if t.ent_type_ in ("PERSON", "ORG")]
    return expanded_name(named[-1]) if named else None  # a signature the parser left headless


def _organization_described(speaker: Span, names: ArticleNames) -> Span | None:
    """`the agency` after "the National Disaster Agency": the latest organization named
    before a definite description whose head, a noun for an institution, is a word of its
    name; `the company`, `the group`, `the statement` after "Brennan Motors": the latest
    organization named before it. Nothing else: "Ann Ruiz's doctor" is not Ann Ruiz, "the
    piece" no title."""
    root = speaker.root
    noun = root.lemma_.lower()
    if noun not in _INSTITUTION_NOUNS and noun not in _ANY_ORGANIZATION_NOUNS:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in root.children):
        return None
    word = _ANY_ORGANIZATION if noun in _ANY_ORGANIZATION_NOUNS else noun
    starts, named = names.organizations_by_word.get(word, ([], []))
    index = bisect.bisect_left(starts, speaker.start) - 1
    return named[index] if index >= 0 else None


def gender_agreement(speaker: Span, ref: Span | None, names: ArticleNames) -> int:
    """+1 when the speaker's pronoun, or the title in or before its name, has the gender the
    article settles for the name it stands for (`ref`), -1 when it has the other, 0 when the
    article settles none or nothing cues one."""
    settled = names.genders.get(ref[-1].lower_) if ref is not None else None
    if settled is None:
        return 0
    cued = _PRONOUN_GENDERS.get(speaker.root.lower_)
    if cued is None:
        title = _title_of(speaker)
        cued = "he" if title in _TITLES_OF_HE else "she" if title in _TITLES_OF_SHE else None
    if cued is None:
        return 0
    return 1 if cued == settled else -1

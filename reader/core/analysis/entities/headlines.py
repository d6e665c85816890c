"""Headline wording kept out of names.

A title-case headline capitalizes every word, so the model runs a verb into the names around it
("Trump Warns Clinton" as one person), and a capitalized verb opening a sentence is glued to the
name after it ("Hammering Hillary Clinton"), which would then become the person's display name
and key. A key decided in one place spreads to every mention of the name: in a long file of
concatenated articles, one headline's "Hillary Clinton Slams Donald Trump" named 906 mentions of
Clinton (issue 21).

The body of the article says what the names are. A name on a headline line keeps only the words
that the body itself writes inside a name ("Black Lawmakers Rip Donald Trump As A 'Disgusting
Fraud'" gives "Donald Trump" where the body names Donald Trump), and is cut where the body has
the words on either side as names of different kinds ("Washington Post Trump"). A headline name
the body never names is split at the words the article writes in lower case (as such or in
another form of the same word: "warned" for "Warns").

Serves headlines of web news, which end in a full stop in some feeds and keep small words in
lower case ("A Curious Plan to Fight Climate Change"). An all-capitals line (the 1996 wire's
headlines) is no title-case line and is left to `from_model`. 2b8a898 recorded no figure; the
body rule: issue 21, quotes-dev person names and the entity figures in its commit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import pairwise

from spacy.tokens import Doc, Token

from reader.core.analysis.entities.candidates import (
    Candidate,
    form_of,
    lines,
    lower_case_words,
    once_per_doc,
    stem,
    words_of,
)
from reader.core.analysis.entities.from_model import TITLES
from reader.core.analysis.entities.kinds import GIVEN_NAMES
from reader.core.analysis.entities.token_facts import flags as token_flags
from reader.core.analysis.entities.token_facts import (
    token_lemmas,
    token_lowers,
    token_pos,
    token_texts,
)
from reader.core.analysis.entities.word_lists import words
from reader.core.model import Kind

# Words of the shortest title-case headline line: shorter capitalized lines are names,
# bylines and labels (2b8a898).
_MIN_HEADLINE_WORDS = 4
# Words of the longest title line (a first line that is longer opens the text).
_MAX_TITLE_WORDS = 20
_SENTENCE_ENDS = frozenset({".", "!", "?", "”", '"', "’", "'"})
# Small words that title case leaves in lower case ("Plan to Fight", "Tell of 'Suffering'").
MINOR_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "for", "by"}
    | {"with", "from", "as", "vs", "via", "per", "into", "over", "up", "off"}
)

# Common English nouns (a dictionary's, proper nouns among them: see the file's header).
COMMON_NOUNS = words("common_nouns.txt")

# Prepositions and conjunctions that open a sentence before a name, never part of one
# ("Beyond Trump's finances"; not "Van" nor "De", which are).
OPENING_PREPOSITIONS = frozenset(
    {"beyond", "before", "after", "about", "above", "across", "against", "along", "among"}
    | {"amid", "around", "behind", "below", "beneath", "beside", "besides", "between"}
    | {"despite", "during", "except", "inside", "into", "near", "since", "through"}
    | {"throughout", "toward", "towards", "under", "unlike", "until", "upon", "within"}
    | {"without", "although", "though", "unless", "whereas", "while", "because", "whether"}
)


def without_headline_words(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Persons and organizations on title-case headline lines cut to the words the body names
    (or, for names the body never uses, split at common words), and cut after a verb glued to
    them at the start of a sentence."""
    common = lower_case_words(doc)
    person_forms = {
        " ".join(words_of(doc, c)) for c in candidates if c.kind is Kind.PERSON and c.label
    }
    first_words = first_words_by_surname(person_forms)
    headline = headline_flags(doc)
    body = _BodyNames(doc, [c for c in candidates if not headline[c.start]])
    forms = Counter(form_of(doc, c) for c in candidates)
    first_line = title_line_end(doc)
    result = []
    for candidate in candidates:
        if candidate.kind not in (Kind.PERSON, Kind.ORG) or candidate.end - candidate.start < 2:
            result.append(candidate)
        elif headline[candidate.start]:
            pieces = body.pieces(doc, candidate)
            if pieces is None:
                pieces = _split_at_common_words(doc, candidate, common)
                whole = [(candidate.start, candidate.end)]
                if candidate.kind is Kind.ORG and [(p.start, p.end) for p in pieces] != whole:
                    # what the split leaves of an organization, never named in the body:
                    # words of the headline ("Traffic Grows" of "Port Traffic Grows")
                    pieces = [p for p in pieces if p.kind is not Kind.ORG or body.names(doc, p)]
            result.extend(pieces)
        else:
            candidate = _without_opening_verb(doc, candidate, common, person_forms, first_words)
            alone = candidate.start < first_line and forms[form_of(doc, candidate)] == 1
            result.append(_without_glued_word(doc, candidate, person_forms, alone))
    return result


def _without_glued_word(
    doc: Doc, candidate: Candidate, person_forms: set[str], title_only: bool
) -> Candidate:
    """A person's name the article writes on its own, after a word that is no given name:
    the word is cut when the name opens with a given name ("Miss Universe Alicia Machado",
    where the article writes "Alicia Machado") or when the longer form is written once, on
    the first line (`title_only`: "Derelict Obama and Clinton" atop an article that writes
    "Obama"). Not a name that opens a sentence in the body: wire copy introduces people
    there by given names of every language ("Nolan Henke fired a 67")."""
    if candidate.kind is not Kind.PERSON or candidate.end - candidate.start < 2:
        return candidate
    first, lowers = candidate.start, token_lowers(doc)
    if lowers[first] in GIVEN_NAMES or not token_flags(doc).alpha[first]:
        return candidate
    if len(token_texts(doc)[first]) < 2:
        return candidate
    rest = Candidate(candidate.start + 1, candidate.end, candidate.kind, label=candidate.label)
    if form_of(doc, rest) not in person_forms:
        return candidate
    if lowers[rest.start] in GIVEN_NAMES and rest.end - rest.start > 1:
        return rest
    return rest if title_only else candidate


class _BodyNames:
    """What the body (every line but the headlines) names: its names' forms with their kinds,
    the words inside them and the pairs of words that follow each other inside one name."""

    def __init__(self, doc: Doc, candidates: list[Candidate]) -> None:
        self.kinds: dict[str, Kind | None] = {}
        self.words: set[str] = set()
        self.pairs: set[tuple[str, str]] = set()
        for candidate in candidates:
            words = words_of(doc, candidate)
            self.kinds.setdefault(" ".join(words), candidate.kind)
            self.words.update(words)
            self.pairs.update(pairwise(words))

    def names(self, doc: Doc, candidate: Candidate) -> bool:
        """Whether the body names the candidate's form."""
        return form_of(doc, candidate) in self.kinds

    def pieces(self, doc: Doc, candidate: Candidate) -> list[Candidate] | None:
        """The stretches of `candidate` made of words the body uses in names, cut where two
        words never follow each other in a body name and each side is a body name of its own
        kind ("Washington Post" | "Trump"); each piece takes the kind the body gives its form.
        None unless every stretch is a name the body writes as such: a line of names the body
        never repeats ("Mike Hulbert , Brian Henninger") keeps its names whole.
        """
        stretches: list[list[Token]] = [[]]
        for token in doc[candidate.start : candidate.end]:
            last = stretches[-1]
            if _is_glued_hyphen(token) and last:
                last.append(token)  # "African-American Museum"
            elif token.lower_ not in self.words:
                stretches.append([])
            elif last and self._cut_between(last, token):
                stretches.append([token])
            else:
                last.append(token)
        named = [t for t in (_without_hyphen_ends(s) for s in stretches) if t]
        if not named:
            return None
        pieces = []
        for tokens in named:
            start, end = _without_titles(doc, tokens[0].i, tokens[-1].i + 1, candidate.kind)
            form = " ".join(t.lower_ for t in doc[start:end])
            if form not in self.kinds:
                return None
            kind = self.kinds[form]
            if kind in (Kind.PERSON, Kind.ORG):
                pieces.append(Candidate(start, end, kind, label=candidate.label))
        return pieces

    def _cut_between(self, before: list[Token], token: Token) -> bool:
        if (before[-1].lower_, token.lower_) in self.pairs:
            return False
        left = " ".join(t.lower_ for t in before)
        right = token.lower_
        return left in self.kinds and right in self.kinds and self.kinds[left] != self.kinds[right]


def title_line_end(doc: Doc) -> int:
    """The end token of the article's title: its first line when another follows, it is at
    most _MAX_TITLE_WORDS words long and ends in no full stop, question or exclamation mark
    or closing quote ("Derelict Obama and Clinton;"); else 0: the text opens with a sentence
    ("Ilse Marwick said the port would reopen.") or a paragraph (the Reuters copy: "NEW YORK
    (Reuters) - ...")."""
    bounds = lines(doc)
    start, end = bounds[0]
    words = [t for t in doc[start:end] if not t.is_space]
    if len(bounds) < 2 or not words or sum(t.is_alpha for t in words) > _MAX_TITLE_WORDS:
        return 0
    return 0 if words[-1].text in _SENTENCE_ENDS else end


def _is_glued_hyphen(token: Token) -> bool:
    return (
        token.text == "-"
        and not token.whitespace_
        and token.i > 0
        and not token.nbor(-1).whitespace_
    )


def _without_hyphen_ends(tokens: list[Token]) -> list[Token]:
    while tokens and tokens[-1].text == "-":
        tokens = tokens[:-1]
    return tokens


def _without_titles(doc: Doc, start: int, end: int, kind: Kind | None) -> tuple[int, int]:
    """A person's piece without the titles before the name: "Governor Lyle" names "Lyle"."""
    while kind is Kind.PERSON and start < end - 1 and doc[start].lower_.rstrip(".") in TITLES:
        start += 1
    return start, end


def _is_common(doc: Doc, i: int, common: frozenset[str]) -> bool:
    """Whether token i, its lemma or its crude stem is one of the `common` words."""
    lower, lemma = token_lowers(doc)[i], token_lemmas(doc)[i].lower()
    return lower in common or bool(lemma and lemma in common) or stem(lower) in common


def headline_flags(doc: Doc) -> bytearray:
    """A flag per token on a title-case line: four words or more, all capitalized but small
    words ("of", "to"), no number or spaced dash, not ending in a colon (a label). Computed
    once per Doc."""
    return once_per_doc(doc, "headlines", _headline_flags)


def _headline_flags(doc: Doc) -> bytearray:
    flags = bytearray(len(doc))
    bounds = lines(doc)
    texts, lowers, facts = token_texts(doc), token_lowers(doc), token_flags(doc)
    alpha, upper, spaced = facts.alpha, facts.upper, facts.spaced
    for k, (start, end) in enumerate(bounds):
        words = [i for i in range(start, end) if alpha[i]]
        if len(words) < _MIN_HEADLINE_WORDS or texts[end - 1] in (":", ","):
            continue
        # Every word capitalized but small words: tested first, as prose fails it at once.
        if not all(texts[i][:1].isupper() or lowers[i] in MINOR_WORDS for i in words):
            continue
        if _wrapped(texts, bounds, k):
            continue  # hard-wrapped prose: "The National Bank of Poland\nrefrained from"
        if any(_is_number_or_dash(texts[i], spaced[i]) for i in range(start, end)):
            continue  # a signature or a table row: "-- Harry Milling , New York Desk , +1 212"
        capitalized = [i for i in words if texts[i][:1].isupper()]
        if len(capitalized) < _MIN_HEADLINE_WORDS or all(upper[i] for i in words):
            continue
        flags[start:end] = b"\x01" * (end - start)
    return flags


def _wrapped(texts: list[str], bounds: list[tuple[int, int]], k: int) -> bool:
    """Whether line `k` goes on from the line before (which ends in a comma) or into the next
    (which opens in lower case): part of a paragraph or a list, not a line of its own.
    `texts` are the Doc's token texts."""
    if k > 0 and bounds[k - 1][1] > bounds[k - 1][0] and texts[bounds[k - 1][1] - 1] == ",":
        return True
    if k + 1 < len(bounds) and bounds[k + 1][1] > bounds[k + 1][0]:
        return texts[bounds[k + 1][0]][:1].islower()
    return False


def _is_number_or_dash(text: str, spaced: bool) -> bool:
    """Digits ("9/11" of a headline aside) or a dash between spaces (not "African-American"):
    a token's text and whether a space follows it."""
    if any(c.isdigit() for c in text) and "/" not in text:
        return True  # "One Tweet Sums Up" is a headline
    return text in ("-", "--") and spaced


def _split_at_common_words(
    doc: Doc, candidate: Candidate, common: frozenset[str]
) -> list[Candidate]:
    pieces = []
    start = candidate.start
    for i in range(candidate.start, candidate.end + 1):
        if i == candidate.end or _is_common(doc, i, common):
            start, _ = _without_titles(doc, start, i, candidate.kind)
            if i > start:
                pieces.append(Candidate(start, i, candidate.kind, label=candidate.label))
            start = i + 1
    return pieces


def _without_opening_verb(
    doc: Doc,
    candidate: Candidate,
    common: frozenset[str],
    person_forms: set[str],
    first_words: dict[str, set[str]],
) -> Candidate:
    """ "Hammering Hillary Clinton", "Beyond Trump's finances" opening a sentence: the verb or
    preposition is cut when it is a common word or the rest is a person the article names
    elsewhere; so is any first word of a person glued to a surname (`is_glued_opener`)."""
    first, lower = candidate.start, token_lowers(doc)[candidate.start]
    if not opens_sentence(doc, first):
        return candidate
    rest = Candidate(candidate.start + 1, candidate.end, candidate.kind, label=candidate.label)
    single = candidate.kind is Kind.PERSON and rest.end - rest.start == 1
    if single and is_glued_opener(doc, first, first_words):
        return rest
    preposition = lower in OPENING_PREPOSITIONS  # tagged PROPN inside the name
    verb = token_pos(doc)[first] in ("VERB", "AUX") or lower.endswith(("ing", "ed")) or preposition
    evidence = preposition or _is_common(doc, first, common) or form_of(doc, rest) in person_forms
    return rest if verb and evidence else candidate


_OPENING_QUOTES = frozenset({"“", '"', "‘"})


def opens_sentence(doc: Doc, i: int) -> bool:
    """Whether token `i` opens the text, a sentence, a line or a quotation: where a capital
    says nothing of a name."""
    if i == 0:
        return True
    before = token_texts(doc)[i - 1]
    return bool(token_flags(doc).sent_start[i]) or "\n" in before or before in _OPENING_QUOTES


def first_words_by_surname(forms: Iterable[str]) -> dict[str, set[str]]:
    """Last word -> first words of the full names (two words or more) among `forms`."""
    found: dict[str, set[str]] = {}
    for form in forms:
        words = form.split()
        if len(words) > 1:
            found.setdefault(words[-1], set()).add(words[0])
    return found


def is_glued_opener(doc: Doc, i: int, first_words: dict[str, set[str]]) -> bool:
    """Whether token `i`, opening a sentence (`opens_sentence`) right before a lone surname,
    is that sentence's first word and not a first name: the article names a person in full
    with that surname and another first word (`first_words`, by `first_words_by_surname`),
    and the word is a dictionary's noun or a verb's -ing or -ed form, no common given name,
    and written nowhere else in the article ("Injecting Clinton's health into the race",
    “Notice Clinton coughing” beside Hillary Clinton; not "Rakeyia Scott")."""
    lowers = token_lowers(doc)
    word, surname = lowers[i], lowers[i + 1] if i + 1 < len(doc) else ""
    if word in GIVEN_NAMES or not first_words.get(surname, set()) - {word}:
        return False
    if word not in COMMON_NOUNS and not word.endswith(("ing", "ed")):
        return False  # "Rakeyia Scott can be heard": a first name, beside Keith Lamont Scott
    return once_per_doc(doc, "lower_counts", lambda d: Counter(token_lowers(d)))[word] == 1

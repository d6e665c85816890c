"""Quoted stretches that are not quotes: nicknames, titles, names, terms and scare quotes.

A quote is something someone said or wrote. A short quoted phrase with no cue that stands as a
name, a title, a term or part of a noun phrase (`the so-called “green corridor”`, `a drone
nicknamed “Wren”`, `his novel, “The Long Field,”`, `a “walk-in”`) is not one. Offsets are
characters into the Doc's text, which callers pass in once (building `doc.text` per stretch
would make the finder quadratic).

Serves news prose of any era (9d54f05, nicknames: quotes-dev F1 0.944 -> 0.945; 0438329 and
the rest recorded quotes-dev unchanged or no figure).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from reader.core.analysis.quotes.coining import coiner_by
from reader.core.analysis.quotes.context import Fragment, QuotedDoc, is_mark
from reader.core.analysis.quotes.cues import is_cue, is_named_clause
from reader.core.analysis.quotes.terms import head_in_noun_phrase, is_rejected_term
from reader.core.analysis.quotes.word_lists import words

WORD = re.compile(r"[\w’'-]+")
_TITLE_SMALL_WORDS = frozenset(
    ["a", "an", "the", "of", "and", "or", "in", "on", "at", "for", "to", "with"]
)
# Words of a title in marks (`“Keepin' It Real”`), 2df2564.
_LONGEST_TITLE = 6
_NAME_PART = re.compile(r"[A-Z][a-z]+")
# Words of a nickname between the parts of a name (`Robert “Bobby” Kane`, 9d54f05: quotes-dev
# F1 0.944 -> 0.945), and the characters read each side of it for those parts.
_LONGEST_NICKNAME = 2
_NAME_REACH = 30
# Words of a term after a naming word (`so-called “…”`) and of a scare quote with no cue
# (0438329), chosen by hand on quotes-dev.
_LONGEST_TERM = 8
_LONGEST_SCARE_QUOTE = 4
# Characters before an opening mark searched for a naming word (0438329).
_NAMING_WORD_REACH = 40
# Tokens from a closing mark to the noun a title modifies (`his “…” radio program`), 25926a6.
_LONGEST_NOUN_AFTER = 2
# Words that make the quoted stretch after them a name or a term, not someone's words.
_NAMING_WORDS = re.compile(
    r"(?:\bso[- ]called|\bnicknamed|\bnamed|\btitled|\bentitled|\bknown as|\bdubbed|\bcalled"
    r"|\blabell?ed|\bbranded|\btermed|\breading|\bread"
    r"|\b(?:word|term|phrase|slogan|hashtag|motto|label|name|title|expression)s?)"
    r"\s*[,:]?\s*$",
    re.IGNORECASE,
)
_ALWAYS_NAMING = re.compile(
    r"(?:\bso[- ]called|\b(?:slogan|hashtag|motto|label|name|title)s?)\s*[,:]?\s*$",
    re.IGNORECASE,
)
# `the term “…”` names a term, but `Holt used the phrase “…”` and `refused to say the words “…”`
# report what someone said.
_WORDING_NOUNS = frozenset({"word", "term", "phrase", "expression"})
_CLAUSE_PARTS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "agent"})
# `described him as a “…”`, `likened them to a “…”`, `is a “…”`: a characterization, which
# gives someone's words.
_CHARACTERIZING_WORDS = frozenset({"as", "like", "to"})
# Verbs whose object in marks is the speaker's own name for someone (`called her “Crooked …”`).
_CALLING = frozenset({"call", "dub", "label", "brand", "term", "name", "nickname"})
# Cues whose direct object is the audience (`told “Morning Joe”`), not the words (`sang “…”`).
_ADDRESSING = frozenset(
    {"tell", "ask", "inform", "assure", "reassure", "warn", "remind", "urge", "advise", "brief"}
    | {"address", "caution", "notify", "email", "e-mail", "text", "message", "thank", "join"}
)
# `hailed him as “The Golden Boy”`: a preposition that gives the words, not the audience.
_GIVING_WORDS = frozenset({"as", "like"})
_WORKS = words("work_nouns.txt")
_SENTENCE_INSIDE = re.compile(r"[.?!][”\"’']?\s+\S")


def looks_like_title(text: str) -> bool:
    """`his “Keepin' It Real” radio program`: a few capitalized words, a name not a quote."""
    words = WORD.findall(text)
    return (
        0 < len(words) <= _LONGEST_TITLE
        and not text.rstrip().endswith(("?", "!"))
        and all(w[0].isupper() or w[0].isdigit() or w in _TITLE_SMALL_WORDS for w in words)
    )


def is_nickname(doc: Doc, text: str, start: int, end: int) -> bool:
    """`Del. Marcia “Cia” Price`: a word or two in marks between the parts of a name is a
    nickname, not a quote, and the name around it still reaches the cue after it.

    `text` is `doc.text`; only the characters near `start`..`end` are read.
    """
    words = WORD.findall(text[start:end])
    if not 0 < len(words) <= _LONGEST_NICKNAME or not all(w[0].isupper() for w in words):
        return False
    before = re.search(r"(\w+) [^\s\w]$", text[max(0, start - _NAME_REACH) : start])
    after = re.match(r"[^\s\w] (\w+)", text[end : end + _NAME_REACH])
    if not (before and after):
        return False
    if not (_NAME_PART.fullmatch(before.group(1)) and _NAME_PART.fullmatch(after.group(1))):
        return False
    name = doc.char_span(start - len(before.group(0)), start - 2, alignment_mode="expand")
    return name is not None and name[-1].pos_ == "PROPN"


def is_not_a_quote(qdoc: QuotedDoc, fragment: Fragment, whole_run: bool) -> bool:
    """Whether an attributed fragment is a name, title, term or scare quote (see the module
    docstring). `whole_run`: the fragment is all of its quoted run (a quote over paragraphs
    is never a name)."""
    if not whole_run:
        return False
    words = WORD.findall(fragment.tokens.text)
    if not words or _SENTENCE_INSIDE.search(fragment.tokens.text):
        return False  # a name or a term is never two sentences
    if len(words) <= _LONGEST_TERM and _follows_naming_word(qdoc, fragment):
        return True
    if is_rejected_term(qdoc, fragment):
        return True  # `denied any “quid pro quo”`: the word turned down, not said (`terms`)
    title = looks_like_title(fragment.tokens.text)
    cue = fragment.cue.root if fragment.cue is not None else None
    names_an_audience = cue is not None and cue.lemma_ not in _CALLING
    if title and names_an_audience and _is_object_of(qdoc, fragment, cue):
        return True  # `told MSNBC's “Morning Joe”`: whom the words went to, not the words
    if cue is not None and cue.pos_ == "NOUN" and _modifies_noun_after(qdoc, fragment, cue):
        return True  # `the “rigged vote” claim`: the claim is named, not quoted
    if title and names_an_audience and _names_a_thing(qdoc, fragment):
        return True  # `during a “Town Hall Forum” sponsored by …`, `his “Straight Talk” show`
    if fragment.cue is not None or fragment.speaker is not None:
        return False
    if len(words) > _LONGEST_SCARE_QUOTE:
        return title
    noun = head_in_noun_phrase(qdoc, fragment, joined=True)
    if noun is not None:
        return not _characterizes(noun)
    return title or _modifies_noun_after(qdoc, fragment)


def _follows_naming_word(qdoc: QuotedDoc, fragment: Fragment) -> bool:
    """`so-called “…”`, `the slogan “…”`; `a drone nicknamed “…”` but not `what he called “…”`
    (a verb with a subject or an auxiliary reports someone's words)."""
    index = qdoc.word_before(fragment)
    if index < 0:
        return False
    before = qdoc.text[max(0, fragment.start - _NAMING_WORD_REACH) : fragment.start].rstrip(
        "“”\"„' \u00a0"
    )
    if _ALWAYS_NAMING.search(before):
        return True
    if not _NAMING_WORDS.search(before):
        return False
    word = qdoc.doc[index]
    if word.text in (",", ":") and index > 0:
        word = qdoc.doc[index - 1]
    if word.pos_ == "NOUN" and word.lemma_.lower() in _WORDING_NOUNS:
        return not _reports_wording(word)  # the noun: `the term “…”`, not `Vance termed “…”`
    if word.lower_ == "as":  # "known as"
        word = word.head
    # `the policy Trump dubbed “…”`, hung from the name, or `labelled “…” by critics`: a
    # coiner's phrase (`coining`)
    return not (
        _is_clause(word) or is_named_clause(word) or coiner_by(qdoc, fragment, word) is not None
    )


def _reports_wording(noun: Token) -> bool:
    """`Holt used the phrase “…”`, `refused to say the words “…”`: the words are the object
    of a clause, so someone said them (the parser sometimes makes `said the words “tear
    apart” the town` a subject under the speech verb)."""
    verb = noun.head
    if noun.dep_ == "dobj":
        return _is_clause(verb)
    return (
        noun.dep_ == "nsubj"
        and verb.dep_ == "ccomp"
        and is_cue(verb.head)
        and _is_clause(verb.head)
    )


def _is_clause(verb: Token) -> bool:
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ in _CLAUSE_PARTS for c in verb.children)


def _names_a_thing(qdoc: QuotedDoc, fragment: Fragment) -> bool:
    """A title inside a noun phrase (`a “Town Hall Forum”`, `his “Straight Talk” show`) or
    after a noun for a work (`a new memoir, “The Cloakroom Years,” in which he …`) names a
    thing even when a cue stands above it in the parse; not `hailed him as a “…”`."""
    noun = head_in_noun_phrase(qdoc, fragment)
    if noun is not None:
        return not _characterizes(noun)
    return _after_a_work(qdoc, fragment) or _modifies_noun_after(qdoc, fragment)


def _after_a_work(qdoc: QuotedDoc, fragment: Fragment) -> bool:
    """`a new memoir, “The Cloakroom Years,”`: a noun for a work, a comma, then the marks
    (read on the words: the parser seldom makes the title an apposition)."""
    index = qdoc.word_before(fragment)
    if index < 1 or qdoc.doc[index].text != ",":
        return False
    noun = qdoc.doc[index - 1]
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in _WORKS


def _modifies_noun_after(qdoc: QuotedDoc, fragment: Fragment, noun: Token | None = None) -> bool:
    """`his “Straight Talk” show`, `the “fact-checking” website`: words in marks that qualify
    the noun right after them (`noun`, when given)."""
    after = fragment.tokens.end
    while after < len(qdoc.doc) and is_mark(qdoc.doc[after]):
        after += 1
    return any(
        root.dep_ in ("compound", "amod", "nmod")
        and 0 <= root.head.i - after <= _LONGEST_NOUN_AFTER
        and root.head.pos_ in ("NOUN", "PROPN")
        and (noun is None or root.head.i == noun.i)
        for root in qdoc.quote_roots(fragment)
    )


def _characterizes(noun: Token) -> bool:
    """`described him as a “…”`, `is a “…”`: a noun phrase that gives someone's words (also
    when the parser, thrown by a dash after the marks, hangs the phrase elsewhere but "as"
    or "like" still stands before it); a conjunct too (`as a “…” and a “spoiled brat”`)."""
    while noun.dep_ == "conj" and noun.head.i < noun.i:
        noun = noun.head
    if noun.dep_ in ("attr", "oprd") or (
        noun.dep_ == "pobj" and noun.head.lower_ in _CHARACTERIZING_WORDS
    ):
        return True
    first = noun.left_edge
    return first.i > 0 and noun.doc[first.i - 1].lower_ in _GIVING_WORDS


def _is_object_of(qdoc: QuotedDoc, fragment: Fragment, cue: Token) -> bool:
    """Whether the quoted words hang from the cue as its object, or through a preposition
    (`appeared on “Face the Nation”`); a direct object only of a cue that addresses someone
    (`told “…”`, not `sang “…”`)."""
    addresses = cue.lemma_.lower() in _ADDRESSING
    for root in qdoc.quote_roots(fragment):
        head = root.head
        if root.dep_ == "dative" and head.i == cue.i:
            return True
        if root.dep_ == "dobj" and head.i == cue.i and addresses:
            return True
        if (
            root.dep_ == "pobj"
            and head.dep_ in ("prep", "dative")
            and head.head.i == cue.i
            and head.lower_ not in _GIVING_WORDS
        ):
            return True
        if root.dep_ == "poss" and head.dep_ in ("dobj", "dative") and head.head.i == cue.i:
            return addresses or head.dep_ == "dative"
    return False

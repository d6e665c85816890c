"""Terms in marks: a short noun phrase the writer holds up as a word, not a quote.

`The senator denied any “quid pro quo” with the firm`, `rejected the “witch hunt” label`,
`dismissed talk of a “deal”`: a term in marks inside the object of a verb that rejects it is
the word others used, which the subject turns down, not the subject's words; the finder
lists no quote for it (as for the other terms in marks, `not_quotes`), rather than the
subject as its speaker. The term must sit inside the noun phrase, the marks not around the
whole of it (`denied “any wrongdoing”` quotes the denial), and be no clause (`denied that
there was a “deal”` keeps its speaker, as do terms under other speech verbs, `promised a
“fresh start”`, which news prose credits to the subject).

Serves news prose of any era (issue 22, "scare quotes, … terms listed with a noun as
speaker"); quotes-dev holds no such term, so its figures are unchanged by it.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from reader.core.analysis.quotes.context import Fragment, QuotedDoc
from reader.core.analysis.quotes.word_lists import words

_WORD = re.compile(r"[\w’'-]+")
# Words of a term in marks: "quid pro quo", "witch hunt", "smoking gun" (issue 22's kind).
LONGEST_TERM = 4
_REJECTING = words("rejecting_verbs.txt")
_NOUNS = frozenset({"NOUN", "PROPN"})
# A determiner, possessive or modifier outside the marks: `any “…”`, `the party's “…”`.
_NOUN_PHRASE_PARTS = frozenset({"det", "poss", "amod", "nummod", "compound", "case"})
# Words in marks qualifying the noun after them: `the “witch hunt” label`.
_MODIFIER_LINKS = frozenset({"compound", "amod", "nmod"})
# Prepositions that join a term to the noun phrase around it: `talk of a “deal”`.
_JOINING = frozenset({"of", "about", "over"})
# Tags of a clause: a finite verb or a modal (`“is rigged”` is no term).
_CLAUSE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_CLAUSE_LINKS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "mark"})


def is_term(fragment: Fragment) -> bool:
    """Whether the words in marks are a short noun phrase: at most `LONGEST_TERM` words, no
    question or exclamation, no finite verb, auxiliary or subject inside."""
    text = fragment.tokens.text.rstrip()
    if not 0 < len(_WORD.findall(text)) <= LONGEST_TERM or text.endswith(("?", "!")):
        return False
    return not any(
        token.tag_ in _CLAUSE_TAGS or token.pos_ == "AUX" or token.dep_ in _CLAUSE_LINKS
        for token in fragment.tokens
    )


def noun_phrase_around(qdoc: QuotedDoc, fragment: Fragment) -> Token | None:
    """The head of the noun phrase a term in marks sits inside, or None: the noun it
    qualifies (`the “witch hunt” label`), or its own head noun after a determiner or
    modifier outside the marks (`any “quid pro quo”`), carried up through "of" to the noun
    it completes (`talk of a “deal”`)."""
    roots = [t for t in qdoc.quote_roots(fragment) if not t.is_punct]
    if len(roots) != 1 or roots[0].pos_ not in _NOUNS | {"ADJ"}:
        return None
    root = roots[0]
    if (
        root.dep_ in _MODIFIER_LINKS
        and root.head.pos_ in _NOUNS
        and root.head.i >= fragment.tokens.end
    ):
        head = root.head
    elif root.pos_ in _NOUNS and head_in_noun_phrase(qdoc, fragment, joined=True) == root:
        head = root
    else:
        return None
    while head.dep_ == "pobj" and head.head.lower_ in _JOINING and head.head.head.pos_ in _NOUNS:
        head = head.head.head
    return head


def head_in_noun_phrase(
    qdoc: QuotedDoc, fragment: Fragment, *, joined: bool = False
) -> Token | None:
    """`a “walk-in”`, `the party's “super PACs”`: the noun in marks whose determiner,
    possessive or modifier stands right before the opening mark; None for words that end
    a sentence or ask. With `joined`, a term (`is_term`) may also end its sentence
    (`placed in a separate “holding fund.”`) or complete the noun before it through "of"
    (`a strategy of “quiet resistance”`): read only where no cue reports the words, since
    under one a goal or a plan in marks is the speaker's (`proclaimed a goal of “…”`)."""
    text = fragment.tokens.text.rstrip()
    term = joined and is_term(fragment)
    if text.endswith(("?", "!")) or (fragment.ends_with_full_stop and not term):
        return None
    index = qdoc.word_before(fragment)
    if index < 0:
        return None
    word, tokens = qdoc.doc[index], fragment.tokens
    if word.dep_ in _NOUN_PHRASE_PARTS and tokens.start <= word.head.i < tokens.end:
        return word.head
    if term and word.lower_ == "of" and word.head.pos_ in _NOUNS:
        return next(
            (
                root
                for root in qdoc.quote_roots(fragment)
                if root.head.i == word.i and root.dep_ == "pobj" and root.pos_ in _NOUNS
            ),
            None,
        )
    return None


def is_rejected_term(qdoc: QuotedDoc, fragment: Fragment) -> bool:
    """Whether the fragment is a term inside the object of a verb that rejects it
    (`denied any “quid pro quo”`, `the “witch hunt” label was rejected`)."""
    if not is_term(fragment):
        return False
    head = noun_phrase_around(qdoc, fragment)
    if head is None or head.dep_ not in ("dobj", "nsubjpass"):
        return False
    verb = head.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _REJECTING

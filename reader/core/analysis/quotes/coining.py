"""Phrases credited to their coiner: `what Clinton called a “basket of deplorables”`, `the
policy Trump dubbed “extreme vetting”`.

A verb of naming (call, dub, term, label, brand, coin) whose object is the quoted phrase says
whose phrase it is: its own subject's. The speech verb above it (`Obama mocked what …`,
`Hale said the policy Trump dubbed …`) reports the phrase but did not coin it, so the climb
up the parse to the outermost cue (`attribution.governing_cues`, `reporting_cue`) stops at
the naming verb. Split out of that climb, which otherwise credits whoever speaks in the
sentence; the speaker is then the naming verb's subject (`speakers.speaker_of`), a named one
in `what X called`, or the name the parser hangs the verb from (`the policy Trump dubbed`).

A passive naming verb credits the phrase to its "by" (`the plan, labelled “a giveaway” by
critics`), which the parser often hangs from the quoted noun rather than the verb
(`coiner_by`).

Serves news prose of any era (issue 22, "a phrase one person coined, repeated by another").
"""

from __future__ import annotations

from spacy.tokens import Token

from reader.core.analysis.quotes.context import Fragment, QuotedDoc, is_mark
from reader.core.analysis.quotes.cues import calls_on, is_named_clause, object_of

COINING_VERBS = frozenset({"call", "dub", "term", "label", "brand", "coin"})
# How the parse hangs the quoted phrase from the naming verb: its object or object
# predicate (`called it a “…”`, `dubbed “…”`).
_OBJECT_LINKS = frozenset({"dobj", "oprd", "attr", "xcomp", "ccomp"})


def coins(qdoc: QuotedDoc, fragment: Fragment, verb: Token) -> bool:
    """Whether `verb` names the quoted phrase and says who coined it: a naming verb (not the
    demand `call on`) with a named active subject of its own, or hung from a person's name,
    whose object is the fragment. A pronoun subject (`Clinton says she appreciated … what
    she calls “…”`) most often stands for the speaker of the cue above, which the climb to
    the outer cue names (on quotes-dev, stopping at it lost two speakers)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in COINING_VERBS or calls_on(verb):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if not ((subject is not None and coined_by(verb, subject)) or is_named_clause(verb)):
        return False
    return any(
        root.head == verb and root.dep_ in _OBJECT_LINKS and root.i != verb.i
        for root in qdoc.quote_roots(fragment)
    )


def coined_by(verb: Token, subject: Token) -> bool:
    """`Obama mocked what Clinton called “…”`: a naming verb's named subject coined the
    phrase. A pronoun (`condemned what he called “…”`) stands for the subject above, which
    `speakers.speaker_of` takes as the name it resolves to."""
    return verb.lemma_.lower() in COINING_VERBS and subject.pos_ != "PRON"


def coiner_by(qdoc: QuotedDoc, fragment: Fragment, verb: Token) -> Token | None:
    """`labelled “a giveaway” by critics`, `was dubbed “…” by Vance`: the object of the "by"
    of a naming verb with no active subject whose object predicate is the fragment, hung
    from the verb as its agent or, misparsed, from the quoted phrase right after the
    closing mark; or None."""
    if verb.lemma_.lower() not in COINING_VERBS or any(c.dep_ == "nsubj" for c in verb.children):
        return None  # an active subject coined it (`coins`)
    roots = [r for r in qdoc.quote_roots(fragment) if r.head == verb and r.dep_ in _OBJECT_LINKS]
    if not roots:
        return None
    after = fragment.tokens.end
    while after < len(qdoc.doc) and (is_mark(qdoc.doc[after]) or qdoc.doc[after].text == ","):
        after += 1
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    if by is None and after < len(qdoc.doc):
        word = qdoc.doc[after]
        if word.lower_ == "by" and word.dep_ == "prep" and word.head in roots:
            by = word
    return object_of(by) if by is not None else None

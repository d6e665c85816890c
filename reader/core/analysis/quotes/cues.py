"""Cues: the words that report speech ("said", "statement", "according to", "per").

The speech verbs are the verbs of communication of Levin's English Verb Classes (1993):
say (37.7), transfer of a message (37.1), tell (37.2), manner of speaking (37.3), instrument of
communication (37.4), complain (37.8) and advise (37.9), with the reporting verbs of news prose
(tweet, post, testify), less the senses that rarely report words (show, sign, pose, wire, and
speak and talk, which name a topic: `spoke about “…”`). No lexical resource that ships its data
on PyPI (WordNet, VerbNet) was found: `wn` and NLTK download theirs at run time, which the app
never does.

Serves news prose of any era ("per": 4926220, quotes-dev speaker accuracy 0.934 -> 0.936;
"call on": f1a9076, 0.929 -> 0.931).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from reader.core.analysis.quotes.context import is_mark
from reader.core.analysis.quotes.word_lists import words

SPEECH_VERBS = words("speech_verbs.txt")
SPEECH_NOUNS = words("speech_nouns.txt")
# `“…,” Vance shot back`: verbs that report a retort with "back".
_ANSWERING_BACK = frozenset({"shoot", "fire", "hit", "write", "talk"})
# Tokens before a verb where a negation negates it: "did not comment", "has not yet said"
# (1158305; a quoted "not" further back does not count).
_NEGATION_REACH = 2


def is_cue(token: Token) -> bool:
    """Whether the token reports speech: "according", a speech verb or a speech noun."""
    if token.lower_ == "according":
        return True
    if token.lower_ == "per":
        return _is_sourcing_per(token)
    if token.pos_ in ("VERB", "AUX"):
        lemma = token.lemma_.lower()
        if _is_negated(token) or token.head.lemma_ == "decline":
            return False  # "did not comment", "declined to comment": no words to report
        return (
            lemma in SPEECH_VERBS
            or (lemma == "put" and _puts_it(token))
            or (lemma in _ANSWERING_BACK and any(c.lower_ == "back" for c in token.children))
        )
    if token.pos_ == "NOUN":
        return token.lemma_.lower() in SPEECH_NOUNS
    return False


def _is_sourcing_per(token: Token) -> bool:
    """`“…,” per the party's bylaws`: "per" after a comma or a quote names a source, unlike
    the "per" of "$10 per hour"."""
    before = token.doc[token.i - 1].text if token.i > 0 else "\n"
    return (before == "," or is_mark(token.doc[token.i - 1]) or "\n" in before) and any(
        c.dep_ == "pobj" for c in token.children
    )


def _is_negated(verb: Token) -> bool:
    """`did not comment`: a negation right before the verb (not a quoted "not" the parser
    hangs from it, as in `“Probably not,” Moore said`)."""
    return any(c.dep_ == "neg" and verb.i - _NEGATION_REACH <= c.i < verb.i for c in verb.children)


def _puts_it(verb: Token) -> bool:
    """`as a memo put it`, `He put it bluntly`: "put" with "it" as its object reports words."""
    return any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)


def calls_on(verb: Token) -> bool:
    """`Schiff called on Obama to act against meddling the congressman said is “…”`: a demand,
    which does not report the words of a cue below it."""
    return verb.lemma_.lower() == "call" and any(c.lower_ == "on" for c in verb.children)


def cue_span(cue: Token) -> Span:
    if cue.lower_ == "according" and cue.i + 1 < len(cue.doc):
        return cue.doc[cue.i : cue.i + 2]
    return cue.doc[cue.i : cue.i + 1]


def object_of(preposition: Token) -> Token | None:
    return next((c for c in preposition.children if c.dep_ == "pobj"), None)


def object_after_according(to: Token) -> Token | None:
    """The object of "according to"; when the parser makes a verb of a noun in it (`according
    to show insiders`), the last noun of the phrase after "to"."""
    found = object_of(to)
    if found is not None and found.pos_ != "VERB":
        return found
    last = None
    for token in to.doc[to.i + 1 : to.right_edge.i + 1]:
        if token.is_punct:
            break
        if token.pos_ in ("NOUN", "PROPN"):
            last = token
    return last or found


def reports_saying(verb: Token) -> bool:
    """`was quoted as saying`, `was heard saying`: a passive verb over a "saying" whose
    speaker is the passive subject, not the unnamed one who quoted or heard."""
    return is_passive(verb) and any(
        word.tag_ == "VBG" and is_cue(word)
        for child in verb.children
        for word in (child, *child.children)
    )


def is_passive(verb: Token) -> bool:
    """`it was labeled “Mostly True”`: the subject is what the quote is about, not its source."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def is_named_clause(verb: Token) -> bool:
    """`Kall, the director, compared …`: a clause the parser hangs from a name, not a verb."""
    return verb.dep_ == "acl" and verb.head.pos_ == "PROPN" and verb.head.ent_type_ == "PERSON"

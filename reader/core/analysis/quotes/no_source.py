"""Quotes with no speaking source: the cue's subject is no one who speaks.

`72 percent said “yes”`: a share of a poll giving the answer in marks, which is no one's
words (but `63 percent said Clinton was “justified”` keeps the share, who hold that view);
`one message read “…”`, `a sign said “…”`: a thing bearing written words. Such a quote keeps
its cue and has no speaker (its evidence says `none`), rather than the subject as a speaker,
or the subject of a clause around it.

Serves news prose of any era (issue 22: poll answers, signs and messages listed with a noun
as speaker on coverage Reader had not seen).
"""

from __future__ import annotations

from spacy.tokens import Token

from reader.core.analysis.quotes.word_lists import words

# Nouns of a share of the people asked: "a majority said", "half of them said".
_SHARES = frozenset({"percent", "%", "majority", "minority", "plurality", "half", "third"})
_WORD_BEARERS = words("word_bearers.txt")


def names_no_speaker(subject: Token, *, answer: bool) -> bool:
    """Whether a cue's subject (or the token standing for the speaker) names no one who
    speaks: a thing that bears written words; or, when the quoted words are the cue's very
    object (`answer`: the mark right after the cue), a percentage or share of a poll."""
    lemma = subject.lemma_.lower()
    if answer and (subject.ent_type_ == "PERCENT" or lemma in _SHARES):
        return True
    return not subject.ent_type_ and subject.pos_ == "NOUN" and lemma in _WORD_BEARERS

"""A speaker described by a role ("the mayor said", "the union leader said") resolved to the
one person the article gives that role.

The entity step keeps each role the article states with the mention it belongs to ("Mayor
Ana Ruiz", "Jorge Lobo, the leader of the port union": `Mention.role`, the reporter's words,
never a title inside a quotation). A definite description whose head noun is the head of such
a role, and whose other words are all in it ("the union leader" and "the leader of the port
union"), stands for that person when exactly one person of the article holds a role that fits;
with none or several, it stays unnamed. A role stated on a surname before the article writes
the full name its key was given ("President Obama", then "Michelle Obama" only) counts for
no one: that key is the entity step's guess. Offsets are characters into the Doc's text; one pass
over the mentions per article, one look per described speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from reader.core.model import Kind, Mention

# Words that make a role another office: "the president" is not the vice president, nor a
# former one.
_QUALIFIERS = frozenset({"former", "vice", "deputy", "ex", "acting", "assistant", "late"})
_NOUNS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True, slots=True)
class _Held:
    """A person's stated role: its head word, all its words (lower case), and the mention."""

    head: str
    words: frozenset[str]
    mention: Mention


class RoleHolders:
    """The persons of one article with a stated role, by the role's head word."""

    def __init__(self, doc: Doc, mentions: tuple[Mention, ...]) -> None:
        self._by_head: dict[str, list[_Held]] = {}
        named_from: dict[str, int] = {}  # each person's key: where the article first names them
        for mention in mentions:
            if mention.kind is Kind.PERSON and " ".join(mention.text.split()) == mention.name:
                named_from.setdefault(mention.key, mention.start)
        for mention in mentions:
            if mention.kind is not Kind.PERSON or mention.role is None:
                continue
            if named_from.get(mention.key, len(doc.text)) > mention.start:
                continue  # "President Obama" before "Michelle Obama": its key is a guess
            span = doc.char_span(mention.role.start, mention.role.end, alignment_mode="expand")
            if span is None or not len(span) or span.root.pos_ not in _NOUNS:
                continue  # "leads the port union": a clause, no title to describe anyone by
            words = frozenset(t.lower_ for t in span if t.is_alpha)
            held = _Held(span.root.lemma_.lower(), words, mention)
            self._by_head.setdefault(held.head, []).append(held)

    def holder(self, speaker: Span) -> Mention | None:
        """The mention stating the role of the one person a description such as "the mayor"
        stands for, or None (no such description, no holder, or holders of several keys)."""
        words = _described_words(speaker)
        if words is None:
            return None
        head, others = words
        fitting = [
            held
            for held in self._by_head.get(head, ())
            if others <= held.words and not (held.words & _QUALIFIERS) - others
        ]
        if len({held.mention.key for held in fitting}) != 1:
            return None
        return fitting[0].mention


def _described_words(speaker: Span) -> tuple[str, frozenset[str]] | None:
    """The head noun's lemma and the other words of "the mayor", "the union leader", "the
    Economy Minister", "the Republican nominee" (lower-cased; "the" left out), or None for
    anything else: a pronoun, an indefinite "a spokesperson", a possessive "Ruiz's aide". A
    name ("the White House") is no role's head, so it finds no holder."""
    words = [t for t in speaker if not t.is_punct]
    if len(words) < 2 or words[0].lower_ != "the" or speaker.root.pos_ not in _NOUNS:
        return None
    rest = words[1:]
    if not all(t.is_alpha for t in rest) or speaker.root not in rest:
        return None
    others = frozenset(t.lower_ for t in rest if t != speaker.root)
    return speaker.root.lemma_.lower(), others

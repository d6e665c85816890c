"""Short forms of common terms: "AI" where the article writes "artificial intelligence".

The small model calls a word in capitals an organization ("AI", "GDP", "LNG"). An acronym is
an organization's short name only when what it stands for is a name; when the article spells
it out in lower case ("build artificial intelligence data centres ... the AI market"), it is
the short form of a common term and names nothing of ours, at every mention.

Serves prose news of any era. One pass over the tokens per length of acronym in question
(two to five letters).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from reader.core.analysis.entities.candidates import Candidate
from reader.core.analysis.entities.token_facts import flags as token_flags
from reader.core.analysis.entities.token_facts import token_lowers, token_pos, token_texts
from reader.core.model import Kind

# Letters of an acronym read: "AI" to "OPEC" and "NASDA" (as `from_model` reads them).
_ACRONYM_LENGTHS = range(2, 6)
# Tags of the words of a term: "artificial intelligence", "liquefied natural gas".
_TERM_TAGS = frozenset({"ADJ", "NOUN", "VERB"})
# Tags of a verb's forms that qualify a noun: "liquefied", "emerging".
_PARTICIPLES = frozenset({"VBN", "VBG"})


def drop_spelled_out_acronyms(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates` less every one-word person or organization in capitals whose letters are
    the initials of lower-case words the article writes in a row ("AI" and "artificial
    intelligence"): a common term's short form (see the module's header)."""
    texts = token_texts(doc)
    acronyms = {
        texts[c.start].lower()
        for c in candidates
        if c.kind in (Kind.PERSON, Kind.ORG) and _is_acronym(texts[c.start], c.end - c.start)
    }
    if not acronyms:
        return candidates
    spelled = _spelled_out(doc, acronyms)
    if not spelled:
        return candidates
    return [
        c
        for c in candidates
        if not (
            c.kind in (Kind.PERSON, Kind.ORG)
            and c.end - c.start == 1
            and texts[c.start].lower() in spelled
        )
    ]


def _is_acronym(text: str, length: int) -> bool:
    return length == 1 and text.isalpha() and text.isupper() and len(text) in _ACRONYM_LENGTHS


def _spelled_out(doc: Doc, acronyms: set[str]) -> set[str]:
    """Those of `acronyms` (lower case) that the initials of a run of lower-case words in a
    row spell, as many words as the acronym has letters: adjectives, nouns or participles
    ending in a noun ("artificial intelligence"; never "an interest", whose "an" is a small
    word; see `_is_term`). Needs the tagger (without it, none)."""
    lowers, facts, pos = token_lowers(doc), token_flags(doc), token_pos(doc)
    words = [facts.lower[i] and facts.alpha[i] and pos[i] in _TERM_TAGS for i in range(len(doc))]
    found = set()
    for length in {len(a) for a in acronyms}:
        for i in range(len(doc) - length + 1):
            if all(words[i : i + length]) and pos[i + length - 1] == "NOUN":
                initials = "".join(lowers[j][0] for j in range(i, i + length))
                if initials in acronyms and _is_term(doc[i : i + length]):
                    found.add(initials)
    return found


def _is_term(words: Span) -> bool:
    """No small word, and no verb but a participle before the noun ("liquefied natural gas";
    not "announce plans", whose letters spell "AP")."""
    return not any(t.is_stop or (t.pos_ == "VERB" and t.tag_ not in _PARTICIPLES) for t in words)

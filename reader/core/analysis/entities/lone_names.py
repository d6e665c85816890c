"""One-word persons the article never introduces, and shows to be something else.

A person in the news is introduced: named in full ("Harold Bornstein" before "Bornstein"),
titled ("Mr. Okafor", "President Obama"), or called by a given name ("Ellie"). The small model
also calls many a lone capitalized word a person, and the article's own words tell what it
is instead:

- an outlet, an organization: "according to Dispatchly", "told Dispatchly";
- a medium, which names nothing of ours (as `furniture.mark_platforms` has it): "chimed in
  on Chirper", "via Chirper", "2,000 Chirper followers";
- a thing or a place, which takes an article where a name does not: "down the Vistula", "the
  Apathy and bigotry" (not "the Okafor campaign", where the name qualifies a noun);
- a title's word before a person named in full: "former Miss Galaxy Ana Reis";
- a word asked or exclaimed alone: "Greedy? Not at all, she says."

What one mention shows holds for every mention of that word the model calls a person: an
outlet's become organizations, a medium's or a thing's name nothing. A word the article
introduces as a person anywhere keeps its kind, and so do transcript speakers in capitals
("OKAFOR:").

And a name with a bracket inside a word ("[W]e are reminded", an editor's insertion) is no
name at all (`drop_bracketed_words`).

Serves prose news of any era. On the dev sets: quotes-dev 22 one-word persons fewer (Twitter
x6, "Miss Universe" x9, Politico and Fox made organizations, Danube, Beehive, "W]e"; speaker
accuracy unchanged, 0.952); entities-dev unchanged (0.885); entities-dev-2020 PERSON
precision 0.920 -> 0.924, macro F1 0.887 -> 0.888.
"""

from __future__ import annotations

from spacy.tokens import Doc

from reader.core.analysis.entities.candidates import Candidate, person_forms
from reader.core.analysis.entities.from_model import TITLES
from reader.core.analysis.entities.kinds import GIVEN_NAMES
from reader.core.analysis.entities.token_facts import flags, token_lowers, token_texts
from reader.core.analysis.entities.word_lists import words
from reader.core.model import Kind

_BRACKETS = frozenset("[]")
# Verbs of posting a preposition "on" hangs on without a parse ("wrote on Chirper").
_POSTING = frozenset({"said", "says", "wrote", "writes", "posted", "posts", "tweeted"})
_POSTING |= frozenset({"added", "announced", "commented", "shared", "replied", "responded"})
# Nouns a platform's name qualifies: "2,000 Chirper followers", "her Chirper account".
_MEDIUM_NOUNS = frozenset(
    {"followers", "follower", "account", "accounts", "feed", "feeds", "post", "posts", "page"}
    | {"users", "user", "handle", "conversation", "timeline", "livestream", "hashtag"}
)
# Words right before an outlet: "told Dispatchly" (and "according to Dispatchly").
_BEFORE_OUTLET = frozenset({"told", "tells", "telling"})
_ARTICLES = frozenset({"the", "a", "an"})
_OPENING_QUOTES = frozenset({'"', "“", "'", "‘", "''"})
# Words after the last of a phrase: "down the Vistula.", "the Apathy and bigotry".
_PHRASE_ENDS = frozenset({".", ",", ";", ":", "?", "!", ")", "and", "or", "but", "—", "--"})
_VERB_TAGS = frozenset({"VERB", "AUX"})
# "the Cutzamala system", "the Kariba dam": nouns a thing's or a place's name qualifies.
_STRUCTURE_NOUNS = words("structure_nouns.txt")


def drop_bracketed_words(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates` less those holding a word with a bracket among its letters ("W]e" of
    "[W]e are", "[T]hey"): an editor's insertion into a quote, never a name."""
    texts = token_texts(doc)
    return [c for c in candidates if not any(_bracketed(texts[i]) for i in range(c.start, c.end))]


def _bracketed(text: str) -> bool:
    return not _BRACKETS.isdisjoint(text) and any(ch.isalpha() for ch in text)


def lone_names_by_use(doc: Doc, candidates: list[Candidate]) -> None:
    """Every one-word person of a word the article never introduces as a person (see the
    module's header), made an organization where a mention shows an outlet, and nothing of
    ours (kind None, kept in place so that no repeat is added) where one shows a medium, a
    thing or a title's word. Changes `candidates` in place; one pass over them."""
    lowers = token_lowers(doc)
    lone = [c for c in candidates if c.end - c.start == 1 and _person_or_medium(c)]
    if not lone:
        return
    texts = token_texts(doc)
    title_words = _title_words(doc, candidates, {lowers[c.start] for c in lone})
    introduced = _introduced(doc, candidates, title_words)
    outlets: set[str] = set()
    things = title_words - introduced
    words = {lowers[c.start] for c in lone} - introduced
    for i, word in enumerate(lowers):  # every use of the word, the model's mentions or not
        if word not in words or not texts[i][:1].isupper():
            continue
        if _outlet_at(doc, i):
            outlets.add(word)
        elif _medium_at(doc, i) or _thing_at(doc, i) or _exclaimed_alone_at(doc, i):
            things.add(word)
    for candidate in lone:
        word = lowers[candidate.start]
        if candidate.kind is not Kind.PERSON or word in introduced:
            continue
        if word in outlets:
            candidate.kind = Kind.ORG
        elif word in things:
            candidate.kind, candidate.place = None, True


def _person_or_medium(candidate: Candidate) -> bool:
    """A person, or a platform `mark_platforms` has already made nothing of ours."""
    return candidate.kind is Kind.PERSON or (candidate.kind is None and candidate.place)


def _introduced(doc: Doc, candidates: list[Candidate], title_words: set[str]) -> set[str]:
    """The lower-case words the article shows to be persons' names: the words of its full
    names (surnames and first words, and the words of the model's own full names, a
    headline's too), given names, a word after a title ("Mr. Okafor"), and a word in
    capitals (a transcript's speaker, "OKAFOR:"); never a title's own word (`title_words`:
    "Miss Galaxy")."""
    surnames, family_names = person_forms(doc, candidates)
    lowers, texts, upper = token_lowers(doc), token_texts(doc), flags(doc).upper
    introduced = surnames | family_names | GIVEN_NAMES
    for ent in doc.ents:  # the model's full names, a headline's too, whatever the steps cut
        if ent.label_ == "PERSON" and len(ent) >= 2:
            introduced.update(w for w in lowers[ent.start : ent.end] if w not in title_words)
    for candidate in candidates:
        i = candidate.start
        if candidate.end - i != 1 or candidate.kind is not Kind.PERSON:
            continue
        in_capitals = upper[i] and len(texts[i]) > 1
        titled = i > 0 and lowers[i - 1].rstrip(".") in TITLES and lowers[i] not in title_words
        if in_capitals or titled:
            introduced.add(lowers[i])
    return introduced


def _outlet_at(doc: Doc, i: int) -> bool:
    """Whether the word at token i is used as an outlet: after "told" or "according to"."""
    lowers = token_lowers(doc)
    before = lowers[i - 1] if i > 0 else ""
    return before in _BEFORE_OUTLET or (before == "to" and i > 1 and lowers[i - 2] == "according")


def _medium_at(doc: Doc, i: int) -> bool:
    """Whether the word at token i is used as a medium: after "via", or "on" hanging on a
    verb ("chimed in on Chirper"; not "an attack on X"), or before a noun of a platform
    ("Chirper followers")."""
    lowers = token_lowers(doc)
    before = lowers[i - 1] if i > 0 else ""
    if before == "via" or (before == "on" and _on_hangs_on_a_verb(doc, i - 1)):
        return True
    return i + 1 < len(doc) and lowers[i + 1] in _MEDIUM_NOUNS


def _on_hangs_on_a_verb(doc: Doc, on: int) -> bool:
    """Whether the "on" at token `on` belongs to a verb: its head in the parse, else the word
    before it is one of posting (a Doc without a parse)."""
    if doc.has_annotation("DEP"):
        head = doc[on].head
        return head.i != on and head.pos_ in _VERB_TAGS
    return on > 0 and token_lowers(doc)[on - 1] in _POSTING


def _thing_at(doc: Doc, i: int) -> bool:
    """Whether the word at token i follows an article and ends its phrase ("down the
    Vistula.", "the Apathy and bigotry"; not "the Okafor campaign", "the Medix/Biona
    vaccine") or qualifies a noun of a structure or of the land (`_STRUCTURE_NOUNS`: "the
    Cutzamala system"), and is no plural ("the Okafors")."""
    lowers, texts = token_lowers(doc), token_texts(doc)
    if i == 0 or lowers[i - 1] not in _ARTICLES or texts[i].endswith("s"):
        return False
    if i + 1 < len(doc) and lowers[i + 1] in _STRUCTURE_NOUNS and texts[i + 1].islower():
        return True
    return i + 1 == len(doc) or lowers[i + 1] in _PHRASE_ENDS or "\n" in texts[i + 1]


def _exclaimed_alone_at(doc: Doc, i: int) -> bool:
    """Whether the word at token i is a question or an exclamation of its own ("Greedy? Not at
    all, she says."): alone between a sentence's or line's start (past opening quotes)
    and a "?" or "!"."""
    texts = token_texts(doc)
    if i + 1 >= len(doc) or texts[i + 1] not in ("?", "!"):
        return False
    first = i
    while first > 0 and texts[first - 1] in _OPENING_QUOTES:
        first -= 1
    if first == 0 or "\n" in texts[first - 1] or texts[first - 1] in (".", "?", "!"):
        return True
    return doc.has_annotation("SENT_START") and flags(doc).sent_start[first]


def _title_words(doc: Doc, candidates: list[Candidate], words: set[str]) -> set[str]:
    """Those of `words` that the article writes, capitalized, right before a person named
    in full ("Miss Galaxy Ana Reis"): a title's own word. One pass over the tokens."""
    full_names = {c.start for c in candidates if c.kind is Kind.PERSON and c.end - c.start >= 2}
    lowers, texts = token_lowers(doc), token_texts(doc)
    return {
        word
        for i, word in enumerate(lowers)
        if word in words and texts[i][:1].isupper() and i + 1 in full_names
    }

"""The local speaker: the mention next to a cue that names who speaks through it.

Each function takes the QuotedDoc of the quotes being attributed and returns tokens or spans
of that Doc, or None when the parse names no one.

Serves news prose of any era, each branch a parse the small model gives on quotes-dev (2016
US outlets): 5612a7f (speaker accuracy 0.927 -> 0.929), 7e730f2 (0.925 -> 0.927), d1e0e60
(0.931 -> 0.932), 50afa9b (0.946 -> 0.949), 2993ed1 (0.949 -> 0.951).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from reader.core.analysis.quotes.coining import coined_by
from reader.core.analysis.quotes.context import (
    PERSONAL_PRONOUNS,
    SENTENCE_END,
    SPEAKER_ENTITY_TYPES,
    SUBJECTS,
    Fragment,
    QuotedDoc,
    expanded_name,
    is_subject,
)
from reader.core.analysis.quotes.cues import (
    is_cue,
    is_named_clause,
    is_passive,
    object_after_according,
    object_of,
    reports_saying,
)

_NON_FINITE_LINKS = ("advcl", "xcomp", "conj", "acl", "pcomp", "ccomp")
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Tokens of a speaker phrase (`the state's top election official`), efbb0f9, chosen by hand
# on quotes-dev.
_LONGEST_SPEAKER_PHRASE = 8
# Tokens of an apposition in commas between a name and its verb (`Marc Hale, the head of the
# league, told`), d1e0e60: quotes-dev speaker accuracy 0.931 -> 0.932.
_LONGEST_APPOSITION = 15
# Tokens after the cue or speaker searched for "quoting" or "citing" (22e7cf0).
_QUOTING_WINDOW = 12
# Roles that speak for someone else, whose own name may come after that someone's.
_SPEAKING_FOR = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "aide", "lawyer", "attorney"}
)
# Tokens before a non-finite cue searched for the cue it goes on from (50afa9b: quotes-dev
# speaker accuracy 0.946 -> 0.949).
_CLAUSE_BEFORE_CUE = 8


def speaker_span(qdoc: QuotedDoc, token: Token) -> Span:
    """The local mention: a name, a noun phrase such as "the commission", or a pronoun (a
    relative one too: `who said` is the mention next to the cue; its name goes beside it)."""
    if token.pos_ == "PRON" or token.ent_iob_ != "O":
        return expanded_name(token)
    start = token.left_edge.i
    for word in qdoc.doc[start : token.i]:
        if word.pos_ in ("PUNCT", "CCONJ", "SCONJ"):
            start = word.i + 1  # keep "the newspaper", not "…, while the newspaper"
    phrase = qdoc.doc[start : token.i + 1]
    if (
        len(phrase) <= _LONGEST_SPEAKER_PHRASE
        and not any(qdoc.quoted[t.i] for t in phrase)
        and not qdoc.paragraph_break(phrase[0], token)
    ):
        return phrase
    return expanded_name(token)


def speaker_of(qdoc: QuotedDoc, cue: Token) -> Token | None:
    """The token naming who speaks through `cue`: its subject, agent or possessor.

    The branches are tried in order and the first that answers wins; the order matters
    where a later branch would also answer, as the comments say. Each rule's figure on
    quotes-dev is in the commit that added it (`git log -S` on its helper).
    """
    # "per" and "according to" first: whatever the parse hangs on them, their object speaks.
    if cue.lower_ == "per":
        return object_of(cue)
    if cue.lower_ == "according":
        to = next((c for c in cue.children if c.lower_ == "to"), None)
        source = object_after_according(to) if to is not None else None
        return _author_of(source) or source if source is not None else None
    # A speech noun ("statement") before the verb rules: its owner or source speaks, never
    # the subject of the clause it sits in.
    if cue.pos_ == "NOUN":
        owner = next((c for c in cue.children if c.dep_ == "poss"), None)
        sources = ("by", "from", "of") if cue.lemma_ == "word" else ("by", "from")
        by = next((c for c in cue.children if c.lower_ in sources), None)  # "in the words of"
        if owner is None and by is not None:
            owner = object_of(by)
        if owner is None and cue.dep_ in SUBJECTS:
            return subject_above(qdoc, cue.head)  # "said the words “…” …", parsed as a subject
        # "made the following comment: “…”"; "by saying his refusal to use the words “…”
        # was …": past a plain noun to the name above it, who said the words
        return owner or subject_above(qdoc, cue, prefer_names=True)
    # Before the subject: in "the broadcaster quoted X as saying" the subject only relays.
    quoted_as_saying = _quoted_as_saying(cue)
    if quoted_as_saying is not None:
        return quoted_as_saying
    subject = subject_of(qdoc, cue)
    if subject is not None:
        if any(c.lower_ == "what" for c in cue.children) and not coined_by(cue, subject):
            return subject_above(qdoc, cue) or subject  # "condemned what he called “…”"
        if _stands_for_a_thing(subject):
            return subject_above(qdoc, cue.head) or subject  # "He released a letter that says"
        return subject
    # Passives, once no active subject answered: "quoted as saying" before the agent, and a
    # passive with neither names no one, before the fallbacks below, which would reach a
    # subject above it ("criticized as a “…” rule" is not the farmers').
    if reports_saying(cue):
        return subject_of(qdoc, cue, passive=True)  # "Marsh was quoted as saying “…”"
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    if agent is not None:
        return object_of(agent)
    if is_passive(cue):
        return None  # "it is criticized as a “…” approach": by no one named
    # Misparses of a clause with a name, nearest structure first; each answers only where the
    # parse gave the cue no subject.
    if is_named_clause(cue):
        return cue.head  # "footage of Clinton saying “…”"
    if _is_misread_clause(cue):
        # "a Times article hailed Trump as “…”", parsed as "an article hailed"; "Parrish's
        # chief of staff, Mina Okoro, posted on X that …": the name apposed to that noun
        return _apposed_name(cue.head) or cue.head
    before = qdoc.doc[cue.i - 1] if cue.i > 0 else cue
    if cue.tag_ == "VBG" and before.ent_type_ in ("PERSON", "ORG"):
        return before  # the same, parsed as the object of "footage"
    if cue.head.ent_type_ == "PERSON" and cue.i < cue.head.i:
        return cue.head  # "Said Ellis: “…”", parsed as a compound
    named = [c for c in cue.children if c.ent_type_ == "PERSON" and not qdoc.quoted[c.i]]
    if named:
        return named[0]  # "Said Ellis: “…”", which the parser leaves without a subject
    # Last, the widest searches: a clause above a non-finite cue, a name before a finite one.
    if cue.dep_ in _NON_FINITE_LINKS:
        above = subject_above(qdoc, cue, prefer_names=cue.tag_ == "VBG")
        return above or _speaker_of_cue_before(qdoc, cue)
    if cue.tag_ in _FINITE_TAGS:
        return name_before(qdoc, cue)
    return None


def _speaker_of_cue_before(qdoc: QuotedDoc, cue: Token) -> Token | None:
    """`“…,” Sanders said, going on to say that …`: a non-finite cue whose clauses above give
    no subject outside the quote (the parser hangs the attribution from a quoted verb) goes
    on from the finite cue just before it in its sentence, whose subject speaks."""
    doc = qdoc.doc
    for index in range(cue.i - 1, max(-1, cue.i - _CLAUSE_BEFORE_CUE - 1), -1):
        token = doc[index]
        if qdoc.quoted[index] or token.text in SENTENCE_END or "\n" in token.text:
            return None
        if token.tag_ in _FINITE_TAGS and is_cue(token):
            return subject_of(qdoc, token)
    return None


def _is_misread_clause(verb: Token) -> bool:
    """A past-tense cue the parser hangs from the noun before it as a reduced relative
    (`an article hailed as …`), though its direct object or its clause of content ("posted
    … that …") shows that the noun is its subject."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBD", "VBN")
        and verb.head.i < verb.i
        and verb.head.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ in ("dobj", "ccomp") for c in verb.children)
    )


def quoting_verb(cue: Token) -> Token:
    """The "quoted" of `quoted X as saying “…”` when the cue is its "saying", else the cue."""
    if cue.tag_ == "VBG" and cue.head.lower_ == "as" and cue.head.head.lemma_.lower() == "quote":
        return cue.head.head
    return cue


def _quoted_as_saying(cue: Token) -> Token | None:
    """`the broadcaster quoted Deputy Prime Minister Yuri Sandor as saying`: the object of
    "quoted … as saying" said the words, not the one who quoted them (the cue may be the
    "quoted" or, right before the quote, the "saying")."""
    verb = quoting_verb(cue)
    if verb.lemma_.lower() != "quote":
        return None
    saying = any(
        c.lower_ == "as" and any(w.tag_ == "VBG" and is_cue(w) for w in c.children)
        for c in verb.children
    )
    return next((c for c in verb.children if c.dep_ == "dobj"), None) if saying else None


def _author_of(document: Token) -> Token | None:
    """`according to a court filing by prosecutor Elena Ruiz`: the name a document is by,
    who speaks through it, rather than the document."""
    if document.ent_type_ or document.pos_ != "NOUN":
        return None
    by = next((c for c in document.children if c.lower_ == "by"), None)
    author = object_of(by) if by is not None else None
    return author if author is not None and author.ent_type_ in ("PERSON", "ORG") else None


def _apposed_name(noun: Token) -> Token | None:
    """The first name the parse apposes to `noun` ("the spokesman, Kofi Osei"), or None."""
    return next((c for c in noun.children if c.dep_ == "appos" and c.ent_type_), None)


def name_before(qdoc: QuotedDoc, verb: Token) -> Token | None:
    """The name just before a finite verb the parser left without a subject, past adverbs
    and an apposition in commas: `When …, Murphy and Lopez call it “…”`; `Marc Hale, the
    head of the league, forcefully told …`."""
    doc = qdoc.doc
    index = verb.i - 1
    while index >= 0 and doc[index].pos_ == "ADV":
        index -= 1
    if index > 0 and doc[index].text == ",":
        opening = index - 1
        lowest = max(0, index - _LONGEST_APPOSITION)
        while opening > lowest and doc[opening].text != "," and "\n" not in doc[opening].text:
            opening -= 1
        index = opening - 1 if doc[opening].text == "," else -1
    if index < 0 or qdoc.quoted[index] or not _names_someone(doc[index]):
        return None
    return doc[index]


def subject_above(qdoc: QuotedDoc, token: Token, *, prefer_names: bool = False) -> Token | None:
    """The subject of the nearest clause above `token`; with `prefer_names`, passing over
    plain nouns for a name higher up (`Ryabkov hinted retaliation could come, saying “…”`).
    """
    first = None
    for head in token.ancestors:
        if qdoc.paragraph_break(head, token):
            break
        if is_named_clause(head):
            return head.head
        subject = subject_of(qdoc, head, passive=True)
        if subject is None:
            continue
        if not prefer_names or subject.ent_type_ in SPEAKER_ENTITY_TYPES:
            return subject
        first = first or subject
    return first


def subject_of(qdoc: QuotedDoc, verb: Token, *, passive: bool = False) -> Token | None:
    """The verb's subject in its own paragraph (the parser runs sentences over paragraph
    breaks, so a dateline can pose as one), an apposed name preferred to a plain noun (but
    not to a proper noun the entity tagger missed: `Marsh, a Republican, told`)."""
    dependencies = SUBJECTS if passive else ("nsubj",)
    subjects = [
        c
        for c in verb.children
        if c.dep_ in dependencies
        and c.tag_ != "VBG"  # "Writing in a blog post, Osei said": a participle speaks not
        and not qdoc.quoted[c.i]
        and not qdoc.paragraph_break(c, verb)
    ]
    if not subjects:
        return None
    subject = min(subjects, key=lambda c: abs(c.i - verb.i))
    if subject.ent_type_ not in SPEAKER_ENTITY_TYPES and subject.pos_ not in ("PRON", "PROPN"):
        named = _apposed_name(subject)
        if named is not None:
            return named
        if subject.lemma_.lower() in _SPEAKING_FOR:
            return _apposed_to_the_represented(subject) or subject
    return subject


def _apposed_to_the_represented(role: Token) -> Token | None:
    """`a spokeswoman for Speaker Ronald Meeks, Tara Lindgren, said`: the name the parser
    apposes to the one represented is the spokeswoman's own."""
    for preposition in role.children:
        if preposition.dep_ != "prep" or preposition.lower_ not in ("for", "of"):
            continue
        for represented in preposition.children:
            for name in represented.children:
                if name.dep_ == "appos" and name.ent_type_ == "PERSON":
                    return name
    return None


def nearest_subject(qdoc: QuotedDoc, fragment: Fragment) -> Token | None:
    """The subject of the nearest clause above a partial quote: `Reid called him a “con”`;
    of a clause that is the complement of a verb, that verb's subject, whose view the clause
    gives (`Most voters agreed that Smith is “fit to serve”`)."""
    for root in qdoc.quote_roots(fragment):
        subject = subject_above(qdoc, root)
        if subject is None:
            continue
        while subject.head.dep_ == "ccomp":
            holder = subject_above(qdoc, subject.head)
            if holder is None:
                break
            subject = holder
        return subject
    return None


def root_subject(qdoc: QuotedDoc, sentence: Span) -> Token | None:
    """The subject (active or passive) of the sentence's main verb, if the parse gives one."""
    root = sentence.root
    return subject_of(qdoc, root, passive=True) if root.head.i == root.i else None


def named_root_subject(qdoc: QuotedDoc, sentence: Span) -> Span | None:
    """The sentence's subject when it is a person or an organization."""
    subject = root_subject(qdoc, sentence)
    if subject is None or subject.ent_type_ not in ("PERSON", "ORG"):
        return None
    return speaker_span(qdoc, subject)


def speaker_before(qdoc: QuotedDoc, fragment: Fragment) -> Span | None:
    """Who the sentence before a cue-less quoted sentence has speak, or is about."""
    sentence = qdoc.sentence_before(fragment)
    if sentence is None:
        return None
    for token in reversed(sentence):
        if not qdoc.quoted[token.i] and is_cue(token):
            speaker = speaker_of(qdoc, token)
            if speaker is not None and not qdoc.quoted[speaker.i]:
                return speaker_span(qdoc, speaker)
    subject = root_subject(qdoc, sentence)
    if subject is None:
        return None
    if subject.ent_type_ in ("PERSON", "ORG") or subject.lower_ in PERSONAL_PRONOUNS:
        return speaker_span(qdoc, subject)
    return None


def _stands_for_a_thing(subject: Token) -> bool:
    """A relative pronoun for an object that names no one: `He released a letter that says`;
    the one who speaks is then the subject above."""
    if subject.lower_ not in ("that", "which") or subject.head.dep_ != "relcl":
        return False
    antecedent = subject.head.head
    return antecedent.ent_type_ not in SPEAKER_ENTITY_TYPES and not is_subject(antecedent)


_SOURCE_NOUNS = frozenset({"source", "official", "media", "agency", "spokesman", "spokeswoman"})


def _is_source(token: Token) -> bool:
    """A name, or a noun for the people news cites (`citing officials`)."""
    return token.ent_type_ in SPEAKER_ENTITY_TYPES or token.lemma_.lower() in _SOURCE_NOUNS


def _names_someone(token: Token) -> bool:
    """A person or organization, or a proper noun the entity tagger missed."""
    return token.ent_type_ in ("PERSON", "ORG") or (token.pos_ == "PROPN" and not token.ent_type_)


def noun_after(cue: Token) -> Token | None:
    """`“…,” added the ministry`: the noun after a verb that follows the quote, which the
    parser takes for its object when the subject comes after the verb."""
    for child in cue.rights:
        if child.i - cue.i > _LONGEST_SPEAKER_PHRASE:
            break
        if child.pos_ in ("NOUN", "PROPN") and child.dep_ in ("dobj", "attr", "npadvmod", "oprd"):
            return child
    return None


def original_source(qdoc: QuotedDoc, cue: Token, speaker: Token) -> Token:
    """`according to a news agency, quoting state media`: the one quoted by the speaker said
    the words, not the speaker who relays them (so too after "citing" a name or officials)."""
    doc = qdoc.doc
    end = min(len(doc), max(cue.i, speaker.i) + _QUOTING_WINDOW)
    for token in doc[max(cue.i, speaker.i) + 1 : end]:
        if qdoc.quoted[token.i] or token.text in (".", "\n") or "\n" in token.text:
            break
        if token.lower_ in ("quoting", "citing"):
            source = next((c for c in token.children if c.dep_ == "dobj"), None)
            if source is None or qdoc.quoted[source.i]:
                return speaker
            if token.lower_ == "citing" and not _is_source(source):
                return speaker  # "citing the release of prisoners": a reason, not a source
            return source
    return speaker

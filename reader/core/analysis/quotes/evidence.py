"""Evidence: how each quote's speaker was found, and how sure the finder can be of it.

The stage that decides a speaker records its `Way` on the fragment or quote (`attribution`:
the cue search or layout; `grouping`: a speaker carried from the sentence before, the subject
of the clause, a headline). Once the speaker is resolved (`resolution`), `found_evidence`
turns that way into the quote's path (`SpeakerPath`), keeps the antecedent a pronoun or
description stands for and the relay, and reads the clues the confidence weighs (`Clues`).
`confidence` weighs them, with whether the speaker has an entity key (which `plain` knows).
Token indices are into the Doc; spans are Spans of the Doc (characters into its text).
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from reader.core.analysis.quotes.coining import COINING_VERBS
from reader.core.analysis.quotes.context import (
    PERSONAL_PRONOUNS,
    SPEAKER_ENTITY_TYPES,
    Group,
    QuotedDoc,
    Way,
    is_subject,
    spelled_name,
)
from reader.core.model import SpeakerPath

_PATH_OF_WAY = {
    Way.SIGNATURE: SpeakerPath.LABEL,
    Way.LABEL: SpeakerPath.LABEL,
    Way.CARRIED: SpeakerPath.CONTINUATION,
    Way.CLAUSE: SpeakerPath.SUBJECT,
    Way.HEADLINE: SpeakerPath.HEADLINE,
}
_ORGANIZATION_TYPES = frozenset({"ORG", "NORP", "GPE"})
_NAME_TYPES = frozenset({"PERSON", "ORG"})
# Links of a clause that reports what the verb above it says: `said that X is “…”`.
_COMPLEMENTS = frozenset({"ccomp", "xcomp", "parataxis"})
# Heads from a speaker up to its cue: "X said"; "by X"; "according to X"; "X, the head of Y,
# said" is the apposed name's head's head.
_ATTACHMENT_STEPS = 3
_PRONOUN_GENDER = {"he": "he", "him": "he", "she": "she", "her": "she"}
_TITLES_OF = {
    **dict.fromkeys(("mr.", "mr"), "he"),
    **dict.fromkeys(("mrs.", "mrs", "ms.", "ms", "miss"), "she"),
}
# What may follow a speaker's name as part of its description: "X, 70, chair of Y,".
_DESCRIBING = frozenset({"appos", "punct", "amod", "npadvmod"})


@dataclass(frozen=True, slots=True)
class Clues:
    """What a rule can see of one quote's attribution, for its confidence.

    `cue_gap`: tokens between the cue and the nearest fragment (0 inside it; None without a
    cue); `speaker_gap`: tokens between the local speaker and the cue (None without either);
    `rivals`: other names (people, organizations) outside quotes in the speaker's sentence;
    `sentences_back`: sentences from a pronoun or description back to its antecedent;
    `gender`: +1 when a pronoun's or title's gender is the one the article settles for the
    name, 0 when nothing settles it; `named`: the speaker, or what it stands for, is a
    person's or organization's name; `cue_noun`: the cue is a noun ("statement", "message"),
    whose owner may only be talked about, or a naming verb ("what Clinton called “…”"), whose
    subject used a label others may have coined and repeat: no report of speech either way;
    `clauses_between`: clauses with a subject of their
    own between the quote and the cue above it in the parse (`Christie described her as a
    “…” after she blamed it on “…”`); `personal`: the speaker is "he" or "she", whose
    antecedent a gender narrows; `attached`: the speaker hangs from the cue in the parse (its
    subject, agent, owner, or the object of "according to"), not found by a wider search;
    `passed_over`: a pronoun's resolution passed over another person named as a subject
    between its antecedent and it ("Rui Lopes said … Marta Figueiredo of the union said …
    she said"), whose gender (by title, or as the article settles it) does not rule them out.
    """

    cue_gap: int | None
    speaker_gap: int | None
    rivals: int
    sentences_back: int
    gender: int
    named: bool
    cue_noun: bool
    clauses_between: int
    personal: bool
    attached: bool
    passed_over: bool = False


@dataclass(frozen=True, slots=True)
class FoundEvidence:
    """A quote's evidence as the finder leaves it on its span (`quote_evidence`)."""

    path: SpeakerPath
    way: Way
    antecedent: Span | None  # the name a pronoun or description stands for, elsewhere
    relay: Span | None  # who passed the words on
    clues: Clues


class EvidenceIndex:
    """The sentence starts and the names outside quotes of one Doc (token indices, in order),
    gathered once, so each quote's clues are bisects, not scans."""

    def __init__(self, qdoc: QuotedDoc) -> None:
        doc: Doc = qdoc.doc
        self.sentence_starts = [sentence.start for sentence in doc.sents]
        names = [e for e in doc.ents if e.label_ in _NAME_TYPES and not qdoc.quoted[e.start]]
        self.name_starts = [name.start for name in names]
        self.surnames = [name[-1].lower_ for name in names]
        subjects = [t for t in doc if _subject_person(t, qdoc.quoted)]
        self.subject_starts = [t.i for t in subjects]
        self.subject_surnames = [t.lower_ for t in subjects]
        self.subject_titles = [_title_gender(spelled_name(t)) for t in subjects]

    def sentence(self, index: int) -> tuple[int, int]:
        """The token range of the sentence holding token `index`."""
        at = bisect.bisect_right(self.sentence_starts, index) - 1
        end = self.sentence_starts[at + 1] if at + 1 < len(self.sentence_starts) else None
        return self.sentence_starts[at], end if end is not None else index + 1

    def sentences_between(self, first: int, second: int) -> int:
        return bisect.bisect_right(self.sentence_starts, second) - bisect.bisect_right(
            self.sentence_starts, first
        )

    def subjects_in(self, start: int, end: int) -> list[tuple[str, str | None]]:
        """The people named as subjects in tokens start..end: (surname, the gender "he" or
        "she" a title before the name gives, or None)."""
        low = bisect.bisect_left(self.subject_starts, start)
        high = bisect.bisect_left(self.subject_starts, end)
        return list(
            zip(self.subject_surnames[low:high], self.subject_titles[low:high], strict=True)
        )

    def names_in(self, start: int, end: int) -> list[str]:
        """The surnames of the names starting in tokens start..end."""
        low = bisect.bisect_left(self.name_starts, start)
        high = bisect.bisect_left(self.name_starts, end)
        return self.surnames[low:high]


def _subject_person(token: Token, quoted: list[bool]) -> bool:
    """A name outside quotes, as a clause's subject, that reads as a person's: tagged one, or
    two or three title-case words the tagger did not call an organization or group."""
    if not is_subject(token) or token.pos_ != "PROPN" or quoted[token.i]:
        return False
    if token.ent_type_ == "PERSON":
        return True
    if token.ent_type_ in ("ORG", "NORP"):
        return False
    name = spelled_name(token)
    return len(name) in (2, 3) and all(w.is_title and w.is_alpha for w in name)


def _title_gender(name: Span) -> str | None:
    """ "he" or "she" when "Mr." or "Mrs."/"Ms." opens or precedes a name, else None."""
    before = name.doc[name.start - 1].lower_ if name.start > 0 else ""
    for word in (name[0].lower_, before):
        if word in _TITLES_OF:
            return _TITLES_OF[word]
    return None


def found_evidence(
    qdoc: QuotedDoc,
    index: EvidenceIndex,
    group: Group,
    ref: Span | None,
    gender: int,
    genders: dict[str, str] | None = None,
) -> FoundEvidence:
    """The evidence of one quote: `ref` is the name its local speaker stands for (or None),
    `gender` whether a gender cue agrees with it (`resolution.gender_agreement`), `genders`
    the gender ("he", "she") the article settles for each lower-case surname."""
    speaker = group.speaker
    antecedent = ref if ref is not None and _apart(ref, speaker) else None
    return FoundEvidence(
        _path(qdoc, group, ref),
        group.way,
        antecedent,
        group.relay,
        _clues(qdoc, index, group, ref, antecedent, gender, genders or {}),
    )


def _apart(ref: Span, speaker: Span | None) -> bool:
    return speaker is None or ref.start >= speaker.end or ref.end <= speaker.start


def _path(qdoc: QuotedDoc, group: Group, ref: Span | None) -> SpeakerPath:
    """The path of the speaker, from the way it was found and what it turned out to be: a
    layout, a carried speaker, a clause's subject or a headline keep their own; next to a cue,
    a pronoun, an organization the tagger names (`plain` gives the path of the article's
    organizations, whose kind the entity step settles), a colon introduction, or a name."""
    speaker = group.speaker
    if speaker is None:
        return SpeakerPath.NONE
    if group.way in _PATH_OF_WAY:
        return _PATH_OF_WAY[group.way]
    if speaker.root.pos_ == "PRON":
        return SpeakerPath.PRONOUN
    if ref is None and speaker.root.ent_type_ in _ORGANIZATION_TYPES:
        return SpeakerPath.ORGANIZATION  # not one of the article's entities (`plain` sees those)
    first = group.fragments[0]
    before = qdoc.word_before(first)
    cue = group.cue
    if cue is not None and cue.end <= first.tokens.start and qdoc.doc[before].text == ":":
        return SpeakerPath.COLON
    return SpeakerPath.NAMED


def _clues(
    qdoc: QuotedDoc,
    index: EvidenceIndex,
    group: Group,
    ref: Span | None,
    antecedent: Span | None,
    gender: int,
    genders: dict[str, str],
) -> Clues:
    speaker, cue = group.speaker, group.cue
    cue_gap = speaker_gap = None
    cue_noun, between = False, 0
    if cue is not None:
        own = _described(speaker, cue) if speaker is not None else None
        cue_gap = min(_gap(cue, f.tokens, own) for f in group.fragments)
        speaker_gap = _gap(cue, own) if own is not None else None
        cue_noun = cue.root.pos_ == "NOUN" or cue.root.lemma_.lower() in COINING_VERBS
        between = _clauses_between(qdoc, group, cue.root)
    named_as = ref if ref is not None else speaker
    if speaker is None or named_as is None:
        return Clues(cue_gap, speaker_gap, 0, 0, gender, False, cue_noun, between, False, False)
    own = named_as[-1].lower_
    rivals = len({name for name in index.names_in(*index.sentence(speaker.start)) if name != own})
    sentences_back = 0
    if antecedent is not None:
        sentences_back = index.sentences_between(antecedent.start, speaker.start)
    named = named_as.root.ent_type_ in SPEAKER_ENTITY_TYPES
    personal = speaker.root.lower_ in PERSONAL_PRONOUNS
    passed_over = False
    if personal and antecedent is not None:
        wanted = _PRONOUN_GENDER.get(speaker.root.lower_)
        passed_over = any(
            other != own and (title or genders.get(other, wanted)) == wanted
            for other, title in index.subjects_in(antecedent.end, speaker.start)
        )
    attached = cue is not None and _hangs_from(speaker.root, cue.root)
    return Clues(
        cue_gap,
        speaker_gap,
        rivals,
        sentences_back,
        gender,
        named,
        cue_noun,
        between,
        personal,
        attached,
        passed_over,
    )


def _hangs_from(word: Token, cue: Token) -> bool:
    """Whether `cue` is the head of `word`, or `_ATTACHMENT_STEPS` heads above it."""
    for _ in range(_ATTACHMENT_STEPS):
        if word.head.i == cue.i:
            return True
        word = word.head
    return False


def _clauses_between(qdoc: QuotedDoc, group: Group, cue: Token) -> int:
    """Clauses with a subject of their own, other than complements, on the way up the parse
    from the quote's first fragment to `cue` (0 when the cue is not above it); a walk up the
    parse, no scan."""
    for root in qdoc.quote_roots(group.fragments[0]):
        clauses = 0
        for head in root.ancestors:
            if head.i == cue.i:
                return clauses
            clauses += head.dep_ not in _COMPLEMENTS and any(
                is_subject(c) and not qdoc.quoted[c.i] for c in head.children
            )
    return 0


def _described(speaker: Span, cue: Span) -> Span:
    """The speaker with the appositions the parse hangs after it and their commas ("Karin
    Holm, chair of the port authority,"): an apposition describes the speaker, it puts no
    distance between the speaker and its cue (a relative clause still does). The speaker
    alone when that would reach the cue."""
    end = speaker.end
    for child in speaker.root.rights:
        if child.i < end:
            continue
        if child.i > end or child.dep_ not in _DESCRIBING:
            break
        end = child.right_edge.i + 1
    if speaker.start < cue.end and cue.start < end:
        return speaker
    return speaker.doc[speaker.start : end]


def _gap(first: Span, second: Span, skipped: Span | None = None) -> int:
    """Tokens between two spans of a Doc (0 when they touch or overlap), less those of
    `skipped` that lie between them."""
    low, high = min(first.end, second.end), max(first.start, second.start)
    if high <= low:
        return 0
    if skipped is not None:
        high -= max(0, min(high, skipped.end) - max(low, skipped.start))
    return max(0, high - low)


# The confidence is a logistic score: the log-odds of the path's prior, less a weight for
# each clue against the speaker, plus one for a clue for it. The yes-or-no clues weigh about
# the log-odds ratio of speaker errors with and without them on quotes-dev (2016 US outlets:
# 589 quotes matched, 29 wrong speakers), rounded to a half; the priors are about the share
# of right speakers each path gives there; the weights per token, name and sentence are
# chosen by hand. Kinds of error, not single quotes: no weight names a word or a file.
_PRIOR = {
    SpeakerPath.NAMED: 0.93,
    SpeakerPath.COLON: 0.95,
    SpeakerPath.LABEL: 0.95,
    SpeakerPath.CONTINUATION: 0.85,
    SpeakerPath.PRONOUN: 0.9,
    SpeakerPath.ORGANIZATION: 0.9,
    SpeakerPath.SUBJECT: 0.6,
    SpeakerPath.HEADLINE: 0.85,
    SpeakerPath.NONE: 0.5,  # nobody found: as likely a quote of nobody as a missed speaker
}
_CUE_PATHS = frozenset(
    {SpeakerPath.NAMED, SpeakerPath.COLON, SpeakerPath.PRONOUN, SpeakerPath.ORGANIZATION}
)
_NEAR_CUE = 2  # tokens between speaker and cue that cost nothing: "“…,” Smith, 70, said"
_NEAR_QUOTE = 4  # tokens between cue and quote that cost nothing: "said on Monday that “…”"
_PER_TOKEN = 0.15  # each token further away
_PER_RIVAL = 0.3  # each other name in the speaker's sentence
_PER_SENTENCE_BACK = 0.2  # each sentence between a pronoun and its antecedent
_UNKEYED = 1.0  # the speaker is no person or organization of the article
_RELAYED = 1.0  # the words come second-hand
_GENDER = 1.0  # a pronoun's or title's gender agrees (for) or clashes (against)
_NOUN_CUE = 2.0  # a noun or naming-verb cue ("Trump's statement", "what X called"): no speech
_CLAUSE_BETWEEN = 2.0  # each clause with its own subject between quote and cue
_NOT_PERSONAL = 2.0  # a pronoun other than he or she ("it", "which", "my"): no gender checks it
_DETACHED = 1.5  # a speaker found by a wider search than the cue's own dependents
_PASSED_OVER = 1.5  # a pronoun's resolution passed over a nearer person as subject
_THROUGH_ROLE = 0.5  # "the mayor" keyed through the one person given that role (by hand)


def confidence(evidence: FoundEvidence, keyed: bool, through_role: bool = False) -> float:
    """How sure the finder can be of a quote's speaker (or of its having none), in [0, 1]:
    the path's prior, weighed by the clues (`Clues`), by whether the speaker is one of
    the article's entities (`keyed`) and whether it is so only through a role the article
    gives one person ("the mayor said": `described`)."""
    clues, path = evidence.clues, evidence.path
    prior = _PRIOR[path]
    score = math.log(prior / (1 - prior))
    if clues.speaker_gap is not None:
        score -= _PER_TOKEN * max(0, clues.speaker_gap - _NEAR_CUE)
    if clues.cue_gap is not None:
        score -= _PER_TOKEN * max(0, clues.cue_gap - _NEAR_QUOTE)
    score -= _PER_RIVAL * clues.rivals + _PER_SENTENCE_BACK * clues.sentences_back
    score += _GENDER * clues.gender
    score -= _UNKEYED * (path is not SpeakerPath.NONE and not keyed)
    score -= _RELAYED * (evidence.relay is not None)
    score -= _NOUN_CUE * clues.cue_noun + _CLAUSE_BETWEEN * clues.clauses_between
    score -= _NOT_PERSONAL * (path is SpeakerPath.PRONOUN and not clues.personal)
    score -= _DETACHED * (path in _CUE_PATHS and not clues.attached)
    score -= _PASSED_OVER * clues.passed_over
    score -= _THROUGH_ROLE * through_role
    return 1 / (1 + math.exp(-score))

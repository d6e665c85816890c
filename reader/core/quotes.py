"""The quote finder: a spaCy component that finds direct quotes and who said them.

Results live on the Doc: `doc.spans["quotes"]`, each span with extensions
`quote_fragments` (list of (start_char, end_char), marks excluded), `quote_speaker`
(the local Span naming the speaker, possibly a pronoun, or None), `quote_speaker_ref`
(the Span of the name that speaker refers to, or None) and `quote_cue` (Span or None).

How it works:

1. `find_quoted_runs` pairs double quotation marks in the raw text, paragraph by paragraph,
   judging each mark by the characters around it before its glyph (news text mixes curly and
   straight marks and gets them wrong). A quote whose paragraph ends open continues in the
   next paragraph when that one opens with the same mark (the newswire convention for long
   quotes); a paragraph opened by a mark that never closes is a block-quote marker, not a
   quote. Single marks are quotes only in headlines (`find_headline_quotes`), and a headline
   quote is kept only when it repeats a quote of the body, whose speaker it takes. A word or
   two in marks between the parts of a name (`Marcia “Cia” Price`) is a nickname, not a quote.
2. Each fragment gets a cue (a speech verb such as "said", a noun such as "statement",
   "according to", or "per" after the quote) from the dependency parse: a cue right before
   the opening mark, else one above the quote in the parse (the outermost: in `Holm said the
   ad “…” suggests`, the words are reported by Holm), else one right after the closing mark,
   else the nearest one before it in the sentence (over a paragraph break after a colon). A
   dash and a name after the quote sign it. The cue's subject (or agent, possessor, the
   object of "according to") is the local speaker; a passive cue with no agent has none,
   unless it reports a "saying" (`he was quoted as saying`).
3. Fragments are grouped into quotes: the next fragment in the paragraph with the same nearest
   cue, or with none of its own, belongs to the quote before it (`“…,” he said, “…”`). A quoted
   sentence or paragraph with no cue goes to the speaker of the quote or the sentence just
   before it; a partial quote with no cue to the subject of the clause it sits in (of the
   verb above, when that clause is its complement: `voters agreed that X is “…”`). Short
   capitalized stretches with no cue (titles, names of shows) are left out.
4. A pronoun speaker is resolved to a name: the latest named subject before it, skipping names
   inside quotes and names of the other gender (by title, or by the article's own pronouns).

`Quote.text` is the fragments joined with " … ", so a split quote reads as one.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from reader.core.model import Cue, Kind, Mention, Quote, Speaker

COMPONENT_NAME = "reader_quotes"
SPANS_KEY = "quotes"
FRAGMENT_JOINER = " … "

for _name in ("quote_fragments", "quote_speaker", "quote_speaker_ref", "quote_cue"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


# --- Pairing quotation marks in the raw text ------------------------------------------------

_DOUBLE_MARKS = '"“”„'
_OPENING_GLYPHS = "“„"
_CLOSING_GLYPHS = "”"
# Characters that may sit right outside a quote without being part of the sentence's words.
_BOUNDARY_BEFORE = set("([{—–-/\u00a0") | set(_DOUBLE_MARKS) | set("‘’'")
_BOUNDARY_AFTER = set(",.;:!?)]}—–-…\u00a0") | set(_DOUBLE_MARKS) | set("‘’'")
_HTML_TAG = re.compile(r"<[A-Za-z/][^<>\n]*>")


class _Role(Enum):
    OPEN = "open"
    CLOSE = "close"
    EITHER = "either"


@dataclass
class QuotedRun:
    """Text between paired marks; several fragments when the quote runs over paragraphs."""

    fragments: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = True


def _mark_pattern(doubled_apostrophes: bool) -> re.Pattern[str]:
    marks = f"[{re.escape(_DOUBLE_MARKS)}]"
    return re.compile(f"''|{marks}" if doubled_apostrophes else marks)


def _role(text: str, start: int, end: int) -> _Role:
    """Whether a mark opens or closes, from its surroundings first and its glyph second."""
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    if before == "\n":
        return _Role.OPEN
    open_left = before.isspace() or before in _BOUNDARY_BEFORE
    open_right = after.isspace() or after in _BOUNDARY_AFTER
    if open_left and not open_right:
        return _Role.OPEN
    if open_right and not open_left:
        return _Role.CLOSE
    glyph = text[start:end]
    if glyph in _OPENING_GLYPHS:
        return _Role.OPEN
    if glyph in _CLOSING_GLYPHS:
        return _Role.CLOSE
    return _Role.EITHER


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line, leading spaces left out."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            yield start + len(line) - len(line.lstrip()), end
        start = end + 1


def _opens_paragraph(text: str, start: int) -> bool:
    """Whether only marks and spaces stand between the paragraph's start and `start`."""
    index = start - 1
    while index >= 0 and (text[index] in _DOUBLE_MARKS or text[index] in "' \t\u00a0"):
        index -= 1
    return index < 0 or text[index] == "\n"


def find_quoted_runs(text: str, *, doubled_apostrophes: bool = False) -> list[QuotedRun]:
    """Pair the double quotation marks of `text`; never raises, whatever the marks.

    Marks inside HTML tags are ignored. A paragraph that ends inside a quote continues into the
    next one when that one starts with the same mark. Otherwise the opening mark was most likely
    a stray or a block-quote marker: the marks after it are paired afresh, and when there are
    none the rest of the paragraph is kept as a quote flagged as not closed.
    """
    pattern = _mark_pattern(doubled_apostrophes)
    tags = [(m.start(), m.end()) for m in _HTML_TAG.finditer(text)]

    def marks(start: int, end: int) -> list[re.Match[str]]:
        found = pattern.finditer(text, start, end)
        return [m for m in found if not any(s <= m.start() < e for s, e in tags)]

    paragraphs = list(_paragraphs(text))
    runs: list[QuotedRun] = []
    carried: QuotedRun | None = None
    carried_glyph = ""
    for index, (par_start, par_end) in enumerate(paragraphs):
        region_start = par_start
        while True:
            pairs, open_mark = _pair(text, marks(region_start, par_end), carried is not None)
            for fragment_start, fragment_end in pairs:
                run = carried or QuotedRun()
                carried = None
                fragment = _trimmed(text, fragment_start, fragment_end)
                if fragment:
                    run.fragments.append(fragment)
                if run.fragments:
                    runs.append(run)
            if open_mark is None:
                carried = None
                break
            run = carried or QuotedRun()
            glyph = carried_glyph if carried is not None else open_mark.group()
            fragment = _trimmed(text, open_mark.end(), par_end)
            following = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
            if following is not None and text.startswith(glyph, following):
                if fragment:
                    run.fragments.append(fragment)
                carried, carried_glyph = run, glyph
                break
            carried = None
            if run.fragments or marks(open_mark.end(), par_end):
                if run.fragments:
                    run.closed = False
                    runs.append(run)
                region_start = open_mark.end()
                continue
            if fragment:
                runs.append(QuotedRun([fragment], closed=False))
            break
    return runs


def _pair(
    text: str, marks: list[re.Match[str]], continuing: bool
) -> tuple[list[tuple[int, int]], re.Match[str] | None]:
    """Pair marks of one paragraph: the quoted stretches, and the mark left open at its end."""
    pairs: list[tuple[int, int]] = []
    open_mark: re.Match[str] | None = None
    nested = False
    for index, mark in enumerate(marks):
        role = _role(text, mark.start(), mark.end())
        if continuing and index == 0:
            open_mark = mark
        elif open_mark is None:
            if role is not _Role.CLOSE:
                open_mark = mark
        elif not nested:
            if role is _Role.OPEN:
                nested = True
            else:
                pairs.append((open_mark.end(), mark.start()))
                open_mark = None
        elif role is not _Role.OPEN:
            nested = False
    return pairs, open_mark


# --- Cues and speakers from the parse -------------------------------------------------------

# Lemmas of the verbs and nouns that report speech ("said", "according to" is handled apart).
_SPEECH_VERB_WORDS = """
say tell add ask write tweet post state declare announce explain note argue claim insist contend
assert maintain warn predict suggest reply respond answer continue conclude recall admit
acknowledge concede complain joke quip shout yell scream exclaim whisper mutter chant sing read
describe call label dub term brand characterize praise criticize slam blast accuse charge urge
demand promise pledge vow threaten report reveal disclose confirm deny mock boast brag lament
observe remark comment mention emphasize stress testify email text recount repeat reiterate wonder
muse hint caution advise counter retort rebut dismiss proclaim decry denounce condemn hail tout
tease chide scold rail rant cite quote"""
SPEECH_VERBS = frozenset(_SPEECH_VERB_WORDS.split())
_SPEECH_NOUN_WORDS = """
statement claim remark comment words tweet message assertion warning declaration promise pledge
reply response answer"""
SPEECH_NOUNS = frozenset(_SPEECH_NOUN_WORDS.split())
_SUBJECTS = ("nsubj", "nsubjpass")
_NON_FINITE_LINKS = ("advcl", "xcomp", "conj", "acl", "pcomp", "ccomp")
# Clauses that, given a subject of their own, report nothing of the clause above them.
_SEPARATE_CLAUSES = ("conj",)
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
_SPEAKER_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_SENTENCE_END = frozenset({".", "?", "!"})
_DASH_CHARS = "—–―-"
_LONGEST_SIGNATURE = 6
_LONGEST_SPEAKER_PHRASE = 8
_LONGEST_APPOSITION = 15
_ATTRIBUTION_WINDOW = 30
_SENTENCES_SEARCHED_FOR_ANTECEDENT = 8
_PRONOUN_GENDERS = {
    **dict.fromkeys(("he", "him", "his", "himself"), "he"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "she"),
}
_GENDER_MARGIN = 2  # a gender is settled by twice as many votes as the other has
_TITLES_OF_HE = frozenset({"mr.", "mr"})
_TITLES_OF_SHE = frozenset({"mrs.", "mrs", "ms.", "ms", "miss"})


def _is_cue(token: Token) -> bool:
    """Whether the token reports speech: "according", a speech verb or a speech noun."""
    if token.lower_ == "according":
        return True
    if token.lower_ == "per":
        return _is_sourcing_per(token)
    if token.pos_ in ("VERB", "AUX"):
        lemma = token.lemma_.lower()
        if _is_negated(token) or token.head.lemma_ == "decline":
            return False  # "did not comment", "declined to comment": no words to report
        return lemma in SPEECH_VERBS or (lemma == "put" and _puts_it(token))
    if token.pos_ == "NOUN":
        return token.lemma_.lower() in SPEECH_NOUNS
    return False


def _is_sourcing_per(token: Token) -> bool:
    """`“…,” per the party's bylaws`: "per" after a comma or a quote names a source, unlike
    the "per" of "$10 per hour"."""
    before = token.doc[token.i - 1].text if token.i > 0 else "\n"
    return (before == "," or _is_mark(token.doc[token.i - 1]) or "\n" in before) and any(
        c.dep_ == "pobj" for c in token.children
    )


def _is_negated(verb: Token) -> bool:
    """`did not comment`: a negation right before the verb (not a quoted "not" the parser
    hangs from it, as in `“Probably not,” Moore said`)."""
    return any(c.dep_ == "neg" and verb.i - 3 < c.i < verb.i for c in verb.children)


def _puts_it(verb: Token) -> bool:
    """`as a memo put it`, `He put it bluntly`: "put" with "it" as its object reports words."""
    return any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)


def _calls_on(verb: Token) -> bool:
    """`Schiff called on Obama to act against meddling the congressman said is “…”`: a demand,
    which does not report the words of a cue below it."""
    return verb.lemma_.lower() == "call" and any(c.lower_ == "on" for c in verb.children)


def _cue_span(cue: Token) -> Span:
    if cue.lower_ == "according" and cue.i + 1 < len(cue.doc):
        return cue.doc[cue.i : cue.i + 2]
    return cue.doc[cue.i : cue.i + 1]


def _object_of(preposition: Token) -> Token | None:
    return next((c for c in preposition.children if c.dep_ == "pobj"), None)


def _object_after_according(to: Token) -> Token | None:
    """The object of "according to"; when the parser makes a verb of a noun in it (`according
    to show insiders`), the last noun of the phrase after "to"."""
    found = _object_of(to)
    if found is not None and found.pos_ != "VERB":
        return found
    last = None
    for token in to.doc[to.i + 1 : to.right_edge.i + 1]:
        if token.is_punct:
            break
        if token.pos_ in ("NOUN", "PROPN"):
            last = token
    return last or found


def _expanded_name(token: Token) -> Span:
    """The whole name a token belongs to: its entity, else the token with its compounds."""
    doc = token.doc
    if token.ent_iob_ != "O":
        start = token.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = token.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return doc[start:end]
    start = token.i
    for child in reversed(list(token.lefts)):
        if child.dep_ in ("compound", "flat") and child.i == start - 1:
            start = child.i
    return doc[start : token.i + 1]


def _is_subject(token: Token) -> bool:
    return token.dep_ in _SUBJECTS


def _genders(doc: Doc, quoted: list[bool]) -> dict[str, str]:
    """Each surname's gender as far as the article settles it, "he" or "she": the pronouns
    outside quotes in sentences whose only name is that person's, as subject (`Warren said
    she …`)."""
    votes: dict[str, Counter[str]] = {}
    for sentence in doc.sents:
        people = {}
        pronouns: Counter[str] = Counter()
        for token in sentence:
            if quoted[token.i]:
                continue
            if token.ent_type_ in ("PERSON", "ORG") and token.ent_iob_ == "B":
                name = _expanded_name(token)  # an ORG too: the small model tags people so
                people[name[-1].lower_] = name.root
            elif token.lower_ in _PRONOUN_GENDERS and people:
                pronouns[_PRONOUN_GENDERS[token.lower_]] += 1
        if len(people) == 1 and len(pronouns) == 1:
            surname, root = people.popitem()
            if _is_subject(root) and root.ent_type_ == "PERSON":
                votes.setdefault(surname, Counter()).update(pronouns)
    return {
        surname: gender
        for surname, counts in votes.items()
        for gender, count in counts.most_common(1)
        if count > _GENDER_MARGIN * (sum(counts.values()) - count)
    }


def _antecedent(pronoun: Token, quoted: list[bool], genders: dict[str, str]) -> Span | None:
    """The name a speaker pronoun stands for: the latest named subject of a fitting kind.

    Subjects are preferred to nearer names because news prose keeps its speaker as the subject
    ("Tillerson said he discussed it with Lavrov: ..." is still Tillerson's). Names inside quotes
    are not candidates, nor names whose title or pronouns elsewhere give the other gender.
    """
    lower = pronoun.lower_
    if lower in _RELATIVE_PRONOUNS:
        return _expanded_name(pronoun.head.head) if pronoun.head.dep_ == "relcl" else None
    wanted = ("PERSON",) if lower in _PERSONAL_PRONOUNS else ("ORG", "GPE", "NORP", "PERSON")
    gender = _PRONOUN_GENDERS.get(lower)
    other_titles = {"he": _TITLES_OF_SHE, "she": _TITLES_OF_HE}.get(gender or "", ())
    doc = pronoun.doc
    sentence = pronoun.sent
    end = pronoun.i
    for _ in range(_SENTENCES_SEARCHED_FOR_ANTECEDENT):
        named = [
            t
            for t in doc[sentence.start : end]
            if t.ent_type_ in wanted
            and not quoted[t.i]
            and _title_of(_expanded_name(t)) not in other_titles
            and genders.get(_expanded_name(t)[-1].lower_, gender) == gender
        ]
        subjects = [t for t in named if _is_subject(t) or _is_subject(t.head)]
        if subjects:
            return _expanded_name(min(subjects, key=lambda t: (len(list(t.ancestors)), t.i)))
        if named:
            return _expanded_name(named[-1])
        if sentence.start == 0:
            return None
        sentence = doc[sentence.start - 1].sent
        end = sentence.end
    return None


def _title_of(name: Span) -> str:
    """The honorific in or just before a name ("Mr.", "Ms."), lowercased, or ""."""
    first = name[0]
    if first.lower_ in _TITLES_OF_HE or first.lower_ in _TITLES_OF_SHE:
        return first.lower_
    return name.doc[name.start - 1].lower_ if name.start > 0 else ""


def _speaker_ref(speaker: Span, quoted: list[bool], genders: dict[str, str]) -> Span | None:
    """The name a local speaker stands for: a pronoun's antecedent, or the speaker's own name."""
    root = speaker.root
    if root.pos_ == "PRON":
        return _antecedent(root, quoted, genders)
    return _expanded_name(root) if root.ent_type_ else None


@dataclass
class _Fragment:
    """One quoted stretch with what attributes it."""

    start: int
    end: int
    tokens: Span
    run: int
    paragraph: int
    starts_paragraph: bool
    ends_with_full_stop: bool
    cue: Span | None = None
    speaker: Span | None = None
    local_cue: Token | None = None  # the nearest cue, which tells the parts of a quote apart


@dataclass
class _Group:
    fragments: list[_Fragment]
    cue: Span | None
    speaker: Span | None
    local_cue: Token | None = None


class _Attributor:
    """Finds cues and speakers in one parsed Doc whose quoted tokens are known."""

    def __init__(self, doc: Doc, fragments: list[_Fragment]) -> None:
        self.doc = doc
        self.text = doc.text
        self.quoted = [False] * len(doc)
        for fragment in fragments:
            for token in fragment.tokens:
                self.quoted[token.i] = True

    def paragraph_break(self, first: Token, second: Token) -> bool:
        """Whether a line break stands between the two tokens."""
        low, high = sorted((first.idx, second.idx))
        return "\n" in self.text[low:high]

    def attribute(self, fragment: _Fragment) -> None:
        """Set the fragment's own cue and speaker, if it has any."""
        nearest = cue = self._cue_right_before(fragment)
        if cue is None:
            nearest, cue = self._governing_cues(fragment) or (None, None)
        if cue is None:
            nearest = cue = self._according_above(fragment)
        if cue is None:
            nearest = cue = self._cue_after(fragment) or self._cue_before(fragment)
        if cue is None:
            fragment.speaker = self._signature(fragment)
            return
        fragment.local_cue = nearest
        fragment.cue = _cue_span(cue)
        speaker = self._speaker_of(cue)
        if speaker is None and cue.i >= fragment.tokens.end:
            speaker = self._name_between(fragment.tokens.end, cue.i)
        if speaker is not None and not self.quoted[speaker.i]:
            fragment.speaker = self.speaker_span(speaker)

    def _name_between(self, start: int, end: int) -> Token | None:
        """A name between a quote and its cue, for `“…,” Tulsa police Chief Jordan said`,
        which the parser may leave without a subject."""
        names = [t for t in self.doc[start:end] if t.ent_type_ in ("PERSON", "ORG")]
        if not names:
            return None
        people = [t for t in names if t.ent_type_ == "PERSON"]
        return (people or names)[-1]

    def speaker_span(self, token: Token) -> Span:
        """The local mention: a name, a noun phrase such as "the commission", or a pronoun."""
        if token.pos_ == "PRON" or token.ent_iob_ != "O":
            return _expanded_name(token)
        start = token.left_edge.i
        for word in self.doc[start : token.i]:
            if word.pos_ in ("PUNCT", "CCONJ", "SCONJ"):
                start = word.i + 1  # keep "the newspaper", not "…, while the newspaper"
        phrase = self.doc[start : token.i + 1]
        if (
            len(phrase) <= _LONGEST_SPEAKER_PHRASE
            and not any(self.quoted[t.i] for t in phrase)
            and not self.paragraph_break(phrase[0], token)
        ):
            return phrase
        return _expanded_name(token)

    def _quote_roots(self, fragment: _Fragment) -> list[Token]:
        """The fragment's tokens whose heads lie outside it: where the parse hangs the quote
        from the words around it."""
        tokens = fragment.tokens
        return [t for t in tokens if not tokens.start <= t.head.i < tokens.end or t.head.i == t.i]

    def _cue_right_before(self, fragment: _Fragment) -> Token | None:
        """`saying, “…”` or `said: “…”`: a cue just before the opening mark wins over the parse,
        which may hang the quote from a verb further away."""
        index = fragment.tokens.start - 1
        while index >= 0 and (_is_mark(self.doc[index]) or self.doc[index].text in (",", ":")):
            index -= 1
        if index < 0 or self.quoted[index] or not _is_cue(self.doc[index]):
            return None
        return self.doc[index]

    def _governing_cues(self, fragment: _Fragment) -> tuple[Token, Token] | None:
        """The nearest and the outermost speech verb (or noun) above the quote in the parse:
        `said that “…”`; `Holm said the ad “…” suggests …` (Holm's, as the outer cue says).
        The climb stops at a coordinated clause with a subject of its own: in `Ortiz said …,
        but her deputy said that “…”` the quote is the deputy's.

        A quote that ends its sentence with a full stop is not attributed by a verb after it:
        that verb belongs to the next sentence, which the parser sometimes runs into this one.
        """
        for root in self._quote_roots(fragment):
            cues = []
            for head in self._ancestors_in_paragraph(root):
                if (
                    not self.quoted[head.i]
                    and not (fragment.ends_with_full_stop and head.i >= fragment.tokens.end)
                    and _is_cue(head)
                ):
                    cues.append(head)
                if head.dep_ in _SEPARATE_CLAUSES and self.subject_of(head, passive=True):
                    break
            if cues:
                outer = [c for c in cues[1:] if not _calls_on(c)] or cues[:1]
                return cues[0], outer[-1]
        return None

    def _according_above(self, fragment: _Fragment) -> Token | None:
        """`According to the complaint, the developers ran a “fraudulent scheme”`: an
        "according to" that modifies a clause the quote sits in attributes the quote."""
        for root in self._quote_roots(fragment):
            for head in self._ancestors_in_paragraph(root):
                if self.quoted[head.i]:
                    continue
                for child in head.children:
                    if child.lower_ == "according" and not self.quoted[child.i]:
                        return child
        return None

    def _ancestors_in_paragraph(self, token: Token) -> Iterator[Token]:
        for head in token.ancestors:
            if self.paragraph_break(head, token):
                return
            yield head

    def _cue_after(self, fragment: _Fragment) -> Token | None:
        """`“…,” Smith said`: a cue right after the closing mark, past nothing but the speaker.

        Another verb or a conjunction on the way means the words after the quote are a clause
        of their own (`“…,” while 73 percent said`), not its attribution; but an "as" right
        after the quote introduces one (`“…,” as a memo put it`).
        """
        if fragment.ends_with_full_stop:
            return None
        end = fragment.tokens.end
        words = 0
        for token in self.doc[end : end + _ATTRIBUTION_WINDOW]:
            if self.quoted[token.i] or "\n" in token.text or token.text in _SENTENCE_END:
                return None
            if _is_cue(token):
                return token
            first_as = words == 0 and token.lower_ == "as"
            if token.ent_iob_ == "O" and token.pos_ in ("VERB", "CCONJ", "SCONJ") and not first_as:
                return None
            words += not token.is_punct
        return None

    def _cue_before(self, fragment: _Fragment) -> Token | None:
        """`Smith said: “…”` or `Smith told Jones that “…”`: the nearest cue before the quote.

        The search stops at the previous quote or sentence end, but a colon reaches back over
        a paragraph break to the sentence it ends (`He said:` above a quoted paragraph).
        """
        doc = self.doc
        index = self._word_before(fragment)
        after_colon = index >= 0 and doc[index].text == ":"
        lowest = max(0, fragment.tokens.start - _ATTRIBUTION_WINDOW)
        while index >= lowest:
            token = doc[index]
            if self.quoted[index] or token.text in _SENTENCE_END:
                return None
            if "\n" in token.text and not after_colon:
                return None
            if _is_cue(token):
                return token
            index -= 1
        return None

    def _signature(self, fragment: _Fragment) -> Span | None:
        """`“…” — Smith`: a name after a dash that follows the closing mark, to the line end."""
        text = self.text
        index = fragment.end
        while index < len(text) and (text[index] in _DOUBLE_MARKS or text[index] in ".,\u00a0 "):
            index += 1
        if index >= len(text) or text[index] not in _DASH_CHARS:
            return None
        line_end = text.find("\n", index)
        line_end = len(text) if line_end < 0 else line_end
        name = self.doc.char_span(index + 1, line_end, alignment_mode="expand")
        if name is None:
            return None
        words = [t for t in name if t.is_alpha and t.text not in _DASH_CHARS]
        if not words or len(words) > _LONGEST_SIGNATURE or any(self.quoted[t.i] for t in words):
            return None
        return self.doc[words[0].i : words[-1].i + 1]

    def _speaker_of(self, cue: Token) -> Token | None:
        """The token naming who speaks through `cue`: its subject, agent or possessor."""
        if cue.lower_ == "per":
            return _object_of(cue)
        if cue.lower_ == "according":
            to = next((c for c in cue.children if c.lower_ == "to"), None)
            return _object_after_according(to) if to is not None else None
        if cue.pos_ == "NOUN":
            owner = next((c for c in cue.children if c.dep_ == "poss"), None)
            by = next((c for c in cue.children if c.lower_ in ("by", "from")), None)
            if owner is None and by is not None:
                owner = _object_of(by)
            return owner or self._subject_above(cue)  # "made the following comment: “…”"
        subject = self.subject_of(cue)
        if subject is not None:
            if any(c.lower_ == "what" for c in cue.children):
                return self._subject_above(cue) or subject  # "condemned what he called “…”"
            if _stands_for_a_thing(subject):
                return self._subject_above(cue.head) or subject  # "He released a letter that says"
            return subject
        if _reports_saying(cue):
            return self.subject_of(cue, passive=True)  # "Marsh was quoted as saying “…”"
        agent = next((c for c in cue.children if c.dep_ == "agent"), None)
        if agent is not None:
            return _object_of(agent)
        if _is_passive(cue):
            return None  # "it is criticized as a “…” approach": by no one named
        if _is_named_clause(cue):
            return cue.head  # "footage of Clinton saying “…”"
        before = self.doc[cue.i - 1] if cue.i > 0 else cue
        if cue.tag_ == "VBG" and before.ent_type_ in ("PERSON", "ORG"):
            return before  # the same, parsed as the object of "footage"
        if cue.head.ent_type_ == "PERSON" and cue.i < cue.head.i:
            return cue.head  # "Said Ellis: “…”", parsed as a compound
        named = [c for c in cue.children if c.ent_type_ == "PERSON" and not self.quoted[c.i]]
        if named:
            return named[0]  # "Said Ellis: “…”", which the parser leaves without a subject
        if cue.dep_ in _NON_FINITE_LINKS:
            return self._subject_above(cue, prefer_names=cue.tag_ == "VBG")
        if cue.tag_ in _FINITE_TAGS:
            return self._name_before(cue)
        return None

    def _name_before(self, verb: Token) -> Token | None:
        """The name just before a finite verb the parser left without a subject, past adverbs
        and an apposition in commas: `When …, Murphy and Lopez call it “…”`; `Marc Hale, the
        head of the league, forcefully told …`."""
        doc = self.doc
        index = verb.i - 1
        while index >= 0 and doc[index].pos_ == "ADV":
            index -= 1
        if index > 0 and doc[index].text == ",":
            opening = index - 1
            lowest = max(0, index - _LONGEST_APPOSITION)
            while opening > lowest and doc[opening].text != "," and "\n" not in doc[opening].text:
                opening -= 1
            index = opening - 1 if doc[opening].text == "," else -1
        if index < 0 or self.quoted[index] or not _names_someone(doc[index]):
            return None
        return doc[index]

    def _subject_above(self, token: Token, *, prefer_names: bool = False) -> Token | None:
        """The subject of the nearest clause above `token`; with `prefer_names`, passing over
        plain nouns for a name higher up (`Ryabkov hinted retaliation could come, saying “…”`).
        """
        first = None
        for head in token.ancestors:
            if self.paragraph_break(head, token):
                break
            if _is_named_clause(head):
                return head.head
            subject = self.subject_of(head, passive=True)
            if subject is None:
                continue
            if not prefer_names or subject.ent_type_ in _SPEAKER_ENTITY_TYPES:
                return subject
            first = first or subject
        return first

    def subject_of(self, verb: Token, *, passive: bool = False) -> Token | None:
        """The verb's subject in its own paragraph (the parser runs sentences over paragraph
        breaks, so a dateline can pose as one), an apposed name preferred to a plain noun (but
        not to a proper noun the entity tagger missed: `Marsh, a Republican, told`)."""
        dependencies = _SUBJECTS if passive else ("nsubj",)
        subjects = [
            c
            for c in verb.children
            if c.dep_ in dependencies and not self.quoted[c.i] and not self.paragraph_break(c, verb)
        ]
        if not subjects:
            return None
        subject = min(subjects, key=lambda c: abs(c.i - verb.i))
        if subject.ent_type_ not in _SPEAKER_ENTITY_TYPES and subject.pos_ not in ("PRON", "PROPN"):
            named = [c for c in subject.children if c.dep_ == "appos" and c.ent_type_]
            if named:
                return named[0]
        return subject

    def nearest_subject(self, fragment: _Fragment) -> Token | None:
        """The subject of the nearest clause above a partial quote: `Reid called him a “con”`;
        of a clause that is the complement of a verb, that verb's subject, whose view the clause
        gives (`Most voters agreed that Smith is “fit to serve”`)."""
        for root in self._quote_roots(fragment):
            subject = self._subject_above(root)
            if subject is None:
                continue
            while subject.head.dep_ == "ccomp":
                holder = self._subject_above(subject.head)
                if holder is None:
                    break
                subject = holder
            return subject
        return None

    def _word_before(self, fragment: _Fragment) -> int:
        """The index of the last token before the fragment's opening mark, or -1."""
        index = fragment.tokens.start - 1
        while index >= 0 and (_is_mark(self.doc[index]) or self.doc[index].is_space):
            index -= 1
        return index

    def starts_sentence(self, fragment: _Fragment) -> bool:
        """Whether the fragment opens a paragraph or a sentence, rather than sitting inside one."""
        if fragment.starts_paragraph:
            return True
        index = self._word_before(fragment)
        return index < 0 or self.doc[index].text in _SENTENCE_END

    def sentence_before(self, fragment: _Fragment) -> Span | None:
        """The words of the sentence before the fragment's opening mark."""
        index = self._word_before(fragment)
        if index < 0:
            return None
        sentence = self.doc[index].sent
        return self.doc[sentence.start : index + 1]

    def _root_subject(self, sentence: Span) -> Token | None:
        """The subject (active or passive) of the sentence's main verb, if the parse gives one."""
        root = sentence.root
        return self.subject_of(root, passive=True) if root.head.i == root.i else None

    def named_root_subject(self, sentence: Span) -> Span | None:
        """The sentence's subject when it is a person or an organization."""
        subject = self._root_subject(sentence)
        if subject is None or subject.ent_type_ not in ("PERSON", "ORG"):
            return None
        return self.speaker_span(subject)

    def speaker_before(self, fragment: _Fragment) -> Span | None:
        """Who the sentence before a cue-less quoted sentence has speak, or is about."""
        sentence = self.sentence_before(fragment)
        if sentence is None:
            return None
        for token in reversed(sentence):
            if not self.quoted[token.i] and _is_cue(token):
                speaker = self._speaker_of(token)
                if speaker is not None and not self.quoted[speaker.i]:
                    return self.speaker_span(speaker)
        subject = self._root_subject(sentence)
        if subject is None:
            return None
        if subject.ent_type_ in ("PERSON", "ORG") or subject.lower_ in _PERSONAL_PRONOUNS:
            return self.speaker_span(subject)
        return None


def _stands_for_a_thing(subject: Token) -> bool:
    """A relative pronoun for an object that names no one: `He released a letter that says`;
    the one who speaks is then the subject above."""
    if subject.lower_ not in ("that", "which") or subject.head.dep_ != "relcl":
        return False
    antecedent = subject.head.head
    return antecedent.ent_type_ not in _SPEAKER_ENTITY_TYPES and not _is_subject(antecedent)


def _names_someone(token: Token) -> bool:
    """A person or organization, or a proper noun the entity tagger missed."""
    return token.ent_type_ in ("PERSON", "ORG") or (token.pos_ == "PROPN" and not token.ent_type_)


def _reports_saying(verb: Token) -> bool:
    """`was quoted as saying`, `was heard saying`: a passive verb over a "saying" whose
    speaker is the passive subject, not the unnamed one who quoted or heard."""
    return _is_passive(verb) and any(
        word.tag_ == "VBG" and _is_cue(word)
        for child in verb.children
        for word in (child, *child.children)
    )


def _is_passive(verb: Token) -> bool:
    """`it was labeled “Mostly True”`: the subject is what the quote is about, not its source."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _is_named_clause(verb: Token) -> bool:
    """`Kall, the director, compared …`: a clause the parser hangs from a name, not a verb."""
    return verb.dep_ == "acl" and verb.head.pos_ == "PROPN" and verb.head.ent_type_ == "PERSON"


def _is_mark(token: Token) -> bool:
    """A token made only of double quotation marks or straight apostrophes."""
    return all(c in _DOUBLE_MARKS or c == "'" for c in token.text)


# --- The component --------------------------------------------------------------------------


@Language.factory(
    COMPONENT_NAME,
    default_config={"doubled_apostrophes": False},
)
def make_quote_finder(nlp: Language, name: str, doubled_apostrophes: bool) -> QuoteFinder:
    return QuoteFinder(doubled_apostrophes=doubled_apostrophes)


class QuoteFinder:
    """Finds direct quotes and their speakers, see the module docstring.

    `doubled_apostrophes` also reads '' as a quotation mark, as some newspaper archives print
    quotes. It is off by default: the evaluation data does not count such stretches as quotes.
    """

    def __init__(self, *, doubled_apostrophes: bool = False) -> None:
        self.doubled_apostrophes = doubled_apostrophes

    def __call__(self, doc: Doc) -> Doc:
        fragments = self._fragments(doc)
        if doc.has_annotation("DEP"):
            attributor = _Attributor(doc, fragments)
            groups, quoted = _attributed_groups(doc, fragments, attributor), attributor.quoted
        else:  # no parser in the pipeline: quotes without speakers
            groups, quoted = _groups_by_run(fragments), []
        doc.spans[SPANS_KEY] = _quote_spans(doc, groups, quoted)
        return doc

    def _fragments(self, doc: Doc) -> list[_Fragment]:
        """The quoted stretches with their tokens, run and paragraph, in text order."""
        text = doc.text
        paragraph_starts = [start for start, _ in _paragraphs(text)]
        fragments = []
        runs = find_quoted_runs(text, doubled_apostrophes=self.doubled_apostrophes)
        for run_index, run in enumerate(runs):
            if not run.closed and _opens_paragraph(text, run.fragments[0][0]):
                continue  # a block-quote marker, as some sites put before excerpts
            if len(run.fragments) == 1 and _is_nickname(doc, *run.fragments[0]):
                continue
            for start, end in run.fragments:
                tokens = doc.char_span(start, end, alignment_mode="expand")
                if tokens is None or len(tokens) == 0:
                    continue
                paragraph = bisect.bisect_right(paragraph_starts, start)
                fragments.append(
                    _Fragment(
                        start,
                        end,
                        tokens,
                        run_index,
                        paragraph,
                        starts_paragraph=_opens_paragraph(text, start),
                        ends_with_full_stop=text[end - 1] == ".",
                    )
                )
        return fragments


_NAME_PART = re.compile(r"[A-Z][a-z]+")
_LONGEST_NICKNAME = 2


def _is_nickname(doc: Doc, start: int, end: int) -> bool:
    """`Del. Marcia “Cia” Price`: a word or two in marks between the parts of a name is a
    nickname, not a quote, and the name around it still reaches the cue after it."""
    text = doc.text
    words = _WORD.findall(text[start:end])
    if not 0 < len(words) <= _LONGEST_NICKNAME or not all(w[0].isupper() for w in words):
        return False
    before = re.search(r"(\w+) [^\s\w]$", text[max(0, start - 30) : start])
    after = re.match(r"[^\s\w] (\w+)", text[end : end + 30])
    if not (before and after):
        return False
    if not (_NAME_PART.fullmatch(before.group(1)) and _NAME_PART.fullmatch(after.group(1))):
        return False
    name = doc.char_span(start - len(before.group(0)), start - 2, alignment_mode="expand")
    return name is not None and name[-1].pos_ == "PROPN"


def _attributed_groups(
    doc: Doc, fragments: list[_Fragment], attributor: _Attributor
) -> list[_Group]:
    """The quotes with their cues and speakers: cue-less titles left out, headline quotes added."""
    for fragment in fragments:
        attributor.attribute(fragment)
    groups = [
        group
        for group in _groups(fragments, attributor)
        if group.cue is not None
        or len(group.fragments) > 1
        or not _looks_like_title(group.fragments[0].tokens.text)
    ]
    return groups + _headline_groups(doc, groups)


def _quote_spans(doc: Doc, groups: list[_Group], quoted: list[bool]) -> list[Span]:
    """A span per quote in text order, with the extensions the module docstring lists."""
    spans = []
    genders = None  # computed only when some quote has a speaker
    for group in sorted(groups, key=lambda g: g.fragments[0].start):
        first, last = group.fragments[0], group.fragments[-1]
        span = doc.char_span(first.start, last.end, alignment_mode="expand")
        if span is None:
            continue
        span._.quote_fragments = [(f.start, f.end) for f in group.fragments]
        span._.quote_cue = group.cue
        span._.quote_speaker = group.speaker
        if group.speaker is not None:
            if genders is None:
                genders = _genders(doc, quoted)
            span._.quote_speaker_ref = _speaker_ref(group.speaker, quoted, genders)
        spans.append(span)
    return spans


# --- Grouping fragments into quotes ---------------------------------------------------------


_TITLE_SMALL_WORDS = frozenset(
    ["a", "an", "the", "of", "and", "or", "in", "on", "at", "for", "to", "with"]
)
_LONGEST_TITLE = 6
_WORD = re.compile(r"[\w’'-]+")


def _looks_like_title(text: str) -> bool:
    """`his “Keepin' It Real” radio program`: a few capitalized words, a name not a quote."""
    words = _WORD.findall(text)
    return (
        0 < len(words) <= _LONGEST_TITLE
        and not text.rstrip().endswith(("?", "!"))
        and all(w[0].isupper() or w[0].isdigit() or w in _TITLE_SMALL_WORDS for w in words)
    )


def _groups_by_run(fragments: list[_Fragment]) -> list[_Group]:
    """Quotes without a parse: one per quoted run, with no cue or speaker."""
    groups: list[_Group] = []
    for fragment in fragments:
        if groups and groups[-1].fragments[-1].run == fragment.run:
            groups[-1].fragments.append(fragment)
        else:
            groups.append(_Group([fragment], None, None))
    return groups


def _groups(fragments: list[_Fragment], attributor: _Attributor) -> list[_Group]:
    """Fragments joined into quotes, each with a speaker where one can be found."""
    groups: list[_Group] = []
    for fragment in fragments:
        previous = groups[-1] if groups else None
        if previous is not None and _continues(previous, fragment):
            previous.fragments.append(fragment)
            if previous.cue is None and fragment.cue is not None:
                previous.cue, previous.speaker = fragment.cue, fragment.speaker
                previous.local_cue = fragment.local_cue
            elif previous.cue is None and fragment.speaker is not None:
                previous.speaker = fragment.speaker  # signed at the end of the paragraph
            continue
        group = _Group([fragment], fragment.cue, fragment.speaker, fragment.local_cue)
        if group.cue is None and group.speaker is None and attributor.starts_sentence(fragment):
            group.speaker = _carried_speaker(fragment, previous, attributor)
        if group.speaker is None and (group.cue is None or not _is_passive(group.cue.root)):
            subject = attributor.nearest_subject(fragment)
            group.speaker = attributor.speaker_span(subject) if subject is not None else None
        groups.append(group)
    return groups


def _continues(group: _Group, fragment: _Fragment) -> bool:
    """Whether a fragment belongs to the quote before it (`“…,” he said, “…”`)."""
    last = group.fragments[-1]
    if fragment.run == last.run:
        return True
    if fragment.paragraph != last.paragraph:
        return False
    if group.cue is None and fragment.cue is None and fragment.speaker is not None:
        return True  # a signature after the paragraph's last quote signs all of them
    if fragment.cue is None and fragment.speaker is None:
        return group.cue is not None or last.tokens.sent == fragment.tokens.sent
    return group.local_cue is not None and fragment.local_cue == group.local_cue


def _carried_speaker(
    fragment: _Fragment, previous: _Group | None, attributor: _Attributor
) -> Span | None:
    """Who speaks in a quoted sentence or paragraph with no cue: the speaker of a quote in
    the sentence before, else whoever that sentence has speak or is about."""
    sentence = attributor.sentence_before(fragment)
    if previous is not None and previous.speaker is not None and sentence is not None:
        last = previous.fragments[-1]
        if sentence.start <= last.tokens.start < sentence.end:
            named = attributor.named_root_subject(sentence)
            if previous.speaker.root.pos_ == "PRON" and named is not None:
                return named  # "Though she called it “…”, Clinton said …" then a quote
            return previous.speaker
    return attributor.speaker_before(fragment)


# --- Quotes in headlines --------------------------------------------------------------------


_LONGEST_HEADLINE = 15
_HEADLINE_QUOTE = re.compile(
    r"(?:^|(?<=[\s(\[—–-]))"  # opens after a space, a bracket or a dash
    r"[‘']([^‘\n]*?\w[.!?]?)[’']"  # the first mark that can close: not the one in "We’re"
    r"(?=$|[\s.,:;!?)\]—–-])",  # closes before a space or punctuation
    re.MULTILINE,
)


def find_headline_quotes(text: str) -> list[tuple[int, int]]:
    """Stretches in single quotation marks in heading-like lines (short, no final full stop):
    `‘We have our differences’`. Elsewhere single marks are apostrophes or quotes in quotes.
    """
    found = []
    for start, end in _paragraphs(text):
        line = text[start:end].rstrip()
        if (
            len(line.split()) > _LONGEST_HEADLINE
            or line.rstrip("’'").endswith((".", ":", ";", ","))
            or any(mark in line for mark in _DOUBLE_MARKS)
        ):
            continue
        for match in _HEADLINE_QUOTE.finditer(text, start, start + len(line)):
            found.append((match.start(1), match.end(1)))
    return found


def _headline_groups(doc: Doc, groups: list[_Group]) -> list[_Group]:
    """Headline quotes that repeat a quote of the body, with that quote's speaker.

    A headline quote with no such quote in the body is left out: nobody can be named for it.
    """
    text = doc.text
    found = []
    for start, end in find_headline_quotes(text):
        words = _WORD.findall(text[start:end].casefold())
        for group in groups:
            body = _WORD.findall(" ".join(f.tokens.text for f in group.fragments).casefold())
            if group.speaker is not None and _contains_run(body, words):
                tokens = doc.char_span(start, end, alignment_mode="expand")
                if tokens is not None:
                    fragment = _Fragment(
                        start,
                        end,
                        tokens,
                        run=-1,
                        paragraph=-1,
                        starts_paragraph=True,
                        ends_with_full_stop=False,
                    )
                    found.append(_Group([fragment], None, group.speaker))
                break
    return found


def _contains_run(words: list[str], part: list[str]) -> bool:
    """Whether `part` occurs in `words` as a run of consecutive words."""
    size = len(part)
    return size > 0 and any(words[i : i + size] == part for i in range(len(words) - size + 1))


# --- Plain data for the rest of the app -----------------------------------------------------


def quotes_from_doc(doc: Doc, mentions: tuple[Mention, ...]) -> tuple[Quote, ...]:
    """Turn the component's spans into plain Quotes whose speakers carry entity keys."""
    text = doc.text
    quotes = []
    for span in doc.spans.get(SPANS_KEY, []):
        fragments = tuple(tuple(f) for f in span._.quote_fragments or ())
        if not fragments:
            continue
        speaker = _plain_speaker(span._.quote_speaker, span._.quote_speaker_ref, mentions)
        cue = span._.quote_cue
        quotes.append(
            Quote(
                start=fragments[0][0],
                end=fragments[-1][1],
                text=FRAGMENT_JOINER.join(text[s:e] for s, e in fragments),
                fragments=fragments,
                speaker=speaker,
                cue=Cue(cue.start_char, cue.end_char, cue.text) if cue is not None else None,
            )
        )
    return tuple(quotes)


def _plain_speaker(
    speaker: Span | None, ref: Span | None, mentions: tuple[Mention, ...]
) -> Speaker | None:
    """The local mention, named after the entity it (or the name it refers to) belongs to."""
    if speaker is None:
        return None
    named = ref if ref is not None else speaker
    entity = _entity_named_by(named, mentions)
    name, key = (entity.name, entity.key) if entity else (named.text, None)
    return Speaker(speaker.start_char, speaker.end_char, speaker.text, name, key)


def _entity_named_by(span: Span, mentions: tuple[Mention, ...]) -> Mention | None:
    """The person or organization a speaker phrase names: the one its head word belongs to,
    or one apposed or compounded to the head ("spokeswoman Jessica Ditto"), but not one it
    merely mentions ("Gary Johnson's doctor" is not Gary Johnson)."""
    root = span.root
    words = [root, *(c for c in root.children if c.dep_ in ("compound", "appos", "flat"))]
    for word in words:
        for mention in mentions:
            if mention.kind in (Kind.PERSON, Kind.ORG) and mention.start <= word.idx < mention.end:
                return mention
    return None

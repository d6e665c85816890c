"""Keys and display names: one per real entity, the fullest form the article itself uses.

Serves all text. 68c24df (display names from the article's own wording, not quotes): dev
scores unchanged, entities macro F1 0.878. The owner of a shared surname (`_SurnameOwner`):
26 mentions of the dev sets re-keyed to the bearer the body introduces first or calls "Mr."
(all read as right), the three dev figures unchanged.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from reader.core.analysis.entities.candidates import (
    Candidate,
    display,
    doc_text,
    lines,
    slug,
    words_of,
)
from reader.core.analysis.entities.credits import Credit, credit_index
from reader.core.analysis.entities.organizations import LEGAL_FORMS, TRADES
from reader.core.analysis.entities.roles import roles_of
from reader.core.analysis.entities.titled_surnames import sexes_shown
from reader.core.analysis.entities.token_facts import (
    char_bounds,
    span_text,
    token_lowers,
    token_starts,
    token_texts,
)
from reader.core.analysis.entities.token_facts import (
    flags as token_flags,
)
from reader.core.analysis.quotes import SPANS_KEY as QUOTES_KEY
from reader.core.model import Kind, Mention, MentionType, Role


def to_mentions(doc: Doc, candidates: list[Candidate]) -> tuple[Mention, ...]:
    """Plain mentions with keys and display names, and the names of the credit lines; a
    candidate overlapping a credit or a mention before it is dropped."""
    credits = credit_index(doc)
    chosen = [c for c in candidates if c.kind is not None]
    chosen = credits.without_credits(doc, chosen)
    quoted = _quoted_starts(doc, chosen)
    person_names = _person_names(doc, [c for c in chosen if c.kind is Kind.PERSON], quoted)
    roles = roles_of(doc, chosen)
    org_names = _org_names(doc, [c for c in chosen if c.kind is Kind.ORG], quoted)
    text = doc_text(doc)
    mentions = []
    last_end = -1
    for candidate in chosen:
        start_char, end_char = char_bounds(doc, candidate.start, candidate.end)
        if start_char < last_end:
            continue
        if candidate.kind is Kind.COUNTRY:
            assert candidate.country is not None
            key, name = candidate.country.key, candidate.country.name
        elif candidate.kind is Kind.PERSON:
            name = person_names[candidate.start]
            key = f"person:{slug(name)}"
        else:
            name = org_names[candidate.start]
            key = f"org:{slug(name)}"
        kind_of_mention = MentionType.DEMONYM if candidate.demonym else MentionType.NAME
        # a title inside a quotation is the speaker's word, not the article's statement
        role = roles.get(candidate.start) if candidate.start not in quoted else None
        mentions.append(
            Mention(
                start_char,
                end_char,
                text[start_char:end_char],
                candidate.kind,
                key,
                name,
                kind_of_mention,
                role=_role(doc, *role) if role else None,
            )
        )
        last_end = end_char
    mentions.extend(
        _credit_mention(text, credit) for credit in credits.credits if credit.kind is not None
    )
    return tuple(sorted(mentions, key=lambda m: m.start))


def _role(doc: Doc, start: int, end: int) -> Role:
    start_char, end_char = char_bounds(doc, start, end)
    return Role(start_char, end_char, doc_text(doc)[start_char:end_char])


def _credit_mention(whole_text: str, credit: Credit) -> Mention:
    text = whole_text[credit.start : credit.end]
    name = display(text)
    prefix = "person" if credit.kind is Kind.PERSON else "org"
    return Mention(credit.start, credit.end, text, credit.kind, f"{prefix}:{slug(name)}", name)


def _quoted_starts(doc: Doc, candidates: list[Candidate]) -> set[int]:
    """Start tokens of the candidates inside a quote found by the quote component, if it ran."""
    stretches = sorted(
        f for span in doc.spans.get(QUOTES_KEY, []) for f in span._.quote_fragments or ()
    )
    if not stretches:
        return set()
    starts = [start for start, _ in stretches]
    quoted = set()
    token_chars = token_starts(doc)
    for candidate in candidates:
        char = token_chars[candidate.start]
        i = bisect.bisect_right(starts, char) - 1
        if i >= 0 and char < stretches[i][1]:
            quoted.add(candidate.start)
    return quoted


def _person_names(doc: Doc, persons: list[Candidate], quoted: set[int]) -> dict[int, str]:
    """For each person mention (by start token), the fullest name it abbreviates.

    "Tillerson" abbreviates "Rex Tillerson" (its ending); a lone "Wang" abbreviates "Wang
    Donghai" when no name ends in it (family name first). When two full names fit ("Donald
    Trump" and "Ivanka Trump"), the bare surname stays with the person `_SurnameOwner` says
    the article uses it for; a title before the surname ("Mrs. Trump") picks the full name
    of that sex when the article shows one (a title or "wife", "son" before it). Each choice
    is made once per form, so the cost is linear.

    A quoted form is the speaker's wording, not the article's: one that puts words before a full
    name the article writes itself ("Crooked Hillary Clinton" where the article has "Hillary
    Clinton") names nobody and is read as that full name. A quoted full name the article
    abbreviates ("Vladimir Putin" in a quote, "Putin" outside) still gives the display name.
    """
    forms = {c.start: _compared(words_of(doc, c)) for c in persons}
    article_forms = {forms[c.start] for c in persons if c.start not in quoted}
    plain_words = {}
    for start, words in forms.items():
        endings = (words[i:] for i in range(1, len(words) - 1))  # endings of two words or more
        article_form = next((w for w in endings if w in article_forms), None)
        plain_words[start] = article_form if start in quoted and article_form else words
    full_names: dict[tuple[str, ...], _FullName] = {}
    body = _body_start(doc)
    for candidate in persons:
        words = forms[candidate.start]
        if words != plain_words[candidate.start]:
            continue  # an embellished quoted form gives no one's name
        full = full_names.get(words)
        if full is None:
            text = span_text(doc, candidate.start, candidate.end)
            full = full_names[words] = _FullName(words, text, candidate.start)
        full.count += 1
        full.last = candidate.start
        if full.in_body is None and candidate.start >= body:
            full.in_body = candidate.start
        full.sexes.add(_sex_before(doc, candidate.start))
    # The article's evidence of each full name's sex (`titled_surnames`), before any key is
    # chosen: "Mrs. Vance" then never takes the key of a John Vance the article shows male.
    titles = {c.start: _sex_before(doc, c.start) for c in persons}
    for words, sexes in sexes_shown(doc, persons, plain_words, titles, quoted).items():
        if words in full_names:
            full_names[words].sexes |= sexes
    by_ending: dict[tuple[str, ...], list[_FullName]] = {}
    by_first_word: dict[str, list[_FullName]] = {}
    for words, full in full_names.items():
        for i in range(len(words)):
            by_ending.setdefault(words[i:], []).append(full)
        if len(words) > 2 and words[-1].rstrip(".") in _SUFFIXES:  # "Byrd" of "Harry Byrd Sr."
            for i in range(1, len(words) - 1):
                by_ending.setdefault(words[i:-1], []).append(full)
        if len(words) > 1:
            by_first_word.setdefault(words[0], []).append(full)
    owner = _SurnameOwner(full_names)
    # titled forms first: what "Mr. Obama" is tells whom the article calls "Obama"
    used = Counter((plain_words[c.start], titles[c.start]) for c in persons)
    for words, sex in sorted(used, key=lambda form: not form[1]):
        fits = by_ending[words]
        if len(words) == 1 and all(len(full.words) == 1 for full in fits):
            fits = fits + by_first_word.get(words[0], [])
        owner.choose(words, sex, fits, used[words, sex])
    return {c.start: owner.chosen[plain_words[c.start], titles[c.start]] for c in persons}


def _body_start(doc: Doc) -> int:
    """The first token after the article's title: its first line when another follows and it
    is at most _TITLE_WORDS words long (a headline, with or without a full stop), else 0."""
    bounds = lines(doc)
    if len(bounds) < 2:
        return 0
    start, end = bounds[0]
    alpha = token_flags(doc).alpha
    return end if sum(alpha[start:end]) <= _TITLE_WORDS else 0


def _compared(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words as compared: a curly apostrophe as a straight one ("James O’Neill" and
    "O'Neill" in one article are one person)."""
    return tuple(w.replace("’", "'") for w in words) if any("’" in w for w in words) else words


_MALE_WORDS = frozenset({"mr", "sir", "lord", "king", "prince", "husband", "son", "brother"})
_FEMALE_WORDS = frozenset(
    {"mrs", "ms", "miss", "lady", "dame", "queen", "princess", "wife", "daughter", "sister"}
)


def _sex_before(doc: Doc, start: int) -> str:
    """ "m" or "f" when a title or a word for a relative stands right before the name, else ""."""
    if start == 0:
        return ""
    lowers = token_lowers(doc)
    word = lowers[start - 1].rstrip(".")
    if start > 1 and token_texts(doc)[start - 1] == ",":
        word = lowers[start - 2]  # "his wife, Melania Trump"
    return "m" if word in _MALE_WORDS else "f" if word in _FEMALE_WORDS else ""


@dataclass(slots=True)
class _FullName:
    """A form of a person's name as the article writes it, and what the article says of it."""

    words: tuple[str, ...]
    text: str  # as first written
    first: int  # its first token
    count: int = 0
    last: int = 0  # its last token
    in_body: int | None = None  # its first token after the title line, if any
    sexes: set[str] = field(default_factory=set)

    def fits_sex(self, sex: str) -> bool:
        """Whether the article leaves this name possible after a title of `sex`."""
        other = {"m": "f", "f": "m"}.get(sex, "")
        return not sex or sex in self.sexes or other not in self.sexes

    def rank(self, sex: str) -> tuple[bool, int, bool, int, int]:
        """Higher is a better full name for a mention after a title of `sex` ("m", "f", ""):
        one of that sex, the longest, then the one the body introduces first (the title line
        counts last), then the one written most."""
        return (
            self.fits_sex(sex),
            len(self.words),
            self.in_body is not None,
            -(self.first if self.in_body is None else self.in_body),
            self.count,
        )


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_TITLE_WORDS = 20  # words of the longest title line (as `headlines`)


class _SurnameOwner:
    """Which full name a bare surname stands for, chosen once per (words, sex) into `chosen`
    (form -> display name), titled forms before the others.

    A careful reader gives the surname alone to the person the article uses it for, which the
    count of full names does not tell: the second bearer of a surname is written in full every
    time ("Ivanka Trump" five times beside one "Donald Trump" and a dozen "Trump"). So:
    1. A title of a sex ("Mr. Obama") picks a full name of that sex, as before.
    2. The surname with no title is the person the article habitually calls by it with a
       title: the one its titled surnames name (where the title rules out another bearer)
       at least twice and more often than all others together ("President Obama" before "the
       first lady, Michelle Obama", where "Mr. Obama" stands ten times, is Barack Obama; one
       "Mrs. Kinsey" beside "Abel Kinsey" and "Rosa Kinsey" is no habit).
    3. Else the full name the body introduces first (journalists name the second bearer with
       the given name: "Governor Tomas Brandt thanked his wife, Elke Brandt" under the
       headline "Brandt thanks wife Elke").
    4. A surname the body uses alone only before any full name ending in it, never after,
       while the one full name it would take is written again in full, is nobody the article
       names: the article keeps the two apart ("Obama spoke... Obama said", then only
       "Michelle Obama" twice). It keeps a key of its own (the Library's identity may then
       link it to a person the collection names). A surname also used alone after the full
       name ("Harlow won. Jane Harlow, 52, ... Harlow will take office") is that person.
    """

    def __init__(self, full_names: dict[tuple[str, ...], _FullName]) -> None:
        self.chosen: dict[tuple[tuple[str, ...], str], str] = {}
        self._full_names = full_names
        # surname -> [(titled mentions, full name they name)]
        self._titled: dict[tuple[str, ...], list[tuple[int, _FullName]]] = {}

    def choose(
        self, words: tuple[str, ...], sex: str, fits: list[_FullName], mentions: int
    ) -> None:
        """Choose for the `mentions` mentions of a form (`words` after a title of `sex`)."""
        best = max(fits, key=lambda full: full.rank(sex))
        longer = [full for full in fits if len(full.words) > len(words)]
        if len(words) == 1 and sex and len(best.words) > 1:
            if not all(full.fits_sex(sex) for full in longer) and best.fits_sex(sex):
                self._titled.setdefault(words, []).append((mentions, best))
        elif len(words) == 1 and longer:
            habit = self._habit(words)
            if habit is not None:
                best = habit
            elif self._kept_apart(words, best, longer):
                best = self._full_names[words]
        self.chosen[words, sex] = display(best.text)

    def _habit(self, words: tuple[str, ...]) -> _FullName | None:
        titled = self._titled.get(words, [])
        counts: dict[int, int] = {}
        for mentions, full in titled:
            counts[id(full)] = counts.get(id(full), 0) + mentions
        if not counts:
            return None
        most = max(counts.values())
        if most < 2 or most <= sum(counts.values()) - most:
            return None
        return next(full for _, full in titled if counts[id(full)] == most)

    def _kept_apart(self, words: tuple[str, ...], best: _FullName, longer: list[_FullName]) -> bool:
        alone = self._full_names.get(words)
        if alone is None or alone.in_body is None or best.count < 2:
            return False
        return alone.last < min(full.first for full in longer)


def _org_names(doc: Doc, orgs: list[Candidate], quoted: set[int]) -> dict[int, str]:
    """Organization names; an acronym ("EU") takes the name it abbreviates ("European Union"),
    and a name without its legal form or trade ("Bellweather") the full one ("Bellweather
    Shipping"), as the article spells it outside quotes where it does."""
    by_acronym: dict[str, str] = {}
    by_short_form: dict[str, str] = {}
    texts, lowers = token_texts(doc), token_lowers(doc)
    for candidate in sorted(orgs, key=lambda c: c.start in quoted):
        start, end = candidate.start, candidate.end
        words = texts[start:end]
        initials = "".join(word[0] for word in words if word[:1].isupper())
        if len(initials) > 1 and len(words) > 1:
            by_acronym.setdefault(initials, span_text(doc, start, end))
        ending = lowers[end - 1].rstrip(".")
        if len(words) > 1 and (ending in LEGAL_FORMS or ending in TRADES):
            by_short_form.setdefault(span_text(doc, start, end - 1), span_text(doc, start, end))
    names = {}
    for candidate in orgs:
        text = span_text(doc, candidate.start, candidate.end)
        full = by_acronym.get(text.replace(".", "")) or by_short_form.get(text, text)
        names[candidate.start] = display(full)
    return names

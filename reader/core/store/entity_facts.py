"""What an article says of its entities, for collection identity (`reader.core.store.identity`):
each entity's facts (name, kind, counts, the words before its mentions, an organization's
other spellings), a person's name taken apart (titles, middle names and initials, suffix),
and an organization's name as compared (acronyms without dots, "The" dropped).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from reader.core.model import Analysis, Kind


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles taken off the front of a person's name. Sexes and offices, read from the word right
# before a mention, are the evidence for one-word names; the sex words are those of the
# article-level rule (reader.core.analysis.entities.naming._sex_before), which store code may
# not import (the core's layers).
MALE_WORDS = _words("mr sir lord king prince husband son brother father")
FEMALE_WORDS = _words("mrs ms miss lady dame queen princess wife daughter sister mother")
OFFICE_WORDS = _words(
    "president senator sen secretary governor gov rep representative congressman"
    " congresswoman mayor judge justice general gen speaker minister chancellor ambassador"
    " sheriff chairman chairwoman director dr prof professor rev"
)
# A royal title before a name, or a regnal number after it ("King George III", "Pope Francis",
# "Henry V"), says the name is a monarch's: identity never links it by given name or surname
# (issue 21, false merges on quotes-dev: "King George III" had joined George Bush). A royal
# title before a mention is also kept among the entity's `offices`, so the store's snapshots
# of entity facts carry it.
ROYAL_WORDS = _words("king queen pope prince princess")
TITLE_WORDS = (
    MALE_WORDS | FEMALE_WORDS | OFFICE_WORDS | ROYAL_WORDS | frozenset({"vice", "former", "the"})
)
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_REGNAL = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")  # as written: capitals
PARTICLES = _words("de da del della der di du la le van von bin al el ibn")
COMMON_GIVEN_NAMES = _words(
    "james john robert michael william david richard joseph thomas charles christopher daniel"
    " matthew anthony mark donald steven paul andrew kenneth kevin brian george edward ronald"
    " timothy jason jeffrey ryan jacob gary nicholas eric stephen larry justin scott frank"
    " gregory raymond patrick jack dennis jerry henry walter douglas peter harold carl arthur"
    " mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa"
    " margaret betty sandra ashley dorothy kimberly emily donna michelle carol amanda melissa"
    " deborah laura rebecca sharon cynthia kathleen amy shirley anna ruth"
)
"""Given names common enough that alone, with no title before them, they are read as given
names, not surnames: the most given US names of the 20th century (US Social Security
Administration's top names of the century, by hand), which are also surnames ("James",
"Thomas", "Scott"). Identity (`reader.core.store.identity`) adds the collection's own: any
full name's given name."""

_SHORT_GIVEN_NAMES = (
    "joseph: joe joey; william: bill billy will willie; robert: bob bobby rob; michael: mike;"
    " james: jim jimmy jamie; thomas: tom tommy; timothy: tim; daniel: dan danny;"
    " david: dave; christopher: chris; matthew: matt; nicholas: nick; benjamin: ben;"
    " samuel: sam; anthony: tony; lawrence: larry; richard: rick dick; edward: ed eddie;"
    " andrew: andy; alexander: alex; peter: pete; jeffrey: jeff; gregory: greg;"
    " kenneth: ken; ronald: ron; donald: don; douglas: doug; frederick: fred; leonard: len;"
    " bernard: bernie; mitchell: mitch; elizabeth: liz beth betsy; katherine: kathy kate;"
    " margaret: peggy maggie; patricia: patty; susan: sue; deborah: debbie deb"
)
GIVEN_FORMS = {
    short: full
    for entry in _SHORT_GIVEN_NAMES.split(";")
    for full, _, shorts in [entry.partition(":")]
    for short in shorts.split()
    for full in [full.strip()]
}
"""A short given name -> the full one it stands for ("joe" -> "joseph"): a person's name is
compared by the full form, so "Joe Biden" and "Joseph R. Biden" are one person. Only short
forms of one full name each (not "ted", Edward's or Theodore's; "steve", Stephen's or
Steven's), by hand."""

COUNTRY_SHORT_FORMS = _words("US USA UK GB UAE USSR PRC DPRK ROK DRC")
"""Countries' short forms as `org_form` gives them ("U.S." -> "US"): never an organization's
acronym, whatever article writes "U.S. Senate" or "U.K. Parliament"."""

_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?,?\s+$")
_BEFORE_WINDOW = 30  # characters looked back for the word before a mention
_INITIALS = re.compile(r"[A-Za-z]\.?|(?:[A-Za-z]\.)+")


@dataclass(frozen=True, slots=True)
class EntityFacts:
    """One entity of one article as the collection sees it: its per-article `key`, display
    `name`, `kind` (a Kind value), its numbers of `mentions` and of `quotes` it is the speaker
    of, and evidence read around its mentions: `sexes` ("m", "f") and `offices`
    ("president", "sen", …) from the word right before a mention, `givens`, that word when it
    is capitalised and no title (the "Hillary" of a one-word "Clinton" whose article writes
    "Hillary Clinton" where the analysis did not take the name whole), and `aliases`, the other
    spellings of its mentions (an organization's "FBI"), as `org_form` gives them.
    `corrected`: the reader changed it (its key then says who it is, `identity_name`)."""

    key: str
    name: str
    kind: str
    mentions: int
    quotes: int = 0
    sexes: frozenset[str] = frozenset()
    offices: frozenset[str] = frozenset()
    aliases: frozenset[str] = frozenset()
    givens: frozenset[str] = frozenset()
    corrected: bool = False

    @property
    def identity_name(self) -> str:
        """The name identity reads: the display name, or for an entity the reader corrected
        the words of its key, which the correction chose (a merge keeps the merged entity's
        own name under the key of the entity it joins)."""
        if not self.corrected:
            return self.name
        return self.key.split(":", 1)[-1].replace("-", " ")


def article_entities(analysis: Analysis) -> tuple[EntityFacts, ...]:
    """The facts of each entity of an analysis (corrections applied, if any), in its order;
    one pass over its mentions and quotes."""
    text = analysis.article.text
    spoken = Counter(q.speaker.key for q in analysis.quotes if q.speaker and q.speaker.key)
    facts = []
    for entity in analysis.entities:
        sexes: set[str] = set()
        offices: set[str] = set()
        aliases: set[str] = set()
        givens: set[str] = set()
        for mention in entity.mentions:
            if entity.kind == Kind.PERSON:
                written = word_before(text, mention.start)
                word = written.casefold()
                if word in ROYAL_WORDS:
                    offices.add(word)
                if word in MALE_WORDS or word in FEMALE_WORDS:
                    sexes.add("m" if word in MALE_WORDS else "f")
                elif word in OFFICE_WORDS:
                    offices.add(word)
                elif written[:1].isupper() and word not in TITLE_WORDS:
                    givens.add(word)
            elif entity.kind == Kind.ORG:
                aliases.add(org_form(mention.text))
        aliases.discard(org_form(entity.name))
        facts.append(
            EntityFacts(
                entity.key,
                entity.name,
                str(entity.kind),
                entity.count,
                spoken.get(entity.key, 0),
                frozenset(sexes),
                frozenset(offices),
                frozenset(aliases),
                frozenset(givens),
                any(m.corrected for m in entity.mentions),
            )
        )
    return tuple(facts)


def word_before(text: str, start: int) -> str:
    """The word right before offset `start` (over a dot, a comma and spaces), as written;
    "" when none: "Mrs. Clinton" gives "Mrs", "his wife, Melania" gives "wife"."""
    match = _WORD_BEFORE.search(text, max(0, start - _BEFORE_WINDOW), start)
    return match.group(1) if match else ""


_NAMES_KEPT = 8192  # distinct names whose slug and organization form are remembered
"""A collection repeats its names in every article: at 10,000 articles `org_form` was asked
466,000 times and `slug` 604,000 for a few thousand names (a tenth of the first open's CPU)."""


@lru_cache(maxsize=_NAMES_KEPT)
def slug(text: str) -> str:
    """A key's part after the colon, as the analysis makes it (entities.candidates.slug)."""
    return re.sub(r"[^\w]+", "-", text.casefold()).strip("-")


@lru_cache(maxsize=_NAMES_KEPT)
def org_form(text: str) -> str:
    """An organization's name as compared: "The" and a possessive taken off, an acronym's
    dots dropped ("U.N." -> "UN"), spaces collapsed; case kept (acronyms are capitals)."""
    words = text.split()
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    form = re.sub(r"['’]s$", "", " ".join(words))
    undotted = form.replace(".", "")
    return undotted if is_acronym(undotted) else form


def is_acronym(form: str) -> bool:
    return 2 <= len(form) <= 6 and form.isalpha() and form.isupper()


def initials(form: str) -> str:
    """The capitals that open the words of a name ("Federal Bureau of Investigation": FBI),
    as the article-level rule (entities.naming._org_names) reads them."""
    return "".join(w[0] for w in re.split(r"[\s-]+", form) if w[:1].isupper())


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's display name taken apart: case-folded `given` (first word; "" for a one-word
    name), `surname` (particles kept: "de blasio"), `suffix` ("jr"), and `middle`, the capital
    initials of the words between ("J", "HW", "R" for Rodham); `royal`: a royal title stood
    before it or a regnal number ends it (ROYAL_WORDS). `given` is the full form of a short
    given name (GIVEN_FORMS: "joe" -> "joseph"); `written`, the given name as written."""

    given: str
    surname: str
    suffix: str = ""
    middle: str = ""
    royal: bool = False
    written: str = ""

    @property
    def base(self) -> tuple[str, str, str]:
        return self.given, self.surname, self.suffix

    @property
    def single(self) -> bool:
        return not self.given


def person_name(name: str) -> PersonName:
    """Titles before, a suffix after and middle words are taken off (module docstring); a
    curly apostrophe is compared as a straight one ("O’Neill" is "O'Neill")."""
    words = name.replace("’", "'").split()
    royal = False
    while len(words) > 1 and _bare(words[0]) in TITLE_WORDS:
        royal |= _bare(words.pop(0)) in ROYAL_WORDS
    regnal = len(words) > 1 and _REGNAL.fullmatch(words[-1].strip(".,")) is not None
    royal |= regnal
    suffix = (
        _bare(words.pop()) if len(words) > 1 and (regnal or _bare(words[-1]) in SUFFIXES) else ""
    )
    if len(words) == 1:
        return PersonName("", words[0].casefold(), suffix, "", royal)
    start = next((i for i in range(1, len(words) - 1) if words[i] in PARTICLES), len(words) - 1)
    middle = "".join(
        w.replace(".", "").upper() if _INITIALS.fullmatch(w) else w[0].upper()
        for w in words[1:start]
    )
    surname = " ".join(words[start:]).casefold()
    written = words[0].casefold()
    return PersonName(GIVEN_FORMS.get(written, written), surname, suffix, middle, royal, written)


def _bare(word: str) -> str:
    return word.casefold().strip(".,")


class SharedFacts:
    """One copy of each equal part of many articles' entity facts, for a collection that keeps
    them all (`reader.core.store.identity`): the same key, name or kind string, the same set of
    sexes, offices, aliases or givens, and one PersonName per name read. At 10,000 articles
    (174,000 entities) a copy per entity was most of a Library window's memory (issue 25).

    `facts(f)` gives `f` made of shared parts (equal to it); `name(f)`, `person_name` of its
    `identity_name`, read once per distinct name. Parts stay while the table lives: as many
    as the collection's distinct values."""

    def __init__(self) -> None:
        self._sets: dict[frozenset[str], frozenset[str]] = {}
        self._names: dict[str, PersonName] = {}

    def facts(self, f: EntityFacts) -> EntityFacts:
        share = self._sets.setdefault
        return EntityFacts(
            sys.intern(f.key),
            sys.intern(f.name),
            sys.intern(str(f.kind)),
            f.mentions,
            f.quotes,
            share(f.sexes, f.sexes),
            share(f.offices, f.offices),
            share(f.aliases, f.aliases),
            share(f.givens, f.givens),
            f.corrected,
        )

    def name(self, f: EntityFacts) -> PersonName:
        text = f.identity_name
        found = self._names.get(text)
        if found is None:
            found = self._names[text] = person_name(text)
        return found

"""Is each person of the coverage one entity? Collection identity on 2016 US political news.

Runs `reader analyze` over ../shared/data/quotes-dev/texts (84 articles, read where they are,
`--no-store`) as one run, so the run is the collection, or reads `--jsonl FILE` made that way.
For each listed person it prints how many of Reader's mentions are that person (by the rule
below), and the share of them carrying that person's main key, BEFORE (the per-article `key`,
merged across articles by its string, as the Library did) and AFTER (`collection_key`); then
the keys that mix two people, and the person display names with a word that is not part of a
name. Targets: every listed person at least 95% under one key, no key mixing two people.

    python bench/bench_identity.py [--jobs N] [--jsonl FILE]

The people, and the rule, were written down from the texts alone (surnames counted in them),
before looking at what Reader makes of them:

PEOPLE: Donald Trump, Hillary Clinton, Barack Obama, Bill Clinton, Mike Pence, Tim Kaine,
Bernie Sanders, Mitt Romney, Vladimir Putin, Alicia Machado, Lester Holt, Ted Cruz, Mitch
McConnell, Lindsey Graham, Jill Stein, Gary Johnson, Loretta Lynch, Bryan Pagliano, Keith
Lamont Scott, Bobby Scott, Larry King, Joe Biden, Terence Crutcher, Ed Schultz, Gennifer
Flowers, Mark Cuban, Matt Lauer (27). Each has a surname, the given names that may open the
full name, and the titles that pick them when the surname alone is ambiguous. OTHER_BEARERS
are the other people of the texts who share a listed surname (Ivanka Trump, Chelsea Clinton…):
they count as people for "keys that mix two people", not in the shares.

THE RULE deciding a mention's person, from the mention's text and its article's text only
(never from Reader's keys or kinds; every mention of any kind counts, demonyms excepted):
1. Normalise: drop a trailing possessive ('s, ’s, '), fold case, and take off leading title
   words (TITLE_WORDS: Mr., Mrs., Ms., Miss, Dr., Sen., Senator, Rep., Gov., Governor,
   President, Vice, former, Secretary…), remembering them.
2. Full name: what is left is a given-name form of a person (e.g. "donald", "hillary rodham"),
   then any middle initials ("j."), then the surname: that person (a listed one or another
   bearer). A listed person's own lone form ("hillary", "bernie") is that person too.
3. Surname alone: the bearers are the people with that surname whose full name (rule 2's
   forms, with or without a middle initial) occurs in the article's text; when none does,
   the listed people with that surname. One bearer: that one. Several: a removed title that is
   among exactly one listed bearer's titles picks that one ("Mrs. Clinton", "President
   Clinton"); otherwise the mention is undecided, not counted, and the count is printed.
4. Anything else (a glued headline span, another person) is no listed person's mention.

A key mixes two people when the mentions carrying it are decided (rules 2-3) for two different
people. A word of a person display name (the per-article `name` of PERSON mentions; a
collection's name is one of them) is "not part of a name" when it starts lower case, is a title
or party word (DESIGNATIONS), occurs in lower case in the 84 texts more often than capitalised
("Says", "Never", "He"), or when the name holds the full names of two listed people; particles
("de", "van", "bin") and initials ("E.") are part of a name. (Amended after the first run, which
flagged initials and "bin": a flaw of the check, not of Reader. The lower-case test still flags
given names that are words, "Will Smith", "Hope Hicks": read the list.)
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

TEXTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "quotes-dev" / "texts"
TARGET_SHARE = 0.95


@dataclass(frozen=True)
class Person:
    """A listed person: `given` are the given-name forms that open the full name (case folded
    when compared), `titles` pick them over another bearer of the surname, `alone` are forms
    used without the surname."""

    name: str
    surname: str
    given: tuple[str, ...]
    titles: tuple[str, ...] = ()
    alone: tuple[str, ...] = ()


PEOPLE = (
    Person("Donald Trump", "Trump", ("Donald",), ("Mr.",)),
    Person(
        "Hillary Clinton",
        "Clinton",
        ("Hillary", "Hillary Rodham"),
        ("Mrs.", "Ms.", "Secretary", "Sec."),
        ("Hillary",),
    ),
    Person("Barack Obama", "Obama", ("Barack", "Barack Hussein"), ("Mr.", "President")),
    Person(
        "Bill Clinton", "Clinton", ("Bill", "William", "William Jefferson"), ("Mr.", "President")
    ),
    Person("Mike Pence", "Pence", ("Mike", "Michael"), ("Mr.", "Gov.", "Governor")),
    Person("Tim Kaine", "Kaine", ("Tim", "Timothy"), ("Mr.", "Sen.", "Senator")),
    Person(
        "Bernie Sanders", "Sanders", ("Bernie", "Bernard"), ("Mr.", "Sen.", "Senator"), ("Bernie",)
    ),
    Person("Mitt Romney", "Romney", ("Mitt", "Willard Mitt"), ("Mr.", "Gov.", "Governor")),
    Person("Vladimir Putin", "Putin", ("Vladimir",), ("Mr.", "President")),
    Person("Alicia Machado", "Machado", ("Alicia",), ("Ms.", "Miss")),
    Person("Lester Holt", "Holt", ("Lester",), ("Mr.",)),
    Person("Ted Cruz", "Cruz", ("Ted", "Rafael Edward"), ("Mr.", "Sen.", "Senator")),
    Person(
        "Mitch McConnell", "McConnell", ("Mitch", "Addison Mitchell"), ("Mr.", "Sen.", "Senator")
    ),
    Person("Lindsey Graham", "Graham", ("Lindsey",), ("Mr.", "Sen.", "Senator")),
    Person("Jill Stein", "Stein", ("Jill",), ("Ms.", "Dr.")),
    Person("Gary Johnson", "Johnson", ("Gary",), ("Mr.", "Gov.", "Governor")),
    Person("Loretta Lynch", "Lynch", ("Loretta",), ("Ms.", "Mrs.")),
    Person("Bryan Pagliano", "Pagliano", ("Bryan",), ("Mr.",)),
    Person("Keith Lamont Scott", "Scott", ("Keith", "Keith Lamont"), ("Mr.",)),
    Person("Bobby Scott", "Scott", ("Bobby", "Robert"), ("Rep.", "Representative")),
    Person("Larry King", "King", ("Larry",), ("Mr.",)),
    Person("Joe Biden", "Biden", ("Joe", "Joseph"), ("Mr.", "Vice")),
    Person("Terence Crutcher", "Crutcher", ("Terence",), ("Mr.",)),
    Person("Ed Schultz", "Schultz", ("Ed",), ("Mr.",)),
    Person("Gennifer Flowers", "Flowers", ("Gennifer",), ("Ms.",)),
    Person("Mark Cuban", "Cuban", ("Mark",), ("Mr.",)),
    Person("Matt Lauer", "Lauer", ("Matt",), ("Mr.",)),
)

OTHER_BEARERS = {
    "Trump": ("Ivanka", "Ivana", "Melania", "Eric", "Tiffany", "Barron", "Fred", "Lara"),
    "Clinton": ("Chelsea",),
    "Obama": ("Michelle", "Malia", "Sasha"),
    "Cruz": ("Heidi", "Rafael", "Veronica"),
    "Scott": ("Tim", "Rakeyia", "Dred"),
    "King": ("Charlie", "Martin Luther"),
    "Johnson": ("Jeh", "Lyndon", "Boris"),
    "Lynch": ("Stephen",),
    "Schultz": ("Debbie Wasserman",),
    "Graham": ("Billy",),
}

TITLE_WORDS = frozenset(
    [
        "mr.",
        "mr",
        "mrs.",
        "mrs",
        "ms.",
        "ms",
        "miss",
        "dr.",
        "dr",
        "sen.",
        "senator",
        "rep.",
        "representative",
        "gov.",
        "governor",
        "president",
        "vice",
        "former",
        "secretary",
        "sec.",
        "the",
    ]
)
DESIGNATIONS = frozenset(
    [
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "sen.",
        "senator",
        "rep.",
        "gov.",
        "governor",
        "president",
        "secretary",
        "republican",
        "republicans",
        "democrat",
        "democrats",
        "democratic",
        "libertarian",
        "gop",
        "inc.",
        "corp.",
        "co.",
        "campaign",
    ]
)
PARTICLES = frozenset(
    [
        "de",
        "da",
        "del",
        "della",
        "der",
        "di",
        "du",
        "la",
        "le",
        "van",
        "von",
        "bin",
        "al",
        "el",
        "ibn",
        "st.",
    ]
)
INITIAL = re.compile(r"(?:[A-Z]\.)+")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


class Resolver:
    """Rules 1-4 of the module docstring over one article's text."""

    def __init__(self) -> None:
        self.listed = {p.name: p for p in PEOPLE}
        self.full: dict[str, str] = {}  # "given surname" folded -> person name
        self.alone: dict[str, str] = {}
        self.by_surname: dict[str, list[str]] = defaultdict(list)
        self.patterns: dict[str, re.Pattern] = {}  # person -> its full name in a text
        for person in PEOPLE:
            self.by_surname[_fold(person.surname)].append(person.name)
            self._add(person.name, person.surname, person.given)
            for form in person.alone:
                self.alone[_fold(form)] = person.name
        for surname, givens in OTHER_BEARERS.items():
            for given in givens:
                self._add(f"{given} {surname}", surname, (given,))

    def _add(self, name: str, surname: str, givens: tuple[str, ...]) -> None:
        alternatives = "|".join(re.escape(g) for g in givens)
        self.patterns[name] = re.compile(
            rf"\b(?:{alternatives})(?: [A-Z]\.)* {re.escape(surname)}\b", re.IGNORECASE
        )
        for given in givens:
            self.full[_fold(f"{given} {surname}")] = name

    def bearers(self, text: str) -> dict[str, set[str]]:
        """Folded surname -> the people of that surname whose full name occurs in `text`."""
        found: dict[str, set[str]] = defaultdict(set)
        for name, pattern in self.patterns.items():
            if pattern.search(text):
                surname = name.rsplit(" ", 1)[1] if name not in self.listed else None
                found[_fold(surname or self.listed[name].surname)].add(name)
        return found

    def person(self, mention: str, bearers: dict[str, set[str]]) -> str | None:
        """The person a mention is (a listed or another bearer's name), "?" when undecided,
        None for no person of the lists."""
        words = _fold(_POSSESSIVE.sub("", mention.strip())).split()
        titles = []
        while len(words) > 1 and words[0] in TITLE_WORDS:
            titles.append(words.pop(0))
        if not words:
            return None
        rest = " ".join(words)
        if rest in self.alone and not titles:
            return self.alone[rest]
        if len(words) == 1 and rest in self.by_surname:
            candidates = bearers.get(rest) or set(self.by_surname[rest])
            if len(candidates) == 1:
                return next(iter(candidates))
            picked = [
                name
                for name in candidates
                if name in self.listed and any(_fold(t) in titles for t in self.listed[name].titles)
            ]
            return picked[0] if len(picked) == 1 else "?"
        middle_free = [w for w in words[1:-1] if not re.fullmatch(r"[a-z]\.", w)]
        return self.full.get(" ".join([words[0], *middle_free, words[-1]]))


def lower_case_words(texts: list[str]) -> set[str]:
    """Folded words written in lower case in the texts more often than capitalised."""
    lower: Counter = Counter()
    upper: Counter = Counter()
    for text in texts:
        for word in re.findall(r"[A-Za-z][A-Za-z'’.-]*", text):
            (lower if word[0].islower() else upper)[word.casefold()] += 1
    return {w for w, n in lower.items() if n > upper[w]}


def not_name_words(name: str, lower: set[str], two_people: list[re.Pattern]) -> list[str]:
    """The words of a person display name that are not part of a name (docstring rule)."""
    flagged = [
        word
        for word in name.split()
        if word not in PARTICLES
        and not INITIAL.fullmatch(word)
        and (
            word[0].islower()
            or word.casefold() in DESIGNATIONS
            or word.casefold().strip(".,") in lower
        )
    ]
    if sum(1 for pattern in two_people if pattern.search(name)) >= 2:
        flagged.append("(two people)")
    return flagged


def analyses(jsonl: Path | None, jobs: int) -> list[dict]:
    if jsonl is not None:
        lines = jsonl.read_text(encoding="utf-8").splitlines()
    else:
        command = [sys.executable, "-m", "reader.cli", "analyze", str(TEXTS)]
        command += ["--format", "jsonl", "--no-store", "--jobs", str(jobs)]
        lines = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        lines = lines.splitlines()
    return [record for record in map(json.loads, lines) if "error" not in record]


def report(records: list[dict], field: str, resolver: Resolver) -> dict[str, tuple]:
    """person -> (mentions, share under its main key, main key); prints mixing keys."""
    keys_of: dict[str, Counter] = defaultdict(Counter)
    people_of: dict[str, Counter] = defaultdict(Counter)
    undecided = 0
    for record in records:
        bearers = resolver.bearers(record["text"])
        for mention in record["entities"]:
            if mention.get("mention") == "demonym":
                continue
            person = resolver.person(mention["text"], bearers)
            if person == "?":
                undecided += 1
            elif person is not None:
                key = mention.get(field)
                keys_of[person][key] += 1
                people_of[key][person] += 1
    figures = {}
    for person in PEOPLE:
        counts = keys_of.get(person.name, Counter())
        total = sum(counts.values())
        key, main = counts.most_common(1)[0] if counts else (None, 0)
        figures[person.name] = (total, main / total if total else 0.0, key)
    mixing = {k: c for k, c in people_of.items() if len(c) > 1}
    print(f"\n{field}: {len(mixing)} keys mix two people; {undecided} mentions undecided")
    for key, counts in sorted(mixing.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"  {key}: " + ", ".join(f"{p} {n}" for p, n in counts.most_common()))
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--jsonl", type=Path, help="read this `reader analyze` output instead")
    args = parser.parse_args()
    records = analyses(args.jsonl, args.jobs)
    resolver = Resolver()
    print(f"{len(records)} articles")
    before = report(records, "key", resolver)
    after = report(records, "collection_key", resolver)
    print(f"\n{'person':<20}{'mentions':>9}{'before':>8}{'after':>8}  main collection key")
    below = 0
    for person in PEOPLE:
        total, share_before, _ = before[person.name]
        _, share_after, key = after[person.name]
        below += share_after < TARGET_SHARE
        print(f"{person.name:<20}{total:>9}{share_before:>8.0%}{share_after:>8.0%}  {key}")
    print(f"people below {TARGET_SHARE:.0%} under one key: {below} of {len(PEOPLE)}")
    lower = lower_case_words([r["text"] for r in records])
    two_people = [resolver.patterns[p.name] for p in PEOPLE]
    names = sorted({m["name"] for r in records for m in r["entities"] if m["kind"] == "PERSON"})
    glued = [(n, words) for n in names if (words := not_name_words(n, lower, two_people))]
    print(f"\nperson display names with a word not part of a name: {len(glued)} of {len(names)}")
    for name, words in glued:
        print(f"  {name!r}: {', '.join(words)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Quote provenance on real coverage (issue 24): are the same quotes found across articles,
their variants and disputed speakers flagged, and what does adding an article cost?

    python bench/bench_coverage.py [--jobs N] [--model NAME]

THE COLLECTION: the 84 articles of ../shared/data/quotes-dev/texts (2016 US election news,
read where they are; the date and the outlet come from each file name, as a loader would give
them), plus altered copies, written at run time to a temporary folder that is removed at the end.
Each original has a copy of each kind below that it has a quote for; a copy changes one
quote of its original, the first with at least `LONG` words in one stretch (and, for
CREDITED, a speaker that is an entity, named by a proper name):

  SHORTENED   the first third of its words left out
  CHANGED     one word in the middle replaced by another ("never", or "always" for "never")
  PUNCTUATION its commas dropped and its full stops made semicolons
  ELIDED      its middle third replaced by " … "
  CREDITED    the speaker's name before or after it replaced by another person's
  LATER       the text unchanged
  REWRITTEN   every other word replaced (must NOT pair: not the same quote)

Every copy is dated three days after its original and ends with a line its original lacks (so
that no copy is its original's text: the store keeps one analysis per text). All are analysed
(no store; `--jobs` processes); the originals are written to a store in a temporary folder,
which groups their quotes as each is written (`reader.core.store.quote_group_rows`), and
each copy in turn is written to it, judged on the groups read back from the store's tables
and taken out again (written again with no quotes), so that copies of one original do not
meet.

THE FIGURES. Built-in pairs are (original quote, its altered copy) for every kind but
REWRITTEN. Pairing is judged on the quotes of an original and of its copy that touch the
altered quote: recall, the built-in pairs found in one group; precision, the pairs found
there that are built in. Variants: a CHANGED copy's wording against its original's must be
flagged a possible misquote, the other kinds' not. Disputed: the group of a CREDITED quote
must be disputed where the analysis credits the original and the copy to two different
collection speakers, and no LATER or PUNCTUATION group may be. First appearance: never the
copy. Targets: precision and recall >= 0.95.

THE COST: 1,000 articles made from the real analyses (each real article's quotes, with a
fifth of their words replaced by words of the coverage for the copies, so they share word
pairs without being the same quotes) are written to a store, which groups them; then each
real analysis is written to it (`Store.save_analysis`: its text, full-text index, entity
and quote rows and its quotes grouped, one transaction) and taken out again, timed (its
analysis excluded): the whole write, and the grouping inside it. Target: <= 50 ms per
article beyond its analysis.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.model import Analysis, Quote  # noqa: E402
from reader.core.service.batch import analyze_files  # noqa: E402
from reader.core.store import rows  # noqa: E402
from reader.core.store.coverage import Coverage  # noqa: E402
from reader.core.store.database import Store, content_hash  # noqa: E402
from reader.core.store.quote_group_reads import StoredQuoteGroups, stored_analysis_ids  # noqa: E402
from reader.core.store.quote_pairing import compare, quote_pieces, quote_words  # noqa: E402
from reader.core.text.article import ArticleMeta  # noqa: E402

TEXTS = ROOT.parent / "shared" / "data" / "quotes-dev" / "texts"
KINDS = ("SHORTENED", "CHANGED", "PUNCTUATION", "ELIDED", "CREDITED", "LATER", "REWRITTEN")
LONG = 9
OTHER_NAME = "Gary Johnson"
TRAILER = "\n\nThis story was filed again from the archive.\n"
_NAME = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z.]+)*$")
_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclasses.dataclass
class Copy:
    kind: str
    original: int  # index of the original analysis
    quote: Quote  # the altered quote of the original
    edit: tuple[int, int, int]  # start, end in the original, length of the new text


def file_meta(path: Path) -> ArticleMeta:
    """The outlet and date a loader would read from a page, taken from the file name."""
    site, date = path.stem.split("_")[:2]
    return ArticleMeta(date=date, site=site)


def with_meta(analysis: Analysis, meta: ArticleMeta) -> Analysis:
    return dataclasses.replace(analysis, article=dataclasses.replace(analysis.article, meta=meta))


def target(analysis: Analysis, kind: str) -> Quote | None:
    """The quote a copy of this kind alters (module docstring), or None."""
    for quote in analysis.quotes:
        if len(quote.fragments) != 1 or len(_WORD.findall(quote.text)) < LONG:
            continue
        if kind == "CREDITED":
            speaker = quote.speaker
            if speaker is None or speaker.key is None or not _NAME.match(speaker.text):
                continue
            if OTHER_NAME in speaker.name:
                continue
        return quote
    return None


def altered(kind: str, words: list[str], rng: random.Random) -> str:
    """The quoted stretch, altered by kind (CREDITED and LATER leave it alone)."""
    n = len(words)
    if kind == "SHORTENED":
        return " ".join(words[n // 3 :])
    if kind == "CHANGED":
        middle = n // 2
        changed = "always" if words[middle].casefold() == "never" else "never"
        return " ".join([*words[:middle], changed, *words[middle + 1 :]])
    if kind == "PUNCTUATION":
        return " ".join(words).replace(",", "").replace(".", ";")
    if kind == "ELIDED":
        return " ".join(words[: n // 3]) + " … " + " ".join(words[2 * n // 3 :])
    if kind == "REWRITTEN":
        pool = ["they", "would", "perhaps", "maybe", "said", "the", "then", "also"]
        return " ".join(w if i % 2 else rng.choice(pool) for i, w in enumerate(words))
    return " ".join(words)


def make_copy(analysis: Analysis, index: int, kind: str, rng: random.Random):
    """(copy text, Copy) or None when the article has no quote fit for this kind."""
    quote = target(analysis, kind)
    if quote is None:
        return None
    text = analysis.article.text
    if kind == "CREDITED":
        start, end = quote.speaker.start, quote.speaker.end
        new = OTHER_NAME
    else:
        start, end = quote.fragments[0]
        new = altered(kind, text[start:end].split(), rng)
    copy = Copy(kind, index, quote, (start, end, len(new)))
    return text[:start] + new + text[end:] + TRAILER, copy


def to_original(offset: int, edit: tuple[int, int, int]) -> int:
    start, end, length = edit
    if offset < start:
        return offset
    if offset >= start + length:
        return offset - length + (end - start)
    return min(offset, end)


def analyse(paths: list[Path], jobs: int, model: str | None) -> list[Analysis]:
    found = []
    for result in analyze_files(paths, model=model, jobs=jobs):
        if result.analysis is None:
            raise SystemExit(f"{result.path}: {result.error}")
        found.append(result.analysis)
    return found


class StoredCollection:
    """A store in a temporary folder and a Coverage over the groups it keeps, its articles
    by the number the bench gives them (their analysis ids in the store)."""

    def __init__(self, folder: str) -> None:
        self.store = Store.open(Path(folder, "bench.sqlite3"))
        self.coverage = Coverage(StoredQuoteGroups())
        self.ids: dict[int, int] = {}  # bench number -> analysis id

    def add(self, number: int, analysis: Analysis) -> None:
        """Write the analysis (grouped as it is written) and read the groups back."""
        self.store.save_analysis(analysis)
        digest = content_hash(analysis.article)
        self.ids[number] = stored_analysis_ids(self.store, analysis.model, [digest])[digest]
        self.coverage.add(self.ids[number], analysis)
        self.coverage.index.read(self.store)

    def take_out(self, number: int, analysis: Analysis) -> None:
        """Write the analysis again with no quotes: its quotes leave the groups."""
        self.store.save_analysis(dataclasses.replace(analysis, quotes=()))
        self.coverage.remove(self.ids.pop(number))
        self.coverage.index.read(self.store)


def judge(
    stored: StoredCollection, originals: list[Analysis], copies: dict[int, tuple[Copy, Analysis]]
) -> None:
    """Pairing precision and recall, variants, disputes, first appearances (docstring): each
    copy is written to the originals' store, judged, and taken out again."""
    coverage, ids = stored.coverage, stored.ids
    n = len(originals)
    found = correct = built = hits = 0
    by_kind: dict[str, list[int]] = {kind: [0, 0] for kind in KINDS}
    flags = {"misquote": [0, 0], "false misquote": [0, 0], "disputed": [0, 0]}
    false_disputes = earliest_wrong = missed_by_finder = 0
    for number, (copy, analysis) in copies.items():
        meta = originals[copy.original].article.meta
        later = datetime.date.fromisoformat(meta.date) + datetime.timedelta(days=3)
        stored.add(number, with_meta(analysis, ArticleMeta(date=later.isoformat(), site="copy")))
        original = originals[copy.original]
        mine = [(ids[copy.original], q.start) for q in original.quotes]
        theirs = [(ids[number], q.start) for q in analysis.quotes]
        target_id = (ids[copy.original], copy.quote.start)
        copied = [
            (ids[number], q.start)
            for q in analysis.quotes
            if to_original(q.start, copy.edit) < copy.quote.end
            and to_original(q.end, copy.edit) > copy.quote.start
        ]
        if copy.kind == "CREDITED":  # the quote itself is untouched; its offsets moved
            copied = [
                (ids[number], q.start)
                for q in analysis.quotes
                if to_original(q.start, copy.edit) == copy.quote.start
            ]
        pairs = {(a, b) for a in mine for b in theirs if a == target_id or b in copied}
        truth = {(target_id, b) for b in copied} if copy.kind != "REWRITTEN" else set()
        if not copied:
            missed_by_finder += 1
        same = {(a, b) for a, b in pairs if b in coverage.index.members(a)}
        found += len(same)
        correct += len(same & truth)
        for a, b in sorted(same - truth):
            show(f"{copy.kind}: paired, not built in", coverage.group_of(*a), (a, b))
        built += copy.kind != "REWRITTEN"
        hits += bool(same & truth)
        by_kind[copy.kind][0] += bool(same & truth) if copy.kind != "REWRITTEN" else bool(same)
        by_kind[copy.kind][1] += 1
        group = coverage.group_of(*target_id)
        if group is not None and same & truth:
            theirs_id = min(b for _a, b in same & truth)
            misquote = compare(coverage.index.words(target_id), coverage.index.words(theirs_id))
            if misquote.misquote != (copy.kind == "CHANGED"):
                show(f"{copy.kind}: misquote {misquote.misquote}", group, (target_id, theirs_id))
            key = "misquote" if copy.kind == "CHANGED" else "false misquote"
            flags[key][0] += misquote.misquote
            flags[key][1] += 1
            pair = (ids[copy.original], ids[number])
            speakers = {s.speaker_key for s in group.sightings if s.article in pair}
            if copy.kind == "CREDITED" and None not in speakers and len(speakers) > 1:
                flags["disputed"][0] += group.disputed
                flags["disputed"][1] += 1
            elif copy.kind in ("LATER", "PUNCTUATION") and group.disputed:
                show(f"{copy.kind}: disputed", group, (target_id, theirs_id))
                false_disputes += 1
            earliest_wrong += group.first is not None and group.first.article == ids[number]
        stored.take_out(number, analysis)
    print(f"altered copies: {len(copies)} of {n} originals")
    print(f"  the altered quote not found by the quote finder in the copy: {missed_by_finder}")
    print(f"pairing precision {correct / found if found else 1:.3f} ({correct}/{found} pairs)")
    print(f"pairing recall    {hits / built if built else 1:.3f} ({hits}/{built} copies)")
    for kind, (good, total) in by_kind.items():
        verb = "paired (must not)" if kind == "REWRITTEN" else "paired"
        print(f"  {kind:<12} {good}/{total} {verb}")
    for name, (good, total) in flags.items():
        print(f"{name + ' flagged':<24} {good}/{total}")
    print(f"disputed where it must not be (LATER, PUNCTUATION): {false_disputes}")
    print(f"first appearance given as the later copy: {earliest_wrong}")


SHOWN: list[str] = []


def show(what: str, group, quotes) -> None:
    """Keep a mistake for `--show`: what, and the group's sightings (the quotes asked marked)."""
    lines = [f"- {what}"]
    for sighting in group.sightings:
        mark = "*" if (sighting.article, sighting.start) in quotes else " "
        lines.append(f"  {mark} {sighting.article} {sighting.speaker_key}: {sighting.text[:110]!r}")
    SHOWN.append("\n".join(lines))


def timed(add: Callable[[], None]) -> float:
    start = time.perf_counter()
    add()
    return (time.perf_counter() - start) * 1000


def made_article(source: Analysis, number: int, words_of: Callable) -> Analysis:
    """An article of its own text (the source's and a line with its number) whose quotes
    are the source's at their places with the words `words_of` gives."""
    quotes = []
    for quote in source.quotes:
        text = " ".join(words_of(quote))
        fragments = ((quote.start, quote.start + len(text)),)
        quotes.append(dataclasses.replace(quote, text=text, fragments=fragments))
    article = dataclasses.replace(
        source.article, text=f"{source.article.text}\n\nMade article {number}.\n", path=None
    )
    return dataclasses.replace(source, article=article, quotes=tuple(quotes))


def figures(times: list[float]) -> str:
    times = sorted(times)
    return (
        f"median {statistics.median(times):.2f} ms, 95th percentile"
        f" {times[int(0.95 * len(times))]:.2f} ms, max {times[-1]:.2f} ms"
    )


def cost(analyses: list[Analysis], size: int, rng: random.Random, folder: str) -> None:
    """Fill a store with `size` articles made from the real ones, then time writing each."""
    vocabulary = sorted({w for a in analyses for q in a.quotes for w in _WORD.findall(q.text)})

    def words_of(number: int) -> Callable:
        def words(quote) -> tuple[str, ...]:
            found = quote_words(quote_pieces(quote.text, quote.start, quote.fragments)).words
            if number < len(analyses):
                return found
            return tuple(rng.choice(vocabulary) if rng.random() < 0.2 else w for w in found)

        return words

    with Store.open(Path(folder, "cost.sqlite3")) as store:
        start = time.perf_counter()
        for first in range(0, size, 100):
            store.save_analyses(
                [
                    made_article(analyses[n % len(analyses)], n, words_of(n))
                    for n in range(first, min(size, first + 100))
                ]
            )
        print(f"\n{size} made articles written and grouped in {time.perf_counter() - start:.2f} s")
        grouping: list[float] = []
        index = rows.index_analysis

        def index_timed(*args) -> None:
            grouping.append(timed(lambda: index(*args)))

        rows.index_analysis = index_timed  # the grouping inside each write, timed alone
        try:
            times = []
            for analysis in analyses:
                times.append(timed(lambda a=analysis: store.save_analysis(a)))
                store.save_analysis(dataclasses.replace(analysis, quotes=()))
                del grouping[-1]  # the taking out's
        finally:
            rows.index_analysis = index
    print(
        f"writing one real article to the {size}-article store: {figures(times)}"
        f" ({len(times)} articles; target <= 50 ms)"
    )
    print(f"  of which grouping its quotes (rows.index_analysis): {figures(grouping)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--model")
    parser.add_argument("--show", action="store_true", help="print each mistake")
    args = parser.parse_args()
    rng = random.Random(24)
    paths = sorted(TEXTS.glob("*.txt"))
    start = time.perf_counter()
    originals = [
        with_meta(a, file_meta(p))
        for a, p in zip(analyse(paths, args.jobs, args.model), paths, strict=True)
    ]
    with tempfile.TemporaryDirectory(prefix="bench-coverage-") as folder:
        written = []
        for index, analysis in enumerate(originals):
            for kind in KINDS:
                made = make_copy(analysis, index, kind, rng)
                if made is None:
                    continue
                text, copy = made
                path = Path(folder, f"copy-{index:02d}-{kind.lower()}.txt")
                path.write_text(text, "utf-8")
                written.append((path, copy))
        altered_analyses = analyse([p for p, _c in written], args.jobs, args.model)
    print(
        f"analysed {len(originals) + len(written)} articles in {time.perf_counter() - start:.0f} s"
    )
    with tempfile.TemporaryDirectory(prefix="bench-coverage-store-") as folder:
        stored = StoredCollection(folder)
        start = time.perf_counter()
        for index, analysis in enumerate(originals):
            stored.add(index, analysis)
        print(
            f"84 originals written to a store and grouped in {time.perf_counter() - start:.1f} s;"
            " groups among them alone (the same quote in two outlets):",
            len(stored.coverage.quote_groups()),
        )
        copies: dict[int, tuple[Copy, Analysis]] = {
            len(originals) + number: (copy, analysis)
            for number, ((_path, copy), analysis) in enumerate(
                zip(written, altered_analyses, strict=True)
            )
        }
        judge(stored, originals, copies)
        if args.show:
            print("\n".join(SHOWN))
        for number, (_copy, analysis) in copies.items():
            stored.add(number, analysis)
        start = time.perf_counter()
        groups = stored.coverage.quote_groups()
        print(
            f"describing the {len(groups)} groups of the {len(stored.coverage.articles)}-article"
            " collection (originals and all copies, groups read from the store):"
            f" {(time.perf_counter() - start) * 1000:.1f} ms"
        )
        stored.store.close()
        cost(originals + altered_analyses, 1000, rng, folder)


if __name__ == "__main__":
    main()

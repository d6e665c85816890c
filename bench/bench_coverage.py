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

Every copy is dated three days after its original. All are analysed (no store; `--jobs`
processes); the originals are indexed as one collection, and each copy in turn is added to
it, judged and taken out again (so that copies of one original do not meet).

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
pairs without being the same quotes) fill a provenance index; then each real analysis is
added and removed again, timed (its analysis excluded). Target: <= 50 ms per article.
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
from reader.core.store.coverage import Coverage  # noqa: E402
from reader.core.store.quote_groups import QuoteIndex, analysis_quote_words  # noqa: E402
from reader.core.store.quote_pairing import compare, quote_pieces, quote_words  # noqa: E402
from reader.core.text.article import ArticleMeta  # noqa: E402

TEXTS = ROOT.parent / "shared" / "data" / "quotes-dev" / "texts"
KINDS = ("SHORTENED", "CHANGED", "PUNCTUATION", "ELIDED", "CREDITED", "LATER", "REWRITTEN")
LONG = 9
OTHER_NAME = "Gary Johnson"
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
    return text[:start] + new + text[end:], Copy(kind, index, quote, (start, end, len(new)))


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


def judge(
    coverage: Coverage, originals: list[Analysis], copies: dict[int, tuple[Copy, Analysis]]
) -> None:
    """Pairing precision and recall, variants, disputes, first appearances (docstring): each
    copy is added to the originals' coverage, judged, and taken out again."""
    n = len(originals)
    found = correct = built = hits = 0
    by_kind: dict[str, list[int]] = {kind: [0, 0] for kind in KINDS}
    flags = {"misquote": [0, 0], "false misquote": [0, 0], "disputed": [0, 0]}
    false_disputes = earliest_wrong = missed_by_finder = 0
    for number, (copy, analysis) in copies.items():
        meta = originals[copy.original].article.meta
        later = datetime.date.fromisoformat(meta.date) + datetime.timedelta(days=3)
        coverage.add(number, with_meta(analysis, ArticleMeta(date=later.isoformat(), site="copy")))
        original = originals[copy.original]
        mine = [(copy.original, q.start) for q in original.quotes]
        theirs = [(number, q.start) for q in analysis.quotes]
        target_id = (copy.original, copy.quote.start)
        copied = [
            (number, q.start)
            for q in analysis.quotes
            if to_original(q.start, copy.edit) < copy.quote.end
            and to_original(q.end, copy.edit) > copy.quote.start
        ]
        if copy.kind == "CREDITED":  # the quote itself is untouched; its offsets moved
            copied = [
                (number, q.start)
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
            pair = (copy.original, number)
            speakers = {s.speaker_key for s in group.sightings if s.article in pair}
            if copy.kind == "CREDITED" and None not in speakers and len(speakers) > 1:
                flags["disputed"][0] += group.disputed
                flags["disputed"][1] += 1
            elif copy.kind in ("LATER", "PUNCTUATION") and group.disputed:
                show(f"{copy.kind}: disputed", group, (target_id, theirs_id))
                false_disputes += 1
            earliest_wrong += group.first is not None and group.first.article == number
        coverage.remove(number)
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


def cost(analyses: list[Analysis], size: int, rng: random.Random) -> None:
    """Fill an index with `size` articles made from the real ones, then time adding each."""
    vocabulary = sorted({w for a in analyses for q in a.quotes for w in _WORD.findall(q.text)})
    index = QuoteIndex()
    start = time.perf_counter()
    for number in range(size):
        source = analyses[number % len(analyses)]
        quotes = []
        for quote in source.quotes:
            words = quote_words(quote_pieces(quote.text, quote.start, quote.fragments)).words
            if number >= len(analyses):
                words = tuple(rng.choice(vocabulary) if rng.random() < 0.2 else w for w in words)
            quotes.append((quote.start, quote_words([(" ".join(words), quote.start)])))
        index.add(("made", number), quotes)
    print(f"\n{size} made articles indexed in {time.perf_counter() - start:.2f} s")
    times = []
    for number, analysis in enumerate(analyses):
        times.append(timed(lambda a=analysis, n=number: index.add(n, analysis_quote_words(a))))
        index.remove(number)
    times.sort()
    print(
        f"adding one real article to the {size}-article index:"
        f" median {statistics.median(times):.2f} ms,"
        f" 95th percentile {times[int(0.95 * len(times))]:.2f} ms, max {times[-1]:.2f} ms"
        f" ({len(times)} articles; target <= 50 ms)"
    )


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
    coverage = Coverage()
    for index, analysis in enumerate(originals):
        coverage.add(index, analysis)
    print(
        "groups among the 84 originals alone (the same quote in two outlets):",
        len(coverage.quote_groups()),
    )
    copies: dict[int, tuple[Copy, Analysis]] = {
        len(originals) + number: (copy, analysis)
        for number, ((_path, copy), analysis) in enumerate(
            zip(written, altered_analyses, strict=True)
        )
    }
    judge(coverage, originals, copies)
    if args.show:
        print("\n".join(SHOWN))
    cost(originals + altered_analyses, 1000, rng)
    for number, (_copy, analysis) in copies.items():
        coverage.add(number, analysis)
    start = time.perf_counter()
    groups = coverage.quote_groups()
    print(
        f"describing the {len(groups)} groups of the {len(coverage.articles)}-article"
        f" collection (originals and all copies): {(time.perf_counter() - start) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()

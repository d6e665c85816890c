"""The Library at 10,000 articles (issue 25, deliverable 3): the window opening a collection,
its entity table filling, sorting and filtering, every quote of one person, full-text search,
the window's memory and the store's size, each printed with its target; exit 1 on a miss.

    QT_QPA_PLATFORM=offscreen python bench/bench_library_scale.py               # 10,000
    python bench/bench_library_scale.py --articles 2000                          # fewer
    python bench/bench_library_scale.py --keep /tmp/scale   # build once, measure again later

The collection is made at run time in a temporary folder (or --keep's) from the texts of
../shared/data/*/texts, never copied into the project. A child process analyses `--real` of
them with the real pipeline, then writes each article as one of those texts with a line before
it ("Copy N of …", so every hash differs and every offset of the real analysis is shifted by
its length) and a closing paragraph quoting a reporter (one of 2,500 made-up people, each in
four articles, so the collection has many distinct entities), with a date over two years; it
stores every analysis through `Store.save_analyses` and saves the collection as a named one.
This process never loads spaCy: it starts the real window (its pipeline in a child process, as
in the app), shows the collection in the Library dock and measures. What the event loop does
while a collection is analysed is measured by bench/bench_gui.py, not here.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"
REPORTERS = 2500  # made-up people, each quoted in four articles (GIVEN x SURNAMES)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


GIVEN = _words("Ada Bela Cyrus Dara Emil Fern Gus Hana Ivo Jules Kara Leon Mina Nils Olga")
SURNAMES = tuple(
    a + b
    for a in _words("Albe Brun Cast Dorn Ekel Ferr Gall Holt Ivar Jans Kess Lund Mart")
    for b in _words("ani berg cott dale ell ford gren hart inger jost kamp lowe mund")
)
TARGETS = {
    "open": 1000,
    "entities": 300,
    "keystroke": 100,
    "sort": 300,
    "p95": 100,
    "mb": 600,
    "gap": 100,
}


# --- building the collection (child process: it loads spaCy) -------------------------------


def _shifted(value: Any, shift: int) -> Any:
    """A JSON analysis part with every offset (start, end, fragments) moved by `shift`."""
    if isinstance(value, list):
        return [_shifted(v, shift) for v in value]
    if not isinstance(value, dict):
        return value
    moved = {k: _shifted(v, shift) for k, v in value.items()}
    for name in ("start", "end"):
        if isinstance(value.get(name), int):
            moved[name] = value[name] + shift
    if "fragments" in value:
        moved["fragments"] = [[s + shift, e + shift] for s, e in value["fragments"]]
    return moved


def _closing(i: int, offset: int) -> tuple[str, dict, dict]:
    """A closing paragraph quoting a made-up reporter, its mention and its quote (as JSON)."""
    person = i % REPORTERS
    name = f"{GIVEN[person % len(GIVEN)]} {SURNAMES[person // len(GIVEN)]}"
    words = f"This is copy {i} of the story and it was checked twice"
    text = f"“{words},” said {name}.\n"
    speaker_start = offset + len(words) + 9
    key = "person:" + name.lower().replace(" ", "-")
    mention = {
        "start": speaker_start,
        "end": speaker_start + len(name),
        "text": name,
        "kind": "PERSON",
        "key": key,
        "name": name,
        "mention": "name",
    }
    cue = {"start": speaker_start - 5, "end": speaker_start - 1, "text": "said"}
    quote = {
        "start": offset,
        "end": offset + len(words) + 3,
        "text": f"“{words},”",
        "fragments": [[offset + 1, offset + 1 + len(words)]],
        "speaker": {**{k: mention[k] for k in ("start", "end", "text", "name", "key")}},
        "cue": cue,
        "evidence": {"path": "named", "confidence": 0.9, "antecedent": None, "relay": None},
    }
    return text, mention, quote


def pin_analysis_version(version: str) -> None:
    """Key stored analyses by `version` in this process: the analysis code's digest is part of
    the key (`reader.core.store.database.ANALYSIS_VERSION`), and a build kept with --keep, or
    one made while someone edits that code, must still be the collection's analyses."""
    for name, module in list(sys.modules.items()):
        if name.startswith("reader.") and hasattr(module, "ANALYSIS_VERSION"):
            module.ANALYSIS_VERSION = version


def build(folder: Path, count: int, real: int, version: str) -> None:
    """Write `count` articles under `folder`/articles and fill `folder`/store.sqlite3."""
    from reader.core.analysis.analyzer import analyze
    from reader.core.analysis.pipeline import load_pipeline, model_label
    from reader.core.model import Analysis
    from reader.core.store.collections import SavedCollections
    from reader.core.store.database import Store
    from reader.core.store.records import mentions_from_dicts, quotes_from_dicts
    from reader.core.text.article import Article, ArticleMeta
    from reader.core.text.loaders import load_article

    pin_analysis_version(version)
    sources = sorted(DATA.glob("*/texts/*.txt"))
    chosen = sources[:: max(1, len(sources) // real)][:real]
    started = time.perf_counter()
    nlp = load_pipeline()
    label = model_label(nlp)
    bases = []
    for source in chosen:
        analysis = analyze(load_article(source), nlp)
        record = analysis.to_dict()
        bases.append((analysis.article, record["entities"], record["quotes"]))
    analysed = time.perf_counter() - started
    articles = folder / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    paths, batch = [], []
    with Store.open(folder / "store.sqlite3") as store:
        for i in range(count):
            article, entities, quotes = bases[i % len(bases)]
            prefix = f"Copy {i} of {article.title[:40]}.\n\n"
            body = prefix + article.text.rstrip("\n") + "\n\n"
            closing, mention, quote = _closing(i, len(body))
            text = body + closing
            path = articles / f"{i:05d}.txt"
            path.write_text(text, "utf-8")
            paths.append(path)
            day = i % 730
            meta = ArticleMeta(
                date=f"{2019 + day // 365}-{day % 365 // 31 + 1:02d}-{day % 28 + 1:02d}"
            )
            batch.append(
                Analysis(
                    Article(f"{article.title} ({i})", text, (), path, meta),
                    label,
                    mentions_from_dicts([*_shifted(entities, len(prefix)), mention]),
                    quotes_from_dicts([*_shifted(quotes, len(prefix)), quote]),
                )
            )
            if len(batch) == 500:
                store.save_analyses(batch)
                batch = []
        store.save_analyses(batch)
        saved = SavedCollections(store).create("scale", paths)
    stored = time.perf_counter() - started - analysed
    print(
        json.dumps(
            {
                "version": version,
                "label": label,
                "id": saved.id,
                "analysed_s": analysed,
                "stored_s": stored,
                "real": len(bases),
            }
        )
    )


# --- measuring (this process: the window) ---------------------------------------------------


def timed_ms(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def rss_mb(pid: str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_rss() -> dict[str, float]:
    """The RSS in MB of each child process of this one, by its command line's last word."""
    found = {}
    for task in Path("/proc/self/task").iterdir():
        for pid in (task / "children").read_text().split():
            try:
                command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
                found[f"{pid} {command[-2].decode()[:60] if len(command) > 1 else ''}"] = rss_mb(
                    pid
                )
            except OSError:
                continue
    return found


class Figures:
    """Each figure with its target; `missed` counts those over it."""

    def __init__(self) -> None:
        self.missed = 0

    def show(self, what: str, value: float, target: float | None, unit: str = "ms") -> None:
        mark = ""
        if target is not None:
            ok = value <= target
            self.missed += not ok
            mark = f"  (target ≤ {target:g} {unit}){'' if ok else '  MISSED'}"
        print(f"{what}: {value:.0f} {unit}{mark}", flush=True)


def measure(folder: Path, built: dict) -> int:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from reader.core.store.library import Collection
    from reader.gui.app import create_window
    from reader.gui.window.settings import Settings
    from reader.gui.work.worker import PipelineRunner

    pin_analysis_version(built["version"])
    os.environ["READER_STORE"] = str(folder / "store.sqlite3")
    app = QApplication.instance() or QApplication([])
    (folder / "settings.ini").unlink(missing_ok=True)  # a kept one would reopen the collection
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    settings.set_pipeline_label(None, built["label"])
    window = create_window(settings, PipelineRunner())
    window.show()
    deadline = time.monotonic() + 180  # the pipeline loads in its child process first
    while "loading" in window.model_label.text() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.05)
    app.processEvents()
    library = window.library.collections
    panel = library.panel
    figures = Figures()
    before = rss_mb()

    def open_collection() -> None:
        library.show(built["id"])
        app.processEvents()

    coverage = getattr(getattr(window.library, "coverage", None), "coverage", None)
    ready: list[object] = []
    if coverage is not None:  # the Coverage page reads the collection on a background lane
        coverage.changed.connect(ready.append)

    gaps: list[float] = []  # the event loop's largest gap while the coverage is read

    def settle() -> float:
        """Seconds until the Coverage page's background reading has ended, so later figures
        are the Library's own; the longest time the event loop went without turning (each
        turn takes the events queued, then waits 2 ms) is kept in `gaps`."""
        start = last = time.perf_counter()
        largest = 0.0
        while coverage is not None and not ready and time.perf_counter() - start < 600:
            app.processEvents()
            time.sleep(0.002)
            now = time.perf_counter()
            largest = max(largest, now - last - 0.002)
            last = now
        gaps.append(largest * 1000)
        ready.clear()
        return time.perf_counter() - start

    first = timed_ms(open_collection)
    print(
        f"(window memory after the first open: {rss_mb():.0f} MB now,"
        f" {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB peak;"
        f" load average {os.getloadavg()[0]:.2f})"
    )
    print(f"(the Coverage page's background reading ended {settle():.1f} s after the first open)")
    opened = timed_ms(open_collection)  # a new Collection over the same store: a next start
    print(f"(and {settle():.1f} s after the second)")
    figures.show(
        "largest event-loop gap while the Coverage page reads the collection (first open)",
        gaps[0],
        TARGETS["gap"],
    )
    collection = library.collection
    articles, entities = collection.articles(), panel.entities.records.records()
    print(
        f"collection: {len(articles)} articles ({sum(a.analysed for a in articles)} analysed),"
        f" {len(entities)} entities, {sum(e.quotes for e in entities)} attributed quotes"
    )
    figures.show("first open after its analysis (its identity made and kept)", first, None)
    figures.show("open the collection in the window again (lists shown)", opened, TARGETS["open"])
    if not entities:
        sys.exit("the collection has no analysed article: nothing to measure")

    fresh = Collection(collection.store, collection.paths, collection.model)
    fresh.articles()

    def fill() -> None:
        panel.entities.records.set_records(fresh.entities())
        app.processEvents()

    figures.show(
        "entity table fills (entities of a new Collection)", timed_ms(fill), TARGETS["entities"]
    )
    view = panel.entities
    sorts = []
    for column in range(view.model().columnCount()):
        sorts.append(
            timed_ms(
                lambda c=column: (
                    view.sortByColumn(c, Qt.SortOrder.AscendingOrder),
                    app.processEvents(),
                )
            )
        )
    figures.show("entity table sorted by a column, slowest column", max(sorts), TARGETS["sort"])
    name = max(entities, key=lambda e: e.articles).name
    typed = [
        timed_ms(lambda t=name[:n]: (view.filter_box.setText(t), app.processEvents()))
        for n in range(1, len(name) + 1)
    ]
    typed += [
        timed_ms(lambda t=name[:n]: (view.filter_box.setText(t), app.processEvents()))
        for n in range(len(name) - 1, -1, -1)
    ]
    figures.show(
        f"entity filter, typing “{name}” and back, slowest keystroke",
        max(typed),
        TARGETS["keystroke"],
    )

    people = [e for e in entities if e.kind == "PERSON" and e.quotes]
    rng = random.Random(25)
    chosen = sorted(people, key=lambda e: -e.quotes)[:25] + rng.sample(people, min(25, len(people)))
    quote_ms = [timed_ms(lambda k=e.key: collection.quotes_of(k)) for e in chosen]
    most = max(len(collection.quotes_of(e.key)) for e in chosen)
    figures.show(
        f"every quote of one person, p95 of {len(chosen)} (up to {most} quotes)",
        p95(quote_ms),
        TARGETS["p95"],
    )
    follow_ms = [timed_ms(lambda k=e.key: (panel.follow(k), app.processEvents())) for e in chosen]
    figures.show(
        "following one person in the window (quotes, articles, seen with), p95",
        p95(follow_ms),
        None,
    )

    words = [
        *("said", "president", "the", "government", "minister", "police", "trump"),
        *("election", "war", "health", "court", "economy", "climate", "copy"),
        *("pres", "gov", "vacc", "checked twice", '"prime minister"', "white house"),
        *("zebra", "quantum", "referendum", "ceasefire", "tariffs", "novel"),
    ]
    search_ms = [timed_ms(lambda w=w: collection.search(w)) for w in words]
    search_ms += [timed_ms(lambda w=w: collection.search(w, quotes_only=True)) for w in words]
    figures.show(
        f"full-text search, p95 of {len(search_ms)} queries (200 hits at most)",
        p95(search_ms),
        TARGETS["p95"],
    )
    box = panel.search_box

    def search_in_window(word: str) -> None:
        box.setText(word)
        panel.run_search()
        app.processEvents()

    window_search = [timed_ms(lambda w=w: search_in_window(w)) for w in words]
    figures.show("search in the window (results shown), p95", p95(window_search), None)

    now = rss_mb()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    spacy = "spacy" in sys.modules
    print(f"window memory before opening: {before:.0f} MB (spaCy in this process: {spacy})")
    figures.show("window memory with the collection open (RSS now)", now, TARGETS["mb"], "MB")
    figures.show("window memory, peak (ru_maxrss)", peak, TARGETS["mb"], "MB")
    for child, mb in children_rss().items():
        print(f"  child process {child}: {mb:.0f} MB (not the window's)")
    size = sum(p.stat().st_size for p in folder.glob("store.sqlite3*")) / 1e6
    texts = sum(p.stat().st_size for p in (folder / "articles").glob("*.txt")) / 1e6
    print(f"store on disk: {size:.0f} MB (for {texts:.0f} MB of article files)")
    window.shutdown()
    return figures.missed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--real", type=int, default=80, help="texts analysed by the pipeline")
    parser.add_argument("--keep", type=Path, help="build here once; later runs measure it again")
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)  # the child's job
    parser.add_argument("--version", help=argparse.SUPPRESS)  # and the analysis version
    args = parser.parse_args()
    if args.build is not None:
        build(args.build, args.articles, args.real, args.version)
        return
    from reader.core.store.database import ANALYSIS_VERSION

    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average at start: {load} on {os.cpu_count()} cores")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="reader-library-scale-"))
    built_file = folder / "built.json"
    try:
        if built_file.exists():
            built = json.loads(built_file.read_text())
            print(f"measuring the collection built before in {folder}")
        else:
            folder.mkdir(parents=True, exist_ok=True)
            run = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--build",
                    str(folder),
                    "--articles",
                    str(args.articles),
                    "--real",
                    str(args.real),
                    "--version",
                    ANALYSIS_VERSION,
                ],
                check=True,
                capture_output=True,
                text=True,
            )
            built = json.loads(run.stdout.strip().splitlines()[-1])
            built_file.write_text(json.dumps(built))
            print(
                f"built {args.articles} articles from {built['real']} analysed texts: analysis"
                f" {built['analysed_s']:.0f} s, storing {built['stored_s']:.0f} s"
            )
        missed = measure(folder, built)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        "all figures within their targets"
        if not missed
        else f"{missed} figures missed their targets"
    )
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()

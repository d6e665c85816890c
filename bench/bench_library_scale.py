"""The Library at 10,000 articles (issue 25, deliverable 3): the window opening a collection
(the first time, with no snapshot of its identity; again, its snapshot read; out of date, after
articles changed and a correction), the largest event-loop gap of each and the time until its
entities are listed, its entity table filling, sorting and filtering, every quote of one person,
full-text search, the window's memory and the store's size, each printed with its target; exit
1 on a miss.

    QT_QPA_PLATFORM=offscreen python bench/bench_library_scale.py               # 10,000
    python bench/bench_library_scale.py --articles 2000                          # fewer
    python bench/bench_library_scale.py --keep /tmp/scale   # build once, measure again later

The collection is made at run time in a temporary folder (or --keep's) by a child process
(bench/library_scale_build.py, which loads spaCy; the texts of ../shared/data are never copied
into the project). This process never loads spaCy: it starts the real window (its pipeline in a
child process, as in the app), shows the collection in the Library dock and measures. The
identity snapshots are dropped before the window starts, so the first open is always a first
build; each --keep run revises the collection's first 50 articles again. Last, 40 new articles
are added to the collection and analysed in the background by the real pipeline (the batch
service's processes), the event loop watched until they are listed (bench/scale_background.py),
and then taken out again.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from library_scale_build import pin_analysis_version, revise  # noqa: E402
from scale_background import added_articles, analysed_and_listed, take_back  # noqa: E402
from scale_measures import Collections, Figures, Watch, children_rss, p95, rss_mb, timed_ms  # noqa: E402

TARGETS = {
    "open": 1000,
    "entities": 300,
    "keystroke": 100,
    "sort": 300,
    "p95": 100,
    "mb": 600,
    "gap": 100,
}
REVISED = 50  # articles changed for the out-of-date update
ADDED = 40  # new articles analysed in the background by the real pipeline
COVERAGE_S = 180  # how long the Coverage page's reading is waited for after the entities


def _drop_snapshots(store_path: Path) -> None:
    from reader.core.store.database import Store

    with Store.open(store_path) as store, store.writing() as db:
        db.execute("DELETE FROM identity_snapshots")


def measure(folder: Path, built: dict) -> int:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from reader.core.store.collections import SavedCollections
    from reader.core.store.corrections import Correction
    from reader.gui.app import create_window
    from reader.gui.library.identity_work import KEPT
    from reader.gui.window.settings import Settings
    from reader.gui.work.worker import PipelineRunner

    pin_analysis_version(built["version"])
    os.environ["READER_STORE"] = str(folder / "store.sqlite3")
    _drop_snapshots(folder / "store.sqlite3")  # the first open builds the identity
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
    panel, identity, store = library.panel, library.identity, window.stored.store
    figures, watch, collections = Figures(), Watch(app), Collections()
    before = rss_mb()
    shelf = SavedCollections(store)
    paths = shelf.paths(built["id"])
    others = []  # two collections of one article each, shown between the opens
    for n, name in enumerate(("scale, one article", "scale, another article"), 1):
        found = next((c.id for c in shelf.all() if c.name == name), None)
        others.append(found if found is not None else shelf.create(name, paths[-n:][:1]).id)

    coverage = getattr(getattr(window.library, "coverage", None), "coverage", None)
    ready: list[object] = []
    if coverage is not None:  # the Coverage page reads the collection on a background lane
        coverage.changed.connect(lambda snapshot: snapshot is None or ready.append(snapshot))

    def articles_listed() -> bool:  # read on the articles' lane and shown
        return library.article_work.pending is None and panel.collection is not None

    def listed() -> bool:
        done = articles_listed() and identity.pending is None
        return done and bool(panel.entities.records.records())

    def show_others(count: int) -> None:
        for other in others[:count]:
            _, took, _ = watch.run(lambda other=other: library.show(other), listed, limit_s=300)
            if not listed():
                sys.exit(f"another collection's entities were not listed in {took / 1000:.0f} s")

    def open_and_watch(what: str, open_target: float | None, listed_target: float | None) -> None:
        """Show the collection; wait for its entities, then for the Coverage page."""
        ready.clear()
        collections.reset()
        shown, until_articles, articles_gap = watch.run(
            lambda: library.show(built["id"]), articles_listed
        )
        _, until_listed, entities_gap = watch.run(lambda: None, listed)
        until_listed, gap, on_lane = (
            until_listed + until_articles,
            max(articles_gap, entities_gap),
            watch.after,
        )
        collected = collections.reset()
        _, until_coverage, coverage_gap = watch.run(
            lambda: None, lambda: bool(ready) or not coverage, limit_s=COVERAGE_S
        )
        figures.show(f"{what}: show() on the GUI thread (the lists read on a lane)", shown, None)
        figures.show(f"{what}: its articles listed after", until_articles, open_target)
        figures.show(f"{what}: its entities listed after", until_listed, listed_target)
        figures.show(f"{what}: largest event-loop gap until then", gap, TARGETS["gap"])
        figures.show(f"{what}: … while the identity lane worked", on_lane, TARGETS["gap"])
        print(f"({what}: longest full garbage collection until then {collected:.0f} ms)")
        read = "read it" if ready or not coverage else "had not read it yet"
        print(
            f"({what}: the Coverage page {read} {until_listed + until_coverage:.0f} ms after"
            f" the open; largest event-loop gap meanwhile {coverage_gap:.0f} ms)"
        )

    first = "first open, no snapshot (identity built in a child process)"
    open_and_watch(first, TARGETS["open"], None)
    print(
        f"(window memory after the first open: {rss_mb():.0f} MB now,"
        f" {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB peak;"
        f" load average {os.getloadavg()[0]:.2f})"
    )
    show_others(1)
    again = f"open again after another (its identity kept, the last {KEPT} shown are)"
    open_and_watch(again, TARGETS["open"], TARGETS["entities"])
    show_others(2)
    again = "open again after two others (its snapshot read on the lane)"
    open_and_watch(again, TARGETS["open"], TARGETS["entities"])

    collection = library.collection
    top = panel.entities.records.records()[0]
    changing = {a.content_hash for a in collection.articles()[:REVISED]}
    digest, own = next((h, k) for h, k in collection.texts_of(top.key) if h not in changing)
    revised = revise(store, paths[:REVISED], built["label"], f"{time.time_ns()}")
    store.add_correction(digest, Correction("rename", key=own, name=f"{top.name} (checked)"))
    collections.reset()
    asked, until_articles, articles_gap = watch.run(library.refresh, articles_listed)
    _, until_listed, gap = watch.run(lambda: None, listed)
    what = f"out of date ({revised} articles changed, a correction): update"
    figures.show(f"{what}: refresh() on the GUI thread (the list read on a lane)", asked, None)
    figures.show(f"{what}: its articles listed again after", until_articles, None)
    figures.show(f"{what}: its entities listed after", until_articles + until_listed, None)
    figures.show(
        f"{what}: largest event-loop gap until then", max(gap, articles_gap), TARGETS["gap"]
    )
    figures.show(f"{what}: … while the identity lane worked", watch.after, TARGETS["gap"])
    print(f"({what}: longest full garbage collection until then {collections.reset():.0f} ms)")
    if not collection.identity_current():
        sys.exit("the collection's identity is not current after its update")

    articles, entities = collection.articles(), panel.entities.records.records()
    print(
        f"collection: {len(articles)} articles ({sum(a.analysed for a in articles)} analysed),"
        f" {len(entities)} entities, {sum(e.quotes for e in entities)} attributed quotes"
    )
    if not entities:
        sys.exit("the collection has no analysed article: nothing to measure")

    def fill() -> None:  # set again (the panel skips a tuple it lists already)
        panel.entities.records.set_records(tuple(collection.entities()))
        app.processEvents()

    figures.show(
        "entity table fills (the adopted entities listed)", timed_ms(fill), TARGETS["entities"]
    )
    view = panel.entities

    def sort(column: int) -> None:
        view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        app.processEvents()

    sorts = [timed_ms(lambda c=c: sort(c)) for c in range(view.model().columnCount())]
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

    added = added_articles(folder / "added", ADDED, f"{time.time_ns()}")
    collections.reset()
    _, until_analysed, gap = watch.run(
        lambda: library.add_to(built["id"], added),
        lambda: analysed_and_listed(library, added),
        limit_s=900,
    )
    what = f"{len(added)} articles added and analysed in the background (real pipeline)"
    figures.show(f"{what}: analysed and listed after", until_analysed, None)
    figures.show(f"{what}: largest event-loop gap meanwhile", gap, TARGETS["gap"])
    print(f"({what}: longest full garbage collection {collections.reset():.0f} ms)")
    analysed = analysed_and_listed(library, added)
    take_back(shelf, built["id"], added)
    if not analysed:
        sys.exit("the added articles were not analysed and listed in 900 s")

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
    args = parser.parse_args()
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
                    str(ROOT / "bench" / "library_scale_build.py"),
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

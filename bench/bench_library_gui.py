"""The library in the window: time to open a collection of 1,000 analysed articles (its article
and entity lists filled), to follow one person across it, and to search it.

    QT_QPA_PLATFORM=offscreen python bench/bench_library_gui.py                 # 1,000 articles
    QT_QPA_PLATFORM=offscreen python bench/bench_library_gui.py --articles 200  # fewer

The collection is made at run time in a temporary folder from ../shared/data/quotes-dev/texts:
each article is a dev text with one line added at its end ("Copy N."), so every hash differs.
Each distinct text is analysed once with the real pipeline; its copies are stored with the same
mentions and quotes (the added line holds none), which fills the store as analysing every copy
would, in a fraction of the time. Nothing is written to the project or the user's store.
Target (issue 11): opening the collection in the window at most 1 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TEXTS = ROOT.parent / "shared" / "data" / "quotes-dev" / "texts"


def fill_store(folder: Path, count: int, store_path: Path) -> tuple[list[Path], str]:
    """Write `count` article copies and store an analysis of each; returns paths and label."""
    from reader.core.analysis.analyzer import analyze
    from reader.core.analysis.pipeline import load_pipeline, model_label
    from reader.core.model import Analysis
    from reader.core.store.database import Store
    from reader.core.text.loaders import load_article

    nlp = load_pipeline()
    sources = sorted(TEXTS.glob("*.txt"))
    analyses = {source: analyze(load_article(source), nlp) for source in sources[:count]}
    paths = []
    with Store.open(store_path) as store:
        for i in range(count):
            source = sources[i % len(sources)]
            path = folder / f"{i:05d}-{source.name}"
            text = source.read_text("utf-8").rstrip("\n")
            path.write_text(text + f"\n\nCopy {i}.\n", "utf-8")
            base = analyses[source]
            article = load_article(path)
            store.save_analysis(Analysis(article, base.model, base.mentions, base.quotes))
            paths.append(path)
    return paths, model_label(nlp)


def timed(action, repeats: int = 3) -> float:
    """Median wall time of `action` in seconds (it runs on the GUI thread, as in the app)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="reader-library-gui-"))
    try:
        os.environ["READER_STORE"] = str(folder / "store.sqlite3")
        articles = folder / "articles"
        articles.mkdir()
        paths, label = fill_store(articles, args.articles, folder / "store.sqlite3")

        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        from reader.gui.app import create_window
        from reader.gui.window.settings import Settings
        from reader.gui.work.worker import PipelineRunner

        app = QApplication.instance() or QApplication([])
        settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
        settings.set_pipeline_label(None, label)
        window = create_window(settings, PipelineRunner())
        window.show()
        library = window.library.collections
        deadline = time.monotonic() + 120  # the pipeline loads in its child process first
        while "loading" in window.model_label.text() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.05)

        def open_collection() -> None:
            library.open_collection(paths, "bench")
            app.processEvents()

        opening = timed(open_collection)
        entities = library.panel.entities.records.records()
        person = next(e for e in entities if e.kind == "PERSON")
        following = timed(lambda: library.panel.follow(person.key))
        quotes = len(library.panel.quotes.records.records())
        searching = timed(
            lambda: (library.panel.search_box.setText("said"), library.panel.run_search())
        )
        print(f"articles: {len(paths)}; entities across them: {len(entities)}")
        print(
            "open the collection (articles and entities listed): "
            f"{opening * 1000:.0f} ms (target ≤ 1000)"
        )
        print(
            f"follow {person.name} ({person.articles} articles, {quotes} quotes): "
            f"{following * 1000:.0f} ms"
        )
        print(f"search 'said' (FTS5): {searching * 1000:.0f} ms")
        window.shutdown()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

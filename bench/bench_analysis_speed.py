"""How much Reader adds to spaCy: analyze(article, nlp) against the bare nlp(text), same process.

"Bare" is the loaded pipeline with Reader's own components (sentence starts at paragraph breaks,
the quote finder) switched off, so the ratio covers everything Reader does on top of the model:
its components, turning the Doc into entities (entities.py) and quotes. The target is a ratio
of at most 1.15.

    python bench/bench_analysis_speed.py [FILE] [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from reader.core.analysis.analyzer import analyze
from reader.core.analysis.entities import mentions_from_doc
from reader.core.analysis.pipeline import PARAGRAPH_BREAKS, load_pipeline
from reader.core.analysis.quotes import COMPONENT_NAME
from reader.core.text.loaders import load_article

SEED = Path(__file__).resolve().parents[1] / "seeds" / "tillerson-lavrov.txt"


def seconds(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=SEED)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()

    article = load_article(args.file)
    nlp = load_pipeline()

    def bare() -> object:
        with nlp.select_pipes(disable=[PARAGRAPH_BREAKS, COMPONENT_NAME]):
            return nlp(article.text)

    doc = nlp(article.text)
    for _ in range(3):  # warm caches (country tables, vocabulary) before timing
        bare()
        analyze(article, nlp)
    bare_times, full_times, entity_times = [], [], []
    for _ in range(args.rounds):  # interleaved, so drifts in machine load hit both alike
        bare_times.append(seconds(bare))
        full_times.append(seconds(lambda: analyze(article, nlp)))
        entity_times.append(seconds(lambda: mentions_from_doc(doc)))
    bare_s = statistics.median(bare_times)
    full_s = statistics.median(full_times)
    entities_s = statistics.median(entity_times)
    print(f"file: {args.file} ({len(doc)} tokens), model: {nlp.meta.get('name_full')}")
    print(
        f"bare nlp(text), Reader's components off: {bare_s * 1000:.1f} ms (median of {args.rounds})"
    )
    print(f"analyze(article, nlp):              {full_s * 1000:.1f} ms")
    print(f"  of which mentions_from_doc(doc):  {entities_s * 1000:.2f} ms")
    print(f"ratio analyze / bare: {full_s / bare_s:.3f} (target <= 1.15)")


if __name__ == "__main__":
    main()

"""Quote finder: its share of the pipeline's time, and its quality on a gold set.

Times the spaCy pipeline without the quote finder, then the quote finder alone on the same
parsed docs, each the best of a few rounds, and prints their ratio (the issue allows 0.10).
Quality is scored by the project's scorer (../shared/eval/score_quotes.py) on the analysis
JSON, exactly as `reader analyze FILE... --format jsonl` would print it.

    python bench/bench_quotes.py [GOLD_DIR] [--scorer SCORE_QUOTES.py] [--rounds N]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import tempfile
import time
from pathlib import Path

from spacy.tokens import Doc

from reader.core.analysis import analyze
from reader.core.loaders import load_article
from reader.core.pipeline import load_pipeline, model_label
from reader.core.quotes import COMPONENT_NAME

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_GOLD = SHARED / "data" / "quotes-dev"
DEFAULT_SCORER = SHARED / "eval" / "score_quotes.py"


def best_time(rounds: int, run) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score_quotes", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    paths = sorted((args.gold_dir / "texts").glob("*.txt"))
    articles = [load_article(path) for path in paths]
    texts = [article.text for article in articles]
    nlp = load_pipeline()
    finder = nlp.get_pipe(COMPONENT_NAME)

    parsed: list[Doc] = []

    def parse_without_finder() -> None:
        with nlp.select_pipes(disable=[COMPONENT_NAME]):
            parsed[:] = list(nlp.pipe(texts))

    def find_quotes() -> None:
        for doc in parsed:
            finder(doc)

    pipeline_seconds = best_time(args.rounds, parse_without_finder)
    finder_seconds = best_time(args.rounds, find_quotes)

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
        for path, article in zip(paths, articles, strict=True):
            result = analyze(article, nlp).to_dict()
            result["path"] = str(path)
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
    quality = load_scorer(args.scorer)(args.gold_dir, out.name)
    Path(out.name).unlink()

    print(f"model: {model_label(nlp)}, {len(texts)} articles, best of {args.rounds} rounds")
    print(f"pipeline without quote finder: {pipeline_seconds:.2f} s")
    print(f"quote finder alone:            {finder_seconds:.3f} s")
    print(f"overhead ratio:                {finder_seconds / pipeline_seconds:.3f}")
    print(
        f"F1 {quality['f1']:.3f}  precision {quality['precision']:.3f}  "
        f"recall {quality['recall']:.3f}  speaker accuracy {quality['speaker_accuracy']:.3f}  "
        f"({quality['system_quotes']} found, {quality['gold_quotes']} gold)"
    )


if __name__ == "__main__":
    main()

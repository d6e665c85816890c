"""Quote finder: its share of the pipeline's time, and its quality on a gold set.

Times (CPU seconds) the spaCy pipeline without the quote finder, then the quote finder alone on
the same parsed docs, each the best of a few rounds, and prints their ratio (allowed: 0.05).
Then the same ratio at longer lengths: one Doc joined (`Doc.from_docs`, as the pipeline joins
chunks) from the parsed dev articles, repeated up to about 10 KB, 100 KB and 1 MB, built at run
time; the pipeline's time for it is the dev set's, scaled by length.
Quality is scored by the project's scorer (../shared/eval/score_quotes.py) on the analysis
JSON, exactly as `reader analyze FILE... --format jsonl` would print it. Then whether the
speakers' confidence means something: the quotes the scorer matches to gold quotes, pairing
them as it does, sorted by `evidence.confidence` (text order among equals); the speaker error
rate of the 20% least confident against that of the rest (target: 3 times higher or more),
and the share of all speaker errors that falls in that 20% (target: 60% or more).

    python bench/bench_quotes.py [GOLD_DIR] [--scorer SCORE_QUOTES.py] [--rounds N]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import tempfile
import time
from fractions import Fraction
from pathlib import Path

from spacy.tokens import Doc

from reader.core.analysis.analyzer import analyze
from reader.core.analysis.pipeline import load_pipeline, model_label
from reader.core.analysis.quotes import COMPONENT_NAME
from reader.core.text.loaders import load_article

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_GOLD = SHARED / "data" / "quotes-dev"
DEFAULT_SCORER = SHARED / "eval" / "score_quotes.py"
LENGTHS = (10_000, 100_000, 1_000_000)  # characters
DOUBTFUL_SHARE = Fraction(1, 5)  # the least confident quotes, as a share of those matched


def best_time(rounds: int, run) -> float:
    times = []
    for _ in range(rounds):
        started = time.process_time()
        run()
        times.append(time.process_time() - started)
    return min(times)


def joined_doc(parsed: list[Doc], size: int) -> Doc:
    """One Doc of at least `size` characters, the parsed articles joined over and over."""
    parts, chars = [], 0
    while chars < size:
        part = parsed[len(parts) % len(parsed)]
        parts.append(part)
        chars += len(part.text)
    return Doc.from_docs(parts)


def load_scorer(path: Path):
    """The scorer module: its `score` and the `strip_marks` it matches quotes with."""
    spec = importlib.util.spec_from_file_location("score_quotes", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def speaker_outcomes(scorer, gold_dir: Path, system_path: str) -> list[tuple[float, bool]]:
    """(confidence, speaker right) for each system quote the scorer matches to a gold quote,
    matched and judged as `score` does (one-to-one, greedy by overlap; speakers overlap)."""
    gold = {}
    for line in (gold_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        gold[record["name"]] = record["quotes"]
    outcomes = []
    for line in Path(system_path).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        name = Path(record["path"]).stem
        text = (gold_dir / "texts" / f"{name}.txt").read_text(encoding="utf-8")
        gold_quotes, quotes = gold.get(name, []), record["quotes"]
        gold_sets = [scorer.strip_marks(text, q["segments"]) for q in gold_quotes]
        sets = [scorer.strip_marks(text, q["fragments"]) for q in quotes]
        pairs = sorted(
            (
                (len(g & s), i, j)
                for i, g in enumerate(gold_sets)
                for j, s in enumerate(sets)
                if g and s and len(g & s) >= 0.5 * len(g) and len(g & s) >= 0.5 * len(s)
            ),
            reverse=True,
        )
        used_gold, used = set(), set()
        for _, i, j in pairs:
            if i in used_gold or j in used:
                continue
            used_gold.add(i)
            used.add(j)
            source, speaker = gold_quotes[i]["source"], quotes[j]["speaker"]
            if source is None or speaker is None:
                right = source is None and speaker is None
            else:
                right = min(source[1], speaker["end"]) > max(source[0], speaker["start"])
            outcomes.append((quotes[j]["evidence"]["confidence"], right))
    return outcomes


def doubtful_figures(outcomes: list[tuple[float, bool]]) -> str:
    """The error rates of the least confident share and of the rest, and the errors' share."""
    ranked = sorted(outcomes, key=lambda outcome: outcome[0])  # stable: text order kept
    count = round(len(ranked) * DOUBTFUL_SHARE)
    low = sum(not right for _, right in ranked[:count])
    rest = sum(not right for _, right in ranked[count:])
    low_rate, rest_rate = low / max(count, 1), rest / max(len(ranked) - count, 1)
    ratio = f"{low_rate / rest_rate:.1f}x" if rest_rate else "no errors in the rest"
    return (
        f"confidence: {count} least confident of {len(ranked)} matched quotes: speaker error "
        f"rate {low_rate:.3f} against {rest_rate:.3f} for the rest ({ratio}); "
        f"{low} of {low + rest} speaker errors among them ({low / max(low + rest, 1):.0%})"
    )


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
    total_chars = sum(len(text) for text in texts)
    joined_docs = [joined_doc(parsed, size) for size in LENGTHS]  # before the finder marks them
    finder_seconds = best_time(args.rounds, find_quotes)
    lengths = []
    for joined in joined_docs:
        seconds = best_time(args.rounds, lambda joined=joined: finder(joined))
        share = seconds / (pipeline_seconds * len(joined.text) / total_chars)
        lengths.append((len(joined.text), seconds, share))

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
        for path, article in zip(paths, articles, strict=True):
            result = analyze(article, nlp).to_dict()
            result["path"] = str(path)
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
    scorer = load_scorer(args.scorer)
    quality = scorer.score(args.gold_dir, out.name)
    outcomes = speaker_outcomes(scorer, args.gold_dir, out.name)
    Path(out.name).unlink()

    print(f"model: {model_label(nlp)}, {len(texts)} articles, best of {args.rounds} rounds")
    print(f"pipeline without quote finder: {pipeline_seconds:.2f} s")
    print(f"quote finder alone:            {finder_seconds:.3f} s")
    print(f"overhead ratio:                {finder_seconds / pipeline_seconds:.3f}")
    for chars, seconds, share in lengths:
        print(f"one Doc of {chars / 1000:7.0f} KB: quote finder {seconds:.3f} s, ratio {share:.3f}")
    print(
        f"F1 {quality['f1']:.3f}  precision {quality['precision']:.3f}  "
        f"recall {quality['recall']:.3f}  speaker accuracy {quality['speaker_accuracy']:.3f}  "
        f"({quality['system_quotes']} found, {quality['gold_quotes']} gold)"
    )
    print(doubtful_figures(outcomes))


if __name__ == "__main__":
    main()

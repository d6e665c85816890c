"""Entity quality on CoNLL-style gold sets, per kind: precision, recall and F1.

Scores exactly as ../shared/eval/score_entities.py does: exact spans, demonyms left out, gold
COUNTRY being the gold LOC spans listed under "countries". With no argument it scores both dev
sets, ../shared/data/entities-dev (Reuters, 1996) and ../shared/data/entities-dev-2020 (Reuters,
2020), loading the model once; it also prints the CPU time of the entity step against the
whole analysis.

    python bench/bench_entities.py [GOLD_DIR ...] [--errors KIND]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from spacy.language import Language

from reader.core.analysis.entities import mentions_from_doc
from reader.core.analysis.pipeline import load_pipeline
from reader.core.model import Kind, MentionType
from reader.core.text.loaders import load_article

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULT_GOLD = (DATA / "entities-dev", DATA / "entities-dev-2020")
GOLD_LABELS = {"PER": Kind.PERSON, "ORG": Kind.ORG}

Spans = dict[Kind, set[tuple[int, int]]]


def gold_spans(record: dict) -> Spans:
    spans: Spans = {kind: set() for kind in Kind}
    for start, end, label in record["entities"]:
        if label in GOLD_LABELS:
            spans[GOLD_LABELS[label]].add((start, end))
    spans[Kind.COUNTRY] = {(start, end) for start, end in record["countries"]}
    return spans


def score_set(gold_dir: Path, nlp: Language, errors: str | None) -> None:
    """Print P/R/F1 per kind, the macro F1 and CPU times for one gold set."""
    lines = (gold_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    counts = {kind: Counter() for kind in Kind}
    pipeline_cpu = entities_cpu = 0.0
    for record in records:
        article = load_article(gold_dir / "texts" / f"{record['name']}.txt")
        started = time.process_time()
        doc = nlp(article.text)
        between = time.process_time()
        mentions = mentions_from_doc(doc)
        pipeline_cpu += between - started
        entities_cpu += time.process_time() - between
        gold = gold_spans(record)
        found: Spans = {kind: set() for kind in Kind}
        for mention in mentions:
            if mention.mention is MentionType.NAME:
                found[mention.kind].add((mention.start, mention.end))
        for kind in Kind:
            counts[kind]["tp"] += len(found[kind] & gold[kind])
            counts[kind]["fp"] += len(found[kind] - gold[kind])
            counts[kind]["fn"] += len(gold[kind] - found[kind])
            if errors == kind:
                for label, spans in (
                    ("missed", gold[kind] - found[kind]),
                    ("wrong", found[kind] - gold[kind]),
                ):
                    for start, end in sorted(spans):
                        print(f"{record['name']} {label}: {article.text[start:end]!r}")
    print(f"{gold_dir.name} ({len(records)} articles)")
    f1s = []
    for kind in Kind:
        tp, fp, fn = counts[kind]["tp"], counts[kind]["fp"], counts[kind]["fn"]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        print(f"  {kind:8} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  (gold {tp + fn})")
    print(f"  macro F1 {sum(f1s) / len(f1s):.3f}")
    share = entities_cpu / pipeline_cpu if pipeline_cpu else 0.0
    print(f"  CPU: spaCy {pipeline_cpu:.2f} s, entity step {entities_cpu:.2f} s ({share:.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dirs", nargs="*", type=Path, default=list(DEFAULT_GOLD))
    parser.add_argument("--errors", choices=[str(k) for k in Kind], help="list misses of KIND")
    args = parser.parse_args()
    for gold_dir in args.gold_dirs:
        if not (gold_dir / "gold.jsonl").is_file():
            parser.error(f"{gold_dir} has no gold.jsonl (expected a folder like {DEFAULT_GOLD[0]})")
    nlp = load_pipeline()
    for gold_dir in args.gold_dirs:
        score_set(gold_dir, nlp, args.errors)


if __name__ == "__main__":
    main()

"""Entity quality on a CoNLL-style gold set (default ../shared/data/entities-dev), per kind.

Scores exactly as ../shared/eval/score_entities.py does: exact spans, demonyms left out, gold
COUNTRY being the gold LOC spans listed under "countries".

    python bench/bench_entities.py [GOLD_DIR] [--errors KIND]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from reader.core.analysis import analyze
from reader.core.loaders import load_article
from reader.core.model import Kind, MentionType
from reader.core.pipeline import load_pipeline

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "entities-dev"
GOLD_LABELS = {"PER": Kind.PERSON, "ORG": Kind.ORG}

Spans = dict[Kind, set[tuple[int, int]]]


def gold_spans(record: dict) -> Spans:
    spans: Spans = {kind: set() for kind in Kind}
    for start, end, label in record["entities"]:
        if label in GOLD_LABELS:
            spans[GOLD_LABELS[label]].add((start, end))
    spans[Kind.COUNTRY] = {(start, end) for start, end in record["countries"]}
    return spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--errors", choices=[str(k) for k in Kind], help="list misses of KIND")
    args = parser.parse_args()

    lines = (args.gold_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    articles = [load_article(args.gold_dir / "texts" / f"{r['name']}.txt") for r in records]
    nlp = load_pipeline()
    counts = {kind: Counter() for kind in Kind}
    for record, article in zip(records, articles, strict=True):
        gold = gold_spans(record)
        found: Spans = {kind: set() for kind in Kind}
        for mention in analyze(article, nlp).mentions:
            if mention.mention is MentionType.NAME:
                found[mention.kind].add((mention.start, mention.end))
        for kind in Kind:
            counts[kind]["tp"] += len(found[kind] & gold[kind])
            counts[kind]["fp"] += len(found[kind] - gold[kind])
            counts[kind]["fn"] += len(gold[kind] - found[kind])
            if args.errors == kind:
                for label, spans in (
                    ("missed", gold[kind] - found[kind]),
                    ("wrong", found[kind] - gold[kind]),
                ):
                    for start, end in sorted(spans):
                        print(f"{record['name']} {label}: {article.text[start:end]!r}")

    f1s = []
    for kind in Kind:
        tp, fp, fn = counts[kind]["tp"], counts[kind]["fp"], counts[kind]["fn"]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        print(f"{kind:8} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  (gold {tp + fn})")
    print(f"macro F1 {sum(f1s) / len(f1s):.3f}")


if __name__ == "__main__":
    main()

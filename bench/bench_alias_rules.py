"""Alias rules at library scale (issue 21, deliverable 4): adding and removing a rule in a store
of 10,000 articles, for a rare name and for the most common one, and saving analyses with many
rules kept. Each figure is printed with its target; exit 1 on a miss.

    python bench/bench_library_scale.py --keep /tmp/scale      # build the 10,000 once
    python bench/bench_alias_rules.py /tmp/scale/store.sqlite3

The store is copied to a temporary folder first (the kept build is left as it is).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.store.alias_rules import AliasRule, drop_rule, keep_rules  # noqa: E402
from reader.core.store.database import Store  # noqa: E402

TARGET_RARE_MS = 300  # a rule on a name in a few articles: at once in the window
TARGET_PER_TEXT_MS = 20  # a rule on a common name: linear, this much per text it touches


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    args = parser.parse_args()
    missed = 0
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "store.sqlite3"
        shutil.copyfile(args.store, path)
        with Store.open(path) as store:
            articles = store.query("SELECT count(*) FROM analyses")[0][0]
            by_texts = store.query(
                "SELECT e.key, min(e.name), count(DISTINCT a.content_hash) AS n"
                " FROM entity_rows e JOIN analyses a ON a.id = e.analysis_id"
                " GROUP BY e.key ORDER BY n DESC"
            )
            common, rare = by_texts[0], next(row for row in by_texts if row[2] <= 4)
            print(f"store: {articles} analyses, {len(by_texts)} entity keys")
            for label, (key, name, texts) in (("rare", rare), ("common", common)):
                rule = AliasRule((key,), key, f"{name} (renamed)")
                start = time.perf_counter()
                [rule_id] = keep_rules(store, [rule])
                added = _ms(start)
                start = time.perf_counter()
                drop_rule(store, rule_id)
                removed = _ms(start)
                per_text = max(added, removed) / texts
                target = TARGET_RARE_MS if label == "rare" else TARGET_PER_TEXT_MS * texts
                ok = max(added, removed) <= target
                missed += not ok
                print(
                    f"{label} rule ({key}, {texts} texts): add {added:.0f} ms, remove"
                    f" {removed:.0f} ms, {per_text:.1f} ms a text (target {target:.0f} ms)"
                    f" {'ok' if ok else 'MISSED'}"
                )
            many = [
                AliasRule((f"Nobody {i}",), f"person:nobody-{i}", f"Nobody {i}") for i in range(200)
            ]
            start = time.perf_counter()
            keep_rules(store, many)
            print(
                f"200 rules naming no one kept: {_ms(start):.0f} ms (the name scan of entity_rows)"
            )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Alias rules at library scale (issue 21, deliverable 4): adding and removing a rule in a store
of 10,000 articles, for a rare name and for the most common one, and saving analyses with many
rules kept; and how long the window's reads wait while the common rule is applied as the window
applies it (on a thread with a connection of its own, `reader.gui.window.alias_rule_work`).
Each figure is printed with its target; exit 1 on a miss.

    python bench/bench_library_scale.py --keep /tmp/scale      # build the 10,000 once
    python bench/bench_alias_rules.py /tmp/scale/store.sqlite3

The store is copied to a temporary folder first (the kept build is left as it is).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.store.alias_rules import AliasRule, drop_rule, keep_rules  # noqa: E402
from reader.core.store.database import Store  # noqa: E402

TARGET_RARE_MS = 300  # a rule on a name in a few articles: at once in the window
TARGET_PER_TEXT_MS = 20  # a rule on a common name: linear, this much per text it touches
TARGET_READ_MS = 100  # the longest a read of the window's waits while a rule is applied


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
            missed += _reads_meanwhile(path, store, common)
            many = [
                AliasRule((f"Nobody {i}",), f"person:nobody-{i}", f"Nobody {i}") for i in range(200)
            ]
            start = time.perf_counter()
            keep_rules(store, many)
            print(
                f"200 rules naming no one kept: {_ms(start):.0f} ms (the name scan of entity_rows)"
            )
    return 1 if missed else 0


def _reads_meanwhile(path: Path, store: Store, common: tuple[str, str, int]) -> int:
    """The common rule added on a thread with its own connection, as the window does, while
    this thread reads through `store` (the window's connection) every 10 ms: the longest
    read, and how long the rule took. 1 on a miss."""
    key, name, _texts = common
    rule = AliasRule((key,), key, f"{name} (again)")
    took: list[float] = []

    def apply() -> None:
        start = time.perf_counter()
        with Store.open(path) as own:
            keep_rules(own, [rule])
        took.append(_ms(start))

    worker = threading.Thread(target=apply)
    worker.start()
    longest, reads = 0.0, 0
    while worker.is_alive():
        start = time.perf_counter()
        store.query("SELECT count(*) FROM entity_rows WHERE key = ?", (key,))
        longest, reads = max(longest, _ms(start)), reads + 1
        time.sleep(0.01)
    worker.join()
    ok = longest <= TARGET_READ_MS
    print(
        f"window's reads while the common rule is applied on its own connection ({took[0]:.0f}"
        f" ms): {reads} reads, longest {longest:.0f} ms (target {TARGET_READ_MS} ms)"
        f" {'ok' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

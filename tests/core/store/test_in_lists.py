"""Queries over many values, cut into `IN (...)` lists under SQLite's limit."""

import sqlite3

from reader.core.store.in_lists import IN_CHUNK, chunks, marks


def test_values_are_cut_in_order_into_lists_of_at_most_the_chunk():
    values = list(range(2 * IN_CHUNK + 1))
    cut = list(chunks(values))
    assert [len(chunk) for chunk in cut] == [IN_CHUNK, IN_CHUNK, 1]
    assert [v for chunk in cut for v in chunk] == values
    assert list(chunks([])) == []


def test_the_marks_make_a_query_over_any_number_of_values():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (v INTEGER)")
    db.executemany("INSERT INTO t VALUES (?)", [(v,) for v in range(40_000)])
    wanted = list(range(0, 40_000, 2))  # 20,000 values, in 40 lists
    found = [
        v
        for chunk in chunks(wanted)
        for (v,) in db.execute(f"SELECT v FROM t WHERE v IN ({marks(chunk)}) ORDER BY v", chunk)
    ]
    assert found == wanted
    assert marks([1, 2, 3]) == "?,?,?"

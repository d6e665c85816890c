"""The last figure of bench/bench_library_scale.py (issue 25, deliverable 3): the event loop
while the Library analyses new articles of the 10,000-article collection in the background.

`added_articles` writes `count` new files (texts of ../shared/data/*/texts, read from there,
each with a line before it so its hash is new) into a folder of the bench's own; the bench adds
them to the collection shown, as a reader adding a folder would, and turns the event loop until
the real analysis (the batch service's worker processes, each with spaCy) has stored them all
and the collection's entities are listed again. `take_back` then removes them from the
collection and the disk, so a run with --keep measures the same collection again.
"""

from __future__ import annotations

import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def added_articles(folder: Path, count: int, stamp: str) -> list[Path]:
    """`count` article files under `folder` (made anew), none of them in the store yet."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    sources = sorted(DATA.glob("quotes-dev/texts/*.txt"))[-count:]
    paths = []
    for n, source in enumerate(sources):
        path = folder / f"added-{n:03d}.txt"
        text = source.read_text("utf-8")
        title, _, body = text.partition("\n")
        path.write_text(f"{title}\n\nAdded {stamp}.\n{body}", "utf-8")
        paths.append(path)
    return paths


def analysed_and_listed(library: object, added: list[Path]) -> bool:
    """Whether the Library has analysed every added file and listed the collection again
    (its articles, then its entities from an identity of the store as it is now)."""
    collection = library.collection
    if collection is None or library.indexer.running:
        return False
    if library.article_work.pending is not None or library.identity.pending is not None:
        return False
    wanted = {str(path) for path in added}
    analysed = {str(a.path) for a in collection.articles() if a.analysed and str(a.path) in wanted}
    return analysed == wanted and collection.identity_current()


def take_back(shelf: object, collection_id: int, added: list[Path]) -> None:
    """The added files out of the collection and off the disk (their analyses stay stored)."""
    shelf.discard(collection_id, added)
    if added:
        shutil.rmtree(added[0].parent, ignore_errors=True)

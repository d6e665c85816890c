"""Keeping Python's cycle collector from stopping the window on a long article.

A full collection walks every object the process holds while holding the interpreter lock:
with a 1 MB article's mentions, spans and blocks, tens of milliseconds in which no thread of the
window runs, at moments the allocator picks (often while a chunk's highlights arrive). Reader's
data is plain and acyclic (an analysis, its spans, a closed tab are freed by reference counts,
tests/gui/test_calm.py checks the tab), so once the young objects have been collected, the
survivors are moved out of the collector's sight (`gc.freeze`): later full collections walk
only what was made since. They are still freed by reference counting when let go.
"""

from __future__ import annotations

import gc


def freeze_survivors() -> None:
    """Collect the young generations (only objects made since the last collection of them),
    then exempt every surviving object from later full collections."""
    gc.collect(1)
    gc.freeze()

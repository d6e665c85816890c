"""The window's background processes yield the CPU to it (issue 25, "a window that never
waits").

On two cores, a collection analysed in the background (two spaCy workers) beside the identity
or coverage child leaves the GUI thread a third of a core or less: 40 ms of its own work took
100-170 ms of wall time (bench_library_scale's background phase). A process of lower priority
gets the CPU only when the window does not want it; idle, it runs as fast as before.
"""

from __future__ import annotations

import contextlib
import os

# Nice 10 weighs about a tenth of nice 0 in Linux's scheduler (sched/core.c, the nice-to-weight
# table: 110 against 1024), so the window, when it wants a core, gets about 90% of it.
BACKGROUND_NICENESS = 10


def run_in_background() -> None:
    """Lower this process's priority by BACKGROUND_NICENESS (where the system allows it)."""
    with contextlib.suppress(OSError, AttributeError):  # no os.nice on Windows
        os.nice(BACKGROUND_NICENESS)

"""A store written by an older Reader brought up to date before the window opens it, with a
window saying so, instead of a start that shows nothing for a minute.

The window opens its store while it is built (`reader.gui.window.stored`), on the GUI thread:
instant for a store at this Reader's schema, but a migration runs inside that open, and some
are long (a schema-5 store groups every quote of every article once: about 20 s at 10,000
articles on a shared two-core machine). So, at start, when the store is behind
(`reader.core.store.database.schema_behind`), it is opened (migrated) and closed on a lane of
its own while a small dialog with a busy bar says what is happening and for how long it has
run; the window is built once that is done and opens the store at once. A store that cannot be
migrated is left as it is: the window's own open says why, once, as for any store.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from reader.core.store.database import Store, StoreError, schema_behind
from reader.gui.work.background import JobControl, Lane

MESSAGE = "Bringing your analysis store up to date for this version of Reader (once)…"
TICK_MS = 1000


def upgrade_store_first(path: Path | None = None, parent: QWidget | None = None) -> bool:
    """Migrate the store at `path` (default: the user's) off the GUI thread, with a dialog,
    when it is behind; returns whether it was (and so whether the dialog was shown). Returns
    once the migration has ended, whatever its outcome."""
    if not schema_behind(path):
        return False
    dialog = QProgressDialog(MESSAGE, "", 0, 0, parent)
    dialog.setCancelButton(None)  # a migration is one transaction: it cannot stop half-way
    dialog.setWindowTitle("Reader")
    dialog.setMinimumDuration(0)
    loop = QEventLoop()
    started = time.monotonic()
    ticks = QTimer(dialog)
    ticks.timeout.connect(
        lambda: dialog.setLabelText(f"{MESSAGE}\n{time.monotonic() - started:.0f} s")
    )
    ticks.start(TICK_MS)
    lane = Lane("store-upgrade", threads=1)
    job = lane.submit(_migrate, path)
    job.finished.connect(loop.quit)
    dialog.show()
    loop.exec()
    ticks.stop()
    dialog.close()
    dialog.deleteLater()
    lane.deleteLater()
    return True


def _migrate(_control: JobControl, path: Path | None) -> None:
    with contextlib.suppress(StoreError):  # the window's own open says it
        Store.open(path).close()

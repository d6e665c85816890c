"""One open (a drop, the file dialog, a session, the command line) of one or many files.

A file of a batch gets its tab only once the loader's lane has read it, so that a refused file
(special, too big, binary, a bomb) never costs the GUI thread a tab built and torn down: the
tabs come one event at a time, in whatever order the files are read, and `place` puts each
where the order given says. The refusals are kept here and reported together, once; a batch
that said "Reading N files…" in the status bar says how it ended there too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtWidgets import QTabWidget, QWidget


@dataclass(eq=False)
class OpenBatch:
    """The files of one open still being read, their failures, and the tabs made for them."""

    waiting: int
    errors: list[str] = field(default_factory=list)
    made: dict[int, QWidget] = field(default_factory=dict)  # position in the open -> its tab
    status: Callable[[str], None] | None = None  # where the batch's outcome is said, if at all
    total: int = field(init=False)
    ended: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        self.total = self.waiting

    def place(self, position: int, tabs: QTabWidget) -> tuple[int, bool]:
        """Where the tab of the file at `position` goes (after the nearest earlier file's tab
        still shown, else before the nearest later one's, else last), and whether it becomes
        the current tab (no later file of this open has one yet: the last file ends current)."""
        shown = {at: tabs.indexOf(tab) for at, tab in self.made.items() if tabs.indexOf(tab) >= 0}
        earlier = [at for at in shown if at < position]
        later = [at for at in shown if at > position]
        if earlier:
            return shown[max(earlier)] + 1, not later
        if later:
            return shown[min(later)], False
        return tabs.count(), True

    def take_errors(self) -> list[str]:
        """The failures to report, once every file is read (then they are reported once)."""
        if self.waiting > 0:
            return []
        errors, self.errors = self.errors, []
        if not self.ended and self.status is not None:
            self.status(outcome(self.total, len(errors)))
        self.ended = True
        return errors


def outcome(total: int, failed: int) -> str:
    """The status bar's line for a batch of `total` files read, `failed` of them refused."""
    if not failed:
        return f"Read {total} files."
    if failed == total:
        return f"None of the {total} files could be opened."
    return f"Read {total - failed} of {total} files; {failed} could not be opened."

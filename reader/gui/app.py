"""Starting the window: `reader [FILE|FOLDER...] [--screenshot PATH]`."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from reader.gui.main_window import MainWindow
from reader.gui.window import dialogs
from reader.gui.window.platform_check import window_problem
from reader.gui.window.settings import Settings
from reader.gui.window.store_upgrade import upgrade_store_first
from reader.gui.work.worker import PipelineRunner

SEED = Path(__file__).resolve().parents[2] / "seeds" / "tillerson-lavrov.txt"
SCREENSHOT_SIZE = (1360, 860)
SCREENSHOT_TIMEOUT_MS = 180_000
# How long a busy Python thread keeps the interpreter lock while another wants it. Python's
# 5 ms default makes every Qt call that lets the lock go cost the GUI thread up to 5 ms while
# a loader, the worker or the store's writer is busy; 1 ms keeps such turns short.
GIL_SWITCH_SECONDS = 0.001

APP_STYLE = """
QListView { border: 1px solid transparent; }
QListView:focus, QTextEdit:focus { border: 1px solid palette(highlight); }
QToolButton:focus { border: 2px solid palette(highlight); border-radius: 3px; }
QListView::item:focus { border: 2px solid palette(highlight); }
#followBar { background: palette(alternate-base); border-bottom: 1px solid palette(mid); }
#legendStatus { color: palette(placeholder-text); }
#legendChip {
    border: 1px solid palette(mid); border-radius: 11px; padding: 2px 10px 2px 6px;
    background: palette(base);
}
#legendChip:!checked { background: transparent; color: palette(placeholder-text); }
#legendChip:focus { border: 2px solid palette(highlight); }
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read news with its people, countries, organizations and quotes highlighted.",
    )
    parser.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="articles to open, and folders to open as collections (default: the articles open"
        " when Reader last closed, else the bundled sample article)",
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="PATH",
        help="save a PNG of the window once the articles are analysed, then exit",
    )
    return parser


def create_window(settings: Settings, service: PipelineRunner | None = None) -> MainWindow:
    """The window with its worker thread started; the pipeline loads in the background."""
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    app = QApplication.instance()
    if isinstance(app, QApplication) and not app.styleSheet():
        app.setStyleSheet(APP_STYLE)
    window = MainWindow(settings, service or PipelineRunner())
    window.service.start(settings.model())
    # The modules, classes and widgets made by now live as long as the app: out of the cycle
    # collector's full walks (reader.gui.window.collector), after one full collection.
    gc.collect()
    gc.freeze()
    return window


def start_paths(window: MainWindow, files: list[Path]) -> list[Path]:
    """What a start opens: the files named, else the articles open when Reader last closed
    (those that still exist), else the seed article."""
    return files or window.reading.session_paths() or [SEED]


def open_start(window: MainWindow, paths: list[Path]) -> None:
    """Open what a start names: files in tabs, each folder as a collection in the Library (as
    File ▸ Open Folder and a dropped folder do)."""
    folders = [path for path in paths if path.is_dir()]
    files = [path for path in paths if path not in folders]
    if files:
        window.open_paths(files)
    for folder in folders:
        window.library.collections.collect_folder(folder)


def run_app(argv: list[str]) -> int:
    """Run the GUI; returns the process exit code."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return 2 if exit_.code else 0
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if args.screenshot is not None and headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a screenshot needs no screen
    if QApplication.instance() is None and (problem := window_problem()):
        print(f"reader: {problem}", file=sys.stderr)  # Qt itself would abort with no hint
        return 1
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName("Reader")
    app.setApplicationName("Reader")
    if args.screenshot is not None:
        return _screenshot(args.files or [SEED], args.screenshot)
    upgrade_store_first()  # a store from an older Reader: migrated with a dialog saying so
    window = create_window(Settings())
    window.show()
    first = start_paths(window, args.files)
    QTimer.singleShot(0, lambda: open_start(window, first))
    try:
        return app.exec()
    finally:
        window.shutdown()  # also when the app quits without closing the window


def _screenshot(files: list[Path], output: Path) -> int:
    """Open the files (folders as collections in the Library, as a start does), wait until
    every analysis is shown and each collection's is done, save the window as PNG and quit."""
    app = QApplication.instance()
    scratch = tempfile.TemporaryDirectory(prefix="reader-screenshot-")
    # Preferences of its own: a screenshot neither reads nor changes the user's.
    store = QSettings(str(Path(scratch.name) / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(Settings(store))
    window.resize(*SCREENSHOT_SIZE)
    errors: list[str] = []
    show_error = dialogs.show_error
    dialogs.show_error = lambda _parent, title, message: errors.append(f"{title}: {message}")
    status = {"code": 1, "grabbing": 0}

    waiting = _Settling(window, files)

    def grab(*_signal_args: object) -> None:
        if status["grabbing"] or not waiting.settled():
            return
        status["grabbing"] = 1
        window.all_settled.disconnect(grab)
        waiting.disconnect(grab)
        QTimer.singleShot(300, save)  # let the last layout and paint happen

    def save() -> None:
        if window.grab().save(str(output), "PNG"):
            print(f"reader: wrote {output}", file=sys.stderr)
            status["code"] = 0 if not errors else 1
        else:
            print(f"reader: cannot write {output}", file=sys.stderr)
        for error in errors:
            print(f"reader: {error}", file=sys.stderr)
        window.hide()  # not close(): that would quit a second time
        app.quit()

    def give_up() -> None:
        print(
            f"reader: gave up after {SCREENSHOT_TIMEOUT_MS // 1000} s waiting for"
            f" {waiting.waiting_for()}; no screenshot written",
            file=sys.stderr,
        )
        window.hide()  # not close(): that would quit a second time
        app.quit()

    window.all_settled.connect(grab)
    waiting.connect(grab)
    window.show()
    QTimer.singleShot(0, lambda: (waiting.open(), grab()))
    limit = QTimer(singleShot=True, interval=SCREENSHOT_TIMEOUT_MS)
    limit.timeout.connect(give_up)
    limit.start()
    try:
        app.exec()
    finally:
        limit.stop()  # never fires in a later event loop (a test's) once this one has ended
        window.shutdown()
        dialogs.show_error = show_error
        scratch.cleanup()
    return status["code"]


class _Settling:
    """What a screenshot waits for: the tabs' analyses shown (`all_settled`; none to wait for
    without a file) and, with a folder, the Library's collection shown, analysed and listed
    again after its analysis (the pipeline known, the collection's list read, its indexer not
    running and no read of its list in hand)."""

    def __init__(self, window: MainWindow, paths: list[Path]) -> None:
        self._window = window
        self._paths = paths
        self._opened = False
        self._tabs_done = all(path.is_dir() for path in paths)
        self._folders = any(path.is_dir() for path in paths)
        self._check: Callable[..., None] | None = None
        window.all_settled.connect(self._on_tabs_settled)

    def open(self) -> None:
        """Open the paths as a start does (`open_start`)."""
        open_start(self._window, self._paths)
        self._opened = True

    def _on_tabs_settled(self) -> None:
        self._tabs_done = True

    def settled(self) -> bool:
        return self.waiting_for() == ""

    def waiting_for(self) -> str:
        """What is not done yet, in words ("" once settled)."""
        if not self._opened:
            return "the window to open"
        if not self._tabs_done:
            return "the articles' analyses"
        if not self._folders:
            return ""
        collections = self._window.library.collections
        if self._window.stored.pipeline_label() is None:
            return "the analysis pipeline to load"
        if collections.current is None:
            return ""  # no collection made (the folder held no articles: a dialog said so)
        if collections.collection is None or collections.article_work.pending is not None:
            return f"the list of the collection “{collections.current.name}”"
        if collections.indexer.running:
            progress = collections.panel.progress
            return f"the collection's analysis ({progress.text() or 'not started'})"
        return ""

    def connect(self, check: Callable[..., None]) -> None:
        """Call `check` when the Library may have become settled (after the Library's own
        handlers of the same signals, connected before; a list read is checked on the next
        turn of the event loop, once the Library has asked for any read it still wants)."""
        self._check = check
        self._window.stored.pipeline_known.connect(check)
        self._window.library.collections.indexer.finished.connect(check)
        self._window.library.collections.article_work.listed.connect(self._on_listed)

    def _on_listed(self, *_args: object) -> None:
        QTimer.singleShot(0, lambda: self._check is not None and self._check())

    def disconnect(self, check: Callable[..., None]) -> None:
        self._check = None
        self._window.stored.pipeline_known.disconnect(check)
        self._window.library.collections.indexer.finished.disconnect(check)
        self._window.library.collections.article_work.listed.disconnect(self._on_listed)

"""Reading article files off the GUI thread.

Reading and decoding a file, extracting an HTML page and building the view's document can take
seconds on a big or hostile file (and a FIFO can block `open()`), so none of it runs on the GUI
thread: one loader thread takes the files in the order they were asked for and hands back each
article with its prepared document, or one sentence saying why it could not be opened.
"""

from __future__ import annotations

import itertools
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QFont

from reader.core.article import Article
from reader.core.errors import ArticleError
from reader.core.loaders import load_article
from reader.gui.article_view import PreparedText, prepare_text

ArticleReader = Callable[[Path], Article]


@dataclass(frozen=True, slots=True)
class Loaded:
    """What the loader hands back for one file: the article and its document, or an error."""

    token: int
    path: Path
    article: Article | None = None
    prepared: PreparedText | None = None
    error: str | None = None


def read_article(path: Path) -> Article:
    """Load a file; whatever goes wrong becomes an ArticleError with a message for the user."""
    try:
        return load_article(path)
    except ArticleError:
        raise
    except (OSError, UnicodeError, ValueError) as error:  # the loader should not let these out
        raise ArticleError(f"{path} cannot be opened as an article: {error}") from error
    except Exception as error:  # a bug in a parser must cost this file only, never the others
        detail = str(error) or type(error).__name__
        raise ArticleError(f"{path} cannot be opened as an article ({detail}).") from error


class ArticleLoader(QObject):
    """Loads files on its own thread, one after another; `loaded` comes on the GUI thread."""

    loaded = Signal(object)  # Loaded
    _arrived = Signal(object)

    def __init__(self, reader: ArticleReader = read_article, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self._tokens = itertools.count(1)
        self._jobs: queue.SimpleQueue[tuple[int, Path, QFont] | None] = queue.SimpleQueue()
        self._cancelled: set[int] = set()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._gui_thread: QThread = self.thread()
        self._arrived.connect(self._deliver)

    def load(self, path: Path, font: QFont) -> int:
        """Queue a file; returns the token its `Loaded` will carry."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="reader-loader", daemon=True)
            self._thread.start()
        token = next(self._tokens)
        self._jobs.put((token, Path(path), QFont(font)))
        return token

    def cancel(self, token: int) -> None:
        """Drop a file's result (its tab was closed while it loaded)."""
        with self._lock:
            self._cancelled.add(token)

    def shutdown(self) -> None:
        """Stop taking files; a file being read is abandoned (the thread is a daemon)."""
        self._jobs.put(None)

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            token, path, font = job
            with self._lock:
                if token in self._cancelled:
                    continue
            try:
                article = self._reader(path)
                prepared = prepare_text(article, font)
                prepared.document.moveToThread(self._gui_thread)
                result = Loaded(token, path, article, prepared)
            except ArticleError as error:
                result = Loaded(token, path, error=str(error))
            except Exception as error:  # building the document failed: report, keep going
                detail = str(error) or type(error).__name__
                result = Loaded(token, path, error=f"{path} cannot be shown ({detail}).")
            self._arrived.emit(result)

    @Slot(object)
    def _deliver(self, result: Loaded) -> None:
        with self._lock:
            if result.token in self._cancelled:
                self._cancelled.discard(result.token)
                return
        self.loaded.emit(result)

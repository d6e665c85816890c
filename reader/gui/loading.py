"""Reading article files off the GUI thread.

Reading and decoding a file, extracting an HTML page and building the view's document can take
seconds on a big or hostile file (and a FIFO can block `open()`), so none of it runs on the GUI
thread: each file is read on a thread of its own (so a file that never ends, such as a FIFO a
loader failed to refuse, holds up no other) and handed back with its prepared document, or
with one sentence saying why it could not be opened.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QFont

from reader.core.errors import ArticleError
from reader.core.text.article import Article
from reader.core.text.loaders import load_article
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
    """Loads each file on a thread of its own; `loaded` comes on the GUI thread."""

    loaded = Signal(object)  # Loaded
    _arrived = Signal(object)

    def __init__(self, reader: ArticleReader = read_article, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self._tokens = itertools.count(1)
        self._cancelled: set[int] = set()
        self._lock = threading.Lock()
        self._gui_thread: QThread = self.thread()
        self._arrived.connect(self._deliver)

    def load(self, path: Path, font: QFont) -> int:
        """Start reading a file; returns the token its `Loaded` will carry."""
        token = next(self._tokens)
        job = (token, Path(path), QFont(font))
        threading.Thread(target=self._run, args=job, name="reader-loader", daemon=True).start()
        return token

    def cancel(self, token: int) -> None:
        """Drop a file's result (its tab was closed while it loaded)."""
        with self._lock:
            self._cancelled.add(token)

    def _run(self, token: int, path: Path, font: QFont) -> None:
        try:
            article = self._reader(path)
            prepared = prepare_text(article, font)
            prepared.document.moveToThread(self._gui_thread)
            result = Loaded(token, path, article, prepared)
        except ArticleError as error:
            result = Loaded(token, path, error=str(error))
        except Exception as error:  # building the document failed: report it, keep the others
            detail = str(error) or type(error).__name__
            result = Loaded(token, path, error=f"{path} cannot be shown ({detail}).")
        with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
            self._arrived.emit(result)

    @Slot(object)
    def _deliver(self, result: Loaded) -> None:
        with self._lock:
            if result.token in self._cancelled:
                self._cancelled.discard(result.token)
                return
        self.loaded.emit(result)

"""Reading article files off the GUI thread.

Reading and decoding a file, extracting an HTML page and building the view's document can take
seconds on a big or hostile file (and a FIFO can block `open()`), so none of it runs on the GUI
thread: each file is read on a thread of its own (a lane without a thread limit, so a file that
never ends, such as a FIFO a loader failed to refuse, holds up no other) and handed back with
its prepared document, or with one sentence saying why it could not be opened.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QFont

from reader.core.errors import ArticleError
from reader.core.text.article import Article
from reader.core.text.loaders import load_article
from reader.gui.article.text_document import PreparedText, prepare_text
from reader.gui.work.background import Job, JobControl, Lane

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
    """Loads each file on a thread of its own (a lane without a thread limit); `loaded` comes
    on the GUI thread."""

    loaded = Signal(object)  # Loaded

    def __init__(self, reader: ArticleReader = read_article, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self._lane = Lane("loader", threads=None, parent=self)
        self._jobs: dict[int, Job] = {}  # token -> its job, until it is delivered
        self._gui_thread: QThread = self.thread()

    def load(self, path: Path, font: QFont) -> int:
        """Start reading a file; returns the token its `Loaded` will carry."""
        job = self._lane.submit(self._read, Path(path), QFont(font))
        token = job.request
        self._jobs[token] = job
        job.result.connect(self.loaded)
        job.finished.connect(partial(self._jobs.pop, token, None))
        return token

    def cancel(self, token: int) -> None:
        """Drop a file's result (its tab was closed while it loaded)."""
        if (job := self._jobs.get(token)) is not None:
            job.cancel()

    def _read(self, control: JobControl, path: Path, font: QFont) -> Loaded:
        """On the lane: the article and its document, or why it cannot be shown."""
        token = control.request
        try:
            article = self._reader(path)
            prepared = prepare_text(article, font)
            prepared.document.moveToThread(self._gui_thread)
            return Loaded(token, path, article, prepared)
        except ArticleError as error:
            return Loaded(token, path, error=str(error))
        except Exception as error:  # building the document failed: report it, keep the others
            detail = str(error) or type(error).__name__
            return Loaded(token, path, error=f"{path} cannot be shown ({detail}).")

"""Reading article files off the GUI thread.

Reading and decoding a file, extracting an HTML page and building the view's document can take
seconds on a big or hostile file (and a FIFO can block `open()`), so none of it runs on the GUI
thread, nor does telling what a file is (its real path, a special file, too big, binary), which
touches the file system and can stall on a slow mount. The files are read on a lane without a
thread limit, a few jobs per open (see ArticleLoader), and each is handed back with its
prepared document, or with one sentence saying why it could not be opened.

A scan is read with OCR, a page every few seconds: while it is read the loader says how far it
is (`reading`) and hands over the pages read so far, in order, each run with a document of its
own (`pages_read`), so that the window shows the first pages long before the last; a file
cancelled meanwhile stops at its next page.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QFont

from reader.core.errors import ArticleError
from reader.core.text.article import Article, Block, BlockKind
from reader.core.text.loaders import load_article, ocr
from reader.gui.article.text_document import PreparedText, prepare_text
from reader.gui.work.background import JobControl, Lane

ArticleReader = Callable[[Path], Article]
READERS = 4  # jobs reading the files of one call: a few may block, the others go on


@dataclass(frozen=True, slots=True)
class Loaded:
    """What the loader hands back for one file: the article and its document, or an error;
    `real_path` is the file's resolved path (None for a symlink loop), worked out on the lane so
    that the window tells an already open file without touching the file system."""

    token: int
    path: Path
    real_path: Path | None = None
    article: Article | None = None
    prepared: PreparedText | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Reading:
    """How far the OCR of a file is: `done` of its `total` pictures (pages) read."""

    token: int
    done: int
    total: int


@dataclass(frozen=True, slots=True)
class PagesRead:
    """The next pages of a file being read with OCR, as an article of their own and its
    document (the file's Article, once every page is read, replaces them)."""

    token: int
    path: Path
    article: Article
    prepared: PreparedText


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
    """Reads the files of each `load` on a few jobs of a lane without a thread limit; `loaded`
    comes on the GUI thread, once per file, at most one text per turn of the event loop.

    The files of one call wait in a queue that at most READERS jobs share: a batch of any size
    starts a few threads, not one per file (a thread started makes the GUI thread wait until it
    runs, and a hundred reading at once would each take their turn at the interpreter lock
    before the GUI thread gets it back), and a file that blocks for ever holds up only the
    reader that took it, never the other readers nor another call's.
    """

    loaded = Signal(object)  # Loaded
    reading = Signal(object)  # Reading: how far a file's OCR is
    pages_read = Signal(object)  # PagesRead: the next pages of a scan, before it is all read

    def __init__(self, reader: ArticleReader = read_article, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self._lane = Lane("loader", threads=None, parent=self)
        self._tokens = itertools.count(1)
        self._dropped: set[int] = set()  # tokens cancelled and not yet delivered
        self._arrived: deque[Loaded] = deque()  # read, not yet handed over
        self._pacer = QTimer(self, singleShot=True, interval=0)
        self._pacer.timeout.connect(self._deliver)
        self._gui_thread: QThread = self.thread()

    def load(self, paths: list[Path], font: QFont) -> list[int]:
        """Start reading files; returns the tokens their `Loaded` will carry, in order."""
        tokens = [next(self._tokens) for _ in paths]
        queue = deque(zip(tokens, map(Path, paths), strict=True))  # popleft is thread-safe
        for _ in range(min(READERS, len(tokens))):
            self._lane.submit(self._read_queue, queue, QFont(font)).progress.connect(self._arrive)
        return tokens

    def cancel(self, token: int) -> None:
        """Drop a file's result (its tab was closed while it loaded)."""
        self._dropped.add(token)

    @Slot(object)
    def _arrive(self, loaded: Loaded | PagesRead | Reading) -> None:
        if isinstance(loaded, Reading):
            if loaded.token not in self._dropped:
                self.reading.emit(loaded)
            return
        self._arrived.append(loaded)
        self._pacer.start()

    @Slot()
    def _deliver(self) -> None:
        """Hand over what arrived: every refusal, but at most one text per turn of the event
        loop (its tab costs the GUI thread tens of milliseconds: many arriving together would
        otherwise be shown in one long pause)."""
        while self._arrived:
            loaded = self._arrived.popleft()
            if isinstance(loaded, PagesRead):
                if loaded.token not in self._dropped:
                    self.pages_read.emit(loaded)
                    break
                continue
            if loaded.token in self._dropped:
                self._dropped.discard(loaded.token)
                continue
            self.loaded.emit(loaded)
            if loaded.article is not None:
                break
        if self._arrived:
            self._pacer.start()

    def _read_queue(self, control: JobControl, queue: deque[tuple[int, Path]], font: QFont) -> None:
        """On the lane: take files from the queue until it is empty, each reported once read."""
        while True:
            try:
                token, path = queue.popleft()
            except IndexError:
                return
            if token in self._dropped:  # closed before its turn: not read at all
                control.report(Loaded(token, path, error="closed"))
            else:
                control.report(self._read(control, token, path, font))

    def _prepared(self, article: Article, font: QFont) -> PreparedText:
        prepared = prepare_text(article, font)
        prepared.document.moveToThread(self._gui_thread)
        return prepared

    def _read(self, control: JobControl, token: int, path: Path, font: QFont) -> Loaded:
        """The article and its document, or why it cannot be shown."""
        real_path = _real_path(path)

        runs = itertools.count()

        def pages_read(article: Article) -> None:
            if next(runs):  # pages after the first: a title of theirs is only a heading
                article = _without_title(article)
            control.report(PagesRead(token, path, article, self._prepared(article, font)))

        def read_so_far(done: int, total: int) -> bool:
            control.report(Reading(token, done, total))
            return token not in self._dropped  # False: cancelled, the OCR stops

        try:
            with ocr.reporting(read_so_far), ocr.previewing(pages_read):
                article = self._reader(path)
            return Loaded(token, path, real_path, article, self._prepared(article, font))
        except ArticleError as error:
            return Loaded(token, path, real_path, error=str(error))
        except Exception as error:  # building the document failed: report it, keep the others
            detail = str(error) or type(error).__name__
            return Loaded(token, path, real_path, error=f"{path} cannot be shown ({detail}).")


def _without_title(article: Article) -> Article:
    blocks = tuple(
        Block(BlockKind.HEADING, block.start, block.end) if block.kind is BlockKind.TITLE else block
        for block in article.blocks
    )
    return replace(article, blocks=blocks)


def _real_path(path: Path) -> Path | None:
    """The file's resolved path; None when there is none (a symlink loop, a NUL in the name)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return None

"""The same text given twice is one article (trial issue 7): a run of `reader report` or
`reader speakers` over two folders that both hold a copy of an article counts it once, as the
Library's collections do, and says which files it left out."""

from __future__ import annotations

from reader.core.store.database import content_hash
from reader.core.text.article import Article

_NAMED = 3  # files named in the note; the rest are counted


class DuplicateTexts:
    """The texts a run has taken, by content hash (the store's key: the sha256 of the
    article's text), and the paths of the files left out as a text taken before."""

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self.left_out: list[str] = []

    def first(self, article: Article) -> bool:
        """True the first time this text comes; else False, and its path (its title without
        one) is left out."""
        digest = content_hash(article)
        if digest in self._taken:
            self.left_out.append(str(article.path) if article.path is not None else article.title)
            return False
        self._taken.add(digest)
        return True

    def note(self) -> str | None:
        """ "note: left out 1 duplicate (the same text as a file before): b/05.txt"; None
        when no file was left out."""
        count = len(self.left_out)
        if not count:
            return None
        named = ", ".join(self.left_out[:_NAMED])
        more = f" and {count - _NAMED} more" if count > _NAMED else ""
        plural = "" if count == 1 else "s"
        return f"note: left out {count} duplicate{plural} (the same text as a file before): " + (
            f"{named}{more}"
        )

"""Guards against PySide6 6.12.0's leak of references to None on Python 3.11.

There, every call of a Qt method returning nothing drops a reference to None, and after a few
thousand calls (highlighting a long article) the interpreter aborts with none_dealloc.
"""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QTextCursor, QTextDocument


def test_void_qt_calls_keep_none_refcount_level():
    document = QTextDocument("A short text to move around in.")
    cursor = QTextCursor(document)
    cursor.setPosition(5)
    before = sys.getrefcount(None)
    for _ in range(100):
        cursor.setPosition(5)
    after = sys.getrefcount(None)
    assert abs(after - before) < 10, f"None refcount moved by {after - before} over 100 calls"

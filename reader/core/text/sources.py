"""Reading an article file's bytes safely: only regular files, never more than a limit.

A path may name anything: a FIFO (whose open() blocks until a writer comes), a device (whose
size is 0 but which never ends), a socket, a folder, a symlink loop, a name the system refuses.
Each is refused with an ArticleError saying why, before anything is opened that could block;
the limit is enforced while reading, so a file that grows (or lies about its size) stops there.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from reader.core.errors import ArticleError

__all__ = ["MAX_FILE_BYTES", "display_path", "read_source"]

MAX_FILE_BYTES = 20 * 1024 * 1024
CHUNK_BYTES = 1024 * 1024
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# O_NONBLOCK: a FIFO swapped in between stat() and open() must not block open();
# O_NOCTTY: a terminal device must never become our controlling terminal.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def read_source(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The whole content of the regular file at `path`, at most `limit` bytes.

    Raises ArticleError (one sentence for the user) when the path does not exist, is a
    folder, FIFO, device or socket, is a symlink loop, has a name too long, cannot be reached
    or read (permission denied), is empty, or holds more than `limit` bytes. No other
    exception escapes for anything the file system does.
    """
    path = Path(path)
    try:
        info = os.stat(path)
    except OSError as error:
        raise ArticleError(_unreachable(path, error)) from error
    except ValueError as error:  # a NUL byte in the name
        raise ArticleError(f"{display_path(path)} is not a valid file name.") from error
    _check_kind(path, info.st_mode)
    _check_size(path, info.st_size, limit)
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise ArticleError(_unreachable(path, error)) from error
    try:
        opened = os.fstat(descriptor)
        _check_kind(path, opened.st_mode)  # replaced by something else since stat()
        _check_size(path, opened.st_size, limit)
        data = _read_at_most(path, descriptor, limit)
    except OSError as error:
        raise ArticleError(f"{display_path(path)} cannot be read: {_reason(error)}.") from error
    finally:
        os.close(descriptor)
    if not data:
        raise ArticleError(f"{display_path(path)} is empty.")
    return data


def _read_at_most(path: Path, descriptor: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        try:
            chunk = os.read(descriptor, min(CHUNK_BYTES, limit + 1 - total))
        except BlockingIOError:  # only non-regular files block; they were refused above
            break
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise ArticleError(_too_large(path, None, limit))
    return b"".join(chunks)


def _check_kind(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        what = "a folder"
    elif stat.S_ISFIFO(mode):
        what = "a named pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = "a device"
    elif stat.S_ISSOCK(mode):
        what = "a socket"
    else:
        what = "a special file"
    raise ArticleError(f"{display_path(path)} is {what}, not an article file.")


def _check_size(path: Path, size: int, limit: int) -> None:
    if size > limit:
        raise ArticleError(_too_large(path, size, limit))


def _too_large(path: Path, size: int | None, limit: int) -> str:
    megabytes = limit / 1024 / 1024
    allowed = f"{megabytes:g} MB" if megabytes >= 1 else f"{limit} bytes"
    if size is None:
        return f"{display_path(path)} is larger than {allowed}, the most Reader opens."
    megabytes_read = size / 1024 / 1024
    return (
        f"{display_path(path)} is {megabytes_read:.1f} MB; Reader opens articles up to {allowed}."
    )


def _unreachable(path: Path, error: OSError) -> str:
    """Why stat() or open() failed, in the user's terms."""
    code = error.errno
    shown = display_path(path)
    if code == errno.ENOENT:
        if os.path.islink(path):
            return f"{shown} is a link to a file that does not exist."
        return f"{shown} does not exist."
    if code == errno.ELOOP:
        return f"{shown} cannot be opened: its symbolic links form a loop."
    if code == errno.ENAMETOOLONG:
        return f"{shown} cannot be opened: the name is too long for the file system."
    if code in (errno.EACCES, errno.EPERM):
        if _folder_blocks(path):
            return f"{shown} cannot be reached: permission denied on a folder in its path."
        return f"{shown} cannot be read: permission denied."
    if code == errno.ENOTDIR:
        return f"{shown} does not exist: a part of its path is a file, not a folder."
    return f"{shown} cannot be opened: {_reason(error)}."


def _folder_blocks(path: Path) -> bool:
    """Whether a folder above `path` cannot be searched (so the file itself cannot be seen)."""
    try:
        os.stat(path.parent)
        return not os.access(path.parent, os.X_OK)
    except OSError:
        return True


def display_path(path: Path | str) -> str:
    """The path as one line of a message: undecodable bytes and control characters escaped.

    A name may hold any byte but "/" and NUL (newlines too): bytes that are not UTF-8 show
    as \\x escapes, control characters as Python escapes, so the result is one printable line.
    """
    name = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _CONTROLS.sub(lambda match: ascii(match.group())[1:-1], name)


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).rstrip(".")

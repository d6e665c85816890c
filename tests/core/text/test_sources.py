"""Reading an article file's bytes: every kind of path that is no regular file is refused."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.errors import ArticleError
from reader.core.text.sources import MAX_FILE_BYTES, display_path, read_source


def test_a_regular_file_is_read_whole(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(b"Angela Merkel visited Paris.\n")
    assert read_source(path) == b"Angela Merkel visited Paris.\n"


def test_a_file_of_exactly_the_limit_is_read(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(b"a" * 100)
    assert read_source(path, limit=100) == b"a" * 100


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)  # no writer: a blocking open() would never return
    with pytest.raises(ArticleError, match=r"fifo\.txt is a named pipe \(FIFO\), not an article"):
        read_source(fifo)


def test_a_link_to_a_device_is_refused_before_reading(tmp_path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")  # size 0, never ends
    with pytest.raises(ArticleError, match=r"zero\.txt is a device, not an article file"):
        read_source(link)


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s.txt"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(ArticleError, match=r"is a socket, not an article file"):
            read_source(path)
    finally:
        server.close()


def test_a_folder_named_like_an_article_is_refused(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(ArticleError, match=r"folder\.txt is a folder, not an article file"):
        read_source(folder)


def test_a_file_over_the_limit_is_refused_by_its_size(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 101)
    with pytest.raises(ArticleError, match=r"big\.txt is 0\.0 MB; Reader opens articles up to"):
        read_source(path, limit=100)


def test_the_limit_holds_while_reading_when_the_size_lies():
    # /proc files say they are empty regular files, yet have content: the limit is counted
    # on the bytes read, not on the size stat() gives.
    path = Path("/proc/self/maps")
    if not path.exists() or os.stat(path).st_size != 0:
        pytest.skip("needs a /proc file that reports size 0")
    with pytest.raises(ArticleError, match=r"is larger than 10 bytes, the most Reader opens"):
        read_source(path, limit=10)


def test_the_default_limit_is_twenty_megabytes():
    assert MAX_FILE_BYTES == 20 * 1024 * 1024


def test_a_symlink_loop_says_loop_not_missing(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.symlink_to(second)
    second.symlink_to(first)
    with pytest.raises(ArticleError, match=r"a\.txt cannot be opened: its symbolic links form"):
        read_source(first)


def test_a_dangling_link_says_where_it_points_nowhere(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(ArticleError, match=r"gone\.txt is a link to a file that does not exist"):
        read_source(link)


def test_a_missing_file(tmp_path):
    with pytest.raises(ArticleError, match=r"missing\.txt does not exist\.$"):
        read_source(tmp_path / "missing.txt")


def test_a_name_too_long_for_the_file_system(tmp_path):
    with pytest.raises(ArticleError, match=r"the name is too long for the file system"):
        read_source(tmp_path / ("n" * 300 + ".txt"))


def test_a_file_used_as_a_folder(tmp_path):
    (tmp_path / "plain.txt").write_text("text", "utf-8")
    with pytest.raises(ArticleError, match=r"a part of its path is a file, not a folder"):
        read_source(tmp_path / "plain.txt" / "inner.txt")


def test_a_nul_in_the_name_is_an_invalid_name():
    with pytest.raises(ArticleError, match=r"a\\x00b\.txt is not a valid file name"):
        read_source(Path("a\0b.txt"))


def test_an_empty_file(tmp_path):
    (tmp_path / "empty.txt").touch()
    with pytest.raises(ArticleError, match=r"empty\.txt is empty"):
        read_source(tmp_path / "empty.txt")


def test_names_are_shown_on_one_printable_line():
    name = os.fsdecode(b"caf\xe9\nline\x1b[31m.txt")
    assert display_path(name) == "caf\\xe9\\nline\\x1b[31m.txt"


# Permissions: root reads everything, so as root the check runs in a child without the
# capabilities that bypass file permissions (util-linux's setpriv).

_PERMISSION_CHECK = """
import sys
from pathlib import Path
from reader.core.errors import ArticleError
from reader.core.text.sources import read_source
try:
    read_source(Path(sys.argv[1]))
except ArticleError as error:
    print(error)
"""
_OVERRIDES = "-dac_override,-dac_read_search"


def _read_without_privileges(path: Path) -> str:
    """The message read_source gives for `path` to a process that permissions apply to."""
    command = [sys.executable, "-c", _PERMISSION_CHECK, str(path)]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("as root, needs setpriv to drop the permission-override capabilities")
        command = [setpriv, f"--inh-caps={_OVERRIDES}", f"--bounding-set={_OVERRIDES}", *command]
    environment = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
    result = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_an_unreadable_file_says_permission_denied(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Hidden text.", "utf-8")
    path.chmod(0o000)
    assert _read_without_privileges(path).endswith("secret.txt cannot be read: permission denied.")


def test_a_folder_without_search_permission_says_so(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "inside.txt").write_text("Hidden text.", "utf-8")
    folder.chmod(0o600)  # readable listing, but no search (x): the file cannot be reached
    try:
        message = _read_without_privileges(folder / "inside.txt")
    finally:
        folder.chmod(0o700)
    assert message.endswith("cannot be reached: permission denied on a folder in its path.")

"""Reader says what to install, in one sentence, when Qt's X11 plugin cannot load."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys

import pytest

from reader.gui.window import platform_check
from reader.gui.window.platform_check import missing_library, uses_xcb, window_problem, xcb_plugin


def test_xcb_is_used_on_linux_unless_another_platform_or_wayland(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    assert uses_xcb({"DISPLAY": ":0"})
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"})
    assert not uses_xcb({"QT_QPA_PLATFORM": "offscreen"})
    assert not uses_xcb({"WAYLAND_DISPLAY": "wayland-0"})
    monkeypatch.setattr(sys, "platform", "darwin")
    assert not uses_xcb({"DISPLAY": ":0"})


def test_a_missing_library_is_named_with_both_install_lines(monkeypatch, tmp_path):
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")

    def cdll(path, mode=0):
        raise OSError("libxcb-icccm.so.4: cannot open shared object file: No such file")

    monkeypatch.setattr(ctypes, "CDLL", cdll)
    monkeypatch.setattr(platform_check, "xcb_plugin", lambda: plugin)
    monkeypatch.setattr(sys, "platform", "linux")
    assert missing_library(plugin) == "libxcb-icccm.so.4"
    message = window_problem({"DISPLAY": ":0"})
    assert message is not None and message.count(".") >= 1 and "\n" not in message
    assert "libxcb-icccm.so.4" in message
    assert "apt-get install" in message and "libxcb-icccm4 " in message
    assert "dnf install" in message and "xcb-util-wm" in message
    assert window_problem({"QT_QPA_PLATFORM": "offscreen"}) is None


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or missing_library(xcb_plugin()) is None,
    reason="Qt's X11 libraries are installed here",
)
def test_the_app_prints_the_install_line_instead_of_aborting_real_process(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = ":0"
    result = subprocess.run(
        [sys.executable, "-m", "reader"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "apt-get install" in lines[0], result.stderr


def test_no_display_is_said_in_one_line_instead_of_qt_aborting(monkeypatch):
    """With its libraries there, Qt's X11 plugin still aborts without a display, naming a library
    (xcb-cursor) that is installed: Reader says what is really missing."""
    monkeypatch.setattr(platform_check, "missing_library", lambda _plugin: None)
    monkeypatch.setattr(sys, "platform", "linux")
    message = window_problem({})
    assert message is not None and "no display" in message and "\n" not in message
    assert window_problem({"DISPLAY": ":0"}) is None
    assert window_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None

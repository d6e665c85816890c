"""Whether Qt can open a window here, asked before QApplication is made.

Without some X11 libraries Qt's xcb platform plugin cannot load, and Qt then aborts the whole
process (exit 134) with a message that names no package. Loading the plugin's shared library
ourselves first tells the same thing, and lets Reader say in one sentence what to install.
No Qt class is created here.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from pathlib import Path

DEBIAN_PACKAGES = (
    "libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 "
    "libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1 "
    "libxkbcommon-x11-0 libx11-xcb1 libegl1 libgl1 libfontconfig1 libdbus-1-3"
)
FEDORA_PACKAGES = (
    "xcb-util-cursor xcb-util-wm xcb-util-image xcb-util-keysyms xcb-util-renderutil "
    "libxkbcommon-x11 libX11-xcb mesa-libEGL mesa-libGL fontconfig dbus-libs"
)


def xcb_plugin() -> Path:
    """Where PySide6 keeps Qt's X11 platform plugin."""
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"


def uses_xcb(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether Qt will try its X11 plugin: on Linux, unless another platform is chosen or the
    session is Wayland."""
    if not sys.platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def missing_library(plugin: Path) -> str | None:
    """The shared library the plugin cannot find, or None when it loads (or is not there)."""
    if not plugin.exists():
        return None
    try:
        ctypes.CDLL(str(plugin), mode=os.RTLD_LAZY)
    except OSError as error:
        found = re.search(r"([\w.+-]+\.so[\w.]*): cannot open", str(error))
        return found.group(1) if found else str(error)
    return None


def window_problem(environ: dict[str, str] | os._Environ[str] = os.environ) -> str | None:
    """One sentence on why Qt cannot open a window here, or None when it can."""
    if not uses_xcb(environ):
        return None
    missing = missing_library(xcb_plugin())
    if missing is None:
        if not environ.get("DISPLAY"):  # Qt would abort naming a library that is there
            return (
                "Qt cannot open a window: no display is set (DISPLAY is empty, as over SSH "
                "without X forwarding); start Reader in a desktop session, or use the command "
                "line (`reader analyze`, `reader export`) here."
            )
        return None
    return (
        f"Qt cannot open a window: its X11 support needs {missing}, which is not "
        f"installed; install Qt's X11 libraries with `sudo apt-get install {DEBIAN_PACKAGES}` "
        f"(Debian, Ubuntu) or `sudo dnf install {FEDORA_PACKAGES}` (Fedora)."
    )

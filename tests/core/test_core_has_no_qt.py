"""The analysis core must run where Qt is absent: importing it with PySide6 blocked works."""

import subprocess
import sys

CHECK = """
import sys
class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError("Qt is not allowed in reader.core: " + name)
sys.meta_path.insert(0, BlockQt())
import pkgutil, importlib, reader.core
for module in pkgutil.walk_packages(reader.core.__path__, "reader.core."):
    importlib.import_module(module.name)
import reader.cli
print("ok")
"""


def test_core_imports_with_pyside6_blocked():
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"

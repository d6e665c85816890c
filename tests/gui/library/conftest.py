"""The library tests' fixtures: the folder of short articles and the fake collection analysis
of tests/gui/test_library.py."""

from tests.gui.test_library import fake_indexing, folder  # noqa: F401 (fixtures)

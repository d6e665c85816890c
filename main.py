"""Start Reader: `python main.py [FILE|FOLDER...]` (files in tabs, folders as collections in the
Library; with nothing named, the articles open at the last close, else the bundled seed article).
`python main.py --help` lists the window's options and the headless commands."""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())

"""Start Reader: `python main.py [FILE...]` (the bundled seed article when no file is given)."""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())

import sys

from reader.cli import main

# The guard matters: the app's spaCy child process re-imports the main module when it starts.
if __name__ == "__main__":
    sys.exit(main())

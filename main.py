"""Start Counsel: ``python main.py`` (see ``python main.py --help``)."""

import sys

from counsel.cli import main

if __name__ == "__main__":
    sys.exit(main())

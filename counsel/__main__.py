"""``python -m counsel`` starts Counsel like ``python main.py``."""

import sys

from counsel.cli import main

sys.exit(main())

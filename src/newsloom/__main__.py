"""`python -m newsloom` runs the same command line as the `newsloom` script (for a checkout used
with PYTHONPATH, or an environment whose scripts folder is not on PATH)."""

import sys

from newsloom.cli import main

if __name__ == "__main__":
    sys.exit(main())

"""The frozen app's entry point: what ``python -m chatapp`` runs.

It lives outside the chatapp package on purpose: PyInstaller puts a script's package
root on its search path, so a script inside chatapp/ would make it bundle the source
folder instead of the installed app (whose chatapp.resources holds the data files).
"""

import sys

from chatapp.cli import main

if __name__ == "__main__":
    sys.exit(main())

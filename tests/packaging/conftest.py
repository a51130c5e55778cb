"""The installer tests install a .deb system-wide: only `make test-package` runs them.

`make test` collects tests/ too; without CHATAPP_PACKAGE_TEST this folder's tests are
not even collected (no skips to read past). `make test-package` builds the installers
first and sets the variables below.
"""

from __future__ import annotations

import os

collect_ignore_glob: list[str] = [] if os.environ.get("CHATAPP_PACKAGE_TEST") == "1" else ["*.py"]

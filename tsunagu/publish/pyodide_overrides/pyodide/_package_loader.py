"""tsunagu's stand-in for Pyodide's ``pyodide/_package_loader.py`` in the runtime the site ships.

The self-check loads no packages: the lock file the worker passes lists none, so ``loadPackage`` stops in
JavaScript before it reaches Python. Pyodide's own module is imported at start all the same, and it imports
shutil, tempfile, zipfile, random, bz2, lzma and compression.zstd (16 files, 79 KB of the gzipped standard
library) to unpack wheels. This module keeps the names Pyodide's start-up reads (``SITE_PACKAGES``,
``DSO_DIR``, ``init_loaded_packages``) and refuses the package functions with a clear error.
Applied by scripts/pyodide-stdlib-strip.mjs (and scripts/pyodide-stdlib-keep.mjs, so the keep list follows it).
"""

from pathlib import Path
from site import getsitepackages

SITE_PACKAGES = Path(getsitepackages()[0])
DSO_DIR = Path("/usr/lib")
NO_PACKAGES = "tsunagu's Pyodide is trimmed for its self-check and installs no packages"


def init_loaded_packages() -> None:
    """Pyodide records the packages already installed; nothing is installed beside the standard library."""


def get_install_dir(target: str | None = None) -> str:
    raise RuntimeError(NO_PACKAGES)


def unpack_buffer(*args: object, **kwargs: object) -> None:
    raise RuntimeError(NO_PACKAGES)

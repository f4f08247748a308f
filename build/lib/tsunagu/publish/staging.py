"""Build into a temporary folder next to the site and swap it in only when the build succeeded."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


def make_staging(site_dir: Path) -> Path:
    """A new empty folder beside ``site_dir`` (same file system, so the swap is a rename)."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-", dir=site_dir.parent))


def swap_in(staging: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` with ``staging``; the old site is kept until the new one is in place."""
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
        old.rmdir()
        site_dir.rename(old)
    staging.rename(site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)

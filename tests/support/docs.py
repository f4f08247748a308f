"""A docs/ folder for tests of page-level checks: the named pages, each a one-line heading."""

from __future__ import annotations

from pathlib import Path


def docs_folder(folder: Path, names: list[str]) -> Path:
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# x\n", encoding="utf-8")
    return folder

"""The editors' Markdown pages under docs/, for the checks that read them all."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path


def markdown_pages(docs_dir: Path, skip: Iterable[str] = ()) -> Iterator[tuple[Path, str]]:
    """(path, path relative to ``docs_dir``) of every page, in a stable order; ``skip``: generated pages."""
    skipped = set(skip)
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if rel not in skipped:
            yield path, rel

"""YAML front matter of a Markdown page (the ``---`` block MkDocs reads too), without a site generator."""

from __future__ import annotations

import re
from typing import Any

import yaml

BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)


def meta(text: str) -> dict[str, Any]:
    """The page's front matter as a dict; empty when there is none or it is not a mapping."""
    match = BLOCK.match(text)
    if not match:
        return {}
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}

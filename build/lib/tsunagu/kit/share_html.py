"""HTML for ``[[share-kit X]]``: the print materials and QR codes an editor or a teacher downloads."""

from __future__ import annotations

from dataclasses import dataclass

from tsunagu.data.strings import Strings
from tsunagu.pages.templates import html_, macro

_T = "share_kit.html"


@dataclass(frozen=True)
class KitRow:
    title: str
    page_href: str
    address: str
    """The absolute address the QR code holds."""
    svg_href: str
    png_href: str


def print_list(kinds: list[tuple[str, str]], s: Strings) -> str:
    """(kind, href to its PDF) -> a list of downloads."""
    return macro(_T, "print_list", s, kinds)


def qr_table(rows: list[KitRow], s: Strings) -> str:
    return macro(_T, "qr_table", s, rows)


def collapsed(summary: str, inner: str) -> str:
    """``inner`` is HTML (a list or table made above)."""
    return macro(_T, "collapsed", summary, html_(inner))

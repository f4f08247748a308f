"""HTML for ``[[share-kit X]]``: the print materials and QR codes an editor or a teacher downloads."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from tsunagu.data.strings import Strings
from tsunagu.pages.fragments import text


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
    items = "".join(
        f'<li><a class="tg-kit__pdf" href="{escape(href)}" download>{text(s(f"kit.{kind}"))}</a> '
        f'<span class="tg-meta">(PDF, A4)</span></li>'
        for kind, href in kinds
    )
    return f'<ul class="tg-kit__print">{items}</ul>'


def qr_table(rows: list[KitRow], s: Strings) -> str:
    keys = ("kit.page", "kit.address", "kit.code", "kit.download")
    head = "".join(f'<th scope="col">{text(s(k))}</th>' for k in keys)
    body = "".join(
        "<tr>"
        f'<td><a href="{escape(r.page_href)}">{text(r.title)}</a></td>'
        f'<td><code class="tg-kit__address">{escape(r.address)}</code></td>'
        f'<td><img class="tg-kit__qr" src="{escape(r.svg_href)}" alt="" width="96" height="96" loading="lazy"></td>'
        f'<td><a href="{escape(r.svg_href)}" download>SVG</a> · <a href="{escape(r.png_href)}" download>PNG</a></td>'
        "</tr>"
        for r in rows
    )
    return (f'<div class="tg-kit__scroll"><table class="tg-kit__table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>")


def collapsed(summary: str, inner: str) -> str:
    return f'<details class="tg-kit__more"><summary>{text(summary)}</summary>{inner}</details>'

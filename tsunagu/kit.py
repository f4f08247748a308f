"""Write the share and print kit into a built site: QR codes, PDFs, redirects and ``kit/kit.json``.

Runs once, after every language is built, so it can check that each address it prints resolves.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from html import escape
from pathlib import Path

from tsunagu import qr
from tsunagu.share import SharedPage, absolute, as_published

QR_DIR = "kit/qr"
PRINT_DIR = "kit/print"
CARD_DIR = "kit/cards"
MANIFEST = "kit/kit.json"


def qr_files(page: SharedPage) -> tuple[str, str]:
    """Site paths of a shared page's QR codes: kit/qr/<lang>/<slug>.svg and .png."""
    base = f"{QR_DIR}/{page.lang}/{page.slug}"
    return base + ".svg", base + ".png"


def pdf_file(lang: str, kind: str) -> str:
    return f"{PRINT_DIR}/{lang}/{kind}.pdf"


def card_file(page_url: str) -> str:
    """The share card of the page at ``page_url`` (``en/talk-now/``): kit/cards/en/talk-now/card.png."""
    return f"{CARD_DIR}/{page_url}card.png"


def cached(cache: Path | None, key: str, ext: str, make: Callable[[], bytes]) -> bytes:
    """``make()``, or its earlier result for the same key (QR PNGs and cards cost 10–40 ms each)."""
    path = cache / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}.{ext}" if cache else None
    if path and path.exists():
        return path.read_bytes()
    data = make()
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return data


def write(site_dir: Path, rel: str, data: bytes) -> None:
    target = site_dir / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def write_qr_codes(site_dir: Path, site_url: str, pages: list[SharedPage], cache: Path | None) -> None:
    for page in pages:
        url = absolute(site_url, page.path)
        svg_rel, png_rel = qr_files(page)
        svg = cached(cache, f"qr-svg\x1f{url}", "svg", lambda url=url: qr.svg(url))  # type: ignore[misc]
        write(site_dir, svg_rel, svg)
        png = cached(cache, f"qr-png\x1f{qr.PNG_SCALE}\x1f{url}", "png", lambda url=url: qr.png(url))  # type: ignore[misc]
        write(site_dir, png_rel, png)


def write_redirect(site_dir: Path, old: str, target_href: str, title: str) -> None:
    """A page at the old path that sends the visitor on: works without script, says where it goes."""
    html = (
        '<!doctype html>\n<html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        '<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">'
        f'<meta http-equiv="refresh" content="0; url={escape(target_href)}">'
        f'<link rel="canonical" href="{escape(target_href)}"><title>{escape(title)}</title></head>'
        f'<body><p><a href="{escape(target_href)}">{escape(title)}</a></p></body></html>\n'
    )
    write(site_dir, f"{old}index.html", html.encode("utf-8"))


def unresolved(site_dir: Path, paths: list[str]) -> list[str]:
    """Site paths (``en/talk-now/``) with no page in the built site."""
    return [p for p in paths if not (site_dir / p / "index.html").is_file()]


def manifest(site_url: str, pages: list[SharedPage], prints: list[dict[str, object]]) -> bytes:
    """``kit/kit.json``: what the kit holds, for editors' tools and for the tests."""
    entries = []
    for page in pages:
        svg_rel, png_rel = qr_files(page)
        entries.append({"lang": page.lang, "page": page.src, "path": as_published(page.path),
                        "url": absolute(site_url, page.path), "qr_svg": svg_rel, "qr_png": png_rel})
    data = {"site_url": site_url, "pages": entries, "print": prints}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")

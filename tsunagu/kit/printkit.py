"""Printable A4 materials (poster, newsletter flyer, classroom handout) as PDF in every language.

Each is an HTML page from ``overrides/print/<kind>.html`` filled with the same data the site shows,
printed to PDF by Chromium (Debian's package, driven by Playwright): it lays out Japanese, Korean and
Vietnamese with the system's Noto CJK fonts and keeps the QR code as vector paths. PDFs are cached by
the hash of their HTML, so a rebuild without changes starts no browser.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from tsunagu.data.model import Site
from tsunagu.data.strings import Strings
from tsunagu.kit import qr
from tsunagu.kit.share import PrintDoc
from tsunagu.pages import hours, templates

DEFAULT_CHROMIUM = "/usr/bin/chromium"


class PrintError(Exception):
    """Chromium is missing or failed to print."""


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    """Absolute address, as printed (https:// left off)."""


def render_html(template_dir: Path, doc: PrintDoc, site: Site, lang: str, s: Strings, *, site_name: str,
                qr_url: str, links: list[Link], sample: bool) -> str:
    """The print page's HTML: everything inline (fonts are the system's), nothing fetched."""
    env = _environment(str(template_dir))
    lines = []
    checked = []
    for sid in doc.services:
        service = site.services[sid]
        phone = service.main_phone()
        assert phone is not None  # load_share checked it
        if phone.checked:
            checked.append(phone.checked)
        lines.append({
            "name": service.short_name.get(lang) or service.name[lang],
            "number": phone.value if phone.verified else "",
            "hours": " / ".join(hours.describe(phone.hours, s)) if phone.verified else "",
            "fee": s(f"fee.{phone.fee}") if phone.verified else "",
        })
    context: dict[str, Any] = {
        "lang": lang,
        "html_lang": "ja" if lang.startswith("ja") else lang,
        "t": s,
        "site_name": site_name,
        "city": site.city[lang],
        "qr_svg": Markup(qr.svg_inline(qr_url)),
        "qr_url": _shown(qr_url),
        "links": [Link(link.title, _shown(link.url)) for link in links],
        "lines": lines,
        # The oldest check date: every number on the sheet was confirmed on or after it.
        "checked": min(checked).isoformat() if checked else "",
        "sample": sample,
    }
    return env.get_template(f"{doc.kind}.html").render(context)


@lru_cache(maxsize=4)
def _environment(template_dir: str) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(template_dir), autoescape=True,
                             undefined=jinja2.StrictUndefined, auto_reload=True)
    env.filters.update(templates.FILTERS)  # the same furigana behaviour as the site's HTML
    return env


def pdfs(jobs: dict[str, str], cache: Path | None,
         progress: Callable[[str], None] = lambda _: None) -> dict[str, bytes]:
    """Print each HTML (name -> HTML) to an A4 PDF; only HTML not seen before starts Chromium."""
    out: dict[str, bytes] = {}
    todo: dict[str, tuple[str, Path | None]] = {}
    for name, html in jobs.items():
        key = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32]
        cached = cache / f"{key}.pdf" if cache else None
        if cached and cached.exists():
            out[name] = cached.read_bytes()
        else:
            todo[name] = (html, cached)
    if todo:
        progress(f"Printing {len(todo)} PDF(s) with Chromium")
        out.update(_print(todo))
    return out


def _print(todo: dict[str, tuple[str, Path | None]]) -> dict[str, bytes]:
    chromium = os.environ.get("TSUNAGU_CHROMIUM", DEFAULT_CHROMIUM)  # read when printing, not at import
    if not Path(chromium).exists():
        raise PrintError(f"Printed materials are made with Chromium, not found at {chromium}: "
                         "apt-get install chromium (scripts/setup.sh does), or set TSUNAGU_CHROMIUM")
    from playwright.sync_api import Error, sync_playwright

    out: dict[str, bytes] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            # Print pages load nothing: block any request so a template mistake cannot fetch from the web.
            page.route("**/*", lambda route: route.abort())
            for name, (html, cached) in todo.items():
                page.set_content(html, wait_until="load")
                page.emulate_media(media="print")
                over = page.evaluate("Math.max(0, ...[...document.querySelectorAll('[data-fit]')]"
                                     ".map(e => e.scrollHeight - e.clientHeight))")
                if over > 1:
                    raise PrintError(f"{name}: the text does not fit on the page ({over} px too long). Shorten "
                                     "the print.* strings of its language in tsunagu/locales/, or list fewer "
                                     "services under print: in data/share.yml")
                pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
                out[name] = pdf
                if cached:
                    cached.parent.mkdir(parents=True, exist_ok=True)
                    cached.write_bytes(pdf)
            browser.close()
    except Error as e:
        raise PrintError(f"Chromium could not print the materials: {e}") from None
    return out


def _shown(url: str) -> str:
    """Addresses are printed without https:// (shorter to type; every browser adds it)."""
    return url.removeprefix("https://")

"""Download each source page (HTML or PDF) and look for the contact in it, in any way it is written.

Only the standard library and Debian's ``pdftotext``: the tool runs where the site builds. Each URL is
fetched once, with a timeout; redirects are followed but reported, since a moved page is often the
first sign that a service changed.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from html.parser import HTMLParser

from tsunagu.pages import ruby

USER_AGENT = "tsunagu-sources/0.1 (city editors' check of published contact details)"
MAX_BYTES = 20_000_000
# What Japanese publications put between the digits of a phone number once NFKC has folded full-width
# forms: hyphens and dashes of every kind, the katakana long-vowel mark, middle dots, brackets, spaces.
SEPARATORS = r"[\s\-‐‑‒–—―−ーｰ・･.()（）]{0,3}"


@dataclass(frozen=True)
class Page:
    """What one source URL gave."""

    url: str
    state: str
    """``ok``, ``moved`` (redirected to another page) or ``unreachable``."""
    final_url: str = ""
    text: str = ""
    error: str = ""


@dataclass(frozen=True)
class Check:
    """The answer for one contact point."""

    result: str
    """``found``, ``not found``, ``moved``, ``source unreachable``, ``no source URL`` or ``nothing to look for``."""
    detail: str = ""


def fetch(url: str, timeout: float) -> Page:
    """GET one page; never raises for network trouble, which is itself the answer."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept": "text/html, application/pdf, */*"})
    try:
        # A fresh opener reads the proxy settings (http_proxy, https_proxy) each time; urlopen caches one.
        with urllib.request.build_opener().open(request, timeout=timeout) as response:
            body = response.read(MAX_BYTES)
            final = response.geturl()
            headers: Message = response.headers
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as e:
        reason = getattr(e, "reason", None) or e
        return Page(url, "unreachable", error=f"{type(e).__name__}: {reason}")
    if body.startswith(b"%PDF"):
        pdf = _pdf_text(body)
        if pdf is None:
            return Page(url, "unreachable", final, error="a PDF, and pdftotext (poppler-utils) is not installed")
        text = pdf
    else:
        text = _html_text(_decode(body, headers))
    state = "moved" if _same_page(url, final) is False else "ok"
    return Page(url, state, final, text)


def contains(text: str, value: str, ctype: str) -> bool:
    """True when ``value`` appears in ``text`` however it is written: full-width digits, dots or
    brackets instead of hyphens, or no separators (phones); spaces and full-width forms (addresses)."""
    folded = unicodedata.normalize("NFKC", text)
    if ctype == "phone":
        digits = [d for d in value if d.isdigit()]
        if not digits:
            return False
        prefix = r"#\s?" if value.startswith("#") else r"(?<![\d#])"
        pattern = prefix + SEPARATORS.join(map(re.escape, digits)) + r"(?!\d)"
        return re.search(pattern, folded) is not None
    if ctype in ("web", "chat", "email"):
        wanted = value.removeprefix("https://").removeprefix("http://").rstrip("/")
        return wanted.lower() in folded.lower()
    squeeze = re.compile(r"[\s　]+")
    place = squeeze.sub("", unicodedata.normalize("NFKC", ruby.strip(value)))
    return bool(place) and place in squeeze.sub("", folded)


def check(page: Page | None, value: str, ctype: str) -> Check:
    """Combine what the page gave with whether it shows the contact."""
    if page is None:
        return Check("no source URL")
    if page.state == "unreachable":
        return Check("source unreachable", page.error)
    if not value:
        return Check("nothing to look for", "the contact has no value yet: look at the page yourself")
    seen = contains(page.text, value, ctype)
    if page.state == "moved":
        return Check("moved", f"now {page.final_url}; the value is {'' if seen else 'not '}on that page")
    return Check("found" if seen else "not found")


# Helpers ---------------------------------------------------------------------------------------

def _same_page(url: str, final: str) -> bool:
    """http -> https and a trailing slash are the same page; anything else is a move."""
    def norm(u: str) -> str:
        return u.removeprefix("https://").removeprefix("http://").rstrip("/")
    return norm(url) == norm(final)


def _decode(body: bytes, headers: Message) -> str:
    """The declared charset (header, then <meta>), else UTF-8, else the Japanese legacy encodings."""
    declared = headers.get_content_charset()
    meta = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", body[:4096], re.I)
    for enc in (declared, meta.group(1).decode("ascii") if meta else None, "utf-8", "cp932", "euc-jp"):
        if not enc:
            continue
        try:
            return body.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("utf-8", errors="replace")


class _Text(HTMLParser):
    """Visible text and link targets (a number may sit only in a tel: link)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name == "href" and value:
                self.parts.append(" " + value + " ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _html_text(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    parser.close()
    return html.unescape(" ".join(parser.parts))


def _pdf_text(body: bytes) -> str | None:
    """Text of a PDF by poppler's pdftotext (installed with the test tools); None if it is missing."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    done = subprocess.run([tool, "-layout", "-enc", "UTF-8", "-", "-"], input=body, capture_output=True,
                          timeout=60, check=False)
    return done.stdout.decode("utf-8", errors="replace")

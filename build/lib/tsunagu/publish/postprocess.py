"""Last changes to each page's HTML, after every template and plugin ran."""

from __future__ import annotations

import re

_A = re.compile(r"<a\s[^>]*>", re.I)
_HREF = re.compile(r"""\bhref=["'](https?://[^"']*)["']""", re.I)
_REL = re.compile(r"""\brel=["']([^"']*)["']""", re.I)
_TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')
_HREFLANG = re.compile(r'hreflang="([^"]+)"')
# Language, then optionally a common script and a region (en, zh-Hans, pt-BR): enough for a language menu.
_BCP47 = re.compile(r"^[a-z]{2,3}(-(Hans|Hant|Latn|Cyrl|Arab|Jpan|Kore))?(-([A-Z]{2}|[0-9]{3}))?$")


def outbound_links(html: str, site_url: str = "") -> str:
    """Links to other sites get ``rel="noopener noreferrer"``: the service a visitor goes to learns
    nothing of where they came from, and cannot reach back into this tab (belt and braces with the
    page's no-referrer policy, for browsers or hosts that drop it)."""
    own = site_url.rstrip("/") + "/" if site_url else None

    def fix(m: re.Match[str]) -> str:
        tag = m.group(0)
        href = _HREF.search(tag)
        if not href or (own and href.group(1).startswith(own)):
            return tag
        rel = _REL.search(tag)
        if rel is None:
            return tag[:-1].rstrip("/").rstrip() + ' rel="noopener noreferrer">'
        words = rel.group(1).split()
        words += [w for w in ("noopener", "noreferrer") if w not in words]
        return tag[: rel.start()] + f'rel="{" ".join(words)}"' + tag[rel.end():]

    return _A.sub(fix, html)


def valid_markup(html: str) -> str:
    """Two details of Material's templates that the Nu HTML checker rejects, made valid.

    - ``autocomplete="off"`` on its drawer and search checkboxes (allowed only on text-like inputs;
      Material adds it so Firefox does not restore an open drawer on Back: a cosmetic loss).
    - ``hreflang="ja-easy"`` in the language menu: not a BCP 47 tag ("easy" reads as a script
      subtag). The page's content language is Japanese, so the menu says ``ja``.
    """
    html = _TOGGLE.sub(r"\1", html)
    return _HREFLANG.sub(lambda m: m.group(0) if _BCP47.match(m.group(1)) else f'hreflang="{m.group(1).split("-")[0]}"',
                         html)

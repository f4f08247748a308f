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
# Markup only Material's JavaScript bundle uses (the site does not load it): the search toggle (no search
# plugin) and the dialog its clipboard and consent messages appear in.
_FOR_MATERIAL_JS = re.compile(
    r'<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">\n?'
    r'|<div class="md-dialog" data-md-component="dialog">\s*<div class="md-dialog__inner md-typeset"></div>\s*'
    r'</div>\n?')
# Copied as they are: elements whose text keeps its white space (inline code is white-space: pre-wrap in
# Material), and tags written over several lines (an attribute value may hold a line break). Other tags
# have no line break inside, so the runs replaced are all in text. Few matches: fast.
_KEEP_SPACE = re.compile(r"<(pre|textarea|script|style|code)\b.*?</\1>|<[^>\n]*\n[^>]*>", re.S | re.I)
_BLANK_LINES = re.compile(r"[ \t\r\f]*\n\s*")


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


def without_material_js_markup(html: str) -> str:
    """Drop the search toggle and the empty dialog: nothing on the site shows or uses them."""
    return _FOR_MATERIAL_JS.sub("", html)


def compact_whitespace(html: str) -> str:
    """Each run of white space that holds a line break becomes one line break, in text only.

    The templates are indented for people; a browser renders any such run as one space (or nothing,
    between blocks), so the page looks the same and is 20–25 % smaller (about 0.5 KB gzip on a
    content page). Tags, attribute values and elements that keep their white space (pre, textarea,
    script, style, code) are copied as they are, so script hashes and data attributes do not change.
    """
    out: list[str] = []
    last = 0
    for m in _KEEP_SPACE.finditer(html):
        out.append(_BLANK_LINES.sub("\n", html[last:m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(_BLANK_LINES.sub("\n", html[last:]))
    return "".join(out)

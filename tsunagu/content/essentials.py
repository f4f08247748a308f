"""Essentials languages: a language complete for a fixed set of pages only, whose other pages are offered in the
languages that have them (English and やさしい日本語), labelled in the visitor's language — never a silent fallback.

The page set lives here, once (:data:`ESSENTIAL_PAGES`); the plugin option ``essentials_pages`` may replace it.
Everything else (completeness, generated pages, share kit, service worker, menu, links in pages) asks
:class:`Essentials` whether a page exists in a language.
"""

from __future__ import annotations

import fnmatch
import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from tsunagu.pages import templates

ESSENTIAL_PAGES: tuple[str, ...] = (
    "index.md", "talk-now.md", "directory.md", "finder.md", "self-check.md", "privacy.md", "foreign-residents.md",
    # generated from data: every service page, the directory's topic and audience pages, self-check results
    "services/*", "topics/*", "audiences/*", "self-check/*",
)
"""Pages (default-language sources in docs/, wildcards allowed) an essentials language must have — and the only
ones it has."""
FALLBACK_LANGUAGES: tuple[str, ...] = ("en", "ja-easy")
"""Where a page outside the set is offered instead, in this order."""
STRING_PREFIX = "essentials."
"""Interface strings only essentials languages need (the menu labels of pages they do not have)."""
_MARK = "tg-elsewhere"
_TEMPLATE = "essentials.html"
_MARK_URL = "https://tg-elsewhere.invalid/"
"""A nav entry outside the set points here so MkDocs takes it for an outside link (no 'not found' warning); the
build replaces the whole entry (see :func:`replace_nav_entries`)."""
_NAV_ENTRY = re.compile(
    r'<a href="[^"]*" class="md-nav__link">\s*<span class="md-ellipsis">\s*'
    r'<span data-tg-elsewhere="([^"]+)">(.*?)</span>\s*</span>\s*</a>', re.S)
_MD_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\(([^)\s#]+\.md)(#[^)\s]*)?\)")


@dataclass(frozen=True)
class Essentials:
    """Which languages are essentials languages, and which pages they have."""

    languages: tuple[str, ...] = ()
    pages: tuple[str, ...] = ESSENTIAL_PAGES
    fallback: tuple[str, ...] = FALLBACK_LANGUAGES
    names: dict[str, str] = field(default_factory=dict)
    """Language code -> its name in its own script (the i18n ``name``), for the fallback links."""

    def has(self, lang: str, src: str) -> bool:
        """Whether page ``src`` (a default-language source such as ``understanding.md``) is built in ``lang``."""
        return lang not in self.languages or in_set(src, self.pages)

    def built_languages(self, languages: Iterable[str], src: str) -> list[str]:
        return [lang for lang in languages if self.has(lang, src)]

    def check(self, languages: Iterable[str], default: str) -> list[str]:
        """Problems with the configuration itself (plugins.tsunagu.essentials_languages)."""
        langs = list(languages)
        problems = []
        for lang in self.languages:
            if lang not in langs:
                problems.append(f"plugins.tsunagu.essentials_languages: '{lang}' is not one of the site's languages "
                                f"({', '.join(langs)}); add it to plugins.i18n.languages in mkdocs.yml")
            elif lang == default:
                problems.append(f"plugins.tsunagu.essentials_languages: '{lang}' is the default language, which "
                                "must have every page")
        for lang in self.fallback:
            if self.languages and (lang not in langs or lang in self.languages):
                problems.append(f"plugins.tsunagu.essentials_languages: pages outside the set are offered in "
                                f"'{lang}', which must be a full language of the site")
        return problems


def in_set(src: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatch(src, p) for p in patterns)


def page_key(src: str) -> str:
    """The interface string naming a page outside the set: understanding.md -> essentials.page.understanding."""
    return STRING_PREFIX + "page." + src[: -len(".md")].replace("/", ".")


def nav_for(nav: Any, ess: Essentials, lang: str, label: Callable[[str], str]) -> Any:
    """The ``nav`` config for an essentials language: entries outside the set become marked outside links, which
    :func:`replace_nav_entries` turns into links to the fallback languages. ``label(src)`` is the entry's text."""
    if isinstance(nav, list):
        return [nav_for(item, ess, lang, label) for item in nav]
    if isinstance(nav, dict):
        out: dict[str, Any] = {}
        for title, value in nav.items():
            if isinstance(value, str) and _outside(value, ess, lang):
                out[_marker(value, label(value))] = _MARK_URL + value
            else:
                out[title] = nav_for(value, ess, lang, label)
        return out
    if isinstance(nav, str) and _outside(nav, ess, lang):
        return {_marker(nav, label(nav)): _MARK_URL + nav}
    return nav


def _outside(path: str, ess: Essentials, lang: str) -> bool:
    return "://" not in path and path.endswith(".md") and not ess.has(lang, path.lstrip("/"))


def _marker(src: str, text: str) -> str:
    return templates.macro(_TEMPLATE, "marker", _MARK, src, text)


def fallback_links(src: str, ess: Essentials, url_of: Callable[[str, str], str]) -> list[dict[str, str]]:
    """``English · やさしい日本語``: the page in each fallback language, marked with its language."""
    return [{"url": url_of(lang, src), "base": lang.split("-")[0], "name": ess.names.get(lang, lang)}
            for lang in ess.fallback]


def elsewhere(text: str, src: str, ess: Essentials, url_of: Callable[[str, str], str], hint: str,
              css: str = _MARK) -> str:
    """A page this language does not have: its name in the visitor's language (HTML already), then links to
    the fallbacks."""
    return templates.macro(_TEMPLATE, "elsewhere", _MARK, css, templates.html_(text), hint,
                           fallback_links(src, ess, url_of))


def replace_nav_entries(page_html: str, ess: Essentials, url_of: Callable[[str, str], str], hint: str) -> str:
    """Material's rendering of each marked nav entry -> the entry's name and its fallback links."""
    def entry(m: re.Match[str]) -> str:
        src = html.unescape(m.group(1))
        return elsewhere(m.group(2), src, ess, url_of, hint, css=f"md-nav__link {_MARK}")

    out = _NAV_ENTRY.sub(entry, page_html)
    if f"data-{_MARK}=" in out or _MARK_URL in out:
        raise ValueError("a menu entry outside the essentials set was not replaced (Material's nav markup "
                         "changed?); see tsunagu/content/essentials.py")
    return out


def rewrite_links(markdown: str, ess: Essentials, lang: str, src_dir: str, url_of: Callable[[str, str], str],
                  hint: str) -> str:
    """Markdown links to pages outside the set (``[Understanding](understanding.md)``) -> the link text,
    then links to that page in the fallback languages, so no link points at a page this language lacks."""
    def link(m: re.Match[str]) -> str:
        target = _resolve(src_dir, m.group(2))
        if ess.has(lang, target):
            return m.group(0)
        anchor = m.group(3) or ""
        return elsewhere(m.group(1), target, ess, lambda fl, s: url_of(fl, s) + anchor, hint)

    return _MD_LINK.sub(link, markdown)


def _resolve(src_dir: str, target: str) -> str:
    parts = [p for p in src_dir.split("/") if p] if not target.startswith("/") else []
    for part in target.lstrip("/").split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part and part != ".":
            parts.append(part)
    return "/".join(parts)

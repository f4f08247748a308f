"""Markdown macros: ``[[service ID]]``, ``[[tel ID]]``, ``[[survey ID]]``, ``[[directory]]``,
``[[if-busy]]`` (``[[if-busy ANCHOR]]`` links its chat tip to that section), ``[[finder]]`` /
``[[finder kids]]`` and the generated pages' ``[[service-page ID]]``, ``[[topic-page ID]]``,
``[[audience-page ID]]``; with places, ``[[places]]`` and ``[[place-page ID]]`` (rendered by tsunagu/places,
passed in as extra macros)."""

from __future__ import annotations

import re
from collections.abc import Callable

from tsunagu.data.model import Site
from tsunagu.data.strings import Strings
from tsunagu.directory import listing as directory
from tsunagu.pages import if_busy
from tsunagu.pages.fragments import service_card, survey_figure, tel_inline, text

MACRO = re.compile(
    r"\[\[(service|tel|survey|service-page|topic-page|audience-page|selfcheck-result|share-kit"
    r"|if-busy|place-page|finder) ([a-z0-9-]+)\]\]"
    r"|\[\[(directory|selfcheck|if-busy|places|finder)\]\]"
)
UrlFor = Callable[[str], str]
"""Turns a site path such as ``services/yell/`` into a URL relative to the page being rendered."""


class MacroError(Exception):
    """A macro names something that is not in the data."""


def expand_macros(markdown: str, site: Site, lang: str, s: Strings, url_for: UrlFor = lambda p: p,
                  slots: dict[str, str] | None = None, extra: dict[str, Callable[[str], str]] | None = None) -> str:
    """Replace the ``[[...]]`` macros (see README); raise naming every unknown id.

    With ``slots``, each macro becomes a short token and its HTML goes into ``slots``; ``fill_slots``
    puts it back after Markdown ran. Python-Markdown's raw-HTML parser is slow on long HTML, and a
    directory page is mostly HTML.
    """
    unknown: list[str] = []
    extra = extra or {}
    renderers: dict[str, Callable[[str], str]] = {
        **extra,
        "service": lambda i: service_card(site.services[i], site, lang, s),
        "tel": lambda i: tel_inline(site.services[i], lang, s),
        "survey": lambda i: _survey(site, i, lang, s),
        "service-page": lambda i: directory.service_page(site.services[i], site, lang, s, url_for),
        "topic-page": lambda i: directory.topic_page(i, site, lang, s, url_for),
        "audience-page": lambda i: directory.audience_page(i, site, lang, s, url_for),
        "if-busy": lambda anchor: if_busy.if_busy(site, lang, s, anchor),
    }

    def render(m: re.Match[str]) -> str:
        if m.group(3) == "directory":
            return directory.directory_listing(site, lang, s, url_for)
        if m.group(3):
            if m.group(3) not in renderers:  # e.g. [[selfcheck]] on a site without data/selfcheck.yml
                unknown.append(m.group(0))
                return m.group(0)
            return renderers[m.group(3)]("")
        kind, ident = m.group(1), m.group(2)
        if not _known(site, kind, ident, extra):
            unknown.append(m.group(0))
            return m.group(0)
        return renderers[kind](ident)

    def repl(m: re.Match[str]) -> str:
        html = render(m)
        if slots is None or html == m.group(0):
            return html
        token = f"tgslot{len(slots)}x"
        slots[token] = html
        return token

    try:
        out = MACRO.sub(repl, markdown)
    except if_busy.NoEmergencyLine as e:
        raise MacroError(str(e)) from None
    if unknown:
        raise MacroError("unknown id(s): " + ", ".join(unknown))
    return out


SLOT = re.compile(r"<p>(tgslot\d+x)</p>|tgslot\d+x")


def fill_slots(html: str, slots: dict[str, str]) -> str:
    """Put each macro's HTML where its token ended up (a block macro is wrapped in <p> by Markdown)."""
    if not slots:
        return html
    return SLOT.sub(lambda m: slots[m.group(1) or m.group(0)], html)


def _known(site: Site, kind: str, ident: str, extra: dict[str, Callable[[str], str]]) -> bool:
    from tsunagu.directory.rules import AUDIENCES, topics_in_use

    if kind in extra or kind == "if-busy":  # its argument is an anchor on the page
        return True
    if kind == "survey":
        return ident in site.surveys
    if kind == "topic-page":
        return ident in topics_in_use(site)
    if kind == "audience-page":
        return ident in AUDIENCES
    return ident in site.services




__all__ = ["MacroError", "expand_macros", "text"]


def _survey(site: Site, ident: str, lang: str, s: Strings) -> str:
    survey = site.surveys[ident]
    texts = [survey.title, *survey.categories, *(label for label, _ in survey.series)]
    texts += [survey.note] if survey.note else []
    if any(lang not in t for t in texts):  # an essentials language need not have survey texts
        raise MacroError(f"[[survey {ident}]] has no '{lang}' texts in data/surveys.yml ('{lang}' is an essentials "
                         f"language, whose surveys are optional): add '{lang}:' to its title, categories and series "
                         "labels, or leave the chart out of this page")
    return survey_figure(survey, lang, s)

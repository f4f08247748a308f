"""The support directory: plain-data forms of services, groups, age bands, and the generated pages.

Generated pages are thin Markdown (front matter + macros) written to git-ignored folders in docs/,
one file per language, so static-i18n treats them like any page; the macros render at page time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from selfcheck.matching import ages_overlap
from selfcheck.opening import weekly_minutes
from tsunagu.data.model import Service, Site
from tsunagu.data.strings import Strings
from tsunagu.pages import ruby
from tsunagu.pages.hours import hours_json

GENERATED_DIRS = ("services", "topics", "audiences", "self-check", "places")
"""Folders in docs/ that the build writes (listed in .gitignore)."""


@dataclass(frozen=True)
class AgeBand:
    id: str
    low: int
    high: int
    topics: tuple[str, ...]
    """Topics that make a service "especially for" this band even without an age limit."""


AGE_BANDS = (
    AgeBand("children", 0, 12, ("children",)),
    AgeBand("teens", 13, 17, ("children", "youth")),
    AgeBand("young-adults", 18, 39, ("youth",)),
    AgeBand("adults", 40, 64, ()),
    AgeBand("older-people", 65, 120, ("older-people", "dementia")),
)
AUDIENCES = (*(band.id for band in AGE_BANDS), "foreign-residents")
GROUPS = ("emergency", "24h", "local", "prefecture", "national")


# Plain data -------------------------------------------------------------------------------------

def filter_json(service: Service) -> dict[str, Any]:
    """What the browser filters need for one service: compact, no text."""
    return {
        "topics": list(service.topics),
        "ages": [service.min_age, service.max_age],
        "methods": list(service.methods),
        "languages": list(service.languages),
        "area": service.area,
        "hours": [hours_json(c.hours) for c in service.contacts if c.verified and c.type in ("phone", "chat")],
        # Each confirmed line on its own: the language, way-of-contact and open-now filters pick lines,
        # not services ("English + open now" must not pick a Japanese-only line). ``i``: the contact's index.
        "lines": [{"i": i, "type": c.type, "languages": list(c.languages), "hours": hours_json(c.hours)}
                  for i, c in enumerate(service.contacts) if c.verified],
    }


def group_of(service: Service) -> str:
    """Each service is listed once on the directory page, in the first group it fits."""
    if "emergency" in service.topics:
        return "emergency"
    if any(c.verified and c.hours.always for c in service.contacts):
        return "24h"
    if service.area in ("prefecture", "national"):
        return service.area
    return "local"


def for_band(service: Service, band: AgeBand) -> bool:
    """Especially for this age band: an age limit that overlaps it, or one of its topics."""
    limited = service.min_age is not None or service.max_age is not None
    overlaps = ages_overlap((service.min_age, service.max_age), (band.low, band.high))
    return (limited and overlaps) or (overlaps and any(t in service.topics for t in band.topics))


def for_audience(service: Service, audience: str) -> bool:
    if audience == "foreign-residents":
        return "foreign-residents" in service.topics or any(lang not in ("ja",) for lang in service.languages)
    band = next(b for b in AGE_BANDS if b.id == audience)
    return for_band(service, band)


def topics_in_use(site: Site) -> list[str]:
    from tsunagu.data.loader import TOPICS

    used = {t for s in site.services.values() for t in s.topics}
    return [t for t in TOPICS if t in used]


# Generated pages ----------------------------------------------------------------------------------

def generated_pages(site: Site, default: str, strings: dict[str, Strings]) -> dict[str, str]:
    """Relative path in docs/ -> Markdown, for every service, topic and audience page in every language."""
    pages: dict[str, str] = {}
    for lang in site.languages:
        s = strings[lang]
        for service in site.services.values():
            title = ruby.strip(service.name[lang])
            desc = ruby.strip(service.description[lang])
            body = f"[[service-page {service.id}]]"
            pages[page_source("services", service.id, lang, default)] = page_stub(title, desc, body,
                                                                                  service.name[lang])
        for topic in topics_in_use(site):
            label = ruby.strip(s(f"topic.{topic}"))
            pages[page_source("topics", topic, lang, default)] = page_stub(
                label, ruby.strip(s("directory.topic_page", topic=label)), f"[[topic-page {topic}]]",
                s(f"topic.{topic}"))
        for audience in AUDIENCES:
            label = ruby.strip(s(f"audience.{audience}"))
            pages[page_source("audiences", audience, lang, default)] = page_stub(
                label, ruby.strip(s("directory.audience_page", audience=label)), f"[[audience-page {audience}]]",
                s(f"audience.{audience}"))
    return pages


def write_generated(docs_dir: Path, pages: dict[str, str]) -> int:
    """Write pages that changed and delete stale ones; returns how many files were written.

    Writing only on change keeps `mkdocs serve` from rebuilding in a loop.
    """
    written = 0
    for folder in GENERATED_DIRS:
        for old in (docs_dir / folder).rglob("*.md") if (docs_dir / folder).is_dir() else ():
            if old.relative_to(docs_dir).as_posix() not in pages:
                old.unlink()
    for rel, text in pages.items():
        path = docs_dir / rel
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written += 1
    return written


def page_source(folder: str, name: str, lang: str, default: str) -> str:
    """Where a generated page goes in docs/: services/x.md in the default language, services/x.en.md else."""
    return f"{folder}/{name}.md" if lang == default else f"{folder}/{name}.{lang}.md"


def page_stub(title: str, description: str, body: str, heading: str = "") -> str:
    """A generated page: front matter (plain title, for the tab, nav and share card) and one macro that draws
    it. ``heading``: the page's own heading with furigana notation (漢字《かんじ》) kept, so a やさしい日本語 page
    shows readings in its heading, which a plain ``title`` cannot carry."""
    # Generated by tsunagu from data/ at build time; edit data/, not this file.
    top = f"# {heading}\n\n" if heading else ""
    return f"---\ntitle: {_yaml_str(title)}\ndescription: {_yaml_str(description)}\n---\n\n{top}{body}\n"


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def sorted_services(services: Iterable[Service], lang: str) -> list[Service]:
    """Verified lines first, then by name in the reader's language."""
    return sorted(services, key=lambda s: (not s.methods, ruby.reading(s.name[lang]).casefold()))


def by_reach(services: Iterable[Service]) -> list[Service]:
    """Lines open 24 hours first, then by how many hours a week a line answers, then by id: never by a
    translated name, so every language lists the same services in the same order."""
    def reach(service: Service) -> int:
        return max((weekly_minutes(hours_json(c.hours)) for c in service.contacts if c.verified
                    and c.type in ("phone", "chat")), default=-1)

    return sorted(services, key=lambda s: (not s.methods, -reach(s), s.id))

"""HTML of the directory: the filterable listing, and service, topic and audience pages.

Readable without JavaScript: every service is listed in plain HTML; directory.js only hides entries
that do not match the filters and marks those open now.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from urllib.parse import quote

from tsunagu.data.languages import ENDONYMS
from tsunagu.data.model import Service, Site
from tsunagu.data.strings import Strings
from tsunagu.directory.rules import (
    AGE_BANDS,
    AUDIENCES,
    GROUPS,
    by_reach,
    filter_json,
    for_audience,
    group_of,
    sorted_services,
    topics_in_use,
)
from tsunagu.pages import fragments, ruby
from tsunagu.pages.templates import html_, macro

_T = "directory.html"

UrlFor = Callable[[str], str]

# Each language named in itself, so a reader finds their own (not city facts; extend as needed).
def directory_listing(site: Site, lang: str, s: Strings, url_for: UrlFor) -> str:
    """Every service, grouped; a filter form that directory.js reveals; the filter data as JSON."""
    grouped: dict[str, list[Service]] = {g: [] for g in GROUPS}
    for service in site.services.values():
        grouped[group_of(service)].append(service)
    groups = [(group, s(f"group.{group}", city=site.city[lang], prefecture=site.prefecture[lang]),
               html_(_entries(sorted_services(grouped[group], lang), site, lang, s, url_for)))
              for group in GROUPS if grouped[group]]
    data = {
        # Hours travel with each contact (data-tg-hours), the holidays in #tg-hours-data (opening.js).
        "services": {sv.id: {k: v for k, v in filter_json(sv).items() if k not in ("hours", "methods", "languages")}
                     for sv in site.services.values()},
        # Shown as plain text by the script (no <ruby> there): furigana notation becomes its reading
        "text": {"count": ruby.reading(s("directory.count", count="{count}", total="{total}")),
                 "ward": ruby.reading(s("directory.ward_group", area="{area}", count="{count}"))},
        "area_names": {a: ruby.reading(name[lang]) for a, name in site.areas.items()},
        "bands": {band.id: [band.low, band.high] for band in AGE_BANDS},
        # Areas inside the whole area (wards): a service for one of them is hidden when another is chosen.
        "specific_areas": [a for a in site.areas if a != site.whole_area],
    }
    return macro(_T, "directory_listing", s, form=html_(_filter_form(site, lang, s)), groups=groups,
                 browse=html_(_browse(site, lang, s, url_for)),
                 data=html_(_json(data)))  # JSON made safe for <script> by _json, not HTML-escaped


def service_page(service: Service, site: Site, lang: str, s: Strings, url_for: UrlFor) -> str:
    busy = [alt for c in service.contacts if c.verified for alt in c.if_busy]
    alternatives = [(html_(_entry_line(site.services[alt.service], lang, s, url_for)) if alt.service else None,
                     "" if alt.service else alt.note[lang]) for alt in busy]
    return macro(_T, "service_page", s, url_for, card=html_(fragments.service_card(service, site, lang, s)),
                 alternatives=alternatives, ages=ages_text(service, s),
                 languages=html_(", ".join(fragments.language_name(code, s) for code in service.languages)),
                 service=service,
                 report=html_(_report_change(service, site.editors_email, lang, s)) if site.editors_email else "")


def _report_change(service: Service, email: str, lang: str, s: Strings) -> str:
    """A plain mailto: link with the service and language in the subject: it only opens the reader's
    mail app (no form, no script, nothing sent by the page); a city without an address gets no link."""
    query = "&".join(f"{k}={quote(ruby.strip(v), safe='')}" for k, v in (
        ("subject", s("report.subject", id=service.id, lang=lang)), ("body", s("report.body").replace("\n", "\r\n"))))
    href = f"mailto:{quote(email, safe='@')}?{query}"
    return macro(_T, "report_change", s, href)


def topic_page(topic: str, site: Site, lang: str, s: Strings, url_for: UrlFor) -> str:
    services = by_reach(sv for sv in site.services.values() if topic in sv.topics)
    return macro(_T, "topic_page", s, url_for, html_(_entries(services, site, lang, s, url_for)))


def audience_page(audience: str, site: Site, lang: str, s: Strings, url_for: UrlFor) -> str:
    services = by_reach(sv for sv in site.services.values() if for_audience(sv, audience))
    return macro(_T, "audience_page", s, url_for, html_(_entries(services, site, lang, s, url_for)))


def ages_text(service: Service, s: Strings) -> str:
    low, high = service.min_age, service.max_age
    if low is None and high is None:
        return s("service.ages_all")
    if low is None:
        return s("service.ages_up_to", high=high)
    if high is None:
        return s("service.ages_from", low=low)
    return s("service.ages_range", low=low, high=high)


# Helpers -----------------------------------------------------------------------------------------

def _entries(services: Iterable[Service], site: Site, lang: str, s: Strings, url_for: UrlFor) -> str:
    return macro(_T, "entries", [(sv, html_(_entry_name(sv, lang, url_for)), html_(entry_contacts(sv, lang, s)),
                                  sv.description[lang]) for sv in services])


def _entry_line(sv: Service, lang: str, s: Strings, url_for: UrlFor) -> str:
    """A service in a short list ("if the line is busy"): its name, then its lines, each with its state."""
    return f"{_entry_name(sv, lang, url_for)}{entry_contacts(sv, lang, s)}"


def _entry_name(sv: Service, lang: str, url_for: UrlFor) -> str:
    return macro(_T, "entry_name", url_for(f"services/{sv.id}/"), sv.name[lang])


def entry_contacts(sv: Service, lang: str, s: Strings) -> str:
    """Every confirmed phone and chat line with its own state; else the first other way to reach them."""
    lines = [c for c in sv.contacts if c.verified and c.type in ("phone", "chat")]
    if not lines:
        other = next((c for c in sv.contacts if c.verified), None)
        lines = [other] if other else [c for c in sv.contacts if c.type == "phone"][:1]
    if not lines:
        return ""
    return fragments.contact_list(lines, sv, lang, s, compact=True)


def _filter_form(site: Site, lang: str, s: Strings) -> str:
    topics = [(t, s(f"topic.{t}"), "") for t in topics_in_use(site)]
    ages = [(band.id, s(f"audience.{band.id}"), "") for band in AGE_BANDS]
    methods = [(m, s(f"method.{m}"), "") for m in ("phone", "chat", "visit", "web")
               if any(m in sv.methods for sv in site.services.values())]
    # The site's own languages are always offered: a reader looks for theirs, and "several languages,
    # ask which" services match too.
    site_codes = {code.split("-")[0] for code in site.languages}
    codes = sorted(site_codes | {c for sv in site.services.values() for c in sv.languages if c != "many"})
    languages = [(c, s.table.get(f"language.{c}", ENDONYMS.get(c, c)), "" if f"language.{c}" in s.table else c)
                 for c in codes]
    if any("many" in sv.languages for sv in site.services.values()):
        languages.append(("many", s("language.many"), ""))
    areas = [(a, site.areas[a][lang], "") for a in site.areas if a != site.whole_area]
    # Where you live and what it is about come first; the rarer filters are folded away so that the
    # first results are on the first screen of a phone.
    options = {"area": ("directory.area", areas), "topic": ("directory.topic", topics),
               "age": ("directory.age", ages), "method": ("directory.method", methods),
               "language": ("directory.language", languages)}
    selects = {name: html_(macro(_T, "select", s, name, label, opts)) for name, (label, opts) in options.items()}
    return macro(_T, "filter_form", s, selects, wards=bool(areas))


def _browse(site: Site, lang: str, s: Strings, url_for: UrlFor) -> str:
    return macro(_T, "browse", s, url_for, topics_in_use(site), AUDIENCES)


def _json(data: object) -> str:
    # Safe inside <script>: no "</" sequence can close the element.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")

"""HTML of the directory: the filterable listing, and service, topic and audience pages.

Readable without JavaScript: every service is listed in plain HTML; directory.js only hides entries
that do not match the filters and marks those open now.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from html import escape
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

UrlFor = Callable[[str], str]

# Each language named in itself, so a reader finds their own (not city facts; extend as needed).
def directory_listing(site: Site, lang: str, s: Strings, url_for: UrlFor) -> str:
    """Every service, grouped; a filter form that directory.js reveals; the filter data as JSON."""
    grouped: dict[str, list[Service]] = {g: [] for g in GROUPS}
    for service in site.services.values():
        grouped[group_of(service)].append(service)
    out = [_filter_form(site, lang, s)]
    out.append('<p class="tg-results-bar" id="tg-results-bar" hidden>'
               '<span class="tg-count" id="tg-count" role="status" aria-live="polite"></span> '
               f'<a class="tg-jump" id="tg-jump" href="#tg-results">{fragments.text(s("directory.jump"))}</a></p>')
    out.append(f'<p class="tg-none" id="tg-none" hidden>{fragments.text(s("directory.none"))}</p>')
    out.append('<div id="tg-results" tabindex="-1"></div>')
    for group in GROUPS:
        if not grouped[group]:
            continue
        title = s(f"group.{group}", city=site.city[lang], prefecture=site.prefecture[lang])
        out.append(f'<section class="tg-group" data-group="{group}" aria-labelledby="group-{group}">')
        out.append(f'<h2 id="group-{group}">{fragments.text(title)}</h2>')
        out.append(_entries(sorted_services(grouped[group], lang), site, lang, s, url_for))
        out.append("</section>")
    out.append(_browse(site, lang, s, url_for))
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
    out.append('<script type="application/json" id="tg-directory-data">'
               f"{_json(data)}</script>")
    return "\n".join(out)


def service_page(service: Service, site: Site, lang: str, s: Strings, url_for: UrlFor) -> str:
    out = [fragments.service_card(service, site, lang, s)]
    busy = [(c, alt) for c in service.contacts if c.verified for alt in c.if_busy]
    if busy:
        out.append(f'<h2 id="if-busy">{fragments.text(s("service.if_busy"))}</h2>')
        out.append(f"<p>{fragments.text(s('service.if_busy_intro'))}</p><ul class=\"tg-alternatives\">")
        for _, alt in busy:
            if alt.service:
                other = site.services[alt.service]
                out.append(f"<li>{_entry_line(other, lang, s, url_for)}</li>")
            else:
                out.append(f"<li>{fragments.text(alt.note[lang])}</li>")
        out.append("</ul>")
    out.append(f'<h2 id="details">{fragments.text(s("directory.details"))}</h2><dl class="tg-details">')
    out.append(f"<dt>{fragments.text(s('service.ages'))}</dt><dd>{fragments.text(ages_text(service, s))}</dd>")
    langs = ", ".join(fragments.language_name(code, s) for code in service.languages)
    out.append(f"<dt>{fragments.text(s('service.languages'))}</dt><dd>{langs}</dd>")
    topic_links = ", ".join(
        f'<a href="{url_for(f"topics/{t}/")}">{fragments.text(s(f"topic.{t}"))}</a>' for t in service.topics)
    out.append(f"<dt>{fragments.text(s('service.topics'))}</dt><dd>{topic_links}</dd></dl>")
    if site.editors_email:
        out.append(_report_change(service, site.editors_email, lang, s))
    out.append(f'<p><a href="{url_for("directory/")}">{fragments.text(s("directory.back"))}</a></p>')
    return "\n".join(out)


def _report_change(service: Service, email: str, lang: str, s: Strings) -> str:
    """A plain mailto: link with the service and language in the subject: it only opens the reader's
    mail app (no form, no script, nothing sent by the page); a city without an address gets no link."""
    query = "&".join(f"{k}={quote(ruby.strip(v), safe='')}" for k, v in (
        ("subject", s("report.subject", id=service.id, lang=lang)), ("body", s("report.body").replace("\n", "\r\n"))))
    href = f"mailto:{quote(email, safe='@')}?{query}"
    return (f'<section class="tg-report" aria-labelledby="report">'
            f'<h2 id="report">{fragments.text(s("report.heading"))}</h2>'
            f"<p>{fragments.text(s('report.intro'))}</p>"
            f'<p><a class="tg-link" href="{escape(href)}">{fragments.text(s("report.link"))}</a></p>'
            f'<p class="tg-meta">{fragments.text(s("report.note"))}</p></section>')


def topic_page(topic: str, site: Site, lang: str, s: Strings, url_for: UrlFor) -> str:
    services = by_reach(sv for sv in site.services.values() if topic in sv.topics)
    return "\n".join([_entries(services, site, lang, s, url_for),
                      f'<p><a href="{url_for("directory/")}">{fragments.text(s("directory.back"))}</a></p>'])


def audience_page(audience: str, site: Site, lang: str, s: Strings, url_for: UrlFor) -> str:
    services = by_reach(sv for sv in site.services.values() if for_audience(sv, audience))
    return "\n".join([
        f'<h2 id="especially">{fragments.text(s("directory.especially"))}</h2>',
        _entries(services, site, lang, s, url_for),
        f"<p>{fragments.text(s('directory.everyone'))} "
        f'<a href="{url_for("directory/")}">{fragments.text(s("directory.back"))}</a></p>',
    ])


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
    items = []
    for sv in services:
        desc = fragments.text(sv.description[lang])
        items.append(f'<li class="tg-entry" id="entry-{sv.id}" data-id="{sv.id}" data-tg-service="{sv.id}">'
                     f'{_entry_name(sv, lang, url_for)}{entry_contacts(sv, lang, s)}'
                     f'<span class="tg-entry__desc">{desc}</span></li>')
    return '<ul class="tg-entries">' + "".join(items) + "</ul>"


def _entry_line(sv: Service, lang: str, s: Strings, url_for: UrlFor) -> str:
    """A service in a short list ("if the line is busy"): its name, then its lines, each with its state."""
    return f"{_entry_name(sv, lang, url_for)}{entry_contacts(sv, lang, s)}"


def _entry_name(sv: Service, lang: str, url_for: UrlFor) -> str:
    href = url_for(f"services/{sv.id}/")
    return f'<a class="tg-entry__name" href="{href}">{fragments.text(sv.name[lang])}</a>'


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

    def select(name: str, label: str, options: list[tuple[str, str, str]]) -> str:
        if not options:  # nothing to choose between (e.g. a town with no wards)
            return ""
        opts = [f'<option value="">{fragments.text(s("directory.all"))}</option>']
        for value, text, code in options:
            lang_attr = f' lang="{code}"' if code else ""
            # <option> cannot hold <ruby>: text with furigana notation shows its reading
            opts.append(f'<option value="{escape(value)}"{lang_attr}>{escape(ruby.reading(text))}</option>')
        return (f'<div class="tg-filter"><label for="tg-f-{name}">{fragments.text(s(label))}</label>'
                f'<select id="tg-f-{name}" name="{name}">{"".join(opts)}</select></div>')

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
    return (
        '<form class="tg-filters" id="tg-filters" hidden>'
        f'<h2 class="tg-filters__title tg-sr-only" id="filters">{fragments.text(s("directory.filters"))}</h2>'
        + select("area", "directory.area", areas)
        # Choosing a ward moves that ward's own entries here, right under the choice (directory.js), so
        # its numbers are on the first screen of a phone.
        + ('<section class="tg-group tg-group--ward" data-group="ward" aria-labelledby="group-ward" hidden>'
           '<h2 id="group-ward"></h2><ul class="tg-entries"></ul></section>' if areas else "")
        + select("topic", "directory.topic", topics)
        + '<div class="tg-filter tg-filter--check"><input type="checkbox" id="tg-f-open" name="open">'
        f'<label for="tg-f-open">{fragments.text(s("directory.open_now"))}</label></div>'
        f'<button type="reset" class="md-button">{fragments.text(s("directory.reset"))}</button>'
        f'<details class="tg-filters__more"><summary>{fragments.text(s("directory.more_filters"))}</summary>'
        '<div class="tg-filters__grid">'
        + select("age", "directory.age", ages)
        + select("method", "directory.method", methods)
        + select("language", "directory.language", languages)
        + "</div></details>"
        "</form>"
    )


def _browse(site: Site, lang: str, s: Strings, url_for: UrlFor) -> str:
    topics = "".join(f'<li><a href="{url_for(f"topics/{t}/")}">{fragments.text(s(f"topic.{t}"))}</a></li>'
                     for t in topics_in_use(site))
    audiences = "".join(f'<li><a href="{url_for(f"audiences/{a}/")}">{fragments.text(s(f"audience.{a}"))}</a></li>'
                        for a in AUDIENCES)
    return (f'<h2 id="by-topic">{fragments.text(s("directory.browse_topics"))}</h2><ul class="tg-browse">{topics}</ul>'
            f'<h2 id="by-audience">{fragments.text(s("directory.browse_audiences"))}</h2>'
            f'<ul class="tg-browse">{audiences}</ul>')


def _json(data: object) -> str:
    # Safe inside <script>: no "</" sequence can close the element.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")

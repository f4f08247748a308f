"""Places to go: one generated page per place and language, and the listing (``[[places]]``).

HTML comes from Jinja templates (tsunagu/places/templates, autoescaped); this module prepares a small view
model per place. Readable without JavaScript: every place and its schedule are in the page; places.js adds
the next session and the filters from ``#tg-places-data``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from tsunagu.data.model import WEEKDAYS, Place, Site
from tsunagu.data.strings import Strings
from tsunagu.directory.rules import AGE_BANDS, page_source, page_stub
from tsunagu.pages import ruby
from tsunagu.pages.fragments import as_of_text, source_line, text
from tsunagu.pages.hours import days_text
from tsunagu.pages.templates import feature_environment

FOLDER = "places"
"""Where the place pages go in docs/ (git-ignored, rewritten on every build); the listing is docs/places.md."""
MAP_SEARCH = "https://www.google.com/maps/search/?api=1&query="
"""Google's documented address that opens the phone's map app (or the map site). Only a tap sends anything."""
UrlFor = Callable[[str], str]

_ENV = feature_environment(Path(__file__).parent / "templates")


@dataclass(frozen=True)
class PlaceView:
    """What the templates show of one place, in one language."""

    place: Place
    url: str
    name: str
    description: str
    kind: str
    ward: str
    schedule: list[str]
    schedule_note: str
    cost: str
    ages: str
    address: str
    map_url: str
    service_name: str
    service_url: str
    source: Markup


def generated_pages(site: Site, default: str, strings: dict[str, Strings]) -> dict[str, str]:
    """Relative path in docs/ -> Markdown, for every place in every language."""
    pages: dict[str, str] = {}
    for lang in site.full_languages:  # essentials languages have no place pages
        for place in site.places.values():
            pages[page_source(FOLDER, place.id, lang, default)] = page_stub(
                ruby.strip(place.name[lang]), ruby.strip(place.description[lang]), f"[[place-page {place.id}]]",
                place.name[lang])
    return pages


def place_page(place: Place, site: Site, lang: str, s: Strings, url_for: UrlFor, furigana: bool) -> str:
    view = _view(place, site, lang, s, url_for, furigana)
    return _ENV.get_template("place.html").render(p=view, t=s, all_url=url_for(f"{FOLDER}/"),
                                                  data=Markup(_data_json([place], site, s)))


def places_listing(site: Site, lang: str, s: Strings, url_for: UrlFor, furigana: bool) -> str:
    order = list(site.areas)
    places = sorted(site.places.values(), key=lambda p: (order.index(p.area) if p.area in order else len(order),
                                                          ruby.reading(p.name[lang]).casefold()))
    views = [_view(p, site, lang, s, url_for, furigana) for p in places]
    areas = [(a, site.areas[a][lang]) for a in site.areas if a != site.whole_area
             and any(p.area == a for p in places)]
    ages = [(f"{b.low}-{b.high}", s(f"audience.{b.id}")) for b in AGE_BANDS]
    days = [(d, s(f"days.{d}")) for d in WEEKDAYS if any(d in p.days for p in places)]
    return _ENV.get_template("listing.html").render(places=views, t=s, areas=areas, ages=ages, days=days,
                                                    data=Markup(_data_json(places, site, s)))


def per_area(site: Site) -> dict[str, int]:
    """How many places each area has (the build log and the report show it)."""
    return {a: sum(p.area == a for p in site.places.values()) for a in site.areas}


def _view(place: Place, site: Site, lang: str, s: Strings, url_for: UrlFor, furigana: bool) -> PlaceView:
    service = site.services.get(place.service) if place.service else None
    if place.checked and place.status == "verified":
        source = Markup(source_line(place.source, place.checked, s, site.updated))
    else:
        cite = Markup("<cite>{}</cite>").format(place.source.title)
        if place.source.url:
            cite = Markup('<a href="{}" rel="noreferrer">{}</a>').format(place.source.url, cite)
        source = Markup('<small class="tg-source">{}</small>').format(
            Markup(text(s("places.source_unchecked", source="\0", as_of=as_of_text(place.source.as_of, s))))
            .replace("\0", cite))
    return PlaceView(
        place=place,
        url=url_for(f"{FOLDER}/{place.id}/"),
        name=place.name[lang],
        description=place.description[lang],
        kind=s(f"places.kind.{place.kind}"),
        ward=site.areas.get(place.area, {}).get(lang, ""),
        schedule=_schedule_words(place, s),
        schedule_note=place.schedule_note.get(lang, ""),
        cost=s(f"places.cost.{place.cost}") + (" — " + place.cost_note[lang] if place.cost_note else ""),
        ages=_ages(place, s),
        address=place.address if furigana else ruby.strip(place.address),
        map_url=MAP_SEARCH + quote(ruby.strip(place.map_query), safe="") if place.map_query else "",
        service_name=service.name[lang] if service else "",
        service_url=url_for(f"services/{service.id}/") if service else "",
        source=source,
    )


def _schedule_words(place: Place, s: Strings) -> list[str]:
    if not place.sessions:
        return [s("places.schedule_unknown")]
    out: list[str] = []
    for session in place.sessions:
        times = {"opens": _time(session.opens), "closes": _time(session.closes)}
        if session.kind == "weekly":
            out.append(s("hours.weekly", days=days_text(session.days, s), **times))
        elif session.kind == "monthly":
            weeks = s("days.separator").join(s(f"places.week.{'last' if w == -1 else w}") for w in session.weeks)
            out.append(s("places.monthly", weeks=weeks, day=s(f"days.{session.days[0]}"), **times))
        elif session.date:
            out.append(s("hours.date", date=session.date.isoformat(), **times))
    if place.closed_dates:
        out.append(s("hours.closed_dates", dates=s("days.separator").join(d.isoformat() for d in place.closed_dates)))
    return out


def _ages(place: Place, s: Strings) -> str:
    low, high = place.min_age, place.max_age
    if not place.ages_stated:
        return s("places.ages.unstated")
    if low is None and high is None:
        return s("places.ages.all")
    if high is None:
        return s("places.ages.from", low=low)
    if low is None:
        return s("places.ages.to", high=high)
    return s("places.ages.range", low=low, high=high)


def _time(hhmm: str) -> str:
    return hhmm[1:] if hhmm.startswith("0") else hhmm


def _data_json(places: list[Place], site: Site, s: Strings) -> str:
    """What places.js needs: filter facts and confirmed schedules (an unconfirmed place gets no next date),
    and its words as plain readings (script-set text cannot hold <ruby>)."""
    from tsunagu.places.schedule import schedule_json

    data: dict[str, Any] = {
        "whole": site.whole_area,
        "places": {p.id: {"area": p.area, "ages": [p.min_age, p.max_age], "days": list(p.days),
                          "schedule": schedule_json(p) if p.status == "verified" and p.sessions else None}
                   for p in places},
        "next": ruby.reading(s("places.next", day="{day}", date="{date}", opens="{opens}", closes="{closes}")),
        "date": ruby.reading(s("places.date", m="{m}", d="{d}")),
        "days": {d: ruby.reading(s(f"days.{d}")) for d in WEEKDAYS},
        "none": ruby.reading(s("places.next_none")),
        "count": ruby.reading(s("places.count", n="{n}")),
        "nomatch": ruby.reading(s("places.nomatch")),
    }
    # Made safe for <script> here ("</" cannot end it), so the template must not HTML-escape it (Markup).
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")

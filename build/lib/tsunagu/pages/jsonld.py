"""schema.org JSON-LD for a service page (only confirmed contact points are published)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from selfcheck.opening import is_year_end
from tsunagu.data.holidays import holidays
from tsunagu.data.model import WEEKDAYS, Hours, Service, Site
from tsunagu.data.strings import Strings
from tsunagu.pages import hours as hours_text
from tsunagu.pages import ruby
from tsunagu.pages.templates import html_, macro

AHEAD = 366
"""Dated rules (the 10th of each month, holidays, the year-end break) are listed for a year from the
site's review date: schema.org has no "monthly" or "public holiday" rule."""

DAY_URIS = dict(zip(WEEKDAYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
                    strict=True))


def service_jsonld(service: Service, site: Site, lang: str, s: Strings, page_url: str = "") -> str:
    """A ``<script type="application/ld+json">`` element for the page of ``service`` in ``lang``."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Service",
        "name": ruby.strip(service.name[lang]),
        "description": ruby.strip(service.description[lang]),
        "provider": {"@type": "Organization", "name": ruby.strip(service.organisation[lang])},
        "areaServed": _area(service, site, lang),
        "availableLanguage": [code for code in service.languages if code != "many"],
    }
    if service.url:
        data["provider"]["url"] = service.url
    if page_url:
        data["url"] = page_url
    channels = [_channel(c.type, c.value, c.hours, site.updated, s, c.languages)
                for c in service.contacts if c.verified]
    if channels:
        data["availableChannel"] = channels
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return macro("fragments.html", "ld_json", html_(text))  # JSON made safe for <script>, not HTML-escaped


def _area(service: Service, site: Site, lang: str) -> str:
    if service.area == "national":
        return "JP"
    if service.area == "prefecture":
        return ruby.strip(site.prefecture[lang])
    return ruby.strip(site.areas[service.area][lang])


def _channel(kind: str, value: str, hours: Hours, today: dt.date, s: Strings,
             languages: tuple[str, ...]) -> dict[str, Any]:
    channel: dict[str, Any] = {"@type": "ServiceChannel"}
    if kind == "phone":
        # The words say what the specification cannot: "public holidays not confirmed".
        channel["servicePhone"] = {"@type": "ContactPoint", "telephone": value,
                                   "hoursAvailable": _opening(hours, today),
                                   "description": ruby.strip(" / ".join(hours_text.describe(hours, s)))}
        named = [code for code in languages if code != "many"]  # "several, ask which" has no code
        if named:
            channel["servicePhone"]["availableLanguage"] = named
    elif kind in ("chat", "web"):
        channel["serviceUrl"] = value
    elif kind == "visit":
        channel["serviceLocation"] = {"@type": "Place", "address": ruby.strip(value)}
    elif kind == "email":
        channel["servicePhone"] = {"@type": "ContactPoint", "email": value}
    return channel


def _opening(hours: Hours, today: dt.date) -> list[dict[str, Any]]:
    """schema.org opening hours: weekly rules, then dated openings, then dated closures (opens = closes =
    00:00 means closed that day, and a dated rule overrides the weekly one)."""
    if hours.always:
        return [_spec(list(DAY_URIS.values()), "00:00", "23:59")]
    out = [_spec([DAY_URIS[d] for d in w.days], w.opens, w.closes) for w in hours.weekly]
    days = [today + dt.timedelta(days=n) for n in range(AHEAD)]
    for m in hours.monthly:
        out += [x for d in days if d.day == m.day for x in _dated(d, m.opens, m.closes, m.closes_next_day)]
    for o in hours.dates:
        if today <= o.date < today + dt.timedelta(days=AHEAD):
            out += _dated(o.date, o.opens, o.closes, o.closes_next_day)
    public = set(holidays(today))
    closed = sorted({d for d in hours.closed_dates if today <= d < today + dt.timedelta(days=AHEAD)}
                    | {d for d in days if hours.public_holidays == "closed" and d.isoformat() in public}
                    | {d for d in days if hours.year_end == "closed" and is_year_end(d)})
    out += [_spec([], "00:00", "00:00", d, d) for d in closed]
    return out


def _dated(day: dt.date, opens: str, closes: str, next_day: bool) -> list[dict[str, Any]]:
    """One dated opening; a 24-hour span (08:00 to 08:00 the next day) is split at midnight, since equal
    opening and closing times would read as closed."""
    if next_day:
        after = day + dt.timedelta(days=1)
        return [_spec([], opens, "23:59", day, day), _spec([], "00:00", closes, after, after)]
    return [_spec([], opens, closes, day, day)]


def _spec(days: list[str], opens: str, closes: str, valid_from: dt.date | None = None,
          valid_through: dt.date | None = None) -> dict[str, Any]:
    spec: dict[str, Any] = {"@type": "OpeningHoursSpecification"}
    if days:
        spec["dayOfWeek"] = days
    spec["opens"], spec["closes"] = opens, closes
    if valid_from and valid_through:
        spec["validFrom"], spec["validThrough"] = valid_from.isoformat(), valid_through.isoformat()
    return spec

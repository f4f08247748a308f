"""The monthly A4 "places this month" sheet per language, for 市政だより and notice boards.

The sessions of the month come from the same rule as the pages' next session (``sessions_on``, the twin of
places.js); only places a person has checked (``verified``) are dated, the others are listed as "ask first".
Printed to PDF with the share kit's printer (tsunagu/kit/printkit.py, Chromium).
"""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from tsunagu.data.model import WEEKDAYS, Site
from tsunagu.data.strings import Strings
from tsunagu.kit import qr
from tsunagu.kit.sharekit import PLACES_MONTH
from tsunagu.pages import ruby
from tsunagu.pages.fragments import text
from tsunagu.places.schedule import schedule_json, sessions_on

KIND = PLACES_MONTH  # the kit lists it with its own PDFs


def month_rows(site: Site, lang: str, s: Strings, year: int, month: int) -> list[dict[str, str]]:
    """One row per session in the month, by date and time: date, weekday, time, place, ward."""
    rows: list[tuple[str, str, dict[str, str]]] = []
    for place in site.places.values():
        if place.status != "verified" or not place.sessions:
            continue
        schedule = schedule_json(place)
        for day in range(1, calendar.monthrange(year, month)[1] + 1):
            date = dt.date(year, month, day)
            for opens, closes in sessions_on(schedule, date):
                rows.append((date.isoformat(), opens, {
                    "date": s("places.print.date", date=s("places.date", m=month, d=day),
                              day=s(f"days.{WEEKDAYS[date.weekday()]}")),
                    "time": f"{_time(opens)}–{_time(closes)}",
                    "name": place.name[lang],
                    "ward": site.areas.get(place.area, {}).get(lang, ""),
                }))
    return [row for _, _, row in sorted(rows, key=lambda r: (r[0], r[1], r[2]["name"]))]


def render_html(template_dir: Path, site: Site, lang: str, s: Strings, *, site_name: str, page_url: str,
                year: int, month: int, sample: bool) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(template_dir)), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["ruby"] = lambda v: Markup(text(str(v)))
    env.filters["plain"] = lambda v: ruby.strip(str(v))
    crisis = [{"name": sv.short_name.get(lang) or sv.name[lang], "number": c.value}
              for sv in site.crisis_services() for c in sv.contacts[:1] if c.verified and c.type == "phone"]
    context: dict[str, Any] = {
        "html_lang": "ja" if lang.startswith("ja") else lang,
        "t": s,
        "site_name": site_name,
        "month": s("places.print.month", y=year, m=month),
        "rows": month_rows(site, lang, s, year, month),
        "ask": [p.name[lang] for p in site.places.values() if p.status != "verified" or not p.sessions],
        "crisis": crisis,
        "qr_svg": Markup(qr.svg_inline(page_url)),
        "qr_url": page_url.removeprefix("https://"),
        "sample": sample,
    }
    return env.get_template(f"{KIND}.html").render(context)


def _time(hhmm: str) -> str:
    return hhmm[1:] if hhmm.startswith("0") else hhmm

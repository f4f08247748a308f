"""Is a line open now? Pure Python on plain data, the same rules as the directory's JavaScript.

``hours`` is the JSON form the site publishes (see ``tsunagu.hours.hours_json``)::

    {"always": true}
    {"weekly": [{"days": ["mon", "tue"], "opens": "09:00", "closes": "17:00", "next_day": false}],
     "monthly": [{"day": 10, "opens": "08:00", "closes": "08:00", "next_day": true}],
     "dates": [{"date": "2026-09-10", "opens": "08:00", "closes": "08:00", "next_day": true}],
     "closed_dates": ["2026-12-31"], "public_holidays": "closed", "year_end": "unknown"}

``public_holidays`` and ``year_end`` (29 December – 3 January) are each ``open``, ``closed`` or ``unknown``;
missing counts as ``unknown``, so the site never claims a line answers on a holiday its source does not
mention. Times are Japan time (UTC+9, no daylight saving). A span belongs to the day it starts on: a span
that starts on a closed day does not open at all, and one that starts on an ``unknown`` holiday "may be
closed" (state ``holiday``), never "open".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from typing import Any

JST = dt.timezone(dt.timedelta(hours=9))
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def japan_time(now: dt.datetime) -> dt.datetime:
    """``now`` (aware) as a naive Japan-time datetime; naive input is taken as Japan time already."""
    return now.astimezone(JST).replace(tzinfo=None) if now.tzinfo else now


def is_open(hours: Mapping[str, Any], when: dt.datetime, holidays: Collection[str]) -> bool | None:
    """True if open at ``when`` (Japan time), False if closed, None if not known: the hours are not
    confirmed, or the line would be open but today is a holiday its source says nothing about."""
    found = _status(hours, when, holidays)
    return True if found == "open" else False if found == "closed" else None


def _status(hours: Mapping[str, Any], when: dt.datetime, holidays: Collection[str]) -> str:
    """``open``, ``closed``, ``maybe`` (open unless closed for an unknown holiday) or ``unknown``."""
    if hours.get("always"):
        return "open"
    spans_known = any(hours.get(k) for k in ("weekly", "monthly", "dates"))
    if not spans_known:
        return "unknown"
    minute = when.hour * 60 + when.minute
    today = when.date()
    maybe = False
    for start_day, offset in ((today, 0), (today - dt.timedelta(days=1), 1440)):
        day_rule = _day_rule(hours, start_day, holidays)
        if day_rule == "closed":
            continue
        for span in _spans_on(hours, start_day):
            opens = _minutes(span["opens"])
            closes = _minutes(span["closes"]) + (1440 if span.get("next_day") else 0)
            if opens <= minute + offset < closes:
                if day_rule == "open":
                    return "open"
                maybe = True
    return "maybe" if maybe else "closed"


def is_year_end(day: dt.date) -> bool:
    """29 December to 3 January, when Japanese offices close (年末年始)."""
    return (day.month == 12 and day.day >= 29) or (day.month == 1 and day.day <= 3)


def _day_rule(hours: Mapping[str, Any], day: dt.date, holidays: Collection[str]) -> str:
    """How the line treats ``day``: ``open`` (its usual hours), ``closed`` or ``unknown``. A closed
    date wins; then a closed rule wins over an unknown one when a day is both (1 January)."""
    iso = day.isoformat()
    if iso in hours.get("closed_dates", ()):
        return "closed"
    rules = []
    if iso in holidays:
        rules.append(hours.get("public_holidays", "unknown"))
    if is_year_end(day):
        rules.append(hours.get("year_end", "unknown"))
    return "closed" if "closed" in rules else "unknown" if "unknown" in rules else "open"


def _spans_on(hours: Mapping[str, Any], day: dt.date) -> list[Mapping[str, Any]]:
    weekday = WEEKDAYS[day.weekday()]
    spans = [w for w in hours.get("weekly", ()) if weekday in w["days"]]
    spans += [m for m in hours.get("monthly", ()) if m["day"] == day.day]
    spans += [d for d in hours.get("dates", ()) if d["date"] == day.isoformat()]
    return spans


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def state_at(hours: Mapping[str, Any], when: dt.datetime, holidays: Collection[str]) -> tuple[str, str]:
    """The state shown next to one contact point: ``("open", "")``, ``("opens_at", "HH:MM")`` (later today),
    ``("closed_today", "")`` (no more hours today), ``("holiday", "")`` (today is a holiday the source says
    nothing about: "may be closed today") or ``("unknown", "")`` (hours not confirmed)."""
    found = _status(hours, when, holidays)
    if found == "unknown":
        return ("unknown", "")
    if found == "open":
        return ("open", "")
    if found == "maybe":
        return ("holiday", "")
    today = when.date()
    minute = when.hour * 60 + when.minute
    today_rule = _day_rule(hours, today, holidays)
    if today_rule != "closed":
        later = sorted(_minutes(s["opens"]) for s in _spans_on(hours, today) if _minutes(s["opens"]) > minute)
        if later:
            if today_rule == "unknown":
                return ("holiday", "")
            return ("opens_at", f"{later[0] // 60:02d}:{later[0] % 60:02d}")
    return ("closed_today", "")


def line_matches(line: Mapping[str, Any], language: str = "", method: str = "") -> bool:
    """Does one contact point (``{"type": "chat", "languages": ["ja", "many"], ...}``) fit the chosen language
    and way of contact? ``many`` means "several languages, ask which": it fits any language but Japanese,
    and choosing "many" finds any line that speaks more than Japanese."""
    if method and line["type"] != method:
        return False
    if not language:
        return True
    spoken = line["languages"]
    if language == "many":
        return any(code != "ja" for code in spoken)
    return language in spoken or (language != "ja" and "many" in spoken)


def weekly_minutes(hours: Mapping[str, Any]) -> int:
    """About how many minutes a week a line answers: 24 hours a day counts most; used to sort lines
    by how reachable they are (monthly days count a quarter of a week's share)."""
    if hours.get("always"):
        return 7 * 1440
    total = 0
    for w in hours.get("weekly", ()):
        total += len(w["days"]) * _span_minutes(w)
    for m in hours.get("monthly", ()):
        total += _span_minutes(m) // 4
    return total


def _span_minutes(span: Mapping[str, Any]) -> int:
    return _minutes(span["closes"]) + (1440 if span.get("next_day") else 0) - _minutes(span["opens"])

"""Is a line open now? Pure Python on plain data, the same rules as the directory's JavaScript.

``hours`` is the JSON form the site publishes (see ``tsunagu.directory.hours_json``)::

    {"always": true}
    {"weekly": [{"days": ["mon", "tue"], "opens": "09:00", "closes": "17:00", "next_day": false}],
     "monthly": [{"day": 10, "opens": "08:00", "closes": "08:00", "next_day": true}],
     "dates": [{"date": "2026-09-10", "opens": "08:00", "closes": "08:00", "next_day": true}],
     "closed_dates": ["2026-12-31"], "closed_public_holidays": true, "closed_year_end": true}

Times are Japan time (UTC+9, no daylight saving). A span belongs to the day it starts on: a span that
starts on a closed day (a public holiday, 29 Dec–3 Jan, a closed date) does not open at all.
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
    """True if open at ``when`` (Japan time), False if closed, None if the hours are not known."""
    if hours.get("always"):
        return True
    spans_known = any(hours.get(k) for k in ("weekly", "monthly", "dates"))
    if not spans_known:
        return None
    minute = when.hour * 60 + when.minute
    today = when.date()
    for start_day, offset in ((today, 0), (today - dt.timedelta(days=1), 1440)):
        if _closed_on(hours, start_day, holidays):
            continue
        for span in _spans_on(hours, start_day):
            opens = _minutes(span["opens"])
            closes = _minutes(span["closes"]) + (1440 if span.get("next_day") else 0)
            if opens <= minute + offset < closes:
                return True
    return False


def _closed_on(hours: Mapping[str, Any], day: dt.date, holidays: Collection[str]) -> bool:
    iso = day.isoformat()
    if hours.get("closed_public_holidays") and iso in holidays:
        return True
    if hours.get("closed_year_end") and ((day.month == 12 and day.day >= 29) or (day.month == 1 and day.day <= 3)):
        return True
    return iso in hours.get("closed_dates", ())


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
    ``("closed_today", "")`` (no more hours today) or ``("unknown", "")`` (hours not confirmed)."""
    opened = is_open(hours, when, holidays)
    if opened is None:
        return ("unknown", "")
    if opened:
        return ("open", "")
    today = when.date()
    minute = when.hour * 60 + when.minute
    if not _closed_on(hours, today, holidays):
        later = sorted(_minutes(s["opens"]) for s in _spans_on(hours, today) if _minutes(s["opens"]) > minute)
        if later:
            return ("opens_at", f"{later[0] // 60:02d}:{later[0] % 60:02d}")
    return ("closed_today", "")


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

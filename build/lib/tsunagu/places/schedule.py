"""A place's schedule as plain data for the browser, and "next session": the Python twin of
``nextSession`` in overrides/assets/tsunagu/places.js, tested from one table (tests/data/schedule-cases.json).

The phone computes the next session (the page may be read days after the build); Python uses the same rule
for tests and for anything printed.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from tsunagu.data.model import WEEKDAYS, Place

HORIZON_DAYS = 62
"""How far ahead to look: two months covers every "n-th weekday of the month" rule."""


def schedule_json(place: Place) -> dict[str, Any]:
    """Compact schedule for places.js: no text, dates as ISO strings."""
    return {
        "weekly": [[list(s.days), s.opens, s.closes] for s in place.sessions if s.kind == "weekly"],
        "monthly": [[list(s.weeks), s.days[0], s.opens, s.closes] for s in place.sessions if s.kind == "monthly"],
        "dates": [[s.date.isoformat(), s.opens, s.closes] for s in place.sessions if s.date],
        "closed": [d.isoformat() for d in place.closed_dates],
    }


def sessions_on(schedule: dict[str, Any], day: dt.date) -> list[tuple[str, str]]:
    """(opens, closes) of every session on ``day``, earliest first."""
    if day.isoformat() in schedule.get("closed", []):
        return []
    weekday = WEEKDAYS[day.weekday()]
    found = [(o, c) for days, o, c in schedule.get("weekly", []) if weekday in days]
    last = calendar.monthrange(day.year, day.month)[1]
    week = (day.day - 1) // 7 + 1
    is_last = day.day + 7 > last
    for weeks, wd, o, c in schedule.get("monthly", []):
        if wd == weekday and (week in weeks or (is_last and -1 in weeks)):
            found.append((o, c))
    found += [(o, c) for iso, o, c in schedule.get("dates", []) if iso == day.isoformat()]
    return sorted(found)


def next_session(schedule: dict[str, Any], day: dt.date, minute: int) -> tuple[str, str, str] | None:
    """The first session not yet over at ``minute`` past midnight of ``day`` (Japan time):
    (date ISO, opens, closes), or None when none falls within ``HORIZON_DAYS``."""
    for offset in range(HORIZON_DAYS + 1):
        d = day + dt.timedelta(days=offset)
        for opens, closes in sessions_on(schedule, d):
            if offset or _minutes(closes) > minute:
                return d.isoformat(), opens, closes
    return None


def _minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)

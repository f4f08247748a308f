"""Opening hours for pages: in words, in the reader's language, and as the JSON the pages' scripts read."""

from __future__ import annotations

from typing import Any

from tsunagu.data.model import WEEKDAYS, Hours
from tsunagu.data.strings import Strings


def describe(hours: Hours, s: Strings) -> list[str]:
    """One short phrase per rule, e.g. ["Mon–Fri 9:00–17:00", "closed on public holidays"]."""
    if not hours.known:
        return [s("hours.unknown")]
    parts: list[str] = []
    if hours.always:
        parts.append(s("hours.always"))
    for w in hours.weekly:
        opens, closes = _time(w.opens), _closes(w.closes, w.closes_next_day, s)
        if set(w.days) == set(WEEKDAYS):
            parts.append(s("hours.daily", opens=opens, closes=closes))
        else:
            parts.append(s("hours.weekly", days=days_text(w.days, s), opens=opens, closes=closes))
    for m in hours.monthly:
        # A language may name days of the month itself (やさしい日本語: 10日 is read とおか).
        day = s.table.get(f"day.{m.day}", str(m.day))
        parts.append(s("hours.monthly", day=day, opens=_time(m.opens), closes=_closes(m.closes, m.closes_next_day, s)))
    for d in hours.dates:
        parts.append(s("hours.date", date=d.date.isoformat(), opens=_time(d.opens),
                       closes=_closes(d.closes, d.closes_next_day, s)))
    if hours.varies:
        parts.append(s("hours.varies"))
    # Said only when it matters: a closed or unconfirmed holiday; "open on holidays" is the default reading.
    for rule in ("public_holidays", "year_end"):
        value = getattr(hours, rule)
        if value in ("closed", "unknown"):
            parts.append(s(f"hours.{rule}.{value}"))
    if hours.closed_dates:
        parts.append(s("hours.closed_dates", dates=s("days.separator").join(d.isoformat() for d in hours.closed_dates)))
    return parts


def days_text(days: tuple[str, ...], s: Strings) -> str:
    """Consecutive runs of three or more days become a range: mon..fri -> "Mon–Fri"."""
    idx = sorted(WEEKDAYS.index(d) for d in set(days))
    runs: list[list[int]] = []
    for i in idx:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    names: list[str] = []
    for run in runs:
        if len(run) >= 3:
            names.append(s("days.range", first=s(f"days.{WEEKDAYS[run[0]]}"), last=s(f"days.{WEEKDAYS[run[-1]]}")))
        else:
            names.extend(s(f"days.{WEEKDAYS[i]}") for i in run)
    return s("days.separator").join(names)


def _time(hhmm: str) -> str:
    """09:00 -> 9:00, as timetables in Japan print it."""
    return hhmm[1:] if hhmm.startswith("0") else hhmm


def _closes(closes: str, next_day: bool, s: Strings) -> str:
    return s("hours.next_day", time=_time(closes)) if next_day else _time(closes)


def hours_json(hours: Hours) -> dict[str, Any]:
    """The JSON form read by selfcheck.opening and directory.js (see selfcheck/opening.py)."""
    if hours.always:
        return {"always": True}
    out: dict[str, Any] = {}
    if hours.weekly:
        out["weekly"] = [{"days": list(w.days), "opens": w.opens, "closes": w.closes, "next_day": w.closes_next_day}
                         for w in hours.weekly]
    if hours.monthly:
        out["monthly"] = [{"day": m.day, "opens": m.opens, "closes": m.closes, "next_day": m.closes_next_day}
                          for m in hours.monthly]
    if hours.dates:
        out["dates"] = [{"date": d.date.isoformat(), "opens": d.opens, "closes": d.closes,
                         "next_day": d.closes_next_day} for d in hours.dates]
    if hours.closed_dates:
        out["closed_dates"] = [d.isoformat() for d in hours.closed_dates]
    for rule in ("public_holidays", "year_end"):
        if getattr(hours, rule):
            out[rule] = getattr(hours, rule)
    if hours.varies:
        out["varies"] = True
    return out

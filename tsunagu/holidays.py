"""Japanese public holidays, generated at build time by jpholiday (maintained, follows the Cabinet Office list)."""

from __future__ import annotations

import datetime as dt

import jpholiday


def holidays(today: dt.date, years_back: int = 1, years_ahead: int = 2) -> list[str]:
    """ISO dates of public holidays (振替休日 and 国民の休日 included) around ``today``."""
    out: list[str] = []
    for year in range(today.year - years_back, today.year + years_ahead + 1):
        out += [day.isoformat() for day, _name in jpholiday.year_holidays(year)]
    return sorted(out)

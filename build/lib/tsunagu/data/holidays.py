"""Japanese public holidays, generated at build time by jpholiday (maintained, follows the Cabinet Office list)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import jpholiday


@lru_cache(maxsize=8)  # asked for by every directory page and self-check bundle of a build
def holidays(today: dt.date, years_back: int = 1, years_ahead: int = 2) -> list[str]:
    """ISO dates of public holidays (振替休日 and 国民の休日 included) around ``today``."""
    out: list[str] = []
    for year in range(today.year - years_back, today.year + years_ahead + 1):
        out += [day.isoformat() for day, _name in jpholiday.year_holidays(year)]
    return sorted(out)  # callers must not change the list: it is cached

from __future__ import annotations

import pytest

from tsunagu.data.model import Hours, MonthlyHours, WeeklyHours
from tsunagu.data.strings import load_strings
from tsunagu.pages import hours

S = load_strings(["ja", "en"])
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")


@pytest.mark.parametrize(
    ("rule", "ja", "en"),
    [
        (Hours(always=True), ["24時間・年中無休"], ["24 hours, every day"]),
        (
            Hours(weekly=(WeeklyHours(WEEKDAYS, "09:00", "17:00"),), public_holidays="closed", year_end="open"),
            ["月〜金曜日 9:00〜17:00", "祝日は休み"],
            ["Mon–Fri 9:00–17:00", "closed on public holidays"],
        ),
        (
            Hours(weekly=(WeeklyHours(("mon", "wed", "fri"), "10:00", "16:00"),), public_holidays="unknown",
                  year_end="unknown"),
            ["月・水・金曜日 10:00〜16:00", "祝日の受付は未確認", "12月29日〜1月3日の受付は未確認"],
            ["Mon, Wed, Fri 10:00–16:00", "public holidays not confirmed", "29 December – 3 January not confirmed"],
        ),
        (
            Hours(weekly=(WeeklyHours(("mon", "wed", "fri"), "10:00", "16:00"),)),
            ["月・水・金曜日 10:00〜16:00"],
            ["Mon, Wed, Fri 10:00–16:00"],
        ),
        (
            Hours(monthly=(MonthlyHours(10, "08:00", "08:00", closes_next_day=True),)),
            ["毎月10日 8:00〜翌8:00"],
            ["Day 10 of each month, 8:00–8:00 the next day"],
        ),
        (
            Hours(weekly=(WeeklyHours(("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "16:00", "21:00"),),
                  public_holidays="open", year_end="closed"),
            ["毎日 16:00〜21:00", "12月29日〜1月3日は休み"],
            ["Every day 16:00–21:00", "closed 29 December – 3 January"],
        ),
        (Hours(), ["受付時間は確認中です"], ["Hours not confirmed"]),
        (Hours(weekly=(WeeklyHours(("sat", "sun"), "00:00", "24:00"),)), ["土・日曜日 0:00〜24:00"],
         ["Sat, Sun 0:00–24:00"]),
    ],
)
def test_describe(rule: Hours, ja: list[str], en: list[str]) -> None:
    assert hours.describe(rule, S["ja"]) == ja
    assert hours.describe(rule, S["en"]) == en

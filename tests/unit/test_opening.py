"""Open-now rules, table-driven from tests/data/hours-cases.json (the JavaScript twin runs the same table)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from selfcheck.opening import is_open, japan_time, line_matches, state_at, weekly_minutes

TABLE = json.loads((Path(__file__).resolve().parents[1] / "data" / "hours-cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("name", "when", "expected"), TABLE["cases"], ids=lambda v: str(v))
def test_open_now(name: str, when: str, expected: bool | None) -> None:
    assert is_open(TABLE["hours"][name], dt.datetime.fromisoformat(when), set(TABLE["holidays"])) is expected


def test_japan_time_from_utc() -> None:
    utc = dt.datetime(2026, 11, 26, 15, 30, tzinfo=dt.UTC)
    assert japan_time(utc) == dt.datetime(2026, 11, 27, 0, 30)


@pytest.mark.parametrize(("name", "when", "state", "time"), TABLE["states"], ids=lambda v: str(v))
def test_state_of_one_contact(name: str, when: str, state: str, time: str) -> None:
    assert state_at(TABLE["hours"][name], dt.datetime.fromisoformat(when), set(TABLE["holidays"])) == (state, time)


@pytest.mark.parametrize(("name", "minutes"), TABLE["weekly_minutes"], ids=lambda v: str(v))
def test_weekly_minutes(name: str, minutes: int) -> None:
    assert weekly_minutes(TABLE["hours"][name]) == minutes


@pytest.mark.parametrize(("name", "language", "method", "fits"), TABLE["line_cases"], ids=lambda v: str(v))
def test_line_fits_language_and_method(name: str, language: str, method: str, fits: bool) -> None:
    assert line_matches(TABLE["lines"][name], language, method) is fits

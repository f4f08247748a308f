"""The next-session rule in Python, from the table places.js is tested with too (tests/js/places.test.cjs)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from tests.conftest import ROOT
from tsunagu.places.schedule import next_session

TABLE = json.loads((ROOT / "tests" / "data" / "schedule-cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name,day,minute,expected", TABLE["cases"])
def test_next_session(name: str, day: str, minute: int, expected: list[str] | None) -> None:
    schedule: dict[str, Any] = TABLE["schedules"][name]
    actual = next_session(schedule, dt.date.fromisoformat(day), minute)
    assert (list(actual) if actual else None) == expected

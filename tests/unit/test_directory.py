"""Directory logic on the sample data: groups, age bands, JSON forms, generated pages, open data."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from tsunagu.data.loader import load_site
from tsunagu.data.model import Hours, MonthlyHours, WeeklyHours
from tsunagu.data.strings import load_strings
from tsunagu.directory import rules
from tsunagu.pages.hours import hours_json
from tsunagu.publish import open_data

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def site():  # type: ignore[no-untyped-def]
    return load_site(DATA / "base", ("ja", "en"), today=dt.date(2026, 11, 26))


def test_groups_list_each_service_once(site) -> None:  # type: ignore[no-untyped-def]
    assert rules.group_of(site.services["emergency-119"]) == "emergency"
    assert rules.group_of(site.services["town-line"]) == "local"


@pytest.mark.parametrize(
    ("min_age", "max_age", "topics", "bands"),
    [
        (None, 18, (), {"children", "teens", "young-adults"}),
        (15, 39, (), {"teens", "young-adults"}),
        (None, None, ("youth",), {"teens", "young-adults"}),
        (None, None, ("dementia",), {"older-people"}),
        (None, None, ("loneliness",), set()),
        (65, None, (), {"older-people"}),
    ],
)
def test_age_bands(site, min_age, max_age, topics, bands) -> None:  # type: ignore[no-untyped-def]
    service = replace(site.services["town-line"], min_age=min_age, max_age=max_age, topics=topics)
    assert {b.id for b in rules.AGE_BANDS if rules.for_band(service, b)} == bands


def test_hours_json_matches_the_documented_form() -> None:
    hours = Hours(weekly=(WeeklyHours(("fri",), "22:00", "06:00", closes_next_day=True),),
                  monthly=(MonthlyHours(10, "08:00", "08:00", True),), public_holidays="closed",
                  year_end="unknown")
    assert hours_json(hours) == {
        "weekly": [{"days": ["fri"], "opens": "22:00", "closes": "06:00", "next_day": True}],
        "monthly": [{"day": 10, "opens": "08:00", "closes": "08:00", "next_day": True}],
        "public_holidays": "closed",
        "year_end": "unknown",
    }
    assert hours_json(Hours(always=True)) == {"always": True}


def test_filter_json_has_only_confirmed_methods_and_hours(site) -> None:  # type: ignore[no-untyped-def]
    data = rules.filter_json(site.services["town-line"])
    assert data["methods"] == ["phone"]
    assert len(data["hours"]) == 1  # the unverified second phone contributes nothing
    assert data["area"] == "town" and data["ages"] == [None, None]


def test_generated_pages_for_every_language(site) -> None:  # type: ignore[no-untyped-def]
    pages = rules.generated_pages(site, "ja", load_strings(["ja", "en"]))
    assert "services/town-line.md" in pages and "services/town-line.en.md" in pages
    assert "audiences/teens.en.md" in pages and "topics/loneliness.md" in pages
    assert "topics/food.md" not in pages  # no service has this topic
    assert pages["services/town-line.en.md"].startswith('---\ntitle: "Town help line"\n')
    assert "[[service-page town-line]]" in pages["services/town-line.en.md"]


def test_write_generated_only_rewrites_changes_and_removes_stale(tmp_path: Path) -> None:
    pages = {"services/a.md": "A\n", "services/b.md": "B\n"}
    assert rules.write_generated(tmp_path, pages) == 2
    assert rules.write_generated(tmp_path, pages) == 0
    (tmp_path / "services" / "gone.md").write_text("old", encoding="utf-8")
    assert rules.write_generated(tmp_path, {"services/a.md": "A2\n"}) == 1
    assert sorted(p.name for p in (tmp_path / "services").iterdir()) == ["a.md"]


def test_open_data_json_and_csv(site) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(open_data.services_json(site))
    line = next(s for s in data["services"] if s["id"] == "town-line")
    assert line["contacts"][0]["value"] == "0120-000-000"
    assert line["contacts"][1]["value"] == ""  # unverified: no number published
    rows = list(csv.DictReader(io.StringIO(open_data.services_csv(site, "ja", load_strings(["ja"])["ja"]))))
    assert tuple(rows[0]) == open_data.CSV_COLUMNS
    town = [r for r in rows if r["service_id"] == "town-line"]
    assert [r["contact_value"] for r in town] == ["0120-000-000", ""]
    assert town[0]["schedule_description"] == "月〜金曜日 9:00〜17:00 / 祝日は休み / 12月29日〜1月3日は休み"
    assert town[0]["last_verified_on"] == "2026-11-01"

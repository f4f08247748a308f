"""The built directory: every service has a page in every language with JSON-LD; open data is published."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from tests.build.test_build import LANGS, _page
from tests.conftest import ROOT

SERVICE_IDS = sorted(p.stem for p in (ROOT / "data" / "services").rglob("*.yml"))


def test_every_service_has_a_page_in_every_language(built_site: Path) -> None:
    assert len(SERVICE_IDS) >= 30
    for lang in LANGS:
        for sid in SERVICE_IDS:
            html = _page(built_site, lang, f"services/{sid}").read_text(encoding="utf-8")
            assert f'id="service-{sid}"' in html, (lang, sid)


def test_service_pages_carry_valid_jsonld(built_site: Path) -> None:
    html = _page(built_site, "en", "services/inochi-no-denwa-kitakyushu").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "Service" and data["@context"] == "https://schema.org"
    phones = [c["servicePhone"]["telephone"] for c in data["availableChannel"] if "servicePhone" in c]
    assert phones == ["093-653-4343"]


def test_if_busy_alternatives_on_the_service_page(built_site: Path) -> None:
    html = _page(built_site, "en", "services/childline").read_text(encoding="utf-8")
    busy = html[html.index('id="if-busy"'):]
    busy = busy[: busy.index("</ul>")]
    assert "../kodomo-sos-24h/" in busy and 'href="tel:0120078310"' in busy


def test_directory_lists_every_service_once_and_embeds_filter_data(built_site: Path) -> None:
    for lang in LANGS:
        html = _page(built_site, lang, "directory").read_text(encoding="utf-8")
        ids = re.findall(r'<li class="tg-entry" id="entry-[a-z0-9-]+" data-id="([a-z0-9-]+)"', html)
        assert sorted(ids) == SERVICE_IDS, lang
        raw = re.search(r'<script type="application/json" id="tg-directory-data">(.*?)</script>', html, re.S)
        assert raw is not None
        data = json.loads(raw.group(1))
        assert sorted(data["services"]) == SERVICE_IDS
        hours = re.search(r'<script type="application/json" id="tg-hours-data">(.*?)</script>', html, re.S)
        assert hours is not None  # the holidays travel once per page, for every line's state (opening.js)
        holidays = json.loads(hours.group(1))["holidays"]
        assert "2026-11-03" in holidays and "2027-01-01" in holidays


def test_topic_and_audience_pages_exist(built_site: Path) -> None:
    for lang in LANGS:
        teens = _page(built_site, lang, "audiences/teens").read_text(encoding="utf-8")
        assert 'data-id="childline"' in teens and 'data-id="kodomo-sos-24h"' in teens
        assert 'data-id="dementia-support-centre"' not in teens
        food = _page(built_site, lang, "topics/food").read_text(encoding="utf-8")
        assert 'data-id="foodbank-kitakyushu"' in food


def test_open_data_is_published(built_site: Path) -> None:
    data = json.loads((built_site / "data" / "services.json").read_text(encoding="utf-8"))
    assert sorted(s["id"] for s in data["services"]) == SERVICE_IDS
    assert data["languages"] == LANGS
    rows = list(csv.DictReader(io.StringIO((built_site / "data" / "services.csv").read_text(encoding="utf-8"))))
    assert {r["service_id"] for r in rows} == set(SERVICE_IDS)
    for row in rows:
        if row["status"] != "verified":
            assert row["contact_value"] == "", row
        else:
            assert row["source_title"] and row["last_verified_on"], row
    assert not (built_site / "en" / "data").exists(), "open data is written once, at the root"


def test_open_data_is_plain_text_with_readings_beside_it(built_site: Path) -> None:
    raw = (built_site / "data" / "services.json").read_text(encoding="utf-8")
    assert "《" not in raw and "｜" not in raw  # no furigana source notation for reusers to parse
    data = json.loads(raw)
    yorisoi = next(s for s in data["services"] if s["id"] == "yorisoi-hotline")
    assert yorisoi["organisation"]["ja-easy"] == "一般社団法人　社会的包摂サポートセンター"
    reading = yorisoi["organisation_reading"]["ja-easy"]
    assert reading == "いっぱんしゃだんほうじん　しゃかいてきほうせつサポートセンター"
    assert "ja" not in yorisoi["organisation_reading"]  # only texts that carried readings have them
    # Languages belong to lines: the 24-hour number speaks Japanese, "press 2" other languages.
    assert [c["languages"] for c in yorisoi["contacts"]] == [["ja"], ["many"]]
    assert yorisoi["languages"] == ["ja", "many"]


def test_jsonld_carries_closures_dated_openings_and_languages(built_site: Path) -> None:
    def phone_points(sid: str) -> list[dict]:  # type: ignore[type-arg]
        html = _page(built_site, "en", f"services/{sid}").read_text(encoding="utf-8")
        data = json.loads(re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[0])
        return [c["servicePhone"] for c in data["availableChannel"] if "servicePhone" in c]

    city = phone_points("kitakyushu-suicide-prevention-line")[0]
    closed = {spec["validFrom"] for spec in city["hoursAvailable"] if spec.get("opens") == spec.get("closes")}
    assert {"2026-12-29", "2026-12-31", "2027-01-03"} <= closed  # 年末年始は除く
    assert "2027-01-11" in closed  # Coming of Age Day, a public holiday
    assert "closed on public holidays" in city["description"]
    free = next(p for p in phone_points("inochi-no-denwa-national") if p["telephone"] == "0120-783-556")
    tenth = [spec for spec in free["hoursAvailable"] if spec.get("validFrom") == "2026-12-10"]
    assert tenth == [{"@type": "OpeningHoursSpecification", "opens": "08:00", "closes": "23:59",
                      "validFrom": "2026-12-10", "validThrough": "2026-12-10"}]
    assert [p.get("availableLanguage") for p in phone_points("yorisoi-hotline")] == [["ja"], None]

"""The finder: its result order from the shared table (finder.js runs the same table), its data file's
errors, and its HTML (plain links without JavaScript, one hidden row per line the ranking can name)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ESSENTIALS_LANGS, ROOT
from tests.conftest import SITE_LANGS as LANGS
from tsunagu.data.loader import load_site
from tsunagu.data.problems import DataError
from tsunagu.data.strings import load_strings
from tsunagu.finder.choices import load_finder
from tsunagu.finder.page import finder
from tsunagu.finder.rank import rank

TABLE = json.loads((ROOT / "tests" / "data" / "finder-cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("name", "mode", "prefs", "when", "expected"), TABLE["cases"], ids=lambda v: str(v))
def test_rank_from_the_shared_table(name: str, mode: str, prefs: dict[str, str], when: str,
                                    expected: list[str]) -> None:
    data = {**TABLE, "mode": mode, "choices": TABLE["choices"][mode]}
    assert rank(data, prefs, dt.datetime.fromisoformat(when), set(TABLE["holidays"])) == expected


def test_the_table_covers_the_issue_clocks_and_rules() -> None:
    """Weekday day and night, Saturday night and 1 January; crisis lines on top; chat first for the young."""
    whens = {c[3] for c in TABLE["cases"]}
    assert {"2026-12-01T10:00", "2026-12-01T23:00", "2026-12-05T23:00", "2027-01-01T10:00"} <= whens
    urgent = [c for c in TABLE["cases"] if TABLE["choices"][c[1]].get(c[2].get("about", ""), {}).get("urgent")]
    crisis_lines = {f"{sid}:{line['i']}" for sid in TABLE["crisis"] for line in TABLE["services"][sid]["lines"]}
    assert urgent and all(set(c[4][:3]) <= crisis_lines for c in urgent)  # the strip's lines on top


@pytest.fixture(scope="module")
def site() -> Any:
    return load_site(ROOT, LANGS, essentials=ESSENTIALS_LANGS, data_dir="data")


def test_every_choice_finds_a_topic_in_use_and_a_line(site: Any) -> None:
    found = load_finder(ROOT, LANGS)
    assert found is not None
    html = finder(found, "adult", site, "en", load_strings(["en"])["en"], lambda p: p)
    data = _page_data(html)
    when = dt.datetime(2026, 12, 1, 10, 0)
    for mode in ("adult", "kids"):
        for choice in found.choices[mode]:
            d = {**data, "mode": mode, "choices": {c.id: {"topics": list(c.topics), "urgent": c.urgent}
                                                   for c in found.choices[mode]}}
            assert rank(d, {"about": choice.id}, when, []), (mode, choice.id)


def _page_data(html: str) -> dict[str, Any]:
    """The page's JSON with each line's hours read from its row, as finder.js does."""
    data: dict[str, Any] = json.loads(re.search(r'id="tg-finder-data">(.*?)</script>', html).group(1))  # type: ignore[union-attr]
    rows = dict(re.findall(r'<li class="tg-finder__item" data-key="([^"]+)"(.*?)</li>\n', html))
    for sid, s in data["services"].items():
        for line in s["lines"]:
            found = re.search(r'data-tg-hours="([^"]*)"', rows[f"{sid}:{line['i']}"])
            line["hours"] = json.loads(unescape(found.group(1))) if found else {}
    return data


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("mode", ["adult", "kids"])
def test_html_has_links_questions_and_a_row_for_every_rankable_line(site: Any, lang: str, mode: str) -> None:
    found = load_finder(ROOT, LANGS)
    assert found is not None
    html = finder(found, mode, site, lang, load_strings([lang])[lang], lambda p: "/" + p)
    data = json.loads(re.search(r'id="tg-finder-data">(.*?)</script>', html).group(1))  # type: ignore[union-attr]
    keys = set(re.findall(r'data-key="([^"]+)"', html))
    assert keys == {f"{sid}:{line['i']}" for sid, s in data["services"].items() for line in s["lines"]}
    # Without JavaScript: plain links to topic pages (and, for adults, age pages); the form starts hidden.
    first_topic = "loneliness" if mode == "adult" else "children"
    assert re.search(rf'id="tg-finder-links".*href="/topics/{first_topic}/"', html, re.S)
    assert re.search(r'id="tg-finder-links".*href="/topics/suicide-prevention/"', html, re.S)
    assert ('href="/audiences/teens/"' in html) is (mode == "adult")
    assert re.search(r'<form[^>]*id="tg-finder-form" hidden', html)
    steps = re.findall(r'data-step="([a-z]+)"', html)
    assert steps == (["who", "age", "about", "how", "language"] if mode == "adult" else ["about", "how", "language"])
    # The page's language is offered first and preselected.
    first = re.search(r'data-step="language".*?<button[^>]*value="([a-z]+)" aria-pressed="true"', html, re.S)
    assert first and first.group(1) == ("ja" if lang.startswith("ja") else lang)
    assert "<script>" not in html and "{{" not in html


def test_data_errors_name_file_record_key_expected_and_found(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "data" / "finder.yml", tmp_path / "data" / "finder.yml")
    text = (tmp_path / "data" / "finder.yml").read_text(encoding="utf-8")
    text = text.replace("topics: [loneliness, hikikomori, community]", "topics: [lonely]", 1)
    text = text.replace("      en: Family\n", "", 1).replace("    urgent: true\n", "    urgent: yes please\n", 1)
    (tmp_path / "data" / "finder.yml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as e:
        load_finder(tmp_path, LANGS)
    message = str(e.value)
    assert "data/finder.yml: record 'adult[0] (alone)', key 'topics.[0]': expected a directory topic" in message
    assert "found 'lonely'" in message
    assert "record 'adult[1] (family)', key 'label.en': expected a text in language 'en'" in message
    assert "record 'adult[5] (violence)', key 'urgent': expected true or false" in message


def test_a_site_without_a_finder_file_has_no_finder(tmp_path: Path) -> None:
    assert load_finder(tmp_path, LANGS) is None

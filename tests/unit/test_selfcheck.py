"""selfcheck on CPython: the shared checks on every language's real bundle, and the instrument's validation.
The same checks run inside real Pyodide in test_pyodide.py."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ESSENTIALS_LANGS, ROOT
from tests.conftest import SITE_LANGS as LANGS
from tests.selfcheck_checks import CHECKS
from tsunagu.data.loader import load_site
from tsunagu.data.problems import DataError
from tsunagu.data.strings import load_strings
from tsunagu.pages import ruby
from tsunagu.selfcheck_site import bundle


def bundles() -> dict[str, dict[str, Any]]:
    site = load_site(ROOT, LANGS, essentials=ESSENTIALS_LANGS, today=dt.date(2026, 11, 26))
    instrument = bundle.load_instrument(ROOT, site)
    strings = load_strings(LANGS)
    return {lang: bundle.bundle(instrument, site, lang, strings[lang], lambda p: "/" + p) for lang in LANGS}


BUNDLES = bundles()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_selfcheck(check: Any, lang: str) -> None:
    check(BUNDLES[lang])


def _broken(tmp_path: Path, change: Any, file: str = "selfcheck.yml") -> str:
    """The build's message after ``change`` is made to a copy of data/<file>."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / file
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    site = load_site(tmp_path, LANGS, essentials=ESSENTIALS_LANGS, today=dt.date(2026, 11, 26))
    with pytest.raises(DataError) as info:
        bundle.load_instrument(tmp_path, site)
    return str(info.value)


def test_broken_instrument_names_file_key_expected_found(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        d["scale"]["groups"][1]["max"] = 5  # leaves 6 points in no group
        del d["scale"]["items"][0]["text"]["vi"]
        d["scale"]["options"][3]["score"] = 5
        d["direct"]["options"][0]["survey_category"] = 9

    message = _broken(tmp_path, change)
    assert "data/selfcheck.yml: record 'selfcheck', key 'scale.items[0].text.vi': expected a text in language 'vi'" \
        in message
    assert "key 'scale.options': expected four options scored 1, 2, 3 and 4" in message
    assert ("key 'scale.groups': expected every total from 3 to 12 in exactly one group; "
            "found 6 points in 0 groups (none)") in message
    assert "key 'direct.options[0].survey_category': expected the index of an answer category of " \
           "'direct-question' (0 to 5); found int 9" in message


def test_a_chart_label_that_differs_from_the_self_check_stops_the_build(tmp_path: Path) -> None:
    def swap(d: dict[str, Any]) -> None:  # the mistake once made in vi: 時々ある and たまにある swapped
        categories = d["direct-question"]["categories"]
        categories[1]["vi"], categories[2]["vi"] = categories[2]["vi"], categories[1]["vi"]

    message = _broken(tmp_path, swap, "surveys.yml")
    assert ("data/surveys.yml: record 'direct-question', key 'categories[1].vi': expected the same label as "
            "data/selfcheck.yml key 'scale.options[2].label.vi' ('Thỉnh thoảng'): one label per answer option, "
            "as the result quotes the chart's row; found 'Đôi lúc'.") in message
    assert ("key 'categories[2].vi': expected the same label as data/selfcheck.yml key "
            "'direct.options[2].label.vi' ('Đôi lúc')") in message
    assert message.count("problem(s)") == 1 and "2 problem(s)" in message


def test_a_self_check_label_that_differs_within_the_instrument_stops_the_build(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        d["direct"]["options"][0]["label"]["ko"] = "전혀 없음"  # 決してない, as the scale says 전혀 없다

    message = _broken(tmp_path, change)
    assert ("data/selfcheck.yml: record 'selfcheck', key 'direct.options[0].label.ko': expected the same label as "
            "data/selfcheck.yml key 'scale.options[0].label.ko' ('전혀 없다')") in message
    assert "1 problem(s)" in message and "found '전혀 없음'" in message  # the chart agrees with the scale


def test_every_answer_option_has_one_label_in_every_language() -> None:
    site = load_site(ROOT, LANGS, essentials=ESSENTIALS_LANGS, today=dt.date(2026, 11, 26))
    survey = site.surveys["direct-question"]
    for lang, b in BUNDLES.items():
        if lang not in site.full_languages:  # an essentials language has no survey charts (numbers page)
            continue
        for option in b["direct"]["options"]:
            chart = survey.categories[option["survey_category"]][lang]
            assert option["label"] == ruby.reading(chart), (lang, option["id"])


def test_the_highest_group_describes_and_does_not_diagnose() -> None:
    often = {lang: next(g["message"] for g in b["scale"]["groups"] if g["id"] == "often")
             for lang, b in BUNDLES.items()}
    assert often["ja"].startswith("ひとりだと感じることが多いようです。")
    assert "いつも、ひとりだと感じているのですね" not in often["ja"] and "いつも" not in often["ja-easy"]
    assert often["en"].startswith("It seems you often feel alone.")
    assert "一直" not in often["zh"] and "늘 " not in often["ko"] and "luôn" not in often["vi"]


def test_broken_urgent_and_specialised_topics_are_named(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        d["urgent"]["topic"] = "suicide"
        del d["urgent"]["text"]["zh"]
        d["specialised_topics"] = ["food", "homelessness"]

    message = _broken(tmp_path, change)
    assert "key 'urgent.topic': expected one of the directory's topics" in message
    assert "key 'urgent.text.zh': expected a text in language 'zh'" in message
    assert "key 'specialised_topics': expected a list of the directory's topics" in message

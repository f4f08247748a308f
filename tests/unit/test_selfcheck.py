"""selfcheck on CPython: the shared checks on every language's real bundle, and the instrument's validation.
The same checks run inside real Pyodide in test_pyodide.py."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT
from tests.selfcheck_checks import CHECKS
from tsunagu import selfcheck_data
from tsunagu.loader import load_site
from tsunagu.problems import DataError
from tsunagu.strings import load_strings

LANGS = ("ja", "ja-easy", "en", "zh", "ko", "vi")


def bundles() -> dict[str, dict[str, Any]]:
    site = load_site(ROOT, LANGS, today=dt.date(2026, 11, 26))
    instrument = selfcheck_data.load_instrument(ROOT, site)
    strings = load_strings(LANGS)
    return {lang: selfcheck_data.bundle(instrument, site, lang, strings[lang], lambda p: "/" + p) for lang in LANGS}


BUNDLES = bundles()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_selfcheck(check: Any, lang: str) -> None:
    check(BUNDLES[lang])


def _broken(tmp_path: Path, change: Any) -> str:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "selfcheck.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    site = load_site(tmp_path, LANGS, today=dt.date(2026, 11, 26))
    with pytest.raises(DataError) as info:
        selfcheck_data.load_instrument(tmp_path, site)
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

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ESSENTIALS_LANGS, mkdocs_config
from tsunagu.data.strings import LOCALES_DIR, StringsError, load_strings
from tsunagu.pages import ruby

PLACEHOLDER = re.compile(r"\{(\w+)\}")
SITE_LANGS = [lang["locale"] for lang in next(
    p["i18n"] for p in mkdocs_config()["plugins"]
    if isinstance(p, dict) and "i18n" in p
)["languages"]]


def test_every_site_language_has_every_key_and_the_same_placeholders() -> None:
    strings = load_strings(SITE_LANGS, essentials=ESSENTIALS_LANGS)
    for lang, s in strings.items():
        # essentials.* (menu names of pages an essentials language lacks) only in essentials languages
        reference = {k: v for k, v in strings["en"].table.items()
                     if lang in ESSENTIALS_LANGS or not k.startswith("essentials.")}
        assert set(s.table) >= set(reference), lang
        for key, value in reference.items():
            assert set(PLACEHOLDER.findall(s.table[key])) == set(PLACEHOLDER.findall(value)), (lang, key)


def test_easy_japanese_strings_have_furigana_on_every_kanji() -> None:
    table = load_strings(["ja-easy"])["ja-easy"].table
    bare = {k: v for k, v in table.items() if ruby.kanji_outside_ruby(v)}
    assert bare == {}


def test_missing_language_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "en.yml").write_text((LOCALES_DIR / "en.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "ja.yml").write_text("crisis.title: x\n", encoding="utf-8")
    with pytest.raises(StringsError) as info:
        load_strings(["en", "ja", "pt"], folder=tmp_path)
    assert "ja.yml: missing key(s) crisis.more" in str(info.value)
    assert "pt.yml: no interface strings for language 'pt'" in str(info.value)

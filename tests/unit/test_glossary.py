"""The glossary (data/glossary.yml): avoided terms stop the build naming file, line, found and preferred."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import ESSENTIALS_LANGS
from tests.conftest import SITE_LANGS as LANGS
from tsunagu.content import glossary
from tsunagu.data.problems import DataError

ROOT = Path(__file__).resolve().parents[2]
YOU = glossary.Term("ko-you", {"ko": "여러분"}, {"ko": ("당신",)})
NI = glossary.Term("zh-you", {"zh": "您"}, {"zh": ("你",)}, {"zh": ("谢谢你告诉我",)})


def _site(tmp_path: Path, glossary_yml: str) -> Path:
    (tmp_path / "data" / "services").mkdir(parents=True)
    (tmp_path / "docs").mkdir()
    (tmp_path / "data" / "glossary.yml").write_text(glossary_yml, encoding="utf-8")
    return tmp_path


def test_a_page_line_with_an_avoided_term_is_named_with_the_preferred_term(tmp_path: Path) -> None:
    root = _site(tmp_path, "terms: [{id: ko-you, about: x, preferred: {ko: 여러분}, avoid: {ko: [당신]}}]\n")
    (root / "docs" / "index.ko.md").write_text("# 제목\n\n당신은 혼자가 아니에요\n", encoding="utf-8")
    (root / "docs" / "index.md").write_text("# 当신\n", encoding="utf-8")  # Japanese page: ko terms do not apply
    terms = glossary.load(root, LANGS)
    found = glossary.check(root, root / "docs", terms, LANGS, "ja", locales_dir=root / "none")
    assert [str(f) for f in found] == [
        "docs/index.ko.md, line 3 (ko): '당신' is avoided (glossary term 'ko-you'); write 여러분"]


def test_data_lines_take_the_language_of_their_key(tmp_path: Path) -> None:
    text = ("id: x\nname:\n  ja: あなた\n  ko: 당신의 이야기\ndescription:\n  ko: >-\n    첫 줄\n    당신도\n"
            "  zh: 你好\nlabel: {ja: 当신, ko: 당신, zh: 您}\n")
    found = glossary.find_in_text(text, [YOU, NI], LANGS, "data/services/x.yml")
    assert [(f.line, f.lang, f.found) for f in found] == [(4, "ko", "당신"), (8, "ko", "당신"), (9, "zh", "你"),
                                                         (10, "ko", "당신")]


def test_allowed_phrases_keep_an_avoided_term(tmp_path: Path) -> None:
    assert glossary.find_in_text("说一声“谢谢你告诉我”", [NI], LANGS, "f", "zh") == []
    assert len(glossary.find_in_text("谢谢你告诉我，你好", [NI], LANGS, "f", "zh")) == 1


def test_a_term_for_some_files_applies_only_there() -> None:
    elder = glossary.Term("vi-older-readers", {"vi": "quý vị"}, {"vi": ("bạn",)}, {"vi": ("bạn bè",)},
                          files=("data/services/dementia-*.yml",))
    text = "description:\n  vi: Nếu bạn lo lắng, hãy gặp bạn bè.\n"
    assert [(f.line, f.found) for f in glossary.find_in_text(text, [elder], LANGS, "data/services/dementia-x.yml")
            ] == [(2, "bạn")]
    assert glossary.find_in_text(text, [elder], LANGS, "data/services/youth.yml") == []
    assert glossary.find_in_text("  vi: gặp bạn bè\n", [elder], LANGS, "data/services/dementia-x.yml") == []


def test_option_labels_must_be_the_glossary_term() -> None:
    term = glossary.Term("option-sometimes", {"vi": "Thỉnh thoảng"}, {}, {}, "sometimes")
    selfcheck = {"scale": {"options": [{"score": 3, "label": {"vi": "Đôi lúc"}}]},
                 "direct": {"survey": "s", "options": [{"id": "sometimes", "survey_category": 0,
                                                       "label": {"vi": "Thỉnh thoảng"}}]}}
    surveys = {"s": {"categories": [{"vi": "Đôi lúc"}]}}
    problems = glossary.check_options([term], glossary.option_labels(selfcheck, surveys))
    assert problems == [
        "data/selfcheck.yml scale.options score 3 (vi): option 'sometimes' reads 'Đôi lúc'; the glossary "
        "(data/glossary.yml, term 'option-sometimes') says 'Thỉnh thoảng'",
        "data/surveys.yml s.categories[0] (vi): option 'sometimes' reads 'Đôi lúc'; the glossary "
        "(data/glossary.yml, term 'option-sometimes') says 'Thỉnh thoảng'"]


def test_a_bad_glossary_names_the_key(tmp_path: Path) -> None:
    root = _site(tmp_path, "terms: [{id: t, about: x, avoid: {ko: [당신]}, preferred: {xx: y}}]\n")
    with pytest.raises(DataError) as e:
        glossary.load(root, LANGS)
    assert "key 'preferred.xx'" in str(e.value) and "key 'preferred.ko'" in str(e.value)


def test_the_site_follows_its_glossary() -> None:
    """The real pages, data and strings have no avoided term, and the options match the glossary."""
    terms = glossary.load(ROOT, LANGS)
    assert {"ko-you", "hikikomori", "zh-you", "dementia", "disability", "council", "yorisoi", "sabishii",
            "vi-consult", "option-sometimes", "option-occasionally"} <= {t.id for t in terms}
    generated = [p.relative_to(ROOT / "docs").as_posix() for d in ("services", "topics", "audiences", "self-check")
                 for p in (ROOT / "docs" / d).rglob("*.md")]
    assert glossary.check(ROOT, ROOT / "docs", terms, LANGS, "ja", skip=generated) == []
    data = {n: yaml.safe_load((ROOT / "data" / f"{n}.yml").read_text(encoding="utf-8"))
            for n in ("selfcheck", "surveys")}
    labels = glossary.option_labels(data["selfcheck"], data["surveys"])
    assert len(labels["sometimes"]) == 3  # scale, direct question, survey chart
    assert glossary.check_options(terms, labels) == []


def test_english_names_keep_the_japanese_name(tmp_path: Path) -> None:
    root = _site(tmp_path, "terms: []\n")
    (root / "data" / "services" / "a.yml").write_text(
        "name: {ja: 北九州市, en: City of Kitakyushu}\norganisation: {ja: 内閣府, en: Cabinet Office (内閣府)}\n",
        encoding="utf-8")
    assert glossary.names_without_japanese(root) == [
        "data/services/a.yml: name.en 'City of Kitakyushu' must keep the Japanese name in brackets, so a caller "
        "can say it at reception: 'City of Kitakyushu (北九州市)'"]
    assert glossary.names_without_japanese(root, langs=["ko", "en"]) == [  # one reading, every language
        "data/services/a.yml: name.en 'City of Kitakyushu' must keep the Japanese name in brackets, so a caller "
        "can say it at reception: 'City of Kitakyushu (北九州市)'"]
    assert glossary.names_without_japanese(ROOT, langs=glossary.bracket_languages(ROOT)) == []
    assert glossary.bracket_languages(ROOT)[0] == "en" and glossary.bracket_languages(root) == []
    assert set(ESSENTIALS_LANGS) <= set(glossary.bracket_languages(ROOT))  # names in es, pt, ... keep it too

"""分かち書き (tsunagu/content/wakachi.py): やさしい日本語 has a U+3000 between 文節, never an ASCII space."""

from __future__ import annotations

from pathlib import Path

from tsunagu.content import wakachi

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("ja", "ja-easy", "en", "zh", "ko", "vi")
EASY = ("ja-easy",)


def _problems(text: str) -> list[str]:
    return [f.problem for f in wakachi.find_in_line(text, "f", 1, "ja-easy")]


def test_an_ascii_space_between_japanese_characters_says_to_write_u3000() -> None:
    found = wakachi.find_in_line("さみしい ときは", "docs/x.ja-easy.md", 7, "ja-easy")
    assert [str(f) for f in found] == [
        "docs/x.ja-easy.md, line 7 (ja-easy): an ASCII space between Japanese characters in 'さみしい ときは'; "
        "write U+3000 (　): 'さみしい　ときは'"]
    assert _problems("さみしい　ときは") == []


def test_an_ascii_space_next_to_furigana_counts() -> None:
    assert len(_problems("｜電話《でんわ》 ｜番号《ばんごう》")) == 1
    assert len(_problems("話《はな》す ことが")) == 1
    assert _problems("話《はな》す　ことが") == []


def test_spaces_that_are_markdown_or_between_other_characters_are_not_text() -> None:
    assert _problems("すぐに [[tel emergency-119]] に　電話《でんわ》して　ください。") == []
    assert _problems("## 命《いのち》が　あぶない　とき { #emergency }") == []
    assert _problems("[相談先《そうだんさき》を　探《さが》す](directory.md){ .tg-action .tg-action--find }") == []
    assert _problems("1 2 3 4 5 6 7 8 9 10 11 12") == []
    assert _problems("「Shift（シフト）」　キーを、3 かい　おします") == []  # a digit is not Japanese
    assert _problems("合計《ごうけい》 {min}〜{max} 点《てん》の　結果《けっか》") == []


def test_a_long_sentence_without_any_space_is_an_error() -> None:
    unspaced = "今《いま》の気持《きも》ちを、自分《じぶん》でたしかめるためのものです。"  # 21 characters
    found = wakachi.find_in_line(unspaced, "f", 3, "ja-easy")
    assert len(found) == 1
    assert "has 21 Japanese characters and no space" in found[0].problem
    assert found[0].write.startswith("write 分かち書き: a U+3000 (　) between 文節")
    assert _problems("今《いま》の　気持《きも》ちを、自分《じぶん》で　たしかめる　ための　ものです。") == []


def test_readings_are_not_counted_and_a_long_name_alone_passes() -> None:
    assert wakachi.MAX_UNSPACED == 20
    name = ("｜北九州市《きたきゅうしゅうし》｜孤独《こどく》・｜孤立《こりつ》｜対策等《たいさくとう》"
            "｜連携《れんけい》｜協議会《きょうぎかい》")
    assert _problems(name) == []  # 16 characters; its readings would be 40 more
    assert _problems("あ" * 20) == [] and len(_problems("あ" * 21)) == 1
    assert _problems("あ" * 15 + "。" + "い" * 15 + "。") == []  # each sentence is counted on its own
    assert len(_problems("あ" * 15 + "。" + "い" * 21 + "。")) == 1


def test_a_page_checks_text_and_front_matter_title_but_not_code_or_other_keys() -> None:
    page = ("---\ntitle: いま すぐ　はなす\ntranslation: {reviewed_by: 多文化共生課 担当, date: 2026-12-01}\n---\n\n"
            "# 今《いま》　すぐ　話《はな》す\n\n```\nコード の 中《なか》\n```\n\nつらい ときは\n")
    found = wakachi.find_in_page(page, "docs/talk-now.ja-easy.md", "ja-easy")
    assert [(f.line, f.problem) for f in found] == [
        (2, "an ASCII space between Japanese characters in 'いま すぐ'"),
        (12, "an ASCII space between Japanese characters in 'つらい ときは'")]


def test_data_checks_only_the_easy_language_lines() -> None:
    text = ("name:\n  ja: 今すぐだれかと話したいときは、ここにある電話にかけてください\n"
            "  ja-easy: 今《いま》すぐだれかと話《はな》したいときは、ここにある電話《でんわ》にかけてください\n"
            "  en: Call now\n"
            "label: {ja: 時々ある, ja-easy: 時々《ときどき》 ある, en: Sometimes}\n"
            "note:\n  ja-easy: >-\n    ｜電話《でんわ》の　お｜金《かね》は\n    かかりません 。\n")
    found = wakachi.find_in_data(text, "data/services/x.yml", LANGS, EASY)
    assert [f.line for f in found] == [3, 5]
    assert "has 29 Japanese characters and no space" in found[0].problem
    assert found[1].problem == "an ASCII space between Japanese characters in '時々《ときどき》 ある'"


def test_check_names_pages_data_and_strings_of_the_easy_language_only(tmp_path: Path) -> None:
    (tmp_path / "docs" / "services").mkdir(parents=True)
    (tmp_path / "data").mkdir()
    (tmp_path / "locales").mkdir()
    (tmp_path / "docs" / "index.ja-easy.md").write_text("# はじめに\n\nさみしい ときは\n", encoding="utf-8")
    (tmp_path / "docs" / "index.md").write_text("さみしい ときは\n", encoding="utf-8")  # Japanese: not checked
    (tmp_path / "docs" / "services" / "x.ja-easy.md").write_text("さみしい ときは\n", encoding="utf-8")
    (tmp_path / "data" / "site.yml").write_text("name:\n  ja: 北九州市\n  ja-easy: きた きゅうしゅう\n",
                                                encoding="utf-8")
    (tmp_path / "locales" / "ja-easy.yml").write_text('a.b: "すぐに　とじる"\nc.d: "ほかの でんわ"\n',
                                                      encoding="utf-8")
    (tmp_path / "locales" / "ja.yml").write_text('c.d: "ほかの でんわ"\n', encoding="utf-8")
    found = wakachi.check(tmp_path, tmp_path / "docs", LANGS, EASY, skip=["services/x.ja-easy.md"],
                          locales_dir=tmp_path / "locales")
    assert [(f.file, f.line) for f in found] == [
        ("docs/index.ja-easy.md", 3), ("data/site.yml", 3), ("locales/ja-easy.yml", 2)]
    assert "nothing was built" in wakachi.report(found)
    assert wakachi.check(tmp_path, tmp_path / "docs", ("ja", "en"), EASY) == []  # no やさしい日本語 on the site


def test_the_site_is_written_with_wakachigaki() -> None:
    """The real pages, data texts and strings in やさしい日本語 pass."""
    generated = [p.relative_to(ROOT / "docs").as_posix()
                 for d in ("services", "topics", "audiences", "self-check", "places")
                 for p in (ROOT / "docs" / d).rglob("*.md")]
    assert [str(f) for f in wakachi.check(ROOT, ROOT / "docs", LANGS, EASY, skip=generated)] == []
    pages = (ROOT / "docs" / "talk-now.ja-easy.md").read_text(encoding="utf-8")
    assert pages.count(wakachi.SPACE) > 100  # the check is not passing on a page it did not read

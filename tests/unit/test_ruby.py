from __future__ import annotations

import pytest

from tsunagu.pages import ruby


@pytest.mark.parametrize(
    ("source", "html"),
    [
        ("相談《そうだん》する", "<ruby>相談<rt>そうだん</rt></ruby>する"),
        ("｜北九州市《きたきゅうしゅうし》の", "<ruby>北九州市<rt>きたきゅうしゅうし</rt></ruby>の"),
        ("小倉北区役所《くやくしょ》", "<ruby>小倉北区役所<rt>くやくしょ</rt></ruby>"),
        ("小倉北｜区役所《くやくしょ》", "小倉北<ruby>区役所<rt>くやくしょ</rt></ruby>"),
        ("話《はな》す", "<ruby>話<rt>はな</rt></ruby>す"),
        ("ひらがなだけ", "ひらがなだけ"),
        ("人々《ひとびと》", "<ruby>人々<rt>ひとびと</rt></ruby>"),
    ],
)
def test_to_html(source: str, html: str) -> None:
    assert ruby.to_html(source) == html


def test_strip_keeps_the_base_only() -> None:
    assert ruby.strip("｜電話《でんわ》で　相談《そうだん》") == "電話で　相談"  # noqa: B005 (not str.strip)


def test_kanji_outside_ruby_in_notation() -> None:
    assert ruby.kanji_outside_ruby("電話《でんわ》します") == []
    bare = ruby.kanji_outside_ruby("電話《でんわ》で相談します")
    assert len(bare) == 2 and "相談" in bare[0]


def test_kanji_outside_ruby_in_html_ignores_attributes_and_rt() -> None:
    html = '<p title="電話"><ruby>電話<rt>でんわ</rt></ruby>して</p>'
    assert ruby.kanji_outside_ruby_html(html) == []
    assert ruby.kanji_outside_ruby_html("<p><ruby>電話<rt>でんわ</rt></ruby>で相談</p>") != []


def test_headings_get_a_plain_toc_label() -> None:
    assert ruby.label_headings("## 命《いのち》があぶないとき { #emergency }") == (
        '## 命《いのち》があぶないとき { #emergency data-toc-label="命があぶないとき" }')
    assert ruby.label_headings("# ｜北九州市《きたきゅうしゅうし》") == (
        '# ｜北九州市《きたきゅうしゅうし》 { data-toc-label="北九州市" }')
    assert ruby.label_headings("## ひらがな { #a }\n本文《ほんぶん》") == "## ひらがな { #a }\n本文《ほんぶん》"


def test_toc_shows_the_base_text_once() -> None:
    import markdown

    md = markdown.Markdown(extensions=["attr_list", "toc"])
    md.convert(ruby.to_html(ruby.label_headings("## 命《いのち》のこと { #life }")))
    assert md.toc_tokens[0]["name"] == "命のこと"  # type: ignore[attr-defined]


def test_reading_exceptions() -> None:
    exceptions = {"20日": "はつか", "大人": "おとな"}
    text = "5月《がつ》20日《にち》、｜20日《はつか》、大人《おとな》\n大人《だいにん》"
    assert ruby.wrong_readings(text, exceptions) == [
        (1, "20日《にち》", "｜20日《はつか》"), (2, "大人《だいにん》", "大人《おとな》")]
    assert ruby.wrong_readings("｜20日《にじゅうにち》", exceptions) == [
        (1, "｜20日《にじゅうにち》", "｜20日《はつか》")]


def test_the_readings_file_loads() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    assert ruby.load_exceptions(root / "data" / "readings.yml", root)["20日"] == "はつか"

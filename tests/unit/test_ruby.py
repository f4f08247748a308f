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
    exceptions, titles = ruby.load_readings(root / "data" / "readings.yml", root)
    assert exceptions["20日"] == "はつか"
    assert titles["厚生労働省 ひきこもりVOICE STATION"] == (
        "｜厚生《こうせい》｜労働省《ろうどうしょう》 ひきこもりVOICE STATION")
    assert all(ruby.strip(notation) == title for title, notation in titles.items())


def test_cited_titles_get_their_readings_and_keep_their_text() -> None:
    titles = {"厚生労働省「A & B」": "｜厚生労働省《こうせいろうどうしょう》「A & B」"}
    page = ('<p>出典：<a href="https://x/"><cite>厚生労働省「A &amp; B」</cite></a> '
            '<cite>内閣府 資料</cite> <cite>みんなの ページ</cite></p>')
    out = ruby.cite_readings(page, titles)
    assert "<cite><ruby>厚生労働省<rt>こうせいろうどうしょう</rt></ruby>「A &amp; B」</cite>" in out
    # the title without its readings is the title as cited, character for character
    assert ruby.strip_html_ruby(out.split("<cite>")[1].split("</cite>")[0]) == "厚生労働省「A & B」"
    assert ruby.bare_citations(out) == ["内閣府 資料"]  # no entry: named, so the build can say which


@pytest.mark.parametrize(("reading", "expected"), [
    ("｜厚生労働省《こうせいろうどうしょう》「B」", "with readings added"),  # does not give the title back
    ("｜厚生《こうせい》労働省「A」", "a reading for every kanji"),
])
def test_a_wrong_title_reading_stops_the_build_naming_it(tmp_path, reading: str, expected: str) -> None:
    from tsunagu.data.problems import DataError

    # A bad exception in the same file is named in the same message: every error at once.
    (tmp_path / "readings.yml").write_text("exceptions:\n  - {base: 20日, reading: hatsuka}\n"
                                           f"titles:\n  - title: 厚生労働省「A」\n    reading: {reading}\n",
                                           encoding="utf-8")
    with pytest.raises(DataError) as err:
        ruby.load_readings(tmp_path / "readings.yml", tmp_path)
    assert "titles[0].reading" in str(err.value) and expected in str(err.value)
    assert "exceptions[0].reading" in str(err.value)

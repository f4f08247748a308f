"""Facts come from data: numbers and hours typed into pages are found, [[if-busy]] carries the crisis
numbers in every language, and never-publish numbers are found in any written form."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import pytest

from tests.conftest import ESSENTIALS_LANGS, ROOT, mkdocs_config
from tsunagu.content import prose_facts
from tsunagu.content.macros import MacroError, expand_macros
from tsunagu.data.loader import load_site
from tsunagu.data.problems import DataError
from tsunagu.data.strings import load_strings
from tsunagu.pages import fragments
from tsunagu.publish import forbidden

LANGS = tuple(lang["locale"] for lang in next(
    p["i18n"] for p in mkdocs_config()["plugins"]
    if isinstance(p, dict) and "i18n" in p
)["languages"])

# (line as an editor may write it, what the check must report as written)
TYPED = [
    ("電話は 0120-783-556 です。", "0120-783-556"),
    ("Call 0120783556 today.", "0120783556"),
    ("北九州いのちの電話（093・653・4343）", "093・653・4343"),
    ("番号は０９３－６５３－４３４３です", "０９３－６５３－４３４３"),
    ("(093) 653-4343", "093) 653-4343"),
    ("+81-93-653-4343 from abroad", "+81-93-653-4343"),
    ("0120-0-78310 に電話", "0120-0-78310"),
    ("救急は119番", "119"),
    ("call 110 now", "110"),
    ("虐待かもと思ったら189へ", "189"),
    ("救急車（１１９）", "１１９"),
    ("#7119 に相談", "#7119"),
    ("＃９１１０", "＃９１１０"),
    ("<a href=\"tel:0936534343\">call</a>", "0936534343"),
    ("weekdays, 9:00–17:00.", "9:00–17:00"),
    ("open from 16:00", "16:00"),
    ("１６：００から", "１６：００"),
    ("毎月10日は朝8時から", "朝8時"),
    ("午後4時半まで", "午後4時半"),
    ("9時から17時まで", "9時"),
    ("朝《あさ》8時《じ》から", "朝《あさ》8時"),
    ("from 8 a.m.", "8 a.m."),
    ("from 4 pm", "4 pm"),
    ("until 9PM", "9PM"),
    ("mở cửa từ 16h", "16h"),
    ("16h30 mỗi ngày", "16h30"),
    ("từ 8 giờ sáng", "8 giờ sáng"),
    ("오후 4시부터", "오후 4시"),
    ("16시부터 21시까지", "16시"),
    ("下午4点开始", "下午4点"),
    ("16点至21点", "16点至21点"),
    ("16时开始", "16时"),
    ("午後１６時", "午後１６時"),
]
# Lines the check must leave alone: years, dates, ages, counts, percentages, prefixes, link targets,
# macros, attribute lists, and "24 hours" in every language.
LEFT_ALONE = [
    "2019年9月20日に番号が変わりました。",
    "The number changed on 20 September 2019.",
    "18歳までの子どものための電話です。",
    "for children up to 18",
    "10の言語で相談できます。",
    "110%",
    "189人が回答しました",
    "119 people answered",
    "「0120」で始まる番号は、通話料が無料です。",
    "Numbers that start with 0570 are not free.",
    "救急 [[tel emergency-119]] に電話",
    "[[service jido-gyakutai-189]]",
    "[市政だより](https://www.city.kitakyushu.lg.jp/page/dayori/260215/healthy/healthy.html)",
    "see https://example.org/0120783556/",
    "## Lines open 24 hours { #24-hours }",
    "24時間つながる電話",
    "24時間《じかん》の電話《でんわ》",
    "24시간 무료 전화예요",
    "24小时热线",
    "Điện thoại 24 giờ, có cả chat",
    "mở 24h",
    "open 24 hours, every day",
    "UCLA 3項目（3〜12点）",
    "1時間ほど話しました",
    "2時間",
    "&#8203;",
    "2026-11-26",
    "1,119",
    "page 3.119",
    "10 languages",
]


@pytest.mark.parametrize(("line", "expected"), TYPED)
def test_typed_numbers_and_hours_are_found(line: str, expected: str) -> None:
    found = [text for _, text in prose_facts.find_in_line(line)]
    assert expected in found, found


@pytest.mark.parametrize("line", LEFT_ALONE)
def test_years_ages_counts_links_and_24_hours_are_left_alone(line: str) -> None:
    assert prose_facts.find_in_line(line) == []


def test_findings_name_file_line_text_and_what_to_do(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "services").mkdir(parents=True)
    (docs / "talk-now.en.md").write_text(
        "# Talk\n\nFine [[tel emergency-119]].\n\nOpen 9:00–17:00, call 0120-000-000.\n", encoding="utf-8")
    (docs / "services" / "x.md").write_text("---\ntitle: 119番\n---\n", encoding="utf-8")  # generated: skipped
    findings = prose_facts.check_docs(docs, tmp_path, skip={"services/x.md"})
    assert [str(f) for f in findings] == [
        "docs/talk-now.en.md, line 5: opening hours '9:00–17:00' typed into the text; " + prose_facts.ADVICE[
            "opening hours"],
        "docs/talk-now.en.md, line 5: phone number '0120-000-000' typed into the text; " + prose_facts.ADVICE[
            "phone number"],
    ]
    assert "[[tel ID]]" in prose_facts.ADVICE["phone number"] and "[[service ID]]" in prose_facts.ADVICE[
        "opening hours"]
    message = prose_facts.report(findings)
    assert message.startswith("2 phone number(s) or opening hours typed into pages")
    assert "previously built site was left as it was" in message


def test_the_pages_of_this_site_have_no_typed_numbers_or_hours() -> None:
    # Generated pages (git-ignored folders) are written from data by the build and are skipped there.
    generated = ("services/", "topics/", "audiences/", "self-check/", "generated/")
    findings = [f for f in prose_facts.check_docs(ROOT / "docs", ROOT)
                if not f.file.removeprefix("docs/").startswith(generated)]
    assert findings == []


# [[if-busy]] --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_site():  # type: ignore[no-untyped-def]
    return load_site(ROOT, LANGS, essentials=ESSENTIALS_LANGS, today=dt.date.today())


@pytest.mark.parametrize("lang", LANGS)
def test_if_busy_has_both_crisis_numbers_in_every_language(real_site, lang: str) -> None:  # type: ignore[no-untyped-def]
    s = load_strings(LANGS)[lang]
    html = expand_macros("[[if-busy chat]]", real_site, lang, s)
    assert re.findall(r'href="(tel:[^"]+)"', html) == ["tel:119", "tel:110"]
    assert '<a href="#chat">' in html
    for key in ("busy.lead", "busy.wait", "busy.other"):
        assert fragments.text(s(key)) in html  # the advice is there, with its furigana
    for sid in ("emergency-119", "police-110"):  # each number's name is visible, not screen-reader-only
        svc = real_site.services[sid]
        assert fragments.text(svc.short_name[lang]) + " <a" in html
    assert "tg-sr-only" not in html


def test_tel_macro_has_no_hidden_name_that_could_differ_from_the_visible_text(real_site) -> None:  # type: ignore[no-untyped-def]
    s = load_strings(LANGS)["ja"]
    html = expand_macros("[[tel kia-one-stop]]", real_site, "ja", s)
    assert html.strip() == '<a class="tg-tel" href="tel:0936435931">093-643-5931</a>'


@pytest.mark.parametrize("lang", LANGS)
def test_every_talk_now_page_takes_its_busy_section_from_the_macro(lang: str) -> None:
    page = ROOT / "docs" / ("talk-now.md" if lang == "ja" else f"talk-now.{lang}.md")
    text = page.read_text(encoding="utf-8")
    section = text[text.index("{ #busy }"):]
    section = section[: section.find("\n## ") if "\n## " in section else len(section)]
    assert section.split("\n", 1)[1].strip() == "[[if-busy chat]]"


def test_if_busy_without_an_emergency_line_stops_with_a_message(real_site) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    site = replace(real_site, services={k: v for k, v in real_site.services.items() if "emergency" not in v.topics})
    with pytest.raises(MacroError, match="needs a service with topic 'emergency'"):
        expand_macros("[[if-busy]]", site, "en", load_strings(["en"])["en"])


# Never-publish numbers ------------------------------------------------------------------------

OLD = forbidden.Forbidden("093-671-4343", "the old number", "data/services/x.yml")
MISPRINT = forbidden.Forbidden("0570-046-556", "a misprint", "data/never-publish.yml", "kokoro-no-kenko-dial")
DISGUISED = [
    ("093-671-4343", "093-671-4343"), ("0936714343", "0936714343"), ("093・671・4343", "093・671・4343"),
    ("093 671 4343", "093 671 4343"), ("０９３－６７１－４３４３", "０９３－６７１－４３４３"),
    ("093ー671ー4343", "093ー671ー4343"), ("093‐671‐4343", "093‐671‐4343"), ("093–671–4343", "093–671–4343"),
    ("(093) 671-4343", "093) 671-4343"), ("+81-93-671-4343", "+81-93-671-4343"),
    ("+81 (0)93 671 4343", "+81 (0)93 671 4343"), ('href="tel:0936714343"', "0936714343"),
    ("093\n671\n4343", "093 671 4343"), ("0570-046-556", "0570-046-556"),
    ("０５７０・０４６・５５６", "０５７０・０４６・５５６"),
]
NOT_FORBIDDEN = ["093-653-4343", "0570-064-556", "10936714343", "093-671-43431", "2019-09-20", "0570-046-5567"]


@pytest.mark.parametrize(("text", "form"), DISGUISED)
def test_never_publish_numbers_are_found_in_any_written_form(text: str, form: str) -> None:
    assert [f for _, f in forbidden.find(f"x {text} y", [OLD, MISPRINT])] == [form]


@pytest.mark.parametrize("text", NOT_FORBIDDEN)
def test_other_numbers_are_not_taken_for_never_publish_ones(text: str) -> None:
    assert forbidden.find(text, [OLD, MISPRINT]) == []


def test_the_pre_filter_finds_what_every_pattern_over_every_text_finds() -> None:
    # check_site runs a number's pattern only over texts whose separator-free digits hold its key; random
    # texts built from digits (both widths), every kind of separator, "+81 (0)" and letters must give the
    # same hits as running every pattern everywhere.
    rng = random.Random(15)
    numbers = [OLD, MISPRINT, forbidden.Forbidden("#7119", "x", "y"), forbidden.Forbidden("0120-0-78310", "x", "y")]
    pieces = ["093", "671", "4343", "０９３", "６７１", "0570", "046", "556", "7119", "＃", "#", "+81", "(0)", "1",
              "-", "・", " ", "\n", "（", "）", "ー", "x", "/", "0120", "0", "78310", "５５６", "&"]
    separators = ["", "", "-", "・", " ", "\n", "(", ")", "ー", "－", "/", "--", " - ", "....", "x"]
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        if rng.random() < 0.6:  # a number written with random separators (some too long, some not separators)
            digits = re.sub(r"\D", "", rng.choice(numbers).value)
            start = rng.choice(["", "#", "＃", "+81 ", "+81-(0)", "+81 "]) if rng.random() < 0.4 else ""
            digits = digits[1:] if start.startswith("+") and digits[0] == "0" else digits
            text += start + "".join((d if rng.random() < 0.7 else chr(0xFF10 + int(d)))
                                    + (rng.choice(separators) if rng.random() < 0.5 else "") for d in digits)
        text += "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        brute = [(n, " ".join(m.group(0).split())) for n in numbers for m in n.pattern.finditer(text)]
        assert forbidden.find(text, numbers) == brute, text
        found += bool(brute)
    assert found > 100  # the texts do hold numbers, in many forms

def test_the_pre_filter_skips_texts_that_cannot_hold_a_number() -> None:
    finder = forbidden._Finder([OLD, MISPRINT])
    assert finder.candidates("Call 093-653-4343 or 0570-064-556, 2019-09-20") == set()
    assert finder.candidates("old: ０９３ (671) 4343") == {0}
    assert finder.candidates("+81 (0)570 046 556") == {1}


def test_the_list_has_superseded_numbers_and_the_misprint() -> None:
    site = load_site(ROOT, LANGS, essentials=ESSENTIALS_LANGS, today=dt.date.today())
    numbers = {n.value: n for n in forbidden.load(ROOT, site)}
    assert numbers["093-671-4343"].recorded_in == "data/services/inochi-no-denwa-kitakyushu.yml"
    assert numbers["0570-046-556"].recorded_in == "data/never-publish.yml"
    assert numbers["0570-046-556"].instead == "kokoro-no-kenko-dial"


def test_a_bad_never_publish_file_lists_every_problem() -> None:
    site = load_site(ROOT, LANGS, essentials=ESSENTIALS_LANGS, today=dt.date.today())
    root = ROOT / "tests" / "data" / "never-publish"
    with pytest.raises(DataError) as info:
        forbidden.load(root, site)
    assert str(info.value) == (root / "expected.txt").read_text(encoding="utf-8").rstrip("\n")


def test_site_check_names_the_file_and_the_form(tmp_path: Path) -> None:
    (tmp_path / "en" / "talk-now").mkdir(parents=True)
    (tmp_path / "en" / "talk-now" / "index.html").write_text("<p>Old: 093<span>-</span>671-4343</p>", encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "services.json").write_text('{"note": "\\uff10\\uff15\\uff17\\uff10-046-556"}',
                                                     encoding="utf-8")
    (tmp_path / "kit").mkdir()
    (tmp_path / "kit" / "flyer.pdf").write_bytes(b"%PDF")
    (tmp_path / "logo.png").write_bytes(b"0936714343")  # not a text file: not read
    hits = forbidden.check_site(tmp_path, [OLD, MISPRINT], pdf_text=lambda p: "call 0570 046\n556")
    assert sorted(str(h) for h in hits) == [
        "data/services.json: '０５７０-046-556' is 0570-046-556, which must never be published (a misprint; listed "
        "in data/never-publish.yml). Use [[tel kokoro-no-kenko-dial]] or [[service kokoro-no-kenko-dial]] instead",
        "en/talk-now/index.html: '093-671-4343' is 093-671-4343, which must never be published (the old number; "
        "listed in data/services/x.yml)",
        "kit/flyer.pdf: '0570 046 556' is 0570-046-556, which must never be published (a misprint; listed in "
        "data/never-publish.yml). Use [[tel kokoro-no-kenko-dial]] or [[service kokoro-no-kenko-dial]] instead",
    ]
    assert forbidden.report(hits, shown=1).split("\n") == [
        "Numbers that must never be published were found in 3 file(s) of the built site; nothing was published:",
        "  - 0570-046-556 must never be published (a misprint; listed in data/never-publish.yml). Use "
        "[[tel kokoro-no-kenko-dial]] or [[service kokoro-no-kenko-dial]] instead. Found:",
        "      '０５７０-046-556' in data/services.json",
        "      '0570 046 556' in kit/flyer.pdf",
        "  - 093-671-4343 must never be published (the old number; listed in data/services/x.yml). Found:",
        "      '093-671-4343' in en/talk-now/index.html",
        "Remove each from the page or data the files are made from, then build again. The previously built site "
        "was left as it was.",
    ]
    many = [forbidden.Hit(f"p{i}/index.html", "0936714343", OLD) for i in range(10)]
    assert "'0936714343' in p0/index.html, p1/index.html and 8 more" in forbidden.report(many, shown=2)


def test_interface_strings_have_no_typed_numbers_or_hours() -> None:
    # [[if-busy]] and the cards read these: a number typed into busy.danger would bypass the data.
    typed = {(lang, key): found for lang, s in load_strings(LANGS).items() for key, value in s.table.items()
             if (found := prose_facts.find_in_line(value))}
    assert typed == {}

"""What readers see of the evidence: the source line on cards in every language, and the
"report a change" link on service pages."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import ESSENTIALS_LANGS
from tests.conftest import SITE_LANGS as LANGS
from tsunagu.data.loader import load_site
from tsunagu.data.model import Source
from tsunagu.data.strings import load_strings
from tsunagu.directory import listing
from tsunagu.pages import fragments, ruby

DATA = Path(__file__).resolve().parent.parent / "data"
STRINGS = load_strings(LANGS)
UPDATED = dt.date(2026, 11, 26)


def _line(source: Source, lang: str) -> str:
    return fragments.source_line(source, dt.date(2026, 11, 26), STRINGS[lang], UPDATED)


@pytest.mark.parametrize(("as_of", "ja", "en"), [
    ("2026-02-15", "（2026年2月15日）", "(15 Feb 2026)"),
    ("2026-02", "（2026年2月）", "(Feb 2026)"),
    ("2025", "（2025年）", "(2025)"),
    ("unknown", "（日付不明）", "(date not known)"),
])
def test_the_source_date_is_as_precise_as_the_data(as_of: str, ja: str, en: str) -> None:
    src = Source(title="市政だより", url="https://www.example.org/", kind="government", as_of=as_of)
    assert f"</a>{ja}、2026-11-26 確認" in _line(src, "ja")
    assert f"</a> {en}, checked 2026-11-26" in _line(src, "en")


def test_a_source_over_two_years_old_asks_the_reader_to_check_in_every_language() -> None:
    old = Source(title="区役所の一覧", url="https://www.example.org/", kind="government",
                 as_of="2024-11")  # starts 2024-11-01
    recent = dataclasses.replace(old, as_of="2024-11-26")  # exactly two years: not yet
    for lang in LANGS:
        assert "tg-source__old" in _line(old, lang) and "2024" in _line(old, lang), lang
        assert "tg-source__old" not in _line(recent, lang), lang
    easy = re.sub(r"<cite>.*?</cite>", "", _line(old, "ja-easy"))  # cited titles keep their kanji
    assert "｜年" not in easy and not ruby.kanji_outside_ruby_html(easy)
    assert "2024年の情報です。最新の情報をご確認ください。" in _line(old, "ja")
    assert "Last confirmed 2024 — please check" in _line(old, "en")
    assert "tg-source__old" not in _line(dataclasses.replace(old, as_of="unknown"), "ja")


def test_well_known_numbers_show_where_they_come_from_without_a_date_or_link() -> None:
    src = Source(title="全国共通の緊急通報番号", kind="government", as_of="unknown", well_known=True)
    assert _line(src, "ja") == ('<small class="tg-source">出典：<cite>全国共通の緊急通報番号</cite>、'
                                "2026-11-26 確認</small>")


def _service_page(lang: str, email: str) -> str:
    site = load_site(DATA / "base", ("ja", "en"), today=UPDATED)
    site = dataclasses.replace(site, editors_email=email)
    s = load_strings(["ja", "en"])[lang]
    return listing.service_page(site.services["town-line"], site, lang, s, lambda p: "/" + p)


@pytest.mark.parametrize(("lang", "subject", "asks"), [
    ("ja", "掲載情報の変更：town-line（ja）", "変わっていたこと"),
    ("en", "Change to listing: town-line (en)", "What has changed"),
])
def test_report_a_change_is_a_plain_prefilled_mailto_link(lang: str, subject: str, asks: str) -> None:
    page = _service_page(lang, "editors@example.org")
    hrefs = [unescape(h) for h in re.findall(r'href="(mailto:[^"]+)"', page)]
    assert len(hrefs) == 1
    url = urlsplit(hrefs[0])
    assert url.path == "editors@example.org"
    query = parse_qs(url.query)
    assert query["subject"] == [subject]
    assert query["body"][0].startswith(asks) and "\r\n" in query["body"][0]
    assert "<script" not in page and "<form" not in page


def test_no_editors_address_means_no_link() -> None:
    page = _service_page("ja", "")
    assert "mailto:" not in page and "tg-report" not in page


def test_kitakyushu_has_no_editors_address_yet_and_says_so() -> None:
    root = Path(__file__).resolve().parent.parent.parent
    site = load_site(root, LANGS, essentials=ESSENTIALS_LANGS, today=dt.date(2026, 12, 1))
    assert site.editors_email == ""
    assert any("'editors_email' is not set" in w for w in site.warnings)
    verified = [c for sv in site.services.values() for c in sv.contacts if c.verified]
    # every verified contact has a page to check, except the national emergency numbers
    assert {c.value for c in verified if c.source and not c.source.url} == {"110", "119"}

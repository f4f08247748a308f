"""What a reader sees (and hears) of a contact row: unconfirmed contacts say what is missing in the words
of their kind, and point somewhere that helps; the city's ward entries on the real data say whose number
it is and what to do today."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from html import unescape
from pathlib import Path

import pytest

from tests.conftest import ESSENTIALS_LANGS
from tests.conftest import SITE_LANGS as LANGS
from tsunagu.data.loader import CONTACT_TYPES, load_site
from tsunagu.data.model import Contact, Service, Site
from tsunagu.data.strings import load_strings
from tsunagu.directory import listing
from tsunagu.pages import fragments, ruby

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "tests" / "data"
STRINGS = load_strings(LANGS)
WARDS = ("moji", "kokurakita", "kokuraminami", "wakamatsu", "yahatahigashi", "yahatanishi", "tobata")


@pytest.fixture(scope="module")
def city() -> Site:
    """The site's own data (data/services/), as the build reads it."""
    return load_site(ROOT, LANGS, essentials=ESSENTIALS_LANGS, today=dt.date(2026, 12, 1))


@pytest.fixture(scope="module")
def town() -> Site:
    return load_site(DATA / "base", ("ja", "en"), today=dt.date(2026, 11, 26))


def _visible(html: str) -> str:
    """The text a reader sees: tags dropped, furigana readings (<rt>) dropped."""
    return unescape(re.sub(r"<[^>]+>", "", re.sub(r"<rt>.*?</rt>", "", html)))


def _unconfirmed(row: str) -> str:
    found = re.search(r'<span class="tg-unconfirmed">(.*?)</span>', row)
    assert found, row
    return _visible(found.group(1))


def _row(c: Contact, service: Service, lang: str) -> str:
    return fragments.contact_row(c, service, lang, STRINGS[lang])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", CONTACT_TYPES)
def test_an_unconfirmed_contact_names_what_is_missing_for_its_kind(town: Site, kind: str, lang: str) -> None:
    service = town.services["town-line"]
    c = dataclasses.replace(service.contacts[0], type=kind, value="", status="unverified", label={})
    row = _row(c, service, lang)
    assert _unconfirmed(row) == ruby.strip(STRINGS[lang](f"contact.unconfirmed.{kind}"))
    assert "tel:" not in row and "data-tg-hours" not in row and "data-tg-line" not in row
    # An address, a chat or a page is never called a "number" (the phone's wording stays the phone's).
    if kind != "phone":
        assert _unconfirmed(row) != ruby.strip(STRINGS[lang]("contact.unconfirmed.phone"))


def test_the_wording_by_kind_in_english_and_japanese(town: Site) -> None:
    service = town.services["town-line"]
    expected = {"phone": ("電話番号は確認中です。", "Number not confirmed yet."),
                "visit": ("住所は確認中です。", "Address not confirmed yet."),
                "chat": ("チャットのリンクは確認中です。", "Chat link not confirmed yet."),
                "web": ("ページのリンクは確認中です。", "Link not confirmed yet.")}
    for kind, (ja, en) in expected.items():
        c = dataclasses.replace(service.contacts[0], type=kind, status="unverified")
        assert (_unconfirmed(_row(c, service, "ja")), _unconfirmed(_row(c, service, "en"))) == (ja, en)


def test_after_the_gap_comes_the_official_site_else_the_confirmed_contacts_else_the_ward_office(
        town: Site) -> None:
    service = town.services["town-line"]
    gap = dataclasses.replace(service.contacts[0], status="unverified")
    with_site = dataclasses.replace(service, url="https://www.example.org/line")
    row = _row(gap, with_site, "en")
    assert '<a href="https://www.example.org/line" rel="noreferrer">Check it on the official site</a>' in row
    # No site, but the service has a confirmed contact: point to it, not away to the ward office.
    assert any(c.verified for c in service.contacts)
    row = _row(gap, dataclasses.replace(service, url=""), "en")
    assert "Please use one of the other ways to reach them listed here." in row
    assert "ward office" not in row
    # Nothing confirmed at all: the ward office is the last word.
    alone = dataclasses.replace(service, url="", contacts=(gap,))
    assert "Ask your ward office for current contact details." in _row(gap, alone, "en")


def test_yell_address_is_an_unconfirmed_address_not_a_number(city: Site) -> None:
    yell = city.services["yell"]
    visit = next(c for c in yell.contacts if c.type == "visit")
    assert not visit.verified
    assert _unconfirmed(_row(visit, yell, "ja")) == "住所は確認中です。"
    assert _unconfirmed(_row(visit, yell, "en")) == "Address not confirmed yet."
    assert "ウェルとばた" not in _row(visit, yell, "ja")  # an unconfirmed value is stored, never shown


def _ward_page(city: Site, ward: str, lang: str) -> str:
    service = city.services[f"ward-{ward}"]
    return listing.service_page(service, city, lang, STRINGS[lang], lambda p: "/" + p)


def _tel(city: Site, sid: str) -> str:
    phone = city.services[sid].main_phone()
    assert phone is not None and phone.verified, sid
    return phone.tel_href


@pytest.mark.parametrize("ward", WARDS)
def test_a_ward_entry_is_the_welfare_office_and_says_what_to_do_today(city: Site, ward: str) -> None:
    service = city.services[f"ward-{ward}"]
    phone = next(c for c in service.contacts if c.type == "phone")
    # Whose number it is: the ward welfare office (file_0466), never the network section.
    assert "福祉事務所" in service.name["ja"] and phone.label["ja"] == "福祉事務所"
    assert "窓口です" not in service.description["ja"] and "entrance to" not in service.description["en"]
    for lang in LANGS:
        page = _ward_page(city, ward, lang)
        assert "aria-label" not in page and "tg-sr-only" not in page  # heard = seen
        assert ruby.strip(STRINGS[lang]("contact.no_site")) not in _visible(page), lang
        busy = page[page.index('id="if-busy"'):]
        busy = busy[:busy.index('id="details"')]
        # Today: the city's line and 24-hour lines, each tappable, from the data.
        for sid in ("kitakyushu-suicide-prevention-line", "inochi-no-denwa-kitakyushu", "yorisoi-hotline"):
            assert f'href="{_tel(city, sid)}"' in busy, (ward, lang, sid)
        assert 'href="/services/inochi-no-denwa-kitakyushu/"' in busy
        # The network's own page is linked from every ward entry.
        assert 'href="https://ssl.city.kitakyushu.lg.jp/ho-huku/file_0471.html"' in page
    if phone.verified:
        assert f'<a class="tg-tel" href="{phone.tel_href}">{phone.value}</a>' in _ward_page(city, ward, "ja")
    else:
        # 八幡西・戸畑: only old switchboard numbers exist; the row says so, and shows no number.
        row = _row(phone, service, "ja")
        assert _unconfirmed(row) == "電話番号は確認中です。" and "古い区役所の代表番号" in row
        assert "tel:" not in row and "Only an old switchboard number" in _row(phone, service, "en")


def test_only_yahatanishi_and_tobata_lack_a_confirmed_ward_number(city: Site) -> None:
    missing = {w for w in WARDS if not (p := city.services[f"ward-{w}"].main_phone()) or not p.verified}
    assert missing == {"yahatanishi", "tobata"}


def test_the_kokoro_dial_planned_free_number_is_never_a_number(city: Site) -> None:
    dial = city.services["kokoro-no-kenko-dial"]
    planned = [c for c in dial.contacts if c.label.get("ja") == "無料の番号（予定）"]
    assert len(planned) == 1 and not planned[0].verified and planned[0].value == ""
    card = fragments.service_card(dial, city, "ja", STRINGS["ja"])
    assert re.findall(r'href="(tel:[^"]+)"', card) == ["tel:0570064556"]
    assert "電話番号は確認中です。" in _visible(card) and "ほかの連絡方法" in _visible(card)


def test_childline_is_the_national_number(city: Site) -> None:
    line = city.services["childline"]
    assert line.area == "national" and "全国共通" in line.organisation["ja"]
    assert "anywhere in Japan" in line.description["en"]


def test_the_food_bank_number_says_what_is_not_confirmed(city: Site) -> None:
    bank = city.services["foodbank-kitakyushu"]
    phone = bank.contacts[0]
    assert phone.verified and phone.label["ja"] == "団体の電話"
    assert phone.hours.public_holidays == "unknown" and phone.hours.year_end == "unknown"
    assert "確認中" in phone.note["ja"] and "not confirmed" in phone.note["en"]


def test_every_unconfirmed_contact_says_why_in_every_language(city: Site) -> None:
    missing = [(sv.id, i) for sv in city.services.values() for i, c in enumerate(sv.contacts)
               if not c.verified and set(c.note) != set(LANGS)]
    assert missing == []
    for sv in city.services.values():
        for c in sv.contacts:
            if not c.verified:
                assert not ruby.kanji_outside_ruby(c.note["ja-easy"]), (sv.id, c.note["ja-easy"])


def test_kia_office_number_is_labelled_the_associations_not_the_centres(city: Site) -> None:
    kia = city.services["kia-one-stop"]
    card = fragments.service_card(kia, city, "ja", STRINGS["ja"])
    office = re.search(r'<span class="tg-contact__kind">([^<]*)</span><span class="tg-contact__action">'
                       r'<a class="tg-tel" href="tel:0936435931">', card)
    assert office and office.group(1) == "協会の事務所"
    assert "センター専用の電話</span><span class=\"tg-contact__action\"><span class=\"tg-unconfirmed\">" in card


def test_a_row_is_made_once_per_contact_and_never_for_another_object(town: Site) -> None:
    """Rows are reused within a build (a contact shows on several pages), but only for the very objects they
    were made from: an equal-looking contact that says something else gets its own row."""
    service = next(sv for sv in town.services.values() if sv.contacts)
    contact, s = service.contacts[0], STRINGS["ja"]
    first = fragments.contact_row(contact, service, "ja", s, compact=True)
    assert fragments.contact_row(contact, service, "ja", s, compact=True) is first, "the same row, not made again"
    assert fragments.contact_row(contact, service, "ja", s, compact=False) != first, "compact is part of the key"
    changed = dataclasses.replace(contact, label={"ja": "べつの窓口", "en": "Another desk"})
    other = dataclasses.replace(service, contacts=(changed, *service.contacts[1:]))
    row = fragments.contact_row(changed, other, "ja", s, compact=True)
    assert "べつの窓口" in row and row == fragments._contact_row(changed, other, "ja", s, True, None)

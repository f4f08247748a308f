"""The directory in Chromium: filters and open-now with a fixed clock, no network request, works without JS."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

JST = dt.timezone(dt.timedelta(hours=9))


def _visible_ids(page: Page) -> list[str]:
    return page.locator(".tg-entry[data-id]:visible").evaluate_all("els => els.map(e => e.dataset.id)")


def _open_directory(page: Page, site_url: str, when: dt.datetime, lang: str = "en") -> None:
    page.clock.set_fixed_time(when)
    page.goto(f"{site_url}{lang}/directory/")
    page.locator("#tg-filters").wait_for(state="visible")
    page.locator(".tg-filters__more > summary").click()  # age, method and language are folded away


def test_topic_and_age_filters(page: Page, site_url: str) -> None:
    _open_directory(page, site_url, dt.datetime(2026, 11, 26, 12, 0, tzinfo=JST))
    total = len(_visible_ids(page))
    assert total >= 30
    page.select_option("#tg-f-topic", "food")
    assert _visible_ids(page) == ["foodbank-kitakyushu"]
    assert page.locator("#tg-count").inner_text() == f"1 of {total} shown"
    page.select_option("#tg-f-topic", "")
    page.select_option("#tg-f-age", "teens")
    teens = _visible_ids(page)
    assert "childline" in teens and "step-hikikomori" not in teens  # すてっぷ is for 18 and over
    page.get_by_role("button", name="Show all").click()
    expect(page.locator(".tg-entry[data-id]:visible")).to_have_count(total)


def test_a_ward_chosen_then_cleared_puts_every_entry_back_in_its_place(page: Page, site_url: str) -> None:
    # directory.js moves only the entries out of place (a city may list a thousand): a ward's own entries go to
    # the top group and come back to their own group, in the same order as before, when the ward is cleared.
    _open_directory(page, site_url, dt.datetime(2026, 11, 26, 12, 0, tzinfo=JST))
    where = "els => els.map(e => e.closest('.tg-group').dataset.group + ':' + e.dataset.id)"
    before = page.locator(".tg-entry[data-id]").evaluate_all(where)
    page.select_option("#tg-f-area", "moji")
    moved = page.locator(".tg-entry[data-id]").evaluate_all(where)
    assert moved[0].startswith("ward:ward-moji") and moved != before
    page.select_option("#tg-f-area", "")
    assert page.locator(".tg-entry[data-id]").evaluate_all(where) == before
    assert page.locator('.tg-group[data-group="ward"]').is_hidden()


def test_language_area_and_method_filters(page: Page, site_url: str) -> None:
    _open_directory(page, site_url, dt.datetime(2026, 11, 26, 12, 0, tzinfo=JST))
    page.select_option("#tg-f-language", "vi")
    vi = _visible_ids(page)
    assert "kia-one-stop" in vi and "yorisoi-hotline" in vi  # "several languages, ask which"
    assert "inochi-no-denwa-kitakyushu" not in vi
    page.select_option("#tg-f-language", "")
    page.select_option("#tg-f-area", "moji")
    area = _visible_ids(page)
    assert "ward-moji" in area and "ward-tobata" not in area and "yorisoi-hotline" in area
    page.select_option("#tg-f-area", "")
    page.select_option("#tg-f-method", "chat")
    assert set(_visible_ids(page)) >= {"anata-no-ibasho", "dv-soudan-plus", "childline"}
    assert "inochi-no-denwa-kitakyushu" not in _visible_ids(page)


def _visible_lines(page: Page, sid: str) -> list[str]:
    entry = page.locator(f'.tg-entry[data-id="{sid}"]')
    return entry.locator("[data-tg-line]:visible .tg-contact__kind").all_inner_texts()


def test_language_and_open_now_pick_lines_not_services(page: Page, site_url: str) -> None:
    # Saturday 03:00, English and open now: よりそい's 24 hours are in Japanese (its "press 2" line has
    # hours nobody has confirmed) and DV相談＋ takes other languages by chat, 12:00–22:00, not by phone.
    _open_directory(page, site_url, dt.datetime(2026, 12, 5, 3, 0, tzinfo=JST))
    page.select_option("#tg-f-language", "en")
    page.check("#tg-f-open")
    shown = _visible_ids(page)
    assert "yorisoi-hotline" not in shown and "dv-soudan-plus" not in shown
    # The same at Saturday 13:00: DV相談＋ is listed through its chat; its Japanese-only phone is hidden.
    _open_directory(page, site_url, dt.datetime(2026, 12, 5, 13, 0, tzinfo=JST))
    page.select_option("#tg-f-language", "en")
    page.check("#tg-f-open")
    assert "dv-soudan-plus" in _visible_ids(page)
    assert _visible_lines(page, "dv-soudan-plus") == ["Chat"]
    # Without the language, both lines are back.
    page.select_option("#tg-f-language", "")
    page.uncheck("#tg-f-open")
    assert _visible_lines(page, "dv-soudan-plus") == ["Phone", "Chat"]


def test_each_line_says_which_languages_it_speaks(page: Page, site_url: str) -> None:
    _open_directory(page, site_url, dt.datetime(2026, 12, 5, 13, 0, tzinfo=JST))
    rows = page.locator('.tg-entry[data-id="yorisoi-hotline"] [data-tg-line] .tg-contact__details')
    texts = rows.all_inner_texts()
    assert any("Languages: Japanese" in t for t in texts)
    assert any("Languages: Several languages (ask which)" in t for t in texts)
    page.goto(f"{site_url}vi/services/dv-soudan-plus/")
    details = page.locator("[data-tg-line] .tg-contact__details").all_inner_texts()
    assert any("tiếng Nhật" in t for t in details)  # the phone, in the visitor's language


@pytest.mark.parametrize(
    ("when", "open_ids", "closed_ids"),
    [
        # Thursday 26 Nov 2026, 10:00: weekday lines are open
        (dt.datetime(2026, 11, 26, 10, 0, tzinfo=JST),
         {"kitakyushu-suicide-prevention-line", "inochi-no-denwa-kitakyushu", "inochi-no-denwa-national"},
         {"childline"}),
        # Tuesday 3 Nov 2026 (Culture Day), 10:00: the city's weekday line is closed on the holiday
        (dt.datetime(2026, 11, 3, 10, 0, tzinfo=JST), {"inochi-no-denwa-kitakyushu"},
         {"kitakyushu-suicide-prevention-line"}),
        # 30 Dec 2026, 17:00: ChildLine closes 29 Dec – 3 Jan
        (dt.datetime(2026, 12, 30, 17, 0, tzinfo=JST), {"yorisoi-hotline"}, {"childline"}),
        # 31 Dec 2026, 17:00 — the same in UTC, to show the device's clock zone does not matter
        (dt.datetime(2026, 12, 31, 8, 0, tzinfo=dt.UTC), {"yorisoi-hotline"}, {"childline"}),
        # 11 Dec 2026, 07:00: the national free line runs from 8:00 on the 10th to 8:00 on the 11th
        (dt.datetime(2026, 12, 11, 7, 0, tzinfo=JST), {"inochi-no-denwa-national"}, {"childline"}),
        # 27 Nov 2026, 03:00: #いのちSOS is open 24 h on Fridays, the Kitakyushu city line is not
        (dt.datetime(2026, 11, 27, 3, 0, tzinfo=JST), {"inochi-sos"}, {"kitakyushu-suicide-prevention-line"}),
    ],
)
def test_open_now_in_japan_time(page: Page, site_url: str, when: dt.datetime, open_ids: set[str],
                                closed_ids: set[str]) -> None:
    _open_directory(page, site_url, when)
    page.check("#tg-f-open")
    shown = set(_visible_ids(page))
    assert open_ids <= shown, open_ids - shown
    assert not (closed_ids & shown), closed_ids & shown
    state = page.locator('.tg-entry[data-id="inochi-no-denwa-kitakyushu"] .tg-state')
    assert state.inner_text() == "Open now"


def test_filtering_makes_no_request(page: Page, site_url: str) -> None:
    _open_directory(page, site_url, dt.datetime(2026, 11, 26, 12, 0, tzinfo=JST))
    page.wait_for_load_state("networkidle")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    for topic in ("loneliness", "youth", "food", ""):
        page.select_option("#tg-f-topic", topic)
    page.check("#tg-f-open")
    page.select_option("#tg-f-age", "older-people")
    page.wait_for_timeout(200)
    assert requests == []
    assert urlsplit(page.url).query == ""


def test_directory_without_javascript_lists_everything(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "vi/directory/")
    assert page.locator("#tg-filters").is_hidden()
    assert page.locator(".tg-entry[data-id]:visible").count() >= 30
    assert page.locator('a.tg-tel[href="tel:0936534343"]').first.is_visible()
    with page.expect_navigation(wait_until="load"):
        page.locator('a[href$="topics/foreign-residents/"]').first.click()
    assert page.locator('.tg-entry[data-id="kia-one-stop"]').is_visible()
    context.close()

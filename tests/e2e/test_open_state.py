""""Open now" belongs to one contact point: every page that shows a line shows that line's own state.

A fixed clock (Playwright's page.clock) in Japan time; each case names a line by its tel: link and the
state expected beside it, on every page type that shows it, in Japanese and English.
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page

JST = dt.timezone(dt.timedelta(hours=9))
NATIONAL_FREE, NATIONAL_NAVI = "tel:0120783556", "tel:0570783556"
CITY_LINE, CHILDLINE = "tel:0935220874", "tel:0120997777"
FOODBANK = "tel:0936725347"

# Pages that show each line: talk-now (cards), the directory (entries), the service's own page, a topic
# page and, for ChildLine, an audience page.
PAGES = {
    NATIONAL_FREE: ["talk-now/", "directory/", "services/inochi-no-denwa-national/", "topics/suicide-prevention/"],
    CITY_LINE: ["talk-now/", "directory/", "services/kitakyushu-suicide-prevention-line/",
                "topics/suicide-prevention/"],
    CHILDLINE: ["talk-now/", "directory/", "services/childline/", "audiences/children/"],
    FOODBANK: ["directory/", "services/foodbank-kitakyushu/", "topics/food/"],
}
STATE_TEXT = {
    "ja": {"open": "いま受付中", "closed_today": "きょうの受付は終了", "opens_at": "{t}から受付",
           "holiday": "きょうは休みかもしれません（祝日・年末年始）"},
    "en": {"open": "Open now", "closed_today": "Closed for the rest of today", "opens_at": "Opens at {t}",
           "holiday": "May be closed today (holiday)"},
}
CASES = [
    # Wednesday 10:00: only the national Navi Dial line is open; the free line opens at 16:00.
    (dt.datetime(2026, 12, 2, 10, 0, tzinfo=JST), {NATIONAL_NAVI: ("open", ""), NATIONAL_FREE: ("opens_at", "16:00")}),
    # Wednesday 17:00: both national lines are open; the city's weekday line has closed for the day.
    (dt.datetime(2026, 12, 2, 17, 0, tzinfo=JST),
     {NATIONAL_NAVI: ("open", ""), NATIONAL_FREE: ("open", ""), CITY_LINE: ("closed_today", "")}),
    # The 10th at 03:00: the free line's monthly 24 hours start at 8:00 that day.
    (dt.datetime(2026, 12, 10, 3, 0, tzinfo=JST),
     {NATIONAL_FREE: ("opens_at", "8:00"), NATIONAL_NAVI: ("opens_at", "10:00")}),
    # The 11th at 03:00: still inside the 10th's 24 hours (until 8:00 on the 11th).
    (dt.datetime(2026, 12, 11, 3, 0, tzinfo=JST), {NATIONAL_FREE: ("open", ""), NATIONAL_NAVI: ("opens_at", "10:00")}),
    # 30 December 17:00: ChildLine is closed for the year-end; the national lines' sources say nothing
    # about the year-end, so they "may be closed today", never "open".
    (dt.datetime(2026, 12, 30, 17, 0, tzinfo=JST),
     {CHILDLINE: ("closed_today", ""), NATIONAL_FREE: ("holiday", ""), NATIONAL_NAVI: ("holiday", "")}),
    # 30 December 10:00 (a Wednesday): the city's line is closed for the year-end (年末年始は除く).
    (dt.datetime(2026, 12, 30, 10, 0, tzinfo=JST), {CITY_LINE: ("closed_today", "")}),
    # 1 January 11:00 (a Friday): the food bank's source says nothing about holidays.
    (dt.datetime(2027, 1, 1, 11, 0, tzinfo=JST), {FOODBANK: ("holiday", "")}),
    # An ordinary Friday 11:00: the food bank is open.
    (dt.datetime(2026, 12, 4, 11, 0, tzinfo=JST), {FOODBANK: ("open", "")}),
    # Monday 23 November (Labour Thanksgiving Day) 10:00: the city's weekday line is closed on the holiday.
    (dt.datetime(2026, 11, 23, 10, 0, tzinfo=JST), {CITY_LINE: ("closed_today", ""), NATIONAL_NAVI: ("open", "")}),
]


def _state(page: Page, tel: str) -> tuple[str, str]:
    row = page.locator(f'[data-tg-contact]:has(a.tg-tel[href="{tel}"]) .tg-state').first
    row.wait_for(state="visible")
    kind = row.get_attribute("class") or ""
    return kind.split("tg-state--")[-1], row.inner_text().strip()


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("when", "expected"), CASES, ids=[c[0].strftime("%m%d-%H%M") for c in CASES])
def test_each_line_shows_its_own_state(page: Page, site_url: str, lang: str, when: dt.datetime,
                                       expected: dict[str, tuple[str, str]]) -> None:
    page.clock.set_fixed_time(when)
    prefix = "" if lang == "ja" else f"{lang}/"
    for tel, (state, time) in expected.items():
        for path in PAGES.get(tel, PAGES[NATIONAL_FREE]):
            page.goto(f"{site_url}{prefix}{path}")
            got_state, got_text = _state(page, tel)
            assert got_state == state, (path, tel)
            assert got_text == STATE_TEXT[lang][state].format(t=time), (path, tel)


def test_an_open_line_is_listed_first_in_its_service(page: Page, site_url: str) -> None:
    # Wednesday 10:00: the card lists the open Navi Dial line above the free line that opens later.
    page.clock.set_fixed_time(dt.datetime(2026, 12, 2, 10, 0, tzinfo=JST))
    for path in ("en/talk-now/", "en/services/inochi-no-denwa-national/", "en/directory/"):
        page.goto(site_url + path)
        card = page.locator('[data-tg-service="inochi-no-denwa-national"]').first
        card.locator(".tg-state").first.wait_for(state="visible")
        tels = card.locator("a.tg-tel").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        assert tels[:2] == [NATIONAL_NAVI, NATIONAL_FREE], path
        first_state = card.locator(".tg-state").first
        assert first_state.inner_text() == "Open now"


def test_open_now_filter_selects_services_through_an_open_line(page: Page, site_url: str) -> None:
    # Wednesday 10:00: the national service is "open" only through its Navi Dial line.
    page.clock.set_fixed_time(dt.datetime(2026, 12, 2, 10, 0, tzinfo=JST))
    page.goto(site_url + "directory/")
    page.check("#tg-f-open")
    entry = page.locator('.tg-entry[data-id="inochi-no-denwa-national"]')
    assert entry.is_visible()
    assert entry.locator(".tg-state").first.inner_text() == "いま受付中"
    assert entry.locator("a.tg-tel").first.get_attribute("href") == NATIONAL_NAVI
    # Saturday 03:00: neither national number is open, so the service is not listed as open.
    page.clock.set_fixed_time(dt.datetime(2026, 12, 5, 3, 0, tzinfo=JST))
    page.goto(site_url + "directory/")
    page.check("#tg-f-open")
    assert entry.is_hidden()


def test_a_filter_change_in_a_later_minute_paints_the_lines_again(page: Page, site_url: str) -> None:
    # directory.js paints the lines' states at most once a minute (a filter change within the minute reuses
    # them); a change in a later minute must show that minute's states, on the same page, without a reload.
    page.clock.set_fixed_time(dt.datetime(2026, 12, 2, 10, 0, tzinfo=JST))
    page.goto(site_url + "directory/")
    entry = page.locator('.tg-entry[data-id="inochi-no-denwa-national"]')
    navi = entry.locator(f'[data-tg-contact]:has(a.tg-tel[href="{NATIONAL_NAVI}"]) .tg-state')
    assert navi.inner_text() == "いま受付中"
    page.select_option("#tg-f-topic", "")  # a change in the same minute
    assert navi.inner_text() == "いま受付中"
    page.clock.set_fixed_time(dt.datetime(2026, 12, 5, 3, 0, tzinfo=JST))  # Saturday 03:00: closed
    page.check("#tg-f-open")
    assert navi.inner_text() != "いま受付中"
    assert entry.is_hidden()


@pytest.mark.parametrize("path", ["en/talk-now/", "en/directory/"])
def test_a_page_left_open_shows_the_state_of_the_minute_it_is_read(page: Page, site_url: str, path: str) -> None:
    # A phone keeps a tab open for hours: the states are painted again each minute, with no reload and no
    # filter change, and the lines stay where they are.
    page.clock.install(time=dt.datetime(2026, 12, 2, 15, 58, tzinfo=JST))
    page.goto(site_url + path)
    state = page.locator(f'[data-tg-contact]:has(a.tg-tel[href="{NATIONAL_FREE}"]) .tg-state').first
    assert state.inner_text() == "Opens at 16:00"
    page.clock.run_for(3 * 60 * 1000)  # 16:01
    assert state.inner_text() == "Open now"


def test_without_javascript_each_line_shows_its_hours_in_words(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "en/talk-now/")
    row = page.locator(f'[data-tg-contact]:has(a.tg-tel[href="{NATIONAL_FREE}"])')
    assert "16:00–21:00" in row.locator(".tg-contact__details").inner_text()
    assert row.locator(".tg-state").is_hidden()
    context.close()


def test_topic_pages_list_24_hour_lines_first(page: Page, site_url: str) -> None:
    orders = {}
    for lang in ("", "en/", "vi/"):
        page.goto(f"{site_url}{lang}topics/suicide-prevention/")
        orders[lang] = page.locator(".tg-entry[data-id]").evaluate_all("els => els.map(e => e.dataset.id)")
    assert orders[""] == orders["en/"] == orders["vi/"]  # never by a translated name
    ids = orders[""]
    always = ["inochi-no-denwa-kitakyushu", "yorisoi-hotline"]
    assert all(ids.index(a) < ids.index("kitakyushu-suicide-prevention-line") for a in always)
    assert ids.index("inochi-no-denwa-national") < ids.index("kitakyushu-suicide-prevention-line")


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("engine", ["pyodide", "paper"])
def test_self_check_results_show_each_lines_state(page: Page, site_url: str, lang: str, engine: str) -> None:
    # Wednesday 10:00, "thoughts of dying" ticked: the national line is in the result with each number's own
    # state, in the full (Pyodide) result and in the paper result shown before Pyodide is ready.
    page.clock.set_fixed_time(dt.datetime(2026, 12, 2, 10, 0, tzinfo=JST))
    if engine == "paper":  # hold Pyodide back, as on a slow phone
        page.route("**/pyodide.asm.wasm*", lambda route: None)
    page.goto(f"{site_url}{'' if lang == 'ja' else lang + '/'}self-check/")
    if engine == "pyodide":
        page.wait_for_selector("#tg-selfcheck[data-engine=pyodide]", timeout=60000)
    for name, score in (("companionship", 3), ("left-out", 3), ("isolated", 2)):
        page.check(f'input[name="{name}"][value="{score}"]')
    page.check('input[name="direct"][value="sometimes"]')
    page.check('input[name="topics"][value="suicide-prevention"]')
    page.click("#tg-sc-submit")
    page.wait_for_selector(f"#tg-sc-result[data-engine={engine}]:not([hidden])", timeout=60000)
    result = page.locator("#tg-sc-result")
    states = result.locator(".tg-state:visible")
    assert states.count() >= 2
    # Every line of the result has its state painted, and the 24-hour lines are open.
    assert result.locator(".tg-state[hidden]").count() == 0
    for tel in ("tel:0936534343", "tel:0120279338"):
        row = result.locator(f'[data-tg-contact]:has(a.tg-tel[href="{tel}"]) .tg-state').first
        assert row.inner_text() == STATE_TEXT[lang]["open"]
    if engine == "pyodide":  # the full result lists the suicide-prevention lines, the national one among them
        national = result.locator('[data-tg-service="inochi-no-denwa-national"]').first
        tels = national.locator("a.tg-tel").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        assert tels[:2] == [NATIONAL_NAVI, NATIONAL_FREE]
        assert national.locator(".tg-state").nth(1).inner_text() == STATE_TEXT[lang]["opens_at"].format(t="16:00")

"""The finder in real Chromium: keyboard only, fixed clocks in Japan time, Back through the questions, nothing
in the address or storage and no request after load, axe-clean results, a one-page print, every language;
and the time from the last tap to the result on a 4x CPU-throttled page."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Request

from tests.build.test_build import LANGS
from tests.conftest import ESSENTIALS_LANGS
from tests.e2e.test_pages import WCAG_AA

JST = dt.timezone(dt.timedelta(hours=9))
WEEKDAY_DAY = dt.datetime(2026, 12, 2, 10, 0, tzinfo=JST)  # a Wednesday
WEEKDAY_NIGHT = dt.datetime(2026, 12, 2, 23, 30, tzinfo=JST)
SATURDAY_NIGHT = dt.datetime(2026, 12, 5, 23, 30, tzinfo=JST)
NEW_YEAR = dt.datetime(2027, 1, 1, 10, 0, tzinfo=JST)


def _url(site_url: str, lang: str, kids: bool = False) -> str:
    prefix = "" if lang == LANGS[0] else f"{lang}/"
    return f"{site_url}{prefix}finder{'-kids' if kids else ''}/"


def _open(page: Page, url: str, when: dt.datetime) -> list[Request]:
    page.clock.set_fixed_time(when)
    requests: list[Request] = []
    page.on("request", lambda r: requests.append(r))
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(url, wait_until="networkidle")
    return requests


def _choose(page: Page, value: str) -> None:
    """Reach a choice with Tab alone and press Enter on it ("" = the skip button)."""
    target = "b.hasAttribute('data-skip')" if value == "" else f"b.value === {value!r}"
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const b = document.activeElement; return b && b.tagName === 'BUTTON' && "
                         f"!!b.closest('fieldset:not([hidden])') && {target}; }})()"):
            page.keyboard.press("Enter")
            return
    raise AssertionError(f"no focusable choice {value!r}")


def _shown(page: Page) -> list[str]:
    return page.locator("#tg-finder-list > li:not([hidden])").evaluate_all(
        "els => els.map(e => e.getAttribute('data-key'))")


def _first_state(page: Page) -> str | None:
    return page.locator("#tg-finder-list > li:not([hidden]) [data-tg-contact]").first.get_attribute("data-tg-state")


@pytest.mark.parametrize("lang", LANGS)
def test_finder_by_keyboard_private_and_accessible(page: Page, site_url: str, axe_source: str, lang: str) -> None:
    url = _url(site_url, lang)
    requests = _open(page, url, WEEKDAY_DAY)
    origin = urlsplit(site_url).netloc
    assert all(urlsplit(r.url).netloc == origin and r.method == "GET" for r in requests), \
        [r.url for r in requests]
    loaded = len(requests)
    assert page.locator("#tg-finder-links").is_hidden()
    for value in ("me", "", "alone", "phone"):  # who, age (skipped), what about, how
        _choose(page, value)
    _choose(page, "ja" if lang.startswith("ja") else lang)
    assert page.locator("#tg-finder-result").is_visible()
    shown = _shown(page)
    # In Japanese a line is always open; in other languages the data may only know a line with unknown hours.
    assert shown and (_first_state(page) == "open" or not lang.startswith("ja"))
    # The result is the rows of the page, each a tel: link in the chosen way of contact.
    assert page.locator("#tg-finder-list > li:not([hidden]) a.tg-tel").count() == len(shown)
    assert len(requests) == loaded, [r.url for r in requests[loaded:]]  # no request after load
    assert page.url == url  # nothing in the address
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.context.cookies() == []
    page.evaluate(axe_source)
    result = page.evaluate("opts => axe.run(document, opts)", {"runOnly": {"type": "tag", "values": WCAG_AA}})
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []


@pytest.mark.parametrize(("when", "about", "first"), [
    (WEEKDAY_DAY, "dying", "emergency-119:0"),
    (WEEKDAY_NIGHT, "violence", "emergency-119:0"),
    (SATURDAY_NIGHT, "dying", "emergency-119:0"),
    (NEW_YEAR, "dying", "emergency-119:0"),
])
def test_crisis_lines_on_top_at_any_time(page: Page, site_url: str, when: dt.datetime, about: str,
                                         first: str) -> None:
    _open(page, _url(site_url, "en"), when)
    for value in ("", "", about, "", ""):
        _choose(page, value)
    shown = _shown(page)
    assert shown[:2] == [first, "police-110:0"]
    assert page.locator("#tg-finder-urgent").is_visible()


@pytest.mark.parametrize("when", [WEEKDAY_DAY, WEEKDAY_NIGHT, SATURDAY_NIGHT, NEW_YEAR])
def test_open_lines_first_then_opening_times(page: Page, site_url: str, when: dt.datetime) -> None:
    _open(page, _url(site_url, "en"), when)
    for value in ("", "", "alone", "", ""):
        _choose(page, value)
    states = page.locator("#tg-finder-list > li:not([hidden]) [data-tg-contact]").evaluate_all(
        "els => els.map(e => e.getAttribute('data-tg-state') || 'none')")
    order = {"open": 0, "opens_at": 1, "holiday": 2, "unknown": 3, "none": 3, "closed_today": 4}
    assert states and states[0] == "open"  # a 24-hour chat or phone line is always there
    assert [order[s] for s in states] == sorted(order[s] for s in states), states
    if when == WEEKDAY_DAY:
        assert "opens_at" not in states[:1]


def test_back_steps_through_the_questions_without_leaving(page: Page, site_url: str) -> None:
    url = _url(site_url, "en")
    _open(page, url, WEEKDAY_DAY)
    _choose(page, "me")
    _choose(page, "teens")
    assert page.locator('fieldset[data-step="about"]').is_visible()
    page.go_back()
    assert page.locator('fieldset[data-step="age"]').is_visible() and page.url == url
    page.go_back()
    assert page.locator('fieldset[data-step="who"]').is_visible() and page.url == url
    page.locator('fieldset[data-step="who"] button[value="other"]').click()
    page.locator('fieldset[data-step="age"] [data-back]').click()  # the visible Back button does the same
    assert page.locator('fieldset[data-step="who"]').is_visible() and page.url == url


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang not in ESSENTIALS_LANGS])  # not in their set
def test_childrens_version_chat_first_no_age_question(page: Page, site_url: str, lang: str) -> None:
    _open(page, _url(site_url, lang, kids=True), WEEKDAY_NIGHT)
    assert page.locator('fieldset[data-step="age"]').count() == 0
    for value in ("friends", "", ""):
        _choose(page, value)
    types = page.locator("#tg-finder-list > li:not([hidden])").evaluate_all(
        "els => els.map(e => e.querySelector('a.tg-tel') ? 'phone' : 'chat')")
    assert types and types[0] == "chat"
    assert page.locator("#tg-finder-list > li:not([hidden]) a.tg-tel").first.is_visible()


def test_disappear_puts_crisis_lines_on_top_for_children(page: Page, site_url: str) -> None:
    _open(page, _url(site_url, "ja", kids=True), SATURDAY_NIGHT)
    for value in ("disappear", "", ""):
        _choose(page, value)
    shown = _shown(page)
    # Chat first for children, then the strip's phones: all on top of the rest.
    assert shown[0] == "anata-no-ibasho:0" and "emergency-119:0" in shown[:3]
    # The first line is on screen, even with the urgent words above it (the page scrolls to it).
    first = page.locator(".tg-finder__item:not([hidden]) .tg-contacts").first
    box, height = first.bounding_box(), page.viewport_size["height"]  # type: ignore[index]
    assert box is not None and 0 <= box["y"] < height - 100


def test_without_javascript_plain_links(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for kids in (False, True):
        page.goto(_url(site_url, "en", kids))
        links = page.locator("#tg-finder-links a")
        assert links.count() >= 6 and links.first.is_visible()
        assert page.locator("#tg-finder-form").is_hidden() and page.locator("#tg-finder-result").is_hidden()
        assert "/topics/" in (links.first.get_attribute("href") or "")
    context.close()


def test_print_this_list_is_one_page(page: Page, site_url: str) -> None:
    _open(page, _url(site_url, "en"), WEEKDAY_DAY)
    for value in ("", "", "dying", "", ""):
        _choose(page, value)
    assert "2026-12-02" in page.locator("#tg-finder-today").inner_text()
    page.emulate_media(media="print")
    assert page.locator("#tg-finder-list").is_visible() and page.locator("#tg-finder-print").is_hidden()
    pdf = page.pdf(format="A4")
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert pages == 1


def test_last_tap_to_result_on_a_throttled_page(page: Page, site_url: str) -> None:
    """Issue 13: at most 50 ms from the last tap to the result, main thread slowed 4x (DevTools)."""
    _open(page, _url(site_url, "en"), WEEKDAY_NIGHT)
    for value in ("me", "", "alone", ""):
        _choose(page, value)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    times = []
    for _ in range(5):
        times.append(page.evaluate("""() => {
          const b = document.querySelector('fieldset[data-step="language"]:not([hidden]) button[value="en"]');
          const t0 = performance.now();
          b.click();
          document.getElementById('tg-finder-list').getBoundingClientRect();  // layout included
          return performance.now() - t0;
        }"""))
        assert page.locator("#tg-finder-result").is_visible()
        page.go_back()
        page.locator('fieldset[data-step="language"]').wait_for()
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
    # The best of five is the code's own cost; the others include waiting for a CPU on this shared machine.
    print(f"finder: last tap to result best {min(times):.1f} ms, median {sorted(times)[2]:.1f} ms "
          f"({[round(x) for x in times]}) at 4x CPU throttling")
    assert min(times) <= 50

"""Places to go in the browser (the sample town has one place of every kind): next session computed on the
phone from a fixed clock, the filters, the map link that sends nothing before a tap, no JavaScript, axe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Request

from tests.e2e.conftest import CSP_LISTENER
from tests.e2e.test_pages import WCAG_AA
from tests.support.server import serve

# Tuesday 1 December 2026, 10:00 in Japan (01:00 UTC).
TUESDAY_10AM = "2026-12-01T01:00:00Z"


@pytest.fixture(scope="module")
def town_url(sample_site: Path) -> Iterator[str]:
    with serve(sample_site) as url:
        yield url


def _visible_places(page: Page) -> list[str]:
    return page.locator("li[data-tg-place]:visible").evaluate_all(
        "els => els.map(e => e.getAttribute('data-tg-place'))")


def test_next_session_is_computed_on_the_phone(page: Page, town_url: str) -> None:
    page.clock.set_fixed_time(TUESDAY_10AM)
    page.goto(town_url + "en/places/")
    nxt = {el.get_attribute("data-tg-next"): el.inner_text() for el in page.locator("[data-tg-next]").all()}
    assert nxt["town-cafe"] == "Next session: Tue 1/12, 13:30–16:00"
    assert nxt["north-salon"] == "Next session: Tue 8/12, 10:00–12:00"  # the 2nd Tuesday
    assert nxt["south-kodomo-shokudo"] == "Next session: Sat 5/12, 11:00–14:00"  # 1st and 3rd Saturday
    assert nxt["north-centre-class"] == "Next session: Sun 20/12, 10:00–12:00"
    # An unconfirmed place promises no date.
    assert "south-peer-group" not in nxt
    page.goto(town_url + "places/town-cafe/")
    assert page.locator("[data-tg-next]").inner_text() == "次回：12月1日（火）13:30〜16:00"


def test_filters_by_ward_age_and_day(page: Page, town_url: str) -> None:
    page.goto(town_url + "en/places/")
    everything = _visible_places(page)
    assert len(everything) == 5
    page.select_option("#tg-p-area", "north")
    # The whole town's café is near every ward.
    assert sorted(_visible_places(page)) == ["north-centre-class", "north-salon", "town-cafe"]
    page.select_option("#tg-p-age", "0-12")
    assert sorted(_visible_places(page)) == ["town-cafe"]
    page.select_option("#tg-p-area", "")
    page.select_option("#tg-p-day", "sat")
    assert _visible_places(page) == ["south-kodomo-shokudo"]
    assert page.locator("#tg-places-count").inner_text() == "1 place(s) shown"
    page.select_option("#tg-p-age", "65-120")
    assert _visible_places(page) == []
    assert page.locator("#tg-places-count").inner_text().startswith("No place matches")


def test_map_link_sends_nothing_before_a_tap(page: Page, town_url: str, axe_source: str) -> None:
    requests: list[Request] = []
    page.on("request", lambda r: requests.append(r))
    page.add_init_script(CSP_LISTENER)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(town_url + "en/places/north-salon/", wait_until="networkidle")
    link = page.locator("a.tg-place__map")
    assert set((link.get_attribute("rel") or "").split()) >= {"noopener", "noreferrer"}
    assert (link.get_attribute("href") or "").startswith("https://www.google.com/maps/search/?api=1&query=")
    origin = urlsplit(town_url).netloc
    assert [r.url for r in requests if urlsplit(r.url).netloc not in (origin, "")] == []
    assert page.evaluate("window.__csp") == []
    assert page.locator("iframe, img[src*='map']").count() == 0
    page.evaluate(axe_source)
    result = page.evaluate("opts => axe.run(document, opts)", {"runOnly": {"type": "tag", "values": WCAG_AA}})
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []


def test_listing_is_accessible_and_works_without_javascript(browser: Any, town_url: str, axe_source: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(town_url + "en/places/")
    assert len(_visible_places(page)) == 5
    assert page.locator("#tg-places-filter").is_hidden()
    assert page.get_by_text("2nd Tue of each month, 10:00–12:00").count() == 1
    context.close()
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(town_url + "places/")
    page.evaluate(axe_source)
    result = page.evaluate("opts => axe.run(document, opts)", {"runOnly": {"type": "tag", "values": WCAG_AA}})
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []
    page.close()


def test_places_this_month_pdf_per_language(sample_site: Path) -> None:
    import subprocess

    for lang, name in (("ja", "北区ふれあいサロン"), ("en", "North Ward community salon")):
        pdf = sample_site / "kit" / "print" / lang / "places-month.pdf"
        assert pdf.read_bytes().startswith(b"%PDF")
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert name in text

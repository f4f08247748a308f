"""Every page in every language: own-origin requests only, no CSP violation, axe-core clean (WCAG 2.1 AA),
crisis links are tel: links, the language switcher reaches the same page, quick exit leaves."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Request

from tests.build.test_build import LANGS, PAGES, built_in
from tests.e2e.conftest import CSP_LISTENER

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Every hand-written page, and one of each kind of page the directory generates.
CHECKED_PAGES = [*PAGES, "services/childline", "services/kia-one-stop", "topics/loneliness", "audiences/teens",
                 "places/step-cafe"]


def _path(lang: str, page: str) -> str:
    prefix = "" if lang == LANGS[0] else f"{lang}/"
    return prefix if page == "index" else f"{prefix}{page}/"


@pytest.mark.parametrize(("lang", "name"), [(lang, name) for name in CHECKED_PAGES for lang in LANGS
                                            if built_in(lang, name)])
def test_page_is_private_strict_and_accessible(page: Page, site_url: str, axe_source: str, lang: str,
                                                name: str) -> None:
    requests: list[Request] = []
    page.on("request", lambda r: requests.append(r))
    page.add_init_script(CSP_LISTENER)
    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    response = page.goto(site_url + _path(lang, name), wait_until="networkidle")
    assert response is not None and response.ok

    origin = urlsplit(site_url).netloc
    foreign = [r.url for r in requests if urlsplit(r.url).netloc not in (origin, "") and
               not r.url.startswith(("data:", "blob:"))]
    assert foreign == []
    assert page.evaluate("window.__csp") == []

    page.evaluate(axe_source)
    result = page.evaluate("opts => axe.run(document, opts)", {"runOnly": {"type": "tag", "values": WCAG_AA}})
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == []

    crisis = page.locator("nav.tg-crisis").first.locator("a.tg-crisis__tel")
    assert crisis.count() >= 3
    for href in crisis.evaluate_all("els => els.map(e => e.getAttribute('href'))"):
        assert href.startswith("tel:")


@pytest.mark.parametrize("name", ["index", "talk-now", "privacy"])
def test_language_switcher_reaches_the_same_page(page: Page, site_url: str, name: str) -> None:
    page.goto(site_url + _path(LANGS[0], name))
    links = page.locator(".md-select__link").evaluate_all(
        "els => els.map(e => [e.getAttribute('hreflang'), e.href])")
    assert {lang for lang, _ in links} >= {"ja", "en", "zh", "ko", "vi"}
    assert len(links) == len(LANGS)
    for _, href in links:
        target = urlsplit(href).path
        lang = next((lg for lg in LANGS[1:] if target.startswith(f"/{lg}/")), LANGS[0])
        assert target == "/" + _path(lang, name)
        page.goto(href)
        assert page.locator("h1").count() == 1
        assert urlsplit(page.url).path == target


NEUTRAL = "<!doctype html><title>weather</title><p>weather</p>"


def _exit_target(page: Page) -> str:
    return str(page.locator("a.tg-exit").get_attribute("href"))


def test_quick_exit_button_replaces_the_page(page: Page, site_url: str) -> None:
    page.goto(site_url)  # a first page, then the one the visitor is reading
    page.goto(site_url + "en/talk-now/")
    target = _exit_target(page)
    page.route(target + "**", lambda route: route.fulfill(body=NEUTRAL, content_type="text/html"))
    length = page.evaluate("history.length")
    page.locator("a.tg-exit").click()
    page.wait_for_url(target + "**")
    assert page.evaluate("history.length") == length, "the exit replaces the entry instead of adding one"
    page.go_back()
    assert urlsplit(page.url).path == "/", "Back skips the page that was being read"


def test_quick_exit_by_pressing_shift_three_times(page: Page, site_url: str) -> None:
    page.goto(site_url + "ja-easy/")
    target = _exit_target(page)
    page.route(target + "**", lambda route: route.fulfill(body=NEUTRAL, content_type="text/html"))
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(target + "**")


def test_two_shift_presses_do_not_exit(page: Page, site_url: str) -> None:
    page.goto(site_url + "en/")
    for _ in range(2):
        page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert urlsplit(page.url).path == "/en/"


def test_pages_are_readable_without_javascript(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "en/talk-now/")
    assert page.locator("h1").inner_text()
    assert page.locator("a.tg-tel").first.is_visible()
    assert page.locator("a.tg-exit").get_attribute("href", timeout=1000)
    context.close()

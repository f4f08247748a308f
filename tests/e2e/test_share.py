"""Share button, print stylesheet and the kit page, in Chromium."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Browser, Page, Request

SHARE_STUB = """
window.__shared = [];
Object.defineProperty(Navigator.prototype, 'share', {configurable: true,
  value: function (data) { window.__shared.push(data); return Promise.resolve(); }});
"""
NO_SHARE = "delete Navigator.prototype.share;"


def _canonical(page: Page) -> str:
    return str(page.locator('link[rel="canonical"]').get_attribute("href"))


def test_share_uses_the_share_sheet_with_the_canonical_address_only(page: Page, site_url: str) -> None:
    requests: list[Request] = []
    page.add_init_script(SHARE_STUB)
    page.goto(site_url + "en/talk-now/", wait_until="networkidle")
    page.on("request", lambda r: requests.append(r))
    button = page.get_by_role("button", name="Share this page")
    button.click()
    shared = page.evaluate("window.__shared")
    assert shared == [{"title": "Talk to someone now", "url": _canonical(page)}]
    assert shared[0]["url"].endswith("/en/talk-now/") and "?" not in shared[0]["url"]
    assert requests == []  # sharing sends nothing anywhere


def test_without_a_share_sheet_the_button_copies_the_link(browser: Browser, site_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.add_init_script(NO_SHARE)
    page.goto(site_url + "talk-now/", wait_until="networkidle")
    page.get_by_role("button", name="リンクをコピー").click()
    page.get_by_role("status").filter(has_text="コピーしました").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == _canonical(page)
    context.close()


def test_share_button_is_hidden_without_javascript(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "en/talk-now/")
    assert page.locator("[data-tg-share]").count() == 1
    assert not page.locator("[data-tg-share]").is_visible()
    context.close()


def test_print_stylesheet_drops_chrome_and_shows_numbers_and_addresses(page: Page, site_url: str) -> None:
    page.goto(site_url + "en/talk-now/", wait_until="networkidle")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".tg-exit", ".tg-share", ".md-footer"):
        assert not page.locator(chrome).first.is_visible(), chrome
    assert page.locator(".tg-footer-note a.tg-crisis__tel").first.is_visible()
    assert page.locator(".md-content a.tg-tel").first.is_visible()
    after = page.evaluate("""() => {
        const a = document.querySelector('.md-content a[href^="http"]');
        return [a.getAttribute('href'), getComputedStyle(a, '::after').content];
    }""")
    assert after[0] in after[1]


def test_kit_page_offers_pdfs_and_qr_codes_that_load(page: Page, site_url: str, built_site: Path) -> None:
    page.goto(site_url + "share/", wait_until="networkidle")
    pdfs = page.locator("a.tg-kit__pdf")
    assert pdfs.count() == 4  # poster, flyer, handout, and this month's places
    for i in range(4):
        href = str(pdfs.nth(i).get_attribute("href"))
        assert re.search(r"kit/print/ja/(poster|flyer|handout|places-month)\.pdf$", href)
        response = page.request.get(page.url + href)
        assert response.ok and response.body()[:5] == b"%PDF-"
    images = page.locator("img.tg-kit__qr")
    assert images.count() >= 6
    for i in range(6):
        images.nth(i).scroll_into_view_if_needed()
        assert page.evaluate("(img) => img.complete && img.naturalWidth > 0", images.nth(i).element_handle())


def test_schools_page_offers_the_handout_in_its_language(page: Page, site_url: str) -> None:
    page.goto(site_url + "vi/schools/", wait_until="networkidle")
    link = page.locator("a.tg-kit__pdf")
    assert link.count() == 1
    assert str(link.get_attribute("href")).endswith("kit/print/vi/handout.pdf")

"""The second site runs in the browser too: crisis strip from its own data, its own language list."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

from tests.support.server import serve


def test_sample_town_in_the_browser(page: Page, sample_site: Path) -> None:
    with serve(sample_site) as url:
        page.goto(url + "en/")
        assert page.locator("a.tg-crisis__tel").first.get_attribute("href") == "tel:119"
        langs = page.locator(".md-select__link").evaluate_all("els => els.map(e => e.getAttribute('hreflang'))")
        assert sorted(langs) == ["en", "ja"]

"""The first screen does the job: from home to a ward's own number in three taps on a phone (four at
200 % zoom), in every language. A native <select> counts as two taps (open it, pick the ward)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

LANGS = ["", "ja-easy/", "en/", "zh/", "ko/", "vi/"]


def _in_viewport(page: Page, selector: str) -> bool:
    return bool(page.evaluate(
        """sel => { const el = document.querySelector(sel); if (!el) return false;
                    const r = el.getBoundingClientRect();
                    const bar = document.querySelector('.tg-exitbar');
                    const bottom = bar ? bar.getBoundingClientRect().top : innerHeight;  // above the exit bar
                    return r.height > 0 && r.top >= 0 && r.bottom <= bottom; }""", selector))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("width", "height", "taps"), [(390, 844, 3), (195, 422, 4)], ids=["phone", "zoom200"])
def test_home_to_a_wards_number(page: Page, site_url: str, lang: str, width: int, height: int, taps: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto(site_url + lang)
    used = 0
    with page.expect_navigation(wait_until="load"):
        page.locator("a.tg-action--find").click()
    used += 1
    page.locator("#tg-filters").wait_for(state="visible")
    page.select_option("#tg-f-area", "moji")
    used += 2
    target = '.tg-group[data-group="ward"] .tg-entry a.tg-tel'
    assert page.locator('.tg-group[data-group="ward"] .tg-entry[data-id="ward-moji"]').is_visible()
    if not _in_viewport(page, target):
        page.locator("#tg-jump").click()  # "go to the results" lands on the ward's first entry
        used += 1
    assert _in_viewport(page, target), "the ward's number is not on screen"
    assert used <= taps, f"{used} taps"
    # The count says how many are shown, and the ward's own entries come before every other group.
    assert page.locator("#tg-count").is_visible()
    groups = page.locator(".tg-group:not([hidden])").evaluate_all("els => els.map(e => e.dataset.group)")
    assert groups[0] == "ward"
    assert "ward-tobata" not in page.locator(".tg-entry[data-id]:visible").evaluate_all(
        "els => els.map(e => e.dataset.id)")

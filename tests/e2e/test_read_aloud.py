"""Read aloud (on-device voices only) and the furigana switch, in real Chromium.

Chromium here has no speech engine, so one test gives the page a fake speechSynthesis with a cloud and a
device voice: the button appears, speaks with the device voice only, and the page makes no request. Another
runs with Chromium's own (empty) voice list: no button. The furigana switch hides <rt> by CSS alone, for
this page only, and stores nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Request

from tests.support.server import serve

FAKE_SYNTH = """
window.__spoken = [];
(() => {
  const voices = %s;
  const synth = {
    getVoices: () => voices, cancel: () => {}, addEventListener: () => {},
    speak: (u) => window.__spoken.push({text: u.text, voice: u.voice && u.voice.name, lang: u.lang}),
  };
  Object.defineProperty(window, "speechSynthesis", {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})();
"""
CLOUD_JA = {"name": "Cloud ja", "lang": "ja-JP", "localService": False, "default": True}
DEVICE_JA = {"name": "Device ja", "lang": "ja-JP", "localService": True, "default": False}


@pytest.fixture(scope="module")
def town_url(sample_site: Path) -> Iterator[str]:
    with serve(sample_site) as url:
        yield url


def _foreign(requests: list[Request], base: str) -> list[str]:
    origin = urlsplit(base).netloc
    return [r.url for r in requests if urlsplit(r.url).netloc not in (origin, "")]


def test_reads_with_the_device_voice_and_sends_nothing(page: Page, town_url: str) -> None:
    page.add_init_script(FAKE_SYNTH % json.dumps([CLOUD_JA, DEVICE_JA]))
    page.goto(town_url + "places/north-salon/", wait_until="networkidle")
    requests: list[Request] = []
    page.on("request", lambda r: requests.append(r))
    button = page.locator("[data-tg-readaloud]")
    assert button.is_visible()
    button.click()
    spoken: list[dict[str, Any]] = page.evaluate("window.__spoken")
    assert spoken and {s["voice"] for s in spoken} == {"Device ja"}
    text = "".join(s["text"] for s in spoken)
    assert "北区ふれあいサロン" in text and "お茶を飲みながら" in text
    assert button.get_attribute("aria-pressed") == "true"
    page.wait_for_timeout(300)
    assert _foreign(requests, town_url) == [] and [r.url for r in requests] == []
    button.click()
    assert button.get_attribute("aria-pressed") == "false"


def test_no_device_voice_for_the_language_means_no_button(page: Page, town_url: str) -> None:
    page.add_init_script(FAKE_SYNTH % json.dumps([CLOUD_JA, {**DEVICE_JA, "lang": "en-US"}]))
    page.goto(town_url + "places/north-salon/")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-tg-readaloud]").is_hidden()


def test_with_chromiums_own_voices_only_a_device_voice_could_show_the_button(page: Page, town_url: str) -> None:
    requests: list[Request] = []
    page.on("request", lambda r: requests.append(r))
    page.goto(town_url + "en/places/", wait_until="networkidle")
    page.wait_for_timeout(500)  # voiceschanged
    local = page.evaluate("speechSynthesis.getVoices().filter(v => v.localService && v.lang.startsWith('en')).length")
    assert page.locator("[data-tg-readaloud]").is_visible() == (local > 0)
    assert _foreign(requests, town_url) == []


def test_furigana_switch_hides_readings_for_this_page_only_and_stores_nothing(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + "ja-easy/places/")
    shown = page.locator("article rt:visible")
    assert shown.count() > 0
    page.locator("label[for=tg-furigana]").click()
    assert shown.count() == 0
    assert page.locator("article ruby").first.is_visible()  # the kanji stay
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.context.cookies() == []
    page.goto(site_url + "ja-easy/talk-now/")
    assert page.locator("#tg-furigana").is_checked()
    assert page.locator("article rt:visible").count() > 0
    # Only やさしい日本語 pages have the switch.
    page.goto(site_url + "places/")
    assert page.locator("#tg-furigana").count() == 0

"""The self-check in Chromium with real Pyodide: privacy proved for every language (requests, cookies,
storage, the service worker's cache, URL), polite prompts for missing answers, the fallback without
WebAssembly, and no script at all."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from tests.build.test_build import LANGS
from tests.e2e.conftest import CSP_LISTENER

ITEMS = ("companionship", "left-out", "isolated")
PYODIDE_READY = "#tg-selfcheck[data-engine=pyodide]"


def _path(lang: str) -> str:
    return ("" if lang == LANGS[0] else f"{lang}/") + "self-check/"


def _answer(page: Page, scores: tuple[int, int, int], direct: str) -> None:
    for name, score in zip(ITEMS, scores, strict=True):
        page.check(f'input[name="{name}"][value="{score}"]')
    page.check(f'input[name="direct"][value="{direct}"]')


STORAGE = """async () => ({
  cookies: document.cookie,
  local: localStorage.length,
  session: sessionStorage.length,
  idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
  cached: (await Promise.all((await caches.keys()).map(async (name) =>
    (await (await caches.open(name)).keys()).map((r) => r.url)))).flat(),
})"""


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_leaves_the_device(page: Page, site_url: str, lang: str) -> None:
    requests: list[tuple[str, str, str]] = []
    page.on("request", lambda r: requests.append((r.method, r.url, r.resource_type)))
    page.add_init_script(CSP_LISTENER)
    page.goto(site_url + _path(lang))
    page.wait_for_selector(PYODIDE_READY, timeout=60000)
    before_answers = len(requests)
    _answer(page, (3, 4, 2), "sometimes")
    page.select_option("#tg-sc-age", "teens")
    page.check('input[name="topics"][value="loneliness"]')
    page.click("#tg-sc-submit")
    page.wait_for_selector("#tg-sc-result:not([hidden])")
    assert page.locator("#tg-sc-result .tg-sc-score").inner_text().count("9") == 1
    page.wait_for_timeout(300)

    origin = urlsplit(site_url).netloc
    assert all(urlsplit(url).netloc == origin for _, url, _ in requests), requests
    assert all(method == "GET" for method, _, _ in requests)
    assert all(not urlsplit(url).query for _, url, _ in requests)
    assert len(requests) == before_answers, f"a request after answering: {requests[before_answers:]}"
    assert urlsplit(page.url).path == "/" + _path(lang) and not urlsplit(page.url).query
    assert not urlsplit(page.url).fragment
    storage = page.evaluate(STORAGE)
    cached = storage.pop("cached")
    assert storage == {"cookies": "", "local": 0, "session": 0, "idb": 0}
    # The service worker's cache holds this site's static files only: no query string, nothing answered.
    assert all(urlsplit(url).netloc == origin and not urlsplit(url).query for url in cached), cached
    assert page.context.cookies() == []
    assert page.evaluate("window.__csp") == []


def test_self_check_page_csp_allows_wasm_and_nothing_looser(page: Page, site_url: str) -> None:
    page.goto(site_url + "en/self-check/")
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") or ""
    assert "'wasm-unsafe-eval'" in policy
    assert "'unsafe-eval'" not in policy.replace("'wasm-unsafe-eval'", "") and "unsafe-inline" not in policy
    page.goto(site_url + "en/talk-now/")
    other = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") or ""
    assert "wasm-unsafe-eval" not in other


def test_result_with_pyodide_and_start_again(page: Page, site_url: str) -> None:
    page.goto(site_url + "ja-easy/self-check/")
    page.wait_for_selector(PYODIDE_READY, timeout=60000)
    _answer(page, (4, 4, 4), "often")
    page.click("#tg-sc-submit")
    result = page.locator("#tg-sc-result")
    result.wait_for(state="visible")
    assert "12" in result.locator(".tg-sc-score").inner_text()
    assert result.locator("ruby").count() > 0
    assert result.locator('a.tg-tel[href="tel:119"]').count() == 1
    result.locator("button").nth(1).click()  # start again
    assert result.is_hidden()
    assert page.locator("input:checked").count() == 0


def test_missing_answers_get_a_polite_prompt(page: Page, site_url: str) -> None:
    page.goto(site_url + "en/self-check/")
    page.check('input[name="companionship"][value="2"]')
    page.click("#tg-sc-submit")
    error = page.locator("#tg-sc-error")
    error.wait_for(state="visible")
    assert re.search(r"question 2, question 3, question 4", error.inner_text())
    assert page.locator("#tg-sc-result").is_hidden()


def test_without_webassembly_the_total_and_result_page_are_offered(page: Page, site_url: str) -> None:
    page.add_init_script("delete window.WebAssembly")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + "en/self-check/")
    _answer(page, (2, 2, 3), "occasionally")
    page.click("#tg-sc-submit")
    result = page.locator("#tg-sc-result")
    result.wait_for(state="visible")
    assert "7 points" in result.inner_text()
    link = result.locator(".tg-sc-fallback-link a")
    assert link.get_attribute("href") == "result-sometimes/"
    assert not [u for u in requests if "pyodide" in u]
    with page.expect_navigation(wait_until="load"):
        link.click()
    assert urlsplit(page.url).path == "/en/self-check/result-sometimes/"
    assert page.locator('a.tg-tel[href="tel:119"]').count() >= 1


def test_without_javascript_points_and_result_pages(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "zh/self-check/")
    assert page.locator(".tg-points").count() == 12  # every option shows its points
    assert page.locator("#tg-sc-submit").is_hidden()
    links = page.locator("#tg-sc-fallback a")
    assert links.count() == 4
    links.nth(3).click()
    assert urlsplit(page.url).path == "/zh/self-check/result-often/"
    context.close()

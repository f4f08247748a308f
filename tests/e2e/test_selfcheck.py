"""The self-check in Chromium with real Pyodide: privacy proved for every language (requests, cookies,
storage, the service worker's cache, URL), polite prompts for missing answers, the urgent paragraph and
its lead, the paper result before Pyodide is ready and its replacement, the fallback without WebAssembly,
no script at all; and, over the built site, the static result pages' services."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Page, Route

from tests.build.test_build import LANGS
from tests.conftest import ESSENTIALS_LANGS, ROOT
from tests.e2e.conftest import CSP_LISTENER
from tests.e2e.test_pages import WCAG_AA
from tsunagu.data.loader import load_site
from tsunagu.pages import ruby

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
    assert page.locator("#tg-selfcheck input:checked").count() == 0


@pytest.mark.parametrize("lang", ["es", "id"])
def test_the_result_fits_a_phone_at_200_percent(page: Page, site_url: str, lang: str) -> None:
    # "Empezar de nuevo (borra sus respuestas)": a long word plus a button's padding once widened the page.
    from tests.e2e.test_layout import REFLOW_CHECK, ZOOMED
    page.set_viewport_size({"width": ZOOMED[0], "height": ZOOMED[1]})
    page.goto(f"{site_url}{lang}/self-check/")
    page.wait_for_selector(PYODIDE_READY, timeout=60000)
    _answer(page, (3, 3, 3), "never")
    page.click("#tg-sc-submit")
    page.locator("#tg-sc-result .tg-sc-actions").wait_for(state="visible")
    assert page.evaluate(REFLOW_CHECK) == []


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
    # The result page's content is shown here too (embedded: no request), with no promise of anything more.
    assert result.locator(".tg-sc-urgent a.tg-tel[href='tel:119']").count() == 1
    assert result.locator(".tg-sc-group").inner_text() == 'In the national survey\'s groups, this is "Sometimes".'
    assert page.locator("#tg-sc-status").is_hidden()
    assert result.locator("h2").count() == 1 and result.locator(".tg-sc-urgent h3").count() == 1
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


def _axe(page: Page, axe_source: str) -> None:
    page.evaluate(axe_source)
    result = page.evaluate("opts => axe.run(document, opts)", {"runOnly": {"type": "tag", "values": WCAG_AA}})
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []


URGENT = yaml.safe_load((ROOT / "data" / "selfcheck.yml").read_text(encoding="utf-8"))["urgent"]


def test_thoughts_of_dying_lead_the_result_whatever_the_score(page: Page, site_url: str, axe_source: str) -> None:
    page.goto(site_url + "self-check/")
    page.wait_for_selector(PYODIDE_READY, timeout=60000)
    result = page.locator("#tg-sc-result")
    for scores, direct in (((1, 1, 1), "never"), ((4, 4, 4), "often")):
        _answer(page, scores, direct)
        page.check(f'input[name="topics"][value="{URGENT["topic"]}"]')
        page.click("#tg-sc-submit")
        page.wait_for_selector("#tg-sc-result[data-engine=pyodide]:not([hidden])")
        first = result.locator(":scope > *").first
        assert first.get_attribute("class") == "tg-sc-urgent"
        assert first.locator("h2").count() == 1  # it leads, so it is a top heading
        assert first.locator(".tg-sc-urgent__text").inner_text() == URGENT["text"]["ja"]
        tels = first.locator("a.tg-tel").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        assert tels[:2] == ["tel:119", "tel:110"] and len(tels) >= 4
        if scores == (1, 1, 1):
            _axe(page, axe_source)
        result.locator(".tg-sc-actions button").nth(1).click()  # start again
    # Not ticked: the same paragraph and lines, after the score and the words for the score.
    _answer(page, (1, 1, 1), "never")
    page.click("#tg-sc-submit")
    page.wait_for_selector("#tg-sc-result[data-engine=pyodide]:not([hidden])")
    assert result.locator(":scope > *").first.get_attribute("class") == "tg-sc-score"
    assert result.locator(".tg-sc-urgent .tg-sc-urgent__text").inner_text() == URGENT["text"]["ja"]
    assert result.locator(".tg-sc-urgent h3").count() == 1


def test_answered_before_pyodide_is_ready_one_consistent_state_then_the_full_result(
        browser: Browser, site_url: str, axe_source: str) -> None:
    # Pyodide's WebAssembly is held back (the worker's request waits) until the paper result has been checked.
    context = browser.new_context(service_workers="block")
    held: list[Route] = []
    context.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + "en/self-check/")
    page.wait_for_function("document.getElementById('tg-sc-status').textContent.length > 0")
    assert page.locator("#tg-sc-status").inner_text() == "Getting ready. Please go on answering."
    _answer(page, (2, 2, 3), "occasionally")
    page.check(f'input[name="topics"][value="{URGENT["topic"]}"]')
    page.check('input[name="methods"][value="phone"]')
    asked = len(requests)
    page.click("#tg-sc-submit")
    result = page.locator("#tg-sc-result")
    page.wait_for_selector("#tg-sc-result[data-engine=paper]:not([hidden])")
    assert held, "the worker's request for pyodide.asm.wasm was held"
    assert page.locator(PYODIDE_READY).count() == 0
    # The paper result: its total, the result page's content for it, led by the urgent paragraph as ticked.
    assert result.locator(":scope > *").first.get_attribute("class") == "tg-sc-urgent"
    assert result.locator(".tg-sc-urgent__text").inner_text() == URGENT["text"]["en"]
    assert "7 points" in result.locator(".tg-sc-score").inner_text()
    assert "Sometimes" in result.locator(".tg-sc-group").inner_text()
    assert result.locator("h2").count() == 2 and result.locator("h3").count() >= 1  # urgent, score; then h3
    assert result.locator(".tg-sc-fallback-link a").get_attribute("href") == "result-sometimes/"
    status = page.locator("#tg-sc-status").inner_text()
    assert status.startswith("This result comes from your total.") and "go on answering" not in status
    page.emulate_media(media="print")
    printed = result.locator(".tg-entry")
    assert printed.count() >= 4 and all(printed.nth(i).is_visible() for i in range(printed.count()))
    page.emulate_media(media="screen")
    _axe(page, axe_source)
    assert len(requests) == asked, f"a request after answering: {requests[asked:]}"

    for route in held:
        route.fallback()
    page.wait_for_selector("#tg-sc-result[data-engine=pyodide]", timeout=60000)
    assert page.locator("#tg-sc-status").inner_text() == "Ready."
    assert "7 points" in result.locator(".tg-sc-score").inner_text()
    assert result.locator(":scope > *").first.get_attribute("class") == "tg-sc-urgent"
    assert result.locator(".tg-sc-national_same").inner_text().endswith('"Occasionally" (2023).')
    assert page.locator("#tg-selfcheck input:checked").count() == 6  # the answers are still there
    assert result.locator(".tg-entry").count() >= 4
    _axe(page, axe_source)
    # Only the held static file (and what Pyodide loads after it) came after answering: never an answer.
    assert all(not urlsplit(u).query and urlsplit(u).netloc == urlsplit(site_url).netloc for u in requests)
    context.close()


def _result_ids(html: str) -> list[str]:
    body = html[html.index('class="tg-sc-group"'):html.index("</article>")]
    return re.findall(r'href="[./]*(?:[a-z-]+/)?services/([a-z0-9-]+)/"', body)


def test_static_result_pages_suit_anyone_and_list_the_same_services_in_every_language(built_site: Path) -> None:
    site = load_site(ROOT, LANGS, essentials=ESSENTIALS_LANGS, today=dt.date(2026, 11, 26))
    specialised = set(yaml.safe_load((ROOT / "data" / "selfcheck.yml").read_text(encoding="utf-8"))
                      ["specialised_topics"])
    groups = ("never", "hardly", "sometimes", "often")
    seen: dict[str, list[str]] = {}
    for lang in LANGS:
        base = built_site if lang == LANGS[0] else built_site / lang
        for group in groups:
            html = (base / "self-check" / f"result-{group}" / "index.html").read_text(encoding="utf-8")
            ids = _result_ids(html)
            assert ids[:len(site.crisis_strip)] == list(site.crisis_strip), (lang, group)
            assert ruby.strip(URGENT["text"][lang]) in re.sub(r"<rt>[^<]*</rt>|<[^>]+>", "", html), (lang, group)
            for i in ids:
                if i in site.crisis_strip:
                    continue
                service = site.services[i]
                assert service.min_age is None and service.max_age is None, (lang, group, i)
                assert service.area in (site.whole_area, "prefecture", "national"), (lang, group, i)
                assert not set(service.topics) & specialised, (lang, group, i)
            seen[f"{lang} {group}"] = ids
    assert len({tuple(ids) for ids in seen.values()}) == 1, seen


@pytest.mark.parametrize("lang", ["ja-easy", "vi"])
def test_a_static_result_page_is_accessible(page: Page, site_url: str, axe_source: str, lang: str) -> None:
    page.goto(site_url + f"{lang}/self-check/result-often/")
    assert page.locator(".tg-sc-urgent__text").count() == 1
    _axe(page, axe_source)


def test_pyodide_files_start_with_the_page_and_are_sent_once(browser: Browser, built_site: Path) -> None:
    """The page's <head> asks for Pyodide's files before the worker exists; the worker then takes them from the
    HTTP cache: each is sent once (counted at the server, which sees the worker's requests too)."""
    # The benchmarks' server: it logs every request, whoever makes it. Loaded by path: benchmarks/ on sys.path
    # would hide the selfcheck package behind benchmarks/selfcheck.py.
    spec = importlib.util.spec_from_file_location("tsunagu_bench_harness", ROOT / "benchmarks" / "harness.py")
    assert spec is not None and spec.loader is not None
    harness = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = harness  # its dataclasses look their module up
    spec.loader.exec_module(harness)

    with harness.serve(built_site) as served:
        context = browser.new_context()
        page = context.new_page()
        page.goto(served.url + "en/self-check/")
        page.wait_for_selector(PYODIDE_READY, timeout=60000)
        log = list(served.log)
        context.close()
    sent = {name: [s for s in log if s.path.endswith(name)]
            for name in ("pyodide.asm.wasm", "pyodide.asm.mjs", "/pyodide.mjs", ".gzip")}
    assert {name: len(hits) for name, hits in sent.items()} == {name: 1 for name in sent}, [s.path for s in log]
    # A host that serves the build's .br copies sends the standard library's zip with brotli (the browser decodes
    # it); the worker takes the zip as it is. (A gzip-only host: tests/build/test_benchmarks.py.)
    assert sent[".gzip"][0].encoding == "br"
    # (The service worker fetches the worker's script again for the offline copy: Sec-Fetch-Dest "empty".)
    [worker] = [s.started for s in log if s.path.endswith("selfcheck-worker.mjs") and s.dest == "worker"]
    for name in ("pyodide.asm.wasm", "pyodide.asm.mjs", ".gzip"):
        assert sent[name][0].started < worker, f"{name} was asked for only when the worker started"

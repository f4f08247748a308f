"""Offline after the first visit (the service worker), no Referer to other sites, and a rebuilt site
replacing what the worker cached. The server is really stopped to go offline."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.support.build import build, copy_sample_town
from tests.support.server import serve

CACHED_URLS = """async () => (await Promise.all((await caches.keys()).map(async (name) =>
  (await (await caches.open(name)).keys()).map((r) => r.url)))).flat()"""
ESSENTIAL = ["", "talk-now/", "directory/", "self-check/", "self-check/result-often/"]


def _wait_until_cached(page: Page, urls: list[str], timeout: float = 30000) -> None:
    page.wait_for_function(f"""async () => {{
        const want = {urls!r};
        const have = new Set((await Promise.all((await caches.keys()).map(async (n) =>
          (await (await caches.open(n)).keys()).map((r) => r.url)))).flat());
        return want.every((u) => have.has(u));
    }}""", timeout=timeout, polling=250)


@pytest.fixture
def offline_context(browser: Browser, built_site: Path) -> Iterator[tuple[BrowserContext, str, Path]]:
    """A fresh browser profile and a server of its own (stopped by the test to go offline)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context, "", built_site
    context.close()


def test_first_visit_then_offline_essentials_work_in_the_visitors_language(
        offline_context: tuple[BrowserContext, str, Path]) -> None:
    context, _, site = offline_context
    page = context.new_page()
    with serve(site) as url:
        page.goto(url + "en/", wait_until="networkidle")
        _wait_until_cached(page, [url + "en/" + p for p in ESSENTIAL])
        cached = page.evaluate(CACHED_URLS)
    # Only this site's static files, no query strings; only the visitor's language among the pages.
    assert cached and all(u.startswith(url) and "?" not in u for u in cached)
    pages = [u for u in cached if u.endswith("/")]
    assert all(urlsplit(u).path.startswith("/en/") for u in pages), pages
    for u in cached:
        rel = urlsplit(u).path.lstrip("/")
        assert (site / rel).is_file() or (site / rel / "index.html").is_file(), u

    # The server is gone: everything below comes from the service worker.
    for path in ESSENTIAL:
        response = page.goto(url + "en/" + path)
        assert response is not None and response.ok, path
        assert page.locator("a.tg-crisis__tel").count() > 0
    page.goto(url + "en/talk-now/")
    assert page.locator('a[href="tel:119"]').count() > 0

    page.goto(url + "en/directory/")
    page.locator("#tg-filters").wait_for(state="visible")  # the filters' script came from the cache
    page.select_option("#tg-f-topic", "food")
    page.wait_for_function("document.querySelectorAll('.tg-entry[data-id]:not([hidden])').length === 1")

    # The self-check's paper path: points on every option, a result page per total.
    page.goto(url + "en/self-check/")
    assert page.locator('input[name="companionship"]').count() > 0
    page.goto(url + "en/self-check/result-often/")
    assert page.locator("a.tg-tel").count() > 0

    # A page never visited: the crisis lines of the visitor's language instead of an error, with one line
    # saying why; deeper addresses too, styled (the page's own files are found) and with working links.
    note = page.locator("[data-tg-offline-note]")
    for path in ("en/numbers/", "en/services/childline/"):
        response = page.goto(url + path)
        assert response is not None and response.ok
        assert page.locator('a[href="tel:119"]').count() > 0
        assert note.is_visible() and note.inner_text().startswith("You are offline; this page was not saved.")
        assert note.evaluate("e => e.getBoundingClientRect().top") < 400  # at the top of the page
        assert page.locator(".tg-exitbar").evaluate("e => getComputedStyle(e).position") == "fixed"
    page.locator("a.tg-action, .md-banner a.tg-crisis__more").first.click()
    page.wait_for_url(url + "en/talk-now/")
    assert not note.is_visible()  # the talk-now page itself, saved: no such line


def test_the_offline_line_is_in_the_pages_language(offline_context: tuple[BrowserContext, str, Path]) -> None:
    context, _, site = offline_context
    page = context.new_page()
    with serve(site) as url:
        page.goto(url, wait_until="networkidle")
        _wait_until_cached(page, [url + p for p in ESSENTIAL])
    page.goto(url + "topics/loneliness/")  # never visited, and the server is gone
    note = page.locator("[data-tg-offline-note]")
    assert note.is_visible() and "オフライン" in note.inner_text()
    assert page.locator("html").get_attribute("lang") == "ja"


def test_pyodide_is_kept_once_the_self_check_was_opened(offline_context: tuple[BrowserContext, str, Path]) -> None:
    context, _, site = offline_context
    page = context.new_page()
    with serve(site) as url:
        page.goto(url + "vi/self-check/", wait_until="networkidle")
        page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30000)
        page.reload()  # the first load was not yet controlled: this one goes through the worker
        page.wait_for_selector("#tg-selfcheck[data-engine=pyodide]", timeout=60000)
        cached = page.evaluate(CACHED_URLS)
        assert any(u.endswith(".wasm") for u in cached)
        assert all("?" not in u for u in cached)
    page.reload()
    page.wait_for_selector("#tg-selfcheck[data-engine=pyodide]", timeout=60000)
    for name, score in (("companionship", 3), ("left-out", 3), ("isolated", 3)):
        page.check(f'input[name="{name}"][value="{score}"]')
    page.check('input[name="direct"][value="often"]')
    page.click("#tg-sc-submit")
    page.locator("#tg-sc-result").wait_for(state="visible")
    assert "9" in page.locator("#tg-sc-result .tg-sc-score").inner_text()


def test_no_referer_reaches_another_site(page: Page, site_url: str, built_site: Path) -> None:
    seen: list[dict[str, str]] = []

    def record(route, request):  # type: ignore[no-untyped-def]
        seen.append(request.headers)
        route.fulfill(status=200, content_type="text/html", body="<title>elsewhere</title>")

    page.context.route(re.compile(r"^https://"), record)
    page.goto(site_url + "en/talk-now/")
    links = page.locator('.md-content a[href^="https://"]')
    assert links.count() > 0
    assert "noopener" in (links.first.get_attribute("rel") or "")
    with page.expect_navigation():
        links.first.click()
    page.goto(site_url + "en/")
    page.locator("a.tg-exit").click()  # quick exit, with its script
    page.wait_for_url(re.compile(r"^https://"))
    assert len(seen) >= 2
    assert all("referer" not in {k.lower() for k in headers} for headers in seen), seen


def test_every_external_link_in_the_built_site_has_noopener_noreferrer(built_site: Path) -> None:
    bad = []
    for page in built_site.rglob("*.html"):
        for tag in re.findall(r"<a\s[^>]*href=\"https?://[^>]*>", page.read_text(encoding="utf-8")):
            rel = re.search(r'rel="([^"]*)"', tag)
            if not rel or not {"noopener", "noreferrer"} <= set(rel.group(1).split()):
                bad.append(f"{page.relative_to(built_site)}: {tag}")
    assert bad == []


@pytest.fixture
def town(tmp_path: Path) -> Path:
    return copy_sample_town(tmp_path / "town")


def test_a_rebuilt_site_replaces_the_cached_one(browser: Browser, town: Path) -> None:
    site = town / "site"
    build(town / "mkdocs.yml", site)
    context = browser.new_context()
    page = context.new_page()
    with serve(site) as url:
        page.goto(url + "en/talk-now/", wait_until="networkidle")
        _wait_until_cached(page, [url + "en/", url + "en/talk-now/"])
        first = page.evaluate("caches.keys()")
        assert page.get_by_text("0120-000-000").count() > 0

        line = town / "data" / "services" / "town-line.yml"
        line.write_text(line.read_text(encoding="utf-8").replace("0120-000-000", "0120-111-222"), encoding="utf-8")
        build(town / "mkdocs.yml", site)

        page.goto(url + "en/talk-now/", wait_until="networkidle")
        assert page.get_by_text("0120-111-222").count() > 0 and page.get_by_text("0120-000-000").count() == 0
        # The new worker took over and dropped the old version's cache.
        page.wait_for_function(f"(async () => {{ const k = await caches.keys(); return k.length === 1 && "
                               f"k[0] !== {first[0]!r}; }})()", timeout=30000)
        _wait_until_cached(page, [url + "en/", url + "en/talk-now/"])
    page.reload()  # offline now: the cache has the new number
    assert page.get_by_text("0120-111-222").count() > 0
    context.close()

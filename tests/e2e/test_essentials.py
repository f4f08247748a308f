"""Essentials languages in the built site (Spanish first): its pages only, a menu that offers every other page in
English and やさしい日本語 with the right hreflang/lang, axe-clean, and no link that leads to a missing page."""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.build.test_build import ESSENTIALS, LANGS, PAGES, built_in
from tests.e2e.test_pages import WCAG_AA

ESSENTIAL = [lang for lang in LANGS if lang in ESSENTIALS.languages]
OUTSIDE = [p for p in PAGES if not ESSENTIALS.has("es", f"{p}.md")]


def test_spanish_is_an_essentials_language_with_pages_outside_its_set() -> None:
    assert "es" in ESSENTIAL
    assert set(OUTSIDE) >= {"understanding", "numbers", "helping", "young-people", "schools", "organisations",
                            "share", "places", "finder-kids"}


@pytest.mark.parametrize("lang", ESSENTIAL)
def test_pages_outside_the_set_are_not_built_and_not_listed(built_site: Path, lang: str) -> None:
    for name in OUTSIDE:
        assert not (built_site / lang / name).exists(), f"/{lang}/{name}/ must not exist (no silent fallback)"
    assert not (built_site / lang / "places").exists()
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/{lang}/talk-now/" in sitemap
    for name in OUTSIDE:
        assert f"/{lang}/{name}/" not in sitemap, name
    sw = (built_site / "sw.js").read_text(encoding="utf-8")
    assert f'"{lang}/talk-now/"' in sw and f"{lang}/places" not in sw
    kit = (built_site / "kit" / "kit.json").read_text(encoding="utf-8")
    assert f'"path": "/{lang}/talk-now/"' in kit and f"/{lang}/young-people/" not in kit
    assert (built_site / "kit" / "print" / lang / "flyer.pdf").exists()
    assert not (built_site / "kit" / "print" / lang / "handout.pdf").exists()  # its QR opens young-people
    assert (built_site / "kit" / "cards" / lang / "talk-now" / "card.png").exists()


def _links(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="([^"#][^"]*)"', html)


@pytest.mark.parametrize("lang", ESSENTIAL)
def test_no_link_on_an_essentials_page_leads_to_a_missing_page(built_site: Path, lang: str) -> None:
    """Every page of the language, generated ones included: each relative link resolves to a file of the site."""
    pages = sorted((built_site / lang).rglob("*.html"))
    assert len(pages) > 60  # services, topics, audiences and self-check results too
    broken: dict[str, str] = {}
    for path in pages:
        for href in _links(path.read_text(encoding="utf-8")):
            if re.match(r"^[a-z][a-z0-9+.-]*:", href):  # https:, tel:, mailto:, data:
                continue
            target_path = urllib.parse.unquote(urllib.parse.urlsplit(href).path)
            if not target_path:
                continue
            target = (built_site / target_path.lstrip("/") if target_path.startswith("/")
                      else (path.parent / target_path).resolve())
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken[href] = path.relative_to(built_site).as_posix()
    assert broken == {}


@pytest.mark.parametrize("lang", ESSENTIAL)
def test_the_menu_offers_other_pages_in_english_and_easy_japanese(page: Page, site_url: str, axe_source: str,
                                                                 lang: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})  # the menu is the visible sidebar
    response = page.goto(f"{site_url}{lang}/talk-now/")
    assert response is not None and response.ok
    assert page.locator("html").get_attribute("lang") == lang
    entries = page.locator("nav.md-nav--primary .tg-elsewhere")
    assert entries.count() == len(OUTSIDE)
    first = entries.first
    assert first.locator(".tg-elsewhere__title").inner_text().strip()
    links = first.locator("a").evaluate_all(
        "els => els.map(e => [e.getAttribute('hreflang'), e.getAttribute('lang'), e.textContent, e.href])")
    assert [(h, lg) for h, lg, _, _ in links] == [("en", "en"), ("ja", "ja")]
    assert links[0][2] == "English"
    label = page.locator("nav.md-nav--primary .tg-elsewhere", has=page.locator('a[href$="/en/understanding/"]'))
    # screen readers hear why the link leads to another language
    assert label.locator(".tg-sr-only").inner_text().strip()
    if lang == "es":
        assert "Entender la soledad" in label.inner_text()
        assert "español" in label.locator(".tg-sr-only").inner_text()
    # the language switcher offers this page in the essentials language, where it exists
    assert page.locator(f'.md-select__link[hreflang="{lang}"]').count() == 1

    page.evaluate(axe_source)
    result = page.evaluate("opts => axe.run(document, opts)", {"runOnly": {"type": "tag", "values": WCAG_AA}})
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []

    label.locator('a[hreflang="en"]').click()
    assert urllib.parse.urlsplit(page.url).path.endswith("/en/understanding/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").count() == 1


@pytest.mark.parametrize("name", ["index", "directory", "services/childline", "self-check/result-often"])
def test_spanish_pages_say_they_are_spanish(built_site: Path, name: str) -> None:
    assert built_in("es", name)
    html = (built_site / "es" / name / "index.html" if name != "index" else built_site / "es" / "index.html"
            ).read_text(encoding="utf-8")
    assert '<html lang="es"' in html
    assert "tg-translation-note" in html  # unreviewed draft, says so with a link to the Japanese page

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


# The pages an essentials language has, where its menu names and links to the others are drawn.
ESSENTIAL_PAGE_TYPES = ["index", "talk-now", "directory", "services/childline", "self-check",
                        "self-check/result-often", "finder", "privacy", "foreign-residents"]


@pytest.mark.parametrize("lang", ESSENTIAL)
@pytest.mark.parametrize("size", [(320, 640), (195, 422)], ids=["320", "195x422"])
def test_essentials_pages_are_never_wider_than_the_screen(page: Page, site_url: str, lang: str,
                                                          size: tuple[int, int]) -> None:
    from tests.e2e.test_layout import REFLOW_CHECK
    page.set_viewport_size({"width": size[0], "height": size[1]})
    problems = {}
    for name in ESSENTIAL_PAGE_TYPES:
        page.goto(f"{site_url}{lang}/{'' if name == 'index' else name + '/'}")
        found = page.evaluate(REFLOW_CHECK)
        if found:
            problems[name] = found[:5]
    assert not problems, "\n".join(f"{name}: {line}" for name, lines in problems.items() for line in lines)


@pytest.mark.parametrize("size", [(390, 844), (195, 422)], ids=["390x844", "195x422"])
def test_tab_into_the_closed_menu_slides_it_in(page: Page, site_url: str, size: tuple[int, int]) -> None:
    # No script opens the drawer from the keyboard; Tab still walks its links, so they must come into view.
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(f"{site_url}{ESSENTIAL[0]}/")
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('.tg-elsewhere')"):
            break
    else:
        pytest.fail("Tab never reached a link to a page in another language")
    box = page.evaluate("() => { const r = document.activeElement.getBoundingClientRect();"
                        " return [r.left, r.right, innerWidth, scrollX]; }")
    assert box[0] >= 0 and box[1] <= box[2] and box[3] == 0, box


@pytest.mark.parametrize("size", [(390, 844), (1280, 800)], ids=["390x844", "1280x800"])
def test_the_language_menu_shows_every_language_without_scrolling(page: Page, site_url: str,
                                                                  size: tuple[int, int]) -> None:
    # The essentials languages come last in the menu: a list cut short hid Nepali and Thai.
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(f"{site_url}en/")
    page.locator(".tg-lang__button").click()
    hidden = page.evaluate("""() => {
      const list = document.querySelector('.md-header .md-select__list');
      const box = list.getBoundingClientRect();
      return [...list.querySelectorAll('a')].filter((a) => a.getBoundingClientRect().bottom > box.bottom + 1)
        .map((a) => a.textContent.trim());
    }""")
    assert page.locator(".md-header .md-select__list a").count() == len(LANGS)
    assert hidden == []


def _edge_darkness(page: Page, edge: str) -> float:
    """How much darker than white the list's top or bottom 6 px are, on average (0: plain white)."""
    import io

    from PIL import Image

    box = page.locator(".md-header .md-select__list").bounding_box()
    assert box is not None
    y = box["y"] + 1 if edge == "top" else box["y"] + box["height"] - 7
    shot = page.screenshot(clip={"x": box["x"] + 4, "y": y, "width": box["width"] - 8, "height": 6})
    pixels = Image.open(io.BytesIO(shot)).convert("L").tobytes()  # one byte per pixel in mode L
    return 255 - sum(pixels) / len(pixels)


def test_a_cut_language_menu_shows_that_it_scrolls(page: Page, site_url: str) -> None:
    # At 200 % zoom on a phone only 4 of the 12 languages fit: a shadow at the cut edge says there are more.
    page.set_viewport_size({"width": 195, "height": 422})
    page.goto(f"{site_url}en/")
    page.locator(".tg-lang__button").focus()
    page.wait_for_timeout(400)  # the menu's opening transition
    assert page.evaluate("() => { const l = document.querySelector('.md-header .md-select__list');"
                         " return l.scrollHeight > l.clientHeight + 10; }"), "the list is expected to be cut here"
    assert _edge_darkness(page, "bottom") > 8 and _edge_darkness(page, "top") < 2
    page.locator(".md-header .md-select__list a").last.focus()  # Tab reaches the last language: it scrolls
    # the focused link's own grey background would darken the edge too: measured without it
    page.evaluate("() => { const s = document.activeElement.style; s.setProperty('background', 'none', 'important');"
                  " s.setProperty('outline', 'none', 'important'); }")
    page.wait_for_timeout(200)
    assert _edge_darkness(page, "top") > 8 and _edge_darkness(page, "bottom") < 2

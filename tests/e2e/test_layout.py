"""The page chrome a person in crisis meets on every page, measured in Chromium: quick exit leaves no
page of this site in the history, the exit bar never covers a link, the crisis strip leaves room for the
page, nothing is wider than the screen (WCAG 1.4.10), the language menu can be seen and read, and the
home page's buttons never break a word."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.build.test_build import LANGS, built_in
from tests.e2e.test_pages import WCAG_AA, _path

# One page of each type: home, content, talk-now, directory, a service, a topic, an audience, the self-check,
# a result page, the share kit, privacy.
PAGE_TYPES = ["index", "understanding", "talk-now", "directory", "services/childline", "topics/loneliness",
              "audiences/teens", "self-check", "self-check/result-often", "share", "privacy"]
PHONE, ZOOMED, DESKTOP = (390, 844), (195, 422), (1280, 800)  # ZOOMED: the phone at 200 %
ELSEWHERE = "https://search.example/"
NEUTRAL = "<!doctype html><title>elsewhere</title><p>elsewhere</p>"
INTERACTIVE = "a[href], button, input, select, textarea, summary, a.tg-tel"


@pytest.fixture
def offsite(context: BrowserContext) -> Iterator[list[str]]:
    """Every request to another origin (the quick-exit target, "elsewhere") answered by a local blank page:
    no real external request is made. Yields the URLs that were asked for."""
    asked: list[str] = []

    def answer(route: Any) -> None:
        asked.append(route.request.url)
        route.fulfill(body=NEUTRAL, content_type="text/html")

    context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), answer)
    yield asked


def _visit_three_pages_by_links(page: Page, site_url: str) -> None:
    """Arrive from elsewhere, then go through three pages of the site by tapping links, and an anchor."""
    page.goto(ELSEWHERE)
    page.goto(site_url + "en/")
    length = page.evaluate("history.length")
    page.locator("a.tg-action--talk").click()
    page.wait_for_url(site_url + "en/talk-now/")
    page.locator(".tg-footer-note a[href*='privacy']").first.click()
    page.wait_for_url(site_url + "en/privacy/")
    # An in-page anchor still works (the table of contents): the heading comes into view.
    anchor = page.locator(".md-sidebar--secondary a.md-nav__link[href^='#']").first
    target = str(anchor.get_attribute("href"))
    anchor.click()
    page.wait_for_url(site_url + "en/privacy/" + target)
    top = page.locator(target).evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < 200, "the anchor scrolled its heading into view"
    page.locator("a.md-header__button.md-logo").click()  # back home by the logo
    page.wait_for_url(site_url + "en/")
    assert page.evaluate("history.length") == length, "links inside the site add no history entry"


@pytest.mark.parametrize("how", ["button", "shift"])
def test_after_quick_exit_back_never_shows_this_site(page: Page, site_url: str, offsite: list[str],
                                                     how: str) -> None:
    page.set_viewport_size({"width": DESKTOP[0], "height": DESKTOP[1]})  # the table of contents is shown
    _visit_three_pages_by_links(page, site_url)
    target = str(page.locator("a.tg-exit").get_attribute("href"))
    if how == "button":
        page.locator("a.tg-exit").click()
    else:
        for _ in range(3):
            page.keyboard.press("Shift")
    page.wait_for_url(target + "**")
    page.go_back()
    assert not page.url.startswith(site_url), page.url
    assert page.url == ELSEWHERE
    assert set(offsite) == {ELSEWHERE, target}  # nothing real went out: both were answered locally


def test_without_javascript_the_exit_is_still_a_link(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "vi/")
    exit_link = page.locator("a.tg-exit")
    assert exit_link.is_visible() and (exit_link.get_attribute("href") or "").startswith("https://")
    page.locator("a.tg-action--talk").click()  # a plain link: still goes to the page
    page.wait_for_url(site_url + "vi/talk-now/")
    context.close()


# Walks the page: at every scroll position the exit button is on screen and inside its bar; at the top
# and at the end nothing interactive lies under the bar; and every interactive element of the page can be
# scrolled to a place where it is whole, not under the header or the bar, and is what a tap there hits.
EXIT_BAR_CHECK = """(selector) => {
  const bar = document.querySelector('.tg-exitbar'), exit = document.querySelector('a.tg-exit');
  const header = document.querySelector('.md-header');
  const max = document.documentElement.scrollHeight - innerHeight;
  const problems = [];
  const box = (e) => e.getBoundingClientRect();
  const meets = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5
    && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  // Not shown: inside a closed <details> (content-visibility), or Material's skip link, which shows only
  // when focused (opacity 0 until then), at the top, over the header.
  const shown = (e) => e.checkVisibility({visibilityProperty: true, opacityProperty: true})
    && !e.closest('.md-header, .tg-exitbar, .md-sidebar, [hidden]');
  const items = [...document.querySelectorAll(selector)].filter(shown)
    .filter((e) => { const r = box(e); return r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth; });
  const name = (e) => e.tagName + ' ' + (e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 30);
  for (let y = 0; ; y = Math.min(max, y + innerHeight / 2)) {
    scrollTo(0, y);
    const b = box(bar), x = box(exit);
    if (x.top < 0 || x.bottom > innerHeight + 0.5 || x.left < 0 || x.right > innerWidth + 0.5) {
      problems.push('exit off screen at ' + y);
    }
    if (x.top < b.top - 0.5 || x.bottom > b.bottom + 0.5) problems.push('exit outside its bar at ' + y);
    if (y === max) {
      for (const e of items) if (meets(box(e), b)) problems.push('under the bar at ' + y + ': ' + name(e));
    }
    if (y >= max) break;
  }
  for (const e of items) {
    const r0 = box(e), docTop = r0.top + scrollY, top = box(header).height, bottom = innerHeight - box(bar).height;
    let ok = false;
    for (const want of [0, docTop - top - 4, docTop + r0.height - bottom + 4]) {
      scrollTo(0, Math.max(0, Math.min(max, want)));
      const r = box(e);
      const cx = Math.min(Math.max(r.left + r.width / 2, 1), innerWidth - 1), cy = r.top + r.height / 2;
      const hit = document.elementFromPoint(cx, cy);
      if (r.top >= -0.5 && r.bottom <= innerHeight + 0.5 && !meets(r, box(header)) && !meets(r, box(bar))
          && hit && (hit === e || e.contains(hit) || hit.contains(e))) { ok = true; break; }
    }
    if (!ok) problems.push('cannot be reached whole: ' + name(e));
  }
  scrollTo(0, 0);
  return problems;
}"""


def _load_every_image(page: Page) -> None:
    """Lazy images (the kit's QR codes) would load while the test scrolls and move the page under it."""
    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach((i) => { i.loading = 'eager'; })")
    page.wait_for_function("() => [...document.images].every((i) => i.complete)")


@pytest.mark.parametrize("size", [PHONE, ZOOMED], ids=["390x844", "195x422"])
@pytest.mark.parametrize("name", PAGE_TYPES)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_exit_button_never_covers_a_link_or_number(page: Page, site_url: str, lang: str, name: str,
                                                       size: tuple[int, int]) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(site_url + _path(lang, name))
    _load_every_image(page)
    assert page.evaluate(EXIT_BAR_CHECK, INTERACTIVE) == []


# The site menu (the drawer on a phone, the sidebar on a desktop) scrolled to its end: its last link
# lies above the exit bar.
MENU_END = """() => {
  if (innerWidth < 1220) document.getElementById('__drawer').checked = true;
  scrollTo(0, document.documentElement.scrollHeight);
  const links = [...document.querySelectorAll('.md-sidebar--primary a.md-nav__link')]
    .filter((a) => a.checkVisibility());
  const last = links[links.length - 1];
  for (let p = last.parentElement; p; p = p.parentElement) p.scrollTop = p.scrollHeight;
  return [last.getBoundingClientRect().bottom, document.querySelector('.tg-exitbar').getBoundingClientRect().top];
}"""


@pytest.mark.parametrize("size", [PHONE, ZOOMED, DESKTOP], ids=["390x844", "195x422", "1280x800"])
def test_the_site_menu_ends_above_the_exit_bar(page: Page, site_url: str, size: tuple[int, int]) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    for lang, name in (("ja", "index"), ("en", "services/childline"), ("ja-easy", "privacy")):
        page.goto(site_url + _path(lang, name))
        last_link, bar = page.evaluate(MENU_END)
        assert last_link <= bar + 0.5, (lang, name, last_link, bar)


# The drawer opened: every line of its main list inside the screen (Material draws it 12.1rem wide, which at 200 %
# zoom is 242 px on a 195 px screen).
DRAWER_PAST_EDGE = """() => {
  document.getElementById('__drawer').checked = true;
  const out = [];
  for (const e of document.querySelectorAll('.md-nav--primary > .md-nav__list *')) {
    const r = e.getBoundingClientRect();
    // The page's table of contents waits, closed, to the right inside the drawer (clipped): not its lines.
    if (e.closest('.md-nav--secondary')) continue;
    if (r.width && r.height && r.right > innerWidth + 0.5 && e.checkVisibility()) {
      out.push(e.tagName + ' right=' + Math.round(r.right) + ' ' + (e.textContent || '').trim().slice(0, 30));
    }
  }
  return out;
}"""


@pytest.mark.parametrize("size", [PHONE, ZOOMED], ids=["390x844", "195x422"])
def test_the_opened_drawer_fits_the_screen(page: Page, site_url: str, size: tuple[int, int]) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.emulate_media(reduced_motion="reduce")
    for lang in ("ja", "en"):
        page.goto(site_url + _path(lang, "index"))
        page.evaluate(DRAWER_PAST_EDGE)
        page.wait_for_timeout(400)  # the slide-in
        assert page.evaluate(DRAWER_PAST_EDGE) == [], lang


def test_escape_and_reload_close_the_drawer(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
    page.goto(site_url + _path("en", "index"))
    page.locator(".md-header label.md-header__button[for='__drawer']").click()
    assert page.locator("#__drawer").is_checked()
    page.keyboard.press("Escape")
    assert not page.locator("#__drawer").is_checked()
    page.locator(".md-header label.md-header__button[for='__drawer']").click()
    page.reload()
    assert not page.locator("#__drawer").is_checked()


CRISIS_STRIP = """() => {
  const strip = document.querySelector('.md-banner');
  return {height: strip.getBoundingClientRect().height,
          links: [...strip.querySelectorAll('a')].map((a) => {
            const r = a.getBoundingClientRect();
            return {href: a.getAttribute('href'), width: r.width, height: r.height};
          })};
}"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("size", "share"), [(PHONE, 1 / 4), (ZOOMED, 1 / 3)], ids=["390x844", "195x422"])
def test_the_crisis_strip_leaves_the_first_screen_to_the_page(page: Page, site_url: str, lang: str,
                                                              size: tuple[int, int], share: float) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    for name in ("index", "talk-now", "services/childline"):
        page.goto(site_url + _path(lang, name))
        strip = page.evaluate(CRISIS_STRIP)
        assert strip["height"] <= size[1] * share, (name, strip["height"])
        tels = [link for link in strip["links"] if link["href"].startswith("tel:")]
        assert len(tels) >= 3  # one tap per crisis line, each a tel: link
        for link in strip["links"]:
            assert link["height"] >= 44 and link["width"] >= 44, (name, link)
        # "More lines" and the footer's privacy link stay in the visitor's language.
        more = page.locator(".md-banner a.tg-crisis__more").evaluate("a => a.href")
        assert more == site_url + _path(lang, "talk-now")
        privacy = page.locator(".tg-footer-note a[href*='privacy']").evaluate("a => a.href")
        assert privacy == site_url + _path(lang, "privacy")


# Nothing reaches past the right edge, unless an ancestor that scrolls or clips (a table's wrapper, the
# crisis strip's row) keeps it inside the screen.
REFLOW_CHECK = """() => {
  const w = innerWidth, out = [];
  const width = document.documentElement.scrollWidth;
  if (width > w) out.push('page scrolls sideways: ' + width);
  const clipped = (e) => {
    // Not <html> or <body>: a page cut off at the screen's edge is the failure, not a way out of it.
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.overflowX !== 'visible' && p.getBoundingClientRect().right <= w + 0.5) return true;
      if (s.position === 'fixed') break;
    }
    return false;
  };
  // A space at the end of a line hangs past it (CSS Text), invisible: an ASCII space by a pixel or so, the
  // U+3000 between やさしい日本語 文節 by up to a character. Only what is drawn past the edge counts.
  const onlySpacePast = (e) => {
    const chars = [];
    const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const n = walker.currentNode;
      for (let i = 0; i < n.data.length; i++) {
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        if (range.getBoundingClientRect().right > w + 1.5) chars.push(n.data[i]);
      }
    }
    return chars.length > 0 && chars.every((c) => /\\s/.test(c));
  };
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= w + 1.5 || r.right <= 0) continue;
    if (getComputedStyle(e).visibility !== 'visible' || clipped(e) || onlySpacePast(e)) continue;
    const text = (e.textContent || '').trim().slice(0, 40);
    out.push(e.tagName + '.' + e.className + ' right=' + Math.round(r.right) + ' ' + text);
  }
  return out;
}"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", [(320, 640), ZOOMED], ids=["320", "195x422"])
def test_nothing_is_wider_than_the_screen(page: Page, site_url: str, lang: str, size: tuple[int, int]) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    problems = {}
    for name in PAGE_TYPES:
        page.goto(site_url + _path(lang, name))
        found = page.evaluate(REFLOW_CHECK)
        if found:
            problems[name] = found[:5]
    assert not problems, "\n".join(f"{name}: {line}" for name, lines in problems.items() for line in lines)


def _luminance(rgb: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else float(((c + 0.055) / 1.055) ** 2.4)
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(fg: tuple[float, ...], bg: tuple[float, ...]) -> float:
    high, low = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# The colour of each text of the language button and the first opaque background behind it.
LANGUAGE_BUTTON = """() => {
  const button = document.querySelector('.tg-lang__button');
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const background = (e) => {
    for (; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || c[3] > 0) return c;
    }
    return [255, 255, 255];
  };
  const r = button.getBoundingClientRect();
  return {box: [r.left, r.top, r.right, r.bottom], text: button.innerText,
          colours: [...button.querySelectorAll('.tg-lang__label, .tg-lang__current')].map((e) => {
            const b = e.getBoundingClientRect();
            return {fg: rgb(getComputedStyle(e).color), bg: background(e), visible: b.width > 0 && b.height > 0};
          })};
}"""


@pytest.mark.parametrize("size", [PHONE, ZOOMED, DESKTOP], ids=["390x844", "195x422", "1280x800"])
def test_the_language_menu_is_labelled_readable_and_reaches_the_same_page(
        page: Page, site_url: str, size: tuple[int, int]) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    for lang in LANGS:
        for name in PAGE_TYPES:
            if not built_in(lang, name):  # an essentials language has no such page
                continue
            page.goto(site_url + _path(lang, name))
            button = page.evaluate(LANGUAGE_BUTTON)
            left, top, right, bottom = button["box"]
            assert right > left and bottom > top, (lang, name)
            assert left >= 0 and right <= size[0] and top >= 0 and bottom <= size[1], (lang, name, button["box"])
            assert "Language" in button["text"] or "言語" in button["text"], button["text"]
            assert len(button["colours"]) == 2 and all(c["visible"] for c in button["colours"])
            for colour in button["colours"]:
                assert _contrast(tuple(colour["fg"]), tuple(colour["bg"])) >= 4.5, (lang, colour)
    # Each name in its own script and language; choosing one reaches the same page in that language.
    for name, lang, other in (("talk-now", "ja", "vi"), ("services/childline", "en", "ja-easy"),
                              ("self-check", "ko", "zh")):
        page.goto(site_url + _path(lang, name))
        page.locator(".tg-lang__button").click()
        page.wait_for_timeout(400)  # Material's opening transition
        menu = page.locator(".md-select__inner").bounding_box()
        bar = page.locator(".tg-exitbar").bounding_box()
        assert menu and bar and menu["y"] + menu["height"] <= bar["y"] + 0.5, "the open menu stops above the exit bar"
        links = page.locator(".md-select__link")
        langs = links.evaluate_all("els => els.map(e => e.getAttribute('lang'))")
        assert len(langs) == len(LANGS) and all(langs), langs
        choice = page.locator(f".md-select__link[hreflang='{other}'], .md-select__link[href$='/{other}/']").first
        if other == "ja-easy":
            choice = links.nth(LANGS.index("ja-easy"))
        box = choice.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= size[0] and box["y"] + box["height"] <= size[1]
        choice.click()
        page.wait_for_url(site_url + _path(other, name))
        current = page.locator(".tg-lang__current").inner_text().strip()
        assert current == links.nth(LANGS.index(other)).inner_text().strip()


# For each home button: its text without furigana, cut into words by Intl.Segmenter in the page's
# language; a word whose characters sit on two lines was broken.
BROKEN_WORDS = """(lang) => {
  const out = [];
  const segmenter = new Intl.Segmenter(lang, {granularity: 'word'});
  for (const button of document.querySelectorAll('.tg-action')) {
    const chars = [];
    const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (node.parentElement.closest('rt, rp')) continue;
      for (let i = 0; i < node.data.length; i++) chars.push([node, i]);
    }
    const text = chars.map(([n, i]) => n.data[i]).join('');
    const middle = (k) => {
      const range = document.createRange();
      range.setStart(chars[k][0], chars[k][1]);
      range.setEnd(chars[k][0], chars[k][1] + 1);
      const r = [...range.getClientRects()].filter((x) => x.width > 0)[0];
      return r ? [r.top + r.height / 2, r.height] : null;
    };
    if (button.scrollWidth > button.clientWidth + 1) out.push('overflows: ' + text);
    for (const s of segmenter.segment(text)) {
      if (!s.isWordLike) continue;
      const lines = [];
      for (let k = s.index; k < s.index + s.segment.length; k++) {
        const m = middle(k);
        if (m && !lines.some(([y, h]) => Math.abs(y - m[0]) < h / 2)) lines.push(m);
      }
      if (lines.length > 1) out.push(s.segment + ' in ' + text);
    }
  }
  return out;
}"""


@pytest.mark.parametrize("size", [(390, 844), (195, 422), DESKTOP], ids=["390", "195", "1280"])
def test_home_buttons_never_break_a_word(page: Page, site_url: str, size: tuple[int, int]) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    problems = {}
    for lang in LANGS:
        page.goto(site_url + _path(lang, "index"))
        actions = page.locator(".tg-action")
        assert actions.count() == 3
        widths = [actions.nth(i).bounding_box()["width"] for i in range(3)]  # type: ignore[index]
        assert min(widths) >= min(size[0] - 60, 400), widths  # full width, never narrow columns
        found = page.evaluate(BROKEN_WORDS, "ja" if lang == "ja-easy" else lang)
        if found:
            problems[lang] = found
    assert problems == {}


@pytest.mark.parametrize(("size", "name", "lang"), [
    (ZOOMED, "index", "ja"), (ZOOMED, "talk-now", "en"), (ZOOMED, "services/childline", "vi"),
    (DESKTOP, "index", "ko"), (DESKTOP, "directory", "zh"), (PHONE, "privacy", "ja-easy"),
])
def test_the_chrome_passes_axe_at_other_sizes_and_with_the_language_menu_open(
        page: Page, site_url: str, axe_source: str, size: tuple[int, int], name: str, lang: str) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(site_url + _path(lang, name))
    page.locator(".tg-lang__button").focus()  # the menu opens on focus (CSS)
    page.wait_for_timeout(400)  # Material's opening transition
    page.evaluate(axe_source)
    result = page.evaluate("opts => axe.run(document, opts)", {"runOnly": {"type": "tag", "values": WCAG_AA}})
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == []

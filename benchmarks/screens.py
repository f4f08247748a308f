"""Screenshots of every page type in every language, and a pixel comparison of two built sites.

Used to prove that a change meant to make pages lighter changed nothing a visitor sees: build the site
before and after, then compare. Each page is shot full-page at a phone (390×844) and a desktop (1280×800)
size with the clock fixed (the "open now" states depend on it), plus the open drawer and the open language
menu on one content page per language. Differences are reported per shot as the share of pixels whose
colour changed by more than a small tolerance (anti-aliasing noise), with a diff image.

Usage:
  .venv/bin/python benchmarks/screens.py shoot SITE_DIR OUT_DIR [--langs ja,en] [--pages understanding/]
  .venv/bin/python benchmarks/screens.py compare BEFORE_DIR AFTER_DIR [--diffs DIFF_DIR] [--threshold 0.001]
Prints one line per differing shot and a summary; exits 1 if a shot differs beyond the threshold or is missing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PIL import Image, ImageChops  # noqa: E402
from playwright.sync_api import Page, sync_playwright  # noqa: E402

from tests.support.server import serve  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
LANGS = ("ja", "ja-easy", "en", "zh", "ko", "vi")
# One page of each type: home, content, talk now (hours), chart, directory, a service, finders, places,
# a place, self-check, share kit, privacy.
PAGES = ("", "understanding/", "talk-now/", "numbers/", "directory/", "services/childline/", "finder/",
         "finder-kids/", "places/", "places/step-cafe/", "self-check/", "share/", "privacy/")
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 800)}
FIXED = dt.datetime(2026, 12, 2, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))  # a Wednesday, 10:00 JST
TOLERANCE = 24  # per channel: below this a changed pixel is anti-aliasing, not a change


def _name(lang: str, path: str, view: str, state: str = "") -> str:
    slug = path.strip("/").replace("/", "_") or "home"
    return f"{lang}__{slug}__{view}{'__' + state if state else ''}.png"


def _open(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(250)


def shoot(site: Path, out: Path, langs: tuple[str, ...], pages: tuple[str, ...]) -> int:
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    with sync_playwright() as p, serve(site) as base:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for view, (width, height) in VIEWPORTS.items():
            context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block",
                                          reduced_motion="reduce")
            page = context.new_page()
            page.clock.set_fixed_time(FIXED)
            for lang in langs:
                prefix = "" if lang == "ja" else f"{lang}/"
                for path in pages:
                    _open(page, f"{base}{prefix}{path}")
                    page.screenshot(path=out / _name(lang, path, view), full_page=True, animations="disabled",
                                    caret="hide")
                    count += 1
                # The states a visitor opens: the drawer (phone) and the language menu.
                _open(page, f"{base}{prefix}understanding/")
                if view == "phone":
                    page.locator("label.md-header__button[for=__drawer]").click()
                    page.wait_for_timeout(400)
                    page.screenshot(path=out / _name(lang, "understanding/", view, "drawer"),
                                    animations="disabled", caret="hide")
                    count += 1
                    _open(page, f"{base}{prefix}understanding/")
                page.locator(".tg-lang__button").focus()
                page.wait_for_timeout(400)
                page.screenshot(path=out / _name(lang, "understanding/", view, "languages"),
                                animations="disabled", caret="hide")
                count += 1
            context.close()
        browser.close()
    return count


def difference(before: Path, after: Path) -> tuple[float, Image.Image | None]:
    """Share of pixels that changed beyond TOLERANCE (1.0 when the sizes differ), and the diff image."""
    a, b = Image.open(before).convert("RGB"), Image.open(after).convert("RGB")
    if a.size != b.size:
        return 1.0, None
    diff = ImageChops.difference(a, b)
    mask = diff.convert("L").point(lambda v: 255 if v > TOLERANCE else 0)
    changed = mask.histogram()[255]
    return changed / (a.width * a.height), (diff.point(lambda v: min(255, v * 4)) if changed else None)


def compare(before: Path, after: Path, diffs: Path | None, threshold: float) -> int:
    shots = sorted(p.name for p in before.glob("*.png"))
    bad = 0
    for name in shots:
        if not (after / name).is_file():
            print(f"missing after: {name}")
            bad += 1
            continue
        share, image = difference(before / name, after / name)
        if share:
            size = "" if image else f" (size {Image.open(before / name).size} -> {Image.open(after / name).size})"
            print(f"{'DIFFERS' if share > threshold else 'within threshold'}: {name} {share:.4%}{size}")
            bad += share > threshold
            if image is not None and diffs is not None:
                diffs.mkdir(parents=True, exist_ok=True)
                image.save(diffs / name)
    print(f"{len(shots)} shots compared, {bad} differ beyond {threshold:.2%} of their pixels")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("shoot")
    s.add_argument("site", type=Path)
    s.add_argument("out", type=Path)
    s.add_argument("--langs", default=",".join(LANGS))
    s.add_argument("--pages", default=",".join(PAGES))
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--diffs", type=Path)
    c.add_argument("--threshold", type=float, default=0.001)
    args = parser.parse_args(argv)
    if args.command == "shoot":
        pages = tuple("" if p == "home" else p for p in args.pages.split(","))
        print(f"{shoot(args.site, args.out, tuple(args.langs.split(',')), pages)} screenshots in {args.out}")
        return 0
    return compare(args.before, args.after, args.diffs, args.threshold)


if __name__ == "__main__":
    sys.exit(main())

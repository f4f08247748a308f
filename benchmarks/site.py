"""Benchmark: build time, and the requests and bytes a first visit costs per page type, counted at the server
(benchmarks/harness.py: served as the site's hosts serve it, text gzipped) — including what the service
worker fetches after load for the offline copy, which the page's own request events never see.

Usage: .venv/bin/python benchmarks/site.py [--quick] [--site DIR]
  --quick: no build timing (uses --site or one build), one page (for the test suite).
Prints numbers; asserts nothing. Targets (issue 15): a content page <= 20 KB and the directory <= 30 KB on a
first visit (HTML + CSS + JS, gzip); the bytes here also count each response's headers (about 0.4 KB).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness
import languages
from playwright.sync_api import sync_playwright

from tests.support.build import build

PAGES = {
    "home (ja)": "",
    "content page (ja, understanding)": "understanding/",
    "content page (en, understanding)": "en/understanding/",
    "talk now (ja-easy, furigana)": "ja-easy/talk-now/",
    "chart page (zh, numbers)": "zh/numbers/",
    "directory (vi)": "vi/directory/",
    "finder (ja; target <= 45 KB)": "finder/",
    "children's finder (en)": "en/finder-kids/",
}
OFFLINE_WAIT_S = 3.0


def build_times(site: Path) -> None:
    runs, kit = [], []
    for _ in range(3):
        start = time.perf_counter()
        result = build(harness.ROOT / "mkdocs.yml", site)
        runs.append(time.perf_counter() - start)
        took = re.search(r"Share kit took ([0-9.]+) s", result.stderr)
        kit.append(float(took.group(1)) if took else float("nan"))
    html_pages = len(list(site.rglob("*.html")))
    langs = len(languages.site_languages())
    print(f"build (mkdocs build --strict, {langs} languages, {html_pages} HTML files): "
          f"best {min(runs):.2f} s, median {sorted(runs)[1]:.2f} s of 3")
    print(f"  of which the share kit (cards, QR codes, PDFs; cached in .cache/ after the first build): "
          f"median {sorted(kit)[1]:.2f} s = {sorted(kit)[1] / sorted(runs)[1]:.0%} of the build")


def page_weights(site: Path, pages: dict[str, str]) -> None:
    pdfs = sorted((site / "kit" / "print").rglob("*.pdf"))
    if pdfs:
        sizes = [p.stat().st_size / 1024 for p in pdfs]
        print(f"  PDFs: {len(pdfs)}, {min(sizes):.0f}–{max(sizes):.0f} KB each; kit folder "
              f"{sum(p.stat().st_size for p in (site / 'kit').rglob('*') if p.is_file()) / 2**20:.1f} MB")
    with sync_playwright() as p, harness.chromium(p) as browser, harness.serve(site) as served:
        print(f"{'page (first visit, by the load event)':38} {'requests':>8} {'sent':>12} {'uncompressed':>13} "
              f"{'page files':>11}")
        for name, path in pages.items():
            context = browser.browser.new_context(viewport={"width": 390, "height": 844})
            page = context.new_page()
            served.clear()
            page.goto(served.url + path)  # returns at the load event
            loaded = list(served.log)
            page.wait_for_timeout(OFFLINE_WAIT_S * 1000)  # the service worker keeps this language's essentials
            later = served.log[len(loaded):]
            # The page's own HTML, CSS and JS (the targets), apart from the icon and the service
            # worker's script, which may or may not be asked for before the load event.
            own = sum(s.bytes for s in loaded if s.dest in ("document", "style", "script"))
            print(f"{name:38} {len(loaded):>8} {sum(s.bytes for s in loaded) / 1024:>9.1f} KB "
                  f"{sum(s.raw for s in loaded) / 1024:>10.1f} KB {own / 1024:>8.1f} KB"
                  f"   + offline copy after load: {len(later)} "
                  f"requests, {sum(s.bytes for s in later) / 1024:.1f} KB")
            context.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one page, no build timing (for the test suite)")
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.quick:
            site, _ = harness.site(args.site, Path(tmp))
            page_weights(site, dict(list(PAGES.items())[2:3]))
        else:
            site = Path(tmp) / "site"
            build_times(site)
            page_weights(site, PAGES)


if __name__ == "__main__":
    main()

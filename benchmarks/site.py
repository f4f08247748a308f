"""Benchmark: build time, and bytes/requests a first visit costs per page type (gzip, as static hosts send).

Usage: .venv/bin/python benchmarks/site.py   (needs /usr/bin/chromium; `scripts/setup.sh --test` installs it)
Prints numbers; asserts nothing. Target from the issue: a content page <= 60 KB on first visit.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.support.build import build  # noqa: E402
from tests.support.server import serve  # noqa: E402

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


def main() -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        runs, kit = [], []
        for _ in range(3):
            start = time.perf_counter()
            result = build(ROOT / "mkdocs.yml", site)
            runs.append(time.perf_counter() - start)
            took = re.search(r"Share kit took ([0-9.]+) s", result.stderr)
            kit.append(float(took.group(1)) if took else float("nan"))
        html_pages = len(list(site.rglob("*.html")))
        print(f"build (mkdocs build --strict, 6 languages, {html_pages} HTML files): "
              f"best {min(runs):.2f} s, median {sorted(runs)[1]:.2f} s of 3")
        print(f"  of which the share kit (cards, QR codes, PDFs; cached in .cache/ after the first build): "
              f"median {sorted(kit)[1]:.2f} s = {sorted(kit)[1] / sorted(runs)[1]:.0%} of the build")
        pdfs = sorted((site / "kit" / "print").rglob("*.pdf"))
        sizes = [p.stat().st_size / 1024 for p in pdfs]
        print(f"  PDFs: {len(pdfs)}, {min(sizes):.0f}–{max(sizes):.0f} KB each; kit folder "
              f"{sum(p.stat().st_size for p in (site / 'kit').rglob('*') if p.is_file()) / 2**20:.1f} MB")
        with serve(site) as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            print(f"{'page':38} {'requests':>8} {'transferred':>12} {'uncompressed':>13}")
            for name, path in PAGES.items():
                context = browser.new_context(viewport={"width": 390, "height": 844})
                page = context.new_page()
                done = []
                page.on("requestfinished", lambda r, done=done: done.append(r))
                worker: list = []  # type: ignore[type-arg]
                context.on("requestfinished", lambda r, worker=worker: worker.append(r) if r.service_worker else None)
                page.goto(url + path, wait_until="networkidle")
                transferred = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in done)
                raw = sum(len(r.response().body()) for r in done if r.response())  # type: ignore[union-attr]
                page.wait_for_timeout(3000)  # the service worker keeps this language's essentials after load
                warm = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in worker)
                print(f"{name:38} {len(done):>8} {transferred / 1024:>9.1f} KB {raw / 1024:>10.1f} KB"
                      f"   + offline copy after load: {len(worker)} requests, {warm / 1024:.1f} KB")
                context.close()
            browser.close()


if __name__ == "__main__":
    main()

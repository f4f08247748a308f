"""Benchmark the directory: build time with the real data and with 1,000 generated services (six languages),
bytes of a first visit to the directory page, and the time a filter change takes on a throttled phone
profile (Chromium, 4x CPU slowdown). Prints numbers; asserts nothing.

Usage: .venv/bin/python benchmarks/directory.py [--services 1000]
Targets (issue): the 1,000-service build at most 5x the real-data build; a filter change <= 50 ms.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.support.build import build  # noqa: E402
from tests.support.server import serve  # noqa: E402

TEMPLATES = ["inochi-no-denwa-kitakyushu", "kitakyushu-suicide-prevention-line", "foodbank-kitakyushu", "childline",
             "ward-moji", "yell", "kia-one-stop"]


def make_project(tmp: Path, extra: int) -> Path:
    """A copy of the project whose data/services has ``extra`` more services cloned from real ones."""
    project = tmp / f"project-{extra}"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "node_modules", "site", ".git",
                                                                   "services", "topics", "audiences", "*.pyc"))
    shutil.copytree(ROOT / "data" / "services", project / "data" / "services")
    for i in range(extra):
        src = TEMPLATES[i % len(TEMPLATES)]
        data = yaml.safe_load((ROOT / "data" / "services" / f"{src}.yml").read_text(encoding="utf-8"))
        new_id = f"bench-{i:04d}"
        data["id"] = new_id
        data["name"] = {lang: f"{text} {i}" for lang, text in data["name"].items()}
        for contact in data["contacts"]:
            contact.pop("if_busy", None)
        (project / "data" / "services" / f"{new_id}.yml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return project


def timed_build(project: Path, site: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        build(project / "mkdocs.yml", site)
        times.append(time.perf_counter() - start)
    return times


def measure_page(site: Path) -> tuple[int, float, float]:
    """(bytes transferred, median filter-change ms, worst ms) for the English directory page."""
    with serve(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        done = []
        page.on("requestfinished", lambda r: done.append(r))
        page.goto(url + "en/directory/", wait_until="networkidle")
        page.locator("#tg-count").wait_for(state="visible")  # directory.js has run its first update
        transferred = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in done)
        samples = page.evaluate("""() => {
            const form = document.getElementById('tg-filters'), out = [];
            const topics = [...form.elements.topic.options].map(o => o.value);
            for (let i = 0; i < 20; i++) {
              form.elements.topic.value = topics[i % topics.length];
              form.elements.open.checked = i % 3 === 0;
              const t0 = performance.now();
              form.dispatchEvent(new Event('change'));
              out.push(performance.now() - t0);
            }
            return out;
        }""")
        browser.close()
    return transferred, statistics.median(samples), max(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=1000)
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        rows = []
        for extra in (0, args.services):
            project = make_project(tmp, extra)
            n = len(list((project / "data" / "services").glob("*.yml")))
            times = timed_build(project, tmp / f"site-{extra}", runs=3 if extra == 0 else 1)
            transferred, median_ms, worst_ms = measure_page(tmp / f"site-{extra}")
            rows.append((n, min(times), transferred, median_ms, worst_ms))
        print(f"{'services':>8} {'build (s)':>10} {'directory page, first visit':>28} {'filter change (4x CPU)':>24}")
        for n, seconds, transferred, median_ms, worst_ms in rows:
            print(f"{n:>8} {seconds:>10.1f} {transferred / 1024:>24.1f} KB   median {median_ms:5.1f} ms, "
                  f"worst {worst_ms:5.1f} ms")
        print(f"build ratio: {rows[1][1] / rows[0][1]:.1f}x (target <= 5x)")


if __name__ == "__main__":
    main()

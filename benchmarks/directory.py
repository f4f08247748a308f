"""Benchmark the directory: build time with the real data and with 1,000 generated services (six languages),
bytes of a first visit to the directory page (counted at the server), and the time a filter change takes with
the whole browser limited to a quarter of one core (benchmarks/harness.py). Prints numbers; asserts nothing.

Usage: .venv/bin/python benchmarks/directory.py [--services 1000] [--quick]
  --quick: one build with 20 generated services, no CPU limit, 5 filter changes (for the test suite).
Targets (issue): the 1,000-service build at most 5x the real-data build; a filter change <= 50 ms.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness
from playwright.sync_api import sync_playwright

from tests.support.build import build

ROOT = harness.ROOT
TEMPLATES = ["inochi-no-denwa-kitakyushu", "kitakyushu-suicide-prevention-line", "foodbank-kitakyushu", "childline",
             "ward-moji", "yell", "kia-one-stop"]
FILTER_CHANGES = """n => {
    const form = document.getElementById('tg-filters'), out = [];
    const topics = [...form.elements.topic.options].map(o => o.value);
    for (let i = 0; i < n; i++) {
      form.elements.topic.value = topics[i % topics.length];
      form.elements.open.checked = i % 3 === 0;
      const t0 = performance.now();
      form.dispatchEvent(new Event('change'));
      out.push(performance.now() - t0);
    }
    return out;
}"""


def make_project(tmp: Path, extra: int) -> Path:
    """A copy of the project whose data/services has ``extra`` more services cloned from real ones."""
    project = tmp / f"project-{extra}"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "node_modules", "site", ".git", ".cache",
                                                                   "services", "topics", "audiences", "*.pyc"))
    # The build copies Pyodide from node_modules/pyodide (checked against package-lock.json) and keeps its
    # brotli copies in .cache/: the copy uses the project's own.
    for name in ("node_modules", ".cache"):
        (project / name).symlink_to(ROOT / name, target_is_directory=True)
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


def measure_page(site: Path, cpu_share: float | None, changes: int) -> tuple[int, float, float]:
    """(bytes sent for the English directory page by its load event, median filter-change ms, worst ms)."""
    with sync_playwright() as p, harness.chromium(p, cpu_share) as browser, harness.serve(site) as served:
        context = browser.browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        page.goto(served.url + "en/directory/")  # waits for the load event
        sent = served.bytes()
        page.locator("#tg-count").wait_for(state="visible")  # directory.js has run its first update
        samples = page.evaluate(FILTER_CHANGES, changes)
        context.close()
    return sent, statistics.median(samples), max(samples)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--services", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="one small build, no CPU limit (for the test suite)")
    args = parser.parse_args(argv)
    sizes, cpu_share, changes = ((20,), None, 5) if args.quick else ((0, args.services), harness.PHONE.cpu_share, 20)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        rows = []
        for extra in sizes:
            project = make_project(tmp, extra)
            n = len(list((project / "data" / "services").glob("*.yml")))
            times = timed_build(project, tmp / f"site-{extra}", runs=3 if extra == 0 else 1)
            sent, median_ms, worst_ms = measure_page(tmp / f"site-{extra}", cpu_share, changes)
            rows.append((n, min(times), sent, median_ms, worst_ms))
        cpu = f"CPU {cpu_share:.0%} of one core" if cpu_share else "CPU not limited"
        print(f"{'services':>8} {'build (s)':>10} {'directory page, first visit':>28} "
              f"{'filter change (' + cpu + ')':>34}")
        for n, seconds, sent, median_ms, worst_ms in rows:
            print(f"{n:>8} {seconds:>10.1f} {sent / 1024:>24.1f} KB   median {median_ms:5.1f} ms, "
                  f"worst {worst_ms:5.1f} ms")
        if len(rows) == 2:
            print(f"build ratio: {rows[1][1] / rows[0][1]:.1f}x (target <= 5x)")


if __name__ == "__main__":
    main()

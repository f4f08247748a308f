"""Benchmark the directory: build time with the real data and with 1,000 generated services (six languages),
bytes of a first visit to the directory page (counted at the server), and the time a filter change takes with
the whole browser's CPU slowed 4× (a calibrated cgroup quota, benchmarks/harness.py). Prints numbers; asserts nothing.

Each project copy starts with an empty .cache/ (as on a new machine or in CI): its first build is cold
(Pyodide's brotli copies, share cards, QR codes, PDFs all made), the next ones warm (what an editor who
changed a few services waits for). Wall time and the CPU time of the build process and its workers are both
printed: on a shared machine the CPU time is the steadier figure.

Usage: .venv/bin/python benchmarks/directory.py [--services 1000] [--quick] [--runs 2]
  --quick: one build with 20 generated services sharing the project's warm .cache/, no CPU limit, 5 filter
  changes (for the test suite).
Targets (issue): the 1,000-service build, cold, at most 5x the real-data build, cold; a filter change <= 50 ms.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness
from playwright.sync_api import sync_playwright

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


def make_project(tmp: Path, extra: int, cold: bool = False) -> Path:
    """A copy of the project whose data/services has ``extra`` more services cloned from real ones; with
    ``cold`` its own empty .cache/, otherwise the project's."""
    project = tmp / f"project-{extra}"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "node_modules", "site", ".git", ".cache",
                                                                   "services", "topics", "audiences", "*.pyc"))
    # The build copies Pyodide from node_modules/pyodide (checked against package-lock.json) and keeps its
    # brotli copies in .cache/: the copy uses the project's own.
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    if cold:
        (project / ".cache").mkdir()
    else:
        (project / ".cache").symlink_to(ROOT / ".cache", target_is_directory=True)
    shutil.copytree(ROOT / "data" / "services", project / "data" / "services")
    add_services(project / "data" / "services", extra)
    return project


def add_services(services: Path, extra: int) -> None:
    """``extra`` more services in the folder ``services``, cloned from its own copies of the real ones in
    TEMPLATES (in whatever languages they have; benchmarks/languages.py uses this too)."""
    for i in range(extra):
        src = TEMPLATES[i % len(TEMPLATES)]
        data = yaml.safe_load((services / f"{src}.yml").read_text(encoding="utf-8"))
        new_id = f"bench-{i:04d}"
        data["id"] = new_id
        ja = data["name"]["ja"]
        # "Name (日本語名)" stays that shape: the build checks the Japanese name in brackets after English names
        data["name"] = {lang: text.replace(f"（{ja}）", f" {i}（{ja} {i}）").replace(f"({ja})", f"{i} ({ja} {i})")
                        if ja in text and text != ja else f"{text} {i}" for lang, text in data["name"].items()}
        for contact in data["contacts"]:
            contact.pop("if_busy", None)
        (services / f"{new_id}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                                encoding="utf-8")


def timed_build(project: Path, site: Path, runs: int, timeout: float) -> list[tuple[float, float]] | str:
    """(wall s, CPU s of the build and its workers) of each build, or what the build last logged when it ran
    out of time."""
    times = []
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TSUNAGU_CACHE": str(project / ".cache")}
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        try:
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                            "-d", str(site)], capture_output=True, text=True, env=env, timeout=timeout, check=True)
        except subprocess.TimeoutExpired as stopped:
            log = stopped.stderr.decode() if isinstance(stopped.stderr, bytes) else (stopped.stderr or "")
            last = [line for line in log.splitlines() if line.startswith("INFO")][-1:] or ["(nothing logged)"]
            return f"stopped after {timeout:g} s; last logged: {last[0][:100]}"
        took = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append((took, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime))
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
    parser.add_argument("--runs", type=int, default=2, help="builds per project: the first cold, then warm")
    parser.add_argument("--build-timeout", type=float, default=1800, help="seconds before a build is stopped")
    args = parser.parse_args(argv)
    sizes, changes = ((20,), 5) if args.quick else ((0, args.services), 20)

    runs = 1 if args.quick else max(1, args.runs)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        cpu_share = None
        if not args.quick:  # the phone's CPU: the share that slows a worker 4x on this machine, now
            with sync_playwright() as p:
                cpu_share = harness.profile_share(p, tmp, harness.PHONE, {})
        rows: list[tuple[int, str, list[tuple[float, float]]]] = []  # services, the figures printed, builds
        for extra in sizes:
            project = make_project(tmp, extra, cold=not args.quick)
            n = len(list((project / "data" / "services").glob("*.yml")))
            times = timed_build(project, tmp / f"site-{extra}", runs, args.build_timeout)
            if isinstance(times, str):
                rows.append((n, times, []))
                continue
            sent, median_ms, worst_ms = measure_page(tmp / f"site-{extra}", cpu_share, changes)
            builds = "  ".join(f"{wall:>7.1f} s (CPU {cpu:.1f} s){' cold' if i == 0 and not args.quick else ''}"
                               for i, (wall, cpu) in enumerate(times))
            rows.append((n, f"{times[0][0]:>10.1f} {sent / 1024:>24.1f} KB   median {median_ms:5.1f} ms, "
                            f"worst {worst_ms:5.1f} ms   builds: {builds}", times))
        cpu = f"CPU {cpu_share:.0%} of one core" if cpu_share else "CPU not limited"
        print(f"{'services':>8} {'build (s)':>10} {'directory page, first visit':>28} "
              f"{'filter change (' + cpu + ')':>34}")
        for n, figures, _ in rows:
            print(f"{n:>8} {figures}")
        if len(rows) == 2 and rows[0][2] and rows[1][2]:
            (real_wall, real_cpu), (big_wall, big_cpu) = rows[0][2][0], rows[1][2][0]
            print(f"build ratio, cold to cold: {big_wall / real_wall:.1f}x wall, {big_cpu / real_cpu:.1f}x CPU "
                  "(target <= 5x)")
            if len(rows[0][2]) > 1 and len(rows[1][2]) > 1:
                (real_wall, real_cpu), (big_wall, big_cpu) = rows[0][2][1], rows[1][2][1]
                print(f"build ratio, warm to warm: {big_wall / real_wall:.1f}x wall, {big_cpu / real_cpu:.1f}x CPU")


if __name__ == "__main__":
    main()

"""Benchmark the self-check against stock Pyodide, in the same run, measured the same way.

The phone profile is applied where a phone is slow (see benchmarks/harness.py): the test server paces every
response to 9 Mbps on one shared link and waits 150 ms before each response, whoever asks (page, Pyodide's
worker, service worker), and counts the bytes it sends; the whole browser runs in a cgroup limited to a
quarter of one core, so Pyodide's compile and start-up in its worker are slowed as much as the stock
baseline on the main thread. Printed per profile: Pyodide bytes sent (brotli host / gzip-only host), time
from opening the page to Pyodide ready, time from the last answer to the result (a person who takes 20 s),
the page's own bytes, memory, and the slowdown a worker busy loop measured.

Usage: .venv/bin/python benchmarks/selfcheck.py [--quick] [--site DIR]
  --quick: unthrottled, brotli host, no 20 s wait (the test suite runs it: a few seconds).
Targets (issue 15, phone profile): Pyodide over the wire <= 3.2 MB brotli / <= 4.0 MB gzip; ready <= 8 s;
result <= 1 s after the last answer. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

from tsunagu.publish.pyodide_assets import package_dir, precompress

STOCK = "/_stock/"
STOCK_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
# Stock Pyodide loaded the documented way: full stdlib, lock file fetched, on the page's main thread.
BASELINE = """<!doctype html><meta charset="utf-8"><title>baseline</title>
<script type="module">
import { loadPyodide } from "./pyodide/pyodide.mjs";
const t0 = performance.now();
const py = await loadPyodide({ indexURL: "./pyodide/" });
py.runPython("import json, dataclasses");
document.title = "ready " + Math.round(performance.now() - t0);
</script>"""
PYODIDE_PATHS = ("/assets/pyodide/", "/assets/selfcheck/")
READY_WAIT_MS = 90_000


@dataclass
class Row:
    who: str
    pyodide_bytes: int
    ready_s: float | None  # None: never ready (the page fell back to the paper self-check)
    requests: int
    result_ms: float | None = None
    engine: str = ""
    page_bytes: int = 0
    wasm_mb: float = 0.0
    heap_mb: float = 0.0
    breakdown: str = ""


def stock_folder(tmp: Path) -> Path:
    """Stock npm Pyodide with .gz/.br copies (as the site's own files have), and the baseline page."""
    folder = tmp / "stock"
    (folder / "pyodide").mkdir(parents=True)
    source = package_dir(harness.ROOT)
    for name in STOCK_FILES:
        shutil.copyfile(source / name, folder / "pyodide" / name)
        if not name.endswith(".zip"):  # zips are deflated already; the site does not compress its own either
            precompress(folder / "pyodide" / name, harness.ROOT / ".cache" / "precompressed")
    (folder / "index.html").write_text(BASELINE, encoding="utf-8")
    return folder


def stock(browser: harness.Browser, served: harness.Served) -> Row:
    context = browser.browser.new_context()
    page = context.new_page()
    served.clear()
    start = time.perf_counter()
    page.goto(served.url + STOCK.strip("/") + "/index.html")
    try:
        page.wait_for_function("document.title.startsWith('ready')", timeout=READY_WAIT_MS)
        ready: float | None = time.perf_counter() - start
    except PlaywrightTimeout:
        ready = None
    context.close()
    return Row("stock Pyodide", served.bytes(STOCK + "pyodide/"), ready, served.requests(STOCK + "pyodide/"))


def ours(browser: harness.Browser, served: harness.Served, person_s: float) -> Row:
    context = browser.browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    served.clear()
    start, wall = time.perf_counter(), time.time()
    page.goto(served.url + "en/self-check/")
    try:
        page.wait_for_selector("#tg-selfcheck[data-engine=pyodide]", timeout=READY_WAIT_MS)
        ready: float | None = time.perf_counter() - start
    except PlaywrightTimeout:
        ready = None
    # A person who takes ``person_s`` from opening the page to their last answer.
    remaining = person_s - (time.perf_counter() - start)
    if remaining > 0:
        page.wait_for_timeout(remaining * 1000)
    for name in ("companionship", "left-out", "isolated"):
        page.check(f'input[name="{name}"][value="3"]')
    page.check('input[name="direct"][value="sometimes"]')
    clicked = time.perf_counter()
    page.click("#tg-sc-submit")
    page.wait_for_selector("#tg-sc-result:not([hidden])")
    seen_ms = (time.perf_counter() - clicked) * 1000
    phases = json.loads(page.get_attribute("#tg-selfcheck", "data-phases") or "{}")
    info: dict[str, Any] = page.evaluate("""() => {
        const form = document.getElementById('tg-selfcheck'), result = document.getElementById('tg-sc-result');
        // The page stamps both times for a Pyodide result; the paper result has no stamp (null).
        const after = result.dataset.shownAt ? result.dataset.shownAt - form.dataset.submittedAt : null;
        return {after: after, engine: result.dataset.engine,
                wasm: Number(form.dataset.wasmMemory || 0),
                heap: performance.memory ? performance.memory.usedJSHeapSize : 0};
    }""")
    page.wait_for_timeout(1000)  # let the service worker finish what it fetches after load
    context.close()
    return Row("tsunagu", served.bytes(*PYODIDE_PATHS), ready, served.requests(*PYODIDE_PATHS),
               # Measured from here (click to visible, a few ms of CDP more) when the page has no stamp.
               result_ms=float(info["after"]) if info["after"] is not None else seen_ms, engine=str(info["engine"]),
               page_bytes=served.bytes() - served.bytes(*PYODIDE_PATHS),
               wasm_mb=info["wasm"] / 1e6, heap_mb=info["heap"] / 1e6, breakdown=_breakdown(served, wall, phases))


def _breakdown(served: harness.Served, wall: float, phases: dict[str, float]) -> str:
    """Where the seconds to ready went, from opening the page: the worker starts (page loaded, its scripts
    run), the last byte of Pyodide's files leaves the server, Python runs (WebAssembly compiled, Python
    started, its standard library imported), selfcheck imported."""
    if not phases:
        return ""
    files = [s.finished for s in served.log if s.path.startswith(PYODIDE_PATHS[0]) and s.finished]
    steps = [("worker started", phases["worker"] / 1000), ("Pyodide downloaded", max(files, default=0.0)),
             ("Python running", phases["runtime"] / 1000), ("selfcheck imported", phases["ready"] / 1000)]
    return ", ".join(f"{name} {at - wall:.1f} s" for name, at in steps if at)


def _seconds(value: float | None) -> str:
    return f"{value:6.1f} s" if value is not None else "  never"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one unthrottled run (for the test suite)")
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--requests", action="store_true", help="also print every response the server sent")
    args = parser.parse_args(argv)
    runs: list[tuple[harness.Profile, tuple[str, ...]]]
    if args.quick:
        runs = [(harness.UNTHROTTLED, ("br", "gzip"))]
        person_s = 0.0
    else:
        runs = [(harness.PHONE, ("br", "gzip")), (harness.PHONE, ("gzip",)),
                (harness.NETWORK_ONLY, ("br", "gzip")), (harness.UNTHROTTLED, ("br", "gzip"))]
        person_s = 20.0
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        site, _ = harness.site(args.site, tmp)
        mounts = {STOCK: stock_folder(tmp)}
        print(f"{'profile':13} {'host':7} {'':14} {'Pyodide sent':>13} {'requests':>8} {'ready':>8} "
              f"{'result after last answer':>25}")
        with sync_playwright() as p:
            found: dict[float, float] = {}
            shares = {profile: harness.profile_share(p, site, profile, found) for profile, _ in runs}
            for cpu_share in dict.fromkeys(shares.values()):
                with harness.chromium(p, cpu_share) as browser:
                    with harness.serve(site) as served:
                        loop = harness.worker_loop_ms(browser, served)
                    print(f"CPU: {browser.cpu}; a busy loop in a dedicated worker takes {loop:.0f} ms")
                    for profile, encodings in runs:
                        if shares[profile] != cpu_share:
                            continue
                        host = "brotli" if "br" in encodings else "gzip"
                        with harness.serve(site, profile, mounts, encodings) as served:
                            rows = [stock(browser, served)]
                            if args.requests:
                                harness.print_log(served)
                            rows.append(ours(browser, served, person_s))
                            if args.requests:
                                harness.print_log(served)
                        for i, row in enumerate(rows):
                            line = (f"{profile.name if i == 0 else '':13} {host if i == 0 else '':7} {row.who:14} "
                                    f"{row.pyodide_bytes / 1e6:>10.2f} MB {row.requests:>8} {_seconds(row.ready_s)}")
                            if row.result_ms is not None:
                                line += (f" {row.result_ms:>14.0f} ms ({row.engine})   page "
                                         f"{row.page_bytes / 1024:.0f} KB with its offline copy, WASM memory "
                                         f"{row.wasm_mb:.0f} MB, page JS heap {row.heap_mb:.1f} MB")
                            print(line, flush=True)
                            if row.breakdown:
                                print(f"{'':36}start-up: {row.breakdown}; load average {os.getloadavg()[0]:.1f}",
                                      flush=True)
        print(f"person: {person_s:.0f} s from opening the page to the last answer; 'never' = not ready within "
              f"{READY_WAIT_MS // 1000} s (the page gives up after 20 s and shows the paper result)")


if __name__ == "__main__":
    main()

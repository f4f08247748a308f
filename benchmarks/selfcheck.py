"""Benchmark the self-check in headless Chromium on a phone profile (9 Mbps down, 150 ms latency, 4x CPU
slowdown) against the site served with gzip: bytes for the page and for Pyodide, time from page open to
Pyodide ready, time from last answer to result (a person who takes 20 s, and once ready), memory.
Side by side: the stock npm Pyodide core loaded the default way (full stdlib, lock file fetched).

Usage: .venv/bin/python benchmarks/selfcheck.py   (builds the site first; needs /usr/bin/chromium)
Targets (issue): Pyodide payload <= 4 MB; ready <= 10 s; result <= 1 s after the last answer for a
person taking 20 s; <= 100 ms once ready. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from tests.support.build import build  # noqa: E402
from tests.support.server import serve  # noqa: E402

PHONE = {"offline": False, "latency": 150, "downloadThroughput": 9_000_000 / 8, "uploadThroughput": 2_000_000 / 8}
BASELINE = """<!doctype html><meta charset="utf-8"><title>baseline</title>
<script type="module">
import { loadPyodide } from "./pyodide/pyodide.mjs";
const t0 = performance.now();
const py = await loadPyodide({ indexURL: "./pyodide/" });
py.runPython("import json, dataclasses");
document.title = "ready " + Math.round(performance.now() - t0);
</script>"""


def _phone(page: Page, throttle_net: bool = True, throttle_cpu: bool = True) -> None:
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    if throttle_net:
        cdp.send("Network.emulateNetworkConditions", PHONE)
    if throttle_cpu:
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})


def _bytes(responses: list, match: str = "") -> int:  # type: ignore[type-arg]
    return sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in responses if match in r.url)


def ours(browser, url: str, profile: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    _phone(page, throttle_net=profile != "unthrottled", throttle_cpu=profile == "phone")
    done: list = []  # type: ignore[type-arg]
    page.on("requestfinished", lambda r: done.append(r))
    start = time.perf_counter()
    page.goto(url + "en/self-check/")
    page.wait_for_selector("#tg-selfcheck[data-engine=pyodide]", timeout=120_000)
    ready = time.perf_counter() - start
    # A person who takes 20 s from opening the page to their last answer.
    remaining = 20 - (time.perf_counter() - start)
    if remaining > 0:
        page.wait_for_timeout(remaining * 1000)
    for name in ("companionship", "left-out", "isolated"):
        page.check(f'input[name="{name}"][value="3"]')
    page.check('input[name="direct"][value="sometimes"]')
    page.click("#tg-sc-submit")
    page.wait_for_selector("#tg-sc-result:not([hidden])")
    after_last = page.evaluate("document.getElementById('tg-sc-result').dataset.shownAt - "
                               "document.getElementById('tg-selfcheck').dataset.submittedAt")
    memory = int(page.evaluate("document.getElementById('tg-selfcheck').dataset.wasmMemory"))
    heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0")
    result = {"page_kb": _bytes([r for r in done if "pyodide" not in r.url and "selfcheck-" not in r.url]) / 1024,
              "pyodide_mb": (_bytes(done, "/pyodide/") + _bytes(done, "/selfcheck/")) / 1e6,
              "ready_s": ready, "result_ms": after_last, "wasm_mb": memory / 1e6, "heap_mb": heap / 1e6}
    context.close()
    return result


def baseline(browser, url: str, profile: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    page = context.new_page()
    _phone(page, throttle_net=profile != "unthrottled", throttle_cpu=profile == "phone")
    done: list = []  # type: ignore[type-arg]
    page.on("requestfinished", lambda r: done.append(r))
    start = time.perf_counter()
    page.goto(url + "baseline/index.html")
    page.wait_for_function("document.title.startsWith('ready')", timeout=180_000)
    ready = time.perf_counter() - start
    result = {"pyodide_mb": _bytes(done, "/pyodide/") / 1e6, "ready_s": ready}
    context.close()
    return result


def main() -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with tempfile.TemporaryDirectory() as tmp_name:
        site = Path(tmp_name) / "site"
        build(ROOT / "mkdocs.yml", site)
        stock = site / "baseline"
        stock.mkdir()
        (stock / "index.html").write_text(BASELINE, encoding="utf-8")
        shutil.copytree(ROOT / "node_modules" / "pyodide", stock / "pyodide")
        with serve(site) as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                              "--enable-precise-memory-info"])
            print(f"{'profile':14} {'':9} {'Pyodide over the wire':>22} {'ready':>8} {'result after last answer':>26}")
            for profile in ("phone", "network-only", "unthrottled"):
                b = baseline(browser, url, profile)
                o = ours(browser, url, profile)
                print(f"{profile:14} {'stock':9} {b['pyodide_mb']:>19.2f} MB {b['ready_s']:>6.1f} s")
                print(f"{'':14} {'tsunagu':9} {o['pyodide_mb']:>19.2f} MB {o['ready_s']:>6.1f} s "
                      f"{o['result_ms']:>18.0f} ms   (page {o['page_kb']:.0f} KB, WASM memory {o['wasm_mb']:.0f} MB, "
                      f"page JS heap {o['heap_mb']:.1f} MB)")
            browser.close()
        files = [*(site / "assets" / "pyodide").rglob("*"), *(site / "assets" / "selfcheck").rglob("*")]
        raw = [f for f in files if f.is_file() and f.suffix not in (".gz", ".br")]

        def served(f: Path, ext: str) -> int:
            pre = f.with_name(f"{f.name}.{ext}")
            return pre.stat().st_size if pre.exists() else f.stat().st_size

        gz, br = (sum(served(f, ext) for f in raw) / 1e6 for ext in ("gz", "br"))
        print(f"Pyodide files as a host serving the precompressed copies sends them: "
              f"gzip {gz:.2f} MB, brotli {br:.2f} MB")


if __name__ == "__main__":
    main()

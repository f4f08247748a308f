"""The benchmarks still run (each one's quick mode), and their harness measures what it claims: the server
paces bytes and counts them, and the CPU limit slows a dedicated worker, not just the page."""

from __future__ import annotations

import contextlib
import gzip
import os
import re
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

# After the project: benchmarks/selfcheck.py must not hide the selfcheck package.
sys.path.append(str(ROOT / "benchmarks"))

import harness

NUMBER = r"[0-9]+(?:\.[0-9]+)?"
QUICK = {
    # benchmarks/<name>.py: a line of figures its quick mode must print. Run here: benchmarks/selfcheck.py,
    # benchmarks/site.py, benchmarks/lighthouse.py, benchmarks/directory.py (and benchmarks/harness.py, tested
    # above); benchmarks/languages.py's quick mode (its three copies made and checked, not built) runs in
    # tests/unit/test_benchmark_languages.py.
    "selfcheck": rf"tsunagu +{NUMBER} MB +[0-9]+ +{NUMBER} s +{NUMBER} ms \(pyodide\)",
    "site": rf"content page \(en, understanding\) +[0-9]+ +{NUMBER} KB +{NUMBER} KB",
    "lighthouse": r"content \(en\)(?: +[0-9]{1,3}){4}",
    "directory": rf"[0-9]+ +{NUMBER} +{NUMBER} KB +median +{NUMBER} ms, worst +{NUMBER} ms",
}


def _get(url: str, accept: str = "") -> tuple[bytes, dict[str, str], float]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept} if accept else {})
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read()
        return body, dict(response.headers.items()), time.perf_counter() - start


def test_server_paces_to_the_bandwidth_and_counts_every_byte(tmp_path: Path) -> None:
    (tmp_path / "a.zip").write_bytes(os.urandom(500_000))
    (tmp_path / "b.zip").write_bytes(os.urandom(500_000))
    profile = harness.Profile("test", bits_per_second=8_000_000, latency_s=0.2)
    with harness.serve(tmp_path, profile) as served:
        body, headers, took = _get(served.url + "a.zip")
        assert len(body) == 500_000 and headers["Content-Type"] == "application/zip"
        assert 0.2 + 0.5 <= took < 3, took  # 500 KB at 1 MB/s after one 200 ms round trip
        head = len("HTTP/1.1 200 OK\r\n") + sum(len(f"{k}: {v}\r\n") for k, v in headers.items()) + 2
        assert served.log[0].bytes == head + 500_000  # the body, its status line and headers
        # Two downloads at once share one link: together they take as long as 1 MB does.
        served.clear()
        start = time.perf_counter()
        threads = [threading.Thread(target=_get, args=(served.url + name,)) for name in ("a.zip", "b.zip")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert time.perf_counter() - start >= 1.0
        assert served.requests() == 2 and served.bytes() > 1_000_000


def test_server_sends_the_precompressed_copies_the_request_accepts(tmp_path: Path) -> None:
    wasm = tmp_path / "assets" / "pyodide" / "x.wasm"
    wasm.parent.mkdir(parents=True)
    wasm.write_bytes(b"\0asm" + b"x" * 10_000)
    (tmp_path / "assets" / "pyodide" / "x.wasm.br").write_bytes(b"BROTLI")
    (tmp_path / "assets" / "pyodide" / "x.wasm.gz").write_bytes(gzip.compress(wasm.read_bytes()))
    (tmp_path / "_headers").write_text("/*\n  X-Frame-Options: DENY\n", encoding="utf-8")
    with harness.serve(tmp_path) as served:
        body, headers, _ = _get(served.url + "assets/pyodide/x.wasm", "gzip, br")
        assert (body, headers["Content-Encoding"], headers["Content-Type"]) == (b"BROTLI", "br", "application/wasm")
        assert headers["Cache-Control"] == harness.IMMUTABLE and headers["X-Frame-Options"] == "DENY"
        _, headers, _ = _get(served.url + "assets/pyodide/x.wasm", "gzip")
        assert headers["Content-Encoding"] == "gzip"
        body, headers, _ = _get(served.url + "assets/pyodide/x.wasm")
        assert "Content-Encoding" not in headers and body == wasm.read_bytes()
        assert [s.encoding for s in served.log] == ["br", "gzip", "identity"]
    with harness.serve(tmp_path, encodings=("gzip",)) as served:  # a host without brotli
        _, headers, _ = _get(served.url + "assets/pyodide/x.wasm", "gzip, br")
        assert headers["Content-Encoding"] == "gzip"


@pytest.mark.e2e
@pytest.mark.skipif(not harness.cgroup_available(), reason="the cgroup v1 CPU controller is not writable here")
def test_cpu_limit_slows_a_dedicated_worker(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    times = {}
    with sync_playwright() as p, harness.serve(tmp_path) as served:
        for share in (None, 0.25):
            with harness.chromium(p, share) as browser:
                times[share] = harness.worker_loop_ms(browser, served)
    # A quarter of one core: at least twice as slow even when the free run shares a busy machine.
    assert times[0.25] >= 2 * times[None], times


def _descendants(pid: int) -> list[str]:
    """Command lines of every process descended from ``pid`` (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            todo.append(child)
            with contextlib.suppress(OSError):
                found.append((Path("/proc") / str(child) / "cmdline").read_bytes().replace(b"\0", b" ").decode())
    return found


@pytest.mark.e2e
def test_the_measured_browser_builds_no_browser_ui_pages(tmp_path: Path) -> None:
    # Desktop Chromium draws its omnibox popup as a web page in a renderer of its own, one per window (a
    # Playwright context), inside the benchmark's CPU quota: traced on the phone profile it took more CPU than
    # the page being measured. harness.CHROMIUM_FLAGS switches that off.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p, harness.serve(tmp_path) as served, harness.chromium(p) as browser:
        for _ in range(2):
            context = browser.browser.new_context()
            context.new_page().goto(served.url + harness.BLANK.strip("/") + "/blank.html")
        time.sleep(2)  # Chromium makes the popup's renderer shortly after the window
        renderers = [c for c in _descendants(browser.pid) if "--type=renderer" in c]
        assert renderers, "no renderer found: the process walk is broken"
        assert not [c for c in renderers if "--top-chrome-webui" in c]


@pytest.mark.parametrize("overhead", [1.0, 1.8, 0.6])
def test_share_search_lands_on_the_asked_slowdown(overhead: float) -> None:
    # The calibration's search against a machine where a share s slows the loop overhead/s times (the
    # browser's other processes spend part of the quota: overhead > 1). A real browser's trials are noisy
    # (test_cpu_limit_slows_a_dedicated_worker measures one); the search itself must converge.
    trials: list[float | None] = []

    def measure(share: float | None) -> float:
        trials.append(share)
        return 200.0 if share is None else 200.0 * max(1.0, overhead / share)

    share, limited, free = harness.search_share(measure, 4.0, tolerance=0.1, tries=5, cores=2)
    assert 4.0 <= limited / free <= 4.4, (share, limited, free, trials)
    assert abs(share - overhead / (limited / free)) < 1e-9 and len(trials) <= 6


@pytest.mark.e2e
@pytest.mark.parametrize("name", list(QUICK))
def test_benchmark_quick_mode_runs_and_prints_its_figures(name: str, built_site: Path) -> None:
    args = [sys.executable, str(ROOT / "benchmarks" / f"{name}.py"), "--quick"]
    if name != "directory":  # the directory benchmark measures its own builds
        args += ["--site", str(built_site)]
    result = subprocess.run(args, capture_output=True, text=True, timeout=300, cwd=ROOT,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    assert re.search(QUICK[name], result.stdout), result.stdout


def test_directory_benchmark_reports_a_build_that_runs_out_of_time() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "directory.py"), "--quick",
                             "--build-timeout", "0.5"], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    assert re.search(r"\n +[0-9]+ stopped after 0.5 s; last logged: ", result.stdout), result.stdout


@pytest.mark.e2e
def test_screenshot_comparison_finds_a_changed_page_and_passes_an_unchanged_one(built_site: Path,
                                                                                tmp_path: Path) -> None:
    """benchmarks/screens.py, in its smallest form: one page, one language, shot and compared."""
    script = [sys.executable, str(ROOT / "benchmarks" / "screens.py")]
    shots = tmp_path / "before"
    run = subprocess.run([*script, "shoot", str(built_site), str(shots), "--langs", "en", "--pages", "privacy/"],
                         capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert run.returncode == 0, run.stderr[-3000:]
    pngs = sorted(shots.glob("*.png"))
    assert pngs
    same = subprocess.run([*script, "compare", str(shots), str(shots)], capture_output=True, text=True, timeout=120,
                          cwd=ROOT)
    assert same.returncode == 0 and " 0 differ" in same.stdout, same.stdout
    changed = tmp_path / "after"
    changed.mkdir()
    for png in pngs:
        (changed / png.name).write_bytes(png.read_bytes())
    from PIL import Image

    with Image.open(changed / pngs[0].name) as image:
        image.convert("RGB").point(lambda v: 255 - v).save(changed / pngs[0].name)  # every pixel changed
    differs = subprocess.run([*script, "compare", str(shots), str(changed)], capture_output=True, text=True,
                             timeout=120, cwd=ROOT)
    assert differs.returncode == 1 and "DIFFERS" in differs.stdout, differs.stdout

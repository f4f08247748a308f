"""What every benchmark shares: a phone profile applied where a phone is slow, and bytes counted where they
are sent.

- ``serve``: a static server for a built site on 127.0.0.1 that serves it as the site's real hosts do
  (content types from ``tsunagu.publish.hosting``, the headers of the site's ``_headers`` file, the build's ``.br`` /
  ``.gz`` copies when the request accepts them, other text gzipped on the fly) and, for a profile, **paces the
  bytes** to the profile's bandwidth (one link shared by every connection) and **waits the latency once per
  request**. Whoever asks — the page, a dedicated worker, the service worker — gets the same link, and every
  byte written (status line, headers, body) is counted per request. DevTools network emulation cannot do
  this: requests a service worker makes are neither slowed by it nor counted by the page's request events.
- ``chromium``: Debian's Chromium, started by us and driven over CDP, optionally **inside a cgroup (v1 CPU
  controller) with a CPU quota** (for the phone: the quota that makes a worker's busy loop 4× slower,
  calibrated each run by ``calibrated_share``), so the whole browser — main thread, dedicated workers,
  the service worker, the compositor — is slowed. DevTools ``Emulation.setCPUThrottlingRate`` slows the page's
  main thread only: Pyodide compiled in a worker would not be slowed while a baseline on the main thread
  would. The quota is relative to this machine (shared by other jobs); ``worker_loop_ms`` measures the slowdown
  a worker actually gets, and the benchmarks print it. Chromium's own web-page UI (the desktop omnibox popup,
  a renderer per window) is switched off: inside the quota it took more CPU than the page measured.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from playwright.sync_api import Error as PlaywrightError  # noqa: E402

from tests.support.build import build  # noqa: E402
from tsunagu.publish.hosting import IMMUTABLE, REVALIDATE, TEXT, TYPES, VERSIONED  # noqa: E402

__all__ = ["IMMUTABLE", "NETWORK_ONLY", "PHONE", "ROOT", "UNTHROTTLED", "Browser", "Profile",
           "Sent", "Served", "calibrated_share", "cgroup_available", "chromium", "print_log", "profile_share",
           "search_share", "serve", "site", "worker_loop_ms"]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                  "--enable-precise-memory-info", "--no-default-browser-check",
                  # Desktop Chromium builds its omnibox popup as a web page (a "top-chrome WebUI" renderer) for
                  # every new window, and Playwright opens a window per context: traced on the phone profile,
                  # those renderers took more CPU than the page measured, inside the same quota. A phone's
                  # browser draws its address bar natively, so the benchmarks switch them off.
                  "--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxAimPopup,"
                  "WebUIOmniboxFullPopup"]
CGROUP_CPU = Path("/sys/fs/cgroup/cpu")  # cgroup v1 CPU controller (this machine has no v2 "cpu" controller)
CHUNK = 16 * 1024
BLANK = "/_bench-blank/"
CFS_PERIOD_US = 10_000


@dataclass(frozen=True)
class Profile:
    """A device and network to measure on. ``cpu_share`` is the fraction of one core the whole browser gets;
    ``cpu_slowdown`` asks instead for the share that makes a busy loop in a dedicated worker that many times
    slower than without a limit (found by :func:`calibrated_share` on this machine, for this run)."""

    name: str
    bits_per_second: float | None = None
    latency_s: float = 0.0
    cpu_share: float | None = None
    cpu_slowdown: float | None = None


PHONE = Profile("phone", 9_000_000, 0.150, cpu_slowdown=4.0)
"""The issue's phone: 9 Mbps, 150 ms, CPU 4× slower for the whole browser. The quota is calibrated on this
machine for each run (a busy loop in a worker 4–4.4× slower) and printed. Earlier runs used a quarter of one
core with the kernel's 100 ms period, which slowed that loop 7× on one run and 4× on another."""
NETWORK_ONLY = Profile("network only", 9_000_000, 0.150, None)
UNTHROTTLED = Profile("unthrottled")


@dataclass
class Sent:
    """One response as the server wrote it."""

    path: str
    status: int
    encoding: str
    bytes: int  # status line + headers + body actually written (less if the client went away)
    raw: int  # the file's own size, before compression
    dest: str  # Sec-Fetch-Dest: document, script, worker, serviceworker, empty (fetch) …
    started: float = 0.0  # time.time() when the request arrived (before the latency)
    finished: float = 0.0  # time.time() when its last byte was written


@dataclass
class Served:
    url: str
    log: list[Sent] = field(default_factory=list)
    accept: set[str] = field(default_factory=set)  # Accept-Encoding values the browser sent

    def bytes(self, *prefixes: str) -> int:
        """Bytes sent for paths under any of ``prefixes`` (all paths when none is given)."""
        return sum(s.bytes for s in self.log if not prefixes or s.path.startswith(prefixes))

    def requests(self, *prefixes: str) -> int:
        return sum(1 for s in self.log if not prefixes or s.path.startswith(prefixes))

    def clear(self) -> None:
        self.log.clear()


class _Link:
    """One shared link: chunks are sent in turn, each taking len/bandwidth of the link's time."""

    def __init__(self, bits_per_second: float | None) -> None:
        self.rate = bits_per_second / 8 if bits_per_second else None
        self.free_at = 0.0
        self.lock = threading.Lock()

    def wait_for(self, size: int) -> None:
        if self.rate is None:
            return
        with self.lock:
            start = max(time.monotonic(), self.free_at)
            self.free_at = start + size / self.rate
            done = self.free_at
        time.sleep(max(0.0, done - time.monotonic()))


def _read_headers_file(site: Path) -> list[tuple[re.Pattern[str], list[tuple[str, str]]]]:
    """The rules of the site's ``_headers`` (Netlify / Cloudflare Pages syntax: a path, then indented headers)."""
    rules: list[tuple[re.Pattern[str], list[tuple[str, str]]]] = []
    file = site / "_headers"
    if not file.is_file():
        return rules
    for line in file.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((re.compile("^" + re.escape(line.strip()).replace(r"\*", ".*") + "$"), []))
        elif rules:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def _handler(site: Path, mounts: dict[str, Path], link: _Link, latency: float, served: Served,
             encodings: tuple[str, ...]) -> type[http.server.BaseHTTPRequestHandler]:
    rules = _read_headers_file(site)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as every real host

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_HEAD(self) -> None:
            self._respond(body=False)

        def do_GET(self) -> None:
            self._respond(body=True)

        def _file(self, path: str) -> tuple[Path | None, bool]:
            """(file, is a folder without its trailing slash)."""
            root, rel = site, path.lstrip("/")
            for prefix, folder in mounts.items():
                if path.startswith(prefix):
                    root, rel = folder, path[len(prefix):]
            target = (root / rel).resolve()
            if root.resolve() not in (target, *target.parents):
                return None, False
            if target.is_dir():
                if not path.endswith("/"):
                    return target, True
                target = target / "index.html"
            return (target if target.is_file() else None), False

        def _respond(self, body: bool) -> None:
            path = unquote(urlsplit(self.path).path)
            accepted = {e.split(";")[0].strip() for e in self.headers.get("Accept-Encoding", "").split(",")}
            served.accept.update(a for a in accepted if a)
            arrived = time.time()
            # One round trip before the first byte, for every request, whoever makes it.
            time.sleep(latency)
            file, redirect = self._file(path)
            headers: list[tuple[str, str]] = []
            encoding = "identity"
            if redirect:
                status, data = 301, b""
                headers.append(("Location", path + "/"))
            elif file is None:
                status, page = 404, site / "404.html"
                data = page.read_bytes() if page.is_file() else b"not found"
                file = page
            else:
                status, data = 200, b""
            raw = len(data)
            if file is not None and not redirect:
                ext = file.suffix.lstrip(".")
                ctype = TYPES.get(ext, "application/octet-stream")
                headers.append(("Content-Type", ctype + ("; charset=utf-8" if ctype in TEXT else "")))
                if status == 200:
                    raw = file.stat().st_size
                    data, encoding = self._encoded(file, accepted, ctype)
                if encoding != "identity":
                    headers.append(("Content-Encoding", encoding))
                headers.append(("Vary", "Accept-Encoding"))
                versioned = any(path.startswith("/" + folder) for folder in VERSIONED)
                headers.append(("Cache-Control", IMMUTABLE if versioned else REVALIDATE))
            if not any(path.startswith(p) for p in mounts):
                for pattern, extra in rules:
                    if pattern.match(path):
                        headers = [h for h in headers if h[0] not in {n for n, _ in extra}] + extra
            headers.append(("Content-Length", str(len(data))))
            head = f"HTTP/1.1 {status} {http.HTTPStatus(status).phrase}\r\n".encode()
            head += "".join(f"{k}: {v}\r\n" for k, v in headers).encode("latin-1") + b"\r\n"
            payload = head + (data if body else b"")
            # Logged and counted before each write, so a client that has the last byte finds it counted.
            record = Sent(path, status, encoding, 0, raw, self.headers.get("Sec-Fetch-Dest", ""), arrived)
            served.log.append(record)
            for i in range(0, len(payload), CHUNK):
                chunk = payload[i:i + CHUNK]
                link.wait_for(len(chunk))
                record.bytes += len(chunk)
                try:
                    self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):  # a download cancelled by the browser
                    record.bytes -= len(chunk)
                    self.close_connection = True
                    return
            self.wfile.flush()
            record.finished = time.time()

        def _encoded(self, file: Path, accepted: set[str], ctype: str) -> tuple[bytes, str]:
            # The build's precompressed copies first (nginx gzip_static / brotli_static; Netlify and
            # Cloudflare compress text with brotli themselves), then gzip on the fly for other text.
            for enc, ext in (("br", "br"), ("gzip", "gz")):
                copy = file.with_name(f"{file.name}.{ext}")
                if enc in encodings and enc in accepted and copy.is_file():
                    return copy.read_bytes(), enc
            raw = file.read_bytes()
            if "gzip" in accepted and (ctype in TEXT or ctype in ("text/javascript", "application/wasm")):
                return gzip.compress(raw, compresslevel=6), "gzip"
            return raw, "identity"

    return Handler


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError, TimeoutError)):
            return
        super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(site: Path, profile: Profile = UNTHROTTLED, mounts: dict[str, Path] | None = None,
          encodings: tuple[str, ...] = ("br", "gzip")) -> Iterator[Served]:
    """Serve ``site`` (and each ``mounts`` folder at its URL prefix, without the site's headers) on a free
    loopback port, paced to ``profile``; ``encodings`` are the precompressed copies the host may send."""
    served = Served("")
    with tempfile.TemporaryDirectory(prefix="tsunagu-bench-") as blank:
        # A page without the site's CSP, for the worker busy loop (a blob: worker).
        (Path(blank) / "blank.html").write_text('<!doctype html><meta charset="utf-8"><title>blank</title>',
                                                encoding="utf-8")
        every = {**(mounts or {}), BLANK: Path(blank)}
        handler = _handler(site, every, _Link(profile.bits_per_second), profile.latency_s, served, encodings)
        httpd = _Server(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        served.url = f"http://127.0.0.1:{httpd.server_address[1]}/"
        try:
            yield served
        finally:
            httpd.shutdown()
            httpd.server_close()


def print_log(served: Served) -> None:
    """Every response since the last ``clear``: bytes sent, encoding, who asked (Sec-Fetch-Dest), path."""
    for s in served.log:
        print(f"    {s.bytes:>10,} B  {s.status}  {s.encoding:8} {s.dest or '-':13} {s.path}")


def site(given: Path | None, tmp: Path) -> tuple[Path, float | None]:
    """The built site to measure: ``given`` (``--site``), or a fresh ``mkdocs build --strict`` into ``tmp``
    (returns the build's seconds, None when given)."""
    if given is not None:
        if not (given / "index.html").is_file():
            raise SystemExit(f"{given} is not a built site (no index.html)")
        return given, None
    start = time.perf_counter()
    build(ROOT / "mkdocs.yml", tmp / "site")
    return tmp / "site", time.perf_counter() - start


def cgroup_available() -> bool:
    """True when this process may create a cgroup v1 CPU group (root, controller mounted read-write)."""
    return os.access(CGROUP_CPU, os.W_OK) and (CGROUP_CPU / "cpu.cfs_quota_us").is_file()


@contextlib.contextmanager
def _cpu_group(share: float) -> Iterator[Path]:
    group = CGROUP_CPU / f"tsunagu-bench-{os.getpid()}-{time.monotonic_ns()}"
    group.mkdir()
    try:
        # A 10 ms period (the kernel's default is 100 ms): the browser runs a little every 10 ms, as on a slow
        # phone, not in bursts with 100 ms pauses, whose timing against a short task made runs differ by ±15 %.
        (group / "cpu.cfs_period_us").write_text(str(CFS_PERIOD_US))
        (group / "cpu.cfs_quota_us").write_text(str(max(1000, int(CFS_PERIOD_US * share))))
        yield group
    finally:
        # Processes left in the group (none once Chromium has exited) would keep rmdir from working.
        for _ in range(50):
            try:
                group.rmdir()
                break
            except OSError:
                time.sleep(0.1)


@dataclass
class Browser:
    """A Playwright browser connected over CDP to a Chromium we started; ``cpu`` says how it is limited."""

    browser: Any
    cpu: str
    pid: int = 0  # Chromium's own process (its renderers, GPU and utility processes descend from it)


@contextlib.contextmanager
def chromium(playwright: Any, cpu_share: float | None = None) -> Iterator[Browser]:
    """Debian's Chromium, the whole browser limited to ``cpu_share`` of one core when given.

    Chromium is in the cgroup from its first instruction, so every process it forks — renderers (with
    their workers and the service worker), utilities — is in it. Raises RuntimeError when no cgroup can be made:
    a benchmark must not print a "phone" figure measured at full speed.
    """
    with contextlib.ExitStack() as stack:
        procs_file: Path | None = None
        if cpu_share is not None:
            if not cgroup_available():
                raise RuntimeError(f"cannot limit the browser's CPU: {CGROUP_CPU} is not writable (needs root and "
                                   "the cgroup v1 CPU controller); run the profile without CPU limit instead")
            procs_file = stack.enter_context(_cpu_group(cpu_share)) / "cgroup.procs"
        profile_dir = stack.enter_context(
            tempfile.TemporaryDirectory(prefix="tsunagu-bench-chromium-", ignore_cleanup_errors=True))

        command = [CHROMIUM, *CHROMIUM_FLAGS, "--remote-debugging-port=0", f"--user-data-dir={profile_dir}",
                   "about:blank"]
        if procs_file is not None:
            # The shell joins the group, then becomes Chromium: every process Chromium forks is in it.
            command = ["sh", "-c", 'echo $$ > "$0" && exec "$@"', str(procs_file), *command]
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            endpoint = _devtools_endpoint(proc)
            browser = playwright.chromium.connect_over_cdp(endpoint)
            cpu = (f"whole browser in a cgroup, quota {cpu_share:.0%} of one core" if cpu_share is not None
                   else "not limited")
            yield Browser(browser, cpu, proc.pid)
            # Connected over CDP, browser.close() only disconnects: ask Chromium itself to quit.
            with contextlib.suppress(PlaywrightError):
                browser.new_browser_cdp_session().send("Browser.close")
            with contextlib.suppress(PlaywrightError):
                browser.close()
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _devtools_endpoint(proc: subprocess.Popen[str]) -> str:
    assert proc.stderr is not None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line and proc.poll() is not None:
            break
        found = re.search(r"DevTools listening on (ws://\S+)", line)
        if found:
            # Keep reading stderr so Chromium never blocks on a full pipe.
            threading.Thread(target=proc.stderr.read, daemon=True).start()
            return found.group(1)
    raise RuntimeError("Chromium did not start (no DevTools endpoint within 30 s)")


BUSY_WORKER = """() => new Promise(resolve => {
  const code = "let x = 0; const t0 = performance.now(); for (let i = 0; i < 3e7; i++) x = (x * 31 + i) % 1000003;"
             + "postMessage(performance.now() - t0);";
  const w = new Worker(URL.createObjectURL(new Blob([code], {type: "text/javascript"})));
  w.onmessage = e => { w.terminate(); resolve(e.data); };
  w.onerror = e => resolve(-1);
})"""


def calibrated_share(playwright: Any, site: Path, slowdown: float, tolerance: float = 0.1,
                     tries: int = 5) -> tuple[float, float, float]:
    """(share of one core, busy loop ms with it, ms without a limit): the cgroup quota under which a busy loop
    in a dedicated worker is ``slowdown`` times slower (up to ``tolerance`` more, never less), found by a few
    trials: the browser's other processes spend the same quota, so the share is not simply 1/slowdown."""
    def measure(share: float | None) -> float:
        with chromium(playwright, share) as browser, serve(site) as served:
            return worker_loop_ms(browser, served)

    return search_share(measure, slowdown, tolerance, tries)


def search_share(measure: Any, slowdown: float, tolerance: float = 0.1, tries: int = 5,
                 cores: int | None = None) -> tuple[float, float, float]:
    """The search of :func:`calibrated_share`, given ``measure(share or None) -> ms``: start at 1/slowdown,
    then scale the share by how far each trial's slowdown was from the one asked for. Each trial is one
    measurement on a shared machine, so the last trial is returned even when none landed in the range."""
    free = measure(None)
    share, limited = 1 / slowdown, 0.0
    for _ in range(tries):
        limited = measure(share)
        ratio = limited / free
        if slowdown <= ratio <= slowdown * (1 + tolerance):  # never a faster phone than asked for
            break
        share = min(float(cores or os.cpu_count() or 1), share * ratio / (slowdown * (1 + tolerance / 2)))
    return share, limited, free


def profile_share(playwright: Any, site: Path, profile: Profile, found: dict[float, float]) -> float | None:
    """The profile's share of one core: given, or calibrated (once per slowdown, kept in ``found``)."""
    if profile.cpu_slowdown is None:
        return profile.cpu_share
    if profile.cpu_slowdown not in found:
        share, limited, free = calibrated_share(playwright, site, profile.cpu_slowdown)
        print(f"CPU {profile.cpu_slowdown:g}× slower: a quota of {share:.0%} of one core makes a busy loop in a "
              f"worker take {limited:.0f} ms against {free:.0f} ms without a limit ({limited / free:.1f}×)",
              flush=True)
        found[profile.cpu_slowdown] = share
    return found[profile.cpu_slowdown]


def worker_loop_ms(browser: Browser, served: Served, runs: int = 3) -> float:
    """Median milliseconds a fixed busy loop takes in a dedicated worker, after one warm-up run: printed
    beside each profile, so the slowdown workers really got is on record."""
    context = browser.browser.new_context()
    try:
        page = context.new_page()
        page.goto(served.url + BLANK.strip("/") + "/blank.html")
        times = [float(page.evaluate(BUSY_WORKER)) for _ in range(runs + 1)][1:]
        served.clear()
        if min(times) < 0:
            raise RuntimeError("the busy-loop worker did not start")
        return sorted(times)[len(times) // 2]
    finally:
        context.close()

"""The host settings the build writes (_headers, _nginx.conf): read back and checked, and a real nginx
(Debian's package) serving the built site with the generated snippet."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import brotli as _brotli
import pytest

from tsunagu.publish import csp

REQUIRED = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}
STRICT_TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript"}
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


def parse_headers_file(text: str) -> dict[str, dict[str, str]]:
    """_headers -> {path pattern: {header: value}} (a header set twice in one rule is kept twice, joined)."""
    rules: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
        elif current is not None:
            name, _, value = line.strip().partition(":")
            current[name] = f"{current[name]}, {value.strip()}" if name in current else value.strip()
    return rules


def _matches(pattern: str, path: str) -> bool:
    return path.startswith(pattern[:-1]) if pattern.endswith("*") else path == pattern


def headers_for(rules: dict[str, dict[str, str]], path: str) -> dict[str, str]:
    """What Netlify or Cloudflare Pages would send: every matching rule, same names joined by commas."""
    out: dict[str, str] = {}
    for pattern, headers in rules.items():
        if _matches(pattern, path):
            for k, v in headers.items():
                out[k] = f"{out[k]}, {v}" if k in out else v
    return out


def problems_in_headers_file(site: Path, text: str) -> list[str]:
    """Everything that would make a host serve the site wrongly, for every file of the site."""
    rules = parse_headers_file(text)
    problems = []
    hashes = {h for page in site.rglob("*.html") for h in csp.script_hashes(page.read_text(encoding="utf-8"))}
    for file in sorted(p for p in site.rglob("*") if p.is_file()):
        path = "/" + file.relative_to(site).as_posix()
        got = headers_for(rules, path)
        policy = got.get("Content-Security-Policy", "")
        if "frame-ancestors 'none'" not in policy or "default-src 'self'" not in policy:
            problems.append(f"{path}: CSP missing or without frame-ancestors 'none': {policy!r}")
        missing_hashes = [h for h in hashes if h not in policy]
        if file.suffix == ".html" and missing_hashes:
            problems.append(f"{path}: CSP header would block inline scripts {missing_hashes[:2]}")
        for k, v in REQUIRED.items():
            if got.get(k) != v:
                problems.append(f"{path}: {k} is {got.get(k)!r}, expected {v!r}")
        if file.suffix in STRICT_TYPES and got.get("Content-Type") != STRICT_TYPES[file.suffix]:
            problems.append(f"{path}: Content-Type {got.get('Content-Type')!r}, expected {STRICT_TYPES[file.suffix]}")
        cache = got.get("Cache-Control", "")
        if "," in cache and cache.count("max-age") > 1:
            problems.append(f"{path}: two Cache-Control rules match: {cache!r}")
        if "immutable" in cache and (file.suffix == ".html" or file.name == "sw.js" or (file.suffix == ".json"
                                     and "pyodide" not in path)):
            problems.append(f"{path}: a page, data or the service worker must not be cached as immutable")
    return problems


def test_headers_file_serves_every_file_correctly(built_site: Path) -> None:
    text = (built_site / "_headers").read_text(encoding="utf-8")
    assert problems_in_headers_file(built_site, text) == []
    assert "immutable" in headers_for(parse_headers_file(text), "/assets/pyodide/314.0.7/pyodide.asm.wasm")[
        "Cache-Control"]


@pytest.mark.parametrize("breakage", ["wasm-type", "drop-csp", "framing-allowed", "immutable-html"])
def test_headers_check_catches_a_broken_file(built_site: Path, breakage: str) -> None:
    text = (built_site / "_headers").read_text(encoding="utf-8")
    if breakage == "wasm-type":
        broken = text.replace("Content-Type: application/wasm", "Content-Type: application/octet-stream")
    elif breakage == "drop-csp":
        broken = re.sub(r"^  Content-Security-Policy:.*\n", "", text, flags=re.M)
    elif breakage == "framing-allowed":
        broken = text.replace("; frame-ancestors 'none'", "")
    else:
        broken = text + "/*\n  Cache-Control: public, max-age=31536000, immutable\n"
    assert broken != text
    assert problems_in_headers_file(built_site, broken) != []


def test_nginx_snippet_has_a_type_for_every_file_and_strict_types_right(built_site: Path) -> None:
    text = (built_site / "_nginx.conf").read_text(encoding="utf-8")
    types = {ext: mime for mime, exts in re.findall(r"^\s+([\w/+.-]+) ([\w ]+);$", text, re.M) for ext in exts.split()}
    assert types["wasm"] == "application/wasm" and types["mjs"] == "text/javascript"
    extensions = {p.suffix.lstrip(".") for p in built_site.rglob("*") if p.is_file() and p.suffix not in (".gz", ".br")}
    assert extensions - set(types) <= {"", "conf"}, "files nginx would send as application/octet-stream"
    locations = len(re.findall(r"^location (?!~)", text, re.M))
    assert text.count("add_header Content-Security-Policy") == locations  # repeated in every location
    assert text.count("frame-ancestors 'none'") == locations


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


@pytest.mark.skipif(shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists(),
                    reason="nginx is installed by scripts/setup.sh --test")
def test_real_nginx_serves_the_site_with_the_generated_snippet(built_site: Path, tmp_path: Path) -> None:
    port = _free_port()
    user = "user root;" if os.geteuid() == 0 else ""  # workers must read the test's private temp folder
    temp = " ".join(f"{k}_temp_path {tmp_path}/{k};" for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    brotli = BROTLI_MODULE.is_file()  # Debian's libnginx-mod-http-brotli-static (scripts/setup.sh --test)
    (tmp_path / "nginx.conf").write_text(
        (f"load_module {BROTLI_MODULE};\n" if brotli else "")
        + f"{user} worker_processes 1; daemon off; pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;\n"
        f"events {{}}\nhttp {{ access_log off; {temp}\n"
        f"  server {{ listen 127.0.0.1:{port}; root {built_site}; include {built_site}/_nginx.conf;\n"
        + (f"    include {built_site}/_nginx_brotli.conf;\n" if brotli else "") + "  } }\n",
        encoding="utf-8")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    process = subprocess.Popen([nginx, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        status, h, _ = _get(base + "/en/talk-now/")
        assert status == 200 and h["content-type"] == "text/html; charset=utf-8"
        assert "frame-ancestors 'none'" in h["content-security-policy"]
        assert h["referrer-policy"] == "no-referrer" and h["x-content-type-options"] == "nosniff"
        assert "must-revalidate" in h["cache-control"]
        status, h, body = _get(base + "/assets/pyodide/314.0.7/pyodide.asm.wasm", **{"Accept-Encoding": "gzip"})
        assert status == 200 and h["content-type"] == "application/wasm"
        assert h.get("content-encoding") == "gzip", "the precompressed .gz copy is served"
        assert "immutable" in h["cache-control"] and "frame-ancestors 'none'" in h["content-security-policy"]
        assert body == (built_site / "assets/pyodide/314.0.7/pyodide.asm.wasm.gz").read_bytes()
        # Pages have precompressed copies too: sent as built, never compressed again on the fly.
        status, h, body = _get(base + "/en/talk-now/", **{"Accept-Encoding": "gzip"})
        assert h.get("content-encoding") == "gzip"
        assert body == (built_site / "en/talk-now/index.html.gz").read_bytes()
        stdlib = next(built_site.rglob("python_stdlib-*.gzip"))
        stdlib_url = f"{base}/{stdlib.relative_to(built_site).as_posix()}"
        status, h, body = _get(stdlib_url, **{"Accept-Encoding": "gzip"})
        assert status == 200 and "content-encoding" not in h, "the worker inflates the standard library itself"
        assert body == stdlib.read_bytes() and "immutable" in h["cache-control"]
        if brotli:
            # The brotli copy of the zip inside: the browser decodes it, the worker takes the zip as it is.
            status, h, body = _get(stdlib_url, **{"Accept-Encoding": "gzip, br"})
            assert status == 200 and h.get("content-encoding") == "br" and "immutable" in h["cache-control"]
            assert body == stdlib.with_name(stdlib.name + ".br").read_bytes()
            assert _brotli.decompress(body) == gzip.decompress(stdlib.read_bytes())
            for path in ("/assets/pyodide/314.0.7/pyodide.asm.wasm", "/en/talk-now/"):
                status, h, body = _get(base + path, **{"Accept-Encoding": "gzip, br"})
                assert status == 200 and h.get("content-encoding") == "br", path
                copy = built_site / (path.strip("/") + ("/index.html" if path.endswith("/") else "") + ".br")
                assert body == copy.read_bytes(), path
            status, h, _ = _get(base + "/assets/pyodide/314.0.7/pyodide.asm.wasm")
            assert "content-encoding" not in h, "without Accept-Encoding, the file itself"
        worker = next(built_site.rglob("*.mjs")).relative_to(built_site).as_posix()
        status, h, _ = _get(f"{base}/{worker}")
        assert status == 200 and h["content-type"].startswith("text/javascript")
        status, h, _ = _get(base + "/sw.js")
        assert status == 200 and "must-revalidate" in h["cache-control"]
        assert _get(base + "/_headers")[0] == 404 and _get(base + "/_nginx.conf")[0] == 404
        assert _get(base + "/_nginx_brotli.conf")[0] == 404
        status, _, body = _get(base + "/no-such-page/")
        assert status == 404 and b"404" in body
    finally:
        process.terminate()
        process.wait(timeout=10)


WRANGLER = Path(__file__).resolve().parents[2] / "node_modules" / ".bin" / "wrangler"


@pytest.mark.skipif(not WRANGLER.exists(), reason="wrangler (npm, a dev dependency) is installed by npm ci")
def test_cloudflare_pages_dev_server_applies_the_headers_file(built_site: Path, tmp_path: Path) -> None:
    """Cloudflare's own local Pages server (wrangler 3, which runs on Node 20 and offline) reads _headers as
    Cloudflare Pages does: types, security headers, caching, and compression by content type."""
    port = _free_port()
    env = {**os.environ, "WRANGLER_SEND_METRICS": "false", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    process = subprocess.Popen([str(WRANGLER), "pages", "dev", str(built_site), "--ip", "127.0.0.1", "--port",
                                str(port), "--compatibility-date", "2025-07-18"], cwd=tmp_path, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + 90
        log = []
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            log.append(line)
            if "Ready on" in line or (not line and process.poll() is not None):
                break
        assert any("Ready on" in line for line in log), "".join(log)[-3000:]
        base = f"http://127.0.0.1:{port}"
        status, h, body = _get(base + "/en/talk-now/", **{"Accept-Encoding": "br"})
        assert status == 200 and h["content-type"] == "text/html; charset=utf-8"
        assert h.get("content-encoding") == "br", "Cloudflare compresses pages itself"
        assert "frame-ancestors 'none'" in h["content-security-policy"] and h["x-frame-options"] == "DENY"
        assert h["referrer-policy"] == "no-referrer" and "must-revalidate" in h["cache-control"]
        status, h, _ = _get(base + "/assets/pyodide/314.0.7/pyodide.asm.wasm", **{"Accept-Encoding": "br"})
        assert status == 200 and h["content-type"] == "application/wasm" and h.get("content-encoding") == "br"
        assert h["cache-control"] == "public, max-age=31536000, immutable"
        worker = next(built_site.rglob("*.mjs")).relative_to(built_site).as_posix()
        assert _get(f"{base}/{worker}")[1]["content-type"].startswith("text/javascript")
        stdlib = next(built_site.rglob("python_stdlib-*.gzip"))
        status, h, body = _get(f"{base}/{stdlib.relative_to(built_site).as_posix()}", **{"Accept-Encoding": "br"})
        assert status == 200 and "content-encoding" not in h and body == stdlib.read_bytes(), \
            "the standard library arrives gzipped whatever the host does with a .zip"
        assert "immutable" in h["cache-control"]
        status, h, _ = _get(base + "/sw.js")
        assert status == 200 and "must-revalidate" in h["cache-control"]
        assert _get(base + "/_headers")[0] == 404
        assert _get(base + "/no-such-page/")[0] == 404
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

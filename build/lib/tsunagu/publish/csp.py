"""A Content-Security-Policy per page, as a <meta> tag: own origin only, inline scripts by hash."""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
_NON_JS_TYPE = re.compile(r"""\btype=["']?(application/(ld\+)?json|text/template)""")
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?>", re.I)


def script_hashes(html: str) -> list[str]:
    """sha256 sources for every executable inline script, in document order, without repeats."""
    out: list[str] = []
    for attrs, body in _INLINE_SCRIPT.findall(html):
        if _NON_JS_TYPE.search(attrs):
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        token = f"'sha256-{digest}'"
        if token not in out:
            out.append(token)
    return out


def policy(html: str, wasm: bool = False) -> str:
    """The policy for one page; ``wasm`` adds only 'wasm-unsafe-eval' (for Pyodide)."""
    return _join(_directives(script_hashes(html), wasm))


def header_policy(hashes: list[str]) -> str:
    """The site-wide policy for an HTTP header: every page's inline-script hashes and WebAssembly.

    Browsers enforce the header and each page's <meta> policy together, so a page still gets only
    what its own <meta> allows; the header adds what a <meta> cannot say: no framing by other sites.
    """
    return _join({**_directives(hashes, wasm=True), "frame-ancestors": "'none'"})


def _join(directives: dict[str, str]) -> str:
    return "; ".join(f"{k} {v}" for k, v in directives.items())


def _directives(hashes: list[str], wasm: bool) -> dict[str, str]:
    script_src = ["'self'", *hashes]
    if wasm:
        script_src.append("'wasm-unsafe-eval'")
    return {
        "default-src": "'self'",
        "script-src": " ".join(script_src),
        "style-src": "'self'",
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": "'self'",
        "worker-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
    }


def add_meta(html: str, wasm: bool = False) -> str:
    """Insert the policy right after <meta charset>, before any script can run."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, wasm)}">'
    new, count = _CHARSET.subn(lambda m: m.group(0) + tag, html, count=1)
    if not count:
        raise ValueError("page has no <meta charset=utf-8>; cannot place the Content-Security-Policy first")
    return new

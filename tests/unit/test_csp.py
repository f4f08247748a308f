from __future__ import annotations

import base64
import hashlib

import pytest

from tsunagu.publish import csp

PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><script>var a=1</script>'
    '<script id="__config" type="application/json">{"x":1}</script><script src="x.js"></script>'
    "</head><body><script>var a=1</script></body></html>"
)


def _sha(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


def test_hashes_only_executable_inline_scripts_once() -> None:
    assert csp.script_hashes(PAGE) == [_sha("var a=1")]


def test_meta_comes_first_and_allows_nothing_loose() -> None:
    out = csp.add_meta(PAGE)
    assert out.index("Content-Security-Policy") < out.index("<script")
    policy = csp.policy(PAGE)
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "default-src 'self'" in policy and _sha("var a=1") in policy
    assert "wasm-unsafe-eval" not in policy
    assert "'wasm-unsafe-eval'" in csp.policy(PAGE, wasm=True)


def test_page_without_charset_is_an_error() -> None:
    with pytest.raises(ValueError, match="charset"):
        csp.add_meta("<html><head></head></html>")

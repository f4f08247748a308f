"""QR codes for shared addresses (segno: pure Python, no image libraries)."""

from __future__ import annotations

import io

import segno

ERROR = "m"
"""Error correction M (15 %): survives a crease or a smudge on paper; L would give smaller codes."""
BORDER = 4
"""The quiet zone the QR standard asks for, in modules."""
PNG_SCALE = 12
"""Pixels per module: about 500 px for a typical address, sharp when printed 4 cm wide at 300 dpi."""


def _make(url: str) -> segno.QRCode:
    return segno.make(url, error=ERROR, micro=False, boost_error=False)


def svg(url: str) -> bytes:
    """A scalable SVG (viewBox only, so CSS sets its size) with black on white whatever the page colours."""
    return _svg(_make(url), url)


def _svg(code: segno.QRCode, url: str) -> bytes:
    out = io.BytesIO()
    code.save(out, kind="svg", scale=1, border=BORDER, dark="#000", light="#fff", omitsize=True,
              xmldecl=True, title=url)
    return out.getvalue()


def svg_inline(url: str) -> str:
    """The same SVG without its XML declaration, to put inside an HTML page."""
    out = io.BytesIO()
    _make(url).save(out, kind="svg", scale=1, border=BORDER, dark="#000", light="#fff", omitsize=True,
                    xmldecl=False, svgns=True, title=url)
    return out.getvalue().decode("utf-8")


def png(url: str) -> bytes:
    return _png(_make(url))


def _png(code: segno.QRCode) -> bytes:
    out = io.BytesIO()
    code.save(out, kind="png", scale=PNG_SCALE, border=BORDER, dark="#000", light="#fff")
    return out.getvalue()


def svg_and_png(url: str) -> tuple[bytes, bytes]:
    """:func:`svg` and :func:`png` of one encoding (choosing the mask is most of a code's 10 ms)."""
    code = _make(url)
    return _svg(code, url), _png(code)

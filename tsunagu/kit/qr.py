"""QR codes for shared addresses: segno encodes them (pure Python) and writes the SVG; Pillow writes the PNG."""

from __future__ import annotations

import io

import segno
from PIL import Image

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
    """A 1-bit PNG, black on white, PNG_SCALE pixels per module with the quiet zone. The same pixels as segno's
    own PNG writer in a third of the time (1 ms against 3 ms: a city with 1,000 services has 12,000 addresses),
    in files about 190 bytes larger."""
    height, width = len(code.matrix), len(code.matrix[0])
    modules = Image.frombytes("L", (width, height), b"".join(bytes(0 if dark else 255 for dark in row)
                                                             for row in code.matrix))
    framed = Image.new("L", (width + 2 * BORDER, height + 2 * BORDER), 255)
    framed.paste(modules, (BORDER, BORDER))
    image = framed.resize((framed.width * PNG_SCALE, framed.height * PNG_SCALE), Image.Resampling.NEAREST)
    out = io.BytesIO()
    image.convert("1", dither=Image.Dither.NONE).save(out, format="PNG")
    return out.getvalue()


def svg_and_png(url: str) -> tuple[bytes, bytes]:
    """:func:`svg` and :func:`png` of one encoding (choosing the mask is most of a code's 10 ms)."""
    code = _make(url)
    return _svg(code, url), _png(code)

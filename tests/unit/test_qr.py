"""QR code files: the PNG Pillow writes has exactly the pixels of segno's own PNG writer (the quiet zone, the scale,
black on white), and a real decoder reads the address back."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from tsunagu.kit import qr

URLS = ("https://kitakyushu.tsunagu.example/", "https://kitakyushu.tsunagu.example/ja-easy/services/childline/")


@pytest.mark.parametrize("url", URLS)
def test_png_has_the_pixels_segno_would_write(url: str) -> None:
    code = qr._make(url)
    theirs = io.BytesIO()
    code.save(theirs, kind="png", scale=qr.PNG_SCALE, border=qr.BORDER, dark="#000", light="#fff")
    ours, reference = Image.open(io.BytesIO(qr.png(url))), Image.open(theirs)
    assert ours.mode == "1" and ours.size == reference.size
    assert ImageChops.difference(ours.convert("L"), reference.convert("L")).getbbox() is None


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbar-tools is installed by scripts/setup.sh --test")
def test_png_decodes_to_its_address(tmp_path: Path) -> None:
    path = tmp_path / "code.png"
    path.write_bytes(qr.png(URLS[1]))
    out = subprocess.run(["zbarimg", "-q", "--raw", str(path)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == URLS[1]

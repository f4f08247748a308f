"""Share cards: the 1200×630 PNG that LINE, school platforms and messengers show for a shared link.

Drawn with Pillow and Debian's Noto Sans CJK (which also covers Latin, Vietnamese and Hangul), so
Japanese text renders on any build machine without downloading fonts. Titles and descriptions come
from the page; nothing city-specific is written here.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
FONT_DIR = Path("/usr/share/fonts/opentype/noto")
FONTS = {"bold": "NotoSansCJK-Bold.ttc", "regular": "NotoSansCJK-Regular.ttc"}
# Face inside the .ttc per language: the same code point has a language's own glyph shape.
FACE = {"ja": 0, "ko": 1, "zh": 2}
BRAND = "#1d5b79"
INK = "#1f2328"
MUTED = "#3d4650"
PAPER = "#fffaf3"
MARGIN = 80
VERSION = "2"
"""Part of the cache key: change it when the drawing changes."""


class CardError(Exception):
    """The fonts are missing."""


@dataclass(frozen=True)
class Card:
    lang: str
    site_name: str
    title: str
    description: str
    footer: str
    """Bottom line, e.g. the city and the site's host."""


def render(card: Card) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 24, HEIGHT), fill=BRAND)
    width = WIDTH - 2 * MARGIN
    draw.text((MARGIN, 60), card.site_name, font=_font("bold", card.lang, 40), fill=BRAND)
    y = 150
    for size in (68, 58, 48):  # the largest size at which the title fits in three lines
        title_font = _font("bold", card.lang, size)
        lines = _wrap(card.title, title_font, width)
        if len(lines) <= 3:
            break
    for line in lines[:3]:
        draw.text((MARGIN, y), line, font=title_font, fill=INK)
        y += int(size * 1.35)
    body = _font("regular", card.lang, 32)
    for line in _wrap(card.description, body, width)[: 2 if len(lines) < 3 else 1]:
        draw.text((MARGIN, y + 16), line, font=body, fill=MUTED)
        y += 46
    draw.line((MARGIN, HEIGHT - 110, WIDTH - MARGIN, HEIGHT - 110), fill="#d8dee4", width=2)
    draw.text((MARGIN, HEIGHT - 88), card.footer, font=_font("regular", card.lang, 30), fill=MUTED)
    # 16 colours are enough for flat colours and anti-aliased text: 17 KB a card instead of 60 KB.
    out = io.BytesIO()
    image.quantize(colors=16, method=Image.Quantize.FASTOCTREE).save(out, "PNG")
    return out.getvalue()


def cache_key(card: Card) -> str:
    return "\x1f".join((VERSION, card.lang, card.site_name, card.title, card.description, card.footer))


@lru_cache(maxsize=32)
def _font(weight: str, lang: str, size: int) -> ImageFont.FreeTypeFont:
    path = FONT_DIR / FONTS[weight]
    if not path.exists():
        raise CardError(f"Share cards need the Noto CJK fonts ({path} not found): "
                        "apt-get install fonts-noto-cjk (scripts/setup.sh does)")
    return ImageFont.truetype(str(path), size, index=FACE.get(lang.split("-")[0], 0))


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy line breaking: between words where there are spaces, else between characters (CJK)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        units = _units(paragraph)
        line = ""
        for unit in units:
            trial = line + unit
            if line and font.getlength(trial.rstrip()) > width:
                lines.append(line.rstrip())
                line = unit.lstrip()
            else:
                line = trial
        if line.strip():
            lines.append(line.rstrip())
    return lines


def _units(text: str) -> list[str]:
    """Words with their trailing space for spaced scripts; single characters otherwise.

    A closing bracket or Japanese punctuation stays with the character before it, so no line starts with 。
    """
    units: list[str] = []
    word = ""
    for ch in text:
        if ch == " ":
            units.append(word + " ")
            word = ""
        elif ord(ch) < 0x2E80 or 0xAC00 <= ord(ch) <= 0xD7AF:  # Latin, Vietnamese, Hangul: part of a word
            word += ch
        else:
            if word:
                units.append(word)
                word = ""
            if ch in "、。，．・）」』】〉》！？ー" and units:
                units[-1] += ch
            else:
                units.append(ch)
    if word:
        units.append(word)
    return units

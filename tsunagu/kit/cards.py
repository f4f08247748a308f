"""Share cards: the 1200×630 PNG that LINE, school platforms and messengers show for a shared link.

Drawn with Pillow and Debian's Noto Sans CJK (which also covers Latin, Vietnamese and Hangul), so
Japanese text renders on any build machine without downloading fonts. Devanagari (Nepali) and Thai come from
Noto Sans Devanagari / Noto Sans Thai (Debian fonts-noto-core), run by run: a line mixing scripts draws each
run with the font that has it (Pillow does not fall back by itself), shaped by libraqm. Titles and descriptions come
from the page; nothing city-specific is written here.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
FONT_DIR = Path("/usr/share/fonts/opentype/noto")
FONTS = {"bold": "NotoSansCJK-Bold.ttc", "regular": "NotoSansCJK-Regular.ttc"}
SCRIPT_FONT_DIR = Path("/usr/share/fonts/truetype/noto")
SCRIPT_FONTS = {  # script name -> (Unicode ranges, file per weight)
    "devanagari": (((0x0900, 0x097F), (0xA8E0, 0xA8FF), (0x1CD0, 0x1CFF)),
                   {"bold": "NotoSansDevanagari-Bold.ttf", "regular": "NotoSansDevanagari-Regular.ttf"}),
    "thai": (((0x0E00, 0x0E7F),), {"bold": "NotoSansThai-Bold.ttf", "regular": "NotoSansThai-Regular.ttf"}),
}
# Face inside the .ttc per language: the same code point has a language's own glyph shape.
FACE = {"ja": 0, "ko": 1, "zh": 2}
BRAND = "#1d5b79"
INK = "#1f2328"
MUTED = "#3d4650"
PAPER = "#fffaf3"
MARGIN = 80
VERSION = "4"
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
    _draw(draw, (MARGIN, 60), card.site_name, "bold", card.lang, 40, BRAND)
    y = 150
    for size in (68, 58, 48):  # the largest size at which the title fits in three lines
        lines = _wrap(card.title, "bold", card.lang, size, width)
        if len(lines) <= 3:
            break
    for line in lines[:3]:
        _draw(draw, (MARGIN, y), line, "bold", card.lang, size, INK)
        y += int(size * 1.35)
    for line in _wrap(card.description, "regular", card.lang, 32, width)[: 2 if len(lines) < 3 else 1]:
        _draw(draw, (MARGIN, y + 16), line, "regular", card.lang, 32, MUTED)
        y += 46
    draw.line((MARGIN, HEIGHT - 110, WIDTH - MARGIN, HEIGHT - 110), fill="#d8dee4", width=2)
    _draw(draw, (MARGIN, HEIGHT - 88), card.footer, "regular", card.lang, 30, MUTED)
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


@lru_cache(maxsize=32)
def _script_font(script: str, weight: str, size: int) -> ImageFont.FreeTypeFont:
    path = SCRIPT_FONT_DIR / SCRIPT_FONTS[script][1][weight]
    if not path.exists():
        raise CardError(f"Share cards in this language need {path.name} ({path} not found): "
                        "apt-get install fonts-noto-core (scripts/setup.sh does)")
    return ImageFont.truetype(str(path), size)


def _script_of(ch: str) -> str:
    code = ord(ch)
    return next((name for name, (ranges, _) in SCRIPT_FONTS.items() if any(a <= code <= b for a, b in ranges)), "")


def _runs(text: str, weight: str, lang: str, size: int) -> list[tuple[str, ImageFont.FreeTypeFont]]:
    """The text cut where its script changes, each run with a font that has its glyphs. Spaces and punctuation
    stay in the current run, so a Devanagari or Thai phrase is shaped as one; other punctuation (the footer's ・,
    quotation marks) leaves a Devanagari or Thai run, whose font has no glyph for it (a tofu box)."""
    runs: list[tuple[str, str]] = []
    for ch in text:
        script = _script_of(ch)
        if runs and (script == runs[-1][1] or (not script and not ch.isalnum()
                                                and (ch.isascii() or not runs[-1][1]))):
            runs[-1] = (runs[-1][0] + ch, runs[-1][1])
        else:
            runs.append((ch, script))
    return [(run, _script_font(script, weight, size) if script else _font(weight, lang, size))
            for run, script in runs]


def _length(text: str, weight: str, lang: str, size: int) -> float:
    return sum(font.getlength(run) for run, font in _runs(text, weight, lang, size))


def _draw(draw: ImageDraw.ImageDraw, xy: tuple[int, int], text: str, weight: str, lang: str, size: int,
          fill: str) -> None:
    x, y = xy
    for run, font in _runs(text, weight, lang, size):
        draw.text((x, y), run, font=font, fill=fill)
        x += round(font.getlength(run))


def _wrap(text: str, weight: str, lang: str, size: int, width: int) -> list[str]:
    """Greedy line breaking: between words where there are spaces, else between characters (CJK). A word too
    long for a line (Thai writes phrases without spaces) is cut between characters, never inside a cluster."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        units = [piece for unit in _units(paragraph)
                 for piece in (_clusters(unit) if _length(unit, weight, lang, size) > width else [unit])]
        line = ""
        for unit in units:
            trial = line + unit
            if line and _length(trial.rstrip(), weight, lang, size) > width:
                lines.append(line.rstrip())
                line = unit.lstrip()
            else:
                line = trial
        if line.strip():
            lines.append(line.rstrip())
    return lines


def _clusters(word: str) -> list[str]:
    """Characters with their combining marks (Thai vowels and tone marks, Devanagari signs) kept on them."""
    out: list[str] = []
    for ch in word:
        if out and (unicodedata.category(ch) in ("Mn", "Mc") or out[-1].endswith("\u094d")):
            out[-1] += ch
        else:
            out.append(ch)
    return out


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

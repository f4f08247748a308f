"""Furigana: Aozora-Bunko ruby notation in Markdown -> HTML ``<ruby>``.

``相談《そうだん》`` annotates the run of kanji just before 《》; ``｜北九州市《きたきゅうしゅうし》``
marks where the base starts. Editors of やさしい日本語 pages write this notation; the build turns
it into ``<ruby>相談<rt>そうだん</rt></ruby>``, which screen readers and browsers understand.
"""

from __future__ import annotations

import html
import re

KANJI = "\u3005\u3006\u30f6\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUBY = re.compile(rf"｜([^｜《》\n]+)《([^《》\n]+)》|([{KANJI}]+)《([^《》\n]+)》")
_KANJI_CHAR = re.compile(f"[{KANJI}]")


def to_html(text: str) -> str:
    """Replace ruby notation with ``<ruby>`` elements; other text is left as it is."""

    def repl(m: re.Match[str]) -> str:
        base = m.group(1) or m.group(3)
        reading = m.group(2) or m.group(4)
        return f"<ruby>{base}<rt>{html.escape(reading)}</rt></ruby>"

    return _RUBY.sub(repl, text)


def strip(text: str) -> str:
    """Plain text without ruby notation (base only), for titles and attributes."""
    return _RUBY.sub(lambda m: m.group(1) or m.group(3), text)


def reading(text: str) -> str:
    """Plain text with annotated kanji replaced by their reading: for places <ruby> cannot go (SVG text)."""
    return _RUBY.sub(lambda m: m.group(2) or m.group(4), text)


def kanji_outside_ruby(text: str) -> list[str]:
    """Kanji not annotated by ruby notation, each with a little context (for error messages)."""
    bare = _RUBY.sub("", text)
    return [bare[max(0, m.start() - 8): m.end() + 8].replace("\n", " ") for m in _KANJI_CHAR.finditer(bare)]


# Citations keep the exact title of the document they cite, so a reader can find it; text marked as
# another language (a language's own name, 中文) is not Japanese.
_RUBY_ELEMENT = re.compile(
    r"<ruby>.*?</ruby>|<cite\b[^>]*>.*?</cite>|<script\b[^>]*>.*?</script>"
    r"|<(span|option)\b[^>]*\blang=\"(?!ja\b)[^\"]*\"[^>]*>.*?</\1>",
    re.S,
)
_KANJI_RUN = re.compile(f"[{KANJI}]+")
_TAG = re.compile(r"<[^>]+>")


def kanji_outside_ruby_html(html_text: str) -> list[str]:
    """Runs of kanji in rendered HTML text that no ``<ruby>`` covers (attributes and ``<cite>`` ignored)."""
    bare = _TAG.sub(" ", _RUBY_ELEMENT.sub("", html_text))
    bare = html.unescape(bare)
    return [bare[max(0, m.start() - 8): m.end() + 8].replace("\n", " ").strip() for m in _KANJI_RUN.finditer(bare)]

"""Furigana: Aozora-Bunko ruby notation in Markdown -> HTML ``<ruby>``.

``相談《そうだん》`` annotates the run of kanji just before 《》; ``｜北九州市《きたきゅうしゅうし》``
marks where the base starts. Editors of やさしい日本語 pages write this notation; the build turns
it into ``<ruby>相談<rt>そうだん</rt></ruby>``, which screen readers and browsers understand.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from tsunagu.data.reader import Reader

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


_HEADING_LINE = re.compile(r"^(#{1,6}[ \t]+)(.*?)([ \t]*\{[^{}\n]*\})?[ \t]*$", re.M)


def label_headings(markdown: str) -> str:
    """Give each heading with furigana a table-of-contents label of its base text alone.

    The table of contents (and anything made from it) takes a heading's text without tags, which turns
    ``<ruby>命<rt>いのち</rt></ruby>`` into 「命いのち」: shown twice and read twice by screen readers. The
    heading itself keeps its <ruby>; only its label in the table of contents is plain."""

    def repl(m: re.Match[str]) -> str:
        head, text, attrs = m.group(1), m.group(2), m.group(3) or ""
        if not _RUBY.search(text) or "data-toc-label" in attrs:
            return m.group(0)
        label = html.escape(strip(text).strip(), quote=True)
        if attrs:
            inner = attrs.strip()[1:-1].strip()
            return f"{head}{text} {{ {inner} data-toc-label=\"{label}\" }}"
        return f"{head}{text} {{ data-toc-label=\"{label}\" }}"

    return _HEADING_LINE.sub(repl, markdown)


def strip(text: str) -> str:
    """Plain text without ruby notation (base only), for titles and attributes."""
    return _RUBY.sub(lambda m: m.group(1) or m.group(3), text)


def reading(text: str) -> str:
    """Plain text with annotated kanji replaced by their reading: for places <ruby> cannot go (SVG text)."""
    return _RUBY.sub(lambda m: m.group(2) or m.group(4), text)


_RUBY_WITH_DIGITS = re.compile(rf"｜([^｜《》\n]+)《([^《》\n]+)》|([0-9０-９]*)([{KANJI}]+)《([^《》\n]+)》")


def wrong_readings(text: str, exceptions: dict[str, str]) -> list[tuple[int, str, str]]:
    """(line, as written, right notation) for each annotation of a listed word with another reading.

    ``exceptions``: base as written (``20日``) -> its reading (``はつか``). A base with digits must be
    annotated whole (｜20日《はつか》): ``20日《にち》`` annotates 日 alone and reads にじゅうにち."""
    out: list[tuple[int, str, str]] = []
    for n, line in enumerate(text.splitlines(), 1):
        for m in _RUBY_WITH_DIGITS.finditer(line):
            if m.group(1) is not None:
                base, reading, whole = m.group(1), m.group(2), True
            else:
                base, reading, whole = m.group(3) + m.group(4), m.group(5), not m.group(3)
            right = exceptions.get(base)
            if right is not None and (reading != right or not whole):
                bar = "｜" if m.group(3) or m.group(1) else ""
                out.append((n, m.group(0), f"{bar}{base}《{right}》"))
    return out


class Readings(NamedTuple):
    """data/readings.yml: ``exceptions`` base as written -> its reading; ``titles`` a cited document's exact
    title -> the same title in furigana notation (``cite_readings``)."""

    exceptions: dict[str, str]
    titles: dict[str, str]


def load_readings(path: Path, root: Path) -> Readings:
    """data/readings.yml, read once; no file: none. Every bad entry of either part stops the build, all named at
    once: a reading not in hiragana, a title whose notation does not give the title back or leaves a kanji
    without a reading."""
    if not path.exists():
        return Readings({}, {})
    from tsunagu.data.problems import DataError, Problems
    from tsunagu.data.reader import Reader, read_yaml, relative

    problems = Problems()
    raw = read_yaml(root, path, problems)
    r = Reader(relative(root, path), "-", (), problems)
    top = r.mapping(raw, "", {"exceptions", "titles"}) if raw is not None else {}
    readings = Readings(_exceptions(r, top.get("exceptions", [])), _titles(r, top.get("titles", [])))
    if problems:
        raise DataError(problems)
    return readings


def _exceptions(r: Reader, entries: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    if not isinstance(entries, list):
        r.problem("exceptions", "a list of {base, reading}", entries, "exceptions: [{base: 20日, reading: はつか}]")
        return out
    for i, entry in enumerate(entries):
        m = r.mapping(entry, f"exceptions[{i}]", {"base", "reading", "note"})
        base = r.string(m, "base", f"exceptions[{i}]")
        reading = r.string(m, "reading", f"exceptions[{i}]")
        if reading and not re.fullmatch(r"[ぁ-ゖー]+", reading):
            r.problem(f"exceptions[{i}].reading", "a reading in hiragana", reading, "reading: はつか")
        if base and reading:
            out[base] = reading
    return out


def _titles(r: Reader, entries: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    if not isinstance(entries, list):
        r.problem("titles", "a list of {title, reading}", entries,
                  "titles: [{title: 厚生労働省, reading: ｜厚生《こうせい》｜労働省《ろうどうしょう》}]")
        return out
    for i, entry in enumerate(entries):
        where = f"titles[{i}]"
        m = r.mapping(entry, where, {"title", "reading"})
        title, notation = r.string(m, "title", where), r.string(m, "reading", where)
        if not (title and notation):
            continue
        if strip(notation) != title:
            r.problem(f"{where}.reading", f"the title '{title}' with readings added (｜漢字《かんじ》)", notation,
                      f"reading: {notation}  # without its readings it must read exactly: {title}")
        elif kanji_outside_ruby(notation):
            r.problem(f"{where}.reading", "a reading for every kanji", notation,
                      "reading: ｜厚生《こうせい》｜労働省《ろうどうしょう》")
        else:
            out[title] = notation
    return out


_CITE = re.compile(r"(<cite\b[^>]*>)(.*?)(</cite>)", re.S)


def cite_readings(html_text: str, titles: dict[str, str]) -> str:
    """Cited titles in rendered HTML with their furigana from ``titles`` (``load_readings``). The title itself is
    unchanged (a reader can still find the document by it); the readings are added above it."""
    def repl(m: re.Match[str]) -> str:
        notation = titles.get(html.unescape(m.group(2)))
        if notation is None:
            return m.group(0)
        return m.group(1) + to_html(html.escape(notation, quote=False)) + m.group(3)

    return _CITE.sub(repl, html_text)


def strip_html_ruby(html_text: str) -> str:
    """Rendered HTML's text with each ``<ruby>`` reduced to its base (readings dropped)."""
    return html.unescape(_TAG.sub("", _RT.sub("", html_text)))


_RT = re.compile(r"<rt>.*?</rt>", re.S)


def bare_citations(html_text: str) -> list[str]:
    """Titles of ``<cite>`` elements with a kanji no ``<ruby>`` covers."""
    out = []
    for m in _CITE.finditer(html_text):
        inner = m.group(2)
        if kanji_outside_ruby_html(inner):
            out.append(strip_html_ruby(inner))
    return out


def kanji_outside_ruby(text: str) -> list[str]:
    """Kanji not annotated by ruby notation, each with a little context (for error messages)."""
    bare = _RUBY.sub("", text)
    return [bare[max(0, m.start() - 8): m.end() + 8].replace("\n", " ") for m in _KANJI_CHAR.finditer(bare)]


# Citations are checked on their own (``bare_citations``: their readings come from data/readings.yml); text
# marked as another language (a language's own name, 中文) is not Japanese.
_RUBY_ELEMENT = re.compile(
    r"<ruby>.*?</ruby>|<cite\b[^>]*>.*?</cite>|<script\b[^>]*>.*?</script>"
    r"|<(span|option)\b[^>]*\blang=\"(?!ja\b)[^\"]*\"[^>]*>.*?</\1>",
    re.S,
)
KANJI_RUN = re.compile(f"[{KANJI}]+")
_KANJI_RUN = KANJI_RUN
_TAG = re.compile(r"<[^>]+>")


def kanji_outside_ruby_html(html_text: str) -> list[str]:
    """Runs of kanji in rendered HTML text that no ``<ruby>`` covers (attributes and ``<cite>`` ignored)."""
    bare = _TAG.sub(" ", _RUBY_ELEMENT.sub("", html_text))
    bare = html.unescape(bare)
    return [bare[max(0, m.start() - 8): m.end() + 8].replace("\n", " ").strip() for m in _KANJI_RUN.finditer(bare)]

"""分かち書き: やさしい日本語 has a U+3000 (　) between 文節 (bunsetsu), checked over pages, data and strings.

Readers of やさしい日本語 (children, people learning Japanese) read mostly hiragana; without spaces they cannot
see where one word ends and the next begins. The site writes one ideographic space U+3000 between 文節, as
Hirosaki University's やさしい日本語 guidelines do: ``あなたが　｜住《す》んで　いる　｜県《けん》の
｜窓口《まどぐち》に　つながります。``
The build cannot split 文節 (that needs a dictionary and a person), but it can see the two ways text goes
wrong: an ASCII space between Japanese characters (half as wide, hard to see, and unlike the rest of the
site), and a long sentence with no space at all (written without 分かち書き). Pages in やさしい日本語 break lines
at the spaces (``word-break: keep-all`` in tsunagu.css), so a missing space also makes a line too long to wrap well.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tsunagu.content.glossary import GLOSSARY_FILE, lines_by_language
from tsunagu.content.pages import markdown_pages
from tsunagu.data.reader import relative

SPACE = "\u3000"
MAX_UNSPACED = 20
"""Japanese characters a sentence may have with no U+3000 (readings not counted). Long enough for one
compound name (北九州市孤独・孤立対策等連携協議会 has 16, こころの健康相談統一ダイヤル 14), short enough that a
sentence of three 文節 or more written without spaces is found."""

_JA = "\u3041-\u309f\u30a0-\u30ff\u4e00-\u9fff\u3400-\u4dbf々〆ヵヶ"
_JA_CHAR = re.compile(f"[{_JA}]")
# An ASCII space between two Japanese characters; 》 ends a reading and ｜ starts a word with one.
_ASCII_SPACE = re.compile(f"(?<=[{_JA}》]) +(?=[{_JA}｜])")
_RUBY = re.compile(r"｜|《[^》]*》")
# Markup whose spaces are syntax, not text: macros, attribute lists and placeholders, tags, code, link
# targets, addresses. Replaced by a character that is not Japanese, so text on either side stays apart.
_MARKUP = re.compile(r"\[\[.*?\]\]|\{[^{}]*\}|<[^>]*>|`[^`]*`|\]\([^)]*\)|https?://\S+")
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]*")
# Where the words shown around a wrong space end: another space, markup, punctuation, YAML syntax.
_WORD_EDGE = re.compile('[\u3000 \x00、。！？,"]')
_EXAMPLE = "あなたが　｜住《す》んで　いる　｜県《けん》の　｜窓口《まどぐち》に　つながります。"
_FRONT_MATTER_TEXT = re.compile(r"^(?:title|description):\s*")


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    lang: str
    problem: str
    write: str

    def __str__(self) -> str:
        return f"{self.file}, line {self.line} ({self.lang}): {self.problem}; {self.write}"


def _japanese(text: str) -> int:
    return len(_JA_CHAR.findall(_RUBY.sub("", text)))


def find_in_line(text: str, file: str, line: int, lang: str, max_unspaced: int = MAX_UNSPACED) -> list[Finding]:
    """The spacing problems of one line of やさしい日本語 text."""
    out: list[Finding] = []
    masked = _MARKUP.sub("\x00", text)
    for m in _ASCII_SPACE.finditer(masked):
        before = _WORD_EDGE.split(masked[:m.start()])[-1][-12:]
        after = _WORD_EDGE.split(masked[m.end():])[0][:12]
        out.append(Finding(file, line, lang, f"an ASCII space between Japanese characters in '{before} {after}'",
                           f"write U+3000 (　): '{before}{SPACE}{after}'"))
    for m in _SENTENCE.finditer(masked.replace("\x00", "\n")):
        for sentence in m.group(0).split("\n"):
            if SPACE in sentence:
                continue
            count = _japanese(sentence)
            if count > max_unspaced:
                shown = sentence.strip()
                shown = shown if len(shown) <= 40 else shown[:40] + "…"
                out.append(Finding(file, line, lang,
                                   f"'{shown}' has {count} Japanese characters and no space (more than "
                                   f"{max_unspaced})",
                                   f"write 分かち書き: a U+3000 (　) between 文節, e.g. '{_EXAMPLE}'"))
    return out


def find_in_page(text: str, file: str, lang: str, max_unspaced: int = MAX_UNSPACED) -> list[Finding]:
    """A Markdown page: its text, its front matter's title and description; not code blocks or other keys."""
    out: list[Finding] = []
    lines = text.splitlines()
    front = bool(lines) and lines[0].strip() == "---"
    fence = False
    for n, line in enumerate(lines, 1):
        if front:
            if n > 1 and line.strip() == "---":
                front = False
            elif m := _FRONT_MATTER_TEXT.match(line):
                out += find_in_line(line[m.end():], file, n, lang, max_unspaced)
            continue
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
            continue
        if not fence:
            out += find_in_line(line, file, n, lang, max_unspaced)
    return out


def find_in_data(text: str, file: str, languages: Iterable[str], easy: Iterable[str],
                 max_unspaced: int = MAX_UNSPACED) -> list[Finding]:
    """A data or strings file: the lines under an easy-language key (``ja-easy: …``), or, with ``easy`` holding
    the file's own language, every line."""
    wanted = set(easy)
    return [f for n, lang, line in lines_by_language(text, languages) if lang in wanted
            for f in find_in_line(line, file, n, lang, max_unspaced)]


def check(root: Path, docs_dir: Path, languages: Iterable[str], easy: Iterable[str], skip: Iterable[str] = (),
          data_dir: str = "data", locales_dir: Path | None = None) -> list[Finding]:
    """Spacing problems in the easy languages' pages, data texts and interface strings (``easy``: the site's
    やさしい日本語 locales; generated pages in ``skip``)."""
    langs = tuple(languages)
    easy_langs = tuple(lang for lang in easy if lang in langs)
    if not easy_langs:
        return []
    findings: list[Finding] = []
    for path, rel in markdown_pages(docs_dir, skip):
        stem, _, suffix = rel[: -len(".md")].rpartition(".")
        if stem and suffix in easy_langs:
            findings += find_in_page(path.read_text(encoding="utf-8"), relative(root, path), suffix)
    for path in sorted((root / data_dir).rglob("*.yml")):
        if path.name != GLOSSARY_FILE:
            findings += find_in_data(path.read_text(encoding="utf-8"), relative(root, path), langs, easy_langs)
    for lang in easy_langs:
        path = (locales_dir or Path(__file__).resolve().parents[1] / "locales") / f"{lang}.yml"
        if path.exists():
            text = path.read_text(encoding="utf-8")
            findings += [f for n, _, line in lines_by_language(text, langs, lang)
                         for f in find_in_line(_locale_value(line), relative(root, path), n, lang)]
    return findings


def _locale_value(line: str) -> str:
    """The text of a ``key: "text"`` line of a strings file (keys are ASCII; the check reads only the text)."""
    key, sep, value = line.partition(": ")
    return value if sep and " " not in key.strip() else line


def report(findings: list[Finding]) -> str:
    lines = [f"{len(findings)} やさしい日本語 text(s) are not written with 分かち書き (a U+3000 between 文節); "
             "nothing was built:"]
    lines += [f"  - {f}" for f in findings]
    lines.append("Write one U+3000 (　) between 文節, never inside a word or a furigana group (｜漢字《かんじ》), "
                 "and no space before 。、 or closing brackets.")
    return "\n".join(lines)

"""Find phone numbers and opening hours typed into the Markdown pages.

Numbers and hours change; the copy in ``data/`` is the one that is checked and dated. A number typed
into a page (``0120-783-556``, ``１１９番``, ``#7119``) or hours typed into a sentence (``9:00–17:00``,
``朝8時``, ``16시``, ``4 pm``) silently drifts from it, and in six languages it drifts six ways. The
build reads every page in ``docs/`` and stops, listing every such line, before it builds anything.

What is left alone: the macros (``[[tel ID]]``, ``[[service ID]]``…), link targets, attribute lists
(``{ #24-hours }``), years, ages, percentages and counts (``2019年``, ``18歳``, ``110%``, ``189人``), and
"24 hours" in any language (``24時間``, ``24 hours``, ``24시간``, ``24 giờ``, ``24h``): it says a group of
lines never closes, not a time of day, and it does not drift.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tsunagu.content.pages import markdown_pages

ADVICE = {
    "phone number": "write [[tel ID]] (a tappable number from data/services/) or [[service ID]] (its card)",
    "opening hours": "remove the hours from the sentence: the service card ([[service ID]]) shows them from "
                     "data/services/, e.g. 'Each card shows the hours.' / 「受付時間は下のカードで確かめてください」",
}

# Cut out before looking: macros, link targets, non-tel href/src values, attribute lists. Replaced by
# spaces so columns and lines stay where the editor sees them.
_MASKS = re.compile(
    r"\[\[[^\]\n]*\]\]"  # [[tel emergency-119]]
    r"|\]\([^)\n]*\)"  # ](talk-now.md#busy) and ](https://…/page/dayori/260215/…)
    r"|<https?://[^>\s]*>|https?://[^\s)<>\"']+"  # bare and autolinked URLs
    r"|^\s*\[[^\]\n]+\]:\s*\S+"  # reference-style link definitions
    r"|(?:href|src|id|class)=\"(?!tel:)[^\"]*\""  # attribute values other than tel: links
    r"|\{\s*[#.:][^}\n]*\}",  # attribute lists: { #24-hours }
    re.M,
)

# Full-width forms (０９３－６５３－４３４３, ＃７１１９, １６：００) and dash look-alikes become ASCII, one
# character for one, so a match still points at the editor's own characters.
_FOLD = {**{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)},
         **{ord(c): "-" for c in "‐‑‒–—―ー−－"}, 0x3000: " ", 0xFF65: "・"}

_SEP = r"[-・ .()]"
_PHONE = re.compile(
    r"(?<![0-9A-Za-z#+.,/&])"
    r"(?:\+81[- ]?(?:\(0\))?[1-9]\d{0,3}|0\d{0,10})"  # +81 93 … or 093 …, 0120 …, 0936534343
    rf"(?:{_SEP}{{1,3}}\d{{1,5}}){{0,3}}"  # -653-4343, ・653・4343, (653) 4343
    r"(?![0-9])"
)
_CODE = re.compile(r"(?<![0-9A-Za-z&])#\d{4}(?![0-9])")  # #7119, #9110 (not &#8203;)
# 3-digit national numbers standing as a number: not inside a longer number, a date or an address,
# and not a count, age or percentage.
_SHORT = re.compile(
    r"(?<![0-9A-Za-z#+.,/:\-])(?:110|118|119|171|177|188|189)"
    r"(?![0-9]|[.,][0-9]|\s?(?:%|percent|人|件|万|億|円|歳|才|年|月|日|名|か所|カ所|ヶ所|箇所|回|倍|点|位|個|"
    r"people|persons|years|yen|명|세|살|년|개|người|tuổi|năm|岁|个|次))",
    re.I,
)
_HOURS = [re.compile(p, re.I) for p in (
    r"(?<![0-9])(?:[01]?\d|2[0-4]):[0-5]\d(?:\s?[-~〜～]\s?(?:[01]?\d|2[0-4]):[0-5]\d)?(?![0-9])",  # 16:00, 9:00–17:00
    r"(?:(?:午前|午後|朝|昼|夕方|夜|深夜|翌朝|上午|下午|早上|晚上|凌晨|中午)\s?)?(?<![0-9])(?:[01]?\d|2[0-4])"
    r"[時时](?![間间])(?:[0-5]?\d分|半)?",  # 朝8時, 午後4時半, 16時 (not 24時間)
    r"(?:(?:上午|下午|早上|晚上|凌晨|中午)\s?)(?<![0-9])(?:[01]?\d|2[0-4])[点點]",  # 下午4点
    r"(?<![0-9])(?:[01]?\d|2[0-4])[点點](?:半|[0-5]?\d分|\s?[至到~〜～-]\s?\d{1,2}[点點])",  # 16点至21点
    r"(?:(?:오전|오후|새벽|아침|저녁|밤)\s?)?(?<![0-9])(?:[01]?\d|2[0-4])\s?시(?!간)(?:\s?[0-5]?\d분|\s?반)?",
    r"(?<![0-9])(?:[01]?\d|2[0-4])\s?giờ(?:\s?[0-5]?\d(?:\s?phút)?)?(?:\s(?:sáng|trưa|chiều|tối|đêm))?",
    r"(?<![0-9A-Za-z])(?:[01]?\d|2[0-4])h(?:[0-5]\d)?(?![A-Za-z0-9])",  # 16h, 16h30
    r"(?<![0-9A-Za-z])(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s?(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?|o'clock)",  # 8 a.m., 4pm
)]
_ROUND_THE_CLOCK = re.compile(r"^24\s?(?:giờ|h|시)$")


@dataclass(frozen=True)
class Finding:
    """A phone number or hours typed into a page."""

    file: str
    """Relative to the site's root folder, e.g. ``docs/talk-now.en.md``."""
    line: int
    kind: str
    """``phone number`` or ``opening hours``."""
    text: str
    """As the editor wrote it."""

    def __str__(self) -> str:
        return f"{self.file}, line {self.line}: {self.kind} '{self.text}' typed into the text; {ADVICE[self.kind]}"


def find_in_line(line: str) -> list[tuple[str, str]]:
    """(kind, text as written) for each phone number and time of day in one line of Markdown."""
    masked = _MASKS.sub(lambda m: " " * len(m.group(0)), line)
    folded, where = _fold(masked)
    spans: list[tuple[int, int, str]] = []
    for m in _PHONE.finditer(folded):
        digits = re.sub(r"\D", "", m.group(0))
        if (len(digits) in (10, 11) and digits.startswith("0")) or (
                m.group(0).startswith("+81") and len(digits) in (11, 12)):
            spans.append((m.start(), m.end(), "phone number"))
    spans += [(m.start(), m.end(), "phone number") for p in (_CODE, _SHORT) for m in p.finditer(folded)]
    for pattern in _HOURS:
        for m in pattern.finditer(folded):
            if not _ROUND_THE_CLOCK.match(m.group(0)):
                spans.append((m.start(), m.end(), "opening hours"))
    out: list[tuple[str, str]] = []
    taken: list[tuple[int, int]] = []
    for start, end, kind in sorted(spans, key=lambda s: (s[0], -s[1])):
        if any(a <= start < b for a, b in taken):  # 10:00 inside a longer match, or 119 inside a number
            continue
        taken.append((start, end))
        out.append((kind, line[where[start]: where[end - 1] + 1].strip()))
    return out


def find_in_text(text: str) -> list[tuple[int, str, str]]:
    """(line number, kind, text as written) for a whole page, front matter included."""
    return [(n, kind, found) for n, line in enumerate(text.splitlines(), 1) for kind, found in find_in_line(line)]


def check_docs(docs_dir: Path, root: Path, skip: Iterable[str] = ()) -> list[Finding]:
    """Every finding in the Markdown pages under ``docs_dir``; ``skip`` lists generated pages (relative)."""
    findings: list[Finding] = []
    for path, _ in markdown_pages(docs_dir, skip):
        shown = _rel(path, root)
        text = path.read_text(encoding="utf-8")
        findings += [Finding(shown, n, kind, found) for n, kind, found in find_in_text(text)]
    return findings


def report(findings: list[Finding]) -> str:
    lines = [f"{len(findings)} phone number(s) or opening hours typed into pages; they must come from data/ "
             "(nothing was built):"]
    lines += [f"  - {f}" for f in findings]
    lines.append("Fix every line above, then build again. The previously built site was left as it was.")
    return "\n".join(lines)


# Helpers ---------------------------------------------------------------------------------------

def _fold(line: str) -> tuple[str, list[int]]:
    """The line without furigana readings (漢字《かんじ》, ｜), full-width folded, and where each
    character came from, so 8時《じ》 is seen as 8時 and reported as written."""
    out: list[str] = []
    where: list[int] = []
    reading = False
    for i, ch in enumerate(line):
        if ch == "《":
            reading = True
        elif ch == "》":
            reading = False
        elif not reading and ch != "｜":
            out.append(ch.translate(_FOLD))
            where.append(i)
    return "".join(out), where


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()

"""Numbers that must never be published, and the check of the whole built site against them.

Two kinds: the old numbers recorded under ``superseded:`` in ``data/services/*.yml`` (a number that
changed still circulates in older newsletters), and the list in ``data/never-publish.yml`` (common
misprints, with the reason and where they were seen). After the last language is built, every HTML,
JavaScript, JSON, CSV, XML, SVG and text file of the site, and the text of every printed PDF, is
searched for them in any written form — ``093-671-4343``, ``0936714343``, ``093・671・4343``,
``093 671 4343``, ``(093) 671-4343``, ``+81-93-671-4343``, full-width ``０９３－６７１－４３４３`` with
any dash — and the build stops naming the file and the form found.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tsunagu.data.loader import is_phone
from tsunagu.data.model import Site
from tsunagu.data.problems import MISSING, DataError, Found, Problems

FILE = "never-publish.yml"
TEXT_SUFFIXES = (".html", ".htm", ".js", ".mjs", ".json", ".csv", ".xml", ".txt", ".svg", ".webmanifest", ".md")
PDF_SUFFIX = ".pdf"
# What people put between digit groups (any dash look-alike, middle dots, brackets, spaces, a PDF's
# line breaks), in ASCII and full width. Digits match in both widths too: no folding pass over 10 MB.
_SEP_CLASS = r"[\s\-‐‑‒–—―ー−－﹣・･.()（）/／]"
_SEP = _SEP_CLASS + "{0,3}"
_TAG = re.compile(r"<[^>]*>")
# The pre-filter (see _Finder): runs of digits with only separators between them, then their digits alone.
_DIGIT_RUN = re.compile(f"[0-9０-９](?:{_SEP_CLASS}*[0-9０-９])*")
_NOT_DIGIT = re.compile(r"[^0-9０-９]")
_FOLD = str.maketrans("０１２３４５６７８９", "0123456789")


class ToolMissing(Exception):
    """pdftotext (Debian poppler-utils) is needed to read the printed PDFs."""


@dataclass(frozen=True)
class Forbidden:
    """One number that must not appear in the built site."""

    value: str
    reason: str
    recorded_in: str
    """The data file that lists it, e.g. ``data/never-publish.yml``."""
    instead: str = ""
    """The id of the service whose right number to use, if any."""

    @property
    def pattern(self) -> re.Pattern[str]:
        """Any grouping of the digits, with or without separators, or as +81 without the leading 0."""
        return _pattern(self.value)

    @property
    def key(self) -> str:
        """Digits every match contains, in a row once separators are removed (the +81 form drops the 0)."""
        digits = re.sub(r"\D", "", self.value).translate(_FOLD)
        return digits[1:] if not self.value.startswith("#") and len(digits) > 3 and digits[0] == "0" else digits


@functools.cache
def _pattern(value: str) -> re.Pattern[str]:
    """Compiled once per number: a site with 1,000 services has more than re's own cache holds."""
    digits = [f"[{d}{chr(0xFF10 + int(d))}]" for d in re.sub(r"\D", "", value)]
    if value.startswith("#"):
        return re.compile(r"(?<![0-9A-Za-z&])[#＃]" + _SEP.join(digits) + r"(?![0-9０-９])")
    alternatives = [_SEP.join(digits)]
    if len(digits) > 3 and digits[0].startswith("[0"):
        alternatives.append(r"[+＋]\s?[8８][1１]" + _SEP + r"(?:[(（][0０][)）])?" + _SEP + _SEP.join(digits[1:]))
    return re.compile(r"(?<![0-9０-９])(?:" + "|".join(alternatives) + r")(?![0-9０-９])")


@dataclass(frozen=True)
class Hit:
    file: str
    """Relative to the site folder, e.g. ``kit/print/en/flyer.pdf``."""
    form: str
    """The characters found, as they are in the file."""
    number: Forbidden

    def __str__(self) -> str:
        text = (f"{self.file}: '{self.form}' is {self.number.value}, which must never be published "
                f"({self.number.reason}; listed in {self.number.recorded_in})")
        if self.number.instead:
            text += f". Use [[tel {self.number.instead}]] or [[service {self.number.instead}]] instead"
        return text


def load(root: Path, site: Site, data_dir: str = "data") -> list[Forbidden]:
    """The never-publish list: ``<data_dir>/never-publish.yml`` (optional) plus every superseded number."""
    problems = Problems()
    numbers = [Forbidden(old.value, f"the old number of {service.id}"
                         + (f", no longer used since {old.until.isoformat()}" if old.until else ""),
                         service.file, service.id)
               for service in site.services.values() for contact in service.contacts for old in contact.superseded]
    path = root / data_dir / FILE
    rel = f"{data_dir}/{FILE}"
    if path.exists():
        numbers += _read_list(path, rel, site, problems)
    if problems:
        raise DataError(problems)
    return numbers


def find(text: str, numbers: Iterable[Forbidden]) -> list[tuple[Forbidden, str]]:
    """(number, form as written) for every never-publish number in ``text``."""
    return _Finder(list(numbers)).find(text)


class _Finder:
    """Runs a number's pattern only over texts that can hold it, so the check of a site grows with its files,
    not with files × numbers (1,000 services with old numbers: 7,000 pages × hundreds of patterns).

    A match is the number's digits with separators between them; with the separators removed they are in a
    row, so a text whose separator-free digit runs do not contain a number's key cannot match it. Which keys a
    run contains is remembered: most runs (dates, the crisis lines in every footer) repeat on every page."""

    def __init__(self, numbers: list[Forbidden]) -> None:
        self.numbers = numbers
        self.keys = [number.key for number in numbers]
        self.seen: dict[str, frozenset[int]] = {}

    def candidates(self, text: str) -> set[int]:
        """Indexes of the numbers ``text`` may hold."""
        found: set[int] = set()
        for run in set(_DIGIT_RUN.findall(text)):
            held = self.seen.get(run)
            if held is None:
                digits = _NOT_DIGIT.sub("", run).translate(_FOLD)
                held = self.seen[run] = frozenset(i for i, key in enumerate(self.keys) if key in digits)
            found |= held
        return found

    def find(self, text: str) -> list[tuple[Forbidden, str]]:
        wanted = self.candidates(text)
        return [(number, " ".join(m.group(0).split())) for i, number in enumerate(self.numbers) if i in wanted
                for m in number.pattern.finditer(text)]


def check_site(site_dir: Path, numbers: list[Forbidden],
               pdf_text: Callable[[Path], str] | None = None) -> list[Hit]:
    """Every never-publish number in the built site, one hit per file and form."""
    if not numbers:
        return []
    read_pdf = pdf_text or pdftotext
    finder = _Finder(numbers)
    hits: dict[tuple[str, str, str], Hit] = {}
    for path in sorted(site_dir.rglob("*")):
        suffix = path.suffix.lower()
        if not path.is_file() or (suffix not in TEXT_SUFFIXES and suffix != PDF_SUFFIX):
            continue
        rel = path.relative_to(site_dir).as_posix()
        for text in _texts(path, suffix, read_pdf):
            for number, form in finder.find(text):
                hits.setdefault((rel, number.value, form), Hit(rel, form, number))
    return list(hits.values())


def report(hits: list[Hit], shown: int = 8) -> str:
    """One entry per number and form, naming the files (printed and data files first, then pages)."""
    files = {h.file for h in hits}
    lines = [f"Numbers that must never be published were found in {len(files)} file(s) of the built site; "
             "nothing was published:"]
    for number in dict.fromkeys(h.number for h in hits):
        lines.append(f"  - {number.value} must never be published ({number.reason}; listed in {number.recorded_in})"
                     + (f". Use [[tel {number.instead}]] or [[service {number.instead}]] instead" if number.instead
                        else "") + ". Found:")
        forms: dict[str, list[str]] = {}
        for h in hits:
            if h.number == number:
                forms.setdefault(h.form, []).append(h.file)
        for form, where in forms.items():
            where.sort(key=lambda f: (not f.endswith(PDF_SUFFIX), not f.startswith("data/"), f))
            more = f" and {len(where) - shown} more" if len(where) > shown else ""
            lines.append(f"      '{form}' in {', '.join(where[:shown])}{more}")
    lines.append("Remove each from the page or data the files are made from, then build again. "
                 "The previously built site was left as it was.")
    return "\n".join(lines)


def pdftotext(path: Path) -> str:
    """The text of a PDF, as Debian's poppler-utils reads it (the same reader the tests use)."""
    tool = shutil.which("pdftotext")
    if tool is None:
        raise ToolMissing("pdftotext was not found: install Debian's poppler-utils (scripts/setup.sh does) so "
                          "the build can check the printed PDFs for numbers that must never be published")
    result = subprocess.run([tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=False, timeout=60)
    if result.returncode != 0:
        raise ToolMissing(f"pdftotext could not read {path.name}: {result.stderr.decode(errors='replace')[:200]}")
    return result.stdout.decode("utf-8", errors="replace")


# Helpers ---------------------------------------------------------------------------------------

def _texts(path: Path, suffix: str, read_pdf: Callable[[Path], str]) -> list[str]:
    """The file's text, and the forms a reader sees: HTML without tags, JSON with escapes decoded."""
    if suffix == PDF_SUFFIX:
        return [read_pdf(path)]
    raw = path.read_text(encoding="utf-8", errors="replace")
    texts = [raw]
    if suffix in (".html", ".htm", ".svg", ".xml"):
        texts.append(_TAG.sub("", raw))  # 093<span>-</span>671-4343
    if suffix == ".json" and "\\u" in raw:
        with contextlib.suppress(ValueError):  # not JSON after all: the raw text was searched
            texts.append(json.dumps(json.loads(raw), ensure_ascii=False))
    return texts


def _read_list(path: Path, rel: str, site: Site, problems: Problems) -> list[Forbidden]:
    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        problems.add(rel, "-", "-", "valid YAML", Found(f"a syntax error: {getattr(e, 'problem', e)}"))
        return []
    example = "numbers: [{value: 0570-046-556, reason: a common misprint of 0570-064-556, source: {title: …}}]"
    if not isinstance(raw, dict) or set(raw) != {"numbers"} or not isinstance(raw["numbers"], list):
        problems.add(rel, "-", "-", "a mapping with one key, numbers: a list of numbers", raw, example)
        return []
    out: list[Forbidden] = []
    seen: set[str] = set()
    current = {c.value: s.id for s in site.services.values() for c in s.contacts if c.verified}
    for i, item in enumerate(raw["numbers"]):
        key = f"numbers[{i}]"
        if not isinstance(item, dict):
            problems.add(rel, "-", key, "a mapping with value, reason and source", item, example)
            continue
        value = item.get("value", MISSING)
        record = value if isinstance(value, str) else "-"
        for k in item:
            if k not in ("value", "reason", "source", "instead"):
                problems.add(rel, record, f"{key}.{k}", "no such key (known keys: instead, reason, source, value)",
                             Found(f"unknown key '{k}'"))
        if not isinstance(value, str) or not is_phone(value):
            problems.add(rel, record, f"{key}.value", "a Japanese phone number written as publications do", value,
                         "value: 0570-046-556")
            continue
        if value in seen:
            problems.add(rel, record, f"{key}.value", "a number listed once", value)
        if value in current:
            problems.add(rel, record, f"{key}.value", "a number that no service in data/services/ uses",
                         Found(f"'{value}', the current number of {current[value]}"))
        seen.add(value)
        reason = item.get("reason", MISSING)
        if not isinstance(reason, str) or not reason.strip():
            problems.add(rel, record, f"{key}.reason", "why it must never be published", reason,
                         "reason: a common misprint of 0570-064-556")
        source = item.get("source", MISSING)
        if not isinstance(source, dict) or not isinstance(source.get("title"), str) or not source["title"].strip():
            problems.add(rel, record, f"{key}.source", "where it was seen: {title: …, url: …}", source,
                         "source: {title: 市政だより 2019年7月15日号}")
        instead = item.get("instead", "")
        if instead and instead not in site.services:
            problems.add(rel, record, f"{key}.instead", "the id of a service in data/services/", instead,
                         "instead: kokoro-no-kenko-dial")
            instead = ""
        out.append(Forbidden(value, str(reason).strip(), rel, str(instead)))
    return out

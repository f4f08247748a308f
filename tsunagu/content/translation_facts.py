"""Facts may not be added or dropped in translation: each translated page has the Japanese page's facts.

Prose is free, facts are not. Per page and language the build compares with the Japanese page:

- the data macros (``[[tel ID]]``, ``[[service ID]]``, ``[[survey ID]]`` …): a number or service card that one
  language shows and another does not is a fact added or dropped;
- the headings, by their anchors (``## … { #emergency }``) and levels: a section added or dropped;
- links to other pages of the site.

Phone numbers typed as text are already stopped by :mod:`tsunagu.content.prose_facts`, so every number a
page shows is a macro here. Each difference names both files and what is missing or extra.

Differences found when the check was introduced are listed in ``data/translation-differences.yml`` (each a
task for a translator): a new difference stops the build, and so does a listed one that no longer exists
(remove its line), so the list only shrinks.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tsunagu.content.pages import markdown_pages

_MACRO = re.compile(r"\[\[([a-z-]+)(?:\s+([^\]\s]+))?[^\]]*\]\]")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_ANCHOR = re.compile(r"\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}\s*$")
_LINK = re.compile(r"\]\(([a-z0-9/_-]+\.md)(?:#[^)]*)?\)")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Difference:
    file: str
    source: str
    kind: str
    item: str
    missing: bool
    """True: in the Japanese page, not in this one; False: added in this one."""

    @property
    def key(self) -> str:
        """How the difference is listed in data/translation-differences.yml."""
        return f"{'dropped' if self.missing else 'added'}: {self.kind} {self.item}"

    def __str__(self) -> str:
        if self.missing:
            return f"{self.file}: {self.kind} {self.item} is in {self.source} but not here (a fact dropped)"
        return f"{self.file}: {self.kind} {self.item} is not in {self.source} (a fact added)"


def facts(text: str) -> Counter[tuple[str, str]]:
    """(kind, item) -> how many times, for one page's Markdown (front matter and code blocks skipped)."""
    out: Counter[tuple[str, str]] = Counter()
    in_fence = False
    body = text.split("\n---", 1)[1] if text.startswith("---") and "\n---" in text else text
    for line in body.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        for m in _MACRO.finditer(line):
            out[("macro", f"[[{m.group(1)}{' ' + m.group(2) if m.group(2) else ''}]]")] += 1
        heading = _HEADING.match(line)
        if heading:
            anchor = _ANCHOR.search(heading.group(2))
            level = len(heading.group(1))
            out[("heading", f"h{level} {{ #{anchor.group(1)} }}" if anchor else f"h{level} (no anchor)")] += 1
        for m in _LINK.finditer(line):
            out[("link", m.group(1))] += 1
    return out


def compare(source: str, translated: str, file: str, source_file: str) -> list[Difference]:
    a, b = facts(source), facts(translated)
    diffs: list[Difference] = []
    for key in sorted(set(a) | set(b)):
        kind, item = key
        if a[key] > b[key]:
            diffs.append(Difference(file, source_file, kind, _times(item, a[key] - b[key]), True))
        elif b[key] > a[key]:
            diffs.append(Difference(file, source_file, kind, _times(item, b[key] - a[key]), False))
    return diffs


def check_docs(docs_dir: Path, root: Path, default: str, languages: Iterable[str],
               skip: Iterable[str] = ()) -> list[Difference]:
    """Every difference between each translated page and its Japanese page (generated pages skipped)."""
    others = [lang for lang in languages if lang != default]
    diffs: list[Difference] = []
    for path, rel in markdown_pages(docs_dir, skip):
        stem, _, suffix = rel[: -len(".md")].rpartition(".")
        if stem and suffix in others:
            continue
        source = path.read_text(encoding="utf-8")
        for lang in others:
            translated = path.with_name(f"{path.stem}.{lang}.md")
            if translated.exists():
                diffs += compare(source, translated.read_text(encoding="utf-8"), _rel(translated, root),
                                 _rel(path, root))
    return diffs


KNOWN_FILE = "translation-differences.yml"


def load_known(root: Path, data_dir: str = "data") -> dict[str, list[str]]:
    """Listed differences per translated page (see the module's docstring); no file means none."""
    path = root / data_dir / KNOWN_FILE
    if not path.exists():
        return {}
    import yaml

    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    known = raw.get("known", {}) if isinstance(raw, dict) else {}
    return {str(k): [str(x) for x in v] for k, v in known.items() if isinstance(v, list)} if isinstance(
        known, dict) else {}


def unlisted(diffs: list[Difference], known: dict[str, list[str]]) -> tuple[list[Difference], list[str]]:
    """(new differences, listed ones no longer found: 'file: key')."""
    new = [d for d in diffs if d.key not in known.get(d.file, [])]
    found = {(d.file, d.key) for d in diffs}
    gone = [f"{file}: {key}" for file, keys in known.items() for key in keys if (file, key) not in found]
    return new, gone


def known_yaml(diffs: list[Difference]) -> str:
    """The list file for the given differences (to start the list, or to regenerate it after fixes)."""
    import yaml

    by_file: dict[str, list[str]] = {}
    for d in diffs:
        by_file.setdefault(d.file, []).append(d.key)
    head = ("# Facts (data macros, sections by anchor, links) that a translated page adds or drops compared with\n"
            "# its Japanese page, found when the check was introduced (issue 14). Each line is a task for a\n"
            "# translator: make the page match, then delete the line. A new difference stops the build, and so\n"
            "# does a line here that no longer applies. Regenerate: python -m tsunagu.content.translation_facts\n")
    return head + yaml.safe_dump({"known": by_file}, allow_unicode=True, sort_keys=True, width=200)


def report(diffs: list[Difference], gone: Sequence[str] = ()) -> str:
    lines = [f"{len(diffs) + len(gone)} fact(s) added or dropped in translation (numbers, service cards, sections "
             "and links must match the Japanese page; prose is free):"]
    lines += [f"  - {d}" for d in diffs]
    lines += [f"  - {g}: listed in data/{KNOWN_FILE} but no longer found; delete the line" for g in gone]
    lines.append("Add what was dropped or remove what was added (or change the Japanese page first).")
    return "\n".join(lines)


def _times(item: str, n: int) -> str:
    return item if n == 1 else f"{item} ({n} times)"


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


if __name__ == "__main__":  # python -m tsunagu.content.translation_facts: print the list file for this site
    import sys

    from tsunagu.directory.rules import GENERATED_DIRS

    here = Path.cwd()
    docs = here / "docs"
    generated = [p.relative_to(docs).as_posix() for d in GENERATED_DIRS for p in (docs / d).rglob("*.md")]
    langs = sys.argv[1:] or ["ja", "ja-easy", "en", "zh", "ko", "vi"]
    sys.stdout.write(known_yaml(check_docs(docs, here, langs[0], langs, skip=generated)))

"""data/finder.yml: the finder's choices (plain words, and the directory topics each finds) and its words."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tsunagu.data.loader import TOPICS
from tsunagu.data.model import Localized
from tsunagu.data.problems import DataError, Found, Problems
from tsunagu.data.reader import Reader, join, read_yaml, relative

MODES = ("adult", "kids")
TEXT_KEYS = ("step", "who", "who_me", "who_other", "age", "about", "how", "language", "skip", "back", "result",
             "urgent", "none", "print", "again", "all", "links", "ages", "today")


@dataclass(frozen=True)
class Choice:
    id: str
    label: Localized
    topics: tuple[str, ...]
    urgent: bool


@dataclass(frozen=True)
class Finder:
    choices: dict[str, tuple[Choice, ...]]
    """Per mode ("adult", "kids"), in the order shown."""
    text: dict[str, Localized]


def load_finder(root: Path, languages: tuple[str, ...], data_dir: str = "data") -> Finder | None:
    """Read data/finder.yml, or None when the site has none; raise DataError listing every problem."""
    path = root / data_dir / "finder.yml"
    if not path.exists():
        return None
    problems = Problems()
    rel = relative(root, path)
    raw = read_yaml(root, path, problems)
    r = Reader(rel, "-", languages, problems)
    top = r.mapping(raw, "", {*MODES, "text"}) if raw is not None else {}
    choices: dict[str, tuple[Choice, ...]] = {}
    for mode in MODES:
        items = top.get(mode)
        if not isinstance(items, list) or not items:
            r.problem(mode, "a list of choices", items, f"{mode}:\n  - id: alone\n    label: {{ja: ..., ...}}\n"
                      "    topics: [loneliness]")
            continue
        choices[mode] = tuple(c for i, item in enumerate(items)
                              if (c := _choice(item, f"{mode}[{i}]", rel, languages, problems)) is not None)
        ids = [c.id for c in choices[mode]]
        for dup in sorted({x for x in ids if ids.count(x) > 1}):
            r.problem(mode, "each choice id once", Found(f"'{dup}' twice"))
    text: dict[str, Localized] = {}
    raw_text = r.mapping(top.get("text", {}), "text", set(TEXT_KEYS))
    for key in TEXT_KEYS:
        text[key] = r.localized(raw_text, key, "text")
    if problems:
        raise DataError(problems)
    return Finder(choices, text)


def _choice(item: object, where: str, rel: str, languages: tuple[str, ...], problems: Problems) -> Choice | None:
    ident = item.get("id") if isinstance(item, dict) else None
    r = Reader(rel, f"{where} ({ident})" if isinstance(ident, str) else where, languages, problems)
    m = r.mapping(item, "", {"id", "label", "topics", "urgent"})
    if not m:
        return None
    cid = r.string(m, "id")
    label = r.localized(m, "label")
    topics = r.str_list(m, "topics")
    if not topics and "topics" in m:
        r.problem("topics", "at least one topic", m.get("topics"), "topics: [loneliness]")
    for i, topic in enumerate(topics):
        if topic not in TOPICS:
            r.problem(join("topics", f"[{i}]"), "a directory topic (" + ", ".join(TOPICS) + ")", topic,
                      "topics: [loneliness]")
    return Choice(cid, label, tuple(topics), r.flag(m, "urgent", ""))

"""Interface strings by key, one YAML file per language in ``tsunagu/locales/``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

LOCALES_DIR = Path(__file__).parents[1] / "locales"
REFERENCE = "en"
ESSENTIALS_PREFIX = "essentials."
"""Keys only essentials languages need (menu labels of the pages they do not have); en.yml holds the reference."""


class StringsError(Exception):
    """A language has no strings file, or its file lacks keys that the reference language has."""


@dataclass(frozen=True)
class Strings:
    """The interface strings of one language."""

    locale: str
    table: dict[str, str]

    def __call__(self, key: str, **values: object) -> str:
        return self.table[key].format(**values)


def load_strings(languages: Iterable[str], folder: Path = LOCALES_DIR,
                 essentials: Iterable[str] = ()) -> dict[str, Strings]:
    """Load every language's strings; raise listing every missing file and key. ``essentials.*`` keys are
    required of essentials languages only."""
    essential = set(essentials)
    reference = _read(folder / f"{REFERENCE}.yml")
    out: dict[str, Strings] = {}
    problems: list[str] = []
    for lang in languages:
        path = folder / f"{lang}.yml"
        if not path.exists():
            problems.append(f"{path.name}: no interface strings for language '{lang}'; copy {REFERENCE}.yml "
                            "and translate every value")
            continue
        table = _read(path)
        missing = [k for k in reference if k not in table
                   and (lang in essential or not k.startswith(ESSENTIALS_PREFIX))]
        if missing:
            problems.append(f"{path.name}: missing key(s) " + ", ".join(missing))
        out[lang] = Strings(lang, table)
    if problems:
        raise StringsError("Interface strings are incomplete (tsunagu/locales/):\n  - " + "\n  - ".join(problems))
    return out


def _read(path: Path) -> dict[str, str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(k): str(v) for k, v in data.items()}

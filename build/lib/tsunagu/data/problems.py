"""Collect every data problem, then stop once with a message a city editor can act on."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one data file."""

    file: str
    """Path relative to the site's root folder, e.g. ``data/services/yell.yml``."""
    record: str
    """The record id (a service id) or ``-`` for a whole-file problem."""
    key: str
    """Dotted path to the key inside the record, e.g. ``contacts[0].value``."""
    expected: str
    found: str
    example: str = ""

    def __str__(self) -> str:
        text = (
            f"{self.file}: record '{self.record}', key '{self.key}': "
            f"expected {self.expected}; found {self.found}."
        )
        if self.example:
            text += f" Example: {self.example}"
        return text


@dataclass
class Problems:
    """An ordered list of problems, reported together."""

    items: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, file: str, record: str, key: str, expected: str, found: object, example: str = "") -> None:
        self.items.append(Problem(file, record, key, expected, describe(found), example))

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def __bool__(self) -> bool:
        return bool(self.items)

    def report(self) -> str:
        lines = [f"{len(self.items)} problem(s) in the site's data; nothing was built:"]
        lines += [f"  - {p}" for p in self.items]
        lines.append("Fix every line above, then build again. The previously built site was left as it was.")
        return "\n".join(lines)


class DataError(Exception):
    """Raised once, after loading, when any data file has problems."""

    def __init__(self, problems: Problems) -> None:
        super().__init__(problems.report())
        self.problems = problems


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING = _Missing()
"""Passed as ``found`` when a required key is absent."""


class Found(str):
    """A ``found`` text that is already a description, shown as it is."""


def describe(value: object) -> str:
    """Render a found value briefly: type and a short repr."""
    if value is MISSING:
        return "no such key"
    if isinstance(value, Found):
        return str(value)
    if value is None:
        return "nothing"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f"'{shown}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping with keys " + ", ".join(sorted(map(str, value))) if value else "an empty mapping"
    if isinstance(value, list):
        shown = repr(value)
        return shown if len(shown) <= 60 else f"a list of {len(value)} item(s)"
    return f"{type(value).__name__} {value!r}"

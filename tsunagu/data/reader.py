"""Reading one data file: YAML parsed with messages that are the same on every machine, and typed access to a
record's keys that records a problem (file, record, key, expected, found, example) instead of raising, so a
build reports every problem at once."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tsunagu.data.model import Localized
from tsunagu.data.problems import MISSING, Found, Problems

TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$|^24:00$")
URL = re.compile(r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(/[^\s]*)?$")
# libyaml's safe loader when PyYAML has it (about 10x faster on a large directory), else the pure-Python one
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(root: Path, path: Path, problems: Problems) -> Any:
    rel = relative(root, path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.add(rel, "-", "-", "this file to exist", Found("no such file"))
        return None
    except UnicodeDecodeError as e:
        problems.add(rel, "-", "-", "UTF-8 text", Found(f"undecodable byte at position {e.start}"))
        return None
    try:
        return yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError:
        pass
    try:  # parse again with the pure-Python loader: its messages are the same on every machine
        return yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown position"
        what = getattr(e, "problem", None) or str(e)
        problems.add(rel, "-", "-", "valid YAML", Found(f"a syntax error at {where}: {what}"))
        return None


def relative(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def one_of(values: Iterable[str]) -> str:
    return "one of " + ", ".join(values)


@dataclass
class Reader:
    """Typed access to one record's keys that records a problem instead of raising."""

    file: str
    record: str
    languages: tuple[str, ...]
    problems: Problems
    optional: tuple[str, ...] = ()
    """Languages a text may have but need not (essentials languages in surveys: a chart on an essentials page)."""

    def problem(self, key: str, expected: str, found: object, example: str = "") -> None:
        self.problems.add(self.file, self.record, key, expected, found, example)

    def mapping(self, raw: Any, key: str, allowed: set[str] | None) -> dict[str, Any]:
        if not isinstance(raw, dict):
            self.problem(key or "-", "a mapping of keys to values", raw)
            return {}
        if allowed is not None:
            for k in raw:
                if k not in allowed:
                    self.problem(join(key, str(k)), "no such key (known keys: " + ", ".join(sorted(allowed)) + ")",
                                 Found(f"unknown key '{k}'"))
        return raw

    def string(self, m: Mapping[str, Any], k: str, prefix: str = "", required: bool = True) -> str:
        v = m.get(k, MISSING)
        if v is MISSING and not required:
            return ""
        if not isinstance(v, str) or not v.strip():
            self.problem(join(prefix, k), "a non-empty text", v)
            return ""
        return v.strip()

    def choice(self, m: Mapping[str, Any], k: str, options: Iterable[str], prefix: str = "",
               expected: str = "") -> str:
        options = tuple(options)
        v = m.get(k, MISSING)
        if v not in options:
            self.problem(join(prefix, k), expected or one_of(options), v, f"{k}: {options[0]}")
            return options[0]
        return str(v)

    def flag(self, m: Mapping[str, Any], k: str, prefix: str) -> bool:
        v = m.get(k, False)
        if not isinstance(v, bool):
            self.problem(join(prefix, k), "true or false", v, f"{k}: true")
            return False
        return v

    def url(self, m: Mapping[str, Any], k: str, prefix: str = "", required: bool = True,
            allow_http: bool = False) -> str:
        v = self.string(m, k, prefix, required)
        as_https = "https://" + v.removeprefix("http://") if allow_http and v.startswith("http://") else v
        if v and not URL.match(as_https):
            self.problem(join(prefix, k), "an https:// URL", v, f"{k}: https://www.city.kitakyushu.lg.jp/")
            return ""
        return v

    def time(self, m: Mapping[str, Any], k: str, prefix: str) -> str:
        v = m.get(k, MISSING)
        if not isinstance(v, str) or not TIME.match(v):
            self.problem(join(prefix, k), "a time of day as 'HH:MM' from 00:00 to 24:00, in quotes", v,
                         f"{k}: '09:00'")
            return "00:00"
        return v

    def date(self, m: Mapping[str, Any], k: str, today: dt.date, prefix: str = "", required: bool = True
             ) -> dt.date | None:
        v = m.get(k, MISSING)
        if v is MISSING and not required:
            return None
        if not isinstance(v, dt.date) or isinstance(v, dt.datetime):
            self.problem(join(prefix, k), "a date as YYYY-MM-DD", v, f"{k}: 2026-11-26")
            return None
        if v > today:
            self.problem(join(prefix, k), f"a date not after today ({today.isoformat()})", Found(v.isoformat()),
                         f"{k}: {today.isoformat()}")
            return None
        return v

    def str_list(self, m: Mapping[str, Any], k: str, prefix: str = "") -> list[str]:
        v = m.get(k, MISSING)
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            self.problem(join(prefix, k), "a list of texts", v, f"{k}: [a, b]")
            return []
        return v

    def localized(self, m: Any, k: str, prefix: str = "") -> Localized:
        """Text in every site language; a missing or extra language is a problem."""
        key = join(prefix, k) if k else prefix
        v = m.get(k, MISSING) if k and isinstance(m, dict) else m
        example = f"{k or 'label'}: {{" + ", ".join(f"{lang}: ..." for lang in self.languages) + "}"
        if not isinstance(v, dict):
            self.problem(key, "a text in every site language (" + ", ".join(self.languages) + ")", v, example)
            return {}
        out: Localized = {}
        for lang in self.languages:
            text = v.get(lang)
            if not isinstance(text, str) or not text.strip():
                self.problem(f"{key}.{lang}", f"a text in language '{lang}'", text if lang in v else MISSING,
                             example)
            else:
                out[lang] = text.strip()
        for lang in self.optional:
            if lang in v and (not isinstance(v[lang], str) or not v[lang].strip()):
                self.problem(f"{key}.{lang}", f"a text in language '{lang}' (or no '{lang}' key)", v[lang], example)
            elif lang in v:
                out[lang] = v[lang].strip()
        for lang in v:
            if lang not in self.languages and lang not in self.optional:
                self.problem(f"{key}.{lang}", "one of the site's languages (" + ", ".join(self.languages) + ")",
                             Found(f"unknown language '{lang}'"))
        return out


def join(prefix: str, key: str) -> str:
    if not prefix:
        return key
    return prefix + key if prefix.endswith(".") else f"{prefix}.{key}"


def read_age_range(r: Reader, raw: Any, key: str, example_age: int, example: str) -> tuple[int | None, int | None]:
    """``{min_age, max_age}`` of a service (``audiences``) or a place (``ages``): whole years from 0 to 120,
    the lower not above the higher; either may be left out (no limit)."""
    m = r.mapping(raw, key, {"min_age", "max_age"})
    ages: list[int | None] = []
    for k in ("min_age", "max_age"):
        v = m.get(k)
        if v is not None and (not isinstance(v, int) or isinstance(v, bool) or not 0 <= v <= 120):
            r.problem(f"{key}.{k}", "a whole number of years from 0 to 120", v, f"{k}: {example_age}")
            v = None
        ages.append(v)
    low, high = ages
    if low is not None and high is not None and low > high:
        r.problem(key, "min_age not above max_age", Found(f"min_age {low}, max_age {high}"), f"{key}: {example}")
    return low, high

"""Read one record of a data file from its model's declarations (``tsunagu.data.fields``).

Fields are read in declaration order, so problems come in the order a person reads the file's rules. What a
declaration cannot say (a rule across fields, a check of one value's form) is a check the loader runs right
after the field it is about.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from tsunagu.data.fields import Read, declared, yaml_keys
from tsunagu.data.problems import MISSING
from tsunagu.data.reader import Reader, join

DEFAULT: Any = object()
"""Returned by a custom reader to leave the field's default (an optional key that is absent)."""

CustomReader = Callable[["Fields", Any, str, dict[str, Any]], Any]
"""(fields, the raw value or MISSING, the key's path, the values read so far) -> the field's value."""
Check = Callable[["Fields", Mapping[str, Any], str, dict[str, Any]], "bool | None"]
"""(fields, the record's mapping, the record's path, the values read so far); False stops the record."""


@dataclass
class Fields:
    """Reads records of one data file: the file's ``Reader`` plus the loader's readers and checks."""

    r: Reader
    today: dt.date
    readers: Mapping[str, CustomReader]
    checks: Mapping[tuple[type, str], Check]
    context: dict[str, Any] = field(default_factory=dict)
    """Facts about the file a check may need (its name's stem)."""

    def record(self, cls: type, raw: Any, path: str, skip_empty: bool = False) -> dict[str, Any] | None:
        """The declared fields of one ``cls`` record, as keyword arguments; None when a check stopped it, or
        with ``skip_empty`` when it is not a mapping (the problem is recorded) or has no keys."""
        m = self.r.mapping(raw, path, yaml_keys(cls))
        if skip_empty and not m:
            return None
        return self.values(cls, m, path)

    def values(self, cls: type, m: Mapping[str, Any], path: str) -> dict[str, Any] | None:
        values: dict[str, Any] = {}
        for name, rule in declared(cls):
            key = rule.key or name
            if rule.kind == "custom":
                got = self.readers[rule.reader](self, m.get(key, MISSING), join(path, key), values)
                if got is not DEFAULT:
                    values.update(zip(rule.fills, got, strict=True) if rule.fills else {name: got})
            elif key in m or rule.required:
                values[name] = self._simple(m, key, path, rule)
            check = self.checks.get((cls, name))
            if check is not None and check(self, m, path, values) is False:
                return None
        return values

    def _simple(self, m: Mapping[str, Any], key: str, path: str, rule: Read) -> Any:
        r = self.r
        if rule.kind == "text":
            return r.string(m, key, path)
        if rule.kind == "url":
            return r.url(m, key, path, allow_http=rule.allow_http)
        if rule.kind == "choice":
            return r.choice(m, key, rule.options, path, rule.expected)
        if rule.kind == "flag":
            return r.flag(m, key, path)
        if rule.kind == "date":
            return r.date(m, key, self.today, path)
        if rule.kind == "time":
            return r.time(m, key, path)
        if rule.kind == "texts":
            return tuple(r.str_list(m, key, path))
        if rule.kind == "localized":
            return r.localized(m, key, path)
        if rule.kind == "records":
            out = []
            for i, item in enumerate(m.get(key) or []):
                values = self.record(rule.of, item, f"{join(path, key)}[{i}]")
                if values is not None:
                    out.append(rule.of(**values))
            return tuple(out)
        raise ValueError(f"unknown kind of field: {rule.kind}")

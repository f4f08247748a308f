"""How a model field is read from its data file, declared once beside the field.

A field of ``model.py`` carries ``metadata=read(...)``: its YAML key, the kind of value, whether it is required
and, for choices, the allowed values. From that one declaration the loader knows the keys a record may use
(``yaml_keys``), how to read and check each one (``tsunagu.data.record.read_record``) and the model's type.
A field without a declaration is not read from the file (``Service.file``: where the record came from).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any

READ = "tsunagu.read"
"""The metadata key of a field's declaration."""


@dataclass(frozen=True)
class Read:
    """One field's reading rule."""

    kind: str
    """``text``, ``url``, ``choice``, ``flag``, ``date``, ``time``, ``texts`` (a list of texts), ``localized``
    (a text per site language), ``records`` (a list of nested records of ``of``) or ``custom`` (read by the
    loader's function named ``reader``)."""
    key: str = ""
    """The YAML key; empty: the field's name."""
    required: bool = True
    """A missing required key is a problem; a missing optional one leaves the field's default."""
    options: tuple[str, ...] = ()
    expected: str = ""
    """For a choice: the words of the "expected" part of the message (default: "one of ...")."""
    allow_http: bool = False
    """For a URL: a source may be an old ``http://`` page, cited as it was seen."""
    of: Any = None
    """For ``records``: the dataclass of each item."""
    reader: str = ""
    """For ``custom``: the name of the loader's reader (it gets the raw value, or MISSING)."""
    fills: tuple[str, ...] = ()
    """For ``custom``: the fields one key fills (``audiences`` → ``min_age``, ``max_age``, declared on the first;
    the reader returns one value each); empty: this field."""


def read(kind: str, *, key: str = "", required: bool = True, options: Iterable[str] = (), expected: str = "",
         allow_http: bool = False, of: Any = None, reader: str = "", fills: Iterable[str] = ()
         ) -> dict[str, Read]:
    """The metadata that declares how a field is read, e.g. ``field(metadata=read("choice", options=FEES))``."""
    return {READ: Read(kind, key, required, tuple(options), expected, allow_http, of, reader, tuple(fills))}


def declared(cls: Any) -> list[tuple[str, Read]]:
    """(field name, rule) for every field of ``cls`` read from the data file, in declaration order (the order
    problems are reported in)."""
    return [(f.name, f.metadata[READ]) for f in fields(cls) if READ in f.metadata]


def yaml_keys(cls: Any) -> set[str]:
    """The keys a data file may use for a record of ``cls``: one per declared field."""
    return {rule.key or name for name, rule in declared(cls)}

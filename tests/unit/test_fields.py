"""A data field is declared once, beside the model's field: the declaration gives the allowed keys, how the
value is read and checked, and the model's type (tsunagu/data/fields.py, record.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

import pytest

from tsunagu.data import loader, places
from tsunagu.data.fields import READ, declared, read, yaml_keys
from tsunagu.data.model import (
    Alternative,
    Contact,
    DateHours,
    Hours,
    MonthlyHours,
    Place,
    Service,
    Site,
    Source,
    Superseded,
    Survey,
    WeeklyHours,
)
from tsunagu.data.problems import Problems
from tsunagu.data.reader import Reader
from tsunagu.data.record import Fields

TODAY = dt.date(2026, 11, 26)


@dataclass(frozen=True, kw_only=True)
class Bench:
    """A record a city might add: one line per field, nothing else to write."""

    name: dict[str, str] = field(metadata=read("localized"))
    seats: str = field(default="unknown", metadata=read("choice", required=False, options=("few", "many", "unknown")))
    since: dt.date | None = field(default=None, metadata=read("date", required=False))
    roofed: bool = field(default=False, metadata=read("flag", required=False))
    days: tuple[str, ...] = field(default=(), metadata=read("texts", required=False))
    file: str = ""  # not declared: not a key in the file


def _read(raw: object) -> tuple[Bench | None, list[str]]:
    problems = Problems()
    f = Fields(Reader("data/benches.yml", "park", ("ja", "en"), problems), TODAY, {}, {})
    values = f.record(Bench, raw, "", skip_empty=True)
    return (Bench(**values) if values is not None else None), [str(p) for p in problems.items]


def test_a_declared_field_is_allowed_read_and_typed() -> None:
    assert yaml_keys(Bench) == {"name", "seats", "since", "roofed", "days"}
    bench, problems = _read({"name": {"ja": "ベンチ", "en": "Bench"}, "seats": "few", "since": dt.date(2020, 4, 1),
                             "roofed": True, "days": ["mon"]})
    assert problems == []
    assert bench == Bench(name={"ja": "ベンチ", "en": "Bench"}, seats="few", since=dt.date(2020, 4, 1), roofed=True,
                          days=("mon",))


def test_an_optional_field_left_out_keeps_its_default() -> None:
    bench, problems = _read({"name": {"ja": "ベンチ", "en": "Bench"}})
    assert problems == [] and bench == Bench(name={"ja": "ベンチ", "en": "Bench"})


def test_every_problem_of_a_record_is_reported_in_declaration_order() -> None:
    bench, problems = _read({"seats": "lots", "since": dt.date(2030, 1, 1), "roofed": "yes", "colour": "red"})
    assert bench is not None
    assert problems == [
        "data/benches.yml: record 'park', key 'colour': expected no such key (known keys: days, name, roofed, "
        "seats, since); found unknown key 'colour'.",
        "data/benches.yml: record 'park', key 'name': expected a text in every site language (ja, en); found no "
        "such key. Example: name: {ja: ..., en: ...}",
        "data/benches.yml: record 'park', key 'seats': expected one of few, many, unknown; found 'lots'. "
        "Example: seats: few",
        "data/benches.yml: record 'park', key 'since': expected a date not after today (2026-11-26); found "
        "2030-01-01. Example: since: 2026-11-26",
        "data/benches.yml: record 'park', key 'roofed': expected true or false; found 'yes'. Example: roofed: true",
    ]


RECORDS = (Service, Contact, Hours, WeeklyHours, MonthlyHours, DateHours, Source, Superseded, Alternative, Place,
           Site, Survey)
# Fields that are not keys of their record: where it came from, what one key fills besides its first field,
# and what the loader adds to the site.
NOT_KEYS = {"file", "max_age", "ages_stated", "closed_dates", "schedule_note", "years", "id", "languages",
            "services", "surveys", "warnings", "places", "essentials"}


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_every_field_of_a_data_record_is_declared_and_its_reader_exists(cls: type) -> None:
    readers = {**loader.READERS, **places.READERS, "place_source": None}
    for f in fields(cls):
        rule = f.metadata.get(READ)
        if rule is None:
            assert f.name in NOT_KEYS, f"{cls.__name__}.{f.name} has no read(...) declaration"
            continue
        if rule.kind == "custom":
            assert rule.reader in readers, f"{cls.__name__}.{f.name}: no reader named {rule.reader!r}"
        for name in rule.fills:
            assert name in {g.name for g in fields(cls)}, f"{cls.__name__}.{f.name} fills unknown {name}"
    assert declared(cls), cls

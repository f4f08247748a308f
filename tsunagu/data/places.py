"""Read ``data/places/<id>.yml`` (places to go, 居場所) into the model, with the same all-problems-at-once
messages as services: file, record, key, expected, found and an example.

A place's facts (its days, its address) come from a public source like a service's number does: every
place names its source, the source's date (``as_of``) and whether a person compared them (``status``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from tsunagu.data.model import WEEKDAYS, Place, Session, Source
from tsunagu.data.problems import MISSING, Found, Problems
from tsunagu.data.reader import Reader, one_of, read_age_range, read_yaml, relative
from tsunagu.data.record import DEFAULT, Check, CustomReader, Fields

SourceReader = Callable[[Reader, Any, str, dt.date], "Source | None"]
"""The loader's source reader (title, url, kind, as_of)."""
SCHEDULE_KEYS = {"weekly", "monthly", "dates", "closed_dates", "note"}
WEEKS = (1, 2, 3, 4, 5, -1)
EXAMPLE_SCHEDULE = "schedule: {monthly: [{weeks: [2], day: tue, opens: '10:00', closes: '12:00'}]}"


def load_places(root: Path, folder: Path, langs: tuple[str, ...], problems: Problems, today: dt.date,
                read_source: SourceReader) -> dict[str, Place]:
    """Every place in ``folder`` (none when the folder does not exist: places are optional).

    ``read_source`` is the loader's source reader (title, url, kind, as_of), passed in so a place's source
    is checked by exactly the rules a contact's is.
    """
    places: dict[str, Place] = {}
    for path in sorted(folder.rglob("*.yml")) if folder.is_dir() else ():
        raw = read_yaml(root, path, problems)
        if raw is None:
            continue
        record = raw.get("id", path.stem) if isinstance(raw, dict) else path.stem
        r = Reader(relative(root, path), str(record), langs, problems)
        place = _read_place(r, raw, path.stem, today, read_source)
        if place is None:
            continue
        if place.id in places:
            r.problem("id", "an id used by no other place", Found(f"'{place.id}', also used by "
                      f"{places[place.id].file}"), "id: a-unique-id")
            continue
        places[place.id] = place
    return places


def _read_place(r: Reader, raw: Any, stem: str, today: dt.date, read_source: SourceReader) -> Place | None:
    f = Fields(r, today, {**READERS, "place_source": _source_reader(read_source)}, CHECKS, {"stem": stem})
    values = f.record(Place, raw, "", skip_empty=True)
    return Place(file=r.file, **values) if values is not None else None


def _check_id(f: Fields, m: Mapping[str, Any], path: str, v: dict[str, Any]) -> None:
    pid, stem = v["id"], f.context["stem"]
    if pid and pid != stem:
        f.r.problem("id", f"the file name without .yml ('{stem}')", pid, f"id: {stem}")


def _source_reader(read_source: SourceReader) -> CustomReader:
    def read(f: Fields, raw: Any, key: str, v: dict[str, Any]) -> Source:
        source = read_source(f.r, raw, "source", f.today) if raw is not MISSING else None
        if source is None:
            f.r.problem("source", "the public page or paper that lists this place (title, url, kind, as_of)",
                        MISSING, "source: {title: 市政だより 2026年2月15日号, url: https://..., kind: government, "
                        "as_of: 2026-02-15}")
        elif "as_of" not in raw:
            f.r.problem("source.as_of", "the date of the source itself (YYYY-MM-DD, YYYY-MM, YYYY or unknown)",
                        MISSING, "as_of: 2026-02-15")
        return source or Source(title="")
    return read


def _check_checked(f: Fields, m: Mapping[str, Any], path: str, v: dict[str, Any]) -> None:
    if v["status"] == "verified" and "checked" not in m:
        f.r.problem("checked", "a date as YYYY-MM-DD", MISSING, "checked: 2026-11-26")


def _read_ages_key(f: Fields, raw: Any, key: str, v: dict[str, Any]) -> Any:
    # ``ages: any`` is the source saying "everyone"; no ``ages`` is the source saying nothing.
    if raw is MISSING:
        return DEFAULT
    low, high = (None, None) if raw == "any" else read_age_range(f.r, raw, "ages", 65, "{min_age: 6, max_age: 15}")
    return low, high, True


def _read_schedule_key(f: Fields, raw: Any, key: str, v: dict[str, Any]) -> Any:
    return _read_schedule(f.r, raw)


READERS: dict[str, CustomReader] = {"schedule": _read_schedule_key, "ages": _read_ages_key}
CHECKS: dict[tuple[type, str], Check] = {(Place, "id"): _check_id, (Place, "checked"): _check_checked}


def _read_schedule(r: Reader, raw: Any) -> tuple[tuple[Session, ...], tuple[dt.date, ...], dict[str, str]]:
    """``schedule: unknown`` or weekly / monthly (n-th weekday) / dates rules, closed dates and a note."""
    if raw is MISSING:
        r.problem("schedule", "the days and times as the source gives them, or 'unknown'", MISSING,
                  EXAMPLE_SCHEDULE)
        return (), (), {}
    if raw == "unknown":
        return (), (), {}
    m = r.mapping(raw, "schedule", SCHEDULE_KEYS)
    sessions: list[Session] = []
    for i, item in enumerate(_list(r, m, "weekly")):
        k = f"schedule.weekly[{i}]"
        w = r.mapping(item, k, {"days", "opens", "closes"})
        days = _days(r, w, k)
        sessions.append(Session("weekly", *_span(r, w, k), days=days))
    for i, item in enumerate(_list(r, m, "monthly")):
        k = f"schedule.monthly[{i}]"
        w = r.mapping(item, k, {"weeks", "day", "opens", "closes"})
        weeks = w.get("weeks", MISSING)
        if not isinstance(weeks, list) or not weeks or not all(x in WEEKS and not isinstance(x, bool)
                                                                 for x in weeks):
            r.problem(f"{k}.weeks", "a list of weeks of the month: 1 to 5, or -1 for the last", weeks,
                      "weeks: [2, 4]  # the 2nd and 4th")
            weeks = []
        day = r.choice(w, "day", WEEKDAYS, k)
        sessions.append(Session("monthly", *_span(r, w, k), days=(day,), weeks=tuple(weeks)))
    for i, item in enumerate(_list(r, m, "dates")):
        k = f"schedule.dates[{i}]"
        w = r.mapping(item, k, {"date", "opens", "closes"})
        day_ = w.get("date", MISSING)
        if not isinstance(day_, dt.date) or isinstance(day_, dt.datetime):
            r.problem(f"{k}.date", "a date as YYYY-MM-DD", day_, "date: 2026-12-05")
            continue
        sessions.append(Session("date", *_span(r, w, k), date=day_))
    closed: list[dt.date] = []
    for i, d in enumerate(_list(r, m, "closed_dates")):
        if not isinstance(d, dt.date) or isinstance(d, dt.datetime):
            r.problem(f"schedule.closed_dates[{i}]", "a date as YYYY-MM-DD", d, "closed_dates: [2026-12-29]")
        else:
            closed.append(d)
    if m and not sessions:
        r.problem("schedule", "weekly, monthly or dates (or schedule: unknown when the source gives no days)", m,
                  EXAMPLE_SCHEDULE)
    note = r.localized(m, "note", "schedule.") if "note" in m else {}
    return tuple(sessions), tuple(closed), note


def _list(r: Reader, m: Mapping[str, Any], k: str) -> list[Any]:
    v = m.get(k, [])
    if not isinstance(v, list):
        r.problem(f"schedule.{k}", "a list", v, f"{k}: [...]")
        return []
    return v


def _days(r: Reader, m: Mapping[str, Any], key: str) -> tuple[str, ...]:
    days = tuple(r.str_list(m, "days", key + "."))
    for j, d in enumerate(days):
        if d not in WEEKDAYS:
            r.problem(f"{key}.days[{j}]", one_of(WEEKDAYS), d, "days: [tue, thu]")
    return tuple(d for d in days if d in WEEKDAYS)


def _span(r: Reader, m: Mapping[str, Any], key: str) -> tuple[str, str]:
    """A session starts and ends the same day (no salon runs past midnight)."""
    opens, closes = r.time(m, "opens", key), r.time(m, "closes", key)
    if "opens" in m and "closes" in m and closes <= opens and opens != "00:00":
        r.problem(f"{key}.closes", f"a time after opens ({opens}) on the same day", closes,
                  "{opens: '13:30', closes: '16:00'}")
    return opens, closes

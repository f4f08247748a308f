"""Load ``data/`` into the validated model, collecting every problem before stopping.

One reader function per record type (site, service, contact, hours, survey). Each reports a
problem with file, record id, key, what was expected and what was found, and goes on, so an
editor sees every mistake in one run.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from tsunagu.data.fields import yaml_keys
from tsunagu.data.model import (
    CONTACT_TYPES,
    FEES,
    HOLIDAY_RULES,
    KIND_EXPECTED,
    STATUSES,
    TOPICS,
    WEEKDAYS,
    Alternative,
    Contact,
    DateHours,
    Hours,
    Localized,
    MonthlyHours,
    Place,
    Service,
    Site,
    Source,
    Superseded,
    Survey,
    WeeklyHours,
)
from tsunagu.data.problems import MISSING, DataError, Found, Problems
from tsunagu.data.reader import TIME, URL, Reader, one_of, read_age_range, read_yaml, relative
from tsunagu.data.record import DEFAULT, Check, CustomReader, Fields

__all__ = ["CONTACT_TYPES", "FEES", "STATUSES", "TOPICS", "is_phone", "load_site"]

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)?$|^many$")
SERVICE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
STALE_AFTER = dt.timedelta(days=365)
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
AS_OF = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
AS_OF_EXPECTED = ("the date of the source itself: YYYY-MM-DD, or YYYY-MM or YYYY when only that is known, "
                  "or 'unknown' when the source carries no date")
# Short numbers every phone in Japan knows: the only verified contacts whose source may have no page.
WELL_KNOWN_NUMBERS = ("110", "118", "119")


def load_site(root: Path, languages: Iterable[str], today: dt.date | None = None, data_dir: str = "data",
              essentials: Iterable[str] = ()) -> Site:
    """Read ``root/<data_dir>`` and return the site model, or raise ``DataError`` listing every problem.

    Paths in messages are relative to ``root`` (the folder of mkdocs.yml). Essentials languages need texts in
    services and site.yml, not in places and surveys (their pages are not built in those languages).
    """
    langs = tuple(languages)
    essential = tuple(lang for lang in langs if lang in set(essentials))
    full = tuple(lang for lang in langs if lang not in essential)
    problems = Problems()
    today = today or dt.date.today()
    data = root / data_dir
    site_file = data / "site.yml"
    site_raw = read_yaml(root, site_file, problems)
    services = _load_services(root, data / "services", langs, problems, today)
    surveys_raw = read_yaml(root, data / "surveys.yml", problems)
    if problems and (site_raw is None or surveys_raw is None):
        raise DataError(problems)

    r = Reader(relative(root, site_file), "site", langs, problems)
    unreadable = {p.stem for p in (data / "services").rglob("*.yml")} - set(services)
    values = _fields(r, today, services=services, unreadable=unreadable).values(
        Site, r.mapping(site_raw, "", yaml_keys(Site)), "") or {}
    areas = values["areas"]
    for service in services.values():
        if service.area not in areas and service.area not in ("prefecture", "national"):
            problems.add(service.file, service.id, "area", one_of(["national", "prefecture", *areas]),
                         service.area, f"area: {next(iter(areas), 'national')}")

    for service in services.values():
        for i, contact in enumerate(service.contacts):
            for j, alt in enumerate(contact.if_busy):
                if alt.service and alt.service not in services and alt.service not in unreadable:
                    problems.add(service.file, service.id, f"contacts[{i}].if_busy[{j}].service",
                                 "the id of a service in data/services/", alt.service, "service: yorisoi-hotline")
    surveys = _load_surveys(root, data / "surveys.yml", surveys_raw, full, problems, optional=essential)
    places = _load_places(root, data / "places", full, problems, today, areas, services, unreadable)
    if problems:
        raise DataError(problems)
    return Site(**values, languages=langs, services=services, surveys=surveys, warnings=tuple(problems.warnings),
                places=places, essentials=essential)


def _load_places(root: Path, folder: Path, langs: tuple[str, ...], problems: Problems, today: dt.date,
                 areas: Mapping[str, Any], services: Mapping[str, Service], unreadable: set[str]
                 ) -> dict[str, Place]:
    """Places to go (data/places/), checked against the areas and services they name."""
    from tsunagu.data.places import load_places  # places.py reads sources with this module's reader

    places = load_places(root, folder, langs, problems, today, _read_source)
    for place in places.values():
        if place.area and place.area not in areas:
            problems.add(place.file, place.id, "area", one_of(areas), place.area,
                         f"area: {next(iter(areas), 'city')}")
        if place.service and place.service not in services and place.service not in unreadable:
            problems.add(place.file, place.id, "service", "the id of a service in data/services/", place.service,
                         "service: kitakyushu-shakyo")
    return places


def _read_areas(f: Fields, raw: Any, key: str, v: dict[str, Any]) -> dict[str, Localized]:
    areas_raw = f.r.mapping(raw, "areas", None)
    return {str(k): f.r.localized(areas_raw, str(k), "areas.") for k in areas_raw}


def _check_updated(f: Fields, m: Mapping[str, Any], path: str, v: dict[str, Any]) -> None:
    v["updated"] = v["updated"] or f.today  # reported already; the build stops before it is shown


def _check_whole_area(f: Fields, m: Mapping[str, Any], path: str, v: dict[str, Any]) -> None:
    whole_area, areas = v["whole_area"], v["areas"]
    if whole_area and whole_area not in areas:
        f.r.problem("whole_area", one_of(areas), whole_area, f"whole_area: {next(iter(areas), 'city')}")


def _read_editors_email(f: Fields, raw: Any, key: str, v: dict[str, Any]) -> str:
    """The editors' address for "report a change"; a city may not have one yet, which only costs the link."""
    r = f.r
    email = r.string({"editors_email": raw}, "editors_email", required=False) if raw is not MISSING else ""
    if email and not EMAIL.match(email):
        r.problem("editors_email", "an e-mail address", email, "editors_email: kodoku-taisaku@example.org")
        return ""
    if not email:
        r.problems.warn(f"{r.file}: key 'editors_email' is not set, so service pages have no \"report a change\" "
                        "link; set the editors' address, e.g. editors_email: kodoku-taisaku@example.org")
    return email


def _check_crisis_strip(f: Fields, m: Mapping[str, Any], path: str, v: dict[str, Any]) -> None:
    services, unreadable = f.context["services"], f.context["unreadable"]
    for i, sid in enumerate(v["crisis_strip"]):
        if sid not in services and sid not in unreadable:
            f.r.problem(f"crisis_strip[{i}]", "the id of a service in data/services/", sid,
                        "crisis_strip: [emergency-119, police-110]")


# Readers, one per record type ------------------------------------------------------------------

def _load_services(root: Path, folder: Path, langs: tuple[str, ...], problems: Problems, today: dt.date
                   ) -> dict[str, Service]:
    services: dict[str, Service] = {}
    for path in sorted(folder.rglob("*.yml")):
        raw = read_yaml(root, path, problems)
        if raw is None:
            continue
        rel = relative(root, path)
        record = raw.get("id", path.stem) if isinstance(raw, dict) else path.stem
        r = Reader(rel, str(record), langs, problems)
        service = _read_service(r, raw, path.stem, today)
        if service is None:
            continue
        if service.id in services:
            r.problem("id", "an id used by no other service", Found(f"'{service.id}', also used by "
                      f"{services[service.id].file}"), "id: a-unique-id")
            continue
        services[service.id] = service
    if not folder.is_dir():
        problems.add(relative(root, folder), "-", "-", "a folder with one YAML file per service", Found("no folder"))
    return services


def _read_service(r: Reader, raw: Any, stem: str, today: dt.date) -> Service | None:
    # "languages" is allowed only to say where it moved (each contact says what it speaks).
    m = r.mapping(raw, "", yaml_keys(Service) | {"languages"})
    if not m:
        return None
    if "languages" in m:  # the old place: a service's phone and chat may not speak the same languages
        r.problem("languages", "languages on each contact point that speaks them (contacts[N].languages)",
                  m["languages"], "contacts: [{type: chat, languages: [ja, many], hours: {...}, ...}]")
    f = _fields(r, today, stem=stem)
    values = f.values(Service, m, "")
    return Service(file=r.file, **values) if values is not None else None


def _fields(r: Reader, today: dt.date, **context: Any) -> Fields:
    """A record reader for one file with this module's readers and checks."""
    return Fields(r, today, READERS, CHECKS, context)


# Checks run right after the field they are about (see tsunagu/data/record.py) -------------------

def _check_service_id(f: Fields, m: Mapping[str, Any], path: str, v: dict[str, Any]) -> None:
    sid, stem = v["id"], f.context["stem"]
    if sid and not SERVICE_ID.match(sid):
        f.r.problem("id", "lower-case letters, digits and hyphens", sid, "id: inochi-no-denwa-kitakyushu")
    elif sid and sid != stem:
        f.r.problem("id", f"the file name without .yml ('{stem}')", sid, f"id: {stem}")


def _check_topics(f: Fields, m: Mapping[str, Any], path: str, v: dict[str, Any]) -> None:
    for i, topic in enumerate(v["topics"]):
        if topic not in TOPICS:
            f.r.problem(f"topics[{i}]", one_of(TOPICS), topic, "topics: [loneliness, youth]")


def _read_contacts(f: Fields, raw: Any, key: str, v: dict[str, Any]) -> tuple[Contact, ...]:
    if not isinstance(raw, list) or not raw:
        f.r.problem("contacts", "a list of one or more contact points", raw,
                    "contacts: [{type: phone, value: 093-000-0000, status: verified, ...}]")
        return ()
    contacts = []
    for i, c in enumerate(raw):
        values = f.record(Contact, c, f"contacts[{i}]", skip_empty=True)
        if values is not None:
            contacts.append(Contact(**values))
    return tuple(contacts)


def _check_value(f: Fields, m: Mapping[str, Any], key: str, v: dict[str, Any]) -> None:
    r, value, ctype = f.r, v.get("value", ""), v["type"]
    if "value" not in m and v["status"] == "verified":
        r.problem(f"{key}.value", "a non-empty text", MISSING)
    if value and ctype == "phone" and not is_phone(value):
        r.problem(f"{key}.value", "a Japanese phone number: 0120-xxx-xxx, 0570-xxx-xxx, 0800-xxx-xxxx, "
                  "093-xxx-xxxx, a 3-digit number such as 119 or 189, or a #-code such as #9110",
                  value, "value: 093-653-4343")
    elif value and ctype in ("chat", "web") and not URL.match(value):
        r.problem(f"{key}.value", "an https:// URL", value, "value: https://www.city.kitakyushu.lg.jp/")


def _read_contact_source(f: Fields, raw: Any, key: str, v: dict[str, Any]) -> Source | None:
    if raw is MISSING:
        return None
    return _read_evidence(f, raw, key, v.get("checked"), v["status"] == "verified", v["type"], v.get("value", ""))


def _check_contact_source(f: Fields, m: Mapping[str, Any], key: str, v: dict[str, Any]) -> None:
    r, checked = f.r, v.get("checked")
    if v["status"] == "verified" and v.get("source") is None:
        r.problem(f"{key}.source", "a source (title and url) for a contact marked verified", MISSING,
                  "source: {title: 市政だより 2026年2月15日号, url: https://www.city.kitakyushu.lg.jp/...}")
    if v["status"] == "verified" and "checked" not in m:
        r.problem(f"{key}.checked", "the date the contact was checked (YYYY-MM-DD)", MISSING,
                  "checked: 2026-11-26")
    if checked and f.today - checked > STALE_AFTER:
        r.problems.warn(f"{r.file}: record '{r.record}', key '{key}.checked': checked {checked.isoformat()}, "
                        "more than 12 months ago; please check it again.")


def _check_languages(f: Fields, m: Mapping[str, Any], key: str, v: dict[str, Any]) -> None:
    languages = v.get("languages", ("ja",))
    for i, code in enumerate(languages):
        if not LANGUAGE_CODE.match(code):
            f.r.problem(f"{key}.languages[{i}]", "a language code such as ja, en, zh, ko, vi, pt, or 'many'", code,
                        "languages: [ja, en]")
    if set(languages) - {"ja"} and v["type"] in ("phone", "chat", "visit") and "hours" not in m:
        # "English + open now" must not pick a line whose other-language hours nobody checked.
        f.r.problem(f"{key}.hours", "the hours of this language line as its source gives them, or 'unknown'",
                    MISSING, "hours: {weekly: [{days: [mon, fri], opens: '09:00', closes: '17:00'}]} or "
                    "hours: unknown")


def _read_superseded(f: Fields, raw: Any, key: str, v: dict[str, Any]) -> Any:
    """Older values that sources still print: each with where it was seen (two sources, both recorded)."""
    if raw is MISSING:
        return DEFAULT
    out: list[Superseded] = []
    f.context["current"] = v.get("value", "")
    for i, item in enumerate(raw if isinstance(raw, list) else []):
        values = f.record(Superseded, item, f"{key}[{i}]")
        if values is not None:
            out.append(Superseded(**values))
    if not isinstance(raw, list):
        f.r.problem(key, "a list of older values", raw, "superseded: [{value: 093-000-0000, source: {...}}]")
    return tuple(out)
def _check_superseded_value(f: Fields, m: Mapping[str, Any], key: str, v: dict[str, Any]) -> None:
    if v["value"] and v["value"] == f.context["current"]:
        f.r.problem(f"{key}.value", "an older value, different from the contact's current value", v["value"])


def _check_superseded_source(f: Fields, m: Mapping[str, Any], key: str, v: dict[str, Any]) -> None:
    if v.get("source") is None:
        f.r.problem(f"{key}.source", "the source that still shows the older value", MISSING,
                    "source: {title: 市政だより 2019年7月15日号, url: https://...}")


def _read_alternatives(f: Fields, raw: Any, key: str, v: dict[str, Any]) -> Any:
    if raw is MISSING:
        return DEFAULT
    if not isinstance(raw, list):
        f.r.problem(key, "a list of alternatives ({service: id} or {note: {...}})", raw,
                    "if_busy: [{service: anata-no-ibasho}]")
        return ()
    out: list[Alternative] = []
    for i, item in enumerate(raw):
        m = f.r.mapping(item, f"{key}[{i}]", yaml_keys(Alternative))
        if m and ("service" in m) == ("note" in m):
            f.r.problem(f"{key}[{i}]", "either service: <id> or note: {...}", m, "{service: yorisoi-hotline}")
            continue
        values = f.values(Alternative, m, f"{key}[{i}]") if m else None
        if values is not None:
            out.append(Alternative(**values))
    return tuple(out)


def _read_hours_key(f: Fields, raw: Any, key: str, v: dict[str, Any]) -> Any:
    """``hours: unknown`` says nobody has checked them (a language line must say so); no key: the same."""
    if raw is MISSING or raw == "unknown":
        return DEFAULT
    values = f.record(Hours, raw, key) or {}
    hours = Hours(**values)
    if isinstance(raw, dict) and raw and not hours.known:
        f.r.problem(key, "one of always: true, weekly: [...], monthly: [...], dates: [...] or varies: true", raw,
                    "hours: {weekly: [{days: [mon, fri], opens: '09:00', closes: '17:00'}]}")
    return hours


def _check_days(f: Fields, m: Mapping[str, Any], key: str, v: dict[str, Any]) -> None:
    for j, d in enumerate(v["days"]):
        if d not in WEEKDAYS:
            f.r.problem(f"{key}.days[{j}]", one_of(WEEKDAYS), d, "days: [mon, tue, wed, thu, fri]")


def _read_month_day(f: Fields, raw: Any, key: str, v: dict[str, Any]) -> int:
    if not isinstance(raw, int) or isinstance(raw, bool) or not 1 <= raw <= 31:
        f.r.problem(key, "a day of the month from 1 to 31", raw, "day: 10")
        return 1
    return raw


def _read_one_date(f: Fields, raw: Any, key: str, v: dict[str, Any]) -> dt.date | None:
    if not isinstance(raw, dt.date) or isinstance(raw, dt.datetime):
        f.r.problem(key, "a date as YYYY-MM-DD", raw, "date: 2026-09-10")
        return None
    return raw


def _check_one_date(f: Fields, m: Mapping[str, Any], key: str, v: dict[str, Any]) -> bool:
    return v["date"] is not None  # a dated opening without its date is left out, its times unread


def _read_closed_dates(f: Fields, raw: Any, key: str, v: dict[str, Any]) -> tuple[dt.date, ...]:
    closed: list[dt.date] = []
    for i, d in enumerate(raw if raw is not MISSING and raw else []):
        if not isinstance(d, dt.date) or isinstance(d, dt.datetime):
            f.r.problem(f"{key}[{i}]", "a date as YYYY-MM-DD", d, "closed_dates: [2026-12-31]")
        else:
            closed.append(d)
    return tuple(closed)


HOLIDAY_WHEN = {"public_holidays": "public holidays", "year_end": "29 December – 3 January"}


def _read_holiday_rule(f: Fields, raw: Any, key: str, v: dict[str, Any]) -> Any:
    """Required for a line with hours that is not open 24 hours; not allowed for one that is."""
    rule = key.rsplit(".", 1)[-1]
    hours_key = key.rsplit(".", 1)[0]
    always = v.get("always", False)
    has_spans = bool(v.get("weekly") or v.get("monthly") or v.get("dates"))
    if raw is not MISSING:
        value = f.r.choice({rule: raw}, rule, HOLIDAY_RULES, hours_key)
        if always:
            f.r.problem(key, "no holiday rule for a line open 24 hours (always: true)", raw, "hours: {always: true}")
        return value
    if has_spans and not always:
        # Silence would be read as "open": the city line once showed "open" on 31 December.
        f.r.problem(key, f"open, closed or unknown: whether the line answers on {HOLIDAY_WHEN[rule]}, as its "
                    "source says (unknown if it says nothing)", MISSING, f"{rule}: unknown")
    return DEFAULT


def _check_span(f: Fields, m: Mapping[str, Any], key: str, v: dict[str, Any]) -> None:
    """A closing time before the opening time must say it is the next day."""
    opens, closes, next_day = v["opens"], v["closes"], v.get("closes_next_day", False)
    if "opens" in m and "closes" in m and TIME.match(str(m["opens"])) and TIME.match(str(m["closes"])):
        if not next_day and closes <= opens:
            f.r.problem(f"{key}.closes", f"a time after opens ({opens}), or closes_next_day: true for hours that "
                        "run past midnight", closes, "{opens: '22:00', closes: '06:00', closes_next_day: true}")
        elif next_day and closes > opens:
            f.r.problem(f"{key}.closes_next_day", f"true only when closes ({closes}) is not after opens ({opens}): "
                        "more than 24 hours", True, "{opens: '08:00', closes: '08:00', closes_next_day: true}")


def _read_source_key(f: Fields, raw: Any, key: str, v: dict[str, Any]) -> Source | None:
    return None if raw is MISSING else _read_source(f.r, raw, key, f.today)


def _read_audiences(f: Fields, raw: Any, key: str, v: dict[str, Any]) -> Any:
    if raw is MISSING:
        return DEFAULT
    return read_age_range(f.r, raw, "audiences", 18, "{min_age: 15, max_age: 39}")


def _read_source(r: Reader, raw: Any, key: str, today: dt.date | None = None) -> Source | None:
    """A source as cited; ``kind`` and ``as_of`` are checked when present (contacts require them)."""
    f = _fields(r, today or dt.date.today())
    values = f.record(Source, raw, key, skip_empty=True)
    return Source(**values) if values is not None else None


def _read_evidence(f: Fields, raw: Any, key: str, checked: dt.date | None, verified: bool, ctype: str,
                   value: str) -> Source | None:
    """A contact's source: how old it is always, who published it and where to see it when verified."""
    r = f.r
    source = _read_source(r, raw, key, f.today)
    if source is None:
        return None
    if "as_of" not in raw:
        r.problem(f"{key}.as_of", AS_OF_EXPECTED, MISSING, "as_of: 2026-02-15")
    start = source.as_of_start
    if start and checked and start > checked:
        r.problem(f"{key}.as_of", f"a date not after checked ({checked.isoformat()}): a person compares a "
                  "source that already exists", source.as_of, f"as_of: {checked.isoformat()}")
    if verified and "kind" not in raw:
        r.problem(f"{key}.kind", KIND_EXPECTED, MISSING, "kind: government")
    if source.well_known and not (source.kind == "government" and ctype == "phone" and value in WELL_KNOWN_NUMBERS):
        r.problem(f"{key}.well_known", "true only for a national emergency number ("
                  + ", ".join(WELL_KNOWN_NUMBERS) + ") with kind: government", True, "well_known: true")
    elif verified and not source.url and not source.well_known:
        r.problem(f"{key}.url", "the address of a public page that shows this contact (a verified contact needs "
                  "one; only 110, 118 and 119 may say well_known: true instead)", MISSING,
                  "url: https://www.city.kitakyushu.lg.jp/...")
    return source


def _read_as_of_key(f: Fields, raw: Any, key: str, v: dict[str, Any]) -> Any:
    return DEFAULT if raw is MISSING else _read_as_of(f.r, raw, key, f.today)


def _read_as_of(r: Reader, v: Any, key: str, today: dt.date) -> str:
    """``as_of`` as written: a YAML date, ``2026-02`` / ``2026`` (a year is read as a number), or ``unknown``."""
    text = v.isoformat() if isinstance(v, dt.date) and not isinstance(v, dt.datetime) else \
        str(v) if isinstance(v, int | str) and not isinstance(v, bool) else ""
    if text == "unknown":
        return text
    match = AS_OF.match(text)
    try:
        parts = [int(g) for g in match.groups() if g] if match else []
        start = dt.date(*[*parts, 1, 1][:3]) if parts and parts[0] >= 1900 else None
    except ValueError:
        start = None
    if start is None:
        r.problem(key, AS_OF_EXPECTED, v, "as_of: 2026-02-15, as_of: 2026-02 or as_of: unknown")
        return ""
    if start > today:
        r.problem(key, f"a date not after today ({today.isoformat()})", Found(text),
                  f"as_of: {today.isoformat()}")
        return ""
    return text


def _load_surveys(root: Path, path: Path, raw: Any, langs: tuple[str, ...], problems: Problems,
                  optional: tuple[str, ...] = ()) -> dict[str, Survey]:
    surveys: dict[str, Survey] = {}
    rel = relative(root, path)
    if not isinstance(raw, dict):
        problems.add(rel, "-", "-", "a mapping of survey ids to surveys", raw, "direct-question: {title: ...}")
        return surveys
    for sid, body in raw.items():
        r = Reader(rel, str(sid), langs, problems, optional)
        values = _fields(r, dt.date.today()).record(Survey, body, "", skip_empty=True)
        if values is not None:
            surveys[str(sid)] = Survey(id=str(sid), **values)
    return surveys


def _read_categories(f: Fields, raw: Any, key: str, v: dict[str, Any]) -> tuple[Localized, ...]:
    cats = [f.r.localized(c, "", f"categories[{i}]") for i, c in enumerate(raw)] if isinstance(raw, list) else []
    if not cats:
        f.r.problem("categories", "a list of category labels in every language", raw)
    return tuple(cats)


def _read_series(f: Fields, raw: Any, key: str, v: dict[str, Any]) -> tuple[Any, ...]:
    """Each series' label and one percentage per category (null where the source gives none), and its year."""
    r, n = f.r, len(v["categories"])
    series: list[tuple[Localized, tuple[float | None, ...]]] = []
    years: list[int | None] = []
    for i, s in enumerate(raw if raw is not MISSING and raw else []):
        sk = f"series[{i}]"
        sm = r.mapping(s, sk, {"label", "values", "year"})
        values = sm.get("values", MISSING)
        if not isinstance(values, list) or len(values) != n or not all(
                x is None or (isinstance(x, int | float) and not isinstance(x, bool) and 0 <= x <= 100)
                for x in values):
            r.problem(f"{sk}.values", f"a list of {n} percentages from 0 to 100 (or null where the "
                      "source gives none)", values, "values: [4.5, 14.5, 17.4, 38.9, 23.7]")
            values = [None] * n
        series.append((r.localized(sm, "label", f"{sk}."), tuple(values)))
        years.append(sm.get("year") if isinstance(sm.get("year"), int) else None)
    return tuple(series), tuple(years)


def _read_sources(f: Fields, raw: Any, key: str, v: dict[str, Any]) -> tuple[Source, ...]:
    sources = [s for i, src in enumerate(raw if raw is not MISSING and raw else [])
               if (s := _read_source(f.r, src, f"sources[{i}]")) is not None]
    if not sources:
        f.r.problem("sources", "at least one source (title and url)", raw)
    return tuple(sources)


def _read_unit(f: Fields, raw: Any, key: str, v: dict[str, Any]) -> Any:
    return DEFAULT if raw is MISSING else str(raw)


# Helpers --------------------------------------------------------------------------------------

PHONE_PATTERNS = (
    re.compile(r"^(110|118|119|171|177|188|189)$"),  # short national numbers
    re.compile(r"^#\d{4}$"),  # short codes such as #9110, #7119
    re.compile(r"^0120-\d{1,3}-\d{3,5}$"),  # free dial (10 digits, checked below)
    re.compile(r"^0800-\d{3}-\d{4}$"),  # free dial (11 digits)
    re.compile(r"^0570-\d{2,3}-\d{3,4}$"),  # navi dial, caller pays (10 digits)
    re.compile(r"^0[1-9]\d{0,3}-\d{1,4}-\d{4}$"),  # area code - local - subscriber (10 digits)
    re.compile(r"^0[5789]0-\d{4}-\d{4}$"),  # mobile and IP phones (11 digits)
)


def is_phone(value: str) -> bool:
    """True for Japanese phone numbers written with hyphens as Japanese publications do."""
    if not any(p.match(value) for p in PHONE_PATTERNS):
        return False
    digits = value.replace("-", "")
    if digits.startswith("#") or len(digits) == 3:
        return True
    if digits.startswith("0800") or digits[:3] in ("050", "070", "080", "090"):
        return len(digits) == 11
    return len(digits) == 10


# The readers and checks the model's declarations name (tsunagu/data/model.py) ---------------------

READERS: dict[str, CustomReader] = {
    "contacts": _read_contacts,
    "evidence": _read_contact_source,
    "source": _read_source_key,
    "as_of": _read_as_of_key,
    "hours": _read_hours_key,
    "month_day": _read_month_day,
    "one_date": _read_one_date,
    "closed_dates": _read_closed_dates,
    "holiday_rule": _read_holiday_rule,
    "alternatives": _read_alternatives,
    "superseded": _read_superseded,
    "audiences": _read_audiences,
    "areas": _read_areas,
    "editors_email": _read_editors_email,
    "categories": _read_categories,
    "series": _read_series,
    "sources": _read_sources,
    "unit": _read_unit,
}
CHECKS: dict[tuple[type, str], Check] = {
    (Site, "updated"): _check_updated,
    (Site, "whole_area"): _check_whole_area,
    (Site, "crisis_strip"): _check_crisis_strip,
    (Service, "id"): _check_service_id,
    (Service, "topics"): _check_topics,
    (Contact, "value"): _check_value,
    (Contact, "source"): _check_contact_source,
    (Contact, "languages"): _check_languages,
    (Superseded, "value"): _check_superseded_value,
    (Superseded, "source"): _check_superseded_source,
    (WeeklyHours, "days"): _check_days,
    (WeeklyHours, "closes_next_day"): _check_span,
    (MonthlyHours, "closes_next_day"): _check_span,
    (DateHours, "date"): _check_one_date,
    (DateHours, "closes_next_day"): _check_span,
}

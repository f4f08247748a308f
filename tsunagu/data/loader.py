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

from tsunagu.data.model import (
    HOLIDAY_RULES,
    SOURCE_KINDS,
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
    yaml_keys,
)
from tsunagu.data.problems import MISSING, DataError, Found, Problems
from tsunagu.data.reader import TIME, URL, Reader, one_of, read_age_range, read_yaml, relative

TOPICS = (
    "emergency", "loneliness", "suicide-prevention", "mental-health", "general", "children", "youth",
    "hikikomori", "disability", "dementia", "older-people", "food", "housing", "work", "foreign-residents",
    "abuse-dv", "community",
)
CONTACT_TYPES = ("phone", "chat", "web", "email", "visit")
STATUSES = ("verified", "unverified")
FEES = ("free", "caller-pays", "unknown")
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)?$|^many$")
SERVICE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
STALE_AFTER = dt.timedelta(days=365)
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
AS_OF = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
AS_OF_EXPECTED = ("the date of the source itself: YYYY-MM-DD, or YYYY-MM or YYYY when only that is known, "
                  "or 'unknown' when the source carries no date")
KIND_EXPECTED = ("one of operator (the organisation's own page), government (a city, prefecture or national "
                 "government page or newsletter), secondary (another page quoting it)")
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
    raw = r.mapping(site_raw, "", {"city", "prefecture", "quick_exit_url", "crisis_strip", "updated", "areas",
                                      "whole_area", "editors_email"})
    city = r.localized(raw, "city")
    prefecture = r.localized(raw, "prefecture")
    quick_exit = r.url(raw, "quick_exit_url")
    updated = r.date(raw, "updated", today) or today
    areas_raw = r.mapping(raw.get("areas", MISSING), "areas", None)
    areas = {str(k): r.localized(areas_raw, str(k), "areas.") for k in areas_raw}
    whole_area = r.string(raw, "whole_area")
    editors_email = _read_editors_email(r, raw)
    if whole_area and whole_area not in areas:
        r.problem("whole_area", one_of(areas), whole_area, f"whole_area: {next(iter(areas), 'city')}")
    strip = tuple(r.str_list(raw, "crisis_strip"))
    unreadable = {p.stem for p in (data / "services").rglob("*.yml")} - set(services)
    for i, sid in enumerate(strip):
        if sid not in services and sid not in unreadable:
            r.problem(f"crisis_strip[{i}]", "the id of a service in data/services/", sid,
                      "crisis_strip: [emergency-119, police-110]")
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
    return Site(langs, quick_exit, strip, updated, city, prefecture, whole_area, areas, services, surveys,
                tuple(problems.warnings), editors_email, places, essential)


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


def _read_editors_email(r: Reader, raw: dict[str, Any]) -> str:
    """The editors' address for "report a change"; a city may not have one yet, which only costs the link."""
    email = r.string(raw, "editors_email", required=False)
    if email and not EMAIL.match(email):
        r.problem("editors_email", "an e-mail address", email, "editors_email: kodoku-taisaku@example.org")
        return ""
    if not email:
        r.problems.warn(f"{r.file}: key 'editors_email' is not set, so service pages have no \"report a change\" "
                        "link; set the editors' address, e.g. editors_email: kodoku-taisaku@example.org")
    return email


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
    sid = r.string(m, "id")
    if sid and not SERVICE_ID.match(sid):
        r.problem("id", "lower-case letters, digits and hyphens", sid, "id: inochi-no-denwa-kitakyushu")
    elif sid and sid != stem:
        r.problem("id", f"the file name without .yml ('{stem}')", sid, f"id: {stem}")
    topics = tuple(r.str_list(m, "topics"))
    for i, topic in enumerate(topics):
        if topic not in TOPICS:
            r.problem(f"topics[{i}]", one_of(TOPICS), topic, "topics: [loneliness, youth]")
    contacts_raw = m.get("contacts", MISSING)
    contacts: list[Contact] = []
    if not isinstance(contacts_raw, list) or not contacts_raw:
        r.problem("contacts", "a list of one or more contact points", contacts_raw,
                  "contacts: [{type: phone, value: 093-000-0000, status: verified, ...}]")
    else:
        for i, c in enumerate(contacts_raw):
            contact = _read_contact(r, c, f"contacts[{i}]", today)
            if contact:
                contacts.append(contact)
    url = r.url(m, "url", required=False)
    url_source = _read_source(r, m["url_source"], "url_source", today) if "url_source" in m else None
    min_age, max_age = _read_audiences(r, m["audiences"]) if "audiences" in m else (None, None)
    return Service(
        id=sid,
        file=r.file,
        organisation=r.localized(m, "organisation"),
        name=r.localized(m, "name"),
        short_name=r.localized(m, "short_name") if "short_name" in m else {},
        description=r.localized(m, "description"),
        topics=topics,
        area=r.string(m, "area"),
        url=url,
        url_source=url_source,
        contacts=tuple(contacts),
        min_age=min_age,
        max_age=max_age,
    )


def _read_audiences(r: Reader, raw: Any) -> tuple[int | None, int | None]:
    return read_age_range(r, raw, "audiences", 18, "{min_age: 15, max_age: 39}")


def _read_contact(r: Reader, raw: Any, key: str, today: dt.date) -> Contact | None:
    m = r.mapping(raw, key, yaml_keys(Contact))
    if not m:
        return None
    ctype = r.choice(m, "type", CONTACT_TYPES, key)
    status = r.choice(m, "status", STATUSES, key)
    value = r.string(m, "value", key, required=status == "verified")
    if value and ctype == "phone" and not is_phone(value):
        r.problem(f"{key}.value", "a Japanese phone number: 0120-xxx-xxx, 0570-xxx-xxx, 0800-xxx-xxxx, "
                  "093-xxx-xxxx, a 3-digit number such as 119 or 189, or a #-code such as #9110",
                  value, "value: 093-653-4343")
    elif value and ctype in ("chat", "web") and not URL.match(value):
        r.problem(f"{key}.value", "an https:// URL", value, "value: https://www.city.kitakyushu.lg.jp/")
    checked = r.date(m, "checked", today, key, required=False)
    source = _read_evidence(r, m["source"], f"{key}.source", today, checked, status == "verified",
                            ctype, value) if "source" in m else None
    if status == "verified" and source is None:
        r.problem(f"{key}.source", "a source (title and url) for a contact marked verified", MISSING,
                  "source: {title: 市政だより 2026年2月15日号, url: https://www.city.kitakyushu.lg.jp/...}")
    if status == "verified" and "checked" not in m:
        r.problem(f"{key}.checked", "the date the contact was checked (YYYY-MM-DD)", MISSING,
                  "checked: 2026-11-26")
    if checked and today - checked > STALE_AFTER:
        r.problems.warn(f"{r.file}: record '{r.record}', key '{key}.checked': checked {checked.isoformat()}, "
                        "more than 12 months ago; please check it again.")
    languages = tuple(r.str_list(m, "languages", key + ".")) if "languages" in m else ("ja",)
    for i, code in enumerate(languages):
        if not LANGUAGE_CODE.match(code):
            r.problem(f"{key}.languages[{i}]", "a language code such as ja, en, zh, ko, vi, pt, or 'many'", code,
                      "languages: [ja, en]")
    if set(languages) - {"ja"} and ctype in ("phone", "chat", "visit") and "hours" not in m:
        # "English + open now" must not pick a line whose other-language hours nobody checked.
        r.problem(f"{key}.hours", "the hours of this language line as its source gives them, or 'unknown'",
                  MISSING, "hours: {weekly: [{days: [mon, fri], opens: '09:00', closes: '17:00'}]} or hours: unknown")
    hours = _read_hours(r, m["hours"], f"{key}.hours") if "hours" in m and m["hours"] != "unknown" else Hours()
    return Contact(
        type=ctype,
        value=value,
        status=status,
        source=source,
        checked=checked,
        label=r.localized(m, "label", f"{key}.") if "label" in m else {},
        hours=hours,
        fee=r.choice(m, "fee", FEES, key) if "fee" in m else "unknown",
        note=r.localized(m, "note", f"{key}.") if "note" in m else {},
        if_busy=_read_alternatives(r, m["if_busy"], f"{key}.if_busy") if "if_busy" in m else (),
        superseded=_read_superseded(r, m["superseded"], f"{key}.superseded", today, value)
        if "superseded" in m else (),
        languages=languages,
    )


def _read_superseded(r: Reader, raw: Any, key: str, today: dt.date, current: str) -> tuple[Superseded, ...]:
    """Older values that sources still print: each with where it was seen (two sources, both recorded)."""
    out: list[Superseded] = []
    for i, item in enumerate(raw if isinstance(raw, list) else []):
        k = f"{key}[{i}]"
        m = r.mapping(item, k, yaml_keys(Superseded))
        value = r.string(m, "value", k)
        if value and value == current:
            r.problem(f"{k}.value", "an older value, different from the contact's current value", value)
        source = _read_source(r, m["source"], f"{k}.source", today) if "source" in m else None
        if source is None:
            r.problem(f"{k}.source", "the source that still shows the older value", MISSING,
                      "source: {title: 市政だより 2019年7月15日号, url: https://...}")
        out.append(Superseded(value, r.date(m, "until", today, k, required=False), source))
    if not isinstance(raw, list):
        r.problem(key, "a list of older values", raw, "superseded: [{value: 093-000-0000, source: {...}}]")
    return tuple(out)


def _read_alternatives(r: Reader, raw: Any, key: str) -> tuple[Alternative, ...]:
    if not isinstance(raw, list):
        r.problem(key, "a list of alternatives ({service: id} or {note: {...}})", raw,
                  "if_busy: [{service: anata-no-ibasho}]")
        return ()
    out: list[Alternative] = []
    for i, item in enumerate(raw):
        m = r.mapping(item, f"{key}[{i}]", yaml_keys(Alternative))
        if m and ("service" in m) == ("note" in m):
            r.problem(f"{key}[{i}]", "either service: <id> or note: {...}", m, "{service: yorisoi-hotline}")
            continue
        if "service" in m:
            out.append(Alternative(service=r.string(m, "service", f"{key}[{i}]")))
        elif m:
            out.append(Alternative(note=r.localized(m, "note", f"{key}[{i}].")))
    return tuple(out)


def _read_hours(r: Reader, raw: Any, key: str) -> Hours:
    m = r.mapping(raw, key, yaml_keys(Hours))
    weekly: list[WeeklyHours] = []
    for i, w in enumerate(m.get("weekly") or []):
        wk = f"{key}.weekly[{i}]"
        wm = r.mapping(w, wk, yaml_keys(WeeklyHours))
        days = tuple(r.str_list(wm, "days", wk + "."))
        for j, d in enumerate(days):
            if d not in WEEKDAYS:
                r.problem(f"{wk}.days[{j}]", one_of(WEEKDAYS), d, "days: [mon, tue, wed, thu, fri]")
        weekly.append(WeeklyHours(days, *_read_span(r, wm, wk)))
    monthly: list[MonthlyHours] = []
    for i, w in enumerate(m.get("monthly") or []):
        mk = f"{key}.monthly[{i}]"
        mm = r.mapping(w, mk, yaml_keys(MonthlyHours))
        day = mm.get("day")
        if not isinstance(day, int) or isinstance(day, bool) or not 1 <= day <= 31:
            r.problem(f"{mk}.day", "a day of the month from 1 to 31", day if "day" in mm else MISSING, "day: 10")
            day = 1
        monthly.append(MonthlyHours(day, *_read_span(r, mm, mk)))
    dates: list[DateHours] = []
    for i, w in enumerate(m.get("dates") or []):
        dk = f"{key}.dates[{i}]"
        dm = r.mapping(w, dk, yaml_keys(DateHours))
        day_ = dm.get("date")
        if not isinstance(day_, dt.date) or isinstance(day_, dt.datetime):
            r.problem(f"{dk}.date", "a date as YYYY-MM-DD", day_ if "date" in dm else MISSING, "date: 2026-09-10")
            continue
        dates.append(DateHours(day_, *_read_span(r, dm, dk)))
    closed: list[dt.date] = []
    for i, d in enumerate(m.get("closed_dates") or []):
        if not isinstance(d, dt.date) or isinstance(d, dt.datetime):
            r.problem(f"{key}.closed_dates[{i}]", "a date as YYYY-MM-DD", d, "closed_dates: [2026-12-31]")
        else:
            closed.append(d)
    always, varies = r.flag(m, "always", key), r.flag(m, "varies", key)
    has_spans = bool(weekly or monthly or dates)
    rules: dict[str, str] = {}
    for rule, when in (("public_holidays", "public holidays"), ("year_end", "29 December – 3 January")):
        if rule in m:
            rules[rule] = r.choice(m, rule, HOLIDAY_RULES, key)
            if always:
                r.problem(f"{key}.{rule}", "no holiday rule for a line open 24 hours (always: true)", m[rule],
                          "hours: {always: true}")
        elif has_spans and not always:
            # Silence would be read as "open": the city line once showed "open" on 31 December.
            r.problem(f"{key}.{rule}", f"open, closed or unknown: whether the line answers on {when}, as its "
                      "source says (unknown if it says nothing)", MISSING, f"{rule}: unknown")
    hours = Hours(weekly=tuple(weekly), monthly=tuple(monthly), dates=tuple(dates), closed_dates=tuple(closed),
                  always=always, varies=varies, public_holidays=rules.get("public_holidays", ""),
                  year_end=rules.get("year_end", ""))
    if m and not hours.known:
        r.problem(key, "one of always: true, weekly: [...], monthly: [...], dates: [...] or varies: true", m,
                  "hours: {weekly: [{days: [mon, fri], opens: '09:00', closes: '17:00'}]}")
    return hours


def _read_span(r: Reader, m: Mapping[str, Any], key: str) -> tuple[str, str, bool]:
    """opens, closes and closes_next_day; a closing time before the opening time must say it is the next day."""
    opens, closes = r.time(m, "opens", key), r.time(m, "closes", key)
    next_day = r.flag(m, "closes_next_day", key)
    if "opens" in m and "closes" in m and TIME.match(str(m["opens"])) and TIME.match(str(m["closes"])):
        if not next_day and closes <= opens:
            r.problem(f"{key}.closes", f"a time after opens ({opens}), or closes_next_day: true for hours that run "
                      "past midnight", closes, "{opens: '22:00', closes: '06:00', closes_next_day: true}")
        elif next_day and closes > opens:
            r.problem(f"{key}.closes_next_day", f"true only when closes ({closes}) is not after opens ({opens}): "
                      "more than 24 hours", True, "{opens: '08:00', closes: '08:00', closes_next_day: true}")
    return opens, closes, next_day


def _read_source(r: Reader, raw: Any, key: str, today: dt.date | None = None) -> Source | None:
    """A source as cited; ``kind`` and ``as_of`` are checked when present (contacts require them)."""
    m = r.mapping(raw, key, yaml_keys(Source))
    if not m:
        return None
    kind = r.choice(m, "kind", SOURCE_KINDS, key, KIND_EXPECTED) if "kind" in m else ""
    as_of = _read_as_of(r, m, key, today or dt.date.today()) if "as_of" in m else ""
    # A source may be an old http:// page: cite it as it was seen.
    return Source(title=r.string(m, "title", key), url=r.url(m, "url", key, required=False, allow_http=True),
                  kind=kind, as_of=as_of, well_known=r.flag(m, "well_known", key))


def _read_evidence(r: Reader, raw: Any, key: str, today: dt.date, checked: dt.date | None, verified: bool,
                   ctype: str, value: str) -> Source | None:
    """A contact's source: how old it is always, who published it and where to see it when verified."""
    source = _read_source(r, raw, key, today)
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


def _read_as_of(r: Reader, m: Mapping[str, Any], key: str, today: dt.date) -> str:
    """``as_of`` as written: a YAML date, ``2026-02`` / ``2026`` (a year is read as a number), or ``unknown``."""
    v = m["as_of"]
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
        r.problem(f"{key}.as_of", AS_OF_EXPECTED, v, "as_of: 2026-02-15, as_of: 2026-02 or as_of: unknown")
        return ""
    if start > today:
        r.problem(f"{key}.as_of", f"a date not after today ({today.isoformat()})", Found(text),
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
        m = r.mapping(body, "", {"title", "categories", "series", "sources", "note", "unit"})
        if not m:
            continue
        cats_raw = m.get("categories", MISSING)
        cats = [r.localized(c, "", f"categories[{i}]") for i, c in enumerate(cats_raw)] \
            if isinstance(cats_raw, list) else []
        if not cats:
            r.problem("categories", "a list of category labels in every language", cats_raw)
        series: list[tuple[Localized, tuple[float | None, ...]]] = []
        years: list[int | None] = []
        for i, s in enumerate(m.get("series") or []):
            sk = f"series[{i}]"
            sm = r.mapping(s, sk, {"label", "values", "year"})
            values = sm.get("values", MISSING)
            if not isinstance(values, list) or len(values) != len(cats) or not all(
                    v is None or (isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 100)
                    for v in values):
                r.problem(f"{sk}.values", f"a list of {len(cats)} percentages from 0 to 100 (or null where the "
                          "source gives none)", values, "values: [4.5, 14.5, 17.4, 38.9, 23.7]")
                values = [None] * len(cats)
            series.append((r.localized(sm, "label", f"{sk}."), tuple(values)))
            years.append(sm.get("year") if isinstance(sm.get("year"), int) else None)
        sources = [s for i, src in enumerate(m.get("sources") or [])
                   if (s := _read_source(r, src, f"sources[{i}]")) is not None]
        if not sources:
            r.problem("sources", "at least one source (title and url)", m.get("sources", MISSING))
        surveys[str(sid)] = Survey(
            id=str(sid), title=r.localized(m, "title"), categories=tuple(cats), series=tuple(series),
            sources=tuple(sources), note=r.localized(m, "note") if "note" in m else {},
            unit=str(m.get("unit", "%")),
            years=tuple(years),
        )
    return surveys


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

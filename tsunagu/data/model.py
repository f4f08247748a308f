"""The validated model of a city's data: what templates and renderers may rely on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any

Localized = dict[str, str]
"""Text in every site language, keyed by locale (``ja``, ``en``, ``ja-easy``...)."""

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def yaml_keys(cls: Any) -> set[str]:
    """The keys a data file may use for a record of ``cls``: one per field, named like it, unless the field
    says otherwise (``metadata={"yaml": "audiences"}``: read from another key; ``{"yaml": None}``: not
    from the file). So a field is declared once for the model and the allowed keys."""
    keys = {f.metadata.get("yaml", f.name) for f in fields(cls)}
    return {k for k in keys if k is not None}
HOLIDAY_RULES = ("open", "closed", "unknown")


SOURCE_KINDS = ("operator", "government", "secondary")
SOURCE_STALE_YEARS = 2
"""Who published a source: the organisation itself, a government body (city, prefecture, state; their
newsletters too), or another page quoting it."""


@dataclass(frozen=True)
class Source:
    """Where a fact was seen, and how good that evidence is."""

    title: str
    url: str = ""
    kind: str = ""
    """One of ``SOURCE_KINDS``; empty only where the data does not need one (surveys, old values)."""
    as_of: str = ""
    """The date of the source itself, as precise as it is known: ``2026-02-15``, ``2026-02``, ``2026``, or
    ``unknown`` when the source carries no date; empty where the data does not need one."""
    well_known: bool = False
    """A national emergency number (110, 119) that needs no page to prove it: the only source allowed
    without a URL for a verified contact."""

    @property
    def as_of_start(self) -> dt.date | None:
        """The earliest day the source can be from: a year alone counts from 1 January, so the site never
        claims a source is newer than it knows."""
        parts = self.as_of.split("-")
        if not parts[0].isdigit():
            return None
        year, month, day = (int(x) for x in [*parts, "1", "1"][:3])
        return dt.date(year, month, day)

    def stale_on(self, day: dt.date) -> bool:
        """True when the source is more than ``SOURCE_STALE_YEARS`` older than ``day`` (the site's review
        date); an undated source is not called stale, it says it is undated."""
        start = self.as_of_start
        if start is None:
            return False
        try:
            limit = day.replace(year=day.year - SOURCE_STALE_YEARS)
        except ValueError:  # 29 February
            limit = day.replace(year=day.year - SOURCE_STALE_YEARS, day=28)
        return start < limit


@dataclass(frozen=True)
class WeeklyHours:
    """Open on ``days`` from ``opens`` to ``closes`` (HH:MM), or to ``closes`` the next day."""

    days: tuple[str, ...]
    opens: str
    closes: str
    closes_next_day: bool = False


@dataclass(frozen=True)
class MonthlyHours:
    """Open on a day of each month, e.g. the 10th from 08:00 to 08:00 the next day."""

    day: int
    opens: str
    closes: str
    closes_next_day: bool = False


@dataclass(frozen=True)
class DateHours:
    """Open on one date only (a campaign week, a special opening)."""

    date: dt.date
    opens: str
    closes: str
    closes_next_day: bool = False


@dataclass(frozen=True)
class Hours:
    """Machine-readable opening hours of one contact point (HSDS ``schedule`` ideas)."""

    always: bool = False
    weekly: tuple[WeeklyHours, ...] = ()
    monthly: tuple[MonthlyHours, ...] = ()
    dates: tuple[DateHours, ...] = ()
    closed_dates: tuple[dt.date, ...] = ()
    public_holidays: str = ""
    """``open``, ``closed`` or ``unknown`` on Japanese public holidays; required by the loader for every line
    with hours that is not open 24 hours (empty there)."""
    year_end: str = ""
    """The same for 29 December to 3 January (年末年始), when Japanese offices close."""
    varies: bool = False
    """Hours depend on where you call from (e.g. lines routed to your prefecture)."""

    @property
    def known(self) -> bool:
        return self.always or bool(self.weekly) or bool(self.monthly) or bool(self.dates) or self.varies


@dataclass(frozen=True)
class Superseded:
    """A number seen in older sources that is no longer used: recorded for editors, never shown."""

    value: str
    until: dt.date | None
    source: Source | None


@dataclass(frozen=True)
class Alternative:
    """What to try when a line is busy: another service, or advice in words."""

    service: str = ""
    note: Localized = field(default_factory=dict)


@dataclass(frozen=True)
class Contact:
    """One way to reach a service: a phone number, a chat or web page, or a place to visit."""

    type: str
    """``phone``, ``chat``, ``web``, ``email`` or ``visit``."""
    value: str
    """The number, URL, address or e-mail; empty when not confirmed."""
    status: str
    """``verified`` or ``unverified``; unverified contacts are never shown as tappable."""
    source: Source | None
    checked: dt.date | None
    label: Localized = field(default_factory=dict)
    hours: Hours = field(default_factory=Hours)
    fee: str = "unknown"
    """``free``, ``caller-pays`` or ``unknown``."""
    note: Localized = field(default_factory=dict)
    if_busy: tuple[Alternative, ...] = ()
    superseded: tuple[Superseded, ...] = ()
    """Conflicting older values and where they were seen, so no one re-adds them by mistake."""
    languages: tuple[str, ...] = ("ja",)
    """Languages this line answers in (BCP 47 codes); ``many`` = several languages, ask which. A line
    in other languages with its own hours (よりそい's "press 2") is a contact of its own."""

    @property
    def verified(self) -> bool:
        return self.status == "verified" and bool(self.value)

    @property
    def tel_href(self) -> str:
        """``tel:`` URI: digits only, ``#`` percent-encoded (RFC 3966)."""
        return "tel:" + self.value.replace("-", "").replace("#", "%23")


@dataclass(frozen=True)
class Service:
    """A support service from ``data/services/<id>.yml``."""

    id: str
    file: str = field(metadata={"yaml": None})
    """The data file, for messages (not a key in it)."""
    organisation: Localized
    name: Localized
    description: Localized
    topics: tuple[str, ...]
    area: str
    contacts: tuple[Contact, ...]
    short_name: Localized = field(default_factory=dict)
    url: str = ""
    url_source: Source | None = None
    min_age: int | None = field(default=None, metadata={"yaml": "audiences"})
    max_age: int | None = field(default=None, metadata={"yaml": "audiences"})

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages some confirmed line answers in (``ja`` first, ``many`` last); each line says its own."""
        found = {code for c in self.contacts if c.verified for code in c.languages} or {"ja"}
        return tuple(sorted(found, key=lambda code: (code != "ja", code == "many", code)))

    @property
    def methods(self) -> tuple[str, ...]:
        """Ways to reach the service that are confirmed, in a stable order."""
        found = {c.type for c in self.contacts if c.verified}
        return tuple(t for t in ("phone", "chat", "visit", "web", "email") if t in found)

    def main_phone(self) -> Contact | None:
        """The first phone contact, verified or not."""
        return next((c for c in self.contacts if c.type == "phone"), None)


@dataclass(frozen=True)
class Survey:
    """A chart-able survey comparison from ``data/surveys.yml``."""

    id: str
    title: Localized
    categories: tuple[Localized, ...]
    series: tuple[tuple[Localized, tuple[float | None, ...]], ...]
    """(series label, one percentage per category; ``None`` where the source gives no figure)."""
    sources: tuple[Source, ...]
    note: Localized = field(default_factory=dict)
    unit: str = "%"
    years: tuple[int | None, ...] = ()
    """The survey year of each series, where the data gives one."""


PLACE_KINDS = ("salon", "kodomo-shokudo", "cafe", "centre", "peer-group")
"""Community salons, children's cafeterias (子ども食堂), drop-in cafés, 市民センター activities, peer groups."""
PLACE_COSTS = ("free", "paid", "unknown")


@dataclass(frozen=True)
class Session:
    """One rule of a place's schedule: weekly on ``days``; monthly on the ``weeks``-th ``days[0]`` of a
    month (week 1–5, or -1 for the last); or on one ``date``."""

    kind: str
    """``weekly``, ``monthly`` or ``date``."""
    opens: str
    closes: str
    days: tuple[str, ...] = ()
    weeks: tuple[int, ...] = ()
    date: dt.date | None = None


@dataclass(frozen=True)
class Place:
    """A place to go (居場所) from ``data/places/<id>.yml``: somewhere to be with people, not a phone line."""

    id: str
    file: str
    kind: str
    name: Localized
    description: Localized
    area: str
    """A ward (a key of ``site.areas``), or the whole area when the source gives no single ward."""
    status: str
    """``verified`` (a person compared the schedule with the source) or ``unverified`` (shown, but as
    "check before you go", and no next session is computed from it)."""
    source: Source
    checked: dt.date | None
    address: str = ""
    """As the source gives it, with furigana notation for やさしい日本語; empty when not confirmed."""
    map_query: str = ""
    """What the map link searches for (a building name, an address); empty: no map link."""
    sessions: tuple[Session, ...] = ()
    closed_dates: tuple[dt.date, ...] = ()
    schedule_note: Localized = field(default_factory=dict)
    cost: str = "unknown"
    cost_note: Localized = field(default_factory=dict)
    min_age: int | None = None
    max_age: int | None = None
    ages_stated: bool = False
    """The source says who may come (``ages: any`` for everyone); otherwise the page says it does not."""
    first_timers: bool = False
    """The source says first-timers are welcome (初めての方歓迎)."""
    accessibility: Localized = field(default_factory=dict)
    contact: Localized = field(default_factory=dict)
    """How to get in touch, in words (no numbers typed here: ``service`` links a directory entry)."""
    service: str = ""
    """The directory service that runs the place, whose page has its confirmed contacts."""
    list_url: str = ""
    """The organiser's or city's own list of such places, when our records have its address."""

    @property
    def days(self) -> tuple[str, ...]:
        """Weekdays with a session: what the day filter matches (dated sessions count by their weekday)."""
        found = {d for s in self.sessions for d in s.days}
        found |= {WEEKDAYS[s.date.weekday()] for s in self.sessions if s.date}
        return tuple(d for d in WEEKDAYS if d in found)


@dataclass(frozen=True)
class Site:
    """Everything a city configures in ``data/``."""

    languages: tuple[str, ...]
    quick_exit_url: str
    crisis_strip: tuple[str, ...]
    updated: dt.date
    city: Localized
    prefecture: Localized
    whole_area: str
    """The area that contains all the others (the city): its services serve every ward."""
    areas: dict[str, Localized]
    services: dict[str, Service]
    surveys: dict[str, Survey]
    warnings: tuple[str, ...] = ()
    """Problems that do not stop the build, such as a contact checked more than a year ago."""
    editors_email: str = ""
    """Where readers report a change (a ``mailto:`` link on every service page); empty: no link."""
    places: dict[str, Place] = field(default_factory=dict)
    """Places to go from ``data/places/`` (optional: a site without the folder has none)."""
    essentials: tuple[str, ...] = ()
    """Essentials languages: no places or survey texts, no pages outside their set (tsunagu/content/essentials.py)."""

    @property
    def full_languages(self) -> tuple[str, ...]:
        """The languages with every page (places and numbers pages included)."""
        return tuple(lang for lang in self.languages if lang not in self.essentials)

    def crisis_services(self) -> list[Service]:
        return [self.services[i] for i in self.crisis_strip]

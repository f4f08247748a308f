"""The validated model of a city's data: what templates and renderers may rely on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tsunagu.data.fields import read, yaml_keys

__all__ = ["yaml_keys"]  # the keys a record may use: derived from the declarations below

Localized = dict[str, str]
"""Text in every site language, keyed by locale (``ja``, ``en``, ``ja-easy``...)."""

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


HOLIDAY_RULES = ("open", "closed", "unknown")
TOPICS = (
    "emergency", "loneliness", "suicide-prevention", "mental-health", "general", "children", "youth",
    "hikikomori", "disability", "dementia", "older-people", "food", "housing", "work", "foreign-residents",
    "abuse-dv", "community",
)
CONTACT_TYPES = ("phone", "chat", "web", "email", "visit")
STATUSES = ("verified", "unverified")
FEES = ("free", "caller-pays", "unknown")


SOURCE_KINDS = ("operator", "government", "secondary")
SOURCE_STALE_YEARS = 2
"""Who published a source: the organisation itself, a government body (city, prefecture, state; their
newsletters too), or another page quoting it."""
KIND_EXPECTED = ("one of operator (the organisation's own page), government (a city, prefecture or national "
                 "government page or newsletter), secondary (another page quoting it)")

# Records read from data files declare how each field is read (``read(...)``, tsunagu/data/fields.py), in the
# order problems are reported; they are keyword-only so that order is free of the defaults.


@dataclass(frozen=True, kw_only=True)
class Source:
    """Where a fact was seen, and how good that evidence is."""

    kind: str = field(default="", metadata=read("choice", required=False, options=SOURCE_KINDS,
                                                 expected=KIND_EXPECTED))
    """One of ``SOURCE_KINDS``; empty only where the data does not need one (surveys, old values)."""
    as_of: str = field(default="", metadata=read("custom", required=False, reader="as_of"))
    """The date of the source itself, as precise as it is known: ``2026-02-15``, ``2026-02``, ``2026``, or
    ``unknown`` when the source carries no date; empty where the data does not need one."""
    title: str = field(metadata=read("text"))
    url: str = field(default="", metadata=read("url", required=False, allow_http=True))
    """A source may be an old http:// page: cited as it was seen."""
    well_known: bool = field(default=False, metadata=read("flag", required=False))
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

    days: tuple[str, ...] = field(metadata=read("texts"))
    opens: str = field(metadata=read("time"))
    closes: str = field(metadata=read("time"))
    closes_next_day: bool = field(default=False, metadata=read("flag", required=False))


@dataclass(frozen=True)
class MonthlyHours:
    """Open on a day of each month, e.g. the 10th from 08:00 to 08:00 the next day."""

    day: int = field(metadata=read("custom", reader="month_day"))
    opens: str = field(metadata=read("time"))
    closes: str = field(metadata=read("time"))
    closes_next_day: bool = field(default=False, metadata=read("flag", required=False))


@dataclass(frozen=True)
class DateHours:
    """Open on one date only (a campaign week, a special opening)."""

    date: dt.date = field(metadata=read("custom", reader="one_date"))
    opens: str = field(metadata=read("time"))
    closes: str = field(metadata=read("time"))
    closes_next_day: bool = field(default=False, metadata=read("flag", required=False))


@dataclass(frozen=True, kw_only=True)
class Hours:
    """Machine-readable opening hours of one contact point (HSDS ``schedule`` ideas)."""

    weekly: tuple[WeeklyHours, ...] = field(default=(), metadata=read("records", required=False, of=WeeklyHours))
    monthly: tuple[MonthlyHours, ...] = field(default=(), metadata=read("records", required=False,
                                                                       of=MonthlyHours))
    dates: tuple[DateHours, ...] = field(default=(), metadata=read("records", required=False, of=DateHours))
    closed_dates: tuple[dt.date, ...] = field(default=(), metadata=read("custom", required=False,
                                                                       reader="closed_dates"))
    always: bool = field(default=False, metadata=read("flag", required=False))
    varies: bool = field(default=False, metadata=read("flag", required=False))
    """Hours depend on where you call from (e.g. lines routed to your prefecture)."""
    public_holidays: str = field(default="", metadata=read("custom", required=False, reader="holiday_rule"))
    """``open``, ``closed`` or ``unknown`` on Japanese public holidays; required by the loader for every line
    with hours that is not open 24 hours (empty there)."""
    year_end: str = field(default="", metadata=read("custom", required=False, reader="holiday_rule"))
    """The same for 29 December to 3 January (年末年始), when Japanese offices close."""

    @property
    def known(self) -> bool:
        return self.always or bool(self.weekly) or bool(self.monthly) or bool(self.dates) or self.varies


@dataclass(frozen=True, kw_only=True)
class Superseded:
    """A number seen in older sources that is no longer used: recorded for editors, never shown."""

    value: str = field(metadata=read("text"))
    source: Source | None = field(default=None, metadata=read("custom", required=False, reader="source"))
    until: dt.date | None = field(default=None, metadata=read("date", required=False))


@dataclass(frozen=True)
class Alternative:
    """What to try when a line is busy: another service, or advice in words (one of the two)."""

    service: str = field(default="", metadata=read("text", required=False))
    note: Localized = field(default_factory=dict, metadata=read("localized", required=False))


@dataclass(frozen=True, kw_only=True)
class Contact:
    """One way to reach a service: a phone number, a chat or web page, or a place to visit."""

    type: str = field(metadata=read("choice", options=CONTACT_TYPES))
    """``phone``, ``chat``, ``web``, ``email`` or ``visit``."""
    status: str = field(metadata=read("choice", options=STATUSES))
    """``verified`` or ``unverified``; unverified contacts are never shown as tappable."""
    value: str = field(default="", metadata=read("text", required=False))
    """The number, URL, address or e-mail; empty when not confirmed (required when verified)."""
    checked: dt.date | None = field(default=None, metadata=read("date", required=False))
    source: Source | None = field(default=None, metadata=read("custom", required=False, reader="evidence"))
    languages: tuple[str, ...] = field(default=("ja",), metadata=read("texts", required=False))
    """Languages this line answers in (BCP 47 codes); ``many`` = several languages, ask which. A line
    in other languages with its own hours (よりそい's "press 2") is a contact of its own."""
    hours: Hours = field(default_factory=Hours, metadata=read("custom", required=False, reader="hours"))
    label: Localized = field(default_factory=dict, metadata=read("localized", required=False))
    fee: str = field(default="unknown", metadata=read("choice", required=False, options=FEES))
    """``free``, ``caller-pays`` or ``unknown``."""
    note: Localized = field(default_factory=dict, metadata=read("localized", required=False))
    if_busy: tuple[Alternative, ...] = field(default=(), metadata=read("custom", required=False,
                                                                      reader="alternatives"))
    superseded: tuple[Superseded, ...] = field(default=(), metadata=read("custom", required=False,
                                                                        reader="superseded"))
    """Conflicting older values and where they were seen, so no one re-adds them by mistake."""

    @property
    def verified(self) -> bool:
        return self.status == "verified" and bool(self.value)

    @property
    def tel_href(self) -> str:
        """``tel:`` URI: digits only, ``#`` percent-encoded (RFC 3966)."""
        return "tel:" + self.value.replace("-", "").replace("#", "%23")


@dataclass(frozen=True, kw_only=True)
class Service:
    """A support service from ``data/services/<id>.yml``."""

    id: str = field(metadata=read("text"))
    topics: tuple[str, ...] = field(metadata=read("texts"))
    contacts: tuple[Contact, ...] = field(metadata=read("custom", reader="contacts"))
    url: str = field(default="", metadata=read("url", required=False))
    url_source: Source | None = field(default=None, metadata=read("custom", required=False, reader="source"))
    min_age: int | None = field(default=None, metadata=read("custom", key="audiences", required=False,
                                                             reader="audiences", fills=("min_age", "max_age")))
    max_age: int | None = None
    """Read with ``min_age`` from ``audiences: {min_age, max_age}``."""
    organisation: Localized = field(metadata=read("localized"))
    name: Localized = field(metadata=read("localized"))
    short_name: Localized = field(default_factory=dict, metadata=read("localized", required=False))
    description: Localized = field(metadata=read("localized"))
    area: str = field(metadata=read("text"))
    file: str
    """The data file, for messages (not a key in it)."""

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


@dataclass(frozen=True, kw_only=True)
class Survey:
    """A chart-able survey comparison from ``data/surveys.yml``."""

    id: str
    """The survey's key in the file."""
    categories: tuple[Localized, ...] = field(metadata=read("custom", reader="categories"))
    series: tuple[tuple[Localized, tuple[float | None, ...]], ...] = field(metadata=read(
        "custom", reader="series", fills=("series", "years")))
    """(series label, one percentage per category; ``None`` where the source gives no figure)."""
    years: tuple[int | None, ...] = ()
    """The survey year of each series, where the data gives one (read with ``series``)."""
    sources: tuple[Source, ...] = field(metadata=read("custom", reader="sources"))
    title: Localized = field(metadata=read("localized"))
    note: Localized = field(default_factory=dict, metadata=read("localized", required=False))
    unit: str = field(default="%", metadata=read("custom", required=False, reader="unit"))


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


@dataclass(frozen=True, kw_only=True)
class Place:
    """A place to go (居場所) from ``data/places/<id>.yml``: somewhere to be with people, not a phone line."""

    id: str = field(metadata=read("text"))
    status: str = field(metadata=read("choice", options=STATUSES))
    """``verified`` (a person compared the schedule with the source) or ``unverified`` (shown, but as
    "check before you go", and no next session is computed from it)."""
    source: Source = field(metadata=read("custom", reader="place_source"))
    checked: dt.date | None = field(default=None, metadata=read("date", required=False))
    """Required when verified."""
    sessions: tuple[Session, ...] = field(default=(), metadata=read(
        "custom", key="schedule", reader="schedule", fills=("sessions", "closed_dates", "schedule_note")))
    closed_dates: tuple[dt.date, ...] = ()
    schedule_note: Localized = field(default_factory=dict)
    """``sessions``, ``closed_dates`` and ``schedule_note`` are read together from ``schedule:``."""
    min_age: int | None = field(default=None, metadata=read(
        "custom", key="ages", required=False, reader="ages", fills=("min_age", "max_age", "ages_stated")))
    max_age: int | None = None
    ages_stated: bool = False
    """The source says who may come (``ages: any`` for everyone); otherwise the page says it does not."""
    kind: str = field(metadata=read("choice", options=PLACE_KINDS))
    name: Localized = field(metadata=read("localized"))
    description: Localized = field(metadata=read("localized"))
    area: str = field(metadata=read("text"))
    """A ward (a key of ``site.areas``), or the whole area when the source gives no single ward."""
    address: str = field(default="", metadata=read("text", required=False))
    """As the source gives it, with furigana notation for やさしい日本語; empty when not confirmed."""
    map_query: str = field(default="", metadata=read("text", required=False))
    """What the map link searches for (a building name, an address); empty: no map link."""
    cost: str = field(default="unknown", metadata=read("choice", required=False, options=PLACE_COSTS))
    cost_note: Localized = field(default_factory=dict, metadata=read("localized", required=False))
    first_timers: bool = field(default=False, metadata=read("flag", required=False))
    """The source says first-timers are welcome (初めての方歓迎)."""
    accessibility: Localized = field(default_factory=dict, metadata=read("localized", required=False))
    contact: Localized = field(default_factory=dict, metadata=read("localized", required=False))
    """How to get in touch, in words (no numbers typed here: ``service`` links a directory entry)."""
    service: str = field(default="", metadata=read("text", required=False))
    """The directory service that runs the place, whose page has its confirmed contacts."""
    list_url: str = field(default="", metadata=read("url", required=False))
    """The organiser's or city's own list of such places, when our records have its address."""
    file: str
    """The data file, for messages (not a key in it)."""

    @property
    def days(self) -> tuple[str, ...]:
        """Weekdays with a session: what the day filter matches (dated sessions count by their weekday)."""
        found = {d for s in self.sessions for d in s.days}
        found |= {WEEKDAYS[s.date.weekday()] for s in self.sessions if s.date}
        return tuple(d for d in WEEKDAYS if d in found)


@dataclass(frozen=True, kw_only=True)
class Site:
    """Everything a city configures in ``data/``: ``site.yml``'s keys first, then what the loader adds."""

    city: Localized = field(metadata=read("localized"))
    prefecture: Localized = field(metadata=read("localized"))
    quick_exit_url: str = field(metadata=read("url"))
    updated: dt.date = field(metadata=read("date"))
    areas: dict[str, Localized] = field(metadata=read("custom", reader="areas"))
    whole_area: str = field(metadata=read("text"))
    """The area that contains all the others (the city): its services serve every ward."""
    editors_email: str = field(default="", metadata=read("custom", required=False, reader="editors_email"))
    """Where readers report a change (a ``mailto:`` link on every service page); empty: no link."""
    crisis_strip: tuple[str, ...] = field(metadata=read("texts"))
    languages: tuple[str, ...]
    services: dict[str, Service]
    surveys: dict[str, Survey]
    warnings: tuple[str, ...] = ()
    """Problems that do not stop the build, such as a contact checked more than a year ago."""
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

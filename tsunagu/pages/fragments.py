"""HTML fragments shared by the macros: text with furigana, phone links, service cards, survey figures.

Text from data may carry ruby notation (やさしい日本語); text nodes get ``<ruby>``, attributes get
plain text. The markup is in ``tsunagu/templates/fragments.html`` (autoescaped Jinja, see
``tsunagu.pages.templates``); this module decides what is shown.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

from tsunagu.data.holidays import holidays
from tsunagu.data.languages import ENDONYMS
from tsunagu.data.model import Contact, Service, Site, Source, Survey
from tsunagu.data.strings import Strings
from tsunagu.pages import charts, hours, ruby
from tsunagu.pages.hours import hours_json
from tsunagu.pages.templates import html_, macro, ruby_html

_T = "fragments.html"


def text(value: str) -> str:
    """Escape a text node, turning ruby notation into ``<ruby>``."""
    return str(ruby_html(value))  # the templates' ``ruby`` filter, for HTML that Python fills in


def tel_inline(service: Service, lang: str, s: Strings) -> str:
    phone = service.main_phone()
    if phone is None or not phone.verified:
        return macro(_T, "unconfirmed", s("contact.confirm"))
    return _tel_link(phone, service, lang, s)


def service_card(service: Service, site: Site, lang: str, s: Strings) -> str:
    return macro(_T, "service_card", service, lang, s,
                 show_org=ruby.strip(service.organisation[lang]) != ruby.strip(service.name[lang]),
                 contacts=html_(contact_list(service.contacts, service, lang, s, updated=site.updated)),
                 area=site.areas.get(service.area))


def survey_figure(survey: Survey, lang: str, s: Strings) -> str:
    chart_id = f"chart-{survey.id}"
    rows = [(category, ["–" if values[c] is None else f"{values[c]:g}{survey.unit}" for _, values in survey.series])
            for c, category in enumerate(survey.categories)]
    return macro(_T, "survey_figure", survey, lang, s, chart_id,
                 chart=html_(charts.bar_chart(survey, lang, chart_id)), rows=rows)


def hours_data(site: Site, s: Strings) -> str:
    """What opening.js needs besides each contact's hours: the holidays, and the state words (plain
    text: furigana notation becomes its reading, as script-set text cannot hold <ruby>)."""
    data = {
        "holidays": holidays(site.updated),
        "text": {state: ruby.reading(s(f"state.{state}", time="{time}"))
                 for state in ("open", "opens_at", "closed_today", "holiday", "unknown")},
    }
    blob = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return macro(_T, "hours_data", html_(blob))  # JSON made safe for <script> above, not HTML-escaped


# Helpers ---------------------------------------------------------------------------------------

def _tel_link(c: Contact, service: Service, lang: str, s: Strings) -> str:
    # No hidden name before the number: a screen reader hears what a sighted reader sees. A hidden
    # service name misnamed numbers (a ward welfare office read out as a network section), so the
    # words around a number (the prose, or the visible name in [[if-busy]]) say whose number it is.
    return macro(_T, "tel_link", c)


_ROWS: dict[tuple[int, int, int, str, bool, dt.date | None], tuple[Contact, Service, Strings, str]] = {}
"""Rows already made in this process. A row depends on nothing but its arguments (no page-relative address), and
one contact is shown on its service page, the directory, and every topic and audience list it is in: with 1,000
services, a build made the same row about five times. The key holds ids; an entry is used only if it was made
for these very objects (an id can be reused once an object is gone)."""


def contact_row(c: Contact, service: Service, lang: str, s: Strings, compact: bool = False,
                updated: dt.date | None = None) -> str:
    """One contact point, laid out the same everywhere: what it is, how to reach it with its own state
    (filled in by opening.js from ``data-tg-hours``), then hours in words; cards add cost, notes and source
    (old sources, judged against the site's ``updated`` date, ask the reader to check)."""
    key = (id(c), id(service), id(s), lang, compact, updated)
    made = _ROWS.get(key)
    if made is not None and made[0] is c and made[1] is service and made[2] is s:
        return made[3]
    if len(_ROWS) > 100_000:  # a long `mkdocs serve` session: keep memory bounded
        _ROWS.clear()
    row = _contact_row(c, service, lang, s, compact, updated)
    _ROWS[key] = (c, service, s, row)
    return row


def _contact_row(c: Contact, service: Service, lang: str, s: Strings, compact: bool,
                 updated: dt.date | None) -> str:
    speaks_more = c.languages != ("ja",) or lang not in ("ja", "ja-easy")
    index = next((i for i, x in enumerate(service.contacts) if x is c), None)
    show_hours = c.verified and c.type in ("phone", "chat")
    return macro(
        _T, "contact_row", c, service, lang, s,
        kind=c.label[lang] if c.label else s(f"contact.{c.type}"),
        compact=compact,
        other_verified=any(x.verified for x in service.contacts),
        state=_hours_attr(c) if has_state(c) else "",
        show_hours=show_hours,
        hours_text=" / ".join(hours.describe(c.hours, s)) if show_hours else "",
        # Each line says what it speaks; on pages read by non-Japanese speakers, "Japanese" too.
        languages=html_(", ".join(language_name(x, s, in_page=True) for x in c.languages))
        if c.verified and c.type in ("phone", "chat", "visit") and speaks_more else "",
        show_fee=not compact and c.verified and c.type == "phone",
        show_note=not compact and bool(c.note),
        line=index if c.verified else None,
        source=html_(source_line(c.source, c.checked, s, updated))
        if not compact and c.source and c.checked else "",
    )


def contact_list(contacts: Iterable[Contact], service: Service, lang: str, s: Strings, compact: bool = False,
                 updated: dt.date | None = None) -> str:
    """The contacts of a service as a list that opening.js may reorder (open lines first)."""
    return macro(_T, "contact_list", html_("".join(contact_row(c, service, lang, s, compact, updated)
                                                  for c in contacts)))


def source_line(source: Source, checked: dt.date, s: Strings, updated: dt.date | None) -> str:
    """Where a contact was seen, how old that page is and when a person last compared it; a source more
    than two years older than the site's last review says so in plain words."""
    key = "contact.source_plain" if source.well_known else "contact.source"
    line = _fill(s.table[key], source=macro(_T, "cite", source), date=checked.isoformat(),
                 as_of=text(as_of_text(source.as_of, s)))
    start = source.as_of_start
    stale = s("source.stale", year=start.year) if updated and start and source.stale_on(updated) else ""
    return macro(_T, "source_line", html_(line), stale)


def as_of_text(as_of: str, s: Strings) -> str:
    """A source's date in the reader's words, as precise as the data: 2026年2月15日, Feb 2026, 2022."""
    parts = as_of.split("-")
    if not parts[0].isdigit():
        return s("date.unknown")
    key = ("date.y", "date.ym", "date.ymd")[len(parts) - 1]
    # Months as the language writes them: numbers in CJK and Vietnamese, names in English.
    month = s("date.months").split()[int(parts[1]) - 1] if len(parts) > 1 else ""
    return s(key, y=int(parts[0]), m=month, d=int(parts[2]) if len(parts) > 2 else "")


def has_state(c: Contact) -> bool:
    """Lines answered at known hours carry an open-now state; web pages and e-mail do not, and a line
    whose hours are not known says so in its hours line, which needs no script."""
    return c.verified and c.type in ("phone", "chat") and (c.hours.always or bool(
        c.hours.weekly or c.hours.monthly or c.hours.dates))


def language_name(code: str, s: Strings, in_page: bool = False) -> str:
    """A language's name as HTML: in the page's words where the interface has one, else in its own script.
    ``in_page``: in a sentence ("Languages: Japanese") rather than a list of languages to pick from."""
    if in_page and f"language.in.{code}" in s.table:
        return text(s(f"language.in.{code}"))
    if code == "many":
        return text(s("language.many"))
    if f"language.{code}" in s.table:  # a language may name itself its own way (やさしい日本語: にほんご)
        return text(s(f"language.{code}"))
    return macro(_T, "endonym", code, ENDONYMS.get(code, code))


def _hours_attr(c: Contact) -> str:
    return json.dumps(hours_json(c.hours), ensure_ascii=False, separators=(",", ":"))


def _fill(template: str, **values: str) -> str:
    """Format an interface string whose placeholders receive already-escaped HTML."""
    out = text(template)
    for name, value in values.items():
        out = out.replace("{" + name + "}", value)
    return out

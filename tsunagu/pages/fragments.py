"""HTML fragments shared by the macros: text with furigana, phone links, service cards, survey figures.

Text from data may carry ruby notation (やさしい日本語); text nodes get ``<ruby>``, attributes get
plain text.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from html import escape

from tsunagu.data.holidays import holidays
from tsunagu.data.languages import ENDONYMS
from tsunagu.data.model import Contact, Service, Site, Source, Survey
from tsunagu.data.strings import Strings
from tsunagu.pages import charts, hours, ruby
from tsunagu.pages.hours import hours_json


def text(value: str) -> str:
    """Escape a text node, turning ruby notation into ``<ruby>``."""
    return ruby.to_html(escape(value, quote=False))


def attr(value: str) -> str:
    return escape(ruby.strip(value))


def tel_inline(service: Service, lang: str, s: Strings) -> str:
    phone = service.main_phone()
    if phone is None or not phone.verified:
        return f'<span class="tg-unconfirmed">{text(s("contact.confirm"))}</span>'
    return _tel_link(phone, service, lang, s)


def service_card(service: Service, site: Site, lang: str, s: Strings) -> str:
    name = service.name[lang]
    parts = [
        f'<div class="tg-service" id="service-{service.id}" data-tg-service="{service.id}">',
        f'<p class="tg-service__name"><strong>{text(name)}</strong></p>',
    ]
    if ruby.strip(service.organisation[lang]) != ruby.strip(name):
        parts.append(f'<p class="tg-service__org">{text(service.organisation[lang])}</p>')
    parts.append(f'<p class="tg-service__desc">{text(service.description[lang])}</p>')
    parts.append(contact_list(service.contacts, service, lang, s, updated=site.updated))
    area = site.areas.get(service.area)
    if area:
        parts.append(f'<p class="tg-meta">{text(s("contact.area"))}: {text(area[lang])}</p>')
    parts.append("</div>")
    return "\n".join(parts)


def survey_figure(survey: Survey, lang: str, s: Strings) -> str:
    chart_id = f"chart-{survey.id}"
    head = "".join(f'<th scope="col">{text(label[lang])}</th>' for label, _ in survey.series)
    rows = []
    for c, category in enumerate(survey.categories):
        cells = "".join(
            f"<td>{'–' if values[c] is None else f'{values[c]:g}{survey.unit}'}</td>" for _, values in survey.series
        )
        rows.append(f'<tr><th scope="row">{text(category[lang])}</th>{cells}</tr>')
    sources = "; ".join(
        f'<a href="{escape(src.url)}" rel="noreferrer"><cite>{escape(src.title)}</cite></a>' if src.url
        else f"<cite>{escape(src.title)}</cite>"
        for src in survey.sources
    )
    note = f'<p class="tg-figure__note">{text(survey.note[lang])}</p>' if survey.note else ""
    return (
        f'<figure class="tg-figure" id="{chart_id}">\n'
        f'<figcaption class="tg-figure__title">{text(survey.title[lang])}</figcaption>\n'
        f"{charts.bar_chart(survey, lang, chart_id)}\n"
        f'<details class="tg-figure__table"><summary>{text(s("chart.table"))}</summary>\n'
        f'<table><thead><tr><th scope="col">{text(s("chart.category"))}</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></details>\n"
        f'{note}<p class="tg-figure__source">{text(s("chart.source"))}: {sources}</p>\n'
        f"</figure>"
    )


def hours_data(site: Site, s: Strings) -> str:
    """What opening.js needs besides each contact's hours: the holidays, and the state words (plain
    text: furigana notation becomes its reading, as script-set text cannot hold <ruby>)."""
    data = {
        "holidays": holidays(site.updated),
        "text": {state: ruby.reading(s(f"state.{state}", time="{time}"))
                 for state in ("open", "opens_at", "closed_today", "holiday", "unknown")},
    }
    blob = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" id="tg-hours-data">{blob}</script>'


# Helpers ---------------------------------------------------------------------------------------

def _tel_link(c: Contact, service: Service, lang: str, s: Strings) -> str:
    # No hidden name before the number: a screen reader hears what a sighted reader sees. A hidden
    # service name misnamed numbers (a ward welfare office read out as a network section), so the
    # words around a number (the prose, or the visible name in [[if-busy]]) say whose number it is.
    return f'<a class="tg-tel" href="{c.tel_href}">{escape(c.value)}</a>'


def contact_row(c: Contact, service: Service, lang: str, s: Strings, compact: bool = False,
                updated: dt.date | None = None) -> str:
    """One contact point, laid out the same everywhere: what it is, how to reach it with its own state
    (filled in by opening.js from ``data-tg-hours``), then hours in words; cards add cost, notes and source
    (old sources, judged against the site's ``updated`` date, ask the reader to check)."""
    kind = text(c.label[lang]) if c.label else text(s(f"contact.{c.type}"))
    action: list[str] = []
    if not c.verified:
        # Say what is missing in the words of its kind (an address is not a "number"), then where to
        # turn instead: the official site, else the service's confirmed contacts, else the ward office.
        action.append(f'<span class="tg-unconfirmed">{text(s(f"contact.unconfirmed.{c.type}"))}</span>')
        if service.url:
            action.append(f' <a href="{escape(service.url)}" rel="noreferrer">{text(s("contact.check_official"))}</a>')
        elif any(x.verified for x in service.contacts):
            action.append(f" {text(s('contact.use_other'))}")
        else:
            action.append(f" {text(s('contact.no_site'))}")
    elif c.type == "phone":
        action.append(f'<a class="tg-tel" href="{c.tel_href}">{escape(c.value)}</a>')
    elif c.type == "email":
        action.append(f'<a class="tg-link" href="mailto:{escape(c.value)}">{escape(c.value)}</a>')
    elif c.type in ("chat", "web"):
        shown = text(s(f"method.{c.type}")) if compact else escape(c.value)
        action.append(f'<a class="tg-link" href="{escape(c.value)}" rel="noreferrer">{shown}</a>')
    else:
        action.append(text(c.value))
    if has_state(c):
        action.append(f' <span class="tg-state" data-tg-hours="{escape(_hours_attr(c))}" hidden></span>')
    details = []
    if c.verified and c.type in ("phone", "chat"):
        details.append(f'{text(s("contact.hours"))}: {text(" / ".join(hours.describe(c.hours, s)))}')
    # Each line says what it speaks; on pages read by non-Japanese speakers, "Japanese" too.
    speaks_more = c.languages != ("ja",) or lang not in ("ja", "ja-easy")
    if c.verified and c.type in ("phone", "chat", "visit") and speaks_more:
        names = ", ".join(language_name(x, s, in_page=True) for x in c.languages)
        details.append(f'{text(s("service.languages"))}: {names}')
    if not compact and c.verified and c.type == "phone":
        details.append(text(s(f"fee.{c.fee}")))
    if not compact and c.note:
        details.append(text(c.note[lang]))
    index = next((i for i, x in enumerate(service.contacts) if x is c), None)
    line = f' data-tg-line="{index}"' if index is not None and c.verified else ""
    out = [f'<li class="tg-contact" data-tg-contact{line}><span class="tg-contact__kind">{kind}</span>',
           f'<span class="tg-contact__action">{"".join(action)}</span>']
    if details:
        out.append('<span class="tg-contact__details">' + "<br>".join(details) + "</span>")
    if not compact and c.source and c.checked:
        out.append(source_line(c.source, c.checked, s, updated))
    out.append("</li>")
    return "".join(out)


def contact_list(contacts: Iterable[Contact], service: Service, lang: str, s: Strings, compact: bool = False,
                 updated: dt.date | None = None) -> str:
    """The contacts of a service as a list that opening.js may reorder (open lines first)."""
    rows = "".join(contact_row(c, service, lang, s, compact, updated) for c in contacts)
    return f'<ul class="tg-contacts" data-tg-contacts>{rows}</ul>'


def source_line(source: Source, checked: dt.date, s: Strings, updated: dt.date | None) -> str:
    """Where a contact was seen, how old that page is and when a person last compared it; a source more
    than two years older than the site's last review says so in plain words."""
    src = f"<cite>{escape(source.title)}</cite>"
    if source.url:
        src = f'<a href="{escape(source.url)}" rel="noreferrer">{src}</a>'
    key = "contact.source_plain" if source.well_known else "contact.source"
    line = _fill(s.table[key], source=src, date=checked.isoformat(), as_of=text(as_of_text(source.as_of, s)))
    start = source.as_of_start
    if updated and start and source.stale_on(updated):
        line += f'<br><strong class="tg-source__old">{text(s("source.stale", year=start.year))}</strong>'
    return f'<small class="tg-source">{line}</small>'


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
    return f'<span lang="{code}">{escape(ENDONYMS.get(code, code))}</span>'


def _hours_attr(c: Contact) -> str:
    return json.dumps(hours_json(c.hours), ensure_ascii=False, separators=(",", ":"))


def _fill(template: str, **values: str) -> str:
    """Format an interface string whose placeholders receive already-escaped HTML."""
    out = text(template)
    for name, value in values.items():
        out = out.replace("{" + name + "}", value)
    return out

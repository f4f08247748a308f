"""HTML fragments shared by the macros: text with furigana, phone links, service cards, survey figures.

Text from data may carry ruby notation (やさしい日本語); text nodes get ``<ruby>``, attributes get
plain text.
"""

from __future__ import annotations

from html import escape

from tsunagu import charts, hours, ruby
from tsunagu.model import Contact, Service, Site, Survey
from tsunagu.strings import Strings


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
        f'<div class="tg-service" id="service-{service.id}">',
        f'<p class="tg-service__name"><strong>{text(name)}</strong></p>',
    ]
    if ruby.strip(service.organisation[lang]) != ruby.strip(name):
        parts.append(f'<p class="tg-service__org">{text(service.organisation[lang])}</p>')
    parts.append(f'<p class="tg-service__desc">{text(service.description[lang])}</p>')
    parts.append('<ul class="tg-contacts">')
    parts += [f'<li class="tg-contact">{_contact(c, service, lang, s)}</li>' for c in service.contacts]
    parts.append("</ul>")
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


# Helpers ---------------------------------------------------------------------------------------

def _tel_link(c: Contact, service: Service, lang: str, s: Strings) -> str:
    # The visible number stays the end of the accessible name (WCAG 2.5.3); the service name before it
    # is for screen readers, so a list of numbers is not just digits.
    short = service.short_name.get(lang) or service.name[lang]
    return (f'<a class="tg-tel" href="{c.tel_href}"><span class="tg-sr-only">{text(short)}: </span>'
            f"{escape(c.value)}</a>")


def _contact(c: Contact, service: Service, lang: str, s: Strings) -> str:
    kind = text(c.label[lang]) if c.label else text(s(f"contact.{c.type}"))
    out = [f'<span class="tg-contact__kind">{kind}</span> ']
    if not c.verified:
        out.append(f'<span class="tg-unconfirmed">{text(s("contact.confirm"))}</span>')
        if service.url:
            out.append(f' <a href="{escape(service.url)}" rel="noreferrer">{text(s("contact.official_site"))}</a>')
        else:
            out.append(f" {text(s('contact.no_site'))}")
    elif c.type == "phone":
        out.append(_tel_link(c, service, lang, s))
    elif c.type == "email":
        out.append(f'<a href="mailto:{escape(c.value)}">{escape(c.value)}</a>')
    elif c.type in ("chat", "web"):
        out.append(f'<a href="{escape(c.value)}" rel="noreferrer">{escape(c.value)}</a>')
    else:
        out.append(text(c.value))
    details = []
    if c.verified and c.type in ("phone", "chat"):
        details.append(f'{text(s("contact.hours"))}: {text(" / ".join(hours.describe(c.hours, s)))}')
    if c.verified and c.type == "phone":
        details.append(text(s(f"fee.{c.fee}")))
    if c.note:
        details.append(text(c.note[lang]))
    if details:
        out.append('<br><span class="tg-contact__details">' + "<br>".join(details) + "</span>")
    if c.source and c.checked:
        src = f"<cite>{escape(c.source.title)}</cite>"
        if c.source.url:
            src = f'<a href="{escape(c.source.url)}" rel="noreferrer">{src}</a>'
        line = _fill(s.table["contact.source"], source=src, date=c.checked.isoformat())
        out.append(f'<br><small class="tg-source">{line}</small>')
    return "".join(out)


def _fill(template: str, **values: str) -> str:
    """Format an interface string whose placeholders receive already-escaped HTML."""
    return text(template).replace("{source}", values["source"]).replace("{date}", values["date"])

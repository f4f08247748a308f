"""One row per contact point, with what an editor needs to check it: the source, how old it is, and
the question to ask when phoning."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from tsunagu.data.model import SOURCE_STALE_YEARS, Contact, Service, Site
from tsunagu.data.strings import Strings
from tsunagu.pages import hours, ruby

CSV_COLUMNS = (
    "service_id", "service_name", "contact", "type", "value", "hours_ja", "phone_to_ask", "source_title",
    "source_url", "source_kind", "as_of", "checked", "status", "evidence", "question_ja",
)


@dataclass(frozen=True)
class Row:
    """One contact point to check."""

    service_id: str
    service_name: str
    contact: str
    """Where it is in the file, e.g. ``contacts[0]``: the key an editor edits."""
    type: str
    value: str
    hours_ja: str
    phone_to_ask: str
    """The service's confirmed phone number, where an editor can ask."""
    source_title: str
    source_url: str
    source_kind: str
    as_of: str
    checked: str
    status: str
    evidence: str
    """``no source``, ``date unknown``, ``older than 2 years`` or ``ok``."""
    question_ja: str

    def as_list(self) -> list[str]:
        return [str(getattr(self, name)) for name in CSV_COLUMNS]


def rows(site: Site, ja: Strings) -> list[Row]:
    """Every contact point of every service, oldest evidence first (no source, then undated sources,
    then by the source's date, then by the day it was last checked)."""
    out = [_row(sv, i, c, site, ja) for sv in site.services.values() for i, c in enumerate(sv.contacts)]
    return sorted(out, key=_oldest_first)


def to_csv(items: list[Row]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(r.as_list() for r in items)
    return buf.getvalue()


def question(c: Contact, hours_ja: str) -> str:
    """What to ask on the phone, in Japanese: the facts shown on the site, then holidays and year end."""
    holidays = "年末年始・祝日は受け付けていますか。"
    if c.type == "phone":
        if not c.verified:
            return "相談を受ける電話番号と受付時間を教えてください。" + holidays
        return f"受付時間は「{hours_ja}」で変わりありませんか。" + holidays
    if c.type == "chat":
        return f"チャット（{c.value}）の受付時間は「{hours_ja}」で変わりありませんか。" + holidays
    if c.type == "visit":
        place = ruby.strip(c.value) or "（未確認）"
        return f"窓口の場所は「{place}」で変わりありませんか。開いている曜日と時間を教えてください。"
    if c.type == "email":
        return f"メールアドレス {c.value or '（未確認）'} は今も使われていますか。"
    return f"ウェブサイト {c.value or '（未確認）'} は今もご案内しているページですか。"


def _row(sv: Service, i: int, c: Contact, site: Site, ja: Strings) -> Row:
    hours_ja = ruby.strip(" / ".join(hours.describe(c.hours, ja))) if c.type in ("phone", "chat") else ""
    phone = sv.main_phone()
    src = c.source
    return Row(
        service_id=sv.id, service_name=ruby.strip(sv.name.get("ja", sv.id)), contact=f"contacts[{i}]",
        type=c.type, value=ruby.strip(c.value), hours_ja=hours_ja,
        phone_to_ask=phone.value if phone and phone.verified else "",
        source_title=src.title if src else "", source_url=src.url if src else "",
        source_kind=src.kind if src else "", as_of=src.as_of if src else "",
        checked=c.checked.isoformat() if c.checked else "", status=c.status,
        evidence=_evidence(c, site.updated), question_ja=question(c, hours_ja),
    )


def _evidence(c: Contact, updated: dt.date) -> str:
    if c.source is None:
        return "no source"
    if c.source.as_of_start is None:
        return "date unknown"
    return f"older than {SOURCE_STALE_YEARS} years" if c.source.stale_on(updated) else "ok"


def _oldest_first(r: Row) -> tuple[int, str, str, str, str]:
    rank = 0 if r.evidence == "no source" else 1 if r.evidence == "date unknown" else 2
    return rank, r.as_of, r.checked, r.service_id, r.contact

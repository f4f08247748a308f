"""Honest translation status: each translated page and data text says whether a person reviewed it.

A page records its review in its front matter::

    translation: {reviewed_by: 多文化共生課 英語担当, date: 2026-12-01}

Without it the page is unreviewed and shows one short line in its language, right under its heading:
translated without native review, the Japanese page is authoritative, with a link to it (interface string
``translation.unreviewed``). Data texts (``data/services/*.yml``) are recorded in
``data/translation-reviews.yml``, per service and language, and the open data (``data/services.json``)
carries the status of every service's texts in every language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tsunagu.data.problems import DataError, Problems
from tsunagu.data.reader import Reader, read_yaml, relative

REVIEWS_FILE = "translation-reviews.yml"


@dataclass(frozen=True)
class Review:
    by: str
    """A role, not a person's name (e.g. ``多文化共生課 英語担当``)."""
    date: dt.date

    def json(self) -> dict[str, str]:
        return {"status": "reviewed", "reviewed_by": self.by, "date": self.date.isoformat()}


UNREVIEWED = {"status": "unreviewed"}


def page_review(meta: dict[str, Any], source_label: str, today: dt.date) -> Review | None:
    """The review a page's front matter records, or None; a malformed record is an error naming the page."""
    raw = meta.get("translation")
    if raw is None:
        return None
    problems = Problems()
    r = Reader(source_label, "front matter", (), problems)
    m = r.mapping(raw, "translation", {"reviewed_by", "date"})
    by = r.string(m, "reviewed_by", "translation")
    date = r.date(m, "date", today, "translation")
    if problems:
        raise DataError(problems)
    return Review(by, date) if by and date else None


def with_notice(markdown: str, line: str) -> str:
    """The page with ``line`` at its end: at the top it pushed the numbers on the directory and talk-now
    pages below a phone's first screen (Vietnamese needed a fourth tap to reach a ward's number)."""
    return f'{markdown.rstrip()}\n\n<p class="tg-translation-note" markdown>{line}</p>\n'


def load_reviews(root: Path, languages: tuple[str, ...], default: str, services: set[str], today: dt.date,
                 data_dir: str = "data") -> dict[str, dict[str, Review]]:
    """service id -> language -> review, from data/translation-reviews.yml (no file: nothing reviewed)."""
    path = root / data_dir / REVIEWS_FILE
    if not path.exists():
        return {}
    problems = Problems()
    raw = read_yaml(root, path, problems)
    r = Reader(relative(root, path), "-", languages, problems)
    top = r.mapping(raw, "", {"services"}) if raw is not None else {}
    out: dict[str, dict[str, Review]] = {}
    entries = top.get("services") or {}
    for sid, per_lang in (entries.items() if isinstance(entries, dict) else []):
        if sid not in services:
            r.problem(f"services.{sid}", "the id of a file in data/services/", sid)
            continue
        for lang, raw_review in r.mapping(per_lang, f"services.{sid}", set(languages) - {default}).items():
            m = r.mapping(raw_review, f"services.{sid}.{lang}", {"reviewed_by", "date"})
            by = r.string(m, "reviewed_by", f"services.{sid}.{lang}")
            date = r.date(m, "date", today, f"services.{sid}.{lang}")
            if by and date:
                out.setdefault(str(sid), {})[str(lang)] = Review(by, date)
    if problems:
        raise DataError(problems)
    return out


def data_status(reviews: dict[str, dict[str, Review]], service_id: str, languages: tuple[str, ...],
                default: str) -> dict[str, dict[str, str]]:
    """The status of one service's texts in every language but the default (the source)."""
    mine = reviews.get(service_id, {})
    return {lang: mine[lang].json() if lang in mine else dict(UNREVIEWED) for lang in languages if lang != default}

"""Golden files for the renderers: input is the sample data, expected HTML is in tests/golden/.
Run `pytest --regen` after an intended change and review the diff."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import check_golden
from tsunagu.data.loader import load_site
from tsunagu.data.strings import load_strings
from tsunagu.directory import listing
from tsunagu.pages import fragments

DATA = Path(__file__).resolve().parent.parent / "data"
GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def _url(path: str) -> str:
    return "/" + path


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("what", ["service-card", "service-page", "directory", "survey"])
def test_renderer_output(what: str, lang: str, regen: bool) -> None:
    site = load_site(DATA / "base", ("ja", "en"), today=dt.date(2026, 11, 26))
    s = load_strings(["ja", "en"])[lang]
    html = {
        "service-card": lambda: fragments.service_card(site.services["town-line"], site, lang, s),
        "service-page": lambda: listing.service_page(site.services["town-line"], site, lang, s, _url),
        "directory": lambda: listing.directory_listing(site, lang, s, _url),
        "survey": lambda: fragments.survey_figure(site.surveys["town-survey"], lang, s),
    }[what]() + "\n"
    path = GOLDEN / f"{what}.{lang}.html"
    check_golden(path, html, regen)

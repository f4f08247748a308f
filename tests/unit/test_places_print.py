"""The monthly "places this month" sheet: the sessions of a month from the same rule as the pages."""

from __future__ import annotations

import datetime as dt

from tests.conftest import ROOT
from tsunagu.data.loader import load_site
from tsunagu.data.strings import load_strings
from tsunagu.places.printing import month_rows, render_html

TOWN = ROOT / "tests" / "sample-town"


def test_december_2026_in_the_sample_town() -> None:
    site = load_site(TOWN, ("ja", "en"), today=dt.date(2026, 11, 26))
    s = load_strings(("ja", "en"))["en"]
    rows = month_rows(site, "en", s, 2026, 12)
    # The café on Tuesdays and Thursdays but not on its closed dates (29 and 31 December), the salon on the
    # 2nd Tuesday, the cafeteria on the 1st and 3rd Saturday, the craft class on its one date; the
    # unconfirmed peer group has no dates.
    assert [(r["date"], r["time"], r["name"]) for r in rows if r["date"] in ("Tue 8/12", "Sat 5/12")] == [
        ("Sat 5/12", "11:00–14:00", "South Ward children's cafeteria"),
        ("Tue 8/12", "10:00–12:00", "North Ward community salon"),
        ("Tue 8/12", "13:30–16:00", "Town drop-in café"),
    ]
    assert len(rows) == 8 + 1 + 2 + 1
    assert not any(r["date"] in ("Tue 29/12", "Thu 31/12") for r in rows)
    html = render_html(ROOT / "overrides" / "print", site, "en", s, site_name="Sample", page_url="https://x.example/en/places/",
                       year=2026, month=12, sample=True)
    assert "Family peer group (South Ward)" in html  # listed under "ask the organiser"
    assert "0120-000-000" in html and "119" in html  # the crisis lines from data
    assert "<script" not in html

"""The finder's HTML ([[finder]], [[finder kids]]): plain links without JavaScript; with it, the questions
(one at a time) and every contact line already rendered as a hidden row that finder.js shows in order.

The rows are the directory's own contact rows (tsunagu.pages.fragments.contact_row), so a line looks and
reads the same here as everywhere else, and its state is painted by opening.js.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import Markup

from tsunagu.data.model import Service, Site
from tsunagu.data.strings import Strings
from tsunagu.directory.rules import AGE_BANDS, filter_json, topics_in_use
from tsunagu.finder.choices import Finder
from tsunagu.finder.rank import TYPES
from tsunagu.pages import fragments, ruby
from tsunagu.pages.templates import feature_environment

UrlFor = Callable[[str], str]
LIMIT = 12
"""Lines listed below the crisis lines: enough to choose from, short enough for one printed page."""
METHODS = ("phone", "chat", "visit")

_ENV = feature_environment(Path(__file__).parent / "templates")


def finder(finder_data: Finder, mode: str, site: Site, lang: str, s: Strings, url_for: UrlFor) -> str:
    """The whole finder for one page language; ``mode`` is "adult" or "kids" (no age question)."""
    choices = finder_data.choices[mode]
    t = {key: value[lang] for key, value in finder_data.text.items()}
    in_use = topics_in_use(site)
    page_lang = "ja" if lang.startswith("ja") else lang
    codes = [page_lang] + [c for c in dict.fromkeys(x.split("-")[0] for x in site.languages) if c != page_lang]
    steps: list[dict[str, Any]] = []
    if mode == "adult":
        steps.append({"id": "who", "question": t["who"],
                      "options": [("me", fragments.text(t["who_me"])), ("other", fragments.text(t["who_other"]))]})
        steps.append({"id": "age", "question": t["age"],
                      "options": [(b.id, fragments.text(s(f"audience.{b.id}"))) for b in AGE_BANDS]})
    steps.append({"id": "about", "question": t["about"],
                  "options": [(c.id, fragments.text(c.label[lang])) for c in choices]})
    # Chat first on the children's page: many young people would rather write than call.
    methods = ("chat", "phone", "visit") if mode == "kids" else METHODS
    steps.append({"id": "how", "question": t["how"],
                  "options": [(m, fragments.text(s(f"method.{m}"))) for m in methods]})
    steps.append({"id": "language", "question": t["language"],
                  "options": [(c, fragments.language_name(c, s)) for c in codes]})
    for n, step in enumerate(steps, 1):
        step["progress"] = t["step"].replace("{n}", str(n)).replace("{total}", str(len(steps)))
        step["options"] = [(value, Markup(label)) for value, label in step["options"]]
    links = [(c.label[lang], url_for(f"topics/{topic}/")) for c in choices
             if (topic := next((x for x in c.topics if x in in_use), None))]
    ages = [(s(f"audience.{b.id}"), url_for(f"audiences/{b.id}/")) for b in AGE_BANDS] if mode == "adult" else []
    services = [sv for sv in site.services.values() if sv.area not in _specific_areas(site)]
    rows = [_row(sv, i, lang, s, url_for) for sv in services for i, c in enumerate(sv.contacts)
            if c.verified and c.type in TYPES]
    return _ENV.get_template("finder.html").render(
        mode=mode, t=t, steps=steps, links=links, ages=ages, rows=rows, directory=url_for("directory/"),
        data=Markup(_json(finder_json(finder_data, mode, site, services, lang))))


def finder_json(finder_data: Finder, mode: str, site: Site, services: list[Service], lang: str) -> dict[str, Any]:
    """What finder.js ranks with: the shape tsunagu.finder.rank.rank reads, less each line's hours (in its row)."""
    out: dict[str, Any] = {}
    for sv in services:
        f = filter_json(sv)
        # Each line's hours are not repeated here: its row carries them (data-tg-hours, for opening.js), and
        # finder.js reads them from there (a line without that attribute has no known hours).
        out[sv.id] = {"topics": f["topics"], "ages": f["ages"], "area": f["area"],
                      "lines": [{k: v for k, v in line.items() if k != "hours"} for line in f["lines"]
                                if line["type"] in TYPES]}
    children = next(b for b in AGE_BANDS if b.id == "children")
    teens = next(b for b in AGE_BANDS if b.id == "teens")
    return {
        "mode": mode,
        "services": out,
        "choices": {c.id: {"topics": list(c.topics), "urgent": c.urgent} for c in finder_data.choices[mode]},
        "bands": {b.id: [b.low, b.high] for b in AGE_BANDS},
        "kids_ages": [children.low, teens.high],
        "crisis": [i for i in site.crisis_strip if i in out],
        "specific_areas": sorted(_specific_areas(site)),
        "limit": LIMIT,
        "today": ruby.reading(finder_data.text["today"][lang]),
    }


def _specific_areas(site: Site) -> set[str]:
    # One ward's office is no answer to "who can I talk to now?" without a ward: the directory has them.
    return {a for a in site.areas if a != site.whole_area}


def _row(sv: Service, i: int, lang: str, s: Strings, url_for: UrlFor) -> dict[str, Any]:
    c = sv.contacts[i]
    html = fragments.contact_row(c, sv, lang, s, compact=True)
    fee = fragments.text(s(f"fee.{c.fee}")) if c.type == "phone" else ""
    return {"key": f"{sv.id}:{i}", "service": sv.id, "name": Markup(fragments.text(sv.name[lang])),
            "href": url_for(f"services/{sv.id}/"), "contact": Markup(html), "fee": Markup(fee)}


def _json(data: object) -> str:
    # Safe inside <script>: no "</" sequence can close the element.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")

"""HTML of the self-check: a form usable before any script runs (points shown on every option, result
pages per score group linked), and the static result pages made by the same selfcheck code."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from selfcheck import matching, scoring
from tsunagu.data.languages import ENDONYMS
from tsunagu.pages.templates import html_, macro

UrlFor = Callable[[str], str]


_T = "selfcheck.html"


def form(b: Mapping[str, Any], instrument: Mapping[str, Any], lang: str, url_for: UrlFor, asset_for: UrlFor,
         assets: Mapping[str, str], lock: str) -> str:
    t = b["texts"]
    # The paper result of each score group, for a person who answers before Pyodide is ready (or without it):
    # the same content as the static result page, shown at once with no request after answering. Its headings
    # are h2 here (a checker reads a template as if in the page); the script makes them h3 under the score.
    papers = [(g["id"], html_(result_body(b, g["id"], url_for, level=2))) for g in b["scale"]["groups"]]
    config = {"bundle": b, "worker": asset_for("assets/tsunagu/selfcheck-worker.mjs"),
              "pyodide": asset_for(assets["pyodide"]), "selfcheck": asset_for(assets["selfcheck"]),
              "stdlib": asset_for(assets["stdlib"]),
              "lock": lock,
              "results": {g["id"]: url_for(f"self-check/result-{g['id']}/") for g in b["scale"]["groups"]}}
    # JSON made safe inside <script> (no "</"), not HTML-escaped.
    blob = json.dumps(config, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return macro(_T, "form", t, instrument["items"], instrument["options"], instrument["direct_text"],
                 instrument["direct_options"], lang, optional=html_(_optional(b, instrument, lang)),
                 fallback=html_(fallback_table(b, url_for)), papers=papers, config=html_(blob))


def fallback_table(b: Mapping[str, Any], url_for: UrlFor) -> str:
    """The paper path: add up the points, open the page for your total (works with no script at all)."""
    t = b["texts"]
    links = [(url_for(f"self-check/result-{g['id']}/"),
              (t["result_for_one"] if g["min"] == g["max"] else t["result_for"]).format(min=g["min"], max=g["max"]))
             for g in b["scale"]["groups"]]
    return macro(_T, "fallback_table", t, links)


def result_page(b: Mapping[str, Any], group_id: str, url_for: UrlFor) -> str:
    """The static result for one score group, computed by the selfcheck package at build time."""
    return macro(_T, "result_page", b["texts"], html_(result_body(b, group_id, url_for, level=2)),
                 url_for("self-check/"))


def result_body(b: Mapping[str, Any], group_id: str, url_for: UrlFor, level: int) -> str:
    """What a result for a score group says when no other answer is known: the static page, and the paper
    result on the self-check page. No answers known, so every language lists the same services for anyone."""
    t = b["texts"]
    group = next(g for g in b["scale"]["groups"] if g["id"] == group_id)
    template = t["group"] if b["groups_confirmed"] else t["group_own"]
    ranked = matching.rank(b, {}, None)
    return macro(_T, "result_body", t, template.format(label=group["label"]), group["message"],
                 t["national_lonely"].format(n=scoring.lonely_in_ten(b), year=b["national"]["year"]),
                 html_(urgent_section(b, ranked["urgent"], ranked["crisis"], level)),
                 [(key, html_(entries(b, ranked[key]))) for key in ("matches", "places") if ranked[key]], level)


def urgent_section(b: Mapping[str, Any], urgent: list[str], crisis: list[str], level: int) -> str:
    """For someone thinking of dying or hurt: one paragraph, the lines open 24 hours right under it, then any
    crisis line that is not open 24 hours."""
    ids = urgent + [i for i in crisis if i not in urgent]
    return macro(_T, "urgent_section", b["texts"], level, html_(entries(b, ids)))


def entries(b: Mapping[str, Any], ids: list[str]) -> str:
    items = [(i, {"page": b["services"][i]["page"], "name_html": html_(b["services"][i]["name_html"]),
                  "lines_html": html_(b["services"][i]["lines_html"])}) for i in ids]
    return macro(_T, "entries", items)


def _optional(b: Mapping[str, Any], instrument: Mapping[str, Any], lang: str) -> str:
    prompts = instrument["optional"]
    choices = b["choices"]
    strings = b["choice_labels"]

    def select(name: str) -> str:
        # A language's own name is in that language.
        own_name = {v for v in choices[name] if name == "language" and strings[name][v] == ENDONYMS.get(v)}
        return macro(_T, "select", name, prompts[name][lang], choices[name], strings[name], own_name)

    def boxes(name: str) -> str:
        return macro(_T, "boxes", name, prompts[name][lang], choices[name], strings[name])

    return macro(_T, "optional", [html_(part) for part in (
        select("age"), boxes("topics"), boxes("methods"), select("language"), select("area"))])

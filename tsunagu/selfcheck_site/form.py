"""HTML of the self-check: a form usable before any script runs (points shown on every option, result
pages per score group linked), and the static result pages made by the same selfcheck code."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from html import escape
from typing import Any

from selfcheck import matching, scoring
from tsunagu.data.languages import ENDONYMS
from tsunagu.pages import fragments, ruby

UrlFor = Callable[[str], str]


def form(b: Mapping[str, Any], instrument: Mapping[str, Any], lang: str, url_for: UrlFor, asset_for: UrlFor,
         assets: Mapping[str, str], lock: str) -> str:
    t = b["texts"]
    text = fragments.text
    out = ['<form class="tg-selfcheck" id="tg-selfcheck" novalidate>',
           f"<p>{text(t['intro'])}</p>", f'<p class="tg-sc-note">{text(t["not_diagnosis"])}</p>',
           f'<p class="tg-sc-note">{text(t["points_hint"])}</p>']
    for n, item in enumerate(instrument["items"], start=1):
        out.append(f'<fieldset class="tg-q" id="tg-q{n}"><legend><span class="tg-q__n">{n}.</span> '
                   f"{text(item['text'][lang])}</legend>")
        for option in instrument["options"]:
            out.append(f'<label class="tg-opt"><input type="radio" name="{escape(item["id"])}" '
                       f'value="{option["score"]}"><span>{text(option["label"][lang])} '
                       f'<span class="tg-points">({option["score"]})</span></span></label>')
        out.append("</fieldset>")
    n = len(instrument["items"]) + 1
    out.append(f'<fieldset class="tg-q" id="tg-q{n}"><legend><span class="tg-q__n">{n}.</span> '
               f"{text(instrument['direct_text'][lang])}</legend>")
    for option in instrument["direct_options"]:
        out.append(f'<label class="tg-opt"><input type="radio" name="direct" value="{escape(option["id"])}">'
                   f"<span>{text(option['label'][lang])}</span></label>")
    out.append("</fieldset>")
    out.append(_optional(b, instrument, lang))
    out.append('<p class="tg-sc-status" id="tg-sc-status" role="status" aria-live="polite" hidden></p>')
    out.append('<p class="tg-sc-error" id="tg-sc-error" role="alert" tabindex="-1" hidden></p>')
    out.append(f'<button type="submit" class="md-button md-button--primary" id="tg-sc-submit" hidden>'
               f"{text(t['submit'])}</button>")
    out.append("</form>")
    out.append('<section class="tg-sc-result" id="tg-sc-result" tabindex="-1" hidden></section>')
    out.append(fallback_table(b, url_for))
    # The paper result of each score group, for a person who answers before Pyodide is ready (or without it):
    # the same content as the static result page, shown at once with no request after answering. Its headings
    # are h2 here (a checker reads a template as if in the page); the script makes them h3 under the score.
    for g in b["scale"]["groups"]:
        out.append(f'<template id="tg-sc-paper-{escape(g["id"])}">{result_body(b, g["id"], url_for, level=2)}'
                   "</template>")
    config = {"bundle": b, "worker": asset_for("assets/tsunagu/selfcheck-worker.mjs"),
              "pyodide": asset_for(assets["pyodide"]), "selfcheck": asset_for(assets["selfcheck"]),
              "lock": lock,
              "results": {g["id"]: url_for(f"self-check/result-{g['id']}/") for g in b["scale"]["groups"]}}
    out.append('<script type="application/json" id="tg-selfcheck-data">'
               + json.dumps(config, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/") + "</script>")
    return "\n".join(out)


def fallback_table(b: Mapping[str, Any], url_for: UrlFor) -> str:
    """The paper path: add up the points, open the page for your total (works with no script at all)."""
    t = b["texts"]
    rows = []
    for g in b["scale"]["groups"]:
        label = t["result_for_one"] if g["min"] == g["max"] else t["result_for"]
        link = fragments.text(label.format(min=g["min"], max=g["max"]))
        href = url_for(f"self-check/result-{g['id']}/")
        rows.append(f'<li><a href="{href}">{link}</a></li>')
    return (f'<div class="tg-sc-fallback" id="tg-sc-fallback"><p>{fragments.text(t["fallback"])}</p>'
            f'<ul class="tg-sc-groups">{"".join(rows)}</ul></div>')


def result_page(b: Mapping[str, Any], group_id: str, url_for: UrlFor) -> str:
    """The static result for one score group, computed by the selfcheck package at build time."""
    return (result_body(b, group_id, url_for, level=2)
            + f'\n<p><a href="{url_for("self-check/")}">{fragments.text(b["texts"]["again"])}</a></p>')


def result_body(b: Mapping[str, Any], group_id: str, url_for: UrlFor, level: int) -> str:
    """What a result for a score group says when no other answer is known: the static page, and the paper
    result on the self-check page. No answers known, so every language lists the same services for anyone."""
    t = b["texts"]
    group = next(g for g in b["scale"]["groups"] if g["id"] == group_id)
    template = t["group"] if b["groups_confirmed"] else t["group_own"]
    ranked = matching.rank(b, {}, None)
    out = [f'<p class="tg-sc-group">{fragments.text(template.format(label=group["label"]))}</p>',
           f"<p>{fragments.text(group['message'])}</p>",
           "<p>" + fragments.text(t["national_lonely"].format(n=scoring.lonely_in_ten(b), year=b["national"]["year"]))
           + "</p>",
           f"<p>{fragments.text(t['feeling_vs_situation'])}</p>",
           f'<p class="tg-sc-note">{fragments.text(t["not_diagnosis"])}</p>']
    out.append(urgent_section(b, ranked["urgent"], ranked["crisis"], level))
    for key in ("matches", "places"):
        if ranked[key]:
            out.append(f'<h{level} class="tg-sc-h-{key}">{fragments.text(t[key])}</h{level}>')
            out.append(entries(b, ranked[key]))
    return "\n".join(out)


def urgent_section(b: Mapping[str, Any], urgent: list[str], crisis: list[str], level: int) -> str:
    """For someone thinking of dying or hurt: one paragraph, the lines open 24 hours right under it, then any
    crisis line that is not open 24 hours."""
    t = b["texts"]
    ids = urgent + [i for i in crisis if i not in urgent]
    return (f'<div class="tg-sc-urgent"><h{level}>{fragments.text(t["crisis"])}</h{level}>'
            f'<p class="tg-sc-urgent__text">{fragments.text(t["urgent"])}</p>{entries(b, ids)}</div>')


def entries(b: Mapping[str, Any], ids: list[str]) -> str:
    items = []
    for i in ids:
        s = b["services"][i]
        items.append(f'<li class="tg-entry" data-tg-service="{i}"><a class="tg-entry__name" href="{s["page"]}">'
                     f'{s["name_html"]}</a>{s["lines_html"]}</li>')
    return '<ul class="tg-entries">' + "".join(items) + "</ul>"


def _optional(b: Mapping[str, Any], instrument: Mapping[str, Any], lang: str) -> str:
    text = fragments.text
    prompts = instrument["optional"]
    choices = b["choices"]
    strings = b["choice_labels"]

    def select(name: str) -> str:
        def lang_attr(value: str) -> str:  # a language's own name is in that language
            return f' lang="{value}"' if name == "language" and strings[name][value] == ENDONYMS.get(value) else ""

        opts = "".join(f'<option value="{escape(v)}"{lang_attr(v)}>{escape(ruby.reading(strings[name][v]))}</option>'
                       for v in choices[name])
        return (f'<div class="tg-filter"><label for="tg-sc-{name}">{text(prompts[name][lang])}</label>'
                f'<select id="tg-sc-{name}" name="{name}"><option value="">—</option>{opts}</select></div>')

    def boxes(name: str) -> str:
        items = "".join(f'<label class="tg-opt"><input type="checkbox" name="{name}" value="{escape(v)}">'
                        f"<span>{text(strings[name][v])}</span></label>" for v in choices[name])
        return f'<fieldset class="tg-q tg-q--optional"><legend>{text(prompts[name][lang])}</legend>{items}</fieldset>'

    return ('<div class="tg-sc-optional">' + select("age") + boxes("topics") + boxes("methods") + select("language")
            + select("area") + "</div>")

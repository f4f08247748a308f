"""The self-check instrument (data/selfcheck.yml): validated like every data file, then turned into one
plain-data bundle per language for the selfcheck package (in the browser and at build time)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tsunagu.data.holidays import holidays
from tsunagu.data.languages import ENDONYMS
from tsunagu.data.loader import TOPICS
from tsunagu.data.model import Site, Survey
from tsunagu.data.problems import DataError, Found, Problems
from tsunagu.data.reader import Reader, read_yaml
from tsunagu.data.strings import Strings
from tsunagu.directory import listing
from tsunagu.directory.rules import AGE_BANDS, filter_json, topics_in_use
from tsunagu.pages import fragments, ruby

TEXT_KEYS = (
    "intro", "not_diagnosis", "points_hint", "submit", "preparing", "ready", "missing", "question_n", "your_score",
    "group", "group_own", "national_same", "national_lonely", "feeling_vs_situation", "matches", "places", "crisis",
    "youth", "print", "again", "fallback", "result_for", "result_for_one", "computed_here", "paper_result",
)
OPTIONAL_KEYS = ("age", "topics", "methods", "language", "area")
METHODS = ("phone", "chat", "visit")


def load_instrument(root: Path, site: Site, data_dir: str = "data") -> dict[str, Any]:
    """The instrument in every language (validated), or ``DataError`` listing every problem."""
    problems = Problems()
    path = root / data_dir / "selfcheck.yml"
    raw = read_yaml(root, path, problems)
    if raw is None:
        raise DataError(problems)
    r = Reader(path.relative_to(root).as_posix(), "selfcheck", site.languages, problems)
    m = r.mapping(raw, "", {"sources", "scale", "direct", "urgent", "specialised_topics", "optional", "texts"})
    sources = r.mapping(m.get("sources"), "sources", {"scale", "groups", "direct"})
    groups_source = r.mapping(sources.get("groups"), "sources.groups", {"title", "url", "confirmed"})
    scale = r.mapping(m.get("scale"), "scale", {"options", "items", "groups"})
    options = [{"score": o.get("score"), "label": r.localized(o, "label", f"scale.options[{i}].")}
               for i, o in enumerate(_list(r, scale, "options", "scale.options"))]
    scores = [o["score"] for o in options]
    if sorted(s for s in scores if isinstance(s, int)) != list(range(1, len(options) + 1)) or len(options) != 4:
        r.problem("scale.options", "four options scored 1, 2, 3 and 4 (the national survey's coding)",
                  Found(f"scores {scores}"), "options: [{score: 1, label: {...}}, ...]")
    items = [{"id": r.string(it, "id", f"scale.items[{i}]"), "text": r.localized(it, "text", f"scale.items[{i}].")}
             for i, it in enumerate(_list(r, scale, "items", "scale.items"))]
    groups = [{"id": r.string(g, "id", f"scale.groups[{i}]"), "min": g.get("min"), "max": g.get("max"),
               "label": r.localized(g, "label", f"scale.groups[{i}]."),
               "message": r.localized(g, "message", f"scale.groups[{i}].")}
              for i, g in enumerate(_list(r, scale, "groups", "scale.groups"))]
    _check_groups(r, groups, len(items), len(options))
    direct = r.mapping(m.get("direct"), "direct", {"text", "survey", "options"})
    survey_id = r.string(direct, "survey", "direct")
    survey = site.surveys.get(survey_id)
    if survey_id and survey is None:
        r.problem("direct.survey", "the id of a survey in data/surveys.yml", survey_id, "survey: direct-question")
    direct_options = []
    for i, o in enumerate(_list(r, direct, "options", "direct.options")):
        category = o.get("survey_category")
        if survey and (not isinstance(category, int) or not 0 <= category < len(survey.categories)):
            r.problem(f"direct.options[{i}].survey_category",
                      f"the index of an answer category of '{survey_id}' (0 to {len(survey.categories) - 1})",
                      category, "survey_category: 4")
        direct_options.append({"id": r.string(o, "id", f"direct.options[{i}]"), "survey_category": category,
                               "label": r.localized(o, "label", f"direct.options[{i}].")})
    _check_labels(r, options, groups, direct_options, survey, survey_id, f"{data_dir}/surveys.yml")
    urgent = r.mapping(m.get("urgent"), "urgent", {"topic", "text"})
    urgent_topic = r.string(urgent, "topic", "urgent")
    if urgent_topic and urgent_topic not in TOPICS:
        r.problem("urgent.topic", "one of the directory's topics (" + ", ".join(TOPICS) + ")", urgent_topic,
                  "topic: suicide-prevention")
    r.localized(urgent, "text", "urgent.")
    specialised: list[str] = []
    raw_specialised = m.get("specialised_topics")
    if isinstance(raw_specialised, list) and all(t_ in TOPICS for t_ in raw_specialised):
        specialised = list(raw_specialised)
    else:
        r.problem("specialised_topics", "a list of the directory's topics (" + ", ".join(TOPICS) + ")",
                  raw_specialised, "specialised_topics: [food, housing]")
    optional = r.mapping(m.get("optional"), "optional", set(OPTIONAL_KEYS))
    texts = r.mapping(m.get("texts"), "texts", set(TEXT_KEYS))
    for key in (*OPTIONAL_KEYS,):
        r.localized(optional, key, "optional.")
    for key in TEXT_KEYS:
        r.localized(texts, key, "texts.")
    if problems:
        raise DataError(problems)
    assert survey is not None
    return {
        "options": options, "items": items, "groups": groups,
        "groups_confirmed": bool(groups_source.get("confirmed")),
        "direct_text": direct["text"], "direct_options": direct_options, "survey": survey,
        "optional": optional, "texts": texts, "sources": sources,
        "urgent": {"topic": urgent_topic, "text": urgent["text"]}, "specialised_topics": specialised,
    }


def bundle(instrument: dict[str, Any], site: Site, lang: str, s: Strings, url_for: Any) -> dict[str, Any]:
    """Everything the selfcheck package needs for one language, as plain data (JSON-ready)."""
    survey = instrument["survey"]
    latest = len(survey.series) - 1
    services = {}
    for sv in site.services.values():
        services[sv.id] = {
            **filter_json(sv),
            "name": ruby.reading(sv.name[lang]),
            "name_html": fragments.text(sv.name[lang]),
            # Each line with its own state (painted by opening.js), as in the directory
            "lines_html": listing.entry_contacts(sv, lang, s),
            "page": url_for(f"services/{sv.id}/"),
        }
    t = instrument["texts"]
    return {
        "lang": lang,
        "scale": {
            "options": [{"score": o["score"], "label": o["label"][lang]} for o in instrument["options"]],
            "items": [{"id": it["id"], "text": it["text"][lang]} for it in instrument["items"]],
            "groups": [{"id": g["id"], "min": g["min"], "max": g["max"], "label": ruby.reading(g["label"][lang]),
                        "message": g["message"][lang]} for g in instrument["groups"]],
        },
        "groups_confirmed": instrument["groups_confirmed"],
        "direct": {"options": [{"id": o["id"], "survey_category": o["survey_category"],
                                "label": ruby.reading(o["label"][lang])} for o in instrument["direct_options"]]},
        "national": {"values": list(survey.series[latest][1]), "year": survey.years[latest] if survey.years else None},
        "texts": {**{k: v[lang] for k, v in t.items()}, "urgent": instrument["urgent"]["text"][lang]},
        "services": services,
        "crisis": list(site.crisis_strip),
        "urgent_topic": instrument["urgent"]["topic"],
        "specialised_topics": instrument["specialised_topics"],
        "band_topics": {band.id: list(band.topics) for band in AGE_BANDS},
        "holidays": holidays(site.updated),
        "bands": {band.id: [band.low, band.high] for band in AGE_BANDS},
        "specific_areas": [a for a in site.areas if a != site.whole_area],
        "choice_labels": {
            "age": {band.id: s(f"audience.{band.id}") for band in AGE_BANDS},
            "topics": {t_: s(f"topic.{t_}") for t_ in TOPICS},
            "methods": {m_: s(f"method.{m_}") for m_ in METHODS},
            "language": {c: s.table.get(f"language.{c}", ENDONYMS.get(c, c))
                         for c in sorted({code.split("-")[0] for code in site.languages})},
            "area": {a: site.areas[a][lang] for a in site.areas},
        },
        "choices": {
            "age": [band.id for band in AGE_BANDS],
            "topics": [t_ for t_ in TOPICS if t_ in topics_in_use(site) and t_ != "emergency"],
            "methods": list(METHODS),
            "language": sorted({code.split("-")[0] for code in site.languages}),
            "area": [a for a in site.areas if a != site.whole_area],
        },
    }


def result_pages(instrument: dict[str, Any], site: Site, default: str) -> dict[str, str]:
    """docs/self-check/result-<group>.md in every language: the pages the paper path links to."""
    from tsunagu.directory.rules import page_source, page_stub

    pages = {}
    for lang in site.languages:
        t = instrument["texts"]
        for g in instrument["groups"]:
            label = t["result_for_one" if g["min"] == g["max"] else "result_for"][lang]
            heading = label.format(min=g["min"], max=g["max"])
            desc = ruby.strip(t["not_diagnosis"][lang])
            pages[page_source("self-check", f"result-{g['id']}", lang, default)] = page_stub(
                ruby.strip(heading), desc, f"[[selfcheck-result {g['id']}]]", heading)
    return pages


def _list(r: Reader, m: dict[str, Any], key: str, path: str) -> list[Any]:
    value = m.get(key)
    if not isinstance(value, list) or not value:
        r.problem(path, "a non-empty list", value)
        return []
    return [v if isinstance(v, dict) else {} for v in value]


def _check_labels(r: Reader, options: list[dict[str, Any]], groups: list[dict[str, Any]],
                  direct_options: list[dict[str, Any]], survey: Survey | None, survey_id: str,
                  survey_file: str) -> None:
    """One label per answer option in every language: the result quotes a chart row ("X % answered '…'"), so
    an option must read the same wherever it appears (scale, score groups, direct question, survey chart).
    Options are the same option when their Japanese source label is the same."""
    places: list[tuple[str, str, Any]] = []  # (file, key, localized label)
    places += [(r.file, f"scale.options[{i}].label", o["label"]) for i, o in enumerate(options)]
    places += [(r.file, f"scale.groups[{i}].label", g["label"]) for i, g in enumerate(groups)]
    for i, o in enumerate(direct_options):
        places.append((r.file, f"direct.options[{i}].label", o["label"]))
        category = o["survey_category"]
        if survey is not None and isinstance(category, int) and 0 <= category < len(survey.categories):
            places.append((survey_file, f"categories[{category}]", survey.categories[category]))
    first: dict[str, tuple[str, str, Any]] = {}
    for file, key, label in places:
        if not isinstance(label, dict) or not isinstance(label.get("ja"), str):
            continue
        seen = first.setdefault(label["ja"], (file, key, label))
        for lang in r.languages:
            ours, theirs = label.get(lang), seen[2].get(lang)
            if (seen[0], seen[1]) != (file, key) and isinstance(ours, str) and isinstance(theirs, str) \
                    and ours != theirs:
                record = r.record if file == r.file else survey_id
                r.problems.add(file, record, f"{key}.{lang}",
                               f"the same label as {seen[0]} key '{seen[1]}.{lang}' ('{theirs}'): one label per "
                               "answer option, as the result quotes the chart's row", Found(f"'{ours}'"),
                               f"{lang}: {theirs}")


def _check_groups(r: Reader, groups: list[dict[str, Any]], n_items: int, n_options: int) -> None:
    """Every possible total (n_items .. n_items * n_options) falls in exactly one group."""
    for i, g in enumerate(groups):
        for k in ("min", "max"):
            if not isinstance(g[k], int) or isinstance(g[k], bool):
                r.problem(f"scale.groups[{i}].{k}", "a whole number of points", g[k], f"{k}: 7")
    if any(not isinstance(g["min"], int) or not isinstance(g["max"], int) for g in groups) or not n_items:
        return
    for total in range(n_items, n_items * n_options + 1):
        owners = [g["id"] for g in groups if g["min"] <= total <= g["max"]]
        if len(owners) != 1:
            r.problem("scale.groups", f"every total from {n_items} to {n_items * n_options} in exactly one group",
                      Found(f"{total} points in {len(owners)} groups ({', '.join(owners) or 'none'})"),
                      "groups: [{min: 3, max: 3}, {min: 4, max: 6}, {min: 7, max: 9}, {min: 10, max: 12}]")

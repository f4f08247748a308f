"""Terminology that cannot drift: a glossary in data, checked over pages, data texts and interface strings.

``data/glossary.yml`` (city-editable) lists concepts; per concept and language, the preferred term and the
terms to avoid (with phrases where an avoided term is right, e.g. quoted speech). The build reads every
Markdown page in ``docs/``, every YAML file in ``data/`` and every ``tsunagu/locales/<lang>.yml``, finds the
language of each line (page suffix, locale file name, or the ``<lang>:`` key a data text sits under) and
stops on an avoided term, naming the file, line, what was found and the preferred term.

A concept may also name answer options (``selfcheck_option``): their labels in ``data/selfcheck.yml`` and
``data/surveys.yml`` must be exactly the preferred term, so a chart and the self-check say the same.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tsunagu.content.pages import markdown_pages
from tsunagu.data.problems import DataError, Problems
from tsunagu.data.reader import SAFE_LOADER, Reader, read_yaml, relative

GLOSSARY_FILE = "glossary.yml"
_LANG_KEY = re.compile(r"^(\s*)(?:-\s+)?([a-z]{2}(?:-[a-z]+)?):(?:\s|$)")
_INLINE_LANG = re.compile(r"(?:[{,]\s*)([a-z]{2}(?:-[a-z]+)?):\s*")


@dataclass(frozen=True)
class Term:
    """One concept: its preferred wording per language, and wordings to avoid."""

    id: str
    preferred: dict[str, str]
    avoid: dict[str, tuple[str, ...]]
    allow: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Phrases in which an avoided term is right (quoted speech, an official name)."""
    selfcheck_option: str = ""
    files: tuple[str, ...] = ()
    """Where the term applies (glob patterns from the site's root, e.g. texts written for older people);
    empty: everywhere."""

    def applies_to(self, file: str) -> bool:
        return not self.files or any(fnmatch.fnmatchcase(file, pattern) for pattern in self.files)


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    lang: str
    found: str
    preferred: str
    term: str

    def __str__(self) -> str:
        return (f"{self.file}, line {self.line} ({self.lang}): '{self.found}' is avoided (glossary term "
                f"'{self.term}'); write {self.preferred}")


def load(root: Path, languages: Iterable[str], data_dir: str = "data") -> list[Term]:
    """The glossary's terms; no file means no terms. Bad entries stop the build with the usual messages."""
    path = root / data_dir / GLOSSARY_FILE
    if not path.exists():
        return []
    langs = tuple(languages)
    problems = Problems()
    raw = read_yaml(root, path, problems)
    file = relative(root, path)
    top = Reader(file, "-", langs, problems).mapping(raw, "", {"terms", "japanese_names_in"}) if raw is not None else {}
    terms: list[Term] = []
    entries = top.get("terms", [])
    if not isinstance(entries, list):
        problems.add(file, "-", "terms", "a list of terms", entries)
        entries = []
    for i, entry in enumerate(entries):
        r = Reader(file, str(entry.get("id", f"terms[{i}]")) if isinstance(entry, dict) else f"terms[{i}]",
                   langs, problems)
        m = r.mapping(entry, "", {"id", "about", "preferred", "avoid", "allow", "selfcheck_option", "files"})
        term_id = r.string(m, "id")
        r.string(m, "about")
        preferred = _texts(r, m, "preferred", langs, one=True)
        avoid = _texts(r, m, "avoid", langs)
        allow = _texts(r, m, "allow", langs)
        for lang in avoid:
            if lang not in preferred:
                r.problem(f"preferred.{lang}", f"the preferred term in '{lang}' (it has terms to avoid)",
                          m.get("preferred", {}).get(lang) if isinstance(m.get("preferred"), dict) else None,
                          f"preferred: {{{lang}: ...}}")
        files = tuple(r.str_list(m, "files")) if "files" in m else ()
        terms.append(Term(term_id, {k: v[0] for k, v in preferred.items()}, avoid, allow,
                          r.string(m, "selfcheck_option", required=False), files))
    if problems:
        raise DataError(problems)
    return terms


def _texts(r: Reader, m: dict[str, Any], key: str, langs: tuple[str, ...], one: bool = False
           ) -> dict[str, tuple[str, ...]]:
    v = m.get(key, {})
    if not isinstance(v, dict):
        r.problem(key, "a mapping of language to " + ("a text" if one else "a list of texts"), v,
                  f"{key}: {{ko: 여러분}}" if one else f"{key}: {{ko: [당신]}}")
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for lang, texts in v.items():
        if lang not in langs:
            r.problem(f"{key}.{lang}", "one of the site's languages (" + ", ".join(langs) + ")", lang)
            continue
        items = [texts] if isinstance(texts, str) and one else texts
        if not isinstance(items, list) or not items or not all(isinstance(t, str) and t.strip() for t in items):
            r.problem(f"{key}.{lang}", "a text" if one else "a list of texts", texts,
                      f"{lang}: 여러분" if one else f"{lang}: [당신]")
            continue
        out[str(lang)] = tuple(t.strip() for t in items)
    return out


# Where each line's language comes from ---------------------------------------------------------

def lines_by_language(text: str, languages: Iterable[str], lang: str | None = None
                      ) -> Iterable[tuple[int, str, str]]:
    """(line number, language, text) for each line of a page or data file.

    With ``lang`` the whole file is in that language (a page, a locale file); otherwise a line belongs to
    the ``<lang>:`` key it sits under (``  ko: …`` and the indented lines of a block below it), and an
    inline mapping (``{ja: …, ko: …}``) is split at its keys."""
    langs = set(languages)
    current: tuple[str, int] | None = None
    for n, line in enumerate(text.splitlines(), 1):
        if lang is not None:
            yield n, lang, line
            continue
        if line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip())
        if current and line.strip() and indent <= current[1]:
            current = None
        m = _LANG_KEY.match(line)
        if m and m.group(2) in langs:
            current = (m.group(2), len(m.group(1)))
            yield n, m.group(2), line[m.end():]
            continue
        if current:
            yield n, current[0], line
            continue
        parts = list(_INLINE_LANG.finditer(line))
        for i, part in enumerate(parts):
            if part.group(1) in langs:
                end = parts[i + 1].start() if i + 1 < len(parts) else len(line)
                yield n, part.group(1), line[part.end():end]


def find_in_text(text: str, terms: list[Term], languages: Iterable[str], file: str,
                 lang: str | None = None) -> list[Finding]:
    out: list[Finding] = []
    terms = [term for term in terms if term.applies_to(file)]
    for n, line_lang, line in lines_by_language(text, languages, lang):
        for term in terms:
            for avoided in term.avoid.get(line_lang, ()):
                if avoided not in line:
                    continue
                masked = line
                for phrase in term.allow.get(line_lang, ()):
                    masked = masked.replace(phrase, " " * len(phrase))
                if avoided in masked:
                    out.append(Finding(file, n, line_lang, avoided, term.preferred[line_lang], term.id))
    return out


def check(root: Path, docs_dir: Path, terms: list[Term], languages: Iterable[str], default: str,
          skip: Iterable[str] = (), data_dir: str = "data", locales_dir: Path | None = None) -> list[Finding]:
    """Every avoided term in pages, data texts and interface strings (generated pages in ``skip``)."""
    langs = tuple(languages)
    if not terms:
        return []
    findings: list[Finding] = []
    for path, rel in markdown_pages(docs_dir, skip):
        stem, _, suffix = rel[: -len(".md")].rpartition(".")
        lang = suffix if stem and suffix in langs else default
        findings += find_in_text(path.read_text(encoding="utf-8"), terms, langs, relative(root, path), lang)
    for path in sorted((root / data_dir).rglob("*.yml")):
        if path.name == GLOSSARY_FILE:
            continue
        findings += find_in_text(path.read_text(encoding="utf-8"), terms, langs, relative(root, path))
    for lang in langs:
        path = (locales_dir or Path(__file__).resolve().parents[1] / "locales") / f"{lang}.yml"
        if path.exists():
            findings += find_in_text(path.read_text(encoding="utf-8"), terms, langs, relative(root, path), lang)
    return findings


def check_options(terms: list[Term], labels: dict[str, list[tuple[str, dict[str, str]]]]) -> list[str]:
    """Answer-option labels (option id -> [(where, label per language)]) that differ from the glossary."""
    out: list[str] = []
    for term in terms:
        if not term.selfcheck_option:
            continue
        for where, label in labels.get(term.selfcheck_option, []):
            for lang, text in label.items():
                want = term.preferred.get(lang)
                if want is not None and text != want:
                    out.append(f"{where} ({lang}): option '{term.selfcheck_option}' reads '{text}'; the glossary "
                               f"(data/glossary.yml, term '{term.id}') says '{want}'")
    return out


def option_labels(selfcheck: Any, surveys: Any) -> dict[str, list[tuple[str, dict[str, str]]]]:
    """The labels of the direct question's options, by id, in data/selfcheck.yml (scale, score groups,
    direct question) and the survey chart categories they are compared with (data/surveys.yml)."""
    out: dict[str, list[tuple[str, dict[str, str]]]] = {}

    def add(option: str, where: str, label: Any) -> None:
        if isinstance(label, dict):
            out.setdefault(option, []).append((where, {str(k): str(v) for k, v in label.items()}))

    scale_ids = {1: "never", 2: "hardly-ever", 3: "sometimes", 4: "always"}
    if isinstance(selfcheck, dict):
        for opt in (selfcheck.get("scale") or {}).get("options") or []:
            if isinstance(opt, dict) and opt.get("score") in scale_ids:
                add(scale_ids[opt["score"]], f"data/selfcheck.yml scale.options score {opt['score']}",
                    opt.get("label"))
        direct = selfcheck.get("direct") or {}
        categories: dict[int, str] = {}
        for opt in direct.get("options") or []:
            if isinstance(opt, dict) and isinstance(opt.get("id"), str):
                add(opt["id"], f"data/selfcheck.yml direct.options {opt['id']}", opt.get("label"))
                if isinstance(opt.get("survey_category"), int):
                    categories[opt["survey_category"]] = opt["id"]
        survey_id = direct.get("survey")
        survey = surveys.get(survey_id) if isinstance(surveys, dict) and isinstance(survey_id, str) else None
        if isinstance(survey, dict):
            for i, label in enumerate(survey.get("categories") or []):
                if i in categories:
                    add(categories[i], f"data/surveys.yml {survey_id}.categories[{i}]", label)
    return out


def bracket_languages(root: Path, data_dir: str = "data") -> list[str]:
    """Languages whose organisation and service names keep the Japanese name in brackets
    (``japanese_names_in: [en]`` in data/glossary.yml)."""
    import yaml

    path = root / data_dir / GLOSSARY_FILE
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    value = raw.get("japanese_names_in", []) if isinstance(raw, dict) else []
    return [str(v) for v in value] if isinstance(value, list) else []


def names_without_japanese(root: Path, data_dir: str = "data", langs: Iterable[str] = ("en",)) -> list[str]:
    """Names of organisations and services in ``langs`` that do not keep the Japanese name in brackets: a caller
    says the Japanese name at reception, so ``City of Kitakyushu (北九州市)``. Each file is read once for all
    the languages (read once per language, 1,000 services took 4 s a language)."""
    import yaml

    langs = tuple(langs)
    out: list[str] = []
    for path in sorted((root / data_dir / "services").rglob("*.yml")):
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
        for lang in langs:
            for key in ("organisation", "name"):
                texts = raw.get(key) if isinstance(raw, dict) else None
                if isinstance(texts, dict) and isinstance(texts.get("ja"), str) and isinstance(texts.get(lang), str):
                    ja = texts["ja"].strip()
                    if f"({ja})" not in texts[lang] and f"（{ja}）" not in texts[lang]:
                        out.append(f"{relative(root, path)}: {key}.{lang} '{texts[lang]}' must keep the Japanese "
                                   f"name in brackets, so a caller can say it at reception: '{texts[lang]} ({ja})'")
    return out


def report(findings: list[Finding], options: list[str]) -> str:
    lines = [f"{len(findings) + len(options)} term(s) differ from the glossary (data/glossary.yml); nothing was "
             "built:"]
    lines += [f"  - {f}" for f in findings] + [f"  - {o}" for o in options]
    lines.append("Use the preferred term (or, where the avoided term is right, add the phrase under 'allow:').")
    return "\n".join(lines)

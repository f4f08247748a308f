"""Every page in every language: a missing translation is a build error, never a silent fallback."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from tsunagu.content.essentials import Essentials


def check_translations(docs_dir: Path, default: str, languages: Iterable[str],
                       essentials: Essentials | None = None) -> list[str]:
    """Return one message per missing translation or unknown language suffix, sorted by page.

    An essentials language must have exactly the pages of its set: one missing is a problem, and so is one
    outside the set (it would be built and offered beside the English and やさしい日本語 links)."""
    langs = list(languages)
    ess = essentials or Essentials()
    others = [lang for lang in langs if lang != default]
    pages: dict[str, set[str]] = defaultdict(set)
    problems: list[str] = []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        stem, _, suffix = rel[: -len(".md")].rpartition(".")
        if stem and suffix in others:
            pages[f"{stem}.md"].add(suffix)
        elif stem and _looks_like_locale(suffix):
            problems.append(f"docs/{rel}: language '{suffix}' is not one of the site's languages "
                            f"({', '.join(langs)}); add it to plugins.i18n.languages in mkdocs.yml or rename the file")
        else:
            pages[rel].add(default)
    for page, found in sorted(pages.items()):
        for lang in langs:
            if not ess.has(lang, page):
                if lang in found:
                    problems.append(f"{_localized(page, lang, default)}: '{lang}' is an essentials language and "
                                    f"docs/{page} is outside its set of pages ({', '.join(ess.pages)}); delete the "
                                    "file (the menu offers the page in English and やさしい日本語)")
            elif lang not in found:
                problems.append(f"docs/{page}: no '{lang}' version; create {_localized(page, lang, default)}")
    return problems


def _localized(page: str, lang: str, default: str) -> str:
    return f"docs/{page}" if lang == default else f"docs/{page[: -len('.md')]}.{lang}.md"


def _looks_like_locale(suffix: str) -> bool:
    # Same shape static-i18n accepts: xx, xx-Yyyy, xx-YY, or our own such as ja-easy.
    head, _, tail = suffix.partition("-")
    return len(head) == 2 and head.isalpha() and head.islower() and (not tail or tail.isalpha())

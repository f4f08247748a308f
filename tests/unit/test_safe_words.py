"""The words on the pages stay safe: no privacy over-claims, crisis help where readers may need it.

Reads the Markdown sources in docs/ (not the built site), so a page edit that drops the crisis
paragraph or brings back "leaves no trace" fails here in a second, without a build.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ESSENTIALS_LANGS
from tsunagu.content.essentials import Essentials

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
# The languages are the interface-string files; an essentials language has only the essentials pages.
LANGS = sorted(p.stem for p in (ROOT / "tsunagu" / "locales").glob("*.yml"))
ESSENTIALS = Essentials(ESSENTIALS_LANGS)


def pairs(names: tuple[str, ...] | list[str]) -> list[tuple[str, str]]:
    """(page, language) for every language that has the page."""
    return [(name, lang) for name in names for lang in LANGS if ESSENTIALS.has(lang, f"{name}.md")]

# Claims the site cannot keep: the phone's browser history does keep the visit. The site may only say
# that *it* records nothing. (Phrases removed from the pages; Japanese, Korean, Chinese, Vietnamese.)
OVER_CLAIMS = ("no trace", "leaves no trace", "痕跡", "痕迹", "不留", "흔적", "어디에도 남지", "dấu vết",
               "のこりません", "残りません", "のこしません", "残しません")

CRISIS_PAGES = ("talk-now", "young-people", "helping", "schools")
LINES_24H = ("[[service inochi-no-denwa-kitakyushu]]", "[[service yorisoi-hotline]]")
YOUTH_24H = ("[[service kodomo-sos-24h]]", "[[service anata-no-ibasho]]")


def page(name: str, lang: str) -> str:
    suffix = "" if lang == "ja" else f".{lang}"
    return (DOCS / f"{name}{suffix}.md").read_text(encoding="utf-8")


def section(text: str, anchor: str) -> str | None:
    """The Markdown from the heading marked `{ #anchor }` to the next heading of the same level."""
    match = re.search(rf"^(#+) [^\n]*\{{ #{re.escape(anchor)} \}}\n", text, flags=re.M)
    if match is None:
        return None
    rest = text[match.end():]
    end = re.search(rf"^#{{1,{len(match.group(1))}}} ", rest, flags=re.M)
    return rest[: end.start()] if end else rest


def over_claims(text: str) -> list[str]:
    lowered = text.lower()
    return [phrase for phrase in OVER_CLAIMS if phrase in lowered]


def source_pages() -> list[Path]:
    # docs/services, topics, audiences and self-check/ are generated from data/ (git-ignored)
    return sorted(DOCS.glob("*.md"))


def test_helpers_find_what_they_look_for() -> None:
    text = "# T\n\n## A { #a }\n\nbody [[tel x]]\n\n### sub\n\nmore\n\n## B { #b }\n\nother\n"
    assert section(text, "a") == "\nbody [[tel x]]\n\n### sub\n\nmore\n\n"
    assert section(text, "missing") is None
    assert over_claims("Your visit Leaves No Trace.") == ["no trace", "leaves no trace"]
    assert over_claims("このサイトは記録しません。") == []


def test_every_language_has_its_pages() -> None:
    assert {"ja", "ja-easy", "en", "zh", "ko", "vi"} <= set(LANGS)
    for name, lang in pairs((*CRISIS_PAGES, "privacy", "directory", "index")):
        assert page(name, lang)
    assert pairs(["talk-now"]) == [("talk-now", lang) for lang in LANGS]


@pytest.mark.parametrize("path", source_pages(), ids=lambda p: p.name)
def test_no_page_promises_that_nothing_is_left_anywhere(path: Path) -> None:
    assert over_claims(path.read_text(encoding="utf-8")) == [], path.name


@pytest.mark.parametrize(("name", "lang"), pairs(CRISIS_PAGES))
def test_crisis_paragraph_with_24_hour_lines(name: str, lang: str) -> None:
    text = page(name, lang)
    crisis = section(text, "thoughts-of-suicide")
    assert crisis is not None, f"{name} ({lang}): no heading marked {{ #thoughts-of-suicide }}"
    assert "[[tel emergency-119]]" in crisis
    if name == "talk-now":
        # the 24-hour cards are further down this page; the paragraph sits above them and links there
        assert "(#24-hours)" in crisis
        assert text.index("{ #thoughts-of-suicide }") < text.index("{ #24-hours }")
        return
    wanted = LINES_24H + (YOUTH_24H if name in ("young-people", "schools") else ())
    assert [card for card in wanted if card not in crisis] == []


@pytest.mark.parametrize(("name", "lang"), pairs(["helping", "schools"]))
def test_what_to_do_if_someone_says_they_want_to_die(name: str, lang: str) -> None:
    steps = section(page(name, lang), "if-someone-wants-to-die")
    assert steps is not None
    # notice, ask and listen, connect, stay in touch: four numbered steps
    assert re.findall(r"^([1-4])\. ", steps, flags=re.M) == ["1", "2", "3", "4"]
    assert "(#thoughts-of-suicide)" in steps
    if name == "schools":
        assert "[[tel emergency-119]]" in steps


@pytest.mark.parametrize("lang", LANGS)
def test_privacy_page_explains_browser_history(lang: str) -> None:
    history = section(page("privacy", lang), "browser-history")
    assert history is not None
    assert history.count("\n- ") >= 2  # a private tab, and clearing the history


@pytest.mark.parametrize("lang", LANGS)
def test_directory_shows_the_list_before_the_explanation(lang: str) -> None:
    text = page("directory", lang)
    assert "(talk-now.md)" in text.split("[[directory]]")[0]
    assert text.index("[[directory]]") < text.index("<details markdown>")

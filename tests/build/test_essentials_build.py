"""A real build of the sample town with Spanish as an essentials language: what it builds, what it leaves out,
and the error when an essential page is missing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.build import build, copy_sample_town


def _with_spanish(root: Path) -> Path:
    """The sample town plus es (essentials; pages outside the set offered in English): es texts copied from en
    in services, site.yml and surveys.yml (its home page shows a chart) — places are outside the set and need none."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("        - {locale: en, name: English, build: true, site_name: Tsunagu Sample Town}\n",
                        "        - {locale: en, name: English, build: true, site_name: Tsunagu Sample Town}\n"
                        "        - {locale: es, name: Español, build: true, site_name: Tsunagu Pueblo de Muestra}\n")
    text = text.replace("      offline_pages: [index.md, talk-now.md]\n",
                        "      offline_pages: [index.md, talk-now.md]\n"
                        "      essentials_languages: [es]\n      essentials_fallback: [en]\n")
    config.write_text(text, encoding="utf-8")
    # surveys are optional in an essentials language; the town's home page shows a chart, so it has es texts
    data_dir = root / "data"
    for path in [*(data_dir / "services").glob("*.yml"), data_dir / "site.yml", data_dir / "surveys.yml"]:
        data = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(en: (\"[^\"]*\"|[^,}\n]+))\}", r"\1, es: \2}", data), encoding="utf-8")
    for page in ("index", "talk-now", "privacy"):
        (root / "docs" / f"{page}.es.md").write_text(
            (root / "docs" / f"{page}.en.md").read_text(encoding="utf-8"), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = _with_spanish(copy_sample_town(tmp_path_factory.mktemp("essentials") / "town"))
    build(root / "mkdocs.yml", root / "site")
    return root


def test_an_essentials_language_has_its_pages_and_offers_the_others_in_english(town: Path) -> None:
    site = town / "site"
    assert '<html lang="es"' in (site / "es" / "talk-now" / "index.html").read_text(encoding="utf-8")
    assert (site / "es" / "services" / "town-line" / "index.html").exists()
    assert not (site / "es" / "places").exists()  # neither the listing nor any place page
    assert (site / "en" / "places" / "index.html").exists()
    home = (site / "es" / "index.html").read_text(encoding="utf-8")
    entry = re.search(r'<span class="md-nav__link tg-elsewhere">(.*?)</span></span>', home, re.S)
    assert entry is not None
    assert '<span class="tg-elsewhere__title">Lugares a donde ir</span>' in entry.group(1)
    assert '<a href="../en/places/" hreflang="en" lang="en">English</a>' in entry.group(1)
    assert "ja-easy" not in entry.group(1)  # this town offers English only (essentials_fallback)
    assert "tg-elsewhere.invalid" not in home
    assert "es/places" not in (site / "sw.js").read_text(encoding="utf-8")
    assert "/es/places/" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_a_missing_essential_page_stops_the_build(town: Path, tmp_path: Path) -> None:
    root = _with_spanish(copy_sample_town(tmp_path / "town"))
    (root / "docs" / "talk-now.es.md").unlink()
    (root / "docs" / "places.es.md").write_text("# Lugares\n", encoding="utf-8")
    result = build(root / "mkdocs.yml", root / "site", check=False)
    assert result.returncode != 0
    assert "docs/talk-now.md: no 'es' version; create docs/talk-now.es.md" in result.stderr
    assert "docs/places.es.md: 'es' is an essentials language and docs/places.md is outside its set" in result.stderr

"""Essentials languages: completeness for the essentials set only, data texts required only where pages use them,
the menu and links that offer the other pages in English and やさしい日本語."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ESSENTIALS_LANGS, ROOT, SITE_LANGS
from tests.support.docs import docs_folder
from tsunagu.content import essentials
from tsunagu.content.completeness import check_translations
from tsunagu.content.essentials import Essentials
from tsunagu.data.loader import load_site
from tsunagu.data.problems import DataError
from tsunagu.data.strings import StringsError, load_strings

ESS = Essentials(("es",), names={"en": "English", "ja-easy": "やさしい にほんご"})
LANGS = ["ja", "ja-easy", "en", "es"]

def _url(lang: str, src: str) -> str:
    return f"/{lang}/{src[:-3]}/"


def test_the_set_is_the_contract() -> None:
    for page in ("index.md", "talk-now.md", "directory.md", "finder.md", "self-check.md", "privacy.md",
                 "foreign-residents.md", "services/childline.md", "topics/loneliness.md", "audiences/teens.md",
                 "self-check/result-often.md"):
        assert ESS.has("es", page), page
    for page in ("understanding.md", "numbers.md", "helping.md", "young-people.md", "finder-kids.md", "schools.md",
                 "organisations.md", "share.md", "places.md", "places/step-cafe.md"):
        assert not ESS.has("es", page), page
        assert ESS.has("en", page)


def test_an_essentials_language_needs_its_set_and_only_its_set(tmp_path: Path) -> None:
    full = [f"{p}{s}.md" for p in ("index", "talk-now", "understanding") for s in ("", ".ja-easy", ".en")]
    docs = docs_folder(tmp_path, [*full, "index.es.md", "understanding.es.md", "services/a.md", "services/a.ja-easy.md",
                            "services/a.en.md"])
    assert check_translations(docs, "ja", LANGS, ESS) == [
        "docs/services/a.md: no 'es' version; create docs/services/a.es.md",
        "docs/talk-now.md: no 'es' version; create docs/talk-now.es.md",
        "docs/understanding.es.md: 'es' is an essentials language and docs/understanding.md is outside its set of "
        f"pages ({', '.join(essentials.ESSENTIAL_PAGES)}); delete the file (the menu offers the page in English and "
        "やさしい日本語)",
    ]
    # the same files for a full language: every page is required
    assert "docs/understanding.md: no 'es' version; create docs/understanding.es.md" not in \
        check_translations(docs, "ja", LANGS, ESS)
    (docs / "understanding.es.md").unlink()
    assert "docs/understanding.md: no 'es' version; create docs/understanding.es.md" in \
        check_translations(docs, "ja", LANGS)


def test_the_configuration_is_checked() -> None:
    assert Essentials(("es",)).check(["ja", "ja-easy", "en", "es"], "ja") == []
    assert Essentials(("pt", "ja")).check(["ja", "ja-easy", "en"], "ja") == [
        "plugins.tsunagu.essentials_languages: 'pt' is not one of the site's languages (ja, ja-easy, en); add it to "
        "plugins.i18n.languages in mkdocs.yml",
        "plugins.tsunagu.essentials_languages: 'ja' is the default language, which must have every page",
    ]
    assert Essentials(("es",)).check(["ja", "en", "es"], "ja") == [
        "plugins.tsunagu.essentials_languages: pages outside the set are offered in 'ja-easy', which must be a full "
        "language of the site"]


def test_essentials_strings_are_required_of_essentials_languages_only(tmp_path: Path) -> None:
    (tmp_path / "en.yml").write_text('a: "A"\nessentials.page.x: "X"\n', encoding="utf-8")
    (tmp_path / "ko.yml").write_text('a: "가"\n', encoding="utf-8")
    (tmp_path / "es.yml").write_text('a: "A"\n', encoding="utf-8")
    assert load_strings(["en", "ko", "es"], tmp_path)["ko"]("a") == "가"
    with pytest.raises(StringsError, match=r"es.yml: missing key\(s\) essentials.page.x"):
        load_strings(["en", "ko", "es"], tmp_path, essentials=["es"])


def test_every_page_outside_the_set_in_the_menu_has_a_label_in_every_language() -> None:
    """en.yml (the reference every essentials language copies) names each menu page outside the set."""
    import yaml

    nav = yaml.safe_load(re.sub(r"!ENV \[[^\]]*\]", "x", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")))["nav"]
    en = load_strings(["en"])["en"]
    outside = [p for p in nav if not ESS.has("es", p)]
    assert len(outside) == 9
    for page in outside:
        assert en.table[essentials.page_key(page)].strip(), page


def _data_copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def test_data_needs_es_in_services_and_site_not_in_places_or_surveys(tmp_path: Path) -> None:
    root = _data_copy(tmp_path)
    # the site's own languages: the data also carries the other essentials languages' texts
    site = load_site(root, SITE_LANGS, today=dt.date(2026, 12, 1), essentials=ESSENTIALS_LANGS)
    assert "es" in site.essentials and "es" not in site.full_languages
    assert site.places and all("es" not in p.name for p in site.places.values())  # places have no es text
    assert site.services["childline"].name["es"].endswith("(チャイルドライン)")
    # one text missing: the usual message (file, record, key, expected, found)
    path = root / "data" / "services" / "childline.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"\n  es: ChildLine \(チャイルドライン\)", "", text), encoding="utf-8")
    site_yml = root / "data" / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace("  es: Prefectura de Fukuoka\n", ""),
                        encoding="utf-8")
    with pytest.raises(DataError) as e:
        load_site(root, SITE_LANGS, today=dt.date(2026, 12, 1), essentials=ESSENTIALS_LANGS)
    message = str(e.value)
    assert "data/services/childline.yml: record 'childline', key 'name.es': expected a text in language 'es'" \
        in message
    assert "data/site.yml: record 'site', key 'prefecture.es': expected a text in language 'es'" in message
    assert "places/" not in message and "surveys.yml" not in message


def test_menu_entries_outside_the_set_become_links_to_english_and_easy_japanese() -> None:
    nav = ["index.md", "understanding.md", {"Numbers": "numbers.md"}, "https://example.org/"]
    out = essentials.nav_for(nav, ESS, "es", lambda src: {"understanding.md": "Entender <la> soledad"}.get(src, src))
    assert out[0] == "index.md" and out[3] == "https://example.org/"
    assert essentials.nav_for(nav, ESS, "en", str) == nav
    # what Material renders for such an entry (an outside link whose title is the marker)
    rendered = "".join(
        f'<li class="md-nav__item">\n      <a href="{url}" class="md-nav__link">\n  <span class="md-ellipsis">\n'
        f"    {title}\n  </span>\n      </a>\n    </li>"
        for item in out[1:3] for title, url in item.items())
    html = essentials.replace_nav_entries(rendered, ESS, _url, "No disponible en español; puede leerlo en:")
    assert "tg-elsewhere.invalid" not in html and "data-tg-elsewhere" not in html
    assert ('<span class="md-nav__link tg-elsewhere"><span class="tg-elsewhere__title">Entender &lt;la&gt; soledad'
            '</span> <span class="tg-elsewhere__langs">— <span class="tg-sr-only">No disponible en español; puede '
            'leerlo en: </span><a href="/en/understanding/" hreflang="en" lang="en">English</a> · '
            '<a href="/ja-easy/understanding/" hreflang="ja" lang="ja">やさしい にほんご</a></span></span>') in html
    assert 'href="/en/numbers/" hreflang="en"' in html
    with pytest.raises(ValueError, match="was not replaced"):
        essentials.replace_nav_entries(rendered.replace('class="md-nav__link"', 'class="md-nav__link x"'), ESS,
                                       _url, "")


def test_links_in_pages_to_pages_outside_the_set_point_to_the_fallbacks() -> None:
    md = ("- [Entender](understanding.md)\n- [Hablar](talk-now.md){ .x }\n![img](numbers.md)\n"
          "[Oficinas](helping.md#ward-offices) y [servicio](../services/childline.md)")
    out = essentials.rewrite_links(md, ESS, "es", "", _url, "hint")
    assert "[Hablar](talk-now.md){ .x }" in out and "![img](numbers.md)" in out
    assert "(understanding.md)" not in out and "(helping.md" not in out
    assert '<span class="tg-elsewhere__title">Entender</span>' in out
    assert '<a href="/en/helping/#ward-offices" hreflang="en" lang="en">English</a>' in out
    assert "[servicio](../services/childline.md)" in out
    assert essentials.rewrite_links(md, ESS, "en", "", _url, "hint") == md
    # a link from a page in a folder resolves against it
    assert "(../understanding.md)" not in essentials.rewrite_links("[a](../understanding.md)", ESS, "es",
                                                                   "self-check", _url, "")


def test_survey_texts_are_optional_and_a_chart_without_them_is_named(tmp_path: Path) -> None:
    from tsunagu.content.macros import MacroError, expand_macros

    langs = list(SITE_LANGS)  # the data also carries the other essentials languages' texts
    root = _data_copy(tmp_path)
    site = load_site(root, langs, today=dt.date(2026, 12, 1), essentials=ESSENTIALS_LANGS)
    strings = load_strings(["en", "es"], essentials=["es"])
    with pytest.raises(MacroError, match=r"\[\[survey direct-question\]\] has no 'es' texts in data/surveys.yml"):
        expand_macros("[[survey direct-question]]", site, "es", strings["es"])
    # an es text in a survey is accepted (not "unknown language"), an empty one is not
    surveys = root / "data" / "surveys.yml"
    surveys.write_text(re.sub(r"(\n(\s+)vi: [^\n]*)", r"\1\n\2es: x", surveys.read_text(encoding="utf-8"), count=1),
                       encoding="utf-8")
    load_site(root, langs, today=dt.date(2026, 12, 1), essentials=ESSENTIALS_LANGS)
    surveys.write_text(surveys.read_text(encoding="utf-8").replace("es: x", "es: ''"), encoding="utf-8")
    with pytest.raises(DataError, match=r"\.es': expected a text in language 'es' \(or no 'es' key\)"):
        load_site(root, langs, today=dt.date(2026, 12, 1), essentials=ESSENTIALS_LANGS)


def test_share_cards_draw_devanagari_and_thai_with_their_own_fonts() -> None:
    import unicodedata

    from tsunagu.kit import cards

    runs = cards._runs("अहिले कुरा गर्नुहोस् — Tsunagu 北九州", "bold", "ne", 40)
    # the dash is not in the Devanagari font: it goes with the next run (a tofu box otherwise)
    assert [text for text, _ in runs] == ["अहिले कुरा गर्नुहोस् ", "— Tsunagu 北九州"]
    assert runs[0][1].getname()[0] == "Noto Sans Devanagari" and "CJK" in runs[1][1].getname()[0]
    thai = "พูดคุยกับใครสักคนตอนนี้เลย" * 3  # Thai writes a phrase without spaces
    lines = cards._wrap(thai, "bold", "th", 68, 1040)
    assert len(lines) > 1 and "".join(lines) == thai
    assert all(unicodedata.category(line[0]) not in ("Mn", "Mc") for line in lines)  # no line starts with a mark
    assert cards._runs(thai, "regular", "th", 30)[0][1].getname()[0] == "Noto Sans Thai"
    assert cards.render(cards.Card("th", "Tsunagu", thai, "ไทย", "Kitakyushu")).startswith(b"\x89PNG")

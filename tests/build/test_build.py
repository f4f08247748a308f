"""Real `mkdocs build --strict` runs: both sites build; bad input stops the build and keeps the old site."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, mkdocs_config
from tests.support.build import build, copy_sample_town
from tsunagu.content.essentials import Essentials

LANGS = [lang["locale"] for lang in next(
    p["i18n"] for p in mkdocs_config()["plugins"]
    if isinstance(p, dict) and "i18n" in p
)["languages"]]
PAGES = sorted(p.stem for p in (ROOT / "docs").glob("*.md") if "." not in p.stem)
HTML_LANG = {"ja": "ja", "ja-easy": "ja", "en": "en", "zh": "zh", "ko": "ko", "vi": "vi", "es": "es", "pt": "pt",
             "id": "id", "tl": "tl", "ne": "ne", "th": "th"}
ESSENTIALS = Essentials(tuple(next(p["tsunagu"] for p in mkdocs_config()["plugins"]
                                   if isinstance(p, dict) and "tsunagu" in p).get("essentials_languages", [])))


def built_in(lang: str, page: str) -> bool:
    """Whether a page (``talk-now``, ``services/childline``) is built in a language (essentials: its set only)."""
    return ESSENTIALS.has(lang, page + ".md")


def _page(site: Path, lang: str, page: str) -> Path:
    prefix = site if lang == LANGS[0] else site / lang
    return prefix / "index.html" if page == "index" else prefix / page / "index.html"


def test_every_page_in_every_language_with_the_right_lang(built_site: Path) -> None:
    assert len(PAGES) >= 12
    for lang in LANGS:
        for page in PAGES:
            if not built_in(lang, page):  # an essentials language: no page, and no silent fallback either
                assert not _page(built_site, lang, page).exists(), (lang, page)
                continue
            html = _page(built_site, lang, page).read_text(encoding="utf-8")
            assert f'<html lang="{HTML_LANG[lang]}"' in html, (lang, page)
            assert "Content-Security-Policy" in html
            assert "[[" not in html, f"unexpanded macro in {lang}/{page}"


def test_no_third_party_references_in_built_html(built_site: Path) -> None:
    # Anything that loads: scripts, styles, images, frames. (rel="canonical" names the page's public
    # address and loads nothing.)
    pattern = re.compile(r'<(?:link(?![^>]*rel="canonical")|script|img|iframe|source)\b[^>]*(?:src|href)="https?://',
                         re.I)
    for html_file in built_site.rglob("*.html"):
        assert not pattern.search(html_file.read_text(encoding="utf-8")), html_file


def test_easy_japanese_main_content_has_furigana_on_every_kanji(built_site: Path) -> None:
    from tsunagu.pages.ruby import kanji_outside_ruby_html

    for page in PAGES:
        html = _page(built_site, "ja-easy", page).read_text(encoding="utf-8")
        main = html[html.index('<article class="md-content__inner'): html.index("</article>")]
        assert "<ruby>" in main
        assert kanji_outside_ruby_html(main) == [], page


def test_easy_japanese_citations_show_readings_over_the_exact_title(built_site: Path) -> None:
    from tsunagu.pages.ruby import bare_citations, strip_html_ruby

    cited = 0
    for path in sorted((built_site / "ja-easy").rglob("index.html")):
        html = path.read_text(encoding="utf-8")
        assert bare_citations(html) == [], path
        cited += html.count("<cite><ruby>")
    assert cited > 50  # service pages, talk-now, numbers, places
    easy = (built_site / "ja-easy" / "services" / "yorisoi-hotline" / "index.html").read_text(encoding="utf-8")
    plain = (built_site / "services" / "yorisoi-hotline" / "index.html").read_text(encoding="utf-8")
    title = "みやき町「相談窓口」（よりそいホットラインの案内）"
    assert f"<cite>{title}</cite>" in plain  # standard Japanese: the title as it is
    easy_titles = [strip_html_ruby(c) for c in re.findall(r"<cite>(.*?)</cite>", easy, re.S)]
    assert title in easy_titles and "<ruby>窓口<rt>まどぐち</rt></ruby>" in easy


def test_easy_japanese_headings_titles_and_toc(built_site: Path) -> None:
    """Generated pages show their heading with furigana; the TOC, nav and title show the base text once."""
    from tsunagu.pages.ruby import kanji_outside_ruby_html

    pages = sorted((built_site / "ja-easy").rglob("index.html"))
    assert len(pages) > 60  # hand-written and generated (services, topics, audiences, results)
    for path in pages:
        html = path.read_text(encoding="utf-8")
        if '<article class="md-content__inner' not in html:
            continue
        main = html[html.index('<article class="md-content__inner'): html.index("</article>")]
        for heading in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", main, re.S):
            assert kanji_outside_ruby_html(heading) == [], (path, heading)
        assert "命いのち" not in html and "電話でんわ" not in html, path
    service = (built_site / "ja-easy" / "services" / "dementia-support-centre" / "index.html").read_text("utf-8")
    assert re.search(r"<h1[^>]*><ruby>北九州市<rt>", service)
    assert "<title>北九州市　認知症支援" in service
    talk = (built_site / "ja-easy" / "talk-now" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="#emergency" class="md-nav__link">\s*<span[^>]*>\s*命が\s+あぶない\s+とき\s*</span>', talk)


def test_unreviewed_translations_say_so_with_a_link_to_the_japanese_page(built_site: Path) -> None:
    import json

    for lang in LANGS[1:]:
        html = _page(built_site, lang, "talk-now").read_text(encoding="utf-8")
        note = re.search(r'<p class="tg-translation-note">(.*?)</p>', html, re.S)
        assert note and 'href="../../talk-now/"' in note.group(1), lang
    assert "tg-translation-note" not in _page(built_site, "ja", "talk-now").read_text(encoding="utf-8")
    data = json.loads((built_site / "data" / "services.json").read_text(encoding="utf-8"))
    assert data["services"][0]["translation_status"]["en"] == {"status": "unreviewed"}


def test_an_avoided_term_stops_the_build_naming_file_line_and_preferred_term(sample_copy: Path) -> None:
    (sample_copy / "data" / "glossary.yml").write_text(
        "terms:\n  - {id: helpline, about: one word, preferred: {en: help line}, avoid: {en: [hotline]}}\n",
        encoding="utf-8")
    page = sample_copy / "docs" / "talk-now.en.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    page.write_text("\n".join([*lines, "", "Call the hotline."]) + "\n", encoding="utf-8")
    result = build(sample_copy / "mkdocs.yml", sample_copy / "site", check=False)
    _assert_failed_and_kept(sample_copy, result.stderr, result.returncode,
                            f"docs/talk-now.en.md, line {len(lines) + 2} (en): 'hotline' is avoided "
                            "(glossary term 'helpline'); write help line")


def test_crisis_strip_has_tel_links_from_data(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    strip = html[html.index('class="tg-crisis"'):]
    strip = strip[: strip.index("</nav>")]
    assert re.findall(r'href="(tel:[^"]+)"', strip) == ["tel:119", "tel:110", "tel:0936534343", "tel:0120279338"]


def test_unconfirmed_numbers_are_never_tappable(built_site: Path) -> None:
    # The old number of Kitakyushu Inochi no Denwa (recorded as superseded in data) and unconfirmed
    # ones must never appear: not in pages, not in the open data.
    data = (ROOT / "data" / "services" / "inochi-no-denwa-kitakyushu.yml").read_text(encoding="utf-8")
    assert "093-671-4343" in data
    for html_file in [*built_site.rglob("*.html"), *built_site.rglob("*.json"), *built_site.rglob("*.csv")]:
        html = html_file.read_text(encoding="utf-8")
        assert "0936714343" not in html and "093-671-4343" not in html
        assert "tel:0938733130" not in html


def test_sample_town_builds_with_the_same_code(sample_site: Path) -> None:
    ja = (sample_site / "index.html").read_text(encoding="utf-8")
    en = (sample_site / "en" / "index.html").read_text(encoding="utf-8")
    assert "見本町" in ja and 'lang="ja"' in ja
    assert "Sample Town" in en and 'lang="en"' in en
    assert 'href="tel:0120000000"' in en
    assert "Kitakyushu" not in en and "北九州" not in ja


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A writable copy of the sample town with an already built site next to it."""
    root = copy_sample_town(tmp_path / "town")
    build(root / "mkdocs.yml", root / "site")
    return root


def _assert_failed_and_kept(root: Path, result_stderr: str, returncode: int, *expected: str) -> None:
    assert returncode != 0
    for text in expected:
        assert text in result_stderr
    assert (root / "site" / "index.html").exists(), "the previous site must be left as it was"
    assert not list(root.glob(".site-building-*")), "the staging folder must be removed"


def test_missing_translation_stops_the_build_and_keeps_the_old_site(sample_copy: Path) -> None:
    (sample_copy / "docs" / "privacy.en.md").unlink()
    result = build(sample_copy / "mkdocs.yml", sample_copy / "site", check=False)
    _assert_failed_and_kept(sample_copy, result.stderr, result.returncode,
                            "docs/privacy.md: no 'en' version; create docs/privacy.en.md")


def test_unknown_locale_file_stops_the_build(sample_copy: Path) -> None:
    (sample_copy / "docs" / "index.pt.md").write_text("# Olá\n", encoding="utf-8")
    result = build(sample_copy / "mkdocs.yml", sample_copy / "site", check=False)
    _assert_failed_and_kept(sample_copy, result.stderr, result.returncode,
                            "docs/index.pt.md: language 'pt' is not one of the site's languages (ja, en)")


def test_bad_data_lists_every_problem_and_keeps_the_old_site(sample_copy: Path) -> None:
    line = sample_copy / "data" / "services" / "town-line.yml"
    line.write_text(line.read_text(encoding="utf-8").replace("0120-000-000", "0120-000")
                    .replace('opens: "09:00"', 'opens: "25:00"'), encoding="utf-8")
    result = build(sample_copy / "mkdocs.yml", sample_copy / "site", check=False)
    _assert_failed_and_kept(
        sample_copy, result.stderr, result.returncode,
        "2 problem(s) in the site's data",
        "data/services/town-line.yml: record 'town-line', key 'contacts[0].value'",
        "key 'contacts[0].hours.weekly[0].opens': expected a time of day",
    )


def test_unknown_macro_id_names_the_page(sample_copy: Path) -> None:
    for name in ("talk-now.md", "talk-now.en.md"):  # in both, or the translation-facts check stops it first
        page = sample_copy / "docs" / name
        page.write_text(page.read_text(encoding="utf-8") + "\n[[service no-such-line]]\n", encoding="utf-8")
    result = build(sample_copy / "mkdocs.yml", sample_copy / "site", check=False)
    _assert_failed_and_kept(sample_copy, result.stderr, result.returncode,
                            "docs/talk-now.md: unknown id(s): [[service no-such-line]]")


def test_missing_furigana_names_the_page(tmp_path: Path) -> None:
    root = copy_sample_town(tmp_path / "town")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - tsunagu:\n" in text
    config.write_text(text.replace("  - tsunagu:\n", "  - tsunagu:\n      furigana_locales: [en]\n"), encoding="utf-8")
    page = root / "docs" / "privacy.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n相談《そうだん》 and 電話\n", encoding="utf-8")
    result = build(config, root / "site", check=False)
    assert result.returncode != 0
    assert "docs/privacy.en.md (en): 1 kanji without furigana" in result.stderr
    assert not (root / "site").exists()


def test_stale_check_date_warns_but_does_not_stop_a_strict_build(sample_copy: Path) -> None:
    line = sample_copy / "data" / "services" / "town-line.yml"
    # the source must predate the check (as_of after checked is an error)
    line.write_text(line.read_text(encoding="utf-8").replace("checked: 2026-11-01", "checked: 2024-05-01")
                    .replace("as_of: 2026-10", "as_of: 2024-04"), encoding="utf-8")
    result = build(sample_copy / "mkdocs.yml", sample_copy / "site", check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert ("WARNING -  data/services/town-line.yml: record 'town-line', key 'contacts[0].checked': "
            "checked 2024-05-01, more than 12 months ago") in result.stderr


def test_share_kit_without_site_url_stops_the_build(sample_copy: Path) -> None:
    config = sample_copy / "mkdocs.yml"
    config.write_text(re.sub(r"^site_url:.*\n", "", config.read_text(encoding="utf-8"), flags=re.M),
                      encoding="utf-8")
    result = build(config, sample_copy / "site", check=False)
    _assert_failed_and_kept(sample_copy, result.stderr, result.returncode,
                            "mkdocs.yml: key 'site_url': expected the site's public address")


def test_bad_share_settings_are_all_named(sample_copy: Path) -> None:
    (sample_copy / "data" / "share.yml").write_text(
        "pages: [index.md, no-such-page.md]\nservices: yes please\n"
        "print:\n  poster: {qr: talk-now.md, links: [gone.md], services: [no-such-line]}\n  banner: {}\n",
        encoding="utf-8")
    result = build(sample_copy / "mkdocs.yml", sample_copy / "site", check=False)
    _assert_failed_and_kept(
        sample_copy, result.stderr, result.returncode,
        "data/share.yml: record 'share', key 'pages[1]': expected a page in docs/",
        "found 'no-such-page.md'",
        "key 'services': expected true or false",
        "key 'print.poster.qr': expected one of the pages listed under pages:; found 'talk-now.md'",
        "key 'print.poster.links[0]': expected a page in docs/",
        "key 'print.poster.services[0]': expected the id of a service in data/services/; found 'no-such-line'",
        "key 'print.banner': expected no such key",
    )


def test_a_published_path_that_disappears_stops_the_build(sample_copy: Path) -> None:
    (sample_copy / "data" / "published-paths.txt").write_text("/\n/talk-now/\n/en/old-help/\n", encoding="utf-8")
    result = build(sample_copy / "mkdocs.yml", sample_copy / "site", check=False)
    _assert_failed_and_kept(sample_copy, result.stderr, result.returncode,
                            "data/published-paths.txt: /en/old-help/ was published",
                            "add it to redirects: in data/share.yml")


def test_a_redirect_keeps_a_published_path_working(sample_copy: Path) -> None:
    (sample_copy / "data" / "published-paths.txt").write_text("/old-help/\n/en/old-help/\n", encoding="utf-8")
    share = sample_copy / "data" / "share.yml"
    share.write_text(share.read_text(encoding="utf-8") + "redirects: {old-help/: talk-now.md}\n", encoding="utf-8")
    build(sample_copy / "mkdocs.yml", sample_copy / "site")
    html = (sample_copy / "site" / "en" / "old-help" / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=../talk-now/"' in html
    assert '<a href="../talk-now/">Talk now</a>' in html


def test_mkdocs_serve_previews_the_site(tmp_path: Path) -> None:
    """The README's first command ends in `mkdocs serve`, which sets site_url to its own http:// address."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    root = copy_sample_town(tmp_path / "town")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = (tmp_path / "serve.log").open("w")
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-f", str(root / "mkdocs.yml"),
               "--dev-addr", f"127.0.0.1:{port}"]
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TSUNAGU_CACHE": str(ROOT / ".cache")})
    try:
        deadline, body = time.monotonic() + 120, b""
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/en/talk-now/", timeout=2) as r:
                    body = r.read()
                break
            except OSError:
                time.sleep(0.5)
        assert b"0120-000-000" in body, (tmp_path / "serve.log").read_text(encoding="utf-8")[-3000:]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/kit/print/en/poster.pdf", timeout=5) as r:
            assert r.read(5) == b"%PDF-"
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def test_sample_town_takes_if_busy_from_strings_and_data(sample_site: Path) -> None:
    for page in (sample_site / "talk-now" / "index.html", sample_site / "en" / "talk-now" / "index.html"):
        html = page.read_text(encoding="utf-8")
        busy = html[html.index('class="tg-if-busy"'):]
        busy = busy[: busy.index("</div>")]
        assert re.findall(r'href="(tel:[^"]+)"', busy) == ["tel:119"]  # the town's only emergency line


def test_typed_numbers_and_hours_stop_the_build_naming_each_line(sample_copy: Path) -> None:
    page = sample_copy / "docs" / "talk-now.en.md"
    lines = page.read_text(encoding="utf-8").count("\n")
    page.write_text(page.read_text(encoding="utf-8") + "Call ０１２０・０００・０００ from 9:00 to 17:00.\n",
                    encoding="utf-8")
    ja = sample_copy / "docs" / "index.md"
    ja.write_text(ja.read_text(encoding="utf-8") + "\n救急は119番、毎日朝8時から。\n", encoding="utf-8")
    result = build(sample_copy / "mkdocs.yml", sample_copy / "site", check=False)
    _assert_failed_and_kept(
        sample_copy, result.stderr, result.returncode,
        "5 phone number(s) or opening hours typed into pages",
        f"docs/talk-now.en.md, line {lines + 1}: phone number '０１２０・０００・０００' typed into the text; "
        "write [[tel ID]]",
        f"docs/talk-now.en.md, line {lines + 1}: opening hours '9:00' typed into the text; remove the hours",
        f"docs/talk-now.en.md, line {lines + 1}: opening hours '17:00'",
        "docs/index.md, line ",
        "phone number '119' typed into the text",
        "opening hours '朝8時' typed into the text",
    )


def test_a_never_publish_number_in_any_form_stops_the_build(sample_copy: Path) -> None:
    # The old number is recorded in data; someone puts it back into the line's name, disguised. The name
    # is on the service pages, in the open data and on the printed poster.
    line = sample_copy / "data" / "services" / "town-line.yml"
    text = line.read_text(encoding="utf-8")
    text = text.replace("name: {ja: 町の相談電話, en: Town help line}",
                        "name: {ja: 町の相談電話（０９３－６７１－４３４３）, en: Town help line (093 671 4343)}")
    text = text.replace("    checked: 2026-11-01\n", "    checked: 2026-11-01\n    superseded:\n"
                        "      - {value: 093-671-4343, source: {title: Town newsletter 2019}}\n", 1)
    line.write_text(text, encoding="utf-8")
    result = build(sample_copy / "mkdocs.yml", sample_copy / "site", check=False)
    _assert_failed_and_kept(
        sample_copy, result.stderr, result.returncode,
        "Numbers that must never be published were found in ",
        "  - 093-671-4343 must never be published (the old number of town-line; listed in "
        "data/services/town-line.yml). Use [[tel town-line]] or [[service town-line]] instead. Found:",
        "      '０９３－６７１－４３４３' in kit/print/ja/places-month.pdf, kit/print/ja/poster.pdf, "
        "data/services.csv, data/services.json, audiences/adults/index.html,",
        "      '093 671 4343' in kit/print/en/places-month.pdf, kit/print/en/poster.pdf, data/services.json, 404.html,",
    )

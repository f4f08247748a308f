"""Material's stylesheet reduced to the rules the built pages use (tsunagu/publish/stylesheets.py, PurgeCSS),
combined with our own stylesheet into one minified file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tsunagu.publish import stylesheets

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("node") is None or not (ROOT / "node_modules" / "purgecss").is_dir(),
                                reason="needs node and npm ci")

MATERIAL = (":root{--md-used:#123;--md-unused-icon:url(x.svg);--md-ours:#456}"
            ".md-header{color:var(--md-used)}.md-search{color:red}h1{margin:0}"
            "[data-md-color-primary=indigo]{color:blue}[data-md-color-primary=custom]{color:teal}"

            "details[open]>summary{font-weight:700}\n/*# sourceMappingURL=main.0123abcd.min.css.map*/")


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "assets" / "stylesheets").mkdir(parents=True)
    (site / "assets" / "tsunagu").mkdir(parents=True)
    (site / "assets" / "stylesheets" / "main.0123abcd.min.css").write_text(MATERIAL, encoding="utf-8")
    (site / "assets" / "stylesheets" / "main.0123abcd.min.css.map").write_text(
        '{"version":3,"sources":[],"names":[],"mappings":""}', encoding="utf-8")
    (site / "assets" / "tsunagu" / "tsunagu.css").write_text(
        "/* ours */\n.tg-x {\n  color: var(--md-ours);\n}\n", encoding="utf-8")
    links = ('<link rel="stylesheet" href="{0}assets/stylesheets/main.0123abcd.min.css">\n'
             '<link rel="stylesheet" href="{0}assets/tsunagu/tsunagu.css">\n')
    body = ('</head><body data-md-color-primary="custom"><header class="md-header"><h1>Hi</h1></header>'
            "<details><summary>More</summary></details><p>A note in words.</p></body></html>")
    (site / "index.html").write_text("<!doctype html><html><head>" + links.format("") + body, encoding="utf-8")
    (site / "en").mkdir()
    (site / "en" / "index.html").write_text("<!doctype html><html><head>" + links.format("../") + body,
                                            encoding="utf-8")
    (site / "404.html").write_text("<!doctype html><html><head>" + links.format("/") + body, encoding="utf-8")
    return site


def test_unused_rules_and_properties_go_used_ones_stay(tmp_path: Path) -> None:
    site = _site(tmp_path)
    renames = stylesheets.reduce(ROOT, site)
    new = renames["main.0123abcd.min.css"]
    assert new != "main.0123abcd.min.css" and stylesheets.NAME.match(new)
    css = (site / "assets" / "stylesheets" / new).read_text(encoding="utf-8")
    assert ".md-header" in css and "h1" in css and "details[open]" in css
    assert "--md-used" in css, "a property a kept rule uses stays"
    assert "--md-ours" in css, "a property our own stylesheet uses stays"
    assert ".md-search" not in css and "--md-unused-icon" not in css
    assert "data-md-color-primary=custom" in css and "indigo" not in css
    assert "sourceMappingURL" not in css
    assert not (site / "assets" / "stylesheets" / "main.0123abcd.min.css").exists()
    assert not (site / "assets" / "stylesheets" / "main.0123abcd.min.css.map").exists()


def test_our_stylesheet_is_appended_minified_and_pages_link_one_file(tmp_path: Path) -> None:
    site = _site(tmp_path)
    new = stylesheets.reduce(ROOT, site)["main.0123abcd.min.css"]
    css = (site / "assets" / "stylesheets" / new).read_text(encoding="utf-8")
    assert css.index(".md-header") < css.index(".tg-x{color:var(--md-ours)}"), "Material first, ours after"
    assert "/*" not in css and "\n  " not in css, "minified"
    assert not (site / "assets" / "tsunagu" / "tsunagu.css").exists()
    for page, prefix in (("index.html", ""), ("en/index.html", "../"), ("404.html", "/")):
        html = (site / page).read_text(encoding="utf-8")
        assert html.count('rel="stylesheet"') == 1, page
        assert f'<link rel="stylesheet" href="{prefix}assets/stylesheets/{new}">' in html, page
        assert "0123abcd" not in html and "tsunagu.css" not in html


def test_a_relative_url_in_our_stylesheet_is_refused(tmp_path: Path) -> None:
    site = _site(tmp_path)
    (site / "assets" / "tsunagu" / "tsunagu.css").write_text(".tg-x{background:url(bg.png)}", encoding="utf-8")
    with pytest.raises(stylesheets.StylesheetError, match="url"):
        stylesheets.reduce(ROOT, site)


def test_same_site_same_output(tmp_path: Path) -> None:
    first = stylesheets.reduce(ROOT, _site(tmp_path / "a"))
    second = stylesheets.reduce(ROOT, _site(tmp_path / "b"))
    assert first == second

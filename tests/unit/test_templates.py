"""The Jinja environment that makes the HTML from data: autoescape on, StrictUndefined, and the filters that
keep the page's furigana behaviour (text nodes get <ruby>, attributes plain text)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest

from tsunagu.data.loader import load_site
from tsunagu.data.model import Site
from tsunagu.data.strings import load_strings
from tsunagu.directory import listing
from tsunagu.kit import sharekit
from tsunagu.pages import fragments, templates
from tsunagu.selfcheck_site import form

ROOT = Path(__file__).resolve().parent.parent.parent
STRINGS = load_strings(("ja", "en"))


@pytest.fixture(scope="module")
def town() -> Site:
    return load_site(ROOT / "tests" / "data" / "base", ("ja", "en"), today=dt.date(2026, 11, 26))


def test_every_template_compiles() -> None:
    env = templates.environment()
    names = env.list_templates()
    assert {"fragments.html", "directory.html", "selfcheck.html", "charts.html", "if_busy.html",
            "share_kit.html", "redirect.html"} <= set(names)
    for name in names:
        env.get_template(name)  # a syntax error raises here, not on the page that happens to use it


def test_templates_ship_as_package_data() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"templates/*.html"' in pyproject
    assert templates.TEMPLATE_DIR == ROOT / "tsunagu" / "templates"


def test_a_missing_variable_is_an_error() -> None:
    with pytest.raises(jinja2.UndefinedError):
        templates.environment().from_string("<p>{{ missing }}</p>").render()
    # A macro called without one of its arguments fails too, instead of printing an empty string.
    with pytest.raises(jinja2.UndefinedError):
        templates.macro("fragments.html", "endonym", "vi")
    with pytest.raises(jinja2.UndefinedError):
        templates.macro("fragments.html", "cite", SimpleNamespace(url="https://example.org/"))  # no title


def test_autoescape_quotes_in_an_href() -> None:
    source = SimpleNamespace(url='https://example.org/?q="x"&a=<1>', title='"A" & <B>')
    out = templates.macro("fragments.html", "cite", source)
    assert out == ('<a href="https://example.org/?q=&#34;x&#34;&amp;a=&lt;1&gt;" rel="noreferrer">'
                   "<cite>&#34;A&#34; &amp; &lt;B&gt;</cite></a>")


def test_ruby_filter_is_the_text_node_behaviour() -> None:
    env = templates.environment()
    out = env.from_string("<p>{{ v|ruby }}</p>").render(v='｜北九州市《きたきゅうしゅうし》の相談《そうだん》 & "<x>"')
    # Quotes stay as they are in a text node; & and < > are escaped; notation becomes <ruby>.
    assert out == ('<p><ruby>北九州市<rt>きたきゅうしゅうし</rt></ruby>の<ruby>相談<rt>そうだん</rt></ruby>'
                   ' &amp; "&lt;x&gt;"</p>')
    assert fragments.text('相談《そうだん》 & "x"') == '<ruby>相談<rt>そうだん</rt></ruby> &amp; "x"'
    # The reading cannot smuggle markup into <rt> (it is escaped twice, as before the templates: readings
    # are kana, so this never shows).
    out = env.from_string("{{ v|ruby }}").render(v="相談《<b>》")
    assert out.startswith("<ruby>相談<rt>") and "<b>" not in out


def test_plain_and_reading_filters_in_attributes() -> None:
    env = templates.environment()
    out = env.from_string('<a title="{{ v|plain }}" data-r="{{ v|reading }}">').render(v='相談《そうだん》"')
    assert out == '<a title="相談&#34;" data-r="そうだん&#34;">'


def test_esc_filter_spells_quotes_as_html_escape() -> None:
    out = templates.environment().from_string('<i data-x="{{ v|esc }}">').render(v='{"a":1}')
    assert out == '<i data-x="{&quot;a&quot;:1}">'


def test_hrefs_from_url_for_are_escaped_now(town: Site) -> None:
    """These hrefs were put into the page unescaped before the templates."""
    service = next(sv for sv in town.services.values() if sv.topics)
    page = listing.service_page(service, town, "en", STRINGS["en"], lambda p: f'/x"y/{p}')
    assert 'href="/x&#34;y/topics/' in page and 'href="/x"y' not in page
    bundle = {"services": {"a": {"page": '/p?"q', "name_html": "<b>Name</b>", "lines_html": "<ul></ul>"}}}
    entries = form.entries(bundle, ["a"])
    assert entries == ('<ul class="tg-entries"><li class="tg-entry" data-tg-service="a">'
                       '<a class="tg-entry__name" href="/p?&#34;q"><b>Name</b></a><ul></ul></li></ul>')


def test_contact_value_is_escaped_in_href_and_text(town: Site) -> None:
    service = next(sv for sv in town.services.values() if sv.contacts)
    web = dataclasses.replace(service.contacts[0], type="web", value='https://example.org/?a="1"&b=<2>',
                              label={}, status="verified", note={}, source=None, checked=None)
    service = dataclasses.replace(service, contacts=(web,))
    row = fragments.contact_row(web, service, "en", STRINGS["en"])
    assert 'href="https://example.org/?a=&#34;1&#34;&amp;b=&lt;2&gt;"' in row
    assert ">https://example.org/?a=&#34;1&#34;&amp;b=&lt;2&gt;</a>" in row


def test_redirect_page(tmp_path: Path) -> None:
    sharekit.write_redirect(tmp_path, "old/", "../new/?a=1&b=2", "Talk now & <here>")
    html = (tmp_path / "old" / "index.html").read_text(encoding="utf-8")
    assert html == (
        '<!doctype html>\n<html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        '<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">'
        '<meta http-equiv="refresh" content="0; url=../new/?a=1&amp;b=2">'
        '<link rel="canonical" href="../new/?a=1&amp;b=2"><title>Talk now &amp; &lt;here&gt;</title></head>'
        '<body><p><a href="../new/?a=1&amp;b=2">Talk now &amp; &lt;here&gt;</a></p></body></html>\n'
    )

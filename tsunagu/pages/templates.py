"""The one Jinja environment for HTML made from data (cards, listings, the self-check form, charts).

Autoescape is on, so a value reaches the page escaped unless a filter says it is HTML already, and
StrictUndefined turns a misspelt variable into an error instead of an empty string on a live page.
Templates live in ``tsunagu/templates/`` (package data). Much of this HTML is joined without newlines
(the golden files and the built site are compared byte for byte), so templates keep their markup on one
line or end a line with ``{#- -#}``, which joins it to the next.

Filters:
- ``ruby``: a text node from data: escaped (``&``, ``<``, ``>``; quotes left as they are, as in a text
  node), then furigana notation ``漢字《かんじ》`` becomes ``<ruby>``.
- ``plain``: furigana notation reduced to its base text, for attributes (then autoescaped).
- ``reading``: furigana notation replaced by its reading, for places ``<ruby>`` cannot go (``<option>``, SVG).
- ``esc``: escaped the way ``html.escape`` spells it (``&quot;``, not markupsafe's ``&#34;``): for JSON in
  attributes (``data-tg-hours``), whose exact bytes the golden files and the pages' hashes hold.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from tsunagu.pages import ruby

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"


def ruby_html(value: object) -> Markup:
    """Escape a text node, turning ruby notation into ``<ruby>``."""
    return Markup(ruby.to_html(html.escape(str(value), quote=False)))


def esc(value: object) -> Markup:
    return Markup(html.escape(str(value)))


FILTERS: dict[str, Callable[[Any], Any]] = {
    "ruby": ruby_html,
    "plain": lambda v: ruby.strip(str(v)),
    "reading": lambda v: ruby.reading(str(v)),
    "esc": esc,
}
"""Also given to the print materials' environment (tsunagu/kit/printkit.py), whose templates are the city's."""


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return feature_environment(TEMPLATE_DIR)


@cache
def feature_environment(folder: Path) -> jinja2.Environment:
    """The same settings and filters for a feature folder's own templates (finder/, places/)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    return env


def render(name: str, **context: Any) -> str:
    """A whole template as a plain ``str`` (not Markup: callers join it with other strings)."""
    return str(environment().get_template(name).render(**context))


def macro(template: str, name: str, *args: Any, **kwargs: Any) -> str:
    """Call one macro of a template; its HTML as a plain ``str``."""
    return str(getattr(_module(template), name)(*args, **kwargs))


@cache
def _module(template: str) -> Any:
    # Templates are package files that do not change during a build: load each once (get_template would
    # check the file's modification time on every call, thousands of times per build).
    return environment().get_template(template).module


def html_(value: str) -> Markup:
    """HTML made by another template or function, passed into a template as is."""
    return Markup(value)

"""Settings of the ``tsunagu`` MkDocs plugin (the schema only)."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

from tsunagu.content.essentials import ESSENTIAL_PAGES, FALLBACK_LANGUAGES


class TsunaguConfig(Config):  # type: ignore[no-untyped-call]
    data_dir = opt.Type(str, default="data")
    """Folder with the city's data (site.yml, surveys.yml, services/), relative to mkdocs.yml."""
    furigana_locales = opt.ListOfItems(opt.Type(str), default=["ja-easy"])
    """Languages whose pages must put furigana (<ruby>) on every kanji in the main content."""
    wasm_pages = opt.ListOfItems(opt.Type(str), default=[])
    """Pages (source paths such as ``self-check.md``) whose CSP allows 'wasm-unsafe-eval'."""
    talk_now_page = opt.Type(str, default="talk-now.md")
    """The page the crisis strip's "more lines" link opens (a path in docs/)."""
    privacy_page = opt.Type(str, default="privacy.md")
    """The page the footer's privacy note links to (a path in docs/)."""
    offline_pages = opt.ListOfItems(opt.Type(str), default=[])
    """Pages (sources in docs/, wildcards allowed) the service worker keeps for offline use, in the visitor's
    language. Empty: no service worker."""
    essentials_languages = opt.ListOfItems(opt.Type(str), default=[])
    """Languages (of plugins.i18n.languages) complete for the essentials pages only; the menu offers every other
    page in English and やさしい日本語 (tsunagu/content/essentials.py)."""
    essentials_pages = opt.ListOfItems(opt.Type(str), default=list(ESSENTIAL_PAGES))
    """The essentials set: pages (sources in docs/, wildcards allowed) an essentials language has."""
    essentials_fallback = opt.ListOfItems(opt.Type(str), default=list(FALLBACK_LANGUAGES))
    """Full languages in which the menu offers the pages an essentials language does not have."""
    atomic_build = opt.Type(bool, default=True)
    """``mkdocs build`` writes into a temporary folder and replaces site_dir only on success."""

"""What the site's languages are, read from mkdocs-static-i18n's settings (one list, in mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError


def i18n_languages(config: MkDocsConfig) -> tuple[str, list[str]]:
    """The site's languages come from static-i18n's settings: one list, in mkdocs.yml."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("tsunagu needs the i18n plugin (mkdocs-static-i18n) in mkdocs.yml")
    langs = [lang.locale for lang in i18n.config.languages]
    default = next((lang.locale for lang in i18n.config.languages if lang.default), langs[0])
    return default, langs


def language_names(config: MkDocsConfig) -> dict[str, str]:
    i18n = config.plugins.get("i18n")
    return {str(lang.locale): str(lang.name or lang.locale)
            for lang in (getattr(i18n, "config", {}).get("languages", []) if i18n else [])}


def site_name(config: MkDocsConfig, lang: str) -> str:
    i18n = config.plugins.get("i18n")
    for language in getattr(i18n, "config", {}).get("languages", []) if i18n else []:
        if language.locale == lang and language.site_name:
            return str(language.site_name)
    return str(config.site_name)  # on_config runs before static-i18n renames the site per language

"""The languages of a build, as mkdocs-static-i18n sets them (MkDocs' default language without it)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def default_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        return str(i18n.default_language)
    return str(config.theme.get("language", "en"))


def languages(config: MkDocsConfig) -> list[str]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [default_language(config)]
    return [lang.locale for lang in i18n.config.languages]


def current_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return str(i18n.current_language) if i18n is not None else default_language(config)


def nested_language_build(config: MkDocsConfig) -> bool:
    """A language mkdocs-static-i18n builds inside the first one's on_post_build."""
    i18n = config.plugins.get("i18n")
    return i18n is not None and bool(getattr(i18n, "building", False))


def page_language(file: object, config: MkDocsConfig) -> str:
    """A page's language: i18n sets ``file.locale`` after its on_files."""
    return getattr(file, "locale", None) or default_language(config)

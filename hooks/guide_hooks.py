"""MkDocs' events, bound to the guide's one ``GuideSite`` (hooks/guide/site/guide_site.py).

MkDocs looks hooks up as attributes of this module; everything they do and
everything they share lives in the object. The priorities place the guide's
events around mkdocs-static-i18n's (-100), as ``GuideSite`` explains.
"""

from __future__ import annotations

from guide.site.guide_site import GuideSite

site = GuideSite()

on_startup = site.on_startup
on_serve = site.on_serve
on_shutdown = site.on_shutdown
on_build_error = site.on_build_error
on_config = site.on_config  # before i18n's: it sees the stub pages and navigation as hand-written
on_pre_build = site.on_pre_build
on_files = site.on_files  # after i18n's, which gives each language its files
on_nav = site.on_nav
on_env = site.on_env
on_page_markdown = site.on_page_markdown
on_page_content = site.on_page_content
on_post_template = site.on_post_template
on_post_page = site.on_post_page
on_post_build = site.on_post_build  # after i18n's, which built the other languages

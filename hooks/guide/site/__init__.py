"""Site: the MkDocs wiring (``GuideSite``), stub pages and navigation, search indexes, sitemaps, passes over finished HTML.

The one folder that speaks MkDocs, Material and mkdocs-static-i18n; it asks
``content``, ``history``, ``render`` and ``exports`` for everything they know.
"""

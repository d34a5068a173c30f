"""Site: the MkDocs wiring (``GuideSite``), stub pages and navigation, search indexes, sitemaps,
and the passes over finished HTML (CSP, head, ids, page scripts, glossary).
"""

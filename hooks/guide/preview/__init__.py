"""Preview: what only ``make serve`` needs (rebuilding only the pages an edit changed, speed-ups).

Nothing here runs in a published build or ``mkdocs build``.
"""

"""The competency guide: content model, validation and renderers.

Nothing in this package imports MkDocs: the hooks in ``hooks/guide_hooks.py``
are the only wiring, so every piece here can be tested on its own.
"""

"""Renderers: pure functions from the model and a language to Markdown.

No file I/O and no MkDocs here. Each renderer returns the Markdown and the
search entries (one per item) that let search find an item on its own.
"""

"""Exports: the guide as open data (JSON, CSV, CASE packages) and the JSON Schemas that describe them.

No MkDocs: model + language -> files.
"""

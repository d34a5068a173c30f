"""Content: read content_data/ into one validated ``Guide`` (YAML -> typed model, errors with file and line).

No MkDocs, no git, no caches: the same model serves the build, ``make check`` and any other generator.
"""

"""History: everything read from git (build date, releases, what changed, text dates, translation status).

No MkDocs: each function takes the repository root and returns plain values.
"""

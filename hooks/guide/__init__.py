"""The competency guide's build, in folders named for the stages of a build (see ARCHITECTURE.md).

``content`` (YAML -> validated ``Guide``), ``history`` (facts read from git),
``render`` (model + language -> Markdown/HTML) and ``exports`` (open data, CASE,
schemas) import nothing from MkDocs, Material or mkdocs-static-i18n, so each can
be tested on its own and serve another generator. ``site`` is the MkDocs wiring
(``GuideSite``, bound to MkDocs' events by ``hooks/guide_hooks.py``); ``publish``
adds what a published build prints and zips; ``preview`` holds what only
``make serve`` needs.
"""

# The README's two commands are `make serve` and `make test`. Every target sets
# up what it needs by itself: a virtual environment installed from a lock file
# and, for the browser tests, the system Chromium. Previewing and building
# install only the build's packages (requirements/build.lock); the targets that
# drive a browser or run the tests add the test toolchain (requirements/test.lock).

PYTHON ?= python3
PORT   ?= 8000
export NO_MKDOCS_2_WARNING := 1
# The scripts and the benchmark import the guide's package from hooks/ (pytest
# reads the same from pyproject.toml): no script edits sys.path.
export PYTHONPATH := $(CURDIR)/hooks$(if $(PYTHONPATH),:$(PYTHONPATH))
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-build
TEST_STAMP := $(VENV)/.installed-test
PIP    := $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: serve test quick lint build check schema translations competency reviewed release markdown bench lock chromium print-tools vnu clean

# PORT reaches the shell as an environment variable, in quotes: data, never code.
serve: export GUIDE_MAKE_PORT := $(value PORT)
serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload --dirty --dev-addr "127.0.0.1:$$GUIDE_MAKE_PORT"

# The published site: pages, open data, offline zip and every PDF (card decks,
# run sheets), printed by the system Chromium. Needs SITE_URL, the public address
# the cards' QR codes point at; the build stops and says so without it.
build: $(STAMP) print-tools
	GUIDE_PUBLISH=1 $(BIN)/mkdocs build --strict

test: lint chromium vnu
	@$(BIN)/python scripts/translation_status.py
	$(BIN)/python -m pytest

# The tests that need no build, no server and no browser, for a quick look while
# working (marks in pyproject.toml); `make test` before pushing runs everything.
quick: lint
	$(BIN)/python -m pytest -m "not build and not serve and not browser"

# Mistakes a reader of the code would catch (ruff), and types (mypy): pyproject.toml.
lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

# Validate content_data/ with the build's rules (each page rendered, as the build
# does, for the ids its sections use), in a second or two.
check: $(STAMP)
	$(BIN)/python scripts/check_content.py

# Regenerate schemas/ from the content model after changing hooks/guide/content/model.py.
schema: $(STAMP)
	$(BIN)/python scripts/write_schemas.py

# Items whose English and French were last changed apart, from git history.
translations: $(STAMP)
	$(BIN)/python scripts/translation_status.py

# The values of ID, VERSION, DATE (and PORT, above) are data, never shell: each reaches its
# script unexpanded ($(value …) into a simply expanded variable) through the
# recipe's environment, so neither make nor the shell reads what an editor typed
# (pasted from a chat, VERSION='1.1; touch x' is refused as no version number).
# `unexport` keeps make from expanding them (a $(shell …) inside) to export them.
unexport ID VERSION DATE PORT

# A new competency's folder, every text marked to write: make competency ID=teamwork
competency: export GUIDE_MAKE_ID := $(value ID)
competency: $(STAMP)
	$(BIN)/python scripts/new_competency.py

# Record that an item's other language was checked: make reviewed ID=item-id
reviewed: export GUIDE_MAKE_ID := $(value ID)
reviewed: $(STAMP)
	$(BIN)/python scripts/mark_reviewed.py

# Record a release: make release VERSION=1.1 (DATE=YYYY-MM-DD, default today):
# sets the catalogue's version and day, adds the changelog entry, commits, tags v1.1.
release: export GUIDE_MAKE_VERSION := $(value VERSION)
release: export GUIDE_MAKE_DATE := $(value DATE)
release: $(STAMP)
	$(BIN)/python scripts/release.py

# The guide as plain Markdown and a hook-free mkdocs.yml, in OUT (default markdown-export/):
# it builds with MkDocs, Material and mkdocs-static-i18n as they ship, e.g.
# cd markdown-export && mkdocs build --strict; then PYTHONPATH=hooks python -m
# guide.site.finished_html markdown-export/site gives the pages the hooks' passes
# (policy, glossary tooltips, page scripts). GENERATOR=zensical writes the links for
# Zensical. Both reach the script in its environment, never in a shell line.
markdown: export OUT ?= markdown-export
markdown: export GENERATOR ?= mkdocs
markdown: $(STAMP)
	$(BIN)/python scripts/export_markdown.py

bench: $(TEST_STAMP) chromium bench/node_modules/.package-lock.json
	PYTHONPATH=$(CURDIR)/tests:$$PYTHONPATH $(BIN)/python bench/run.py

# Lighthouse, for the benchmark only (npm ci: exactly bench/package-lock.json).
bench/node_modules/.package-lock.json: bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund

chromium:
	@sh scripts/ensure-chromium.sh

# The W3C Nu HTML Checker the tests run with the system Java: exactly the vnu-jar of
# tests/vnu/package-lock.json (--ignore-scripts: its postinstall would fetch a Java).
vnu: tests/vnu/node_modules/.package-lock.json
tests/vnu/node_modules/.package-lock.json: tests/vnu/package-lock.json
	cd tests/vnu && npm ci --no-audit --no-fund --ignore-scripts

# Only what printing the PDFs needs (Chromium and a font), for `make build`.
print-tools:
	@sh scripts/ensure-chromium.sh print

# The virtual environment itself. Debian and Ubuntu ship venv separately, and the
# pinned packages need Python 3.11.5 or newer (Debian 12's python3 is 3.11.2): say
# so instead of failing later in pip or leaving a half-made .venv behind.
NEED_PYTHON := import sys; sys.exit(sys.version_info < (3, 11, 5))
$(BIN)/pip:
	@$(PYTHON) -c '$(NEED_PYTHON)' || { v=$$($(PYTHON) --version 2>&1); \
	  echo "Python 3.11.5 or newer is needed; $(PYTHON) is $$v. Run again with PYTHON=python3.12 (or another newer Python)." >&2; exit 1; }
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	  echo "Could not create $(VENV). On Debian/Ubuntu: sudo apt-get install python3-venv" >&2; exit 1; }

# Each group re-installs whenever its lock file changes.
$(STAMP): requirements/build.lock | $(BIN)/pip
	@$(BIN)/python -c '$(NEED_PYTHON)' || { v=$$($(BIN)/python --version 2>&1); \
	  echo "$(VENV) was made with $$v, too old: rm -rf $(VENV), then run again with Python 3.11.5 or newer." >&2; exit 1; }
	$(PIP) -r requirements/build.lock
	touch $(STAMP)

$(TEST_STAMP): requirements/test.lock $(STAMP)
	$(PIP) -r requirements/test.lock
	touch $(TEST_STAMP)

# Re-resolves the .in files into the lock files (run after changing a pin): the
# build first, then the tests with the build's pins as constraints, so the two
# locks never disagree on a package they share.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -r requirements/build.in
	{ echo '# Generated by `make lock` from build.in: every package the build needs, pinned,'; \
	  echo '# so a fresh machine previews and builds with exactly what CI tested. Do not edit by hand.'; \
	  .lock-venv/bin/pip freeze; } > requirements/build.lock
	.lock-venv/bin/pip install --quiet -c requirements/build.lock -r requirements/test.in
	{ echo '# Generated by `make lock` from test.in, with build.lock as a constraint: what the'; \
	  echo '# tests add on top of the build, pinned. Installing this file installs both. Do not edit by hand.'; \
	  echo '-r build.lock'; \
	  .lock-venv/bin/pip freeze | grep -vxF -f requirements/build.lock; } > requirements/test.lock
	rm -rf .lock-venv

clean:
	rm -rf site .pytest_cache .ruff_cache .mypy_cache test-output markdown-export

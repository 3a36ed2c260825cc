# Two commands do everything (see README):
#   make run   - install into .venv and start the app on the sample fact base
#   make test  - install into .venv and run ruff and the whole test suite
# and, for releases:
#   make package - the one-folder desktop bundle dist/briefing-app/ (packaging/README.md)
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench package translations system-deps clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

system-deps:
	@sh scripts/install-system-deps

run: $(STAMP) system-deps
	$(VENV)/bin/briefing-app

lint: $(STAMP)
	$(VENV)/bin/ruff check .

test: $(STAMP) system-deps lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(STAMP)
	$(PY) bench/run_all.py

# The Spanish translation (resources/translations/README.md): lupdate collects every marked
# string of the UI into the .ts (translations kept, vanished strings dropped), lrelease
# compiles it into the .qm the app loads. Both files are committed.
TS_DIR := resources/translations
TS     := $(TS_DIR)/briefing_app_es.ts

translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -extensions py -locations none -no-obsolete briefing_app/ui -ts $(TS)
	$(VENV)/bin/pyside6-lrelease $(TS) -qm $(TS:.ts=.qm)

package: $(STAMP)
	$(PY) packaging/build.py --dist dist --work build/pyinstaller

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache

# The one entry point: `make demo` builds and serves the demo portal, `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install demo serve worker test lint bench translations messages clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed

translations: install
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v0

messages: install
	$(PY) manage.py makemessages -l da -l en --ignore=.venv --ignore=node_modules --ignore=static --ignore=bench
	$(PY) manage.py makemessages -d djangojs -l da -l en --ignore=.venv --ignore=node_modules --ignore=static

demo: install translations
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py load_demo
	@echo "Tilsynsportalen kører på http://$(HOST):$(PORT)/ (Ctrl-C stopper)"
	@trap 'kill 0' INT TERM EXIT; \
	$(MAKE) --no-print-directory worker & \
	$(PY) manage.py runserver $(HOST):$(PORT) --noreload

# Background work: the django-tasks database worker, and scheduled publishing every minute.
worker:
	@trap 'kill 0' INT TERM EXIT; \
	(while true; do $(PY) manage.py publish_scheduled -v0; sleep 60; done) & \
	$(PY) manage.py db_worker

test: install translations
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || \
		{ [ "$$(id -u)" = 0 ] && apt-get install -y -qq chromium >/dev/null; } || \
		{ echo "Browser-testene kræver Debians chromium: sudo apt-get install chromium"; exit 1; }
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check templates portal/templates guidance/templates network/templates

bench: install translations
	$(PY) bench/pages.py

clean:
	rm -rf $(VENV) node_modules static db.sqlite3 db.sqlite3-wal db.sqlite3-shm

# The one entry point: `make demo` builds and serves the demo portal, `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install lock gettext demo serve worker test check suite lint backup restore bench bench-pages bench-monitoring bench-network bench-search bench-signed-in loadtest loadtest-faults translations messages clean

# Exactly the versions in requirements.lock, installed by uv (its version pinned there too) and
# byte-compiled as pip does, so no process compiles them again (or every one, where
# PYTHONDONTWRITEBYTECODE is set); `uv pip check` fails if pyproject.toml asks for a package the
# lock lacks (then run `make lock`).
UV := $(VENV)/bin/uv pip --quiet
$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet "$$(grep '^uv==' requirements.lock)"
	$(UV) install --python $(PY) --compile-bytecode -r requirements.lock
	$(UV) install --python $(PY) --compile-bytecode --no-deps -e .
	$(UV) check --python $(PY)
	touch $@

# After changing a dependency or its bounds in pyproject.toml: pin the versions again.
lock: $(VENV)/.installed
	$(VENV)/bin/pip-compile --quiet --extra dev --strip-extras --no-emit-index-url \
		--no-emit-find-links -o requirements.lock pyproject.toml

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed

# msgfmt and xgettext, which compilemessages and makemessages run.
gettext:
	@command -v msgfmt >/dev/null 2>&1 || \
		{ [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq gettext >/dev/null; } || \
		{ echo "Oversættelserne kræver GNU gettext: sudo apt-get install gettext"; exit 1; }

translations: install gettext
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v0

# Danish is the source language of every string, so only English has a catalogue to translate.
messages: install gettext
	$(PY) manage.py makemessages -l en --no-obsolete --no-location --ignore=.venv --ignore=node_modules --ignore=static --ignore=bench
	$(PY) manage.py makemessages -d djangojs -l en --no-obsolete --no-location --ignore=.venv --ignore=node_modules --ignore=static --ignore=bench

# The demo's key figures are synthetic, generated as if evaluated on 30 September 2025.
demo: export MONITORING_EVALUATION_DATE = 2025-09-30
# The server, the task worker and scheduled publishing share one cache, so each sees the others'
# changes at once (a local-memory cache would be each process's own).
demo: export CACHE_DIR = $(CURDIR)/var/demo-cache
demo: install translations
	rm -rf "$(CACHE_DIR)"
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py load_demo
	@echo "Tilsynsportalen kører på http://$(HOST):$(PORT)/ (Ctrl-C stopper)"
	@trap 'kill 0' INT TERM EXIT; \
	$(MAKE) --no-print-directory worker & \
	$(PY) manage.py runserver $(HOST):$(PORT) --noreload

# Background work: the django-tasks database worker, scheduled publishing every minute, and the
# networks' e-mail digests at 6 in the morning (daily; weekly on Mondays). The half-hourly check
# can see 6 o'clock twice; a digest sent once is not sent again.
worker:
	@trap 'kill 0' INT TERM EXIT; \
	(while true; do $(PY) manage.py publish_scheduled -v0; sleep 60; done) & \
	(while true; do if [ "$$(date +%H)" = 06 ]; then \
		$(PY) manage.py send_network_digests --frequency daily -v0; \
		[ "$$(date +%u)" = 1 ] && $(PY) manage.py send_network_digests --frequency weekly -v0; \
	fi; sleep 1800; done) & \
	$(PY) manage.py task_worker

# One pytest worker per core, each taking whole modules (their heavy fixtures are set up once)
# and a module's tests that flush the database together, after every other database test
# (tests/conftest.py);
# PYTEST_ARGS passes more, e.g. PYTEST_ARGS=--ignore=tests/browser.
# `make test` is `make check` (which lints) then `make suite`; .ci/run checks once and runs the
# suite twice.
TEST_WORKERS ?= auto
test: check suite

# The lint, Django's system checks and no model change without its migration.
check: lint translations
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

suite: install translations
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || \
		{ [ "$$(id -u)" = 0 ] && apt-get install -y -qq chromium >/dev/null; } || \
		{ echo "Browser-testene kræver Debians chromium: sudo apt-get install chromium"; exit 1; }
	$(VENV)/bin/pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

# A backup folder (database, private files, manifest) and a restore that checks it; see README.
BACKUP_DIR ?= var/backups/$(shell date +%Y%m%dT%H%M%S)
backup: install
	$(PY) manage.py backup $(BACKUP_DIR)

restore: install
	@test -n "$(BACKUP)" || { echo "Brug: make restore BACKUP=var/backups/<tidspunkt>"; exit 1; }
	$(PY) manage.py restore $(BACKUP)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	git ls-files '*.html' | xargs $(VENV)/bin/djhtml --check

# `make bench` runs every benchmark; the monitoring one only on PostgreSQL (DATABASE_URL).
bench: bench-pages bench-network bench-search
	@if [ -n "$$DATABASE_URL" ]; then $(MAKE) --no-print-directory bench-monitoring; \
	else echo "bench-monitoring skipped: it needs DATABASE_URL=postgres://..."; fi

bench-pages: install translations
	$(PY) -m bench.pages $(BENCH_ARGS)

bench-monitoring: install translations
	$(PY) -m bench.monitoring $(BENCH_MONITORING_ARGS)

bench-network: install translations
	$(PY) -m bench.network $(BENCH_NETWORK_ARGS)

bench-search: install translations
	$(PY) -m bench.search $(BENCH_SEARCH_ARGS)

# Every page a signed-in member and caseworker open (issue 16), on PostgreSQL (DATABASE_URL).
bench-signed-in: install translations
	$(PY) -m bench.signed_in $(BENCH_SIGNED_IN_ARGS)

# The portal as in production under USERS users' mixed journeys for DURATION seconds, on the
# PostgreSQL database in DATABASE_URL (emptied); loadtest-faults adds the faults. See
# docs/performance.md.
USERS ?= 50
DURATION ?= 300
loadtest: install translations
	USERS=$(USERS) DURATION=$(DURATION) $(PY) -m bench.loadtest

loadtest-faults: install translations
	USERS=$(USERS) DURATION=$(DURATION) $(PY) -m bench.faults

clean:
	rm -rf $(VENV) node_modules static db.sqlite3 db.sqlite3-wal db.sqlite3-shm

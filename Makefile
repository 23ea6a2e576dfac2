# Prongsai — the two commands a newcomer needs are `make demo` and `make test` (see README).
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
DEMO_ADDR ?= 127.0.0.1:8000
PG_TEST_URL ?= $(DATABASE_URL)

# Find Python 3.12+ (pyenv reads .python-version), or stop with a clear message.
PYTHON_BIN := $(shell for c in python3.12 python3.13 python3.14 python3; do \
	if command -v $$c >/dev/null 2>&1 && $$c -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then command -v $$c; break; fi; done)

.PHONY: help install demo test system-deps gettext-dep bench lint format lock clean check-python stack stack-down stack-smoke

help:
	@echo "make demo   - install everything and serve the demo site on http://$(DEMO_ADDR)"
	@echo "make test   - install everything and run the whole test suite (SQLite, PostgreSQL if DATABASE_URL, browser)"
	@echo "make bench  - run the benchmarks in bench/"
	@echo "make lint   - ruff check, ruff format --check, makemigrations --check, ASVS checklist coverage"
	@echo "make stack  - the production stack on loopback (PostgreSQL, Redis, nginx, gunicorn, worker, scheduler); make stack-down"

check-python:
	@if [ -z "$(PYTHON_BIN)" ]; then \
		echo "Prongsai needs Python 3.12 or newer (python3.12, python3.13 ...). Install it (e.g. 'pyenv install 3.12') and run make again." >&2; \
		exit 1; fi

$(STAMP): pyproject.toml requirements.lock | check-python
	@test -x $(PY) || $(PYTHON_BIN) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.lock
	$(PIP) install --quiet --no-deps -e .
	@touch $(STAMP)

# Prongsai's Thai catalogues (prongsai/locale: django.po, and djangojs.po for Wagtail's scripts;
# docs/adr/0110, 0335) are compiled here: msgfmt --check
# also refuses a translation whose %(placeholders)s differ from the original's.
LOCALE_MO := $(patsubst %.po,%.mo,$(wildcard prongsai/locale/*/LC_MESSAGES/*.po))

prongsai/locale/%.mo: prongsai/locale/%.po | gettext-dep
	msgfmt --check -o $@ $<

# msgfmt (Debian's gettext), installed when missing: `make demo` needs it as much as `make test`.
gettext-dep:
	@command -v msgfmt >/dev/null 2>&1 || { \
		echo "Installing the Debian package gettext (msgfmt) to compile the Thai catalogue"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq gettext >/dev/null; }

install: $(STAMP) $(LOCALE_MO)

demo: install
	export DJANGO_SETTINGS_MODULE=config.settings.demo; \
	$(PY) manage.py migrate --noinput && \
	$(PY) manage.py collectstatic --noinput --verbosity 0 && \
	$(PY) manage.py load_demo $(if $(PROFILE),--profile $(PROFILE)) && \
	$(PY) manage.py run_demo $(DEMO_ADDR)

# Debian packages the tests use, installed when missing (root or sudo needed once):
# Chromium for the browser tests, poppler-utils to turn evidence PDFs into pictures, gettext to
# compile the Thai catalogue, a Thai font so the browser draws Thai (not boxes) on a bare machine,
# nginx-light with the cache-purge module to check the shipped nginx site (nginx -t) and the
# traffic-data log format on a real nginx.
system-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	[ -x /usr/sbin/nginx ] || missing="$$missing nginx-light"; \
	[ -f /usr/share/nginx/modules/ngx_http_cache_purge_module.so ] || missing="$$missing libnginx-mod-http-cache-purge"; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	dpkg -s fonts-thai-tlwg >/dev/null 2>&1 || missing="$$missing fonts-thai-tlwg"; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages for the tests:$$missing"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

test: install system-deps
	@echo "== unit and integration tests on SQLite =="
	DATABASE_URL= $(PY) -m pytest prongsai -q -n 2 --dist load
	@if [ -n "$(PG_TEST_URL)" ]; then \
		echo "== unit and integration tests on PostgreSQL =="; \
		DATABASE_URL="$(PG_TEST_URL)" $(PY) -m pytest prongsai -q -n 2 --dist load --create-db; \
	else echo "DATABASE_URL is not set: skipping the PostgreSQL run (CI sets it)"; fi
	@echo "== browser tests =="
	DATABASE_URL= $(PY) -m pytest e2e -q --ds=config.settings.test_browser
	@echo "== production stack smoke test (nginx cache, purge, 410, staff, traffic data) =="
	$(MAKE) --no-print-directory stack-smoke
	$(MAKE) --no-print-directory lint

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	DATABASE_URL= $(PY) manage.py makemigrations --check --dry-run --settings=config.settings.test
	$(PY) scripts/asvs_coverage.py

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# The 100,000-page search database is kept between runs (PRONGSAI_BENCH_SEARCH_REUSE).
bench: install
	@for script in bench/*.py; do echo "== $$script =="; PRONGSAI_BENCH_SEARCH_REUSE=1 $(PY) $$script || exit 1; done

# The production stack on this machine, loopback only (deploy/README.md). The script installs
# the Debian packages it needs (nginx-light, libnginx-mod-http-cache-purge, redis-server, wrk).
STACK_DIR ?= /tmp/prongsai-stack
stack: install
	PRONGSAI_STACK_DIR=$(STACK_DIR) deploy/stack.sh up

stack-down:
	PRONGSAI_STACK_DIR=$(STACK_DIR) deploy/stack.sh down

# Up, smoke test, down (also when the test fails).
stack-smoke: install
	@PRONGSAI_STACK_DIR=$(STACK_DIR)-smoke deploy/stack.sh down >/dev/null
	@set -e; trap 'PRONGSAI_STACK_DIR=$(STACK_DIR)-smoke deploy/stack.sh down' EXIT; \
	PRONGSAI_STACK_DIR=$(STACK_DIR)-smoke deploy/stack.sh up; \
	PRONGSAI_STACK_DIR=$(STACK_DIR)-smoke $(PY) deploy/smoke.py

# Re-lock after changing dependencies in pyproject.toml.
lock: check-python
	rm -rf /tmp/prongsai-lock && $(PYTHON_BIN) -m venv /tmp/prongsai-lock
	/tmp/prongsai-lock/bin/pip install --quiet --upgrade pip
	/tmp/prongsai-lock/bin/pip install --quiet -e '.[dev]'
	/tmp/prongsai-lock/bin/pip freeze --exclude-editable | grep -v '^-e' > requirements.lock

clean:
	rm -rf $(VENV) var/test-media test-artifacts

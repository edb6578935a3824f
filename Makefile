# The two set-up commands are `make run` and `make test` (see README.md).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=
PLUGIN_PYTEST_ARGS ?=

BENCH_ARGS ?=
#: Where `make run` serves the demo; its Site records are set to these addresses.
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-site test-plugin test-browser lint messages browser-deps fresh-site-check bench bench-comments bench-beacons bench-sites reliability clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

# Compiled catalogues are build products, never committed.
messages: $(STAMP)
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v0

## Serve the demo portal on http://127.0.0.1:8000 (HOST, PORT) with SQLite and demo content.
run: messages
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py campaigns_setup
	$(BIN)/python manage.py seed_demo --address http://$(HOST):$(PORT) \
	  --sub-portal-address http://so-lao-dong.localhost:$(PORT)
	export WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://$(HOST):$(PORT)}; \
	  $(BIN)/python manage.py run_scheduler & \
	  scheduler=$$!; \
	  trap "kill $$scheduler 2>/dev/null" EXIT INT TERM; \
	  $(BIN)/python manage.py runserver $(HOST):$(PORT)

## The whole pytest suite: the site's, then the plugin's in a host of its own
## (browser tests skip themselves without Chromium).
test: test-site test-plugin

test-site: messages
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/pytest $(PYTEST_ARGS)

## The plugin alone, with tests/plugin/settings.py and nothing of cms/ or home/.
test-plugin: messages
	$(BIN)/pytest --ds=tests.plugin.settings --confcutdir=tests/plugin $(PLUGIN_PYTEST_ARGS) tests/plugin

## Only the browser tests (needs `make browser-deps` once).
test-browser: messages
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/pytest -m browser $(PYTEST_ARGS)

## Debian's Chromium and fonts, and axe-core for the accessibility checks.
browser-deps:
	command -v chromium >/dev/null || (apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core)
	test -f node_modules/axe-core/axe.min.js || npm ci --no-audit --no-fund --silent

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run
	SECRET_KEY=lint-only-$$(date +%s)-a-long-random-enough-secret-value-for-checks \
	  ALLOWED_HOSTS=portal.example.gov.vn \
	  DATABASE_URL=sqlite:////tmp/lint.sqlite3 \
	  WAGTAILADMIN_BASE_URL=https://portal.example.gov.vn \
	  DJANGO_SETTINGS_MODULE=cms.settings.production \
	  $(BIN)/python manage.py check --deploy --fail-level WARNING

## The wheel in a new `wagtail start` site, set up as docs/install.md says.
fresh-site-check: $(STAMP)
	PYTHON=$(BIN)/python tests/fresh_site/check.sh

## Throughput of the main pages against a bare Django view (docs/performance.md).
bench: messages
	$(BIN)/python bench/run.py --redis $(BENCH_ARGS)

## Comment POSTs through the captcha, rate limits and proxy handling vs a bare POST.
bench-comments: messages
	$(BIN)/python bench/comments.py $(BENCH_ARGS)

## View beacons (Redis) vs a bare POST at 64 clients, and 100,000 beacons counted exactly.
bench-beacons: messages
	$(BIN)/python bench/beacons.py $(BENCH_ARGS)

## Beacons and the figures endpoint with two sites, and their visits counted apart.
bench-sites: messages
	$(BIN)/python bench/sites.py $(BENCH_ARGS)

## What holds under each fault (Redis hung or stopped, slow clients, …) on the
## documented deployment: nginx + gunicorn, production settings, a Redis of its own.
reliability: messages
	$(BIN)/python -m bench.reliability $(BENCH_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 test-db.sqlite3 media .test-media static

# Every target bootstraps what it needs: a fresh clone only ever runs `make run` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
WORKERS ?= 2
SECRET_KEY_FILE := .local/secret-key
# Production settings on plain HTTP at loopback: the secret comes from a git-ignored file.
# nginx is the one proxy in front: it appends the client's address to X-Forwarded-For.
SERVE_ENV = DJANGO_DEBUG=false DJANGO_HTTPS=false DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost DJANGO_PROXY_COUNT=$${DJANGO_PROXY_COUNT:-1} \
	DJANGO_BASE_URL=http://127.0.0.1:$(PORT) DJANGO_SECRET_KEY="$$(cat $(SECRET_KEY_FILE))"
INSTALLED := $(VENV)/.installed
NODE_INSTALLED := node_modules/.installed
BROWSER := /usr/bin/chromium
APT_INSTALL = apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq
# The interface's translations: locale/*/LC_MESSAGES/django.po in git, the compiled .mo built here.
# The stylesheet: Bootstrap Italia's Sass (npm) with the portal's own, compiled by Dart Sass; the
# Titillium Web faces the stylesheet names are copied beside it. static/build/ is git-ignored.
STYLESHEET := static/build/portal.css
FONT_FACES := regular italic 600 700
FONTS := $(foreach face,$(FONT_FACES),static/build/fonts/titillium-web-v10-latin-ext_latin-$(face).woff2)
MESSAGES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po locale/third_party/*/LC_MESSAGES/django.po))

.PHONY: install lock messages static browser html-checker nginx redis spreadsheet migrate data superuser run serve test test-all test-postgres \
	lint check pytest pytest-all format clean load-test fuzz fault-test abuse-test reliability bench design-report edit-load

# The locked packages, every one checked against its hash (requirements-dev.txt: see `lock`).
$(INSTALLED): requirements-pip.txt requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-pip.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt
	touch $(INSTALLED)

install: $(INSTALLED)

# After changing pyproject.toml's dependencies: lock them again, with every package they bring and
# its hashes (requirements.txt for a server, requirements-dev.txt with the tools on the same pins).
LOCK = $(BIN)/uv pip compile pyproject.toml --generate-hashes --python-version 3.11 --quiet
lock: install
	$(LOCK) -o requirements.txt
	$(LOCK) --extra dev --constraint requirements.txt -o requirements-dev.txt

# gettext's msgfmt compiles them; Debian's gettext is installed if it is missing.
%.mo: %.po $(INSTALLED)
	@command -v msgfmt >/dev/null || { echo "Installing Debian's gettext"; $(APT_INSTALL) gettext >/dev/null; }
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules --verbosity 0

messages: $(MESSAGES)

# Front-end packages from npm (package.json + package-lock.json), Node and npm from Debian if missing.
$(NODE_INSTALLED): package.json package-lock.json
	@command -v npm >/dev/null || { echo "Installing Debian's nodejs and npm"; $(APT_INSTALL) nodejs npm >/dev/null; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_INSTALLED)

$(STYLESHEET): $(wildcard static/scss/*.scss) $(NODE_INSTALLED)
	@mkdir -p $(dir $@)
	node_modules/.bin/sass --load-path=node_modules --style=compressed --no-source-map --quiet-deps \
	  --silence-deprecation=import,global-builtin,color-functions static/scss/portal.scss $@

static/build/fonts/%.woff2: $(NODE_INSTALLED)
	@mkdir -p $(dir $@)
	cp node_modules/bootstrap-italia/dist/fonts/Titillium_Web/$(notdir $@) $@

# The icons the templates name ({% icon %} in portal/core/templatetags/portal_tags.py).
ICONS := it-search it-burger it-close it-expand it-arrow-right it-external-link it-mail it-telephone it-map-marker it-star-full it-star-outline it-calendar it-info-circle
static/build/icons.svg: scripts/build_icons.py $(NODE_INSTALLED) Makefile
	@mkdir -p $(dir $@)
	$(PYTHON) scripts/build_icons.py node_modules/bootstrap-italia/dist/svg/sprites.svg $@ $(ICONS)

# The maps' geometry: Natural Earth's 1:50m countries (npm's world-atlas) cut to Asia and thinned.
MAP_GEOMETRY := static/build/asia-countries.json
$(MAP_GEOMETRY): scripts/build_map.py portal/core/geometry.py portal/core/maps.py $(NODE_INSTALLED) $(INSTALLED)
	@mkdir -p $(dir $@)
	$(BIN)/python scripts/build_map.py node_modules/world-atlas/countries-50m.json $@

static: $(STYLESHEET) $(FONTS) static/build/icons.svg $(MAP_GEOMETRY)

# The W3C Nu HTML Checker (npm's vnu-jar) runs on Java.
html-checker: $(NODE_INSTALLED)
	@command -v java >/dev/null || { echo "Installing Debian's Java runtime for the HTML checker"; $(APT_INSTALL) default-jre-headless >/dev/null; }

# Browser tests drive Debian's Chromium (Playwright cannot download its own browser here);
# the CJK fonts render Chinese, Korean and Japanese names.
browser:
	@test -x $(BROWSER) || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  $(APT_INSTALL) chromium fonts-noto-cjk fonts-noto-core >/dev/null; }

migrate: install messages static
	$(BIN)/python manage.py migrate --noinput

data: migrate
	$(BIN)/python manage.py load_portal_data

superuser: migrate
	$(BIN)/python manage.py ensure_dev_superuser

run: data superuser
	DJANGO_BASE_URL=http://127.0.0.1:$(PORT) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

$(SECRET_KEY_FILE):
	mkdir -p .local
	$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $(SECRET_KEY_FILE)
	chmod 600 $(SECRET_KEY_FILE)

nginx:
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || { echo "Installing Debian's nginx"; $(APT_INSTALL) nginx >/dev/null; }

# Several instances sharing one cache (tests/deploy/test_several_instances.py starts its own on loopback).
redis:
	@command -v redis-server >/dev/null || { echo "Installing Debian's redis-server"; \
	  $(APT_INSTALL) --no-install-recommends redis-server >/dev/null; }

# The downloads as an Italian spreadsheet reads them (tests/site/test_spreadsheets.py): LibreOffice Calc.
spreadsheet:
	@command -v soffice >/dev/null || { echo "Installing Debian's LibreOffice Calc for the spreadsheet tests"; \
	  $(APT_INSTALL) --no-install-recommends libreoffice-calc-nogui >/dev/null; }

# As in production: nginx on 127.0.0.1:$(PORT) (static files, pictures, caching, slow clients, login
# limits) in front of gunicorn on a unix socket, DEBUG off; Ctrl-C stops both (scripts/serve.py).
serve: data nginx $(SECRET_KEY_FILE)
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0 --ignore scss
	$(SERVE_ENV) exec $(BIN)/python scripts/serve.py --port $(PORT) --workers $(WORKERS) $(SERVE_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# On a database in memory: the checks read no data, and the developer's own database is left alone.
check: install static
	DATABASE_URL=sqlite://:memory: $(BIN)/python manage.py check --fail-level WARNING
	DATABASE_URL=sqlite://:memory: $(BIN)/python manage.py makemigrations --check --dry-run

# The fast loop: every test but the slow kinds (the markers in pyproject.toml), on both cores
# (pytest-xdist). Coverage, which costs the loop two thirds more on Python 3.11 (407 s against
# 242 s here), is measured by pytest-all. The tests build their own database: yours is not touched.
# --dist loadscope: a module's tests on one worker, so a module's seed (the document facts,
# loaded once per module) is loaded once, not on each worker (257 s -> 232 s here).
FAST_TESTS := not browser and not server and not slow
pytest: install messages static html-checker
	$(BIN)/pytest -n auto --dist loadscope -m "$(FAST_TESTS)"

# Every test: those that may share the machine on both cores, then the proofs that time
# processes against each other (nginx pairs, SQLite contention) one at a time.
pytest-all: install messages static browser html-checker nginx redis spreadsheet
	$(BIN)/pytest -n auto --cov --cov-report= -m "not server and not slow"
	$(BIN)/pytest --cov --cov-append -m "server or slow"

test: lint check pytest

# The whole suite on SQLite, then on PostgreSQL: what CI runs besides `make test`.
test-all: lint check pytest-all test-postgres

# The whole suite on a throwaway PostgreSQL cluster (scripts/with_postgres.sh).
test-postgres: install messages static browser html-checker nginx redis spreadsheet
	scripts/with_postgres.sh $(MAKE) --no-print-directory pytest-all

# Proofs under load, bad input and faults (results in docs/reliability.md); not part of make test.
load-test: install
	@command -v wrk >/dev/null || { $(APT_INSTALL) wrk >/dev/null; }
	$(BIN)/python scripts/load_test.py

fuzz: install
	$(BIN)/python scripts/fuzz_server.py --examples-per-list 2000

fault-test: install
	$(BIN)/python scripts/fault_test.py sqlite
	scripts/with_postgres.sh $(BIN)/python scripts/fault_test.py postgres

# What one client can do to everyone else: lockout, login flood, cache bypass, forged Host, a lost database file.
abuse-test: data
	@command -v wrk >/dev/null || { $(APT_INSTALL) wrk >/dev/null; }
	$(BIN)/python scripts/abuse_probe.py

# Visitors while an editor saves every 5 s through make serve (issue 26): p99 with and without saves.
edit-load: install nginx $(SECRET_KEY_FILE)
	@command -v wrk >/dev/null || { $(APT_INSTALL) wrk >/dev/null; }
	$(BIN)/python scripts/editing_under_load.py

reliability: load-test fuzz fault-test abuse-test

# The design's proofs against the production stack: screenshots of every page type (390, 1280, 320 px,
# both languages, in .local/screenshots), page weights and Lighthouse's scores (the README's Design section).
REPORT_PORT ?= 8799
design-report: PORT = $(REPORT_PORT)
design-report: data nginx browser $(SECRET_KEY_FILE)
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0 --ignore scss
	$(SERVE_ENV) $(BIN)/python scripts/design_report.py --port $(REPORT_PORT)

# Every page at 100x the data against the stack's ceilings (docs/performance.md).
bench: migrate $(SECRET_KEY_FILE)
	@command -v wrk >/dev/null || { $(APT_INSTALL) wrk >/dev/null; }
	$(BIN)/python scripts/bench.py

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache staticfiles

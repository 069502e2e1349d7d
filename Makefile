# Every target bootstraps what it needs: a fresh clone only ever runs `make run` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
WORKERS ?= 2
SECRET_KEY_FILE := .local/secret-key
# Production settings on plain HTTP at loopback: the secret comes from a git-ignored file.
SERVE_ENV = DJANGO_DEBUG=false DJANGO_HTTPS=false DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost \
	DJANGO_BASE_URL=http://127.0.0.1:$(PORT) DJANGO_SECRET_KEY="$$(cat $(SECRET_KEY_FILE))"
INSTALLED := $(VENV)/.installed
BROWSER := /usr/bin/chromium

.PHONY: install browser migrate data superuser run serve test test-postgres lint check pytest format clean \
	load-test fuzz fault-test reliability bench

$(INSTALLED): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(INSTALLED)

install: $(INSTALLED)

# Browser tests drive Debian's Chromium (Playwright cannot download its own browser here);
# the CJK fonts render Chinese, Korean and Japanese names.
browser:
	@test -x $(BROWSER) || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

migrate: install
	$(BIN)/python manage.py migrate --noinput

data: migrate
	$(BIN)/python manage.py load_portal_data

superuser: migrate
	$(BIN)/python manage.py ensure_dev_superuser

run: data superuser
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

$(SECRET_KEY_FILE):
	mkdir -p .local
	$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $(SECRET_KEY_FILE)
	chmod 600 $(SECRET_KEY_FILE)

# Production-like: gunicorn, DEBUG off, hashed and compressed static files served by WhiteNoise.
serve: data $(SECRET_KEY_FILE)
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(SERVE_ENV) exec $(BIN)/gunicorn portal.wsgi:application --bind 127.0.0.1:$(PORT) \
		--workers $(WORKERS) --access-logfile - --error-logfile - $(GUNICORN_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: install
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run

pytest: install browser
	$(BIN)/pytest

test: data lint check pytest

# The whole suite again on a throwaway PostgreSQL cluster (scripts/with_postgres.sh).
test-postgres: install browser
	scripts/with_postgres.sh $(BIN)/pytest

# Proofs under load, bad input and faults (results in docs/reliability.md); not part of make test.
load-test: install
	@command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python scripts/load_test.py

fuzz: install
	$(BIN)/python scripts/fuzz_server.py --examples-per-list 2000

fault-test: install
	$(BIN)/python scripts/fault_test.py sqlite
	scripts/with_postgres.sh $(BIN)/python scripts/fault_test.py postgres

reliability: load-test fuzz fault-test

# Every page at 100x the data against the stack's ceilings (docs/performance.md).
bench: migrate $(SECRET_KEY_FILE)
	@command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python scripts/bench.py

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles

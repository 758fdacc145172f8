# Mahalleh's command surface. `make help` lists the targets.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help setup system-packages test-system-packages run test test-sqlite test-postgres lint messages bench clean worker

help: ## List every target
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-22s %s\n", $$1, $$2}'

system-packages: ## Install the Debian packages the site needs (python3-venv, gettext) if missing
	@command -v msgfmt >/dev/null && $(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || \
		($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv gettext)

test-system-packages: ## Install the Debian packages the tests need (chromium, chromium-driver, nodejs, npm, exiftool) if missing
	@# Only what is missing: a machine with its own Node.js already has npm, and Debian's npm would conflict with it.
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null || missing="$$missing chromium-driver"; \
	command -v node >/dev/null || missing="$$missing nodejs"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	command -v exiftool >/dev/null || missing="$$missing libimage-exiftool-perl"; \
	if [ -n "$$missing" ]; then $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; fi

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

setup: system-packages $(VENV)/.installed ## Create .venv, install pinned requirements, compile translations
	$(MANAGE) compilemessages -v0 --ignore=.venv --ignore=node_modules

run: setup ## Set up, migrate, load the demo content if the database is empty, serve on http://127.0.0.1:8000
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) setup_newsroom
	$(MANAGE) load_demo --if-empty
	$(MANAGE) search_index sync
	@echo "Mahalleh is at http://$(HOST):$(PORT)/ and the admin at http://$(HOST):$(PORT)/admin/"
	# The scheduler publishes scheduled stories; it stops with the server.
	$(MANAGE) run_scheduler & scheduler=$$!; trap 'kill $$scheduler' EXIT INT TERM; $(MANAGE) runserver $(HOST):$(PORT)

lint: $(VENV)/.installed ## ruff (with the Django rules) and a check that migrations are up to date
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run -v1

messages: $(VENV)/.installed ## Refresh the translation catalogues from the code and templates
	$(MANAGE) makemessages -l fa --no-location --no-obsolete --ignore=.venv --ignore=node_modules --ignore=var

test: setup test-system-packages node_modules/.installed lint messages test-sqlite test-postgres ## Set up, then lint and run the whole suite (SQLite, then PostgreSQL if DATABASE_URL is set)

# With PostgreSQL to run them on, the browser journeys run once, there (production's database):
# twice took four more minutes and told nothing new.
test-sqlite:
	env -u DATABASE_URL $(BIN)/pytest -n 2 $(if $(DATABASE_URL),-m "not browser")

test-postgres:
	@if [ -n "$$DATABASE_URL" ]; then echo "Running the suite again on $$DATABASE_URL"; $(BIN)/pytest -n 2; \
		else echo "DATABASE_URL is not set: the PostgreSQL run is skipped."; fi

worker: $(VENV)/.installed ## Run the background worker that makes photo renditions (with TASKS_BACKEND=database)
	$(MANAGE) db_worker --queue-name '*'

bench: $(VENV)/.installed ## Scale the demo content to 100,000 stories, then measure it (by hand; needs wrk, nginx-light)
	$(BIN)/python bench/generate_stories.py
	$(BIN)/python bench/measure.py

clean: ## Remove the virtualenv, node_modules, the local database and generated files
	rm -rf $(VENV) node_modules var db.sqlite3 test-output

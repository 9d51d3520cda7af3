# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Production settings, only to let `check --deploy` inspect them.
DEPLOY_ENV := PRODUCTION=1 SECRET_KEY=check-deploy-only-0123456789abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ ALLOWED_HOSTS=phongtrao.example.vn \
	DATABASE_URL=postgres://phongtrao@127.0.0.1/phongtrao EMAIL_HOST=mail.example.vn DEFAULT_FROM_EMAIL=phongtrao@example.vn

.PHONY: demo test install lint lock serve

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Every package pinned with its hashes (pip-tools); a server installs requirements/production.txt.
$(VENV)/.installed: requirements/development.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/development.txt
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo "phongtrao: http://127.0.0.1:$(PORT)/ (with a worker for background jobs)"
	$(BIN)/python manage.py db_worker --no-reload --interval 1 --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(DEPLOY_ENV) $(BIN)/python manage.py check --deploy --fail-level WARNING

# SQLite always; PostgreSQL too whenever one is reachable (tools/test_database_url.py).
# pytest exits 5 when it collects no test: that is not a failure of the suite.
test: lint
	@$(BIN)/python -m pytest -q -n 2 ; rc=$$?; [ $$rc -eq 5 ] && rc=0; [ $$rc -eq 0 ] || exit $$rc
	@pg=$$($(BIN)/python tools/test_database_url.py); \
	if [ -n "$$pg" ]; then \
		echo "== the same suite on PostgreSQL ($$pg)"; \
		DATABASE_URL="$$pg" $(BIN)/python -m pytest -q -n 2; rc=$$?; [ $$rc -eq 5 ] && rc=0; exit $$rc; \
	fi

lock: install
	cd requirements && ../$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links production.in -o production.txt
	cd requirements && ../$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links development.in -o development.txt

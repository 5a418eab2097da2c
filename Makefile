# Every step reproducible from a clean clone.  `make run` and `make test` set
# themselves up (virtual environment with pinned installs) on first use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DATA_DIR ?= ../shared/data
SEEDS ?= seeds
OUT ?= outputs/seed
NER ?= spacy
export PYTHONHASHSEED := 0
export HF_HUB_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: all venv run test lint models eval bench report browser screenshot export clean normalise tokenise entities events attributions help

help:
	@echo "make run     - run the whole pipeline over seeds/ into $(OUT)/"
	@echo "make test    - run the test suite"
	@echo "make lint    - ruff over the code (CI runs it before the tests)"
	@echo "make models  - rebuild every committed model from DATA_DIR=$(DATA_DIR)"
	@echo "make eval    - dev-set scores of every stage and backend"
	@echo "make bench   - speed and memory figures"
	@echo "make report  - HTML report of the last run ($(OUT)/report/index.html)"
	@echo "make export  - Parquet tables of the last run ($(OUT)/export/)"
	@echo "make browser - install headless chromium (Debian, as root) for the report tests"
	@echo "make screenshot - docs/report-seed.png from the seed article's report page"
	@echo "make STAGE   - one stage alone (normalise, tokenise, entities, events, attributions)"

venv: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip==24.3.1
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -r requirements.lock
	$(PY) -m pip install -q --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m pipeline run $(SEEDS) --out $(OUT) --ner $(NER)

test: $(STAMP)
	$(PY) -m pytest tests

# ruff (pinned in requirements.lock; rules in pyproject.toml): CI runs it before the tests
lint: $(STAMP)
	$(PY) -m ruff check .

# one stage alone over the previous stage's output of the last `make run`
IN_normalise := 00-input
IN_tokenise := 01-normalise
IN_entities := 02-tokenise
IN_events := 03-entities
IN_attributions := 04-events
normalise tokenise entities events attributions: $(STAMP)
	@test -f $(OUT)/$(IN_$@).jsonl || { echo "run 'make run' first: the $@ stage reads $(OUT)/$(IN_$@).jsonl"; exit 2; }
	$(PY) -m pipeline $@ --in $(OUT)/$(IN_$@).jsonl --out $(OUT)/stage-$@.jsonl

models: $(STAMP)
	$(PY) -m models.build --data $(DATA_DIR)

eval: $(STAMP)
	$(PY) -m pipeline.eval --data $(DATA_DIR)

BENCH_ARGS ?=
bench: $(STAMP)
	nice $(PY) -m pipeline.bench --data $(DATA_DIR) $(BENCH_ARGS)

report: $(STAMP)
	@test -f $(OUT)/feed.jsonl || $(MAKE) run
	$(PY) -m pipeline report $(OUT)

export: $(STAMP)
	@test -f $(OUT)/feed.jsonl || $(MAKE) run
	$(PY) -m pipeline export $(OUT) --format parquet

# headless Chromium for tests/test_report.py (installs Debian's package when missing)
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "chromium is missing: run 'sudo apt-get install -y chromium' (or make browser as root)"; exit 2; fi; }
	@(command -v chromium || command -v chromium-browser) && (chromium --version 2>/dev/null || chromium-browser --version)

screenshot: $(STAMP) browser
	$(PY) -m pipeline run $(SEEDS) --out $(OUT) --ner $(NER) --quiet
	$(PY) -m pipeline report $(OUT)
	$(PY) -m pipeline.report.browser $(OUT)/report/articles/00000.html docs/report-seed.png 1100x1500

clean:
	rm -rf $(OUT) .pytest_cache

# newsloom: two commands matter.
#   make demo   set up .venv, install newsloom, ingest the bundled demo corpus, print what it found
#   make test   set up .venv and run the whole test suite (what CI runs)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first, pinned: anything that needs torch would otherwise pull a CUDA build of several GB
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	rm -f demo.duckdb demo.duckdb.wal
	$(BIN)/newsloom demo --db demo.duckdb

# one test process per core (at most four: each loads spaCy, torch and MiniLM); a worker takes
# the next test when it is free, so one long test does not hold the others back
test: $(STAMP)
	$(BIN)/python -m pytest -n auto --maxprocesses 4 --dist worksteal --durations=15
	$(BIN)/ruff check src tests benchmarks training

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks training

eval: $(STAMP)
	$(BIN)/newsloom eval ../shared/samples/seeds
	$(BIN)/newsloom eval ../shared/data/newsloom-dev
	$(BIN)/newsloom eval ../shared/data/htmldate_eval
	$(BIN)/newsloom eval ../shared/data/boilerplate_pages
	$(BIN)/newsloom eval ../shared/data/meantime
	$(BIN)/newsloom eval ../shared/data/petrarch_unittest
	$(BIN)/newsloom eval ../shared/data/plover_gsr
	$(BIN)/newsloom eval ../shared/data/semeval2015_task4_timeline
	$(BIN)/newsloom eval ../shared/data/ecbplus
	$(BIN)/newsloom eval ../shared/data/newswcl50
	$(BIN)/newsloom eval ../shared/data/polnear

bench: $(STAMP)
	$(BIN)/python benchmarks/ingest_speed.py

clean:
	rm -rf $(VENV) demo.duckdb demo.duckdb.wal .pytest_cache .ruff_cache

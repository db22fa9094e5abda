# Two commands on a fresh machine: `make run` and `make test`. Both create .venv when
# missing and install the pinned dependencies (requirements.lock) and the project.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test browser lexicons bench train clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.lock
	$(PY) -m pip install -q --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/doc2kg run seeds/ --out outputs/

# Headless Chromium and an Arabic font for the browser tests (Debian packages).
browser:
	@command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -q "Noto Naskh Arabic" || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-core >/dev/null)

test: $(STAMP) browser
	$(PY) -m pytest

lexicons: $(STAMP)
	$(PY) -m pip install -q -r requirements-lexicons.txt
	$(PY) scripts/build_lexicons.py

# The trained layer (pipeline/learned) from the training corpus: deterministic (fixed seeds). The
# event model comes first: the other two are trained on what the run sees, its events included.
train: $(STAMP)
	$(PY) -m pipeline.learned.event_spans corpus/train/*.jsonl --out ontology/models/events.json
	$(PY) -m pipeline.learned.event_frames corpus/train/*.jsonl --out ontology/models/frames.json
	$(PY) -m pipeline.learned.training corpus/train/*.jsonl --out ontology/models/relations.json

bench: $(STAMP)
	$(PY) benchmarks/run.py --baseline-docs 3000

clean:
	rm -rf $(VENV) outputs/*.json outputs/*.ttl outputs/*.html

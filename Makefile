# arsplan — the two commands a new machine needs:
#   make run    installs what is missing, builds, validates and schedules the example plan
#   make test   installs what the tests need, runs the whole suite
SHELL := /bin/bash
PLAN ?= Plans/serviceforvaltningen-2027.yaml
VENV := .venv
PYTHON := $(VENV)/bin/python
SWIFT_BUILD_FLAGS ?=
BIN := .build/debug/arsplan

.PHONY: run test lint format deps system-deps python-deps build release export bench bench-feeds bench-journal bench-report bench-commands clean

run: system-deps build
	$(BIN) validate $(PLAN)
	$(BIN) schedule $(PLAN)
	$(BIN) export $(PLAN)

test: deps
	swift build --build-tests $(SWIFT_BUILD_FLAGS)
	ARSPLAN_PYTHON=$(abspath $(PYTHON)) ARSPLAN_CHROMIUM=$$(command -v chromium || echo chromium-missing) swift test --skip-build $(SWIFT_BUILD_FLAGS)

# Style and the core's purity. .swift-format is argument-parser's, with the code's own
# 4-space indentation, 150 columns and indented #if blocks; four lint-only rules are off
# (NeverForceUnwrap, NeverUseForceTry, BeginDocumentationCommentWithOneLineSummary,
# ValidateDocumentationComments) because the code uses `!` after checks and prose doc comments.
lint:
	scripts/check-core-imports.sh
	swift format lint --strict --recursive Sources Tests Package.swift

# Rewrites the sources in the house style (what `make lint` checks).
format:
	swift format format --in-place --recursive Sources Tests Package.swift

deps: system-deps python-deps

# libical and libyaml (C) through apt when pkg-config cannot find it; khal for the subscriber test.
system-deps:
	@missing=""; \
	pkg-config --exists libical || missing="$$missing libical-dev pkg-config"; \
	pkg-config --exists yaml-0.1 || missing="$$missing libyaml-dev pkg-config"; \
	[ -e /usr/share/zoneinfo/Europe/Stockholm ] || missing="$$missing tzdata"; \
	if [ "$(MAKECMDGOALS)" = "test" ] || [ "$(MAKECMDGOALS)" = "deps" ]; then command -v khal >/dev/null || missing="$$missing khal"; fi; \
	if [ "$(MAKECMDGOALS)" = "test" ] || [ "$(MAKECMDGOALS)" = "deps" ]; then command -v chromium >/dev/null || missing="$$missing chromium"; fi; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

# Independent iCalendar parsers the tests check our feeds with, in a local virtual environment.
python-deps: $(VENV)/.installed
$(VENV)/.installed: requirements-test.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install -q --disable-pip-version-check -r requirements-test.txt
	touch $@

build:
	swift build $(SWIFT_BUILD_FLAGS)

release: system-deps
	swift build -c release --static-swift-stdlib

bench: system-deps python-deps release
	@command -v tj3 >/dev/null || (apt-get install -y -qq tj3 >/dev/null || true)
	$(PYTHON) bench/run.py
	$(PYTHON) bench/feeds.py
	python3 bench/journal.py .build/release/arsplan
	python3 bench/report.py .build/release/arsplan
	python3 bench/commands.py

# Every command on generated plans of 5,000, 20,000 and 80,000 activities with a
# 1,000-entry journal (bench/RESULTS.md has the figures and what they mean).
bench-commands: system-deps release
	python3 bench/commands.py

# All feeds of a generated 100,000-occurrence plan, against python icalendar as the peer.
bench-feeds: system-deps python-deps release
	$(PYTHON) bench/feeds.py

# The change journal: 20 concurrent appends, and schedule with journals of 0–400 entries.
bench-journal: system-deps release
	python3 bench/journal.py .build/release/arsplan

# The year overview: the example plan's page (< 100 ms) and a 20,000-activity plan's (< 1 s, 300 MB).
bench-report: system-deps release
	python3 bench/report.py .build/release/arsplan

clean:
	rm -rf .build $(VENV) Exports/*/

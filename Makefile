# antoan — two commands on a fresh Debian 12 machine: `make run` and `make test`.
SHELL := /bin/bash
BUILD ?= build
TEST_BUILD ?= build-test
BENCH_BUILD ?= build-bench
DB ?= var/antoan.db
HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: install build web run serve test unit-test api-test e2e-test bench format clean

install:
	@bash scripts/install.sh

# Release binary (build/antoan) and the front end (web/dist).
build: install
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DANTOAN_TESTS=OFF -DANTOAN_WERROR=OFF >/dev/null
	ninja -C $(BUILD) antoan
	@$(MAKE) --no-print-directory web

web:
	@if [ -f web/package.json ]; then npm --prefix web run --silent build; fi

# Creates var/antoan.db with the demo dataset when it is missing or empty, then serves.
run: build
	@mkdir -p $(dir $(DB))
	@if [ ! -s $(DB) ]; then $(BUILD)/antoan demo --db $(DB); fi
	$(BUILD)/antoan serve --db $(DB) --host $(HOST) --port $(PORT)

# Every test: unit tests (ASan+UBSan), black-box API tests and browser tests against a real
# `antoan serve` built with the sanitizers.
test: install
	cmake -S . -B $(TEST_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DANTOAN_SANITIZE=ON -DANTOAN_WERROR=ON >/dev/null
	ninja -C $(TEST_BUILD)
	@$(MAKE) --no-print-directory unit-test api-test e2e-test

# node --test runs test files in parallel; --test-concurrency exists from Node.js 20 (Debian 12's
# Node.js 18 runs one file per core less one: one at a time on a 2-core machine).
NODE_TEST_CONCURRENCY = $(shell node -e 'process.stdout.write(+process.versions.node.split(".")[0] >= 20 ? "--test-concurrency=$(1)" : "")' 2>/dev/null)

unit-test:
	cd $(TEST_BUILD) && ctest --output-on-failure -j2

api-test:
	ANTOAN_BIN=$(abspath $(TEST_BUILD))/antoan node --test $(call NODE_TEST_CONCURRENCY,2) tests/api/

e2e-test: web
	@if [ -d tests/e2e ]; then ANTOAN_BIN=$(abspath $(TEST_BUILD))/antoan node --test $(call NODE_TEST_CONCURRENCY,1) tests/e2e/; fi

# Benchmarks (Release); numbers and how to reproduce them: docs/benchmarks.md.
bench: install
	cmake -S . -B $(BENCH_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DANTOAN_BENCH=ON -DANTOAN_TESTS=OFF -DANTOAN_WERROR=OFF >/dev/null
	ninja -C $(BENCH_BUILD)
	bash bench/run_all.sh $(BENCH_BUILD)

format:
	find src bench -name '*.h' -o -name '*.cc' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(TEST_BUILD) $(BENCH_BUILD)

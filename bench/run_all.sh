#!/usr/bin/env bash
# `make bench`: durable report ingestion over HTTP against the raw SQLite baseline, then the
# other benchmarks. Usage: bench/run_all.sh BUILD_DIR. Results: docs/benchmarks.md.
set -euo pipefail
build=${1:-build-bench}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

echo "== Report ingestion (durable: fsync'd commit before 201)"
"$build/bench/ingest_baseline" 2000 "$work/baseline1.db"
"$build/bench/ingest_baseline" 50000 "$work/baseline100.db" 100
"$build/antoan" serve --db "$work/serve.db" --port 18480 --no-jobs > "$work/serve.log" 2>&1 &
for _ in $(seq 50); do grep -q listening "$work/serve.log" && break; sleep 0.2; done
"$build/bench/ingest_load" http://127.0.0.1:18480 64 10 | sed 's/^/throughput 64 conns: /'
"$build/bench/ingest_load" http://127.0.0.1:18480 32 10 500 | sed 's/^/paced 500 req\/s: /'

echo "== Scam checker"
"$build/bench/scam_bench" 100000 2 || true
echo "== Indicator registry"
"$build/bench/registry_bench" 1000000 "$work" || true
echo "== Hotspot scan: see docs/benchmarks.md for the 1M-report command (takes minutes)"

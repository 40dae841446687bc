#!/usr/bin/env bash
# make bench-startup: restage beside the parse-only floor (bench/floor), as whole process runs on
# a typical Dockerfile. Both are built with the same flags (those of `make build`); prints each
# one's median and the ratio restage/floor, and restage's conversion alone (bench/engine, no
# command line, no other commands) against the same floor. The target is 1.3 or less (README, Performance).
#   bench/startup.sh [-n RUNS] [Dockerfile]
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
TAGS=${TAGS:-urfave_cli_no_docs}
n=200
if [[ "${1:-}" == -n ]]; then n=$2; shift 2; fi
file=${1:-testdata/go/go-mod-download-layering/Dockerfile}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
CGO_ENABLED=0 "$GO" build -tags "$TAGS" -o "$out/restage" ./cmd/restage
"$GO" build -tags "$TAGS" -o "$out/floor" ./bench/floor
CGO_ENABLED=0 "$GO" build -tags "$TAGS" -o "$out/engine" ./bench/engine
"$GO" build -o "$out/startup" ./bench/startup
# Each program runs as a plain copy of what the linker wrote. The linker
# writes its output through a memory map, and on this kind of machine a
# file written so starts markedly slower than a copy of it made with write
# calls (2026-12-02, the same binary: 6.9 ms of CPU a run against 4.2 ms
# for its copy, with as many page faults), so the ratio would measure how
# each file was written rather than what it does.
for b in restage floor engine; do
	cp "$out/$b" "$out/$b.run"
	printf '%-8s %6.1f MB\n' "$b" "$(stat -c %s "$out/$b" | awk '{print $1/1e6}')"
done
"$out/startup" -n "$n" -restage "$out/restage.run" -floor "$out/floor.run" -engine "$out/engine.run" "$file"

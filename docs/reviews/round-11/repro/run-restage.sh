#!/bin/sh
# Runs restage on every Dockerfile under repro/<letter>/ (the folder of each
# Dockerfile is its build context) and writes repro/<letter>.restage.txt.
# Usage: run-restage.sh LETTER... ; RESTAGE names the binary (default: restage).
set -eu
cd "$(dirname "$0")"
bin=${RESTAGE:-restage}
for l in "$@"; do
	out="$l.restage.txt"
	: >"$out"
	find "$l" -name Dockerfile | sort | while read -r f; do
		echo "### $f" >>"$out"
		"$bin" -v -d --color never "$f" >>"$out" 2>&1 || true
		echo >>"$out"
	done
done

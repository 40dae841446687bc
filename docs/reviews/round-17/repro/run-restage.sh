#!/bin/sh
# Runs restage on every Dockerfile under repro/<letter>/ (the folder of each
# Dockerfile is its build context) and writes repro/<letter>.restage.txt.
# A file named flags beside a Dockerfile adds its words to that run
# (--preset python for E, which restage's advice for the image asks for).
# Usage: run-restage.sh LETTER... ; RESTAGE names the binary (default: restage).
set -eu
cd "$(dirname "$0")"
bin=${RESTAGE:-restage}
for l in "$@"; do
	out="$l.restage.txt"
	: >"$out"
	find "$l" -name Dockerfile | sort | while read -r f; do
		flags=""
		if [ -f "$(dirname "$f")/flags" ]; then
			flags=$(cat "$(dirname "$f")/flags")
		fi
		echo "### $f ${flags}" >>"$out"
		# shellcheck disable=SC2086 # flags are words on purpose
		"$bin" -v -d --color never $flags "$f" >>"$out" 2>&1 || true
		echo >>"$out"
	done
done

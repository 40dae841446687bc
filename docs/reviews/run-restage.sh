#!/bin/sh
# Runs restage on every Dockerfile under DIR/<letter>/ (the folder of each
# Dockerfile is its build context) and writes DIR/<letter>.restage.txt.
# A file named flags beside a Dockerfile adds its words to that run
# (--preset python for E, which restage's advice for the image asks for).
# Usage: run-restage.sh DIR LETTER... ; RESTAGE names the binary (default: restage).
# Each round since 12 calls it from its own repro/run-restage.sh with its folder.
set -eu
cd "$1"
shift
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

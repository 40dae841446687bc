#!/usr/bin/env bash
# Compares two restage binaries on the real-application corpus without Docker:
#   e2e/real/compare.sh OLD_BIN NEW_BIN [app,app... | app app...]
# For each app of manifest.tsv (or only the ones named) both binaries run
#   BIN -v -d --context SRC/name/context SRC/name/dockerfile
# and their stdout (the diff of the conversion), stderr (the notes) and exit status are compared.
# Prints one line per app: SAME, DIFF (conversion) when the converted Dockerfile differs (it may
# need building and running again), DIFF (notes) when only the notes or the exit status differ,
# or MISSING when the app is not restored (restore.sh); after a DIFF line, the unified diff of
# OLD's output against NEW's. Exits 0 when every app is the same, 1 when any differs or is missing,
# 2 on a usage error.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
src=${REAL_SRC:-$root/e2e/.cache/real/src}
if [[ $# -lt 2 || ! -x "$1" || ! -x "$2" ]]; then
	echo "usage: $0 OLD_BIN NEW_BIN [app,app... | app app...]  (both binaries executable)" >&2
	exit 2
fi
old=$1 new=$2
shift 2
declare -A want=()
filter=$#
for a in "$@"; do
	for n in ${a//,/ }; do want[$n]=1; done
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run BIN LABEL CONTEXT DOCKERFILE writes LABEL.out, LABEL.err and LABEL.rc in $tmp. stdout is a
# file, so the diff has no colour; the paths are absolute, so both binaries' diff headers and notes
# name the same files.
run() {
	"$1" -v -d --context "$3" "$4" >"$tmp/$2.out" 2>"$tmp/$2.err"
	echo "exit status $?" >"$tmp/$2.rc"
}

status=0 seen=0
while IFS=$'\t' read -r name lang repo commit context dockerfile rest; do
	[[ -z "$name" || "$name" == \#* || "$name" == name ]] && continue
	if [[ $filter -gt 0 && -z "${want[$name]+x}" ]]; then
		continue
	fi
	seen=$((seen + 1))
	unset "want[$name]"
	dir=$src/$name
	if [[ ! -f "$dir/$dockerfile" ]]; then
		echo "$name: MISSING ($dir/$dockerfile; run e2e/real/restore.sh)"
		status=1
		continue
	fi
	run "$old" old "$dir/$context" "$dir/$dockerfile"
	run "$new" new "$dir/$context" "$dir/$dockerfile"
	if cmp -s "$tmp/old.out" "$tmp/new.out" && cmp -s "$tmp/old.err" "$tmp/new.err" &&
		cmp -s "$tmp/old.rc" "$tmp/new.rc"; then
		echo "$name: SAME"
		continue
	fi
	status=1
	if cmp -s "$tmp/old.out" "$tmp/new.out"; then
		echo "$name: DIFF (notes)"
	else
		echo "$name: DIFF (conversion)"
	fi
	for part in out err rc; do
		label=$(case $part in out) echo stdout ;; err) echo stderr ;; rc) echo status ;; esac)
		diff -u --label "old $label" --label "new $label" "$tmp/old.$part" "$tmp/new.$part" | sed 's/^/    /'
	done
done < <(cat "$here/manifest.tsv")
for n in "${!want[@]}"; do
	echo "$n: not in manifest.tsv" >&2
	status=1
done
[[ $seen -eq 0 ]] && echo "compare: no app compared" >&2
exit $status

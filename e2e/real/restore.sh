#!/usr/bin/env bash
# Restores the real-application corpus: each app of manifest.tsv, at its commit, into
# e2e/.cache/real/src/<name>/ (git-ignored; other people's code is never committed).
# The repository comes from a local mirror when one exists ($MIRRORS/<owner>+<name>/*, the
# layout of this workplace's fetch tool), else it is cloned from GitHub. A restored app is
# kept; RESTORE=1 restores again. Exits 1 if any app could not be restored.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dest=${REAL_SRC:-$root/e2e/.cache/real/src}
MIRRORS=${MIRRORS:-/work/.mirror}
mkdir -p "$dest" "$root/e2e/.cache/real/git"
fail=0
while IFS=$'\t' read -r name lang repo commit context dockerfile rest; do
	[[ -z "$name" || "$name" == \#* ]] && continue
	out="$dest/$name"
	if [[ -e "$out/$dockerfile" && "${RESTORE:-}" != 1 ]]; then
		continue
	fi
	gitdir=""
	for d in "$MIRRORS/${repo/\//+}" "$MIRRORS/${repo/\//+}"/* "$MIRRORS/${repo/\//+}"/*/.git; do
		if [[ -d "$d" ]] && git --git-dir="$d" cat-file -e "$commit^{commit}" 2>/dev/null; then
			gitdir=$d
			break
		fi
	done
	if [[ -z "$gitdir" ]]; then
		gitdir="$root/e2e/.cache/real/git/${repo/\//+}.git"
		if ! git --git-dir="$gitdir" cat-file -e "$commit^{commit}" 2>/dev/null; then
			rm -rf "$gitdir"
			if ! git clone -q --bare --filter=blob:none "https://github.com/$repo" "$gitdir" 2>/dev/null ||
				! git --git-dir="$gitdir" cat-file -e "$commit^{commit}" 2>/dev/null; then
				echo "restore: $name: cannot get $repo at $commit (no mirror under $MIRRORS, clone failed)" >&2
				fail=1
				continue
			fi
		fi
	fi
	rm -rf "$out" && mkdir -p "$out"
	if git --git-dir="$gitdir" archive "$commit" | tar -x -C "$out"; then
		echo "restore: $name ($repo@${commit:0:12})"
	else
		echo "restore: $name: git archive failed" >&2
		fail=1
	fi
done < "$here/manifest.tsv"
exit $fail

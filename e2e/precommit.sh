#!/usr/bin/env bash
# The pre-commit hooks (.pre-commit-hooks.yaml) run by pre-commit itself, in a throwaway git
# repository: restage-check fails on a single-stage Dockerfile and names it, the restage hook
# rewrites it (and fails, as pre-commit does when a hook modifies files), and restage-check then
# passes. An already multi-stage Dockerfile, which restage leaves alone, never fails the check.
#
# pre-commit builds the hooks from this checkout, changes to tracked files included (a new file
# counts once it is added to git's index), with
# `go install ./...` into an empty GOPATH of its own; GOMODCACHE points at this machine's module
# cache so that the modules are not downloaded again (the Go module proxy is the only network
# this needs). About 20 s, most of it the build. CI (.ci/run) runs it; pre-commit is Debian's
# package (apt-get install pre-commit).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
command -v pre-commit >/dev/null || { echo "precommit.sh: pre-commit is not installed (apt-get install pre-commit)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME=$tmp/pre-commit-home
GOMODCACHE=$(go env GOMODCACHE)
export GOMODCACHE
# pre-commit 3.0.4 lets `go install` stamp VCS data, which fails under `git commit -a`
# (pre-commit#2722); restage's own CI sets the same.
export GOFLAGS=${GOFLAGS:--buildvcs=false}

pre-commit validate-manifest "$here/.pre-commit-hooks.yaml"

# The hook repository as pre-commit will clone it: this checkout's HEAD plus the changes to its
# tracked files, committed, so that one rev is installed once (try-repo would make a new rev,
# and so a new build, on every run).
hooks=$tmp/hooks
git clone -q "$here" "$hooks"
git -C "$here" diff HEAD --binary | git -C "$hooks" apply --index --allow-empty
git -C "$hooks" -c user.name=t -c user.email=t@example.com commit -q --allow-empty -m "working tree"
rev=$(git -C "$hooks" rev-parse HEAD)

proj=$tmp/proj
mkdir -p "$proj/svc" "$proj/done"
cp "$here"/testdata/go/go-mod-download-layering/{Dockerfile,go.mod,go.sum,main.go} "$proj/svc/"
cp "$here"/testdata/go/declined-multi-stage/{Dockerfile,go.mod,main.go} "$proj/done/"
cat >"$proj/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: restage-check
      - id: restage
YAML
cd "$proj"
git init -q
git add -A
git -c user.name=t -c user.email=t@example.com commit -qm fixture

run() { # hook → its output in $tmp/out, its exit status in $status
	status=0
	pre-commit run "$1" --all-files >"$tmp/out" 2>&1 || status=$?
	# pre-commit's own errors (a bad manifest, a failed install) exit 1 too.
	if grep -q 'An error has occurred' "$tmp/out"; then fail "pre-commit failed running $1"; fi
}
fail() { echo "precommit.sh: $*" >&2; cat "$tmp/out" >&2; exit 1; }

run restage-check
[ "$status" = 1 ] || fail "restage-check on a single-stage Dockerfile: exit $status, want 1"
grep -qx 'svc/Dockerfile' "$tmp/out" || fail "restage-check does not list svc/Dockerfile"
grep -q 'done/Dockerfile$' "$tmp/out" && fail "restage-check lists the multi-stage done/Dockerfile"
git diff --quiet || fail "restage-check changed files"

run restage
[ "$status" = 1 ] || fail "restage on a single-stage Dockerfile: exit $status, want 1 (files were modified)"
grep -q 'files were modified by this hook' "$tmp/out" || fail "restage: pre-commit does not report the rewrite"
[ "$(git diff --name-only)" = svc/Dockerfile ] || fail "restage changed $(git diff --name-only | tr '\n' ' '), want svc/Dockerfile only"
cmp -s svc/Dockerfile "$here/testdata/go/go-mod-download-layering/want" || fail "svc/Dockerfile is not restage's output (testdata want)"

run restage-check
[ "$status" = 0 ] || fail "restage-check after the fix: exit $status, want 0"
run restage
[ "$status" = 0 ] || fail "restage after the fix: exit $status, want 0"
echo "precommit.sh: ok (restage-check fails, restage fixes, restage-check passes)"

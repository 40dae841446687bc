#!/usr/bin/env bash
# Lints the example workflows (docs/workflows) and this repository's action as callers see it,
# with actionlint from the Go module proxy (installed once into GOPATH/bin). actionlint checks a
# local action's inputs and outputs only inside a git project with .github/workflows, and this
# repository keeps its examples out of .github/workflows so that they never run here; so the
# files are copied into a throwaway project of that shape. action.yml's own wiring is checked by
# the Go tests in action/.
set -euo pipefail
cd "$(dirname "$0")/.."
version=v1.7.12
bin="$(go env GOPATH)/bin/actionlint"
if ! [ -x "$bin" ] || [ "$("$bin" -version | head -1)" != "$version" ]; then
	GOFLAGS=-buildvcs=false go install "github.com/rhysd/actionlint/cmd/actionlint@$version"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/.github/workflows"
cp action.yml "$tmp/"
cp docs/workflows/*.yml "$tmp/.github/workflows/"
git -C "$tmp" init -q
# Messages name the copies; map them back to the files in this repository.
(cd "$tmp" && "$bin" -no-color) | sed 's|^\.github/workflows/|docs/workflows/|'

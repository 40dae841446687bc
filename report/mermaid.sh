#!/usr/bin/env bash
# Fetches Mermaid's browser bundle (dist/mermaid.min.js of the npm package, one file with no
# dependencies) into report/.cache/, for the browser test that draws the Markdown report's
# chart with Mermaid itself (go test -tags browser ./report/). Only `npm pack`: it downloads
# the package's tarball and installs nothing. Kept when already there. Prints the file's path.
# The version is pinned so that a new Mermaid cannot change a CI run; GitHub renders ```mermaid
# blocks with a Mermaid of its own choosing, which has had xychart-beta since 10.5.
set -euo pipefail
version=11.17.2
cd "$(dirname "$0")"
out=.cache/mermaid-$version.min.js
if [ ! -s "$out" ]; then
	mkdir -p .cache
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	(cd "$tmp" && npm pack --silent "mermaid@$version" >/dev/null)
	tar -xzf "$tmp/mermaid-$version.tgz" -C "$tmp" package/dist/mermaid.min.js
	mv "$tmp/package/dist/mermaid.min.js" "$out"
fi
echo "$PWD/$out"

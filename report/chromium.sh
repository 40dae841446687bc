#!/usr/bin/env bash
# Installs Debian's chromium when it is missing, for the browser test of the
# HTML report (go test -tags browser ./report/). Prints the browser's path.
# apt-get update runs only when the first install attempt finds no package,
# so that a machine with fresh lists pays nothing for it.
set -euo pipefail
if ! command -v chromium >/dev/null; then
	if [ "$(id -u)" = 0 ]; then as_root=(); else as_root=(sudo); fi
	install() { "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >/dev/null; }
	install || { "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null && install; }
fi
command -v chromium

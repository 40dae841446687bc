#!/usr/bin/env bash
# Installs the editors the editors test drives (go test -tags editors ./e2e/editors/), from
# Debian's archive, when they are missing: neovim (0.7.2 in bookworm), emacs-nox (28) and
# elpa-eglot (1.9). apt-get update runs only when the first install fails, so a machine with a
# fresh package index pays nothing for it.
set -euo pipefail
want=()
command -v nvim >/dev/null || want+=(neovim)
command -v emacs >/dev/null || want+=(emacs-nox)
# eglot is a package of its own before Emacs 29; ask dpkg, not the load-path.
dpkg-query -W -f='${Status}' elpa-eglot 2>/dev/null | grep -q 'install ok installed' || want+=(elpa-eglot)
[ ${#want[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then as_root=(); else as_root=(sudo); fi
apt() { "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "$@"; }
echo "installing ${want[*]}"
# --no-install-recommends: emacs-nox recommends a mail agent and neovim python/clipboard
# helpers; none of them is used, and they double the download.
apt install -y -q --no-install-recommends "${want[@]}" >/dev/null ||
	{ apt update -q >/dev/null && apt install -y -q --no-install-recommends "${want[@]}" >/dev/null; }

#!/usr/bin/env bash
# Make sure a Docker engine with BuildKit is usable on this machine.
#
# - installs docker.io (Debian's engine + a 20.10 client with BuildKit built in) and debootstrap
#   with apt-get when they are missing;
# - starts dockerd as root in the background when `docker info` fails;
# - waits up to 60 s for it.
#
# Safe to call any number of times. Exits non-zero with a message when the engine cannot be had.
# DOCKER selects the client (default /usr/bin/docker: /usr/local/bin/docker refuses BuildKit).
set -euo pipefail

DOCKER=${DOCKER:-/usr/bin/docker}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache=$here/.cache
log=$cache/dockerd.log

die() { echo "docker-up: $*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root for: $*"; fi; }

missing=()
[ -x /usr/bin/docker ] && command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
if [ ${#missing[@]} -gt 0 ]; then
	echo "docker-up: installing ${missing[*]}" >&2
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 ||
		die "apt-get update failed"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
		"${missing[@]}" >&2 || die "apt-get install ${missing[*]} failed"
fi
[ -x "$DOCKER" ] || die "docker client $DOCKER not found (set DOCKER=...)"

if "$DOCKER" info >/dev/null 2>&1; then
	echo "docker-up: engine already running" >&2
	exit 0
fi

mkdir -p "$cache"
if ! pgrep -x dockerd >/dev/null 2>&1; then
	echo "docker-up: starting dockerd (log: $log)" >&2
	# setsid: its own session, so it outlives this script and is not hit by the caller's signals.
	as_root setsid nohup dockerd >"$log" 2>&1 </dev/null &
else
	echo "docker-up: dockerd is already starting, waiting for it" >&2
fi

for _ in $(seq 60); do
	if "$DOCKER" info >/dev/null 2>&1; then
		echo "docker-up: engine ready ($("$DOCKER" version --format '{{.Server.Version}}' 2>/dev/null))" >&2
		exit 0
	fi
	sleep 1
done
echo "docker-up: last lines of $log:" >&2
tail -n 20 "$log" >&2 2>/dev/null || true
die "dockerd did not answer 'docker info' within 60 s"
